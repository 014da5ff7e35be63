"""Take a city's boundary file into `data/`: every feature gets the district `id` and `name`
from `data/stadtteile.csv`, matched by a property of the source (e.g. the official number).

The geometry is copied as it is; the original properties stay beside the new ones, so the
source remains recognisable. Usage:

    python -m sozialraumplan.atlas.grenzen_uebernehmen QUELLE.geojson --merkmal stadtteil_nr \
        --bezug nummer [--wurzel .] [--ziel data/stadtteile.geojson]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..befund import nur_fehler
from ..laden import stadtteile_lesen
from ..quelle import Ordner


def uebernehmen(quelle: dict, merkmal: str, bezug: str, stadtteile: dict[str, tuple[str, str]]) -> dict:
    """The FeatureCollection with `id` and `name` first in each feature's properties, sorted by id."""
    features = []
    for feature in quelle["features"]:
        schluessel = str(feature["properties"][merkmal])
        ident, name = stadtteile[schluessel]
        features.append({"type": "Feature", "properties": {"id": ident, "name": name, **feature["properties"]},
                         "geometry": feature["geometry"]})
    features.sort(key=lambda f: f["properties"]["id"])
    return {"type": "FeatureCollection", "features": features}


def geojson_text(daten: dict) -> str:
    """One feature per line: readable diffs, and findings that point at the right feature."""
    zeilen = ",\n".join(json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in daten["features"])
    return '{"type":"FeatureCollection","features":[\n' + zeilen + "\n]}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("quelle", type=Path)
    parser.add_argument("--merkmal", required=True, help="Eigenschaft der Quelle mit dem Schlüssel")
    parser.add_argument("--bezug", choices=("id", "nummer"), default="nummer")
    parser.add_argument("--wurzel", type=Path, default=Path("."))
    parser.add_argument("--ziel", default="data/stadtteile.geojson")
    argumente = parser.parse_args(argv)
    befunde: list = []
    liste, _ = stadtteile_lesen(Ordner(argumente.wurzel), befunde)
    if nur_fehler(befunde):
        print("\n".join(map(str, befunde)), file=sys.stderr)
        return 1
    stadtteile = {(s.id if argumente.bezug == "id" else s.number): (s.id, s.name) for s in liste}
    daten = uebernehmen(json.loads(argumente.quelle.read_text(encoding="utf-8")), argumente.merkmal,
                        argumente.bezug, stadtteile)
    ziel = argumente.wurzel / argumente.ziel
    ziel.write_text(geojson_text(daten), encoding="utf-8")
    print(f"{len(daten['features'])} Stadtteilgrenzen nach {argumente.ziel} geschrieben.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
