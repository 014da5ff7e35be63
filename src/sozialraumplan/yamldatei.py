"""YAML files read with the line and column of every value, and duplicate keys caught.

PyYAML keeps positions only on its node tree, so we build Python data from the nodes
ourselves and remember where each key and value stood. Positions are 1-based.

Plan files come from editors and from pull requests, so nothing in them may crash or exhaust
the loader: anchors, aliases, merge keys and explicit tags are refused before any value is
built (an alias bomb expands only when values are built), nesting is limited, and a value
PyYAML cannot construct (`2024-02-30`) becomes a finding like any other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .befund import Befund
from .quelle import zu_gross

Pfad = tuple[str | int, ...]

_LADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser where PyYAML was built with it: twenty times faster, same node tree."""

TIEFSTE_VERSCHACHTELUNG = 32
"""Plan files nest four or five levels; far deeper nesting is an attack on the recursive composer."""
LAENGSTE_GANZZAHL = 20
"""Characters of the longest integer accepted (no count in a plan comes near; Python refuses
to convert integers of more than 4300 digits at all)."""
HOECHSTENS_BEFUNDE = 20
"""Findings of the pre-check per file: enough to show the pattern, not a flood."""


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
        self.unbaubar = False
        """A scalar could not be built: the document is refused, like one with a syntax error."""

    def bauen(self, knoten: yaml.Node, pfad: Pfad) -> Any:
        self.dokument.werte[pfad] = _pos(knoten)
        if isinstance(knoten, yaml.MappingNode):
            self.flatten_mapping(knoten)  # merge keys are refused before; this resolves `=` keys
            ergebnis: dict[Any, Any] = {}
            for schluessel_knoten, wert_knoten in knoten.value:
                schluessel = self._schluessel(schluessel_knoten)
                if schluessel is None:
                    continue
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
        return self._skalar(knoten, pfad)

    def _schluessel(self, knoten: yaml.Node) -> str | int | None:
        """A key as text or number; None (with a finding) for a list or section used as a key."""
        if not isinstance(knoten, yaml.ScalarNode):
            self._unbaubar(knoten, "Ein Schlüssel muss ein einfacher Name sein, keine Liste und kein Abschnitt",
                           "schreiben Sie „name: wert“ mit einem Namen ohne Klammern vor dem Doppelpunkt")
            return None
        schluessel = self._skalar(knoten, ())
        return schluessel if isinstance(schluessel, (str, int)) else str(schluessel)

    def _skalar(self, knoten: yaml.Node, pfad: Pfad) -> Any:
        """The scalar's value; a finding instead of PyYAML's exception when it cannot be built."""
        feld = f"„{'.'.join(str(t) for t in pfad)}“: " if pfad else ""
        wert = _kurz(str(knoten.value))
        if knoten.tag == "tag:yaml.org,2002:int" and len(str(knoten.value)) > LAENGSTE_GANZZAHL:
            self._unbaubar(knoten, f"{feld}Die Zahl „{wert}“ ist zu groß",
                           f"schreiben Sie höchstens {LAENGSTE_GANZZAHL} Ziffern; ist es keine Zahl, "
                           "setzen Sie den Wert in Anführungszeichen")
            return None
        try:
            return self.construct_object(knoten, deep=True)
        except Exception:  # PyYAML's constructors raise whatever int(), date() or base64 raise
            if knoten.tag == "tag:yaml.org,2002:timestamp":
                self._unbaubar(knoten, f"{feld}„{wert}“ ist kein gültiges Datum",
                               "schreiben Sie das Datum als JJJJ-MM-TT, z. B. 2025-03-31")
            else:
                self._unbaubar(knoten, f"{feld}„{wert}“ ist kein gültiger Wert",
                               "setzen Sie den Wert in Anführungszeichen")
            return None

    def _unbaubar(self, knoten: yaml.Node, meldung: str, hinweis: str) -> None:
        self.unbaubar = True
        self.befunde.append(Befund(self.dokument.datei, *_pos(knoten), meldung, hinweis))


