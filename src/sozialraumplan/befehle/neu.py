"""`sozialraumplan neu massnahme|gremium|sitzung`: a new, valid plan file from options or questions."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..neu import VORLAGEN, Abbruch, Befragung, Eingabefehler, Vorlage, anlegen, bekannte_kennungen, werte_sammeln
from ..neu.felder import hilfe
from ..quelle import Ordner

_EPILOG = (
    "Fehlt eine Pflichtangabe, fragt der Befehl im Terminal danach. Ohne Terminal (in Skripten) "
    "nennt er alle fehlenden Angaben und endet mit Exit-Code 2. Hat die neue Datei Fehler, zeigt er "
    "sie, löscht die Datei wieder und endet mit Exit-Code 1."
)


def registrieren(unterbefehle: argparse._SubParsersAction) -> None:
    befehl = unterbefehle.add_parser(
        "neu", help="Neue Maßnahme, neues Gremium oder neue Sitzung anlegen",
        description="Legt eine neue Datei im Plan an, mit der nächsten freien Kennung, und prüft sie sofort.",
    )
    arten = befehl.add_subparsers(dest="art", metavar="ART", required=True)
    for name, vorlage in VORLAGEN.items():
        art = arten.add_parser(name, help=vorlage.hilfe, description=vorlage.hilfe + ".", epilog=_EPILOG)
        art.add_argument("--id", dest="kennung", metavar="KENNUNG",
                         help=f"Kennung selbst wählen (sonst {vorlage.kennung_hilfe})")
        for feld in vorlage.felder:
            text = hilfe(vorlage.art.modell, feld).replace("%", "%%")  # argparse formats help with %
            if feld.mehrfach:
                art.add_argument(f"--{feld.option}", dest=feld.schluessel, action="append", metavar="WERT",
                                 help=f"{text} Mehrfach angeben für mehrere.")
            else:
                art.add_argument(f"--{feld.option}", dest=feld.schluessel, metavar="WERT", help=text)
        art.set_defaults(ausfuehren=ausfuehren, vorlage=vorlage)


def ausfuehren(argumente: argparse.Namespace) -> int:
    vorlage: Vorlage = argumente.vorlage
    wurzel = Path(argumente.wurzel)
    befragung = None
    if sys.stdin.isatty():
        befragung = Befragung(sys.stdin, sys.stdout, bekannte_kennungen(Ordner(wurzel)))
    try:
        antworten = werte_sammeln(vorlage, vars(argumente), befragung)
    except (Abbruch, KeyboardInterrupt):
        print("\nAbgebrochen — es wurde keine Datei angelegt.", file=sys.stderr)
        return 1
    if antworten.fehler:
        for fehler in antworten.fehler:
            print(fehler, file=sys.stderr)
        print(f"Es wurde keine Datei angelegt. Hilfe zu allen Angaben: sozialraumplan neu {argumente.art} --help",
              file=sys.stderr)
        return 2
    try:
        ergebnis = anlegen(wurzel, vorlage, antworten.werte, argumente.kennung)
    except Eingabefehler as fehler:
        print(f"{fehler}. Es wurde keine Datei angelegt.", file=sys.stderr)
        return 2
    for befund in ergebnis.befunde:
        print(befund, file=sys.stdout if ergebnis.behalten else sys.stderr)
    if not ergebnis.behalten:
        print(f"{ergebnis.pfad} hat Fehler und wurde wieder gelöscht. Korrigieren Sie die Angaben "
              "und rufen Sie den Befehl noch einmal auf.", file=sys.stderr)
        return 1
    print(f"Angelegt: {ergebnis.pfad}")
    if ergebnis.fehler_anderswo:
        print(f"Hinweis: Andere Dateien des Plans haben {ergebnis.fehler_anderswo} Fehler; "
              "„sozialraumplan validate“ zeigt sie.")
    return 0
