"""The standardised index: z-values of each indicator over all districts with a value, their
weighted mean, and that mean standardised once more.

    z = r · (x − m) / s          (m, s: mean and standard deviation over n districts, divisor n,
                                  or n − 1 where the city's official method uses the sample form)
    roh = Σ g·z / Σ g            (over the indicators the district has, if at least `mindestens`)
    index = (roh − M) / S        (M, S: mean and standard deviation of roh over the districts)

Nothing is rounded: rounding is for display, and classes compare the full values. Sums are
exactly rounded (`math.fsum`), so the result does not depend on the order of the districts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Standardisierung:
    z: np.ndarray
    """Districts × indicators: the z-values (NaN where the district has no value)."""
    mittel: np.ndarray
    streuung: np.ndarray
    roh: np.ndarray
    """The weighted mean of each district's z-values (NaN: too few indicators)."""
    wert: np.ndarray
    """The index: `roh` standardised over the districts."""
    gesamt_mittel: float
    gesamt_streuung: float


def mittel_und_streuung(werte: np.ndarray, ddof: int) -> tuple[float, float]:
    """Mean and standard deviation of the values that are not NaN (NaN where there are none,
    or, for the standard deviation, no more than `ddof`)."""
    vorhanden = werte[~np.isnan(werte)]
    if not len(vorhanden):
        return math.nan, math.nan
    mittel = math.fsum(vorhanden) / len(vorhanden)
    if len(vorhanden) <= ddof:
        return mittel, math.nan
    return mittel, math.sqrt(math.fsum((vorhanden - mittel) ** 2) / (len(vorhanden) - ddof))


def _z(werte: np.ndarray, ddof: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    paare = [mittel_und_streuung(werte[:, k], ddof) for k in range(werte.shape[1])]
    mittel, streuung = np.array([m for m, _ in paare]), np.array([s for _, s in paare])
    z = (werte - mittel) / np.where(streuung != 0, streuung, np.nan)
    # an indicator without spread says nothing about the difference of districts: z = 0
    return np.where(~np.isnan(werte) & (streuung == 0), 0.0, z), mittel, streuung


def _gewichtet(z: np.ndarray, gewichte: np.ndarray, mindestens: int) -> float:
    """Σ g·z / Σ g over the indicators the district has (NaN: fewer than `mindestens`)."""
    da = ~np.isnan(z)
    summe = math.fsum(gewichte[da])
    if da.sum() < mindestens or not summe:
        return math.nan
    return math.fsum(z[da] * gewichte[da]) / summe


def index_rechnen(werte: np.ndarray, richtung: np.ndarray, gewichte: np.ndarray, mindestens: int,
                  ddof: int = 0) -> Standardisierung:
    """The index of the districts (rows) from their indicator values (columns), with each
    indicator's direction (+1, −1) and weight; `ddof` 1 divides the standard deviations by
    n − 1 instead of n."""
    z, mittel, streuung = _z(werte, ddof)
    z = z * richtung
    roh = np.array([_gewichtet(zeile, gewichte, mindestens) for zeile in z], dtype=float)
    gesamt_mittel, gesamt_streuung = mittel_und_streuung(roh, ddof)
    wert = (roh - gesamt_mittel) / gesamt_streuung if gesamt_streuung else roh * 0.0
    return Standardisierung(z, mittel, streuung, roh, wert, gesamt_mittel, gesamt_streuung)
