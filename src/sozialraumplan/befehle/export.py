"""`sozialraumplan export`: the plan as open data files (JSON, CSV) in a folder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..befund import PlanUngueltig
from ..laden import plan_laden
from ..quelle import Ordner
from ..wurzel import anzeige, eingabe_pfad

STANDARD_ZIEL = "dist/daten"


def registrieren(unterbefehle: argparse._SubParsersAction) -> None:
    befehl = unterbefehle.add_parser(
        "export", help="Plan und Atlas als offene Daten schreiben (JSON, CSV, GeoJSON)",
        description="Schreibt den geprüften Plan als plan.json und massnahmen.csv in einen Ordner, dazu "
                    "– wenn es einen Sozialstrukturatlas gibt – alle Indikatorwerte, den Sozialindex "
                    "(CSV) und die Stadtteile mit ihren Werten (GeoJSON).",
    )
    befehl.add_argument("--ziel", type=Path,
                        help=f"Ordner für die Dateien, relativ zum aktuellen Ordner (Standard: {STANDARD_ZIEL} "
                             "im Repository)")
    befehl.set_defaults(ausfuehren=ausfuehren)


def ausfuehren(argumente: argparse.Namespace) -> int:
    from ..export import atlas_wenn_vorhanden, offene_daten  # the atlas's writers: only for this command
    quelle = Ordner(argumente.wurzel)
    try:
        plan = plan_laden(quelle)
        atlas = atlas_wenn_vorhanden(quelle, plan)
    except PlanUngueltig as fehler:
        print(fehler.bericht(), file=sys.stderr)
        return 1
    ziel = eingabe_pfad(argumente.ziel) if argumente.ziel else Path(argumente.wurzel) / STANDARD_ZIEL
    ziel.mkdir(parents=True, exist_ok=True)
    for name, inhalt in offene_daten(plan, atlas).items():
        (ziel / name).write_bytes(inhalt)
        print(f"geschrieben: {anzeige(ziel / name, argumente.wurzel)}")
    return 0
