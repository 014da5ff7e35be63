"""Scale of the atlas: build Erfurt and made-up cities of N districts, print the figures.

    .venv/bin/python bench/atlas_bench.py                 # Erfurt and 50, 250, 1000 districts
    .venv/bin/python bench/atlas_bench.py --stadtteile 1000 --ohne-erfurt
    .venv/bin/python bench/atlas_bench.py --stadtteile 50 250 --wiederholungen 3

For every city it copies the site (mkdocs.yml, docs/, macros/, overrides/) next to a plan and a
`data/` folder and measures:

- the full build (`mkdocs build`, with the plan, the atlas, macros and hooks),
- a plain mkdocs-material build of the same pages, written by `sozialraumplan seiten --ziel`
  (finished Markdown, the same navigation, no hooks) – the Erfurt target is full ≤ 1,3 × plain,
- pages, and the largest map page: raw, gzip, and gzip „first visit“ (the page plus every local
  stylesheet and script it loads).

Build times are wall-clock seconds, with the CPU seconds of the build in brackets: on a shared
machine the wall clock grows with other jobs, the CPU time hardly does. The two builds take
turns; beside the ratio of the fastest runs stands the median ratio of the pairs built one right
after the other, which a machine whose speed drifts during the hour disturbs least.

A made-up city keeps Erfurt's plan/ (Leitlinien, Gremien, Sitzungen without their decisions, no
funded projects) with generated Maßnahmen,
and generated data/: Voronoi districts with curved borders (every 40th a MultiPolygon with an
island), Erfurt's indicators with example values, sites. Not a test: it prints figures.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import shapely
import yaml
from shapely.geometry import MultiPolygon, Polygon, box, mapping

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from sozialraumplan.atlas.beispieldaten import BeispielVorgaben, beispielwerte, standorte_csv, werte_csv  # noqa: E402
from sozialraumplan.atlas.geometrie import flaeche_km2  # noqa: E402
from sozialraumplan.atlas.grenzen_uebernehmen import geojson_text  # noqa: E402
from sozialraumplan.atlas.modell import IndikatorenDatei  # noqa: E402
from sozialraumplan.model import Stadtteil  # noqa: E402

SITE_TEILE = ("docs", "macros", "overrides")
KM_GRAD_BREITE = 1 / 111.32
KM_GRAD_LAENGE = 1 / 70.0  # at about 51° north


# --- a made-up city -------------------------------------------------------------------------

def _bezirke(anzahl: int, rng: np.random.Generator) -> list[Polygon | MultiPolygon]:
    """Voronoi cells (about 1 km² each) with curved, shared borders; every 40th gets an island."""
    seite = np.sqrt(anzahl)  # km
    punkte = rng.uniform(0, seite, size=(anzahl, 2))
    rahmen = box(0, 0, seite, seite)
    zellen = shapely.voronoi_polygons(shapely.multipoints(punkte), extend_to=rahmen)
    nach_punkt = {}
    for zelle in shapely.get_parts(zellen):
        zelle = zelle.intersection(rahmen)
        treffer = [i for i, p in enumerate(punkte) if zelle.contains(shapely.Point(p))]
        if treffer:
            nach_punkt[treffer[0]] = zelle
    flaechen = []
    for i in range(anzahl):
        zelle = shapely.segmentize(nach_punkt[i], 0.12)
        # a smooth warp of the plane: shared borders stay shared, straight edges become curves
        zelle = shapely.transform(zelle, lambda xy: xy + 0.06 * np.sin(xy[:, ::-1] * 3.1))
        if i % 40 == 39:
            x, y = seite + 0.4 + (i % 7) * 0.3, (i / anzahl) * seite
            zelle = MultiPolygon([zelle, box(x, y, x + 0.2, y + 0.15)])
        flaechen.append(zelle)
    # km → degrees around Erfurt
    return [shapely.transform(f, lambda xy: np.column_stack([10.9 + xy[:, 0] * KM_GRAD_LAENGE,
                                                              50.9 + xy[:, 1] * KM_GRAD_BREITE])) for f in flaechen]


def _typ(stadtteil: int, anzahl: int) -> str:
    rest = stadtteil % 10
    return "plattenbau" if rest == 0 else "staedtisch" if rest < 5 else "doerflich"


def stadt_erzeugen(ziel: Path, anzahl: int, saat: int = 7) -> None:
    """plan/ and data/ of a city with `anzahl` districts below `ziel`."""
    rng = np.random.default_rng(saat)
    # Erfurt's decisions and funded projects name Erfurt's districts and Maßnahmen: not this city's
    shutil.copytree(REPO / "plan", ziel / "plan", ignore=shutil.ignore_patterns("massnahmen", "foerderprojekte"))
    for sitzung in (ziel / "plan/sitzungen").glob("*.yml"):
        daten = yaml.safe_load(sitzung.read_text(encoding="utf-8"))
        daten.pop("beschluesse", None)
        sitzung.write_text(yaml.safe_dump(daten, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (ziel / "data" / "werte").mkdir(parents=True)
    stadtteile = [Stadtteil(id=f"bezirk-{n:04d}", nummer=str(n), name=f"Bezirk {n}") for n in range(1, anzahl + 1)]
    (ziel / "data/stadtteile.csv").write_text(  # with the area level Erfurt's atlas.yml names
        "id,nummer,name,siedlungsstrukturtyp\n"
        + "".join(f"{s.id},{s.nummer},{s.name},{_typ(n, anzahl)}\n" for n, s in enumerate(stadtteile)), encoding="utf-8")
    grenzen = dict(zip((s.id for s in stadtteile), _bezirke(anzahl, rng)))
    features = [{"type": "Feature", "properties": {"id": i, "name": s.name},
                 "geometry": mapping(shapely.transform(grenzen[i], lambda xy: np.round(xy, 5)))}
                for s in stadtteile for i in [s.id]]
    (ziel / "data/stadtteile.geojson").write_text(geojson_text({"features": features}), encoding="utf-8")
    shutil.copy(REPO / "data/indikatoren.yml", ziel / "data/indikatoren.yml")
    atlas = yaml.safe_load((REPO / "data/atlas.yml").read_text(encoding="utf-8"))
    atlas["titel"] = f"Sozialstrukturatlas Beispielstadt ({anzahl} Bezirke)"
    atlas["geometrie"].update({"namensnennung": "Bezirksgrenzen: erfunden für den Lasttest"})
    atlas["geometrie"].pop("lizenz", None), atlas["geometrie"].pop("lizenz_adresse", None)
    atlas.pop("ankerwerte", None)
    (ziel / "data/atlas.yml").write_text(yaml.safe_dump(atlas, allow_unicode=True, sort_keys=False), encoding="utf-8")
    erfurt = yaml.safe_load((REPO / "data/beispieldaten.yml").read_text(encoding="utf-8"))
    typen: dict[str, list[str]] = {"plattenbau": [], "staedtisch": []}
    for n, s in enumerate(stadtteile):
        if _typ(n, anzahl) != "doerflich":
            typen[_typ(n, anzahl)].append(s.id)
    anteile = {"staedtisch": 0.4, "plattenbau": 0.1, "doerflich": 0.5}
    orte = [s for n, s in enumerate(stadtteile) if n % 20 == 0]
    vorgaben = BeispielVorgaben.model_validate({
        **{k: erfurt[k] for k in ("jahre", "belastung", "indikatoren", "standardtyp")},
        "saat": saat, "ziel": "data/werte/beispielwerte.csv", "standorte_ziel": "data/standorte.csv",
        "typen": typen, "wachstum": 0.002,
        "einwohner": {t: int(anzahl * 4200 * a) for t, a in anteile.items()},
        "standorte": [{"id": f"qsa-{s.id}", "name": f"Quartiersarbeit {s.name}", "art": "qsa" if k % 3 else
                       "stadtteilzentrum", "stadtteil": s.id, "traeger": "Freier Träger"} for k, s in enumerate(orte)],
    })
    katalog = IndikatorenDatei.model_validate(yaml.safe_load((REPO / "data/indikatoren.yml").read_text(encoding="utf-8")))
    flaechen = {i: flaeche_km2(g) for i, g in grenzen.items()}
    zeilen = beispielwerte(vorgaben, stadtteile, katalog.indikatoren, flaechen, {})
    (ziel / "data/werte/beispielwerte.csv").write_text(werte_csv(zeilen, katalog.indikatoren), encoding="utf-8")
    (ziel / "data/standorte.csv").write_text(standorte_csv(vorgaben, grenzen), encoding="utf-8")
    _massnahmen(ziel, stadtteile, rng)


def _massnahmen(ziel: Path, stadtteile: list[Stadtteil], rng: np.random.Generator) -> None:
    """One Maßnahme per five districts, copied from an Erfurt one with other districts and status."""
    vorlage = yaml.safe_load((REPO / "plan/massnahmen/M001.yml").read_text(encoding="utf-8"))
    ordner = ziel / "plan/massnahmen"
    ordner.mkdir()
    for n in range(1, len(stadtteile) // 5 + 1):
        auswahl = sorted(str(s) for s in rng.choice([s.id for s in stadtteile], size=int(rng.integers(1, 4)), replace=False))
        status = ["geplant", "in_umsetzung", "umgesetzt", "zurueckgestellt"][n % 4]
        eintrag = {**vorlage, "id": f"M{n:04d}", "titel": f"{vorlage['titel']} ({n})", "stadtteile": auswahl,
                   "status": status, "fortschritt": 100 if status == "umgesetzt" else 30}
        (ordner / f"M{n:04d}.yml").write_text(yaml.safe_dump(eintrag, allow_unicode=True, sort_keys=False),
                                              encoding="utf-8")


# --- building and measuring -----------------------------------------------------------------

def _site_kopieren(ziel: Path) -> None:
    shutil.copy(REPO / "mkdocs.yml", ziel / "mkdocs.yml")
    for teil in SITE_TEILE:
        shutil.copytree(REPO / teil, ziel / teil, ignore=shutil.ignore_patterns("__pycache__"))
    (ziel / "node_modules").symlink_to(REPO / "node_modules")


def _cpu() -> float:
    verbrauch = resource.getrusage(resource.RUSAGE_CHILDREN)
    return verbrauch.ru_utime + verbrauch.ru_stime


def _bauen(wurzel: Path, ausgabe: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one `mkdocs build` (CPU time hardly changes when other jobs
    share the machine; wall-clock time does)."""
    beginn, cpu = time.perf_counter(), _cpu()
    lauf = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(ausgabe)], cwd=wurzel,
                          capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    dauer = (time.perf_counter() - beginn, _cpu() - cpu)
    if lauf.returncode:
        raise SystemExit(f"mkdocs build in {wurzel} fehlgeschlagen:\n{lauf.stderr[-4000:]}")
    return dauer


