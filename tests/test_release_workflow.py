"""The tag workflow `.github/workflows/release.yml`, read as data and its release step run for real.

Pushing `v<Jahr>.<n>` on main runs the tests, then `sozialraumplan release`, builds the site with
mike (version = tag, alias „aktuell“) into a local gh-pages branch, and only then, in jobs that
hold the write token but install and build nothing, publishes a GitHub Release with the files and
the changes as notes and pushes gh-pages. GitHub cannot run here: the steps' own scripts run in
bash in a tagged test repository (a bare repository stands in for GitHub), and what they write is
opened and checked.
"""

from __future__ import annotations

import csv
import fnmatch
import io
import json
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
import yaml
from conftest import lesbar, website_kopieren
from fixtures.diff.planrepo import WEITERE_LEITLINIEN, Planrepo
from pypdf import PdfReader

REPO = Path(__file__).resolve().parents[1]
WORKFLOW = REPO / ".github/workflows/release.yml"
FESTGELEGT = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}$")


def workflow() -> dict:
    daten = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    daten["on"] = daten.pop(True, daten.get("on"))  # YAML 1.1 reads `on` as true
    return daten


def schritt(job: str, name: str) -> dict:
    return next(s for s in workflow()["jobs"][job]["steps"] if s.get("name") == name)


def schritt_ausfuehren(job: str, name: str, wurzel: Path, laeufer: dict[str, str] | None = None,
                       **umgebung: str) -> subprocess.CompletedProcess:
    """Run a step's `run:` script in bash as GitHub would: values from `env:` as given, the runner's
    own variables (`GITHUB_SHA`, …) from `laeufer`, git without the machine's configuration."""
    s = schritt(job, name)
    assert set(s.get("env", {})) == set(umgebung), "the test sets exactly the step's variables"
    return subprocess.run(["bash", "-e", "-o", "pipefail", "-c", s["run"]], cwd=wurzel,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "GIT_CONFIG_GLOBAL": os.devnull,
                               "GIT_CONFIG_NOSYSTEM": "1", **(laeufer or {}), **umgebung},
                          capture_output=True, text=True)


# --- The workflow as a reviewer reads it -------------------------------------------------------


def test_ausloeser_nur_tags_der_form_v_jahr_nummer():
    """The draft of main is published by ci.yml, after its checks."""
    ausloeser = workflow()["on"]
    assert set(ausloeser) == {"push"} and set(ausloeser["push"]) == {"tags"}
    [muster] = ausloeser["push"]["tags"]
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
    # the jobs that write run no code of the repository: they only download what release-dateien built
    for job in ("github-release", "website"):
        assert jobs[job]["needs"] == "release-dateien" and "container" not in jobs[job]
        schritte = jobs[job]["steps"]
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


def test_erst_main_pruefen_dann_die_tests_dann_das_release_aus_dem_vollen_verlauf():
    schritte = workflow()["jobs"]["release-dateien"]["steps"]
    namen = [s.get("name") for s in schritte]
    assert namen.index("Prüfen, dass der Tag auf main liegt") < namen.index("Tests") < namen.index(
        "Release-Dateien erzeugen") < namen.index("Website streng bauen") < namen.index(
        "Website mit mike bauen, ohne sie zu veröffentlichen")
    assert schritt("release-dateien", "Tests")["run"] == "make test"
    holen = next(s for s in schritte if s.get("uses", "").startswith("actions/checkout@"))
    assert holen["with"] == {"fetch-depth": 0, "persist-credentials": False}
    # the cover of the PDF names the site's address (a repository variable, as for mike below)
    assert schritt("release-dateien", "Release-Dateien erzeugen")["env"] == {
        "TAG": "${{ github.ref_name }}", "SOZIALRAUMPLAN_ADRESSE": "${{ vars.SOZIALRAUMPLAN_ADRESSE }}"}


def test_das_release_traegt_die_dateien_und_die_aenderungen_als_text():
    skript = schritt("github-release", "Release mit den Änderungen als Text veröffentlichen")["run"]
    assert 'gh release create "$TAG" dist/*' in skript
    assert "--notes-file" in skript and "dist/*-aenderungen.md" in skript
    ablegen = schritt("release-dateien", "Release-Dateien ablegen")
    holen = schritt("github-release", "Release-Dateien holen")
    assert ablegen["with"]["name"] == holen["with"]["name"] and ablegen["with"]["path"] == "dist/"


