"""JSON Schemas of every YAML file kind, for completion, checks and help in editors.

The schemas are generated from the same models the validator uses, so they cannot drift;
a test fails when the committed copies in `schemas/` are out of date. Each field's German
`title` and `description` is what an editor shows when the pointer rests on a key.
"""

from __future__ import annotations

import json

from pydantic import BaseModel

from .atlas.laden import EINSTELLUNGEN, INDIKATOREN, VORGABEN
from .atlas.modell import AtlasEinstellungen, BeispielVorgaben, IndikatorenDatei
from .barrierefreiheit import DATEI as BARRIEREFREIHEIT_DATEI
from .barrierefreiheit import Erklaerung
from .befehle.codeowners import TEAMS_DATEI, Teamkonfiguration
from .laden import GLOSSAR_DATEI, PLAN_DATEI
from .model import Foerderprojekt, Glossar, Gremium, Leitlinie, Massnahme, PlanInfo, Sitzung

SCHEMA_ORDNER = "schemas"
ARTEN: dict[str, tuple[type[BaseModel], str]] = {
    "plan": (PlanInfo, PLAN_DATEI),
    "glossar": (Glossar, GLOSSAR_DATEI),
    "leitlinie": (Leitlinie, "plan/leitlinien/*.yml"),
    "massnahme": (Massnahme, "plan/massnahmen/*.yml"),
    "gremium": (Gremium, "plan/gremien/*.yml"),
    "sitzung": (Sitzung, "plan/sitzungen/*.yml"),
    "barrierefreiheit": (Erklaerung, BARRIEREFREIHEIT_DATEI),
    "atlas": (AtlasEinstellungen, EINSTELLUNGEN),
    "indikatoren": (IndikatorenDatei, INDIKATOREN),
    "beispieldaten": (BeispielVorgaben, VORGABEN),
    "teams": (Teamkonfiguration, TEAMS_DATEI),
    "foerderprojekt": (Foerderprojekt, "plan/foerderprojekte/*.yml"),
}
"""Kind → the model of its files and the files (a glob below the repository root)."""


def schema(art: str) -> dict:
    modell, dateien = ARTEN[art]
    ergebnis = modell.model_json_schema(mode="validation")
    # A class's docstring is an English note for developers; editors show the German help of each field.
    for teil in (ergebnis, *ergebnis.get("$defs", {}).values()):
        teil.pop("description", None)
    ergebnis["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    ergebnis["title"] = f"sozialraumplan: {dateien}"
    return ergebnis


def schema_dateien() -> dict[str, str]:
    """File name in `schemas/` → JSON text (sorted keys, so regenerating changes nothing)."""
    return {
        f"{art}.schema.json": json.dumps(schema(art), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        for art in ARTEN
    }


def vscode_zuordnung() -> dict[str, str]:
    """`yaml.schemas` for VS Code: schema file → glob of the files it describes."""
    return {f"./{SCHEMA_ORDNER}/{art}.schema.json": dateien for art, (_, dateien) in ARTEN.items()}
