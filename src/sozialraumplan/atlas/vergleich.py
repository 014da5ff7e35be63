"""The atlas's numbers in a stable, flat form, for comparing two states of the repository
(e.g. the diff helper loading `data/` from two git revisions)."""

from __future__ import annotations

from dataclasses import dataclass

from .modell import Atlas


@dataclass(frozen=True)
class Kennzahlen:
    werte: dict[tuple[str, str, int], float | None]
    """(stadtteil, indikator, jahr) → value, sorted; `gesamtstadt` rows included."""
    indexwerte: dict[str, float | None]
    """District → index value of the index year (rounded to 4 places)."""
    indexklassen: dict[str, str | None]
    """District → class as shown on the site, e.g. `4 – hoch` or `Status niedrig, Dynamik negativ`."""
    indexjahr: int


def kennzahlen(atlas: Atlas) -> Kennzahlen:
    index = atlas.sozialindex
    assert index is not None, "atlas_laden berechnet den Index immer"
    stadtteile = sorted(index.status.werte)
    return Kennzahlen(
        werte={k: atlas.werte[k].wert for k in sorted(atlas.werte)},
        indexwerte={s: None if (w := index.wert(s).wert) is None else round(w, 4) for s in stadtteile},
        indexklassen={s: index.klassenname(s) for s in stadtteile},
        indexjahr=index.jahr,
    )
