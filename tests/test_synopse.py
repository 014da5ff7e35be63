"""`sozialraumplan synopse A B`: two tagged Fortschreibungen of Musterstadt side by side, as the
Stadtrat reads them (the changes between v2025.1 and v2026.1 are listed in
`fixtures/diff/zwei_fassungen.py`).

The HTML is read the way a browser reads it (tinyhtml5, WeasyPrint's parser): one table per
entry, old wording in the first column of values, new wording in the second.
"""

from __future__ import annotations

import pytest
import tinyhtml5
from fixtures.diff.zwei_fassungen import LEITSATZ_ALT, LEITSATZ_NEU, zwei_fassungen

from sozialraumplan.cli import main

NS = "{http://www.w3.org/1999/xhtml}"
ALT = "Bisherige Fassung: v2025.1 (Erste Fortschreibung 2025, Stand 30. Juni 2025)"
NEU = "Neue Fassung: v2026.1 (Zweite Fortschreibung 2026, Stand 30. Juni 2026)"


def text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def ohne_marken(element) -> str:
    """A cell's wording as it stands in its version: the words „gestrichen:“/„eingefügt:“ that
    mark a change are left out."""
    teile = []
    if element.text:
        teile.append(element.text)
    for kind in element:
        if kind.tag == f"{NS}span" and "synopse-marke" in kind.get("class", ""):
            teile.append(kind.tail or "")
            continue
        teile.append(ohne_marken(kind))
        teile.append(kind.tail or "")
    return " ".join("".join(teile).split())


class Synopsenseite:
    """The written file, parsed."""

    def __init__(self, html: str) -> None:
        self.html = html
        self.dokument = tinyhtml5.parse(html)

    def tabelle(self, ueberschrift: str):
        """The table of the entry whose caption starts with `ueberschrift`."""
        treffer = [t for t in self.dokument.iter(f"{NS}table")
                   if text(t.find(f"{NS}caption")).startswith(ueberschrift)]
        assert len(treffer) == 1, f"{len(treffer)} Tabellen für „{ueberschrift}“"
        return treffer[0]

    def zeile(self, ueberschrift: str, feld: str) -> tuple:
        """(row header, old cell, new cell) of field `feld` in the entry's table."""
        for zeile in self.tabelle(ueberschrift).iter(f"{NS}tr"):
            kopf = zeile.find(f"{NS}th")
            if kopf is not None and kopf.get("scope") == "row" and text(kopf).startswith(feld):
                alt, neu = zeile.findall(f"{NS}td")
                return kopf, alt, neu
        raise AssertionError(f"keine Zeile „{feld}“ in „{ueberschrift}“")

    def ueberschriften(self) -> list[str]:
        return [text(e) for e in self.dokument.iter() if e.tag in (f"{NS}h2", f"{NS}h3")]


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    from conftest import KLEINSTADT, PlanOrdner

    ordner = PlanOrdner(tmp_path_factory.mktemp("synopse") / "musterstadt")
    for pfad, inhalt in KLEINSTADT.items():
        ordner.schreiben(pfad, inhalt)
    return zwei_fassungen(ordner)


@pytest.fixture(scope="module")
def seite(repo, tmp_path_factory) -> Synopsenseite:
    datei = tmp_path_factory.mktemp("ausgabe") / "synopse.html"
    assert main(["--wurzel", str(repo.wurzel), "synopse", "v2025.1", "v2026.1", "--ausgabe", str(datei)]) == 0
    return Synopsenseite(datei.read_text(encoding="utf-8"))


def test_ein_eigenstaendiges_deutsches_dokument_ohne_skript(seite):
    assert seite.html.startswith('<!DOCTYPE html>\n<html lang="de">')
    assert "<script" not in seite.html
    assert "Content-Security-Policy\" content=\"default-src 'none'; style-src 'sha256-" in seite.html


