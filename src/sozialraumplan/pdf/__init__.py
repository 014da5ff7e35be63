"""The plan as an accessible PDF: tagged (PDF/UA-1), German, with bookmarks, cover and page numbers.

`plan_pdf(plan, fassung, atlas)` returns the PDF bytes. Maps are drawn as static images with
alt text and a table beside them, never as an interactive map.
"""

from __future__ import annotations

from ..atlas.modell import Atlas
from ..model import Plan
from .atlas_kapitel import atlas_kapitel, namensnennung
from .dokument import html_dokument
from .druck import pdf_schreiben

__all__ = ["plan_pdf"]


def plan_pdf(plan: Plan, fassung: str, atlas: Atlas | None = None) -> bytes:
    """The whole plan (and the atlas, when there is one); `fassung` (e.g. `v2026.1`) goes on the cover."""
    if atlas is None:
        return pdf_schreiben(html_dokument(plan, fassung))
    return pdf_schreiben(html_dokument(plan, fassung, (atlas_kapitel(plan, atlas),), (namensnennung(atlas),)))
