"""`sozialraumplan diff A [B]`: what changed between two Fortschreibungen, by id and field."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..git_quelle import GitFehler

if TYPE_CHECKING:
    from ..diff import Stand

FORMATE = ("html", "json", "markdown")


def registrieren(unterbefehle: argparse._SubParsersAction) -> None:
    befehl = unterbefehle.add_parser(
        "diff", help="Zwei Fassungen des Plans vergleichen (Maßnahmen, Leitlinien, Gremien …)",
        description="Vergleicht zwei Git-Revisionen (Tags, Branches, Commits) des Plans, ohne etwas "
                    "auszuchecken: neue, geänderte und entfallene Einträge, Feld für Feld. Ohne B wird "
                    "mit dem Arbeitsstand (den Dateien auf der Festplatte) verglichen. Exit-Code 0: "
                    "verglichen; 1: verglichen, aber eine Fassung ist nicht gültig; 2: Revision unbekannt.",
    )
    befehl.add_argument("basis", metavar="A", help="ältere Fassung, z. B. v2025.1")
    befehl.add_argument("ziel", metavar="B", nargs="?", help="neuere Fassung, z. B. v2026.1 (Standard: Arbeitsstand)")
    befehl.add_argument("--format", choices=sorted(FORMATE), default="markdown", help="Ausgabeformat (Standard: markdown)")
    befehl.add_argument("-o", "--ausgabe", type=Path, help="in diese Datei schreiben statt auf die Standardausgabe")
    befehl.set_defaults(ausfuehren=ausfuehren)


def ausfuehren(argumente: argparse.Namespace) -> int:
    # imported here: every command's module is loaded to build the parser (see befehle/__init__.py)
    from ..diff import als_html, als_json, als_markdown, vergleichen
    ausgabe = {"markdown": als_markdown, "json": als_json, "html": als_html}[argumente.format]
    return fassungen_schreiben(argumente, lambda basis, ziel: ausgabe(vergleichen(basis, ziel)))


def fassungen_schreiben(argumente: argparse.Namespace, schreiben: Callable[[Stand, Stand], str]) -> int:
    """Load revisions `basis` and `ziel` (or the working tree), write what `schreiben` makes of them
    to `ausgabe` or stdout, and report invalid states; the exit code of `diff` and `synopse`."""
    from ..diff import stand_aus_ordner, stand_aus_revision
    try:
        basis = stand_aus_revision(argumente.wurzel, argumente.basis)
        ziel = (stand_aus_revision(argumente.wurzel, argumente.ziel) if argumente.ziel
                else stand_aus_ordner(argumente.wurzel))
    except GitFehler as fehler:
        print(f"Fehler: {fehler}", file=sys.stderr)
        return 2
    text = schreiben(basis, ziel)
    if argumente.ausgabe:
        argumente.ausgabe.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    ungueltig = [s for s in (basis, ziel) if not s.gueltig]
    for stand in ungueltig:
        print(f"Hinweis: Die Fassung {stand.name} ist nicht gültig ({len(stand.befunde)} Fehler); "
              "verglichen wurde, was sich lesen ließ:", file=sys.stderr)
        for befund in stand.befunde:
            print(f"  {befund}", file=sys.stderr)
    return 1 if ungueltig else 0
