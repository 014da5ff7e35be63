"""Maps: local assets only, no zoom lock, stable bytes, and HTML that survives Markdown."""

from __future__ import annotations

import re
import shutil

import markdown
import pytest

from conftest import REPO
from sozialraumplan.atlas import atlas_dateien, atlas_laden
from sozialraumplan.atlas.bausteine import index_abschnitt, indikator_abschnitt
from folium.elements import JSCSSMixin

from sozialraumplan.atlas.karte import Flaeche, elemente, karte_bauen
from sozialraumplan.atlas.kontext import Kontext
from sozialraumplan.laden import plan_laden
from sozialraumplan.quelle import Ordner

SEITE = "atlas/indikatoren/altersarmut.md"
MARKDOWN_ERWEITERUNGEN = ["abbr", "admonition", "attr_list", "md_in_html", "tables", "toc", "pymdownx.details"]
# an address that makes the browser fetch something: src/href/url()/import/fetch/tile templates
LADEN_VON_AUSSEN = re.compile(
    r"""(?:src|href|action)\s*=\s*["']?(?:https?:)?//|url\(\s*["']?(?:https?:)?//|@import|fetch\(|tileLayer\(""", re.I)


def auenfeld() -> Kontext:
    quelle = Ordner(REPO / "tests/fixtures/zweitstadt")
    plan = plan_laden(quelle)
    return Kontext(plan, atlas_laden(quelle, plan))


@pytest.fixture(scope="module")
def kontext() -> Kontext:
    return auenfeld()


@pytest.fixture(scope="module")
def abschnitt(kontext) -> str:
    return indikator_abschnitt(kontext, SEITE, kontext.atlas.indikator("altersarmut"), 2024)


def test_gleiche_daten_ergeben_gleiche_bytes(abschnitt):
    zweiter = auenfeld()  # loaded again: nothing may depend on memory addresses or random ids
    assert indikator_abschnitt(zweiter, SEITE, zweiter.atlas.indikator("altersarmut"), 2024) == abschnitt


def test_element_ids_kommen_aus_dem_kartenschluessel(abschnitt):
    namen = set(re.findall(r"\b(?:map|geo_json|geo_json_tooltip)_[A-Za-z0-9_]+", abschnitt))
    assert namen and all("altersarmut_2024_" in n for n in namen)
    assert not re.search(r"_[0-9a-f]{32}\b", abschnitt)


def test_keine_adresse_ausserhalb_und_kein_cdn(abschnitt):
    assert not LADEN_VON_AUSSEN.search(abschnitt)
    assert "cdn" not in abschnitt.lower() and "jquery" not in abschnitt.lower()
    # the only outside address may be a link for readers (licence), never a resource
    for adresse in re.findall(r"https?://[^\s\"'<)]+", abschnitt):
        assert f'href="{adresse}"' in abschnitt and "<a " in abschnitt


def test_folium_listen_zeigen_auf_lokale_dateien(kontext):
    m = karte_bauen(kontext, SEITE, "probe", "Probe", {"hafen": Flaeche("1", "1", "#ffffcc")}, "Klasse")
    assert dict(m.default_js) == {"leaflet": "../../assets/atlas/leaflet/leaflet.js",
                                  "atlas_karte": "../../assets/atlas/atlas-karte.js"}
    listen = [url for element in elemente(m.get_root()) if isinstance(element, JSCSSMixin)
              for _, url in (*element.default_js, *element.default_css)]
    assert listen and all(url.startswith("../../assets/atlas/") for url in listen)


def test_kein_viewport_und_kein_zoomverbot(abschnitt):
    assert "user-scalable" not in abschnitt and "viewport" not in abschnitt
    assert "<iframe" not in abschnitt and "<html" not in abschnitt and "html, body" not in abschnitt


