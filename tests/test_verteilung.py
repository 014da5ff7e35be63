"""The two pytest workers of `make test` share the work by file, except the page checks in
Chromium, which they share by page (tests/verteilung.py)."""

from __future__ import annotations

from verteilung import gruppe


def test_die_tests_einer_datei_bleiben_zusammen():
    assert gruppe("tests/test_release.py::test_ein_entwurf_heisst_in_jedem_dateinamen_entwurf") == "tests/test_release.py"
    assert gruppe("tests/test_eingaben_fuzz.py::test_echte_struktur_mit_wilden_werten_wird_zu_befunden[strassen]") == (
        "tests/test_eingaben_fuzz.py")


def test_die_pruefungen_einer_seite_bleiben_zusammen_und_jede_seite_ist_eine_gruppe():
    axe = gruppe("tests/browser/test_seiten.py::test_axe_findet_keine_verstoesse[atlas/index.html]")
    breite = gruppe("tests/browser/test_seiten.py::test_kein_waagerechtes_scrollen_bei_320_px[atlas/index.html]")
    andere = gruppe("tests/browser/test_seiten.py::test_axe_findet_keine_verstoesse[massnahmen/M001.html]")
    assert axe == breite == "tests/browser/test_seiten.py[atlas/index.html]"
    assert andere != axe


def test_ein_browsertest_ohne_seite_gehoert_zu_seiner_datei():
    assert gruppe("tests/browser/test_seiten.py::test_website_wird_streng_gebaut") == "tests/browser/test_seiten.py"
    assert gruppe("tests/browser/test_tastatur.py::test_navigationsabschnitt_oeffnet_mit_eingabe_und_leertaste") == (
        "tests/browser/test_tastatur.py")
