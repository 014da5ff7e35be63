"""The JSON Schemas for editors are generated from the models and committed up to date."""

from __future__ import annotations

import json

from conftest import REPO

from sozialraumplan.schema import ARTEN, schema, schema_dateien, vscode_zuordnung


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


def test_jede_dateiart_hat_ein_schema_und_jede_angabe_darin_eine_deutsche_hilfe():
    assert {dateien for _, dateien in ARTEN.values()} >= {
        "plan/plan.yml", "plan/glossar.yml", "plan/barrierefreiheit.yml", "data/atlas.yml", "data/indikatoren.yml",
        "data/beispieldaten.yml", ".github/teams.yml"}
    for art in ARTEN:
        ergebnis = schema(art)
        for teil in (ergebnis, *ergebnis.get("$defs", {}).values()):
            assert "description" not in teil, f"{art}: die Beschreibung einer Klasse ist für Entwickler"
            for name, angabe in teil.get("properties", {}).items():
                assert angabe.get("description"), f"{art}: „{name}“ hat keine Hilfe"
                assert angabe.get("title") or "$ref" in angabe, f"{art}: „{name}“ hat keinen Titel"
