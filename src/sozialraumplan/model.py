"""The plan as typed data. YAML keys are German (aliases); Python names are English.

Only shape, types and value ranges live here. Rules that look across files (references,
unique ids) live in `pruefung.py`, so each model can be validated file by file.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

ID_MUSTER = r"^[A-Za-z0-9][A-Za-z0-9_-]*$"
GESAMTSTADT = "gesamtstadt"

HTML_TAG = re.compile(r"<\s*/?\s*(?!(?:https?://|mailto:)[^\s>]+>)[A-Za-z!?][^>]*>?")
"""An HTML tag or comment; Markdown autolinks like <https://…> are not tags."""
SKRIPT_LINK = re.compile(r"\]\(\s*(javascript|data|vbscript):", re.IGNORECASE)
_JAHR_MONAT = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def _ohne_html(text: str) -> str:
    """Text fields are Markdown only: HTML or script would reach readers as live markup."""
    if HTML_TAG.search(text):
        raise ValueError("html")
    if SKRIPT_LINK.search(text):
        raise ValueError("skriptlink")
    return text


Text = Annotated[str, Field(min_length=1), AfterValidator(_ohne_html)]
"""A non-empty plain or Markdown text without HTML."""

Kennung = Annotated[str, Field(pattern=ID_MUSTER)]
"""An id as used in file names and references."""


def _jahr_monat(wert: str) -> str:
    if not _JAHR_MONAT.match(wert):
        raise ValueError("jahr_monat")
    return wert


JahrMonat = Annotated[str, AfterValidator(_jahr_monat)]
"""A month as `YYYY-MM`."""


