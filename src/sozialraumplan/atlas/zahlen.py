"""Numbers as editors type them and as readers read them: German format in, German format out.

Input accepts `12,5` and `12.5`, `1.234,5` and `1,234.5`. A number such as `1.234` or `1,234`
is refused in automatic mode: it could be one thousand two hundred thirty-four or a little more
than one, and guessing would silently put a wrong figure into a public report.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from typing import Literal

Zahlformat = Literal["automatisch", "deutsch", "englisch"]

FEHLEND = frozenset({"", "-", "–", "—", ".", "x", "X", "k. A.", "k.A.", "NA"})
"""Cell contents that mean „no value“ (empty, dash, `x` for statistical secrecy, `k. A.`)."""

_GANZ = re.compile(r"^[+-]?\d+$")
_KOMMA = re.compile(r"^[+-]?\d+,\d+$")
_PUNKT = re.compile(r"^[+-]?\d+\.\d+$")
_TAUSEND_MEHRDEUTIG = re.compile(r"^[+-]?[1-9]\d{0,2}[.,]\d{3}$")
_DEUTSCH_TAUSEND = re.compile(r"^[+-]?[1-9]\d{0,2}(\.\d{3})+(,\d+)?$")
_ENGLISCH_TAUSEND = re.compile(r"^[+-]?[1-9]\d{0,2}(,\d{3})+(\.\d+)?$")
_LEERRAUM = re.compile(r"[ \u00a0\u202f\u2009]")

MINUS = "\u2212"
"""Typographic minus: screen readers say „minus“, and it does not break from its number."""


class ZahlFehler(ValueError):
    """A cell that is not a number, or not unambiguously one."""

    def __init__(self, meldung: str, hinweis: str, mehrdeutig: bool = False) -> None:
        super().__init__(meldung)
        self.meldung = meldung
        self.hinweis = hinweis
        self.mehrdeutig = mehrdeutig


def zahl_lesen(text: str, format: Zahlformat = "automatisch") -> float | None:
    """The number in a cell, None for an empty or „no value“ cell; `ZahlFehler` otherwise."""
    roh = text.strip()
    if roh in FEHLEND:
        return None
    zahl = _LEERRAUM.sub("", roh).replace(MINUS, "-")
    if _GANZ.match(zahl):
        return float(zahl)
    if format == "deutsch":
        return _deutsch(zahl, roh)
    if format == "englisch":
        return _englisch(zahl, roh)
    if _TAUSEND_MEHRDEUTIG.match(zahl):
        ganz, rest = re.split(r"[.,]", zahl)
        raise ZahlFehler(
            f"„{roh}“ ist mehrdeutig: {ganz}{rest} oder {ganz},{rest}?",
            f"schreiben Sie Tausender ohne Trennzeichen („{ganz}{rest}“) und Nachkommastellen mit Komma",
            mehrdeutig=True,
        )
    if _KOMMA.match(zahl) or _DEUTSCH_TAUSEND.match(zahl):
        return _deutsch(zahl, roh)
    if _PUNKT.match(zahl) or _ENGLISCH_TAUSEND.match(zahl):
        return _englisch(zahl, roh)
    raise _keine_zahl(roh)


_KOORDINATE = re.compile(r"^[+-]?\d{1,3}([.,]\d+)?$")


def koordinate_lesen(text: str) -> float | None:
    """A longitude or latitude in degrees: point or comma before the decimals, never thousands."""
    roh = text.strip()
    if roh in FEHLEND:
        return None
    if not _KOORDINATE.match(roh):
        raise ZahlFehler(f"„{roh}“ ist keine Koordinate in Grad", "schreiben Sie z. B. 50.97825 (WGS84)")
    return float(roh.replace(",", "."))


def _deutsch(zahl: str, roh: str) -> float:
    if _KOMMA.match(zahl) or _DEUTSCH_TAUSEND.match(zahl):
        return float(zahl.replace(".", "").replace(",", "."))
    raise _keine_zahl(roh, "im deutschen Zahlenformat steht das Komma vor den Nachkommastellen (12,5)")


def _englisch(zahl: str, roh: str) -> float:
    if _PUNKT.match(zahl) or _ENGLISCH_TAUSEND.match(zahl):
        return float(zahl.replace(",", ""))
    raise _keine_zahl(roh, "im englischen Zahlenformat steht der Punkt vor den Nachkommastellen (12.5)")


def _keine_zahl(roh: str, hinweis: str = "") -> ZahlFehler:
    if "%" in roh:
        hinweis = "schreiben Sie nur die Zahl, ohne Prozentzeichen; die Einheit steht in data/indikatoren.yml"
    return ZahlFehler(f"„{roh}“ ist keine Zahl",
                      hinweis or "schreiben Sie z. B. 12,5 oder 1234; leere Zellen bedeuten „keine Angabe“")


def zahl_text(wert: float, stellen: int = 1, *, vorzeichen: bool = False) -> str:
    """German notation: `1.234,5`, `−0,3`; with `vorzeichen` also `+0,3`."""
    gerundet = round(wert, stellen)
    if gerundet == 0:
        gerundet = 0.0  # no „−0,0“
    text = f"{abs(gerundet):,.{stellen}f}".replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    if gerundet < 0:
        return MINUS + text
    return ("+" + text) if vorzeichen and gerundet > 0 else text


def euro(betrag: float | Decimal) -> str:
    """`12500.5` → `12.500,50 €`: funding sums on the site, in the PDF, the diff and the internal site."""
    return f"{zahl_text(float(betrag), 2)} €"


def mit_einheit(wert: float | None, einheit: str, stellen: int = 1, *, vorzeichen: bool = False) -> str:
    """`12,5 %`, `6.058 Personen`; „keine Angabe“ when there is no value."""
    if wert is None or math.isnan(wert):
        return "keine Angabe"
    zahl = zahl_text(wert, stellen, vorzeichen=vorzeichen)
    return f"{zahl}\u00a0{einheit}" if einheit else zahl


def aenderungseinheit(einheit: str) -> str:
    """The unit of a difference: percentages change by percentage points."""
    return "Prozentpunkte" if einheit == "%" else einheit


def maschinenzahl(wert: float | None) -> int | float | str:
    """Machine-readable: dot decimal, no grouping, integers without „.0“, empty for no value.
    A number, not its text, so that the CSV writer knows a negative value is no formula."""
    if wert is None:
        return ""
    return int(wert) if float(wert).is_integer() else float(round(wert, 6))
