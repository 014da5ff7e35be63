"""What the atlas puts on the site: its pages (all below `ATLAS_ORDNER`) and its files."""

from __future__ import annotations

import datetime as dt

from ..model import Plan
from ..render import leichte_sprache as ls
from ..seiten import Abschnitt, Datei
from . import verweise
from .downloads import asset_dateien, download_dateien
from .kontext import kontext_fuer
from .modell import Atlas
from .seiten import atlas_abschnitte_fuer
from .suche import suche_datei

ATLAS_ORDNER = (f"{verweise.ORDNER}/", f"{ls.ORDNER}/")
"""Every page of `atlas_abschnitte` lies below one of these folders (the Leichte-Sprache pages
beside the plan's own): a hand-written page elsewhere cannot be one of them."""


def atlas_abschnitte(plan: Plan, atlas: Atlas, heute: dt.date | None = None) -> list[Abschnitt]:
    """Navigation sections: the atlas (overview, method, Bedarfsermittlung, downloads), the
    indicator sheets and the district profiles; each section's first page is its overview.
    `heute` (default: today) decides which meeting is the next one on a district's card."""
    return atlas_abschnitte_fuer(kontext_fuer(plan, atlas), heute or dt.date.today())


def atlas_dateien(plan: Plan, atlas: Atlas) -> list[Datei]:
    """Map assets (Leaflet, script, stylesheet) and all download files."""
    kontext = kontext_fuer(plan, atlas)
    return asset_dateien() + download_dateien(kontext) + ([suche_datei(kontext)] if atlas.strassen else [])
