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
from .quelle import utf8_text, zu_gross

Pfad = tuple[str | int, ...]

_LADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser where PyYAML was built with it: twenty times faster, same node tree."""

TIEFSTE_VERSCHACHTELUNG = 32
"""Plan files nest four or five levels; far deeper nesting is an attack on the recursive composer."""
LAENGSTE_GANZZAHL = 20
"""Characters of the longest integer accepted (no count in a plan comes near; Python refuses
to convert integers of more than 4300 digits at all)."""
HOECHSTENS_WERTE = 20_000
"""Values (and lists and sections) in one file. The largest plan file has a few hundred; a file
of two MiB could have a million, and every one costs memory for its node and its position."""
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
    marke = knoten.start_mark
    if marke is None:  # the parser marks every node and event; only hand-built ones lack a mark
        return 1, 1
    return marke.line + 1, marke.column + 1


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
    "menge": (f"Die Datei enthält mehr als {HOECHSTENS_WERTE:,} Werte".replace(",", "."),
              "Plandateien haben einige hundert Angaben; prüfen Sie, ob die richtige Datei gespeichert ist"),
}


def _vorpruefen(datei: str, text: str) -> list[Befund]:
    """What the event stream shows before any node is built: anchors, aliases, merge keys,
    tags, nesting depth and the number of values. Raises PyYAML's errors for broken syntax,
    like `compose` would."""
    befunde, tiefe, knoten = [], 0, 0
    for ereignis in yaml.parse(text, Loader=_LADER):
        gruende = []
        knoten += isinstance(ereignis, yaml.NodeEvent)
        if knoten > HOECHSTENS_WERTE:
            gruende.append("menge")
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
        if "tiefe" in gruende or "menge" in gruende or len(befunde) >= HOECHSTENS_BEFUNDE:
            break
    return befunde[:HOECHSTENS_BEFUNDE]


def yaml_lesen(datei: str, inhalt: bytes) -> tuple[YamlDokument | None, list[Befund]]:
    """Parse one YAML file; on a syntax error return None and a finding with its place.

    Never raises: whatever the bytes are, the answer is a document or findings.
    """
    zu_viel = zu_gross(datei, inhalt, "yaml")
    if zu_viel is not None:
        return None, [zu_viel]
    text, zeile = utf8_text(inhalt)
    if text is None:
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
        return None, [syntaxfehler(datei, fehler, text)]
    except yaml.reader.ReaderError as fehler:
        zeile = text[: fehler.position].count("\n") + 1
        zeichen = f"U+{fehler.character:04X}" if isinstance(fehler.character, int) else "ein Steuerzeichen"
        return None, [Befund(datei, zeile, 1, f"Die Datei enthält ein unsichtbares Steuerzeichen ({zeichen})",
                             "löschen Sie das Zeichen; es entsteht oft beim Kopieren aus anderen Programmen")]
    except Exception:  # a hostile file must end in a finding, whatever PyYAML raises (its text is English)
        return None, [Befund(datei, 1, 1, "Die Datei ist kein lesbares YAML",
                             "prüfen Sie den Aufbau der Datei; vergleichen Sie ihn mit einer anderen Datei im "
                             "selben Ordner")]
    return dokument, befunde


# --- Syntax errors ------------------------------------------------------------------------------
# PyYAML describes a syntax error in English, as a problem (where the scanner or parser gave up)
# and often a context (where the construct it was reading began). Editors need the place to fix
# and a German sentence, so each error is first sorted into a kind, then worded from a table.

Stelle = tuple[int, int]
"""0-based line and column, as in PyYAML's marks."""

