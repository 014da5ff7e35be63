"""Finished HTML blocks that skip the Markdown parser of the MkDocs build.

The atlas's tables and maps are HTML when they are made, and they are most of the site's
Markdown (2.5 of Erfurt's 3.4 MB). Python-Markdown read every tag of such a block only to write
it out unchanged: its share of Erfurt's build fell from 2.35 to 1.4 s of a profile. So a
generator wraps the block in two comments (`markieren`); the hook takes each block out of the
page's Markdown and leaves one comment in its place (`auslagern`), and puts the block back into
the page's HTML (`einsetzen`) before the page body passes the sanitiser. What is sanitised,
checked and published is what it was; only the parser does less. A block at the top level of
a page comes out byte for byte as Markdown writes it (Erfurt's built site is the same); inside a
list item, quote or admonition Markdown would wrap it into a paragraph (`<p><div …>`, which a
browser splits into empty paragraphs), there it now stays as made. Where Markdown shows a block
as text (a macro in a code block), the page is made again without the shortcut.

The comments carry a token drawn when the program starts: no editor can write it into a page,
so a plan or a hand-written page cannot make anything skip the parser. The plain export
(`sozialraumplan seiten --ziel`) writes the blocks without the comments (`ohne_marken`).
"""

from __future__ import annotations

import re
import secrets

_ZEICHEN = secrets.token_hex(8)
_AUF = f"<!--srp-html {_ZEICHEN}-->"
_ZU = f"<!--/srp-html {_ZEICHEN}-->"
_BLOCK = re.compile(re.escape(_AUF) + "(.*?)" + re.escape(_ZU), re.DOTALL)
_PLATZHALTER = re.compile(f"<!--srp-html {_ZEICHEN} (\\d+)-->")


def markieren(html: str) -> str:
    """`html` (one finished block of HTML, with nothing Markdown should read) marked for `auslagern`;
    blocks inside it lose their marks, so marked blocks never nest."""
    return f"{_AUF}{ohne_marken(html)}{_ZU}"


def ohne_marken(text: str) -> str:
    """`text` with its blocks in place and without their marks: plain Markdown for any generator."""
    return text.replace(_AUF, "").replace(_ZU, "")


def auslagern(markdown: str) -> tuple[str, list[str]]:
    """The page's Markdown with a comment in place of each marked block, and the blocks in order."""
    bloecke: list[str] = []

    def platzhalter(treffer: re.Match[str]) -> str:
        bloecke.append(treffer.group(1))
        return f"<!--srp-html {_ZEICHEN} {len(bloecke) - 1}-->"

    return _BLOCK.sub(platzhalter, markdown), bloecke


def einsetzen(html: str, bloecke: list[str]) -> str | None:
    """The page's HTML with each comment of `auslagern` replaced by its block; None unless every
    comment is there once, as a comment: Markdown read one as text (a macro in a code block), and
    the page must be made again from its Markdown with the blocks in place."""
    gefunden: list[int] = []

    def block(treffer: re.Match[str]) -> str:
        gefunden.append(int(treffer.group(1)))
        return bloecke[gefunden[-1]] if gefunden[-1] < len(bloecke) else ""

    ergebnis = _PLATZHALTER.sub(block, html)
    return ergebnis if sorted(gefunden) == list(range(len(bloecke))) else None
