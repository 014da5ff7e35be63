"""Take a city's boundary file into `data/`: every feature gets the district `id` and `name`
from `data/stadtteile.csv`, matched by a property of the source (e.g. the official number).

The geometry is copied as it is; the original properties stay beside the new ones, so the
source remains recognisable. Usage:

    python -m sozialraumplan.atlas.grenzen_uebernehmen QUELLE.geojson --merkmal stadtteil_nr \
        --bezug nummer [--reparieren] [--wurzel .] [--ziel data/stadtteile.geojson]

With `--reparieren`, geometrically invalid boundaries (e.g. a ring crossing itself) are
repaired and named on the console, so the change can be declared as the licence requires.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import shapely
from shapely.geometry import mapping, shape

from ..befund import nur_fehler
from ..laden import stadtteile_lesen
from ..quelle import Ordner


def uebernehmen(quelle: dict, merkmal: str, bezug: str, stadtteile: dict[str, tuple[str, str]],
                reparieren: bool = False) -> tuple[dict, list[str]]:
    """The FeatureCollection with `id` and `name` first in each feature's properties, sorted by
    id, and the names of the districts whose boundary was repaired."""
    features, repariert = [], []
    for feature in quelle["features"]:
        schluessel = str(feature["properties"][merkmal])
        ident, name = stadtteile[schluessel]
        geometrie = feature["geometry"]
        if reparieren and not shape(geometrie).is_valid:
            geometrie = mapping(shapely.make_valid(shape(geometrie), method="structure", keep_collapsed=False))
            repariert.append(name)
        features.append({"type": "Feature", "properties": {"id": ident, "name": name, **feature["properties"]},
                         "geometry": geometrie})
    features.sort(key=lambda f: f["properties"]["id"])
    return {"type": "FeatureCollection", "features": features}, repariert


def geojson_text(daten: dict) -> str:
    """One feature per line: readable diffs, and findings that point at the right feature."""
    zeilen = ",\n".join(json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in daten["features"])
    return '{"type":"FeatureCollection","features":[\n' + zeilen + "\n]}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("quelle", type=Path)
    parser.add_argument("--merkmal", required=True, help="Eigenschaft der Quelle mit dem Schlüssel")
    parser.add_argument("--bezug", choices=("id", "nummer"), default="nummer")
    parser.add_argument("--reparieren", action="store_true", help="ungültige Grenzen reparieren")
    parser.add_argument("--wurzel", type=Path, default=Path("."))
    parser.add_argument("--ziel", default="data/stadtteile.geojson")
    argumente = parser.parse_args(argv)
    befunde: list = []
    liste, _ = stadtteile_lesen(Ordner(argumente.wurzel), befunde)
    if nur_fehler(befunde):
        print("\n".join(map(str, befunde)), file=sys.stderr)
        return 1
    stadtteile = {(s.id if argumente.bezug == "id" else s.nummer): (s.id, s.name) for s in liste}
    daten, repariert = uebernehmen(json.loads(argumente.quelle.read_text(encoding="utf-8")), argumente.merkmal,
                                   argumente.bezug, stadtteile, argumente.reparieren)
    ziel = argumente.wurzel / argumente.ziel
    ziel.write_text(geojson_text(daten), encoding="utf-8")
    print(f"{len(daten['features'])} Stadtteilgrenzen nach {argumente.ziel} geschrieben.")
    for name in repariert:
        print(f"repariert: {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