_SYNTAXARTEN: tuple[tuple[str, str, str], ...] = (
    # (context, problem, kind): regular expressions searched in PyYAML's texts; the first fit wins.
    # libyaml (CSafeLoader) and PyYAML's own scanner and parser word the same problem differently.
    (r"quoted scalar", r"end of stream|document (indicator|separator)", "anfuehrung_offen"),
    (r"quoted scalar", r"escape|hexa?decimal|Unicode", "escape"),
    (r"flow sequence", r"',' or '\]'", "eckig"),
    (r"flow mapping", r"',' or '\}'", "geschweift"),
    (r"simple key", r"expected ':'", "doppelpunkt_fehlt"),
    (r"block collection", r"'-' indicator|<block end>", "strich_fehlt"),
    (r"block mapping", r"expected key|<block end>", "schluessel_erwartet"),
    (r"", r"mapping values are not allowed", "doppelpunkt_im_wert"),
    (r"", r"sequence entries are not allowed", "strich_im_wert"),
    (r"", r"tab character|'\\t'", "tabulator"),
    (r"", r"cannot start any token|mapping keys are not allowed|undefined alias|duplicate anchor", "zeichen"),
    (r"single document", r"", "zweites_dokument"),
    (r"directive", r"", "direktive"),
    (r"", r"document start|directive|YAML document|version", "direktive"),
    (r"anchor|alias|tag", r"", "zeichen_am_anfang"),
    (r"", r"tag handle|non-specific tag", "zeichen_am_anfang"),
    (r"block scalar", r"", "blockkopf"),
    (r"", r"node content", "wert_fehlt"),
    (r"", r"unexpected ':'", "doppelpunkt_in_klammer"),
    (r"", r"end of stream", "ende"),
    # the same problems should the parser give no (or another) context
    (r"", r"document (indicator|separator)", "anfuehrung_offen"),
    (r"", r"escape|hexa?decimal", "escape"),
    (r"", r"expected ':'", "doppelpunkt_fehlt"),
    (r"", r"'-' indicator", "strich_fehlt"),
    (r"", r"expected key|<block end>", "schluessel_erwartet"),
    (r"", r"another document", "zweites_dokument"),
    (r"", r"indentation indicator|chomping", "blockkopf"),
)

