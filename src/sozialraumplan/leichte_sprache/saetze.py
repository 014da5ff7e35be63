"""A Leichte-Sprache text cut into sentences and tokens, each with its offset in the text.

A sentence ends at `.`, `!` or `?` before a new sentence, at a blank line and at a block
border of the Markdown (heading, list item, table cell). A colon does not end a sentence:
Leichte Sprache uses it often inside one line („Die Gruppe prüft: Was hat geklappt?“).
A point after an abbreviation (`z. B.`) or after a day of the month (`2. Dezember`) does not
end a sentence either, unless it is the last thing on its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .abkuerzungen import ABKUERZUNGS_TEILE

_TOKEN = re.compile(
    r"\d+(?:[.,:/]\d+)*"  # numbers, also 1.000, 3,5, 2.12.2022, 14:30, 1/2
    r"|\w+(?:[-·'’]\w+)*"  # words, also hyphenated compounds and a wrong Mediopunkt
    r"|\.\.\.|[^\w\s]"  # punctuation and special characters, one by one
)
_SATZENDE = frozenset({".", "!", "?", "...", "…"})
_SCHLIESSEND = frozenset({'"', "'", ")"})
_ABSATZ = re.compile(r"\n[^\S\n]*\n")  # a blank line, also with Windows line ends


@dataclass(frozen=True)
class Token:
    text: str
    anfang: int

    @property
    def ist_wort(self) -> bool:
        """Words and numbers count as words; punctuation does not."""
        return any(zeichen.isalnum() for zeichen in self.text)


@dataclass
class Satz:
    """One sentence: its tokens, and (filled in later) lemma and part of speech of each."""

    tokens: list[Token]
    wortarten: list[tuple[str, str]] = field(default_factory=list)

    @property
    def anfang(self) -> int:
        return self.tokens[0].anfang

    @property
    def ende(self) -> int:
        letztes = self.tokens[-1]
        return letztes.anfang + len(letztes.text) - 1

    @property
    def woerter(self) -> list[Token]:
        return [t for t in self.tokens if t.ist_wort]


def saetze(text: str, grenzen: set[int]) -> list[Satz]:
    """Cut the text into sentences; `grenzen` are offsets where a new block begins."""
    absaetze = {treffer.end() for treffer in _ABSATZ.finditer(text)} | grenzen
    ergebnis: list[Satz] = []
    aktuell: list[Token] = []
    tokens = [Token(t.group(0), t.start()) for t in _TOKEN.finditer(text)]
    for i, token in enumerate(tokens):
        if aktuell and _neuer_block(aktuell[-1], token, absaetze):
            ergebnis.append(Satz(aktuell))
            aktuell = []
        aktuell.append(token)
        if _endet_satz(tokens, i, text):
            ergebnis.append(Satz(aktuell))
            aktuell = []
    if aktuell:
        ergebnis.append(Satz(aktuell))
    return ergebnis


def _neuer_block(vorher: Token, token: Token, absaetze: set[int]) -> bool:
    return any(vorher.anfang < grenze <= token.anfang for grenze in absaetze)


def _endet_satz(tokens: list[Token], i: int, text: str) -> bool:
    token = tokens[i]
    if token.text not in _SATZENDE:
        return False
    if i + 1 == len(tokens):
        return True
    naechstes = tokens[i + 1]
    if naechstes.anfang == token.anfang + len(token.text) and naechstes.text not in _SCHLIESSEND:
        return False  # no space after the point: not a sentence end (e.g. `..` or `.,`)
    if "\n" in text[token.anfang : naechstes.anfang]:
        return True  # one sentence per line: a point at the end of a line ends the sentence
    if token.text == "." and i > 0:
        vorher = tokens[i - 1]
        direkt_davor = vorher.anfang + len(vorher.text) == token.anfang
        if direkt_davor and vorher.text in ABKUERZUNGS_TEILE:
            return False
        if direkt_davor and vorher.text.isdigit() and len(vorher.text) <= 2:
            return False  # a day or an ordinal: „am 2. Dezember“
    return token.text in ("!", "?") or not text[naechstes.anfang].islower()
