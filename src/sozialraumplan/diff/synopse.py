"""The Synopse of two Fortschreibungen: the old wording beside the new, entry by entry.

This is the form a council reads a revised text in: every Leitlinie, Maßnahme, Gremium and
Glossar entry in both versions side by side, changed words marked, and each entry labelled
„unverändert“, „geändert“, „neu“ or „entfällt“. Entries are matched by id, exactly as
`sozialraumplan diff` matches them (`art_vergleichen`), so a renamed file is one entry. The
atlas contributes the Sozialindex class of every district.

Only the comparison lives here; `synopse_html.py` writes it for the site, as a standalone file
and as a chapter of the PDF.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from ..atlas.vergleich import kennzahlen
from ..model import Beschlussvorlage
from ..modellfelder import titel as feldtitel
from ..render.text import datum
from .anzeige import ARTNAMEN, Anzeige
from .arten import _natuerlich, art_vergleichen
from .arten import titel as eintragstitel
from .stand import Stand
from .text import EINGEFUEGT, GESTRICHEN, GLEICH, wortabgleich

ARTEN = ("leitlinie", "massnahme", "gremium", "foerderprojekt", "begriff")
"""Kinds of entries in the order of the Synopse (the Sozialindex classes follow)."""
OHNE = frozenset({"id", "beispiel"})
"""Fields that are not wording: the id is the entry's heading, `beispiel` is a mark for the site."""

UNVERAENDERT, GEAENDERT, NEU, ENTFAELLT, NICHT_VERGLICHEN = (
    "unverändert", "geändert", "neu", "entfällt", "nicht verglichen")
"""The label of a whole entry, as the reader sees it."""

Stueck = tuple[str, str]
"""A run of words and how it relates to the other version: `gleich`, `gestrichen`, `eingefuegt`."""
Zeile = tuple[Stueck, ...]
"""One line of a cell: a text, or one item of a list."""


@dataclass(frozen=True)
class Feldzeile:
    """One field of an entry in both versions; `None` where the entry does not exist."""

    name: str
    alt: tuple[Zeile, ...] | None
    neu: tuple[Zeile, ...] | None
    liste: bool
    """A list field (members, tasks …): one line per item."""
    geaendert: bool


@dataclass(frozen=True)
class Synopseneintrag:
    art: str
    id: str
    titel: str
    zustand: str
    zeilen: tuple[Feldzeile, ...]
    datei_alt: str | None = None
    datei_neu: str | None = None
    grund: str = ""
    """Why the entry could not be compared (only for „nicht verglichen“)."""

    @property
    def umbenannt(self) -> bool:
        return bool(self.datei_alt and self.datei_neu and self.datei_alt != self.datei_neu)


@dataclass(frozen=True)
class Synopsenart:
    art: str
    titel: str
    eintraege: tuple[Synopseneintrag, ...]


@dataclass(frozen=True)
class Klassenzeile:
    """The Sozialindex class of one district in both versions (None: no class there)."""

    stadtteil: str
    alt: str | None
    neu: str | None

    @property
    def geaendert(self) -> bool:
        return self.alt != self.neu


@dataclass(frozen=True)
class Fassungsangabe:
    """How a column is headed: the revision (tag), its Fortschreibung and its Stand."""

    name: str
    fortschreibung: str | None
    stand: dt.date | None

    @property
    def text(self) -> str:
        """`v2026.1 (Fortschreibung 2026, Stand 1. März 2026)`."""
        teile = [t for t in (self.fortschreibung if self.fortschreibung != self.name else None,
                             f"Stand {datum(self.stand)}" if self.stand else None) if t]
        return f"{self.name} ({', '.join(teile)})" if teile else self.name


@dataclass(frozen=True)
class Synopse:
    alt: Fassungsangabe
    neu: Fassungsangabe
    beschluss: Beschlussvorlage | None
    """The Drucksache of the newer version (what the council decides on)."""
    arten: tuple[Synopsenart, ...]
    indexklassen: tuple[Klassenzeile, ...] | None
    """None when one version has no Sozialindex."""
    indexhinweis: str = ""
    """Why there are no index classes to compare."""

    def anzahl(self, zustand: str) -> int:
        return sum(1 for a in self.arten for e in a.eintraege if e.zustand == zustand)


def _fassung(stand: Stand) -> Fassungsangabe:
    info = stand.info
    return Fassungsangabe(stand.name, info.fortschreibung if info else None, info.stand if info else None)


def _ganz(art: str, text: str) -> Zeile:
    return ((art, text),) if text else ()


def _felder(modell: BaseModel, praefix: tuple[str, ...] = ()) -> list[tuple[str, tuple[str, ...], Any]]:
    """(key, title path, value) of every field, nested sections flattened („Zeitraum, Beginn“)."""
    felder: list[tuple[str, tuple[str, ...], Any]] = []
    for schluessel, feld in type(modell).model_fields.items():
        if schluessel in OHNE:
            continue
        wert = getattr(modell, schluessel)
        namen = praefix + (feldtitel(feld, schluessel),)
        if isinstance(wert, BaseModel):
            felder += _felder(wert, namen)
        else:
            felder.append((schluessel, namen, wert))
    return felder


def _ist_liste(wert: Any) -> bool:
    return isinstance(wert, Sequence) and not isinstance(wert, str)


