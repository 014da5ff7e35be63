"""A suppressed value is in no output: not on a page, in a map's data, a chart, a table, a CSV,
the GeoJSON, the open data, the PDF or the changes. Musterstadt gets six districts and a rate
whose denominator is below `mindestnenner` in Ostend, with a number found nowhere else
(87,654 %); it changes to 86,432 % in the next Fortschreibung. A real release of that
Fortschreibung (git tags, site built with mkdocs, PDF, open data, changes) is searched for both."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from conftest import KLEINSTADT, PlanOrdner, pdf_text, website_kopieren
from fixtures.diff.planrepo import Planrepo, atlas_schreiben
from test_atlas_statistik import SECHSSTADT

from sozialraumplan.atlas.inhalte import atlas_abschnitte, atlas_dateien
from sozialraumplan.atlas.laden import atlas_laden
from sozialraumplan.cli import main
from sozialraumplan.laden import plan_laden
from sozialraumplan.quelle import Ordner

UMBENANNT = {"a": "nord", "b": "sued", "c": "ost", "d": "west", "e": "mitte", "f": "hafen"}
STADTTEILE = ("id,nummer,name\nnord,1,Nordstadt\nsued,2,Südstadt\nost,3,Ostend\nwest,4,Westend\n"
              "mitte,5,Mitte\nhafen,6,Hafen\n")
GEHEIM = re.compile(r"(?<![\d])8(7[.,]654|6[.,]432)")
"""The suppressed value, before and after, as any output would write it (page, CSV, JSON)."""


def werte(ostend: str) -> str:
    zeilen = SECHSSTADT["data/werte.csv"].splitlines()
    kopf = zeilen[0] + ",kinderarmut"
    rest = [z + ("," + ostend if z.startswith("c,") else ",") for z in zeilen[1:]]
    text = "\n".join([kopf, *rest]) + "\n"
    for alt, neu in UMBENANNT.items():
        text = text.replace(f"\n{alt},", f"\n{neu},")
    return text


def musterstadt(ordner: PlanOrdner, geheimhaltung: bool = True) -> None:
    ordner.schreiben("data/stadtteile.csv", STADTTEILE)
    atlas_schreiben(ordner, {})
    atlas = SECHSSTADT["data/atlas.yml"].replace("data/grenzen.geojson", "data/stadtteile.geojson")
    atlas = atlas.replace("raumebenen:\n  - {spalte: bezirk, name: Bezirke, bezeichnung: Bezirk}\n", "")
    if not geheimhaltung:
        atlas = "\n".join(z for z in atlas.splitlines() if not z.startswith("geheimhaltung")) + "\n"
    ordner.schreiben("data/atlas.yml", atlas)
    ordner.schreiben("data/indikatoren.yml", SECHSSTADT["data/indikatoren.yml"].replace(
        "    einheit: \"%\"\n    berechnung:", "    einheit: \"%\"\n    nachkommastellen: 3\n    berechnung:"))
    ordner.schreiben("data/werte.csv", werte("87.6543"))


def test_ohne_geheimhaltung_stuende_die_zahl_ueberall(tmp_path):
    """The search below can fail: without disclosure control the number is on the pages and in the files."""
    ordner = PlanOrdner(tmp_path / "musterstadt")
    for pfad, text in KLEINSTADT.items():
        ordner.schreiben(pfad, text)
    musterstadt(ordner, geheimhaltung=False)
    quelle = Ordner(ordner.wurzel)
    plan = plan_laden(quelle)
    atlas = atlas_laden(quelle, plan)
    seiten = [s.markdown for a in atlas_abschnitte(plan, atlas) for s in a.seiten]
    assert any(GEHEIM.search(s) for s in seiten)
    assert any(GEHEIM.search(d.inhalt.decode("utf-8", "replace")) for d in atlas_dateien(plan, atlas))


def _texte(pfad: Path) -> list[tuple[str, str]]:
    """(name, text) of every file a release wrote, zip members and PDF pages included."""
    if pfad.suffix == ".zip":
        archiv = zipfile.ZipFile(pfad)
        return [(f"{pfad.name}/{n}", archiv.read(n).decode("utf-8", "replace")) for n in archiv.namelist()]
    if pfad.suffix == ".pdf":
        return [(pfad.name, pdf_text(pfad.read_bytes()))]
    return [(pfad.name, pfad.read_bytes().decode("utf-8", "replace"))]


@pytest.fixture(scope="module")
def veroeffentlicht(tmp_path_factory) -> list[Path]:
    ordner = PlanOrdner(tmp_path_factory.mktemp("geheim") / "musterstadt")
    for pfad, text in KLEINSTADT.items():
        ordner.schreiben(pfad, text)
    repo = Planrepo(ordner)
    website_kopieren(repo.wurzel)
    musterstadt(ordner)
    repo.fassung("Erste Fortschreibung", tag="v2025.1")
    repo.schreiben("data/werte.csv", werte("86.4321"))
    repo.fassung("Neue Zahlen", tag="v2025.2")
    ziel = repo.wurzel.parent / "ausgabe"
    assert main(["--wurzel", str(repo.wurzel), "release", "--tag", "v2025.2", "--ziel", str(ziel)]) == 0
    return sorted(ziel.iterdir())


def test_gesperrter_wert_steht_in_keiner_ausgabe(veroeffentlicht):
    texte = [t for pfad in veroeffentlicht for t in _texte(pfad)]
    namen = [n for n, _ in texte]
    # the release has what it should: site pages with the indicator, downloads, PDF, changes
    assert any(n.endswith("atlas/indikatoren/kinderarmut.html") for n in namen)
    assert any(n.endswith("atlas/daten/indikatorwerte.csv") for n in namen)
    assert any(n.endswith(".pdf") for n in namen) and any(n.endswith("aenderungen.json") for n in namen)
    funde = [n for n, text in texte if GEHEIM.search(text)]
    assert funde == []


def test_der_punkt_steht_an_seiner_stelle(veroeffentlicht):
    website = next(p for p in veroeffentlicht if p.name.endswith("-website.zip"))
    archiv = zipfile.ZipFile(website)
    blatt = next(n for n in archiv.namelist() if n.endswith("atlas/indikatoren/kinderarmut.html"))
    html = archiv.read(blatt).decode("utf-8")
    assert "aus Gründen der Geheimhaltung nicht veröffentlicht" in html
    csv = archiv.read(next(n for n in archiv.namelist() if n.endswith("atlas/daten/kinderarmut.csv"))).decode("utf-8")
    assert "ost,3,Ostend,kinderarmut,Kinderarmut,2024,.,%," in csv
