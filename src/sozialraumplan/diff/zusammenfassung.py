"""The one sentence a person can read aloud: „3 neue Maßnahmen, 5 geändert, 1 entfallen; …“."""

from __future__ import annotations

from .anzeige import ARTNAMEN
from .ergebnis import Artvergleich, Vergleich


def _art_satzteil(vergleich: Artvergleich) -> str:
    """„3 neue Maßnahmen, 5 geändert, 1 entfallen“; the first number carries the noun."""
    name = ARTNAMEN[vergleich.art]
    teile = []
    for anzahl, wort in ((len(vergleich.neu), "neu"), (len(vergleich.geaendert), "geändert"),
                         (len(vergleich.entfallen), "entfallen"),
                         (len(vergleich.nicht_verglichen), "nicht verglichen")):
        if not anzahl:
            continue
        nomen = name.einzahl if anzahl == 1 else name.mehrzahl
        if wort == "neu":
            teile.append(f"{anzahl} {name.neu_einzahl if anzahl == 1 else 'neue'} {nomen}")
        elif not teile:
            teile.append(f"{anzahl} {nomen} {wort}")
        else:
            teile.append(f"{anzahl} {wort}")
    return ", ".join(teile)


def indexklassen_satzteil(anzahl: int) -> str:
    if anzahl == 0:
        return "kein Stadtteil wechselt die Indexklasse"
    if anzahl == 1:
        return "1 Stadtteil wechselt die Indexklasse"
    return f"{anzahl} Stadtteile wechseln die Indexklasse"


def zusammenfassung(vergleich: Vergleich) -> str:
    """The summary line of a comparison, ending with a full stop."""
    teile = [t for t in (_art_satzteil(a) for a in vergleich.arten.values()) if t]
    if vergleich.plan:
        teile.append("Angaben zum Plan geändert")
    if vergleich.indikatoren is not None and _art_satzteil(vergleich.indikatoren.katalog):
        teile.append(_art_satzteil(vergleich.indikatoren.katalog))
    if not teile:
        teile.append("keine Änderungen an Maßnahmen, Leitlinien und Gremien")
    if vergleich.indikatoren is not None and vergleich.indikatoren.klassenwechsel is not None:
        teile.append(indexklassen_satzteil(len(vergleich.indikatoren.klassenwechsel)))
    satz = "; ".join(teile)
    return satz[0].upper() + satz[1:] + "."