def test_mike_baut_den_tag_als_aktuell_streng_geprueft_und_ohne_schreibrecht():
    bauen = schritt("release-dateien", "Website mit mike bauen, ohne sie zu veröffentlichen")
    assert 'mike deploy --allow-empty --update-aliases "$TAG" aktuell' in bauen["run"]
    assert "mike set-default --allow-empty aktuell" in bauen["run"]
    assert "--push" not in bauen["run"]
    streng = schritt("release-dateien", "Website streng bauen")
    assert streng["run"] == "make site" and streng["env"].items() <= bauen["env"].items()
    # both builds offer the PDF and the Synopse the release step wrote, from the folder it wrote them to
    assert streng["env"]["SOZIALRAUMPLAN_RELEASE"] == "dist"
    assert schritt("release-dateien", "Release-Dateien erzeugen")["run"].endswith(" --ziel dist")
    assert schritt("release-dateien", "Release-Dateien erzeugen")["env"]["SOZIALRAUMPLAN_ADRESSE"] == \
        bauen["env"]["SOZIALRAUMPLAN_ADRESSE"]
    ablegen = schritt("release-dateien", "Website ablegen")
    assert ablegen["with"]["name"] == schritt("website", "Website holen")["with"]["name"]


# --- Only a tag on main is published --------------------------------------------------------------


def git(wurzel: Path, *argumente: str) -> str:
    return subprocess.run(["git", "-C", str(wurzel), *argumente], check=True, capture_output=True, text=True,
                          env={**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
                               "GIT_AUTHOR_NAME": "Sozialplanung", "GIT_AUTHOR_EMAIL": "sozialplanung@example.org",
                               "GIT_COMMITTER_NAME": "Sozialplanung",
                               "GIT_COMMITTER_EMAIL": "sozialplanung@example.org"}).stdout.strip()


@pytest.fixture
def main_und_nebenzweig(tmp_path) -> tuple[Path, str, str]:
    """A checkout as actions/checkout leaves it: origin/main, and a commit on a side branch."""
    wurzel = tmp_path / "plan"
    wurzel.mkdir()
    git(wurzel, "init", "--quiet", "--initial-branch=main")
    git(wurzel, "commit", "--quiet", "--allow-empty", "-m", "Erste Fortschreibung")
    auf_main = git(wurzel, "rev-parse", "HEAD")
    git(wurzel, "update-ref", "refs/remotes/origin/main", auf_main)
    git(wurzel, "switch", "--quiet", "-c", "eigenmaechtig")
    git(wurzel, "commit", "--quiet", "--allow-empty", "-m", "Nicht beschlossen")
    return wurzel, auf_main, git(wurzel, "rev-parse", "HEAD")


def test_ein_tag_auf_main_wird_veroeffentlicht(main_und_nebenzweig):
    wurzel, auf_main, _ = main_und_nebenzweig
    lauf = schritt_ausfuehren("release-dateien", "Prüfen, dass der Tag auf main liegt", wurzel,
                              laeufer={"GITHUB_SHA": auf_main})
    assert lauf.returncode == 0, lauf.stdout + lauf.stderr


def test_ein_tag_neben_main_bricht_den_lauf_ab(main_und_nebenzweig):
    wurzel, _, daneben = main_und_nebenzweig
    lauf = schritt_ausfuehren("release-dateien", "Prüfen, dass der Tag auf main liegt", wurzel,
                              laeufer={"GITHUB_SHA": daneben})
    assert lauf.returncode == 1
    assert "::error::Der Tag zeigt auf einen Commit, der nicht auf main liegt." in lauf.stdout
    # every other job waits for this one
    jobs = workflow()["jobs"]
    assert all(jobs[job]["needs"] == "release-dateien" for job in jobs if job != "release-dateien")


# --- The release step, run in a tagged repository ----------------------------------------------


