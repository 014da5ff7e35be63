"""Pydantic's validation errors turned into German findings with a concrete fix."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from typing import Any, NamedTuple

from pydantic import BaseModel, ValidationError

from .befund import Befund
from .foerderung.modell import NICHT_OEFFENTLICH
from .model import DRUCKSACHE_MUSTER, HTML_TAG, ID_MUSTER, SKRIPT_LINK
from .modellfelder import innerstes_modell
from .yamldatei import Pfad, YamlDokument

_DEZIMALKOMMA = re.compile(r"^-?\d+,\d+$")
OEFFENTLICHE_ORDNER = ("plan/", "data/")
"""Where a key of the non-public funding applications is not merely unknown but must not stand."""

_TEXTMUSTER = {"html": HTML_TAG, "skriptlink": SKRIPT_LINK}
"""Errors inside long texts point at the line of the offending markup, not the key."""


class Regel(NamedTuple):
    """The German text of a validator's own code (`raise ValueError("code")`).

    A model validator's error concerns the whole section in pydantic; `felder` names the keys
    (inside that section) the rule is about, first the one to point at, so the finding stands on
    the line the editor has to change and not on the section's first line."""

    meldung: str
    hinweis: str
    felder: tuple[Pfad, ...] = ()


_EIGENE_FEHLER: dict[str, Regel] = {
    "html": Regel("Der Text enthält HTML", "schreiben Sie nur Text oder Markdown; Zeichen wie < und > "
                  "nur mit Leerzeichen daneben, z. B. „< 18 Jahre“"),
    "skriptlink": Regel("Der Text enthält einen Skript-Link (javascript:, data:)",
                        "verlinken Sie nur Adressen mit https:// oder Seiten der Website"),
    "jahr_monat": Regel("Der Monat muss die Form JJJJ-MM haben",
                        "schreiben Sie z. B. \"2025-03\" in Anführungszeichen"),
    "ende_vor_beginn": Regel("Das Ende liegt vor dem Beginn", "prüfen Sie die Angaben „beginn“ und „ende“",
                             (("ende",),)),
    "umgesetzt_ohne_100": Regel("Eine umgesetzte Maßnahme muss „fortschritt: 100“ haben",
                                "setzen Sie den Fortschritt auf 100 oder wählen Sie einen anderen Status",
                                (("fortschritt",), ("status",))),
    "koordinaten_paar": Regel("Breite und Länge gehören zusammen",
                              "geben Sie beide an (z. B. breite: 50.99 und laenge: 11.03) oder keine",
                              (("breite",), ("laenge",))),
    "betrifft_leer": Regel("„betrifft“ nennt nichts, worauf sich der Beschluss bezieht",
                           "nennen Sie massnahmen, stadtteile, leitlinien, einen standort oder ein vorhaben"),
    "priorisierung_ohne_massnahmen": Regel("Eine Priorisierung braucht die Maßnahmen in ihrer Rangfolge",
                                           "schreiben Sie unter „betrifft“ z. B. „massnahmen: [M003, M001]“, "
                                           "die wichtigste zuerst", (("art",),)),
    "standortempfehlung_ohne_stadtteil": Regel("Eine Standortempfehlung braucht den Stadtteil",
                                               "schreiben Sie unter „betrifft“ z. B. „stadtteile: [rieth]“",
                                               (("art",),)),
}


class Form(NamedTuple):
    """What a value that does not match a pattern is not, the rule for it, and an example."""

    was: str
    regel: str
    beispiel: str


_ADRESSE = Form("keine Web-Adresse", "schreiben Sie die vollständige Adresse mit https:// am Anfang, ohne "
                "Leerzeichen, Anführungszeichen und spitze Klammern", "https://www.example.org/seite")
_E_MAIL = Form("keine E-Mail-Adresse", "schreiben Sie die Adresse ohne Leerzeichen und spitze Klammern in der "
               "Form name@domain.de", "sozialplanung@example.org")
