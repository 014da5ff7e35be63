"""District boundaries: read a GeoJSON file as a city publishes it, check it, and prepare it once
for the maps (shared borders simplified together, coordinates rounded).

The loader keeps the geometry as it is in the file. A city can drop in its official boundaries
unchanged: `data/atlas.yml` says which feature property holds the key and whether it matches
the district id or number in `data/stadtteile.csv`.
"""

from __future__ import annotations

import bisect
import functools
import json
import re
from collections.abc import Callable

import numpy as np
import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry
from shapely.strtree import STRtree
from shapely.validation import explain_validity

from ..befund import Befund, Schwere
from ..meldungen import vorschlag
from ..model import Stadtteil
from ..quelle import Quelle, utf8_text, zu_gross
from .modell import Geometrie
from .modell import schluessel as stadtteil_schluessel


def stellen(vereinfachung_m: float) -> int:
    """Decimal places of map coordinates: 4 (about 10 m) where the borders are simplified by 10 m
    or more anyway, else 5 (about 1 m). Each place less saves about a seventh of a map page."""
    return 4 if vereinfachung_m >= 10 else 5
VEREINFACHUNG_BEZUG = 250
"""Up to this many districts the maps use the configured simplification; beyond, it grows with the
square root of the count (a district's width shrinks so), keeping a 1,000-district city's largest
map page within 250 KB gzip on a first visit (bench/atlas_bench.py)."""


def vereinfachung_fuer(vereinfachung_m: float, anzahl: int) -> float:
    """The simplification the maps use for a city of `anzahl` districts."""
    return vereinfachung_m * max(1.0, (anzahl / VEREINFACHUNG_BEZUG) ** 0.5)


METER_JE_GRAD = 111_320.0
GROESSTE_VERFLECHTUNG = 1000
"""Crossings of boundary segments validation accepts. A real file has a few dozen, where a border
was digitised twice; with thousands, repairing the boundaries for the maps (GEOS coverage
cleaning, `kartengrenzen`) takes minutes to hours, so such a file could stall every build."""
FLAECHENARTEN = ("Polygon", "MultiPolygon")


class _Stellen:
    """Line and column of each feature, for findings. Worked out only when the first finding asks
    for one: a second pass over a large valid file would cost more than reading it."""

    def __init__(self, text: str, anzahl: int) -> None:
        self.text, self.anzahl = text, anzahl
        self._anfaenge: list[int] | None = None
        self._versaetze: list[int] = []

    def __call__(self, nummer: int) -> tuple[int, int]:
        if self._anfaenge is None:
            self._anfaenge = [0] + [t.end() for t in re.finditer("\n", self.text)]
            self._versaetze = _feature_positionen(self.text, self.anzahl)
        versatz = self._versaetze[nummer]
        zeile = bisect.bisect_right(self._anfaenge, versatz)
        return zeile, versatz - self._anfaenge[zeile - 1] + 1


def _feature_positionen(text: str, anzahl: int) -> list[int]:
    """Offset of each feature in the text (0 where it cannot be found)."""
    treffer = re.search(r'"features"\s*:\s*\[', text)
    if treffer is None:
        return [0] * anzahl
    decoder, pos, positionen = json.JSONDecoder(), treffer.end(), []
    for _ in range(anzahl):
        while pos < len(text) and text[pos] in " \t\r\n,":
            pos += 1
        try:
            _, ende = decoder.raw_decode(text, pos)
        except (ValueError, RecursionError):  # JSONDecodeError, or what parsed before fails now
            return [0] * anzahl
        positionen.append(pos)
        pos = ende
    return positionen


class _KeineZahl(ValueError):
    """NaN, Infinity or a number too long to be a coordinate or an id."""


def _keine_konstante(text: str) -> float:
    raise _KeineZahl(text)


def _ganzzahl(text: str) -> int:
    # Python refuses integers of more than 4300 digits with a ValueError; none of them is an id.
    # (A float too large reads as infinity and fails the WGS84 check of its feature.)
    if len(text.lstrip("-")) > 20:
        raise _KeineZahl(text[:20] + "…")
    return int(text)


