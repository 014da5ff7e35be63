"""The street register for „Find my district“: the optional `data/strassen.csv`.

Columns `strasse` and `stadtteil` (the district's id from `data/stadtteile.csv`); a street that
crosses districts has one row per district. An optional column `beispiel` (ja/nein) marks
invented rows, as in `data/standorte.csv`. A city exports the file from its address register;
without it the search finds districts by name only.
"""

from __future__ import annotations

from ..befund import Befund, Schwere
from ..model import Stadtteil
from ..quelle import Quelle
from .csvdatei import csv_lesen
from .modell import Strasse
from .standorte import JA_NEIN, stadtteil_pruefen

STRASSEN = "data/strassen.csv"
SPALTEN = ("strasse", "stadtteil")
LAENGSTER_NAME = 120
"""No street name is longer; a longer cell is a shifted column or a pasted text."""


def strassen_lesen(quelle: Quelle, stadtteile: list[Stadtteil], befunde: list[Befund]) -> tuple[Strasse, ...]:
    """The streets, sorted by name and district; () when the city has no street register."""
    if quelle.lesen(STRASSEN) is None:
        return ()
    tabelle = csv_lesen(quelle, STRASSEN, set(SPALTEN), befunde)
    if tabelle is None:
        return ()
    erlaubt = {s.id for s in stadtteile}
    gesehen: set[tuple[str, str]] = set()
    ergebnis = []
    for zeile in tabelle.zeilen:
        name = " ".join(zeile.zellen["strasse"].split())
        stadtteil = stadtteil_pruefen(zeile, erlaubt, befunde)
        beispiel = JA_NEIN.get(zeile.zellen.get("beispiel", "nein").strip().lower() or "nein")
        if beispiel is None:
            befunde.append(zeile.befund("beispiel", "„beispiel“ muss ja oder nein sein",
                                        "schreiben Sie ja oder nein, oder lassen Sie die Zelle leer"))
        if not name or len(name) > LAENGSTER_NAME:
            befunde.append(zeile.befund("strasse", "Der Straßenname fehlt" if not name else
                                        f"Der Straßenname ist länger als {LAENGSTER_NAME} Zeichen",
                                        "schreiben Sie je Zeile genau einen Straßennamen, z. B. Lindenweg"))
            continue
        if stadtteil is None or beispiel is None:
            continue
        if (name, stadtteil) in gesehen:
            befunde.append(zeile.befund("strasse", f"„{name}“ steht für diesen Stadtteil schon weiter oben",
                                        "löschen Sie die doppelte Zeile; eine Straße steht je Stadtteil einmal",
                                        schwere=Schwere.WARNUNG))
            continue
        gesehen.add((name, stadtteil))
        ergebnis.append(Strasse(name, stadtteil, beispiel))
    return tuple(sorted(ergebnis, key=lambda s: (s.name.casefold(), s.stadtteil)))