def _feldzeile(name: str, schluessel: str, alt: Any, neu: Any, anzeige: Anzeige, alt_da: bool,
               neu_da: bool) -> Feldzeile:
    """One row; an entry only in one version has its texts whole, unmarked, on that side."""
    liste = _ist_liste(alt) or _ist_liste(neu)
    if liste:
        a = [anzeige.wert(schluessel, x) for x in (alt or ())]
        n = [anzeige.wert(schluessel, x) for x in (neu or ())]
        alt_zeilen = tuple(_ganz(GLEICH if x in n or not neu_da else GESTRICHEN, x) for x in a)
        neu_zeilen = tuple(_ganz(GLEICH if x in a or not alt_da else EINGEFUEGT, x) for x in n)
        geaendert = alt_da and neu_da and a != n
    elif anzeige.ist_freitext(schluessel, alt) and anzeige.ist_freitext(schluessel, neu):
        links, rechts = wortabgleich(alt, neu)
        alt_zeilen, neu_zeilen = (tuple(links),), (tuple(rechts),)
        geaendert = any(art != GLEICH for art, _ in links + rechts)
    else:
        a_text = anzeige.wert(schluessel, alt) if alt is not None else ""
        n_text = anzeige.wert(schluessel, neu) if neu is not None else ""
        geaendert = alt_da and neu_da and a_text != n_text
        alt_zeilen = (_ganz(GESTRICHEN if geaendert else GLEICH, a_text),)
        neu_zeilen = (_ganz(EINGEFUEGT if geaendert else GLEICH, n_text),)
    return Feldzeile(name, alt_zeilen if alt_da else None, neu_zeilen if neu_da else None, liste, geaendert)


def _zeilen(alt: BaseModel | None, neu: BaseModel | None, anzeige: Anzeige) -> tuple[Feldzeile, ...]:
    """Every field of the entry in both versions, in the model's order; fields empty in both are left out."""
    vorlage = neu if neu is not None else alt
    assert vorlage is not None
    a = {s: w for s, _, w in _felder(alt)} if alt is not None else {}
    n = {s: w for s, _, w in _felder(neu)} if neu is not None else {}
    zeilen = []
    for schluessel, namen, _ in _felder(vorlage):
        wa, wn = a.get(schluessel), n.get(schluessel)
        if wa in (None, [], ()) and wn in (None, [], ()):
            continue
        zeilen.append(_feldzeile(", ".join(namen), schluessel, wa, wn, anzeige, alt is not None, neu is not None))
    return tuple(zeilen)


def _art(art: str, basis: Stand, ziel: Stand, anzeige: Anzeige) -> Synopsenart:
    vergleich = art_vergleichen(art, basis, ziel)
    neu = {a.id for a in vergleich.neu}
    entfallen = {a.id for a in vergleich.entfallen}
    geaendert = {a.id for a in vergleich.geaendert}
    nicht = {a.id: a for a in vergleich.nicht_verglichen}
    alt_eintraege, neu_eintraege = basis.eintraege.get(art, {}), ziel.eintraege.get(art, {})
    eintraege = []
    for ident in sorted(set(alt_eintraege) | set(neu_eintraege) | set(nicht), key=_reihenfolge(art, basis, ziel)):
        a, n = alt_eintraege.get(ident), neu_eintraege.get(ident)
        if ident in nicht:
            eintraege.append(Synopseneintrag(art, ident, nicht[ident].titel, NICHT_VERGLICHEN, (),
                                             grund=nicht[ident].grund))
            continue
        zustand = NEU if ident in neu else ENTFAELLT if ident in entfallen else \
            GEAENDERT if ident in geaendert else UNVERAENDERT
        wert = n.wert if n is not None else a.wert if a is not None else None
        assert wert is not None
        eintraege.append(Synopseneintrag(
            art, ident, eintragstitel(wert), zustand,
            _zeilen(a.wert if a else None, n.wert if n else None, anzeige),
            a.datei if a else None, n.datei if n else None,
        ))
    return Synopsenart(art, ARTNAMEN[art].abschnitt, tuple(eintraege))


def _reihenfolge(art: str, basis: Stand, ziel: Stand) -> Callable[[str], tuple]:
    """Leitlinien by number, everything else by id as `diff` lists it (M2 before M10)."""
    def schluessel(ident: str) -> tuple:
        eintrag = ziel.eintraege.get(art, {}).get(ident) or basis.eintraege.get(art, {}).get(ident)
        nummer = getattr(eintrag.wert, "nummer", 0) if eintrag and art == "leitlinie" else 0
        return (nummer, _natuerlich(ident))
    return schluessel


def _indexklassen(basis: Stand, ziel: Stand, anzeige: Anzeige) -> tuple[tuple[Klassenzeile, ...] | None, str]:
    if basis.atlas is None or ziel.atlas is None:
        gruende = [s.atlas_hinweis for s in (basis, ziel) if s.atlas is None]
        return None, "; ".join(dict.fromkeys(g for g in gruende if g))
    alt, neu = kennzahlen(basis.atlas).indexklassen, kennzahlen(ziel.atlas).indexklassen
    zeilen = [Klassenzeile(anzeige.name("stadtteil", s), alt.get(s), neu.get(s)) for s in set(alt) | set(neu)]
    return tuple(sorted(zeilen, key=lambda z: z.stadtteil.casefold())), ""


def synopse(basis: Stand, ziel: Stand) -> Synopse:
    """The Synopse of an older state `basis` and a newer state `ziel`."""
    anzeige = Anzeige(basis, ziel)
    klassen, hinweis = _indexklassen(basis, ziel, anzeige)
    return Synopse(
        _fassung(basis), _fassung(ziel), ziel.info.beschlussvorlage if ziel.info else None,
        tuple(_art(art, basis, ziel, anzeige) for art in ARTEN), klassen, hinweis,
    )
