"""The atlas's statistics with numbers worked out by hand: rates from counts, the pooled city
value, an area level, disclosure control (primary and secondary), the population threshold of
the index, classes on unrounded values, the official index as a check, and what is reported.

Sechsstadt has six districts in two areas („bezirk“: Nord = a, b, c; Süd = d, e, f):

    district  einwohner  kinder  kinder_arm  kinderarmut = 100·kinder_arm/kinder  bildung
    a (Nord)       1000     100          10                 10 %                    40
    b (Nord)       3000     400         100                 25 %                    30
    c (Nord)        250      40           2                  5 %                    50
    d (Süd)        6000    1000         300                 30 %                    20
    e (Süd)        1500     250          50                 20 %                    35
    f (Süd)        1200     200          40                 20 %                    45
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest
from conftest import KLEINSTADT, PlanOrdner
from test_atlas_index import DREISTADT, dreistadt

from sozialraumplan.atlas.inhalte import atlas_abschnitte, atlas_dateien
from sozialraumplan.atlas.klassen import einteilen
from sozialraumplan.atlas.laden import atlas_laden, atlas_pruefen
from sozialraumplan.atlas.modell import Klassierung
from sozialraumplan.befund import Schwere
from sozialraumplan.cli import main
from sozialraumplan.laden import plan_laden, plan_pruefen
from sozialraumplan.quelle import Ordner


def _quadrat(ident: str, n: int) -> str:
    x = 10 + n * 0.01
    return (f'{{"type": "Feature", "id": "{ident}", "properties": {{}}, "geometry": {{"type": "Polygon", '
            f'"coordinates": [[[{x}, 50], [{x + 0.01}, 50], [{x + 0.01}, 50.01], [{x}, 50.01], [{x}, 50]]]}}}}')


SECHSSTADT = {
    **{k: v for k, v in DREISTADT.items() if k.startswith("plan/")},
    "data/stadtteile.csv": "id,nummer,name,bezirk\na,01,Ahorn,Nord\nb,02,Birke,Nord\nc,03,Linde,Nord\n"
                           "d,04,Eiche,Süd\ne,05,Erle,Süd\nf,06,Fichte,Süd\n",
    "data/indikatoren.yml": """\
indikatoren:
  - {id: einwohner, name: Einwohner, einheit: Personen, anzahl: true, nachkommastellen: 0, definition: Zahl.,
     formel: Zahl, quelle: Amt, richtung: ohne_wertung, leichte_sprache: Menschen., themenfeld: Bevölkerung}
  - {id: kinder, name: Kinder, einheit: Personen, anzahl: true, nachkommastellen: 0, definition: Zahl.,
     formel: Zahl, quelle: Amt, richtung: ohne_wertung, leichte_sprache: Kinder., themenfeld: Bevölkerung}
  - {id: kinder_arm, name: Arme Kinder, einheit: Personen, anzahl: true, nachkommastellen: 0, definition: Zahl.,
     formel: Zahl, quelle: Amt, richtung: ohne_wertung, leichte_sprache: Kinder., themenfeld: Geld}
  - id: kinderarmut
    name: Kinderarmut
    einheit: "%"
    berechnung: {zaehler: kinder_arm, nenner: kinder, faktor: 100}
    definition: Anteil.
    formel: arme Kinder ÷ Kinder × 100
    quelle: Amt
    richtung: hoeher_mehr_bedarf
    leichte_sprache: Armut.
    themenfeld: Geld
  - {id: bildung, name: Bildung, einheit: "%", definition: Anteil., formel: a ÷ b, quelle: Amt,
     richtung: niedriger_mehr_bedarf, leichte_sprache: Bildung., themenfeld: Schule}
  - {id: wohnen, name: Wohnen, einheit: "%", definition: Anteil., formel: a ÷ b, quelle: Amt,
     richtung: ohne_wertung, leichte_sprache: Wohnen., themenfeld: Wohnen}
""",
    "data/werte.csv": "stadtteil,jahr,einwohner,kinder,kinder_arm,bildung\n"
                      "a,2024,1000,100,10,40\nb,2024,3000,400,100,30\nc,2024,250,40,2,50\n"
                      "d,2024,6000,1000,300,20\ne,2024,1500,250,50,35\nf,2024,1200,200,40,45\n",
    "data/grenzen.geojson": '{"type": "FeatureCollection", "features": ['
                            + ",\n".join(_quadrat(s, n) for n, s in enumerate("abcdef")) + "]}\n",
    "data/atlas.yml": """\
