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

import numpy as np

from .tabellen import Quote, Spalte, Tabelle, zeilen_je_gebiet


@dataclass(frozen=True)
class Regeln:
    mindestanzahl: int | None = None
    """Counts below this (and above 0) are suppressed."""
    mindestnenner: int | None = None
    """Rates whose denominator is below this are suppressed."""


@dataclass(frozen=True)
class Ebene:
    """One area level: which area each district belongs to, and the areas' raw values."""

    zuordnung: dict[str, str]
    werte: Tabelle


def _primaer(tabelle: Tabelle, anzahlen: set[str], quoten: list[Quote], regeln: Regeln) -> np.ndarray:
    werte = tabelle.werte
    maske = np.zeros(werte.shape, dtype=bool)
    spalten = tabelle.positionen
    if regeln.mindestanzahl is not None:
        zaehl = [n for s, n in spalten.items() if s[0] in anzahlen]
        maske[:, zaehl] = (werte[:, zaehl] > 0) & (werte[:, zaehl] < regeln.mindestanzahl)
    if regeln.mindestnenner is not None:
        for spalte, nenner in _paare(tabelle, quoten, "nenner"):
            n = spalten[spalte]
            maske[:, n] |= ~np.isnan(werte[:, n]) & (werte[:, spalten[nenner]] < regeln.mindestnenner)
    return maske


def _paare(tabelle: Tabelle, quoten: list[Quote], teil: str) -> list[tuple[Spalte, Spalte]]:
    """(rate column, count column) for every rate and year in which both columns exist."""
    spalten = tabelle.positionen
    return [(s, (getattr(q, teil), s[1])) for q in quoten for s in tabelle.spalten
            if s[0] == q.indikator and (getattr(q, teil), s[1]) in spalten]


def _koppeln(maske: np.ndarray, werte: np.ndarray, paare: list[tuple[int, int]]) -> None:
    for quote, zaehler in paare:
        beide = maske[:, quote] | maske[:, zaehler]
        maske[:, quote] = beide & ~np.isnan(werte[:, quote])
        maske[:, zaehler] = beide & ~np.isnan(werte[:, zaehler])


def _kleinste(werte: np.ndarray, ids: list[str], auswahl: np.ndarray, anzahl: int = 1) -> list[int]:
    """Positions (in `werte`) of the smallest selected values (ties: by id)."""
    return sorted((int(n) for n in np.flatnonzero(auswahl)), key=lambda n: (werte[n], ids[n]))[:anzahl]


@dataclass
class _Tafel:
    """A wide table as arrays: values, mask, row ids and column positions."""

    werte: np.ndarray
    maske: np.ndarray
    ids: list[str]
    spalten: dict[Spalte, int]
    paare: list[tuple[int, int]]

    @classmethod
    def aus(cls, tabelle: Tabelle, maske: np.ndarray, quoten: list[Quote]) -> _Tafel:
        spalten = tabelle.positionen
        paare = [(spalten[s], spalten[z]) for s, z in _paare(tabelle, quoten, "zaehler")]
        return cls(tabelle.werte, maske.copy(), tabelle.zeilen, spalten, paare)

    def einzeln(self, zeilen: np.ndarray, spalte: int) -> tuple[bool, np.ndarray]:
        """Whether exactly one of these rows is suppressed in the column, and which published ones are left."""
        vorhanden = ~np.isnan(self.werte[zeilen, spalte])
        gesperrt = self.maske[zeilen, spalte] & vorhanden
        return int(gesperrt.sum()) == 1, vorhanden & ~gesperrt


def sperren(tabelle: Tabelle, ebenen: dict[str, Ebene], anzahlen: set[str], quoten: list[Quote],
            regeln: Regeln) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """Masks (True = suppressed) for the districts' table and each level's area table."""
    maske = _primaer(tabelle, anzahlen, quoten, regeln)
    masken = {name: _primaer(e.werte, anzahlen, quoten, regeln) for name, e in ebenen.items()}
    if regeln.mindestanzahl is None and regeln.mindestnenner is None:
        return maske, masken
    stadt = _Tafel.aus(tabelle, maske, quoten)
    gebiete = {name: _Tafel.aus(e.werte, masken[name], quoten) for name, e in ebenen.items()}
    # groups whose total is published: the city, and every area of every level (rows of the districts)
    gruppen: list[tuple[str | None, int, np.ndarray]] = [(None, -1, np.arange(len(stadt.ids)))]
    mitglieder: dict[str, list[np.ndarray]] = {}
    for ebenenname, ebene in ebenen.items():
        reihen_je_gebiet = zeilen_je_gebiet(stadt.ids, ebene.zuordnung)
        mitglieder[ebenenname] = [np.array(reihen_je_gebiet.get(g, []), dtype=int) for g in gebiete[ebenenname].ids]
        gruppen += [(ebenenname, n, reihen) for n, reihen in enumerate(mitglieder[ebenenname])]
    zaehlspalten = [n for s, n in stadt.spalten.items() if s[0] in anzahlen]
    vorher = -1
    while vorher != (jetzt := int(stadt.maske.sum()) + sum(int(g.maske.sum()) for g in gebiete.values())):
        vorher = jetzt
        _koppeln(stadt.maske, stadt.werte, stadt.paare)
        for tafel in gebiete.values():
            _koppeln(tafel.maske, tafel.werte, tafel.paare)
        for spalte in zaehlspalten:
            schluessel = tabelle.spalten[spalte]
            gebietsspalten = {e: t.spalten.get(schluessel) for e, t in gebiete.items()}
            if not stadt.maske[:, spalte].any() and not any(
                    n is not None and gebiete[e].maske[:, n].any() for e, n in gebietsspalten.items()):
                continue
            for name, gebiet, reihen in gruppen:
                einer, frei = stadt.einzeln(reihen, spalte)
                if not einer:
                    continue
                if frei.any():
                    stadt.maske[reihen[_kleinste(stadt.werte[reihen, spalte], [stadt.ids[r] for r in reihen], frei)[0]],
                                spalte] = True
                elif name is not None and (n := gebietsspalten[name]) is not None:
                    gebiete[name].maske[gebiet, n] = True
            for ebenenname, tafel in gebiete.items():
                if (n := gebietsspalten[ebenenname]) is not None:
                    _gebiete_sichern(stadt, tafel, mitglieder[ebenenname], spalte, n)
    return stadt.maske, {name: tafel.maske for name, tafel in gebiete.items()}


def _gebiete_sichern(stadt: _Tafel, tafel: _Tafel, mitglieder: list[np.ndarray], spalte: int, gebietsspalte: int) -> None:
    """No area value may be the only one withheld on its level (see the module's rule)."""
    alle = np.arange(len(tafel.ids))
    einer, frei = tafel.einzeln(alle, gebietsspalte)
    if not einer or not frei.any():
        return
    gebiet = _kleinste(tafel.werte[:, gebietsspalte], tafel.ids, frei)[0]
    tafel.maske[gebiet, gebietsspalte] = True
    reihen = mitglieder[gebiet]
    werte = stadt.werte[reihen, spalte]
    offen = ~np.isnan(werte) & ~stadt.maske[reihen, spalte]
    fehlend = max(0, 2 - int((stadt.maske[reihen, spalte] & ~np.isnan(werte)).sum()))
    for n in _kleinste(werte, [stadt.ids[r] for r in reihen], offen, fehlend):
        stadt.maske[reihen[n], spalte] = True
