"""Files of the atlas: the downloads (values and index as CSV and GeoJSON, with licence and
attribution) and the assets the maps need (Leaflet from `xstatic-leaflet`, the atlas's own
script and stylesheet). Nothing is fetched from another host."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import xstatic.pkg.leaflet as xstatic_leaflet

from ..csv_ausgabe import csv_bytes
from ..model import GESAMTSTADT
from ..render.text import h
from ..seiten import Datei
from . import verweise
from .bausteine import GEHEIM
from .kontext import Kontext
from .modell import Indikator, Wert
from .raumebenen import raumebenen_dateien
from .zahlen import maschinenzahl

WERTE_SPALTEN = ["stadtteil_id", "nummer", "stadtteil", "indikator", "indikator_name", "jahr", "wert", "einheit",
                 "datenart"]

DOWNLOADS_BESCHREIBUNG = (
    "Alle Zahlen des Atlas zum Weiterverwenden. Die CSV-Dateien sind in UTF-8 gespeichert, mit Komma als "
    "Trennzeichen und Punkt als Dezimalzeichen, damit Statistikprogramme sie ohne Umwandlung lesen. In "
    "einer Tabellenkalkulation öffnen Sie sie über „Daten → Aus Text/CSV“. Die Spalte „datenart“ sagt bei "
    "jedem Wert, ob er ein Beispielwert oder ein echter Wert ist. Ein Punkt („.“) statt einer Zahl heißt: "
    "aus Gründen der Geheimhaltung nicht veröffentlicht."
)


def _werte_zeilen(kontext: Kontext, werte: list[Wert]) -> list[list[object]]:
    """CSV rows in catalogue order of the indicators, district order of the list, then by year."""
    nummern, reihenfolge, indikatoren = _ordnung(kontext)
    zeilen = []
    for w in sorted(werte, key=lambda w: (indikatoren[w.indikator][0], reihenfolge[w.stadtteil], w.jahr)):
        indikator = indikatoren[w.indikator][1]
        name = "Gesamtstadt" if w.stadtteil == GESAMTSTADT else kontext.namen[w.stadtteil]
        zeilen.append([w.stadtteil, nummern.get(w.stadtteil, ""), name, w.indikator, indikator.name, w.jahr,
                       GEHEIM if w.gesperrt else maschinenzahl(w.wert), indikator.einheit,
                       "Beispieldaten" if w.beispiel else "amtlich"])
    return zeilen


def _werte_csv(kontext: Kontext, werte: list[Wert]) -> bytes:
    return csv_bytes(WERTE_SPALTEN, _werte_zeilen(kontext, werte))


@functools.lru_cache(maxsize=2)
def _ordnung(kontext: Kontext) -> tuple[dict[str, str], dict[str, int], dict[str, tuple[int, Indikator]]]:
    return ({s.id: s.nummer for s in kontext.plan.stadtteile},
            {s: n for n, s in enumerate(kontext.ids + [GESAMTSTADT])},
            {i.id: (n, i) for n, i in enumerate(kontext.atlas.indikatoren)})


def _index_csv(kontext: Kontext) -> bytes:
    index = kontext.index
    jahre = sorted(index.je_jahr)
    kopf = ["stadtteil_id", "nummer", "stadtteil", "jahr", "rang", "indexwert", "klasse", "klassenname", "hoher_bedarf"]
    if index.dynamik is not None:
        kopf += ["dynamik", "dynamikklasse", "dynamikklassenname"]
    kopf += [f"indexwert_{j}" for j in jahre] + ["datenart"]
    nummern = {s.id: s.nummer for s in kontext.plan.stadtteile}
    zeilen = []
    for rang, w in enumerate(index.rangfolge(), start=1):
        zeile: list[object] = [w.stadtteil, nummern[w.stadtteil], kontext.namen[w.stadtteil], index.jahr,
                               rang if w.wert is not None else "", maschinenzahl(w.wert),
                               w.klasse.nummer if w.klasse else "", (w.klasse.name or "") if w.klasse else "",
                               "ja" if index.hoher_bedarf(w.stadtteil) else "nein"]
        if index.dynamik is not None:
            d = index.dynamik.werte[w.stadtteil]
            zeile += [maschinenzahl(d.wert), d.klasse.nummer if d.klasse else "", (d.klasse.name or "") if d.klasse else ""]
        zeile += [maschinenzahl(index.je_jahr[j].get(w.stadtteil)) for j in jahre]
        zeile.append("Beispieldaten" if kontext.atlas.beispiel() else "amtlich")
        zeilen.append(zeile)
    return csv_bytes(kopf, zeilen)


def _geojson(kontext: Kontext) -> bytes:
    """Boundaries (simplified as on the maps) with the latest value of every indicator and the index."""
    atlas, index = kontext.atlas, kontext.index
    geometrie = atlas.einstellungen.geometrie
    features = []
    for s in kontext.ids:
        eigenschaften: dict[str, object] = {"id": s, "nummer": kontext.plan.stadtteil(s).nummer, "name": kontext.namen[s]}
        for indikator in atlas.indikatoren:
            jahre = atlas.jahre_von(indikator.id)
            if jahre:
                eigenschaften[f"{indikator.id}_{jahre[-1]}"] = atlas.wert(s, indikator.id, jahre[-1])
        wert = index.wert(s)
        eigenschaften.update({"sozialindex": None if wert.wert is None else round(wert.wert, 4),
                              "sozialindex_klasse": wert.klasse.nummer if wert.klasse else None,
                              "hoher_bedarf": index.hoher_bedarf(s)})
        features.append({"type": "Feature", "id": s, "properties": eigenschaften, "geometry": kontext.geometrien[s]})
    daten = {
        "type": "FeatureCollection",
        "name": f"{atlas.einstellungen.titel}: Stadtteile mit Indikatoren und {index.einstellungen.name} {index.jahr}",
        "namensnennung": geometrie.namensnennung,
        "lizenz": geometrie.lizenz,
        "lizenz_adresse": geometrie.lizenz_adresse,
        "datenart": "Beispieldaten" if atlas.beispiel() else "amtlich",
        "features": features,
    }
    return (json.dumps(daten, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def _standorte_geojson(kontext: Kontext) -> bytes:
    features = [{"type": "Feature", "id": s.id,
                 "properties": {"id": s.id, "name": s.name, "art": s.art.value, "stadtteil": s.stadtteil,
                                "traeger": s.traeger, "beispiel": s.beispiel},
                 "geometry": {"type": "Point", "coordinates": [s.laenge, s.breite]}} for s in kontext.atlas.standorte]
    return (json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False,
                       separators=(",", ":")) + "\n").encode("utf-8")


def download_dateien(kontext: Kontext) -> list[Datei]:
    """All download files: everything, per indicator, per district, the index, the map layers.
    Made from the atlas alone, so once per atlas (the live preview keeps it after a plan edit)."""
    return kontext.je_atlas("downloads", lambda: _download_dateien(kontext))


def _download_dateien(kontext: Kontext) -> list[Datei]:
    alle = list(kontext.atlas.werte.values())
    dateien = [Datei(verweise.WERTE_CSV, _werte_csv(kontext, alle)),
               Datei(verweise.INDEX_CSV, _index_csv(kontext)),
               Datei(verweise.GEOJSON, _geojson(kontext))]
    if kontext.atlas.standorte:
        dateien.append(Datei(verweise.STANDORTE_GEOJSON, _standorte_geojson(kontext)))
    je_indikator: dict[str, list[Wert]] = {}
    je_stadtteil: dict[str, list[Wert]] = {}
    for w in alle:
        je_indikator.setdefault(w.indikator, []).append(w)
        je_stadtteil.setdefault(w.stadtteil, []).append(w)
    dateien += [Datei(verweise.indikator_csv(i.id), _werte_csv(kontext, je_indikator.get(i.id, [])))
                for i in kontext.atlas.indikatoren]
    dateien += [Datei(verweise.stadtteil_csv(s), _werte_csv(kontext, je_stadtteil.get(s, [])))
                for s in kontext.ids]
    return dateien + raumebenen_dateien(kontext)


def asset_dateien() -> list[Datei]:
    """Leaflet (without its source-map comment: the map file is not shipped); the map script
    loads it on pages with a map. The atlas's own script and stylesheet are the site's (`website.ASSETS`)."""
    leaflet = Path(xstatic_leaflet.BASE_DIR)
    skript = b"\n".join(z for z in (leaflet / "leaflet.js").read_bytes().splitlines()
                        if not z.startswith(b"//# sourceMappingURL"))
    dateien = [Datei(verweise.LEAFLET_JS, skript + b"\n"),
               Datei(verweise.LEAFLET_CSS, (leaflet / "leaflet.css").read_bytes())]
    dateien += [Datei(f"{verweise.ASSETS}/leaflet/images/{bild.name}", bild.read_bytes())
                for bild in sorted((leaflet / "images").iterdir()) if bild.suffix == ".png"]
    return dateien


def _groesse(anzahl: int) -> str:
    return f"{anzahl / 1024:.0f} KB".replace(".", ",") if anzahl >= 1024 else f"{anzahl} Byte"


def download_liste(kontext: Kontext, seite: str) -> str:
    """The download page's list: main files with size and contents, per-indicator files, licence."""
    dateien = {d.pfad: d for d in download_dateien(kontext)}
    geometrie = kontext.atlas.einstellungen.geometrie
    index = kontext.index.einstellungen.name

    def eintrag(pfad: str, was: str) -> str:
        return (f'<li><a href="{h(verweise.url(seite, pfad))}" download>{h(pfad.rsplit("/", 1)[1])}</a> '
                f"({_groesse(len(dateien[pfad].inhalt))}): {h(was)}</li>")

    haupt = [eintrag(verweise.WERTE_CSV, "alle Werte aller Indikatoren, Stadtteile und Jahre (lange Form)"),
             eintrag(verweise.INDEX_CSV, f"{index} je Stadtteil: Wert, Rang, Klasse, Verlauf"),
             eintrag(verweise.GEOJSON, f"Stadtteilgrenzen mit den neuesten Werten und dem {index} (GeoJSON, WGS84)")]
    if verweise.STANDORTE_GEOJSON in dateien:
        haupt.append(eintrag(verweise.STANDORTE_GEOJSON, "Standorte der Quartiers- und Sozialraumarbeit und "
                                                          "Stadtteilzentren (GeoJSON)"))
    einzeln = [eintrag(verweise.indikator_csv(i.id), i.name) for i in kontext.atlas.indikatoren]
    ebenen = [eintrag(pfad(e.einstellung.spalte), f"{was} nach {e.einstellung.name}") for e in kontext.atlas.ebenen
              for pfad, was in ((verweise.raumebene_csv, "alle zusammengefassten Werte"),
                                (verweise.raumebene_geojson, "Gebietsgrenzen mit den neuesten Werten (GeoJSON, WGS84)"))]
    lizenz = ""
    if geometrie.lizenz:
        ziel = f' (<a href="{h(geometrie.lizenz_adresse)}">Lizenztext</a>)' if geometrie.lizenz_adresse else ""
        lizenz = f" Lizenz der Grenzen: {h(geometrie.lizenz)}{ziel}."
    return (
        "## Gesamtdateien\n\n" f'<ul class="atlas-downloads">{"".join(haupt)}</ul>\n\n'
        "## Je Indikator\n\n" f'<ul class="atlas-downloads">{"".join(einzeln)}</ul>\n\n'
        + ("## Je Raumebene\n\n" f'<ul class="atlas-downloads">{"".join(ebenen)}</ul>\n\n' if ebenen else "") +
        "Die Werte je Stadtteil stehen auf jedem Stadtteilprofil unter der Tabelle zum Herunterladen.\n\n"
        "## Quellenangabe und Lizenz\n\n"
        f"<p>{h(geometrie.namensnennung)}{lizenz} Wer die Grenzen weiterverwendet, nennt diese Quelle. "
        "Die GeoJSON-Dateien enthalten die Angabe ebenfalls.</p>"
    )
