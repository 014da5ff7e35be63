"""`sozialraumplan release`: which Fortschreibung is released, its changes, its files.

Files named after a tag hold exactly what the tag names: the tag exists, points at the current
commit, and the working tree holds nothing else. Anything else is a draft, built only when asked
for (`--entwurf`) and called „Entwurf“ in every file name, on the PDF and on every page of the site.

The full run of a Fortschreibung (website zip, PDF, changes, open data from a tagged test
repository) is in test_release_workflow.py, where it runs as the tag workflow's own step.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from conftest import KLEINSTADT, PlanOrdner, lesbar, website_kopieren
from fixtures.diff.planrepo import Planrepo
from pypdf import PdfReader

from sozialraumplan.cli import main
from sozialraumplan.laden import plan_laden
from sozialraumplan.quelle import Ordner
from sozialraumplan.release import ReleaseFehler, aenderungen, fassung_ermitteln, zip_packen
from sozialraumplan.veroeffentlichung import kuerzel


@pytest.fixture
def repo(kleinstadt) -> Planrepo:
    return Planrepo.erste_fassung(kleinstadt)


def test_der_tag_des_commits_ist_die_fassung(repo):
    fassung = fassung_ermitteln(repo.wurzel, None)
    assert (fassung.name, fassung.version) == ("v2025.1", "v2025.1")
    assert fassung.commit == repo.git("rev-parse", "HEAD").strip()
    assert fassung.zeitpunkt == int(repo.git("show", "-s", "--format=%ct", "HEAD"))


def test_ein_commit_ohne_tag_wird_nur_als_entwurf_gebaut(repo):
    commit = repo.fassung("Weiter am Entwurf")
    with pytest.raises(ReleaseFehler) as fehler:
        fassung_ermitteln(repo.wurzel, None)
    assert str(fehler.value) == (
        f"Der aktuelle Commit {commit[:7]} hat keinen Tag v<Jahr>.<Nummer> — legen Sie ihn an (z. B. „git tag -a "
        "v2026.1 -m …“) und nennen Sie ihn mit --tag, oder bauen Sie zum Ausprobieren einen Entwurf mit "
        "„sozialraumplan release --entwurf“")
    fassung = fassung_ermitteln(repo.wurzel, None, entwurf=True)
    assert (fassung.name, fassung.version, fassung.commit) == (f"Entwurf (Commit {commit[:7]})", "entwurf", commit)


def test_ein_tag_der_woanders_hinzeigt_wird_abgelehnt(repo):
    repo.fassung("Weiter am Entwurf")
    with pytest.raises(ReleaseFehler, match="Der Tag v2025.1 zeigt nicht auf den aktuellen Commit"):
        fassung_ermitteln(repo.wurzel, "v2025.1")


def test_einen_unbekannten_tag_gibt_es_nicht_zum_ausprobieren(repo):
    repo.fassung("Zweite Fortschreibung")
    with pytest.raises(ReleaseFehler) as fehler:
        fassung_ermitteln(repo.wurzel, "v2026.1")
    assert str(fehler.value) == (
        "Den Tag v2026.1 gibt es nicht — legen Sie ihn auf dem Commit an, der veröffentlicht wird (z. B. „git tag "
        "-a v2026.1 -m …“), oder bauen Sie zum Ausprobieren einen Entwurf mit „sozialraumplan release --entwurf“")


@pytest.mark.parametrize("aenderung", [
    lambda repo: repo.ersetzen("plan/massnahmen/M001.yml", "fortschritt: 40", "fortschritt: 50"),
    lambda repo: repo.loeschen("plan/massnahmen/M002.yml"),
    lambda repo: repo.schreiben("plan/massnahmen/M003.yml", "id: M003\n"),
    lambda repo: (repo.ersetzen("plan/massnahmen/M001.yml", "fortschritt: 40", "fortschritt: 50"),
                  repo.git("add", "plan/massnahmen/M001.yml")),
], ids=["geändert", "gelöscht", "neu, nicht eingecheckt", "vorgemerkt"])
def test_aenderungen_im_arbeitsordner_stehen_nicht_im_tag(repo, aenderung):
    aenderung(repo)
    with pytest.raises(ReleaseFehler, match=r"^Im Arbeitsordner gibt es Änderungen, die nicht im Tag v2025\.1 "
                                            r"stehen \(plan/massnahmen/M00\d\.yml\) — committen oder verwerfen Sie "
                                            r"sie \(„git status“ zeigt sie\), oder bauen Sie"):
        fassung_ermitteln(repo.wurzel, "v2025.1")
    with pytest.raises(ReleaseFehler, match="^Im Arbeitsordner gibt es Änderungen"):
        fassung_ermitteln(repo.wurzel, None)


def test_ignorierte_dateien_stoeren_nicht(repo):
    repo.schreiben(".gitignore", "dist/\n")
    repo.fassung("Ausgabe ignorieren", tag="v2025.2")
    repo.schreiben("dist/alt.pdf", "vom letzten Mal")
    assert fassung_ermitteln(repo.wurzel, "v2025.2").name == "v2025.2"


def test_ein_entwurf_nennt_aenderungen_im_arbeitsordner(repo):
    commit = repo.git("rev-parse", "HEAD").strip()
    repo.ersetzen("plan/massnahmen/M001.yml", "fortschritt: 40", "fortschritt: 50")
    fassung = fassung_ermitteln(repo.wurzel, None, entwurf=True)
    assert (fassung.name, fassung.version) == (f"Entwurf (Commit {commit[:7]} mit Änderungen im Arbeitsordner)",
                                               "entwurf")


def test_ausserhalb_von_git_gibt_es_nur_entwuerfe(kleinstadt):
    with pytest.raises(ReleaseFehler, match="ist kein Git-Repository — eine Fassung wird aus einem Git-Klon mit "
                                            "ihrem Tag veröffentlicht; oder bauen Sie zum Ausprobieren einen Entwurf"):
        fassung_ermitteln(kleinstadt.wurzel, "v2026.1")
    fassung = fassung_ermitteln(kleinstadt.wurzel, None, entwurf=True)
    assert (fassung.name, fassung.version, fassung.commit) == ("Entwurf", "entwurf", None)


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


@pytest.mark.parametrize("argumente", [["--tag", "v2026.1"], []], ids=["unbekannter Tag", "Arbeitsordner geändert"])
def test_der_befehl_schreibt_nichts_wenn_die_fassung_nicht_stimmt(repo, argumente, capsys):
    repo.ersetzen("plan/massnahmen/M001.yml", "fortschritt: 40", "fortschritt: 50")
    assert main(["--wurzel", str(repo.wurzel), "release", *argumente]) == 1
    fehler = capsys.readouterr().err
    assert fehler.startswith("Fehler: ") and fehler.rstrip().endswith("„sozialraumplan release --entwurf“")
    assert not (repo.wurzel / "dist").exists()


def test_tag_und_entwurf_schliessen_sich_aus(repo, capsys):
    with pytest.raises(SystemExit) as ende:
        main(["--wurzel", str(repo.wurzel), "release", "--tag", "v2025.1", "--entwurf"])
    assert ende.value.code == 2
    assert "argument --entwurf: not allowed with argument --tag" in capsys.readouterr().err


# --- A draft, built for real ------------------------------------------------------------------


@pytest.fixture(scope="module")
def entwurf(tmp_path_factory) -> tuple[Planrepo, Path, str]:
    """Musterstadt with its site, tagged v2025.1; then M002 begun and committed, its progress changed
    and not committed; built with `release --entwurf` into a folder outside the repository.
    Returns the repository, that folder and the draft's name."""
    ordner = PlanOrdner(tmp_path_factory.mktemp("entwurf") / "musterstadt")
    for pfad, text in KLEINSTADT.items():
        ordner.schreiben(pfad, text)
    repo = Planrepo(ordner)
    website_kopieren(repo.wurzel)
    repo.fassung("Erste Fortschreibung", tag="v2025.1")
    repo.ersetzen("plan/massnahmen/M002.yml", "status: geplant", "status: in_umsetzung")
    commit = repo.fassung("M002 begonnen")
    repo.ersetzen("plan/massnahmen/M002.yml", "fortschritt: 0", "fortschritt: 10")
    ziel = repo.wurzel.parent / "ausgabe"
    assert main(["--wurzel", str(repo.wurzel), "release", "--entwurf", "--ziel", str(ziel)]) == 0
    return repo, ziel, f"Entwurf (Commit {commit[:7]} mit Änderungen im Arbeitsordner)"


