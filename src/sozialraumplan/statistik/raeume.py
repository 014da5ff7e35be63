"""Values of larger areas (Raumebenen) and of the whole city, from the districts' values.

- A count (`anzahl: true`) of an area is the sum of its districts, if every district has it.
- A rate defined from counts is pooled: `faktor · Σ zaehler / Σ nenner` over the area.
- A rate without counts is not aggregated to areas; for the whole city the atlas shows the
  unweighted mean of the published district values and says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from .tabellen import Quote, quote_aus

Art = Literal["eigen", "summe", "gepoolt", "durchschnitt"]


@dataclass(frozen=True)
class Stadtwert:
    """The value of the whole city for one indicator and year, and how it came about."""

    wert: float | None
    art: Art
    """eigen: the files' own city row; summe: sum of a count; gepoolt: a rate from the summed
    counts; durchschnitt: the unweighted mean of the districts (a rate without counts)."""

    @property
    def bezeichnung(self) -> str:
        return "Durchschnitt der Stadtteile (ungewichtet)" if self.art == "durchschnitt" else "Gesamtstadt"


def gebietswerte(tabelle: pd.DataFrame, zuordnung: pd.Series, anzahlen: set[str], quoten: list[Quote]) -> pd.DataFrame:
    """Areas × (indicator, year) from districts × (indicator, year): counts summed where every
    district of the area has a value, rates pooled from the summed counts, nothing else."""
    gebiete = zuordnung.reindex(tabelle.index)
    mitglieder = gebiete.value_counts()
    spalten = [s for s in tabelle.columns if s[0] in anzahlen]
    if spalten:
        teil = tabelle[spalten]
        summen = teil.groupby(gebiete, sort=True).sum(min_count=1)
        vollstaendig = teil.notna().groupby(gebiete, sort=True).sum().eq(mitglieder.reindex(summen.index), axis=0)
        summen = summen.where(vollstaendig)
    else:
        summen = pd.DataFrame(index=pd.Index(sorted(mitglieder.index), dtype=str))
    summen.columns = pd.MultiIndex.from_tuples(list(summen.columns), names=["indikator", "jahr"])
    teile = [summen]
    for quote in quoten:
        werte = quote_aus(summen, quote)
        if werte.shape[1]:
            werte.columns = pd.MultiIndex.from_tuples([(quote.indikator, j) for j in werte.columns],
                                                      names=["indikator", "jahr"])
            teile.append(werte)
    ergebnis = pd.concat(teile, axis=1) if len(teile) > 1 else summen
    ergebnis.index.name = "gebiet"
    return ergebnis


def stadtwerte(roh: pd.DataFrame, veroeffentlicht: pd.DataFrame, eigen: dict[tuple[str, int], float],
               anzahlen: set[str], quoten: list[Quote]) -> dict[tuple[str, int], Stadtwert]:
    """(indicator, year) → the city's value: the files' own figure where given, else the sum of
    a count or the pooled rate (from all districts, suppressed ones included: the total is
    published, `geheimhaltung` protects the parts), else the unweighted mean of the published
    district values (None where nothing is known)."""
    stadt = gebietswerte(roh, pd.Series("stadt", index=roh.index), anzahlen, quoten)
    ergebnis: dict[tuple[str, int], Stadtwert] = {}
    for spalte in veroeffentlicht.columns:
        indikator, jahr = spalte[0], int(spalte[1])
        if (indikator, jahr) in eigen:
            ergebnis[(indikator, jahr)] = Stadtwert(eigen[(indikator, jahr)], "eigen")
            continue
        gesamt = stadt[spalte].iloc[0] if spalte in stadt.columns and len(stadt) else np.nan
        if not np.isnan(gesamt):
            ergebnis[(indikator, jahr)] = Stadtwert(float(gesamt), "summe" if indikator in anzahlen else "gepoolt")
        elif indikator not in anzahlen:
            werte = veroeffentlicht[spalte].dropna()
            ergebnis[(indikator, jahr)] = Stadtwert(float(werte.mean()) if len(werte) else None, "durchschnitt")
        else:
            ergebnis[(indikator, jahr)] = Stadtwert(None, "summe")
    return ergebnis
