"""Values as tables: areas × (indicator, year), and rates computed from their counts.

A table is a numpy array with its row and column labels; area ids stay text throughout, so an
official number such as `01` keeps its zero. numpy rather than pandas: the statistics need
sums, means and masks over a few thousand cells, and pandas took half a second to import in
every build and every `validate` (README, „Geschwindigkeit“).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np

Spalte = tuple[str, int]
"""(indicator, year)"""


@dataclass(frozen=True)
class Quote:
    """A rate defined from two counts: `faktor · zaehler / nenner`."""

    indikator: str
    zaehler: str
    nenner: str
    faktor: float


@dataclass(frozen=True)
class Tabelle:
    """Areas (rows) × (indicator, year) columns; NaN where an area has no value."""

    zeilen: list[str]
    spalten: list[Spalte]
    werte: np.ndarray

    @functools.cached_property
    def positionen(self) -> dict[Spalte, int]:
        """(indicator, year) → column."""
        return {s: n for n, s in enumerate(self.spalten)}

    def ohne(self, maske: np.ndarray) -> Tabelle:
        """The table with the masked cells missing (what is published)."""
        return Tabelle(self.zeilen, self.spalten, np.where(maske, np.nan, self.werte))


def breit(werte: Mapping[tuple[str, str, int], float], gebiete: list[str]) -> Tabelle:
    """The given areas (rows, in this order) × every (indicator, year) of `werte`: every
    indicator in every year that any value has (NaN where that one is missing), both sorted."""
    indikatoren = sorted({i for _, i, _ in werte})
    jahre = sorted({j for _, _, j in werte})
    spalten = [(i, j) for i in indikatoren for j in jahre]
    zeile = {g: n for n, g in enumerate(gebiete)}
    spalte = {s: n for n, s in enumerate(spalten)}
    tabelle = np.full((len(gebiete), len(spalten)), np.nan)
    for (gebiet, indikator, jahr), wert in werte.items():
        if gebiet in zeile:
            tabelle[zeile[gebiet], spalte[(indikator, jahr)]] = wert
    return Tabelle(list(gebiete), spalten, tabelle)


def zeilen_je_gebiet(zeilen: list[str], zuordnung: Mapping[str, str]) -> dict[str, list[int]]:
    """Area → the rows of its districts, in row order; a district without an area is in none."""
    ergebnis: dict[str, list[int]] = {}
    for n, stadtteil in enumerate(zeilen):
        if stadtteil in zuordnung:
            ergebnis.setdefault(zuordnung[stadtteil], []).append(n)
    return ergebnis


def quote(faktor: float, zaehler: float, nenner: float) -> float:
    """`faktor · zaehler / nenner`; NaN where a count is missing or the denominator is 0."""
    return faktor * zaehler / nenner if nenner != 0 else math.nan


def quoten_berechnen(werte: Mapping[tuple[str, str, int], float],
                     quoten: Iterable[Quote]) -> dict[tuple[str, str, int], float]:
    """`werte` with the rates added where the files do not give them but give both counts;
    a value a file gives is kept as it is. Rates come from the counts as read, never from
    another computed rate."""
    ergebnis = dict(werte)
    for q in quoten:
        for (gebiet, indikator, jahr), zaehler in werte.items():
            nenner = werte.get((gebiet, q.nenner, jahr), math.nan)
            if indikator != q.zaehler or math.isnan(zaehler) or math.isnan(nenner):
                continue
            ort = (gebiet, q.indikator, jahr)
            if math.isnan(ergebnis.get(ort, math.nan)) and not math.isnan(wert := quote(q.faktor, zaehler, nenner)):
                ergebnis[ort] = wert
    return ergebnis
