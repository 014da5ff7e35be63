"""Static district maps for print, drawn with matplotlib from the shapely boundaries.

No browser and no tiles: the map is a PNG of the filled districts. It never carries
information alone — the print chapter puts the legend as text and the table of all values
beside it, and the image gets an alt text that says what it shows.
"""

from __future__ import annotations

import io
import math

import numpy as np
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import PathPatch
from matplotlib.path import Path
from matplotlib.patheffects import Normal, Stroke
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from ..atlas.farben import UMRISS

FEHLT_FARBE = "#d9d9d9"
"""Districts without a value: light grey and hatched, never a palette colour."""
BREITE_MM = 95
AUFLOESUNG = 200
SCHRIFT_PT = 6
"""District names on the map: 6 pt at print size, the smallest that stays readable on paper."""


def _flaechen(geometrie: BaseGeometry) -> list[Polygon]:
    if isinstance(geometrie, Polygon):
        return [geometrie]
    if isinstance(geometrie, MultiPolygon):
        return list(geometrie.geoms)
    return [g for teil in getattr(geometrie, "geoms", ()) for g in _flaechen(teil)]


def _pfad(geometrie: BaseGeometry) -> Path:
    """All rings (outer and holes) as one matplotlib path, so holes stay holes."""
    ecken, codes = [], []
    for flaeche in _flaechen(geometrie):
        for ring in (flaeche.exterior, *flaeche.interiors):
            xy = np.asarray(ring.coords)[:, :2]
            ecken.append(xy)
            codes += [Path.MOVETO] + [Path.LINETO] * (len(xy) - 2) + [Path.CLOSEPOLY]
    return Path(np.concatenate(ecken), codes)


def _beschriften(bild: Figure, achse: Axes, grenzen: dict[str, BaseGeometry], namen: dict[str, str]) -> None:
    """Each district's name inside it, the largest districts first; a name that would overlap
    one already placed is left out (it stands in the table below the map), so every name on the
    map stays readable."""
    zeichner = bild.canvas.get_renderer()  # type: ignore[attr-defined]
    belegt: list = []
    for ident in sorted(grenzen, key=lambda i: (-grenzen[i].area, i)):
        punkt = grenzen[ident].representative_point()
        text = achse.text(punkt.x, punkt.y, namen[ident], fontsize=SCHRIFT_PT, ha="center", va="center",
                          color="#1a1a1a", family="DejaVu Sans",
                          path_effects=[Stroke(linewidth=2, foreground="#ffffff"), Normal()])
        rahmen = text.get_window_extent(zeichner).expanded(1.05, 1.1)
        if any(rahmen.overlaps(r) for r in belegt):
            text.remove()
        else:
            belegt.append(rahmen)


def karte_png(grenzen: dict[str, BaseGeometry], farben: dict[str, str | None],
              namen: dict[str, str] | None = None) -> bytes:
    """The districts filled with `farben` (None: no value, hatched), as a PNG of fixed width;
    with `namen`, each district carries its name (dark text on a white halo, readable on any fill)."""
    minx = min(g.bounds[0] for g in grenzen.values())
    miny = min(g.bounds[1] for g in grenzen.values())
    maxx = max(g.bounds[2] for g in grenzen.values())
    maxy = max(g.bounds[3] for g in grenzen.values())
    streckung = 1 / math.cos(math.radians((miny + maxy) / 2))  # degrees of latitude are longer
    breite = BREITE_MM / 25.4
    hoehe = breite * (maxy - miny) * streckung / max(maxx - minx, 1e-9)
    bild = Figure(figsize=(breite, hoehe))
    FigureCanvasAgg(bild)
    achse = bild.add_axes((0, 0, 1, 1))
    for ident in sorted(grenzen):
        farbe = farben.get(ident)
        # add_artist, not add_patch: the view is set below, and add_patch would walk every vertex
        # in Python to widen the data limits (half the time of a map)
        achse.add_artist(PathPatch(
            _pfad(grenzen[ident]), facecolor=farbe or FEHLT_FARBE, edgecolor=UMRISS, linewidth=0.4,
            hatch=None if farbe else "////",
        ))
    achse.set_xlim(minx, maxx)
    achse.set_ylim(miny, maxy)
    achse.set_aspect(streckung)
    if namen:
        _beschriften(bild, achse, {i: g for i, g in grenzen.items() if i in namen}, namen)
    achse.set_axis_off()
    puffer = io.BytesIO()
    bild.savefig(puffer, format="png", dpi=AUFLOESUNG, metadata={"Software": None})
    return puffer.getvalue()
