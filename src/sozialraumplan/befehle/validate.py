"""`sozialraumplan validate`: check the whole plan and report every finding in German."""

from __future__ import annotations

import argparse
import sys

from ..befund import Schwere
from ..bestand import bestand_pruefen
from ..quelle import Ordner


def registrieren(unterbefehle: argparse._SubParsersAction) -> None:
    befehl = unterbefehle.add_parser(
        "validate", help="Plan prüfen (Schema, Kennungen, Verweise)",
        description="Prüft alle Dateien in plan/ und data/ (Plan, Erklärung zur Barrierefreiheit, Atlas) "
                    "und meldet jeden Fehler mit Datei und Zeile.",
    )
    befehl.set_defaults(ausfuehren=ausfuehren)


def ausfuehren(argumente: argparse.Namespace) -> int:
    bestand, befunde = bestand_pruefen(Ordner(argumente.wurzel))
    for befund in befunde:
        print(befund, file=sys.stderr if befund.schwere is Schwere.FEHLER else sys.stdout)
    if bestand is None:
        fehler = sum(1 for b in befunde if b.schwere is Schwere.FEHLER)
        print(f"{fehler} Fehler gefunden. Bitte beheben Sie sie; der Plan wird so nicht veröffentlicht.",
              file=sys.stderr)
        return 1
    plan = bestand.plan
    atlas = f", {len(bestand.atlas.indikatoren)} Indikatoren" if bestand.atlas else ""
    print(f"Plan gültig: {len(plan.leitlinien)} Leitlinien, {len(plan.massnahmen)} Maßnahmen, "
          f"{len(plan.gremien)} Gremien, {len(plan.sitzungen)} Sitzungen, {len(plan.stadtteile)} Stadtteile{atlas}.")
    return 0
