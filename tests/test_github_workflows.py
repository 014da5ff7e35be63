"""The GitHub workflows parse, run the README's commands and hold to least privilege.

GitHub cannot be run here, so these tests read the workflow files as data and check what a
reviewer of a workflow would check; the report script of the PR workflow runs for real in bash.
The rule behind most of them: a job that installs packages or builds runs code from elsewhere
(packages, macros, a proposal), so it holds no write token; a job that writes only downloads
what another job built.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from sozialraumplan.befehle.pre_block import pre_block

REPO = Path(__file__).resolve().parents[1]
WORKFLOW_ORDNER = REPO / ".github/workflows"
EIGENE = ("ci.yml", "pr.yml")

FESTGELEGT = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}$")
"""`owner/repo@<full commit SHA>`: a tag can be moved to other code, a commit cannot."""

ABBILD_FESTGELEGT = re.compile(r"^[a-z0-9._/-]+(:[A-Za-z0-9._-]+)?@sha256:[0-9a-f]{64}$")
"""A container image by digest: `debian:12` alone is a tag that moves with every rebuild."""

INSTALLIERT_ODER_BAUT = re.compile(r"\b(apt-get|apt|dpkg|pip3?|npm|npx|make|mkdocs|mike|python3?)\b|\.venv/")
"""What runs foreign code in a step: package managers, builds, the project's own commands."""


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


def schreibt(workflow: dict, job: dict) -> bool:
    rechte = job.get("permissions", workflow["permissions"])
    return rechte == "write-all" or (isinstance(rechte, dict) and "write" in rechte.values())


@pytest.mark.parametrize("name", alle_workflows())
def test_oben_gibt_es_nur_leserechte(name):
    assert laden(name)["permissions"] in ({"contents": "read"}, {})


@pytest.mark.parametrize("name", alle_workflows())
def test_wer_schreiben_darf_holt_keinen_code_installiert_und_baut_nichts(name):
    """It runs on the bare runner and only downloads artifacts; everything else happened without the token."""
    workflow = laden(name)
    for ident, job in workflow["jobs"].items():
        if not schreibt(workflow, job):
            continue
        assert "container" not in job, ident
        for s in job["steps"]:
            assert "uses" not in s or s["uses"].startswith("actions/download-artifact@"), (ident, s["uses"])
            assert not INSTALLIERT_ODER_BAUT.search(s.get("run", "")), (ident, s.get("name"))


@pytest.mark.parametrize("name", alle_workflows())
def test_das_token_bekommt_nur_der_schritt_der_es_braucht(name):
    workflow = laden(name)
    assert not re.search(r"github\.token|secrets\.", str(workflow.get("env", {})))
    for ident, job in workflow["jobs"].items():
        assert not re.search(r"github\.token|secrets\.", str(job.get("env", {}))), ident
        for s in job["steps"]:
            if re.search(r"github\.token|secrets\.", str(s)):
                assert schreibt(workflow, job), (ident, s.get("name"))
                assert not re.search(r"github\.token|secrets\.", str(s.get("with", {}))), (ident, s.get("name"))


@pytest.mark.parametrize("name", alle_workflows())
def test_werte_aus_dem_ereignis_stehen_nie_im_skripttext(name):
    """`${{ … }}` inside `run:` would paste e.g. a branch name into bash; env variables are inert."""
    assert "${{" not in skripte(laden(name))


@pytest.mark.parametrize("name", alle_workflows())
def test_checkout_legt_keine_zugangsdaten_ab(name):
    for s in schritte(laden(name)):
        if s.get("uses", "").startswith("actions/checkout@"):
            assert s["with"]["persist-credentials"] is False


def abbilder(name: str) -> list[str]:
    return [job["container"] if isinstance(job["container"], str) else job["container"]["image"]
            for job in laden(name)["jobs"].values() if "container" in job]


@pytest.mark.parametrize("name", alle_workflows())
def test_jedes_container_abbild_ist_auf_einen_digest_festgelegt_und_nennt_tag_und_datum(name):
    text = (WORKFLOW_ORDNER / name).read_text(encoding="utf-8")
    for abbild in abbilder(name):
        assert ABBILD_FESTGELEGT.match(abbild), f"{abbild} ist nicht auf einen Digest festgelegt"
        for zeile in text.splitlines():
            if abbild in zeile:
                assert re.search(r"# [a-z]+-\d{8}, nachgeschlagen \d{4}-\d{2}-\d{2}$", zeile), zeile


def test_alle_workflows_laufen_im_selben_abbild():
    assert len({abbild for name in alle_workflows() for abbild in abbilder(name)}) == 1


@pytest.mark.parametrize("name", alle_workflows())
def test_mike_pusht_nie_selbst(name):
    """mike builds in a job without write rights; only the publishing job pushes gh-pages."""
    for zeile in skripte(laden(name)).splitlines():
        assert not ("mike" in zeile and "--push" in zeile), zeile


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


