"""The organigram of the Gremien as an SVG drawn at build time.

One band per Ebene (administration, between, quarters), the Gremien as boxes in it, an arrow
for every reporting line. Drawn here rather than in the reader's browser: the page needs no
diagram library and no inline style (its Content-Security-Policy allows none), the PDF can use
the same picture, and every text is escaped like any other text of the site. The same facts
stand as a list beside it, which is what screen readers are pointed to.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass

from ..model import Ebene, Gremium, Plan
from .text import gross_anfang, h

SPALTEN = 2
BOX_BREITE = 270
ABSTAND = 40
RAND = 16
ZEILE = 19
SCHRIFT = 15
ZEICHEN_JE_ZEILE = 30
BAND_KOPF = 30
BREITE = 2 * RAND + SPALTEN * BOX_BREITE + (SPALTEN - 1) * ABSTAND
FARBE_BAND = "#eef0f8"
FARBE_RAHMEN = "#3f51b5"
FARBE_TEXT = "#000000"
FARBE_PFEIL = "#303030"
EBENEN = (Ebene.VERWALTUNG, Ebene.ZWISCHEN, Ebene.QUARTIER)
"""Top to bottom: the formats between administration and quarters stand between them, so the
reporting lines run short."""


@dataclass(frozen=True)
class Box:
    gremium: Gremium
    x: float
    y: float
    hoehe: float
    zeilen: tuple[str, ...]

    @property
    def mitte(self) -> tuple[float, float]:
        return self.x + BOX_BREITE / 2, self.y + self.hoehe / 2


def _zeilen(text: str) -> tuple[str, ...]:
    return tuple(textwrap.wrap(text, ZEICHEN_JE_ZEILE, break_long_words=False) or [""])


def anordnen(plan: Plan) -> tuple[list[tuple[Ebene, float, float]], list[Box], float]:
    """Bands (Ebene, top, height), boxes and the total height."""
    baender: list[tuple[Ebene, float, float]] = []
    boxen: list[Box] = []
    y: float = RAND
    for ebene in EBENEN:
        mitglieder = [g for g in plan.gremien if g.ebene is ebene]
        if not mitglieder:
            continue
        oben = y
        y += BAND_KOPF
        for start in range(0, len(mitglieder), SPALTEN):
            reihe = [(g, _zeilen(g.label)) for g in mitglieder[start:start + SPALTEN]]
            hoehe = max(len(z) for _, z in reihe) * ZEILE + 16
            for spalte, (g, zeilen) in enumerate(reihe):
                boxen.append(Box(g, RAND + spalte * (BOX_BREITE + ABSTAND), y, hoehe, zeilen))
            y += hoehe + 14
        baender.append((ebene, oben, y - oben))
        y += 12
    return baender, boxen, y + RAND - 12


def _rand_punkt(box: Box, richtung: tuple[float, float]) -> tuple[float, float]:
    """Where a line from the box's centre in `richtung` leaves the box."""
    mx, my = box.mitte
    dx, dy = richtung
    faktoren = [abs(BOX_BREITE / 2 / dx) if dx else math.inf, abs(box.hoehe / 2 / dy) if dy else math.inf]
    t = min(faktoren)
    return mx + dx * t, my + dy * t


def _pfeil(von: Box, nach: Box) -> str:
    (ax, ay), (bx, by) = von.mitte, nach.mitte
    laenge = math.hypot(bx - ax, by - ay) or 1
    richtung = ((bx - ax) / laenge, (by - ay) / laenge)
    x1, y1 = _rand_punkt(von, richtung)
    x2, y2 = _rand_punkt(nach, (-richtung[0], -richtung[1]))
    ux, uy = richtung
    spitze = [(x2, y2), (x2 - 11 * ux + 5 * uy, y2 - 11 * uy - 5 * ux), (x2 - 11 * ux - 5 * uy, y2 - 11 * uy + 5 * ux)]
    punkte = " ".join(f"{x:.1f},{y:.1f}" for x, y in spitze)
    return (f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2 - 8 * ux:.1f}" y2="{y2 - 8 * uy:.1f}" '
            f'stroke="{FARBE_PFEIL}" stroke-width="1.6"></line>'
            f'<polygon points="{punkte}" fill="{FARBE_PFEIL}"></polygon>')


def organigramm_svg(plan: Plan, kennung: str = "organigramm") -> str:
    """The diagram as inline SVG with a title and a description for assistive technology."""
    baender, boxen, hoehe = anordnen(plan)
    nach_id = {b.gremium.id: b for b in boxen}
    teile = [f'<svg viewBox="0 0 {BREITE} {hoehe:.0f}" role="img" aria-labelledby="{kennung}-t {kennung}-b">',
             f'<title id="{kennung}-t">Schaubild der Gremien und ihrer Berichtswege</title>',
             f'<desc id="{kennung}-b">Die Gremien nach Ebenen; ein Pfeil zeigt, wer an wen berichtet. '
             "Dieselben Angaben stehen als Liste unter dem Schaubild.</desc>"]
    for ebene, oben, band_hoehe in baender:
        teile.append(f'<rect x="4" y="{oben - 6:.0f}" width="{BREITE - 8}" height="{band_hoehe:.0f}" rx="6" '
                     f'fill="{FARBE_BAND}" stroke="{FARBE_RAHMEN}" stroke-width="0.5"></rect>')
        teile.append(f'<text x="{RAND}" y="{oben + 14:.0f}" font-size="{SCHRIFT}" font-weight="700" '
                     f'fill="{FARBE_TEXT}">{h(gross_anfang(ebene.label))}</text>')
    for box in boxen:
        teile += [_pfeil(box, nach_id[ziel]) for ziel in box.gremium.berichtet_an if ziel in nach_id]
    for box in boxen:
        teile.append(f'<rect x="{box.x:.0f}" y="{box.y:.0f}" width="{BOX_BREITE}" height="{box.hoehe:.0f}" rx="4" '
                     f'fill="#ffffff" stroke="{FARBE_RAHMEN}" stroke-width="1.5"></rect>')
        start = box.y + box.hoehe / 2 - (len(box.zeilen) - 1) * ZEILE / 2 + 5
        zeilen = "".join(f'<tspan x="{box.x + BOX_BREITE / 2:.0f}" y="{start + i * ZEILE:.0f}">{h(z)}</tspan>'
                         for i, z in enumerate(box.zeilen))
        teile.append(f'<text text-anchor="middle" font-size="{SCHRIFT}" fill="{FARBE_TEXT}">{zeilen}</text>')
    teile.append("</svg>")
    return "".join(teile)
