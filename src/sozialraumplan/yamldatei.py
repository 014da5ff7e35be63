"""YAML files read with the line and column of every value, and duplicate keys caught.

PyYAML keeps positions only on its node tree, so we build Python data from the nodes
ourselves and remember where each key and value stood. Positions are 1-based.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .befund import Befund

Pfad = tuple[str | int, ...]


@dataclass
class YamlDokument:
    """The data of one YAML file and where each part of it stands."""

    datei: str
    daten: Any
    text: str = ""
    werte: dict[Pfad, tuple[int, int]] = field(default_factory=dict)
    schluessel: dict[Pfad, tuple[int, int]] = field(default_factory=dict)

    def position(self, pfad: Pfad, *, schluessel: bool = False) -> tuple[int, int]:
        """Line and column of the value at `pfad`, else of its nearest existing parent."""
        tabelle = self.schluessel if schluessel else self.werte
        while pfad:
            if pfad in tabelle:
                return tabelle[pfad]
            if pfad in self.werte:
                return self.werte[pfad]
            pfad = pfad[:-1]
        return self.werte.get((), (1, 1))

    def zeile_mit(self, pfad: Pfad, muster: re.Pattern[str]) -> tuple[int, int]:
        """The line inside a (multi-line) value where `muster` first matches, else the value's start."""
        zeile, spalte = self.position(pfad)
        for nummer, inhalt in enumerate(self.text.splitlines()[zeile - 1:], start=zeile):
            treffer = muster.search(inhalt)
            if treffer:
                return nummer, treffer.start() + 1
        return zeile, spalte


class _Bauer(yaml.constructor.SafeConstructor):
    """Builds Python values from YAML nodes while recording positions."""

    def __init__(self, dokument: YamlDokument, befunde: list[Befund]) -> None:
        super().__init__()
        self.dokument = dokument
        self.befunde = befunde

    def bauen(self, knoten: yaml.Node, pfad: Pfad) -> Any:
        self.dokument.werte[pfad] = _pos(knoten)
        if isinstance(knoten, yaml.MappingNode):
            self.flatten_mapping(knoten)  # resolves `<<:` merge keys like PyYAML does
            ergebnis: dict[Any, Any] = {}
            for schluessel_knoten, wert_knoten in knoten.value:
                schluessel = self.construct_object(schluessel_knoten, deep=True)
                if not isinstance(schluessel, (str, int)):
                    schluessel = str(schluessel)
                if schluessel in ergebnis:
                    zeile, spalte = _pos(schluessel_knoten)
                    self.befunde.append(
                        Befund(
                            self.dokument.datei,
                            zeile,
                            spalte,
                            f"Der Schlüssel „{schluessel}“ steht doppelt in diesem Abschnitt",
                            "löschen Sie eine der beiden Zeilen",
                        )
                    )
                    continue
                self.dokument.schluessel[pfad + (schluessel,)] = _pos(schluessel_knoten)
                ergebnis[schluessel] = self.bauen(wert_knoten, pfad + (schluessel,))
            return ergebnis
        if isinstance(knoten, yaml.SequenceNode):
            return [self.bauen(kind, pfad + (i,)) for i, kind in enumerate(knoten.value)]
        return self.construct_object(knoten, deep=True)


def _pos(knoten: yaml.Node) -> tuple[int, int]:
    return knoten.start_mark.line + 1, knoten.start_mark.column + 1


def yaml_lesen(datei: str, inhalt: bytes) -> tuple[YamlDokument | None, list[Befund]]:
    """Parse one YAML file; on a syntax error return None and a finding with its place."""
    befunde: list[Befund] = []
    try:
        text = inhalt.decode("utf-8-sig")
    except UnicodeDecodeError as fehler:
        zeile = inhalt[: fehler.start].count(b"\n") + 1
        return None, [
            Befund(datei, zeile, 1, "Die Datei ist nicht in UTF-8 gespeichert",
                   "speichern Sie sie im Editor mit der Kodierung UTF-8")
        ]
    dokument = YamlDokument(datei, None, text)
    try:
        knoten = yaml.compose(text, Loader=yaml.SafeLoader)
        if knoten is None:
            dokument.daten = None
        else:
            dokument.daten = _Bauer(dokument, befunde).bauen(knoten, ())
    except yaml.MarkedYAMLError as fehler:
        marke = fehler.problem_mark or fehler.context_mark
        zeile, spalte = (marke.line + 1, marke.column + 1) if marke else (1, 1)
        return None, [
            Befund(datei, zeile, spalte,
                   f"Die Datei ist kein gültiges YAML ({_yaml_problem(fehler)})",
                   "prüfen Sie Einrückung, Doppelpunkte und Anführungszeichen in dieser Zeile "
                   "und der Zeile davor")
        ]
    except yaml.YAMLError as fehler:
        return None, [Befund(datei, 1, 1, f"Die Datei ist kein gültiges YAML ({fehler})",
                             "prüfen Sie den Aufbau der Datei")]
    return dokument, befunde


_YAML_PROBLEME = {
    "mapping values are not allowed here": "ein Doppelpunkt steht an einer unerwarteten Stelle",
    "could not find expected ':'": "ein Doppelpunkt fehlt",
    "found character '\\t' that cannot start any token": "Tabulatoren sind nicht erlaubt, nur Leerzeichen",
    "did not find expected key": "die Einrückung passt nicht",
    "found undefined alias": "ein Verweis mit * ist nicht definiert",
    "found unexpected end of stream": "die Datei endet mitten in einem Wert",
    "did not find expected '-' indicator": "die Einrückung einer Liste passt nicht",
}


def _yaml_problem(fehler: yaml.MarkedYAMLError) -> str:
    problem = fehler.problem or ""
    for englisch, deutsch in _YAML_PROBLEME.items():
        if problem.startswith(englisch):
            return deutsch
    return problem
