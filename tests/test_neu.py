"""`sozialraumplan neu`: helpers create Maßnahmen, Gremien and Sitzungen that pass validation."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import typing
from pathlib import Path

import pytest
import yaml
from conftest import im_terminal as terminal
from pydantic import BaseModel

from sozialraumplan.cli import main
from sozialraumplan.laden import plan_pruefen
from sozialraumplan.model import Gremium, Massnahme, Sitzung
from sozialraumplan.neu import VORLAGEN, yaml_text
from sozialraumplan.neu.felder import Eingabe, modellfeld
from sozialraumplan.neu.kennungen import naechste_nummer, slug
from sozialraumplan.quelle import Ordner

SCHEMA_ZEILE = "# yaml-language-server: $schema=../../schemas/massnahme.schema.json"

SPIELPLATZ = [
    "--titel", "Spielplatz an der Gera erneuern",
    "--leitlinie", "L1", "--leitlinie", "L2",
    "--stadtteil", "nord",
    "--beschreibung", "Der Spielplatz wird mit den Kindern des Viertels neu geplant und gebaut.",
    "--leichte-sprache", "Der Spiel-Platz wird neu.\nDie Kinder planen mit.",
    "--verantwortlich", "Grünflächenamt",
    "--beteiligt", "Kinder- und Jugendbüro", "--beteiligt", "Ortsteilrat Nord",
    "--beginn", "2026-04", "--ende", "2027-09",
    "--fortschritt", "10", "--status", "in_umsetzung",
    "--prioritaet", "mittel",
    "--finanzierung", "Städtebauförderung",
    "--gremium", "begleitgremium",
    "--zuletzt-geprueft", "2026-03-01",
]


def neu(wurzel, *argumente: str) -> int:
    return main(["--wurzel", str(wurzel), "neu", *argumente])


def ohne(argumente: list[str], option: str) -> list[str]:
    """The options without `option` and its value(s)."""
    ergebnis, i = [], 0
    while i < len(argumente):
        if argumente[i] == option:
            i += 2
            continue
        ergebnis.append(argumente[i])
        i += 1
    return ergebnis


def mit(argumente: list[str], option: str, wert: str) -> list[str]:
    return ohne(argumente, option) + [option, wert]


# --- Maßnahme --------------------------------------------------------------------------------


def test_neue_massnahme_bekommt_die_naechste_nummer_und_ist_gueltig(kleinstadt, capsys):
    assert neu(kleinstadt.wurzel, "massnahme", *SPIELPLATZ) == 0

    assert "Angelegt: plan/massnahmen/M003.yml" in capsys.readouterr().out
    plan, befunde = plan_pruefen(Ordner(kleinstadt.wurzel))
    assert plan is not None, befunde
    massnahme = next(m for m in plan.massnahmen if m.id == "M003")
    assert massnahme.titel == "Spielplatz an der Gera erneuern"
    assert massnahme.leitlinien == ["L1", "L2"]
    assert massnahme.beteiligte == ["Kinder- und Jugendbüro", "Ortsteilrat Nord"]
    assert massnahme.zeitraum.ende == "2027-09"
    assert massnahme.zuletzt_geprueft == dt.date(2026, 3, 1)


def test_die_datei_beginnt_mit_dem_schema_kommentar_und_behaelt_umlaute_und_reihenfolge(kleinstadt):
    neu(kleinstadt.wurzel, "massnahme", *SPIELPLATZ)

    text = kleinstadt.lesen("plan/massnahmen/M003.yml")
    assert text.splitlines()[0] == SCHEMA_ZEILE
    assert "verantwortlich: Grünflächenamt" in text  # not "Gr\xFCnfl\xE4chenamt"
    assert "leitlinien: [L1, L2]" in text
    assert 'beginn: "2026-04"' in text
    assert "leichte_sprache: |\n  Der Spiel-Platz wird neu.\n  Die Kinder planen mit.\n" in text
    assert list(yaml.safe_load(text)) == [
        "id", "titel", "leitlinien", "stadtteile", "beschreibung", "leichte_sprache", "verantwortlich",
        "beteiligte", "zeitraum", "status", "fortschritt", "prioritaet", "finanzierung", "gremium",
        "zuletzt_geprueft",
    ]


def test_ohne_angabe_gelten_status_geplant_fortschritt_null_und_heute_als_pruefdatum(kleinstadt):
    argumente = ohne(ohne(ohne(SPIELPLATZ, "--status"), "--fortschritt"), "--zuletzt-geprueft")
    assert neu(kleinstadt.wurzel, "massnahme", *argumente) == 0

    daten = yaml.safe_load(kleinstadt.lesen("plan/massnahmen/M003.yml"))
    assert (daten["status"], daten["fortschritt"]) == ("geplant", 0)
    assert daten["zuletzt_geprueft"] == dt.date.today()


def test_leitlinien_duerfen_auch_mit_komma_in_einer_angabe_stehen(kleinstadt):
    argumente = ohne(SPIELPLATZ, "--leitlinie") + ["--leitlinie", "L2, L1"]
    neu(kleinstadt.wurzel, "massnahme", *argumente)

    assert yaml.safe_load(kleinstadt.lesen("plan/massnahmen/M003.yml"))["leitlinien"] == ["L2", "L1"]


def test_ohne_terminal_nennt_der_befehl_alle_fehlenden_angaben_und_schreibt_nichts(kleinstadt, capsys):
    assert neu(kleinstadt.wurzel, "massnahme", "--titel", "Nur ein Titel") == 2

    fehler = capsys.readouterr().err
    for option in ("--leitlinie", "--stadtteil", "--beschreibung", "--leichte-sprache", "--verantwortlich",
                   "--beginn", "--prioritaet", "--finanzierung", "--gremium"):
        assert f"  {option}: " in fehler
    assert "--titel" not in fehler.split("Es fehlen Angaben:")[1].split("Geben Sie")[0]
    assert "--ende" not in fehler  # optional
    assert "Es wurde keine Datei angelegt" in fehler
    assert not (kleinstadt.wurzel / "plan/massnahmen/M003.yml").exists()


def test_unlesbare_werte_werden_vor_dem_schreiben_gemeldet(kleinstadt, capsys):
    argumente = mit(mit(mit(SPIELPLATZ, "--fortschritt", "viel"), "--beginn", "April 2026"),
                    "--prioritaet", "hohe")
    assert neu(kleinstadt.wurzel, "massnahme", *argumente) == 2

    fehler = capsys.readouterr().err
    assert "„fortschritt“: „viel“ ist keine ganze Zahl — schreiben Sie z. B. 40" in fehler
    assert "„zeitraum.beginn“: „April 2026“ ist kein Monat — schreiben Sie JJJJ-MM" in fehler
    assert "„prioritaet“: „hohe“ ist nicht vorgesehen — meinten Sie „hoch“? erlaubt sind: hoch, mittel, niedrig" \
        in fehler
    assert not (kleinstadt.wurzel / "plan/massnahmen/M003.yml").exists()


def test_eine_datei_mit_befunden_wird_gezeigt_und_wieder_geloescht(kleinstadt, capsys):
    argumente = mit(mit(SPIELPLATZ, "--leitlinie", "L9"), "--gremium", "begleitgremiun")
    assert neu(kleinstadt.wurzel, "massnahme", *argumente) == 1

    fehler = capsys.readouterr().err
    assert "plan/massnahmen/M003.yml:4:14: Die Leitlinie „L9“ gibt es nicht" in fehler
    assert "Die Leitlinie „L9“ gibt es nicht" in fehler
    assert "Das Gremium „begleitgremiun“ gibt es nicht — meinten Sie „begleitgremium“?" in fehler
    assert "plan/massnahmen/M003.yml hat Fehler und wurde wieder gelöscht" in fehler
    assert not (kleinstadt.wurzel / "plan/massnahmen/M003.yml").exists()


def test_werte_ausserhalb_des_erlaubten_bereichs_meldet_die_pruefung_des_plans(kleinstadt, capsys):
    assert neu(kleinstadt.wurzel, "massnahme", *mit(SPIELPLATZ, "--fortschritt", "140")) == 1

    assert "„fortschritt“: 140 liegt außerhalb des erlaubten Bereichs — erlaubt ist höchstens 100" \
        in capsys.readouterr().err
    assert not (kleinstadt.wurzel / "plan/massnahmen/M003.yml").exists()


def test_warnungen_werden_gezeigt_die_datei_bleibt(kleinstadt, capsys):
    argumente = SPIELPLATZ + ["--stadtteil", "gesamtstadt"]
    assert neu(kleinstadt.wurzel, "massnahme", *argumente) == 0

    assert "„gesamtstadt“ und einzelne Stadtteile sind zugleich angegeben" in capsys.readouterr().out
    assert (kleinstadt.wurzel / "plan/massnahmen/M003.yml").exists()


def test_fehler_in_anderen_dateien_halten_die_neue_nicht_auf(kleinstadt, capsys):
    kleinstadt.ersetzen("plan/massnahmen/M002.yml", "fortschritt: 0", "fortschritt: null")

    assert neu(kleinstadt.wurzel, "massnahme", *SPIELPLATZ) == 0

    ausgabe = capsys.readouterr().out
    assert "Angelegt: plan/massnahmen/M003.yml" in ausgabe
    assert "Andere Dateien des Plans haben 1 Fehler" in ausgabe


def test_eine_vorhandene_kennung_wird_nie_ueberschrieben(kleinstadt, capsys):
    vorher = kleinstadt.lesen("plan/massnahmen/M001.yml")

    assert neu(kleinstadt.wurzel, "massnahme", "--id", "M001", *SPIELPLATZ) == 2

    assert "Die Kennung „M001“ gibt es schon in plan/massnahmen/" in capsys.readouterr().err
    assert kleinstadt.lesen("plan/massnahmen/M001.yml") == vorher


@pytest.mark.parametrize(("option", "wert", "stichwort"), [
    ("--stadtteil", "herrenbeg", "herrenbeg"),
    ("--fortschritt", "140", "140"),
])
def test_die_meldungen_auf_der_seite_mitmachen_sind_echt(kleinstadt, capsys, option, wert, stichwort):
    """docs/mitmachen.md quotes what `neu` and the check print; the quotes must stay true."""
    seite = (Path(__file__).resolve().parents[1] / "docs/mitmachen.md").read_text(encoding="utf-8")
    kleinstadt.schreiben("data/stadtteile.csv", "id,nummer,name\nnord,1,Nordstadt\nherrenberg,2,Herrenberg\n")

    knapp = ["--titel", "Spielplatz an der Gera erneuern", "--leitlinie", "L1", "--stadtteil", "herrenberg",
             "--beschreibung", "Der Spielplatz wird neu geplant.", "--leichte-sprache", "Der Spiel-Platz wird neu.",
             "--verantwortlich", "Grünflächenamt", "--beginn", "2026-04", "--prioritaet", "mittel",
             "--finanzierung", "Städtebauförderung", "--gremium", "begleitgremium"]
    neu(kleinstadt.wurzel, "massnahme", "--id", "M019", *mit(knapp, option, wert))

    meldung = next(z for z in capsys.readouterr().err.splitlines() if stichwort in z)
    assert meldung in seite


# --- Nummern und Kennungen -------------------------------------------------------------------


@pytest.mark.parametrize(("vorhanden", "naechste"), [
    (["M001", "M014", "M009"], "M015"),
    (["M001", "M003"], "M004"),          # a gap stays a gap: old links still mean M002
    (["M099"], "M100"),
    (["M999"], "M1000"),
    (["MA-7", "MA-12", "X1"], "MA-13"),  # the series most ids belong to
    ([], "M001"),
])
def test_die_naechste_nummer_behaelt_praefix_und_breite(vorhanden, naechste):
    assert naechste_nummer(vorhanden) == naechste


@pytest.mark.parametrize(("name", "kennung"), [
    ("Begleitgremium", "begleitgremium"),
    ("Ortsteilräte Süd", "ortsteilraete-sued"),
    ("AG der sozialpolitischen Sprecherinnen & Sprecher", "ag-der-sozialpolitischen-sprecherinnen-sprecher"),
    ("Runder Tisch „Straßensozialarbeit“", "runder-tisch-strassensozialarbeit"),
])
def test_die_kennung_eines_gremiums_ist_der_name_ohne_umlaute_und_zeichen(name, kennung):
    assert slug(name) == kennung


# --- Gremium und Sitzung ---------------------------------------------------------------------


def test_neues_gremium_heisst_wie_sein_name(kleinstadt, capsys):
    assert neu(kleinstadt.wurzel, "gremium",
               "--name", "Runder Tisch Nördliche Stadtteile", "--ebene", "quartier",
               "--beschreibung", "Vereine und Träger aus dem Norden stimmen sich ab.",
               "--leichte-sprache", "Vereine aus dem Norden treffen sich.\nSie reden über den Stadtteil.",
               "--aufgabe", "Angebote abstimmen", "--aufgabe", "Bedarfe melden",
               "--turnus", "viermal im Jahr", "--einberufen-von", "Sozialamt",
               "--berichtet-an", "begleitgremium") == 0

    assert "Angelegt: plan/gremien/runder-tisch-noerdliche-stadtteile.yml" in capsys.readouterr().out
    text = kleinstadt.lesen("plan/gremien/runder-tisch-noerdliche-stadtteile.yml")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/gremium.schema.json\n")
    assert "name: Runder Tisch Nördliche Stadtteile" in text
    plan, befunde = plan_pruefen(Ordner(kleinstadt.wurzel))
    assert plan is not None, befunde


def test_neue_sitzung_heisst_nach_datum_und_gremium(kleinstadt, capsys):
    assert neu(kleinstadt.wurzel, "sitzung", "--datum", "2025-04-02", "--gremium", "arbeitskreis",
               "--titel", "Frühjahrstreffen", "--thema", "Sommerferien", "--thema", "Hitzeschutz") == 0

    assert "Angelegt: plan/sitzungen/2025-04-02-arbeitskreis.yml" in capsys.readouterr().out
    daten = yaml.safe_load(kleinstadt.lesen("plan/sitzungen/2025-04-02-arbeitskreis.yml"))
    assert daten == {"id": "2025-04-02-arbeitskreis", "datum": dt.date(2025, 4, 2), "gremium": "arbeitskreis",
                     "titel": "Frühjahrstreffen", "themen": ["Sommerferien", "Hitzeschutz"]}


def test_eine_sitzung_eines_unbekannten_gremiums_wird_nicht_angelegt(kleinstadt, capsys):
    assert neu(kleinstadt.wurzel, "sitzung", "--datum", "2025-04-02", "--gremium", "arbeitskreiss",
               "--titel", "Frühjahrstreffen") == 1

    assert "Das Gremium „arbeitskreiss“ gibt es nicht — meinten Sie „arbeitskreis“?" in capsys.readouterr().err
    assert not (kleinstadt.wurzel / "plan/sitzungen/2025-04-02-arbeitskreiss.yml").exists()


# --- YAML ------------------------------------------------------------------------------------


def test_das_geschriebene_yaml_liest_sich_genau_so_zurueck():
    """Values YAML would otherwise read as true, a number, a date or a key stay texts."""
    werte = {
        ("datum",): dt.date(2025, 4, 2),
        ("gremium",): "begleitgremium",
        ("titel",): "ja",
        ("ort",): "Rathaus: Festsaal #2",
        ("themen",): ["2025", "Übergänge Kita – Grundschule", "null", "- Liste?"],
        ("ergebnisse",): ["Zeile eins\nZeile zwei\n"],
    }
    text = yaml_text(VORLAGEN["sitzung"], "2025-04-02-begleitgremium", werte)

    assert yaml.safe_load(text) == {"id": "2025-04-02-begleitgremium",
                                    **{".".join(pfad): wert for pfad, wert in werte.items()}}
    assert "Übergänge Kita – Grundschule" in text


# --- Vorlagen und Modell ---------------------------------------------------------------------


@pytest.mark.parametrize(("art", "modell"), [("massnahme", Massnahme), ("gremium", Gremium), ("sitzung", Sitzung)])
def test_jede_vorlage_fragt_jedes_feld_des_modells_in_seiner_reihenfolge(art, modell):
    def schluessel(m, vorne=()):
        for name, feld in m.model_fields.items():
            if name in ("id", "beispiel"):  # derived, and new entries are never examples
                continue
            if name in ("beschluesse", "meilensteine", "wirkung"):  # sections recorded later, by hand
                continue
            if isinstance(feld.annotation, type) and issubclass(feld.annotation, BaseModel):
                yield from schluessel(feld.annotation, vorne + (name,))
            else:
                yield vorne + (name,)

    vorlage = VORLAGEN[art]
    assert [f.pfad for f in vorlage.felder] == list(schluessel(modell))
    for feld in vorlage.felder:
        ist_liste = typing.get_origin(modellfeld(modell, feld.pfad).annotation) is list
        assert ist_liste == feld.mehrfach, feld.schluessel
        assert ist_liste == (feld.eingabe in (Eingabe.LISTE, Eingabe.KENNUNGEN))


# --- Im Terminal -----------------------------------------------------------------------------


def im_terminal(wurzel: Path, argumente: list[str], antworten: list[str]) -> subprocess.CompletedProcess:
    """`sozialraumplan neu` on a real pseudo-terminal, with the answers typed ahead."""
    return terminal([sys.executable, "-m", "sozialraumplan.cli", "--wurzel", str(wurzel), "neu", *argumente],
                    antworten)


def test_im_terminal_fragt_der_befehl_auf_deutsch_nach_allem_was_fehlt(kleinstadt):
    lauf = im_terminal(kleinstadt.wurzel, ["sitzung", "--datum", "2025-04-02", "--gremium", "arbeitskreis"], [
        "Frühjahrstreffen",                 # titel
        "",                                 # ort: optional, skipped
        "Sommerferien", "Hitzeschutz", "",  # themen: an empty line ends the list
        "",                                 # ergebnisse: optional, skipped
    ])

    assert lauf.returncode == 0, lauf.stderr
    assert lauf.stdout.startswith("Titel: ")  # the first question: datum and gremium were given
    assert "Ort [freiwillig, Eingabetaste zum Überspringen]: " in lauf.stdout
    assert "(mehrere Zeilen möglich; eine leere Zeile beendet die Eingabe)" in lauf.stdout
    assert "Angelegt: plan/sitzungen/2025-04-02-arbeitskreis.yml" in lauf.stdout
    daten = yaml.safe_load(kleinstadt.lesen("plan/sitzungen/2025-04-02-arbeitskreis.yml"))
    assert daten["titel"] == "Frühjahrstreffen"
    assert daten["themen"] == ["Sommerferien", "Hitzeschutz"]
    assert "ort" not in daten and "ergebnisse" not in daten


def test_im_terminal_wird_eine_unlesbare_antwort_erklaert_und_neu_gefragt(kleinstadt):
    lauf = im_terminal(kleinstadt.wurzel, [
        "sitzung", "--gremium", "arbeitskreis", "--titel", "Frühjahrstreffen", "--ort", "Rathaus",
        "--thema", "Ferien", "--ergebnis", "Plan steht",
    ], ["2025-13-45", "2025-04-02"])  # datum: first a typo, then right

    assert lauf.returncode == 0, lauf.stderr
    assert "„datum“: „2025-13-45“ ist kein Datum — schreiben Sie JJJJ-MM-TT" in lauf.stdout
    assert lauf.stdout.count("Datum (JJJJ-MM-TT): ") == 2
    assert (kleinstadt.wurzel / "plan/sitzungen/2025-04-02-arbeitskreis.yml").exists()


def test_im_terminal_fragt_die_massnahme_mit_vorgaben_und_vorhandenen_kennungen(kleinstadt):
    lauf = im_terminal(kleinstadt.wurzel, ["massnahme", *ohne(ohne(SPIELPLATZ, "--status"), "--gremium")], [
        "",               # titel_leichte_sprache: optional, Enter leaves it out
        "",               # status: Enter takes „geplant“
        "begleitgremium",  # gremium
    ])

    assert lauf.returncode == 0, lauf.stderr
    assert "Status [geplant / in_umsetzung / umgesetzt / zurueckgestellt / verworfen; " \
           "Eingabetaste für „geplant“]: " in lauf.stdout
    assert "Gremium (Kennung) [vorhanden: arbeitskreis, begleitgremium]: " in lauf.stdout
    assert yaml.safe_load(kleinstadt.lesen("plan/massnahmen/M003.yml"))["status"] == "geplant"


def test_im_terminal_bricht_strg_d_ohne_datei_ab(kleinstadt):
    lauf = im_terminal(kleinstadt.wurzel, ["sitzung", "--datum", "2025-04-02", "--gremium", "arbeitskreis"],
                       ["\x04"])  # Ctrl-D at the first question

    assert lauf.returncode == 1
    assert "Abgebrochen — es wurde keine Datei angelegt." in lauf.stderr
    assert not (kleinstadt.wurzel / "plan/sitzungen/2025-04-02-arbeitskreis.yml").exists()
