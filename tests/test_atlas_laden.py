"""Loading the atlas: every kind of broken file becomes a German finding with file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import REPO, PlanOrdner

from sozialraumplan.atlas.laden import atlas_laden, atlas_pruefen, atlas_vorhanden
from sozialraumplan.befund import PlanUngueltig, Schwere
from sozialraumplan.laden import plan_laden
from sozialraumplan.quelle import Ordner

ZWEITSTADT = REPO / "tests/fixtures/zweitstadt"
WERTE = "data/werte/werte_breit.csv"


@pytest.fixture
def auenfeld(tmp_path: Path) -> PlanOrdner:
    """The second city „Auenfeld“ in a temp folder, to be broken file by file."""
    shutil.copytree(ZWEITSTADT, tmp_path / "auenfeld")
    return PlanOrdner(tmp_path / "auenfeld")


def pruefen(ordner: PlanOrdner):
    quelle = Ordner(ordner.wurzel)
    return atlas_pruefen(quelle, plan_laden(quelle))


def fehlertexte(ordner: PlanOrdner) -> list[str]:
    atlas, befunde = pruefen(ordner)
    return [str(b) for b in befunde if b.schwere is Schwere.FEHLER]


def test_zweitstadt_laedt_ohne_befund(auenfeld):
    atlas, befunde = pruefen(auenfeld)
    assert befunde == []
    assert atlas is not None
    assert atlas.wert("hafen", "altersarmut", 2024) == 12.1
    assert atlas.wert("werderinseln", "altersarmut", 2024) is None  # „x“: Geheimhaltung
    assert atlas.wert("gesamtstadt", "einwohner", 2022) == 33920
    assert atlas.jahre == (2020, 2022, 2024)
    assert atlas.grenzen["werderinseln"].geom_type == "MultiPolygon"
    assert [s.id for s in atlas.standorte] == ["qa-hafen", "stz-zentrum"]


def test_ohne_atlas_yml_gibt_es_keinen_atlas(auenfeld):
    assert atlas_vorhanden(Ordner(auenfeld.wurzel))
    auenfeld.loeschen("data/atlas.yml")
    assert not atlas_vorhanden(Ordner(auenfeld.wurzel))


def test_lange_form_mit_komma_und_dezimalpunkt(auenfeld):
    auenfeld.schreiben(WERTE, "stadtteil,indikator,jahr,wert\n" + "".join(
        f"{s},{i},2024,{w}\n" for s in ("zentrum", "hafen", "nordfeld", "suedhang", "altdorf", "werderinseln")
        for i, w in (("altersarmut", "3.5"), ("jugendarbeitslosigkeit", '"4,5"'), ("schulabbruch", "6"))))
    auenfeld.ersetzen("data/atlas.yml", "dynamik:\n    von: 2020", "dynamik:\n    von: 2024")
    auenfeld.ersetzen("data/atlas.yml", "verfahren: status_dynamik", "verfahren: gewichteter_index")
    atlas, befunde = pruefen(auenfeld)
    assert [b for b in befunde if b.schwere is Schwere.FEHLER] == []
    assert atlas.wert("hafen", "altersarmut", 2024) == 3.5
    assert atlas.wert("hafen", "jugendarbeitslosigkeit", 2024) == 4.5


def test_breite_form_nach_indikatoren(auenfeld):
    auenfeld.schreiben(WERTE, "stadtteil\tjahr\taltersarmut\tjugendarbeitslosigkeit\tschulabbruch\n"
                       "hafen\t2024\t12,1\t16,3\t13,9\nzentrum\t2024\t4,6\t6,8\t5,5\n"
                       "hafen\t2020\t9,8\t14,2\t12,4\nzentrum\t2020\t4,1\t7,5\t6,0\n")
    atlas, befunde = pruefen(auenfeld)
    assert atlas is not None, befunde
    assert atlas.wert("zentrum", "schulabbruch", 2020) == 6.0


def test_mehrdeutige_zahl_nennt_datei_zeile_und_spalte(auenfeld):
    auenfeld.ersetzen(WERTE, "102;Hafen;einwohner;8100;8240;8310", "102;Hafen;einwohner;8.100;8240;8310")
    assert fehlertexte(auenfeld) == [
        f"{WERTE}:3:21: „8.100“ ist mehrdeutig: 8100 oder 8,100? — schreiben Sie Tausender ohne Trennzeichen "
        "(„8100“) und Nachkommastellen mit Komma – oder legen Sie in data/atlas.yml für diese Datei "
        "„zahlenformat: deutsch“ bzw. „englisch“ fest"
    ]


def test_zahlenformat_deutsch_loest_tausenderpunkte(auenfeld):
    auenfeld.ersetzen(WERTE, "102;Hafen;einwohner;8100;8240;8310", "102;Hafen;einwohner;8.100;8.240;8.310")
    auenfeld.ersetzen("data/atlas.yml", "    beispieldaten: true", "    beispieldaten: true\n    zahlenformat: deutsch")
    atlas, _ = pruefen(auenfeld)
    assert atlas.wert("hafen", "einwohner", 2022) == 8240


def test_unbekannter_stadtteil_mit_vorschlag(auenfeld):
    auenfeld.ersetzen(WERTE, "104;Südhang;altersarmut", "140;Südhang;altersarmut")
    (befund,) = fehlertexte(auenfeld)
    assert befund.startswith(f"{WERTE}:12:1: Den Stadtteil „140“ gibt es nicht")
    assert "Spalte „nummer“" in befund


def test_unbekannter_indikator_mit_vorschlag(auenfeld):
    auenfeld.ersetzen(WERTE, "101;Zentrum;schulabbruch", "101;Zentrum;schulabbrueche")
    (befund,) = fehlertexte(auenfeld)
    assert "Den Indikator „schulabbrueche“ gibt es nicht — meinten Sie „schulabbruch“?" in befund


def test_prozentwert_ueber_100_und_prozentzeichen(auenfeld):
    auenfeld.ersetzen(WERTE, "101;Zentrum;altersarmut;4,1;4,4;4,6", "101;Zentrum;altersarmut;141;4,4 %;4,6")
    befunde = fehlertexte(auenfeld)
    assert any(":9:" in b and "141 liegt außerhalb des Bereichs von „Altersarmut“ (0 bis 100 %)" in b for b in befunde)
    assert any("„4,4 %“ ist keine Zahl" in b and "ohne Prozentzeichen" in b for b in befunde)


def test_doppelter_wert(auenfeld):
    text = auenfeld.lesen(WERTE)
    auenfeld.schreiben(WERTE, text + "101;Zentrum;altersarmut;4,1;4,4;4,6\n")
    befunde = fehlertexte(auenfeld)
    assert len(befunde) == 3 and all("steht doppelt (schon in Zeile 9)" in b for b in befunde)


def test_falsche_zellenzahl_und_unbekannte_form(auenfeld):
    auenfeld.ersetzen(WERTE, "105;Altdorf;schulabbruch;3,1;3,3;3,0", "105;Altdorf;schulabbruch;3,1;3,3")
    assert any(":25:1: Die Zeile hat 5 Zellen, die Kopfzeile 6" in b for b in fehlertexte(auenfeld))
    auenfeld.schreiben(WERTE, "stadtteil;wert\nhafen;3\n")
    assert any("Der Aufbau der Kopfzeile ist nicht zu erkennen" in b for b in fehlertexte(auenfeld))


def test_geojson_mit_syntaxfehler(auenfeld):
    auenfeld.ersetzen("data/bezirke_roh.geojson", '"BEZ_NR": 103,', '"BEZ_NR": 103')
    (befund,) = fehlertexte(auenfeld)
    assert befund.startswith("data/bezirke_roh.geojson:4:")
    assert "kein gültiges JSON" in befund


def test_geojson_grenze_ohne_stadtteil_und_stadtteil_ohne_grenze(auenfeld):
    auenfeld.ersetzen("data/bezirke_roh.geojson", '"BEZ_NR": 105,', '"BEZ_NR": 150,')
    befunde = fehlertexte(auenfeld)
    assert any(b.startswith("data/bezirke_roh.geojson:6:1: Den Stadtteil „150“ gibt es nicht") for b in befunde)
    assert any("Für den Stadtteil „Altdorf“ (nummer 105) gibt es keine Grenze" in b for b in befunde)


def test_geojson_punkt_statt_flaeche_und_falsches_koordinatensystem(auenfeld):
    text = auenfeld.lesen("data/bezirke_roh.geojson")
    zeilen = text.splitlines()
    zeilen[5] = ('{"type": "Feature", "properties": {"BEZ_NR": 105}, '
                 '"geometry": {"type": "Point", "coordinates": [8.83, 52.99]}},')
    zeilen[4] = zeilen[4].replace("[8.8, 52.988]", "[640000.0, 5870000.0]")
    auenfeld.schreiben("data/bezirke_roh.geojson", "\n".join(zeilen) + "\n")
    befunde = fehlertexte(auenfeld)
    assert any(":5:1: Die Koordinaten von „104“ sind keine geografischen Längen und Breiten (WGS84)" in b
               for b in befunde)
    assert any(":6:1: Die Grenze von „105“ ist kein Polygon oder MultiPolygon (Point)" in b for b in befunde)


def test_geojson_ohne_featurecollection(auenfeld):
    auenfeld.schreiben("data/bezirke_roh.geojson", '{"type": "Feature"}\n')
    assert any("keine GeoJSON-FeatureCollection" in b for b in fehlertexte(auenfeld))


def test_ungueltige_grenze_ist_eine_warnung_und_wird_fuer_karten_repariert(auenfeld):
    # a bow tie: the ring of „Zentrum“ crosses itself
    auenfeld.ersetzen("data/bezirke_roh.geojson", "[[[8.8, 53.0], [8.82, 53.0], [8.82, 53.012], [8.8, 53.012], [8.8, 53.0]]]",
                      "[[[8.8, 53.0], [8.82, 53.012], [8.82, 53.0], [8.8, 53.012], [8.8, 53.0]]]")
    atlas, befunde = pruefen(auenfeld)
    assert atlas is not None
    (warnung,) = befunde
    assert warnung.schwere is Schwere.WARNUNG and "geometrisch ungültig" in warnung.meldung


def test_atlas_yml_regeln_mit_zeile(auenfeld):
    auenfeld.ersetzen("data/atlas.yml", "grenzen: [-1, 1, 1.5]", "grenzen: [1, -1, 1.5]")
    auenfeld.ersetzen("data/atlas.yml", "- indikator: schulabbruch", "- indikator: wohnkosten")
    befunde = fehlertexte(auenfeld)
    assert any(b.startswith("data/atlas.yml:") and "Die Grenzen müssen aufsteigend sortiert sein" in b for b in befunde)
    auenfeld.ersetzen("data/atlas.yml", "grenzen: [1, -1, 1.5]", "grenzen: [-1, 1, 1.5]")
    assert fehlertexte(auenfeld) == [
        "data/atlas.yml:23:18: „Angebotsmiete“ hat keine Richtung (ohne_wertung) — nur Indikatoren, bei denen "
        "mehr oder weniger Bedarf bedeutet, gehören in den Index"
    ]


def test_unbekannter_schluessel_in_indikatoren_yml(auenfeld):
    auenfeld.ersetzen("data/indikatoren.yml", "    richtung: ohne_wertung\n    leichte_sprache: |\n      So viel",
                      "    richtug: ohne_wertung\n    leichte_sprache: |\n      So viel")
    befunde = fehlertexte(auenfeld)
    assert any("Unbekannte Angabe „richtug“ — meinten Sie „richtung“?" in b for b in befunde)


def test_standort_ausserhalb_seines_stadtteils_ist_eine_warnung(auenfeld):
    auenfeld.ersetzen("data/standorte.csv", "qsa,hafen,53.006,8.83", "qsa,altdorf,53.006,8.83")
    atlas, befunde = pruefen(auenfeld)
    assert atlas is not None
    assert [str(b) for b in befunde] == [
        "data/standorte.csv:2:44: Der Standort „Quartiersarbeit Hafen“ liegt nicht im Stadtteil „altdorf“ — prüfen "
        "Sie Breite, Länge (WGS84, z. B. 50.97 und 11.03) und Stadtteil (Warnung)"
    ]


def test_atlas_laden_meldet_alle_fehler_zusammen(auenfeld):
    auenfeld.ersetzen(WERTE, "101;Zentrum;altersarmut;4,1", "101;Zentrum;altersarmut;4.100")
    auenfeld.ersetzen("data/standorte.csv", ",qsa,", ",quartier,")
    quelle = Ordner(auenfeld.wurzel)
    with pytest.raises(PlanUngueltig) as fehler:
        atlas_laden(quelle, plan_laden(quelle))
    assert len(fehler.value.befunde) == 2


def test_erfurt_laedt_ohne_befund():
    quelle = Ordner(REPO)
    atlas, befunde = atlas_pruefen(quelle, plan_laden(quelle))
    assert atlas is not None and befunde == []
    assert len(atlas.grenzen) == 53
    assert len(atlas.jahre) >= 3
    assert atlas.beispiel()
