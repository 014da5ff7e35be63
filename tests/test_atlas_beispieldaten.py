"""Example values and boundary import: reproducible, in range, and what the repository holds."""

from __future__ import annotations

import json
import shutil

import yaml
from conftest import REPO

from sozialraumplan.atlas.beispieldaten import erzeugen
from sozialraumplan.atlas.grenzen_uebernehmen import uebernehmen


def test_beispielwerte_sind_aus_dem_startwert_reproduzierbar(tmp_path):
    for ordner in ("plan", "data"):
        shutil.copytree(REPO / ordner, tmp_path / ordner)
    (tmp_path / "data/werte/beispielwerte.csv").unlink()
    assert erzeugen(tmp_path) == ["data/werte/beispielwerte.csv", "data/standorte.csv"]
    for datei in ("data/werte/beispielwerte.csv", "data/standorte.csv"):
        assert (tmp_path / datei).read_bytes() == (REPO / datei).read_bytes(), datei


def test_beispielwerte_liegen_im_bereich_und_kennen_geheimhaltung():
    katalog = yaml.safe_load((REPO / "data/indikatoren.yml").read_text(encoding="utf-8"))["indikatoren"]
    anzahlen = {i["id"] for i in katalog if i.get("anzahl")}
    quoten = {i["id"]: i["berechnung"] for i in katalog if "berechnung" in i}
    zeilen = [z.split(";") for z in (REPO / "data/werte/beispielwerte.csv").read_text(encoding="utf-8").splitlines()[1:]]
    prozent = [float(w.replace(",", ".")) for s, i, j, w in zeilen if w and i not in anzahlen]
    assert 0 <= min(prozent) and max(prozent) <= 100
    # rates with counts come as their counts (whole numbers), so the atlas can pool them
    geschrieben = {i for _, i, _, _ in zeilen}
    assert quoten and not set(quoten) & geschrieben
    assert {q["zaehler"] for q in quoten.values()} | {q["nenner"] for q in quoten.values()} <= geschrieben
    assert all(float(w).is_integer() for _, i, _, w in zeilen if w and i in anzahlen)
    assert not any(s == "gesamtstadt" for s, i, _, _ in zeilen if i in anzahlen)  # the atlas sums them
    assert any(w == "" for *_, w in zeilen)  # small districts: no value (statistical secrecy)
    assert {j for _, _, j, _ in zeilen} == {"2021", "2022", "2023", "2024"}
    assert any(s == "gesamtstadt" for s, *_ in zeilen)


def test_grenzen_uebernehmen_setzt_id_und_name_und_repariert(tmp_path):
    roh = json.loads((REPO / "tests/fixtures/zweitstadt/data/bezirke_roh.geojson").read_text(encoding="utf-8"))
    roh["features"][0]["geometry"]["coordinates"] = [[[8.8, 53.0], [8.82, 53.012], [8.82, 53.0], [8.8, 53.012], [8.8, 53.0]]]
    stadtteile = {"101": ("zentrum", "Zentrum"), "102": ("hafen", "Hafen"), "103": ("nordfeld", "Nordfeld"),
                  "104": ("suedhang", "Südhang"), "105": ("altdorf", "Altdorf"), "106": ("werderinseln", "Werderinseln")}
    daten, repariert = uebernehmen(roh, "BEZ_NR", "nummer", stadtteile, reparieren=True)
    assert repariert == ["Zentrum"]
    assert [f["properties"]["id"] for f in daten["features"]] == sorted(i for i, _ in stadtteile.values())
    zentrum = next(f for f in daten["features"] if f["properties"]["id"] == "zentrum")
    assert zentrum["properties"] == {"id": "zentrum", "name": "Zentrum", "BEZ_NR": 101, "BEZ_NAME": "Zentrum"}
    assert zentrum["geometry"]["type"] == "MultiPolygon"  # the bow tie became two triangles
