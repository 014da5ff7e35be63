"""CSV files as editors save them (comma, semicolon or tab; UTF-8), with the line and column
of every cell so that a finding points at the cell to fix."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from ..befund import Befund
from ..quelle import Quelle

TRENNER = (";", ",", "\t")


@dataclass(frozen=True)
class Zeile:
    """One data row: its cells by column name and where each cell starts."""

    datei: str
    nummer: int
    zellen: dict[str, str]
    spalten: dict[str, int]

    def befund(self, spalte: str | None, meldung: str, hinweis: str = "", **art) -> Befund:
        """A finding placed on this row, at the cell of `spalte` when given."""
        return Befund(self.datei, self.nummer, self.spalten.get(spalte, 1) if spalte else 1,
                      meldung, hinweis, **art)


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


def csv_lesen(quelle: Quelle, pfad: str, pflicht: set[str], befunde: list[Befund]) -> Tabelle | None:
    """Read `pfad`; None (with a finding) if it is missing, not UTF-8 or lacks required columns."""
    inhalt = quelle.lesen(pfad)
    if inhalt is None:
        befunde.append(Befund(pfad, 1, 1, "Die Datei fehlt",
                              "legen Sie sie an oder korrigieren Sie den Pfad in data/atlas.yml"))
        return None
    try:
        text = inhalt.decode("utf-8-sig")
    except UnicodeDecodeError as fehler:
        zeile = inhalt[: fehler.start].count(b"\n") + 1
        befunde.append(Befund(pfad, zeile, 1, "Die Datei ist nicht in UTF-8 gespeichert",
                              "speichern Sie sie als „CSV UTF-8“ (in Excel: Speichern unter → CSV UTF-8)"))
        return None
    roh = text.splitlines()
    trenner = trenner_erkennen(roh[0] if roh else "")
    leser = csv.reader(io.StringIO(text, newline=""), delimiter=trenner)
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
        anfaenge = _feldanfaenge(roh[nummer - 1], trenner) if nummer <= len(roh) else []
        if len(felder) != len(kopf):
            befunde.append(Befund(pfad, nummer, 1,
                                  f"Die Zeile hat {len(felder)} Zellen, die Kopfzeile {len(kopf)}",
                                  f"prüfen Sie die Trennzeichen („{trenner}“) und Anführungszeichen in dieser Zeile"))
            continue
        zeilen.append(Zeile(pfad, nummer, dict(zip(kopf, felder)),
                            {k: (anfaenge[i] if i < len(anfaenge) else 1) for i, k in enumerate(kopf)}))
    return Tabelle(pfad, kopf, zeilen)
