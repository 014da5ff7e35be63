"""Hostile or broken input: whatever an editor (or a pull request) puts into plan/, data/ or
docs/, `validate` and the build answer with German findings at file, line and column — never
with a traceback, never by exhausting memory, never by reading outside the repository.
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest
from conftest import REPO, PlanOrdner
from fixtures.diff.planrepo import Planrepo
from test_atlas_laden import WERTE, auenfeld  # noqa: F401 — the second city, as a fixture

from sozialraumplan.atlas.beispieldaten import erzeugen
from sozialraumplan.befund import PlanUngueltig, Schwere
from sozialraumplan.bestand import bestand_pruefen
from sozialraumplan.cli import main
from sozialraumplan.git_quelle import GitQuelle
from sozialraumplan.quelle import GROESSTE_DATEI, Ordner, pfad_im_repository
from sozialraumplan.yamldatei import yaml_lesen

M001 = "plan/massnahmen/M001.yml"


def fehler(ordner: PlanOrdner) -> list[str]:
    """The errors `validate` (and the build) report for the repository in `ordner`."""
    bestand, befunde = bestand_pruefen(Ordner(ordner.wurzel))
    gefunden = [str(b) for b in befunde if b.schwere is Schwere.FEHLER]
    assert (bestand is None) == bool(gefunden), gefunden
    return gefunden


@pytest.fixture
def erfurt(tmp_path: Path) -> PlanOrdner:
    """The plan and atlas of this repository (Erfurt) in a temp folder, to be broken file by file."""
    for ordner in ("plan", "data"):
        shutil.copytree(REPO / ordner, tmp_path / "erfurt" / ordner)
    return PlanOrdner(tmp_path / "erfurt")


# 1. YAML anchors, aliases, merge keys, tags, nesting and size


def lachbombe(ebenen: int = 10) -> str:
    """„Billion laughs“: every level repeats the one before ten times — 10**10 strings if expanded."""
    zeilen = ['lach0: &l0 ["ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha"]']
    for n in range(1, ebenen):
        zeilen.append(f"lach{n}: &l{n} [" + ", ".join([f"*l{n - 1}"] * 10) + "]")
    return "\n".join(zeilen) + "\n"


def test_alias_bombe_wird_abgelehnt_ohne_sie_auszupacken(kleinstadt):
    kleinstadt.schreiben(M001, kleinstadt.lesen(M001) + lachbombe())
    beginn = time.perf_counter()
    gefunden = fehler(kleinstadt)
    assert time.perf_counter() - beginn < 5
    assert gefunden[0] == (f"{M001}:21:8: Anker mit „&“ sind in Plandateien nicht erlaubt — schreiben Sie den Wert "
                           "aus und löschen Sie „&name“")
    assert any(b.startswith(f"{M001}:22:") and "Verweise mit „*“" in b for b in gefunden)
    assert len(gefunden) <= 20


@pytest.mark.parametrize("zeilen, erwartet", [
    ("basis: &basis\n  status: geplant\n", "21:8: Anker mit „&“"),
    ("<<: {prioritaet: hoch}\n", "21:1: Das Zusammenführen mit „<<:“ ist in Plandateien nicht erlaubt"),
    ("notiz: !!python/object/apply:os.system [ls]\n", "21:8: Typangaben mit „!“ sind in Plandateien nicht erlaubt"),
    ("notiz: " + "[" * 100 + "]" * 100 + "\n", "Die Angaben sind zu tief verschachtelt"),
    ("notiz: [" + "1, " * 30_000 + "1]\n", "Die Datei enthält mehr als 20.000 Werte"),
])
def test_yaml_sonderformen_sind_in_plandateien_verboten(kleinstadt, zeilen, erwartet):
    kleinstadt.schreiben(M001, kleinstadt.lesen(M001) + zeilen)
    gefunden = fehler(kleinstadt)
    assert len(gefunden) == 1 and erwartet in gefunden[0], gefunden


def test_zu_grosse_yaml_datei_wird_nicht_gelesen(kleinstadt):
    kleinstadt.schreiben(M001, kleinstadt.lesen(M001) + "# " + "x" * GROESSTE_DATEI["yaml"] + "\n")
    assert fehler(kleinstadt) == [f"{M001}:1:1: Die Datei ist zu groß (2 MiB) — YAML-Dateien dürfen höchstens 2 MiB "
                                  "groß sein; prüfen Sie, ob die richtige Datei gespeichert ist, oder teilen Sie sie auf"]


def test_zu_grosse_csv_datei_wird_nicht_gelesen(auenfeld):
    auenfeld.schreiben(WERTE, auenfeld.lesen(WERTE) + "#" * GROESSTE_DATEI["csv"])
    assert f"{WERTE}:1:1: Die Datei ist zu groß (10 MiB) — CSV-Dateien dürfen höchstens 10 MiB groß sein; prüfen " \
           "Sie, ob die richtige Datei gespeichert ist, oder teilen Sie sie auf" in fehler(auenfeld)


def test_eine_flut_von_befunden_wird_gekuerzt(auenfeld):
    auenfeld.schreiben(WERTE, "stadtteil;indikator;jahr;wert\n" + "".join(
        f"ortsteil{n};altersarmut;2024;1\n" for n in range(1500)))
    _, befunde = bestand_pruefen(Ordner(auenfeld.wurzel))
    gefunden = [str(b) for b in befunde if b.datei == WERTE]
    assert len(gefunden) == 101, gefunden
    assert "… und " in gefunden[-1] and " weitere Befunde in dieser Datei — beheben Sie zuerst die ersten" in gefunden[-1]


# 2. Values PyYAML cannot construct


@pytest.mark.parametrize("datei, alt, neu, erwartet", [
    (M001, "zuletzt_geprueft: 2025-05-01", "zuletzt_geprueft: 2024-02-30",
     f"{M001}:19:19: „zuletzt_geprueft“: „2024-02-30“ ist kein gültiges Datum — schreiben Sie das Datum als "
     "JJJJ-MM-TT, z. B. 2025-03-31"),
    ("plan/sitzungen/2025-03-01-begleitgremium.yml", "datum: 2025-03-01", "datum: 2024-13-01",
     "plan/sitzungen/2025-03-01-begleitgremium.yml:2:8: „datum“: „2024-13-01“ ist kein gültiges Datum"),
    ("plan/plan.yml", "stand: 2025-06-30", "stand: 2025-02-29",
     "plan/plan.yml:4:8: „stand“: „2025-02-29“ ist kein gültiges Datum"),
    (M001, "fortschritt: 40", "fortschritt: " + "4" * 5000,
     f"{M001}:15:14: „fortschritt“: Die Zahl „{'4' * 40}…“ ist zu groß — schreiben Sie höchstens 20 Ziffern"),
])
def test_unmoegliche_werte_werden_befunde_an_ihrer_stelle(kleinstadt, datei, alt, neu, erwartet):
    kleinstadt.ersetzen(datei, alt, neu)
    gefunden = fehler(kleinstadt)
    assert len(gefunden) == 1 and gefunden[0].startswith(erwartet), gefunden


@pytest.mark.parametrize("inhalt", [
    b"datum: 2024-02-30\n", b"zahl: 0x" + b"f" * 5000 + b"\n", b"a: \x00\n", b"\xff\xfe",
    b"a: b\n---\nc: d\n", b"? [a, b]\n: c\n", b"a: !!binary xyz\n", b"a: \"\\q\"\n",
])
def test_yaml_lesen_wirft_nie(inhalt):
    dokument, befunde = yaml_lesen("plan/plan.yml", inhalt)
    assert dokument is None and befunde and all(b.datei == "plan/plan.yml" for b in befunde)


# 3. Numbers: finite, bounded, in YAML and in CSV


def test_riesige_einwohnerzahl_im_atlas_ist_ein_befund(auenfeld):
    auenfeld.ersetzen(WERTE, "101;Zentrum;einwohner;12400", "101;Zentrum;einwohner;" + "1" * 400)
    assert fehler(auenfeld) == [f"{WERTE}:2:23: „11111111111111111111…“ ist zu groß — Beträge über "
                                "1.000.000.000.000 kommen in der Sozialstatistik nicht vor; prüfen Sie die Zelle"]


@pytest.mark.parametrize("zelle", ["inf", "nan", "1e999", "-Infinity"])
def test_keine_zahl_in_der_wertetabelle(auenfeld, zelle):
    auenfeld.ersetzen(WERTE, "101;Zentrum;einwohner;12400", f"101;Zentrum;einwohner;{zelle}")
    assert fehler(auenfeld) == [f"{WERTE}:2:23: „{zelle}“ ist keine Zahl — schreiben Sie z. B. 12,5 oder 1234; "
                                "leere Zellen bedeuten „keine Angabe“"]


@pytest.mark.parametrize("datei, alt, neu, erwartet", [
    ("data/atlas.yml", "gewicht: 2", "gewicht: .inf",
     "data/atlas.yml:22:16: „sozialindex.indikatoren.1.gewicht“: „inf“ ist keine endliche Zahl"),
    ("data/atlas.yml", "grenzen: [-1, 1, 1.5]", "grenzen: [.nan, 1, 1.5]",
     "data/atlas.yml:26:15: „sozialindex.klassen.grenzen.0“: „nan“ ist keine endliche Zahl"),
    ("data/atlas.yml", "gewicht: 2", "gewicht: 1000",
     "data/atlas.yml:22:16: „sozialindex.indikatoren.1.gewicht“: 1000 liegt außerhalb des erlaubten Bereichs"),
    ("data/indikatoren.yml", "    nachkommastellen: 0\n", "    nachkommastellen: 0\n    minimum: .nan\n",
     "data/indikatoren.yml:6:14: „indikatoren.0.minimum“: „nan“ ist keine endliche Zahl"),
    ("data/standorte.csv", ",53.006,8.83,", ",953.006,8.83,",
     "data/standorte.csv:2:42: „953.006“ liegt nicht zwischen −90 und 90 Grad"),
])
def test_unendliche_und_masslose_zahlen_im_atlas(auenfeld, datei, alt, neu, erwartet):
    auenfeld.ersetzen(datei, alt, neu)
    gefunden = fehler(auenfeld)
    assert len(gefunden) == 1 and gefunden[0].startswith(erwartet), gefunden


def test_riesige_leitliniennummer(kleinstadt):
    kleinstadt.ersetzen("plan/leitlinien/L1.yml", "nummer: 1", "nummer: 1000000000000000")
    assert fehler(kleinstadt)[0] == ("plan/leitlinien/L1.yml:2:9: „nummer“: 1000000000000000 liegt außerhalb des "
                                     "erlaubten Bereichs — erlaubt ist höchstens 999")


def test_unendlicher_ankerwert(erfurt):
    erfurt.ersetzen("data/ankerwerte.csv", ",6058,", ",1e999,")
    assert fehler(erfurt) == ["data/ankerwerte.csv:2:65: „1e999“ ist keine Zahl — schreiben Sie z. B. 12,5 oder 1234; "
                              "leere Zellen bedeuten „keine Angabe“"]


# 4. data/beispieldaten.yml is checked like every other file


@pytest.mark.parametrize("alt, neu, erwartet", [
    ("saat: 3", "saat: -1", "data/beispieldaten.yml:5:7: „saat“: -1 liegt außerhalb des erlaubten Bereichs"),
    ("ziel: data/werte/beispielwerte.csv", "ziel: ../../ausserhalb.csv",
     "data/beispieldaten.yml:7:7: „ziel“: Der Pfad muss eine Datei im Ordner data/ nennen"),
    ("standardtyp: doerflich", "standardtyp: laendlich",
     "data/beispieldaten.yml:22:3: „einwohner“: es fehlt der Siedlungstyp „laendlich“"),
    ("    streuung: 0.03\n", "    streuung: .nan\n",
     "data/beispieldaten.yml:56:15: „indikatoren.anteil_unter_18.streuung“: „nan“ ist keine endliche Zahl"),
    ("  arbeitslosenquote:", "  arbeitslosigkeit:",
     "data/beispieldaten.yml:65:3: Den Indikator „arbeitslosigkeit“ gibt es nicht — meinten Sie „arbeitslose“?"),
    ("stadtteil: rieth,", "stadtteil: riet,", "data/beispieldaten.yml:97:"),
])
def test_vorgaben_der_beispieldaten_werden_geprueft(erfurt, alt, neu, erwartet):
    erfurt.ersetzen("data/beispieldaten.yml", alt, neu)
    gefunden = fehler(erfurt)
    assert len(gefunden) >= 1 and gefunden[0].startswith(erwartet), gefunden


def test_beispieldaten_schreiben_nie_ausserhalb_des_repositorys(erfurt):
    erfurt.ersetzen("data/beispieldaten.yml", "ziel: data/werte/beispielwerte.csv", "ziel: ../ausserhalb.csv")
    with pytest.raises(PlanUngueltig):
        erzeugen(erfurt.wurzel)
    assert not (erfurt.wurzel.parent / "ausserhalb.csv").exists()


# 5. Paths in data/atlas.yml stay inside the repository


@pytest.mark.parametrize("pfad", ["data/../../etc/passwd", "/etc/passwd", "data\\bezirke_roh.geojson",
                                  "C:/daten/bezirke.geojson", "data//bezirke_roh.geojson", "data/./bezirke_roh.geojson",
                                  "plan/plan.yml", "data/bezirke roh.geojson"])
def test_pfade_in_atlas_yml_bleiben_im_ordner_data(auenfeld, pfad):
    auenfeld.ersetzen("data/atlas.yml", "datei: data/bezirke_roh.geojson", f'datei: "{pfad}"'.replace("\\", "\\\\"))
    assert fehler(auenfeld) == [
        "data/atlas.yml:3:10: „geometrie.datei“: Der Pfad muss eine Datei im Ordner data/ nennen — schreiben Sie den "
        "Pfad ab dem Repository, z. B. data/werte/werte.csv, ohne „..“, ohne „/“ oder Laufwerk am Anfang, ohne „\\“ "
        "und ohne Leerzeichen"]


@pytest.mark.parametrize("pfad", ["../geheim.txt", "plan/../../geheim.txt", "/etc/passwd", "", ".", "plan\\plan.yml",
                                  "C:/geheim.txt", "plan/\x00.yml"])
def test_ordner_liest_nichts_ausserhalb_der_wurzel(kleinstadt, pfad):
    (kleinstadt.wurzel.parent / "geheim.txt").write_text("Passwort", encoding="utf-8")
    quelle = Ordner(kleinstadt.wurzel)
    assert not pfad_im_repository(pfad)
    assert quelle.lesen(pfad) is None
    assert quelle.dateien(pfad) == [] and quelle.verknuepfungen(pfad) == []


# 6. Symbolic links in plan/, data/ and docs/


@pytest.fixture
def geheimnis(tmp_path: Path) -> Path:
    """A file outside the repository, as /etc/passwd would be."""
    datei = tmp_path / "ausserhalb" / "passwd"
    datei.parent.mkdir()
    datei.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    return datei


def test_symbolische_verknuepfungen_werden_abgelehnt(kleinstadt, geheimnis):
    (kleinstadt.wurzel / "plan/massnahmen/M003.yml").symlink_to(geheimnis)
    (kleinstadt.wurzel / "data/extern").symlink_to(geheimnis.parent, target_is_directory=True)
    (kleinstadt.wurzel / "docs/hilfe").mkdir(parents=True)
    (kleinstadt.wurzel / "docs/hilfe/passwort.md").symlink_to(geheimnis)
    hinweis = "ersetzen Sie sie durch eine echte Datei (oder einen echten Ordner) mit dem Inhalt"
    assert fehler(kleinstadt) == [
        f"data/extern:1:1: „data/extern“ ist eine symbolische Verknüpfung — {hinweis}",
        f"docs/hilfe/passwort.md:1:1: „docs/hilfe/passwort.md“ ist eine symbolische Verknüpfung — {hinweis}",
        f"plan/massnahmen/M003.yml:1:1: „plan/massnahmen/M003.yml“ ist eine symbolische Verknüpfung — {hinweis}",
    ]
    quelle = Ordner(kleinstadt.wurzel)
    assert quelle.lesen("plan/massnahmen/M003.yml") is None
    assert quelle.lesen("data/extern/passwd") is None
    assert "plan/massnahmen/M003.yml" not in quelle.dateien("plan/massnahmen")


def test_verknuepfter_ordner_wird_gemeldet_und_nicht_gelesen(kleinstadt, geheimnis):
    shutil.rmtree(kleinstadt.wurzel / "data")
    (kleinstadt.wurzel / "data").symlink_to(REPO / "data", target_is_directory=True)
    assert Ordner(kleinstadt.wurzel).verknuepfungen("data") == ["data"]
    gefunden = fehler(kleinstadt)
    assert "data:1:1: „data“ ist eine symbolische Verknüpfung" in gefunden[0]
    assert any(b.startswith("data/stadtteile.csv:1:1: Die Liste der Stadtteile fehlt") for b in gefunden)


def test_validate_meldet_verknuepfung_mit_exit_1(kleinstadt, geheimnis, capsys):
    (kleinstadt.wurzel / "plan/glossar.yml").unlink()
    (kleinstadt.wurzel / "plan/glossar.yml").symlink_to(geheimnis)
    assert main(["--wurzel", str(kleinstadt.wurzel), "validate"]) == 1
    ausgabe = capsys.readouterr()
    assert "„plan/glossar.yml“ ist eine symbolische Verknüpfung" in ausgabe.err
    assert "root:" not in ausgabe.err + ausgabe.out


def test_verknuepfung_in_einer_git_fassung(kleinstadt, geheimnis):
    (kleinstadt.wurzel / "docs").mkdir()
    (kleinstadt.wurzel / "docs/passwort.md").symlink_to(geheimnis)
    repo = Planrepo.erste_fassung(kleinstadt)
    with GitQuelle(repo.wurzel, "v2025.1") as quelle:
        assert quelle.verknuepfungen("docs") == ["docs/passwort.md"]
        assert quelle.verknuepfungen("plan") == []
        assert quelle.lesen("docs/passwort.md") is None
        _, befunde = bestand_pruefen(quelle)
    assert [str(b) for b in befunde if b.datei.startswith("docs")] == [
        "docs/passwort.md:1:1: „docs/passwort.md“ ist eine symbolische Verknüpfung — ersetzen Sie sie durch eine "
        "echte Datei (oder einen echten Ordner) mit dem Inhalt"]


# 7. What validate accepts, the build can draw


GRENZEN = "data/bezirke_roh.geojson"


def test_grenze_ohne_flaeche_ist_ein_fehler(auenfeld):
    auenfeld.ersetzen(GRENZEN, "[[[8.8, 53.0], [8.82, 53.0], [8.82, 53.012], [8.8, 53.012], [8.8, 53.0]]]",
                      "[[[8.8, 53.0], [8.82, 53.012], [8.8, 53.0], [8.8, 53.0]]]")
    assert (f"{GRENZEN}:2:1: Die Grenze von „zentrum“ umschließt keine Fläche — eine Grenze braucht mindestens drei "
            "verschiedene Punkte, die nicht auf einer Linie liegen") in fehler(auenfeld)


def test_grenze_die_ganz_in_einem_anderen_stadtteil_liegt(auenfeld):
    auenfeld.ersetzen(GRENZEN, '"BEZ_NR": 102, "BEZ_NAME": "Hafen"}, "geometry": {"type": "Polygon", "coordinates": ',
                      '"BEZ_NR": 102, "BEZ_NAME": "Hafen"}, "geometry": {"type": "Polygon", "coordinates": '
                      '[[[8.8, 53.0], [8.82, 53.0], [8.82, 53.012], [8.8, 53.012], [8.8, 53.0]]], "alt": ')
    gefunden = fehler(auenfeld)
    assert len(gefunden) == 1 and gefunden[0].endswith(
        "verschwindet auf den Karten — sie liegt ganz in anderen Stadtteilen; prüfen Sie, ob zwei Stadtteile "
        "dieselbe Grenze haben"), gefunden


def kamm(zaehne: int, *, quer: bool = False) -> list[list[float]]:
    """The ring of a comb near Auenfeld; a second one turned by 90° crosses every tooth of the first."""
    punkte = []
    for n in range(zaehne):
        links, rechts = 8.8 + n * 0.02 / zaehne, 8.8 + (n + 0.5) * 0.02 / zaehne
        punkte += [[links, 53.0], [links, 53.012], [rechts, 53.012], [rechts, 53.0]]
    punkte += [[8.82, 52.999], [8.8, 52.999], punkte[0]]
    return [[8.81 - (y - 53.006), 53.006 + (x - 8.81)] if quer else [x, y] for x, y in punkte]


def test_verflochtene_grenzen_werden_abgelehnt_statt_den_bau_aufzuhalten(auenfeld):
    """Two crossing combs of 200 teeth, 30 KB: repairing them for the maps would take hours."""
    daten = json.loads(auenfeld.lesen(GRENZEN))
    daten["features"][0]["geometry"] = {"type": "Polygon", "coordinates": [kamm(200)]}
    daten["features"][1]["geometry"] = {"type": "MultiPolygon", "coordinates": [[kamm(200, quer=True)]]}
    auenfeld.schreiben(GRENZEN, json.dumps(daten))
    beginn = time.perf_counter()
    gefunden = fehler(auenfeld)
    assert time.perf_counter() - beginn < 10
    assert f"{GRENZEN}:1:1: Die Grenzen überschneiden sich an mehr als 1000 Stellen — Stadtteile dürfen sich nicht " \
           "überlappen und Grenzen sich nicht selbst kreuzen; prüfen Sie die Datei mit einem GIS-Programm (QGIS: " \
           "Vektor → Geometriewerkzeuge → Gültigkeit prüfen)" in gefunden
