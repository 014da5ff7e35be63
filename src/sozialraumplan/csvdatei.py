"""Every CSV file in `data/` read one way, as editors save them, with the line and column of
every cell so that a finding points at the cell to fix.

What is accepted, and why:

- Separator: comma, semicolon (German Excel) or tab, whichever the header line uses most
  outside quotes.
- Line ends: LF, CRLF (Windows), or CR alone throughout the file (old Mac programs). A single
  CR inside a line of a file with LF line ends is a stray character (it comes from copying out
  of other programs): an error on its line, and the rest of the file is still read.
- Encoding: UTF-8, with or without byte-order mark (Excel's „CSV UTF-8“). A file that is not
  UTF-8 is read as Windows-1252, which German Excel writes for „CSV (Trennzeichen-getrennt)“:
  each of its bytes stands for one character, and for German text (ä, ö, ü, ß, €) the reading
  is right. Its values are used, with a warning to save the file as „CSV UTF-8“ — `validate`
  and the preview go on, the strict build (CI) stops until it is done, since another 8-bit
  encoding would be read with wrong letters. Bytes Windows-1252 does not have, and UTF-16
  (Excel's „Unicode-Text“), are errors.
- Control characters (NUL and the like) are errors on their line, never a crash.
- Empty lines are skipped; empty columns at the right end (Excel writes `;;` after the last
  column once a cell there was used) are ignored.
- A quote that is never closed is reported on the line where it opens.
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Collection
from dataclasses import dataclass

from .befund import Befund, Schwere
from .quelle import Quelle, utf8_text, zu_gross
from .yamldatei import Pfad, YamlDokument

TRENNER = (";", ",", "\t")
_ZEILENENDE = re.compile(r"\r\n|\r|\n")
"""The line ends the csv module knows (str.splitlines knows more, and would miscount lines)."""
_EINZELNES_CR = re.compile(r"\r(?!\n)")
_STEUERZEICHEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_STOERENDE_ZEICHEN = re.compile(r'"|\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]')
HOECHSTENS_BEFUNDE = 20
"""Findings about stray characters per file: enough to show the pattern, not a flood."""
SPEICHERN_ALS_UTF8 = ("speichern Sie sie als „CSV UTF-8“ (in Excel: Datei → Speichern unter → "
                      "„CSV UTF-8 (durch Trennzeichen getrennt)“)")
_ANFUEHRUNG_HINWEIS = ("schließen Sie es am Ende der Zelle; ein Anführungszeichen innerhalb einer Zelle "
                       "wird verdoppelt („\"\"“)")


@dataclass(frozen=True)
class Zeile:
    """One data row: its cells by column name, and the raw line for where each cell starts."""

    datei: str
    nummer: int
    zellen: dict[str, str]
    roh: str = ""
    trenner: str = ","

    def befund(self, spalte: str | None, meldung: str, hinweis: str = "", **art: Schwere) -> Befund:
        """A finding placed on this row, at the cell of `spalte` when given."""
        return Befund(self.datei, self.nummer, self.spalten.get(spalte, 1) if spalte else 1,
                      meldung, hinweis, **art)

    def dokument(self, spalten: tuple[str, ...]) -> YamlDokument:
        """The cells of `spalten` (spaces around them trimmed) as a document with the place of each cell, so that a
        model validates the row and `meldungen.uebersetzen` puts its findings on the cell."""
        orte: dict[Pfad, tuple[int, int]] = {(k,): (self.nummer, self.spalten.get(k, 1)) for k in spalten}
        return YamlDokument(self.datei, {k: self.zellen[k].strip(" ") for k in spalten},
                            werte={(): (self.nummer, 1), **orte}, schluessel=dict(orte))

    @functools.cached_property
    def spalten(self) -> dict[str, int]:
        """Column name → 1-based column of its cell; worked out only for rows with a finding,
        since scanning every line character by character costs more than reading the file."""
        anfaenge = _feldanfaenge(self.roh, self.trenner)
        return {k: (anfaenge[i] if i < len(anfaenge) else 1) for i, k in enumerate(self.zellen)}


@dataclass(frozen=True)
class Tabelle:
    """A read CSV file: header and data rows (empty lines skipped)."""

    datei: str
    kopf: list[str]
    zeilen: list[Zeile]


def trenner_erkennen(kopfzeile: str) -> str:
    """The separator used in the header line (outside quotes); a comma if there is none."""
    aussen = re.sub(r'"[^"]*"', "", kopfzeile)
    anzahl = {t: aussen.count(t) for t in TRENNER}
    trenner = max(TRENNER, key=lambda t: anzahl[t])
    return trenner if anzahl[trenner] else ","


def _feldanfaenge(zeile: str, trenner: str) -> list[int]:
    """1-based column of each field in a raw line, honouring quotes."""
    anfaenge, in_anfuehrung = [1], False
    for i, zeichen in enumerate(zeile):
        if zeichen == '"':
            in_anfuehrung = not in_anfuehrung
        elif zeichen == trenner and not in_anfuehrung:
            anfaenge.append(i + 2)
    return anfaenge


def csv_lesen(quelle: Quelle, pfad: str, pflicht: Collection[str], befunde: list[Befund], *,
              fehlt: tuple[str, str] = ("Die Datei fehlt", "legen Sie sie an")) -> Tabelle | None:
    """Read `pfad` from `quelle`; None (with findings) if it is missing (`fehlt`: message and fix),
    too large, unreadable, or lacks one of the columns `pflicht` (a set, or a sequence whose order
    the fix shows)."""
    inhalt = quelle.lesen(pfad)
    if inhalt is None:
        befunde.append(Befund(pfad, 1, 1, *fehlt))
        return None
    return tabelle_lesen(pfad, inhalt, pflicht, befunde)


def tabelle_lesen(pfad: str, inhalt: bytes, pflicht: Collection[str], befunde: list[Befund]) -> Tabelle | None:
    """The table in a CSV file's bytes (see the module's description for what is accepted)."""
    zu_viel = zu_gross(pfad, inhalt, "csv")
    if zu_viel is not None:
        befunde.append(zu_viel)
        return None
    text = text_lesen(pfad, inhalt, befunde)
    if text is None:
        return None
    text = _zeichen_bereinigen(pfad, text, befunde)
    roh = _ZEILENENDE.split(text)
    trenner = trenner_erkennen(roh[0])
    leser = csv.reader(io.StringIO(text, newline=""), delimiter=trenner)
    beginn = 1
    try:
        kopf = [k.strip() for k in next(leser, [])]
        while kopf and not kopf[-1]:
            kopf.pop()
        if not _kopf_pruefen(pfad, kopf, pflicht, trenner, befunde):
            return None
        zeilen, beginn = [], leser.line_num + 1
        for felder in leser:
            nummer, beginn = beginn, leser.line_num + 1
            if not any(f.strip() for f in felder):
                continue
            while len(felder) > len(kopf) and not felder[-1].strip():
                felder.pop()
            if beginn - nummer > 1 and (len(felder) != len(kopf)
                                        or "\n".join(roh[nummer - 1:beginn - 1]).count('"') % 2):
                # a cell over several lines is allowed; here a quote left open has swallowed lines
                bis = (f"erst in Zeile {beginn - 1}" if any(z.strip() for z in roh[beginn - 1:]) else "nicht")
                befunde.append(Befund(pfad, nummer, _anfuehrung_spalte(roh[nummer - 1]),
                                      f"Ein Anführungszeichen in Zeile {nummer} wird {bis} geschlossen",
                                      _ANFUEHRUNG_HINWEIS))
                continue
            if len(felder) != len(kopf):
                befunde.append(Befund(pfad, nummer, 1,
                                      f"Die Zeile hat {len(felder)} Zellen, die Kopfzeile {len(kopf)}",
                                      f"prüfen Sie die Trennzeichen („{_name(trenner)}“) und Anführungszeichen in "
                                      "dieser Zeile"))
                continue
            zeilen.append(Zeile(pfad, nummer, dict(zip(kopf, felder, strict=True)),
                                roh[nummer - 1] if nummer <= len(roh) else "", trenner))
    except csv.Error:  # a cell over the csv module's size limit: a quote never closed
        befunde.append(Befund(pfad, beginn, _anfuehrung_spalte(roh[beginn - 1] if beginn <= len(roh) else ""),
                              f"Ein Anführungszeichen in Zeile {beginn} wird nicht geschlossen", _ANFUEHRUNG_HINWEIS))
        return None
    return Tabelle(pfad, kopf, zeilen)


def text_lesen(pfad: str, inhalt: bytes, befunde: list[Befund]) -> str | None:
    """The text of a CSV file: UTF-8, else Windows-1252 with a warning; None with an error when
    it is neither."""
    if inhalt.startswith((b"\xff\xfe", b"\xfe\xff")):
        befunde.append(Befund(pfad, 1, 1, "Die Datei ist als „Unicode-Text“ (UTF-16) gespeichert",
                              SPEICHERN_ALS_UTF8))
        return None
    text, zeile = utf8_text(inhalt)
    if text is not None:
        return text
    try:
        text = inhalt.decode("cp1252")
    except UnicodeDecodeError:
        befunde.append(Befund(pfad, zeile, 1, "Die Datei ist nicht in UTF-8 gespeichert", SPEICHERN_ALS_UTF8))
        return None
    befunde.append(Befund(pfad, zeile, 1, "Die Datei ist nicht in UTF-8, sondern in Windows-1252 gespeichert "
                          "(„CSV (Trennzeichen-getrennt)“ in Excel); sie wurde so gelesen",
                          "prüfen Sie die Umlaute auf der Website und " + SPEICHERN_ALS_UTF8,
                          Schwere.WARNUNG))
    return text


def _zeichen_bereinigen(pfad: str, text: str, befunde: list[Befund]) -> str:
    """The text with line ends the csv module reads alike. A CR alone outside quotes (inside them
    it is part of the cell's text) or a control character is an error on its line, numbered as an
    editor counts lines; it is then removed, so that the rest of the file is still read."""
    if "\n" not in text:
        return text.replace("\r", "\n")  # an old Mac file: CR ends every line
    if not _EINZELNES_CR.search(text) and not _STEUERZEICHEN.search(text):
        return text
    stellen, in_anfuehrung = [], False
    for treffer in _STOERENDE_ZEICHEN.finditer(text):
        if treffer.group() == '"':
            in_anfuehrung = not in_anfuehrung
        elif treffer.group() != "\r" or not in_anfuehrung:
            stellen.append(treffer.start())
    for stelle in stellen[:HOECHSTENS_BEFUNDE]:
        zeile, spalte = text.count("\n", 0, stelle) + 1, stelle - text.rfind("\n", 0, stelle)
        if text[stelle] == "\r":
            befunde.append(Befund(pfad, zeile, spalte,
                                  "Mitten in der Zeile steht ein einzelnes Zeilenende-Zeichen (CR)",
                                  "löschen Sie es (im Editor: Zeilenenden anzeigen); es entsteht oft beim Kopieren "
                                  "aus anderen Programmen"))
        else:
            befunde.append(Befund(pfad, zeile, spalte,
                                  f"Die Zeile enthält ein unsichtbares Steuerzeichen (U+{ord(text[stelle]):04X})",
                                  "löschen Sie das Zeichen; es entsteht oft beim Kopieren aus anderen Programmen"))
    teile, vorher = [], 0
    for stelle in stellen:
        teile.append(text[vorher:stelle])
        vorher = stelle + 1
    return "".join(teile) + text[vorher:]


def _kopf_pruefen(pfad: str, kopf: list[str], pflicht: Collection[str], trenner: str, befunde: list[Befund]) -> bool:
    fehlend = sorted(set(pflicht) - set(kopf))
    if fehlend:
        klein = {k.lower() for k in kopf}
        hinweis = ("schreiben Sie die Spaltennamen klein: " if set(fehlend) <= klein else
                   "die erste Zeile muss die Spaltennamen enthalten, z. B. ")
        befunde.append(Befund(pfad, 1, 1, "Es fehlen Spalten: " + ", ".join(fehlend),
                              hinweis + trenner.join(sorted(pflicht) if isinstance(pflicht, (set, frozenset))
                                                     else pflicht)))
        return False
    doppelt = sorted({k for k in kopf if kopf.count(k) > 1 and k})
    if doppelt:
        befunde.append(Befund(pfad, 1, 1, "Doppelte Spaltennamen: " + ", ".join(doppelt),
                              "jeder Spaltenname darf nur einmal vorkommen"))
        return False
    return True


def _anfuehrung_spalte(zeile: str) -> int:
    """1-based column of the quote left open in `zeile` (the last one of an odd count), else 1."""
    stellen = [i for i, z in enumerate(zeile) if z == '"']
    return stellen[-1] + 1 if len(stellen) % 2 else (stellen[0] + 1 if stellen else 1)


def _name(trenner: str) -> str:
    return "Tabulator" if trenner == "\t" else trenner
