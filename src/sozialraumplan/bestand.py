"""Everything a site is built from, loaded and checked in one go: plan, accessibility
statement and (where `data/` has one) the Sozialstrukturatlas with the settings of its example
values — and that no symbolic link stands where the site reads from.

`sozialraumplan validate` and the site build both go through `bestand_pruefen`, so the
command an editor runs checks exactly what the build will refuse.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from . import wirkung
from .atlas.laden import VORGABEN, atlas_pruefen, atlas_vorhanden, beispielvorgaben_pruefen
from .atlas.modell import Atlas
from .barrierefreiheit import Erklaerung, erklaerung_pruefen
from .befund import Befund, PlanUngueltig, nur_fehler
from .laden import plan_pruefen
from .model import Plan
from .quelle import Quelle

EIGENE_ORDNER = ("plan", "data", "docs")
"""The folders editors write and the site is built from: no symbolic link may stand in them."""
HOECHSTENS_JE_DATEI = 100
"""Findings reported per file: a wrong separator in a large table would otherwise print a finding
for each of its hundred thousand rows."""


@dataclass(frozen=True)
class Bestand:
    """The validated inputs of one site."""

    plan: Plan
    erklaerung: Erklaerung
    atlas: Atlas | None


def bestand_pruefen(quelle: Quelle) -> tuple[Bestand | None, list[Befund]]:
    """All findings of all inputs; the Bestand is None when any of them has an error."""
    befunde = verknuepfungen_pruefen(quelle)
    plan, eigene = plan_pruefen(quelle)
    befunde += eigene
    erklaerung, eigene = erklaerung_pruefen(quelle)
    befunde += eigene
    atlas, mit_atlas = None, atlas_vorhanden(quelle)
    if plan is not None and mit_atlas:
        atlas, eigene = _atlas_gemerkt(quelle, plan)
        befunde += eigene
    elif plan is not None and quelle.lesen(VORGABEN) is not None:
        # without an atlas nothing uses the example settings, but a broken file is still one
        beispielvorgaben_pruefen(quelle, list(plan.stadtteile), None, befunde)
    if plan is not None and (atlas is not None or not mit_atlas):
        befunde += wirkung.indikatoren_pruefen(quelle, plan, atlas)
    befunde = _gekuerzt(sorted(befunde))
    if plan is None or erklaerung is None or nur_fehler(befunde) or (mit_atlas and atlas is None):
        return None, befunde
    return Bestand(plan, erklaerung, atlas), befunde


_ATLAS_ZULETZT: dict[str, tuple[Atlas | None, list[Befund]]] = {}
"""The atlas last checked, by the hash of what it is made from (see `_atlas_gemerkt`)."""


def _atlas_gemerkt(quelle: Quelle, plan: Plan) -> tuple[Atlas | None, list[Befund]]:
    """`atlas_pruefen`, or its result of the last call when `data/` and the districts are the same.

    The live preview checks the whole plan after every edit; an edited Maßnahme changes nothing the
    atlas is made from, and reusing the same Atlas object also keeps what the pages computed from it
    (simplified boundaries, download files). The key is the content, not a file date: a Quelle can be
    a git revision, and files can change within one tick of the clock."""
    schluessel = hashlib.sha256(repr(plan.stadtteile).encode("utf-8"))
    stapel = ["data"]
    while stapel:
        ordner = stapel.pop()
        for pfad in quelle.dateien(ordner):
            inhalt = quelle.lesen(pfad) or b""
            schluessel.update(f"\0{pfad}\0{len(inhalt)}\0".encode() + inhalt)
        stapel += quelle.unterordner(ordner)
    kennung = schluessel.hexdigest()
    if kennung not in _ATLAS_ZULETZT:
        _ATLAS_ZULETZT.clear()
        _ATLAS_ZULETZT[kennung] = atlas_pruefen(quelle, plan)
    atlas, befunde = _ATLAS_ZULETZT[kennung]
    return atlas, list(befunde)


def verknuepfungen_pruefen(quelle: Quelle) -> list[Befund]:
    """A finding for every symbolic link in plan/, data/ and docs/: the site would publish whatever
    the link points to on the machine that builds it (a password file, another repository)."""
    return [Befund(pfad, 1, 1, f"„{pfad}“ ist eine symbolische Verknüpfung",
                   "ersetzen Sie sie durch eine echte Datei (oder einen echten Ordner) mit dem Inhalt")
            for ordner in EIGENE_ORDNER for pfad in quelle.verknuepfungen(ordner)]


def _gekuerzt(befunde: list[Befund]) -> list[Befund]:
    """The first `HOECHSTENS_JE_DATEI` findings of each file (sorted), then one that counts the rest."""
    je_datei: dict[str, list[Befund]] = {}
    for befund in befunde:
        je_datei.setdefault(befund.datei, []).append(befund)
    gekuerzt = []
    for datei, liste in je_datei.items():
        gekuerzt += liste[:HOECHSTENS_JE_DATEI]
        if len(liste) > HOECHSTENS_JE_DATEI:
            rest = liste[HOECHSTENS_JE_DATEI:]
            gekuerzt.append(Befund(datei, rest[0].zeile, rest[0].spalte, f"… und {len(rest)} weitere Befunde in dieser Datei",
                                   "beheben Sie zuerst die ersten; oft haben viele Befunde eine Ursache, z. B. ein "
                                   "falsches Trennzeichen", rest[0].schwere))
    return sorted(gekuerzt)


def bestand_laden(quelle: Quelle) -> Bestand:
    """The Bestand, or `PlanUngueltig` with every finding."""
    bestand, befunde = bestand_pruefen(quelle)
    if bestand is None:
        raise PlanUngueltig(befunde)
    return bestand
