"""The street register `data/strassen.csv` for „Stadtteil finden“: optional, checked row by row."""

from __future__ import annotations

from test_atlas_laden import auenfeld, pruefen  # noqa: F401 - the second city, to be broken file by file

from sozialraumplan.befund import Schwere

STRASSEN = "data/strassen.csv"


def test_ohne_strassenverzeichnis_findet_die_suche_nur_stadtteile(auenfeld):
    atlas, befunde = pruefen(auenfeld)
    assert befunde == [] and atlas is not None
    assert atlas.strassen == () and "strassen" not in atlas.quellen


def test_eine_strasse_durch_zwei_stadtteile_steht_fuer_jeden_einmal(auenfeld):
    auenfeld.schreiben(STRASSEN, "strasse,stadtteil\nDeichweg,hafen\nDeichweg,werderinseln\nAm Markt,zentrum\n")
    atlas, befunde = pruefen(auenfeld)
    assert befunde == []
    assert [(s.name, s.stadtteil, s.beispiel) for s in atlas.strassen] == [
        ("Am Markt", "zentrum", False), ("Deichweg", "hafen", False), ("Deichweg", "werderinseln", False)]


def test_unbekannter_stadtteil_leere_strasse_und_falsches_beispiel_sind_fehler_mit_zeile(auenfeld):
    auenfeld.schreiben(STRASSEN, "strasse,stadtteil,beispiel\nDeichweg,hafn,ja\n,zentrum,ja\nAm Markt,zentrum,vielleicht\n")
    atlas, befunde = pruefen(auenfeld)
    assert atlas is None
    texte = [str(b) for b in befunde]
    assert any(t.startswith("data/strassen.csv:2:") and "Den Stadtteil „hafn“ gibt es nicht" in t
               and "hafen" in t for t in texte)
    assert any(t.startswith("data/strassen.csv:3:") and "Der Straßenname fehlt" in t for t in texte)
    assert any(t.startswith("data/strassen.csv:4:") and "„beispiel“ muss ja oder nein sein" in t for t in texte)


def test_doppelte_zeile_ist_eine_warnung(auenfeld):
    auenfeld.schreiben(STRASSEN, "strasse,stadtteil\nDeichweg,hafen\nDeichweg,hafen\n")
    atlas, befunde = pruefen(auenfeld)
    assert atlas is not None and len(atlas.strassen) == 1
    assert [(b.datei, b.zeile, b.schwere) for b in befunde] == [(STRASSEN, 3, Schwere.WARNUNG)]
    assert "steht für diesen Stadtteil schon weiter oben" in befunde[0].meldung


def test_fehlende_spalte_wird_benannt(auenfeld):
    auenfeld.schreiben(STRASSEN, "name,stadtteil\nDeichweg,hafen\n")
    atlas, befunde = pruefen(auenfeld)
    assert atlas is None
    assert "Es fehlen Spalten: strasse" in str(befunde[0]) and befunde[0].zeile == 1
