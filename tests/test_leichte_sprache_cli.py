"""`sozialraumplan lint-leichte-sprache`: output format, exit codes and which files it reads."""

from __future__ import annotations

import shutil
from pathlib import Path

from sozialraumplan.befund import nur_fehler
from sozialraumplan.cli import main
from sozialraumplan.leichte_sprache.linter import eigennamen, pfade_pruefen
from sozialraumplan.quelle import Ordner

FIXTURES = Path(__file__).parent / "fixtures" / "leichte_sprache"
REPOSITORY = Path(__file__).parent.parent


def schreiben(wurzel: Path, pfad: str, inhalt: str) -> None:
    datei = wurzel / pfad
    datei.parent.mkdir(parents=True, exist_ok=True)
    datei.write_text(inhalt, encoding="utf-8")


def test_fehler_geben_status_1_und_jede_zeile_nennt_datei_zeile_regel_und_hinweis(tmp_path, capsys):
    shutil.copytree(FIXTURES, tmp_path, dirs_exist_ok=True)
    assert main(["--wurzel", str(tmp_path), "lint-leichte-sprache"]) == 1
    ausgabe = capsys.readouterr().out.splitlines()
    assert ausgabe == [
        "plan/glossar.yml:11:11: Zusammensetzung: „Sozialraumarbeit“ ist ein langes Wort aus "
        "3 Teilen — schreiben Sie es mit Bindestrich: „Sozialraum-Arbeit“",
        "plan/massnahmen/M003.yml:11:3: Satzlänge: 11 Wörter (besser höchstens 10) — "
        "teilen Sie den Satz, wenn es geht (Warnung)",
        "plan/massnahmen/M003.yml:14:3: Satzlänge: 17 Wörter (höchstens 15) — "
        "teilen Sie den Satz in zwei Sätze",
        "Leichte Sprache: 4 Texte geprüft, 2 Fehler, 1 Warnung.",
    ]


def test_warnungen_werden_gezeigt_aber_der_status_bleibt_0(tmp_path, capsys):
    schreiben(tmp_path, "plan/leitlinien/L1.yml", "leichte_sprache: |\n  Das ist nicht leicht.\n")
    assert main(["--wurzel", str(tmp_path), "lint-leichte-sprache"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "plan/leitlinien/L1.yml:2:11: Verneinung: „nicht“ — sagen Sie es positiv, wenn es geht: "
        "„Das ist schwer.“ statt „Das ist nicht leicht.“ (Warnung)",
        "Leichte Sprache: 1 Text geprüft, 0 Fehler, 1 Warnung.",
    ]


def test_nur_genannte_pfade_werden_geprueft(tmp_path, capsys, monkeypatch):
    shutil.copytree(FIXTURES, tmp_path, dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)  # paths on the command line count from the current folder
    assert main(["--wurzel", str(tmp_path), "lint-leichte-sprache", "docs", "plan/glossar.yml"]) == 1
    ausgabe = capsys.readouterr().out.splitlines()
    assert [zeile.split(":")[0] for zeile in ausgabe[:-1]] == ["plan/glossar.yml"]
    assert ausgabe[-1] == "Leichte Sprache: 3 Texte geprüft, 1 Fehler, 0 Warnungen."


def test_markdown_ausserhalb_von_leichte_sprache_ist_keine_ls_seite(tmp_path, capsys, monkeypatch):
    schreiben(tmp_path, "docs/plan.md", "Die Planung des Stadtteils wird geprüft.\n")
    monkeypatch.chdir(tmp_path)
    assert main(["--wurzel", str(tmp_path), "lint-leichte-sprache", "docs"]) == 0
    assert "0 Texte geprüft" in capsys.readouterr().out
    assert main(["--wurzel", str(tmp_path), "lint-leichte-sprache", "docs/plan.md"]) == 1
    assert "docs/plan.md:1:13: Genitiv" in capsys.readouterr().out


def test_fehlender_pfad_ist_ein_fehler(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["--wurzel", str(tmp_path), "lint-leichte-sprache", "plan/gibt-es-nicht.yml"]) == 1
    assert capsys.readouterr().out.startswith("plan/gibt-es-nicht.yml:1:1: Leichte Sprache: ")


def test_ohne_plan_und_seiten_gibt_es_nichts_zu_melden(tmp_path, capsys):
    assert main(["--wurzel", str(tmp_path), "lint-leichte-sprache"]) == 0
    assert capsys.readouterr().out == "Leichte Sprache: 0 Texte geprüft, 0 Fehler, 0 Warnungen.\n"


def test_stadtteilnamen_aus_der_stadtteilliste_bleiben_ungeteilt(tmp_path, capsys):
    text = "leichte_sprache: |\n  Windischholzhausen liegt im Osten von Erfurt.\n"
    schreiben(tmp_path, "plan/leitlinien/L2.yml", text)
    assert main(["--wurzel", str(tmp_path), "lint-leichte-sprache"]) == 0
    assert "Wortlänge" in capsys.readouterr().out
    schreiben(tmp_path, "data/stadtteile.csv", "id,nummer,name\nwindischholzhausen,35,Windischholzhausen\n")
    assert main(["--wurzel", str(tmp_path), "lint-leichte-sprache"]) == 0
    assert "Wortlänge" not in capsys.readouterr().out


def test_die_texte_des_plans_haben_keine_fehler():
    ergebnis = pfade_pruefen(REPOSITORY, ["plan"], eigennamen(Ordner(REPOSITORY)))
    assert ergebnis.texte > 0
    assert [str(b) for b in nur_fehler(ergebnis.befunde)] == []


def test_validate_meldet_fehler_in_leichter_sprache(kleinstadt, capsys):
    """`validate` checks everything the README promises, Leichte Sprache included."""
    kleinstadt.ersetzen("plan/massnahmen/M002.yml", "  Die Stadt sammelt neue Zahlen.",
                        "  Die Stadt sammelt in jedem Jahr ganz viele neue Zahlen über alle Menschen in "
                        "allen Teilen der großen Stadt.")
    assert main(["--wurzel", str(kleinstadt.wurzel), "validate"]) == 1
    fehler = capsys.readouterr().err
    assert "plan/massnahmen/M002.yml:7:3: Satzlänge: 19 Wörter (höchstens 15)" in fehler
