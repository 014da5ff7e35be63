"""Checks the plan's texts in Leichte Sprache (easy-to-read German) against its rules.

`pfade_pruefen` finds the texts (`leichte_sprache` values in YAML, pages below
`docs/leichte-sprache/`), cuts them into sentences, tags them with HanTa and runs the rules of
`regeln`. Each finding is a `Befund` with the file, line and column of the word to change.
"""

from .linter import Ergebnis, eigennamen, pfade_pruefen, text_pruefen
from .texte import LsText, aus_markdown, aus_yaml

__all__ = ["Ergebnis", "LsText", "aus_markdown", "aus_yaml", "eigennamen", "pfade_pruefen", "text_pruefen"]