geometrie: {datei: data/grenzen.geojson, namensnennung: "Grenzen: erfunden"}
werte: [{datei: data/werte.csv, beispieldaten: true}]
raumebenen:
  - {spalte: bezirk, name: Bezirke, bezeichnung: Bezirk}
geheimhaltung: {mindestanzahl: 3, mindestnenner: 50, mindesteinwohner: 300, einwohner: einwohner}
sozialindex:
  indikatoren:
    - {indikator: kinderarmut}
    - {indikator: bildung}
  mindestens: 1
  klassen: {art: schwellen, grenzen: [0], namen: [niedrig, hoch]}
  hoher_bedarf_ab: 2
""",
}


def sechsstadt(tmp_path: Path, **ersetzt: str) -> PlanOrdner:
    ordner = PlanOrdner(tmp_path / "sechsstadt")
    for pfad, text in {**SECHSSTADT, **ersetzt}.items():
        ordner.schreiben(pfad, text)
    return ordner


def laden(ordner: PlanOrdner):
    quelle = Ordner(ordner.wurzel)
    return atlas_laden(quelle, plan_laden(quelle))


def test_quote_aus_anzahlen_und_gepoolter_stadtwert(tmp_path):
    """Kinderarmut je Stadtteil = 100 · kinder_arm ÷ kinder. Die Stadt: 100 · 502 ÷ 1.990 = 25,226 %
    (gepoolt) – nicht der Durchschnitt der Stadtteilquoten (18,3 %)."""
    atlas = laden(sechsstadt(tmp_path, **{"data/atlas.yml": SECHSSTADT["data/atlas.yml"].replace(
        "geheimhaltung: {mindestanzahl: 3, mindestnenner: 50, mindesteinwohner: 300, einwohner: einwohner}\n", "")}))
    assert [atlas.wert(s, "kinderarmut", 2024) for s in "abcdef"] == [10, 25, 5, 30, 20, 20]
    stadt = atlas.stadtwert("kinderarmut", 2024)
    assert stadt.wert == pytest.approx(100 * 502 / 1990) and stadt.bezeichnung == "Gesamtstadt"
    assert atlas.stadtwert("kinder", 2024).wert == 1990  # counts sum up
    bildung = atlas.stadtwert("bildung", 2024)  # a rate without counts: the plain mean, said plainly
    assert bildung.wert == pytest.approx((40 + 30 + 50 + 20 + 35 + 45) / 6)
    assert bildung.bezeichnung == "Durchschnitt der Stadtteile (ungewichtet)"


def test_raumebene_summiert_anzahlen_und_poolt_quoten(tmp_path):
    """Nord: kinder 100 + 400 + 40 = 540, kinder_arm 112 → 20,74 %; Süd: 1.450 und 390 → 26,90 %.
    Bildung hat keine Anzahlen und wird nicht zusammengefasst."""
    atlas = laden(sechsstadt(tmp_path))
    bezirke = atlas.ebenen[0]
    assert bezirke.namen == {"nord": "Nord", "sued": "Süd"}
    assert bezirke.zuordnung["c"] == "nord" and bezirke.zuordnung["d"] == "sued"
    assert bezirke.wert("nord", "kinder", 2024).wert == 540
    assert bezirke.wert("nord", "kinder_arm", 2024).wert == 112
    assert bezirke.wert("nord", "kinderarmut", 2024).wert == pytest.approx(100 * 112 / 540)
    assert bezirke.wert("sued", "kinderarmut", 2024).wert == pytest.approx(100 * 390 / 1450)
    assert bezirke.wert("nord", "bildung", 2024) is None


def test_geheimhaltung_primaer_sekundaer_und_gekoppelt(tmp_path):
    """Primär: kinder_arm in Linde (2 < 3), Kinderarmut in Linde (Nenner 40 < 50). Sekundär: Linde
    wäre als einzige gesperrte Anzahl aus der Stadtsumme zu errechnen (502 − 500), also wird die
    kleinste andere gesperrt: Ahorn (10). Mit der Anzahl fällt die Quote: Kinderarmut in Ahorn.
    Nord hat damit zwei gesperrte Zellen, Süd keine: nichts weiter."""
    atlas = laden(sechsstadt(tmp_path))
    gesperrt = {s for s in "abcdef" if atlas.gesperrt(s, "kinder_arm", 2024)}
    assert gesperrt == {"a", "c"}
    assert {s for s in "abcdef" if atlas.gesperrt(s, "kinderarmut", 2024)} == {"a", "c"}
    assert atlas.wert("a", "kinder_arm", 2024) is None and atlas.wert("a", "kinderarmut", 2024) is None
    assert atlas.wert("b", "kinder_arm", 2024) == 100
    assert atlas.gesperrte_zellen == {"kinder_arm": 2, "kinderarmut": 2}
    # the totals stay right: they are published, the parts are protected
    assert atlas.stadtwert("kinder_arm", 2024).wert == 502
    assert atlas.stadtwert("kinderarmut", 2024).wert == pytest.approx(100 * 502 / 1990)
    # the unweighted mean of a rate without counts uses published values only
    assert atlas.stadtwert("bildung", 2024).wert == pytest.approx(220 / 6)


def test_sekundaere_sperre_im_gebiet_mit_einem_stadtteil(tmp_path):
    """Ein Bezirk „West“ aus Linde allein: seine Summe wäre Lindes gesperrte Zahl. Sie wird
    zurückgehalten, und weil dann „West“ als einziger Bezirk fehlte (Stadt − Nord − Süd), auch der
    kleinste andere Bezirk (Nord: 110) samt zwei seiner Stadtteile."""
    stadtteile = SECHSSTADT["data/stadtteile.csv"].replace("Linde,Nord", "Linde,West")
    atlas = laden(sechsstadt(tmp_path, **{"data/stadtteile.csv": stadtteile}))
    bezirke = atlas.ebenen[0]
    assert bezirke.wert("west", "kinder_arm", 2024).gesperrt
    assert bezirke.wert("nord", "kinder_arm", 2024).gesperrt
    assert not bezirke.wert("sued", "kinder_arm", 2024).gesperrt
    assert {s for s in "abcdef" if atlas.gesperrt(s, "kinder_arm", 2024)} == {"a", "b", "c"}


def test_kleine_und_gesperrte_stadtteile_bleiben_ausserhalb_des_index(tmp_path):
    """Linde (250 Einwohner < 300) nimmt nicht teil; Ahorns Kinderarmut ist gesperrt und zählt
    nicht. Kinderarmut über Birke, Eiche, Erle, Fichte: m = 23,75, s = √17,1875; Bildung über
    Ahorn, Birke, Eiche, Erle, Fichte: m = 34, s = √74. Ahorn hat nur Bildung:
    z = −(40 − 34) ÷ √74 = −0,6975; Eiche: ((30 − 23,75) ÷ 4,1458 + (34 − 20) ÷ 8,6023) ÷ 2 = 1,5675.
    Die Mittel (−0,6975; 0,3833; 1,5675; −0,5104; −0,0916·… ) haben M = −0,0697, S = 0,9506."""
    atlas = laden(sechsstadt(tmp_path))
    index = atlas.sozialindex
    linde = index.wert("c")
    assert linde.wert is None and "weniger als 300" in linde.grund
    ahorn = index.wert("a")
    assert [b.indikator for b in ahorn.beitraege] == ["bildung"]
    assert ahorn.rohwert == pytest.approx(-6 / math.sqrt(74))
    eiche = index.wert("d")
    assert eiche.rohwert == pytest.approx((6.25 / math.sqrt(17.1875) + 14 / math.sqrt(74)) / 2)
    assert index.status.mittelwert == pytest.approx(-0.0697486, abs=1e-6)
    assert index.status.standardabweichung == pytest.approx(0.9506092, abs=1e-6)
    assert eiche.wert == pytest.approx(1.7223275, abs=1e-6)
    beitrag = {b.indikator: b for b in eiche.beitraege}
    assert beitrag["kinderarmut"].mittelwert == 23.75


def test_klassen_vergleichen_ungerundete_werte(tmp_path):
    """Dreistadt: Indexwerte −1/√2 = −0,70711 (Ahorn, Birke) und √2 = 1,41421 (Linde). Mit den
    Grenzen −0,708 und 1,414 liegen alle auf der oberen Seite ihrer Grenze; auf zwei Stellen
    gerundet (−0,71 und 1,41) lägen sie darunter."""
    _, ordner = dreistadt(tmp_path, "gewichteter_index")
    ordner.ersetzen("data/atlas.yml", "grenzen: [-0.75, 0.5]", "grenzen: [-0.708, 1.414]")
    index = laden(ordner).sozialindex
    assert [index.wert(s).klasse.nummer for s in "abc"] == [2, 2, 3]


def test_grenzwert_gehoert_zur_oberen_klasse():
    einteilung = einteilen([], Klassierung(art="schwellen", grenzen=[-1, 1]), 2)
    assert einteilung.klasse(-1.0).nummer == 2
    assert einteilung.klasse(-1.0008).nummer == 1  # shown as −1,00, but below the limit
    assert einteilung.klasse(0.9999).nummer == 2


def test_amtlicher_index_wird_verglichen(tmp_path):
    _, ordner = dreistadt(tmp_path, "gewichteter_index")
    ordner.ersetzen("data/atlas.yml", "  hoher_bedarf_ab: 3", "  hoher_bedarf_ab: 3\n  amtlich: data/amtlich.csv")
    ordner.schreiben("data/amtlich.csv", "stadtteil,indexwert,klasse\na,-0.7071,2\nb,-0.7071,mittel\nc,1.4142,3\n")
    quelle = Ordner(ordner.wurzel)
    atlas, befunde = atlas_pruefen(quelle, plan_laden(quelle))
    assert atlas is not None and befunde == []
    ordner.schreiben("data/amtlich.csv", "stadtteil,indexwert,klasse\na,-0.7071,2\nb,-0.7072,2\nc,1.4142,2\n")
    atlas, befunde = atlas_pruefen(quelle, plan_laden(quelle))
    assert atlas is None
    texte = [str(b) for b in befunde]
    assert any(t.startswith("data/amtlich.csv:3:") and "Birke: amtlicher Indexwert -0.7072, berechnet −0,7071" in t
               for t in texte), texte
    assert any(t.startswith("data/amtlich.csv:4:") and "Linde: amtliche Klasse 2, berechnet Stufe 3 von 3: hoch" in t
               for t in texte), texte


def test_leerer_indikator_und_doppelte_namen_werden_gemeldet(tmp_path):
    ordner = sechsstadt(tmp_path)
    quelle = Ordner(ordner.wurzel)
    _, befunde = atlas_pruefen(quelle, plan_laden(quelle))
    leer = [b for b in befunde if "Wohnen" in b.meldung or "wohnen" in b.meldung]
    assert [(b.datei, b.zeile, b.schwere) for b in leer] == [("data/indikatoren.yml", 20, Schwere.WARNUNG)]
    assert "keinen einzigen Wert" in leer[0].meldung
    ordner.ersetzen("data/stadtteile.csv", "e,05,Erle", "e,05,Birke")
    _, befunde = plan_pruefen(quelle)
    doppelt = [b for b in befunde if "Birke" in b.meldung]
    assert [(b.datei, b.zeile, b.schwere) for b in doppelt] == [("data/stadtteile.csv", 6, Schwere.FEHLER)]
    assert "Zeile 3" in doppelt[0].meldung


def test_fehlende_standortdatei_heisst_nicht_erfasst(tmp_path):
    """Ohne data/standorte.csv weiß der Atlas nichts über Standorte: kein „keinen Standort“, kein
    „ohne Angebot“."""
    atlas, ordner = dreistadt(tmp_path, "gewichteter_index")
    plan = plan_laden(Ordner(ordner.wurzel))
    seiten = {s.pfad: s.markdown for a in atlas_abschnitte(plan, atlas) for s in a.seiten}
    profil, bedarf = seiten["atlas/stadtteile/c.md"], seiten["atlas/bedarfsermittlung.md"]
    assert "nicht erfasst" in profil and "keinen Standort" not in profil
    assert "Kein Standort" not in profil and "weder ein Standort" not in profil  # the card at the top, too
    assert "ohne Angebot" not in bedarf and "weder ein Standort" not in bedarf
    assert "Standorte sind in diesem Atlas nicht erfasst" in bedarf


def test_seiten_zeigen_punkt_und_ungewichteten_durchschnitt(tmp_path):
    atlas = laden(sechsstadt(tmp_path))
    plan = plan_laden(Ordner(tmp_path / "sechsstadt"))
    seiten = {s.pfad: s.markdown for a in atlas_abschnitte(plan, atlas) for s in a.seiten}
    blatt = seiten["atlas/indikatoren/kinderarmut.md"]
    assert "<td class=\"atlas-zahl\">.</td>" in blatt
    assert "aus Gründen der Geheimhaltung nicht veröffentlicht" in blatt
    assert "Durchschnitt der Stadtteile (ungewichtet)" in seiten["atlas/indikatoren/bildung.md"]
    assert "Gesamtstadt" not in seiten["atlas/indikatoren/bildung.md"]
    assert "Bezirk</dt>" in seiten["atlas/stadtteile/a.md"] and "raumebenen/bezirk.html#gebiet-nord" in seiten[
        "atlas/stadtteile/a.md"]
    assert "atlas/raumebenen/bezirk.md" in seiten


def test_validate_nennt_gesperrte_zellen_je_indikator(tmp_path, capsys):
    ordner = sechsstadt(tmp_path, **{"plan/barrierefreiheit.yml": KLEINSTADT["plan/barrierefreiheit.yml"]})
    assert main(["--wurzel", str(ordner.wurzel), "validate"]) == 0
    ausgabe = capsys.readouterr().out
    assert "Geheimhaltung: 4 Zellen werden nicht veröffentlicht („.“)." in ausgabe
    assert "  Arme Kinder (kinder_arm): 2\n  Kinderarmut (kinderarmut): 2\n" in ausgabe


def test_methode_rechnet_den_gepoolten_wert_mit_den_zahlen_der_daten_vor(tmp_path):
    atlas = laden(sechsstadt(tmp_path))
    plan = plan_laden(Ordner(tmp_path / "sechsstadt"))
    methode = next(s for a in atlas_abschnitte(plan, atlas) for s in a.seiten if s.pfad == "atlas/methode.md").markdown
    assert "Kinderarmut 2024 = 100 × Arme Kinder ÷ Kinder = 100 × 502 ÷ 1.990 = **25,2\u00a0%**" in methode
    assert "ungewichtete Durchschnitt der 4 veröffentlichten Stadtteilwerte läge bei 23,8\u00a0%" in methode
    assert "In diesem Atlas betrifft das 4 Zellen." in methode
    assert "Das sind hier: Linde." in methode
    assert "ein Wert genau auf einer Grenze gehört zur oberen Klasse" in methode


def test_raumebene_als_csv_und_geojson(tmp_path):
    atlas = laden(sechsstadt(tmp_path))
    plan = plan_laden(Ordner(tmp_path / "sechsstadt"))
    dateien = {d.pfad: d.inhalt for d in atlas_dateien(plan, atlas)}
    csv = dateien["atlas/daten/raumebenen/bezirk.csv"].decode("utf-8")
    assert "nord,Nord,kinder_arm,Arme Kinder,2024,112,Personen,Beispieldaten" in csv
    geo = json.loads(dateien["atlas/daten/raumebenen/bezirk.geojson"])
    nord = next(f for f in geo["features"] if f["id"] == "nord")
    assert nord["properties"]["kinderarmut_2024"] == round(100 * 112 / 540, 6)
    assert nord["geometry"]["type"] == "Polygon"  # three squares in a row, merged
    assert geo["namensnennung"] == "Grenzen: erfunden"


def test_wirkung_fasst_stadtteile_wie_die_stadt_zusammen(tmp_path):
    """Eine Maßnahme in Ahorn und Eiche: Kinderarmut der Gruppe = 100 · (10 + 300) ÷ (100 + 1.000)
    = 28,18 % (gepoolt), nicht (10 + 30) ÷ 2; Kinder = 1.100 (Summe); Bildung = (40 + 20) ÷ 2."""
    from sozialraumplan.wirkung import gruppenwert

    atlas = laden(sechsstadt(tmp_path, **{"data/atlas.yml": SECHSSTADT["data/atlas.yml"].replace(
        "geheimhaltung: {mindestanzahl: 3, mindestnenner: 50, mindesteinwohner: 300, einwohner: einwohner}\n", "")}))
    assert gruppenwert(atlas, "kinderarmut", 2024, ["a", "d"]) == pytest.approx(100 * 310 / 1100)
    assert gruppenwert(atlas, "kinder", 2024, ["a", "d"]) == 1100
    assert gruppenwert(atlas, "bildung", 2024, ["a", "d"]) == pytest.approx(30)


def test_wirkung_nutzt_keine_gesperrte_zahl(tmp_path):
    """Mit Geheimhaltung sind Ahorn und Linde gesperrt (siehe oben): die Gruppe Ahorn und Eiche
    hat nur Eiche (100 · 300 ÷ 1.000), die übrige Stadt nur Birke, Erle und Fichte; eine Summe
    mit einer Lücke ist keine Summe."""
    from sozialraumplan.wirkung import gruppenwert

    atlas = laden(sechsstadt(tmp_path))
    assert gruppenwert(atlas, "kinderarmut", 2024, ["a", "d"]) == pytest.approx(30)
    assert gruppenwert(atlas, "kinderarmut", 2024, ["b", "c", "e", "f"]) == pytest.approx(100 * 190 / 850)
    assert gruppenwert(atlas, "kinder_arm", 2024, ["b", "c", "e", "f"]) is None


def test_standardabweichung_als_stichprobe_wie_im_amtlichen_verfahren():
    """Drei Stadtteile mit 1, 2, 3: Mit Teiler n ist s = 0,816 und der Index des dritten 1,22; mit
    Teiler n − 1 (standardabweichung: stichprobe) ist s = 1 und der Index 1,0. Eine Grenze bei
    1,1 trennt die beiden – darum muss das Verfahren der Stadt einstellbar sein."""
    from sozialraumplan.atlas.modell import SozialindexEinstellungen
    from sozialraumplan.statistik import index_rechnen

    werte, richtung, gewicht = np.array([[1.0], [2.0], [3.0]]), np.array([1.0]), np.array([1.0])
    assert index_rechnen(werte, richtung, gewicht, 1).wert[2] == pytest.approx(1.5 ** 0.5)
    assert index_rechnen(werte, richtung, gewicht, 1, ddof=1).wert[2] == pytest.approx(1.0)
    einstellungen = {"indikatoren": [{"indikator": "x"}], "hoher_bedarf_ab": 2,
                     "klassen": {"art": "schwellen", "grenzen": [1.1], "namen": ["niedrig", "hoch"]}}
    assert SozialindexEinstellungen.model_validate(einstellungen).standardabweichung == "grundgesamtheit"
    assert SozialindexEinstellungen.model_validate(
        {**einstellungen, "standardabweichung": "stichprobe"}).standardabweichung == "stichprobe"


def test_der_index_haengt_nicht_von_der_reihenfolge_der_stadtteile_ab():
    """500 Stadtteile mit drei Indikatoren, jeder zehnte Wert fehlt: In umgekehrter Reihenfolge
    ergibt sich Bit für Bit derselbe Index – Summen werden exakt gerundet, nicht der Reihe nach."""
    from sozialraumplan.statistik import index_rechnen

    zufall = np.random.default_rng(7)
    werte = zufall.normal(50, 20, (500, 3))
    werte[zufall.random((500, 3)) < 0.1] = np.nan
    richtung, gewicht = np.array([1.0, -1.0, 1.0]), np.array([2.0, 1.0, 1.0])
    vorwaerts, rueckwaerts = index_rechnen(werte, richtung, gewicht, 2), index_rechnen(werte[::-1], richtung, gewicht, 2)
    assert np.array_equal(vorwaerts.mittel, rueckwaerts.mittel) and np.array_equal(vorwaerts.streuung, rueckwaerts.streuung)
    assert np.array_equal(vorwaerts.wert, rueckwaerts.wert[::-1], equal_nan=True)


def test_die_einstellung_gilt_fuer_den_ganzen_index_und_die_methodenseite(tmp_path):
    """Dreistadt mit Teiler n − 1: jeder Indexwert ist der mit Teiler n mal √(2/3) – aus −1/√2 und
    √2 werden −0,57735 und 1,15470; die Methodenseite nennt den Teiler."""
    _, ordner = dreistadt(tmp_path, "gewichteter_index")
    ordner.ersetzen("data/atlas.yml", "sozialindex:\n", "sozialindex:\n  standardabweichung: stichprobe\n")
    atlas = laden(ordner)
    assert [atlas.sozialindex.wert(s).wert for s in "abc"] == pytest.approx(
        [-1 / math.sqrt(3), -1 / math.sqrt(3), 2 / math.sqrt(3)])
    plan = plan_laden(Ordner(ordner.wurzel))
    methode = next(s.markdown for a in atlas_abschnitte(plan, atlas) for s in a.seiten if s.pfad == "atlas/methode.md")
    assert "geteilt durch n − 1" in methode
