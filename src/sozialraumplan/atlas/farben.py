"""Colour-blind-safe sequential palettes (ColorBrewer) and the look of missing data.

Values are never told by colour alone: every map has its legend as text, tooltips and the
table. Missing data is hatched grey, never black and never a palette colour.
"""

from __future__ import annotations

_WERTE = {  # YlGnBu: indicator maps
    2: ("#edf8b1", "#2c7fb8"),
    3: ("#edf8b1", "#7fcdbb", "#2c7fb8"),
    4: ("#ffffcc", "#a1dab4", "#41b6c4", "#225ea8"),
    5: ("#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"),
    6: ("#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494"),
    7: ("#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#0c2c84"),
}
_BEDARF = {  # YlOrRd: index maps, darker means more need
    2: ("#ffeda0", "#f03b20"),
    3: ("#ffeda0", "#feb24c", "#f03b20"),
    4: ("#ffffb2", "#fecc5c", "#fd8d3c", "#e31a1c"),
    5: ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"),
    6: ("#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#f03b20", "#bd0026"),
    7: ("#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#b10026"),
}
_WANDEL = {  # PuOr: dynamics, purple = better, orange = worse
    2: ("#998ec3", "#f1a340"),
    3: ("#998ec3", "#f7f7f7", "#f1a340"),
    4: ("#5e3c99", "#b2abd2", "#fdb863", "#e66101"),
    5: ("#5e3c99", "#b2abd2", "#f7f7f7", "#fdb863", "#e66101"),
}

PALETTEN = {"werte": _WERTE, "bedarf": _BEDARF, "wandel": _WANDEL}

FEHLT = "url(#atlas-schraffur)"
"""Fill of districts without a value: the hatch pattern that `atlas-karte.js` defines."""
UMRISS = "#4d4d4d"


def palette(art: str, anzahl: int) -> tuple[str, ...]:
    """`anzahl` colours from light to dark (1 class: the middle colour of 3)."""
    farben = PALETTEN[art]
    if anzahl == 1:
        return (farben[3][1],)
    return farben[min(anzahl, max(farben))]


def farbfeld(farbe: str) -> str:
    """A colour swatch for legends: an SVG square with the colour as its fill (a presentation
    attribute, which the pages' Content-Security-Policy allows; a `style` attribute it would not)."""
    return (f'<svg class="atlas-farbfeld" viewBox="0 0 14 10" aria-hidden="true" focusable="false">'
            f'<rect width="14" height="10" fill="{farbe}"></rect></svg>')
