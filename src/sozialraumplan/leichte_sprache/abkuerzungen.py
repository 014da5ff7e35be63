"""Abbreviations with a point, and what to write instead in Leichte Sprache.

One table serves two jobs: the abbreviation rule names the long form, and the sentence
splitter learns that the point in `z. B.` does not end a sentence.
"""

from __future__ import annotations

import re

AUSGESCHRIEBEN: dict[str, str] = {
    "z. B.": "zum Beispiel",
    "bspw.": "zum Beispiel",
    "d. h.": "das heißt",
    "u. a.": "unter anderem",
    "u. ä.": "und so ähnlich",
    "o. ä.": "oder so ähnlich",
    "u. U.": "vielleicht",
    "u. v. m.": "und noch mehr",
    "i. d. R.": "meistens",
    "s. o.": "siehe oben",
    "s. u.": "siehe unten",
    "usw.": "und so weiter",
    "etc.": "und so weiter",
    "bzw.": "oder",
    "ca.": "ungefähr",
    "ggf.": "wenn nötig",
    "evtl.": "vielleicht",
    "inkl.": "mit",
    "zzgl.": "dazu kommt",
    "vgl.": "siehe auch",
    "sog.": "so genannt",
    "insb.": "besonders",
    "gem.": "nach",
    "lt.": "nach",
    "max.": "höchstens",
    "min.": "mindestens",
    "Nr.": "Nummer",
    "Str.": "Straße",
    "Tel.": "Telefon",
    "Abs.": "Absatz",
    "Abb.": "Bild",
    "Jh.": "Jahrhundert",
    "Mio.": "Millionen",
    "Mrd.": "Milliarden",
    "Tsd.": "Tausend",
    "Dr.": "Doktor",
    "Prof.": "Professor",
}

# `z. B.` is also written `z.B.`: any space between the parts is optional.
MUSTER = re.compile(
    r"(?<!\w)(?:"
    + "|".join(
        r"\s?".join(re.escape(teil + ".") for teil in kurz.rstrip(".").split(". "))
        for kurz in sorted(AUSGESCHRIEBEN, key=len, reverse=True)
    )
    + ")"
)

ABKUERZUNGS_TEILE = frozenset(
    teil for kurz in AUSGESCHRIEBEN for teil in kurz.replace(".", " ").split()
)
"""The words before a point that is part of an abbreviation, not the end of a sentence."""


def ausgeschrieben(fundstelle: str) -> str:
    """The long form of a found abbreviation (spaces in the finding do not matter)."""
    ohne_leerzeichen = fundstelle.replace(" ", "")
    return next(lang for kurz, lang in AUSGESCHRIEBEN.items() if kurz.replace(" ", "") == ohne_leerzeichen)