ADRESSE = "https://sozialraumplan.example.org/"
"""The repository variable SOZIALRAUMPLAN_ADRESSE of the test city."""


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

    lauf = schritt_ausfuehren("release-dateien", "Release-Dateien erzeugen", repo.wurzel, TAG="v2026.1",
                              SOZIALRAUMPLAN_ADRESSE=ADRESSE)
    assert lauf.returncode == 0, lauf.stderr
    return repo.wurzel / "dist"


def datei(dist: Path, rest: str) -> Path:
    return dist / f"sozialraumplan-musterstadt-v2026.1{rest}"


def test_alle_release_dateien(veroeffentlicht):
    assert sorted(p.name for p in veroeffentlicht.iterdir()) == sorted(
        f"sozialraumplan-musterstadt-v2026.1{rest}" for rest in (
            ".pdf", "-website.zip", "-aenderungen.md", "-aenderungen.json", "-synopse.html", "-plan.json",
            "-massnahmen.csv", "-foerderprojekte.csv", "-indikatorwerte.csv", "-sozialindex.csv", "-stadtteile.geojson"))


def test_die_aenderungen_seit_dem_vorigen_tag_als_markdown_und_json(veroeffentlicht):
    markdown = lesbar(datei(veroeffentlicht, "-aenderungen.md").read_text(encoding="utf-8"))
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


def test_das_deckblatt_nennt_die_adresse_der_website_die_zip_website_keine(veroeffentlicht):
    deckblatt = " ".join(PdfReader(datei(veroeffentlicht, ".pdf")).pages[0].extract_text().split())
    assert ADRESSE in deckblatt
    # the zip is opened from disk: its pages carry no absolute address (no canonical link, no sitemap URL)
    archiv = zipfile.ZipFile(datei(veroeffentlicht, "-website.zip"))
    assert not any(ADRESSE.encode() in archiv.read(n) for n in archiv.namelist() if n.endswith((".html", ".xml")))


def test_offene_daten(veroeffentlicht):
    plan = json.loads(datei(veroeffentlicht, "-plan.json").read_text(encoding="utf-8"))
    assert plan["plan"]["fortschreibung"] == "Zweite Fortschreibung 2026"
    massnahmen = list(csv.DictReader(io.StringIO(datei(veroeffentlicht, "-massnahmen.csv").read_text(encoding="utf-8"))))
    assert [(m["id"], m["status"]) for m in massnahmen] == [("M001", "in_umsetzung"), ("M002", "in_umsetzung")]
    werte = datei(veroeffentlicht, "-indikatorwerte.csv").read_text(encoding="utf-8")
    assert "arbeitslosenquote" in werte and "nord" in werte
    karte = json.loads(datei(veroeffentlicht, "-stadtteile.geojson").read_text(encoding="utf-8"))
    assert karte["type"] == "FeatureCollection" and len(karte["features"]) == 2


# --- The site: built by mike without write rights, pushed by the job that has them --------------


MIKE_UMGEBUNG = {"TAG": "v2026.1", "SOZIALRAUMPLAN_VERSIONEN": "mike", "SOZIALRAUMPLAN_ADRESSE": ADRESSE,
                 "SOZIALRAUMPLAN_RELEASE": "dist"}


def pushen(arbeitsordner: Path, laeufer: dict[str, str]) -> subprocess.CompletedProcess:
    """The publishing job: the bundle in its workspace, pushed with a token only this step sees."""
    return schritt_ausfuehren("website", "gh-pages pushen", arbeitsordner, laeufer=laeufer, GH_TOKEN="token-zum-testen")


def bauen_und_ablegen(repo: Path, tmp_path_factory) -> Path:
    """The mike step in release-dateien, then its bundle moved into a fresh workspace of the publishing job."""
    lauf = schritt_ausfuehren("release-dateien", "Website mit mike bauen, ohne sie zu veröffentlichen", repo,
                              **MIKE_UMGEBUNG)
    assert lauf.returncode == 0, lauf.stderr
    arbeitsordner = tmp_path_factory.mktemp("website-job")
    shutil.move(repo / "gh-pages.bundle", arbeitsordner / "gh-pages.bundle")
    return arbeitsordner


