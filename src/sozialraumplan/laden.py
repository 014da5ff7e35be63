"""Load a plan from a `Quelle`: parse every file, validate it, cross-check, build the `Plan`.

All findings of all files are collected before anything fails, so an editor sees every
problem in one run.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Generic, TypeVar

from pydantic import BaseModel, ValidationError

from .befund import Befund, PlanUngueltig, nur_fehler
from .meldungen import uebersetzen
from .model import Gremium, Glossar, Leitlinie, Massnahme, Plan, PlanInfo, Sitzung, Stadtteil
from .pruefung import querverweise_pruefen
from .quelle import Quelle, zu_gross
from .yamldatei import YamlDokument, yaml_lesen

M = TypeVar("M", bound=BaseModel)

PLAN_DATEI = "plan/plan.yml"
GLOSSAR_DATEI = "plan/glossar.yml"
STADTTEILE_DATEI = "data/stadtteile.csv"
YAML_ENDUNGEN = (".yml", ".yaml")


@dataclass(frozen=True)
class Art:
    """One kind of entity stored as one YAML file per entity in a folder."""

    ordner: str
    modell: type[BaseModel]
    name: str
    """Key prefix used in `Plan.sources` and in messages."""


LEITLINIEN = Art("plan/leitlinien", Leitlinie, "leitlinie")
MASSNAHMEN = Art("plan/massnahmen", Massnahme, "massnahme")
GREMIEN = Art("plan/gremien", Gremium, "gremium")
SITZUNGEN = Art("plan/sitzungen", Sitzung, "sitzung")
ARTEN = (LEITLINIEN, MASSNAHMEN, GREMIEN, SITZUNGEN)


@dataclass
class Geladen(Generic[M]):
    """A validated entity and the YAML it came from (for placing cross-reference findings)."""

    wert: M
    dokument: YamlDokument


@dataclass
class Rohplan:
    """Everything that loaded, before cross-checks; also used by `pruefung`."""

    info: Geladen[PlanInfo] | None = None
    glossar: Geladen[Glossar] | None = None
    entitaeten: dict[str, list[Geladen]] = field(default_factory=dict)
    stadtteile: list[Stadtteil] = field(default_factory=list)
    stadtteil_zeilen: dict[str, int] = field(default_factory=dict)
    befunde: list[Befund] = field(default_factory=list)


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
               eigene: Mapping[str, tuple[str, str]] | None = None) -> M | None:
    """The document as `modell`, or None with German findings (`eigene`: see `uebersetzen`)."""
    try:
        return modell.model_validate(dokument.daten)
    except ValidationError as fehler:
        befunde.extend(uebersetzen(fehler, dokument, modell, eigene))
        return None


def einzeldatei(quelle: Quelle, pfad: str, modell: type[M], befunde: list[Befund]) -> Geladen[M] | None:
    """Parse and validate one YAML file; findings go to `befunde`."""
    dokument = dokument_lesen(quelle, pfad, befunde)
    wert = validieren(modell, dokument, befunde) if dokument is not None else None
    return Geladen(wert, dokument) if wert is not None else None


def _ordner_laden(quelle: Quelle, art: Art, befunde: list[Befund]) -> list[Geladen]:
    geladen = []
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


def stadtteile_lesen(quelle: Quelle, befunde: list[Befund]) -> tuple[list[Stadtteil], dict[str, int]]:
    """The district list `data/stadtteile.csv` (columns id, nummer, name)."""
    inhalt = quelle.lesen(STADTTEILE_DATEI)
    if inhalt is None:
        befunde.append(Befund(STADTTEILE_DATEI, 1, 1, "Die Liste der Stadtteile fehlt",
                              "legen Sie eine CSV-Datei mit den Spalten id,nummer,name an"))
        return [], {}
    zu_viel = zu_gross(STADTTEILE_DATEI, inhalt, "csv")
    if zu_viel is not None:
        befunde.append(zu_viel)
        return [], {}
    try:
        text = inhalt.decode("utf-8-sig")
    except UnicodeDecodeError:
        befunde.append(Befund(STADTTEILE_DATEI, 1, 1, "Die Datei ist nicht in UTF-8 gespeichert",
                              "speichern Sie sie mit der Kodierung UTF-8"))
        return [], {}
    leser = csv.DictReader(io.StringIO(text))
    try:
        return _stadtteile(leser, befunde)
    except csv.Error:  # a cell over the csv module's size limit: almost always a quote never closed
        befunde.append(Befund(STADTTEILE_DATEI, max(leser.line_num, 1), 1, "Eine Zelle ist zu lang oder nicht lesbar",
                              "meist fehlt ein schließendes Anführungszeichen; prüfen Sie die "
                              "Anführungszeichen ab dieser Zeile"))
        return [], {}


def _stadtteile(leser: csv.DictReader, befunde: list[Befund]) -> tuple[list[Stadtteil], dict[str, int]]:
    fehlend = {"id", "nummer", "name"} - set(leser.fieldnames or [])
    if fehlend:
        befunde.append(Befund(STADTTEILE_DATEI, 1, 1, "Es fehlen Spalten: " + ", ".join(sorted(fehlend)),
                              "die erste Zeile muss mindestens id,nummer,name enthalten"))
        return [], {}
    stadtteile, zeilen = [], {}
    for zeile_nr, zeile in enumerate(leser, start=2):
        try:
            stadtteil = Stadtteil.model_validate({k: zeile[k] for k in ("id", "nummer", "name")})
        except ValidationError as fehler:
            for eintrag in fehler.errors():
                befunde.append(Befund(STADTTEILE_DATEI, zeile_nr, 1,
                                      f"Spalte „{eintrag['loc'][0]}“: ungültiger Wert „{eintrag.get('input')}“",
                                      "Kennungen bestehen nur aus Buchstaben ohne Umlaute, Ziffern, - und _"))
            continue
        if stadtteil.id in zeilen:
            befunde.append(Befund(STADTTEILE_DATEI, zeile_nr, 1,
                                  f"Die Kennung „{stadtteil.id}“ steht doppelt (schon in Zeile {zeilen[stadtteil.id]})",
                                  "jede Kennung darf nur einmal vorkommen"))
            continue
        zeilen[stadtteil.id] = zeile_nr
        stadtteile.append(stadtteil)
    return stadtteile, zeilen


def rohplan_laden(quelle: Quelle) -> Rohplan:
    """Parse and validate each file on its own; no cross-checks yet."""
    roh = Rohplan()
    roh.info = einzeldatei(quelle, PLAN_DATEI, PlanInfo, roh.befunde)
    roh.glossar = einzeldatei(quelle, GLOSSAR_DATEI, Glossar, roh.befunde)
    for art in ARTEN:
        roh.entitaeten[art.name] = _ordner_laden(quelle, art, roh.befunde)
    roh.stadtteile, roh.stadtteil_zeilen = stadtteile_lesen(quelle, roh.befunde)
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

    def sortiert(art: Art) -> tuple:
        return tuple(sorted((g.wert for g in roh.entitaeten[art.name]), key=_sortierschluessel))

    plan = Plan(
        info=roh.info.wert,
        leitlinien=tuple(sorted((g.wert for g in roh.entitaeten["leitlinie"]), key=lambda l: l.number)),
        massnahmen=sortiert(MASSNAHMEN),
        gremien=sortiert(GREMIEN),
        sitzungen=tuple(sorted((g.wert for g in roh.entitaeten["sitzung"]), key=lambda s: (s.date, s.id))),
        glossar=roh.glossar.wert,
        stadtteile=tuple(roh.stadtteile),
        sources=quellen,
    )
    return plan, sorted(roh.befunde)


def _sortierschluessel(wert: BaseModel) -> tuple:
    """Natural order of ids, so M2 comes before M10."""
    ident = str(getattr(wert, "id"))
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
