"""The standardised index: z-values of each indicator over all districts with a value, their
weighted mean, and that mean standardised once more.

    z = r · (x − m) / s          (m, s: mean and standard deviation over n districts, divisor n,
                                  or n − 1 where the city's official method uses the sample form)
    roh = Σ g·z / Σ g            (over the indicators the district has, if at least `mindestens`)
    index = (roh − M) / S        (M, S: mean and standard deviation of roh over the districts)

Nothing is rounded: rounding is for display, and classes compare the full values.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Standardisierung:
    z: pd.DataFrame
    """Districts × indicators: the z-values (NaN where the district has no value)."""
    mittel: pd.Series
    streuung: pd.Series
    roh: pd.Series
    """The weighted mean of each district's z-values (NaN: too few indicators)."""
    wert: pd.Series
    """The index: `roh` standardised over the districts."""
    gesamt_mittel: float
    gesamt_streuung: float


def _z(werte: pd.DataFrame, ddof: int) -> tuple[pd.DataFrame, pd.Series, pd.Series]:
    mittel, streuung = werte.mean(), werte.std(ddof=ddof)
    z = (werte - mittel) / streuung.where(streuung != 0)
    # an indicator without spread says nothing about the difference of districts: z = 0
    return z.where(werte.isna() | (streuung != 0), 0.0), mittel, streuung


def index_rechnen(werte: pd.DataFrame, richtung: pd.Series, gewichte: pd.Series, mindestens: int,
                  ddof: int = 0) -> Standardisierung:
    """The index of the districts (rows) from their indicator values (columns); `ddof` 1 divides
    the standard deviations by n − 1 instead of n."""
    z, mittel, streuung = _z(werte, ddof)
    z = z * richtung.reindex(z.columns)
    gewicht = z.notna() * gewichte.reindex(z.columns)
    roh = (z.fillna(0.0) * gewichte.reindex(z.columns)).sum(axis=1) / gewicht.sum(axis=1)
    roh = roh.where(z.notna().sum(axis=1) >= mindestens)
    gesamt_mittel, gesamt_streuung = float(roh.mean()), float(roh.std(ddof=ddof))
    wert = (roh - gesamt_mittel) / gesamt_streuung if gesamt_streuung else roh * 0.0
    return Standardisierung(z, mittel, streuung, roh, wert, gesamt_mittel, gesamt_streuung)
