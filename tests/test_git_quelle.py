"""`GitQuelle`: any revision of the plan repository, read from git without a checkout."""

from __future__ import annotations

import pytest
from fixtures.diff.planrepo import Planrepo

from sozialraumplan.git_quelle import GitFehler, GitQuelle, RevisionUnbekannt, vorige_fassung
from sozialraumplan.laden import plan_laden
from sozialraumplan.quelle import Ordner


@pytest.fixture
def repo(kleinstadt) -> Planrepo:
    return Planrepo.erste_fassung(kleinstadt)


def test_liest_dieselben_dateien_wie_der_ordner(repo):
    with GitQuelle(repo.wurzel, "v2025.1") as quelle:
        ordner = Ordner(repo.wurzel)
        for verzeichnis in ("plan", "plan/massnahmen", "plan/leitlinien", "data", "gibt-es-nicht"):
            assert quelle.dateien(verzeichnis) == ordner.dateien(verzeichnis)
        for pfad in ordner.dateien("plan/massnahmen") + ["data/stadtteile.csv"]:
            assert quelle.lesen(pfad) == ordner.lesen(pfad)
        assert quelle.lesen("plan/massnahmen/M999.yml") is None


def test_alte_fassung_ohne_auschecken(repo):
    """The working tree moves on; the tag still reads as it was, and nothing on disk changes."""
    repo.loeschen("plan/massnahmen/M002.yml")
    repo.ersetzen("plan/massnahmen/M001.yml", "fortschritt: 40", "fortschritt: 60")
    repo.fassung("Weiter")
    with GitQuelle(repo.wurzel, "v2025.1") as quelle:
        plan = plan_laden(quelle)
    assert [m.id for m in plan.massnahmen] == ["M001", "M002"]
    assert plan.massnahmen[0].fortschritt == 40
    assert not (repo.wurzel / "plan/massnahmen/M002.yml").exists()
    assert "fortschritt: 60" in repo.lesen("plan/massnahmen/M001.yml")


def test_ein_git_prozess_fuer_alle_dateien(repo):
    with GitQuelle(repo.wurzel, "HEAD") as quelle:
        quelle.lesen("plan/plan.yml")
        prozess = quelle._prozess
        for pfad in quelle.dateien("plan/leitlinien"):
            quelle.lesen(pfad)
        assert quelle._prozess is prozess and prozess.poll() is None
    assert prozess.poll() == 0


def test_unbekannte_revision_auf_deutsch(repo):
    with pytest.raises(RevisionUnbekannt) as fehler:
        GitQuelle(repo.wurzel, "v2030.1")
    assert str(fehler.value).startswith("Die Revision „v2030.1“ gibt es im Repository")


def test_optionen_sind_keine_revisionen(repo):
    with pytest.raises(RevisionUnbekannt):
        GitQuelle(repo.wurzel, "--all")


def test_ordner_ohne_git(kleinstadt):
    with pytest.raises(GitFehler, match="ist kein Git-Repository"):
        GitQuelle(kleinstadt.wurzel, "HEAD")


def test_vorige_fassung_ist_der_letzte_tag_vor_head(repo):
    repo.fassung("Arbeit am Entwurf")
    assert vorige_fassung(repo.wurzel) == "v2025.1"
    repo.fassung("Zweite Fortschreibung", tag="v2026.1")
    assert vorige_fassung(repo.wurzel) == "v2025.1", "a tagged HEAD compares with the tag before"
    repo.fassung("Nach der Veröffentlichung")
    assert vorige_fassung(repo.wurzel) == "v2026.1"


def test_vorige_fassung_ohne_tags(kleinstadt):
    repo = Planrepo(kleinstadt)
    repo.fassung("Erster Entwurf")
    assert vorige_fassung(repo.wurzel) is None
    repo.fassung("Zweiter Entwurf")
    assert vorige_fassung(repo.wurzel) is None