class Modell(BaseModel):
    """Common settings: German keys by alias, unknown keys are errors, values are frozen, and
    numbers are finite (`.inf` or `.nan` would turn every computed figure into „nan“)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True, strict=False,
                              allow_inf_nan=False)


class Status(str, Enum):
    GEPLANT = "geplant"
    IN_UMSETZUNG = "in_umsetzung"
    UMGESETZT = "umgesetzt"
    ZURUECKGESTELLT = "zurueckgestellt"
    VERWORFEN = "verworfen"

    @property
    def label(self) -> str:
        return {
            "geplant": "geplant",
            "in_umsetzung": "in Umsetzung",
            "umgesetzt": "umgesetzt",
            "zurueckgestellt": "zurückgestellt",
            "verworfen": "verworfen",
        }[self.value]


class Prioritaet(str, Enum):
    HOCH = "hoch"
    MITTEL = "mittel"
    NIEDRIG = "niedrig"

    @property
    def label(self) -> str:
        return self.value


class Ebene(str, Enum):
    VERWALTUNG = "verwaltung"
    QUARTIER = "quartier"
    ZWISCHEN = "zwischen"

    @property
    def label(self) -> str:
        return {
            "verwaltung": "in der Stadtverwaltung",
            "quartier": "in den Quartieren und Sozialräumen",
            "zwischen": "zwischen Verwaltung und Quartieren",
        }[self.value]


class Kontakt(Modell):
    name: Text
    email: Annotated[str, Field(alias="e_mail", pattern=r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")]
    telefon: Text | None = None
    adresse: Text | None = None


class PlanInfo(Modell):
    """`plan/plan.yml`: what plan this is and who publishes it."""

    city: Text = Field(alias="stadt")
    title: Text = Field(alias="titel")
    fortschreibung: Text
    stand: dt.date
    publisher: Text = Field(alias="herausgeber")
    contact: Kontakt = Field(alias="kontakt")
    example_data: bool = Field(alias="beispieldaten")
    introduction: Text | None = Field(default=None, alias="einleitung")
    leichte_sprache: Text | None = None
    compare_base: Annotated[str, Field(pattern=r"^[^\s~^:?*\[\\]+$")] | None = Field(
        default=None, alias="vergleich_mit"
    )
    """Git revision the page „Änderungen“ compares with; by default the previous tag."""


class Leitlinie(Modell):
    """One sozialpolitische Leitlinie."""

    id: Kennung
    number: int = Field(alias="nummer", ge=1, le=999)
    title: Text = Field(alias="titel")
    statement: Text = Field(alias="leitsatz")
    explanation: Text = Field(alias="erlaeuterung")
    leichte_sprache: Text
    title_leichte_sprache: Text | None = Field(default=None, alias="titel_leichte_sprache")
    themes: list[Text] = Field(default_factory=list, alias="themen")


class Zeitraum(Modell):
    begin: JahrMonat = Field(alias="beginn")
    end: JahrMonat | None = Field(default=None, alias="ende")

    @model_validator(mode="after")
    def _ende_nach_beginn(self) -> Zeitraum:
        if self.end is not None and self.end < self.begin:
            raise ValueError("ende_vor_beginn")
        return self


class Massnahme(Modell):
    """One Maßnahme of the plan: what, where, when, by whom, how far."""

    id: Kennung
    title: Text = Field(alias="titel")
    leitlinien: list[Kennung] = Field(min_length=1)
    stadtteile: list[Kennung] = Field(min_length=1)
    description: Text = Field(alias="beschreibung")
    leichte_sprache: Text
    title_leichte_sprache: Text | None = Field(default=None, alias="titel_leichte_sprache")
    responsible: Text = Field(alias="verantwortlich")
    participants: list[Text] = Field(default_factory=list, alias="beteiligte")
    period: Zeitraum = Field(alias="zeitraum")
    status: Status
    progress: int = Field(alias="fortschritt", ge=0, le=100)
    priority: Prioritaet = Field(alias="prioritaet")
    funding: Text = Field(alias="finanzierung")
    gremium: Kennung
    last_reviewed: dt.date = Field(alias="zuletzt_geprueft")
    example: bool = Field(default=False, alias="beispiel")

    @model_validator(mode="after")
    def _umgesetzt_heisst_fertig(self) -> Massnahme:
        if self.status is Status.UMGESETZT and self.progress != 100:
            raise ValueError("umgesetzt_ohne_100")
        return self

    @property
    def citywide(self) -> bool:
        return GESAMTSTADT in self.stadtteile


class Gremium(Modell):
    """A committee or working format of the planning process."""

    id: Kennung
    name: Text
    short_name: Text | None = Field(default=None, alias="kurzname")
    ebene: Ebene
    description: Text = Field(alias="beschreibung")
    leichte_sprache: Text
    title_leichte_sprache: Text | None = Field(default=None, alias="titel_leichte_sprache")
    members: list[Text] = Field(default_factory=list, alias="mitglieder")
    tasks: list[Text] = Field(min_length=1, alias="aufgaben")
    turnus: Text
    convened_by: Text = Field(alias="einberufen_von")
    reports_to: list[Kennung] = Field(default_factory=list, alias="berichtet_an")
    reports_to_external: list[Text] = Field(default_factory=list, alias="berichtet_an_extern")

    @property
    def label(self) -> str:
        return self.short_name or self.name


class Sitzung(Modell):
    """One meeting of a Gremium."""

    id: Kennung
    date: dt.date = Field(alias="datum")
    gremium: Kennung
    title: Text = Field(alias="titel")
    place: Text | None = Field(default=None, alias="ort")
    topics: list[Text] = Field(default_factory=list, alias="themen")
    results: list[Text] = Field(default_factory=list, alias="ergebnisse")
    example: bool = Field(default=False, alias="beispiel")


class Begriff(Modell):
    """One glossary entry; with an abbreviation it is expanded wherever it occurs."""

    term: Text = Field(alias="begriff")
    abbreviation: Annotated[str, Field(pattern=r"^[^\s\]\[]+( [^\s\]\[]+)*$")] | None = Field(
        default=None, alias="abkuerzung"
    )
    explanation: Text = Field(alias="erklaerung")
    leichte_sprache: Text | None = None


class Glossar(Modell):
    """`plan/glossar.yml`."""

    terms: list[Begriff] = Field(alias="begriffe")


class Stadtteil(Modell):
    """A district as listed in `data/stadtteile.csv`."""

    id: Kennung
    number: str = Field(alias="nummer")
    name: Text


class Plan(Modell):
    """The whole plan, validated and cross-checked. Collections are sorted by id."""

    info: PlanInfo
    leitlinien: tuple[Leitlinie, ...]
    massnahmen: tuple[Massnahme, ...]
    gremien: tuple[Gremium, ...]
    sitzungen: tuple[Sitzung, ...]
    glossar: Glossar
    stadtteile: tuple[Stadtteil, ...]
    sources: dict[str, str] = Field(default_factory=dict)
    """Entity key (e.g. `massnahme:M001`) → repository path of the file it came from."""

    def leitlinie(self, ident: str) -> Leitlinie:
        return next(x for x in self.leitlinien if x.id == ident)

    def gremium(self, ident: str) -> Gremium:
        return next(x for x in self.gremien if x.id == ident)

    def stadtteil(self, ident: str) -> Stadtteil:
        return next(x for x in self.stadtteile if x.id == ident)

    def stadtteil_name(self, ident: str) -> str:
        return "Gesamtstadt" if ident == GESAMTSTADT else self.stadtteil(ident).name

    def massnahmen_for_leitlinie(self, ident: str) -> list[Massnahme]:
        return [m for m in self.massnahmen if ident in m.leitlinien]

    def massnahmen_for_stadtteil(self, ident: str) -> list[Massnahme]:
        return [m for m in self.massnahmen if ident in m.stadtteile]

    def sitzungen_for_gremium(self, ident: str) -> list[Sitzung]:
        return sorted((s for s in self.sitzungen if s.gremium == ident), key=lambda s: s.date)
