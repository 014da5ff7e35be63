"""The Sozialindex: selected indicators, standardised over the districts, weighted and summed.

The computation itself is `statistik.standardisierung`; this module feeds it the atlas's values
and gives each district its value, its class and the contributions the worked example shows.
For every indicator i of the index and year t:

    z = r · (x − m) / s

with x the district's value, m and s the mean and standard deviation over all districts with a
published value (s over n, not n − 1; suppressed cells and excluded districts take no part),
and r = +1 where a higher value means more need, −1 where a lower one does. The index is the
weighted mean of a district's z-values, Σ g·z / Σ g, standardised once more over the districts
so that it, too, is measured in standard deviations: 0 is the average district, +1 one
standard deviation more need than the average. Classes compare the unrounded value.

`status_dynamik` adds, in the manner of Berlin's Monitoring Soziale Stadtentwicklung, a dynamics
index built the same way from each indicator's change between two years, and classes of both.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field

import numpy as np

from ..model import Stadtteil
from ..statistik import index_rechnen
from .klassen import Einteilung, Klasse, einteilen
from .modell import Atlas, Dynamik, Indikator, Klassierung, SozialindexEinstellungen

STELLEN = 2
"""Places of index values in tables and legends."""


@dataclass(frozen=True)
class Beitrag:
    """How one indicator enters one district's index (the worked example shows these)."""

    indikator: str
    wert: float
    mittelwert: float
    standardabweichung: float
    richtung: int
    gewicht: float
    z: float


@dataclass(frozen=True)
class Indexwert:
    stadtteil: str
    rohwert: float | None
    """Weighted mean of the z-values before the final standardisation."""
    wert: float | None
    klasse: Klasse | None
    beitraege: tuple[Beitrag, ...] = ()
    grund: str | None = None
    """Why the district has no value, when it has none."""


@dataclass(frozen=True)
class Stufe:
    """One index (status or dynamics) over all districts: values, their spread, their classes."""

    werte: dict[str, Indexwert]
    mittelwert: float
    standardabweichung: float
    einteilung: Einteilung


@dataclass
class Sozialindex:
    einstellungen: SozialindexEinstellungen
    jahr: int
    status: Stufe
    """The index of `jahr` (the status index in `status_dynamik`)."""
    je_jahr: dict[int, dict[str, float | None]] = field(default_factory=dict)
    """Index value of every district in every year with data, for trends."""
    dynamik: Stufe | None = None

    @property
    def verfahren(self) -> str:
        return self.einstellungen.verfahren

    def wert(self, stadtteil: str) -> Indexwert:
        return self.status.werte[stadtteil]

    def rangfolge(self) -> list[Indexwert]:
        """Districts by need, highest first; districts without a value last (by id)."""
        return list(self._rangfolge)

    @functools.cached_property
    def _rangfolge(self) -> tuple[Indexwert, ...]:
        return tuple(sorted(self.status.werte.values(), key=lambda w: (w.wert is None, -(w.wert or 0.0), w.stadtteil)))

    @functools.cached_property
    def raenge(self) -> dict[str, int]:
        """District → rank (1 = highest need), for districts with a value."""
        return {w.stadtteil: n for n, w in enumerate(self._rangfolge, start=1) if w.wert is not None}

    def klassenname(self, stadtteil: str) -> str | None:
        """The district's class as one text: `Stufe 4 von 5: hoch`, or with dynamics
        `Status Stufe 2 von 5: niedrig; Dynamik Stufe 3 von 3: negativ`."""
        klasse = self.wert(stadtteil).klasse
        if klasse is None:
            return None
        if self.dynamik is None:
            return klasse.stufe
        dyn = self.dynamik.werte[stadtteil].klasse
        return f"Status {klasse.stufe}; Dynamik {dyn.stufe if dyn else 'keine Angabe'}"

    def hoher_bedarf(self, stadtteil: str) -> bool:
        """Class at or above `hoher_bedarf_ab`; with dynamics also one class below it when the
        dynamics is in the worst class (Berlin: „besonderer Aufmerksamkeitsbedarf“)."""
        klasse = self.wert(stadtteil).klasse
        if klasse is None:
            return False
        schwelle = self.einstellungen.hoher_bedarf_ab
        if klasse.nummer >= schwelle:
            return True
        if self.dynamik is None:
            return False
        dyn = self.dynamik.werte[stadtteil].klasse
        return (klasse.nummer == schwelle - 1 and dyn is not None
                and dyn.nummer == len(self.dynamik.einteilung.klassen))


