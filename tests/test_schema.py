"""The JSON Schemas for editors are generated from the models and committed up to date."""

from __future__ import annotations

import json

from conftest import REPO
from sozialraumplan.schema import schema, schema_dateien, vscode_zuordnung


def test_schemas_im_repository_sind_aktuell():
    for name, inhalt in schema_dateien().items():
        datei = REPO / "schemas" / name
        assert datei.read_text(encoding="utf-8") == inhalt, f"schemas/{name} ist veraltet: sozialraumplan schema"


def test_schema_kennt_deutsche_schluessel_und_verbietet_unbekannte():
    massnahme = schema("massnahme")
    assert massnahme["additionalProperties"] is False
    assert {"titel", "leitlinien", "stadtteile", "zuletzt_geprueft"} <= set(massnahme["properties"])
    assert massnahme["$defs"]["Status"]["enum"] == ["geplant", "in_umsetzung", "umgesetzt", "zurueckgestellt", "verworfen"]


def test_editoren_finden_die_schemas():
    einstellungen = json.loads((REPO / ".vscode/settings.json").read_text(encoding="utf-8"))
    assert einstellungen["yaml.schemas"] == vscode_zuordnung()
    kopf = (REPO / "plan/massnahmen/M001.yml").read_text(encoding="utf-8").splitlines()[0]
    assert kopf == "# yaml-language-server: $schema=../../schemas/massnahme.schema.json"
