"""The plan and the atlas together, with what the pages compute once and share: the simplified
boundaries, district names and order, city reference values."""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from shapely.geometry import mapping
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from ..model import Plan
from ..statistik import Stadtwert
from .geometrie import beschriftungspunkt, flaeche_km2, kartengrenzen, stellen, vereinfachung_fuer
from .index import Sozialindex
from .modell import Atlas

T = TypeVar("T")


@dataclass(eq=False)
class Kontext:
    plan: Plan
    atlas: Atlas

    @property
    def index(self) -> Sozialindex:
        assert self.atlas.sozialindex is not None, "atlas_laden berechnet den Index immer"
        return self.atlas.sozialindex

    @functools.cached_property
    def ids(self) -> list[str]:
        """District ids in the order of `data/stadtteile.csv`."""
        return [s.id for s in self.plan.stadtteile]

    @functools.cached_property
    def namen(self) -> dict[str, str]:
        return {s.id: s.name for s in self.plan.stadtteile}

    def nach_name(self, ids: list[str]) -> list[str]:
        return sorted(ids, key=lambda s: self.namen[s].casefold())

    @functools.cached_property
    def kartengrenzen(self) -> dict[str, BaseGeometry]:
        """Boundaries simplified once per build, shared by every map."""
        return kartengrenzen(self.atlas.grenzen, self.vereinfachung_m)

    @functools.cached_property
    def vereinfachung_m(self) -> float:
        """The maps' simplification: as configured, larger for a city of very many districts."""
        return vereinfachung_fuer(self.atlas.einstellungen.karte.vereinfachung_m, len(self.atlas.grenzen))

    @functools.cached_property
    def geometrien(self) -> dict[str, dict]:
        """GeoJSON geometry of each district, ready for the maps and the download."""
        return {i: mapping(g) for i, g in self.kartengrenzen.items()}

    @functools.cached_property
    def stellen(self) -> int:
        """Decimal places of map coordinates."""
        return stellen(self.vereinfachung_m)

    @functools.cached_property
    def beschriftung(self) -> dict[str, tuple[float, float]]:
        return {i: beschriftungspunkt(g, self.stellen) for i, g in self.kartengrenzen.items()}

    @functools.cached_property
    def grenzen_rahmen(self) -> list[list[float]]:
        """[[south, west], [north, east]] of all districts."""
        minx = min(g.bounds[0] for g in self.kartengrenzen.values())
        miny = min(g.bounds[1] for g in self.kartengrenzen.values())
        maxx = max(g.bounds[2] for g in self.kartengrenzen.values())
        maxy = max(g.bounds[3] for g in self.kartengrenzen.values())
        return [[round(miny, self.stellen), round(minx, self.stellen)], [round(maxy, self.stellen), round(maxx, self.stellen)]]

    @functools.cached_property
    def stadtumriss(self) -> BaseGeometry:
        """The city's outline (all districts merged), for the small locator maps of the profiles."""
        return unary_union(list(self.kartengrenzen.values()))

    @functools.cached_property
    def flaechen(self) -> dict[str, float]:
        return {i: flaeche_km2(g) for i, g in self.atlas.grenzen.items()}

    @functools.cached_property
    def gemerkt(self) -> dict[str, Any]:
        """What `je_atlas` made, by name."""
        return {}

    def je_atlas(self, name: str, bauen: Callable[[], T]) -> T:
        """What `bauen` makes from the atlas alone (download files, locator maps), made once per atlas."""
        if name not in self.gemerkt:
            self.gemerkt[name] = bauen()
        return cast(T, self.gemerkt[name])

    def stadtwert(self, indikator: str, jahr: int) -> Stadtwert:
        """The whole city's value, as computed with the atlas (see `statistik.raeume`)."""
        return self.atlas.stadtwert(indikator, jahr)

    def letztes_jahr(self, indikator: str) -> int:
        return self.atlas.jahre_von(indikator)[-1]


_KONTEXTE: weakref.WeakKeyDictionary[Atlas, Kontext] = weakref.WeakKeyDictionary()
AUS_DEM_ATLAS = ("ids", "namen", "gemerkt", "kartengrenzen", "vereinfachung_m", "geometrien", "stellen", "beschriftung",
                 "grenzen_rahmen", "stadtumriss", "flaechen")
"""What a Kontext computes from the atlas alone (the districts are the atlas's too: `bestand` reuses
an atlas only for the same district list)."""


def kontext_fuer(plan: Plan, atlas: Atlas) -> Kontext:
    """One `Kontext` per loaded atlas: the pages, the files and the macros of a build share the
    simplified boundaries and the download files instead of computing them again. A new plan with
    the same atlas (the live preview after a Maßnahme was edited) keeps what came from the atlas."""
    kontext = _KONTEXTE.get(atlas)
    if kontext is None or kontext.plan is not plan:
        vorher, kontext = kontext, Kontext(plan, atlas)
        if vorher is not None:
            kontext.__dict__.update({k: v for k, v in vorher.__dict__.items() if k in AUS_DEM_ATLAS})
        _KONTEXTE[atlas] = kontext
    return kontext
