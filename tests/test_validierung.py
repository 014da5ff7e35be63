"""`sozialraumplan validate`: every rule, with a valid and a broken plan of Musterstadt.

Each finding must name the file, the line and column, what is wrong and what to do.
"""

from __future__ import annotations

import pytest
from fixtures.diff.planrepo import musterstadt_erweitern

from sozialraumplan.befund import PlanUngueltig
from sozialraumplan.bestand import bestand_pruefen
from sozialraumplan.cli import main
from sozialraumplan.laden import plan_laden, plan_pruefen
from sozialraumplan.quelle import Ordner


def befunde(ordner) -> list[str]:
    plan, gefunden = plan_pruefen(Ordner(ordner.wurzel))
    return [str(b) for b in gefunden]


def einziger_befund(ordner) -> str:
    gefunden = befunde(ordner)
    assert len(gefunden) == 1, gefunden
    return gefunden[0]


def test_gueltiger_plan_wird_vollstaendig_geladen(kleinstadt):
    plan = plan_laden(Ordner(kleinstadt.wurzel))
    assert plan.info.stadt == "Musterstadt"
    assert [l.id for l in plan.leitlinien] == ["L1", "L2"]
    assert [m.id for m in plan.massnahmen] == ["M001", "M002"]
    assert plan.massnahmen[0].zeitraum.beginn == "2025-01"
    assert plan.massnahmen[1].citywide
    assert plan.quellen["massnahme:M001"] == "plan/massnahmen/M001.yml"
    assert plan.stadtteil_name("sued") == "Südstadt"


def test_unbekannter_schluessel_mit_vorschlag(kleinstadt):
    kleinstadt.ersetzen("plan/massnahmen/M001.yml", "prioritaet: hoch", "priorität: hoch")
    meldung = einziger_befund(kleinstadt)
    assert meldung.startswith("plan/massnahmen/M001.yml:16:1: Unbekannte Angabe „priorität“")
    assert "meinten Sie „prioritaet“?" in meldung


def test_fehlende_pflichtangabe(kleinstadt):
    kleinstadt.ersetzen("plan/massnahmen/M002.yml", "finanzierung: Haushalt\n", "")
    meldung = einziger_befund(kleinstadt)
    assert meldung.startswith("plan/massnahmen/M002.yml:1:1: Die Angabe „finanzierung“ fehlt")
    assert "ergänzen Sie" in meldung


def test_unerlaubter_status_mit_vorschlag(kleinstadt):
    kleinstadt.ersetzen("plan/massnahmen/M001.yml", "status: in_umsetzung", "status: in umsetzung")
    meldung = einziger_befund(kleinstadt)
    assert meldung.startswith("plan/massnahmen/M001.yml:14:9: „status“: „in umsetzung“ ist kein erlaubter Wert")
    assert "meinten Sie „in_umsetzung“?" in meldung


def test_dezimalkomma_wird_erkannt(kleinstadt):
    kleinstadt.ersetzen("plan/massnahmen/M001.yml", "fortschritt: 40", "fortschritt: 40,5")
    meldung = einziger_befund(kleinstadt)
    assert "plan/massnahmen/M001.yml:15:14:" in meldung
    assert "Dezimalkomma" in meldung and "40.5" in meldung


def test_fortschritt_ausserhalb_des_bereichs(kleinstadt):
    kleinstadt.ersetzen("plan/massnahmen/M001.yml", "fortschritt: 40", "fortschritt: 140")
    assert "höchstens 100" in einziger_befund(kleinstadt)


def test_ungueltiges_datum(kleinstadt):
    kleinstadt.ersetzen("plan/massnahmen/M001.yml", "zuletzt_geprueft: 2025-05-01", "zuletzt_geprueft: 31.05.2025")
    meldung = einziger_befund(kleinstadt)
    assert meldung.startswith("plan/massnahmen/M001.yml:19:19:")
    assert "kein gültiges Datum" in meldung and "JJJJ-MM-TT" in meldung


def test_monat_in_falscher_form(kleinstadt):
    kleinstadt.ersetzen("plan/massnahmen/M001.yml", 'beginn: "2025-01"', 'beginn: "01/2025"')
    assert "JJJJ-MM" in einziger_befund(kleinstadt)


def test_ende_vor_beginn(kleinstadt):
    kleinstadt.ersetzen("plan/massnahmen/M001.yml", 'ende: "2026-12"', 'ende: "2024-12"')
    assert "Das Ende liegt vor dem Beginn" in einziger_befund(kleinstadt)


