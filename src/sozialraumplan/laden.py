"""Load a plan from a `Quelle`: parse every file, validate it, cross-check, build the `Plan`.

All findings of all files are collected before anything fails, so an editor sees every
problem in one run.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Generic, TypeVar

from pydantic import BaseModel, ValidationError

from .befund import Befund, PlanUngueltig, Schwere, nur_fehler
from .csvdatei import csv_lesen
from .meldungen import Regel, uebersetzen
from .model import Foerderprojekt, Glossar, Gremium, Leitlinie, Massnahme, Plan, PlanInfo, Sitzung, Stadtteil
from .pruefung import querverweise_pruefen
from .quelle import Quelle
from .yamldatei import YamlDokument, yaml_lesen

Dateientitaet = Leitlinie | Massnahme | Gremium | Sitzung
"""The kinds stored as one YAML file per entity in a folder, each file named by the entity's `id`."""

M = TypeVar("M", bound=BaseModel)
M_co = TypeVar("M_co", bound=BaseModel, covariant=True)
Ordnerentitaet = Dateientitaet | Foerderprojekt
"""Also the funded projects are one file per entity; `diff` does not compare them (yet)."""
E = TypeVar("E", bound=Ordnerentitaet)
E_co = TypeVar("E_co", bound=Ordnerentitaet, covariant=True)
"""Covariant, so that a loaded Leitlinie is also a loaded `Dateientitaet`."""

PLAN_DATEI = "plan/plan.yml"
GLOSSAR_DATEI = "plan/glossar.yml"
STADTTEILE_DATEI = "data/stadtteile.csv"
STADTTEIL_SPALTEN = ("id", "nummer", "name")
YAML_ENDUNGEN = (".yml", ".yaml")


@dataclass(frozen=True)
class Art(Generic[E_co]):
    """One kind of entity stored as one YAML file per entity in a folder."""

    ordner: str
    modell: type[E_co]
    name: str
    """Key prefix used in `Plan.quellen` and in messages."""


LEITLINIEN = Art("plan/leitlinien", Leitlinie, "leitlinie")
MASSNAHMEN = Art("plan/massnahmen", Massnahme, "massnahme")
GREMIEN = Art("plan/gremien", Gremium, "gremium")
SITZUNGEN = Art("plan/sitzungen", Sitzung, "sitzung")
ARTEN: tuple[Art[Dateientitaet], ...] = (LEITLINIEN, MASSNAHMEN, GREMIEN, SITZUNGEN)
FOERDERPROJEKTE = Art("plan/foerderprojekte", Foerderprojekt, "foerderprojekt")
"""Funded projects (FRL Soziales): loaded like the others, but not (yet) compared by `diff`."""


@dataclass(frozen=True)
class Geladen(Generic[M_co]):
    """A validated entity and the YAML it came from (for placing cross-reference findings)."""

    wert: M_co
    dokument: YamlDokument


@dataclass
class Rohplan:
    """Everything that loaded, before cross-checks; also used by `pruefung`."""

    info: Geladen[PlanInfo] | None = None
    glossar: Geladen[Glossar] | None = None
    leitlinien: list[Geladen[Leitlinie]] = field(default_factory=list)
    massnahmen: list[Geladen[Massnahme]] = field(default_factory=list)
    gremien: list[Geladen[Gremium]] = field(default_factory=list)
    sitzungen: list[Geladen[Sitzung]] = field(default_factory=list)
    stadtteile: list[Stadtteil] = field(default_factory=list)
    stadtteil_zeilen: dict[str, int] = field(default_factory=dict)
    foerderprojekte: list[Geladen[Foerderprojekt]] = field(default_factory=list)
    befunde: list[Befund] = field(default_factory=list)

    @property
    def entitaeten(self) -> dict[str, Sequence[Geladen[Dateientitaet]]]:
        """The entities of every `Art`, by its name, in the order of `ARTEN`."""
        return {LEITLINIEN.name: self.leitlinien, MASSNAHMEN.name: self.massnahmen,
                GREMIEN.name: self.gremien, SITZUNGEN.name: self.sitzungen}


def dokument_lesen(quelle: Quelle, pfad: str, befunde: list[Befund]) -> YamlDokument | None:
    """The YAML of one file if it exists, parses and is a mapping; else None and findings."""
    inhalt = quelle.lesen(pfad)
    if inhalt is None:
        befunde.append(Befund(pfad, 1, 1, "Die Datei fehlt", "legen Sie sie an (siehe Vorlage im README)"))
        return None
    dokument, syntax = yaml_lesen(pfad, inhalt)
    befunde.extend(syntax)
    if dokument is None:
        return None
    if not isinstance(dokument.daten, dict):
        befunde.append(Befund(pfad, 1, 1, "Die Datei enthält keine Angaben der Form „schlüssel: wert“",
                              "vergleichen Sie den Aufbau mit einer anderen Datei im selben Ordner"))
        return None
    return dokument


