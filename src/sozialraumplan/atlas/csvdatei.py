"""CSV files as editors save them (comma, semicolon or tab; UTF-8), with the line and column
of every cell so that a finding points at the cell to fix."""

from __future__ import annotations

import csv
import functools
import io
import math
import re
from dataclasses import dataclass

from ..befund import Befund
from ..quelle import Quelle, zu_gross
from .modell import GROESSTER_BETRAG
from .zahlen import ZahlFehler, Zahlformat, zahl_lesen, zahl_text

TRENNER = (";", ",", "\t")
_ZEILENENDE = re.compile(r"\r\n|\r|\n")
"""The line ends the csv module knows (str.splitlines knows more, and would miscount lines)."""


@dataclass(frozen=True)
class Zeile:
    """One data row: its cells by column name, and the raw line for where each cell starts."""

    datei: str
    nummer: int
    zellen: dict[str, str]
    roh: str = ""
    trenner: str = ","

    def befund(self, spalte: str | None, meldung: str, hinweis: str = "", **art) -> Befund:
        """A finding placed on this row, at the cell of `spalte` when given."""
        return Befund(self.datei, self.nummer, self.spalten.get(spalte, 1) if spalte else 1,
                      meldung, hinweis, **art)

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
    """The separator used in the header line; a comma if there is none."""
    anzahl = {t: kopfzeile.count(t) for t in TRENNER}
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


def zelle_als_zahl(text: str, format: Zahlformat = "automatisch") -> float | None:
    """The number in a cell (see `zahl_lesen`); `ZahlFehler` also for a number too large to
    compute with: 400 digits read as infinity, and sums of such values are no figures."""
    zahl = zahl_lesen(text, format)
    if zahl is not None and not (math.isfinite(zahl) and abs(zahl) <= GROESSTER_BETRAG):
        roh = text.strip()
        raise ZahlFehler(f"„{roh if len(roh) <= 20 else roh[:20] + '…'}“ ist zu groß",
                         f"Beträge über {zahl_text(GROESSTER_BETRAG, 0)} kommen in der Sozialstatistik "
                         "nicht vor; prüfen Sie die Zelle")
    return zahl


def csv_lesen(quelle: Quelle, pfad: str, pflicht: set[str], befunde: list[Befund]) -> Tabelle | None:
    """Read `pfad`; None (with a finding) if it is missing, too large, not UTF-8, not CSV or lacks
    required columns."""
    inhalt = quelle.lesen(pfad)
    if inhalt is None:
        befunde.append(Befund(pfad, 1, 1, "Die Datei fehlt",
                              "legen Sie sie an oder korrigieren Sie den Pfad in data/atlas.yml"))
        return None
    zu_viel = zu_gross(pfad, inhalt, "csv")
    if zu_viel is not None:
        befunde.append(zu_viel)
        return None
    try:
        text = inhalt.decode("utf-8-sig")
    except UnicodeDecodeError as fehler:
        zeile = inhalt[: fehler.start].count(b"\n") + 1
        befunde.append(Befund(pfad, zeile, 1, "Die Datei ist nicht in UTF-8 gespeichert",
                              "speichern Sie sie als „CSV UTF-8“ (in Excel: Speichern unter → CSV UTF-8)"))
        return None
    roh = _ZEILENENDE.split(text)
    trenner = trenner_erkennen(roh[0])
    leser = csv.reader(io.StringIO(text, newline=""), delimiter=trenner)
    try:
        kopf = [k.strip() for k in next(leser, [])]
        fehlend = sorted(pflicht - set(kopf))
        if fehlend:
            befunde.append(Befund(pfad, 1, 1, "Es fehlen Spalten: " + ", ".join(fehlend),
                                  "die erste Zeile muss die Spaltennamen enthalten, z. B. " + trenner.join(sorted(pflicht))))
            return None
        doppelt = sorted({k for k in kopf if kopf.count(k) > 1 and k})
        if doppelt:
            befunde.append(Befund(pfad, 1, 1, "Doppelte Spaltennamen: " + ", ".join(doppelt),
                                  "jeder Spaltenname darf nur einmal vorkommen"))
            return None
        zeilen, beginn = [], leser.line_num + 1
        for felder in leser:
            nummer, beginn = beginn, leser.line_num + 1
            if not any(f.strip() for f in felder):
                continue
            if len(felder) != len(kopf):
                befunde.append(Befund(pfad, nummer, 1,
                                      f"Die Zeile hat {len(felder)} Zellen, die Kopfzeile {len(kopf)}",
                                      f"prüfen Sie die Trennzeichen („{trenner}“) und Anführungszeichen in dieser Zeile"))
                continue
            zeilen.append(Zeile(pfad, nummer, dict(zip(kopf, felder)), roh[nummer - 1] if nummer <= len(roh) else "",
                                trenner))
    except csv.Error:  # a cell over the csv module's size limit: almost always a quote never closed
        befunde.append(Befund(pfad, max(leser.line_num, 1), 1, "Eine Zelle ist zu lang oder nicht lesbar",
                              "meist fehlt ein schließendes Anführungszeichen; prüfen Sie die "
                              "Anführungszeichen ab dieser Zeile"))
        return None
    return Tabelle(pfad, kopf, zeilen)
