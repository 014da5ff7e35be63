"""The editor macros: bound once per build, relative links from any page, clear errors."""

from __future__ import annotations

import shutil

import pytest
from conftest import REPO, mkdocs_bauen, website_kopieren
from selectolax.lexbor import LexborHTMLParser

from sozialraumplan.atlas.laden import atlas_laden
from sozialraumplan.atlas.makros import MAKROS, MakroFehler, makros_binden
from sozialraumplan.laden import plan_laden
from sozialraumplan.quelle import Ordner
from sozialraumplan.render.htmlbloecke import ohne_marken


@pytest.fixture
def aufruf():
    """The bound macros and a way to say which page is being rendered."""
    quelle = Ordner(REPO / "tests/fixtures/zweitstadt")
    plan = plan_laden(quelle)
    aktuell = {"seite": "themen/jugend.md"}
    makros = makros_binden(plan, atlas_laden(quelle, plan), lambda: aktuell["seite"])
    return makros, aktuell


def test_alle_makros_sind_gebunden_und_dokumentiert(aufruf):
    makros, _ = aufruf
    assert set(makros) == set(MAKROS)
    seite = (REPO / "docs/redaktion/makros.md").read_text(encoding="utf-8")
    for name, funktion in makros.items():
        assert funktion.__doc__, name
        assert f"{{{{ {name}(" in seite, f"{name} fehlt in docs/redaktion/makros.md"


def test_tabelle_verlinkt_relativ_zur_aufrufenden_seite(aufruf):
    makros, _ = aufruf
    text = makros["indikator_tabelle"]("altersarmut", jahr=2022, stadtteile=["hafen", "zentrum"])
    assert ohne_marken(text).startswith('\n\n<div class="atlas-tabelle"')
    assert '<a href="../atlas/stadtteile/hafen.html">Hafen</a>' in text
    assert "Altdorf" not in text and "<caption>Altersarmut 2022 nach Stadtteilen (Beispieldaten)</caption>" in text


def test_karten_bringen_kein_skript_mit(aufruf):
    """The map script and stylesheet are the site's own, on every page: a macro adds only data."""
    makros, _ = aufruf
    for text in (makros["indikator_karte"]("schulabbruch"), makros["sozialindex_karte"](ebene=3)):
        assert "<script" not in text and "<link" not in text and 'data-karte="' in text


def test_wert_im_fliesstext(aufruf):
    makros, _ = aufruf
    assert makros["indikator_wert"]("altersarmut", "hafen") == "12,1\u00a0% (2024, Beispieldaten)"
    assert makros["indikator_wert"]("einwohner", jahr=2020) == "33.370 Personen (2020, Beispieldaten)"
    assert makros["indikator_wert"]("altersarmut", "werderinseln") == "keine Angabe (2024, Beispieldaten)"


def test_profil_steckbrief_standorte(aufruf):
    makros, _ = aufruf
    profil = makros["stadtteil_profil"]("hafen")
    assert "Rang 1 von 5" in profil and "[Zum Profil von Hafen](../atlas/stadtteile/hafen.md)" in profil
    steckbrief = makros["indikator_steckbrief"]("schulabbruch")
    assert "- Formel: Abgänge ohne Abschluss ÷ alle Abgänge × 100" in steckbrief
    assert "[Zum Indikatorenblatt](../atlas/indikatoren/schulabbruch.md)" in steckbrief
    standorte = makros["standorte_tabelle"](art="stadtteilzentrum")
    assert "Stadtteilzentrum Mitte" in standorte and "Quartiersarbeit Hafen" not in standorte
    assert "Südhang" not in makros["sozialindex_tabelle"](stadtteile=["hafen", "zentrum"])


@pytest.mark.parametrize("name, argumente, teil", [
    ("indikator_karte", ("altersarmuth",), "Den Indikator „altersarmuth“ gibt es nicht. meinten Sie „altersarmut“?"),
    ("indikator_tabelle", ("altersarmut", 2019), "keine Werte für 2019; vorhanden: 2020, 2022, 2024"),
    ("stadtteil_profil", ("hafn",), "Den Stadtteil „hafn“ gibt es nicht. meinten Sie „hafen“?"),
    ("standorte_tabelle", (None, "kita"), "„kita“ ist keine Standortart"),
])
def test_falsche_argumente_geben_deutsche_fehlermeldungen(aufruf, name, argumente, teil):
    makros, _ = aufruf
    with pytest.raises(MakroFehler) as fehler:
        makros[name](*argumente)
    assert teil in str(fehler.value)


PROBESEITE = """\
# Probe

!!! note "Hinweis"
    Vor der Tabelle.

    {{ indikator_tabelle("altersarmut") }}

    Nach der Tabelle.

1. Erster Punkt:

    {{ sozialindex_tabelle() }}

    Noch im ersten Punkt.

2. Zweiter Punkt.

> Zitat davor.
>
> {{ indikator_tabelle("einwohner") }}
>
> Zitat danach.

- {{ indikator_tabelle("altersarmut") }}
- Zweiter Strich.

Ende.
"""


def test_eine_tabelle_im_hinweis_in_der_liste_und_im_zitat_bleibt_darin(tmp_path):
    """Jinja writes only the first line of a macro's output where the call stands: the rest at the
    margin ended the admonition, put the table after it and showed the text after it as code."""
    wurzel = tmp_path / "auenfeld"
    shutil.copytree(REPO / "tests/fixtures/zweitstadt", wurzel, ignore=shutil.ignore_patterns("README.md"))
    website_kopieren(wurzel)
    (wurzel / "docs/probe.md").write_text(PROBESEITE, encoding="utf-8")
    ergebnis = mkdocs_bauen(wurzel, tmp_path / "site")
    assert ergebnis.returncode == 0, ergebnis.stderr
    artikel = LexborHTMLParser((tmp_path / "site/probe.html").read_text(encoding="utf-8")).css_first("article")
    hinweis, punkt, zitat = artikel.css_first(".admonition"), artikel.css_first("ol > li"), artikel.css_first("blockquote")
    for umgebung, danach in ((hinweis, "Nach der Tabelle."), (punkt, "Noch im ersten Punkt."), (zitat, "Zitat danach.")):
        assert umgebung.css_first("table") is not None and danach in umgebung.text()
    striche = artikel.css("article > ul > li")
    assert len(striche) == 2 and striche[0].css_first("table") is not None
    assert len(artikel.css("table")) == 4 and artikel.css_first("pre") is None
