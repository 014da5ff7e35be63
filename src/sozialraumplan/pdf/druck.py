"""HTML to a tagged, accessible PDF (PDF/UA-1) with WeasyPrint.

WeasyPrint's `pdf/ua-1` variant writes the structure tree, `/Lang`, the displayed document
title and the PDF/UA identification; headings become bookmarks. Images are embedded as data
URLs and fonts are local files, so rendering needs no network and no browser.
"""

from __future__ import annotations

import logging
from importlib import resources

from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError, URLFetcher

from .schriften import font_face_css
from .struktur import kopfzellen_ergaenzen

VARIANTE = "pdf/ua-1"
NUR_LOKAL = ("file", "data")
"""Fonts come from files, images from data URLs; anything else would be a network fetch."""


class PdfFehler(Exception):
    """WeasyPrint reported an error (e.g. an image without alt text, a non-local resource)."""


class _Sammler(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.meldungen: list[str] = []

    def emit(self, eintrag: logging.LogRecord) -> None:
        self.meldungen.append(eintrag.getMessage())


def pdf_schreiben(html: str) -> bytes:
    """Render `html`; errors WeasyPrint logs (e.g. an image without alt text) become `PdfFehler`."""
    schriften = FontConfiguration()
    holer = URLFetcher(allowed_protocols=NUR_LOKAL, fail_on_errors=True)
    stil = CSS(string=font_face_css() + resources.files(__package__).joinpath("druck.css").read_text("utf-8"),
               font_config=schriften, url_fetcher=holer)
    sammler = _Sammler()
    protokoll = logging.getLogger("weasyprint")
    protokoll.addHandler(sammler)
    try:
        pdf = HTML(string=html, url_fetcher=holer).write_pdf(
            stylesheets=[stil], font_config=schriften, pdf_variant=VARIANTE, finisher=kopfzellen_ergaenzen,
        )
    except FatalURLFetchingError as fehler:
        raise PdfFehler(f"Das PDF darf nur lokale Dateien einbinden: {fehler}") from fehler
    finally:
        protokoll.removeHandler(sammler)
    if sammler.meldungen:
        raise PdfFehler("WeasyPrint meldet Fehler im PDF: " + "; ".join(sammler.meldungen))
    return pdf
