"""The atlas as typed data: its settings (`data/atlas.yml`), the indicator catalogue
(`data/indikatoren.yml`) and the loaded values, boundaries and sites.

YAML keys are German (aliases), Python names English, as in `sozialraumplan.model`.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import AfterValidator, Field, model_validator

from ..model import GESAMTSTADT, Kennung, Modell, Stadtteil, Text
from ..quelle import pfad_im_repository

if TYPE_CHECKING:  # only for annotations: loading shapely is not needed to read settings
    from shapely.geometry.base import BaseGeometry

    from .index import Sozialindex

Jahr = Annotated[int, Field(ge=1900, le=2200)]


def _datei_in_data(pfad: str) -> str:
    # The loader reads and the example generator writes these paths: they must not leave data/.
    if not (pfad.startswith("data/") and pfad_im_repository(pfad)) or any(z.isspace() for z in pfad):
        raise ValueError("datei_pfad")
    return pfad


Datei = Annotated[str, AfterValidator(_datei_in_data)]
"""A path inside the repository's `data/` folder (no `..`, no absolute path, no backslash)."""
Anzahl = Annotated[int, Field(ge=0, le=10**9)]
"""A count of people or places: a billion is more than any city has."""
GROESSTER_BETRAG = 1e12
"""No figure of a city's social statistics comes near a trillion; far below it, sums, squares and
powers of values stay exact enough and never overflow."""
Betrag = Annotated[float, Field(ge=-GROESSTER_BETRAG, le=GROESSTER_BETRAG)]
"""A configured number (a limit, a range, a mean)."""
Adresse = Annotated[str, Field(pattern=r"^https://[^\s<>\"']+$")]


def schluessel(stadtteil: Stadtteil, bezug: str) -> str:
    """The district's id or official number (`bezug`), as a boundary or value file names it."""
    return stadtteil.id if bezug == "id" else stadtteil.number


class Richtung(str, Enum):
    """Does a higher value of the indicator mean more need?"""

    HOEHER = "hoeher_mehr_bedarf"
    NIEDRIGER = "niedriger_mehr_bedarf"
    NEUTRAL = "ohne_wertung"

    @property
    def vorzeichen(self) -> int:
        """+1 where more means more need, −1 where less does, 0 for context indicators."""
        return {"hoeher_mehr_bedarf": 1, "niedriger_mehr_bedarf": -1, "ohne_wertung": 0}[self.value]

    @property
    def satz(self) -> str:
        return {
            "hoeher_mehr_bedarf": "Ein höherer Wert weist auf mehr Unterstützungsbedarf hin.",
            "niedriger_mehr_bedarf": "Ein niedrigerer Wert weist auf mehr Unterstützungsbedarf hin.",
            "ohne_wertung": "Der Wert beschreibt den Stadtteil, ohne für sich einen Bedarf anzuzeigen.",
        }[self.value]


class Klassierung(Modell):
    """How values are grouped into classes: by quantiles of the districts or fixed thresholds."""

    art: Literal["quantile", "schwellen"] = "quantile"
    anzahl: Annotated[int, Field(ge=2, le=7)] | None = None
    grenzen: list[Betrag] | None = None
    namen: list[Text] | None = None

    @model_validator(mode="after")
    def _stimmig(self) -> Klassierung:
        if self.art == "schwellen":
            if not self.grenzen:
                raise ValueError("schwellen_ohne_grenzen")
            if any(b <= a for a, b in zip(self.grenzen, self.grenzen[1:])):
                raise ValueError("grenzen_nicht_aufsteigend")
            if len(self.grenzen) > 6:
                raise ValueError("zu_viele_klassen")
        elif self.grenzen:
            raise ValueError("quantile_mit_grenzen")
        if self.namen is not None and len(self.namen) != self.klassenzahl:
            raise ValueError("namen_passen_nicht")
        return self

    @property
    def klassenzahl(self) -> int:
        return len(self.grenzen) + 1 if self.art == "schwellen" and self.grenzen else (self.anzahl or 5)


class Indikator(Modell):
    """One entry of `data/indikatoren.yml`."""

    id: Kennung
    name: Text
    kurzname: Text | None = None
    einheit: str = Field(max_length=40)
    definition: Text
    formel: Text
    quelle: Text
    richtung: Richtung
    leichte_sprache: Text
    themenfeld: Text
    nachkommastellen: Annotated[int, Field(ge=0, le=3)] = 1
    anzahl: bool = False
    """A count (people, places), not a rate: the city's value is the sum of the districts, and a
    district is not compared with it."""
    interpretation: Text | None = None
    minimum: Betrag | None = None
    maximum: Betrag | None = None
    klassen: Klassierung | None = None

    @property
    def kurz(self) -> str:
        return self.kurzname or self.name

    @property
    def grenzen(self) -> tuple[float, float]:
        """Allowed range of values; percentages lie between 0 and 100 unless stated otherwise."""
        unten = self.minimum if self.minimum is not None else (0.0 if self.einheit == "%" else -math.inf)
        oben = self.maximum if self.maximum is not None else (100.0 if self.einheit == "%" else math.inf)
        return unten, oben