_IN_ANFUEHRUNG = "setzen Sie den ganzen Wert in Anführungszeichen{beispiel}"
_SYNTAXTEXTE: dict[str, tuple[str, str]] = {
    "anfuehrung_offen": ("Ein Anführungszeichen, das in Zeile {beginn} beginnt, wird nicht geschlossen",
                         "schließen Sie es am Ende des Werts"),
    "anfuehrung_spaet": ("Ein Anführungszeichen, das in Zeile {beginn} beginnt, wird erst in Zeile {ende} geschlossen",
                         "schließen Sie es am Ende des Werts in Zeile {beginn}; ein Wert in Anführungszeichen "
                         "endet in derselben Zeile"),
    "text_nach_anfuehrung": ("Nach dem Wert in Anführungszeichen steht noch Text",
                             "setzen Sie den ganzen Wert in Anführungszeichen; ein Apostroph innerhalb von '…' "
                             "wird verdoppelt (''), innerhalb von \"…\" schreiben Sie \\\""),
    "escape": ("Nach einem „\\“ in doppelten Anführungszeichen steht ein unbekanntes Zeichen",
               "schreiben Sie „\\\\“ für einen umgekehrten Schrägstrich oder setzen Sie den Wert in einfache "
               "Anführungszeichen '…'"),
    "eckig_offen": ("Die Klammer „[“, die in Zeile {beginn} beginnt, wird nicht geschlossen",
                    "schließen Sie die Liste mit „]“, z. B. [L1, L2]"),
    "eckig_komma": ("In der Liste in eckigen Klammern fehlt ein Komma",
                    "trennen Sie die Einträge mit Kommas, z. B. [L1, L2]; enthält ein Eintrag ein Komma, eine "
                    "Klammer oder einen Doppelpunkt, setzen Sie ihn in Anführungszeichen"),
    "geschweift_offen": ("Die Klammer „{“, die in Zeile {beginn} beginnt, wird nicht geschlossen",
                         "schließen Sie den Abschnitt mit „}“, z. B. {beginn: \"2025-01\"}"),
    "geschweift_komma": ("Im Abschnitt in geschweiften Klammern fehlt ein Komma",
                         "trennen Sie die Angaben mit Kommas, z. B. {beginn: \"2025-01\", ende: \"2026-12\"}"),
    "doppelpunkt_fehlt": ("In Zeile {beginn} fehlt der Doppelpunkt nach dem Schlüssel",
                          "schreiben Sie „schlüssel: wert“; gehört die Zeile zum Text der Zeile darüber, rücken "
                          "Sie sie weiter ein als dessen Schlüssel"),
    "leerzeichen_fehlt": ("In Zeile {beginn} fehlt das Leerzeichen nach dem Doppelpunkt",
                          "schreiben Sie „schlüssel: wert“ mit einem Leerzeichen nach dem Doppelpunkt"),
    "strich_fehlt": ("Zeile {zeile} steht in der Liste, die in Zeile {beginn} beginnt, aber ohne „- “",
                     "beginnen Sie jeden Eintrag der Liste mit „- “; ist die Zeile eine neue Angabe, rücken Sie "
                     "sie so weit ein wie den Schlüssel der Liste"),
    "strich_in_abschnitt": ("Ein Listeneintrag „- “ steht, wo eine Angabe „schlüssel: wert“ erwartet wird",
                            "Listeneinträge stehen gleich weit eingerückt unter ihrem Schlüssel (z. B. "
                            "„leitlinien:“ und darunter „  - L1“); gehört der Eintrag zu keiner Liste, löschen "
                            "Sie „- “"),
    "klammer_zu_viel": ("Die Klammer „{zeichen}“ ist zu viel",
                        "löschen Sie sie oder ergänzen Sie die öffnende Klammer davor"),
    "einrueckung": ("Zeile {zeile} ist anders eingerückt als die Angaben darüber",
                    "rücken Sie sie mit genauso vielen Leerzeichen ein wie die anderen Angaben desselben "
                    "Abschnitts"),
    "einrueckung_tiefer": ("Zeile {zeile} ist tiefer eingerückt als die Zeile darüber",
                           "rücken Sie sie genauso weit ein wie die anderen Angaben desselben Abschnitts; gehört "
                           "sie zum Wert darüber, setzen Sie diesen Wert in Anführungszeichen"),
    "doppelpunkt_im_wert": ("Der Wert enthält einen Doppelpunkt mit Leerzeichen („: “)", _IN_ANFUEHRUNG),
    "strich_im_wert": ("Ein Listeneintrag „- “ steht in derselben Zeile wie sein Schlüssel",
                       "schreiben Sie jeden Eintrag in eine eigene, eingerückte Zeile darunter; gehört „- “ zum "
                       "Text, setzen Sie den ganzen Wert in Anführungszeichen"),
    "tabulator": ("In Zeile {zeile} steht ein Tabulator, wo nur Leerzeichen erlaubt sind",
                  "ersetzen Sie den Tabulator durch Leerzeichen (zwei je Ebene der Einrückung)"),
    "zeichen": ("„{zeichen}“ darf nicht am Anfang eines Werts stehen", _IN_ANFUEHRUNG),
    "blockkopf": ("Nach „|“ oder „>“ steht in derselben Zeile noch etwas",
                  "schreiben Sie nur „|“ ans Ende der Zeile und den Text eingerückt in die Zeilen darunter"),
    "zweites_dokument": ("Nach der Zeile „---“ beginnt ein zweites Dokument",
                         "eine Datei enthält genau einen Eintrag: löschen Sie die Zeile „---“ oder legen Sie "
                         "für den Rest eine eigene Datei an"),
    "direktive": ("Eine Zeile, die mit „%“ beginnt, ist in Plandateien nicht erlaubt",
                  "löschen Sie die Zeile; beginnt ein Wert mit %, setzen Sie ihn in Anführungszeichen"),
    "wert_fehlt": ("An dieser Stelle fehlt ein Wert",
                   "tragen Sie einen Wert ein; beginnt er mit einem Sonderzeichen, setzen Sie ihn in "
                   "Anführungszeichen"),
    "doppelpunkt_in_klammer": ("In der Klammer steht ein Doppelpunkt an einer unerwarteten Stelle",
                               "setzen Sie den Eintrag in Anführungszeichen"),
    "ende": ("Die Datei endet mitten in einer Angabe",
             "prüfen Sie die letzten Zeilen: fehlt ein Anführungszeichen, eine Klammer oder ein Wert?"),
    "unbekannt": ("Die Datei ist kein gültiges YAML",
                  "prüfen Sie Einrückung, Doppelpunkte und Anführungszeichen in dieser Zeile und der Zeile "
                  "davor"),
}
"""Every kind of syntax error: German message and fix. `{zeile}` is the line the finding is placed
on, `{beginn}` the line where the broken construct began."""

