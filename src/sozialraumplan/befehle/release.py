"""`sozialraumplan release`: website zip, PDF, changes and open data of a Fortschreibung in dist/."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..befund import PlanUngueltig
from ..git_quelle import GitFehler
from ..wurzel import anzeige, eingabe_pfad

STANDARD_ZIEL = "dist"


def registrieren(unterbefehle: argparse._SubParsersAction) -> None:
    befehl = unterbefehle.add_parser(
        "release", help="Veröffentlichung vorbereiten: Website-Zip, PDF, Änderungen, offene Daten",
        description="Schreibt alle Dateien einer Fortschreibung in dist/: die gebaute Website als Zip, "
                    "den ganzen Plan als barrierefreies PDF, die Änderungen seit dem vorigen Tag "
                    "(Markdown und JSON) und die offenen Daten. Im Tag-Workflow läuft derselbe Befehl. "
                    "Der Tag muss auf den aktuellen Commit zeigen und der Arbeitsordner unverändert sein "
                    "(„git status“ zeigt nichts); sonst wird nichts geschrieben.",
    )
    fassung = befehl.add_mutually_exclusive_group()
    fassung.add_argument("--tag", help="Name der Fassung, z. B. v2026.1 (Standard: der Tag des aktuellen Commits)")
    fassung.add_argument("--entwurf", action="store_true",
                         help="ohne Tag und mit allen Änderungen im Arbeitsordner bauen, zum Ausprobieren: "
                              "Dateinamen, PDF und Website sagen „Entwurf“ statt einer Fassung")
    befehl.add_argument("--ziel", type=Path,
                        help=f"Ausgabeordner, relativ zum aktuellen Ordner (Standard: {STANDARD_ZIEL} im Repository)")
    befehl.set_defaults(ausfuehren=ausfuehren)


def ausfuehren(argumente: argparse.Namespace) -> int:
    # imported here: every command's module is loaded to build the parser (see befehle/__init__.py),
    # and the PDF's modules (WeasyPrint, matplotlib) take a second to import
    from ..pdf.druck import PdfFehler
    from ..pdf.schriften import SchriftFehlt
    from ..release import ReleaseFehler, release
    ziel = eingabe_pfad(argumente.ziel) if argumente.ziel else Path(STANDARD_ZIEL)
    try:
        dateien = release(argumente.wurzel, ziel, argumente.tag, argumente.entwurf)
    except PlanUngueltig as fehler:
        print(fehler.bericht(), file=sys.stderr)
        return 1
    except (ReleaseFehler, GitFehler, PdfFehler, SchriftFehlt) as fehler:
        print(f"Fehler: {fehler}", file=sys.stderr)
        return 1
    for datei in dateien:
        print(f"geschrieben: {anzeige(datei, argumente.wurzel)}")
    return 0