def _pos(knoten: yaml.Node | yaml.Event) -> tuple[int, int]:
    return knoten.start_mark.line + 1, knoten.start_mark.column + 1


def _kurz(text: str, laenge: int = 40) -> str:
    """A value as quoted in a message: a megabyte of digits would drown the finding."""
    return text if len(text) <= laenge else text[:laenge] + "…"


_VORPRUEFUNG = {
    "anker": ("Anker mit „&“ sind in Plandateien nicht erlaubt",
              "schreiben Sie den Wert aus und löschen Sie „&name“"),
    "verweis": ("Verweise mit „*“ sind in Plandateien nicht erlaubt",
                "schreiben Sie den Wert an dieser Stelle aus; beginnt ein Text mit *, setzen Sie ihn in Anführungszeichen"),
    "verschmelzen": ("Das Zusammenführen mit „<<:“ ist in Plandateien nicht erlaubt",
                     "schreiben Sie die Angaben einzeln aus"),
    "typangabe": ("Typangaben mit „!“ sind in Plandateien nicht erlaubt",
                  "löschen Sie die Angabe mit „!“; beginnt ein Text mit !, setzen Sie ihn in Anführungszeichen"),
    "tiefe": ("Die Angaben sind zu tief verschachtelt",
              f"mehr als {TIEFSTE_VERSCHACHTELUNG} Ebenen braucht kein Plan; prüfen Sie Einrückung und Klammern"),
}


def _vorpruefen(datei: str, text: str) -> list[Befund]:
    """What the event stream shows before any node is built: anchors, aliases, merge keys,
    tags and nesting depth. Raises PyYAML's errors for broken syntax, like `compose` would."""
    befunde, tiefe = [], 0
    for ereignis in yaml.parse(text, Loader=_LADER):
        gruende = []
        if isinstance(ereignis, yaml.AliasEvent):
            gruende.append("verweis")
        elif isinstance(ereignis, yaml.NodeEvent):
            if ereignis.anchor is not None:
                gruende.append("anker")
            if getattr(ereignis, "tag", None) is not None:
                gruende.append("typangabe")
            if isinstance(ereignis, yaml.ScalarEvent) and ereignis.value == "<<" and ereignis.implicit[0]:
                gruende.append("verschmelzen")
        if isinstance(ereignis, yaml.CollectionStartEvent):
            tiefe += 1
            if tiefe > TIEFSTE_VERSCHACHTELUNG:
                gruende.append("tiefe")
        elif isinstance(ereignis, yaml.CollectionEndEvent):
            tiefe -= 1
        befunde += [Befund(datei, *_pos(ereignis), *_VORPRUEFUNG[g]) for g in gruende]
        if "tiefe" in gruende or len(befunde) >= HOECHSTENS_BEFUNDE:
            break
    return befunde[:HOECHSTENS_BEFUNDE]


