"""The history of the Maßnahmen: their state in every published Fortschreibung (git tag), the
decisions about them and their milestones, and how far the plan has come as a whole.

Each tag is read the way `sozialraumplan diff` reads one, straight from git (`GitQuelle`)
with the plan's own loader; a Maßnahme that did not load in an old tag is simply missing there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from . import beschluesse
from .git_quelle import GitFehler, GitQuelle, git, ist_git_repository
from .laden import rohplan_laden
from .model import Massnahme, Plan, Status


@dataclass(frozen=True)
class Fassung:
    """One published Fortschreibung: a git tag, the day it was made, and its Maßnahmen."""

    name: str
    datum: dt.date
    massnahmen: dict[str, Massnahme]


def fassungen(wurzel: Path | str) -> list[Fassung]:
    """Every tag of the repository, oldest first; none outside a git repository."""
    if not ist_git_repository(wurzel):
        return []
    try:
        ausgabe = git(wurzel, "for-each-ref", "--sort=creatordate",
                      "--format=%(refname:short)%00%(creatordate:short)", "refs/tags")
    except GitFehler:
        return []
    ergebnis = []
    for zeile in ausgabe.splitlines():
        name, _, tag = zeile.partition("\0")
        try:
            with GitQuelle(wurzel, f"refs/tags/{name}") as quelle:
                roh = rohplan_laden(quelle)
        except GitFehler:  # a tag of something other than a commit is no Fortschreibung
            continue
        ergebnis.append(Fassung(name, dt.date.fromisoformat(tag), {g.wert.id: g.wert for g in roh.massnahmen}))
    return ergebnis


@dataclass(frozen=True)
class Ereignis:
    """One line of a Maßnahme's timeline."""

    datum: dt.date
    art: str
    """`fassung`, `stand` (this build), `beschluss` or `meilenstein`."""
    titel: str
    status: Status | None = None
    fortschritt: int | None = None
    beschluss: beschluesse.Eintrag | None = None
    erreicht: bool | None = None


def zeitleiste(plan: Plan, massnahme: Massnahme, fassungen_: Iterable[Fassung]) -> list[Ereignis]:
    """The Maßnahme's timeline, newest first: each Fortschreibung that has it, this state of the
    plan, the decisions about it and its milestones."""
    ereignisse = [Ereignis(f.datum, "fassung", f"Fortschreibung {f.name}", f.massnahmen[massnahme.id].status,
                           f.massnahmen[massnahme.id].fortschritt)
                  for f in fassungen_ if massnahme.id in f.massnahmen]
    ereignisse.append(Ereignis(plan.info.stand, "stand", f"Dieser Stand: {plan.info.fortschreibung}",
                               massnahme.status, massnahme.fortschritt))
    ereignisse += [Ereignis(e.datum, "beschluss", e.beschluss.art.label, beschluss=e)
                   for e in beschluesse.fuer_massnahme(plan, massnahme.id)]
    ereignisse += [Ereignis(m.datum, "meilenstein", m.titel, erreicht=m.erreicht) for m in massnahme.meilensteine]
    reihenfolge = {"stand": 0, "fassung": 1, "beschluss": 2, "meilenstein": 3}
    return sorted(ereignisse, key=lambda e: (-e.datum.toordinal(), reihenfolge[e.art]))


@dataclass(frozen=True)
class Umsetzung:
    """How far a group of Maßnahmen has come."""

    anzahl: dict[Status, int]
    mittlerer_fortschritt: float | None
    """Mean progress of the Maßnahmen that are not dropped (`verworfen`); None without any."""

    @property
    def gesamt(self) -> int:
        return sum(self.anzahl.values())


def umsetzung(massnahmen: Iterable[Massnahme]) -> Umsetzung:
    liste = list(massnahmen)
    anzahl = {s: sum(1 for m in liste if m.status is s) for s in Status}
    zaehlen = [m.fortschritt for m in liste if m.status is not Status.VERWORFEN]
    return Umsetzung(anzahl, sum(zaehlen) / len(zaehlen) if zaehlen else None)