def validieren(modell: type[M], dokument: YamlDokument, befunde: list[Befund],
               eigene: Mapping[str, Regel | tuple[str, str]] | None = None) -> M | None:
    """The document as `modell`, or None with German findings (`eigene`: see `uebersetzen`)."""
    try:
        return modell.model_validate(dokument.daten)
    except ValidationError as fehler:
        befunde.extend(uebersetzen(fehler, dokument, modell, eigene))
        return None


def einzeldatei(quelle: Quelle, pfad: str, modell: type[M], befunde: list[Befund]) -> Geladen[M] | None:
    """Parse and validate one YAML file; findings go to `befunde`."""
    dokument = dokument_lesen(quelle, pfad, befunde)
    if dokument is None:
        return None
    wert = validieren(modell, dokument, befunde)
    return Geladen(wert, dokument) if wert is not None else None


def _ordner_laden(quelle: Quelle, art: Art[E], befunde: list[Befund]) -> list[Geladen[E]]:
    geladen: list[Geladen[E]] = []
    befunde += nicht_gelesen(quelle, art.ordner)
    for pfad in quelle.dateien(art.ordner):
        if not pfad.endswith(YAML_ENDUNGEN):
            continue
        eintrag = einzeldatei(quelle, pfad, art.modell, befunde)
        if eintrag is None:
            continue
        stamm = PurePosixPath(pfad).stem
        if eintrag.wert.id != stamm:
            zeile, spalte = eintrag.dokument.position(("id",))
            befunde.append(Befund(pfad, zeile, spalte,
                                  f"Die Kennung „{eintrag.wert.id}“ passt nicht zum Dateinamen „{stamm}“",
                                  f"nennen Sie die Datei „{eintrag.wert.id}.yml“ oder setzen Sie „id: {stamm}“"))
        geladen.append(eintrag)
    return geladen


def nicht_gelesen(quelle: Quelle, ordner: str) -> list[Befund]:
    """A warning for everything in an entity folder that the loader passes over: a subfolder, a
    file whose extension is not `.yml`/`.yaml` (`M010.YML`, `M010.yml.bak`, `M010.txt`). An
    editor who put a Maßnahme there expects it on the website. Hidden files (`.gitkeep`) are
    left alone: they are meant to be invisible."""
    befunde = []
    for pfad in quelle.unterordner(ordner):
        if not PurePosixPath(pfad).name.startswith("."):
            befunde.append(Befund(pfad, 1, 1, f"Der Ordner „{pfad}“ wird nicht gelesen",
                                  f"Dateien in Unterordnern gehören nicht zum Plan: legen Sie sie direkt in {ordner}/ "
                                  "ab oder verschieben Sie den Ordner aus plan/ heraus", Schwere.WARNUNG))
    for pfad in quelle.dateien(ordner):
        name = PurePosixPath(pfad).name
        if name.startswith(".") or name.endswith(YAML_ENDUNGEN):
            continue
        stamm = re.split(r"\.ya?ml", name, maxsplit=1, flags=re.IGNORECASE)[0]
        stamm = stamm if stamm != name else PurePosixPath(name).stem
        if name.lower().endswith(YAML_ENDUNGEN):
            meldung = f"Die Datei „{name}“ wird nicht gelesen: die Endung muss klein geschrieben sein"
        else:
            meldung = f"Die Datei „{name}“ wird nicht gelesen: nur Dateien mit der Endung .yml gehören in {ordner}/"
        befunde.append(Befund(pfad, 1, 1, meldung,
                              f"soll sie zum Plan gehören, benennen Sie sie in „{stamm}.yml“ um; sonst löschen Sie "
                              "sie oder legen Sie sie außerhalb von plan/ ab", Schwere.WARNUNG))
    return befunde


