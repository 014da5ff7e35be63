"""The plan as an accessible PDF: tagged (PDF/UA-1), German, with bookmarks, cover and page numbers.

`plan_pdf(plan, fassung, atlas)` returns the PDF bytes. Maps are drawn as static images with
alt text and a table below them, never as an interactive map.
"""

from __future__ import annotations

from ..atlas.modell import Atlas
from ..diff.synopse import Synopse
from ..model import Plan
from .atlas_kapitel import atlas_kapitel, namensnennung
from .beschlussvorlage import bedarf_kapitel, organigramm_kapitel, synopse_kapitel
from .dokument import Kapitel, html_dokument
from .druck import pdf_schreiben

__all__ = ["plan_pdf"]


def plan_pdf(plan: Plan, fassung: str, atlas: Atlas | None = None, synopse: Synopse | None = None,
             adresse: str | None = None) -> bytes:
    """The whole plan as a Beschlussvorlage: `fassung` (e.g. `v2026.1`) and the site's `adresse`
    (with a QR code) on the cover; the atlas and its Bedarfsermittlung when there is an atlas, the
    organigram, and the Synopse against the previous Fortschreibung when there is one."""
    kapitel: list[Kapitel] = []
    if atlas is not None:
        kapitel.append(atlas_kapitel(plan, atlas))
        bedarf = bedarf_kapitel(plan, atlas)
        if bedarf is not None:
            kapitel.append(bedarf)
    kapitel.append(organigramm_kapitel(plan))
    if synopse is not None:
        kapitel.append(synopse_kapitel(plan, synopse))
    namen = (namensnennung(atlas),) if atlas is not None else ()
    return pdf_schreiben(html_dokument(plan, fassung, tuple(kapitel), namen, adresse))
