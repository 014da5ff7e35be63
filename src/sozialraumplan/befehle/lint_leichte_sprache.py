"""`sozialraumplan lint-leichte-sprache [PFAD …]`: check every Leichte-Sprache text."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..befund import Schwere
from ..leichte_sprache.linter import STANDARD_PFADE, eigennamen, pfade_pruefen
from ..quelle import Ordner
from ..wurzel import anzeige, eingabe_pfad


def registrieren(unterbefehle: argparse._SubParsersAction) -> None:
    befehl = unterbefehle.add_parser(
        "lint-leichte-sprache", help="Texte in Leichter Sprache prüfen",
        description="Prüft alle Texte in Leichter Sprache: die Werte „leichte_sprache“ in den "
        "YAML-Dateien und die Seiten unter docs/leichte-sprache/. Meldet Satzlänge, lange Wörter, "
        "Passiv, Genitiv, Konjunktiv, Verneinung, Abkürzungen, Zahlen, Sonderzeichen und mehr als "
        "einen Satz pro Zeile. Fehler beenden den Befehl mit Status 1, Warnungen nicht.",
    )
    befehl.add_argument(
        "pfade", nargs="*", metavar="PFAD",
        help="Dateien oder Ordner, relativ zum aktuellen Ordner (Standard: " + " und ".join(STANDARD_PFADE)
             + " im Repository)",
    )
    befehl.set_defaults(ausfuehren=ausfuehren)


def ausfuehren(argumente: argparse.Namespace) -> int:
    wurzel = Path(argumente.wurzel)
    # typed relative to the current folder; the linter takes them relative to the root, as it reports them
    pfade = [anzeige(eingabe_pfad(Path(p)), wurzel) for p in argumente.pfade]
    ergebnis = pfade_pruefen(wurzel, pfade, eigennamen(Ordner(wurzel)))
    for befund in ergebnis.befunde:
        print(befund)
    fehler = sum(1 for b in ergebnis.befunde if b.schwere is Schwere.FEHLER)
    warnungen = len(ergebnis.befunde) - fehler
    texte = "1 Text" if ergebnis.texte == 1 else f"{ergebnis.texte} Texte"
    warnung = "1 Warnung" if warnungen == 1 else f"{warnungen} Warnungen"
    print(f"Leichte Sprache: {texte} geprüft, {fehler} Fehler, {warnung}.")
    return 1 if fehler else 0
