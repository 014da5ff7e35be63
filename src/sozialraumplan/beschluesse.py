"""The decisions of the Sitzungen (`beschluesse:`), found for what they concern.

A decision concerns a Maßnahme when it names it; a Stadtteil or a Leitlinie when it names it,
or names a Maßnahme that works there or serves it. Lists are newest first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .model import Beschluss, BeschlussArt, Plan, Sitzung


@dataclass(frozen=True)
class Eintrag:
    """One decision with the Sitzung it was taken in."""

    sitzung: Sitzung
    nummer: int
    """Its place in the Sitzung's list, from 1."""
    beschluss: Beschluss

    @property
    def kennung(self) -> str:
        """Stable id, also the anchor on the Sitzungen page: `beschluss-<sitzung>-<nummer>`."""
        return f"beschluss-{self.sitzung.id}-{self.nummer}"

    @property
    def datum(self) -> dt.date:
        return self.sitzung.datum

    @property
    def beispiel(self) -> bool:
        return self.beschluss.beispiel or self.sitzung.beispiel


def der_sitzung(sitzung: Sitzung) -> list[Eintrag]:
    """The decisions of one Sitzung, in its own order."""
    return [Eintrag(sitzung, n, b) for n, b in enumerate(sitzung.beschluesse, start=1)]


def alle(plan: Plan) -> list[Eintrag]:
    """Every decision of the plan, newest first (within a Sitzung in its own order)."""
    eintraege = [e for s in plan.sitzungen for e in der_sitzung(s)]
    return sorted(eintraege, key=lambda e: (-e.datum.toordinal(), e.sitzung.id, e.nummer))


def fuer_massnahme(plan: Plan, ident: str) -> list[Eintrag]:
    return [e for e in alle(plan) if ident in e.beschluss.betrifft.massnahmen]


def fuer_stadtteil(plan: Plan, ident: str) -> list[Eintrag]:
    eigene = {m.id for m in plan.massnahmen_for_stadtteil(ident)}
    return [e for e in alle(plan)
            if ident in e.beschluss.betrifft.stadtteile or eigene & set(e.beschluss.betrifft.massnahmen)]


def fuer_leitlinie(plan: Plan, ident: str) -> list[Eintrag]:
    eigene = {m.id for m in plan.massnahmen_for_leitlinie(ident)}
    return [e for e in alle(plan)
            if ident in e.beschluss.betrifft.leitlinien or eigene & set(e.beschluss.betrifft.massnahmen)]


def aktuelle_priorisierung(plan: Plan) -> Eintrag | None:
    """The newest `priorisierung`: its Maßnahmen in order are the current ranking."""
    return next((e for e in alle(plan) if e.beschluss.art is BeschlussArt.PRIORISIERUNG), None)


def standortempfehlungen(plan: Plan, stadtteil: str | None = None) -> list[Eintrag]:
    """The `standortempfehlung`s, newest first; with `stadtteil` only those naming it."""
    return [e for e in alle(plan) if e.beschluss.art is BeschlussArt.STANDORTEMPFEHLUNG
            and (stadtteil is None or stadtteil in e.beschluss.betrifft.stadtteile)]