def grenzen_lesen(
    quelle: Quelle, einstellung: Geometrie, stadtteile: list[Stadtteil], befunde: list[Befund]
) -> dict[str, BaseGeometry]:
    """District id → boundary. Every problem becomes a finding; districts without one too."""
    pfad = einstellung.datei
    inhalt = quelle.lesen(pfad)
    if inhalt is None:
        befunde.append(Befund(pfad, 1, 1, "Die Datei mit den Stadtteilgrenzen fehlt",
                              "legen Sie eine GeoJSON-Datei an oder korrigieren Sie „geometrie.datei“ in data/atlas.yml"))
        return {}
    zu_viel = zu_gross(pfad, inhalt, "geojson")
    if zu_viel is not None:
        befunde.append(zu_viel)
        return {}
    text, zeile = utf8_text(inhalt)
    if text is None:
        befunde.append(Befund(pfad, zeile, 1, "Die Datei ist nicht in UTF-8 gespeichert", "speichern Sie sie als UTF-8"))
        return {}
    try:
        daten = json.loads(text, parse_constant=_keine_konstante, parse_int=_ganzzahl)
    except json.JSONDecodeError as fehler:
        befunde.append(Befund(pfad, fehler.lineno, fehler.colno, f"Die Datei ist kein gültiges JSON ({fehler.msg})",
                              "prüfen Sie Klammern, Kommas und Anführungszeichen an dieser Stelle"))
        return {}
    except _KeineZahl as fehler:
        befunde.append(Befund(pfad, 1, 1, f"Die Datei enthält „{fehler}“, keine gewöhnliche Zahl",
                              "Koordinaten und Kennungen sind endliche Zahlen mit höchstens 20 Ziffern; "
                              "prüfen Sie das Programm, das die Datei geschrieben hat"))
        return {}
    except RecursionError:
        befunde.append(Befund(pfad, 1, 1, "Die Klammern der Datei sind zu tief verschachtelt",
                              "eine GeoJSON-Datei braucht nur wenige Ebenen; prüfen Sie die Datei mit einem GIS-Programm"))
        return {}
    if not isinstance(daten, dict) or daten.get("type") != "FeatureCollection" or not isinstance(
            daten.get("features"), list):
        befunde.append(Befund(pfad, 1, 1, "Die Datei ist keine GeoJSON-FeatureCollection",
                              "erwartet wird {\"type\": \"FeatureCollection\", \"features\": [...]}"))
        return {}
    orte = _Stellen(text, len(daten["features"]))
    schluessel = {stadtteil_schluessel(s, einstellung.bezug): s.id for s in stadtteile}
    grenzen: dict[str, BaseGeometry] = {}
    stellen_von: dict[str, Callable[[], tuple[int, int]]] = {}
    for nummer, feature in enumerate(daten["features"]):
        stelle = functools.partial(orte, nummer)
        gefunden = _feature_lesen(feature, einstellung, schluessel, pfad, stelle, befunde)
        if gefunden is None:
            continue
        ident, geometrie = gefunden
        if ident in grenzen:
            befunde.append(Befund(pfad, *stelle(), f"Der Stadtteil „{ident}“ hat mehr als eine Grenze",
                                  "fassen Sie die Flächen zu einem MultiPolygon zusammen"))
            continue
        grenzen[ident], stellen_von[ident] = geometrie, stelle
    if _kreuzungen(list(grenzen.values()), GROESSTE_VERFLECHTUNG) > GROESSTE_VERFLECHTUNG:
        befunde.append(Befund(pfad, 1, 1, f"Die Grenzen überschneiden sich an mehr als {GROESSTE_VERFLECHTUNG} Stellen",
                              "Stadtteile dürfen sich nicht überlappen und Grenzen sich nicht selbst kreuzen; prüfen "
                              "Sie die Datei mit einem GIS-Programm (QGIS: Vektor → Geometriewerkzeuge → Gültigkeit "
                              "prüfen)"))
        return {}
    for ident in [i for i, g in grenzen.items() if not _hat_flaeche(g)]:
        befunde.append(Befund(pfad, *stellen_von[ident](), f"Die Grenze von „{ident}“ umschließt keine Fläche",
                              "eine Grenze braucht mindestens drei verschiedene Punkte, die nicht auf einer Linie liegen"))
        del grenzen[ident]
    for stadtteil in stadtteile:
        if stadtteil.id not in grenzen:
            befunde.append(Befund(pfad, 1, 1, f"Für den Stadtteil „{stadtteil.name}“ ({einstellung.bezug} "
                                  f"{stadtteil_schluessel(stadtteil, einstellung.bezug)}) gibt es keine Grenze",
                                  "ergänzen Sie ein Feature mit diesem Schlüssel"))
    return grenzen


