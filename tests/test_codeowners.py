"""Who must review what: `.github/CODEOWNERS` is derived from `.github/teams.yml`."""

from __future__ import annotations

from pathlib import Path

import pytest

from sozialraumplan.befehle.codeowners import CODEOWNERS_DATEI, TEAMS_DATEI, Zustaendigkeit, codeowners_text, konfiguration_laden
from sozialraumplan.cli import main

REPO = Path(__file__).resolve().parents[1]

KLEINE_KONFIGURATION = """\
organisation: musterstadt
teams:
  technik: web-team
  gremium: begleitgremium
zustaendigkeiten:
  - muster: "*"
    teams: [technik]
    grund: Alles andere
  - muster: /plan/
    teams: [gremium, technik]
    grund: Inhalte des Plans
"""


def passt(muster: str, pfad: str) -> bool:
    """GitHub's reading of the forms in use: `*`, a folder `/docs/`, a file (or folder) `/mkdocs.yml`."""
    pfad = "/" + pfad
    return muster == "*" or pfad.startswith(muster if muster.endswith("/") else muster + "/") or pfad == muster


def wer_prueft(codeowners: str, pfad: str) -> list[str]:
    """The last matching line names the owners."""
    besitzer: list[str] = []
    for zeile in codeowners.splitlines():
        if not zeile.strip() or zeile.startswith("#"):
            continue
        muster, *teams = zeile.split()
        if passt(muster, pfad):
            besitzer = teams
    return besitzer


def test_die_eingecheckte_codeowners_datei_passt_zu_den_teams():
    konfig, befunde = konfiguration_laden(REPO)

    assert befunde == []
    assert (REPO / CODEOWNERS_DATEI).read_text(encoding="utf-8") == codeowners_text(konfig), (
        f"{CODEOWNERS_DATEI} ist veraltet — führen Sie „sozialraumplan codeowners“ aus")


@pytest.mark.parametrize(("pfad", "team"), [
    ("plan/massnahmen/M014.yml", "@sozialraumplan/begleitgremium"),
    ("plan/leitlinien/L1.yml", "@sozialraumplan/begleitgremium"),
    ("data/stadtteile.csv", "@sozialraumplan/statistikstelle"),
    ("src/sozialraumplan/model.py", "@sozialraumplan/sozialraumplan-maintainer"),
    (".github/workflows/pr.yml", "@sozialraumplan/sozialraumplan-maintainer"),
    ("mkdocs.yml", "@sozialraumplan/sozialraumplan-maintainer"),
    ("datenschutz/plan/x.md", "@sozialraumplan/sozialraumplan-maintainer"),  # /plan/ is the top folder only
    ("tests/test_export.py", "@sozialraumplan/sozialraumplan-maintainer"),
])
def test_plan_pruefen_das_begleitgremium_daten_die_statistikstelle_code_die_maintainer(pfad, team):
    assert wer_prueft((REPO / CODEOWNERS_DATEI).read_text(encoding="utf-8"), pfad) == [team]


CODE = ["docs/index.md", "docs/mitmachen.md", "macros/seiten.py", "overrides/main.html", "mkdocs.yml",
        "src/sozialraumplan/render/text.py", "scripts/setup.sh", "Makefile", "pyproject.toml", "requirements.lock",
        "package.json", "package-lock.json", ".github/workflows/release.yml", ".github/CODEOWNERS", ".github/teams.yml"]
"""Hand-written pages (they may call Jinja macros), macros, templates, configuration, build and workflows."""


@pytest.mark.parametrize("pfad", CODE)
def test_code_und_handgeschriebene_seiten_pruefen_nur_die_maintainer(pfad):
    assert wer_prueft((REPO / CODEOWNERS_DATEI).read_text(encoding="utf-8"), pfad) == [
        "@sozialraumplan/sozialraumplan-maintainer"]


def test_die_regel_fuer_code_steht_zuletzt_damit_keine_regel_fuer_inhalte_sie_aufhebt():
    konfig, _ = konfiguration_laden(REPO)
    letzte = konfig.zustaendigkeiten[-1]
    assert letzte.teams == ["maintainer"]
    for ordner in ("/docs/", "/macros/", "/overrides/", "/mkdocs.yml", "/src/", "/.github/"):
        assert ordner in letzte.alle_muster
    # a content rule added among the others, say for the Begleitgremium's pages, does not win
    inhalt = Zustaendigkeit(muster="/docs/", teams=["begleitgremium"], grund="Seiten des Gremiums")
    mehr = konfig.model_copy(update={"zustaendigkeiten": [*konfig.zustaendigkeiten[:-1], inhalt, letzte]})
    assert wer_prueft(codeowners_text(mehr), "docs/index.md") == ["@sozialraumplan/sozialraumplan-maintainer"]