_ZEILENUMBRUCH = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
"""The line breaks YAML counts (PyYAML's marks count lines the same way)."""
_WERTZEILE = re.compile(r"^(\s*(?:- )?[^\s#'\"\-?:&*!|>%@`][^:#]*?):[ \t]+(\S.*?)\s*$")
"""A line `schlüssel: wert` whose value a pair of quotes would repair."""


def syntaxfehler(datei: str, fehler: yaml.MarkedYAMLError, text: str) -> Befund:
    """PyYAML's syntax error as a German finding, placed where the editor has to act: an unclosed
    quote or bracket where it opens, a missing colon on its own line (not where the scanner gave
    up, often the end of the file)."""
    zeilen = _ZEILENUMBRUCH.split(text)
    art, stelle, werte = _syntaxart(fehler, zeilen, text)
    if fehler.context_mark is not None:
        werte.setdefault("beginn", str(fehler.context_mark.line + 1))
    werte.setdefault("zeile", str(stelle[0] + 1))
    meldung, hinweis = _SYNTAXTEXTE[art]
    for name, wert in werte.items():
        meldung, hinweis = meldung.replace(f"{{{name}}}", wert), hinweis.replace(f"{{{name}}}", wert)
    return Befund(datei, stelle[0] + 1, stelle[1] + 1, meldung, hinweis)


def _syntaxart(fehler: yaml.MarkedYAMLError, zeilen: list[str], text: str) -> tuple[str, Stelle, dict[str, str]]:
    """The kind of the error (a key of `_SYNTAXTEXTE`), where to report it, and values for its text."""
    kontext, problem = fehler.context or "", fehler.problem or ""
    art = next((a for k, p, a in _SYNTAXARTEN if re.search(k, kontext) and re.search(p, problem)), "unbekannt")
    hinten = _stelle(fehler.problem_mark or fehler.context_mark)
    vorn = _stelle(fehler.context_mark) if fehler.context_mark is not None else hinten
    zeichen = _zeichen(zeilen, hinten)

    if art in ("anfuehrung_offen", "doppelpunkt_fehlt", "blockkopf"):
        if art == "doppelpunkt_fehlt" and re.search(r"[^\s:]:[^\s:]", _zeile(zeilen, vorn[0])) \
                and not re.search(r":(\s|$)", _zeile(zeilen, vorn[0])):
            art = "leerzeichen_fehlt"
        return art, vorn, {}
    if art in ("eckig", "geschweift"):
        schliessend = "]" if art == "eckig" else "}"
        offen = hinten[0] > vorn[0] or schliessend not in _zeile(zeilen, vorn[0])[vorn[1]:]
        return (f"{art}_offen", vorn, {}) if offen else (f"{art}_komma", hinten, {})
    if art in ("schluessel_erwartet", "strich_fehlt", "wert_fehlt", "unbekannt"):
        anfuehrung = _anfuehrung_davor(text, zeilen, hinten)
        if anfuehrung is not None and anfuehrung[0] < hinten[0]:
            return "anfuehrung_spaet", anfuehrung, {"beginn": str(anfuehrung[0] + 1), "ende": str(hinten[0] + 1)}
        if anfuehrung is not None:
            return "text_nach_anfuehrung", hinten, {}
    if art == "schluessel_erwartet":
        danach = _zeile(zeilen, hinten[0])[hinten[1] + 1:hinten[1] + 2]
        if zeichen == "-" and danach in ("", " ", "\t"):
            return "strich_in_abschnitt", hinten, {}
        if zeichen in ("]", "}"):
            return "klammer_zu_viel", hinten, {"zeichen": zeichen}
        return "einrueckung", hinten, {}
    if art == "doppelpunkt_im_wert":
        zeile = _zeile(zeilen, hinten[0])
        if re.search(r":(\s|$)", zeile[:hinten[1]]):
            return art, hinten, {"beispiel": _beispiel(zeile)}
        davor = _vorige_zeile(zeilen, hinten[0])
        if davor is not None and not re.search(r":(\s|$)", zeilen[davor]) \
                and not zeilen[davor].lstrip().startswith("-"):
            einzug = len(zeilen[davor]) - len(zeilen[davor].lstrip())
            return "doppelpunkt_fehlt", (davor, einzug), {"beginn": str(davor + 1)}
        return "einrueckung_tiefer", (hinten[0], len(zeile) - len(zeile.lstrip())), {}
    if art == "escape":  # libyaml points at the backslash, PyYAML at the letter after it
        rueckwaerts = _zeile(zeilen, hinten[0]).rfind("\\", 0, hinten[1] + 1)
        return art, (hinten[0], rueckwaerts) if rueckwaerts >= 0 else hinten, {}
    if art == "zeichen_am_anfang":
        art, hinten = "zeichen", vorn
        zeichen = _zeichen(zeilen, vorn)
    if art == "wert_fehlt" and zeichen and not zeichen.isalnum() and not zeichen.isspace():
        art = "zeichen"
    if art == "zeichen" and zeichen == "\t":
        art = "tabulator"
    if art == "zeichen":
        return art, hinten, {"zeichen": zeichen, "beispiel": _beispiel(_zeile(zeilen, hinten[0]))}
    if art == "direktive":
        prozent = next((n for n, z in enumerate(zeilen) if z.startswith("%")), None)
        return art, (prozent, 0) if prozent is not None else vorn, {}
    return art, hinten, {}


