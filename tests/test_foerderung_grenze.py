"""FRL Soziales, the border between the two sides: nothing non-public ever reaches a public output.

A copy of this repository's plan is a real git repository; the example round lies INSIDE it
(ignored by git, as a careless checkout might put it) and SOZIALRAUMPLAN_INTERN names it. After
`foerderung veroeffentlichen` and a tagged release, every file of the public side (the plan,
the website, the release zip, the PDF, the open data, the changes) is searched for every marker
of every non-public field: none is found. The internal site has them all.
"""

from __future__ import annotations

import ast
import datetime as dt
import inspect
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from conftest import REPO, PlanOrdner, pdf_text, website_kopieren
from fixtures.diff.planrepo import Planrepo

from sozialraumplan import export, release, website
from sozialraumplan.bestand import bestand_pruefen
from sozialraumplan.cli import main
from sozialraumplan.diff import stand
from sozialraumplan.foerderung.modell import NICHT_OEFFENTLICH, Antrag
from sozialraumplan.model import Foerderprojekt
from sozialraumplan.quelle import Ordner
from sozialraumplan.render.text import datum

BEISPIEL = REPO / "tests" / "fixtures" / "foerderung_intern"
ANTRAEGE = sorted((BEISPIEL / "foerderantraege" / "2026").glob("2026-*.yml"))
GEFOERDERT = ("2026-lernpaten", "2026-stadtteilcafe")
MARKE = "MARKE-"
TEXTMARKEN = sorted({wort.rstrip(".,)") for datei in BEISPIEL.rglob("*.yml")
                     for wort in datei.read_text(encoding="utf-8").split() if wort.startswith(MARKE)})
"""Every text marker of the example round (a unique word in a non-public text)."""
BETRAEGE = ("61234.56", "24813.37", "28813.37", "21813.37", "2987.65", "1012.35", "18271.43", "19505.99",
            "15505.99", "1234.56", "16042.18", "9137.91", "5555.55")
"""Every amount of the example round that must stay internal (budget, applied for, costs, own and
third-party funds, recommended): the approved sums 23.500 and 15.000 are public."""
DATUMSMARKEN = ("2025-10-15", "2025-10-16", "2025-10-17", "2025-10-18", "2025-11-19")
"""The dates of the coordinator's checks and of the Begleitgremium's session."""


def schreibweisen(betrag: str) -> list[str]:
    """How an amount can appear in an output: 24813.37, 24813,37, 24.813,37."""
    zahl = Decimal(betrag)
    deutsch = f"{zahl:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return [betrag, betrag.replace(".", ","), deutsch]


def datumsschreibweisen(iso: str) -> list[str]:
    return [iso, datum(dt.date.fromisoformat(iso))]


MARKEN = TEXTMARKEN + [s for b in BETRAEGE for s in schreibweisen(b)] + [
    s for d in DATUMSMARKEN for s in datumsschreibweisen(d)]


def test_jedes_nicht_oeffentliche_feld_traegt_eine_marke():
    """The markers cover every field of an application that the public plan has no key for; a new
    field without a marker fails here first."""
    antraege = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in ANTRAEGE]
    for feld in sorted(NICHT_OEFFENTLICH):
        werte = yaml.safe_dump([a.get(feld) for a in antraege if a.get(feld) is not None], allow_unicode=True)
        assert MARKE in werte or any(b in werte.replace(",", "").replace(".", "") for b in
                                     (b.replace(".", "") for b in BETRAEGE)), f"Keine Marke im Feld „{feld}“"
    # and what is public after the decision is non-public before it: the unfunded ones carry markers
    for pfad in ANTRAEGE:
        antrag = Antrag.model_validate(yaml.safe_load(pfad.read_text(encoding="utf-8")))
        if antrag.bewilligung is None:
            assert MARKE in antrag.traeger and MARKE in antrag.projekt
    assert len(TEXTMARKEN) >= 25


class Erfurt(Planrepo):
    """This repository's own plan and atlas as a fresh git repository, without funded projects."""

    def __init__(self, wurzel: Path) -> None:
        self.ordner = PlanOrdner(wurzel)
        self.wurzel = wurzel
        self._zeit = 1_735_689_600
        for ordner in ("plan", "data"):
            shutil.copytree(REPO / ordner, wurzel / ordner, ignore=shutil.ignore_patterns("foerderprojekte"))
        website_kopieren(wurzel)
        self.git("init", "--quiet", "--initial-branch=main")


