"""Plausible example values for every district and year, reproducible from a seed.

No complete per-district table of a real city is at hand, so the atlas is shown with generated
values that look like real ones: each district gets a latent „Belastung“ between 0 and 1 from
its settlement type (inner city, large housing estate, village), every need indicator is a
function of it with noise, a trend over the years and statistical secrecy in small districts.
Counts that are shares of another count (`basis`) are written as counts; a rate defined from
counts (`berechnung` in data/indikatoren.yml) is written as its numerator, so the atlas computes
the rate and pools it for the city and larger areas, as it would with a city's real counts.
Real published figures (`data/ankerwerte.csv`) fix the population of the districts they cover
and keep the ranges realistic; the values written here stay example data all the same.

    python -m sozialraumplan.atlas.beispieldaten [--wurzel .]

reads `data/beispieldaten.yml` and writes the value file and the sites it names.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from pathlib import Path

import numpy as np
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from ..befund import Befund, PlanUngueltig, nur_fehler
from ..laden import stadtteile_lesen
from ..model import GESAMTSTADT, Stadtteil
from ..quelle import Ordner
from .geometrie import flaeche_km2, grenzen_lesen
from .laden import EINSTELLUNGEN, INDIKATOREN, beispielvorgaben_pruefen, yaml_einlesen
from .modell import AtlasEinstellungen, BeispielVorgaben, Indikator, IndikatorenDatei
from .standorte import ankerwerte_lesen
from .zahlen import zahl_text


def _einwohner(vorgaben: BeispielVorgaben, stadtteile: list[Stadtteil], flaechen: dict[str, float],
               anker: dict[str, float], rng: np.random.Generator) -> dict[str, float]:
    """Inhabitants in the anchor year: anchored districts keep their figure, the rest of each
    type's total is shared by area (with noise)."""
    ergebnis: dict[str, float] = {}
    for typ, summe in vorgaben.einwohner.items():
        ids = [s.id for s in stadtteile if vorgaben.typ(s.id) == typ]
        frei = [i for i in ids if i not in anker]
        gewichte = np.array([flaechen[i] ** 0.6 for i in frei]) * rng.lognormal(0, 0.35, len(frei))
        rest = max(summe - sum(anker[i] for i in ids if i in anker), 0.0)
        for i, g in zip(frei, gewichte):
            ergebnis[i] = rest * g / gewichte.sum()
        ergebnis.update({i: anker[i] for i in ids if i in anker})
    return ergebnis


