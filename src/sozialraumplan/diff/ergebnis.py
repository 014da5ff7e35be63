"""The result of comparing two states of the plan, independent of any output format.

Field names are the German YAML keys (`status`, `zeitraum.ende`), so the JSON output and the
wording of the Markdown report use the same names an editor writes in `plan/`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .stand import Entitaet, Stand
from .text import Textstelle


@dataclass(frozen=True)
class Feldaenderung:
    """One changed field. Exactly one of the three shapes is filled:
    a value change (`alt`/`neu`), a list change (`hinzu`/`weg`) or text passages (`stellen`)."""

    feld: tuple[str, ...]
    """German key path, e.g. `("zeitraum", "ende")`."""
    name: str
    """What a reader calls it: the titles of the model's fields, e.g. `Zeitraum, Ende`."""
    alt: Any = None
    neu: Any = None
    hinzu: tuple[Any, ...] = ()
    weg: tuple[Any, ...] = ()
    stellen: tuple[Textstelle, ...] = ()
    reihenfolge: bool = False
    """A list whose entries are the same, only in another order."""

    @property
    def schluessel(self) -> str:
        """The key path as written in JSON: `zeitraum.ende`."""
        return ".".join(self.feld)

    @property
    def art(self) -> str:
        """`text`, `liste` or `wert`."""
        if self.stellen:
            return "text"
        if self.hinzu or self.weg or self.reihenfolge:
            return "liste"
        return "wert"


@dataclass(frozen=True)
class Aenderung:
    """One entity that is new, gone, changed, or could not be compared."""

    art: str
    """Kind of entity: `massnahme`, `leitlinie`, `gremium`, `sitzung`, `begriff`, `stadtteil`, `indikator`."""
    id: str
    titel: str
    datei_alt: str | None = None
    datei_neu: str | None = None
    felder: tuple[Feldaenderung, ...] = ()
    wert: Entitaet | None = None
    """The entity itself for new and removed ones (its new or last state)."""
    grund: str = ""
    """Why it could not be compared (only for `nicht_verglichen`)."""

    @property
    def umbenannt(self) -> bool:
        return bool(self.datei_alt and self.datei_neu and self.datei_alt != self.datei_neu)


@dataclass
class Artvergleich:
    """All changes to one kind of entity."""

    art: str
    neu: list[Aenderung] = field(default_factory=list)
    entfallen: list[Aenderung] = field(default_factory=list)
    geaendert: list[Aenderung] = field(default_factory=list)
    nicht_verglichen: list[Aenderung] = field(default_factory=list)

    @property
    def leer(self) -> bool:
        return not (self.neu or self.entfallen or self.geaendert or self.nicht_verglichen)


@dataclass(frozen=True)
class Wertaenderung:
    """The newest value of one indicator in one district, in both states."""

    stadtteil: str
    indikator: str
    alt: float | None
    alt_jahr: int | None
    neu: float | None
    neu_jahr: int | None
    gewicht: float = 0.0
    """Size of the move in standard deviations of the indicator over the districts (for ranking)."""

    @property
    def differenz(self) -> float | None:
        return None if self.alt is None or self.neu is None else self.neu - self.alt


@dataclass(frozen=True)
class Klassenwechsel:
    """A district whose Sozialindex class differs between the states."""

    stadtteil: str
    alt_wert: float | None
    neu_wert: float | None
    alt_klasse: str
    neu_klasse: str


@dataclass
class Indikatorvergleich:
    """Indicators and Sozialindex: catalogue, values per district, index classes."""

    katalog: Artvergleich
    """Indicators added, removed, or redefined (name, unit, definition, direction …)."""
    werte: list[Wertaenderung]
    """Every district and indicator whose newest value differs (as shown, i.e. rounded)."""
    groesste: list[Wertaenderung]
    """The largest moves, measured in standard deviations so that units do not matter."""
    klassenwechsel: list[Klassenwechsel] | None
    """None when one state has no Sozialindex to compare."""
    index_jahre: tuple[int | None, int | None]
    stadtteile_neu: list[str] = field(default_factory=list)
    """Districts with values now but not before."""
    stadtteile_entfallen: list[str] = field(default_factory=list)


@dataclass
class Vergleich:
    """Everything that differs between `basis` (older) and `ziel` (newer)."""

    basis: Stand
    ziel: Stand
    arten: dict[str, Artvergleich]
    plan: tuple[Feldaenderung, ...]
    """Changes to `plan/plan.yml` (Fortschreibung, Stand, Einleitung …)."""
    indikatoren: Indikatorvergleich | None = None
    indikatoren_grund: str = ""
    """Why the indicators were not compared (when `indikatoren` is None)."""