def test_ein_entwurf_heisst_in_jedem_dateinamen_entwurf(entwurf):
    _, ziel, _ = entwurf
    namen = sorted(p.name for p in ziel.iterdir())
    assert "sozialraumplan-musterstadt-entwurf.pdf" in namen
    assert "sozialraumplan-musterstadt-entwurf-website.zip" in namen
    assert all(n.startswith("sozialraumplan-musterstadt-entwurf") for n in namen), namen
    assert not any("v2025.1" in n for n in namen)


def test_das_pdf_eines_entwurfs_sagt_es_auf_dem_titelblatt(entwurf):
    _, ziel, name = entwurf
    titelblatt = PdfReader(ziel / "sozialraumplan-musterstadt-entwurf.pdf").pages[0].extract_text()
    assert name in " ".join(titelblatt.split())


def test_jede_seite_der_website_eines_entwurfs_sagt_es(entwurf):
    _, ziel, name = entwurf
    archiv = zipfile.ZipFile(ziel / "sozialraumplan-musterstadt-entwurf-website.zip")
    # the release's Synopse under downloads/ is a file to download, not a page of the site
    seiten = [n for n in archiv.namelist() if n.endswith(".html") and n != "404.html" and not n.startswith("downloads/")]
    assert "massnahmen/M002.html" in seiten
    for seite in seiten:
        html = archiv.read(seite).decode("utf-8")
        assert f"<strong>{name}</strong> – diese Website ist keine veröffentlichte" in html, seite


def test_die_aenderungen_eines_entwurfs_zeigen_den_arbeitsordner(entwurf):
    _, ziel, name = entwurf
    markdown = lesbar((ziel / "sozialraumplan-musterstadt-entwurf-aenderungen.md").read_text(encoding="utf-8"))
    assert markdown.startswith(f"# Änderungen von v2025.1 zu {name}\n")
    assert "M002" in markdown and "10" in markdown


def test_ein_entwurf_ohne_fruehere_fassung(kleinstadt):
    plan = plan_laden(Ordner(kleinstadt.wurzel))
    markdown, _ = aenderungen(kleinstadt.wurzel, plan, fassung_ermitteln(kleinstadt.wurzel, None, entwurf=True))
    assert markdown == ("# Änderungen in Entwurf\n\nEs gibt keine frühere veröffentlichte Fassung, mit der dieser "
                        "Entwurf verglichen werden könnte.\n")