def test_der_befehl_schreibt_codeowners_mit_begruendung_je_regel(tmp_path, capsys):
    (tmp_path / ".github").mkdir()
    (tmp_path / TEAMS_DATEI).write_text(KLEINE_KONFIGURATION, encoding="utf-8")

    assert main(["--wurzel", str(tmp_path), "codeowners"]) == 0

    text = (tmp_path / CODEOWNERS_DATEI).read_text(encoding="utf-8")
    assert "# Inhalte des Plans\n/plan/ @musterstadt/begleitgremium @musterstadt/web-team\n" in text
    assert text.index("* @musterstadt/web-team") < text.index("/plan/")
    assert wer_prueft(text, "plan/plan.yml") == ["@musterstadt/begleitgremium", "@musterstadt/web-team"]
    assert f"{CODEOWNERS_DATEI} geschrieben" in capsys.readouterr().out


def test_mehrere_muster_einer_regel_und_einzelne_dateien(tmp_path):
    (tmp_path / ".github").mkdir()
    (tmp_path / TEAMS_DATEI).write_text(KLEINE_KONFIGURATION + """\
  - muster: [/docs/, /mkdocs.yml]
    teams: [technik]
    grund: Seiten und Einstellungen
""", encoding="utf-8")

    assert main(["--wurzel", str(tmp_path), "codeowners"]) == 0

    text = (tmp_path / CODEOWNERS_DATEI).read_text(encoding="utf-8")
    assert text.endswith("# Seiten und Einstellungen\n"
                         "/docs/ @musterstadt/web-team\n/mkdocs.yml @musterstadt/web-team\n")
    assert wer_prueft(text, "mkdocs.yml") == wer_prueft(text, "docs/index.md") == ["@musterstadt/web-team"]


def test_ein_falsches_muster_in_einer_liste_wird_mit_seiner_stelle_gemeldet(tmp_path, capsys):
    (tmp_path / ".github").mkdir()
    (tmp_path / TEAMS_DATEI).write_text(KLEINE_KONFIGURATION + """\
  - muster: [/docs/, docs/*.md]
    teams: [technik]
    grund: Seiten
""", encoding="utf-8")

    assert main(["--wurzel", str(tmp_path), "codeowners"]) == 1

    assert ".github/teams.yml:12:22: Das Muster „docs/*.md“ ist nicht vorgesehen" in capsys.readouterr().err


def test_ein_unbekanntes_team_und_ein_fremdes_muster_werden_mit_zeile_gemeldet(tmp_path, capsys):
    (tmp_path / ".github").mkdir()
    (tmp_path / TEAMS_DATEI).write_text(
        KLEINE_KONFIGURATION.replace("teams: [gremium, technik]", "teams: [gremium, statistik]")
        .replace('muster: "*"', "muster: src/*.py"), encoding="utf-8")

    assert main(["--wurzel", str(tmp_path), "codeowners"]) == 1

    fehler = capsys.readouterr().err
    assert ".github/teams.yml:6:13: Das Muster „src/*.py“ ist nicht vorgesehen" in fehler
    assert (".github/teams.yml:10:22: Das Team „statistik“ steht nicht unter „teams“ — "
            "vorhanden sind: technik, gremium") in fehler
    assert not (tmp_path / CODEOWNERS_DATEI).exists()


def test_ein_tippfehler_in_einem_schluessel_wird_auf_deutsch_erklaert(tmp_path, capsys):
    (tmp_path / ".github").mkdir()
    (tmp_path / TEAMS_DATEI).write_text(KLEINE_KONFIGURATION.replace("grund: Alles andere", "gruend: Alles"),
                                        encoding="utf-8")

    assert main(["--wurzel", str(tmp_path), "codeowners"]) == 1

    assert "Unbekannte Angabe „gruend“ — meinten Sie „grund“?" in capsys.readouterr().err
