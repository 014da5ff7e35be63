"""Numbers in and out: German format accepted, ambiguous numbers refused, German format shown."""

from __future__ import annotations

import pytest

from sozialraumplan.atlas.zahlen import ZahlFehler, koordinate_lesen, mit_einheit, zahl_lesen, zahl_text


@pytest.mark.parametrize("text, zahl", [
    ("12,5", 12.5), ("12.5", 12.5), ("1234", 1234.0), ("-3,25", -3.25), ("−3,25", -3.25),
    ("1.234,5", 1234.5), ("1,234.5", 1234.5), ("1.234.567", 1234567.0), ("1,234,567", 1234567.0),
    ("0,125", 0.125), ("0.125", 0.125), ("12 345", 12345.0), (" 7 ", 7.0),
])
def test_deutsches_und_englisches_format_werden_gelesen(text, zahl):
    assert zahl_lesen(text) == zahl


@pytest.mark.parametrize("text", ["", "-", "x", "k. A.", "  "])
def test_leere_zelle_und_geheimhaltung_bedeuten_keine_angabe(text):
    assert zahl_lesen(text) is None


@pytest.mark.parametrize("text", ["1.234", "1,234", "12.500", "-999,000"])
def test_tausenderpunkt_oder_komma_allein_ist_mehrdeutig(text):
    with pytest.raises(ZahlFehler) as fehler:
        zahl_lesen(text)
    assert "mehrdeutig" in fehler.value.meldung and fehler.value.mehrdeutig


def test_festgelegtes_zahlenformat_loest_die_mehrdeutigkeit():
    assert zahl_lesen("1.234", "deutsch") == 1234.0
    assert zahl_lesen("1,234", "deutsch") == 1.234
    assert zahl_lesen("1,234", "englisch") == 1234.0
    assert zahl_lesen("1.234", "englisch") == 1.234


@pytest.mark.parametrize("text, teil", [("12,5 %", "Prozentzeichen"), ("zwölf", "keine Zahl"), ("1,2,3", "keine Zahl")])
def test_keine_zahl_wird_mit_hinweis_abgelehnt(text, teil):
    with pytest.raises(ZahlFehler) as fehler:
        zahl_lesen(text)
    assert teil in fehler.value.meldung + fehler.value.hinweis


def test_koordinaten_haben_nie_tausendertrennzeichen():
    assert koordinate_lesen("53.006") == 53.006
    assert koordinate_lesen("11,02048") == 11.02048
    with pytest.raises(ZahlFehler):
        koordinate_lesen("1.234.567")


def test_ausgabe_im_deutschen_format():
    assert zahl_text(12345.678, 1) == "12.345,7"
    assert zahl_text(-0.04, 1) == "0,0"
    assert zahl_text(-1.5, 1) == "\u22121,5"
    assert zahl_text(0.25, 2, vorzeichen=True) == "+0,25"
    assert mit_einheit(12.5, "%", 1) == "12,5\u00a0%"
    assert mit_einheit(None, "%", 1) == "keine Angabe"
