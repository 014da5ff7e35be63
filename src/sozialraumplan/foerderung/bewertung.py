"""Scores and the ranking of a round.

Each criterion gives points from 0 to its maximum; the Begleitgremium awards them, except for
a criterion `aus_sozialindex`, whose points follow from the atlas: the highest class of the
Sozialindex among the application's districts, scaled to the criterion's maximum (a city-wide
project counts the middle class). The score is the weighted share of the possible points,
0 to 100. Applications are ranked by score, then by id; one that failed the formal check or
has no assessment yet stands at the end without a rank.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..atlas.index import Sozialindex
from ..model import GESAMTSTADT, Plan
from .laden import Foerderrunde, GeladenerAntrag
from .modell import Formal, Kriterium, Votum


@dataclass(frozen=True)
class Bezirksbedarf:
    """What the atlas says about one district of an application."""

    stadtteil: str
    name: str
    klasse: str | None
    klassennummer: int | None
    rang: int | None
    hoher_bedarf: bool


@dataclass(frozen=True)
class Ergebnis:
    eintrag: GeladenerAntrag
    punkte: dict[str, float]
    """Points per criterion id."""
    wert: float | None
    """Score 0 to 100; None while the application is not assessed or formally failed."""
    rang: int | None
    bedarf: tuple[Bezirksbedarf, ...]
    kumuliert: Decimal | None = None
    """Recommended sums of this and all better-ranked applications (for the budget)."""


def bezirksbedarf(plan: Plan, index: Sozialindex | None, stadtteile: list[str]) -> tuple[Bezirksbedarf, ...]:
    ergebnis = []
    for stadtteil in stadtteile:
        if stadtteil == GESAMTSTADT or index is None or stadtteil not in index.status.werte:
            ergebnis.append(Bezirksbedarf(stadtteil, plan.stadtteil_name(stadtteil), None, None, None, False))
            continue
        klasse = index.wert(stadtteil).klasse
        ergebnis.append(Bezirksbedarf(stadtteil, plan.stadtteil_name(stadtteil), index.klassenname(stadtteil),
                                      klasse.nummer if klasse else None, index.raenge.get(stadtteil),
                                      index.hoher_bedarf(stadtteil)))
    return tuple(ergebnis)


def _bedarfspunkte(kriterium: Kriterium, index: Sozialindex | None, bedarf: tuple[Bezirksbedarf, ...]) -> float:
    if index is None:
        return 0.0
    anzahl = len(index.status.einteilung.klassen)
    nummern = [b.klassennummer for b in bedarf if b.klassennummer is not None]
    if any(b.stadtteil == GESAMTSTADT for b in bedarf):
        nummern.append((anzahl + 1) // 2)
    if not nummern:
        return 0.0
    return round(max(nummern) / anzahl * kriterium.hoechstpunkte, 1)


def rangliste(runde: Foerderrunde, plan: Plan, index: Sozialindex | None) -> list[Ergebnis]:
    """All applications of the round, best first."""
    kriterien = runde.runde.kriterien
    roh = []
    for eintrag in runde.antraege:
        antrag = eintrag.antrag
        bedarf = bezirksbedarf(plan, index, antrag.stadtteile)
        punkte: dict[str, float] = {}
        for kriterium in kriterien:
            if kriterium.aus_sozialindex:
                punkte[kriterium.id] = _bedarfspunkte(kriterium, index, bedarf)
            elif antrag.bewertung is not None:
                punkte[kriterium.id] = antrag.bewertung.punkte[kriterium.id]
        bewertbar = antrag.bewertung is not None and not (
            antrag.pruefung is not None and antrag.pruefung.formal is Formal.NICHT_ERFUELLT)
        wert = None
        if bewertbar:
            moeglich = sum(k.gewicht * k.hoechstpunkte for k in kriterien)
            wert = round(100 * sum(k.gewicht * punkte[k.id] for k in kriterien) / moeglich, 1)
        roh.append((eintrag, punkte, wert, bedarf))
    roh.sort(key=lambda e: (e[2] is None, -(e[2] or 0.0), e[0].antrag.id))
    ergebnisse, summe = [], Decimal(0)
    for nummer, (eintrag, punkte, wert, bedarf) in enumerate(roh, start=1):
        empfehlung = eintrag.antrag.empfehlung
        kumuliert = None
        if wert is not None and empfehlung is not None and empfehlung.votum is not Votum.NICHT_FOERDERN:
            summe += empfehlung.summe or Decimal(0)
            kumuliert = summe
        ergebnisse.append(Ergebnis(eintrag, punkte, wert, nummer if wert is not None else None, bedarf, kumuliert))
    return ergebnisse