_VIDEO_PFAD = "schreiben Sie den Pfad ab dem Ordner docs/, ohne „..“ und ohne Leerzeichen"
FORMEN: dict[str, Form] = {
    # model.py
    ID_MUSTER: Form("keine gültige Kennung", "Kennungen bestehen nur aus Buchstaben ohne Umlaute, Ziffern, - und "
                    "_ und beginnen mit einem Buchstaben oder einer Ziffer", "M001 oder nord-ost"),
    r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$": _E_MAIL,
    r"^[^\s~^:?*\[\\]+$": Form("kein gültiger Name einer Fassung", "nennen Sie einen Tag, einen Zweig oder "
                                "einen Commit, ohne Leerzeichen und ohne die Zeichen ~ ^ : ? * [ \\", "v2025.1"),
    r"^[^\s\]\[]+( [^\s\]\[]+)*$": Form("keine gültige Abkürzung", "eine Abkürzung hat keine eckigen Klammern, "
                                       "keine Leerzeichen am Anfang oder Ende und nie zwei hintereinander",
                                       "QSA oder k. A."),
    DRUCKSACHE_MUSTER: Form("keine Nummer einer Drucksache", "schreiben Sie die Nummer, einen Schrägstrich und "
                            "das Jahr zweistellig", "0554/22"),
    # atlas/modell.py
    r"^https://[^\s<>\"']+$": _ADRESSE,
    r"^/[^/\\\s<>\"'][^\s<>\"'\\]*\{z\}[^\s<>\"'\\]*$": Form(
        "kein Pfad von Kartenkacheln auf dieser Website", "schreiben Sie den Pfad auf dem Server der Website mit „/“ "
        "am Anfang (keine Adresse mit https://, kein „//“), ohne Leerzeichen, und mit den Platzhaltern {z}, {x} und "
        "{y}", "/kacheln/{z}/{x}/{y}.png"),
    r"^[a-z][a-z0-9_]*$": Form("kein Spaltenname von data/stadtteile.csv", "schreiben Sie den Namen der Spalte in "
                               "Kleinbuchstaben ohne Umlaute und Leerzeichen, mit Ziffern und _", "sozialraum"),
    # barrierefreiheit.py (it checks these itself, after validation)
    r"^https://[^\s<>\"'()\[\]]+$": _ADRESSE._replace(regel=_ADRESSE.regel + " und ohne Klammern"),
    r"^[^@\s<>()\[\]]+@[^@\s<>()\[\]]+\.[^@\s<>()\[\]]+$": _E_MAIL,
    r"^(?!.*\.\.)[A-Za-z0-9_][A-Za-z0-9_./-]*\.mp4$": Form(
        "kein passender Pfad eines Videos", _VIDEO_PFAD + ", mit der Endung .mp4", "gebaerdensprache/start.mp4"),
    r"^(?!.*\.\.)[A-Za-z0-9_][A-Za-z0-9_./-]*\.vtt$": Form(
        "kein passender Pfad von Untertiteln", _VIDEO_PFAD + ", mit der Endung .vtt", "gebaerdensprache/start.vtt"),
}
"""Every pattern a value of the plan or the atlas must match (pydantic names the pattern that
failed), with its German explanation. A test checks that each pattern of the models is here."""

_FORM_NACH_NAME = (
    # When a new pattern is not in the table yet, the key's name still tells what is meant.
    (re.compile(r"mail"), _E_MAIL),
    (re.compile(r"adresse|url|link"), _ADRESSE),
    (re.compile(r"^(id|gremium|stadtteil|indikator|leitlinie)n?$|kennung|berichtet_an$"), FORMEN[ID_MUSTER]),
)
_FORM_UNBEKANNT = Form("nicht in der erwarteten Form", "vergleichen Sie den Wert mit derselben Angabe in einer "
                       "anderen Datei", "")


def form(muster: str, schluessel: str = "") -> Form:
    """The German explanation of `muster` (a pattern of the table), else of a key named like `schluessel`."""
    if muster in FORMEN:
        return FORMEN[muster]
    return next((f for name, f in _FORM_NACH_NAME if name.search(schluessel)), _FORM_UNBEKANNT)


def erlaubte_schluessel(modell: type[BaseModel], pfad: Pfad) -> list[str]:
    """The German keys allowed in the mapping at `pfad` inside `modell`."""
    aktuell: Any = modell
    for teil in pfad:
        if isinstance(teil, int):
            continue
        if not (isinstance(aktuell, type) and issubclass(aktuell, BaseModel)):
            return []
        feld = aktuell.model_fields.get(teil)
        if feld is None:
            return []
        aktuell = innerstes_modell(feld.annotation)
    if isinstance(aktuell, type) and issubclass(aktuell, BaseModel):
        return list(aktuell.model_fields)
    return []