def _schlicht_vorbereiten(wurzel: Path, ziel: Path) -> None:
    """The same pages as plain files: `sozialraumplan seiten --ziel` (mkdocs.yml without hooks)."""
    lauf = subprocess.run([sys.executable, "-m", "sozialraumplan.cli", "--wurzel", str(wurzel), "seiten",
                           "--ziel", str(ziel)], capture_output=True, text=True)
    if lauf.returncode:
        raise SystemExit(f"sozialraumplan seiten in {wurzel} fehlgeschlagen:\n{lauf.stderr[-4000:]}")


KARTE = 'data-karte="'
"""A page with a map carries its data in this attribute; the map script then loads Leaflet."""
LEAFLET = ("assets/atlas/leaflet/leaflet.js", "assets/atlas/leaflet/leaflet.css")


def _erstbesuch(site: Path, seite: Path) -> int:
    """gzip bytes of the page and every local stylesheet and script it loads (Leaflet included,
    which the map script adds on pages with a map)."""
    html = seite.read_text(encoding="utf-8")
    summe = len(gzip.compress(html.encode(), 9))
    adressen = re.findall(r'(?:<script[^>]+src|<link[^>]+rel="stylesheet"[^>]+href)="([^"#?]+)', html)
    dateien = {(seite.parent / a).resolve() for a in adressen}
    if KARTE in html:
        dateien |= {(site / pfad).resolve() for pfad in LEAFLET}
    for datei in sorted(dateien):
        if datei.is_file() and site.resolve() in datei.parents:
            summe += len(gzip.compress(datei.read_bytes(), 9))
    return summe


