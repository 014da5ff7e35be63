"""The atlas's CSV files (values, sites, anchor figures): read by the one CSV reader of the
project (`sozialraumplan.csvdatei`), with the atlas's own rules for numbers in cells."""

from __future__ import annotations

import math

from .. import csvdatei
from ..befund import Befund
from ..csvdatei import Tabelle, Zeile
from ..quelle import Quelle
from .modell import GROESSTER_BETRAG
from .zahlen import ZahlFehler, Zahlformat, zahl_lesen, zahl_text

__all__ = ["Tabelle", "Zeile", "csv_lesen", "zelle_als_zahl"]


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
    """Read `pfad` (see `sozialraumplan.csvdatei`); a missing file is named with its setting."""
    return csvdatei.csv_lesen(quelle, pfad, pflicht, befunde, fehlt=(
        "Die Datei fehlt", "legen Sie sie an oder korrigieren Sie den Pfad in data/atlas.yml"))
