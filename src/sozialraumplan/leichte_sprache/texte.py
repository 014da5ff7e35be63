"""Where the Leichte-Sprache texts are, and where each of their characters stands in its file.

Two homes: every value of a key `leichte_sprache` in the plan's YAML files (at any depth,
glossary entries included) and the Markdown pages below `docs/leichte-sprache/`. Both are
Markdown, so both are masked the same way. Each text keeps, for every character, the line and
column in its file, so a finding points at the very word an editor has to change.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..befund import Befund
from ..yamldatei import Pfad, yaml_lesen
from .maske import maskieren

SCHLUESSEL = "leichte_sprache"
"""Keys holding Leichte Sprache: `leichte_sprache` and ones ending in it (`titel_leichte_sprache`)."""

# Characters YAML may show in the source but drops from a value: quotes, escapes, indentation.
_QUELLE_OHNE_WERT = frozenset("\"'\\ \t\n")


@dataclass
class LsText:
    """One Leichte-Sprache text, masked, with the file position of every character."""

    datei: str
    text: str
    orte: list[tuple[int, int]]
    grenzen: set[int]

    def ort(self, versatz: int) -> tuple[int, int]:
        """Line and column (1-based) in the file of the character at `versatz`."""
        return self.orte[min(versatz, len(self.orte) - 1)]


class _Zeilen:
    """Converts offsets in a file's text to 1-based lines and columns."""

    def __init__(self, quelltext: str) -> None:
        self.anfaenge = [0] + [i + 1 for i, zeichen in enumerate(quelltext) if zeichen == "\n"]

    def ort(self, versatz: int) -> tuple[int, int]:
        zeile = bisect.bisect_right(self.anfaenge, versatz)
        return zeile, versatz - self.anfaenge[zeile - 1] + 1

    def versatz(self, zeile: int, spalte: int) -> int:
        return self.anfaenge[zeile - 1] + spalte - 1


def aus_markdown(datei: str, inhalt: bytes) -> LsText:
    """The whole page of a Markdown file as one text (front matter, code and markup blanked)."""
    quelltext = inhalt.decode("utf-8-sig", errors="replace")
    maske = maskieren(quelltext, seite=True)
    zeilen = _Zeilen(quelltext)
    return LsText(datei, maske.text, [zeilen.ort(i) for i in range(len(quelltext) + 1)], maske.grenzen)


def aus_yaml(datei: str, inhalt: bytes) -> tuple[list[LsText], list[Befund]]:
    """Every `leichte_sprache` value of a YAML file; a broken file gives its syntax finding."""
    dokument, befunde = yaml_lesen(datei, inhalt)
    if dokument is None:
        return [], befunde
    quelltext = inhalt.decode("utf-8-sig")
    zeilen = _Zeilen(quelltext)
    texte = []
    for pfad, wert in _ls_werte(dokument.daten, ()):
        anfang = zeilen.versatz(*dokument.werte[pfad])
        maske = maskieren(wert)
        orte = [zeilen.ort(v) for v in _quellversaetze(wert, quelltext, anfang)]
        texte.append(LsText(datei, maske.text, orte, maske.grenzen))
    return texte, befunde


def _ls_werte(daten: Any, pfad: Pfad) -> Iterator[tuple[Pfad, str]]:
    """Paths and strings of all `leichte_sprache` values, in file order."""
    if isinstance(daten, dict):
        for schluessel, wert in daten.items():
            if isinstance(schluessel, str) and schluessel.endswith(SCHLUESSEL):
                yield from _zeichenketten(wert, pfad + (schluessel,))
            else:
                yield from _ls_werte(wert, pfad + (schluessel,))
    elif isinstance(daten, list):
        for i, wert in enumerate(daten):
            yield from _ls_werte(wert, pfad + (i,))


def _zeichenketten(wert: Any, pfad: Pfad) -> Iterator[tuple[Pfad, str]]:
    if isinstance(wert, str):
        yield pfad, wert
    elif isinstance(wert, list):
        for i, eintrag in enumerate(wert):
            yield from _zeichenketten(eintrag, pfad + (i,))


def _quellversaetze(wert: str, quelltext: str, anfang: int) -> list[int]:
    """For each character of a parsed YAML scalar, its offset in the file's text.

    PyYAML keeps only where the scalar starts. We walk the source from there and match the
    value character by character, stepping over what YAML removed: a block header (`|`, `>`)
    and its line, indentation, quotes and folded line breaks. A character that cannot be
    matched (an escape like `\\u00e4`) keeps the current place, so positions stay close.
    The list has one extra entry: the place just after the value.
    """
    if quelltext[anfang : anfang + 1] in ("|", ">"):
        zeilenende = quelltext.find("\n", anfang)
        anfang = len(quelltext) if zeilenende < 0 else zeilenende + 1
    versaetze = []
    stelle = anfang
    for zeichen in wert:
        suche = stelle
        while suche < len(quelltext) and not _gleich(zeichen, quelltext[suche]) \
                and quelltext[suche] in _QUELLE_OHNE_WERT:
            suche += 1
        if suche < len(quelltext) and _gleich(zeichen, quelltext[suche]):
            versaetze.append(suche)
            stelle = suche + 1
        else:
            versaetze.append(stelle)
    versaetze.append(stelle)
    return versaetze


def _gleich(zeichen: str, quelle: str) -> bool:
    """Whitespace matches whitespace: folding turns a line break into a space."""
    return zeichen == quelle or (zeichen.isspace() and quelle.isspace())
