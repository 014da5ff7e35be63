"""Writes an invented example street register `data/strassen.csv` for the district search.

    .venv/bin/python scripts/strassen_beispiel.py [WURZEL]

A city replaces the file with an export of its address register (see data/README.md). The
example gives every district of `data/stadtteile.csv` two invented street names and lets a few
streets cross into a neighbouring district (the boundaries of `data/stadtteile.geojson` say
which districts touch), so the search shows both cases. Every row is marked `beispiel: ja`;
the output is the same on every run.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import sys
from pathlib import Path

from shapely.geometry import shape

BAEUME = ("Linden", "Birken", "Ahorn", "Eichen", "Buchen", "Rosen", "Tulpen", "Nelken", "Kastanien", "Erlen",
          "Weiden", "Fichten", "Tannen", "Lerchen", "Finken", "Amsel", "Meisen", "Schwalben", "Holunder", "Flieder")
ARTEN = ("weg", "straße", "gasse", "ring", "allee", "pfad")
KREUZENDE = ("Lange Straße", "Mühlgraben", "Feldrain", "Am Wiesengrund", "Talstraße")
"""Streets that run through two neighbouring districts."""


def stadtteile(wurzel: Path) -> list[str]:
    with (wurzel / "data" / "stadtteile.csv").open(encoding="utf-8", newline="") as datei:
        return [zeile["id"] for zeile in csv.DictReader(datei)]


def nachbarn(wurzel: Path, ids: list[str]) -> list[tuple[str, str]]:
    """Pairs of districts whose boundaries touch, in the order of `ids`."""
    karte = json.loads((wurzel / "data" / "stadtteile.geojson").read_text(encoding="utf-8"))
    formen = {f["properties"]["id"]: shape(f["geometry"]) for f in karte["features"]}
    return [(a, b) for a, b in itertools.combinations([i for i in ids if i in formen], 2)
            if formen[a].buffer(1e-5).intersects(formen[b])]


def zeilen(ids: list[str], paare: list[tuple[str, str]]) -> list[tuple[str, str]]:
    namen = (baum + art for art in ARTEN for baum in BAEUME)
    eigene = [(name, stadtteil) for stadtteil, name in zip(sorted(ids * 2), namen)]
    schritt = max(1, len(paare) // len(KREUZENDE))
    kreuzend = [(name, s) for name, (a, b) in zip(KREUZENDE, paare[::schritt]) for s in (a, b)]
    return sorted(eigene + kreuzend)


def main(argumente: list[str]) -> int:
    wurzel = Path(argumente[0] if argumente else ".")
    ids = stadtteile(wurzel)
    ausgabe = io.StringIO()
    schreiber = csv.writer(ausgabe, lineterminator="\n")
    schreiber.writerow(["strasse", "stadtteil", "beispiel"])
    schreiber.writerows((name, stadtteil, "ja") for name, stadtteil in zeilen(ids, nachbarn(wurzel, ids)))
    (wurzel / "data" / "strassen.csv").write_text(ausgabe.getvalue(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
