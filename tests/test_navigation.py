"""How generated sections become the navigation (of the MkDocs build and of the exported
`mkdocs.yml` alike)."""

from __future__ import annotations

from types import SimpleNamespace

from sozialraumplan.seiten import Abschnitt, Seite
from sozialraumplan.seitenbaum import NAV_HOECHSTENS, navigation_erweitern


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
