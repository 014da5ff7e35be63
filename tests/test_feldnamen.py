"""One naming rule: a field's name is its YAML key, German, and it carries a German title and description.

Everything that names a field to a person comes from that one field: the key in the file, the help
an editor shows on the key, the question of `sozialraumplan neu`, the name in `sozialraumplan diff`.
An English key (or any unknown one) is an error that names the German key meant.
"""

from __future__ import annotations

import re
import shutil

import pytest
from conftest import REPO, PlanOrdner
from pydantic import BaseModel

from sozialraumplan.atlas.laden import VORGABEN, atlas_pruefen, yaml_einlesen
from sozialraumplan.atlas.modell import BeispielVorgaben
from sozialraumplan.barrierefreiheit import erklaerung_pruefen
from sozialraumplan.befehle.codeowners import TEAMS_DATEI, konfiguration_laden
from sozialraumplan.befund import Befund, Schwere
from sozialraumplan.cli import main
from sozialraumplan.diff.felder import felder_vergleichen
from sozialraumplan.foerderung.modell import Antrag, Runde
from sozialraumplan.laden import plan_laden, plan_pruefen
from sozialraumplan.meldungen import ENGLISCHE_SCHLUESSEL
from sozialraumplan.model import Massnahme, Modell, Plan, Stadtteil
from sozialraumplan.modellfelder import feldname, modelle, modellfeld
from sozialraumplan.neu import VORLAGEN
from sozialraumplan.neu.felder import frage, hilfe
from sozialraumplan.quelle import Ordner
from sozialraumplan.schema import ARTEN

ZWEITSTADT = REPO / "tests/fixtures/zweitstadt"


def alle_modelle() -> list[type[BaseModel]]:
    """The model of every file kind and every model nested in one, and the districts' rows; also
    the non-public funding rounds and applications (they have no schema in the public repository)."""
    gefunden: list[type[BaseModel]] = []
    for oberstes in [*(modell for modell, _ in ARTEN.values()), Stadtteil, Runde, Antrag]:
        gefunden += [m for m in modelle(oberstes) if m not in gefunden]
    return gefunden


# --- Name, Titel, Beschreibung ----------------------------------------------------------------


ENGLISCHE_WOERTER = re.compile(r"\b(the|of|and|is|are|for|with|when|which|must)\b")


@pytest.mark.parametrize("modell", alle_modelle(), ids=lambda m: m.__name__)
def test_jedes_feld_heisst_wie_sein_schluessel_und_erklaert_sich_auf_deutsch(modell):
    for name, feld in modell.model_fields.items():
        wo = f"{modell.__name__}.{name}"
        assert feld.alias is None and feld.validation_alias is None, f"{wo}: der Name ist der YAML-Schlüssel, ohne Alias"
        assert feld.title and feld.title.strip(), f"{wo} hat keinen Titel"
        assert feld.description and feld.description.strip().endswith((".", ")")), f"{wo}: Beschreibung als Satz"
        assert not ENGLISCHE_WOERTER.search(f"{feld.title} {feld.description}"), f"{wo}: Titel und Beschreibung deutsch"
    assert not modell.model_config.get("populate_by_name")


def test_kein_modell_entgeht_der_regel():
    def unterklassen(klasse: type) -> set[type]:
        return {u for k in klasse.__subclasses__() for u in {k, *unterklassen(k)}}

    # Plan is the validated whole, not a file: `info` and `quellen` are no YAML keys (see its docstring).
    assert unterklassen(Modell) - {Plan} <= set(alle_modelle())


def test_ein_englischer_name_ist_kein_feld_mehr():
    assert "titel" in Massnahme.model_fields and "title" not in Massnahme.model_fields
    daten = {**plan_laden(Ordner(REPO)).massnahmen[0].model_dump(), "title": "Spielplatz"}
    with pytest.raises(ValueError, match="title"):
        Massnahme.model_validate(daten)


# --- Englische Schlüssel -------------------------------------------------------------------------


def einziger_fehler(befunde: list[Befund], datei: str) -> str:
    """The one error in `datei` (other files may miss what the broken file defined)."""
    fehler = [str(b) for b in befunde if b.schwere is Schwere.FEHLER and b.datei == datei]
    assert len(fehler) == 1, fehler  # no second finding „Die Angabe … fehlt“ for the same slip
    return fehler[0]


