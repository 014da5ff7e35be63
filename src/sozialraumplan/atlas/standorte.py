"""Points on the map: sites of the Quartiers- und Sozialraumarbeit and Stadtteilzentren
(`data/standorte.csv`), and the real published figures used as anchors (`data/ankerwerte.csv`)."""

from __future__ import annotations

import re
from collections.abc import Callable

from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from ..befund import Befund, Schwere
from ..meldungen import vorschlag
from ..model import GESAMTSTADT, ID_MUSTER, Stadtteil
from ..quelle import Quelle
from .csvdatei import Zeile, csv_lesen, zelle_als_zahl
from .modell import Ankerwert, Standort, Standortart
from .zahlen import ZahlFehler, koordinate_lesen

STANDORT_SPALTEN = {"id", "name", "art", "stadtteil", "breite", "laenge", "traeger", "beispiel"}
BESUCH_SPALTEN = ("adresse", "oeffnungszeiten", "kontakt", "barrierefreiheit")
"""Optional columns: what a reader needs to visit the site (shown on the district's card)."""
LAENGSTE_ANGABE = 200
ANKER_SPALTEN = {"stadtteil", "merkmal", "wert", "einheit", "stichtag", "quelle"}
JA_NEIN = {"ja": True, "nein": False, "true": True, "false": False}


def stadtteil_pruefen(zeile: Zeile, erlaubt: set[str], befunde: list[Befund]) -> str | None:
    wert = zeile.zellen["stadtteil"].strip()
    if wert in erlaubt:
        return wert
    tipp = vorschlag(wert, sorted(erlaubt))
    befunde.append(zeile.befund("stadtteil", f"Den Stadtteil „{wert}“ gibt es nicht",
                                (tipp + " " if tipp else "") + "gültige Kennungen stehen in data/stadtteile.csv"))
    return None


def _zahl(zeile: Zeile, spalte: str, befunde: list[Befund],
          lesen: Callable[[str], float | None] = zelle_als_zahl) -> float | None:
    try:
        zahl = lesen(zeile.zellen[spalte])
    except ZahlFehler as fehler:
        befunde.append(zeile.befund(spalte, fehler.meldung, fehler.hinweis))
        return None
    if zahl is None:
        befunde.append(zeile.befund(spalte, f"Die Angabe „{spalte}“ fehlt", "tragen Sie eine Zahl ein"))
    return zahl


def _grad(grenze: int) -> Callable[[str], float | None]:
    """A reader of coordinates within ±`grenze` degrees: latitudes beyond 90 are on no map."""
    def lesen(text: str) -> float | None:
        zahl = koordinate_lesen(text)
        if zahl is not None and abs(zahl) > grenze:
            raise ZahlFehler(f"„{text.strip()}“ liegt nicht zwischen −{grenze} und {grenze} Grad",
                             "schreiben Sie die Koordinate in WGS84, z. B. 50.97825 und 11.02994")
        return zahl
    return lesen


def standorte_lesen(quelle: Quelle, pfad: str, stadtteile: list[Stadtteil], grenzen: dict[str, BaseGeometry],
                    befunde: list[Befund]) -> tuple[Standort, ...]:
    """The sites; a site outside its district's boundary is a warning (wrong district or point)."""
    tabelle = csv_lesen(quelle, pfad, STANDORT_SPALTEN, befunde)
    if tabelle is None:
        return ()
    ids = {s.id for s in stadtteile}
    ergebnis, gesehen = [], set()
    for zeile in tabelle.zeilen:
        z = {k: v.strip() for k, v in zeile.zellen.items()}
        stadtteil = stadtteil_pruefen(zeile, ids, befunde)
        breite = _zahl(zeile, "breite", befunde, _grad(90))
        laenge = _zahl(zeile, "laenge", befunde, _grad(180))
        art = z["art"] if z["art"] in {a.value for a in Standortart} else None
        if art is None:
            befunde.append(zeile.befund("art", f"„{z['art']}“ ist keine Standortart",
                                        "erlaubt sind: " + ", ".join(a.value for a in Standortart)))
        beispiel = JA_NEIN.get(z["beispiel"].lower())
        if beispiel is None:
            befunde.append(zeile.befund("beispiel", "„beispiel“ muss ja oder nein sein", "schreiben Sie ja oder nein"))
        if not re.match(ID_MUSTER, z["id"]) or z["id"] in gesehen:
            befunde.append(zeile.befund("id", f"Die Kennung „{z['id']}“ ist leer, ungültig oder doppelt",
                                        "jeder Standort braucht eine eigene Kennung aus Buchstaben, Ziffern, - und _"))
            continue
        if not z["name"]:
            befunde.append(zeile.befund("name", "Der Name fehlt", "tragen Sie den Namen des Standorts ein"))
            continue
        if stadtteil is None or breite is None or laenge is None or art is None or beispiel is None:
            continue
        gesehen.add(z["id"])
        if stadtteil in grenzen and not grenzen[stadtteil].buffer(1e-4).contains(Point(laenge, breite)):
            befunde.append(zeile.befund("breite", f"Der Standort „{z['name']}“ liegt nicht im Stadtteil „{stadtteil}“",
                                        "prüfen Sie Breite, Länge (WGS84, z. B. 50.97 und 11.03) und Stadtteil",
                                        schwere=Schwere.WARNUNG))
        besuch = {k: " ".join(z.get(k, "").split()) for k in BESUCH_SPALTEN}
        for spalte in (k for k, v in besuch.items() if len(v) > LAENGSTE_ANGABE):
            befunde.append(zeile.befund(spalte, f"Die Angabe „{spalte}“ ist länger als {LAENGSTE_ANGABE} Zeichen",
                                        "kürzen Sie sie; Einzelheiten gehören auf die Seite des Trägers"))
            besuch[spalte] = ""
        ergebnis.append(Standort(z["id"], z["name"], Standortart(art), stadtteil, breite, laenge, z["traeger"], beispiel,
                                 **besuch))
    return tuple(sorted(ergebnis, key=lambda s: s.id))


def ankerwerte_lesen(quelle: Quelle, pfad: str, stadtteile: list[Stadtteil], befunde: list[Befund]
                     ) -> tuple[Ankerwert, ...]:
    """Real figures with date and source, shown apart from the example values."""
    tabelle = csv_lesen(quelle, pfad, ANKER_SPALTEN, befunde)
    if tabelle is None:
        return ()
    erlaubt = {s.id for s in stadtteile} | {GESAMTSTADT}
    ergebnis = []
    for zeile in tabelle.zeilen:
        z = {k: v.strip() for k, v in zeile.zellen.items()}
        stadtteil, wert = stadtteil_pruefen(zeile, erlaubt, befunde), _zahl(zeile, "wert", befunde)
        leer = [k for k in ("merkmal", "stichtag", "quelle") if not z[k]]
        for spalte in leer:
            befunde.append(zeile.befund(spalte, f"Die Angabe „{spalte}“ fehlt",
                                        "echte Zahlen erscheinen nur mit Merkmal, Stichtag und Quelle"))
        if stadtteil is None or wert is None or leer:
            continue
        ergebnis.append(Ankerwert(stadtteil, z["merkmal"], wert, z["einheit"], z["stichtag"], z["quelle"]))
    return tuple(ergebnis)
