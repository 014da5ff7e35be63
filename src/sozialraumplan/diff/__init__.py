"""Semantic comparison of two states of the plan: by id, field by field, word by word.

`vergleichen(basis, ziel)` compares two `Stand`s (from a git revision, the working tree or a
loaded plan); `als_markdown`, `als_json` and `als_html` write the result; `aenderungen_seiten`
are the site pages.
"""

from .ergebnis import Aenderung, Artvergleich, Feldaenderung, Vergleich
from .html_ausgabe import als_html
from .json_ausgabe import als_json
from .markdown_ausgabe import als_markdown
from .seite import aenderungen_seiten
from .stand import ARBEITSSTAND, Stand, stand_aus_ordner, stand_aus_plan, stand_aus_revision, stand_laden
from .vergleich import vergleichen
from .zusammenfassung import zusammenfassung

__all__ = [
    "ARBEITSSTAND", "Aenderung", "Artvergleich", "Feldaenderung", "Stand", "Vergleich", "aenderungen_seiten",
    "als_html", "als_json", "als_markdown", "stand_aus_ordner", "stand_aus_plan", "stand_aus_revision",
    "stand_laden", "vergleichen", "zusammenfassung",
]
