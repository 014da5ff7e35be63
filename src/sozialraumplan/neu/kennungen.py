"""Ids for new files: the next number of a series, a slug of a name, a dated meeting id."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable

_NUMMERIERT = re.compile(r"^(.*?)(\d+)$")
_UMLAUTE = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})


def naechste_nummer(vorhandene: Iterable[str], erste: str = "M001") -> str:
    """The id after the highest one of the series most ids belong to, in its prefix and width.

    Gaps are never filled: an id that was used once stays taken, because old Fortschreibungen,
    diffs and links still mean the Maßnahme that had it.
    """
    reihen: dict[str, list[str]] = {}
    for kennung in vorhandene:
        treffer = _NUMMERIERT.match(kennung)
        if treffer:
            reihen.setdefault(treffer[1], []).append(treffer[2])
    if not reihen:
        return erste
    praefix = max(reihen, key=lambda p: (len(reihen[p]), p))
    nummern = reihen[praefix]
    breite = max(len(n) for n in nummern)
    return f"{praefix}{max(int(n) for n in nummern) + 1:0{breite}d}"


def slug(name: str) -> str:
    """A file-name id from a German name: „Arbeitskreis Quartiersarbeit“ → `arbeitskreis-quartiersarbeit`."""
    text = unicodedata.normalize("NFKD", name.translate(_UMLAUTE)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def sitzungskennung(datum: dt.date, gremium: str) -> str:
    """`YYYY-MM-DD-<gremium>`: sorts by date and says whose meeting it was."""
    return f"{datum.isoformat()}-{gremium}"