def _messen(site: Path) -> dict[str, object]:
    seiten = sorted(site.rglob("*.html"))
    karten = [p for p in seiten if KARTE in p.read_text(encoding="utf-8")]
    groesste = max(karten, key=lambda p: p.stat().st_size)
    roh = groesste.read_bytes()
    return {"seiten": len(seiten), "kartenseite": str(groesste.relative_to(site)), "roh": len(roh),
            "gzip": len(gzip.compress(roh, 9)), "erstbesuch": _erstbesuch(site, groesste)}


def stadt_messen(name: str, wurzel: Path, arbeit: Path, wiederholungen: int) -> dict[str, object]:
    """Both builds, each the fastest of `wiederholungen` runs (other load on the machine only slows)."""
    schlicht_wurzel = arbeit / f"{name}-schlicht"
    _schlicht_vorbereiten(wurzel, schlicht_wurzel)
    (schlicht_wurzel / "node_modules").symlink_to(REPO / "node_modules")
    # in turns, so that a busier minute of the machine slows both builds, not only one
    laeufe = [(_bauen(wurzel, arbeit / f"{name}-site"), _bauen(schlicht_wurzel, arbeit / f"{name}-schlicht-site"))
              for _ in range(wiederholungen)]
    voll, schlicht = min(v for v, _ in laeufe), min(s for _, s in laeufe)
    # Each pair ran within seconds, so its ratio hardly depends on how busy the machine was that
    # minute; the speed of this machine drifts by a third within an hour, the fastest runs of
    # both builds may come from different minutes.
    paare = statistics.median(v[0] / s[0] for v, s in laeufe)
    # the fastest run by wall-clock time, with its CPU time
    return {"stadt": name, "voll": voll, "schlicht": schlicht, "paare": paare, **_messen(arbeit / f"{name}-site")}


