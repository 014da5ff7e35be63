"""Choropleth maps drawn with folium, embedded into the page without an iframe.

Only folium's map container and script reach the page: its document head (CDN links, a
viewport that forbids zooming, full-page styles) is never rendered. Leaflet and the atlas's
own script are local files, listed in the map's `default_js`/`default_css` in place of
folium's CDN lists. Element ids are derived from the map's key, so the same data gives the
same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import folium
from branca.element import Element, Figure, MacroElement
from folium.template import Template

from ..render.text import h
from . import verweise
from .farben import FEHLT, UMRISS
from .kontext import Kontext
from .modell import Standort, Standortart


@dataclass(frozen=True)
class Flaeche:
    """What one district shows on a map."""

    wert: str
    klasse: str
    farbe: str | None
    """None: no value (hatched)."""


class _Einrichtung(MacroElement):
    """Calls `atlasKarte.einrichten` (atlas-karte.js): hatch pattern, name labels, attribution."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "atlasKarte.einrichten({{ this._parent.get_name() }}, {{ this.ebene.get_name() }});"
        "{% endmacro %}"
    )

    def __init__(self, ebene: folium.GeoJson) -> None:
        super().__init__()
        self._name = "Einrichtung"
        self.ebene = ebene


def elemente(element: Element) -> Iterator[Element]:
    yield element
    for kind in element._children.values():
        yield from elemente(kind)


def _ids_festlegen(figur: Figure, kennung: str) -> None:
    """Replace folium's random ids by ids derived from the map's key and the element's place."""
    basis = re.sub(r"[^A-Za-z0-9]", "_", kennung)
    for nummer, element in enumerate(elemente(figur)):
        element._id = f"{basis}_{nummer}"


def _kompakt(text: str) -> str:
    """No blank lines (they would end the Markdown HTML block) and no indentation."""
    return "\n".join(zeile.strip() for zeile in text.splitlines() if zeile.strip())


def _symbol(art: Standortart) -> str:
    return f'<span class="atlas-symbol atlas-symbol--{art.value}"></span>'


def _standort_marker(standort: Standort) -> folium.Marker:
    titel = f"{standort.name} ({standort.art.label}{', Beispiel' if standort.beispiel else ''})"
    return folium.Marker(
        [standort.breite, standort.laenge],
        icon=folium.DivIcon(html=_symbol(standort.art), icon_size=(18, 18), icon_anchor=(9, 9),
                            class_name="atlas-standort"),
        tooltip=folium.Tooltip(h(titel)),
        title=titel, alt=titel, keyboard=True,
    )


def bibliotheken(seite: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Scripts and stylesheets of a map, relative to `seite`: local files, never a CDN."""
    js = [("leaflet", verweise.url(seite, verweise.LEAFLET_JS)), ("atlas_karte", verweise.url(seite, verweise.KARTE_JS))]
    css = [("leaflet_css", verweise.url(seite, verweise.LEAFLET_CSS)),
           ("atlas_css", verweise.url(seite, verweise.ATLAS_CSS))]
    return js, css


def asset_links(seite: str, karte: bool) -> str:
    """The stylesheets (and, for maps, scripts) a page with atlas tables needs, as one HTML block."""
    js, css = bibliotheken(seite)
    if not karte:
        return "".join(f'<link rel="stylesheet" href="{u}">' for n, u in css if n == "atlas_css")
    return "\n".join([*(f'<link rel="stylesheet" href="{u}">' for _, u in css),
                      *(f'<script src="{u}"></script>' for _, u in js)])


def karte_bauen(kontext: Kontext, seite: str, kennung: str, titel: str, flaechen: dict[str, Flaeche],
                klassen_titel: str, standorte: tuple[Standort, ...] = ()) -> folium.Map:
    """The folium map: district layer with tooltip, sites, fitted to the city; ids fixed."""
    einstellungen = kontext.atlas.einstellungen
    rahmen = kontext.grenzen_rahmen
    mitte = [(rahmen[0][0] + rahmen[1][0]) / 2, (rahmen[0][1] + rahmen[1][1]) / 2]
    m = folium.Map(location=[round(mitte[0], kontext.stellen), round(mitte[1], kontext.stellen)], zoom_start=11, tiles=None,
                   zoom_snap=0.25, scroll_wheel_zoom=False, width="100%", height="100%")
    m.default_js, m.default_css = bibliotheken(seite)
    kacheln = einstellungen.karte.kacheln
    if kacheln is not None:
        folium.TileLayer(kacheln.adresse, attr=h(kacheln.namensnennung), max_zoom=kacheln.max_zoom).add_to(m)
    daten = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": i,
         "properties": {"name": h(kontext.namen[i]), "wert": h(f.wert), "klasse": h(f.klasse),
                        "beschriftung": list(kontext.beschriftung[i])},
         "geometry": kontext.geometrien[i]}
        for i, f in sorted(flaechen.items()) if i in kontext.geometrien
    ]}

    def stil(feature: dict) -> dict:
        farbe = flaechen[feature["id"]].farbe
        return {"color": UMRISS, "weight": 1, "fillColor": farbe or FEHLT, "fillOpacity": 0.85 if farbe else 1}

    ebene = folium.GeoJson(
        daten, style_function=stil, attribution=h(einstellungen.geometrie.namensnennung),
        tooltip=folium.GeoJsonTooltip(["name", "wert", "klasse"], ["Stadtteil", titel, klassen_titel],
                                      class_name="atlas-tooltip"),
    ).add_to(m)
    for standort in standorte:
        _standort_marker(standort).add_to(m)
    _Einrichtung(ebene).add_to(m)
    m.fit_bounds(rahmen)
    _ids_festlegen(m.get_root(), kennung)
    return m


def karte(kontext: Kontext, seite: str, kennung: str, titel: str, flaechen: dict[str, Flaeche],
          klassen_titel: str, *, tabelle_id: str, standorte: tuple[Standort, ...] = ()) -> str:
    """The map as an HTML block: a skip link, then a labelled region with folium's container and
    script. `tabelle_id` is the table with the same numbers, where the skip link leads."""
    figur = karte_bauen(kontext, seite, kennung, titel, flaechen, klassen_titel, standorte).get_root()
    figur.render()
    return (
        f'<a class="atlas-ueberspringen" href="#{h(tabelle_id)}">Karte überspringen, weiter zur Tabelle</a>\n'
        f'<div class="atlas-karte" role="region" aria-label="Karte: {h(titel)}">\n'
        f"{_kompakt(figur.html.render())}\n<script>\n{_kompakt(figur.script.render())}\n</script>\n</div>"
    )
