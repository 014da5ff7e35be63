"""Maps: the page carries data, never code; local assets only; stable bytes; HTML that survives
Markdown and the sanitiser."""

from __future__ import annotations

import html
import json
import re
import shutil

import markdown
import pytest
from conftest import REPO

from sozialraumplan.atlas.bausteine import index_abschnitt, indikator_abschnitt
from sozialraumplan.atlas.inhalte import atlas_dateien
from sozialraumplan.atlas.karte import Flaeche, karte
from sozialraumplan.atlas.kontext import Kontext
from sozialraumplan.atlas.laden import atlas_laden
from sozialraumplan.laden import plan_laden
from sozialraumplan.quelle import Ordner
from sozialraumplan.render.bereinigen import bereinigen

SEITE = "atlas/indikatoren/altersarmut.md"
MARKDOWN_ERWEITERUNGEN = ["abbr", "admonition", "md_in_html", "tables", "toc", "pymdownx.details"]
# an address that makes the browser fetch something: src/href/url()/import/fetch/tile templates
LADEN_VON_AUSSEN = re.compile(
    r"""(?:src|href|action)\s*=\s*["']?(?:https?:)?//|url\(\s*["']?(?:https?:)?//|@import|fetch\(""", re.I)
XML_NAMENSRAUM = re.compile(rb'"http://www\.w3\.org/2000/svg"')
"""The SVG namespace is a name, not an address anything is loaded from."""


def auenfeld() -> Kontext:
    quelle = Ordner(REPO / "tests/fixtures/zweitstadt")
    plan = plan_laden(quelle)
    return Kontext(plan, atlas_laden(quelle, plan))


def kartendaten(text: str) -> list[dict]:
    """The JSON of every map in a piece of HTML, as the script reads it."""
    return [json.loads(html.unescape(d)) for d in re.findall(r'data-karte="([^"]*)"', text)]


@pytest.fixture(scope="module")
def kontext() -> Kontext:
    return auenfeld()


@pytest.fixture(scope="module")
def abschnitt(kontext) -> str:
    return indikator_abschnitt(kontext, SEITE, kontext.atlas.indikator("altersarmut"), 2024)


def test_gleiche_daten_ergeben_gleiche_bytes(abschnitt):
    zweiter = auenfeld()  # loaded again: nothing may depend on memory addresses or random ids
    assert indikator_abschnitt(zweiter, SEITE, zweiter.atlas.indikator("altersarmut"), 2024) == abschnitt


def test_die_seite_enthaelt_kein_skript_nur_daten(abschnitt):
    assert "<script" not in abschnitt and "L.map(" not in abschnitt
    [daten] = kartendaten(abschnitt)
    assert daten["titel"] == "Altersarmut 2024" and daten["klassenTitel"] == "Klasse"
    assert 'id="kartenflaeche-altersarmut-2024"' in abschnitt


def test_namen_mit_code_bleiben_daten(kontext):
    """A district name that would end a string, a template literal or the script is just text."""
    name = "Hafen`${alert(1)}`</script><img src=x onerror=alert(2)>\"'\\\u2028"
    kontext_mit_namen = Kontext(kontext.plan, kontext.atlas)
    kontext_mit_namen.namen["hafen"] = name
    text = karte(kontext_mit_namen, "probe", "Probe", {"hafen": Flaeche("1", "1", "#ffffcc")}, "Klasse",
                 tabelle_id="t")
    assert "<script" not in text and "<img" not in text
    [daten] = kartendaten(text)
    assert daten["flaechen"]["features"][0]["properties"]["name"] == name
    assert kartendaten(bereinigen(text)) == [daten]  # the sanitiser keeps the map's data as it is


def test_keine_adresse_ausserhalb_und_kein_cdn(abschnitt):
    assert not LADEN_VON_AUSSEN.search(abschnitt)
    assert "cdn" not in abschnitt.lower() and "jquery" not in abschnitt.lower()
    # the only outside address may be a link for readers (licence), never a resource
    for adresse in re.findall(r"https?://[^\s\"'<)&]+", abschnitt):
        assert f'href="{adresse}"' in abschnitt and "<a " in abschnitt


def test_kein_viewport_und_kein_zoomverbot(abschnitt):
    assert "user-scalable" not in abschnitt and "viewport" not in abschnitt
    assert "<iframe" not in abschnitt and "<html" not in abschnitt and "html, body" not in abschnitt


def test_karte_hat_ueberschrift_zusammenfassung_legende_und_tabelle(abschnitt):
    assert abschnitt.startswith("## Karte: Altersarmut 2024\n\n2024 hat Hafen mit 12,1\u00a0% den höchsten Wert")
    assert "Altdorf mit 1,6\u00a0% den niedrigsten" in abschnitt
    assert "Für 1 Stadtteil gibt es keine Angabe." in abschnitt
    assert '<ul class="atlas-legende" aria-label="Legende">' in abschnitt
    assert 'atlas-farbfeld--fehlt"></span>keine Angabe' in abschnitt
    assert '<div class="atlas-tabelle" id="tabelle-altersarmut-2024" data-search-exclude>' in abschnitt
    assert 'href="#tabelle-altersarmut-2024">Karte überspringen' in abschnitt
    assert 'role="region" aria-label="Karte: Altersarmut 2024"' in abschnitt


def test_legende_farben_ohne_style_attribut(abschnitt):
    """Colour swatches are SVG fills: the Content-Security-Policy allows no `style` attribute."""
    assert "style=" not in abschnitt
    assert re.search(r'<svg class="atlas-farbfeld"[^>]*><rect width="14" height="10" fill="#[0-9a-f]{6}">', abschnitt)