def test_umgesetzt_verlangt_fortschritt_100(kleinstadt):
    kleinstadt.ersetzen("plan/massnahmen/M001.yml", "status: in_umsetzung", "status: umgesetzt")
    assert "fortschritt: 100" in einziger_befund(kleinstadt)


@pytest.mark.parametrize(
    "eingeschleust",
    ['<script>alert("x")</script>', '<img src=x onerror=alert(1)>', "[klick](javascript:alert(1))"],
)
def test_html_und_skript_in_textfeldern_sind_fehler(kleinstadt, eingeschleust):
    kleinstadt.ersetzen("plan/massnahmen/M001.yml", "Ein offener Treffpunkt", f"Ein {eingeschleust} Treffpunkt")
    meldung = einziger_befund(kleinstadt)
    assert meldung.startswith("plan/massnahmen/M001.yml:6:")
    assert "beschreibung" in meldung


def test_kleiner_als_zeichen_im_text_ist_erlaubt(kleinstadt):
    kleinstadt.ersetzen("plan/massnahmen/M001.yml", "Ein offener Treffpunkt", "Für Kinder < 6 Jahre ein Treffpunkt")
    assert befunde(kleinstadt) == []


def test_yaml_syntaxfehler_mit_zeile(kleinstadt):
    kleinstadt.ersetzen("plan/massnahmen/M002.yml", "verantwortlich: Statistikstelle", "verantwortlich: Statistik: stelle")
    meldung = einziger_befund(kleinstadt)
    assert meldung.startswith("plan/massnahmen/M002.yml:8:")
    assert "Der Wert enthält einen Doppelpunkt" in meldung


def test_doppelter_schluessel(kleinstadt):
    kleinstadt.ersetzen("plan/massnahmen/M002.yml", "status: geplant\n", "status: geplant\nstatus: umgesetzt\n")
    meldung = einziger_befund(kleinstadt)
    assert meldung.startswith("plan/massnahmen/M002.yml:12:1:") and "doppelt" in meldung


def test_tabulator_statt_leerzeichen(kleinstadt):
    kleinstadt.ersetzen("plan/massnahmen/M001.yml", '  beginn: "2025-01"', '\tbeginn: "2025-01"')
    assert "steht ein Tabulator, wo nur Leerzeichen erlaubt sind" in einziger_befund(kleinstadt)


def test_kennung_muss_dateiname_sein(kleinstadt):
    kleinstadt.ersetzen("plan/massnahmen/M002.yml", "id: M002", "id: M003")
    meldung = einziger_befund(kleinstadt)
    assert meldung.startswith("plan/massnahmen/M002.yml:1:5:")
    assert "M003.yml" in meldung


def test_doppelte_kennung_in_zwei_dateien(kleinstadt):
    kleinstadt.schreiben("plan/massnahmen/M001.yaml", kleinstadt.lesen("plan/massnahmen/M001.yml"))
    meldung = einziger_befund(kleinstadt)
    assert "Kennung „M001“ gibt es schon in plan/massnahmen/M001.yaml" in meldung


@pytest.mark.parametrize(
    ("datei", "alt", "neu", "erwartet"),
    [
        ("plan/massnahmen/M001.yml", "leitlinien: [L1, L2]", "leitlinien: [L1, L7]", "Die Leitlinie „L7“ gibt es nicht"),
        ("plan/massnahmen/M001.yml", "stadtteile: [nord]", "stadtteile: [nordd]", "meinten Sie „nord“?"),
        ("plan/massnahmen/M001.yml", "gremium: begleitgremium", "gremium: begleitgremien",
         "meinten Sie „begleitgremium“?"),
        ("plan/gremien/arbeitskreis.yml", "berichtet_an: [begleitgremium]", "berichtet_an: [stadtrat]",
         "Das Gremium „stadtrat“ gibt es nicht"),
        ("plan/sitzungen/2025-03-01-begleitgremium.yml", "gremium: begleitgremium", "gremium: impulsgruppe",
         "Das Gremium „impulsgruppe“ gibt es nicht"),
        ("plan/massnahmen/M001.yml", "leitlinien: [L1, L2]", "leitlinien: [L1, L1]", "„L1“ steht doppelt"),
    ],
)
def test_jeder_verweis_muss_aufgeloest_werden(kleinstadt, datei, alt, neu, erwartet):
    kleinstadt.ersetzen(datei, alt, neu)
    meldung = einziger_befund(kleinstadt)
    assert meldung.startswith(datei + ":") and erwartet in meldung