def _zeile(e: dict[str, object]) -> str:
    (voll, voll_cpu), (schlicht, schlicht_cpu) = e["voll"], e["schlicht"]
    return (f"| {e['stadt']} | {voll:.1f} ({voll_cpu:.1f}) | {schlicht:.1f} ({schlicht_cpu:.1f}) | "
            f"{voll / schlicht:.2f} ({voll_cpu / schlicht_cpu:.2f}) | {e['paare']:.2f} | {e['seiten']} | `{e['kartenseite']}` | "
            f"{e['roh'] / 1024:.0f} | {e['gzip'] / 1024:.0f} | {e['erstbesuch'] / 1024:.0f} |")


def _steigung(gemessen: dict[int, tuple[float, float]]) -> str:
    """Seconds per 100 districts between each pair of sizes, wall clock and CPU: equal slopes mean
    linear growth."""
    groessen = sorted(gemessen)
    teile = []
    for a, b in zip(groessen, groessen[1:]):
        wand, cpu = ((gemessen[b][i] - gemessen[a][i]) / (b - a) * 100 for i in (0, 1))
        teile.append(f"{a}→{b}: {wand:.2f} s ({cpu:.2f} CPU-s) je 100 Bezirke")
    return "Steigung des vollen Baus: " + "; ".join(teile)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stadtteile", type=int, nargs="*", default=[50, 250, 1000])
    parser.add_argument("--ohne-erfurt", action="store_true")
    parser.add_argument("--wiederholungen", type=int, default=1, help="jeden Bau so oft, der schnellste zählt")
    parser.add_argument("--behalten", type=Path, help="Arbeitsordner hierhin (statt eines temporären)")
    argumente = parser.parse_args(argv)
    arbeit = argumente.behalten or Path(tempfile.mkdtemp(prefix="atlas-bench-"))
    arbeit.mkdir(parents=True, exist_ok=True)
    print(f"Kerne: {os.cpu_count()}, Python {sys.version.split()[0]}, Arbeitsordner {arbeit}")
    print("| Stadt | Bau voll: s (CPU-s) | Bau schlicht: s (CPU-s) | Verhältnis (CPU) | Verhältnis je Paar (Median) "
          "| Seiten | größte Kartenseite "
          "| roh (KB) | gzip (KB) | Erstbesuch gzip (KB) |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    gemessen: dict[int, tuple[float, float]] = {}
    staedte = [] if argumente.ohne_erfurt else [("Erfurt", None)]
    staedte += [(f"{n} Bezirke", n) for n in argumente.stadtteile]
    for name, anzahl in staedte:
        wurzel = arbeit / name.replace(" ", "-")
        wurzel.mkdir()
        _site_kopieren(wurzel)
        if anzahl is None:
            shutil.copytree(REPO / "plan", wurzel / "plan")
            shutil.copytree(REPO / "data", wurzel / "data")
        else:
            stadt_erzeugen(wurzel, anzahl)
        ergebnis = stadt_messen(name.replace(" ", "-"), wurzel, arbeit, argumente.wiederholungen)
        print(_zeile(ergebnis), flush=True)
        if anzahl is not None:
            gemessen[anzahl] = ergebnis["voll"]
    if len(gemessen) > 1:
        print(_steigung(gemessen))
    if argumente.behalten is None:
        shutil.rmtree(arbeit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
