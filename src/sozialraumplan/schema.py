"""JSON Schemas of the plan's file kinds, for completion and checks in editors.

The schemas are generated from the same models the validator uses, so they cannot drift;
a test fails when the committed copies in `schemas/` are out of date.
"""

from __future__ import annotations

import json

from pydantic import BaseModel

from .model import Gremium, Glossar, Leitlinie, Massnahme, PlanInfo, Sitzung

SCHEMA_ORDNER = "schemas"
ARTEN: dict[str, tuple[type[BaseModel], str]] = {
    "plan": (PlanInfo, "plan/plan.yml"),
    "glossar": (Glossar, "plan/glossar.yml"),
    "leitlinie": (Leitlinie, "plan/leitlinien/*.yml"),
    "massnahme": (Massnahme, "plan/massnahmen/*.yml"),
    "gremium": (Gremium, "plan/gremien/*.yml"),
    "sitzung": (Sitzung, "plan/sitzungen/*.yml"),
}


def schema(art: str) -> dict:
    modell, dateien = ARTEN[art]
    ergebnis = modell.model_json_schema(by_alias=True, mode="validation")
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
