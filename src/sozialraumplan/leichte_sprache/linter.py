"""Runs the Leichte-Sprache rules over texts, files and folders and collects the findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..befund import Befund
from ..laden import stadtteile_lesen
from ..quelle import Quelle
from . import zwischenspeicher
from .morphologie import wortarten
from .regeln import SATZREGELN, Kontext, Treffer, ein_satz_pro_zeile
from .saetze import saetze
from .texte import LsText, aus_markdown, aus_yaml

STANDARD_PFADE = ("plan", "data/indikatoren.yml", "docs/leichte-sprache")
"""Where the texts live when no path is given: the plan's YAML, the indicator explanations and
the Leichte-Sprache pages (a city without one of them simply has nothing there to check)."""

SEITEN_ORDNER = "leichte-sprache"
"""Markdown files are Leichte-Sprache pages only below a folder of this name (or if named)."""


@dataclass
class Ergebnis:
    """All findings of one run and how many texts were checked."""

    befunde: list[Befund] = field(default_factory=list)
    texte: int = 0


def text_pruefen(text: LsText, eigennamen: frozenset[str] = frozenset()) -> list[Befund]:
    """Every finding in one Leichte-Sprache text, with its line and column in the file."""
    kontext = Kontext(text.text, eigennamen)
    alle_saetze = saetze(text.text, text.grenzen)
    treffer: list[Treffer] = []
    for satz in alle_saetze:
        satz.wortarten = wortarten([t.text for t in satz.tokens])
        for regel in SATZREGELN:
            treffer.extend(regel(satz, kontext))
    treffer.extend(ein_satz_pro_zeile(alle_saetze, lambda versatz: text.ort(versatz)[0], text.grenzen))
    return [
        Befund(text.datei, *text.ort(t.anfang), t.meldung, t.hinweis, t.schwere) for t in treffer
    ]


def datei_texte(anzeige: str, endung: str, inhalt: bytes) -> tuple[list[LsText], list[Befund]]:
    """The Leichte-Sprache texts of one file: YAML values or a whole Markdown page."""
    if endung == ".md":
        return [aus_markdown(anzeige, inhalt)], []
    return aus_yaml(anzeige, inhalt)


def pfade_pruefen(
    wurzel: Path, pfade: list[str], eigennamen: frozenset[str] = frozenset()
) -> Ergebnis:
    """Check the given files and folders (relative to `wurzel`); none given: the defaults."""
    ergebnis = Ergebnis()
    dateien: list[Path] = []
    for pfad in pfade or STANDARD_PFADE:
        ziel = wurzel / pfad
        if ziel.is_dir():
            dateien.extend(_ordner_dateien(ziel))
        elif ziel.is_file() and ziel.suffix in (".yml", ".yaml", ".md"):
            dateien.append(ziel)
        elif pfade:
            ergebnis.befunde.append(Befund(
                pfad, 1, 1, "Leichte Sprache: diesen Ordner oder diese YAML- oder Markdown-Datei "
                "gibt es nicht", "prüfen Sie den Pfad; er gilt ab dem aktuellen Ordner"))
    for datei in dict.fromkeys(dateien):
        anzahl, befunde = datei_pruefen(datei, _anzeige(datei, wurzel), eigennamen)
        ergebnis.texte += anzahl
        ergebnis.befunde.extend(befunde)
    ergebnis.befunde.sort()
    return ergebnis


def datei_pruefen(datei: Path, anzeige: str, eigennamen: frozenset[str]) -> tuple[int, list[Befund]]:
    """The number of Leichte-Sprache texts in one file and their findings (from the cache when
    this file state was checked before)."""
    inhalt = datei.read_bytes()
    schluessel = zwischenspeicher.schluessel(anzeige, inhalt, eigennamen)
    bekannt = zwischenspeicher.lesen(schluessel)
    if bekannt is not None:
        return bekannt
    texte, befunde = datei_texte(anzeige, datei.suffix, inhalt)
    for text in texte:
        befunde.extend(text_pruefen(text, eigennamen))
    zwischenspeicher.schreiben(schluessel, len(texte), befunde)
    return len(texte), befunde


def _ordner_dateien(ordner: Path) -> list[Path]:
    """YAML files at any depth, Markdown pages below a `leichte-sprache` folder; hidden folders
    and `node_modules` are skipped."""
    gefunden = []
    for datei in sorted(ordner.rglob("*")):
        teile = datei.relative_to(ordner).parts
        if any(t.startswith(".") or t == "node_modules" for t in teile) or not datei.is_file():
            continue
        seite = datei.suffix == ".md" and SEITEN_ORDNER in datei.parts
        if datei.suffix in (".yml", ".yaml") or seite:
            gefunden.append(datei)
    return gefunden


def _anzeige(datei: Path, wurzel: Path) -> str:
    """The path as editors know it: relative to the repository, with `/`."""
    try:
        return datei.resolve().relative_to(wurzel.resolve()).as_posix()
    except ValueError:
        return datei.as_posix()


def eigennamen(quelle: Quelle) -> frozenset[str]:
    """Names a text must keep as they are: the words of every district's name.

    `Windischholzhausen` is long, but it is a name: nobody writes `Windisch-Holzhausen`.
    """
    stadtteile, _ = stadtteile_lesen(quelle, [])  # a broken list is `validate`'s to report
    return frozenset(wort for s in stadtteile for wort in s.name.replace("(", " ").replace(")", " ").split())