@pytest.fixture(scope="module")
def beide_seiten(tmp_path_factory):
    """The public repository after publishing the round and releasing v2026.1; the internal site."""
    basis = tmp_path_factory.mktemp("grenze")
    repo = Erfurt(basis / "plan-repo")
    repo.fassung("Fortschreibung ohne Förderprojekte", tag="v2025.1")
    intern = repo.wurzel / "intern"
    shutil.copytree(BEISPIEL, intern)
    (repo.wurzel / ".git" / "info" / "exclude").write_text("intern/\n")
    with pytest.MonkeyPatch.context() as umgebung:
        umgebung.setenv("SOZIALRAUMPLAN_INTERN", str(intern))
        assert main(["--wurzel", str(repo.wurzel), "foerderung", "veroeffentlichen", "--runde", "2026"]) == 0
        repo.fassung("Geförderte Projekte 2026", tag="v2026.1")
        assert main(["--wurzel", str(repo.wurzel), "foerderung", "--ziel", str(basis / "intern-website")]) == 0
        dateien = release.release(repo.wurzel, basis / "dist", tag="v2026.1")
        assert main(["--wurzel", str(repo.wurzel), "export", "--ziel", str(basis / "daten")]) == 0
        assert main(["--wurzel", str(repo.wurzel), "diff", "v2025.1", "v2026.1", "--format", "json",
                     "-o", str(basis / "diff.json")]) == 0
    with zipfile.ZipFile(next(d for d in dateien if d.name.endswith("-website.zip"))) as archiv:
        archiv.extractall(basis / "site")
    return repo, basis, dateien


def oeffentliche_texte(repo: Planrepo, basis: Path, dateien: list[Path]) -> dict[str, str]:
    """Name → text of every public output, unpacked: zip entries one by one, PDFs as their text
    (read by pdftotext) and their raw bytes."""
    texte: dict[str, str] = {}

    def aufnehmen(name: str, inhalt: bytes) -> None:
        if name.endswith(".pdf"):
            texte[name + " (Text)"] = pdf_text(inhalt)
        texte[name] = inhalt.decode("utf-8", errors="replace")

    for datei in dateien:
        if datei.suffix == ".zip":
            with zipfile.ZipFile(datei) as archiv:
                for eintrag in archiv.namelist():
                    aufnehmen(f"{datei.name}!{eintrag}", archiv.read(eintrag))
        else:
            aufnehmen(datei.name, datei.read_bytes())
    for ordner in (basis / "daten", repo.wurzel / "plan"):
        for datei in sorted(ordner.rglob("*")):
            if datei.is_file():
                aufnehmen(str(datei.relative_to(basis)), datei.read_bytes())
    aufnehmen("diff.json", (basis / "diff.json").read_bytes())
    return texte


def test_keine_marke_erreicht_eine_oeffentliche_ausgabe(beide_seiten):
    repo, basis, dateien = beide_seiten
    texte = oeffentliche_texte(repo, basis, dateien)
    # the search sees every kind of output: the funded project's public name is in each of them
    for name in ("-website.zip!foerderprojekte/index.html", "-plan.json", "-foerderprojekte.csv",
                 "daten/foerderprojekte.csv", "plan-repo/plan/foerderprojekte/2026-stadtteilcafe.yml"):
        assert any(n.endswith(name) and "Stadtteilcafé am Rieth" in text for n, text in texte.items()), name
    assert any(n.endswith(".pdf (Text)") for n in texte) and "diff.json" in texte
    funde = [(marke, name) for name, text in texte.items() for marke in MARKEN if marke in text]
    assert funde == []
    assert not any(MARKE in text for text in texte.values())


def test_jede_marke_steht_auf_der_internen_website(beide_seiten):
    _, basis, _ = beide_seiten
    intern = basis / "intern-website"
    html = " ".join(p.read_text(encoding="utf-8") for p in intern.rglob("*.html"))
    rangliste = pdf_text((intern / "2026" / "rangliste-2026.pdf").read_bytes())
    fehlend = [m for m in TEXTMARKEN if m not in html]
    fehlend += [b for b in BETRAEGE if schreibweisen(b)[2] not in html]
    fehlend += [d for d in DATUMSMARKEN if datumsschreibweisen(d)[1] not in html]
    assert fehlend == []
    assert "MARKE-EMPFEHLUNG-A" in rangliste and "24.813,37" in rangliste


