"""What `sozialraumplan neu` can create: Maßnahme, Gremium, Sitzung, each with its fields and id rule.

The fields follow the model's key order, so a new file reads like the ones written by hand.
`id` is never asked for (it is derived), `beispiel` never (new entries are real ones), and
neither are the optional sections that hold entries of their own (a Sitzung's `beschluesse`, a
Maßnahme's `meilensteine` and `wirkung`): they are added to the file when there is something to
record. Only the input side is listed here; each question is the model field's German title
(`felder.frage`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from ..laden import GREMIEN, MASSNAHMEN, SITZUNGEN, Art
from .felder import Eingabe, Eingabefehler, Feld, heute
from .kennungen import naechste_nummer, sitzungskennung, slug

Werte = dict[tuple[str, ...], object]
"""Answers by YAML key path, already converted to YAML values."""


@dataclass(frozen=True)
class Vorlage:
    """One kind of file the command can write."""

    art: Art
    felder: tuple[Feld, ...]
    kennung: Callable[[Werte, list[str]], str]
    """The id of the new file, from the answers and the ids that exist already."""
    hilfe: str
    kennung_hilfe: str
    """How the id is made, for the help of `--id`."""


def _gremium_kennung(werte: Werte, vorhandene: list[str]) -> str:
    kennung = slug(str(werte[("name",)]))
    if not kennung:
        raise Eingabefehler("Aus dem Namen lässt sich keine Kennung bilden — "
                            "geben Sie mit --id eine an, z. B. --id begleitgremium")
    return kennung


def _sitzung_kennung(werte: Werte, vorhandene: list[str]) -> str:
    datum = werte[("datum",)]
    assert isinstance(datum, dt.date)  # `datum` is read as Eingabe.DATUM
    return sitzungskennung(datum, str(werte[("gremium",)]))


BESCHREIBUNG = Feld(("beschreibung",), Eingabe.LANGTEXT, "beschreibung")
LEICHTE_SPRACHE = Feld(("leichte_sprache",), Eingabe.LANGTEXT, "leichte-sprache")
TITEL_LEICHTE_SPRACHE = Feld(("titel_leichte_sprache",), Eingabe.TEXT, "titel-leichte-sprache")

MASSNAHME = Vorlage(
    art=MASSNAHMEN,
    felder=(
        Feld(("titel",), Eingabe.TEXT, "titel"),
        Feld(("leitlinien",), Eingabe.KENNUNGEN, "leitlinie", verweis="leitlinie"),
        Feld(("stadtteile",), Eingabe.KENNUNGEN, "stadtteil", verweis="stadtteil"),
        BESCHREIBUNG,
        LEICHTE_SPRACHE,
        TITEL_LEICHTE_SPRACHE,
        Feld(("verantwortlich",), Eingabe.TEXT, "verantwortlich"),
        Feld(("beteiligte",), Eingabe.LISTE, "beteiligt"),
        Feld(("zeitraum", "beginn"), Eingabe.MONAT, "beginn"),
        Feld(("zeitraum", "ende"), Eingabe.MONAT, "ende"),
        Feld(("status",), Eingabe.AUSWAHL, "status", vorgabe=lambda: "geplant"),
        Feld(("fortschritt",), Eingabe.ZAHL, "fortschritt", vorgabe=lambda: "0"),
        Feld(("prioritaet",), Eingabe.AUSWAHL, "prioritaet"),
        Feld(("finanzierung",), Eingabe.TEXT, "finanzierung"),
        Feld(("gremium",), Eingabe.KENNUNG, "gremium", verweis="gremium"),
        Feld(("zuletzt_geprueft",), Eingabe.DATUM, "zuletzt-geprueft", vorgabe=heute),
    ),
    kennung=lambda werte, vorhandene: naechste_nummer(vorhandene),
    hilfe="Neue Maßnahme anlegen",
    kennung_hilfe="die nächste freie Nummer, z. B. M015 nach M014",
)

GREMIUM = Vorlage(
    art=GREMIEN,
    felder=(
        Feld(("name",), Eingabe.TEXT, "name"),
        Feld(("kurzname",), Eingabe.TEXT, "kurzname"),
        Feld(("ebene",), Eingabe.AUSWAHL, "ebene"),
        BESCHREIBUNG,
        LEICHTE_SPRACHE,
        TITEL_LEICHTE_SPRACHE,
        Feld(("mitglieder",), Eingabe.LISTE, "mitglied"),
        Feld(("aufgaben",), Eingabe.LISTE, "aufgabe"),
        Feld(("turnus",), Eingabe.TEXT, "turnus"),
        Feld(("einberufen_von",), Eingabe.TEXT, "einberufen-von"),
        Feld(("berichtet_an",), Eingabe.KENNUNGEN, "berichtet-an", verweis="gremium"),
        Feld(("berichtet_an_extern",), Eingabe.LISTE, "berichtet-an-extern"),
    ),
    kennung=_gremium_kennung,
    hilfe="Neues Gremium anlegen",
    kennung_hilfe="aus dem Namen gebildet, z. B. „arbeitskreis-quartiersarbeit“",
)

SITZUNG = Vorlage(
    art=SITZUNGEN,
    felder=(
        Feld(("datum",), Eingabe.DATUM, "datum"),
        Feld(("gremium",), Eingabe.KENNUNG, "gremium", verweis="gremium"),
        Feld(("titel",), Eingabe.TEXT, "titel"),
        Feld(("ort",), Eingabe.TEXT, "ort"),
        Feld(("themen",), Eingabe.LISTE, "thema"),
        Feld(("ergebnisse",), Eingabe.LISTE, "ergebnis"),
    ),
    kennung=_sitzung_kennung,
    hilfe="Neue Sitzung anlegen",
    kennung_hilfe="Datum und Gremium, z. B. „2026-03-15-begleitgremium“",
)

VORLAGEN: dict[str, Vorlage] = {"massnahme": MASSNAHME, "gremium": GREMIUM, "sitzung": SITZUNG}
"""By the word after `sozialraumplan neu`."""
