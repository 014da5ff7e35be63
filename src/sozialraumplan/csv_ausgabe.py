"""CSV for readers: the one writer for every table the site and the open-data export offer.

Spreadsheet programs run a cell that begins with `=`, `+`, `-` or `@` as a formula, and some also
one that begins with a tab or a carriage return. Titles, names and units come from pull requests,
so a Maßnahme called `=HYPERLINK(…)` would turn into a live link (or worse) on a reader's computer.
Every text cell that begins with one of these characters therefore gets a leading `'`, as OWASP
recommends: spreadsheets then show the text instead of evaluating it.

Whether a cell is a number is decided by its Python type, not by its look: an `int` or `float` stays
a number, negative ones too; the text "-5" is text and is neutralised like any other. Callers keep
numbers as numbers until they reach this writer.

Format: UTF-8 without BOM, comma, minimal quoting, `\\n` line ends (stable bytes for releases).
"""

from __future__ import annotations

import csv
import io
import numbers
from collections.abc import Iterable, Sequence

FORMELANFAENGE = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet treat a cell as a formula (OWASP "CSV Injection")."""

Zelle = str | int | float | None
"""What a cell may hold: text, a number, or nothing (an empty cell)."""


def entschaerft(wert: object) -> Zelle | numbers.Real:
    """The cell as it is written: numbers unchanged, text with a leading `'` where it could be a formula.

    Anything else (dates, enums) is written as its text, as `csv.writer` would, and checked as text.
    """
    if type(wert) is str:  # most cells: asked first, a large city's downloads have millions
        text = wert
    elif wert is None or isinstance(wert, (int, float)) or isinstance(wert, numbers.Real):
        # int and float asked first (the ABC check is slow), numpy's numbers too; a bool writes
        # True/False, never a formula
        return wert
    else:
        text = str(wert)
    if text.startswith(FORMELANFAENGE):
        text = "'" + text
    # The writer quotes a cell only for the characters of its line end (`\n`): a bare CR would be
    # written unquoted and split the row in every reader. Text cells carry line breaks as `\n`.
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def csv_text(kopf: Sequence[str], zeilen: Iterable[Sequence[object]]) -> str:
    """The table as CSV text: the header row, then one line per row, every cell neutralised."""
    puffer = io.StringIO()
    schreiber = csv.writer(puffer, lineterminator="\n")
    for zeile in [kopf, *zeilen]:
        schreiber.writerow([entschaerft(wert) for wert in zeile])
    return puffer.getvalue()


def csv_bytes(kopf: Sequence[str], zeilen: Iterable[Sequence[object]]) -> bytes:
    """`csv_text` as the UTF-8 bytes of a download file."""
    return csv_text(kopf, zeilen).encode("utf-8")