def test_die_ueberschrift_nennt_drucksache_und_beide_fassungen(seite):
    assert text(seite.dokument.find(f".//{NS}h1")) == "Synopse v2025.1 – v2026.1: Drucksache DS 0815/26"
    vorspann = text(seite.dokument.find(f".//{NS}main"))
    assert "Drucksache DS 0815/26: Zweite Fortschreibung des Integrierten Sozialraumplans" in vorspann
    assert ("Beschlussvorschlag: Der Stadtrat beschließt die Zweite Fortschreibung 2026 des Integrierten "
            "Sozialraumplans.") in vorspann
    assert "Sitzung des Stadtrats am 17. September 2026." in vorspann
    assert ("Links steht die bisherige Fassung v2025.1 (Erste Fortschreibung 2025, Stand 30. Juni 2025), rechts "
            "die neue Fassung v2026.1 (Zweite Fortschreibung 2026, Stand 30. Juni 2026).") in vorspann


def test_jeder_eintrag_ist_eine_tabelle_mit_spaltenkoepfen_alt_dann_neu(seite):
    tabellen = list(seite.dokument.iter(f"{NS}table"))
    assert len(tabellen) == 6 + 3 + 2 + 1 + 1  # Leitlinien, Maßnahmen M001–M003, Gremien, Glossar, Sozialindex
    for tabelle in tabellen:
        koepfe = [text(th) for th in tabelle.find(f"{NS}thead").iter(f"{NS}th")]
        assert koepfe[1:] == [ALT, NEU], koepfe
        assert all(th.get("scope") == "col" for th in tabelle.find(f"{NS}thead").iter(f"{NS}th"))


def test_der_geaenderte_satz_steht_ganz_in_beiden_spalten_und_die_woerter_sind_markiert(seite):
    kopf, alt, neu = seite.zeile("Leitlinie 1: Teilhabe ermöglichen", "Leitsatz")
    assert text(kopf) == "Leitsatz (geändert)"
    assert ohne_marken(alt) == LEITSATZ_ALT
    assert ohne_marken(neu) == LEITSATZ_NEU
    assert [text(e) for e in neu.iter(f"{NS}ins")] == ["eingefügt: Menschen", "eingefügt: und mitentscheiden"]
    assert list(alt.iter(f"{NS}del")) == []  # nothing of the old sentence was deleted


def test_ein_ersetztes_wort_ist_links_gestrichen_und_rechts_eingefuegt(seite):
    _, alt, neu = seite.zeile("M001: Stadtteilzentrum Nordstadt eröffnen", "Titel")
    assert ohne_marken(alt) == "Stadtteilzentrum Nord eröffnen"
    assert [text(e) for e in alt.iter(f"{NS}del")] == ["gestrichen: Nord"]
    assert ohne_marken(neu) == "Stadtteilzentrum Nordstadt eröffnen"
    assert [text(e) for e in neu.iter(f"{NS}ins")] == ["eingefügt: Nordstadt"]


def test_die_umbenannte_massnahme_erscheint_einmal(seite):
    assert seite.html.count('id="synopse-massnahme-M001"') == 1
    assert "M001: Stadtteilzentrum Nordstadt eröffnen (geändert)" in seite.ueberschriften()
    assert not any("Stadtteilzentrum Nord eröffnen" in u for u in seite.ueberschriften())
    assert ("Dieselbe Kennung, die Datei wurde umbenannt: plan/massnahmen/M001.yml → plan/massnahmen/M001.yaml."
            in text(seite.dokument.find(f".//{NS}main")))


def test_neue_und_entfallene_eintraege_sind_benannt(seite):
    ueberschriften = seite.ueberschriften()
    assert "M003: Familienbüro Süd einrichten (neu)" in ueberschriften
    assert "M002: Sozialatlas fortschreiben (entfällt)" in ueberschriften
    _, alt, neu = seite.zeile("M003: Familienbüro Süd einrichten", "Beschreibung")
    assert (text(alt), text(neu)) == ("(in dieser Fassung nicht enthalten)", "Beratung für Familien an einem Ort.")
    _, alt, neu = seite.zeile("M002: Sozialatlas fortschreiben", "Beschreibung")
    assert (text(alt), text(neu)) == ("Neue Zahlen für alle Stadtteile.", "(entfällt)")
    assert "3 geändert, 1 neu, 1 entfallen, 7 unverändert." in text(seite.dokument.find(f".//{NS}main"))


