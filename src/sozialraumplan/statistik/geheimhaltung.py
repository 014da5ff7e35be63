"""Disclosure control: which cells must not be published.

The rule, as `data/README.md` documents it for editors:

1. **Primary.** A count from 1 to `mindestanzahl − 1` is suppressed (0 is published: it names
   nobody). A rate whose denominator is below `mindestnenner` is suppressed. A rate and its
   numerator count are suppressed together: either one and the denominator give the other.
2. **Secondary.** The city total and the total of every larger area are published, so within
   each of these groups no count may be the only suppressed one (it would be the total minus
   the others). Where exactly one is, the smallest published cell of the same group (ties: the
   first by id) is suppressed too; where the group has no other cell, the area's own value is
   withheld. On each area level, no area value may be the only one withheld: the smallest other
   area value is withheld too, and so that it cannot be rebuilt from its districts, at least two
   of them are suppressed. This is repeated until every group has none or at least two.

Suppression works on the wide tables of `tabellen` and returns masks of the same shape; the
caller removes the masked values once, before anything is rendered.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .tabellen import Quote


@dataclass(frozen=True)
class Regeln:
    mindestanzahl: int | None = None
    """Counts below this (and above 0) are suppressed."""
    mindestnenner: int | None = None
    """Rates whose denominator is below this are suppressed."""


@dataclass(frozen=True)
class Ebene:
    """One area level: which area each district belongs to, and the areas' raw values."""

    zuordnung: pd.Series
    werte: pd.DataFrame


def _primaer(tabelle: pd.DataFrame, anzahlen: set[str], quoten: list[Quote], regeln: Regeln) -> pd.DataFrame:
    maske = pd.DataFrame(False, index=tabelle.index, columns=tabelle.columns)
    for spalte in tabelle.columns:
        werte = tabelle[spalte]
        if spalte[0] in anzahlen and regeln.mindestanzahl is not None:
            maske[spalte] = (werte > 0) & (werte < regeln.mindestanzahl)
    if regeln.mindestnenner is not None:
        for spalte, nenner in _paare(tabelle, quoten, "nenner"):
            maske[spalte] |= tabelle[spalte].notna() & (tabelle[nenner] < regeln.mindestnenner)
    return maske


def _paare(tabelle: pd.DataFrame, quoten: list[Quote], teil: str) -> list[tuple[tuple, tuple]]:
    """(rate column, count column) for every rate and year in which both columns exist."""
    spalten = set(tabelle.columns)
    return [(s, (getattr(q, teil), s[1])) for q in quoten for s in tabelle.columns
            if s[0] == q.indikator and (getattr(q, teil), s[1]) in spalten]


def _koppeln(maske: pd.DataFrame, tabelle: pd.DataFrame, quoten: list[Quote]) -> None:
    for spalte, zaehler in _paare(tabelle, quoten, "zaehler"):
        beide = maske[spalte] | maske[zaehler]
        maske[spalte] = beide & tabelle[spalte].notna()
        maske[zaehler] = beide & tabelle[zaehler].notna()


def _kleinste(werte: pd.Series, anzahl: int = 1) -> list[str]:
    """The ids of the smallest values (ties: by id)."""
    reihe = pd.DataFrame({"wert": werte, "id": werte.index}).sort_values(["wert", "id"])
    return list(reihe["id"][:anzahl])


def _gruppe(werte: pd.Series, maske: pd.Series) -> tuple[int, list[str]]:
    """How many cells of a group are suppressed, and the smallest published one (if any)."""
    vorhanden = werte.dropna()
    gesperrt = maske.reindex(vorhanden.index)
    return int(gesperrt.sum()), _kleinste(vorhanden[~gesperrt])


def sperren(tabelle: pd.DataFrame, ebenen: dict[str, Ebene], anzahlen: set[str], quoten: list[Quote],
            regeln: Regeln) -> tuple[pd.DataFrame, dict[str, pd.DataFrame]]:
    """Masks (True = suppressed) for the districts' table and each level's area table."""
    maske = _primaer(tabelle, anzahlen, quoten, regeln)
    masken = {name: _primaer(e.werte, anzahlen, quoten, regeln) for name, e in ebenen.items()}
    if regeln.mindestanzahl is None and regeln.mindestnenner is None:
        return maske, masken
    gruppen: list[tuple[str | None, str | None, list[str]]] = [(None, None, list(tabelle.index))]
    for ebenenname, ebene in ebenen.items():
        gruppen += [(ebenenname, gebiet, list(ids)) for gebiet, ids in ebene.zuordnung.groupby(ebene.zuordnung).groups.items()]
    zaehlspalten = [s for s in tabelle.columns if s[0] in anzahlen]
    vorher = -1
    while vorher != (jetzt := int(maske.values.sum()) + sum(int(m.values.sum()) for m in masken.values())):
        vorher = jetzt
        _koppeln(maske, tabelle, quoten)
        for ebenenname, ebene in ebenen.items():
            _koppeln(masken[ebenenname], ebene.werte, quoten)
        for spalte in zaehlspalten:
            for name, gebiet, ids in gruppen:
                anzahl, frei = _gruppe(tabelle.loc[ids, spalte], maske.loc[ids, spalte])
                if anzahl != 1:
                    continue
                if frei:
                    maske.loc[frei[0], spalte] = True
                elif name is not None and spalte in masken[name].columns:
                    masken[name].loc[gebiet, spalte] = True
            for ebenenname, ebene in ebenen.items():
                if spalte in ebene.werte.columns:
                    _gebiete_sichern(tabelle, maske, ebene, masken[ebenenname], spalte)
    return maske, masken


def _gebiete_sichern(tabelle: pd.DataFrame, maske: pd.DataFrame, ebene: Ebene, gebietsmaske: pd.DataFrame,
                     spalte: tuple) -> None:
    """No area value may be the only one withheld on its level (see the module's rule)."""
    anzahl, frei = _gruppe(ebene.werte[spalte], gebietsmaske[spalte])
    if anzahl != 1 or not frei:
        return
    gebietsmaske.loc[frei[0], spalte] = True
    ids = list(ebene.zuordnung[ebene.zuordnung == frei[0]].index)
    werte = tabelle.loc[ids, spalte].dropna()
    offen = werte[~maske.loc[werte.index, spalte]]
    fehlend = max(0, 2 - int(maske.loc[werte.index, spalte].sum()))
    for stadtteil in _kleinste(offen, fehlend):
        maske.loc[stadtteil, spalte] = True
