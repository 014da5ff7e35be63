"""`sozialraumplan synopse A [B]`: the two Fortschreibungen side by side, as the Stadtrat reads them."""

from __future__ import annotations

import argparse
from pathlib import Path

from .diff import fassungen_schreiben


def registrieren(unterbefehle: argparse._SubParsersAction) -> None:
    befehl = unterbefehle.add_parser(
        "synopse", help="Synopse zweier Fassungen für den Stadtrat (HTML): alte und neue Fassung nebeneinander",
        description="Stellt zwei Git-Revisionen (Tags, Branches, Commits) des Plans nebeneinander: jede Leitlinie, "
                    "Maßnahme, jedes Gremium, geförderte Projekt und jeden Glossarbegriff in der bisherigen und der "
                    "neuen Fassung, geänderte Wörter markiert, dazu die Klassen des Sozialindex je Stadtteil. Ohne B "
                    "wird mit dem Arbeitsstand verglichen. Exit-Code 0: geschrieben; 1: geschrieben, aber eine "
                    "Fassung ist nicht gültig; 2: Revision unbekannt.",
    )
    befehl.add_argument("basis", metavar="A", help="bisherige Fassung, z. B. v2025.1")
    befehl.add_argument("ziel", metavar="B", nargs="?", help="neue Fassung, z. B. v2026.1 (Standard: Arbeitsstand)")
    befehl.add_argument("-o", "--ausgabe", type=Path, help="in diese Datei schreiben statt auf die Standardausgabe")
    befehl.set_defaults(ausfuehren=ausfuehren)


def ausfuehren(argumente: argparse.Namespace) -> int:
    # imported here: every command's module is loaded to build the parser (see befehle/__init__.py)
    from ..diff.synopse import synopse
    from ..diff.synopse_html import als_html
    return fassungen_schreiben(argumente, lambda basis, ziel: als_html(synopse(basis, ziel)))
