"""The GitHub workflows parse, run the README's commands and hold to least privilege.

GitHub cannot be run here, so these tests read the workflow files as data and check what a
reviewer of a workflow would check; the report script of the PR workflow runs for real in bash.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
WORKFLOW_ORDNER = REPO / ".github/workflows"
EIGENE = ("ci.yml", "pr.yml")

FESTGELEGT = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}$")
"""`owner/repo@<full commit SHA>`: a tag can be moved to other code, a commit cannot."""


def laden(name: str) -> dict:
    daten = yaml.safe_load((WORKFLOW_ORDNER / name).read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as true; GitHub means the trigger.
    daten["on"] = daten.pop(True, daten.get("on"))
    return daten


def schritte(workflow: dict) -> list[dict]:
    return [s for job in workflow["jobs"].values() for s in job.get("steps", [])]


def skripte(workflow: dict) -> str:
    return "\n".join(s["run"] for s in schritte(workflow) if "run" in s)


def schritt(workflow: dict, job: str, name: str) -> dict:
    return next(s for s in workflow["jobs"][job]["steps"] if s.get("name") == name)


def alle_workflows() -> list[str]:
    return sorted(p.name for p in WORKFLOW_ORDNER.glob("*.y*ml"))


def test_die_beiden_workflows_gibt_es():
    assert set(EIGENE) <= set(alle_workflows())


@pytest.mark.parametrize("name", alle_workflows())
def test_jeder_workflow_hat_ausloeser_rechte_und_jobs(name):
    workflow = laden(name)

    assert workflow["name"].strip()
    assert workflow["on"], "ohne Auslöser läuft der Workflow nie"
    assert "permissions" in workflow, "ohne Angabe bekäme jeder Job die Standardrechte des Repositorys"
    assert workflow["jobs"]
    for ident, job in workflow["jobs"].items():
        assert "runs-on" in job or "uses" in job, ident
        assert "steps" in job or "uses" in job, ident


def actions(workflow: dict) -> list[str]:
    return ([s["uses"] for s in schritte(workflow) if "uses" in s]
            + [job["uses"] for job in workflow["jobs"].values() if "uses" in job])


@pytest.mark.parametrize("name", alle_workflows())
def test_jede_action_ist_auf_einen_vollen_commit_festgelegt(name):
    for action in actions(laden(name)):
        assert FESTGELEGT.match(action), f"{action} ist nicht auf einen Commit festgelegt"


@pytest.mark.parametrize("name", EIGENE)
def test_ein_kommentar_nennt_die_version_jeder_festgelegten_action(name):
    text = (WORKFLOW_ORDNER / name).read_text(encoding="utf-8")

    for action in actions(laden(name)):
        assert re.search(re.escape(action) + r" # v\d", text), f"bei {action} fehlt der Kommentar mit der Version"


@pytest.mark.parametrize("name", EIGENE)
def test_oben_gibt_es_nur_leserechte_und_wer_schreibt_holt_keinen_code(name):
    workflow = laden(name)

    assert workflow["permissions"] == {"contents": "read"}
    for ident, job in workflow["jobs"].items():
        rechte = job.get("permissions", {})
        if "write" in rechte.values():
            assert not any(s.get("uses", "").startswith("actions/checkout@") for s in job["steps"]), ident
            assert not any("make" in s.get("run", "") or ".venv" in s.get("run", "") for s in job["steps"]), ident


@pytest.mark.parametrize("name", EIGENE)
def test_werte_aus_dem_ereignis_stehen_nie_im_skripttext(name):
    """`${{ … }}` inside `run:` would paste e.g. a branch name into bash; env variables are inert."""
    assert "${{" not in skripte(laden(name))


@pytest.mark.parametrize("name", EIGENE)
def test_checkout_legt_keine_zugangsdaten_ab(name):
    for s in schritte(laden(name)):
        if s.get("uses", "").startswith("actions/checkout@"):
            assert s["with"]["persist-credentials"] is False


@pytest.mark.parametrize("name", EIGENE)
def test_beide_workflows_pruefen_bauen_streng_und_testen_mit_den_befehlen_des_readme(name):
    befehle = skripte(laden(name))
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")

    assert ".venv/bin/sozialraumplan validate" in befehle
    assert "make site" in befehle and "mkdocs build --strict" in makefile
    assert "make test" in befehle
    for ziel in re.findall(r"^\s*make ([a-z-]+)", befehle, re.M):
        assert re.search(rf"^{ziel}:", makefile, re.M), f"make {ziel} gibt es nicht"


def test_ci_laeuft_bei_jedem_push_auf_main():
    assert laden("ci.yml")["on"] == {"push": {"branches": ["main"]}}


def test_vorschlaege_laufen_mit_den_rechten_des_vorschlags_nicht_mit_denen_des_repositorys():
    """`pull_request_target` would run a fork's code with write rights and secrets."""
    assert laden("pr.yml")["on"] == {"pull_request": {"branches": ["main"]}}