def test_verweis_zeigt_auf_die_zeile_des_listeneintrags(kleinstadt):
    kleinstadt.ersetzen("plan/massnahmen/M001.yml", "leitlinien: [L1, L2]", "leitlinien:\n  - L1\n  - L9")
    assert einziger_befund(kleinstadt).startswith("plan/massnahmen/M001.yml:5:5:")


def test_doppelte_stadtteil_kennung_in_der_csv(kleinstadt):
    kleinstadt.schreiben("data/stadtteile.csv", "id,nummer,name\nnord,1,Nordstadt\nnord,2,Südstadt\n")
    meldung = einziger_befund(kleinstadt)
    assert meldung.startswith("data/stadtteile.csv:3:1:") and "schon in Zeile 2" in meldung


def test_doppelte_abkuerzung_im_glossar(kleinstadt):
    kleinstadt.ersetzen("plan/glossar.yml", "begriffe:\n", "begriffe:\n  - begriff: Quartiersarbeit\n"
                        "    abkuerzung: QSA\n    erklaerung: Doppelt.\n")
    assert "„QSA“ steht schon in Zeile" in einziger_befund(kleinstadt)


def test_alle_fehler_werden_auf_einmal_gemeldet(kleinstadt):
    kleinstadt.ersetzen("plan/massnahmen/M001.yml", "status: in_umsetzung", "status: fertig")
    kleinstadt.ersetzen("plan/massnahmen/M002.yml", "gremium: arbeitskreis", "gremium: niemand")
    kleinstadt.loeschen("plan/plan.yml")
    with pytest.raises(PlanUngueltig) as fehler:
        plan_laden(Ordner(kleinstadt.wurzel))
    dateien = {b.datei for b in fehler.value.befunde}
    assert dateien == {"plan/massnahmen/M001.yml", "plan/massnahmen/M002.yml", "plan/plan.yml"}
    assert fehler.value.bericht().endswith("3 Fehler gefunden. Der Plan wurde nicht veröffentlicht.")


def test_kommando_meldet_erfolg_mit_exit_0(kleinstadt, capsys):
    assert main(["--wurzel", str(kleinstadt.wurzel), "validate"]) == 0
    assert "Plan gültig: 2 Leitlinien, 2 Maßnahmen, 2 Gremien" in capsys.readouterr().out


def test_kommando_meldet_fehler_mit_exit_1(kleinstadt, capsys):
    kleinstadt.ersetzen("plan/massnahmen/M001.yml", "prioritaet: hoch", "prioritaet: dringend")
    assert main(["--wurzel", str(kleinstadt.wurzel), "validate"]) == 1
    fehler = capsys.readouterr().err
    assert "plan/massnahmen/M001.yml:16:13: „prioritaet“: „dringend“ ist kein erlaubter Wert" in fehler
    assert "1 Fehler gefunden" in fehler


def test_der_plan_dieses_repositorys_ist_gueltig(capsys):
    from conftest import REPO

    assert main(["--wurzel", str(REPO), "validate"]) == 0


def test_markdown_autolink_ist_kein_html(kleinstadt):
    kleinstadt.ersetzen("plan/massnahmen/M001.yml", "Ein offener Treffpunkt", "Siehe <https://example.org/zentrum>")
    assert befunde(kleinstadt) == []


def test_tippfehler_und_regelverstoss_in_einer_datei_werden_beide_richtig_gemeldet(kleinstadt):
    kleinstadt.ersetzen("plan/massnahmen/M001.yml", "prioritaet: hoch", "priorität: hoch")
    kleinstadt.ersetzen("plan/massnahmen/M001.yml", 'ende: "2026-12"', 'ende: "2024-12"')
    gefunden = befunde(kleinstadt)
    assert len(gefunden) == 2, gefunden
    assert any("Unbekannte Angabe „priorität“ — meinten Sie „prioritaet“?" in b for b in gefunden)
    assert any("„zeitraum“: Das Ende liegt vor dem Beginn" in b for b in gefunden)


def test_eigene_meldungen_eines_aufrufers(kleinstadt):
    from pydantic import BaseModel, ValidationError, model_validator

    from sozialraumplan.meldungen import uebersetzen
    from sozialraumplan.yamldatei import yaml_lesen

    class Einstellung(BaseModel):
        klassen: int

        @model_validator(mode="after")
        def _hoechstens_sieben(self):
            if self.klassen > 7:
                raise ValueError("zu_viele_klassen")
            return self

    dokument, _ = yaml_lesen("data/atlas.yml", b"klassen: 9\n")
    with pytest.raises(ValidationError) as fehler:
        Einstellung.model_validate(dokument.daten)
    [befund] = uebersetzen(fehler.value, dokument, Einstellung,
                           {"zu_viele_klassen": ("Höchstens sieben Klassen", "wählen Sie 2 bis 7")})
    assert str(befund) == "data/atlas.yml:1:1: Höchstens sieben Klassen — wählen Sie 2 bis 7"