def test_veroeffentlicht_werden_nur_die_oeffentlichen_felder(beide_seiten):
    repo, _, _ = beide_seiten
    dateien = sorted((repo.wurzel / "plan" / "foerderprojekte").glob("*.yml"))
    assert [d.stem for d in dateien] == list(GEFOERDERT)
    for datei in dateien:
        daten = yaml.safe_load(datei.read_text(encoding="utf-8"))
        assert set(daten) == set(Foerderprojekt.model_fields)
    cafe = yaml.safe_load((repo.wurzel / "plan" / "foerderprojekte" / "2026-stadtteilcafe.yml").read_text())
    assert cafe["bewilligte_summe"] == 23500.0
    assert cafe["beschluss"] == {"datum": dt.date(2026, 2, 10), "drucksache": "0123/26"}
    # ordinary public files: the public loader accepts them as they are
    bestand, befunde = bestand_pruefen(Ordner(repo.wurzel))
    assert bestand is not None and [p.id for p in bestand.plan.foerderprojekte] == list(GEFOERDERT)


def test_die_oeffentliche_website_zeigt_die_gefoerderten_projekte(beide_seiten):
    _, basis, _ = beide_seiten
    site = basis / "site"
    uebersicht = (site / "foerderprojekte" / "index.html").read_text(encoding="utf-8")
    assert "Stadtteilcafé am Rieth (Beispiel)" in uebersicht and "23.500,00 €" in uebersicht
    assert "Beschluss vom 10. Februar 2026, Drucksache 0123/26" in uebersicht
    assert "Nach Leitlinien" in uebersicht and "Nach Stadtteilen" in uebersicht
    leitlinie = (site / "leitlinien" / "L4.html").read_text(encoding="utf-8")
    assert "Geförderte Projekte (FRL Soziales)" in leitlinie and "Lernpaten für Grundschulkinder" in leitlinie
    profil = (site / "atlas" / "stadtteile" / "rieth.html").read_text(encoding="utf-8")
    assert "Stadtteilcafé am Rieth" in profil and "Lernpaten" not in profil
    bedarf = (site / "atlas" / "bedarfsermittlung.html").read_text(encoding="utf-8")
    assert "Geförderte Projekte in Stadtteilen mit hohem Bedarf" in bedarf and "Lernpaten" in bedarf
    csv = (site / "downloads" / "foerderprojekte.csv").read_text(encoding="utf-8")
    assert csv.splitlines()[0].startswith("id,jahr,traeger,projekt,stadtteile,leitlinien,bewilligte_summe,")
    assert "2026-stadtteilcafe,2026,Nachbarschaftswerk Beispielstadt e. V.," in csv


def test_die_oeffentlichen_wege_kennen_den_nicht_oeffentlichen_ordner_nicht():
    """By construction: no public entry point takes the non-public folder, and no module of the
    public build imports the package part that reads it."""
    for funktion in (website.website_bauen, release.release, release.website_zip, export.offene_daten,
                     bestand_pruefen, stand.stand_aus_revision):
        assert not any("intern" in name for name in inspect.signature(funktion).parameters), funktion
    paket = REPO / "src" / "sozialraumplan"
    for datei in [*paket.rglob("*.py"), *(REPO / "macros").rglob("*.py")]:
        if datei.parent.name == "foerderung" or datei.name == "foerderung.py":
            continue
        baum = ast.parse(datei.read_text(encoding="utf-8"))
        for knoten in ast.walk(baum):
            if isinstance(knoten, ast.ImportFrom) and knoten.module:
                namen = {knoten.module.lstrip(".").split(".")[-1]} | {a.name for a in knoten.names}
                assert not ({"laden", "intern", "veroeffentlichen"} & namen and "foerderung" in knoten.module), (
                    datei, knoten.module)


def test_validate_weist_nicht_oeffentliche_angaben_im_plan_ab(tmp_path, capsys):
    wurzel = tmp_path / "plan-repo"
    Erfurt(wurzel)
    datei = wurzel / "plan" / "massnahmen" / "M001.yml"
    datei.write_text(datei.read_text(encoding="utf-8") + "bewertung:\n  begruendung: intern\n", encoding="utf-8")
    zeile = datei.read_text(encoding="utf-8").splitlines().index("bewertung:") + 1
    assert main(["--wurzel", str(wurzel), "validate"]) == 1
    fehler = capsys.readouterr().err
    assert (f"plan/massnahmen/M001.yml:{zeile}:1: „bewertung“ gehört zu den nicht öffentlichen Förderanträgen und "
            "darf nicht im öffentlichen Plan stehen — löschen Sie die Angabe hier und tragen Sie sie im nicht "
            "öffentlichen Ordner der Förderanträge ein") in fehler
