"""Values of larger areas (Raumebenen) and of the whole city, from the districts' values.

- A count (`anzahl: true`) of an area is the sum of its districts, if every district has it.
- A rate defined from counts is pooled: `faktor · Σ zaehler / Σ nenner` over the area.
- A rate without counts is not aggregated to areas; for the whole city the atlas shows the
  unweighted mean of the published district values and says so.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

import numpy as np

from .tabellen import Quote, Tabelle, quote, zeilen_je_gebiet

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


def gebietswerte(tabelle: Tabelle, zuordnung: Mapping[str, str], anzahlen: set[str], quoten: list[Quote]) -> Tabelle:
    """Areas (sorted by id) × (indicator, year) from districts × (indicator, year): counts summed
    (exactly rounded) where every district of the area has a value, rates pooled from the summed
    counts, nothing else."""
    reihen = zeilen_je_gebiet(tabelle.zeilen, zuordnung)
    gebiete = sorted(reihen)
    zaehlspalten = [n for n, (indikator, _) in enumerate(tabelle.spalten) if indikator in anzahlen]
    summen = np.full((len(gebiete), len(zaehlspalten)), np.nan)
    for zeile, gebiet in enumerate(gebiete):
        teil = tabelle.werte[np.ix_(reihen[gebiet], zaehlspalten)]
        for k in np.flatnonzero(~np.isnan(teil).any(axis=0)):
            summen[zeile, k] = math.fsum(teil[:, k])
    spalten = [tabelle.spalten[n] for n in zaehlspalten]
    position = {s: k for k, s in enumerate(spalten)}
    gepoolt, gepoolte_spalten = [], []
    for q in quoten:
        for indikator, jahr in spalten:
            if indikator == q.zaehler and (nenner := position.get((q.nenner, jahr))) is not None:
                zaehler = position[(indikator, jahr)]
                gepoolt.append([quote(q.faktor, z, n) for z, n in zip(summen[:, zaehler], summen[:, nenner])])
                gepoolte_spalten.append((q.indikator, jahr))
    if gepoolt:
        summen = np.hstack([summen, np.array(gepoolt).reshape(len(gepoolt), len(gebiete)).T])
    return Tabelle(gebiete, spalten + gepoolte_spalten, summen)


def stadtwerte(roh: Tabelle, gesperrt: np.ndarray, eigen: dict[tuple[str, int], float],
               anzahlen: set[str], quoten: list[Quote]) -> dict[tuple[str, int], Stadtwert]:
    """(indicator, year) → the city's value: the files' own figure where given, else the sum of
    a count or the pooled rate (from all districts, suppressed ones included: the total is
    published, `geheimhaltung` protects the parts), else the unweighted mean of the published
    district values (None where nothing is known)."""
    stadt = gebietswerte(roh, dict.fromkeys(roh.zeilen, "stadt"), anzahlen, quoten)
    veroeffentlicht = roh.ohne(gesperrt).werte
    ergebnis: dict[tuple[str, int], Stadtwert] = {}
    for n, (indikator, jahr) in enumerate(roh.spalten):
        if (indikator, jahr) in eigen:
            ergebnis[(indikator, jahr)] = Stadtwert(eigen[(indikator, jahr)], "eigen")
            continue
        k = stadt.positionen.get((indikator, jahr))
        gesamt = float(stadt.werte[0, k]) if k is not None and stadt.zeilen else math.nan
        if not math.isnan(gesamt):
            ergebnis[(indikator, jahr)] = Stadtwert(gesamt, "summe" if indikator in anzahlen else "gepoolt")
        elif indikator not in anzahlen:
            werte = veroeffentlicht[:, n][~np.isnan(veroeffentlicht[:, n])]
            ergebnis[(indikator, jahr)] = Stadtwert(math.fsum(werte) / len(werte) if len(werte) else None,
                                                    "durchschnitt")
        else:
            ergebnis[(indikator, jahr)] = Stadtwert(None, "summe")
    return ergebnis
