"""How kinds and values are named for a reader: German nouns, dates, names (fields are named by
their models' titles, see `felder.py`).

Ids in a diff are shown with the name a reader knows (the district's name, the Gremium's name),
looked up in the newer state first and in the older one for things that were removed.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from enum import Enum
from typing import Any

from pydantic import BaseModel

from ..atlas.index import STELLEN as INDEX_STELLEN
from ..atlas.modell import Indikator
from ..atlas.zahlen import aenderungseinheit, euro, mit_einheit
from ..model import GESAMTSTADT, Beschluss, Gremium, Leitlinie, Meilenstein, Stadtteil
from ..render.text import datum, monat
from .stand import Entitaet, Stand


@dataclass(frozen=True)
class Artname:
    """German words for one kind of entity."""

    einzahl: str
    mehrzahl: str
    neu_einzahl: str
    """Adjective for one new entity: „neue Maßnahme“, „neues Gremium“, „neuer Stadtteil“."""
    abschnitt: str
    """Heading of the report section."""


ARTNAMEN = {
    "massnahme": Artname("Maßnahme", "Maßnahmen", "neue", "Maßnahmen"),
    "leitlinie": Artname("Leitlinie", "Leitlinien", "neue", "Leitlinien"),
    "gremium": Artname("Gremium", "Gremien", "neues", "Gremien"),
    "sitzung": Artname("Sitzung", "Sitzungen", "neue", "Sitzungen"),
    "foerderprojekt": Artname("gefördertes Projekt", "geförderte Projekte", "neues", "Geförderte Projekte"),
    "begriff": Artname("Glossarbegriff", "Glossarbegriffe", "neuer", "Glossar"),
    "stadtteil": Artname("Stadtteil", "Stadtteile", "neuer", "Stadtteile"),
    "indikator": Artname("Indikator", "Indikatoren", "neuer", "Indikatoren"),
}

VERWEISE = {"stadtteile": "stadtteil", "leitlinien": "leitlinie", "gremium": "gremium", "berichtet_an": "gremium"}
"""Fields whose values are ids of other entities, and the kind they refer to."""


class Anzeige:
    """Turns raw field values into what a reader sees, with ids resolved to names."""

    def __init__(self, basis: Stand, ziel: Stand) -> None:
        self._namen: dict[tuple[str, str], str] = {}
        self._indikatoren: dict[str, Indikator] = {}
        for stand in (basis, ziel):  # the newer state wins
            for eintraege in stand.eintraege.values():
                for ident, e in eintraege.items():
                    self._merken(ident, e.wert)
        self._namen[("stadtteil", GESAMTSTADT)] = "Gesamtstadt"

    def _merken(self, ident: str, wert: Entitaet) -> None:
        """The name of an entity that other fields refer to (see `VERWEISE`) or that values belong to."""
        match wert:
            case Stadtteil():
                self._namen[("stadtteil", ident)] = wert.name
            case Leitlinie():
                self._namen[("leitlinie", ident)] = f"{ident} ({wert.titel})"
            case Gremium():
                self._namen[("gremium", ident)] = wert.label
            case Indikator():
                self._namen[("indikator", ident)] = wert.kurz
                self._indikatoren[ident] = wert

    def wert(self, schluessel: str, wert: Any) -> str:
        """One value of field `schluessel` (the last key of the path) as text, unquoted."""
        if wert is None:
            return "keine Angabe"
        if isinstance(wert, bool):
            return "ja" if wert else "nein"
        if isinstance(wert, Enum):
            return getattr(wert, "label", None) or str(wert.value).replace("_", " ")
        if isinstance(wert, dt.date):
            return datum(wert)
        if isinstance(wert, Beschluss):
            return f"{wert.art.label}: {' '.join(wert.ergebnis.split())}"
        if isinstance(wert, Meilenstein):
            return f"{datum(wert.datum)}: {wert.titel} ({'erreicht' if wert.erreicht else 'noch nicht erreicht'})"
        if isinstance(wert, BaseModel):
            return json.dumps(wert.model_dump(mode="json", exclude_none=True), ensure_ascii=False)
        if schluessel == "fortschritt":
            return f"{wert} %"
        if schluessel == "bewilligte_summe":
            return euro(wert)
        if schluessel in ("beginn", "ende"):
            return monat(wert)
        if schluessel in VERWEISE:
            return self._namen.get((VERWEISE[schluessel], wert), str(wert))
        return str(wert)

    def ist_freitext(self, schluessel: str, wert: Any) -> bool:
        """Free texts are quoted („…“); statuses, dates, numbers and names are not."""
        return isinstance(wert, str) and not isinstance(wert, Enum) and schluessel not in VERWEISE \
            and schluessel not in ("beginn", "ende")

    def name(self, art: str, ident: str) -> str:
        return self._namen.get((art, ident), ident)

    def zahl(self, indikator: str, wert: float | None, jahr: int | None = None) -> str:
        """`8,1 %`, with the year when given: `8,1 % (2023)`."""
        i = self._indikatoren[indikator]
        text = mit_einheit(wert, i.einheit, i.nachkommastellen)
        return f"{text} ({jahr})" if jahr is not None and wert is not None else text

    def differenz(self, indikator: str, wert: float | None) -> str:
        """`−0,5 Prozentpunkte`, `+120 Personen`."""
        i = self._indikatoren[indikator]
        return mit_einheit(wert, aenderungseinheit(i.einheit), i.nachkommastellen, vorzeichen=True)

    def indexwert(self, wert: float | None) -> str:
        return mit_einheit(wert, "", INDEX_STELLEN, vorzeichen=True)
