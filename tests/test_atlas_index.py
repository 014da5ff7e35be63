"""The Sozialindex with numbers worked out by hand, both procedures, and the classes."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from conftest import PlanOrdner

from sozialraumplan.atlas.klassen import einteilen
from sozialraumplan.atlas.laden import atlas_laden
from sozialraumplan.atlas.modell import Klassierung
from sozialraumplan.atlas.vergleich import kennzahlen
from sozialraumplan.laden import plan_laden
from sozialraumplan.quelle import Ordner

DREISTADT = {
    "plan/plan.yml": """\
stadt: Dreistadt
titel: Sozialraumplan Dreistadt
fortschreibung: Test
stand: 2025-01-01
herausgeber: Stadt Dreistadt
kontakt: {name: Sozialplanung, e_mail: plan@example.org}
beispieldaten: true
""",
    "plan/glossar.yml": "begriffe:\n  - begriff: Index\n    erklaerung: Eine Zahl.\n",
    "data/stadtteile.csv": "id,nummer,name\na,1,Ahorn\nb,2,Birke\nc,3,Linde\n",
    "data/indikatoren.yml": """\
indikatoren:
  - {id: armut, name: Armut, einheit: "%", definition: Anteil., formel: a ÷ b, quelle: Amt,
     richtung: hoeher_mehr_bedarf, leichte_sprache: Armut., themenfeld: Geld}
  - {id: bildung, name: Bildung, einheit: "%", definition: Anteil., formel: a ÷ b, quelle: Amt,
     richtung: niedriger_mehr_bedarf, leichte_sprache: Bildung., themenfeld: Schule}
""",
    # 2024: armut 2, 4, 6; bildung 10, 30, 20. 2020: armut 2, 3, 7; bildung unchanged.
    "data/werte.csv": "stadtteil,jahr,armut,bildung\n"
                      "a,2024,2,10\nb,2024,4,30\nc,2024,6,20\n"
                      "a,2020,2,10\nb,2020,3,30\nc,2020,7,20\n",
    "data/grenzen.geojson": """{"type": "FeatureCollection", "features": [
{"type": "Feature", "id": "a", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[10, 50], [10.01, 50], [10.01, 50.01], [10, 50.01], [10, 50]]]}},
{"type": "Feature", "id": "b", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[10.01, 50], [10.02, 50], [10.02, 50.01], [10.01, 50.01], [10.01, 50]]]}},
{"type": "Feature", "id": "c", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[10.02, 50], [10.03, 50], [10.03, 50.01], [10.02, 50.01], [10.02, 50]]]}}
]}
""",
}

ATLAS_YML = """\
geometrie: {{datei: data/grenzen.geojson, namensnennung: "Grenzen: erfunden"}}
werte: [{{datei: data/werte.csv, beispieldaten: true}}]
sozialindex:
  verfahren: {verfahren}
  jahr: 2024
  indikatoren:
    - {{indikator: armut, gewicht: 2}}
    - {{indikator: bildung, gewicht: 1}}
  klassen: {{art: schwellen, grenzen: [-0.75, 0.5], namen: [gering, mittel, hoch]}}
  hoher_bedarf_ab: 3
  dynamik: {{von: 2020}}