def stadtteile_lesen(quelle: Quelle, befunde: list[Befund]) -> tuple[list[Stadtteil], dict[str, int]]:
    """The district list `data/stadtteile.csv` (columns id, nummer, name; more columns may stand
    beside them), read like every CSV file of `data/` (see `csvdatei`); also the line of each id."""
    tabelle = csv_lesen(quelle, STADTTEILE_DATEI, STADTTEIL_SPALTEN, befunde, fehlt=(
        "Die Liste der Stadtteile fehlt", "legen Sie eine CSV-Datei mit den Spalten id,nummer,name an"))
    if tabelle is None:
        return [], {}
    stadtteile: list[Stadtteil] = []
    zeilen: dict[str, int] = {}
    namen: dict[str, int] = {}
    for zeile in tabelle.zeilen:
        dokument = zeile.dokument(STADTTEIL_SPALTEN)
        stadtteil = validieren(Stadtteil, dokument, befunde)
        if stadtteil is None:
            continue
        if stadtteil.id in zeilen:
            befunde.append(zeile.befund("id", f"Die Kennung „{stadtteil.id}“ steht doppelt (schon in Zeile "
                                        f"{zeilen[stadtteil.id]})", "jede Kennung darf nur einmal vorkommen"))
            continue
        zeilen[stadtteil.id] = zeile.nummer
        stadtteile.append(stadtteil)
        name = " ".join(stadtteil.name.split()).casefold()
        if name in namen:
            # two districts of one name cannot be told apart in a table, a map or a search
            befunde.append(zeile.befund("name", f"Den Namen „{stadtteil.name}“ trägt schon der Stadtteil in Zeile "
                                        f"{namen[name]}", "geben Sie jedem Stadtteil einen eigenen Namen, z. B. mit "
                                        "einem Zusatz wie „Nord“ oder dem Ortsteil in Klammern"))
        namen.setdefault(name, zeile.nummer)
    return stadtteile, zeilen


def rohplan_laden(quelle: Quelle) -> Rohplan:
    """Parse and validate each file on its own; no cross-checks yet."""
    roh = Rohplan()
    roh.info = einzeldatei(quelle, PLAN_DATEI, PlanInfo, roh.befunde)
    roh.glossar = einzeldatei(quelle, GLOSSAR_DATEI, Glossar, roh.befunde)
    roh.leitlinien = _ordner_laden(quelle, LEITLINIEN, roh.befunde)
    roh.massnahmen = _ordner_laden(quelle, MASSNAHMEN, roh.befunde)
    roh.gremien = _ordner_laden(quelle, GREMIEN, roh.befunde)
    roh.sitzungen = _ordner_laden(quelle, SITZUNGEN, roh.befunde)
    roh.stadtteile, roh.stadtteil_zeilen = stadtteile_lesen(quelle, roh.befunde)
    roh.foerderprojekte = _ordner_laden(quelle, FOERDERPROJEKTE, roh.befunde)
    return roh


def plan_pruefen(quelle: Quelle) -> tuple[Plan | None, list[Befund]]:
    """Load and check everything; the plan is None when there are errors."""
    roh = rohplan_laden(quelle)
    roh.befunde.extend(querverweise_pruefen(roh))
    if nur_fehler(roh.befunde) or roh.info is None or roh.glossar is None:
        return None, sorted(roh.befunde)
    quellen = {
        f"{name}:{g.wert.id}": g.dokument.datei for name, liste in roh.entitaeten.items() for g in liste
    }
    quellen.update({"plan": PLAN_DATEI, "glossar": GLOSSAR_DATEI, "stadtteile": STADTTEILE_DATEI})
    quellen.update({f"{FOERDERPROJEKTE.name}:{g.wert.id}": g.dokument.datei for g in roh.foerderprojekte})

    def sortiert(geladen: Sequence[Geladen[E]]) -> tuple[E, ...]:
        return tuple(sorted((g.wert for g in geladen), key=_sortierschluessel))

    plan = Plan(
        info=roh.info.wert,
        leitlinien=tuple(sorted((g.wert for g in roh.leitlinien), key=lambda l: l.nummer)),
        massnahmen=sortiert(roh.massnahmen),
        gremien=sortiert(roh.gremien),
        sitzungen=tuple(sorted((g.wert for g in roh.sitzungen), key=lambda s: (s.datum, s.id))),
        glossar=roh.glossar.wert,
        stadtteile=tuple(roh.stadtteile),
        quellen=quellen,
        foerderprojekte=tuple(sorted((g.wert for g in roh.foerderprojekte), key=lambda p: (p.jahr, p.id))),
    )
    return plan, sorted(roh.befunde)


def _sortierschluessel(wert: Ordnerentitaet) -> tuple[tuple[int, int, str], ...]:
    """Natural order of ids, so M2 comes before M10."""
    ident = wert.id
    teile = []
    for stueck in re.split(r"(\d+)", ident):
        teile.append((0, int(stueck), "") if stueck.isdigit() else (1, 0, stueck))
    return tuple(teile)


def plan_laden(quelle: Quelle) -> Plan:
    """The validated plan, or `PlanUngueltig` with every finding."""
    plan, befunde = plan_pruefen(quelle)
    if plan is None:
        raise PlanUngueltig(befunde)
    return plan
