"""Choropleth maps: the page carries the map's data as JSON, the site's own script draws it.

A map is an element with its data in a `data-karte` attribute: districts as GeoJSON with name,
value, class and colour, the sites, the attribution. `atlas-karte.js` reads that JSON and builds
the Leaflet map, putting every text in with `textContent`. Nothing from `data/` is ever written
into script code, so a district name cannot become a program, and the page needs no inline
script (its Content-Security-Policy allows none). folium is not used for this: its templates
write tooltip texts into JavaScript template literals.
"""

from __future__ import annotations

import json
import re
import secrets
from dataclasses import dataclass

from ..render.htmlbloecke import markieren
from ..render.text import h
from .farben import FEHLT, UMRISS
from .kontext import Kontext
from .modell import Standort
from .stadtteilkarte import AKTIV


@dataclass(frozen=True)
class Flaeche:
    """What one district shows on a map."""

    wert: str
    klasse: str
    farbe: str | None
    """None: no value (hatched)."""


def massnahmen_je_stadtteil(kontext: Kontext) -> dict[str, int]:
    """District → number of its own planned or running Maßnahmen (the map's Maßnahmen layer)."""
    anzahl: dict[str, int] = {}
    for massnahme in kontext.plan.massnahmen:
        if massnahme.status in AKTIV:
            for stadtteil in massnahme.stadtteile:
                anzahl[stadtteil] = anzahl.get(stadtteil, 0) + 1
    return anzahl


@dataclass(frozen=True)
class Empfehlung:
    """A location a Gremium recommended, drawn beside the existing sites."""

    name: str
    breite: float
    laenge: float
    beispiel: bool


def karten_daten(kontext: Kontext, titel: str, flaechen: dict[str, Flaeche], klassen_titel: str,
                 standorte: tuple[Standort, ...] = (), empfehlungen: tuple[Empfehlung, ...] = ()) -> dict:
    """Everything the script needs to draw one map, as plain data (texts unescaped)."""
    einstellungen = kontext.atlas.einstellungen
    kacheln = einstellungen.karte.kacheln
    massnahmen = massnahmen_je_stadtteil(kontext)
    return {
        "titel": titel,
        "klassenTitel": klassen_titel,
        "rahmen": kontext.grenzen_rahmen,
        "umriss": UMRISS,
        "fehlt": FEHLT,
        "namensnennung": einstellungen.geometrie.namensnennung,
        "kacheln": None if kacheln is None else {
            "adresse": kacheln.adresse, "namensnennung": kacheln.namensnennung, "maxZoom": kacheln.max_zoom},
        "flaechen": {"type": "FeatureCollection", "features": [
            {"type": "Feature", "id": i,
             "properties": {"name": kontext.namen[i], "wert": f.wert, "klasse": f.klasse, "farbe": f.farbe,
                            "beschriftung": list(kontext.beschriftung[i]),
                            **({"hoch": True} if kontext.index.hoher_bedarf(i) else {}),
                            **({"massnahmen": massnahmen[i]} if massnahmen.get(i) else {})},
             "geometry": kontext.geometrien[i]}
            for i, f in sorted(flaechen.items()) if i in kontext.geometrien
        ]},
        "standorte": [
            {"breite": s.breite, "laenge": s.laenge, "art": s.art.value,
             "titel": f"{s.name} ({s.art.label}{', Beispiel' if s.beispiel else ''})"}
            for s in standorte
        ] + [
            {"breite": e.breite, "laenge": e.laenge, "art": "empfehlung",
             "titel": f"{e.name} (Standortempfehlung{', Beispiel' if e.beispiel else ''})"}
            for e in empfehlungen
        ],
    }


def karte(kontext: Kontext, kennung: str, titel: str, flaechen: dict[str, Flaeche],
          klassen_titel: str, *, tabelle_id: str, standorte: tuple[Standort, ...] = (),
          empfehlungen: tuple[Empfehlung, ...] = ()) -> str:
    """The map as an HTML block: a skip link, then a labelled region whose data the script draws.
    `tabelle_id` is the table with the same numbers, where the skip link leads. Without script
    (or before it ran) the region is empty and the table says everything. The region skips the
    Markdown parser of the MkDocs build (`render.htmlbloecke`); the link stays in its paragraph."""
    daten = _json(kontext, karten_daten(kontext, titel, flaechen, klassen_titel, standorte, empfehlungen))
    return (
        f'<a class="atlas-ueberspringen" href="#{h(tabelle_id)}">Karte überspringen, weiter zur Tabelle</a>\n'
        + markieren(f'<div class="atlas-karte" role="region" aria-label="Karte: {h(titel)}">'
                    f'<div class="atlas-karte-flaeche" id="kartenflaeche-{h(kennung)}" data-karte="{h(daten)}"></div></div>')
    )


_ZEICHEN = secrets.token_hex(8)
_FLAECHE = re.compile(f'"geometrie {_ZEICHEN} (\\d+)"')


def _json(kontext: Kontext, daten: dict) -> str:
    """The map's data as JSON. Every map of the atlas carries the same district shapes, most of its
    bytes: each shape is written once per atlas (`_geometrie_json`) and put in place of a token
    drawn at start, which no text from data/ can contain. The same bytes as `json.dumps` of all."""
    features = daten["flaechen"]["features"]
    for nummer, feature in enumerate(features):
        feature["geometry"] = f"geometrie {_ZEICHEN} {nummer}"
    text = json.dumps(daten, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    formen = _geometrie_json(kontext)
    return _FLAECHE.sub(lambda treffer: formen[features[int(treffer.group(1))]["id"]], text)


def _geometrie_json(kontext: Kontext) -> dict[str, str]:
    """Each district's shape as JSON, written once per atlas."""
    return kontext.je_atlas("geometrie_json", lambda: {
        i: json.dumps(g, ensure_ascii=False, separators=(",", ":"), sort_keys=True) for i, g in kontext.geometrien.items()})
