"""From the values as read to the values as published: rates from counts, area levels, the
whole city's values, disclosure control and the districts left out of the index.

The statistics are `sozialraumplan.statistik`; this module feeds it the atlas's files and turns
its tables back into `Wert`s. Suppression is applied here, once: a suppressed cell leaves this
module as a `Wert` without a number (`gesperrt`), so no page, map, table, chart or download can
show it, and the index never sees it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..befund import Befund
from ..laden import STADTTEILE_DATEI
from ..model import GESAMTSTADT, Stadtteil
from ..quelle import Quelle
from ..render.pfade import kuerzel
from ..statistik import Quote, Regeln, Stadtwert, Tabelle, breit, gebietswerte, quoten_berechnen, sperren, stadtwerte
from ..statistik.geheimhaltung import Ebene
from .csvdatei import csv_lesen
from .modell import AtlasEinstellungen, Gebietsebene, Indikator, Raumebene, Wert


@dataclass(frozen=True)
class Veroeffentlicht:
    werte: dict[tuple[str, str, int], Wert]
    stadtwerte: dict[tuple[str, int], Stadtwert]
    ebenen: tuple[Gebietsebene, ...]
    ausgeschlossen: dict[str, str]


def raumebenen_lesen(quelle: Quelle, ebenen: list[Raumebene], stadtteile: list[Stadtteil],
                     befunde: list[Befund]) -> dict[str, dict[str, str]]:
    """Column → (district id → area name) for every configured level, from data/stadtteile.csv."""
    if not ebenen:
        return {}
    tabelle = csv_lesen(quelle, STADTTEILE_DATEI, set(), befunde)
    if tabelle is None:
        return {}
    ergebnis: dict[str, dict[str, str]] = {}
    bekannt = {s.id for s in stadtteile}
    for ebene in ebenen:
        if ebene.spalte not in tabelle.kopf:
            befunde.append(Befund(STADTTEILE_DATEI, 1, 1, f"Die Spalte „{ebene.spalte}“ fehlt",
                                  f"data/atlas.yml nennt sie unter „raumebenen“ für „{ebene.name}“; ergänzen Sie "
                                  "die Spalte mit dem Gebiet jedes Stadtteils oder korrigieren Sie den Namen"))
            continue
        zuordnung = {}
        for zeile in tabelle.zeilen:
            stadtteil, gebiet = zeile.zellen.get("id", "").strip(), zeile.zellen[ebene.spalte].strip()
            if stadtteil not in bekannt:
                continue
            if not gebiet:
                befunde.append(zeile.befund(ebene.spalte, f"Für „{stadtteil}“ fehlt die Angabe „{ebene.spalte}“",
                                            f"tragen Sie ein, zu welchem Gebiet der Ebene „{ebene.name}“ er gehört"))
                continue
            zuordnung[stadtteil] = gebiet
        ergebnis[ebene.spalte] = zuordnung
    return ergebnis


def _quoten(indikatoren: tuple[Indikator, ...]) -> list[Quote]:
    return [Quote(i.id, i.berechnung.zaehler, i.berechnung.nenner, i.berechnung.faktor)
            for i in indikatoren if i.berechnung is not None]


def _werte(tabelle: Tabelle, gesperrt: np.ndarray, beispiel: set[str],
           gelesen: dict[tuple[str, str, int], Wert]) -> dict[tuple[str, str, int], Wert]:
    """`Wert`s of a table: suppressed cells without their number. A cell read from a file
    keeps its file's mark; a computed one is an example if its indicator has generated values."""
    werte = {}
    for zeile, spalte in zip(*np.nonzero(~np.isnan(tabelle.werte))):
        indikator, jahr = tabelle.spalten[spalte]
        ort = (tabelle.zeilen[zeile], indikator, jahr)
        ist_beispiel = gelesen[ort].beispiel if ort in gelesen else ort[1] in beispiel
        zu = bool(gesperrt[zeile, spalte])
        werte[ort] = Wert(*ort, None if zu else float(tabelle.werte[zeile, spalte]), ist_beispiel, zu)
    return werte


