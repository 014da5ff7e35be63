"""Values as tables: the long form (one row per area, indicator and year) and the wide form
(areas × (indicator, year)), and rates computed from their counts.

Area ids stay text throughout (`dtype=str`): an official number such as `01` keeps its zero.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

SPALTEN = ["gebiet", "indikator", "jahr", "wert"]


@dataclass(frozen=True)
class Quote:
    """A rate defined from two counts: `faktor · zaehler / nenner`."""

    indikator: str
    zaehler: str
    nenner: str
    faktor: float


def lang(zeilen: Iterable[tuple[str, str, int, float | None]]) -> pd.DataFrame:
    """The long form of (area, indicator, year, value) rows; a missing value is NaN."""
    df = pd.DataFrame(list(zeilen), columns=SPALTEN)
    return df.astype({"gebiet": str, "indikator": str, "jahr": "int64", "wert": "float64"})


def breit(df: pd.DataFrame, gebiete: list[str]) -> pd.DataFrame:
    """Areas (rows, in the given order) × (indicator, year) columns."""
    tabelle = df.pivot_table(index="gebiet", columns=["indikator", "jahr"], values="wert", aggfunc="first",
                             dropna=False)
    return tabelle.reindex(index=pd.Index(gebiete, dtype=str, name="gebiet"))


def zurueck(tabelle: pd.DataFrame) -> pd.DataFrame:
    """The long form of a wide table, without missing cells."""
    df = tabelle.stack(["indikator", "jahr"], future_stack=True).rename("wert").reset_index()
    return lang(df.dropna(subset=["wert"]).itertuples(index=False, name=None))


def quote_aus(tabelle: pd.DataFrame, quote: Quote) -> pd.DataFrame:
    """The rate for every (area, year) column pair of a wide table where both counts exist
    (NaN where a count is missing or the denominator is 0)."""
    if quote.zaehler not in tabelle.columns.get_level_values(0) or quote.nenner not in tabelle.columns.get_level_values(0):
        return pd.DataFrame(index=tabelle.index)
    zaehler, nenner = tabelle[quote.zaehler], tabelle[quote.nenner]
    jahre = zaehler.columns.intersection(nenner.columns)
    return quote.faktor * zaehler[jahre] / nenner[jahre].replace(0, np.nan)


def quoten_berechnen(df: pd.DataFrame, quoten: list[Quote]) -> pd.DataFrame:
    """`df` with the rates added where the files do not give them but give both counts;
    a value a file gives is kept as it is."""
    if not quoten or df.empty:
        return df
    gebiete = list(dict.fromkeys(df["gebiet"]))
    tabelle = breit(df, gebiete)
    neu = []
    for quote in quoten:
        werte = quote_aus(tabelle, quote)
        for jahr in werte.columns:
            for gebiet, wert in werte[jahr].dropna().items():
                neu.append((gebiet, quote.indikator, int(jahr), float(wert)))
    berechnet = lang(neu)
    vorhanden = df.dropna(subset=["wert"]).set_index(["gebiet", "indikator", "jahr"]).index
    berechnet = berechnet[~berechnet.set_index(["gebiet", "indikator", "jahr"]).index.isin(vorhanden)]
    ohne_luecken = df[~df.set_index(["gebiet", "indikator", "jahr"]).index.isin(
        berechnet.set_index(["gebiet", "indikator", "jahr"]).index)]
    return pd.concat([ohne_luecken, berechnet], ignore_index=True)