def _feature_lesen(feature: object, einstellung: Geometrie, schluessel: dict[str, str], pfad: str,
                   stelle: Callable[[], tuple[int, int]], befunde: list[Befund]) -> tuple[str, BaseGeometry] | None:
    def fehler(meldung: str, hinweis: str, schwere: Schwere = Schwere.FEHLER) -> None:
        befunde.append(Befund(pfad, *stelle(), meldung, hinweis, schwere))

    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        fehler("Ein Eintrag in „features“ ist kein Feature", "jeder Eintrag braucht \"type\": \"Feature\"")
        return None
    eigenschaften = feature.get("properties")
    eigenschaften = eigenschaften if isinstance(eigenschaften, dict) else {}
    roh = eigenschaften.get(einstellung.merkmal, feature.get("id") if einstellung.merkmal == "id" else None)
    if roh is None:
        fehler(f"Dem Feature fehlt die Eigenschaft „{einstellung.merkmal}“",
               "ergänzen Sie sie oder stellen Sie „geometrie.merkmal“ in data/atlas.yml um")
        return None
    key = str(int(roh)) if isinstance(roh, float) and roh.is_integer() else str(roh)
    if key not in schluessel:
        tipp = vorschlag(key, sorted(schluessel))
        fehler(f"Den Stadtteil „{key}“ gibt es nicht in data/stadtteile.csv",
               (tipp + " " if tipp else "") + f"„{einstellung.merkmal}“ muss eine {einstellung.bezug} aus "
               "data/stadtteile.csv enthalten")
        return None
    geometrie_roh = feature.get("geometry")
    art = geometrie_roh.get("type") if isinstance(geometrie_roh, dict) else None
    if art not in FLAECHENARTEN:
        fehler(f"Die Grenze von „{key}“ ist kein Polygon oder MultiPolygon ({art or 'keine Geometrie'})",
               "speichern Sie die Stadtteile als Flächen")
        return None
    try:
        geometrie = shape(geometrie_roh)
    except Exception:  # shapely builds from any nesting of lists; its errors are no documented set
        fehler(f"Die Koordinaten der Grenze von „{key}“ sind unvollständig oder falsch verschachtelt",
               "prüfen Sie die Datei mit einem GIS-Programm")
        return None
    minx, miny, maxx, maxy = geometrie.bounds
    if not (-180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90):
        fehler(f"Die Koordinaten von „{key}“ sind keine geografischen Längen und Breiten (WGS84)",
               "wandeln Sie die Datei nach WGS84 um (EPSG:4326), z. B. ogr2ogr -t_srs EPSG:4326 ziel.geojson quelle.shp")
        return None
    if not geometrie.is_valid:
        fehler(f"Die Grenze von „{key}“ ist geometrisch ungültig ({explain_validity(geometrie)})",
               "sie wird für die Karten automatisch repariert; korrigieren Sie die Quelle, wenn möglich",
               Schwere.WARNUNG)
    return schluessel[key], geometrie


def _repariert(geometrie: BaseGeometry) -> BaseGeometry:
    """An invalid boundary as the maps repair it: its areas only, collapsed parts dropped."""
    return shapely.make_valid(geometrie, method="structure", keep_collapsed=False)


def _hat_flaeche(geometrie: BaseGeometry) -> bool:
    """Whether the boundary, repaired as for the maps, still encloses an area (an empty district
    would break every map)."""
    flaeche = geometrie if geometrie.is_valid else _repariert(geometrie)
    return not flaeche.is_empty and flaeche.area > 0


