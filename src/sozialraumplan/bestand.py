"""Everything a site is built from, loaded and checked in one go: plan, accessibility
statement and (where `data/` has one) the Sozialstrukturatlas.

`sozialraumplan validate` and the site build both go through `bestand_pruefen`, so the
command an editor runs checks exactly what the build will refuse.
"""

from __future__ import annotations

from dataclasses import dataclass

from .atlas.laden import atlas_pruefen, atlas_vorhanden
from .atlas.modell import Atlas
from .barrierefreiheit import Erklaerung, erklaerung_pruefen
from .befund import Befund, PlanUngueltig, nur_fehler
from .laden import plan_pruefen
from .model import Plan
from .quelle import Quelle


@dataclass(frozen=True)
class Bestand:
    """The validated inputs of one site."""

    plan: Plan
    erklaerung: Erklaerung
    atlas: Atlas | None


def bestand_pruefen(quelle: Quelle) -> tuple[Bestand | None, list[Befund]]:
    """All findings of all inputs; the Bestand is None when any of them has an error."""
    plan, befunde = plan_pruefen(quelle)
    erklaerung, eigene = erklaerung_pruefen(quelle)
    befunde += eigene
    atlas, mit_atlas = None, atlas_vorhanden(quelle)
    if plan is not None and mit_atlas:
        atlas, eigene = atlas_pruefen(quelle, plan)
        befunde += eigene
    if plan is None or erklaerung is None or nur_fehler(befunde) or (mit_atlas and atlas is None):
        return None, sorted(befunde)
    return Bestand(plan, erklaerung, atlas), sorted(befunde)


def bestand_laden(quelle: Quelle) -> Bestand:
    """The Bestand, or `PlanUngueltig` with every finding."""
    bestand, befunde = bestand_pruefen(quelle)
    if bestand is None:
        raise PlanUngueltig(befunde)
    return bestand
