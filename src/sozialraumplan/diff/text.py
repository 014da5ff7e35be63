"""Word-level comparison of texts (Leitsatz, Erläuterung, Beschreibung …).

Line breaks in YAML texts are layout, not content: an editor who re-wraps a paragraph has
changed nothing. So texts are compared as sequences of words, and each change is reported
with the few words before it, which is enough to find the place when reading aloud.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

KONTEXT_WOERTER = 4
"""Words of context before a change."""
ZUSAMMENFASSEN_BIS = 2
"""Changes separated by at most this many unchanged words are reported as one."""
NEU_GEFASST_UNTER = 0.4
"""Below this similarity a text counts as rewritten and both versions are shown whole."""


@dataclass(frozen=True)
class Textstelle:
    """One changed passage: `alt` replaced by `neu` (one of them may be empty), after `nach`."""

    alt: str
    neu: str
    nach: str
    """The unchanged words just before the passage (empty at the start of the text)."""
    neu_gefasst: bool = False
    """The whole text was rewritten; `alt` and `neu` are the complete texts."""

    @property
    def art(self) -> str:
        """`ersetzt`, `gestrichen` or `ergaenzt`."""
        if self.alt and self.neu:
            return "ersetzt"
        return "gestrichen" if self.alt else "ergaenzt"


def woerter(text: str) -> list[str]:
    return text.split()


def gleicher_text(alt: str, neu: str) -> bool:
    """Equal up to line breaks and spacing."""
    return woerter(alt) == woerter(neu)


def textstellen(alt: str, neu: str) -> list[Textstelle]:
    """The changed passages between two texts; one passage holding both texts if rewritten."""
    a, b = woerter(alt), woerter(neu)
    abgleich = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if abgleich.ratio() < NEU_GEFASST_UNTER:
        return [Textstelle(" ".join(a), " ".join(b), "", neu_gefasst=True)]
    bloecke: list[list[int]] = []  # [i1, i2, j1, j2] of merged non-equal opcodes
    for art, i1, i2, j1, j2 in abgleich.get_opcodes():
        if art == "equal":
            continue
        if bloecke and i1 - bloecke[-1][1] <= ZUSAMMENFASSEN_BIS and j1 - bloecke[-1][3] <= ZUSAMMENFASSEN_BIS:
            bloecke[-1][1], bloecke[-1][3] = i2, j2
        else:
            bloecke.append([i1, i2, j1, j2])
    return [
        Textstelle(" ".join(a[i1:i2]), " ".join(b[j1:j2]), " ".join(b[max(0, j1 - KONTEXT_WOERTER):j1]))
        for i1, i2, j1, j2 in bloecke
    ]


GLEICH, GESTRICHEN, EINGEFUEGT = "gleich", "gestrichen", "eingefuegt"
"""How a run of words relates to the other version of the text."""


def wortabgleich(alt: str, neu: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Both texts whole, as runs of words: the old one `gleich` or `gestrichen`, the new one
    `gleich` or `eingefuegt` — the two columns of a Synopse."""
    a, b = woerter(alt), woerter(neu)
    links: list[tuple[str, str]] = []
    rechts: list[tuple[str, str]] = []
    for art, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if art == "equal":
            links.append((GLEICH, " ".join(a[i1:i2])))
            rechts.append((GLEICH, " ".join(b[j1:j2])))
            continue
        if i2 > i1:
            links.append((GESTRICHEN, " ".join(a[i1:i2])))
        if j2 > j1:
            rechts.append((EINGEFUEGT, " ".join(b[j1:j2])))
    return links, rechts