def yaml_lesen(datei: str, inhalt: bytes) -> tuple[YamlDokument | None, list[Befund]]:
    """Parse one YAML file; on a syntax error return None and a finding with its place.

    Never raises: whatever the bytes are, the answer is a document or findings.
    """
    zu_viel = zu_gross(datei, inhalt, "yaml")
    if zu_viel is not None:
        return None, [zu_viel]
    try:
        text = inhalt.decode("utf-8-sig")
    except UnicodeDecodeError as fehler:
        zeile = inhalt[: fehler.start].count(b"\n") + 1
        return None, [
            Befund(datei, zeile, 1, "Die Datei ist nicht in UTF-8 gespeichert",
                   "speichern Sie sie im Editor mit der Kodierung UTF-8")
        ]
    befunde: list[Befund] = []
    dokument = YamlDokument(datei, None, text)
    try:
        vorab = _vorpruefen(datei, text)
        if vorab:
            return None, vorab
        knoten = yaml.compose(text, Loader=_LADER)
        if knoten is None:
            dokument.daten = None
        else:
            bauer = _Bauer(dokument, befunde)
            dokument.daten = bauer.bauen(knoten, ())
            if bauer.unbaubar:
                return None, befunde
    except yaml.MarkedYAMLError as fehler:
        marke = fehler.problem_mark or fehler.context_mark
        zeile, spalte = (marke.line + 1, marke.column + 1) if marke else (1, 1)
        return None, [
            Befund(datei, zeile, spalte,
                   f"Die Datei ist kein gültiges YAML ({_yaml_problem(fehler, text)})",
                   "prüfen Sie Einrückung, Doppelpunkte und Anführungszeichen in dieser Zeile "
                   "und der Zeile davor")
        ]
    except yaml.reader.ReaderError as fehler:
        zeile = text[: fehler.position].count("\n") + 1
        zeichen = f"U+{fehler.character:04X}" if isinstance(fehler.character, int) else "ein Steuerzeichen"
        return None, [Befund(datei, zeile, 1, f"Die Datei enthält ein unsichtbares Steuerzeichen ({zeichen})",
                             "löschen Sie das Zeichen; es entsteht oft beim Kopieren aus anderen Programmen")]
    except Exception as fehler:  # a hostile file must end in a finding, whatever PyYAML raises
        return None, [Befund(datei, 1, 1, f"Die Datei ist kein gültiges YAML ({_kurz(str(fehler), 120)})",
                             "prüfen Sie den Aufbau der Datei")]
    return dokument, befunde


_YAML_PROBLEME = {
    # PyYAML's own parser and libyaml phrase some problems differently; both are listed.
    "mapping values are not allowed": "ein Doppelpunkt steht an einer unerwarteten Stelle",
    "could not find expected ':'": "ein Doppelpunkt fehlt",
    "found character '\\t' that cannot start any token": "Tabulatoren sind nicht erlaubt, nur Leerzeichen",
    "found a tab character": "Tabulatoren sind nicht erlaubt, nur Leerzeichen",
    "block sequence entries are not allowed": "ein Listeneintrag „- “ steht an einer unerwarteten Stelle",
    "did not find expected node content": "an dieser Stelle fehlt ein Wert",
    "expected the node content": "an dieser Stelle fehlt ein Wert",
    "did not find expected comment or line break": "nach einem Wert in Anführungszeichen steht noch Text",
    "did not find expected key": "die Einrückung passt nicht",
    "found undefined alias": "ein Verweis mit * ist nicht definiert",
    "found unexpected end of stream": "die Datei endet mitten in einem Wert",
    "did not find expected '-' indicator": "die Einrückung einer Liste passt nicht",
    "expected <block end>": "die Einrückung passt nicht",
    "but found another document": "die Datei enthält mehr als ein Dokument; löschen Sie die Zeile mit „---“",
    "found unknown escape character": "nach einem \\ in Anführungszeichen steht ein unbekanntes Zeichen",
    "did not find expected ',' or ']'": "eine Liste in [ ] ist nicht geschlossen",
    "did not find expected ',' or '}'": "ein Abschnitt in { } ist nicht geschlossen",
    "expected ',' or ']'": "eine Liste in [ ] ist nicht geschlossen",
    "expected ',' or '}'": "ein Abschnitt in { } ist nicht geschlossen",
}


def _yaml_problem(fehler: yaml.MarkedYAMLError, text: str) -> str:
    problem = fehler.problem or ""
    if problem == "found character that cannot start any token":  # libyaml does not name the character
        zeilen = text.splitlines()
        marke = fehler.problem_mark
        zeichen = zeilen[marke.line][marke.column:marke.column + 1] if marke and marke.line < len(zeilen) else ""
        return ("Tabulatoren sind nicht erlaubt, nur Leerzeichen" if zeichen == "\t" else
                f"„{zeichen}“ darf nicht am Anfang eines Werts stehen; setzen Sie den Wert in Anführungszeichen")
    for englisch, deutsch in _YAML_PROBLEME.items():
        if problem.startswith(englisch):
            return deutsch
    return problem
