"""Errors as values: every problem found in the plan is a `Befund` with a place and a German fix."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Schwere(str, Enum):
    """How bad a finding is: errors stop the build, warnings are only printed."""

    FEHLER = "Fehler"
    WARNUNG = "Warnung"


@dataclass(frozen=True, order=True)
class Befund:
    """One finding: where it is, what is wrong and what the editor should do."""

    datei: str
    zeile: int
    spalte: int
    meldung: str
    hinweis: str = ""
    schwere: Schwere = Schwere.FEHLER

    def __str__(self) -> str:
        text = f"{self.datei}:{self.zeile}:{self.spalte}: {self.meldung}"
        if self.hinweis:
            text += f" — {self.hinweis}"
        if self.schwere is Schwere.WARNUNG:
            text += " (Warnung)"
        return text


class PlanUngueltig(Exception):
    """Raised when the plan has errors; carries all findings so they are reported together."""

    def __init__(self, befunde: list[Befund]) -> None:
        self.befunde = sorted(befunde)
        super().__init__("\n".join(str(b) for b in self.befunde))

    def bericht(self) -> str:
        """The German report an editor reads: every finding, then a count."""
        anzahl = sum(1 for b in self.befunde if b.schwere is Schwere.FEHLER)
        zeilen = [str(b) for b in self.befunde]
        zeilen.append(f"{anzahl} Fehler gefunden. Der Plan wurde nicht veröffentlicht.")
        return "\n".join(zeilen)


def nur_fehler(befunde: list[Befund]) -> list[Befund]:
    """The findings that block publishing."""
    return [b for b in befunde if b.schwere is Schwere.FEHLER]
