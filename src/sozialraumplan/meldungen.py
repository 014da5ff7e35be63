"""Pydantic's validation errors turned into German findings with a concrete fix."""

from __future__ import annotations

import difflib
import re
import typing
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ValidationError

from .befund import Befund
from .model import HTML_TAG, SKRIPT_LINK
from .yamldatei import Pfad, YamlDokument

_DEZIMALKOMMA = re.compile(r"^-?\d+,\d+$")

_TEXTMUSTER = {"html": HTML_TAG, "skriptlink": SKRIPT_LINK}
"""Errors inside long texts point at the line of the offending markup, not the key."""

_EIGENE_FEHLER = {
    "html": ("Der Text enthält HTML", "schreiben Sie nur Text oder Markdown; Zeichen wie < und > "
             "nur mit Leerzeichen daneben, z. B. „< 18 Jahre“"),
    "skriptlink": ("Der Text enthält einen Skript-Link (javascript:, data:)",
                   "verlinken Sie nur Adressen mit https:// oder Seiten der Website"),
    "jahr_monat": ("Der Monat muss die Form JJJJ-MM haben", "schreiben Sie z. B. \"2025-03\" in Anführungszeichen"),
    "ende_vor_beginn": ("Das Ende liegt vor dem Beginn", "prüfen Sie die Angaben „beginn“ und „ende“"),
    "umgesetzt_ohne_100": ("Eine umgesetzte Maßnahme muss „fortschritt: 100“ haben",
                           "setzen Sie den Fortschritt auf 100 oder wählen Sie einen anderen Status"),
}


def erlaubte_schluessel(modell: type[BaseModel], pfad: Pfad) -> list[str]:
    """The German keys allowed in the mapping at `pfad` inside `modell`."""
    aktuell: Any = modell
    for teil in pfad:
        if isinstance(teil, int):
            continue
        if not (isinstance(aktuell, type) and issubclass(aktuell, BaseModel)):
            return []
        feld = next((f for n, f in aktuell.model_fields.items() if (f.alias or n) == teil), None)
        if feld is None:
            return []
        aktuell = _innerstes_modell(feld.annotation)
    if isinstance(aktuell, type) and issubclass(aktuell, BaseModel):
        return [f.alias or n for n, f in aktuell.model_fields.items()]
    return []


