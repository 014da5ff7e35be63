"""Safe text for Markdown and HTML output.

Plan texts are validated to contain no HTML, but rendering escapes anyway: a text field must
never reach a reader as live markup, whatever the validator missed.
"""

from __future__ import annotations

import datetime as dt
import html

MONATE = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
          "September", "Oktober", "November", "Dezember")


def h(text: object) -> str:
    """Escape for HTML text and attribute values."""
    return html.escape(str(text), quote=True)


def md(text: str) -> str:
    """Markdown text with HTML special characters neutralised; Markdown syntax keeps working."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def md_zeile(text: str) -> str:
    """Markdown for one line (list item, table cell): no line breaks, no table pipes."""
    return md(" ".join(text.split())).replace("|", "\\|")


def datum(tag: dt.date) -> str:
    """German long date: `2. Dezember 2022`."""
    return f"{tag.day}. {MONATE[tag.month - 1]} {tag.year}"


def monat(jahr_monat: str) -> str:
    """`2023-05` → `Mai 2023`."""
    jahr, nummer = jahr_monat.split("-")
    return f"{MONATE[int(nummer) - 1]} {jahr}"


def aufzaehlung(eintraege: list[str]) -> str:
    """A Markdown bullet list of plain texts."""
    return "\n".join(f"- {md_zeile(e)}" for e in eintraege)


def kopf(titel: str, **meta: str) -> str:
    """Front matter and H1 of a generated page. Generated pages never run through Jinja macros,
    so a `{{` typed into a plan text stays text."""
    zeilen = ["---", "render_macros: false"]
    zeilen += [f"{k}: {v}" for k, v in meta.items()]
    zeilen += ["---", "", f"# {md_zeile(titel)}", ""]
    return "\n".join(zeilen)


def leichte_sprache_absatz(text: str) -> str:
    """Leichte Sprache keeps one sentence per line: each line becomes its own line in HTML."""
    zeilen = [h(" ".join(z.split())) for z in text.strip().splitlines() if z.strip()]
    return "\n".join(f'<p class="srp-ls-zeile">{z}</p>' for z in zeilen)