def vorschlag(wert: str, moeglich: list[str]) -> str:
    """A German did-you-mean, or an empty string."""
    treffer = difflib.get_close_matches(str(wert), moeglich, n=1, cutoff=0.6)
    return f"meinten Sie „{treffer[0]}“?" if treffer else ""


ENGLISCHE_SCHLUESSEL: dict[str, tuple[str, ...]] = {
    # plan/plan.yml
    "city": ("stadt",), "title": ("titel",), "publisher": ("herausgeber",), "contact": ("kontakt",),
    "example_data": ("beispieldaten",), "introduction": ("einleitung",), "compare_base": ("vergleich_mit",),
    "email": ("e_mail",), "mail": ("e_mail",), "phone": ("telefon",), "address": ("adresse",),
    # Leitlinien, Maßnahmen, Gremien, Sitzungen, Glossar
    "number": ("nummer", "anzahl"), "statement": ("leitsatz",), "explanation": ("erlaeuterung", "erklaerung"),
    "title_leichte_sprache": ("titel_leichte_sprache",), "themes": ("themen",), "topics": ("themen",),
    "begin": ("beginn",), "start": ("beginn",), "end": ("ende",), "description": ("beschreibung",),
    "responsible": ("verantwortlich",), "participants": ("beteiligte",), "period": ("zeitraum",),
    "progress": ("fortschritt",), "priority": ("prioritaet",), "funding": ("finanzierung",),
    "last_reviewed": ("zuletzt_geprueft",), "example": ("beispiel",), "short_name": ("kurzname",),
    "members": ("mitglieder",), "tasks": ("aufgaben",), "convened_by": ("einberufen_von",),
    "reports_to": ("berichtet_an",), "reports_to_external": ("berichtet_an_extern",), "date": ("datum",),
    "place": ("ort",), "location": ("ort",), "results": ("ergebnisse",), "term": ("begriff",),
    "abbreviation": ("abkuerzung",), "terms": ("begriffe",),
    # plan/barrierefreiheit.yml
    "scope": ("geltungsbereich",), "legal_basis": ("rechtsgrundlage",), "conformity": ("konformitaet",),
    "barriers": ("barrieren",), "content": ("inhalt",), "reason": ("grund",), "created": ("erstellt",),
    "method": ("methode",), "feedback": ("rueckmeldung",), "form": ("formular",),
    "enforcement": ("durchsetzung",), "body": ("stelle",), "sign_language": ("gebaerdensprache",),
    "captions": ("untertitel",),
    # .github/teams.yml
    "pattern": ("muster",), "rules": ("zustaendigkeiten",),
    # data/atlas.yml, data/indikatoren.yml, data/beispieldaten.yml
    "unit": ("einheit",), "source": ("quelle",), "direction": ("richtung",), "formula": ("formel",),
    "decimals": ("nachkommastellen",), "file": ("datei",), "year": ("jahr",), "years": ("jahre",),
    "weight": ("gewicht",), "classes": ("klassen",), "license": ("lizenz",), "attribution": ("namensnennung",),
    "values": ("werte",), "geometry": ("geometrie",), "map": ("karte",), "sites": ("standorte",),
    "indicators": ("indikatoren",), "indicator": ("indikator",), "count": ("anzahl",), "type": ("art",),
    "seed": ("saat",), "target": ("ziel",),
}
"""English keys that editors and older versions of this project used → the German keys they may
mean, first the most likely. Their spelling is too far from the German for `vorschlag`
(progress → fortschritt), so an unknown key found here is answered from this table."""


def schluessel_vorschlag(name: str, erlaubt: list[str]) -> str | None:
    """The allowed key an unknown key probably means: by the table of English names, else by spelling."""
    gemeint = next((k for k in ENGLISCHE_SCHLUESSEL.get(name.lower(), ()) if k in erlaubt), None)
    if gemeint is not None:
        return gemeint
    treffer = difflib.get_close_matches(name, erlaubt, n=1, cutoff=0.6)
    return treffer[0] if treffer else None