def veroeffentlichen(einstellungen: AtlasEinstellungen, indikatoren: tuple[Indikator, ...], ids: list[str],
                     gelesen: dict[tuple[str, str, int], Wert], zuordnungen: dict[str, dict[str, str]]) -> Veroeffentlicht:
    """The published values of the atlas (see the module's docstring)."""
    quoten, anzahlen = _quoten(indikatoren), {i.id for i in indikatoren if i.anzahl}
    beispiel = {i for (_, i, _), w in gelesen.items() if w.beispiel}
    beispiel |= {q.indikator for q in quoten if {q.zaehler, q.nenner} & beispiel}
    roh = breit(quoten_berechnen({(s, i, j): math.nan if w.wert is None else w.wert
                                  for (s, i, j), w in gelesen.items() if s != GESAMTSTADT}, quoten), ids)
    ebenen = {}
    for einstellung in einstellungen.raumebenen:
        zuordnung = zuordnungen.get(einstellung.spalte)
        if zuordnung is not None:
            namen = list(dict.fromkeys(zuordnung[s] for s in ids if s in zuordnung))
            kennungen = _kennungen(namen)
            reihe = {s: kennungen[zuordnung[s]] for s in ids if s in zuordnung}
            ebenen[einstellung.spalte] = (einstellung, Ebene(reihe, gebietswerte(roh, reihe, anzahlen, quoten)),
                                          {k: n for n, k in kennungen.items()})
    geheim = einstellungen.geheimhaltung
    regeln = Regeln(geheim.mindestanzahl, geheim.mindestnenner) if geheim else Regeln()
    maske, masken = sperren(roh, {k: e for k, (_, e, _) in ebenen.items()}, anzahlen, quoten, regeln)
    werte = {k: w for k, w in gelesen.items() if k[0] == GESAMTSTADT or w.wert is None}
    werte.update(_werte(roh, maske, beispiel, gelesen))
    eigen = {(i, j): w.wert for (s, i, j), w in gelesen.items() if s == GESAMTSTADT and w.wert is not None}
    stadt = stadtwerte(roh, maske, eigen, anzahlen, quoten)
    gebietsebenen = tuple(
        Gebietsebene(einstellung, ebene.zuordnung, namen, _werte(ebene.werte, masken[spalte], beispiel, {}))
        for spalte, (einstellung, ebene, namen) in ebenen.items())
    return Veroeffentlicht(werte, stadt, gebietsebenen, _ausgeschlossen(einstellungen, werte, gelesen, ids))


def _kennungen(namen: list[str]) -> dict[str, str]:
    """Area name → id, unique."""
    ergebnis: dict[str, str] = {}
    for name in namen:
        basis = kandidat = kuerzel(name) or "gebiet"
        n = 2
        while kandidat in ergebnis.values():
            kandidat, n = f"{basis}-{n}", n + 1
        ergebnis[name] = kandidat
    return ergebnis


def _ausgeschlossen(einstellungen: AtlasEinstellungen, werte: dict[tuple[str, str, int], Wert],
                    gelesen: dict[tuple[str, str, int], Wert], ids: list[str]) -> dict[str, str]:
    """Districts below the population threshold of `geheimhaltung`, in the index year."""
    geheim = einstellungen.geheimhaltung
    if geheim is None or geheim.mindesteinwohner is None or geheim.einwohner is None:
        return {}
    jahre = sorted({j for (_, i, j) in werte if i == geheim.einwohner})
    jahr = einstellungen.sozialindex.jahr or (jahre[-1] if jahre else None)
    ergebnis = {}
    for s in ids:
        eintrag = gelesen.get((s, geheim.einwohner, jahr)) if jahr is not None else None
        zahl = eintrag.wert if eintrag is not None else None
        if zahl is not None and not math.isnan(zahl) and zahl < geheim.mindesteinwohner:
            ergebnis[s] = (f"Im Stadtteil wohnen weniger als {geheim.mindesteinwohner} Menschen; so kleine "
                           "Stadtteile bleiben außerhalb des Index.")
    return ergebnis
