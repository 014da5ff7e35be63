"""Every command finds the plan repository from any folder inside it, as git does.

An editor's terminal is often open in `plan/massnahmen/`. Without `--wurzel`, a command walks up
from the current folder to the first one with `mkdocs.yml` and `plan/`, and then does exactly
what it does from there. Paths inside the project (`plan/`, `dist/`, `schemas/`) count from that
root; paths typed on the command line (`--ziel daten/`, `-o aenderungen.md`) count from the
current folder, as in every other program.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import REPO, website_kopieren
from fixtures.diff.planrepo import Planrepo

from sozialraumplan.cli import main

UNTERORDNER = "plan/massnahmen"

NEUE_MASSNAHME = [
    "neu", "massnahme",
    "--titel", "Spielplatz an der Gera erneuern",
    "--leitlinie", "L1",
    "--stadtteil", "nord",
    "--beschreibung", "Der Spielplatz wird mit den Kindern des Viertels neu geplant.",
    "--leichte-sprache", "Der Spiel-Platz wird neu.",
    "--verantwortlich", "Grünflächenamt",
    "--beginn", "2026-04",
    "--prioritaet", "mittel",
    "--finanzierung", "Städtebauförderung",
    "--gremium", "begleitgremium",
]


@dataclass
class Lauf:
    code: int
    out: str
    err: str
    geschrieben: dict[str, bytes]
    """Files new or changed by the command, by path in the repository."""


@pytest.fixture
def repo(kleinstadt) -> Planrepo:
    """Musterstadt with its site and teams, tagged v2025.1; then M002 changed on disk, not committed."""
    website_kopieren(kleinstadt.wurzel)
    shutil.copy(REPO / ".github/teams.yml", kleinstadt.schreiben(".github/teams.yml", ""))
    kleinstadt.schreiben(".gitignore", "dist/\nsite/\n")
    repo = Planrepo.erste_fassung(kleinstadt)
    repo.ersetzen("plan/massnahmen/M002.yml", "status: geplant", "status: in_umsetzung")
    return repo


def dateien(wurzel: Path) -> dict[str, bytes]:
    return {p.relative_to(wurzel).as_posix(): p.read_bytes() for p in sorted(wurzel.rglob("*"))
            if p.is_file() and ".git" not in p.relative_to(wurzel).parts}


def ausfuehren(wurzel: Path, ordner: str, argumente: list[str], monkeypatch, capsys) -> Lauf:
    """`sozialraumplan ARGUMENTE` typed in `ordner` of the repository, without --wurzel."""
    vorher = dateien(wurzel)
    monkeypatch.chdir(wurzel / ordner)
    code = main(argumente)
    ausgabe = capsys.readouterr()
    nachher = dateien(wurzel)
    geaendert = {p: inhalt for p, inhalt in nachher.items() if vorher.get(p) != inhalt}
    return Lauf(code, ausgabe.out.replace(str(wurzel), "<wurzel>"), ausgabe.err.replace(str(wurzel), "<wurzel>"),
                geaendert)


def kopie(repo: Planrepo, name: str) -> Path:
    ziel = repo.wurzel.parent / name
    shutil.copytree(repo.wurzel, ziel, symlinks=True)
    return ziel


@pytest.mark.parametrize("argumente", [
    ["validate"],
    ["diff", "v2025.1"],
    ["diff", "v2025.1", "HEAD", "--format", "json"],
    ["diff", "v2024.9"],
    ["release"],
    ["release", "--tag", "v2026.1"],
    ["export"],
    NEUE_MASSNAHME,
    ["lint-leichte-sprache"],
    ["schema"],
    ["codeowners"],
], ids=lambda a: " ".join(a[:2]))
def test_jeder_befehl_arbeitet_in_plan_massnahmen_wie_in_der_wurzel(repo, argumente, monkeypatch, capsys):
    oben = ausfuehren(kopie(repo, "oben"), ".", argumente, monkeypatch, capsys)
    unten = ausfuehren(kopie(repo, "unten"), UNTERORDNER, argumente, monkeypatch, capsys)
    assert unten == oben


def test_aus_dem_unterordner_sieht_jeder_befehl_den_ganzen_plan(repo, monkeypatch, capsys):
    """What went wrong before the root was searched: false errors, no changes, files in the wrong place."""
    assert ausfuehren(repo.wurzel, UNTERORDNER, ["validate"], monkeypatch, capsys).code == 0
    aenderungen = ausfuehren(repo.wurzel, UNTERORDNER, ["diff", "v2025.1"], monkeypatch, capsys)
    assert "#### M002 – Sozialatlas fortschreiben\n\n- Status: geplant → in Umsetzung" in aenderungen.out
    neu = ausfuehren(repo.wurzel, UNTERORDNER, NEUE_MASSNAHME, monkeypatch, capsys)
    assert (neu.code, neu.out.splitlines()[-1]) == (0, "Angelegt: plan/massnahmen/M003.yml")
    assert list(neu.geschrieben) == ["plan/massnahmen/M003.yml"]
    schemas = ausfuehren(repo.wurzel, UNTERORDNER, ["schema"], monkeypatch, capsys)
    assert schemas.geschrieben and all(p.startswith("schemas/") for p in schemas.geschrieben)


def test_ein_ordner_fuer_die_offenen_daten_gilt_ab_dem_aktuellen_ordner(repo, monkeypatch, capsys):
    lauf = ausfuehren(repo.wurzel, UNTERORDNER, ["export", "--ziel", "daten/"], monkeypatch, capsys)
    assert lauf.code == 0
    assert "plan/massnahmen/daten/plan.json" in lauf.geschrieben
    assert "geschrieben: plan/massnahmen/daten/plan.json" in lauf.out.splitlines()


def test_ohne_ziel_landen_die_offenen_daten_in_dist_der_wurzel(repo, monkeypatch, capsys):
    lauf = ausfuehren(repo.wurzel, UNTERORDNER, ["export"], monkeypatch, capsys)
    assert lauf.code == 0 and "dist/daten/plan.json" in lauf.geschrieben
    assert "geschrieben: dist/daten/plan.json" in lauf.out.splitlines()


def test_die_ausgabedatei_des_vergleichs_gilt_ab_dem_aktuellen_ordner(repo, monkeypatch, capsys):
    lauf = ausfuehren(repo.wurzel, UNTERORDNER, ["diff", "v2025.1", "--format", "html", "-o", "aenderungen.html"],
                      monkeypatch, capsys)
    assert lauf.code == 0 and list(lauf.geschrieben) == ["plan/massnahmen/aenderungen.html"]
    assert "M002" in lauf.geschrieben["plan/massnahmen/aenderungen.html"].decode("utf-8")


def test_leichte_sprache_prueft_die_genannte_datei_im_aktuellen_ordner(repo, monkeypatch, capsys):
    zu_lang = "Die Stadt baut in jedem Jahr ganz viele neue Häuser für alle Menschen in allen Teilen der großen Stadt."
    repo.ersetzen("plan/massnahmen/M001.yml", "leichte_sprache: |\n", f"leichte_sprache: |\n  {zu_lang}\n")
    unten = ausfuehren(repo.wurzel, UNTERORDNER, ["lint-leichte-sprache", "M001.yml"], monkeypatch, capsys)
    oben = ausfuehren(repo.wurzel, ".", ["lint-leichte-sprache", "plan/massnahmen/M001.yml"], monkeypatch, capsys)
    assert unten == oben
    assert unten.code == 1 and unten.out.startswith("plan/massnahmen/M001.yml:")
    assert unten.out.splitlines()[-1].startswith("Leichte Sprache: 1 Text geprüft, 1 Fehler")


def test_eine_fehlende_datei_fuer_leichte_sprache_wird_mit_ihrem_pfad_gemeldet(repo, monkeypatch, capsys):
    lauf = ausfuehren(repo.wurzel, UNTERORDNER, ["lint-leichte-sprache", "M999.yml"], monkeypatch, capsys)
    assert lauf.code == 1
    assert lauf.out.startswith("plan/massnahmen/M999.yml:1:1: Leichte Sprache: diesen Ordner oder diese YAML- "
                               "oder Markdown-Datei gibt es nicht — prüfen Sie den Pfad; er gilt ab dem "
                               "aktuellen Ordner")


def test_pre_block_liest_die_datei_im_aktuellen_ordner_auch_ausserhalb_eines_repositorys(tmp_path, monkeypatch,
                                                                                      capsys):
    (tmp_path / "befunde.txt").write_text("plan/plan.yml:1:1: <b>fett</b>\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["pre-block", "befunde.txt"]) == 0
    assert capsys.readouterr().out == "<pre>\nplan/plan.yml:1:1: &lt;b&gt;fett&lt;/b&gt;\n</pre>\n"


def test_ausserhalb_eines_plan_repositorys_sagt_der_befehl_wo_er_gesucht_hat(tmp_path, monkeypatch, capsys):
    ordner = tmp_path / "irgendwo"
    (ordner / "plan").mkdir(parents=True)  # plan/ alone is not enough: mkdocs.yml belongs to a plan repository
    monkeypatch.chdir(ordner)
    assert main(["validate"]) == 2
    assert capsys.readouterr().err == (
        f"Fehler: Kein Plan-Repository gefunden: Weder {ordner} noch ein Ordner darüber enthält mkdocs.yml "
        "und den Ordner plan/. Wechseln Sie in den Ordner des Repositorys (oder einen Ordner darin) oder "
        "nennen Sie ihn mit „sozialraumplan --wurzel ORDNER …“\n")


def test_wurzel_ausdruecklich_genannt_gilt_ab_dem_aktuellen_ordner(repo, monkeypatch, capsys):
    monkeypatch.chdir(repo.wurzel / UNTERORDNER)
    assert main(["--wurzel", "../..", "validate"]) == 0
    assert capsys.readouterr().out.startswith("Plan gültig:")


def test_ein_release_aus_dem_unterordner_schreibt_nach_dist_in_der_wurzel(repo, monkeypatch, capsys):
    repo.fassung("Zweite Fortschreibung", tag="v2026.1")
    lauf = ausfuehren(repo.wurzel, UNTERORDNER, ["release"], monkeypatch, capsys)
    assert lauf.code == 0, lauf.err
    assert "dist/sozialraumplan-musterstadt-v2026.1.pdf" in lauf.geschrieben
    assert "dist/sozialraumplan-musterstadt-v2026.1-website.zip" in lauf.geschrieben
    assert "geschrieben: dist/sozialraumplan-musterstadt-v2026.1.pdf" in lauf.out.splitlines()
    assert all(p.startswith("dist/") for p in lauf.geschrieben)