def uebersetzen(
    fehler: ValidationError, dokument: YamlDokument, modell: type[BaseModel],
    eigene: Mapping[str, Regel | tuple[str, str]] | None = None,
) -> list[Befund]:
    """One finding per pydantic error, placed on the YAML line it concerns.

    A misspelt key shows up twice in pydantic (unknown key, missing key); the editor made one
    mistake, so the "missing" finding is dropped when the unknown key suggests that very name.
    `eigene` adds messages for a caller's own validator codes (`raise ValueError("code")`).
    """
    texte = {**_EIGENE_FEHLER, **{code: Regel(*text) for code, text in (eigene or {}).items()}}
    eintraege = fehler.errors()
    vertippt: set[Pfad] = set()
    for eintrag in eintraege:
        if eintrag["type"] == "extra_forbidden":
            pfad: Pfad = tuple(eintrag["loc"])
            gemeint = schluessel_vorschlag(str(pfad[-1]), erlaubte_schluessel(modell, pfad[:-1]))
            if gemeint is not None:
                vertippt.add(pfad[:-1] + (gemeint,))
    befunde = []
    for eintrag in eintraege:
        pfad = tuple(eintrag["loc"])
        art = eintrag["type"]
        if art == "missing" and pfad in vertippt:
            continue
        if art == "extra_forbidden":
            zeile, spalte = dokument.position(pfad, schluessel=True)
        elif art == "value_error" and str((eintrag.get("ctx") or {}).get("error")) in _TEXTMUSTER:
            zeile, spalte = dokument.zeile_mit(pfad, _TEXTMUSTER[str(eintrag["ctx"]["error"])])
        elif art == "value_error" and str((eintrag.get("ctx") or {}).get("error")) in texte:
            zeile, spalte = _ort_der_regel(dokument, pfad, texte[str(eintrag["ctx"]["error"])])
        else:
            zeile, spalte = dokument.position(pfad)
        meldung, hinweis = _text(art, eintrag, pfad, modell, texte, dokument)
        befunde.append(Befund(dokument.datei, zeile, spalte, meldung, hinweis))
    return befunde


def _ort_der_regel(dokument: YamlDokument, pfad: Pfad, regel: Regel) -> tuple[int, int]:
    """Where a rule's finding stands: the first of its keys the section has, else the section."""
    for feld in regel.felder:
        if pfad + feld in dokument.werte:
            return dokument.position(pfad + feld)
    return dokument.position(pfad)


def _text(art: str, eintrag: Any, pfad: Pfad, modell: type[BaseModel],
          eigene: Mapping[str, Regel], dokument: YamlDokument) -> tuple[str, str]:
    feld = ".".join(str(t) for t in pfad) or "Datei"
    name = str(pfad[-1]) if pfad else "Datei"
    eingabe = eintrag.get("input")
    ctx = eintrag.get("ctx") or {}
    if art == "missing":
        return f"Die Angabe „{name}“ fehlt", f"ergänzen Sie eine Zeile „{name}: …“"
    if art == "extra_forbidden" and name in NICHT_OEFFENTLICH and dokument.datei.startswith(OEFFENTLICHE_ORDNER):
        return (f"„{name}“ gehört zu den nicht öffentlichen Förderanträgen und darf nicht im öffentlichen Plan stehen",
                "löschen Sie die Angabe hier und tragen Sie sie im nicht öffentlichen Ordner der Förderanträge ein "
                "(foerderantraege/<jahr>/<kennung>.yml); öffentlich werden nur die Angaben, die "
                "„sozialraumplan foerderung veroeffentlichen“ schreibt")
    if art == "extra_forbidden":
        erlaubt = erlaubte_schluessel(modell, pfad[:-1])
        gemeint = schluessel_vorschlag(name, erlaubt)
        return f"Unbekannte Angabe „{name}“", (f"meinten Sie „{gemeint}“?" if gemeint
                                               else "erlaubt sind: " + ", ".join(erlaubt))
    if isinstance(eingabe, str) and _DEZIMALKOMMA.match(eingabe.strip()):
        return (f"„{feld}“: „{eingabe}“ ist mit Dezimalkomma geschrieben",
                f"schreiben Sie die Zahl mit Punkt („{eingabe.replace(',', '.')}“) bzw. als ganze Zahl")
    if art == "value_error":
        grund = str(ctx.get("error", ""))
        if grund in eigene:
            meldung, hinweis, _ = eigene[grund]
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
        vorgabe = form(str(ctx.get("pattern", "")), name)
        return (f"„{feld}“: „{eingabe}“ ist {vorgabe.was}",
                vorgabe.regel + (f", z. B. {vorgabe.beispiel}" if vorgabe.beispiel else ""))
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