class IndikatorenDatei(Modell):
    """`data/indikatoren.yml`."""

    indikatoren: list[Indikator] = Field(min_length=1)


class Geometrie(Modell):
    """Where the district boundaries are and how their features name the districts."""

    datei: Datei
    merkmal: str = "id"
    """Feature property holding the key (or `id` for the GeoJSON feature id)."""
    bezug: Literal["id", "nummer"] = "id"
    """Column of `data/stadtteile.csv` that the key matches."""
    namensnennung: Text
    lizenz: Text | None = None
    lizenz_adresse: Adresse | None = None


class WerteDatei(Modell):
    """One CSV file with indicator values."""

    datei: Datei
    beispieldaten: bool = False
    zahlenformat: Literal["automatisch", "deutsch", "englisch"] = "automatisch"


class Kacheln(Modell):
    """An optional base map served by the city's own tile server."""

    adresse: Annotated[str, Field(pattern=r"^(https://|/)[^\s<>\"']+\{z\}[^\s<>\"']*$")]
    namensnennung: Text
    max_zoom: Annotated[int, Field(ge=1, le=22)] = 18


class Karte(Modell):
    vereinfachung_m: Annotated[float, Field(ge=0, le=500)] = 20.0
    """Tolerance of the shared-border simplification, in metres (roughly)."""
    klassen: Klassierung = Klassierung()
    """Default classes of indicator maps."""
    kacheln: Kacheln | None = None


class IndexIndikator(Modell):
    indikator: Kennung
    gewicht: Annotated[float, Field(gt=0, le=100)] = 1.0


class Dynamik(Modell):
    """Change classes of the status × dynamics classification."""

    von: Jahr
    grenzen: list[Betrag] = Field(default_factory=lambda: [-1.0, 1.0])
    namen: list[Text] = Field(default_factory=lambda: ["positiv", "stabil", "negativ"])

    @model_validator(mode="after")
    def _stimmig(self) -> Dynamik:
        if any(b <= a for a, b in zip(self.grenzen, self.grenzen[1:])):
            raise ValueError("grenzen_nicht_aufsteigend")
        if len(self.namen) != len(self.grenzen) + 1:
            raise ValueError("namen_passen_nicht")
        return self


class SozialindexEinstellungen(Modell):
    """Which indicators make up the index, and how it is classed."""

    verfahren: Literal["gewichteter_index", "status_dynamik"] = "gewichteter_index"
    name: Text = "Sozialindex"
    jahr: Jahr | None = None
    indikatoren: list[IndexIndikator] = Field(min_length=1)
    mindestens: Annotated[int, Field(ge=1, le=100)] | None = None
    klassen: Klassierung
    hoher_bedarf_ab: Annotated[int, Field(ge=1, le=7)]
    dynamik: Dynamik | None = None

    @model_validator(mode="after")
    def _stimmig(self) -> SozialindexEinstellungen:
        if self.verfahren == "status_dynamik" and self.dynamik is None:
            raise ValueError("dynamik_fehlt")
        if self.hoher_bedarf_ab > self.klassen.klassenzahl:
            raise ValueError("hoher_bedarf_zu_gross")
        return self


class AtlasEinstellungen(Modell):
    """`data/atlas.yml`."""

    titel: Text = "Sozialstrukturatlas"
    geometrie: Geometrie
    werte: list[WerteDatei] = Field(min_length=1)
    standorte: Datei | None = None
    ankerwerte: Datei | None = None
    karte: Karte = Karte()
    sozialindex: SozialindexEinstellungen


class Standortart(str, Enum):
    QSA = "qsa"
    STADTTEILZENTRUM = "stadtteilzentrum"

    @property
    def label(self) -> str:
        return {"qsa": "Quartiers- und Sozialraumarbeit", "stadtteilzentrum": "Stadtteilzentrum"}[self.value]


class Vorgabe(Modell):
    """How one example indicator is generated: from the latent need, or as a mean per settlement type."""

    bereich: tuple[Betrag, Betrag] | None = None
    """Value at need 0 and at need 1 (a falling range for indicators where less means more need)."""
    je_typ: dict[str, Betrag] | None = None
    trend: Annotated[float, Field(ge=-0.5, le=0.5)] = 0.0
    """Relative change per year of the whole city."""
    streuung: Annotated[float, Field(ge=0, le=1)] = 0.08
    geheim_unter: Anzahl | None = None
    """No value where fewer people than this live (statistical secrecy)."""

    @model_validator(mode="after")
    def _eine_art(self) -> Vorgabe:
        if (self.bereich is None) == (self.je_typ is None):
            raise ValueError("bereich_oder_je_typ")
        return self