def test_der_vorschlag_wird_gegen_seinen_ausgangspunkt_verglichen_und_als_vorschau_abgelegt():
    workflow = laden("pr.yml")

    vergleich = schritt(workflow, "pruefen", "Änderungen gegenüber main beschreiben")
    assert 'sozialraumplan diff "$basis" "$STAND_SHA" --format markdown' in vergleich["run"]
    assert "git merge-base" in vergleich["run"]
    assert next(s for s in workflow["jobs"]["pruefen"]["steps"]
                if s.get("uses", "").startswith("actions/checkout@"))["with"]["fetch-depth"] == 0
    vorschau = schritt(workflow, "pruefen", "Vorschau der Website ablegen")
    assert vorschau["uses"].startswith("actions/upload-artifact@")
    assert vorschau["with"]["path"] == "site/"
    assert vorschau["with"]["name"] == "website-vorschau"


def test_nur_der_kommentar_job_darf_in_den_vorschlag_schreiben():
    jobs = laden("pr.yml")["jobs"]

    assert jobs["kommentar"]["permissions"] == {"pull-requests": "write"}
    assert "head.repo.full_name == github.repository" in jobs["kommentar"]["if"]  # forks: read-only token
    assert all("permissions" not in job for name, job in jobs.items() if name != "kommentar")


# --- The report script of the PR workflow, run in bash -----------------------------------------


def bericht(tmp_path: Path, **ergebnisse: str) -> str:
    """Run the step „Bericht schreiben“ with the given step outcomes; return the job summary."""
    skript = schritt(laden("pr.yml"), "pruefen", "Bericht schreiben")["run"]
    zusammenfassung = tmp_path / "zusammenfassung.md"
    umgebung = {
        **os.environ, "GITHUB_STEP_SUMMARY": str(zusammenfassung), "GITHUB_SERVER_URL": "https://github.com",
        "GITHUB_REPOSITORY": "sozialraumplan/erfurt", "GITHUB_RUN_ID": "4711", **ergebnisse,
    }
    subprocess.run(["bash", "-e", "-o", "pipefail", "-c", skript], cwd=tmp_path, env=umgebung, check=True)
    assert (tmp_path / "kommentar.md").read_text(encoding="utf-8") == zusammenfassung.read_text(encoding="utf-8")
    return zusammenfassung.read_text(encoding="utf-8")


def test_der_bericht_zeigt_die_aenderungen_und_den_weg_zur_vorschau(tmp_path):
    (tmp_path / "aenderungen.md").write_text("## Änderungen am Plan\n\n- M019 neu\n", encoding="utf-8")

    text = bericht(tmp_path, VALIDIERUNG="success", VERGLEICH="success", WEBSITE="success")

    assert text.startswith("## Änderungen am Plan\n\n- M019 neu\n")
    assert "„website-vorschau“" in text
    assert "https://github.com/sozialraumplan/erfurt/actions/runs/4711" in text


def test_der_bericht_zeigt_die_befunde_der_pruefung(tmp_path):
    befund = "plan/massnahmen/M019.yml:5:14: Den Stadtteil „herrenbeg“ gibt es nicht — meinten Sie „herrenberg“?"
    (tmp_path / "validierung.txt").write_text(befund + "\n1 Fehler gefunden.\n", encoding="utf-8")

    text = bericht(tmp_path, VALIDIERUNG="failure", VERGLEICH="", WEBSITE="")

    assert "## Die Prüfung hat Fehler gefunden" in text
    assert f"```text\n{befund}\n" in text
    assert "Vorschau" not in text


def test_der_bericht_zeigt_den_vergleich_auch_wenn_er_ein_problem_meldete(tmp_path):
    """`diff` exits 1 when one Fassung is invalid, but still writes what it could compare."""
    (tmp_path / "aenderungen.md").write_text("## Änderungen am Plan\n\n- M019 neu\n", encoding="utf-8")

    text = bericht(tmp_path, VALIDIERUNG="success", VERGLEICH="failure", WEBSITE="success")

    assert text.startswith("## Änderungen am Plan\n\n- M019 neu\n")
    assert "**Der Vergleich mit main meldete ein Problem.**" in text


def test_der_bericht_sagt_wenn_die_website_nicht_gebaut_werden_konnte(tmp_path):
    (tmp_path / "aenderungen.md").write_text("## Änderungen am Plan\n", encoding="utf-8")

    text = bericht(tmp_path, VALIDIERUNG="success", VERGLEICH="success", WEBSITE="failure")

    assert "**Die Website ließ sich nicht bauen.**" in text
