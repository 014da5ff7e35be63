"""Compare one kind of entity between two states, matched by id — never by file name or line.

A Maßnahme whose file was renamed keeps its id and so counts as changed (with the rename
noted), not as removed and added.
"""

from __future__ import annotations

import re

from ..atlas.modell import Indikator
from ..model import Begriff, Foerderprojekt, Gremium, Leitlinie, Massnahme, Sitzung, Stadtteil
from ..render.text import datum
from .ergebnis import Aenderung, Artvergleich
from .felder import felder_vergleichen
from .stand import Entitaet, Stand


def titel(wert: Entitaet) -> str:
    """The name a reader knows the entity by."""
    match wert:
        case Leitlinie():
            return f"Leitlinie {wert.nummer}: {wert.titel}"
        case Sitzung():
            return f"{wert.titel} am {datum(wert.datum)}"
        case Begriff():
            return wert.begriff
        case Gremium() | Stadtteil() | Indikator():
            return wert.name
        case Massnahme():
            return wert.titel
        case Foerderprojekt():
            return f"{wert.projekt} ({wert.traeger}, {wert.jahr})"


def _nicht_verglichen(art: str, ident: str, basis: Stand, ziel: Stand) -> Aenderung | None:
    """An entity whose file failed to load in one state cannot be compared: say so."""
    kaputt = [s for s in (basis, ziel) if ident in s.unlesbar.get(art, {})]
    if not kaputt:
        return None
    eintrag = ziel.eintraege[art].get(ident) or basis.eintraege[art].get(ident)
    namen = " und ".join(s.name for s in kaputt)
    return Aenderung(
        art, ident, titel(eintrag.wert) if eintrag else ident,
        datei_alt=basis.unlesbar.get(art, {}).get(ident) or _datei(basis, art, ident),
        datei_neu=ziel.unlesbar.get(art, {}).get(ident) or _datei(ziel, art, ident),
        grund=f"die Datei ist in {namen} nicht lesbar (siehe Hinweise zu den Fassungen)",
    )


def _datei(stand: Stand, art: str, ident: str) -> str | None:
    eintrag = stand.eintraege[art].get(ident)
    return eintrag.datei if eintrag else None


def art_vergleichen(art: str, basis: Stand, ziel: Stand) -> Artvergleich:
    """New, removed, changed and not comparable entities of one kind."""
    ergebnis = Artvergleich(art)
    alt, neu = basis.eintraege.get(art, {}), ziel.eintraege.get(art, {})
    kennungen = set(alt) | set(neu) | set(basis.unlesbar.get(art, {})) | set(ziel.unlesbar.get(art, {}))
    for ident in sorted(kennungen, key=_natuerlich):
        unvergleichbar = _nicht_verglichen(art, ident, basis, ziel)
        if unvergleichbar is not None:
            ergebnis.nicht_verglichen.append(unvergleichbar)
        elif ident not in alt:
            e = neu[ident]
            ergebnis.neu.append(Aenderung(art, ident, titel(e.wert), datei_neu=e.datei, wert=e.wert))
        elif ident not in neu:
            e = alt[ident]
            ergebnis.entfallen.append(Aenderung(art, ident, titel(e.wert), datei_alt=e.datei, wert=e.wert))
        else:
            a, n = alt[ident], neu[ident]
            felder = felder_vergleichen(a.wert, n.wert)
            if felder or a.datei != n.datei:
                ergebnis.geaendert.append(Aenderung(art, ident, titel(n.wert), a.datei, n.datei, tuple(felder)))
    return ergebnis


def _natuerlich(ident: str) -> tuple:
    """M2 before M10."""
    return tuple((0, int(t), "") if t.isdigit() else (1, 0, t.casefold()) for t in re.split(r"(\d+)", ident))
