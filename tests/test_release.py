"""`sozialraumplan release`: which Fortschreibung is released, its changes, its files.

The full run (website zip, PDF, changes, open data from a tagged test repository) is in
test_release_workflow.py, where it runs as the tag workflow's own step.
"""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from conftest import lesbar
from fixtures.diff.planrepo import Planrepo
from sozialraumplan.cli import main
from sozialraumplan.laden import plan_laden
from sozialraumplan.quelle import Ordner
from sozialraumplan.release import ReleaseFehler, aenderungen, fassung_ermitteln, kuerzel, zip_packen


@pytest.fixture
def repo(kleinstadt) -> Planrepo:
    return Planrepo.erste_fassung(kleinstadt)


def test_der_tag_des_commits_ist_die_fassung(repo):
    fassung = fassung_ermitteln(repo.wurzel, None)
    assert (fassung.name, fassung.version) == ("v2025.1", "v2025.1")
    assert fassung.commit == repo.git("rev-parse", "HEAD").strip()
    assert fassung.zeitpunkt == int(repo.git("show", "-s", "--format=%ct", "HEAD"))


def test_ohne_tag_ein_entwurf(repo):
    commit = repo.fassung("Weiter am Entwurf")
    fassung = fassung_ermitteln(repo.wurzel, None)
    assert (fassung.name, fassung.version) == (f"Entwurf (Commit {commit[:7]})", "entwurf")


def test_ein_tag_der_woanders_hinzeigt_wird_abgelehnt(repo):
    repo.fassung("Weiter am Entwurf")
    with pytest.raises(ReleaseFehler, match="Der Tag v2025.1 zeigt nicht auf den aktuellen Commit"):
        fassung_ermitteln(repo.wurzel, "v2025.1")


def test_ein_neuer_tag_darf_vorher_probiert_werden(repo):
    repo.fassung("Zweite Fortschreibung")
    assert fassung_ermitteln(repo.wurzel, "v2026.1").name == "v2026.1"


@pytest.mark.parametrize("name", ["2026.1", "v26.1", "v2026", "v2026.1-rc", "release-2026"])
def test_tagnamen_haben_die_form_v_jahr_nummer(repo, name):
    with pytest.raises(ReleaseFehler, match="verwenden Sie v<Jahr>.<Nummer>"):
        fassung_ermitteln(repo.wurzel, name)


def test_die_erste_fassung_hat_keinen_vorgaenger(repo):
    plan = plan_laden(Ordner(repo.wurzel))
    markdown, daten = aenderungen(repo.wurzel, plan, fassung_ermitteln(repo.wurzel, None))
    assert markdown == ("# Änderungen in v2025.1\n\nDies ist die erste veröffentlichte Fassung; es gibt keine "
                        "frühere, mit der sie verglichen werden könnte.\n")
    assert json.loads(daten)["basis"] is None


def test_die_aenderungen_gelten_seit_dem_vorigen_tag(repo):
    repo.loeschen("plan/massnahmen/M002.yml")
    repo.fassung("Zweite Fortschreibung", tag="v2026.1")
    plan = plan_laden(Ordner(repo.wurzel))
    markdown, daten = aenderungen(repo.wurzel, plan, fassung_ermitteln(repo.wurzel, "v2026.1"))
    assert lesbar(markdown).startswith("# Änderungen von v2025.1 zu v2026.1\n")
    assert [m["id"] for m in json.loads(daten)["massnahme"]["entfallen"]] == ["M002"]


def test_die_vergleichsbasis_aus_plan_yml_gilt_auch_fuer_das_release(repo):
    """The site's „Änderungen“ page and the release notes compare with the same base."""
    repo.fassung("Zweite", tag="v2026.1")
    repo.ersetzen("plan/plan.yml", "beispieldaten: true\n", "beispieldaten: true\nvergleich_mit: v2025.1\n")
    repo.fassung("Dritte", tag="v2027.1")
    plan = plan_laden(Ordner(repo.wurzel))
    markdown, _ = aenderungen(repo.wurzel, plan, fassung_ermitteln(repo.wurzel, "v2027.1"))
    assert lesbar(markdown).startswith("# Änderungen von v2025.1 zu v2027.1\n")


def test_dateinamen_aus_dem_stadtnamen():
    assert kuerzel("Landeshauptstadt Erfurt") == "landeshauptstadt-erfurt"
    assert kuerzel("Mühlhausen/Thüringen") == "muehlhausen-thueringen"
    assert kuerzel("Groß Gerau") == "gross-gerau"


def test_das_website_zip_ist_reproduzierbar(tmp_path):
    (tmp_path / "index.html").write_text("<html></html>", encoding="utf-8")
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "stil.css").write_text("body {}", encoding="utf-8")
    erstes = zip_packen(tmp_path, 1_767_225_600)
    (tmp_path / "index.html").touch()  # a new modification time changes nothing
    assert zip_packen(tmp_path, 1_767_225_600) == erstes
    archiv = zipfile.ZipFile(io.BytesIO(erstes))
    assert archiv.namelist() == ["assets/stil.css", "index.html"]
    assert {i.date_time for i in archiv.infolist()} == {(2026, 1, 1, 0, 0, 0)}


def test_ungueltiger_plan_wird_nicht_veroeffentlicht(repo, capsys):
    repo.ersetzen("plan/massnahmen/M001.yml", "status: in_umsetzung", "status: fertig")
    assert main(["--wurzel", str(repo.wurzel), "release"]) == 1
    fehler = capsys.readouterr().err
    assert "plan/massnahmen/M001.yml:14:9:" in fehler
    assert "Der Plan wurde nicht veröffentlicht." in fehler
    assert not (repo.wurzel / "dist").exists()


def test_falscher_tag_im_befehl(repo, capsys):
    assert main(["--wurzel", str(repo.wurzel), "release", "--tag", "2026"]) == 1
    assert capsys.readouterr().err.startswith("Fehler: „2026“ ist kein gültiger Name für eine Fassung")
