"""Load the non-public folder: every round and application, validated like the plan.

Findings are German, with file and line, and collected over all files before anything fails;
a round with any error yields no `Foerderung`, so nothing is built from half the data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import PurePosixPath
from typing import TypeVar

from ..atlas.zahlen import euro
from ..befund import Befund, nur_fehler
from ..laden import YAML_ENDUNGEN, dokument_lesen, nicht_gelesen, validieren
from ..model import GESAMTSTADT, Plan
from ..quelle import Quelle
from ..yamldatei import YamlDokument
from .modell import BETRAG_SCHLUESSEL, EIGENE_REGELN, Antrag, Runde

M = TypeVar("M", Antrag, Runde)

ORDNER = "foerderantraege"
RUNDE_DATEI = "runde.yml"
_JAHR = re.compile(r"^\d{4}$")
_TAUSENDERPUNKT = re.compile(r"^\d{1,3}(\.\d{3})+$")
"""`12.500` unquoted: YAML reads the number 12.5, a German reader means twelve thousand five hundred."""
_SKALAR = re.compile(r"[^\s,\]}#]*")
"""A plain scalar as written, up to a space, comment or the end of a flow list or section."""


@dataclass(frozen=True)
class GeladenerAntrag:
    antrag: Antrag
    datei: str


@dataclass
class Foerderrunde:
    runde: Runde
    datei: str
    antraege: list[GeladenerAntrag] = field(default_factory=list)


@dataclass
class Foerderung:
    """All rounds of the non-public folder, by year."""

    runden: list[Foerderrunde]

    def runde(self, jahr: int) -> Foerderrunde | None:
        return next((r for r in self.runden if r.runde.jahr == jahr), None)


def _schreibweise(dokument: YamlDokument) -> list[Befund]:
    """Amounts written `12.500` without quotes: YAML reads 12.5, so the amount would be wrong."""
    befunde = []
    zeilen = dokument.text.splitlines()
    for pfad, (zeile, spalte) in sorted(dokument.werte.items(), key=lambda e: e[1]):
        if not pfad or pfad[-1] not in BETRAG_SCHLUESSEL or not isinstance(_wert(dokument, pfad), float):
            continue
        roh = _SKALAR.match(zeilen[zeile - 1][spalte - 1:]).group(0)  # type: ignore[union-attr]
        if _TAUSENDERPUNKT.match(roh):
            befunde.append(Befund(dokument.datei, zeile, spalte,
                                  f"„{'.'.join(map(str, pfad))}“: „{roh}“ ist mehrdeutig – YAML liest "
                                  f"{roh.replace('.', ',', 1).rstrip('0').rstrip(',')}",
                                  f"schreiben Sie „\"{roh},00 €\"“ in Anführungszeichen oder {roh.replace('.', '')}"))
    return befunde


def _wert(dokument: YamlDokument, pfad: tuple) -> object:
    wert = dokument.daten
    for teil in pfad:
        try:
            wert = wert[teil]
        except (KeyError, IndexError, TypeError):
            return None
    return wert


def _validieren(modell: type[M], dokument: YamlDokument, befunde: list[Befund]) -> M | None:
    """The document as `modell`; an amount written `12.500` gets one finding that says why, not a
    second one about its decimal places."""
    mehrdeutig = _schreibweise(dokument)
    stellen = {(b.zeile, b.spalte) for b in mehrdeutig}
    eigene: list[Befund] = []
    wert = validieren(modell, dokument, eigene, EIGENE_REGELN)
    befunde += mehrdeutig + [b for b in eigene if (b.zeile, b.spalte) not in stellen]
    return None if mehrdeutig else wert


def _runde_laden(intern: Quelle, ordner: str, plan: Plan, befunde: list[Befund]) -> Foerderrunde | None:
    jahr = PurePosixPath(ordner).name
    pfad = f"{ordner}/{RUNDE_DATEI}"
    dokument = dokument_lesen(intern, pfad, befunde)
    if dokument is None:
        return None
    runde = _validieren(Runde, dokument, befunde)
    if runde is None:
        return None
    if str(runde.jahr) != jahr:
        befunde.append(Befund(pfad, *dokument.position(("jahr",)), f"Das Jahr {runde.jahr} passt nicht zum Ordner „{jahr}“",
                              f"setzen Sie „jahr: {jahr}“ oder verschieben Sie die Runde"))
    kennungen: set[str] = set()
    for nummer, kriterium in enumerate(runde.kriterien):
        if kriterium.id in kennungen:
            befunde.append(Befund(pfad, *dokument.position(("kriterien", nummer, "id")),
                                  f"Das Kriterium „{kriterium.id}“ steht doppelt", "wählen Sie eine andere Kennung"))
        kennungen.add(kriterium.id)
    ergebnis = Foerderrunde(runde, pfad)
    befunde += nicht_gelesen(intern, ordner)
    for datei in intern.dateien(ordner):
        if not datei.endswith(YAML_ENDUNGEN) or datei == pfad:
            continue
        antrag = _antrag_laden(intern, datei, runde, plan, befunde)
        if antrag is not None:
            ergebnis.antraege.append(GeladenerAntrag(antrag, datei))
    return ergebnis


def _antrag_laden(intern: Quelle, datei: str, runde: Runde, plan: Plan, befunde: list[Befund]) -> Antrag | None:
    dokument = dokument_lesen(intern, datei, befunde)
    if dokument is None:
        return None
    eigene: list[Befund] = []
    antrag = _validieren(Antrag, dokument, eigene)
    if antrag is not None:
        eigene += _antrag_pruefen(antrag, dokument, runde, plan)
    befunde += eigene
    return antrag if not nur_fehler(eigene) else None


def _antrag_pruefen(antrag: Antrag, dokument: YamlDokument, runde: Runde, plan: Plan) -> list[Befund]:
    """Rules across fields and files: name, year, references, sums, points."""
    datei = dokument.datei
    befunde: list[Befund] = []

    def befund(pfad: tuple, meldung: str, hinweis: str) -> None:
        befunde.append(Befund(datei, *dokument.position(pfad), meldung, hinweis))

    stamm = PurePosixPath(datei).stem
    if antrag.id != stamm:
        befund(("id",), f"Die Kennung „{antrag.id}“ passt nicht zum Dateinamen „{stamm}“",
               f"nennen Sie die Datei „{antrag.id}.yml“ oder setzen Sie „id: {stamm}“")
    if antrag.jahr != runde.jahr:
        befund(("jahr",), f"Das Jahr {antrag.jahr} passt nicht zur Runde {runde.jahr}",
               f"setzen Sie „jahr: {runde.jahr}“ oder legen Sie den Antrag in den Ordner {antrag.jahr}/")
    if not antrag.id.startswith(f"{antrag.jahr}-"):
        befund(("id",), f"Die Kennung „{antrag.id}“ beginnt nicht mit dem Jahr",
               f"schreiben Sie z. B. „{antrag.jahr}-{antrag.id}“: so bleibt sie über alle Jahre eindeutig")
    leitlinien = {l.id for l in plan.leitlinien}
    stadtteile = {s.id for s in plan.stadtteile} | {GESAMTSTADT}
    for feld, werte, erlaubt, wo in (("leitlinien", antrag.leitlinien, leitlinien, "plan/leitlinien/"),
                                     ("stadtteile", antrag.stadtteile, stadtteile, "data/stadtteile.csv")):
        for nummer, wert in enumerate(werte):
            if wert not in erlaubt:
                befund((feld, nummer), f"„{wert}“ gibt es nicht in „{feld}“",
                       f"gültige Kennungen stehen im öffentlichen Plan in {wo}")
    posten = sum((p.betrag for p in antrag.kostenplan), Decimal(0))
    if posten != antrag.gesamtkosten:
        befund(("gesamtkosten",), f"Die Posten des Kostenplans ergeben {euro(posten)}, nicht "
               f"{euro(antrag.gesamtkosten)}", "prüfen Sie die Beträge im Kostenplan und die Gesamtkosten")
    gedeckt = antrag.beantragte_summe + antrag.finanzierungsplan.eigenmittel + antrag.finanzierungsplan.drittmittel
    if gedeckt != antrag.gesamtkosten:
        befund(("beantragte_summe",), f"Beantragte Summe, Eigen- und Drittmittel ergeben {euro(gedeckt)}, die "
               f"Gesamtkosten sind {euro(antrag.gesamtkosten)}",
               "die Finanzierung muss die Gesamtkosten genau decken: prüfen Sie „finanzierungsplan“")
    for feld, summe in (("empfehlung", antrag.empfehlung.summe if antrag.empfehlung else None),
                        ("bewilligung", antrag.bewilligung.summe if antrag.bewilligung else None)):
        if summe is not None and summe > antrag.beantragte_summe:
            befund((feld, "summe"), f"Die Summe {euro(summe)} ist höher als die beantragte "
                   f"({euro(antrag.beantragte_summe)})", "mehr als beantragt kann nicht empfohlen oder bewilligt werden")
    if antrag.bewertung is not None:
        kriterien = {k.id: k for k in runde.kriterien}
        for name, punkte in antrag.bewertung.punkte.items():
            kriterium = kriterien.get(name)
            if kriterium is None or kriterium.aus_sozialindex:
                befund(("bewertung", "punkte", name), f"Das Kriterium „{name}“ wird hier nicht bewertet",
                       "bewerten Sie nur: " + ", ".join(k.id for k in runde.kriterien if not k.aus_sozialindex))
            elif not 0 <= punkte <= kriterium.hoechstpunkte:
                befund(("bewertung", "punkte", name), f"„{name}“: {punkte:g} Punkte liegen außerhalb von 0 bis "
                       f"{kriterium.hoechstpunkte}", "vergeben Sie Punkte im erlaubten Bereich")
        for kriterium in runde.kriterien:
            if not kriterium.aus_sozialindex and kriterium.id not in antrag.bewertung.punkte:
                befund(("bewertung", "punkte"), f"Für das Kriterium „{kriterium.id}“ fehlen die Punkte",
                       f"ergänzen Sie „{kriterium.id}: …“ unter „punkte“")
    return befunde


def foerderung_pruefen(intern: Quelle, plan: Plan) -> tuple[Foerderung | None, list[Befund]]:
    """Every round below `foerderantraege/` of the non-public folder, checked against the public
    plan (districts, Leitlinien); None when anything has an error."""
    befunde: list[Befund] = []
    runden = []
    ordner = intern.unterordner(ORDNER)
    if not ordner:
        befunde.append(Befund(ORDNER, 1, 1, f"Im nicht öffentlichen Ordner gibt es keinen Ordner „{ORDNER}/<jahr>/“",
                              "prüfen Sie den Pfad bei --intern bzw. SOZIALRAUMPLAN_INTERN"))
    for jahrordner in ordner:
        if not _JAHR.match(PurePosixPath(jahrordner).name):
            befunde.append(Befund(jahrordner, 1, 1, f"Der Ordner „{jahrordner}“ ist kein Jahr",
                                  "nennen Sie die Ordner der Runden nach dem Jahr, z. B. 2026"))
            continue
        runde = _runde_laden(intern, jahrordner, plan, befunde)
        if runde is not None:
            runden.append(runde)
    befunde = sorted(befunde)
    if nur_fehler(befunde):
        return None, befunde
    return Foerderung(sorted(runden, key=lambda r: r.runde.jahr)), befunde
