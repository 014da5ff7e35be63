"""Safe text for Markdown and HTML output.

Plan texts are validated to contain no HTML, but rendering escapes anyway: a text field must
never reach a reader as live markup, whatever the validator missed.
"""

from __future__ import annotations

import datetime as dt
import html
import re

MONATE = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
          "September", "Oktober", "November", "Dezember")


def h(text: object) -> str:
    """Escape for HTML text and attribute values."""
    return html.escape(str(text), quote=True)


def klartext_html(text: str) -> str:
    """Text that may already be HTML-escaped (mkdocs' titles are, front matter is not) as
    escaped HTML exactly once."""
    return h(html.unescape(text))


_MARKDOWN_ZEICHEN = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
"""The characters Python-Markdown (with tables) lets a backslash escape; `<`, `>` and `&` become entities."""


def klartext_md(text: str) -> str:
    """A value as plain text inside Markdown: one line, every Markdown character backslash-escaped
    (Markdown shows it literally, also inside link targets), HTML characters as entities."""
    return h(_MARKDOWN_ZEICHEN.sub(r"\\\1", " ".join(text.split())))


def md(text: str) -> str:
    """Markdown text with HTML special characters neutralised; Markdown syntax keeps working."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def datum(tag: dt.date) -> str:
    """German long date: `2. Dezember 2022`."""
    return f"{tag.day}. {MONATE[tag.month - 1]} {tag.year}"


def monat(jahr_monat: str) -> str:
    """`2023-05` → `Mai 2023`."""
    jahr, nummer = jahr_monat.split("-")
    return f"{MONATE[int(nummer) - 1]} {jahr}"


def abschnitt(kennung: str, inhalt: str) -> str:
    """Markdown in a `<section>` with an id that links point to; its heading stays Markdown, so
    it is in the page's table of contents. (Attribute lists, which could set the id on the
    heading itself, are switched off: editors' texts must not set attributes.)"""
    return f'<section id="{h(kennung)}" markdown>\n\n{inhalt.strip()}\n\n</section>\n\n'


def gross_anfang(text: str) -> str:
    """First letter upper case, the rest untouched (unlike `str.capitalize`)."""
    return text[:1].upper() + text[1:]


def aufzaehlung(eintraege: list[str]) -> str:
    """A Markdown bullet list of plain texts."""
    return "\n".join(f"- {klartext_md(e)}" for e in eintraege)


def kopf(titel: str) -> str:
    """The H1 of a generated page: the title as plain text. (Generated pages never run through
    Jinja, so a `{{` typed into a plan text stays text.)"""
    return f"# {klartext_md(titel)}\n"


def leichte_sprache_absatz(text: str) -> str:
    """Leichte Sprache keeps one sentence per line: each line becomes its own line in HTML."""
    zeilen = [h(" ".join(z.split())) for z in text.strip().splitlines() if z.strip()]
    return "\n".join(f'<p class="srp-ls-zeile">{z}</p>' for z in zeilen)
