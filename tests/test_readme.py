"""README.md: every command in its code blocks runs and does what its comment says.

The commands run as a shell runs them, in a copy of this repository as it is now (every file git
tracks or would track) with two Fortschreibungen, as the README's examples assume: `v2025.1`,
then a change to M003, then `v2026.1`. The copy uses this checkout's Python environment and
axe-core; the set-up in the copy must find them ready, so nothing is installed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, im_terminal

README = (REPO / "README.md").read_text(encoding="utf-8")

MAKE_SITE = "make site"
MAKE_TEST = "make test"
VALIDATE = ".venv/bin/sozialraumplan validate"
DIFF = ".venv/bin/sozialraumplan diff v2025.1 v2026.1"
DIFF_JSON = ".venv/bin/sozialraumplan diff v2026.1 --format json"
SYNOPSE = ".venv/bin/sozialraumplan synopse v2025.1 v2026.1"
RELEASE = ".venv/bin/sozialraumplan release --tag v2026.1"
EXPORT = ".venv/bin/sozialraumplan export"
NEU = ".venv/bin/sozialraumplan neu massnahme"
LINT = ".venv/bin/sozialraumplan lint-leichte-sprache"
SCHEMA = ".venv/bin/sozialraumplan schema"
CODEOWNERS = ".venv/bin/sozialraumplan codeowners"
SEITEN = ".venv/bin/sozialraumplan seiten --ziel dist/seiten"

GIT_UMGEBUNG = {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
                "GIT_AUTHOR_NAME": "Sozialplanung", "GIT_AUTHOR_EMAIL": "sozialplanung@example.org",
                "GIT_COMMITTER_NAME": "Sozialplanung", "GIT_COMMITTER_EMAIL": "sozialplanung@example.org"}
EINST = 946_684_800
"""2000-01-01: the time the copied pyproject.toml and requirements.lock get, so the set-up sees the
environment of this checkout as installed from them and installs nothing."""


def befehle(markdown: str) -> list[str]:
    """Every command in the Markdown's ```sh blocks, without its comment."""
    return [re.sub(r"\s+#.*$", "", zeile).strip()
            for block in re.findall(r"^```sh\n(.*?)^```", markdown, re.MULTILINE | re.DOTALL)
            for zeile in block.splitlines() if zeile.strip()]


def git(ordner: Path, *argumente: str) -> str:
    return subprocess.run(["git", "-C", str(ordner), *argumente], check=True, capture_output=True, text=True,
                          env={**os.environ, **GIT_UMGEBUNG}).stdout


def ausfuehren(befehl: str, ordner: Path, **umgebung: str) -> subprocess.CompletedProcess:
    """A line of the README, run by the shell in `ordner`."""
    return subprocess.run(befehl, shell=True, cwd=ordner, capture_output=True, text=True, timeout=900,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **umgebung})


def unveraendert(ordner: Path) -> bool:
    """Nothing to commit: every file a command wrote is the same as before, or ignored."""
    return git(ordner, "status", "--porcelain") == ""


@pytest.fixture(scope="module")
def klon(tmp_path_factory) -> Path:
    """This repository as it is, committed as v2025.1 (M003 at 40 %) and v2026.1 (as it is now)."""
    ziel = tmp_path_factory.mktemp("readme") / "sozialraumplan"
    for pfad in git(REPO, "ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0"):
        quelle = REPO / pfad
        if pfad and (quelle.is_file() or quelle.is_symlink()):
            (ziel / pfad).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(quelle, ziel / pfad, follow_symlinks=False)
    (ziel / ".venv").symlink_to(REPO / ".venv")
    if (REPO / "node_modules").is_dir():
        shutil.copytree(REPO / "node_modules", ziel / "node_modules", symlinks=True)  # with their times
    for datei in ("pyproject.toml", "requirements.lock"):
        os.utime(ziel / datei, (EINST, EINST))
    git(ziel, "init", "--quiet", "--initial-branch=main")
    (ziel / ".git/info/exclude").write_text(".venv\n", encoding="utf-8")  # the link; .gitignore has the folder
    massnahme = ziel / "plan/massnahmen/M003.yml"
    heute = massnahme.read_text(encoding="utf-8")
    massnahme.write_text(re.sub(r"(?m)^fortschritt: \d+$", "fortschritt: 40", heute), encoding="utf-8")
    git(ziel, "add", "--all")
    git(ziel, "commit", "--quiet", "-m", "Erste Fortschreibung")
    git(ziel, "tag", "-a", "v2025.1", "-m", "Fortschreibung v2025.1")
    massnahme.write_text(heute, encoding="utf-8")
    git(ziel, "commit", "--quiet", "--allow-empty", "-am", "Zweite Fortschreibung")
    git(ziel, "tag", "-a", "v2026.1", "-m", "Fortschreibung v2026.1")
    return ziel


