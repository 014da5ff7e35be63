"""The Leichte-Sprache findings are kept per file state: a second run reads them back, a changed
file (or changed names of districts) is checked anew."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import PlanOrdner

from sozialraumplan.leichte_sprache import zwischenspeicher
from sozialraumplan.leichte_sprache.linter import pfade_pruefen

SEITE = "docs/leichte-sprache/index.md"


@pytest.fixture
def speicher(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return zwischenspeicher.ordner()


def test_ein_zweiter_lauf_liest_die_befunde_zurueck(kleinstadt: PlanOrdner, speicher: Path):
    kleinstadt.schreiben(SEITE, "# Leichte Sprache\n\nDie Stadt plant. Die Menschen reden mit.\n")
    erster = pfade_pruefen(kleinstadt.wurzel, [SEITE])
    assert [b.meldung for b in erster.befunde] == ["Zeilenumbruch: mehr als ein Satz in dieser Zeile"]
    assert len(list(speicher.glob("*.json"))) == 1
    zweiter = pfade_pruefen(kleinstadt.wurzel, [SEITE])
    assert zweiter == erster


def test_eine_geaenderte_datei_wird_neu_geprueft(kleinstadt: PlanOrdner, speicher: Path):
    kleinstadt.schreiben(SEITE, "# Leichte Sprache\n\nDie Stadt plant. Die Menschen reden mit.\n")
    pfade_pruefen(kleinstadt.wurzel, [SEITE])
    kleinstadt.schreiben(SEITE, "# Leichte Sprache\n\nDie Stadt plant.\nDie Menschen reden mit.\n")
    assert pfade_pruefen(kleinstadt.wurzel, [SEITE]).befunde == []
    assert len(list(speicher.glob("*.json"))) == 2


def test_andere_eigennamen_sind_ein_anderer_stand(kleinstadt: PlanOrdner, speicher: Path):
    kleinstadt.schreiben(SEITE, "# Leichte Sprache\n\nDas Fest ist in Windischholzhausen.\n")
    lang = pfade_pruefen(kleinstadt.wurzel, [SEITE]).befunde
    assert any("Windischholzhausen" in b.meldung for b in lang)
    assert pfade_pruefen(kleinstadt.wurzel, [SEITE], frozenset({"Windischholzhausen"})).befunde == []


def test_ein_kaputter_speicher_kostet_nur_zeit(kleinstadt: PlanOrdner, speicher: Path):
    kleinstadt.schreiben(SEITE, "# Leichte Sprache\n\nDie Stadt plant. Die Menschen reden mit.\n")
    erster = pfade_pruefen(kleinstadt.wurzel, [SEITE])
    for datei in speicher.glob("*.json"):
        datei.write_text("{kaputt", encoding="utf-8")
    assert pfade_pruefen(kleinstadt.wurzel, [SEITE]) == erster
