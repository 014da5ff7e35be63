"""`sozialraumplan schema`: write the JSON Schemas for editors into `schemas/`."""

from __future__ import annotations

import argparse
from pathlib import Path


def registrieren(unterbefehle: argparse._SubParsersAction) -> None:
    befehl = unterbefehle.add_parser(
        "schema", help="JSON-Schemas für Editoren schreiben",
        description="Schreibt ein JSON-Schema je Dateiart nach schemas/ (für Vervollständigung im Editor).",
    )
    befehl.set_defaults(ausfuehren=ausfuehren)


def ausfuehren(argumente: argparse.Namespace) -> int:
    from ..schema import SCHEMA_ORDNER, schema_dateien  # the models of every file kind, the atlas's too
    ziel = Path(argumente.wurzel) / SCHEMA_ORDNER
    ziel.mkdir(exist_ok=True)
    for name, inhalt in schema_dateien().items():
        (ziel / name).write_text(inhalt, encoding="utf-8")
        print(f"{SCHEMA_ORDNER}/{name} geschrieben")
    return 0