@pytest.fixture
def kopie(klon, tmp_path) -> Path:
    """A copy of the repository for a command that changes the plan."""
    ziel = tmp_path / "sozialraumplan"
    shutil.copytree(klon, ziel, symlinks=True, ignore=shutil.ignore_patterns("site", "dist", "node_modules"))
    return ziel


def test_jede_zeile_der_code_bloecke_ist_hier_geprueft():
    assert befehle(README) == [MAKE_SITE, MAKE_TEST, VALIDATE, DIFF, DIFF_JSON, SYNOPSE, RELEASE, EXPORT,
                               NEU, LINT, SCHEMA, CODEOWNERS, SEITEN]


# --- Befehle -----------------------------------------------------------------------------------


def test_validate_prueft_alles(klon):
    lauf = ausfuehren(VALIDATE, klon)
    assert lauf.returncode == 0, lauf.stderr
    assert lauf.stdout.splitlines()[-1].startswith("Plan gültig: 6 Leitlinien")


def test_diff_zeigt_was_sich_zwischen_zwei_fortschreibungen_geaendert_hat(klon):
    lauf = ausfuehren(DIFF, klon)
    assert lauf.returncode == 0, lauf.stderr
    assert "M003" in lauf.stdout and "40" in lauf.stdout and "60" in lauf.stdout


def test_diff_als_json_gegen_den_arbeitsstand(klon):
    lauf = ausfuehren(DIFF_JSON, klon)
    assert lauf.returncode == 0, lauf.stderr
    daten = json.loads(lauf.stdout)
    assert daten["basis"]["name"] == "v2026.1"
    assert all(not teile for art in daten.values() if isinstance(art, dict) and "neu" in art
               for teile in (art["neu"], art["geaendert"], art["entfallen"]))


def test_synopse_stellt_zwei_fortschreibungen_nebeneinander(klon):
    lauf = ausfuehren(SYNOPSE, klon)
    assert lauf.returncode == 0, lauf.stderr
    assert lauf.stdout.startswith('<!DOCTYPE html>\n<html lang="de">')
    assert "<h1>Synopse v2025.1 – v2026.1</h1>" in lauf.stdout
    assert "M003" in lauf.stdout and "(geändert)" in lauf.stdout


def test_release_schreibt_die_dateien_der_fortschreibung_nach_dist(klon):
    assert unveraendert(klon), "ein Release verlangt einen unveränderten Arbeitsordner"
    lauf = ausfuehren(RELEASE, klon)
    assert lauf.returncode == 0, lauf.stderr
    namen = {p.name for p in (klon / "dist").iterdir()}
    assert {"sozialraumplan-erfurt-v2026.1.pdf", "sozialraumplan-erfurt-v2026.1-website.zip",
            "sozialraumplan-erfurt-v2026.1-aenderungen.md", "sozialraumplan-erfurt-v2026.1-aenderungen.json",
            "sozialraumplan-erfurt-v2026.1-plan.json", "sozialraumplan-erfurt-v2026.1-synopse.html"} <= namen
    assert unveraendert(klon)


def test_export_schreibt_die_offenen_daten_nach_dist(klon):
    lauf = ausfuehren(EXPORT, klon)
    assert lauf.returncode == 0, lauf.stderr
    for name in ("plan.json", "massnahmen.csv"):
        assert (klon / "dist/daten" / name).is_file()
        assert f"geschrieben: dist/daten/{name}" in lauf.stdout.splitlines()
    assert unveraendert(klon), "die offenen Daten landen in einem ignorierten Ordner"


def test_seiten_schreibt_die_website_als_markdown_nach_dist(klon):
    lauf = ausfuehren(SEITEN, klon)
    assert lauf.returncode == 0, lauf.stderr
    assert (klon / "dist/seiten/mkdocs.yml").is_file()
    assert "# Quartiersarbeit verstetigen" in (klon / "dist/seiten/docs/massnahmen/M001.md").read_text(encoding="utf-8")
    assert unveraendert(klon), "die Seiten landen in einem ignorierten Ordner"