class StandortVorgabe(Modell):
    id: Kennung
    name: Text
    art: Standortart
    stadtteil: Kennung
    traeger: Text


class Anker(Modell):
    """Which real figures fix the population of the districts they cover."""

    merkmal: Text
    stichtag: str
    jahr: Jahr


Anteil = Annotated[float, Field(ge=0, le=1)]


class BeispielVorgaben(Modell):
    """`data/beispieldaten.yml`: how the example values and sites are generated."""

    saat: Annotated[int, Field(ge=0, le=2**32 - 1)]
    jahre: list[Jahr] = Field(min_length=1, max_length=100)
    ziel: Datei
    standorte_ziel: Datei | None = None
    standardtyp: str
    typen: dict[str, list[Kennung]] = Field(default_factory=dict)
    einwohner: dict[str, Anzahl]
    """Inhabitants per settlement type in the anchor year."""
    wachstum: Annotated[float, Field(ge=-0.5, le=0.5)] = 0.0
    einwohner_anker: Anker | None = None
    belastung: dict[str, tuple[Anteil, Anteil]]
    """Mean and spread of the latent need per settlement type."""
    indikatoren: dict[str, Vorgabe]
    einwohner_indikator: str = "einwohner"
    standorte: list[StandortVorgabe] = Field(default_factory=list)

    @model_validator(mode="after")
    def _jahre_aufsteigend(self) -> BeispielVorgaben:
        if any(b <= a for a, b in zip(self.jahre, self.jahre[1:])):
            raise ValueError("jahre_nicht_aufsteigend")
        return self

    def typ(self, stadtteil: str) -> str:
        """The settlement type of a district (the default type when no list names it)."""
        return next((t for t, ids in self.typen.items() if stadtteil in ids), self.standardtyp)


@dataclass(frozen=True)
class Standort:
    """A site of Quartiers- und Sozialraumarbeit or a Stadtteilzentrum."""

    id: str
    name: str
    art: Standortart
    stadtteil: str
    breite: float
    laenge: float
    traeger: str
    beispiel: bool


@dataclass(frozen=True)
class Ankerwert:
    """A real published figure, shown only with its date and source, never among example values."""

    stadtteil: str
    """District id or `gesamtstadt`."""
    merkmal: str
    wert: float
    einheit: str
    stichtag: str
    quelle: str


@dataclass(frozen=True)
class Wert:
    """One value of one indicator for one district (or `gesamtstadt`) and year."""

    stadtteil: str
    indikator: str
    jahr: int
    wert: float | None
    beispiel: bool


@dataclass(eq=False)
class Atlas:
    """Everything the atlas pages are made from, validated. Compared by identity: pages, files
    and macros of one build share what is computed from it (see `kontext.kontext_fuer`).
    The values are not changed after loading, so what is derived from them is cached."""

    einstellungen: AtlasEinstellungen
    indikatoren: tuple[Indikator, ...]
    werte: dict[tuple[str, str, int], Wert]
    """(stadtteil, indikator, jahr) → value; city rows use the district key `gesamtstadt`."""
    jahre: tuple[int, ...]
    grenzen: dict[str, BaseGeometry]
    """District id → boundary as loaded (WGS84, unsimplified)."""
    standorte: tuple[Standort, ...] = ()
    ankerwerte: tuple[Ankerwert, ...] = ()
    sozialindex: Sozialindex | None = None
    quellen: dict[str, str] = field(default_factory=dict)
    """What → repository path: `indikatoren`, `einstellungen`, `geometrie`, `standorte`, …"""

    def indikator(self, ident: str) -> Indikator:
        return next(i for i in self.indikatoren if i.id == ident)

    def wert(self, stadtteil: str, indikator: str, jahr: int) -> float | None:
        eintrag = self.werte.get((stadtteil, indikator, jahr))
        return eintrag.wert if eintrag else None

    def reihe(self, indikator: str, jahr: int, stadtteile: list[str]) -> dict[str, float | None]:
        """The values of one indicator and year for the given districts (None where missing)."""
        return {s: self.wert(s, indikator, jahr) for s in stadtteile}

    @functools.cached_property
    def _jahre(self) -> dict[str, list[int]]:
        jahre: dict[str, set[int]] = {}
        for (stadtteil, indikator, jahr), w in self.werte.items():
            if stadtteil != GESAMTSTADT and w.wert is not None:
                jahre.setdefault(indikator, set()).add(jahr)
        return {i: sorted(j) for i, j in jahre.items()}

    @functools.cached_property
    def _beispiel(self) -> set[str]:
        return {w.indikator for w in self.werte.values() if w.beispiel}

    def jahre_von(self, indikator: str) -> list[int]:
        """Years with at least one district value for `indikator`."""
        return list(self._jahre.get(indikator, []))

    def beispiel(self, indikator: str | None = None) -> bool:
        """Whether the values (of one indicator, or any) include generated example data."""
        return bool(self._beispiel) if indikator is None else indikator in self._beispiel