BESCHLUSS = """\
beschluesse:
  - art: bewertung
    betrifft:
      massnahmen:
        - M001
        - M017
    ergebnis: Die Maßnahme kommt voran.
"""
"""A decision of the Sitzung 2025-03-01 (its file has six lines before it)."""


def test_unbekannte_massnahme_in_einem_beschluss_mit_zeile(kleinstadt):
    kleinstadt.schreiben("plan/sitzungen/2025-03-01-begleitgremium.yml",
                         kleinstadt.lesen("plan/sitzungen/2025-03-01-begleitgremium.yml") + BESCHLUSS)
    meldung = einziger_befund(kleinstadt)
    assert meldung.startswith("plan/sitzungen/2025-03-01-begleitgremium.yml:12:11:"), meldung
    assert "Die Maßnahme „M017“ gibt es nicht" in meldung and "plan/massnahmen/" in meldung


@pytest.mark.parametrize(
    ("alt", "neu", "erwartet"),
    [
        ("        - M001\n        - M017\n", "        - M001\n      stadtteile: [nordstadt]\n",
         "Den Stadtteil „nordstadt“ gibt es nicht"),
        ("      massnahmen:\n        - M001\n        - M017\n", "      leitlinien: [L3]\n",
         "Die Leitlinie „L3“ gibt es nicht"),
        ("    betrifft:\n      massnahmen:\n        - M001\n        - M017\n", "    betrifft: {}\n",
         "„betrifft“ nennt nichts"),
        ("art: bewertung", "art: priorisieren", "meinten Sie „priorisierung“?"),
        ("art: bewertung\n    betrifft:\n      massnahmen:\n        - M001\n        - M017\n",
         "art: standortempfehlung\n    betrifft:\n      standort: {name: Treff, breite: 51.0}\n",
         "Breite und Länge gehören zusammen"),
        ("art: bewertung\n    betrifft:\n      massnahmen:\n        - M001\n        - M017\n",
         "art: priorisierung\n    betrifft:\n      stadtteile: [nord]\n",
         "Eine Priorisierung braucht die Maßnahmen in ihrer Rangfolge"),
    ],
)
def test_beschluesse_werden_geprueft(kleinstadt, alt, neu, erwartet):
    kleinstadt.schreiben("plan/sitzungen/2025-03-01-begleitgremium.yml",
                         kleinstadt.lesen("plan/sitzungen/2025-03-01-begleitgremium.yml") + BESCHLUSS.replace(alt, neu))
    meldungen = befunde(kleinstadt)
    assert any(m.startswith("plan/sitzungen/2025-03-01-begleitgremium.yml:") and erwartet in m for m in meldungen), \
        meldungen


def test_meilenstein_mit_unmoeglichem_datum(kleinstadt):
    kleinstadt.ersetzen("plan/massnahmen/M001.yml", "beispiel: true\n",
                        "beispiel: true\nmeilensteine:\n  - datum: 2025-13-01\n    titel: Eröffnung\n")
    assert einziger_befund(kleinstadt).startswith("plan/massnahmen/M001.yml:22:12: „meilensteine.0.datum“: "
                                                  "„2025-13-01“ ist kein gültiges Datum")


def test_wirkung_kennt_nur_sinken_und_steigen(kleinstadt):
    kleinstadt.ersetzen("plan/massnahmen/M001.yml", "beispiel: true\n",
                        "beispiel: true\nwirkung:\n  indikatoren: [kinderarmut]\n  richtung: fallen\n")
    meldung = einziger_befund(kleinstadt)
    assert meldung.startswith("plan/massnahmen/M001.yml:23:") and "sinken" in meldung and "steigen" in meldung


def test_wirkung_nennt_nur_indikatoren_des_atlas(kleinstadt):
    musterstadt_erweitern(kleinstadt)
    kleinstadt.ersetzen("plan/massnahmen/M001.yml", "beispiel: true\n",
                        "beispiel: true\nwirkung:\n  indikatoren:\n    - kinderarmut\n    - kinderarmutt\n"
                        "  richtung: sinken\n")
    _, gefunden = bestand_pruefen(Ordner(kleinstadt.wurzel))
    assert [str(b) for b in gefunden] == [
        "plan/massnahmen/M001.yml:24:7: Den Indikator „kinderarmutt“ gibt es nicht — meinten Sie „kinderarmut“? "
        "gültige Kennungen stehen in data/indikatoren.yml"]
