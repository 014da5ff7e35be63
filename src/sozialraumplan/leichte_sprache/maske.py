"""Markdown markup blanked out, so only the words a reader sees are checked.

Every markup character is replaced by a space (newlines stay), so the masked text has the
same length as the original: offset *n* in the result is still offset *n* in the source, and
findings keep their exact line and column. Where markup starts a new block (a heading, a list
item, a table cell) we remember the offset, so no sentence runs across two blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass
class Maske:
    """The text with markup blanked out and the offsets where a new block begins."""

    text: str
    grenzen: set[int] = field(default_factory=set)


def _leer(abschnitt: str) -> str:
    return re.sub(r"[^\n]", " ", abschnitt)


def _ausblenden(muster: re.Pattern[str], text: str) -> str:
    """Blank every match of `muster`, except its group `behalten` (e.g. the text of a link)."""

    def ersetzen(treffer: re.Match[str]) -> str:
        ersatz = _leer(treffer.group(0))
        if "behalten" in treffer.re.groupindex and treffer.group("behalten") is not None:
            anfang, ende = (p - treffer.start() for p in treffer.span("behalten"))
            ersatz = ersatz[:anfang] + treffer.group("behalten") + ersatz[ende:]
        return ersatz

    return muster.sub(ersetzen, text)


_ZAUN = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_TITELZEILE = re.compile(r"^( {0,3}#{1,6})(?=\s|$)")
_TITEL_ENDE = re.compile(r"(\s+#+)?(\s*\{#[^}]*\})?\s*$")
# mkdocs-material admonitions (`!!! note "Titel"`), collapsible blocks and content tabs
_KASTEN = re.compile(r'^\s*(?:!!!|\?\?\?\+?|===)[^"\n]*(?:"(?P<behalten>[^"\n]*)")?.*$')
_TABELLEN_TRENNER = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_ZITAT = re.compile(r"^(\s*>)+")
_LISTENPUNKT = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+")
_LINIE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")
_DEFINITION = re.compile(r"^(\s{0,3}\[[^\]]+\]:\s+\S.*|\*\[[^\]]+\]:.*)$")

_INLINE = [
    re.compile(r"<!--.*?-->", re.DOTALL),
    re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL),  # mkdocs-macros
    re.compile(r"(`+)[^`]+?\1"),
    re.compile(r"!\[(?P<behalten>[^\]]*)\]\([^)]*\)"),
    re.compile(r"\[(?P<behalten>[^\]]+)\](?:\([^)]*\)|\[[^\]]*\])"),
    re.compile(r"<(?:https?://|mailto:)[^>]+>"),
    re.compile(r"</?[A-Za-z][^>]*>"),
    re.compile(r"\b(?:https?://|www\.)[^\s<>]*[^\s<>.,;:!?)\]]"),
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    re.compile(r"\{:?\s*[.#][^}\n]*\}"),
    re.compile(r"&(?:[a-zA-Z]+|#\d+);"),
    re.compile(r"(?<!\w):[a-z][a-z0-9_]*(?:-[a-z0-9_]+)+:(?!\w)"),  # icons like :material-home:
    re.compile(r"\*\*|__|~~|==|\^\^"),
    re.compile(r"(?<![\w*])\*(?=[^\s*])(?P<behalten>[^*\n]+?)(?<=[^\s*])\*(?![\w*])"),
    re.compile(r"(?<![\w_])_(?=[^\s_])(?P<behalten>[^_\n]+?)(?<=[^\s_])_(?![\w_])"),
    re.compile(r"\\$", re.MULTILINE),
]


def maskieren(text: str, *, seite: bool = False) -> Maske:
    """Blank the markup of a Markdown text; `seite=True` also drops a page's front matter."""
    zeilen = text.split("\n")
    grenzen: set[int] = set()
    im_zaun: str | None = None
    im_vorspann = seite and bool(zeilen) and zeilen[0].strip() == "---"
    versatz = 0
    for i, zeile in enumerate(zeilen):
        anfang = versatz
        versatz += len(zeile) + 1
        if im_vorspann:
            zeilen[i] = _leer(zeile)
            im_vorspann = i == 0 or zeile.strip() not in ("---", "...")
            continue
        zaun = _ZAUN.match(zeile)
        if im_zaun is not None or zaun:
            if im_zaun is None and zaun:
                im_zaun = zaun.group(1)
            elif im_zaun is not None and zeile.strip().startswith(im_zaun):
                im_zaun = None
            zeilen[i] = _leer(zeile)
            continue
        zeilen[i] = _zeile_maskieren(zeile, anfang, grenzen)
    return Maske(_inline_maskieren("\n".join(zeilen)), grenzen)


def _zeile_maskieren(zeile: str, anfang: int, grenzen: set[int]) -> str:
    """Blank the block markup at the start of one line and note where blocks begin."""
    if _DEFINITION.match(zeile) or _TABELLEN_TRENNER.match(zeile) or _LINIE.match(zeile):
        return _leer(zeile)
    if _KASTEN.match(zeile):
        grenzen.update((anfang, anfang + len(zeile)))
        return _ausblenden(_KASTEN, zeile)
    titel = _TITELZEILE.match(zeile)
    if titel:
        grenzen.update((anfang, anfang + len(zeile)))
        zeile = _leer(titel.group(1)) + zeile[titel.end():]
        return _TITEL_ENDE.sub(lambda ende: _leer(ende.group(0)), zeile, count=1)
    zeile = _ausblenden(_ZITAT, zeile)
    if zeile.lstrip().startswith("|"):
        grenzen.update(anfang + i for i, zeichen in enumerate(zeile) if zeichen == "|")
        return zeile.replace("|", " ")
    punkt = _LISTENPUNKT.match(zeile)
    if punkt:
        grenzen.add(anfang)
        return _leer(punkt.group(0)) + zeile[punkt.end():]
    return zeile


def _inline_maskieren(text: str) -> str:
    for muster in _INLINE:
        text = _ausblenden(muster, text)
    return text