def _innerstes_modell(annotation: Any) -> Any:
    """Finds the model inside `list[X]`, `X | None`, `tuple[X, ...]`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in typing.get_args(annotation):
        gefunden = _innerstes_modell(argument)
        if gefunden is not None:
            return gefunden
    return None


def vorschlag(wert: str, moeglich: list[str]) -> str:
    """A German did-you-mean, or an empty string."""
    treffer = difflib.get_close_matches(str(wert), moeglich, n=1, cutoff=0.6)
    return f"meinten Sie „{treffer[0]}“?" if treffer else ""


def uebersetzen(
    fehler: ValidationError, dokument: YamlDokument, modell: type[BaseModel],
    eigene: Mapping[str, tuple[str, str]] | None = None,
) -> list[Befund]:
    """One finding per pydantic error, placed on the YAML line it concerns.

    A misspelt key shows up twice in pydantic (unknown key, missing key); the editor made one
    mistake, so the "missing" finding is dropped when the unknown key suggests that very name.
    `eigene` adds messages for a caller's own validator codes (`raise ValueError("code")`).
    """
    texte = {**_EIGENE_FEHLER, **(eigene or {})}
    eintraege = fehler.errors()
    vertippt = set()
    for eintrag in eintraege:
        if eintrag["type"] == "extra_forbidden":
            pfad = tuple(eintrag["loc"])
            treffer = difflib.get_close_matches(str(pfad[-1]), erlaubte_schluessel(modell, pfad[:-1]), 1, 0.6)
            vertippt.update(pfad[:-1] + (t,) for t in treffer)
    befunde = []
    for eintrag in eintraege:
        pfad: Pfad = tuple(eintrag["loc"])
        art = eintrag["type"]
        if art == "missing" and pfad in vertippt:
            continue
        if art == "extra_forbidden":
            zeile, spalte = dokument.position(pfad, schluessel=True)
        elif art == "value_error" and str((eintrag.get("ctx") or {}).get("error")) in _TEXTMUSTER:
            zeile, spalte = dokument.zeile_mit(pfad, _TEXTMUSTER[str(eintrag["ctx"]["error"])])
        else:
            zeile, spalte = dokument.position(pfad)
        meldung, hinweis = _text(art, eintrag, pfad, modell, texte)
        befunde.append(Befund(dokument.datei, zeile, spalte, meldung, hinweis))
    return befunde


def _text(art: str, eintrag: Any, pfad: Pfad, modell: type[BaseModel],
          eigene: Mapping[str, tuple[str, str]]) -> tuple[str, str]:
    feld = ".".join(str(t) for t in pfad) or "Datei"
    name = str(pfad[-1]) if pfad else "Datei"
    eingabe = eintrag.get("input")
    ctx = eintrag.get("ctx") or {}
    if art == "missing":
        return f"Die Angabe „{name}“ fehlt", f"ergänzen Sie eine Zeile „{name}: …“"
    if art == "extra_forbidden":
        erlaubt = erlaubte_schluessel(modell, pfad[:-1])
        tipp = vorschlag(name, erlaubt) or "erlaubt sind: " + ", ".join(erlaubt)
        return f"Unbekannte Angabe „{name}“", tipp
    if isinstance(eingabe, str) and _DEZIMALKOMMA.match(eingabe.strip()):
        return (f"„{feld}“: „{eingabe}“ ist mit Dezimalkomma geschrieben",
                f"schreiben Sie die Zahl mit Punkt („{eingabe.replace(',', '.')}“) bzw. als ganze Zahl")
    if art == "value_error":
        grund = str(ctx.get("error", ""))
        if grund in eigene:
            meldung, hinweis = eigene[grund]
            # A rule on the whole file (a model validator) has no field to name.
            return (f"„{feld}“: {meldung}" if pfad else meldung), hinweis
    if art in ("enum", "literal_error"):
        erwartet = [w.strip(" '") for w in str(ctx.get("expected", "")).replace(" or ", ",").split(",")]
        erwartet = [w for w in erwartet if w]
        tipp = vorschlag(str(eingabe), erwartet)
        return (f"„{feld}“: „{eingabe}“ ist kein erlaubter Wert",
                (tipp + " " if tipp else "") + "erlaubt sind: " + ", ".join(erwartet))
    if art in ("int_parsing", "int_type", "int_from_float"):
        return f"„{feld}“ muss eine ganze Zahl sein, nicht „{eingabe}“", "schreiben Sie z. B. 40"
    if art == "int_parsing_size":
        return f"„{feld}“: Die Zahl ist zu groß", "prüfen Sie die Zahl; so große Werte kommen im Plan nicht vor"
    if art == "finite_number":
        return (f"„{feld}“: „{eingabe}“ ist keine endliche Zahl",
                "schreiben Sie eine gewöhnliche Zahl wie 1.5; .inf und .nan sind nicht erlaubt")
    if art in ("float_parsing", "float_type"):
        return f"„{feld}“ muss eine Zahl sein, nicht „{eingabe}“", "schreiben Sie z. B. 1.5 (mit Punkt)"
    if art in ("bool_parsing", "bool_type"):
        return f"„{feld}“ muss true oder false sein", "schreiben Sie true oder false"
    if art.startswith("date") or art.startswith("datetime"):
        return (f"„{feld}“: „{eingabe}“ ist kein gültiges Datum",
                "schreiben Sie das Datum als JJJJ-MM-TT, z. B. 2025-03-31")
    if art in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        grenzen = ", ".join(f"{k} {v}" for k, v in ctx.items())
        return f"„{feld}“: {eingabe} liegt außerhalb des erlaubten Bereichs", f"erlaubt ist {_bereich(grenzen)}"
    if art == "string_pattern_mismatch":
        return (f"„{feld}“: „{eingabe}“ hat nicht die erwartete Form",
                "Kennungen bestehen nur aus Buchstaben ohne Umlaute, Ziffern, - und _")
    if art in ("string_too_short", "too_short"):
        return f"„{feld}“ ist leer", "tragen Sie mindestens einen Wert ein"
    if art == "string_too_long":
        return f"„{feld}“ ist zu lang", f"erlaubt sind höchstens {ctx.get('max_length')} Zeichen"
    if art == "too_long":
        return f"„{feld}“ hat zu viele Einträge", f"erlaubt sind höchstens {ctx.get('max_length')}"
    if art in ("string_type",):
        return f"„{feld}“ muss ein Text sein", "setzen Sie den Wert in Anführungszeichen"
    if art in ("list_type", "tuple_type"):
        return f"„{feld}“ muss eine Liste sein", "schreiben Sie jeden Eintrag in eine eigene Zeile mit „- “"
    if art in ("model_type", "dict_type", "model_attributes_type"):
        return f"„{feld}“ muss ein Abschnitt mit Angaben sein", "prüfen Sie die Einrückung der folgenden Zeilen"
    return f"„{feld}“: ungültiger Wert „{eingabe}“", "prüfen Sie den Wert"


def _bereich(grenzen: str) -> str:
    return (grenzen.replace("ge ", "mindestens ").replace("le ", "höchstens ")
            .replace("gt ", "mehr als ").replace("lt ", "weniger als "))