def test_der_entwurf_wird_erst_nach_pruefung_strengem_bau_und_tests_veroeffentlicht():
    workflow = laden("ci.yml")
    jobs = workflow["jobs"]
    assert jobs["entwurf"]["needs"] == "pruefen" and "if" not in jobs["entwurf"]  # only after success
    namen = [s.get("name") for s in jobs["pruefen"]["steps"]]
    bauen = namen.index("Entwurf mit mike bauen, ohne ihn zu veröffentlichen")
    assert namen.index("Plan prüfen") < namen.index("Website streng bauen") < namen.index("Tests") < bauen
    assert "mike deploy --allow-empty entwurf" in schritt(workflow, "pruefen", namen[bauen])["run"]
    # the strict build checks exactly what mike builds: same settings
    streng = schritt(workflow, "pruefen", "Website streng bauen")
    assert streng["run"] == "make site"
    assert streng["env"].items() <= schritt(workflow, "pruefen", namen[bauen])["env"].items()
    ablegen = schritt(workflow, "pruefen", "Entwurf ablegen")
    holen = schritt(workflow, "entwurf", "Entwurf holen")
    assert ablegen["with"]["name"] == holen["with"]["name"] and ablegen["with"]["path"] == "gh-pages.bundle"
    assert jobs["entwurf"]["permissions"] == {"contents": "write"}


def test_entwurf_und_fortschreibung_pushen_gh_pages_mit_demselben_schritt():
    """One push script in two workflows; tests/test_release_workflow.py runs it for real."""
    entwurf = schritt(laden("ci.yml"), "entwurf", "gh-pages pushen")
    fortschreibung = schritt(laden("release.yml"), "website", "gh-pages pushen")
    assert entwurf == fortschreibung
    [push] = [z.strip() for z in entwurf["run"].splitlines() if z.strip().startswith("git push")]
    assert push == 'git push "$ziel" gh-pages:gh-pages'  # no --force, no +refspec: a stale build fails
    bauen = schritt(laden("ci.yml"), "pruefen", "Entwurf mit mike bauen, ohne ihn zu veröffentlichen")["run"]
    bauen_tag = schritt(laden("release.yml"), "release-dateien",
                        "Website mit mike bauen, ohne sie zu veröffentlichen")["run"]
    def ohne_mike(skript: str) -> list[str]:
        return [z for z in skript.splitlines() if not z.lstrip().startswith(("mike ", "# --allow-empty"))]
    assert ohne_mike(bauen) == ohne_mike(bauen_tag)


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
    (tmp_path / ".venv").symlink_to(REPO / ".venv")
    subprocess.run(["bash", "-e", "-o", "pipefail", "-c", skript], cwd=tmp_path, env=umgebung, check=True)
    assert (tmp_path / "kommentar.md").read_text(encoding="utf-8") == zusammenfassung.read_text(encoding="utf-8")
    return zusammenfassung.read_text(encoding="utf-8")


def test_der_bericht_zeigt_die_aenderungen_und_den_weg_zur_vorschau(tmp_path):
    (tmp_path / "aenderungen.md").write_text("## Änderungen am Plan\n\n- M019 neu\n", encoding="utf-8")

    text = bericht(tmp_path, VALIDIERUNG="success", VERGLEICH="success", WEBSITE="success")

    assert text.startswith("## Änderungen am Plan\n\n- M019 neu\n")
    assert "„website-vorschau“" in text
    assert "Content-Security-Policy" in text and "erst, wenn die Maintainer den Code geprüft haben" in text
    assert "https://github.com/sozialraumplan/erfurt/actions/runs/4711" in text


def test_der_bericht_zeigt_die_befunde_der_pruefung(tmp_path):
    befund = "plan/massnahmen/M019.yml:5:14: Den Stadtteil „herrenbeg“ gibt es nicht — meinten Sie „herrenberg“?"
    (tmp_path / "validierung.txt").write_text(befund + "\n1 Fehler gefunden.\n", encoding="utf-8")

    text = bericht(tmp_path, VALIDIERUNG="failure", VERGLEICH="", WEBSITE="")

    assert "## Die Prüfung hat Fehler gefunden" in text
    assert f"<pre>\n{befund}\n1 Fehler gefunden.\n</pre>\n" in text
    assert "Vorschau" not in text


FEINDLICHER_BEFUND = (
    "plan/massnahmen/M019.yml:2:8: Unbekannter Status „fertig\n```\n\n"
    "## Alles in Ordnung\n\n![Freigabe](https://boese.example/ok.png) @sozialraumplan/begleitgremium "
    "<img src=x onerror=alert(1)> </pre><script>alert(2)</script>\n~~~\n````\n“"
)
"""A finding that quotes a hostile value: it closes a fence, writes a heading, an image, a mention and HTML."""


def test_ein_befund_mit_backticks_und_html_bleibt_text(tmp_path):
    (tmp_path / "validierung.txt").write_text(FEINDLICHER_BEFUND + "\n1 Fehler gefunden.\n", encoding="utf-8")

    text = bericht(tmp_path, VALIDIERUNG="failure", VERGLEICH="", WEBSITE="")

    block = text[text.index("<pre>\n"):]
    # exactly one block, and it ends where the report puts its end, not where the value wanted it to
    assert text.count("<pre>") == 1 and text.count("</pre>") == 1
    assert block.index("</pre>") > block.index("1 Fehler gefunden.")
    innen = block[len("<pre>\n"):block.index("</pre>")]
    assert "<" not in innen and ">" not in innen  # no tag can start inside
    assert "&lt;/pre&gt;&lt;script&gt;" in innen and "&lt;img src=x" in innen
    assert "```" in innen  # the backticks are still there, harmless inside <pre>
    assert html.unescape(innen).rstrip("\n") == FEINDLICHER_BEFUND + "\n1 Fehler gefunden."


def test_pre_block_maskiert_und_schliesst_selbst():
    assert pre_block("a < b & c > d\n```\n</pre>\n") == "<pre>\na &lt; b &amp; c &gt; d\n```\n&lt;/pre&gt;\n</pre>\n"


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
