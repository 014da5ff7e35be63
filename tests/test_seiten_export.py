"""`sozialraumplan seiten --ziel DIR`: the whole site as plain files, built by another engine.

Material for MkDocs ends on 5 May 2027 and MkDocs 1.x is unmaintained. Zensical reads
`mkdocs.yml` but runs no hooks: from the repository itself it would build a site without the
plan. From the exported tree it builds the real site — this is what these tests prove, on the
Erfurt plan of this repository.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO, PlanOrdner, kleinstadt_anlegen, mkdocs_bauen, website_kopieren

from sozialraumplan.docs_seiten import repo_adresse
from sozialraumplan.render.htmlbloecke import ohne_marken
from sozialraumplan.seitenbaum import seitenbaum
from sozialraumplan.website import Website, website_bauen

ZENSICAL = Path(sys.executable).with_name("zensical")
CODE = re.compile(r"<(pre|code)\b.*?</\1>", re.DOTALL)


def seiten_schreiben(wurzel: Path, ziel: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sozialraumplan.cli", "--wurzel", str(wurzel), "seiten",
                           "--ziel", str(ziel)], capture_output=True, text=True)


def ohne_code(seite: str) -> str:
    """A page without its code examples (docs/redaktion/makros.md shows `{{ … }}` on purpose)."""
    return CODE.sub("", seite)


@pytest.fixture(scope="module")
def erfurt() -> Website:
    return website_bauen(REPO)


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Erfurt site written by `sozialraumplan seiten`."""
    ziel = tmp_path_factory.mktemp("export")
    ergebnis = seiten_schreiben(REPO, ziel)
    assert ergebnis.returncode == 0, ergebnis.stderr
    return ziel


@pytest.fixture(scope="module")
def zensical_site(export: Path) -> Path:
    """The exported tree built by Zensical, as a city that has switched would build it."""
    if not ZENSICAL.exists():
        pytest.fail("Zensical ist nicht installiert, obwohl es im Test-Extra steht — führen Sie "
                    "„scripts/setup.sh test“ aus (es installiert requirements.lock).")
    ergebnis = subprocess.run([str(ZENSICAL), "build", "--clean"], cwd=export, capture_output=True, text=True)
    assert ergebnis.returncode == 0, ergebnis.stdout + ergebnis.stderr
    return export / "site"


def test_der_export_enthaelt_jede_erzeugte_seite_fertig_gerendert(export: Path, erfurt: Website):
    for seite in erfurt.seiten():
        markdown = (export / "docs" / seite.pfad).read_text(encoding="utf-8")
        assert markdown.startswith(ohne_marken(erfurt.seitentext(seite))), seite.pfad
        assert erfurt.abkuerzungen in markdown, f"{seite.pfad}: die Abkürzungen des Glossars fehlen"
    for datei in erfurt.dateien:
        assert (export / "docs" / datei.pfad).read_bytes() == datei.inhalt


def test_handgeschriebene_seiten_stehen_mit_ausgefuehrten_makros_im_export(export: Path, erfurt: Website):
    baum = seitenbaum(erfurt, REPO, repo_adresse(REPO))
    assert "index.md" in baum.handgeschrieben and "redaktion/makros.md" in baum.handgeschrieben
    for pfad, markdown in baum.handgeschrieben.items():
        assert (export / "docs" / pfad).read_text(encoding="utf-8") == ohne_marken(markdown)
    startseite = (export / "docs" / "index.md").read_text(encoding="utf-8")
    assert "{{" not in startseite and "{%" not in startseite
    assert (export / "docs" / "stylesheets" / "barrierefreiheit.css").is_file()


def test_die_exportierte_konfiguration_hat_die_ganze_navigation_und_keine_hooks(export: Path, erfurt: Website):
    text = (export / "mkdocs.yml").read_text(encoding="utf-8")
    assert "site_url: !ENV [SOZIALRAUMPLAN_ADRESSE, null]" in text
    konfiguration = yaml.load(text, Loader=yaml.BaseLoader)
    assert "hooks" not in konfiguration
    assert konfiguration["site_name"] == erfurt.plan.info.titel
    nav = yaml.dump(konfiguration["nav"], allow_unicode=True)
    for massnahme in erfurt.plan.massnahmen:
        assert f"massnahmen/{massnahme.id}.md" in nav


def test_zensical_baut_aus_dem_export_die_ganze_website(zensical_site: Path, erfurt: Website):
    for seite in erfurt.seiten():
        datei = zensical_site / seite.pfad.replace(".md", ".html")
        assert datei.is_file(), f"Zensical hat {seite.pfad} nicht gebaut"
        assert "<h1" in datei.read_text(encoding="utf-8"), f"{datei.name} hat keine Überschrift"


def test_leitlinien_massnahmen_und_gremien_stehen_mit_inhalt_in_der_zensical_website(zensical_site: Path,
                                                                                     erfurt: Website):
    plan = erfurt.plan
    for leitlinie in plan.leitlinien:
        seite = html.unescape((zensical_site / "leitlinien" / f"{leitlinie.id}.html").read_text(encoding="utf-8"))
        assert leitlinie.titel in seite
    katalog = (zensical_site / "massnahmen" / "index.html").read_text(encoding="utf-8")
    assert "<table" in katalog
    for massnahme in plan.massnahmen:
        assert f'href="{massnahme.id}.html"' in katalog
        seite = html.unescape((zensical_site / "massnahmen" / f"{massnahme.id}.html").read_text(encoding="utf-8"))
        assert massnahme.titel in seite
    for gremium in plan.gremien:
        seite = html.unescape((zensical_site / "gremien" / f"{gremium.id}.html").read_text(encoding="utf-8"))
        assert gremium.name in seite


