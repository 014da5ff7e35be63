"""The tag workflow `.github/workflows/release.yml`, read as data and its release step run for real.

Pushing `v<Jahr>.<n>` runs the tests, then `sozialraumplan release`, publishes a GitHub Release
with the files and the changes as notes, and deploys the site with mike (version = tag, alias
„aktuell“; main as „entwurf“). GitHub cannot run here: the release step's own script runs in
bash in a tagged test repository, and the files it writes are opened and checked.
"""

from __future__ import annotations

import csv
import fnmatch
import io
import json
import os
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from conftest import website_kopieren
from fixtures.diff.planrepo import WEITERE_LEITLINIEN, Planrepo

REPO = Path(__file__).resolve().parents[1]
WORKFLOW = REPO / ".github/workflows/release.yml"
FESTGELEGT = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}$")


def workflow() -> dict:
    daten = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    daten["on"] = daten.pop(True, daten.get("on"))  # YAML 1.1 reads `on` as true
    return daten


def schritt(job: str, name: str) -> dict:
    return next(s for s in workflow()["jobs"][job]["steps"] if s.get("name") == name)


def schritt_ausfuehren(job: str, name: str, wurzel: Path, **umgebung: str) -> subprocess.CompletedProcess:
    """Run a step's `run:` script in bash as GitHub would (values from `env:` set as given)."""
    s = schritt(job, name)
    assert set(s.get("env", {})) == set(umgebung), "the test sets exactly the step's variables"
    return subprocess.run(["bash", "-e", "-o", "pipefail", "-c", s["run"]], cwd=wurzel,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **umgebung}, capture_output=True, text=True)


# --- The workflow as a reviewer reads it -------------------------------------------------------


def test_ausloeser_tags_der_form_v_jahr_nummer_und_main():
    ausloeser = workflow()["on"]["push"]
    assert ausloeser["branches"] == ["main"]
    [muster] = ausloeser["tags"]
    for tag in ("v2026.1", "v2026.12"):
        assert fnmatch.fnmatchcase(tag, muster), tag
    for tag in ("2026.1", "v26.1", "v2026", "vorschau"):
        assert not fnmatch.fnmatchcase(tag, muster), tag


def test_rechte_so_wenig_wie_moeglich():
    daten = workflow()
    assert daten["permissions"] == {}
    jobs = daten["jobs"]
    assert jobs["release-dateien"]["permissions"] == {"contents": "read"}
    assert jobs["github-release"]["permissions"] == {"contents": "write"}
    assert jobs["website"]["permissions"] == {"contents": "write"}
    # the job that creates the release runs no code of the repository
    schritte = jobs["github-release"]["steps"]
    assert not any(s.get("uses", "").startswith("actions/checkout@") for s in schritte)
    assert not any("make" in s.get("run", "") or ".venv" in s.get("run", "") for s in schritte)


def test_actions_auf_commits_festgelegt_mit_version_im_kommentar():
    text = WORKFLOW.read_text(encoding="utf-8")
    actions = [s["uses"] for job in workflow()["jobs"].values() for s in job["steps"] if "uses" in s]
    assert actions
    for action in actions:
        assert FESTGELEGT.match(action), action
        assert re.search(re.escape(action) + r" # v\d", text), f"bei {action} fehlt die Version"


def test_werte_aus_dem_ereignis_nur_ueber_umgebungsvariablen():
    skripte = [s["run"] for job in workflow()["jobs"].values() for s in job["steps"] if "run" in s]
    assert not any("${{" in skript for skript in skripte)


def test_erst_die_tests_dann_das_release_aus_dem_vollen_verlauf():
    schritte = workflow()["jobs"]["release-dateien"]["steps"]
    namen = [s.get("name") for s in schritte]
    assert namen.index("Tests") < namen.index("Release-Dateien erzeugen")
    assert schritt("release-dateien", "Tests")["run"] == "make test"
    holen = next(s for s in schritte if s.get("uses", "").startswith("actions/checkout@"))
    assert holen["with"] == {"fetch-depth": 0, "persist-credentials": False}
    assert schritt("release-dateien", "Release-Dateien erzeugen")["env"] == {"TAG": "${{ github.ref_name }}"}


def test_das_release_traegt_die_dateien_und_die_aenderungen_als_text():
    skript = schritt("github-release", "Release mit den Änderungen als Text veröffentlichen")["run"]
    assert 'gh release create "$TAG" dist/*' in skript
    assert "--notes-file" in skript and "dist/*-aenderungen.md" in skript
    ablegen = schritt("release-dateien", "Release-Dateien ablegen")
    holen = schritt("github-release", "Release-Dateien holen")
    assert ablegen["with"]["name"] == holen["with"]["name"] and ablegen["with"]["path"] == "dist/"


def test_mike_veroeffentlicht_den_tag_als_aktuell_und_main_als_entwurf():
    skript = schritt("website", "Website mit mike veröffentlichen")["run"]
    assert '.venv/bin/mike deploy --push --update-aliases "$TAG" aktuell' in skript
    assert ".venv/bin/mike set-default --push aktuell" in skript
    assert ".venv/bin/mike deploy --push entwurf" in skript
    assert "needs.release-dateien.result == 'success'" in workflow()["jobs"]["website"]["if"]