@pytest.mark.parametrize(("datei", "alt", "neu", "meldung"), [
    ("plan/massnahmen/M001.yml", "titel: Stadtteilzentrum", "title: Stadtteilzentrum",
     "Unbekannte Angabe „title“ — meinten Sie „titel“?"),
    ("plan/massnahmen/M001.yml", "fortschritt: 40", "progress: 40",
     "Unbekannte Angabe „progress“ — meinten Sie „fortschritt“?"),
    ("plan/massnahmen/M001.yml", "beschreibung: |", "description: |",
     "Unbekannte Angabe „description“ — meinten Sie „beschreibung“?"),
    ("plan/massnahmen/M001.yml", '  ende: "2026-12"', '  end: "2026-12"',
     "Unbekannte Angabe „end“ — meinten Sie „ende“?"),
    ("plan/massnahmen/M002.yml", "prioritaet: mittel", "priority: mittel",
     "Unbekannte Angabe „priority“ — meinten Sie „prioritaet“?"),
    ("plan/massnahmen/M002.yml", "zuletzt_geprueft: 2023-01-15", "last_reviewed: 2023-01-15",
     "Unbekannte Angabe „last_reviewed“ — meinten Sie „zuletzt_geprueft“?"),
    ("plan/plan.yml", "herausgeber: Stadt", "publisher: Stadt",
     "Unbekannte Angabe „publisher“ — meinten Sie „herausgeber“?"),
    ("plan/plan.yml", "  e_mail: sozialplanung", "  email: sozialplanung",
     "Unbekannte Angabe „email“ — meinten Sie „e_mail“?"),
    ("plan/plan.yml", "beispieldaten: true", "example_data: true",
     "Unbekannte Angabe „example_data“ — meinten Sie „beispieldaten“?"),
    ("plan/leitlinien/L1.yml", "erlaeuterung: Teilhabe", "explanation: Teilhabe",
     "Unbekannte Angabe „explanation“ — meinten Sie „erlaeuterung“?"),
    ("plan/glossar.yml", "    erklaerung: Fachkräfte", "    explanation: Fachkräfte",
     "Unbekannte Angabe „explanation“ — meinten Sie „erklaerung“?"),
    ("plan/gremien/arbeitskreis.yml", "einberufen_von: Sozialamt", "convened_by: Sozialamt",
     "Unbekannte Angabe „convened_by“ — meinten Sie „einberufen_von“?"),
    ("plan/gremien/begleitgremium.yml", "mitglieder: [", "members: [",
     "Unbekannte Angabe „members“ — meinten Sie „mitglieder“?"),
    ("plan/sitzungen/2025-03-01-begleitgremium.yml", "ergebnisse: [", "results: [",
     "Unbekannte Angabe „results“ — meinten Sie „ergebnisse“?"),
])
def test_ein_englischer_schluessel_im_plan_nennt_den_deutschen(kleinstadt, datei, alt, neu, meldung):
    kleinstadt.ersetzen(datei, alt, neu)
    _, befunde = plan_pruefen(Ordner(kleinstadt.wurzel))
    assert einziger_fehler(befunde, datei).endswith(meldung)


@pytest.mark.parametrize(("alt", "neu", "meldung"), [
    ("konformitaet: teilweise", "conformity: teilweise", "Unbekannte Angabe „conformity“ — meinten Sie „konformitaet“?"),
    ("  e_mail: barrierefrei", "  email: barrierefrei", "Unbekannte Angabe „email“ — meinten Sie „e_mail“?"),
    ("    grund: Die Karten", "    reason: Die Karten", "Unbekannte Angabe „reason“ — meinten Sie „grund“?"),
])
def test_ein_englischer_schluessel_in_der_erklaerung_zur_barrierefreiheit(kleinstadt, alt, neu, meldung):
    kleinstadt.ersetzen("plan/barrierefreiheit.yml", alt, neu)
    _, befunde = erklaerung_pruefen(Ordner(kleinstadt.wurzel))
    assert einziger_fehler(befunde, "plan/barrierefreiheit.yml").endswith(meldung)


@pytest.mark.parametrize(("datei", "alt", "neu", "meldung"), [
    ("data/indikatoren.yml", "    einheit: Personen", "    unit: Personen",
     "Unbekannte Angabe „unit“ — meinten Sie „einheit“?"),
    ("data/atlas.yml", "werte:\n", "values:\n", "Unbekannte Angabe „values“ — meinten Sie „werte“?"),
])
def test_ein_englischer_schluessel_im_atlas(tmp_path, datei, alt, neu, meldung):
    shutil.copytree(ZWEITSTADT, tmp_path / "auenfeld")
    auenfeld = PlanOrdner(tmp_path / "auenfeld")
    auenfeld.ersetzen(datei, alt, neu)
    quelle = Ordner(auenfeld.wurzel)
    _, befunde = atlas_pruefen(quelle, plan_laden(quelle))
    assert einziger_fehler(befunde, datei).endswith(meldung)