def _stufe(werte_je_indikator: dict[str, dict[str, float | None]], einstellungen: SozialindexEinstellungen,
           indikatoren: dict[str, Indikator], klassierung: Klassierung, stadtteile: list[str],
           ausgeschlossen: dict[str, str]) -> Stufe:
    """Standardise, weight, combine and class: the computation shared by status and dynamics.
    Districts in `ausgeschlossen` take no part (their value would shift everyone's)."""
    auswahl = [e.indikator for e in einstellungen.indikatoren]
    teilnehmer = [s for s in stadtteile if s not in ausgeschlossen]
    x = np.array([[math.nan if (wert := werte_je_indikator[i].get(s)) is None else wert for i in auswahl]
                  for s in teilnehmer], dtype=float).reshape(len(teilnehmer), len(auswahl))
    rechnung = index_rechnen(
        x, np.array([float(indikatoren[i].richtung.vorzeichen) for i in auswahl]),
        np.array([float(e.gewicht) for e in einstellungen.indikatoren]),
        einstellungen.mindestens or len(auswahl), ddof=1 if einstellungen.standardabweichung == "stichprobe" else 0)
    einteilung = einteilen([float(w) for w in rechnung.wert if not math.isnan(w)], klassierung, STELLEN)

    zeile = {s: n for n, s in enumerate(teilnehmer)}
    z, mittel, streuung = rechnung.z, rechnung.mittel, rechnung.streuung
    roh_je, wert_je = rechnung.roh, rechnung.wert

    def indexwert(s: str) -> Indexwert:
        if s in ausgeschlossen:
            return Indexwert(s, None, None, None, (), ausgeschlossen[s])
        n = zeile[s]
        beitraege = tuple(
            Beitrag(e.indikator, float(x[n, k]), float(mittel[k]), float(streuung[k]),
                    indikatoren[e.indikator].richtung.vorzeichen, e.gewicht, float(z[n, k]))
            for k, e in enumerate(einstellungen.indikatoren) if not math.isnan(x[n, k]))
        roh, wert = _zahl(roh_je[n]), _zahl(wert_je[n])
        # the class compares the full value with the limits: rounding is for display only
        return Indexwert(s, roh, wert, einteilung.klasse(wert), beitraege,
                         None if wert is not None else "Es liegen zu wenige Indikatoren vor.")

    return Stufe({s: indexwert(s) for s in stadtteile}, rechnung.gesamt_mittel, rechnung.gesamt_streuung, einteilung)


def _zahl(wert: float) -> float | None:
    return None if math.isnan(wert) else float(wert)


def sozialindex_berechnen(atlas: Atlas, stadtteile: list[Stadtteil]) -> Sozialindex:
    """The index of the configured year (default: the latest year with values), for every year
    with values (trend) and, for `status_dynamik`, the dynamics since `dynamik.von`."""
    einstellungen = atlas.einstellungen.sozialindex
    ids = [s.id for s in stadtteile]
    indikatoren = {i.id: i for i in atlas.indikatoren}
    auswahl = [e.indikator for e in einstellungen.indikatoren]
    jahre = sorted({j for i in auswahl for j in atlas.jahre_von(i)})
    jahr = einstellungen.jahr or jahre[-1]

    def stufe_im_jahr(t: int) -> Stufe:
        return _stufe({i: atlas.reihe(i, t, ids) for i in auswahl}, einstellungen, indikatoren,
                      einstellungen.klassen, ids, atlas.ausgeschlossen)

    je_jahr = {t: {s: w.wert for s, w in stufe_im_jahr(t).werte.items()} for t in jahre}
    index = Sozialindex(einstellungen, jahr, stufe_im_jahr(jahr), je_jahr)
    if einstellungen.verfahren == "status_dynamik" and einstellungen.dynamik is not None:
        index.dynamik = _dynamik(atlas, einstellungen, einstellungen.dynamik, indikatoren, jahr, ids)
    return index


def _dynamik(atlas: Atlas, einstellungen: SozialindexEinstellungen, dynamik: Dynamik,
             indikatoren: dict[str, Indikator], jahr: int, ids: list[str]) -> Stufe:
    """Change of each index indicator from `dynamik.von` to `jahr`, combined like the status."""
    aenderungen = {}
    for e in einstellungen.indikatoren:
        vorher, nachher = atlas.reihe(e.indikator, dynamik.von, ids), atlas.reihe(e.indikator, jahr, ids)
        aenderungen[e.indikator] = {s: None if (v := vorher[s]) is None or (n := nachher[s]) is None else n - v
                                    for s in ids}
    klassierung = Klassierung(art="schwellen", grenzen=dynamik.grenzen, namen=dynamik.namen)
    return _stufe(aenderungen, einstellungen, indikatoren, klassierung, ids, atlas.ausgeschlossen)
