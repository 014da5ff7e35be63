"""Field-by-field comparison of two versions of one entity, driven by the model's fields.

New fields added to the model are compared without touching this module: lists as sets of
entries, long texts word by word, nested sections key by key, everything else as a value. A
change is named by the field's key (for JSON) and by its German title (for readers).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel

from ..modellfelder import titel
from .ergebnis import Feldaenderung
from .text import gleicher_text, textstellen, woerter

LANGER_TEXT_AB = 12
"""Texts with more words than this are compared word by word, shorter ones as a whole."""


def felder_vergleichen(alt: BaseModel, neu: BaseModel, praefix: tuple[str, ...] = (),
                       namen: tuple[str, ...] = ()) -> list[Feldaenderung]:
    """Every field that differs between two versions of the same model, in the model's order."""
    aenderungen: list[Feldaenderung] = []
    for schluessel, feld in type(neu).model_fields.items():
        a, n = getattr(alt, schluessel), getattr(neu, schluessel)
        pfad, titel_pfad = praefix + (schluessel,), namen + (titel(feld, schluessel),)
        name = ", ".join(titel_pfad)  # „Zeitraum, Ende“
        if isinstance(a, BaseModel) and isinstance(n, BaseModel):
            aenderungen += felder_vergleichen(a, n, pfad, titel_pfad)
        elif isinstance(a, Sequence) and not isinstance(a, str) and isinstance(n, Sequence) and not isinstance(n, str):
            aenderungen += _liste(pfad, name, a, n)
        elif isinstance(a, str) and isinstance(n, str):
            aenderungen += _text(pfad, name, a, n)
        elif a != n:
            aenderungen.append(Feldaenderung(pfad, name, alt=a, neu=n))
    return aenderungen


def _liste(pfad: tuple[str, ...], name: str, alt: Sequence[Any], neu: Sequence[Any]) -> list[Feldaenderung]:
    if list(alt) == list(neu):
        return []
    hinzu = tuple(x for x in neu if x not in alt)
    weg = tuple(x for x in alt if x not in neu)
    return [Feldaenderung(pfad, name, hinzu=hinzu, weg=weg, reihenfolge=not hinzu and not weg)]


def _text(pfad: tuple[str, ...], name: str, alt: str, neu: str) -> list[Feldaenderung]:
    if gleicher_text(alt, neu):
        return []
    if max(len(woerter(alt)), len(woerter(neu))) > LANGER_TEXT_AB:
        return [Feldaenderung(pfad, name, stellen=tuple(textstellen(alt, neu)))]
    return [Feldaenderung(pfad, name, alt=alt, neu=neu)]