def beispielwerte(vorgaben: BeispielVorgaben, stadtteile: list[Stadtteil], indikatoren: list[Indikator],
                  flaechen: dict[str, float], anker: dict[str, float]) -> list[tuple[str, str, int, float | None]]:
    """(district, indicator, year, value) for every district, every year, every configured
    indicator, plus the city's own figure (`gesamtstadt`), rounded as the indicator is shown."""
    rng = np.random.default_rng(vorgaben.saat)
    ids = [s.id for s in stadtteile]
    basis = _einwohner(vorgaben, stadtteile, flaechen, anker, rng)
    ankerjahr = vorgaben.einwohner_anker.jahr if vorgaben.einwohner_anker else vorgaben.jahre[0]
    belastung = {}
    for i in ids:
        mittel, streuung = vorgaben.belastung[vorgaben.typ(i)]
        belastung[i] = float(np.clip(rng.normal(mittel, streuung), 0.0, 1.0))
    drift = {i: rng.normal(0.0, 0.025) for i in ids}
    einwohner = {(i, t): basis[i] * (1 + vorgaben.wachstum) ** (t - ankerjahr) * rng.normal(1.0, 0.004)
                 for i in ids for t in vorgaben.jahre}
    t0 = vorgaben.jahre[0]
    reihen: dict[str, dict[tuple[str, int], float | None]] = {
        vorgaben.einwohner_indikator: {k: float(round(v)) for k, v in einwohner.items()}}
    # counts that are shares of another count first: the rates' numerators are shares of them
    reihenfolge = sorted(indikatoren, key=lambda i: (vorgaben.indikatoren.get(i.id) is None
                                                     or vorgaben.indikatoren[i.id].basis is None))
    for indikator in reihenfolge:
        vorgabe = vorgaben.indikatoren.get(indikator.id)
        if vorgabe is None or indikator.id == vorgaben.einwohner_indikator:
            continue
        unten, oben = (0.0, 100.0) if vorgabe.basis else indikator.grenzen
        eigen = {i: (float(rng.lognormal(0, 0.15)) if vorgabe.je_typ else 1.0) for i in ids}
        reihe: dict[tuple[str, int], float | None] = {}
        for i in ids:
            if vorgabe.bereich:
                a, b = vorgabe.bereich
                kern = a + (b - a) * belastung[i]
            else:
                kern = (vorgabe.je_typ or {})[vorgaben.typ(i)] * eigen[i]
            for t in vorgaben.jahre:
                faktor = (1 + vorgabe.trend + drift[i]) ** (t - t0) * rng.normal(1.0, vorgabe.streuung)
                geheim = vorgabe.geheim_unter is not None and einwohner[(i, t)] < vorgabe.geheim_unter
                stellen = 6 if vorgabe.basis or indikator.berechnung else indikator.nachkommastellen
                reihe[(i, t)] = None if geheim else float(np.clip(round(kern * faktor, stellen), max(unten, 0.0), oben))
        if vorgabe.basis:
            reihe = _anteil(reihe, reihen[vorgabe.basis], 100.0)
        elif indikator.berechnung and indikator.berechnung.nenner in reihen:
            # a rate with counts: its numerator is written, the atlas computes the rate
            berechnung = indikator.berechnung
            reihen[berechnung.zaehler] = _anteil(reihe, reihen[berechnung.nenner], berechnung.faktor)
            continue
        reihen[indikator.id] = reihe
    zeilen: list[tuple[str, str, int, float | None]] = []
    for indikator in indikatoren:
        reihe_oder_nichts = reihen.get(indikator.id)
        if reihe_oder_nichts is None:
            continue
        zeilen += [(i, indikator.id, t, reihe_oder_nichts[(i, t)]) for i in ids for t in vorgaben.jahre]
        if not indikator.anzahl:  # counts sum up: the atlas adds them itself
            zeilen += [(GESAMTSTADT, indikator.id, t, _stadtwert(indikator, reihe_oder_nichts, einwohner, ids, t))
                       for t in vorgaben.jahre]
    return zeilen


def _anteil(anteile: dict[tuple[str, int], float | None], basis: dict[tuple[str, int], float | None],
            faktor: float) -> dict[tuple[str, int], float | None]:
    """Counts from shares of another count: round(share ÷ faktor × basis)."""
    return {k: None if (a := anteile[k]) is None or (b := basis.get(k)) is None else float(round(a / faktor * b))
            for k in anteile}


def _stadtwert(indikator: Indikator, reihe: dict, einwohner: dict, ids: list[str], jahr: int) -> float | None:
    """The inhabitant-weighted mean of a rate without counts (an approximation the city would
    replace with its own figure)."""
    paare = [(reihe[(i, jahr)], einwohner[(i, jahr)]) for i in ids if reihe[(i, jahr)] is not None]
    if not paare:
        return None
    return round(sum(w * e for w, e in paare) / sum(e for _, e in paare), indikator.nachkommastellen)


def werte_csv(zeilen: list[tuple[str, str, int, float | None]], indikatoren: list[Indikator]) -> str:
    """Long form, semicolon and decimal comma, as a German spreadsheet saves it."""
    stellen = {i.id: i.nachkommastellen for i in indikatoren}
    puffer = io.StringIO()
    schreiber = csv.writer(puffer, delimiter=";", lineterminator="\n")
    schreiber.writerow(["stadtteil", "indikator", "jahr", "wert"])
    for stadtteil, indikator, jahr, wert in zeilen:
        text = "" if wert is None else zahl_text(wert, stellen[indikator]).replace(".", "")
        schreiber.writerow([stadtteil, indikator, jahr, text])
    return puffer.getvalue()


def zufallspunkt(geometrie: BaseGeometry, rng: np.random.Generator) -> tuple[float, float]:
    """A point inside the district, away from its border: (latitude, longitude), 5 places."""
    innen = geometrie.buffer(-0.001)
    flaeche = innen if not innen.is_empty else geometrie
    minx, miny, maxx, maxy = flaeche.bounds
    while True:
        x, y = rng.uniform(minx, maxx), rng.uniform(miny, maxy)
        if flaeche.contains(Point(x, y)):
            return round(float(y), 5), round(float(x), 5)


