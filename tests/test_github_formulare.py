"""The issue forms and the pull-request template in `.github/` parse and ask what the plan needs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel

from sozialraumplan.laden import rohplan_laden
from sozialraumplan.model import Massnahme, Prioritaet, Status
from sozialraumplan.quelle import Ordner

REPO = Path(__file__).resolve().parents[1]
FORMULAR_ORDNER = REPO / ".github/ISSUE_TEMPLATE"
FORMULARE = sorted(p for p in FORMULAR_ORDNER.glob("*.yml") if p.name != "config.yml")

# GitHub's issue-form syntax: what may stand at the top and which elements a body may have.
OBERSTE_SCHLUESSEL = {"name", "description", "title", "labels", "assignees", "body", "projects", "type"}
ELEMENTE = {"markdown", "input", "textarea", "dropdown", "checkboxes"}
ID_MUSTER = re.compile(r"^[A-Za-z0-9_-]+$")


def laden(pfad: Path) -> dict:
    return yaml.safe_load(pfad.read_text(encoding="utf-8"))


def formular(name: str) -> dict:
    return next(f for f in map(laden, FORMULARE) if f["name"] == name)


def feld(formular_daten: dict, ident: str) -> dict:
    return next(e for e in formular_daten["body"] if e.get("id") == ident)


def test_es_gibt_die_vier_formulare():
    assert [laden(p)["name"] for p in FORMULARE] == [
        "Neue Maßnahme vorschlagen",
        "Änderung an einer Maßnahme",
        "Fehler auf der Website melden",
        "Barriere melden",
    ]


@pytest.mark.parametrize("pfad", FORMULARE, ids=lambda p: p.name)
def test_jedes_formular_hat_name_beschreibung_und_felder_mit_id_und_beschriftung(pfad):
    daten = laden(pfad)

    assert set(daten) <= OBERSTE_SCHLUESSEL
    assert daten["name"].strip() and daten["description"].strip()
    assert daten["body"], "ein Formular ohne Felder"
    ids = []
    for element in daten["body"]:
        assert element["type"] in ELEMENTE
        attribute = element["attributes"]
        if element["type"] == "markdown":
            assert attribute["value"].strip()
            continue
        assert ID_MUSTER.match(element["id"]), element["id"]
        assert attribute["label"].strip()
        ids.append(element["id"])
        if element["type"] in ("dropdown", "checkboxes"):
            assert attribute["options"], element["id"]
    assert len(ids) == len(set(ids)), "doppelte ids"


def test_das_formular_fuer_neue_massnahmen_fragt_jede_angabe_einer_massnahme():
    def schluessel(modell: type[BaseModel], vorne: str = ""):
        for name, info in modell.model_fields.items():
            ganz = vorne + name
            if isinstance(info.annotation, type) and issubclass(info.annotation, BaseModel):
                yield from schluessel(info.annotation, ganz + "_")  # zeitraum → zeitraum_beginn
            elif ganz not in ("id", "beispiel"):  # given by the editors, not by the proposer
                yield ganz

    ids = [e.get("id") for e in formular("Neue Maßnahme vorschlagen")["body"]]

    assert [i for i in ids if i in set(schluessel(Massnahme))] == list(schluessel(Massnahme))


def test_stand_und_prioritaet_bieten_die_werte_des_modells():
    daten = formular("Neue Maßnahme vorschlagen")

    assert feld(daten, "status")["attributes"]["options"] == [s.label for s in Status]
    assert feld(daten, "prioritaet")["attributes"]["options"] == [p.label for p in Prioritaet]


def test_die_leitlinien_im_formular_sind_die_des_plans():
    leitlinien = rohplan_laden(Ordner(REPO)).entitaeten["leitlinie"]
    im_plan = sorted(f"{g.wert.id} – {g.wert.titel}" for g in leitlinien)

    assert feld(formular("Neue Maßnahme vorschlagen"), "leitlinien")["attributes"]["options"] == im_plan


@pytest.mark.parametrize("pfad", FORMULARE, ids=lambda p: p.name)
def test_jedes_formular_erinnert_daran_dass_meldungen_oeffentlich_sind(pfad):
    daten = laden(pfad)

    datenschutz = feld(daten, "datenschutz")
    assert datenschutz["type"] == "checkboxes"
    assert all(option["required"] for option in datenschutz["attributes"]["options"])


def test_barrieren_lassen_sich_auch_ohne_github_konto_melden():
    hinweis = formular("Barriere melden")["body"][0]["attributes"]["value"]

    assert "ohne GitHub-Konto" in hinweis
    assert "Erklärung zur Barrierefreiheit" in hinweis


def test_die_auswahl_fuehrt_ohne_konto_zur_seite_mitmachen():
    konfiguration = laden(FORMULAR_ORDNER / "config.yml")
    # The public address is a repository variable of the release workflow; the form names it too.
    adresse = "https://sozialraumplan.example.org/"
    assert "SOZIALRAUMPLAN_ADRESSE: ${{ vars.SOZIALRAUMPLAN_ADRESSE }}" in (
        REPO / ".github/workflows/release.yml").read_text(encoding="utf-8")

    assert konfiguration["blank_issues_enabled"] is False
    [link] = konfiguration["contact_links"]
    assert set(link) == {"name", "url", "about"}
    assert link["url"] == adresse + "mitmachen.html"  # use_directory_urls is off
    assert (REPO / "docs/mitmachen.md").is_file()


def test_die_vorlage_fuer_pull_requests_enthaelt_die_pruefliste_des_begleitgremiums():
    vorlage = (REPO / ".github/pull_request_template.md").read_text(encoding="utf-8")
    punkte = [z for z in vorlage.splitlines() if z.startswith("- [ ] ")]

    for stichwort in ("Leitlinie genannt", "Stadtteile stimmen", "Leichte Sprache", "Quelle der Zahlen"):
        assert any(stichwort in punkt for punkt in punkte), stichwort
    assert "## Quellen der Zahlen" in vorlage