def _kreuzungen(geometrien: list[BaseGeometry], hoechstens: int) -> int:
    """Proper crossings between boundary segments, within a district and between districts;
    counting stops just over `hoechstens`, so its cost stays small however tangled the file."""
    punkte, ring = shapely.get_coordinates(shapely.get_rings(shapely.get_parts(geometrien)), return_index=True)
    im_ring = ring[1:] == ring[:-1]
    strecken = np.stack([punkte[:-1][im_ring], punkte[1:][im_ring]], axis=1)
    unten, oben = strecken.min(axis=1), strecken.max(axis=1)
    rahmen = shapely.box(unten[:, 0], unten[:, 1], oben[:, 0], oben[:, 1])
    baum, gezaehlt, anfang, schritt = STRtree(rahmen), 0, 0, 64
    while anfang < len(strecken):
        ende = min(anfang + schritt, len(strecken))
        i, j = baum.query(rahmen[anfang:ende])
        if len(i) > 100 * (ende - anfang) + 10_000:
            return hoechstens + 1  # segments whose boxes overlap by the thousand: no real boundary
        i = i + anfang
        paar = i < j
        gezaehlt += int(_kreuzen(strecken[i[paar]], strecken[j[paar]]).sum())
        if gezaehlt > hoechstens:
            return gezaehlt
        anfang, schritt = ende, min(2 * schritt, 8192)
    return gezaehlt


def _kreuzen(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Which segment pairs cross in both interiors (shared end points and shared edges do not)."""
    def seite(p: np.ndarray, q: np.ndarray, r: np.ndarray) -> np.ndarray:
        return np.sign((q[:, 0] - p[:, 0]) * (r[:, 1] - p[:, 1]) - (q[:, 1] - p[:, 1]) * (r[:, 0] - p[:, 0]))

    return ((seite(a[:, 0], a[:, 1], b[:, 0]) * seite(a[:, 0], a[:, 1], b[:, 1]) < 0)
            & (seite(b[:, 0], b[:, 1], a[:, 0]) * seite(b[:, 0], b[:, 1], a[:, 1]) < 0))


def kartengrenzen(grenzen: dict[str, BaseGeometry], vereinfachung_m: float) -> dict[str, BaseGeometry]:
    """The boundaries for maps: repaired, gaps and overlaps cleaned, shared borders simplified
    together (so neighbours still meet), coordinates rounded (see `stellen`)."""
    ids = sorted(grenzen)
    repariert = [g if g.is_valid else _repariert(g) for g in (grenzen[i] for i in ids)]
    bereinigt = shapely.coverage_clean(repariert, gap_width=vereinfachung_m / METER_JE_GRAD)
    if vereinfachung_m > 0:
        bereinigt = shapely.coverage_simplify(bereinigt, vereinfachung_m / METER_JE_GRAD)
    gerundet = [shapely.transform(g, lambda xy: np.round(xy, stellen(vereinfachung_m))) for g in bereinigt]
    return dict(zip(ids, gerundet))


def verschwindende_grenzen(grenzen: dict[str, BaseGeometry], vereinfachung_m: float) -> list[str]:
    """Districts whose map boundary would be empty (wholly inside other districts): what validation
    must refuse, since every map labels and frames every district."""
    if not grenzen:
        return []
    try:
        karten = kartengrenzen(grenzen, vereinfachung_m)
    except shapely.errors.GEOSException:
        return sorted(grenzen)
    return [ident for ident, geometrie in karten.items() if geometrie.is_empty]


def beschriftungspunkt(geometrie: BaseGeometry, stellen: int) -> tuple[float, float]:
    """A point inside the district for its name label: (latitude, longitude)."""
    punkt = geometrie.point_on_surface()
    return round(punkt.y, stellen), round(punkt.x, stellen)


def flaeche_km2(geometrie: BaseGeometry) -> float:
    """Approximate area in km² from WGS84 coordinates (local equirectangular projection)."""
    breite = np.radians(geometrie.centroid.y)
    projiziert = shapely.transform(geometrie, lambda xy: xy * [METER_JE_GRAD * np.cos(breite), METER_JE_GRAD])
    return projiziert.area / 1e6
