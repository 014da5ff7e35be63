"""A small time-series chart as inline SVG: the city's line and the range of the districts.

Plain SVG without script: it prints, scales and needs nothing from outside. Its title and
description say in words what it shows; the numbers are in the table beside it.
"""

from __future__ import annotations

import math

from ..render.htmlbloecke import markieren
from ..render.text import h
from .farben import farbfeld
from .zahlen import zahl_text

LINIE = "#253494"
"""The city's value over the years."""
BAND = "#a1dab4"
"""The range of the districts' values."""

BREITE, HOEHE = 560, 240
LINKS, RECHTS, OBEN, UNTEN = 56, 16, 16, 36


def _schritte(unten: float, oben: float) -> list[float]:
    """Round tick values (1, 2 or 5 times a power of ten) covering [unten, oben]."""
    spanne = (oben - unten) or abs(oben) or 1.0
    roh = spanne / 4
    basis = 10 ** math.floor(math.log10(roh))
    schritt = next(f * basis for f in (1, 2, 5, 10) if f * basis >= roh)
    start = math.floor(unten / schritt) * schritt
    ticks, wert = [], start
    while wert <= oben + schritt * 1e-9:
        ticks.append(round(wert, 10))
        wert += schritt
    if ticks[-1] < oben:
        ticks.append(round(ticks[-1] + schritt, 10))
    return ticks


def zeitreihe(kennung: str, titel: str, beschreibung: str, jahre: list[int], stadt: list[float | None],
              spanne: list[tuple[float, float] | None], einheit: str, stellen: int,
              stadt_name: str) -> str:
    """SVG with the band of the districts (min–max per year) and the city's line with points."""
    werte = [w for w in stadt if w is not None] + [x for s in spanne if s for x in s]
    unten = min(0.0, min(werte)) if werte else 0.0
    ticks = _schritte(unten, max(werte) if werte else 1.0)
    y0, y1 = ticks[0], ticks[-1]

    def x(i: int) -> float:
        return LINKS + (BREITE - LINKS - RECHTS) * (i / max(len(jahre) - 1, 1))

    def y(wert: float) -> float:
        return OBEN + (HOEHE - OBEN - UNTEN) * (1 - (wert - y0) / ((y1 - y0) or 1))

    teile = [f'<svg viewBox="0 0 {BREITE} {HOEHE}" role="img" aria-labelledby="{kennung}-t {kennung}-b">',
             f'<title id="{kennung}-t">{h(titel)}</title><desc id="{kennung}-b">{h(beschreibung)}</desc>']
    for tick in ticks:
        teile.append(f'<line x1="{LINKS}" x2="{BREITE - RECHTS}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" '
                     'stroke="#d0d0d0" stroke-width="1"/>')
        teile.append(f'<text x="{LINKS - 6}" y="{y(tick) + 4:.1f}" text-anchor="end">'
                     f"{h(zahl_text(tick, stellen if tick != int(tick) else 0))}</text>")
    for i, jahr in enumerate(jahre):
        teile.append(f'<text x="{x(i):.1f}" y="{HOEHE - 12}" text-anchor="middle">{jahr}</text>')
    band = [(i, s) for i, s in enumerate(spanne) if s is not None]
    if band:
        punkte = [f"{x(i):.1f},{y(s[1]):.1f}" for i, s in band] + [f"{x(i):.1f},{y(s[0]):.1f}" for i, s in reversed(band)]
        teile.append(f'<polygon points="{" ".join(punkte)}" fill="{BAND}" fill-opacity="0.5" stroke="#41b6c4"/>')
    linie = [(i, w) for i, w in enumerate(stadt) if w is not None]
    if linie:
        teile.append(f'<polyline fill="none" stroke="{LINIE}" stroke-width="2.5" points="'
                     + " ".join(f"{x(i):.1f},{y(w):.1f}" for i, w in linie) + '"/>')
        teile += [f'<circle cx="{x(i):.1f}" cy="{y(w):.1f}" r="4" fill="{LINIE}"/>' for i, w in linie]
    teile.append(f'<text x="{LINKS}" y="{OBEN - 4}" text-anchor="start">{h(einheit)}</text>')
    teile.append("</svg>")
    legende = (f'<ul class="atlas-legende"><li>{farbfeld(LINIE)}{h(stadt_name)}</li><li>{farbfeld(BAND)}'
               "Spanne der Stadtteile (niedrigster bis höchster Wert)</li></ul>")
    return markieren(f'<figure class="atlas-diagramm">{"".join(teile)}<figcaption>{legende}</figcaption></figure>')