def test_atlas_mit_karten_und_tabellen_in_der_zensical_website(zensical_site: Path, erfurt: Website):
    atlas = erfurt.bestand.atlas
    assert atlas is not None
    assert "data-karte=" in (zensical_site / "atlas" / "index.html").read_text(encoding="utf-8")
    for indikator in atlas.indikatoren:
        seite = (zensical_site / "atlas" / "indikatoren" / f"{indikator.id}.html").read_text(encoding="utf-8")
        assert "data-karte=" in seite and "<table" in seite, indikator.id
    assert (zensical_site / "assets" / "atlas" / "atlas-karte.js").is_file()
    assert re.search(r'src="(\./)?assets/atlas/atlas-karte\.js"', (zensical_site / "index.html").read_text(encoding="utf-8"))


def test_leichte_sprache_in_der_zensical_website(zensical_site: Path, erfurt: Website):
    seite = (zensical_site / "leichte-sprache" / "index.html").read_text(encoding="utf-8")
    assert "Leichte Sprache" in seite
    assert 'href="massnahmen.html"' in seite or 'href="massnahmen.html#' in seite
    for leitlinie in erfurt.plan.leitlinien:
        assert (zensical_site / "leichte-sprache" / "leitlinien" / f"{leitlinie.id}.html").is_file()


def test_keine_seite_der_zensical_website_enthaelt_unausgefuehrte_makros(zensical_site: Path):
    seiten = sorted(zensical_site.rglob("*.html"))
    assert len(seiten) > 100
    for seite in seiten:
        text = ohne_code(seite.read_text(encoding="utf-8"))
        assert "{{" not in text and "{%" not in text, seite.relative_to(zensical_site)


def test_der_export_baut_mit_mkdocs_ohne_hook_dieselben_seiten(tmp_path: Path):
    """The exported tree is plain MkDocs too (the bench builds it as the baseline)."""
    ordner = kleinstadt_anlegen(tmp_path / "musterstadt")
    website_kopieren(ordner.wurzel)
    assert seiten_schreiben(ordner.wurzel, tmp_path / "export").returncode == 0
    for quelle, ziel in ((tmp_path / "export", "schlicht"), (ordner.wurzel, "voll")):
        ergebnis = mkdocs_bauen(quelle, tmp_path / ziel)
        assert ergebnis.returncode == 0, ergebnis.stderr
    seiten = {ziel: sorted(p.relative_to(tmp_path / ziel) for p in (tmp_path / ziel).rglob("*.html"))
              for ziel in ("schlicht", "voll")}
    assert seiten["schlicht"] == seiten["voll"]
    seite = (tmp_path / "schlicht" / "leitlinien" / "L1.html").read_text(encoding="utf-8")
    assert "Teilhabe ermöglichen" in seite and "Alle sollen mitreden können" in seite


def test_ein_fehlerhafter_plan_wird_nicht_exportiert(kleinstadt: PlanOrdner, tmp_path: Path):
    website_kopieren(kleinstadt.wurzel)
    kleinstadt.ersetzen("plan/leitlinien/L2.yml", "nummer: 2", "nummer: zwei")
    ergebnis = seiten_schreiben(kleinstadt.wurzel, tmp_path / "export")
    assert ergebnis.returncode == 1
    assert "plan/leitlinien/L2.yml" in ergebnis.stderr and "Traceback" not in ergebnis.stderr
    assert not (tmp_path / "export").exists()


def test_der_export_ueberschreibt_nie_das_repository(kleinstadt: PlanOrdner):
    website_kopieren(kleinstadt.wurzel)
    ergebnis = seiten_schreiben(kleinstadt.wurzel, kleinstadt.wurzel)
    assert ergebnis.returncode == 2
    assert "eigenen Ordner" in ergebnis.stderr
    assert (kleinstadt.wurzel / "docs" / "index.md").read_text(encoding="utf-8") == (REPO / "docs" / "index.md").read_text(
        encoding="utf-8")


def test_ein_alter_export_verliert_seiten_die_der_plan_nicht_mehr_hat(kleinstadt: PlanOrdner, tmp_path: Path):
    website_kopieren(kleinstadt.wurzel)
    ziel = tmp_path / "export"
    assert seiten_schreiben(kleinstadt.wurzel, ziel).returncode == 0
    assert (ziel / "docs" / "massnahmen" / "M002.md").is_file()
    kleinstadt.loeschen("plan/massnahmen/M002.yml")
    ergebnis = seiten_schreiben(kleinstadt.wurzel, ziel)
    assert ergebnis.returncode == 0, ergebnis.stderr
    assert not (ziel / "docs" / "massnahmen" / "M002.md").exists()
    assert (ziel / "docs" / "massnahmen" / "M001.md").is_file()
