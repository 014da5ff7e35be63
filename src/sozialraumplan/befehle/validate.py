"""`sozialraumplan validate`: check the whole plan and report every finding in German."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..befund import Befund, PlanUngueltig, Schwere
from ..quelle import Ordner

if TYPE_CHECKING:
    from ..atlas.modell import Atlas
    from ..bestand import Bestand


def registrieren(unterbefehle: argparse._SubParsersAction) -> None:
    befehl = unterbefehle.add_parser(
        "validate", help="Plan prüfen (Schema, Kennungen, Verweise)",
        description="Prüft alle Dateien in plan/ und data/ (Plan, Erklärung zur Barrierefreiheit, Atlas) "
                    "und die Seiten in docs/ mit ihren Makros, genau wie der Bau der Website, dazu alle "
                    "Texte in Leichter Sprache, und meldet jeden Fehler mit Datei und Zeile.",
    )
    befehl.set_defaults(ausfuehren=ausfuehren)


def _website_pruefen(wurzel: Path, bestand: Bestand, befunde: list[Befund]) -> list[Befund]:
    """What only the build finds, on the inputs already loaded: the generated pages (e.g. the
    comparison base of „Änderungen“; the atlas's only where a hand-written page lies in their
    folders, as they hold no finding of their own) and the hand-written pages with their macros; and the
    Leichte-Sprache rules, which the build does not check (they are language, not data, and take
    seconds) but CI does through this."""
    # the site's renderers and the linter: imported only when the data is valid
    from ..atlas.inhalte import ATLAS_ORDNER
    from ..docs_seiten import DOCS, docs_rendern, markdown_dateien, repo_adresse
    from ..leichte_sprache.linter import eigennamen, pfade_pruefen
    from ..website import stichtag, website_aus_bestand
    # the atlas's pages, about a quarter of the time, only where a hand-written page could be one of them
    atlasseiten = any(p.relative_to(wurzel / DOCS).as_posix().startswith(ATLAS_ORDNER) for p in markdown_dateien(wurzel))
    try:
        website = website_aus_bestand(wurzel.resolve(), bestand, befunde, stichtag(), atlasseiten=atlasseiten)
    except PlanUngueltig as fehler:
        return fehler.befunde
    eigene = docs_rendern(website, wurzel, repo_adresse(wurzel))[1]
    return eigene + pfade_pruefen(wurzel, [], eigennamen(Ordner(wurzel))).befunde


def ausfuehren(argumente: argparse.Namespace) -> int:
    from ..bestand import bestand_pruefen  # plan and atlas (numpy, shapely): not for the parser of every command
    bestand, befunde = bestand_pruefen(Ordner(argumente.wurzel))
    if bestand is not None:
        befunde = sorted(befunde + _website_pruefen(Path(argumente.wurzel), bestand, befunde))
        if any(b.schwere is Schwere.FEHLER for b in befunde):
            bestand = None
    for befund in befunde:
        print(befund, file=sys.stderr if befund.schwere is Schwere.FEHLER else sys.stdout)
    if bestand is None:
        fehler = sum(1 for b in befunde if b.schwere is Schwere.FEHLER)
        print(f"{fehler} Fehler gefunden. Bitte beheben Sie sie; der Plan wird so nicht veröffentlicht.",
              file=sys.stderr)
        return 1
    plan = bestand.plan
    if bestand.atlas is not None:
        _geheimhaltung_berichten(bestand.atlas)
    atlas = f", {len(bestand.atlas.indikatoren)} Indikatoren" if bestand.atlas else ""
    print(f"Plan gültig: {len(plan.leitlinien)} Leitlinien, {len(plan.massnahmen)} Maßnahmen, "
          f"{len(plan.gremien)} Gremien, {len(plan.sitzungen)} Sitzungen, {len(plan.stadtteile)} Stadtteile{atlas}.")
    return 0


def _geheimhaltung_berichten(atlas: Atlas) -> None:
    """How many cells disclosure control withholds, per indicator (districts, all years)."""
    gesperrt = atlas.gesperrte_zellen
    if atlas.einstellungen.geheimhaltung is None:
        return
    print(f"Geheimhaltung: {sum(gesperrt.values())} Zellen werden nicht veröffentlicht („.“).")
    for indikator in atlas.indikatoren:
        if gesperrt.get(indikator.id):
            print(f"  {indikator.name} ({indikator.id}): {gesperrt[indikator.id]}")
