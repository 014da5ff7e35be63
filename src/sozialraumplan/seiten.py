"""What the site is made of, independent of any site generator.

The core produces `Seite`s (Markdown pages), grouped into `Abschnitt`e (navigation sections),
and `Datei`en (downloads, assets). The mkdocs glue in `macros/` only hands these to mkdocs; a
port to another generator replaces the glue, not this.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Seite:
    """One generated Markdown page."""

    pfad: str
    """Path below the docs folder, e.g. `massnahmen/M001.md`."""
    titel: str
    markdown: str
    quelle: str | None = None
    """Repository path of the file this page is generated from (edit link, last change)."""
    zuletzt_geprueft: str | None = None
    """ISO date of the last content review, where the entity has one."""


@dataclass(frozen=True)
class Abschnitt:
    """A navigation section; its first page is the section's overview page."""

    titel: str
    seiten: list[Seite] = field(default_factory=list)


@dataclass(frozen=True)
class Datei:
    """A generated non-page file (download or asset) at `pfad` below the site root."""

    pfad: str
    inhalt: bytes
