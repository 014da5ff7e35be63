"""One CSV reader for every table in `data/`: as Excel, LibreOffice or a text editor save them.

The district list of Musterstadt saved by German Excel (semicolons, byte-order mark, CRLF,
perhaps Windows-1252) reads exactly like the one with commas; a broken file gives findings
with file and line, never a crash.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path

import pytest
from conftest import REPO, PlanOrdner

from sozialraumplan.atlas.laden import atlas_pruefen
from sozialraumplan.befund import Schwere
from sozialraumplan.laden import plan_laden, plan_pruefen, stadtteile_lesen
from sozialraumplan.quelle import Ordner

STADTTEILE = "data/stadtteile.csv"
MIT_KOMMA = "id,nummer,name\nnord,1,Nordstadt\nsued,2,Südstadt\n"


def umschreiben(text: str, trenner: str = ";", zeilenende: str = "\r\n", bisher: str = ",") -> str:
    """A CSV (separated by `bisher`) as another program writes it: other separator, other line end."""
    puffer = io.StringIO()
    schreiber = csv.writer(puffer, delimiter=trenner, lineterminator=zeilenende)
    schreiber.writerows(csv.reader(io.StringIO(text), delimiter=bisher))
    return puffer.getvalue()


def gelesen(ordner: PlanOrdner) -> tuple[list, dict, list[str]]:
    befunde = []
    stadtteile, zeilen = stadtteile_lesen(Ordner(ordner.wurzel), befunde)
    return stadtteile, zeilen, [str(b) for b in befunde]


def bytes_schreiben(ordner: PlanOrdner, pfad: str, inhalt: bytes) -> None:
    (ordner.wurzel / pfad).write_bytes(inhalt)


GESPEICHERT_ALS = {
    "excel-csv-utf8": ("\ufeff" + umschreiben(MIT_KOMMA)).encode("utf-8"),
    "excel-csv-trennzeichen-getrennt": umschreiben(MIT_KOMMA).encode("cp1252"),
    "libreoffice-tabulator": umschreiben(MIT_KOMMA, "\t", "\n").encode("utf-8"),
    "alter-mac-nur-cr": umschreiben(MIT_KOMMA, ",", "\r").encode("utf-8"),
    "excel-mit-leeren-spalten-rechts": umschreiben(MIT_KOMMA).replace("\r\n", ";;\r\n").encode("utf-8"),
    "leerzeichen-nach-dem-komma": MIT_KOMMA.replace(",", ", ").encode("utf-8"),
}


@pytest.mark.parametrize("inhalt", GESPEICHERT_ALS.values(), ids=GESPEICHERT_ALS.keys())
def test_stadtteile_wie_sie_programme_speichern_lesen_sich_wie_mit_komma(kleinstadt, inhalt):
    erwartet = gelesen(kleinstadt)
    assert erwartet[2] == [] and [s.name for s in erwartet[0]] == ["Nordstadt", "Südstadt"]
    bytes_schreiben(kleinstadt, STADTTEILE, inhalt)
    stadtteile, zeilen, befunde = gelesen(kleinstadt)
    assert (stadtteile, zeilen) == erwartet[:2]
    if inhalt == GESPEICHERT_ALS["excel-csv-trennzeichen-getrennt"]:
        assert befunde == [
            "data/stadtteile.csv:3:1: Die Datei ist nicht in UTF-8, sondern in Windows-1252 gespeichert („CSV "
            "(Trennzeichen-getrennt)“ in Excel); sie wurde so gelesen — prüfen Sie die Umlaute auf der Website und "
            "speichern Sie sie als „CSV UTF-8“ (in Excel: Datei → Speichern unter → „CSV UTF-8 (durch Trennzeichen "
            "getrennt)“) (Warnung)"]
    else:
        assert befunde == []


def test_windows_1252_ist_nur_eine_warnung_der_plan_laedt(kleinstadt):
    bytes_schreiben(kleinstadt, STADTTEILE, GESPEICHERT_ALS["excel-csv-trennzeichen-getrennt"])
    plan, befunde = plan_pruefen(Ordner(kleinstadt.wurzel))
    assert plan is not None and plan.stadtteil_name("sued") == "Südstadt"
    assert [b.schwere for b in befunde] == [Schwere.WARNUNG]


def test_die_stadtteile_von_erfurt_aus_excel_wie_im_repository(tmp_path):
    """All 53 districts, saved by German Excel with every habit at once."""
    original = (REPO / STADTTEILE).read_text(encoding="utf-8")
    ordner = PlanOrdner(tmp_path)
    ordner.schreiben(STADTTEILE, original)
    erwartet = gelesen(ordner)
    assert len(erwartet[0]) == 53 and erwartet[2] == []
    bytes_schreiben(ordner, STADTTEILE, umschreiben(original).encode("cp1252"))
    stadtteile, zeilen, befunde = gelesen(ordner)
    assert (stadtteile, zeilen) == erwartet[:2]
    assert len(befunde) == 1 and "Windows-1252" in befunde[0] and befunde[0].endswith("(Warnung)")


KAPUTT = [
    pytest.param(b"id,nummer,name\nnord,1,Nord\rstadt\nsued,2,S\xc3\xbcdstadt\n",
                 ["data/stadtteile.csv:2:12: Mitten in der Zeile steht ein einzelnes Zeilenende-Zeichen (CR) — "
                  "löschen Sie es (im Editor: Zeilenenden anzeigen); es entsteht oft beim Kopieren aus anderen "
                  "Programmen"], id="einzelnes-cr-in-einer-zelle"),
    pytest.param(b'id;nummer;name\r\nnord;1;"Nordstadt\r\nsued;2;S\xc3\xbcdstadt\r\n',
                 ["data/stadtteile.csv:2:8: Ein Anführungszeichen in Zeile 2 wird nicht geschlossen — schließen Sie "
                  "es am Ende der Zelle; ein Anführungszeichen innerhalb einer Zelle wird verdoppelt („\"\"“)"],
                 id="anfuehrungszeichen-offen"),
    pytest.param(b'id;nummer;name\nnord;1;"Nordstadt\nsued;2;"S\xc3\xbcdstadt"\nost;3;Oststadt\n',
                 ["data/stadtteile.csv:2:8: Ein Anführungszeichen in Zeile 2 wird erst in Zeile 3 geschlossen"],
                 id="anfuehrungszeichen-spaet-geschlossen"),
    pytest.param(b"id;nummer;name\nnord;1;Nordstadt;Norden\nsued;2;S\xc3\xbcdstadt\n",
                 ["data/stadtteile.csv:2:1: Die Zeile hat 4 Zellen, die Kopfzeile 3 — prüfen Sie die Trennzeichen "
                  "(„;“) und Anführungszeichen in dieser Zeile"], id="zellenzahl"),
    pytest.param(b"ID;Nummer;Name\nnord;1;Nordstadt\n",
                 ["data/stadtteile.csv:1:1: Es fehlen Spalten: id, name, nummer — schreiben Sie die Spaltennamen "
                  "klein: id;nummer;name"], id="spaltennamen-gross"),
    pytest.param(b"kennung,nr,bezeichnung\nnord,1,Nordstadt\n",
                 ["data/stadtteile.csv:1:1: Es fehlen Spalten: id, name, nummer — die erste Zeile muss die "
                  "Spaltennamen enthalten, z. B. id,nummer,name"], id="spalten-fehlen"),
    pytest.param("id;nummer;name\r\nnord;1;Nordstadt\r\n".encode("utf-16"),
                 ["data/stadtteile.csv:1:1: Die Datei ist als „Unicode-Text“ (UTF-16) gespeichert — speichern Sie "
                  "sie als „CSV UTF-8“"], id="utf-16"),
    pytest.param(b"id;nummer;name\nnord;1;Nordstadt\nsued;2;S\x81dstadt\n",
                 ["data/stadtteile.csv:3:1: Die Datei ist nicht in UTF-8 gespeichert — speichern Sie sie als "
                  "„CSV UTF-8“"], id="weder-utf-8-noch-windows-1252"),
    pytest.param(b"id;nummer;name\nnord;1;Nord\x00stadt\n",
                 ["data/stadtteile.csv:2:12: Die Zeile enthält ein unsichtbares Steuerzeichen (U+0000)"],
                 id="steuerzeichen"),
    pytest.param(b"id,nummer,name\nnord,1,Nordstadt\n\nnord,2,S\xc3\xbcdstadt\n",
                 ["data/stadtteile.csv:4:1: Die Kennung „nord“ steht doppelt (schon in Zeile 2) — jede Kennung darf "
                  "nur einmal vorkommen"], id="doppelte-kennung-nach-leerzeile"),
    pytest.param(b'id,nummer,name\nnord,1,"' + b"x" * 200_000 + b"\n",
                 ["data/stadtteile.csv:2:8: Ein Anführungszeichen in Zeile 2 wird nicht geschlossen"],
                 id="riesige-zelle"),
]


@pytest.mark.parametrize("inhalt, erwartet", KAPUTT)
def test_kaputte_stadtteilliste_gibt_befunde_mit_datei_und_zeile(kleinstadt, inhalt, erwartet):
    bytes_schreiben(kleinstadt, STADTTEILE, inhalt)
    _, _, befunde = gelesen(kleinstadt)
    assert len(befunde) == len(erwartet), befunde
    for befund, anfang in zip(befunde, erwartet, strict=True):
        assert befund.startswith(anfang), befund


def test_fehlende_stadtteilliste(kleinstadt):
    kleinstadt.loeschen(STADTTEILE)
    assert gelesen(kleinstadt)[2] == ["data/stadtteile.csv:1:1: Die Liste der Stadtteile fehlt — legen Sie eine "
                                      "CSV-Datei mit den Spalten id,nummer,name an"]


# --- The atlas reads its tables with the same reader ------------------------------------------

@pytest.fixture
def auenfeld(tmp_path: Path) -> PlanOrdner:
    shutil.copytree(REPO / "tests/fixtures/zweitstadt", tmp_path / "auenfeld")
    return PlanOrdner(tmp_path / "auenfeld")


def atlas(ordner: PlanOrdner):
    quelle = Ordner(ordner.wurzel)
    return atlas_pruefen(quelle, plan_laden(quelle))


@pytest.mark.parametrize("pfad", ["data/stadtteile.csv", "data/standorte.csv", "data/werte/werte_breit.csv"])
def test_atlas_liest_alle_tabellen_aus_deutschem_excel_gleich(auenfeld, pfad):
    vorher, befunde = atlas(auenfeld)
    assert befunde == []
    text = auenfeld.lesen(pfad)
    bisher = ";" if ";" in text.splitlines()[0] else ","
    anders = "," if bisher == ";" else ";"
    bytes_schreiben(auenfeld, pfad, ("\ufeff" + umschreiben(text, anders, bisher=bisher)).encode("utf-8"))
    nachher, befunde = atlas(auenfeld)
    assert befunde == []
    assert (nachher.werte, nachher.standorte, nachher.grenzen.keys()) == (vorher.werte, vorher.standorte,
                                                                           vorher.grenzen.keys())
    bytes_schreiben(auenfeld, pfad, umschreiben(text, anders, bisher=bisher).encode("cp1252"))
    nachher, befunde = atlas(auenfeld)
    assert nachher.werte == vorher.werte and nachher.standorte == vorher.standorte
    if pfad == "data/werte/werte_breit.csv":  # the only one with umlauts (and the districts warn in the plan)
        assert [(b.datei, b.schwere) for b in befunde] == [(pfad, Schwere.WARNUNG)]


def test_einzelnes_cr_in_einer_wertedatei_ist_ein_befund(auenfeld):
    pfad = "data/werte/werte_breit.csv"
    text = auenfeld.lesen(pfad).replace("102;Hafen;einwohner", "102;Ha\rfen;einwohner", 1)
    bytes_schreiben(auenfeld, pfad, text.encode("utf-8"))
    zeile = text.split("\n").index(next(z for z in text.split("\n") if "\r" in z)) + 1
    _, befunde = atlas(auenfeld)
    assert [str(b) for b in befunde][0].startswith(f"{pfad}:{zeile}:7: Mitten in der Zeile steht ein einzelnes "
                                                   "Zeilenende-Zeichen (CR)")


def test_es_gibt_nur_einen_csv_leser():
    """Every CSV file of the repository is read by `sozialraumplan.csvdatei`, nowhere else."""
    leser = re.compile(r"csv\.(reader|DictReader|Sniffer)\(")
    fundstellen = sorted(str(p.relative_to(REPO)) for p in (REPO / "src").rglob("*.py") if leser.search(p.read_text()))
    assert fundstellen == ["src/sozialraumplan/csvdatei.py"]
