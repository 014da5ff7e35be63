"""Indicator values from CSV files, in long or wide form.

Three layouts are understood, recognised by the header:

- long: `stadtteil,indikator,jahr,wert` (one value per row);
- wide by indicator: `stadtteil,jahr,<indikator>,<indikator>,…`;
- wide by year: `stadtteil,indikator,<jahr>,<jahr>,…`.

Instead of `stadtteil` (the district id) a file may have `nummer` (the official number). A
`name` column may stand beside it for readability and is ignored. The district key
`gesamtstadt` carries the city's own figure for the whole city.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from ..befund import Befund
from ..meldungen import vorschlag
from ..model import GESAMTSTADT, Stadtteil
from ..quelle import Quelle
from .csvdatei import Tabelle, Zeile, csv_lesen, zelle_als_zahl
from .modell import Indikator, Wert, WerteDatei, schluessel
from .zahlen import ZahlFehler

_JAHR = re.compile(r"^\d{4}$")
_NEBENSPALTEN = {"name"}
ABBRUCH_NACH = 1000
"""Findings after which a value file is no longer read: a wrong separator or the wrong file
would otherwise produce one per cell, hundreds of thousands in a large table."""


def werte_lesen(
    quelle: Quelle, datei: WerteDatei, stadtteile: list[Stadtteil], indikatoren: list[Indikator],
    werte: dict[tuple[str, str, int], Wert], befunde: list[Befund],
) -> None:
    """Add the values of one file to `werte`; findings for every cell that is wrong (a wrong
    district or indicator once per row, not once per year of a wide row)."""
    eigene: list[Befund] = []
    _werte_lesen(quelle, datei, stadtteile, indikatoren, werte, eigene)
    befunde.extend(dict.fromkeys(eigene))


def _werte_lesen(
    quelle: Quelle, datei: WerteDatei, stadtteile: list[Stadtteil], indikatoren: list[Indikator],
    werte: dict[tuple[str, str, int], Wert], befunde: list[Befund],
) -> None:
    tabelle = csv_lesen(quelle, datei.datei, set(), befunde)
    if tabelle is None:
        return
    kennung = "stadtteil" if "stadtteil" in tabelle.kopf else "nummer" if "nummer" in tabelle.kopf else None
    if kennung is None:
        befunde.append(Befund(datei.datei, 1, 1, "Es fehlt die Spalte „stadtteil“ (oder „nummer“)",
                              "die erste Spalte nennt den Stadtteil, z. B. stadtteil,indikator,jahr,wert"))
        return
    bezug = "id" if kennung == "stadtteil" else "nummer"
    zuordnung = {schluessel(s, bezug): s.id for s in stadtteile}
    zuordnung[GESAMTSTADT] = GESAMTSTADT
    nach_id = {i.id: i for i in indikatoren}
    zellen = _zellen(tabelle, kennung, nach_id, befunde)
    if zellen is None:
        return
    zeilen_von: dict[tuple[str, str, int], int] = {}
    for zeile, spalte_stadtteil, ind_text, jahr_text, wert_spalte in zellen:
        if len(befunde) >= ABBRUCH_NACH:
            befunde.append(zeile.befund(None, f"Nach {ABBRUCH_NACH} Befunden wurde die Prüfung dieser Datei abgebrochen",
                                        "beheben Sie zuerst die gemeldeten Fehler"))
            return
        ort = _ort(zeile, bezug, spalte_stadtteil, zuordnung, ind_text, nach_id, jahr_text, befunde)
        if ort is None:
            continue
        indikator = nach_id[ort[1]]
        try:
            zahl = zelle_als_zahl(zeile.zellen[wert_spalte], datei.zahlenformat)
        except ZahlFehler as fehler:
            hinweis = fehler.hinweis + (" – oder legen Sie in data/atlas.yml für diese Datei „zahlenformat: "
                                        "deutsch“ bzw. „englisch“ fest" if fehler.mehrdeutig else "")
            befunde.append(zeile.befund(wert_spalte, fehler.meldung, hinweis))
            continue
        unten, oben = indikator.grenzen
        if zahl is not None and not (unten <= zahl <= oben):
            befunde.append(zeile.befund(
                wert_spalte, f"{zeile.zellen[wert_spalte].strip()} liegt außerhalb des Bereichs von "
                f"„{indikator.name}“ ({_bereich(unten, oben)} {indikator.einheit})",
                "prüfen Sie den Wert und die Einheit in data/indikatoren.yml"))
            continue
        if ort in werte:
            vorher = zeilen_von.get(ort)
            befunde.append(zeile.befund(wert_spalte, f"Der Wert für {ort[0]}, {ort[1]}, {ort[2]} steht doppelt"
                                        + (f" (schon in Zeile {vorher})" if vorher else ""),
                                        "löschen Sie eine der beiden Angaben"))
            continue
        zeilen_von[ort] = zeile.nummer
        werte[ort] = Wert(*ort, zahl, datei.beispieldaten)


def _bereich(unten: float, oben: float) -> str:
    if math.isinf(unten):
        return f"höchstens {oben:g}"
    if math.isinf(oben):
        return f"mindestens {unten:g}"
    return f"{unten:g} bis {oben:g}"


def _zellen(tabelle: Tabelle, kennung: str, indikatoren: dict[str, Indikator], befunde: list[Befund]
            ) -> Iterator[tuple[Zeile, str, str, str, str]] | None:
    """Each value cell as (row, district column, indicator id, year text, value column)."""
    kopf = set(tabelle.kopf)
    rest = [k for k in tabelle.kopf if k not in {kennung} | _NEBENSPALTEN]
    if {"indikator", "jahr", "wert"} <= kopf:
        return ((z, kennung, z.zellen["indikator"], z.zellen["jahr"], "wert") for z in tabelle.zeilen)
    if "jahr" in kopf and "indikator" not in kopf:
        spalten = [k for k in rest if k != "jahr"]
        unbekannt = [k for k in spalten if k not in indikatoren]
        if unbekannt:
            befunde.append(Befund(tabelle.datei, 1, 1, "Unbekannte Indikatoren in der Kopfzeile: " + ", ".join(unbekannt),
                                  _indikator_tipp(unbekannt[0], indikatoren)))
            return None
        return ((z, kennung, k, z.zellen["jahr"], k) for z in tabelle.zeilen for k in spalten)
    if "indikator" in kopf and "jahr" not in kopf:
        spalten = [k for k in rest if k != "indikator"]
        keine_jahre = [k for k in spalten if not _JAHR.match(k)]
        if keine_jahre or not spalten:
            befunde.append(Befund(tabelle.datei, 1, 1, "In der breiten Form nach Jahren muss jede weitere Spalte "
                                  "ein Jahr sein" + (": " + ", ".join(keine_jahre) if keine_jahre else ""),
                                  "z. B. stadtteil,indikator,2022,2023,2024"))
            return None
        return ((z, kennung, z.zellen["indikator"], k, k) for z in tabelle.zeilen for k in spalten)
    befunde.append(Befund(tabelle.datei, 1, 1, "Der Aufbau der Kopfzeile ist nicht zu erkennen",
                          "lang: stadtteil,indikator,jahr,wert; breit: stadtteil,jahr,<indikatoren> "
                          "oder stadtteil,indikator,<jahre>"))
    return None


def _indikator_tipp(wert: str, indikatoren: dict[str, Indikator]) -> str:
    tipp = vorschlag(wert, sorted(indikatoren))
    return (tipp + " " if tipp else "") + "gültige Kennungen stehen in data/indikatoren.yml"


def _ort(zeile: Zeile, bezug: str, spalte: str, zuordnung: dict[str, str], ind_text: str,
         indikatoren: dict[str, Indikator], jahr_text: str, befunde: list[Befund]) -> tuple[str, str, int] | None:
    """(district id, indicator, year) of a cell, or None with a finding."""
    roh = zeile.zellen[spalte].strip()
    stadtteil = zuordnung.get(roh)
    if stadtteil is None:
        tipp = vorschlag(roh, sorted(zuordnung))
        befunde.append(zeile.befund(spalte, f"Den Stadtteil „{roh}“ gibt es nicht",
                                    (tipp + " " if tipp else "") + f"gültig sind die Angaben der Spalte „{bezug}“ "
                                    "in data/stadtteile.csv und „gesamtstadt“"))
        return None
    indikator = ind_text.strip()
    if indikator not in indikatoren:
        befunde.append(zeile.befund("indikator", f"Den Indikator „{indikator}“ gibt es nicht",
                                    _indikator_tipp(indikator, indikatoren)))
        return None
    jahr = jahr_text.strip()
    if not _JAHR.match(jahr):
        befunde.append(zeile.befund("jahr", f"„{jahr}“ ist kein Jahr", "schreiben Sie das Jahr vierstellig, z. B. 2024"))
        return None
    return stadtteil, indikator, int(jahr)
