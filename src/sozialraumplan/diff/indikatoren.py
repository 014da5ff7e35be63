"""Indicators and Sozialindex between two states: what the atlas showed then, and what it shows now.

Per district and indicator the newest value of each state is compared, so a Fortschreibung with
a new data year reads as „Arbeitslosenquote 8,1 % (2023) → 7,6 % (2024)“. Moves are ranked in
standard deviations of the indicator over the districts: a change of 2 percentage points and
one of 300 inhabitants are then comparable.
"""

from __future__ import annotations

import math

from ..atlas.modell import Atlas
from ..atlas.vergleich import Kennzahlen, kennzahlen
from ..model import GESAMTSTADT
from .arten import art_vergleichen
from .ergebnis import Indikatorvergleich, Klassenwechsel, Wertaenderung
from .stand import Stand

GROESSTE = 10
"""How many of the largest moves the report lists."""


def _neuester(zahlen: Kennzahlen, indikator: str) -> tuple[int | None, dict[str, float]]:
    """Year and district values of the newest year with district data for `indikator`."""
    vorhanden = {(s, j): w for (s, i, j), w in zahlen.werte.items()
                 if i == indikator and s != GESAMTSTADT and w is not None}
    if not vorhanden:
        return None, {}
    jahr = max(j for _, j in vorhanden)
    return jahr, {s: w for (s, j), w in vorhanden.items() if j == jahr}


def _streuung(werte: list[float]) -> float:
    if len(werte) < 2:
        return 0.0
    mittel = sum(werte) / len(werte)
    return math.sqrt(sum((w - mittel) ** 2 for w in werte) / len(werte))


def _mit_wert(zahlen: Kennzahlen) -> set[str]:
    return {s for (s, _, _), w in zahlen.werte.items() if w is not None and s != GESAMTSTADT}


def werte_vergleichen(alt: Atlas, neu: Atlas, alte_zahlen: Kennzahlen, neue_zahlen: Kennzahlen) -> list[Wertaenderung]:
    """Every district and indicator (present in both catalogues) whose shown value differs."""
    aenderungen = []
    gemeinsam = [i for i in neu.indikatoren if any(a.id == i.id for a in alt.indikatoren)]
    for indikator in gemeinsam:
        alt_jahr, alte = _neuester(alte_zahlen, indikator.id)
        neu_jahr, neue = _neuester(neue_zahlen, indikator.id)
        streuung = _streuung(list(neue.values())) or _streuung(list(alte.values()))
        stellen = indikator.nachkommastellen
        for stadtteil in sorted(set(alte) | set(neue)):
            a, n = alte.get(stadtteil), neue.get(stadtteil)
            if a is not None and n is not None and round(a, stellen) == round(n, stellen):
                continue
            gewicht = abs(n - a) / streuung if a is not None and n is not None and streuung else 0.0
            aenderungen.append(Wertaenderung(stadtteil, indikator.id, a, alt_jahr if a is not None else None,
                                             n, neu_jahr if n is not None else None, gewicht))
    return aenderungen


def klassen_vergleichen(alt: Kennzahlen, neu: Kennzahlen) -> list[Klassenwechsel]:
    """Districts (with a class in both states) whose Sozialindex class changed."""
    wechsel = []
    for stadtteil in sorted(set(alt.indexklassen) & set(neu.indexklassen)):
        vorher, nachher = alt.indexklassen[stadtteil], neu.indexklassen[stadtteil]
        if vorher is not None and nachher is not None and vorher != nachher:
            wechsel.append(Klassenwechsel(stadtteil, alt.indexwerte[stadtteil], neu.indexwerte[stadtteil],
                                          vorher, nachher))
    return wechsel


def _indexjahr(stand: Stand) -> int | None:
    return kennzahlen(stand.atlas).indexjahr if stand.atlas else None


def indikatoren_vergleichen(basis: Stand, ziel: Stand) -> tuple[Indikatorvergleich | None, str]:
    """The comparison, or None and the reason why there is nothing to compare."""
    nicht_ladbar = [s for s in (basis, ziel) if s.atlas is None and not s.ohne_atlas]
    if nicht_ladbar or (basis.atlas is None and ziel.atlas is None):
        # an atlas that exists but did not load must not read as „all indicators removed“
        gruende = [s.atlas_hinweis for s in (nicht_ladbar or [basis, ziel])]
        return None, "; ".join(dict.fromkeys(g for g in gruende if g))
    katalog = art_vergleichen("indikator", basis, ziel)
    if basis.atlas is None or ziel.atlas is None:  # an atlas added or removed: its catalogue says it all
        return Indikatorvergleich(katalog, [], [], None, (_indexjahr(basis), _indexjahr(ziel))), ""
    alt, neu = kennzahlen(basis.atlas), kennzahlen(ziel.atlas)
    werte = werte_vergleichen(basis.atlas, ziel.atlas, alt, neu)
    groesste = sorted((w for w in werte if w.gewicht > 0), key=lambda w: (-w.gewicht, w.stadtteil, w.indikator))
    alt_mit, neu_mit = _mit_wert(alt), _mit_wert(neu)
    return Indikatorvergleich(
        katalog, werte, groesste[:GROESSTE], klassen_vergleichen(alt, neu), (alt.indexjahr, neu.indexjahr),
        sorted(neu_mit - alt_mit), sorted(alt_mit - neu_mit),
    ), ""
