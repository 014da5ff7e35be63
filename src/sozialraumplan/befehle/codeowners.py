"""`sozialraumplan codeowners`: write `.github/CODEOWNERS` from the team configuration `.github/teams.yml`.

The teams are configuration, not code: a city names its GitHub organisation and teams in one
small YAML file, and CODEOWNERS (which GitHub reads to request reviews) is derived from it.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from pydantic import Field

from ..befund import Befund
from ..laden import Geladen, einzeldatei
from ..model import Kennung, Modell, Text
from ..quelle import Ordner

TEAMS_DATEI = ".github/teams.yml"
CODEOWNERS_DATEI = ".github/CODEOWNERS"

_MUSTER = re.compile(r"^(\*|(/[A-Za-z0-9._-]+)+/?)$")
"""The forms used: everything (`*`), everything below a folder (`/docs/`), or one file
(`/mkdocs.yml`), each from the top of the repository."""

_KOPF = f"""\
# Diese Datei ist erzeugt: `sozialraumplan codeowners` schreibt sie aus {TEAMS_DATEI}.
# Ändern Sie die Zuständigkeiten dort, nicht hier.
# GitHub fordert für jede geänderte Datei eine Prüfung beim Team der letzten passenden Zeile an."""


class Zustaendigkeit(Modell):
    """One rule: which teams review changes to which files, and why."""

    muster: Text | list[Text] = Field(
        title="Muster", description="Welche Dateien: „*“ für alles, „/ordner/“ für einen Ordner, „/datei“ für "
                                    "eine Datei, jeweils von der obersten Ebene aus; mehrere als Liste.")
    teams: list[Kennung] = Field(min_length=1, title="Teams",
                                 description="Die Rollen aus „teams“, die diese Dateien prüfen, z. B. [maintainer].")
    grund: Text = Field(title="Grund", description="Warum diese Teams zuständig sind; steht als Kommentar in CODEOWNERS.")

    @property
    def alle_muster(self) -> list[str]:
        return self.muster if isinstance(self.muster, list) else [self.muster]


class Teamkonfiguration(Modell):
    """`.github/teams.yml`."""

    organisation: Kennung = Field(title="Organisation", description="Der Name der Organisation der Stadt auf GitHub.")
    teams: dict[Kennung, Kennung] = Field(title="Teams", description="Je Rolle in dieser Datei der Name des Teams "
                                                                     "auf GitHub, z. B. „statistik: statistikstelle“.")
    zustaendigkeiten: list[Zustaendigkeit] = Field(
        min_length=1, title="Zuständigkeiten",
        description="Die Regeln, wer welche Dateien prüft; bei mehreren passenden gilt die letzte.")

    def handle(self, rolle: str) -> str:
        return f"@{self.organisation}/{self.teams[rolle]}"


def konfiguration_laden(wurzel: Path) -> tuple[Teamkonfiguration | None, list[Befund]]:
    """The configuration and every finding in it (file, line, German fix)."""
    befunde: list[Befund] = []
    geladen = einzeldatei(Ordner(wurzel), TEAMS_DATEI, Teamkonfiguration, befunde)
    if geladen is not None:
        befunde += _regeln_pruefen(geladen)
    return (geladen.wert if geladen and not befunde else None), befunde


def _regeln_pruefen(geladen: Geladen[Teamkonfiguration]) -> list[Befund]:
    konfig, dokument = geladen.wert, geladen.dokument
    befunde = []
    for nummer, regel in enumerate(konfig.zustaendigkeiten):
        for stelle, muster in enumerate(regel.alle_muster):
            if not _MUSTER.match(muster):
                pfad = ("zustaendigkeiten", nummer, "muster") + ((stelle,) if isinstance(regel.muster, list) else ())
                zeile, spalte = dokument.position(pfad)
                befunde.append(Befund(dokument.datei, zeile, spalte, f"Das Muster „{muster}“ ist nicht vorgesehen",
                                      "schreiben Sie \"*\" für alles, /ordner/ für einen Ordner oder /datei für "
                                      "eine Datei, jeweils von der obersten Ebene des Repositorys aus"))
        for stelle, rolle in enumerate(regel.teams):
            if rolle not in konfig.teams:
                zeile, spalte = dokument.position(("zustaendigkeiten", nummer, "teams", stelle))
                befunde.append(Befund(dokument.datei, zeile, spalte, f"Das Team „{rolle}“ steht nicht unter „teams“",
                                      "vorhanden sind: " + ", ".join(konfig.teams)))
    return befunde


def codeowners_text(konfig: Teamkonfiguration) -> str:
    """CODEOWNERS in the order of the rules, each with its reason as a comment, one line a pattern."""
    zeilen = [_KOPF]
    for regel in konfig.zustaendigkeiten:
        besitzer = [konfig.handle(t) for t in regel.teams]
        zeilen += ["", f"# {regel.grund}", *(" ".join([muster, *besitzer]) for muster in regel.alle_muster)]
    return "\n".join(zeilen) + "\n"


def registrieren(unterbefehle: argparse._SubParsersAction) -> None:
    befehl = unterbefehle.add_parser(
        "codeowners", help=f"{CODEOWNERS_DATEI} aus {TEAMS_DATEI} schreiben",
        description=f"Schreibt {CODEOWNERS_DATEI}: wer Änderungen an welchem Ordner prüfen muss, "
                    f"nach den Teams und Zuständigkeiten in {TEAMS_DATEI}.",
    )
    befehl.set_defaults(ausfuehren=ausfuehren)


def ausfuehren(argumente: argparse.Namespace) -> int:
    wurzel = Path(argumente.wurzel)
    konfig, befunde = konfiguration_laden(wurzel)
    for befund in befunde:
        print(befund, file=sys.stderr)
    if konfig is None:
        print(f"{CODEOWNERS_DATEI} wurde nicht geschrieben.", file=sys.stderr)
        return 1
    (wurzel / CODEOWNERS_DATEI).write_text(codeowners_text(konfig), encoding="utf-8")
    print(f"{CODEOWNERS_DATEI} geschrieben")
    return 0
