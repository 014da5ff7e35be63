"""`sozialraumplan release`: website zip, PDF, changes and open data of a Fortschreibung in dist/."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..befund import PlanUngueltig
from ..git_quelle import GitFehler
from ..pdf.druck import PdfFehler
from ..pdf.schriften import SchriftFehlt
from ..release import ReleaseFehler, release


def registrieren(unterbefehle: argparse._SubParsersAction) -> None:
    befehl = unterbefehle.add_parser(
        "release", help="Veröffentlichung vorbereiten: Website-Zip, PDF, Änderungen, offene Daten",
        description="Schreibt alle Dateien einer Fortschreibung in dist/: die gebaute Website als Zip, "
                    "den ganzen Plan als barrierefreies PDF, die Änderungen seit dem vorigen Tag "
                    "(Markdown und JSON) und die offenen Daten. Im Tag-Workflow läuft derselbe Befehl.",
    )
    befehl.add_argument("--tag", help="Name der Fassung, z. B. v2026.1 (Standard: der Tag des aktuellen Commits)")
    befehl.add_argument("--ziel", type=Path, default=Path("dist"), help="Ausgabeordner (Standard: dist)")
    befehl.set_defaults(ausfuehren=ausfuehren)


def ausfuehren(argumente: argparse.Namespace) -> int:
    try:
        dateien = release(argumente.wurzel, argumente.ziel, argumente.tag)
    except PlanUngueltig as fehler:
        print(fehler.bericht(), file=sys.stderr)
        return 1
    except (ReleaseFehler, GitFehler, PdfFehler, SchriftFehlt) as fehler:
        print(f"Fehler: {fehler}", file=sys.stderr)
        return 1
    for datei in dateien:
        print(f"geschrieben: {datei}")
    return 0
