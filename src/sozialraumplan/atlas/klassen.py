"""Grouping values into classes for maps and the index: quantiles of the districts or fixed
thresholds. Class 1 holds the lowest values.

Quantile limits are rounded to the places the values are shown with, and values are classed by
the rounded limits: a reader who sees „4,5“ in the table and „bis unter 4,5“ in the legend must
find the district in the next class, not in this one.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import numpy as np

from .modell import Klassierung
from .zahlen import mit_einheit


@dataclass(frozen=True)
class Klasse:
    nummer: int
    """1-based; class 1 holds the lowest values."""
    von: float | None
    """Lower limit (inclusive); None for the first class."""
    bis: float | None
    """Upper limit (exclusive); None for the last class."""
    name: str | None = None
    stufen: int = 1
    """How many classes the grouping has."""

    @property
    def stufe(self) -> str:
        """The one reader-facing name of a class on the whole site: `Stufe 2 von 5: niedrig`."""
        stufe = f"Stufe {self.nummer} von {self.stufen}"
        return f"{stufe}: {self.name}" if self.name else stufe

    def spanne(self, einheit: str, stellen: int) -> str:
        """`4,5 bis unter 6,0 %`, `unter 4,5 %`, `6,0 % und mehr`."""
        if self.von is None and self.bis is None:
            return "alle Werte"
        if self.von is None:
            return f"unter {mit_einheit(self.bis, einheit, stellen)}"
        if self.bis is None:
            return f"{mit_einheit(self.von, einheit, stellen)} und mehr"
        return f"{mit_einheit(self.von, '', stellen)} bis unter {mit_einheit(self.bis, einheit, stellen)}"

    def legende(self, einheit: str, stellen: int) -> str:
        """The class with its limits, for legends and the method: `Stufe 2 von 5: niedrig (−1,00 bis
        unter −0,50)`."""
        return f"{self.stufe} ({self.spanne(einheit, stellen)})"

    def beschriftung(self, einheit: str, stellen: int) -> str:
        """The web map's legend text: `legende` for named classes, the range alone for the unnamed
        classes of an indicator map (their colour already says the order)."""
        return self.legende(einheit, stellen) if self.name else self.spanne(einheit, stellen)


@dataclass(frozen=True)
class Einteilung:
    """Classes in ascending order."""

    klassen: tuple[Klasse, ...]

    def klasse(self, wert: float | None) -> Klasse | None:
        if wert is None:
            return None
        # `einteilen` gives every class after the first a lower limit
        grenzen = [k.von for k in self.klassen[1:] if k.von is not None]
        if len(grenzen) != len(self.klassen) - 1:
            raise ValueError("Einteilung: jede Klasse nach der ersten braucht eine Untergrenze")
        return self.klassen[bisect.bisect_right(grenzen, wert)]


def einteilen(werte: list[float], art: Klassierung, stellen: int) -> Einteilung:
    """Classes for `werte` (missing values left out) as configured by `art`."""
    if art.art == "schwellen":
        grenzen = list(art.grenzen or [])
    else:
        anteile = np.linspace(0, 1, art.klassenzahl + 1)[1:-1]
        roh = np.quantile(np.asarray(werte, dtype=float), anteile) if werte else []
        grenzen = sorted({round(float(g), stellen) for g in roh})
        # a limit at the minimum would leave the first class empty
        grenzen = [g for g in grenzen if not werte or g > round(min(werte), stellen)]
    namen = art.namen if art.namen and len(art.namen) == len(grenzen) + 1 else None
    unten: list[float | None] = [None, *grenzen]
    oben: list[float | None] = [*grenzen, None]
    return Einteilung(tuple(Klasse(i + 1, von, bis, namen[i] if namen else None, stufen=len(unten))
                            for i, (von, bis) in enumerate(zip(unten, oben))))