# --- The release step, run in a tagged repository ----------------------------------------------


@pytest.fixture(scope="module")
def veroeffentlicht(tmp_path_factory) -> Path:
    """Musterstadt with its site, tagged v2025.1 and v2026.1; the release step run for v2026.1."""
    from conftest import KLEINSTADT, PlanOrdner

    ordner = PlanOrdner(tmp_path_factory.mktemp("release") / "musterstadt")
    for pfad, text in KLEINSTADT.items():
        ordner.schreiben(pfad, text)
    repo = Planrepo(ordner)
    website_kopieren(repo.wurzel)
    (repo.wurzel / ".venv").symlink_to(REPO / ".venv")
    ordner.schreiben(".gitignore", ".venv\nnode_modules\ndist\nsite\n")
    repo.fassung("Erste Fortschreibung", tag="v2025.1")
    repo.ersetzen("plan/massnahmen/M002.yml", "status: geplant", "status: in_umsetzung")
    repo.ersetzen("plan/massnahmen/M002.yml", "fortschritt: 0", "fortschritt: 20")
    repo.ersetzen("plan/plan.yml", "fortschreibung: Erste Fortschreibung 2025", "fortschreibung: Zweite Fortschreibung 2026")
    repo.fassung("Zweite Fortschreibung", tag="v2026.1")

    lauf = schritt_ausfuehren("release-dateien", "Release-Dateien erzeugen", repo.wurzel, TAG="v2026.1")
    assert lauf.returncode == 0, lauf.stderr
    return repo.wurzel / "dist"


def datei(dist: Path, rest: str) -> Path:
    return dist / f"sozialraumplan-musterstadt-v2026.1{rest}"


def test_alle_release_dateien(veroeffentlicht):
    assert sorted(p.name for p in veroeffentlicht.iterdir()) == sorted(
        f"sozialraumplan-musterstadt-v2026.1{rest}" for rest in (
            ".pdf", "-website.zip", "-aenderungen.md", "-aenderungen.json", "-plan.json", "-massnahmen.csv",
            "-indikatorwerte.csv", "-sozialindex.csv", "-stadtteile.geojson"))


def test_die_aenderungen_seit_dem_vorigen_tag_als_markdown_und_json(veroeffentlicht):
    markdown = datei(veroeffentlicht, "-aenderungen.md").read_text(encoding="utf-8")
    assert markdown.startswith("# Änderungen von v2025.1 zu v2026.1\n")
    assert ("**Zusammenfassung:** 1 Maßnahme geändert; Angaben zum Plan geändert; "
            "kein Stadtteil wechselt die Indexklasse.") in markdown
    assert "- Status: geplant → in Umsetzung\n- Fortschritt: 0 % → 20 %" in markdown
    daten = json.loads(datei(veroeffentlicht, "-aenderungen.json").read_text(encoding="utf-8"))
    assert (daten["basis"]["name"], daten["ziel"]["name"]) == ("v2025.1", "v2026.1")
    assert [m["id"] for m in daten["massnahme"]["geaendert"]] == ["M002"]


def test_die_website_im_zip_mit_derselben_aenderungsseite(veroeffentlicht):
    archiv = zipfile.ZipFile(datei(veroeffentlicht, "-website.zip"))
    namen = archiv.namelist()
    assert "index.html" in namen and "massnahmen/M002.html" in namen
    seite = archiv.read("aenderungen.html").decode("utf-8")
    assert "1 Maßnahme geändert; Angaben zum Plan geändert; kein Stadtteil wechselt die Indexklasse." in seite
    assert "Status: geplant → in Umsetzung" in seite


def test_das_pdf_ist_getaggt_und_enthaelt_den_ganzen_plan(veroeffentlicht):
    leser = PdfReader(datei(veroeffentlicht, ".pdf"))
    katalog = leser.trailer["/Root"]
    assert "/StructTreeRoot" in katalog
    assert katalog["/Lang"] == "de"
    assert leser.metadata.title == "Integrierter Sozialraumplan Musterstadt – Zweite Fortschreibung 2026"
    assert leser.outline
    text = " ".join(" ".join(seite.extract_text() for seite in leser.pages).split())
    for titel in ["Teilhabe ermöglichen", "Armut vermeiden", *(t for t, _ in WEITERE_LEITLINIEN.values())]:
        assert titel in text
    assert "Fassung v2026.1" in text


def test_offene_daten(veroeffentlicht):
    plan = json.loads(datei(veroeffentlicht, "-plan.json").read_text(encoding="utf-8"))
    assert plan["plan"]["fortschreibung"] == "Zweite Fortschreibung 2026"
    massnahmen = list(csv.DictReader(io.StringIO(datei(veroeffentlicht, "-massnahmen.csv").read_text(encoding="utf-8"))))
    assert [(m["id"], m["status"]) for m in massnahmen] == [("M001", "in_umsetzung"), ("M002", "in_umsetzung")]
    werte = datei(veroeffentlicht, "-indikatorwerte.csv").read_text(encoding="utf-8")
    assert "arbeitslosenquote" in werte and "nord" in werte
    karte = json.loads(datei(veroeffentlicht, "-stadtteile.geojson").read_text(encoding="utf-8"))
    assert karte["type"] == "FeatureCollection" and len(karte["features"]) == 2
