"""Who must review what: `.github/CODEOWNERS` is derived from `.github/teams.yml`."""

from __future__ import annotations

from pathlib import Path

import pytest

from sozialraumplan.befehle.codeowners import CODEOWNERS_DATEI, TEAMS_DATEI, codeowners_text, konfiguration_laden
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


def wer_prueft(codeowners: str, pfad: str) -> list[str]:
    """GitHub's rule for the two pattern forms in use: the last matching line names the owners."""
    besitzer: list[str] = []
    for zeile in codeowners.splitlines():
        if not zeile.strip() or zeile.startswith("#"):
            continue
        muster, *teams = zeile.split()
        if muster == "*" or ("/" + pfad).startswith(muster):
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
])
def test_plan_pruefen_das_begleitgremium_daten_die_statistikstelle_code_die_maintainer(pfad, team):
    assert wer_prueft((REPO / CODEOWNERS_DATEI).read_text(encoding="utf-8"), pfad) == [team]


def test_der_befehl_schreibt_codeowners_mit_begruendung_je_regel(tmp_path, capsys):
    (tmp_path / ".github").mkdir()
    (tmp_path / TEAMS_DATEI).write_text(KLEINE_KONFIGURATION, encoding="utf-8")

    assert main(["--wurzel", str(tmp_path), "codeowners"]) == 0

    text = (tmp_path / CODEOWNERS_DATEI).read_text(encoding="utf-8")
    assert "# Inhalte des Plans\n/plan/ @musterstadt/begleitgremium @musterstadt/web-team\n" in text
    assert text.index("* @musterstadt/web-team") < text.index("/plan/")
    assert wer_prueft(text, "plan/plan.yml") == ["@musterstadt/begleitgremium", "@musterstadt/web-team"]
    assert f"{CODEOWNERS_DATEI} geschrieben" in capsys.readouterr().out


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
