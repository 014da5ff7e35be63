"""Open data of the plan: `plan.json` and `massnahmen.csv` with German keys, byte-for-byte stable."""

from __future__ import annotations

import csv
import io
import json

from sozialraumplan.cli import main
from sozialraumplan.export import massnahmen_csv, plan_json
from sozialraumplan.laden import plan_laden
from sozialraumplan.quelle import Ordner


def test_plan_json_hat_deutsche_schluessel(kleinstadt):
    daten = json.loads(plan_json(plan_laden(Ordner(kleinstadt.wurzel))))
    assert sorted(daten) == ["foerderprojekte", "glossar", "gremien", "leitlinien", "massnahmen", "plan", "quellen",
                             "sitzungen", "stadtteile"]
    assert daten["plan"]["fortschreibung"] == "Erste Fortschreibung 2025"
    assert daten["plan"]["kontakt"]["e_mail"] == "sozialplanung@example.org"
    m001 = daten["massnahmen"][0]
    assert m001["id"] == "M001" and m001["titel"] == "Stadtteilzentrum Nord eröffnen"
    assert m001["zeitraum"] == {"beginn": "2025-01", "ende": "2026-12"}
    assert (m001["status"], m001["fortschritt"], m001["zuletzt_geprueft"]) == ("in_umsetzung", 40, "2025-05-01")
    assert daten["glossar"][0]["abkuerzung"] == "QSA"
    assert daten["stadtteile"][1] == {"id": "sued", "nummer": "2", "name": "Südstadt"}
    assert daten["quellen"]["massnahme:M002"] == "plan/massnahmen/M002.yml"


def test_massnahmen_csv_eine_zeile_je_massnahme(kleinstadt):
    text = massnahmen_csv(plan_laden(Ordner(kleinstadt.wurzel)))
    zeilen = list(csv.DictReader(io.StringIO(text)))
    assert text.splitlines()[0] == (
        "id,titel,leitlinien,stadtteile,beschreibung,leichte_sprache,titel_leichte_sprache,verantwortlich,beteiligte,"
        "zeitraum_beginn,zeitraum_ende,status,fortschritt,prioritaet,finanzierung,gremium,"
        "zuletzt_geprueft,beispiel,meilensteine,wirkung_indikatoren,wirkung_richtung,stadtteile_namen"
    )
    assert [z["id"] for z in zeilen] == ["M001", "M002"]
    m001, m002 = zeilen
    assert m001["leitlinien"] == "L1 | L2"
    assert m001["stadtteile_namen"] == "Nordstadt"
    assert m001["beispiel"] == "ja" and m002["beispiel"] == "nein"
    assert m002["zeitraum_ende"] == "" and m002["stadtteile_namen"] == "Gesamtstadt"
    assert m001["beschreibung"] == "Ein offener Treffpunkt mit Beratung."
    assert m001["wirkung_indikatoren"] == "" and m001["meilensteine"] == ""


def test_meilensteine_und_wirkung_in_der_csv(kleinstadt):
    kleinstadt.ersetzen("plan/massnahmen/M001.yml", "beispiel: true\n", (
        "beispiel: true\nmeilensteine:\n  - datum: 2025-09-30\n    titel: Räume angemietet\n    erreicht: true\n"
        "wirkung:\n  indikatoren: [kinderarmut, arbeitslosenquote]\n  richtung: sinken\n"))
    m001 = next(csv.DictReader(io.StringIO(massnahmen_csv(plan_laden(Ordner(kleinstadt.wurzel))))))
    assert m001["meilensteine"] == "2025-09-30, Räume angemietet, ja"
    assert (m001["wirkung_indikatoren"], m001["wirkung_richtung"]) == ("kinderarmut | arbeitslosenquote", "sinken")


def test_gleicher_plan_gleiche_bytes(kleinstadt):
    plan = plan_laden(Ordner(kleinstadt.wurzel))
    assert plan_json(plan) == plan_json(plan_laden(Ordner(kleinstadt.wurzel)))
    assert massnahmen_csv(plan) == massnahmen_csv(plan_laden(Ordner(kleinstadt.wurzel)))


def test_befehl_schreibt_dateien(kleinstadt, capsys):
    assert main(["--wurzel", str(kleinstadt.wurzel), "export"]) == 0
    ziel = kleinstadt.wurzel / "dist" / "daten"
    assert sorted(p.name for p in ziel.iterdir()) == ["foerderprojekte.csv", "massnahmen.csv", "plan.json"]
    assert "geschrieben:" in capsys.readouterr().out


def test_befehl_mit_ungueltigem_plan(kleinstadt, capsys):
    kleinstadt.ersetzen("plan/massnahmen/M001.yml", "status: in_umsetzung", "status: fertig")
    assert main(["--wurzel", str(kleinstadt.wurzel), "export"]) == 1
    assert "plan/massnahmen/M001.yml:14:9:" in capsys.readouterr().err
    assert not (kleinstadt.wurzel / "dist").exists()
