"""The QR code on the cover: drawn locally with segno as SVG, nothing is fetched."""

from __future__ import annotations

import segno
from markupsafe import Markup

from ..render.text import h


def qr_code(adresse: str) -> Markup:
    """The address as a QR code image (SVG data URL) with the address as its alternative text."""
    quelle = segno.make(adresse, error="m").svg_data_uri(scale=4, border=4, dark="#000000", light="#ffffff")
    return Markup(f'<img class="qr-code" src="{h(quelle)}" alt="QR-Code mit der Adresse der Website: {h(adresse)}">')
