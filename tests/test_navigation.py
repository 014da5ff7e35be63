"""How generated sections become the navigation (of the MkDocs build and of the exported
`mkdocs.yml` alike)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

from conftest import REPO, mkdocs_bauen, website_kopieren
from mkdocs.utils.yaml import yaml_load

from sozialraumplan.seiten import Abschnitt, Seite
from sozialraumplan.seitenbaum import NAV_HOECHSTENS, navigation_erweitern, navigation_pfade


def abschnitt(titel: str, ordner: str, anzahl: int) -> Abschnitt:
    return Abschnitt(titel, [Seite(f"{ordner}/index.md", titel, "")]
                     + [Seite(f"{ordner}/s{i}.md", f"S{i}", "") for i in range(anzahl)])


def test_abschnitt_mit_unterabschnitten_aus_seinem_ordner(tmp_path):
    site = SimpleNamespace(abschnitte=[abschnitt("Atlas", "atlas", 2), abschnitt("Profile", "atlas/stadtteile", 3)])
    nav = navigation_erweitern(["index.md", "atlas/index.md"], site, tmp_path)
    assert nav == ["index.md", {"Atlas": ["atlas/index.md", "atlas/s0.md", "atlas/s1.md",
                                          {"Profile": ["atlas/stadtteile/index.md", "atlas/stadtteile/s0.md",
                                                       "atlas/stadtteile/s1.md", "atlas/stadtteile/s2.md"]}]}]


def test_sehr_grosse_abschnitte_zeigen_nur_ihre_uebersicht(tmp_path):
    site = SimpleNamespace(abschnitte=[abschnitt("Profile", "profile", NAV_HOECHSTENS + 1)])
    assert navigation_erweitern([{"Stadtteile": "profile/index.md"}], site, tmp_path) == [
        {"Stadtteile": "profile/index.md"}]


def test_atlas_eintrag_entfaellt_ohne_atlasdaten(tmp_path):
    site = SimpleNamespace(abschnitte=[])
    assert navigation_erweitern(["index.md", "atlas/index.md"], site, tmp_path) == ["index.md"]


def test_pfade_der_navigation_auch_in_unterabschnitten():
    nav = ["index.md", {"Atlas": ["atlas/index.md", {"Profile": ["atlas/stadtteile/index.md"]}]},
           {"Mitmachen": "mitmachen.md"}, {"Quelltext": "https://example.org/"}]
    assert navigation_pfade(nav) == {"index.md", "atlas/index.md", "atlas/stadtteile/index.md", "mitmachen.md",
                                     "https://example.org/"}


def zweitstadt_mit_vergessener_seite(tmp_path) -> Path:
    """The second city with an atlas (so Leichte Sprache for each district) and two hand-written
    pages someone forgot to put into the nav."""
    wurzel = tmp_path / "auenfeld"
    shutil.copytree(REPO / "tests/fixtures/zweitstadt", wurzel)
    website_kopieren(wurzel)
    (wurzel / "docs/termine.md").write_text("# Termine\n\nDas nächste Treffen ist im Mai.\n", encoding="utf-8")
    # and one beside the generated Leichte-Sprache pages, with characters a pattern would read as wildcards
    (wurzel / "docs/leichte-sprache/[entwurf]*.md").write_text("# Entwurf\n\nDas ist ein Entwurf.\n", encoding="utf-8")
    return wurzel


VERGESSEN = ["leichte-sprache/[entwurf]*.md", "termine.md"]
"""The two forgotten pages."""


def nicht_in_der_navigation(lauf: subprocess.CompletedProcess) -> list[str]:
    """The pages a build names as missing from the nav, in order of their names."""
    assert lauf.returncode == 0, lauf.stderr
    liste = lauf.stderr.split('not included in the "nav" configuration:', 1)[1].split("INFO", 1)[0]
    return sorted(zeile.strip().removeprefix("- ") for zeile in liste.splitlines() if zeile.strip())


def test_nur_eine_vergessene_handgeschriebene_seite_heisst_nicht_in_der_navigation(tmp_path):
    """The build names pages missing from the nav, for an editor who forgot one; the pages the
    program leaves out of the menus on purpose (Leichte Sprache of each district) are not named."""
    wurzel = zweitstadt_mit_vergessener_seite(tmp_path)
    lauf = mkdocs_bauen(wurzel, tmp_path / "site")
    assert list((tmp_path / "site/leichte-sprache/stadtteile").glob("*.html"))
    assert nicht_in_der_navigation(lauf) == VERGESSEN


def test_der_export_laesst_dieselben_seiten_in_wenigen_zeilen_aus_der_navigation(tmp_path):
    """`sozialraumplan seiten` writes the same choice into the exported mkdocs.yml, as patterns per
    folder: a plain build of the export names only the forgotten pages, too."""
    wurzel = zweitstadt_mit_vergessener_seite(tmp_path)
    export = tmp_path / "export"
    lauf = subprocess.run([sys.executable, "-m", "sozialraumplan.cli", "--wurzel", str(wurzel), "seiten",
                           "--ziel", str(export)], capture_output=True, text=True)
    assert lauf.returncode == 0, lauf.stderr
    muster = yaml_load((export / "mkdocs.yml").read_text(encoding="utf-8"))["not_in_nav"].splitlines()
    assert "/leichte-sprache/stadtteile/*.md" in muster and "/redaktion/makros.md" in muster
    assert len(muster) < 20 and not any("termine" in m for m in muster)
    assert "!/leichte-sprache/\\[entwurf\\]\\*.md" in muster
    lauf = mkdocs_bauen(export, tmp_path / "site")
    assert list((tmp_path / "site/leichte-sprache/stadtteile").glob("*.html"))
    assert nicht_in_der_navigation(lauf) == VERGESSEN