@pytest.fixture(scope="module")
def gh_pages(veroeffentlicht, tmp_path_factory) -> tuple[Path, dict[str, str], Path]:
    """A bare repository stands in for GitHub; the tagged plan's site is built and pushed there once.
    Returns it, the runner variables that point at it, and the plan repository."""
    repo = veroeffentlicht.parent
    server = tmp_path_factory.mktemp("github")
    ziel = server / "musterstadt" / "plan.git"
    git(server, "init", "--quiet", "--bare", str(ziel))
    git(repo, "remote", "add", "origin", str(ziel))
    laeufer = {"GITHUB_SERVER_URL": f"file://{server}", "GITHUB_REPOSITORY": "musterstadt/plan"}
    lauf = pushen(bauen_und_ablegen(repo, tmp_path_factory), laeufer)
    assert lauf.returncode == 0, lauf.stderr
    assert "token-zum-testen" not in lauf.stdout + lauf.stderr
    return ziel, laeufer, repo


def test_die_website_liegt_versioniert_auf_gh_pages(gh_pages):
    ziel, _, _ = gh_pages
    versionen = json.loads(git(ziel, "show", "gh-pages:versions.json"))
    assert versionen == [{"version": "v2026.1", "title": "v2026.1", "aliases": ["aktuell"]}]
    dateien = git(ziel, "ls-tree", "-r", "--name-only", "gh-pages").splitlines()
    assert "v2026.1/index.html" in dateien and "v2026.1/massnahmen/M002.html" in dateien
    assert "aktuell/" in git(ziel, "show", "gh-pages:index.html")  # the root leads to the default version


def test_die_veroeffentlichte_website_bietet_pdf_und_synopse_des_release(gh_pages, veroeffentlicht):
    """mike's build with SOZIALRAUMPLAN_RELEASE=dist: the files of the release step under downloads/,
    linked from the start page and from Downloads."""
    ziel, _, _ = gh_pages
    for rest in (".pdf", "-synopse.html"):
        name = datei(veroeffentlicht, rest).name
        inhalt = subprocess.run(["git", "-C", str(ziel), "show", f"gh-pages:v2026.1/downloads/{name}"],
                                check=True, capture_output=True).stdout
        assert inhalt == datei(veroeffentlicht, rest).read_bytes()
    start = git(ziel, "show", "gh-pages:v2026.1/index.html")
    assert '<a href="downloads/sozialraumplan-musterstadt-v2026.1.pdf">Der Plan als PDF, Fassung v2026.1</a>' in start
    assert ('<a href="downloads/sozialraumplan-musterstadt-v2026.1-synopse.html">Die Synopse der Fassung v2026.1</a>'
            in start)
    downloads = git(ziel, "show", "gh-pages:v2026.1/downloads/index.html")
    assert '<a href="sozialraumplan-musterstadt-v2026.1.pdf">Der Plan als PDF, Fassung v2026.1</a>' in downloads
    assert '<a href="sozialraumplan-musterstadt-v2026.1-synopse.html">' in downloads
    assert "ohne Veröffentlichung gebaut" not in start + downloads


def test_ein_veralteter_bau_ueberschreibt_keine_neuere_veroeffentlichung(gh_pages, tmp_path_factory):
    ziel, laeufer, repo = gh_pages
    git(repo, "fetch", "--quiet", "origin", "+refs/heads/gh-pages:refs/remotes/origin/gh-pages")
    arbeitsordner = bauen_und_ablegen(repo, tmp_path_factory)  # built on the published state …
    baum = git(ziel, "rev-parse", "gh-pages^{tree}")
    neuer = git(ziel, "commit-tree", baum, "-p", "gh-pages", "-m", "Deployed to entwurf")
    git(ziel, "update-ref", "refs/heads/gh-pages", neuer)  # … which main's draft has moved on meanwhile

    lauf = pushen(arbeitsordner, laeufer)

    assert lauf.returncode == 1
    assert "::error::gh-pages hat sich seit dem Bau geändert. Bitte den Lauf neu starten." in lauf.stdout
    assert git(ziel, "rev-parse", "gh-pages") == neuer