OEFFNUNGSZEITEN = ("Mo–Do 10–16 Uhr, Fr 10–13 Uhr", "Di und Do 9–17 Uhr", "Mo–Fr 9–15 Uhr")
ZUGAENGE = ("stufenloser Eingang, WC barrierefrei", "Eingang mit Rampe, Aufzug ins 1. Obergeschoss",
            "Erdgeschoss, 2 Stufen am Eingang, Klingel für Hilfe")
"""Example visiting details, said to be examples in the cells themselves."""


def standorte_csv(vorgaben: BeispielVorgaben, grenzen: dict[str, BaseGeometry]) -> str:
    """The example sites, each at a random point in its district, with invented visiting details
    (marked as example)."""
    rng = np.random.default_rng(vorgaben.saat + 1)
    puffer = io.StringIO()
    schreiber = csv.writer(puffer, lineterminator="\n")
    schreiber.writerow(["id", "name", "art", "stadtteil", "breite", "laenge", "traeger", "beispiel",
                        "adresse", "oeffnungszeiten", "kontakt", "barrierefreiheit"])
    for n, s in enumerate(vorgaben.standorte):
        breite, laenge = zufallspunkt(grenzen[s.stadtteil], rng)
        schreiber.writerow([s.id, s.name, s.art.value, s.stadtteil, f"{breite:.5f}", f"{laenge:.5f}", s.traeger, "ja",
                            f"Beispielweg {3 + 2 * n} (Beispieladresse)", OEFFNUNGSZEITEN[n % len(OEFFNUNGSZEITEN)],
                            f"Telefon 0000 {100000 + 1111 * n} (Beispiel)", ZUGAENGE[n % len(ZUGAENGE)]])
    return puffer.getvalue()


def erzeugen(wurzel: Path) -> list[str]:
    """Write the example files named in `data/beispieldaten.yml`; returns their paths."""
    quelle = Ordner(wurzel)
    befunde: list[Befund] = []
    stadtteile, _ = stadtteile_lesen(quelle, befunde)
    einstellungen, _ = yaml_einlesen(quelle, EINSTELLUNGEN, AtlasEinstellungen, befunde)
    katalog, _ = yaml_einlesen(quelle, INDIKATOREN, IndikatorenDatei, befunde)
    vorgaben = beispielvorgaben_pruefen(quelle, stadtteile, katalog.indikatoren if katalog else None, befunde)
    if nur_fehler(befunde) or vorgaben is None or einstellungen is None or katalog is None:
        raise PlanUngueltig(befunde)
    grenzen = grenzen_lesen(quelle, einstellungen.geometrie, stadtteile, befunde)
    anker: dict[str, float] = {}
    if vorgaben.einwohner_anker and einstellungen.ankerwerte:
        anker = {a.stadtteil: a.wert for a in ankerwerte_lesen(quelle, einstellungen.ankerwerte, stadtteile, befunde)
                 if a.merkmal == vorgaben.einwohner_anker.merkmal and a.stichtag == vorgaben.einwohner_anker.stichtag}
    if nur_fehler(befunde):
        raise PlanUngueltig(befunde)
    flaechen = {i: flaeche_km2(g) for i, g in grenzen.items()}
    zeilen = beispielwerte(vorgaben, stadtteile, katalog.indikatoren, flaechen, anker)
    geschrieben = [vorgaben.ziel]
    _schreiben(wurzel / vorgaben.ziel, werte_csv(zeilen, katalog.indikatoren))
    if vorgaben.standorte_ziel:
        _schreiben(wurzel / vorgaben.standorte_ziel, standorte_csv(vorgaben, grenzen))
        geschrieben.append(vorgaben.standorte_ziel)
    return geschrieben


def _schreiben(pfad: Path, text: str) -> None:
    pfad.parent.mkdir(parents=True, exist_ok=True)
    pfad.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Beispielwerte für den Sozialstrukturatlas erzeugen")
    parser.add_argument("--wurzel", type=Path, default=Path("."))
    argumente = parser.parse_args(argv)
    try:
        for pfad in erzeugen(argumente.wurzel):
            print(f"geschrieben: {pfad}")
    except PlanUngueltig as fehler:
        print(fehler.bericht(), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