def test_karte_hat_ueberschrift_zusammenfassung_legende_und_tabelle(abschnitt):
    assert abschnitt.startswith("## Karte: Altersarmut 2024\n\n2024 hat Hafen mit 12,1\u00a0% den höchsten Wert")
    assert "Altdorf mit 1,6\u00a0% den niedrigsten" in abschnitt
    assert "Für 1 Stadtteil gibt es keine Angabe." in abschnitt
    assert '<ul class="atlas-legende" aria-label="Legende">' in abschnitt
    assert 'atlas-farbfeld--fehlt"></span>keine Angabe' in abschnitt
    assert '<div class="atlas-tabelle" id="tabelle-altersarmut-2024">' in abschnitt
    assert 'href="#tabelle-altersarmut-2024">Karte überspringen' in abschnitt
    assert 'role="region" aria-label="Karte: Altersarmut 2024"' in abschnitt


def test_fehlende_werte_schraffiert_nie_schwarz(abschnitt):
    assert '"fillColor": "url(#atlas-schraffur)"' in abschnitt
    assert not re.search(r'"fillColor": "#(?:000|000000)"', abschnitt)


def test_tooltip_mit_name_wert_einheit_und_klasse(abschnitt):
    assert '["name", "wert", "klasse"]' in abschnitt
    assert '["Stadtteil", "Altersarmut 2024", "Klasse"]' in abschnitt
    assert '"name": "Hafen"' in abschnitt and '"wert": "12,1\\u00a0%"' in abschnitt


def test_koordinaten_sind_gerundet_und_grenzen_einmal_vereinfacht(kontext, abschnitt):
    zahlen = re.findall(r"\[(-?\d+\.\d+), (-?\d+\.\d+)\]", abschnitt)
    assert zahlen and all(len(x.split(".")[1]) <= 5 and len(y.split(".")[1]) <= 5 for x, y in zahlen)
    assert kontext.kartengrenzen is kontext.kartengrenzen  # computed once, then shared


def test_multipolygon_erscheint_auf_der_karte(abschnitt):
    assert '"type": "MultiPolygon"' in abschnitt


def test_markdown_laesst_den_kartenblock_unveraendert(abschnitt):
    html = markdown.markdown(abschnitt, extensions=MARKDOWN_ERWEITERUNGEN)
    skript = re.search(r"<script>\n(.*?)\n</script>", abschnitt, re.S).group(1)
    assert skript in html
    assert "<p><script" not in html and "&lt;div" not in html


def test_indexkarte_zeigt_standorte_und_attribution(kontext):
    text = index_abschnitt(kontext, "atlas/bedarfsermittlung.md", standorte=True)
    assert text.count("L.marker(") == 2
    assert '"title": "Quartiersarbeit Hafen (Quartiers- und Sozialraumarbeit, Beispiel)"' in text
    assert "Bezirksgrenzen: Stadt Auenfeld (erfunden)" in text
    assert "Standorte: Beispiele, nicht die tatsächlichen Standorte." in text


def test_assets_sind_lokal_und_ohne_quelltextkarte(kontext):
    dateien = {d.pfad: d.inhalt for d in atlas_dateien(kontext.plan, kontext.atlas)}
    leaflet = dateien["assets/atlas/leaflet/leaflet.js"]
    assert leaflet.startswith(b"/* @preserve\n * Leaflet 1.9.3") and b"sourceMappingURL" not in leaflet
    assert "assets/atlas/leaflet/images/layers.png" in dateien
    for pfad in ("assets/atlas/atlas-karte.js", "assets/atlas/atlas.css", "assets/atlas/leaflet/leaflet.css"):
        assert not LADEN_VON_AUSSEN.search(dateien[pfad].decode()), pfad
    for eigene in ("assets/atlas/atlas-karte.js", "assets/atlas/atlas.css"):
        assert not re.search(rb"https?://", dateien[eigene]), eigene


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
    text = indikator_abschnitt(mit, SEITE, mit.atlas.indikator("altersarmut"), 2024)
    assert 'L.tileLayer(\n"/kacheln/{z}/{x}/{y}.png"' in text
    assert "tileLayer" not in indikator_abschnitt(auenfeld(), SEITE, auenfeld().atlas.indikator("altersarmut"), 2024)
