"""The comparison as a self-contained HTML page, rendered from the Markdown report.

Going through the Markdown keeps the wording of CLI, site and HTML file identical; the page
only adds what a standalone document needs to be accessible (language, title, readable width).
"""

from __future__ import annotations

import markdown

from ..render.text import h
from .ergebnis import Vergleich
from .markdown_ausgabe import als_markdown, ueberschrift

STIL = """
body { font-family: "DejaVu Sans", system-ui, sans-serif; line-height: 1.5; max-width: 48rem;
       margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; background: #fff; }
h1, h2, h3, h4 { line-height: 1.25; }
code { font-size: 0.95em; overflow-wrap: anywhere; }
table { border-collapse: collapse; }
th, td { border: 1px solid #767676; padding: 0.25rem 0.5rem; text-align: left; }
"""


def als_html(vergleich: Vergleich) -> str:
    inhalt = markdown.markdown(als_markdown(vergleich), extensions=["tables"], output_format="html")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="de">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{h(ueberschrift(vergleich))}</title>\n<style>{STIL}</style>\n</head>\n"
        f"<body>\n<main>\n{inhalt}\n</main>\n</body>\n</html>\n"
    )