def test_neu_legt_eine_massnahme_mit_der_naechsten_freien_kennung_an(kopie):
    naechste = max(int(p.stem[1:]) for p in (kopie / "plan/massnahmen").glob("M*.yml")) + 1
    antworten = [
        "Spielplatz an der Gera erneuern",                     # titel
        "L1",                                                  # leitlinien
        "altstadt",                                            # stadtteile
        "Der Spielplatz wird mit den Kindern neu geplant.", "",  # beschreibung, eine leere Zeile beendet sie
        "Der Spiel-Platz wird neu.", "",                       # leichte_sprache
        "",                                                    # titel_leichte_sprache: freiwillig
        "Garten- und Friedhofsamt",                            # verantwortlich
        "",                                                    # beteiligte: freiwillig
        "2026-04", "",                                         # beginn, ende (freiwillig)
        "", "",                                                # status, fortschritt: Vorgaben
        "mittel", "Städtebauförderung", "begleitgremium",      # prioritaet, finanzierung, gremium
        "",                                                    # zuletzt_geprueft: heute
    ]
    lauf = im_terminal(NEU, antworten, shell=True, cwd=kopie)
    assert lauf.returncode == 0, lauf.stderr
    assert f"Angelegt: plan/massnahmen/M{naechste:03d}.yml" in lauf.stdout
    assert ausfuehren(VALIDATE, kopie).returncode == 0


def test_lint_leichte_sprache_findet_keinen_fehler(klon):
    lauf = ausfuehren(LINT, klon)
    assert lauf.returncode == 0, lauf.stdout
    assert re.search(r"^Leichte Sprache: \d+ Texte geprüft, 0 Fehler", lauf.stdout, re.MULTILINE)


@pytest.mark.parametrize("befehl", [SCHEMA, CODEOWNERS])
def test_erzeugte_dateien_sind_eingecheckt_wie_sie_erzeugt_werden(kopie, befehl):
    lauf = ausfuehren(befehl, kopie)
    assert lauf.returncode == 0, lauf.stderr
    assert unveraendert(kopie), git(kopie, "status", "--porcelain")


# --- make ----------------------------------------------------------------------------------------


def ohne_neue_einrichtung() -> None:
    """Skip unless the set-up in the copy would find everything ready: it must never install."""
    if not (REPO / ".venv/.installed").is_file():
        pytest.skip("In diesem Checkout lief „make site“ noch nie; die Einrichtung würde installieren.")


def test_make_site_baut_die_website(klon):
    ohne_neue_einrichtung()
    lauf = ausfuehren(MAKE_SITE, klon, PYTHON=sys.executable)
    assert lauf.returncode == 0, lauf.stdout + lauf.stderr
    assert (klon / "site/index.html").is_file() and (klon / "site/massnahmen/M003.html").is_file()
    assert unveraendert(klon)


def test_make_test_richtet_ein_und_startet_die_tests(klon):
    """Inside the suite, the suite is collected, not run again."""
    ohne_neue_einrichtung()
    fehlt = [name for name in ("npm", "chromium") if shutil.which(name) is None]
    fehlt += [paket for paket in ("fonts-dejavu-core", "poppler-utils")
              if subprocess.run(["dpkg", "-s", paket], capture_output=True).returncode != 0]
    if fehlt or not (REPO / "node_modules/.package-lock.json").is_file():
        pytest.skip(f"Die Einrichtung würde installieren: {', '.join(fehlt) or 'axe-core'}")
    lauf = ausfuehren(MAKE_TEST, klon, PYTHON=sys.executable,
                      PYTEST_ADDOPTS="--collect-only -q -p no:cacheprovider")
    assert lauf.returncode == 0, lauf.stdout + lauf.stderr
    assert re.search(r"^\d+ tests collected", lauf.stdout, re.MULTILINE), lauf.stdout[-2000:]
    assert "tests/test_readme.py::test_make_test_richtet_ein_und_startet_die_tests" in lauf.stdout


# --- Beispiele im Text ---------------------------------------------------------------------------


def test_die_beispielmeldung_ist_die_echte_meldung_fuer_diesen_fehler(kopie):
    [meldung] = re.findall(r"`(plan/massnahmen/M003\.yml:\d+:\d+: [^`]+)`", README)
    massnahme = kopie / "plan/massnahmen/M003.yml"
    text = massnahme.read_text(encoding="utf-8")
    assert re.search(r"(?m)^prioritaet: \w+$", text)
    massnahme.write_text(re.sub(r"(?m)^prioritaet: \w+$", "prioritaet: dringend", text), encoding="utf-8")
    lauf = ausfuehren(VALIDATE, kopie)
    assert lauf.returncode == 1
    assert meldung in lauf.stderr.splitlines(), lauf.stderr


def test_kein_pfad_eines_bestimmten_rechners_in_den_readmes():
    for datei in ("README.md", "data/README.md"):
        text = (REPO / datei).read_text(encoding="utf-8")
        assert not re.search(r"(?<![\w.])/(work|home|Users|root|tmp)/", text), datei
