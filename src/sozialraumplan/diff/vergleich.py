"""Compare two states: every kind of entity by id, the plan's own data, and the atlas."""

from __future__ import annotations

from .arten import art_vergleichen
from .ergebnis import Feldaenderung, Vergleich
from .felder import felder_vergleichen
from .indikatoren import indikatoren_vergleichen
from .stand import Stand

ARTEN = ("massnahme", "leitlinie", "gremium", "sitzung", "foerderprojekt", "begriff", "stadtteil")
"""Kinds of plan entities in the order the report lists them (indicators have their own section)."""


def vergleichen(basis: Stand, ziel: Stand) -> Vergleich:
    """Compare an older state `basis` with a newer state `ziel`."""
    plan: tuple[Feldaenderung, ...] = ()
    if basis.info is not None and ziel.info is not None:
        plan = tuple(felder_vergleichen(basis.info, ziel.info))
    indikatoren, grund = indikatoren_vergleichen(basis, ziel)
    return Vergleich(basis, ziel, {art: art_vergleichen(art, basis, ziel) for art in ARTEN}, plan, indikatoren, grund)