def test_gremium_mitglieder_aufgaben_und_turnus(seite):
    kopf, alt, neu = seite.zeile("Begleitgremium", "Mitglieder")
    assert text(kopf) == "Mitglieder (geändert)"
    assert [text(li) for li in alt.iter(f"{NS}li")] == ["Sozialamt", "gestrichen: Jobcenter"]
    assert [text(li) for li in neu.iter(f"{NS}li")] == ["Sozialamt", "eingefügt: Agentur für Arbeit"]
    _, alt, neu = seite.zeile("Begleitgremium", "Aufgaben")
    assert text(alt) == text(neu) == "Maßnahmen bewerten"
    _, alt, neu = seite.zeile("Begleitgremium", "Turnus")
    assert text(alt) == text(neu) == "mehrmals im Jahr"


def test_unveraenderte_eintraege_sind_eingeklappt_aber_aufgefuehrt(seite):
    zusammenfassungen = [text(s) for s in seite.dokument.iter(f"{NS}summary")]
    assert zusammenfassungen == [
        "Leitlinie 2: Armut vermeiden (unverändert)",
        "Leitlinie 3: Infrastruktur bedarfsgerecht gestalten (unverändert)",
        "Leitlinie 4: Nachbarschaften stärken (unverändert)",
        "Leitlinie 5: Engagement unterstützen (unverändert)",
        "Leitlinie 6: Quartiersarbeit verstetigen (unverändert)",
        "Arbeitskreis Quartiersarbeit (unverändert)",
        "Quartiers- und Sozialraumarbeit (unverändert)",
    ]
    for details in seite.dokument.iter(f"{NS}details"):
        assert details.get("open") is None
        assert details.find(f"{NS}table") is not None


def test_die_indexklasse_jedes_stadtteils(seite):
    _, alt, neu = seite.zeile("Klasse im Sozialindex je Stadtteil", "Nordstadt")
    assert (text(alt), text(neu)) == ("gestrichen: Stufe 2 von 2: hoch", "eingefügt: Stufe 1 von 2: niedrig")
    _, alt, neu = seite.zeile("Klasse im Sozialindex je Stadtteil", "Südstadt")
    assert (text(alt), text(neu)) == ("gestrichen: Stufe 1 von 2: niedrig", "eingefügt: Stufe 2 von 2: hoch")
    assert "2 von 2 Stadtteilen wechseln die Klasse" in seite.html


def test_texte_aus_dem_plan_bleiben_text(repo, tmp_path, capsys):
    """A sentence with markup characters (they come from pull requests) is shown, never run."""
    repo.ersetzen("plan/leitlinien/L2.yml", "leitsatz: Niemand soll abgehängt werden.",
                  "leitsatz: 'Niemand soll abgehängt werden & Kosten < 5 \"Euro\" <3'")
    try:
        datei = tmp_path / "synopse.html"
        assert main(["--wurzel", str(repo.wurzel), "synopse", "v2026.1", "--ausgabe", str(datei)]) == 0
        html = datei.read_text(encoding="utf-8")
        assert ('<ins><span class="synopse-marke">eingefügt:</span> werden &amp; Kosten &lt; 5 &quot;Euro&quot; '
                "&lt;3</ins>") in html
        assert "<3" not in html
    finally:
        repo.git("checkout", "--", "plan/leitlinien/L2.yml")


def test_eine_unbekannte_fassung(repo, capsys):
    assert main(["--wurzel", str(repo.wurzel), "synopse", "v2024.1", "v2026.1"]) == 2
    assert "Die Revision „v2024.1“ gibt es im Repository" in capsys.readouterr().err