def _stelle(marke: Any) -> Stelle:
    return (marke.line, marke.column) if marke is not None else (0, 0)


def _zeile(zeilen: list[str], nummer: int) -> str:
    return zeilen[nummer] if 0 <= nummer < len(zeilen) else ""


def _zeichen(zeilen: list[str], stelle: Stelle) -> str:
    return _zeile(zeilen, stelle[0])[stelle[1]:stelle[1] + 1]


def _vorige_zeile(zeilen: list[str], nummer: int) -> int | None:
    """The nearest line above with content (blank lines and comments do not count)."""
    for davor in range(nummer - 1, -1, -1):
        if zeilen[davor].strip() and not zeilen[davor].lstrip().startswith("#"):
            return davor
    return None


def _beispiel(zeile: str) -> str:
    """`, z. B. „titel: "…"“` for a line `titel: …` whose value quotes would repair; else empty."""
    treffer = _WERTZEILE.match(zeile)
    wert = treffer.group(2) if treffer else ""
    if treffer is None or not wert or wert[0] in "[{" or '"' in wert or "\\" in wert or len(wert) > 60:
        return ""
    return f", z. B. „{treffer.group(1).strip()}: \"{wert}\"“"


def _anfuehrung_davor(text: str, zeilen: list[str], stelle: Stelle) -> Stelle | None:
    """Where the quoted value begins that ends right before `stelle` on the same line, if one does.

    A quote left open is closed by the next quote in the file, often lines further down; the
    parser then stumbles over the text after it. Only PyYAML's own scanner hands out its tokens,
    so the text up to that line is scanned once more (only for a file that is broken anyway).
    """
    umbrueche = _ZEILENUMBRUCH.finditer(text)
    ende = next((u.end() for n, u in enumerate(umbrueche) if n == stelle[0]), len(text))
    lader = yaml.SafeLoader(text[:ende])
    gelesen: list[Any] = []
    try:
        while lader.check_token():
            gelesen.append(lader.get_token())
    except yaml.YAMLError:
        gelesen += list(lader.tokens)
    finally:
        lader.dispose()
    for token in reversed(gelesen):
        if token.start_mark.line > stelle[0] or (token.start_mark.line, token.start_mark.column) >= stelle:
            continue
        if not isinstance(token, yaml.ScalarToken) or token.style not in ("'", '"'):
            return None
        zwischen = _zeile(zeilen, stelle[0])[token.end_mark.column:stelle[1]]
        if token.end_mark.line != stelle[0] or zwischen.strip():
            return None
        return token.start_mark.line, token.start_mark.column
    return None