def test_fehlende_werte_schraffiert_nie_schwarz(abschnitt):
    [daten] = kartendaten(abschnitt)
    farben = [f["properties"]["farbe"] for f in daten["flaechen"]["features"]]
    assert None in farben and daten["fehlt"] == "url(#atlas-schraffur)"
    assert not {"#000", "#000000"} & set(farben)


def test_tooltip_mit_name_wert_einheit_und_klasse(abschnitt):
    [daten] = kartendaten(abschnitt)
    hafen = next(f["properties"] for f in daten["flaechen"]["features"] if f["id"] == "hafen")
    assert hafen["name"] == "Hafen" and hafen["wert"] == "12,1\u00a0%" and hafen["klasse"]


def test_koordinaten_sind_gerundet_und_grenzen_einmal_vereinfacht(kontext, abschnitt):
    [daten] = kartendaten(abschnitt)
    zahlen = re.findall(r"-?\d+\.(\d+)", json.dumps([f["geometry"] for f in daten["flaechen"]["features"]]))
    assert zahlen and all(len(nachkomma) <= 5 for nachkomma in zahlen)
    assert kontext.kartengrenzen is kontext.kartengrenzen  # computed once, then shared


def test_jeder_stadtteil_hat_auf_der_karte_seine_form(kontext, abschnitt):
    """Each shape is written once per atlas and set into every map; each lands on its own district."""
    [daten] = kartendaten(abschnitt)
    features = daten["flaechen"]["features"]
    assert {f["id"] for f in features} == set(kontext.geometrien)
    for feature in features:
        assert feature["geometry"] == json.loads(json.dumps(kontext.geometrien[feature["id"]])), feature["id"]


def test_multipolygon_erscheint_auf_der_karte(abschnitt):
    [daten] = kartendaten(abschnitt)
    assert "MultiPolygon" in {f["geometry"]["type"] for f in daten["flaechen"]["features"]}


def test_markdown_laesst_den_kartenblock_unveraendert(abschnitt):
    ausgabe = markdown.markdown(abschnitt, extensions=MARKDOWN_ERWEITERUNGEN)
    kartenblock = re.search(r'<div class="atlas-karte".*?</div></div>', abschnitt, re.S).group(0)
    assert kartenblock in ausgabe and "&lt;div" not in ausgabe
    assert kartendaten(bereinigen(ausgabe)) == kartendaten(abschnitt)


def test_indexkarte_zeigt_standorte_und_attribution(kontext):
    text = index_abschnitt(kontext, "atlas/bedarfsermittlung.md", standorte=True)
    [daten] = kartendaten(text)
    assert [s["titel"] for s in daten["standorte"]] == [
        "Quartiersarbeit Hafen (Quartiers- und Sozialraumarbeit, Beispiel)",
        next(s["titel"] for s in daten["standorte"] if "Hafen" not in s["titel"])]
    assert daten["namensnennung"] == "Bezirksgrenzen: Stadt Auenfeld (erfunden)"
    assert "Standorte: Beispiele, nicht die tatsächlichen Standorte." in text


def test_assets_sind_lokal_und_ohne_quelltextkarte(kontext):
    dateien = {d.pfad: d.inhalt for d in atlas_dateien(kontext.plan, kontext.atlas)}
    leaflet = dateien["assets/atlas/leaflet/leaflet.js"]
    assert leaflet.startswith(b"/* @preserve\n * Leaflet 1.9.3") and b"sourceMappingURL" not in leaflet
    assert "assets/atlas/leaflet/images/layers.png" in dateien
    assert not LADEN_VON_AUSSEN.search(dateien["assets/atlas/leaflet/leaflet.css"].decode())
    eigene = REPO / "src/sozialraumplan/atlas/assets"
    for datei in ("atlas-karte.js", "atlas.css"):
        inhalt = (eigene / datei).read_bytes()
        assert not LADEN_VON_AUSSEN.search(inhalt.decode()), datei
        assert not re.search(rb"https?://", XML_NAMENSRAUM.sub(b"", inhalt)), datei


def test_skript_setzt_texte_nur_als_text():
    """The map script never turns data into markup or code."""
    skript = (REPO / "src/sozialraumplan/atlas/assets/atlas-karte.js").read_text(encoding="utf-8")
    assert "eval(" not in skript and "new Function" not in skript and "setAttribute(\"style\"" not in skript
    assert skript.count(".innerHTML") == 1 and "return text(inhalt).innerHTML;" in skript


def test_eigener_kachelserver_nur_wenn_konfiguriert(tmp_path):
    ziel = tmp_path / "auenfeld"
    shutil.copytree(REPO / "tests/fixtures/zweitstadt", ziel)
    atlas_yml = ziel / "data/atlas.yml"
    atlas_yml.write_text(atlas_yml.read_text().replace(
        "  vereinfachung_m: 0\n",
        "  vereinfachung_m: 0\n  kacheln:\n    adresse: /kacheln/{z}/{x}/{y}.png\n    namensnennung: Stadt Auenfeld\n"))
    quelle = Ordner(ziel)
    plan = plan_laden(quelle)
    mit = Kontext(plan, atlas_laden(quelle, plan))
    [daten] = kartendaten(indikator_abschnitt(mit, SEITE, mit.atlas.indikator("altersarmut"), 2024))
    assert daten["kacheln"] == {"adresse": "/kacheln/{z}/{x}/{y}.png", "namensnennung": "Stadt Auenfeld", "maxZoom": 18}
    [ohne] = kartendaten(indikator_abschnitt(auenfeld(), SEITE, auenfeld().atlas.indikator("altersarmut"), 2024))
    assert ohne["kacheln"] is None
