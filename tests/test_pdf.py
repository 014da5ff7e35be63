"""The plan as a PDF for print and archive: tagged (PDF/UA-1), German, navigable, self-contained.

The PDF of Musterstadt (six Leitlinien, a small atlas) is opened with pypdf and pdftotext and
checked for what a screen reader and an archive need: structure tree, language, title,
bookmarks, table headers, alt text on every map, embedded local fonts, page numbers.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import KLEINSTADT, REPO, PlanOrdner
from fixtures.diff.planrepo import NACHBARSCHAFTSCAFE, WEITERE_LEITLINIEN, musterstadt_erweitern
from pypdf import PdfReader

from sozialraumplan.atlas.laden import atlas_laden
from sozialraumplan.laden import plan_laden
from sozialraumplan.pdf import plan_pdf
from sozialraumplan.pdf.druck import PdfFehler, pdf_schreiben
from sozialraumplan.quelle import Ordner

LEITLINIEN = ["Teilhabe ermöglichen", "Armut vermeiden"] + [titel for titel, _ in WEITERE_LEITLINIEN.values()]


def musterstadt_pdf(wurzel, weitere: dict[str, str] | None = None) -> bytes:
    """The PDF of Musterstadt, with `weitere` files (path → text) added to its plan."""
    ordner = PlanOrdner(wurzel)
    for pfad, text in {**KLEINSTADT, **(weitere or {})}.items():
        ordner.schreiben(pfad, text)
    musterstadt_erweitern(ordner)
    quelle = Ordner(wurzel)
    plan = plan_laden(quelle)
    return plan_pdf(plan, "v2026.1", atlas_laden(quelle, plan))


@pytest.fixture(scope="module")
def pdf(tmp_path_factory) -> bytes:
    return musterstadt_pdf(tmp_path_factory.mktemp("pdf") / "musterstadt")


@pytest.fixture(scope="module")
def leser(pdf) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


@pytest.fixture(scope="module")
def text(pdf, tmp_path_factory) -> str:
    datei = tmp_path_factory.mktemp("text") / "plan.pdf"
    datei.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(datei), "-"], capture_output=True, text=True, check=True).stdout


def struktur(leser: PdfReader) -> list[dict]:
    """Every structure element of the tag tree, depth first."""
    elemente = []

    def besuchen(knoten) -> None:
        knoten = knoten.get_object()
        if isinstance(knoten, list):
            for kind in knoten:
                besuchen(kind)
        elif hasattr(knoten, "get"):
            if "/S" in knoten:
                elemente.append(knoten)
            if "/K" in knoten:
                besuchen(knoten["/K"])

    besuchen(leser.trailer["/Root"]["/StructTreeRoot"])
    return elemente


def test_getaggt_mit_sprache_und_titel(leser):
    katalog = leser.trailer["/Root"]
    assert katalog["/MarkInfo"]["/Marked"] == True  # noqa: E712 (a pypdf BooleanObject)
    assert katalog["/Lang"] == "de"
    assert katalog["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712
    assert leser.metadata.title == "Integrierter Sozialraumplan Musterstadt – Erste Fortschreibung 2025"
    xmp = katalog["/Metadata"].get_object().get_data().decode("utf-8")
    assert 'pdfuaid:part="1"' in xmp


def test_strukturbaum_mit_ueberschriften_tabellen_und_listen(leser):
    arten = [e["/S"] for e in struktur(leser)]
    assert arten[0] == "/Document"
    assert arten.count("/H1") == 1
    assert arten.count("/H2") >= 8
    assert {"/Table", "/TH", "/TD", "/L", "/LI", "/P", "/Figure", "/Caption"} <= set(arten)


def test_tabellen_haben_kopfzellen(leser):
    elemente = struktur(leser)
    kopfzellen = [e for e in elemente if e["/S"] == "/TH"]
    datenzellen = [e for e in elemente if e["/S"] == "/TD"]
    assert kopfzellen and all("/ID" in k for k in kopfzellen)
    assert all(d["/A"]["/Headers"] for d in datenzellen), "every data cell points at its header cells"


def test_jede_karte_hat_einen_alternativtext(leser):
    bilder = [e for e in struktur(leser) if e["/S"] == "/Figure"]
    karten = [e for e in bilder if "Karte der Stadtteile" in e["/Alt"]]
    assert len(karten) == 3  # Sozialindex and two indicators
    assert [e["/Alt"] for e in bilder if e not in karten] == ["Schaubild der Gremien und ihrer Berichtswege"]
    index = karten[0]["/Alt"]
    befund, _, karte = index.partition(" Karte der Stadtteile: ")
    assert "Nordstadt" in befund  # the finding first, as the page's text says it
    assert karte.startswith("Sozialindex 2024, in 2 Klassen")
    assert "In der höchsten Klasse „Stufe 2 von 2: hoch (0,00 und mehr)“: Nordstadt." in index
    assert index.endswith("Alle Werte stehen in der Tabelle unter der Karte.")


def test_lesezeichen_aus_den_ueberschriften(leser):
    gliederung = leser.outline  # a bookmark, then the list of its children (if any)
    oben = [e.title for e in gliederung if not isinstance(e, list)]
    assert oben == ["Inhalt", "Einleitung", "Sozialpolitische Leitlinien", "Maßnahmen", "Gremien und Arbeitsformate",
                    "Sitzungen", "Sozialatlas Musterstadt", "Bedarfsermittlung", "Organigramm der Gremien", "Glossar",
                    "Impressum"]
    position = next(i for i, e in enumerate(gliederung) if not isinstance(e, list) and e.title == "Sozialpolitische Leitlinien")
    assert [e.title for e in gliederung[position + 1]] == [f"Leitlinie {n}: {t}" for n, t in enumerate(LEITLINIEN, start=1)]


def test_deckblatt_mit_fortschreibung_stand_und_tag(leser):
    deckblatt = " ".join(leser.pages[0].extract_text().split())
    for angabe in ("Musterstadt", "Integrierter Sozialraumplan Musterstadt", "Erste Fortschreibung 2025",
                   "Stand", "30. Juni 2025", "Fassung", "v2026.1"):
        assert angabe in deckblatt
    assert "Seite" not in deckblatt, "the cover has no page number"


def test_alle_sechs_leitlinien_und_seitenzahlen_im_text(text, leser):
    for titel in LEITLINIEN:
        assert titel in text
    assert f"Seite 2 von {len(leser.pages)}" in text
    assert "Stadtteilgrenzen für Tests erfunden" in text, "the licence's attribution is printed"


def test_nur_eingebettete_lokale_schriften(leser):
    schriften = {}
    for seite in leser.pages:
        for schrift in seite["/Resources"].get("/Font", {}).values():
            schrift = schrift.get_object()
            beschreibung = schrift["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            schriften[str(schrift["/BaseFont"])] = "/FontFile2" in beschreibung
    assert schriften and all(schriften.values()), schriften
    assert all("DejaVu" in name for name in schriften)


def test_keine_interaktive_karte(pdf, leser):
    assert "/AcroForm" not in leser.trailer["/Root"]
    assert b"/JavaScript" not in pdf and b"/JS " not in pdf


def test_gleicher_plan_gleiches_pdf(pdf, tmp_path):
    assert musterstadt_pdf(tmp_path / "musterstadt") == pdf


def test_bild_ohne_alternativtext_ist_ein_fehler():
    html = '<html lang="de"><head><title>T</title></head><body><img src="data:image/png;base64,' \
           'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="></body></html>'
    with pytest.raises(PdfFehler, match="no required alt description"):
        pdf_schreiben(html)


def test_nichts_wird_aus_dem_netz_geladen():
    html = '<html lang="de"><head><title>T</title></head><body><img alt="Logo" src="https://example.org/logo.png"></body></html>'
    with pytest.raises(PdfFehler, match="https://example.org/logo.png"):
        pdf_schreiben(html)


def auenfeld_mit_bezirken(wurzel: Path, anzahl: int) -> None:
    """Auenfeld (tests/fixtures/zweitstadt) with `anzahl` more districts: squares in rows south of
    the town, and a value for each in every indicator (the city totals dropped, as they no longer add up)."""
    shutil.copytree(REPO / "tests/fixtures/zweitstadt", wurzel, ignore=shutil.ignore_patterns("README.md"))
    daten = wurzel / "data"
    neu = [(200 + n, f"Bezirk {n}") for n in range(1, anzahl + 1)]
    with (daten / "stadtteile.csv").open("a", encoding="utf-8") as datei:
        datei.writelines(f"bezirk-{nummer},{nummer},{name}\n" for nummer, name in neu)
    grenzen = json.loads((daten / "bezirke_roh.geojson").read_text(encoding="utf-8"))
    for k, (nummer, name) in enumerate(neu):
        x, y = 8.8 + k % 8 * 0.01, 52.978 - k // 8 * 0.01
        grenzen["features"].append({"type": "Feature", "properties": {"BEZ_NR": nummer, "BEZ_NAME": name}, "geometry": {
            "type": "Polygon", "coordinates": [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]]}})
    (daten / "bezirke_roh.geojson").write_text(json.dumps(grenzen), encoding="utf-8")
    tabelle = daten / "werte/werte_breit.csv"
    zeilen = tabelle.read_text(encoding="utf-8").splitlines()
    indikatoren = dict.fromkeys(zeile.split(";")[2] for zeile in zeilen[1:])
    zeilen = [zeile for zeile in zeilen if not zeile.startswith("gesamtstadt;")] + [
        f"{nummer};{name};{indikator};{3 + k % 9};{4 + k % 7};{5 + k % 11}"
        for indikator in indikatoren for k, (nummer, name) in enumerate(neu)]
    tabelle.write_text("\n".join(zeilen) + "\n", encoding="utf-8")


def test_bei_vielen_stadtteilen_steht_jede_ueberschrift_des_atlas_bei_ihrer_karte(tmp_path):
    """With 36 districts the table of a map is longer than a page. The map section still starts
    with heading, sentence and map on one page, and the table goes on over at most one more;
    before, map and table moved together to the next page and left the heading alone."""
    auenfeld_mit_bezirken(tmp_path / "auenfeld", 30)
    quelle = Ordner(tmp_path / "auenfeld")
    plan = plan_laden(quelle)
    leser = PdfReader(io.BytesIO(plan_pdf(plan, "v2026.1", atlas_laden(quelle, plan))))
    gliederung = leser.outline
    kapitel = next(i for i, e in enumerate(gliederung) if not isinstance(e, list) and e.title == "Sozialatlas Auenfeld")
    seiten = [leser.get_destination_page_number(abschnitt) for abschnitt in gliederung[kapitel + 1]]
    assert len(seiten) == 6  # Statusindex and five indicators
    for seite in seiten:
        assert "Legende:" in leser.pages[seite].extract_text(), f"Seite {seite + 1}: Überschrift ohne Karte"
    assert all(naechste - seite <= 2 for seite, naechste in zip(seiten, seiten[1:]))


def test_gefoerderte_projekte_stehen_in_einem_eigenen_kapitel(tmp_path):
    """The Stadtrat's PDF lists what the committee funded, by year, as a table with headers."""
    pdf = musterstadt_pdf(tmp_path / "musterstadt", {"plan/foerderprojekte/2025-nachbarschaftscafe.yml": NACHBARSCHAFTSCAFE})
    leser = PdfReader(io.BytesIO(pdf))
    assert "Geförderte Projekte" in [e.title for e in leser.outline if not isinstance(e, list)]
    (tmp_path / "plan.pdf").write_bytes(pdf)
    text = " ".join(subprocess.run(["pdftotext", str(tmp_path / "plan.pdf"), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    # the table's cells wrap, so pdftotext interleaves them: their words, not their sentences
    for angabe in ("Förderjahr 2025", "1 Projekt, zusammen 12.500,50 €.", "Nachbarschaftscafé", "Nachbarschaftsverein",
                   "Nordstadt", "Drucksache 0123/25"):
        assert angabe in text, angabe
