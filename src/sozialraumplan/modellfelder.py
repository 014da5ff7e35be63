"""A model's fields by YAML key path, and their German labels.

A field's name is its YAML key, and each field carries a German `title` (a short label) and
`description` (help for editors). This module reads them for everything that names a field to
a person: the questions of `sozialraumplan neu`, the field names in `sozialraumplan diff`; the
JSON schemas take them from pydantic directly.
"""

from __future__ import annotations

import typing
from collections.abc import Iterator, Sequence
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo


def modellfeld(modell: type[BaseModel], pfad: Sequence[str]) -> FieldInfo:
    """The pydantic field behind a YAML key path, e.g. `("zeitraum", "beginn")`."""
    *abschnitte, name = pfad
    for abschnitt in abschnitte:  # a nested section such as `zeitraum` is itself a model
        innen = innerstes_modell(_feld(modell, abschnitt).annotation)
        if innen is None:
            raise KeyError(f"{modell.__name__}: „{abschnitt}“ ist kein Abschnitt")
        modell = innen
    return _feld(modell, name)


def _feld(modell: type[BaseModel], schluessel: str) -> FieldInfo:
    try:
        return modell.model_fields[schluessel]
    except KeyError:
        raise KeyError(f"{modell.__name__} hat kein Feld „{schluessel}“") from None


def titel(feld: FieldInfo, schluessel: str) -> str:
    """The German label of a field; a key without one reads as words („berichtet an“)."""
    return feld.title or schluessel.replace("_", " ").capitalize()


def feldname(modell: type[BaseModel], pfad: Sequence[str]) -> str:
    """The labels along a key path: `("zeitraum", "ende")` → `Zeitraum, Ende`."""
    return ", ".join(titel(modellfeld(modell, pfad[:stelle + 1]), pfad[stelle]) for stelle in range(len(pfad)))


def innerstes_modell(annotation: Any) -> type[BaseModel] | None:
    """The model inside `X`, `list[X]`, `X | None`, `tuple[X, ...]`, `dict[str, X]`, if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in typing.get_args(annotation):
        gefunden = innerstes_modell(argument)
        if gefunden is not None:
            return gefunden
    return None


def modelle(modell: type[BaseModel]) -> Iterator[type[BaseModel]]:
    """The model and every model nested in it (each once), e.g. PlanInfo and Kontakt."""
    gesehen: set[type[BaseModel]] = set()
    offen = [modell]
    while offen:
        aktuell = offen.pop(0)
        if aktuell in gesehen:
            continue
        gesehen.add(aktuell)
        yield aktuell
        for feld in aktuell.model_fields.values():
            for argument in _alle_argumente(feld.annotation):
                if isinstance(argument, type) and issubclass(argument, BaseModel):
                    offen.append(argument)


def _alle_argumente(annotation: Any) -> Iterator[Any]:
    yield annotation
    for argument in typing.get_args(annotation):
        yield from _alle_argumente(argument)