"""


def dreistadt(tmp_path: Path, verfahren: str):
    ordner = PlanOrdner(tmp_path / "dreistadt")
    for pfad, text in DREISTADT.items():
        ordner.schreiben(pfad, text)
    ordner.schreiben("data/atlas.yml", ATLAS_YML.format(verfahren=verfahren))
    quelle = Ordner(ordner.wurzel)
    return atlas_laden(quelle, plan_laden(quelle)), ordner


def test_rechenbeispiel_gewichteter_index(tmp_path):
    """armut (Gewicht 2): z = −1,2247 / 0 / +1,2247. bildung (Gewicht 1, weniger ist Bedarf):
    z = +1,2247 / −1,2247 / 0. Gewichtetes Mittel: −0,4082 / −0,4082 / +0,8165, Streuung 0,5774.
    Index: −1/√2, −1/√2, +√2."""
    atlas, _ = dreistadt(tmp_path, "gewichteter_index")
    index = atlas.sozialindex
    assert index.jahr == 2024
    assert index.wert("a").wert == pytest.approx(-1 / math.sqrt(2))
    assert index.wert("b").wert == pytest.approx(-1 / math.sqrt(2))
    assert index.wert("c").wert == pytest.approx(math.sqrt(2))
    assert index.wert("c").rohwert == pytest.approx(math.sqrt(2 / 3))
    assert index.status.standardabweichung == pytest.approx(math.sqrt(1 / 3))
    beitrag = {b.indikator: b for b in index.wert("a").beitraege}
    assert beitrag["armut"].mittelwert == 4 and beitrag["armut"].standardabweichung == pytest.approx(math.sqrt(8 / 3))
    assert beitrag["bildung"].richtung == -1 and beitrag["bildung"].z == pytest.approx(math.sqrt(1.5))
    assert [index.klassenname(s) for s in "abc"] == ["Stufe 2 von 3: mittel", "Stufe 2 von 3: mittel", "Stufe 3 von 3: hoch"]
    assert [w.stadtteil for w in index.rangfolge()] == ["c", "a", "b"]
    assert [index.hoher_bedarf(s) for s in "abc"] == [False, False, True]
    assert index.dynamik is None
    assert set(index.je_jahr) == {2020, 2024}  # every year with values, for the trend
    assert index.je_jahr[2024] == {s: index.wert(s).wert for s in "abc"}


def test_status_und_dynamik_nach_berliner_art(tmp_path):
    """Veränderung armut 2020→2024: 0 / +1 / −1 → z 0 / +1,2247 / −1,2247; bildung unverändert (z = 0).
    Dynamik daher 0 / +1,2247 / −1,2247: stabil / negativ / positiv."""
    atlas, _ = dreistadt(tmp_path, "status_dynamik")
    index = atlas.sozialindex
    dynamik = index.dynamik
    assert [dynamik.werte[s].wert for s in "abc"] == pytest.approx([0, math.sqrt(1.5), -math.sqrt(1.5)])
    assert [index.klassenname(s) for s in "abc"] == [
        "Status Stufe 2 von 3: mittel; Dynamik Stufe 2 von 3: stabil",
        "Status Stufe 2 von 3: mittel; Dynamik Stufe 3 von 3: negativ",
        "Status Stufe 3 von 3: hoch; Dynamik Stufe 1 von 3: positiv"]
    # Birke: one class below „hoher Bedarf“ but worsening → high need, as in Berlin's monitoring
    assert [index.hoher_bedarf(s) for s in "abc"] == [False, True, True]


def test_fehlender_wert_und_mindestzahl(tmp_path):
    atlas, ordner = dreistadt(tmp_path, "gewichteter_index")
    ordner.ersetzen("data/werte.csv", "c,2024,6,20", "c,2024,6,")
    quelle = Ordner(ordner.wurzel)
    ohne = atlas_laden(quelle, plan_laden(quelle)).sozialindex
    assert ohne.wert("c").wert is None and ohne.wert("c").klasse is None
    assert ohne.klassenname("c") is None and not ohne.hoher_bedarf("c")
    assert [w.stadtteil for w in ohne.rangfolge()][-1] == "c"
    ordner.ersetzen("data/atlas.yml", "  hoher_bedarf_ab: 3", "  hoher_bedarf_ab: 3\n  mindestens: 1")
    mit = atlas_laden(quelle, plan_laden(quelle)).sozialindex
    assert [b.indikator for b in mit.wert("c").beitraege] == ["armut"]
    assert mit.wert("c").wert is not None


def test_kennzahlen_fuer_den_vergleich_zweier_staende(tmp_path):
    atlas, _ = dreistadt(tmp_path, "gewichteter_index")
    zahlen = kennzahlen(atlas)
    assert zahlen.werte[("b", "armut", 2020)] == 3
    assert list(zahlen.werte)[0] == ("a", "armut", 2020)
    assert zahlen.indexklassen == {"a": "Stufe 2 von 3: mittel", "b": "Stufe 2 von 3: mittel", "c": "Stufe 3 von 3: hoch"}
    assert zahlen.indexwerte["c"] == round(math.sqrt(2), 4)
    assert zahlen.indexjahr == 2024


def test_quantile_werden_auf_die_angezeigten_stellen_gerundet():
    werte = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0]
    einteilung = einteilen(werte, Klassierung(art="quantile", anzahl=5), 1)
    assert [(k.von, k.bis) for k in einteilung.klassen] == [
        (None, 2.8), (2.8, 4.6), (4.6, 6.4), (6.4, 8.2), (8.2, None)]
    assert einteilung.klasse(2.8).nummer == 2  # a value on a limit belongs to the upper class
    assert einteilung.klassen[1].spanne("%", 1) == "2,8 bis unter 4,6\u00a0%"


def test_gleiche_werte_ergeben_weniger_klassen():
    einteilung = einteilen([0.0] * 8 + [5.0, 9.0], Klassierung(art="quantile", anzahl=5), 1)
    assert len(einteilung.klassen) < 5
    assert einteilung.klasse(0.0).nummer == 1


def test_schwellen_mit_namen():
    einteilung = einteilen([], Klassierung(art="schwellen", grenzen=[-1, 1], namen=["gut", "mittel", "schlecht"]), 2)
    assert [k.beschriftung("", 2) for k in einteilung.klassen] == [
        "Stufe 1 von 3: gut (unter \u22121,00)", "Stufe 2 von 3: mittel (\u22121,00 bis unter 1,00)",
        "Stufe 3 von 3: schlecht (1,00 und mehr)"]
    assert [k.stufe for k in einteilung.klassen] == ["Stufe 1 von 3: gut", "Stufe 2 von 3: mittel", "Stufe 3 von 3: schlecht"]


def test_klassen_ohne_namen_zeigen_in_der_legende_nur_den_bereich():
    einteilung = einteilen([], Klassierung(art="schwellen", grenzen=[4.5]), 1)
    assert [k.beschriftung("%", 1) for k in einteilung.klassen] == ["unter 4,5\u00a0%", "4,5\u00a0% und mehr"]
    assert [k.legende("%", 1) for k in einteilung.klassen] == [
        "Stufe 1 von 2 (unter 4,5\u00a0%)", "Stufe 2 von 2 (4,5\u00a0% und mehr)"]
