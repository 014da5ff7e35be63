"""The fields of a new file: how each is asked for, given as an option and read from text.

Only the input side lives here (which option, how a typed answer becomes a YAML value). What a
field is called and what it means is the model's business, as is whether a value is allowed:
the question is the field's German title, the option help its description, required fields
and the choices of an enum are read from the pydantic model, and the finished file is checked
by the same validation as every other file of the plan.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum

import annotated_types
from pydantic import BaseModel

from ..meldungen import vorschlag
from ..modellfelder import modellfeld

_MONAT = re.compile(r"^\d{4}-\d{2}$")
_DATUM = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TRENNER = re.compile(r"[,;\s]+")


class Eingabe(Enum):
    """How an answer is typed and how it is written to YAML."""

    TEXT = "text"
    """One line."""
    LANGTEXT = "langtext"
    """Several lines, kept as they are (Leichte Sprache puts one sentence on each line)."""
    LISTE = "liste"
    """Several free texts: the option repeated, or one line each at the prompt."""
    KENNUNGEN = "kennungen"
    """Several ids, separated by commas or spaces; written as a short list `[L1, L3]`."""
    KENNUNG = "kennung"
    AUSWAHL = "auswahl"
    """One value of the field's enum."""
    ZAHL = "zahl"
    DATUM = "datum"
    MONAT = "monat"


class Eingabefehler(ValueError):
    """An answer that cannot be read as what the field needs; the message is German."""


@dataclass(frozen=True)
class Feld:
    """One key of the new file, with the option that fills it and how an answer is typed."""

    pfad: tuple[str, ...]
    """YAML keys from the top, e.g. `("zeitraum", "beginn")`."""
    eingabe: Eingabe
    option: str
    """Command-line option without the dashes; singular for repeatable ones (`--leitlinie`)."""
    verweis: str | None = None
    """Which existing ids to offer at the prompt: `leitlinie`, `stadtteil` or `gremium`."""
    vorgabe: Callable[[], str] | None = None
    """The value taken when nothing is given."""

    @property
    def schluessel(self) -> str:
        return ".".join(self.pfad)

    @property
    def mehrfach(self) -> bool:
        return self.eingabe in (Eingabe.LISTE, Eingabe.KENNUNGEN)

    @property
    def mehrzeilig(self) -> bool:
        """Asked for line by line at the prompt, an empty line ends the answer."""
        return self.eingabe in (Eingabe.LANGTEXT, Eingabe.LISTE)


_FORM = {Eingabe.MONAT: "JJJJ-MM", Eingabe.DATUM: "JJJJ-MM-TT", Eingabe.KENNUNG: "Kennung",
         Eingabe.KENNUNGEN: "Kennungen"}
"""How an answer is written, where the title alone does not say it."""


def frage(modell: type[BaseModel], feld: Feld) -> str:
    """The question: the field's German title and the form of the answer, „Beginn (JJJJ-MM)“."""
    info = modellfeld(modell, feld.pfad)
    form = _FORM.get(feld.eingabe)
    if feld.eingabe is Eingabe.ZAHL:
        unten = next((m.ge for m in info.metadata if isinstance(m, annotated_types.Ge)), None)
        oben = next((m.le for m in info.metadata if isinstance(m, annotated_types.Le)), None)
        form = f"{unten} bis {oben}" if unten is not None and oben is not None else "ganze Zahl"
    titel = info.title or feld.schluessel
    return f"{titel} ({form})" if form else titel


def hilfe(modell: type[BaseModel], feld: Feld) -> str:
    """The option's help: the question and the field's German description."""
    beschreibung = modellfeld(modell, feld.pfad).description
    return f"{frage(modell, feld)} – {beschreibung}" if beschreibung else frage(modell, feld)


def pflicht(modell: type[BaseModel], feld: Feld) -> bool:
    """Required exactly when the model requires it."""
    return modellfeld(modell, feld.pfad).is_required()


def auswahl(modell: type[BaseModel], feld: Feld) -> list[str]:
    """The allowed values of an enum field, in the model's order."""
    annotation = modellfeld(modell, feld.pfad).annotation
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return [str(wert.value) for wert in annotation]
    return []


def umwandeln(modell: type[BaseModel], feld: Feld, roh: str | Sequence[str]) -> object:
    """The YAML value for what was typed; `Eingabefehler` when it cannot be read at all."""
    art = feld.eingabe
    if feld.mehrfach:
        teile = roh.splitlines() if isinstance(roh, str) else list(roh)  # a prompt answers line by line
        if art is Eingabe.KENNUNGEN:
            return [k for teil in teile for k in _TRENNER.split(teil) if k]
        return [t.strip() for t in teile if t.strip()]
    assert isinstance(roh, str), feld.schluessel  # single-valued options and prompts give one text
    text = roh
    if art is Eingabe.LANGTEXT:
        zeilen = [zeile.rstrip() for zeile in text.strip().splitlines()]
        # Several lines end with a line break, as in the hand-written files (`|` block, not `|-`).
        return "\n".join(zeilen) + ("\n" if len(zeilen) > 1 else "")
    text = text.strip()
    name = f"„{feld.schluessel}“"
    if art is Eingabe.ZAHL:
        try:
            return int(text)
        except ValueError:
            raise Eingabefehler(f"{name}: „{text}“ ist keine ganze Zahl — schreiben Sie z. B. 40") from None
    if art is Eingabe.DATUM:
        try:
            if _DATUM.match(text):
                return dt.date.fromisoformat(text)
        except ValueError:
            pass  # e.g. 2026-02-30: same message as for any other misspelt date
        raise Eingabefehler(f"{name}: „{text}“ ist kein Datum — schreiben Sie JJJJ-MM-TT, z. B. 2026-03-15")
    if art is Eingabe.MONAT and not _MONAT.match(text):
        raise Eingabefehler(f"{name}: „{text}“ ist kein Monat — schreiben Sie JJJJ-MM, z. B. 2026-03")
    if art is Eingabe.AUSWAHL:
        erlaubt = auswahl(modell, feld)
        if text not in erlaubt:
            tipp = vorschlag(text, erlaubt)
            raise Eingabefehler(f"{name}: „{text}“ ist nicht vorgesehen — "
                                + (tipp + " " if tipp else "") + "erlaubt sind: " + ", ".join(erlaubt))
    return text


def heute() -> str:
    """Default for review and meeting dates: the day the file is written."""
    return dt.date.today().isoformat()
