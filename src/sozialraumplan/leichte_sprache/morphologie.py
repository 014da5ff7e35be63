"""German parts of speech and word parts from HanTa, the Hanover Tagger.

HanTa ships its German model inside the wheel (`morphmodel_ger.pgz`), so nothing is fetched
at run time. It gives each word of a sentence a lemma and an STTS tag (`VV(PP)` for a past
participle, `ART` for an article, …) and splits a word into morphemes, which tells us where a
compound noun may take a hyphen: `Sozialraumplanung` → sozial + raum + planung.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from HanTa.HanoverTagger import HanoverTagger

# Morphemes that are no word of their own: they stick to the stem before or after them.
_ANHAENGSEL = ("SUF", "FUGE", "HYPHEN")
_VORSILBEN = ("PREF", "PTKVZ")


@functools.cache
def _tagger() -> HanoverTagger:
    from HanTa.HanoverTagger import HanoverTagger  # imported when a text is checked, not from the cache

    return HanoverTagger("morphmodel_ger.pgz")


def wortarten(tokens: list[str]) -> list[tuple[str, str]]:
    """Lemma and STTS tag of every token of one sentence, in order."""
    if not tokens:
        return []
    # A Mediopunkt is unknown to the model; it reads the compound like one with a hyphen.
    getaggt = _tagger().tag_sent([t.replace("·", "-") for t in tokens], taglevel=1)
    return [(lemma, tag) for _, lemma, tag in getaggt]


@functools.cache
def wortteile(wort: str) -> tuple[str, ...]:
    """The word split into its stems, spelt as in the word: `Bestandserhebung` → (`Bestands`,
    `erhebung`). Linking letters and endings stay with their stem; a prefix goes with the stem
    after it. A word HanTa cannot map back onto its letters is returned whole."""
    _, morpheme, _ = _tagger().analyze(wort, taglevel=3)
    if "".join(m for m, _ in morpheme).lower() != wort.lower():
        return (wort,)
    teile: list[str] = []
    vorsilbe = ""
    stelle = 0
    for morphem, tag in morpheme:
        stueck = wort[stelle : stelle + len(morphem)]
        stelle += len(morphem)
        if tag.startswith(_VORSILBEN):
            vorsilbe += stueck
        elif tag.startswith(_ANHAENGSEL) and teile:
            teile[-1] += stueck
        else:
            teile.append(vorsilbe + stueck)
            vorsilbe = ""
    if vorsilbe and teile:
        teile[-1] += vorsilbe
    elif vorsilbe:
        teile.append(vorsilbe)
    return tuple(teile)
