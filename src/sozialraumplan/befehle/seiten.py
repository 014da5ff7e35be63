"""`sozialraumplan seiten`: the whole site as plain Markdown files, for any site generator."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..befund import PlanUngueltig
from ..wurzel import anzeige, eingabe_pfad


def registrieren(unterbefehle: argparse._SubParsersAction) -> None:
    befehl = unterbefehle.add_parser(
        "seiten", help="Alle Seiten als fertige Markdown-Dateien schreiben (für andere Generatoren)",
        description="Schreibt jede Seite der Website – die aus plan/ und data/ erzeugten und die aus docs/ "
                    "mit ausgeführten Makros – als fertiges Markdown nach ZIEL/docs/, dazu alle erzeugten "
                    "Dateien (Downloads, Karten, Skripte) und eine mkdocs.yml ohne Hooks. Jeder Generator, "
                    "der mkdocs.yml liest (z. B. „zensical build“ in ZIEL), baut daraus die Website.",
    )
    befehl.add_argument("--ziel", type=Path, required=True,
                        help="Ordner für docs/ und mkdocs.yml, relativ zum aktuellen Ordner")
    befehl.set_defaults(ausfuehren=ausfuehren)


def ausfuehren(argumente: argparse.Namespace) -> int:
    # imported here, as every command's heavy modules (see befehle/__init__.py): the site needs the atlas
    from ..docs_seiten import repo_adresse
    from ..seitenbaum import schreiben, seitenbaum
    from ..website import website_bauen
    wurzel = Path(argumente.wurzel).resolve()
    ziel = eingabe_pfad(argumente.ziel).resolve()
    if ziel == wurzel or ziel in wurzel.parents:
        print(f"Fehler: „{argumente.ziel}“ ist das Repository selbst oder enthält es — wählen Sie einen eigenen "
              "Ordner, z. B. „--ziel dist/seiten“.", file=sys.stderr)
        return 2
    try:
        baum = seitenbaum(website_bauen(wurzel), wurzel, repo_adresse(wurzel))
    except PlanUngueltig as fehler:
        print(fehler.bericht(), file=sys.stderr)
        return 1
    geschrieben = schreiben(baum, wurzel, ziel)
    seiten = len(baum.handgeschrieben) + sum(1 for a in baum.erzeugt if a.pfad.endswith(".md"))
    print(f"{seiten} Seiten und {len(geschrieben) - seiten} weitere Dateien geschrieben nach {anzeige(ziel, wurzel)}.")
    return 0
