"""One side of a comparison: every entity that could be read from one state of the repository.

A `Stand` is built from whatever loaded, even when the plan of that state does not validate
as a whole: a broken reference in one Maßnahme must not hide the changes to all the others.
Files that could not be read at all are remembered by id, so they show up as „nicht
verglichen“ instead of as removed. The atlas (indicators, Sozialindex) needs a valid plan; when
there is none, the state says why its indicators cannot be compared.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..atlas.laden import atlas_pruefen, atlas_vorhanden
from ..atlas.modell import Atlas, Indikator
from ..befund import Befund, nur_fehler
from ..git_quelle import GitQuelle
from ..laden import (
    ARTEN,
    FOERDERPROJEKTE,
    GLOSSAR_DATEI,
    STADTTEILE_DATEI,
    YAML_ENDUNGEN,
    Dateientitaet,
    plan_pruefen,
    rohplan_laden,
)
from ..model import Begriff, Foerderprojekt, Plan, PlanInfo, Stadtteil
from ..quelle import Ordner, Quelle

Entitaet = Dateientitaet | Foerderprojekt | Begriff | Stadtteil | Indikator
"""Everything a diff compares by id: one model class per kind (see `arten.titel`)."""


@dataclass(frozen=True)
class Eintrag:
    """One entity and the file it came from."""

    wert: Entitaet
    datei: str


@dataclass
class Stand:
    """What one revision (or the working tree) contains, keyed by kind and id."""

    name: str
    """How the state is called in the report: the revision as given, or „Arbeitsstand“."""
    commit: str | None
    info: PlanInfo | None
    eintraege: dict[str, dict[str, Eintrag]]
    """Kind (`massnahme`, `leitlinie`, `gremium`, `sitzung`, `foerderprojekt`, `begriff`, `stadtteil`) → id → entry."""
    unlesbar: dict[str, dict[str, str]] = field(default_factory=dict)
    """Kind → id → file, for files that exist but failed to load."""
    befunde: list[Befund] = field(default_factory=list)
    """The errors that make this state's plan or atlas invalid (empty when both validate)."""
    atlas: Atlas | None = None
    ohne_atlas: bool = False
    """This state has no atlas at all (as opposed to one that could not be loaded)."""
    atlas_hinweis: str = ""
    """Why there is no atlas to compare (no atlas in this state, or an invalid one)."""

    @property
    def gueltig(self) -> bool:
        return not self.befunde


def stand_laden(quelle: Quelle, name: str, commit: str | None = None) -> Stand:
    """Load a state; when its plan does not validate, keep every file that loaded on its own."""
    plan, befunde = plan_pruefen(quelle)
    if plan is not None:
        return stand_aus_plan(plan, name, quelle, commit)
    roh = rohplan_laden(quelle)
    eintraege: dict[str, dict[str, Eintrag]] = {}
    unlesbar: dict[str, dict[str, str]] = {}
    for art, geladen in [*((a, roh.entitaeten[a.name]) for a in ARTEN), (FOERDERPROJEKTE, roh.foerderprojekte)]:
        gelesen = {g.dokument.datei for g in geladen}
        eintraege[art.name] = {}
        for g in geladen:
            eintraege[art.name].setdefault(g.wert.id, Eintrag(g.wert, g.dokument.datei))
        unlesbar[art.name] = {
            PurePosixPath(pfad).stem: pfad
            for pfad in quelle.dateien(art.ordner)
            if pfad.endswith(YAML_ENDUNGEN) and pfad not in gelesen
        }
    glossar = roh.glossar.wert if roh.glossar else None
    eintraege["begriff"] = {b.begriff: Eintrag(b, GLOSSAR_DATEI) for b in glossar.begriffe} if glossar else {}
    eintraege["stadtteil"] = {s.id: Eintrag(s, STADTTEILE_DATEI) for s in roh.stadtteile}
    info = roh.info.wert if roh.info else None
    if not atlas_vorhanden(quelle):
        return Stand(name, commit, info, eintraege, unlesbar, sorted(nur_fehler(befunde)), ohne_atlas=True,
                     atlas_hinweis=f"{name} enthält keinen Sozialstrukturatlas")
    return Stand(name, commit, info, eintraege, unlesbar, sorted(nur_fehler(befunde)),
                 atlas_hinweis=f"der Plan in {name} ist nicht gültig, ohne ihn lässt sich der Atlas nicht prüfen")


def stand_aus_plan(plan: Plan, name: str, quelle: Quelle | None = None, commit: str | None = None) -> Stand:
    """A state from an already validated plan (the site build has one in hand); its atlas is
    loaded from `quelle`."""
    def datei(art: str, ident: str) -> str:
        return plan.quellen.get(f"{art}:{ident}", "")

    eintraege = {
        "massnahme": {m.id: Eintrag(m, datei("massnahme", m.id)) for m in plan.massnahmen},
        "leitlinie": {l.id: Eintrag(l, datei("leitlinie", l.id)) for l in plan.leitlinien},
        "gremium": {g.id: Eintrag(g, datei("gremium", g.id)) for g in plan.gremien},
        "sitzung": {s.id: Eintrag(s, datei("sitzung", s.id)) for s in plan.sitzungen},
        "foerderprojekt": {p.id: Eintrag(p, datei("foerderprojekt", p.id)) for p in plan.foerderprojekte},
        "begriff": {b.begriff: Eintrag(b, GLOSSAR_DATEI) for b in plan.glossar.begriffe},
        "stadtteil": {s.id: Eintrag(s, STADTTEILE_DATEI) for s in plan.stadtteile},
    }
    stand = Stand(name, commit, plan.info, eintraege)
    if quelle is None or not atlas_vorhanden(quelle):
        stand.ohne_atlas = True
        stand.atlas_hinweis = f"{name} enthält keinen Sozialstrukturatlas"
        return stand
    stand.atlas, befunde = atlas_pruefen(quelle, plan)
    stand.befunde = sorted(nur_fehler(befunde))
    if stand.atlas is None:
        stand.atlas_hinweis = f"der Sozialstrukturatlas in {name} ist nicht gültig (siehe Hinweise zu den Fassungen)"
    else:
        stand.eintraege["indikator"] = {i.id: Eintrag(i, stand.atlas.quellen["indikatoren"])
                                        for i in stand.atlas.indikatoren}
    return stand


ARBEITSSTAND = "Arbeitsstand"
"""Name of the working tree (the files on disk, committed or not) in reports."""


def stand_aus_revision(wurzel: Path | str, revision: str) -> Stand:
    """A git revision, read without checkout; `RevisionUnbekannt` if there is no such revision."""
    with GitQuelle(wurzel, revision) as quelle:
        return stand_laden(quelle, revision, quelle.commit)


def stand_aus_ordner(wurzel: Path | str) -> Stand:
    """The working tree as it is on disk."""
    return stand_laden(Ordner(wurzel), ARBEITSSTAND)
