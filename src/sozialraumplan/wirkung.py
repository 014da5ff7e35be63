"""Wirkungsmonitoring: how the indicators a Maßnahme is meant to move developed in its districts
and in the rest of the city, from the year it began to the latest year (difference in differences).

This describes development, not cause: many things change a district besides one Maßnahme.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .befund import Befund
from .laden import dokument_lesen
from .meldungen import vorschlag
from .model import Massnahme, Plan, Wirkungsrichtung
from .quelle import Quelle

if TYPE_CHECKING:  # the atlas package imports the pages, which import this module
    from .atlas.modell import Atlas, Indikator

GRUPPENWERT = ("aus den Anzahlen der Stadtteile zusammen berechnet, wo der Indikator eine Quote aus Anzahlen ist "
               "(Summe der Zähler ÷ Summe der Nenner), eine Anzahl ist ihre Summe, sonst der Durchschnitt der "
               "Stadtteile (ungewichtet)")
"""How a group of districts gets one value (see `gruppenwert`), as a sentence's end."""


def gruppenwert(atlas: Atlas, indikator: str, jahr: int, stadtteile: list[str]) -> float | None:
    """One value for a group of districts, from published values only (a suppressed cell is
    missing here as everywhere):

    - a rate with `berechnung` is pooled, faktor · Σ zaehler ÷ Σ nenner over the districts that
      have both counts (a district of 300 people does not weigh as much as one of 30,000);
    - a count is the sum, if every district has it;
    - any other rate is the plain mean of the districts that have one."""
    definition = atlas.indikator(indikator)
    if definition.berechnung is not None:
        b = definition.berechnung
        zaehler, nenner = atlas.reihe(b.zaehler, jahr, stadtteile), atlas.reihe(b.nenner, jahr, stadtteile)
        paare = [(z, n) for s in stadtteile if (z := zaehler[s]) is not None and (n := nenner[s])]
        return b.faktor * sum(z for z, _ in paare) / sum(n for _, n in paare) if paare else None
    werte = list(atlas.reihe(indikator, jahr, stadtteile).values())
    if definition.anzahl:
        return None if not werte or None in werte else sum(w for w in werte if w is not None)
    vorhanden = [w for w in werte if w is not None]
    return sum(vorhanden) / len(vorhanden) if vorhanden else None


@dataclass(frozen=True)
class Zeile:
    """One indicator of a Maßnahme: the values of both groups at the start and the latest year."""

    indikator: Indikator
    startjahr: int
    endjahr: int
    ziel_start: float | None
    ziel_ende: float | None
    rest_start: float | None
    rest_ende: float | None
    richtung: Wirkungsrichtung

    @property
    def ziel_aenderung(self) -> float | None:
        return None if self.ziel_start is None or self.ziel_ende is None else self.ziel_ende - self.ziel_start

    @property
    def rest_aenderung(self) -> float | None:
        return None if self.rest_start is None or self.rest_ende is None else self.rest_ende - self.rest_start

    @property
    def differenz(self) -> float | None:
        """The difference in differences: change in the Maßnahme's districts minus change elsewhere."""
        ziel, rest = self.ziel_aenderung, self.rest_aenderung
        return None if ziel is None or rest is None else ziel - rest

    @property
    def gegen_richtung(self) -> bool:
        """The Maßnahme's districts moved against the intended direction."""
        aenderung = self.ziel_aenderung
        if aenderung is None:
            return False
        return aenderung > 0 if self.richtung is Wirkungsrichtung.SINKEN else aenderung < 0


@dataclass(frozen=True)
class Auswertung:
    """The Wirkung of one Maßnahme: a row per indicator, and why indicators could not be compared."""

    massnahme: Massnahme
    zeilen: list[Zeile]
    hinweise: list[str]


def auswerten(plan: Plan, atlas: Atlas, massnahme: Massnahme) -> Auswertung | None:
    """None for a Maßnahme without `wirkung`."""
    if massnahme.wirkung is None:
        return None
    if massnahme.citywide:
        return Auswertung(massnahme, [], ["Die Maßnahme gilt für die ganze Stadt: Es gibt keine übrigen Stadtteile "
                                          "zum Vergleich."])
    ziel = [s for s in massnahme.stadtteile if s != "gesamtstadt"]
    rest = [s.id for s in plan.stadtteile if s.id not in ziel]
    beginn = int(massnahme.zeitraum.beginn[:4])
    zeilen, hinweise = [], []
    for ident in massnahme.wirkung.indikatoren:
        indikator = atlas.indikator(ident)
        jahre = atlas.jahre_von(ident)
        vorher = [j for j in jahre if j <= beginn]
        if not vorher or vorher[-1] == jahre[-1]:
            hinweise.append(f"{indikator.name}: Es gibt keine Werte aus dem Jahr des Beginns ({beginn}) oder davor "
                            "und aus einem späteren Jahr.")
            continue
        start, ende = vorher[-1], jahre[-1]
        zeilen.append(Zeile(indikator, start, ende,
                            gruppenwert(atlas, ident, start, ziel), gruppenwert(atlas, ident, ende, ziel),
                            gruppenwert(atlas, ident, start, rest), gruppenwert(atlas, ident, ende, rest),
                            massnahme.wirkung.richtung))
    return Auswertung(massnahme, zeilen, hinweise)


def alle_auswerten(plan: Plan, atlas: Atlas) -> list[Auswertung]:
    """Every Maßnahme with `wirkung`, in the order of the catalogue."""
    return [a for m in plan.massnahmen if (a := auswerten(plan, atlas, m)) is not None]


def indikatoren_pruefen(quelle: Quelle, plan: Plan, atlas: Atlas | None) -> list[Befund]:
    """Every indicator a `wirkung` names exists in the atlas (and there is an atlas)."""
    befunde: list[Befund] = []
    bekannt = sorted(i.id for i in atlas.indikatoren) if atlas is not None else []
    for m in plan.massnahmen:
        if m.wirkung is None:
            continue
        datei = plan.quellen[f"massnahme:{m.id}"]
        dokument = dokument_lesen(quelle, datei, [])
        for index, ident in enumerate(m.wirkung.indikatoren):
            if ident in bekannt:
                continue
            zeile, spalte = dokument.position(("wirkung", "indikatoren", index)) if dokument else (1, 1)
            if atlas is None:
                befunde.append(Befund(datei, zeile, spalte, "„wirkung“ nennt Indikatoren, aber diese Website hat "
                                      "keinen Sozialstrukturatlas", "legen Sie den Atlas in data/ an oder löschen "
                                      "Sie „wirkung“"))
                break
            tipp = vorschlag(ident, bekannt)
            befunde.append(Befund(datei, zeile, spalte, f"Den Indikator „{ident}“ gibt es nicht",
                                  (tipp + " " if tipp else "") + "gültige Kennungen stehen in data/indikatoren.yml"))
    return befunde