def test_ein_englischer_schluessel_in_den_vorgaben_der_beispieldaten(tmp_path):
    (tmp_path / "data").mkdir()
    text = (REPO / VORGABEN).read_text(encoding="utf-8").replace("\nsaat: 3\n", "\nseed: 3\n")
    (tmp_path / VORGABEN).write_text(text, encoding="utf-8")
    befunde: list[Befund] = []
    assert yaml_einlesen(Ordner(tmp_path), VORGABEN, BeispielVorgaben, befunde)[0] is None
    assert einziger_fehler(befunde, VORGABEN).endswith("Unbekannte Angabe „seed“ — meinten Sie „saat“?")


def test_ein_englischer_schluessel_in_den_teams(tmp_path):
    (tmp_path / ".github").mkdir()
    text = (REPO / TEAMS_DATEI).read_text(encoding="utf-8").replace("\nzustaendigkeiten:\n", "\nrules:\n")
    (tmp_path / TEAMS_DATEI).write_text(text, encoding="utf-8")
    _, befunde = konfiguration_laden(tmp_path)
    assert einziger_fehler(befunde, TEAMS_DATEI).endswith("Unbekannte Angabe „rules“ — meinten Sie „zustaendigkeiten“?")


def test_jeder_englische_name_fuehrt_zu_einem_deutschen_schluessel():
    schluessel = {name for modell in alle_modelle() for name in modell.model_fields}
    for englisch, deutsch in ENGLISCHE_SCHLUESSEL.items():
        assert set(deutsch) <= schluessel, f"{englisch} → {deutsch}: kein Feld heißt so"


# --- Fragen von `neu` und Namen im Vergleich -----------------------------------------------------


@pytest.mark.parametrize("art", VORLAGEN)
def test_jede_frage_von_neu_ist_der_titel_des_feldes(art):
    vorlage = VORLAGEN[art]
    for feld in vorlage.felder:
        info = modellfeld(vorlage.art.modell, feld.pfad)
        assert frage(vorlage.art.modell, feld).startswith(info.title), feld.schluessel
        assert hilfe(vorlage.art.modell, feld).endswith(info.description), feld.schluessel


def test_fragen_nennen_die_form_der_antwort():
    felder = {f.schluessel: f for f in VORLAGEN["massnahme"].felder}
    assert [frage(Massnahme, felder[k]) for k in ("titel", "zeitraum.beginn", "fortschritt", "zuletzt_geprueft",
                                                  "leitlinien", "gremium", "prioritaet")] == [
        "Titel", "Beginn (JJJJ-MM)", "Fortschritt (0 bis 100)", "Zuletzt geprüft (JJJJ-MM-TT)",
        "Leitlinien (Kennungen)", "Gremium (Kennung)", "Priorität"]


def test_die_hilfe_von_neu_erklaert_jede_angabe(capsys):
    with pytest.raises(SystemExit):
        main(["neu", "massnahme", "--help"])
    hilfe_text = " ".join(capsys.readouterr().out.split())  # argparse wraps lines
    assert "Verantwortlich – Das Amt oder die Stelle, die die Maßnahme verantwortet." in hilfe_text
    assert "Fortschritt (0 bis 100) – Wie weit die Maßnahme umgesetzt ist, in Prozent von 0 bis 100" in hilfe_text


def test_der_vergleich_nennt_jedes_feld_mit_seinem_titel():
    alt = plan_laden(Ordner(REPO)).massnahmen[0]
    neu = alt.model_copy(update={
        "zeitraum": alt.zeitraum.model_copy(update={"ende": "2099-12"}),
        "fortschritt": (alt.fortschritt + 10) % 100,
        "titel_leichte_sprache": "Ein neuer Titel",
    })
    aenderungen = felder_vergleichen(alt, neu)
    assert [(a.schluessel, a.name) for a in aenderungen] == [
        ("titel_leichte_sprache", "Titel in Leichter Sprache"),
        ("zeitraum.ende", "Zeitraum, Ende"),
        ("fortschritt", "Fortschritt"),
    ]
    for a in aenderungen:
        assert a.name == feldname(Massnahme, a.feld)


def test_die_namen_im_vergleich_sind_die_titel_der_modelle():
    for modell in alle_modelle():
        for name, feld in modell.model_fields.items():
            assert feldname(modell, (name,)) == feld.title
