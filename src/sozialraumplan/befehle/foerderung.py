"""`sozialraumplan foerderung`: the internal site of the funding rounds (FRL Soziales) from the
non-public folder, and `foerderung veroeffentlichen`: the funded projects into the public plan.

This command is the only one that reads the non-public folder; the public build, `validate`,
`release`, `export` and `diff` have no way to be given it.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..befund import Befund, PlanUngueltig, Schwere
from ..quelle import Ordner
from ..wurzel import anzeige, eingabe_pfad

if TYPE_CHECKING:
    from ..foerderung.laden import Foerderung

UMGEBUNG = "SOZIALRAUMPLAN_INTERN"
"""Where the non-public folder is, when `--intern` does not say it."""
STANDARD_ZIEL = "website"
"""The internal site's folder inside the non-public folder (unless `--ziel` names another)."""


def registrieren(unterbefehle: argparse._SubParsersAction) -> None:
    befehl = unterbefehle.add_parser(
        "foerderung", help="Förderanträge (FRL Soziales): interne Website mit Rangliste, Veröffentlichung",
        description="Liest die nicht öffentlichen Förderanträge (Ordner foerderantraege/<jahr>/ im Ordner von "
                    f"--intern oder {UMGEBUNG}), prüft sie und baut daraus die interne Website für das "
                    "Begleitgremium mit Rangliste je Runde und Rangliste als PDF. „veroeffentlichen“ schreibt "
                    "nach dem Beschluss nur die öffentlichen Angaben der geförderten Projekte nach "
                    "plan/foerderprojekte/.",
    )
    befehl.add_argument("aktion", nargs="?", choices=("veroeffentlichen",),
                        help="veroeffentlichen: geförderte Projekte einer Runde in den öffentlichen Plan schreiben")
    befehl.add_argument("--intern", type=Path, metavar="ORDNER",
                        help=f"der nicht öffentliche Ordner (Standard: die Umgebungsvariable {UMGEBUNG})")
    befehl.add_argument("--runde", type=int, metavar="JAHR", help="das Jahr der Runde (für veroeffentlichen)")
    befehl.add_argument("--ziel", type=Path, metavar="ORDNER",
                        help=f"Ordner der internen Website (Standard: {STANDARD_ZIEL}/ im nicht öffentlichen Ordner)")
    befehl.set_defaults(ausfuehren=ausfuehren)


def _melden(befunde: list[Befund], intern: Path) -> None:
    """Findings with the path of the non-public folder in front, so the editor finds the file."""
    for befund in befunde:
        ort = befund if befund.datei.startswith("plan/") else dataclasses.replace(
            befund, datei=os.path.join(os.fspath(intern), befund.datei))
        print(ort, file=sys.stderr if befund.schwere is Schwere.FEHLER else sys.stdout)


def ausfuehren(argumente: argparse.Namespace) -> int:
    # imported here: every command's module is loaded to build the parser (see befehle/__init__.py);
    # the atlas needs numpy and shapely, and the ranking PDF's modules (WeasyPrint) take a second to import
    from ..export import atlas_wenn_vorhanden
    from ..foerderung.intern import InternFehler, intern_dateien, intern_schreiben
    from ..foerderung.laden import foerderung_pruefen
    from ..laden import plan_laden
    from ..website import stichtag
    angabe = argumente.intern or (Path(os.environ[UMGEBUNG]) if os.environ.get(UMGEBUNG) else None)
    if angabe is None:
        print(f"Fehler: Nennen Sie den nicht öffentlichen Ordner mit --intern ORDNER oder in {UMGEBUNG}.",
              file=sys.stderr)
        return 2
    intern = eingabe_pfad(angabe)
    if argumente.aktion == "veroeffentlichen" and argumente.runde is None:
        print("Fehler: Nennen Sie die Runde mit --runde JAHR, z. B. --runde 2026.", file=sys.stderr)
        return 2
    wurzel = Path(argumente.wurzel)
    quelle = Ordner(wurzel)
    try:
        plan = plan_laden(quelle)
        atlas = atlas_wenn_vorhanden(quelle, plan)
    except PlanUngueltig as fehler:
        print(fehler.bericht(), file=sys.stderr)
        return 1
    foerderung, befunde = foerderung_pruefen(Ordner(intern), plan)
    _melden(befunde, intern)
    if foerderung is None:
        anzahl = sum(1 for b in befunde if b.schwere is Schwere.FEHLER)
        print(f"{anzahl} Fehler gefunden. Die interne Website wurde nicht gebaut.", file=sys.stderr)
        return 1
    if argumente.aktion == "veroeffentlichen":
        return _veroeffentlichen(foerderung, argumente.runde, wurzel, intern)
    ziel = eingabe_pfad(argumente.ziel) if argumente.ziel else intern / STANDARD_ZIEL
    index = atlas.sozialindex if atlas is not None else None
    try:
        intern_schreiben(intern_dateien(foerderung, plan, index, stichtag()), ziel, wurzel)
    except InternFehler as fehler:
        print(f"Fehler: {fehler}", file=sys.stderr)
        return 1
    anzahl = sum(len(r.antraege) for r in foerderung.runden)
    print(f"Interne Website (nicht öffentlich) geschrieben: {ziel} – {len(foerderung.runden)} Runden, "
          f"{anzahl} Anträge.")
    return 0


def _veroeffentlichen(foerderung: Foerderung, jahr: int, wurzel: Path, intern: Path) -> int:
    from ..foerderung.veroeffentlichen import veroeffentlichen
    runde = foerderung.runde(jahr)
    if runde is None:
        print(f"Fehler: Die Runde {jahr} gibt es im nicht öffentlichen Ordner nicht "
              f"(vorhanden: {', '.join(str(r.runde.jahr) for r in foerderung.runden)}).", file=sys.stderr)
        return 1
    try:
        dateien = veroeffentlichen(runde, wurzel)
    except PlanUngueltig as fehler:
        _melden(fehler.befunde, intern)
        print("Es wurde nichts in den öffentlichen Plan geschrieben.", file=sys.stderr)
        return 1
    for datei in dateien:
        print(f"geschrieben: {anzeige(datei, wurzel)}")
    print(f"{len(dateien)} geförderte Projekte der Runde {jahr} stehen im öffentlichen Plan. Prüfen Sie die "
          "Dateien und schlagen Sie sie wie jede Änderung als Pull Request vor.")
    return 0
