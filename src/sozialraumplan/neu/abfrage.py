"""Collecting the answers: from command-line options, and at a terminal by asking in German."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TextIO

from ..laden import rohplan_laden
from ..model import GESAMTSTADT
from ..quelle import Quelle
from .felder import Eingabefehler, Feld, auswahl, frage, pflicht, umwandeln
from .vorlagen import Vorlage, Werte

_HOECHSTENS_GEZEIGT = 8


class Abbruch(Exception):
    """The person ended the input (Ctrl-D) before all answers were given."""


def bekannte_kennungen(quelle: Quelle) -> dict[str, list[str]]:
    """Ids that exist in the plan, offered at the prompt so nobody has to look them up."""
    roh = rohplan_laden(quelle)
    return {
        "leitlinie": [g.wert.id for g in roh.entitaeten["leitlinie"]],
        "gremium": [g.wert.id for g in roh.entitaeten["gremium"]],
        "stadtteil": [GESAMTSTADT] + [s.id for s in roh.stadtteile],
    }


@dataclass
class Befragung:
    """Asks a person at a terminal for one field, until the answer can be read."""

    eingabe: TextIO
    ausgabe: TextIO
    bekannte: Mapping[str, list[str]] = field(default_factory=dict)

    def fragen(self, vorlage: Vorlage, feld: Feld) -> object | None:
        """The converted answer, or None for an optional field left empty."""
        modell = vorlage.art.modell
        noetig = pflicht(modell, feld)
        while True:
            antwort = self._lesen(self._frage(vorlage, feld, noetig), feld.mehrzeilig)
            if not antwort.strip():
                if feld.vorgabe is not None:
                    return umwandeln(modell, feld, feld.vorgabe())
                if not noetig:
                    return None
                self._sagen("  Diese Angabe ist nötig.")
                continue
            try:
                return umwandeln(modell, feld, antwort)
            except Eingabefehler as fehler:
                self._sagen(f"  {fehler}")

    def _frage(self, vorlage: Vorlage, feld: Feld, noetig: bool) -> str:
        zusaetze = []
        erlaubt = auswahl(vorlage.art.modell, feld)
        if erlaubt:
            zusaetze.append(" / ".join(erlaubt))
        bekannt = self.bekannte.get(feld.verweis or "", [])
        if bekannt:
            gezeigt = ", ".join(bekannt[:_HOECHSTENS_GEZEIGT])
            zusaetze.append("vorhanden: " + gezeigt + (", …" if len(bekannt) > _HOECHSTENS_GEZEIGT else ""))
        if feld.vorgabe is not None:
            zusaetze.append(f"Eingabetaste für „{feld.vorgabe()}“")
        elif not noetig:
            zusaetze.append("freiwillig, Eingabetaste zum Überspringen")
        text = frage(vorlage.art.modell, feld) + (f" [{'; '.join(zusaetze)}]" if zusaetze else "")
        if feld.mehrzeilig:
            return text + "\n  (mehrere Zeilen möglich; eine leere Zeile beendet die Eingabe)\n"
        return text + ": "

    def _lesen(self, text: str, mehrzeilig: bool) -> str:
        self.ausgabe.write(text)
        self.ausgabe.flush()
        zeilen: list[str] = []
        while True:
            zeile = self.eingabe.readline()
            if not zeile:
                raise Abbruch
            zeile = zeile.rstrip("\n")
            if not mehrzeilig:
                return zeile
            if not zeile.strip():
                return "\n".join(zeilen)
            zeilen.append(zeile)
            self.ausgabe.write("> ")
            self.ausgabe.flush()

    def _sagen(self, text: str) -> None:
        print(text, file=self.ausgabe)


@dataclass
class Antworten:
    werte: Werte
    fehler: list[str]
    """German messages: values that cannot be read, required fields nobody gave."""


def werte_sammeln(vorlage: Vorlage, angaben: Mapping[str, object], befragung: Befragung | None) -> Antworten:
    """Answers for every field: from `angaben` (by `Feld.schluessel`), else asked, else the default.

    Without a `befragung` nothing is asked: missing required fields become one message listing
    each option, so a script or a CI job learns everything that is missing at once.
    """
    modell = vorlage.art.modell
    werte: Werte = {}
    fehler: list[str] = []
    fehlend: list[Feld] = []
    for feld in vorlage.felder:
        roh = angaben.get(feld.schluessel)
        if roh not in (None, []):
            try:
                werte[feld.pfad] = umwandeln(modell, feld, roh)  # type: ignore[arg-type]
            except Eingabefehler as eingabefehler:
                fehler.append(str(eingabefehler))
        elif befragung is not None:
            antwort = befragung.fragen(vorlage, feld)
            if antwort is not None:
                werte[feld.pfad] = antwort
        elif feld.vorgabe is not None:
            werte[feld.pfad] = umwandeln(modell, feld, feld.vorgabe())
        elif pflicht(modell, feld):
            fehlend.append(feld)
    if fehlend:
        fehler.append("Es fehlen Angaben:\n" + "\n".join(f"  --{f.option}: {frage(modell, f)}" for f in fehlend)
                      + "\nGeben Sie sie als Optionen an, oder starten Sie den Befehl in einem Terminal: "
                      "dann fragt er danach.")
    return Antworten(werte, fehler)
