"""The plan as open data: one JSON file with everything, one CSV table of the Maßnahmen, and the
atlas's values, index and boundaries as the site offers them for download.

Both plan files use the German keys of the YAML files, so a column means what the editors' field means.
Output is deterministic (sorted keys, fixed column order, `\\n` line ends): the same plan
always gives the same bytes, which keeps release files comparable.
"""

from __future__ import annotations

import json
import typing
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel

from .atlas import verweise
from .atlas.inhalte import atlas_dateien
from .atlas.laden import atlas_laden, atlas_vorhanden
from .atlas.modell import Atlas
from .csv_ausgabe import Zelle, csv_text
from .model import Foerderprojekt, Massnahme, Plan
from .modellfelder import innerstes_modell
from .quelle import Quelle

LISTENTRENNER = " | "
"""Separates the entries of a list inside one CSV cell (a semicolon occurs in the texts themselves)."""


def plan_daten(plan: Plan) -> dict[str, Any]:
    """The whole plan as JSON-ready data with German keys."""
    def liste(eintraege: Iterable[BaseModel]) -> list[dict[str, Any]]:
        return [e.model_dump(mode="json") for e in eintraege]

    return {
        "plan": plan.info.model_dump(mode="json"),
        "leitlinien": liste(plan.leitlinien),
        "massnahmen": liste(plan.massnahmen),
        "gremien": liste(plan.gremien),
        "sitzungen": liste(plan.sitzungen),
        "glossar": liste(plan.glossar.begriffe),
        "stadtteile": liste(plan.stadtteile),
        "foerderprojekte": liste(plan.foerderprojekte),
        "quellen": dict(plan.quellen),
    }


def plan_json(plan: Plan) -> str:
    return json.dumps(plan_daten(plan), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _spalten(modell: type[BaseModel], praefix: str = "") -> list[str]:
    """Column names from the model: its German keys, nested sections as `zeitraum_beginn`."""
    spalten = []
    for name, feld in modell.model_fields.items():
        schluessel = praefix + name
        innen = innerstes_modell(feld.annotation)
        if innen is not None and typing.get_origin(feld.annotation) is not list:  # a section, also an optional one
            spalten += _spalten(innen, schluessel + "_")
        else:
            spalten.append(schluessel)
    return spalten


def _zelle(wert: Any) -> Zelle:
    """Numbers stay numbers (the CSV writer must not mistake them for text); the rest is text."""
    if isinstance(wert, list):
        return LISTENTRENNER.join(str(_zelle(w)) for w in wert)
    if isinstance(wert, dict):  # an entry of a list of sections, e.g. a Meilenstein: its values in order
        return ", ".join(str(_zelle(w)) for w in wert.values())
    if isinstance(wert, bool):
        return "ja" if wert else "nein"
    if isinstance(wert, (int, float)):
        return wert
    return "" if wert is None else str(wert).strip()


def _flach(daten: dict[str, Any], praefix: str = "") -> dict[str, Zelle]:
    """Nested sections become `zeitraum_beginn`; lists become one cell."""
    zeile: dict[str, Zelle] = {}
    for schluessel, wert in daten.items():
        if isinstance(wert, dict):
            zeile.update(_flach(wert, f"{praefix}{schluessel}_"))
        else:
            zeile[praefix + schluessel] = _zelle(wert)
    return zeile


def massnahmen_csv(plan: Plan) -> str:
    """One row per Maßnahme; columns in the order of the YAML fields, then the district names."""
    return _tabelle(plan, Massnahme, plan.massnahmen)


def foerderprojekte_csv(plan: Plan) -> str:
    """One row per funded project (FRL Soziales), like `massnahmen_csv`."""
    return _tabelle(plan, Foerderprojekt, plan.foerderprojekte)


def _tabelle(plan: Plan, modell: type[Massnahme | Foerderprojekt], eintraege: Iterable[Massnahme | Foerderprojekt]) -> str:
    spalten = _spalten(modell) + ["stadtteile_namen"]
    zeilen = []
    for eintrag in eintraege:
        zeile = _flach(eintrag.model_dump(mode="json"))
        zeile["stadtteile_namen"] = _zelle([plan.stadtteil_name(s) for s in eintrag.stadtteile])
        zeilen.append([zeile.get(spalte, "") for spalte in spalten])  # an optional section left out is empty
    return csv_text(spalten, zeilen)


ATLAS_DATEIEN = {
    verweise.WERTE_CSV: "indikatorwerte.csv",
    verweise.INDEX_CSV: "sozialindex.csv",
    verweise.GEOJSON: "stadtteile.geojson",
}
"""The atlas's own download files (as the site offers them) that belong to the open data."""


def atlas_wenn_vorhanden(quelle: Quelle, plan: Plan) -> Atlas | None:
    """The validated atlas, None for a plan without one; `PlanUngueltig` for a broken one."""
    return atlas_laden(quelle, plan) if atlas_vorhanden(quelle) else None


def offene_daten(plan: Plan, atlas: Atlas | None = None) -> dict[str, bytes]:
    """File name → content of every open-data file: the plan, and the atlas's values, index and map."""
    dateien = {"plan.json": plan_json(plan).encode("utf-8"), "massnahmen.csv": massnahmen_csv(plan).encode("utf-8"),
               "foerderprojekte.csv": foerderprojekte_csv(plan).encode("utf-8")}
    if atlas is not None:
        for datei in atlas_dateien(plan, atlas):
            if datei.pfad in ATLAS_DATEIEN:
                dateien[ATLAS_DATEIEN[datei.pfad]] = datei.inhalt
    return dateien
