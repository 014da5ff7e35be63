"""The rules of Leichte Sprache, one function per rule, each with a stable id.

The rules follow BITV 2.0 Anlage 2 Teil 2 and the rule book of the Netzwerk Leichte Sprache.
What is certain and always fixable is an error (it stops the build); what a heuristic finds,
or what is sometimes unavoidable, is a warning. Every message starts with the rule id, so
editors can search for it; every hint says what to write instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..befund import Schwere
from .abkuerzungen import MUSTER as ABKUERZUNG_MIT_PUNKT
from .abkuerzungen import ausgeschrieben
from .morphologie import wortteile
from .saetze import Satz, Token

SATZLAENGE = "Satzlänge"
ZUSAMMENSETZUNG = "Zusammensetzung"
WORTLAENGE = "Wortlänge"
PASSIV = "Passiv"
GENITIV = "Genitiv"
KONJUNKTIV = "Konjunktiv"
VERNEINUNG = "Verneinung"
ABKUERZUNG = "Abkürzung"
ZAHL = "Zahl"
SONDERZEICHEN = "Sonderzeichen"
ZEILENUMBRUCH = "Zeilenumbruch"

SATZ_GUT = 10
SATZ_HOECHSTENS = 15
WORT_HOECHSTENS = 15
TEIL_HOECHSTENS = 10
"""A part of a hyphenated compound may keep up to this many letters (`Sozialraum-Planung`)."""


@dataclass(frozen=True)
class Treffer:
    """One rule broken at one place of the text (an offset into the masked text)."""

    anfang: int
    meldung: str
    hinweis: str
    schwere: Schwere = Schwere.FEHLER


@dataclass(frozen=True)
class Kontext:
    """What the rules need besides the sentence: the whole text and the names to leave alone."""

    text: str
    eigennamen: frozenset[str] = frozenset()


def _paare(satz: Satz) -> Iterator[tuple[Token, str, str]]:
    """Each token with its lemma and STTS tag."""
    for token, (lemma, tag) in zip(satz.tokens, satz.wortarten):
        yield token, lemma, tag


# --- Satzlänge ------------------------------------------------------------------------------


def satzlaenge(satz: Satz, kontext: Kontext) -> Iterator[Treffer]:
    anzahl = len(satz.woerter)
    if anzahl > SATZ_HOECHSTENS:
        yield Treffer(satz.anfang, f"{SATZLAENGE}: {anzahl} Wörter (höchstens {SATZ_HOECHSTENS})",
                      "teilen Sie den Satz in zwei Sätze")
    elif anzahl > SATZ_GUT:
        yield Treffer(satz.anfang, f"{SATZLAENGE}: {anzahl} Wörter (besser höchstens {SATZ_GUT})",
                      "teilen Sie den Satz, wenn es geht", Schwere.WARNUNG)


# --- Zusammensetzung und Wortlänge ----------------------------------------------------------


def zusammensetzung(satz: Satz, kontext: Kontext) -> Iterator[Treffer]:
    """Long compound nouns need a hyphen (BITV 2.0 Anlage 2: „Sozialraum-Planung“).

    The project writes the hyphen, never the Mediopunkt (`Sozialraum·Planung`), so that all
    texts look the same and screen readers read the word in one go.
    """
    for token, _, tag in _paare(satz):
        if "·" in token.text:
            yield Treffer(token.anfang, f"{ZUSAMMENSETZUNG}: Mediopunkt in „{token.text}“",
                          f"schreiben Sie einen Bindestrich: „{token.text.replace('·', '-')}“ "
                          "(so schreibt es dieses Projekt)")
        if not _nomen(token, tag) or _ist_name(token, kontext):
            continue
        for teil in re.split(r"[-·]", token.text):
            teile = wortteile(teil)
            stuecke = _bindestrich_stuecke(teile)
            if len(teile) >= 2 and len(teil) > WORT_HOECHSTENS:
                schwere = Schwere.FEHLER
            elif len(teile) >= 3 and len(stuecke) >= 2:
                schwere = Schwere.WARNUNG
            else:
                continue
            vorschlag = token.text.replace("·", "-").replace(teil, "-".join(stuecke))
            yield Treffer(token.anfang, f"{ZUSAMMENSETZUNG}: „{token.text}“ ist ein langes Wort "
                          f"aus {len(teile)} Teilen", f"schreiben Sie es mit Bindestrich: „{vorschlag}“",
                          schwere)


def _bindestrich_stuecke(teile: tuple[str, ...]) -> list[str]:
    """Join short neighbouring parts, so only long words get a hyphen at every joint.

    `Sozial|raum|planung` → `Sozialraum`, `Planung`; `Kinder|betreuungs|einrichtungen` →
    `Kinder`, `Betreuungs`, `Einrichtungen`. Every part after a hyphen starts with a capital,
    as nouns do.
    """
    stuecke = [teile[0]]
    for teil in teile[1:]:
        if len(stuecke[-1]) + len(teil) <= TEIL_HOECHSTENS:
            stuecke[-1] += teil
        else:
            stuecke.append(teil[:1].upper() + teil[1:])
    return stuecke


def wortlaenge(satz: Satz, kontext: Kontext) -> Iterator[Treffer]:
    """Very long words are hard to read too (`Verantwortlichkeiten`, `sozialpolitischen`).
    Compound nouns are left to `zusammensetzung`, which can say where the hyphen goes."""
    for token, _, tag in _paare(satz):
        if _ist_name(token, kontext) or not token.text[0].isalpha():
            continue
        for teil in re.split(r"[-·]", token.text):
            zusammengesetzt = _nomen(token, tag) and len(wortteile(teil)) >= 2
            if len(teil) > WORT_HOECHSTENS and not zusammengesetzt:
                yield Treffer(token.anfang, f"{WORTLAENGE}: „{teil}“ hat {len(teil)} Buchstaben",
                              "nehmen Sie ein kürzeres Wort oder erklären Sie das Wort",
                              Schwere.WARNUNG)


def _nomen(token: Token, tag: str) -> bool:
    """A capitalised noun. The tagger may take an unknown compound for a name (`NE`); a real
    name is no compound to HanTa, so the parts decide."""
    return token.text[0].isupper() and (tag.startswith("NN") or tag == "NE")


def _ist_name(token: Token, kontext: Kontext) -> bool:
    return token.text in kontext.eigennamen or all(
        teil in kontext.eigennamen for teil in token.text.split("-")
    )


# --- Passiv ---------------------------------------------------------------------------------

_WERDEN = frozenset(
    "werde wirst wird werden werdet wurde wurdest wurden wurdet würde würdest würden würdet".split()
)
_TEILSATZ_ENDE = frozenset(",;:–—()")


def passiv(satz: Satz, kontext: Kontext) -> Iterator[Treffer]:
    """`werden` with a past participle in one clause: „Der Plan wird geprüft.“"""
    for teilsatz in _teilsaetze(satz):
        formen = [t for t, _, tag in teilsatz if t.text.lower() in _WERDEN and tag.startswith("VA")]
        partizipien = [
            t for t, lemma, tag in teilsatz
            # `bekommen`, `erhalten`: participle and infinitive look the same, so the future
            # tense („Wir werden Geld bekommen.“) would look like a passive. Leave those out.
            if tag == "VV(PP)" and t.text.lower() != lemma.lower()
        ]
        worden = [t for t, _, _ in teilsatz if t.text.lower() == "worden"]
        futur_zwei = any(t.text.lower() in ("haben", "sein") and tag.startswith("VA")
                         for t, _, tag in teilsatz)
        if worden or (formen and partizipien and not futur_zwei):
            hilfsverb = (worden or formen)[0]
            partizip = partizipien[0].text if partizipien else "…"
            yield Treffer(hilfsverb.anfang, f"{PASSIV}: „{hilfsverb.text} … {partizip}“",
                          "schreiben Sie, wer etwas tut: „Die Stadt prüft den Plan.“ "
                          "statt „Der Plan wird geprüft.“")


def _teilsaetze(satz: Satz) -> Iterator[list[tuple[Token, str, str]]]:
    teilsatz: list[tuple[Token, str, str]] = []
    for paar in _paare(satz):
        if paar[0].text in _TEILSATZ_ENDE:
            yield teilsatz
            teilsatz = []
        else:
            teilsatz.append(paar)
    yield teilsatz


# --- Genitiv --------------------------------------------------------------------------------

_IMMER_GENITIV = frozenset({"des", "eines", "dessen", "deren", "wessen"})
_GENITIV_BEGLEITER = _IMMER_GENITIV | frozenset(
    "der einer dieses dieser seines seiner ihres ihrer unseres unserer eures eurer jenes jener".split()
)
_GENITIV_PRAEPOSITIONEN = frozenset(
    "wegen trotz während statt anstatt anstelle aufgrund infolge innerhalb außerhalb oberhalb "
    "unterhalb anhand mithilfe bezüglich hinsichtlich angesichts mittels seitens zwecks zugunsten "
    "inmitten jenseits diesseits".split()
)
_GENITIV_HINWEIS = "sagen Sie es mit „von“: „der Plan von der Stadt“ statt „der Plan der Stadt“"


def genitiv(satz: Satz, kontext: Kontext) -> Iterator[Treffer]:
    """Genitive forms: `des`, `eines`, a genitive preposition, a noun after a noun with `der`."""
    paare = list(_paare(satz))
    i = 0
    while i < len(paare):
        token, _, tag = paare[i]
        wort = token.text.lower()
        folgt = paare[i + 1][0].text if i + 1 < len(paare) else ""
        if wort in _GENITIV_PRAEPOSITIONEN and folgt.lower() in _GENITIV_BEGLEITER:
            # `während` is also a conjunction („Während der Mann schläft, …“): then only warn.
            schwere = Schwere.FEHLER if tag.startswith("APP") else Schwere.WARNUNG
            yield Treffer(token.anfang, f"{GENITIV}: „{token.text} {folgt}“",
                          "sagen Sie es ohne Genitiv: zum Beispiel „wegen dem Regen“ statt „wegen "
                          "des Regens“ oder „in der Stadt“ statt „innerhalb der Stadt“", schwere)
            i += 2
            continue
        if wort in _IMMER_GENITIV:
            yield Treffer(token.anfang, f"{GENITIV}: „{f'{token.text} {folgt}'.strip()}“",
                          _GENITIV_HINWEIS)
        elif token.text == "der" and tag == "ART" and i > 0 and paare[i - 1][2] == "NN":
            nomen = _folgendes_nomen(paare, i + 1)
            if nomen is not None:
                wortgruppe = " ".join(t.text for t, _, _ in paare[i - 1 : nomen + 1])
                yield Treffer(token.anfang, f"{GENITIV}: „{wortgruppe}“ ist vielleicht ein Genitiv",
                              _GENITIV_HINWEIS, Schwere.WARNUNG)
        i += 1


def _folgendes_nomen(paare: list[tuple[Token, str, str]], ab: int) -> int | None:
    """Index of the noun that follows with only adjectives, adverbs or numbers before it."""
    for i in range(ab, len(paare)):
        tag = paare[i][2]
        if tag.startswith("NN"):
            return i
        if not tag.startswith(("ADJ", "ADV", "CARD")):
            return None
    return None


# --- Konjunktiv -----------------------------------------------------------------------------

_WIRKLICHKEIT = {
    "würde": "wird", "wäre": "ist", "hätte": "hat", "könnte": "kann", "müsste": "muss",
    "dürfte": "darf", "sollte": "soll", "gäbe": "gibt", "käme": "kommt", "stünde": "steht",
    "läge": "liegt", "wüsste": "weiß",
}
_KONJUNKTIV = re.compile(
    r"(würd|wär|hätt|könnt|müsst|dürft|sollt|gäb|käm|stünd|läg|wüsst)(e|est|st|en|et|t)|seien"
)


def konjunktiv(satz: Satz, kontext: Kontext) -> Iterator[Treffer]:
    """Konjunktiv forms („könnte“, „würde“, „wäre“). `möchte` stays allowed: Leichte Sprache
    uses it for wishes („Sie möchten mitreden?“). `sollte` is also a past tense, so it only
    warns."""
    for token in satz.woerter:
        treffer = _KONJUNKTIV.fullmatch(token.text.lower())
        if not treffer:
            continue
        grundform = f"{treffer.group(1)}e" if treffer.group(1) else ""
        statt = _WIRKLICHKEIT.get(grundform)
        hinweis = (f"schreiben Sie, was wirklich ist: zum Beispiel „{statt}“ statt „{grundform}“"
                   if statt else "schreiben Sie, was wirklich ist, ohne Möglichkeits-Form")
        schwere = Schwere.WARNUNG if grundform == "sollte" else Schwere.FEHLER
        yield Treffer(token.anfang, f"{KONJUNKTIV}: „{token.text}“", hinweis, schwere)


# --- Verneinung -----------------------------------------------------------------------------

_VERNEINUNGEN = frozenset(
    "nicht nichts nie niemals niemand niemanden niemandem nirgends nirgendwo weder keinesfalls "
    "keineswegs kein keine keinen keinem keiner keines".split()
)


def verneinung(satz: Satz, kontext: Kontext) -> Iterator[Treffer]:
    for token in satz.woerter:
        if token.text.lower() in _VERNEINUNGEN:
            yield Treffer(token.anfang, f"{VERNEINUNG}: „{token.text}“",
                          "sagen Sie es positiv, wenn es geht: „Das ist schwer.“ statt "
                          "„Das ist nicht leicht.“", Schwere.WARNUNG)


# --- Abkürzung ------------------------------------------------------------------------------

def abkuerzung(satz: Satz, kontext: Kontext) -> Iterator[Treffer]:
    """Abbreviations with a point are errors; words in capitals (`QSA`) are warnings, since
    some are better known than their long form."""
    bereich = kontext.text[satz.anfang : satz.ende + 1]
    for treffer in ABKUERZUNG_MIT_PUNKT.finditer(bereich):
        yield Treffer(satz.anfang + treffer.start(), f"{ABKUERZUNG}: „{treffer.group(0)}“",
                      f"schreiben Sie das Wort aus: „{ausgeschrieben(treffer.group(0))}“")
    for token in satz.woerter:
        for teil in token.text.split("-"):
            buchstaben = [z for z in teil if z.isalpha()]
            if len(buchstaben) >= 2 and all(z.isupper() for z in buchstaben) \
                    and teil not in kontext.eigennamen:
                yield Treffer(token.anfang, f"{ABKUERZUNG}: „{teil}“",
                              "schreiben Sie das Wort aus oder erklären Sie es beim ersten Mal",
                              Schwere.WARNUNG)


# --- Zahl -----------------------------------------------------------------------------------

_BRUCH = re.compile(r"\d+/\d+|.*[½⅓⅔¼¾⅕⅛]")
_DATUM = re.compile(r"\d{1,2}\.\d{1,2}\.(\d{2}|\d{4})")
_TAUSENDER = re.compile(r"\d{1,3}(\.\d{3})+")


def zahl(satz: Satz, kontext: Kontext) -> Iterator[Treffer]:
    """Percentages, big numbers, fractions, decimals and dates in figures are hard to grasp."""
    paare = list(_paare(satz))
    for i, (token, _, _) in enumerate(paare):
        text = token.text
        if text == "%" or text.lower() in ("prozent", "promille"):
            yield Treffer(token.anfang, f"{ZAHL}: „{text}“",
                          "schreiben Sie „viele“, „wenige“, „die Hälfte“ oder „jeder Dritte“")
            continue
        vor_namen = i + 1 < len(paare) and paare[i + 1][2] == "NE"
        art = _zahl_art(text, vor_namen)
        if art:
            yield Treffer(token.anfang, f"{ZAHL}: {art} „{text}“", _ZAHL_HINWEISE[art], Schwere.WARNUNG)


_ZAHL_HINWEISE = {
    "Bruch": "schreiben Sie „die Hälfte“ oder „ein Viertel“",
    "Datum": "schreiben Sie den Monat als Wort: „2. Dezember 2022“",
    "Komma-Zahl": "runden Sie die Zahl: „ungefähr 3“",
    "große Zahl": "schreiben Sie „viele“ oder runden Sie: „mehr als 200-Tausend“",
}


def _zahl_art(text: str, vor_namen: bool) -> str | None:
    """What kind of hard number `text` is, if any; a five-digit number before a name
    (`99084 Erfurt`) is a postcode."""
    if _BRUCH.fullmatch(text):
        return "Bruch"
    if not text[:1].isdigit() or ":" in text:
        return None  # no number, or a time of day like 14:30
    if _DATUM.fullmatch(text):
        return "Datum"
    if _TAUSENDER.fullmatch(text):
        return "große Zahl"
    if "," in text:
        return "Komma-Zahl"
    if not text.isdigit() or text.startswith("0") or int(text) <= 1000:
        return None
    jahr = len(text) == 4 and 1900 <= int(text) <= 2100
    postleitzahl = len(text) == 5 and vor_namen
    return None if jahr or postleitzahl else "große Zahl"


# --- Sonderzeichen --------------------------------------------------------------------------

_SONDERZEICHEN: dict[str, str] = {}
for _zeichen, _hinweis in {
    ";": "machen Sie zwei Sätze daraus",
    "&": "schreiben Sie „und“",
    "§": "schreiben Sie „Paragraf“",
    "/": "schreiben Sie „oder“ oder „und“",
    "*:": "schreiben Sie beide Formen aus: „Bürgerinnen und Bürger“",
    "()[]{}": "schreiben Sie den Inhalt der Klammer als eigenen Satz",
    "„“”‚‘«»‹›": "lassen Sie die Anführungszeichen weg oder nehmen Sie gerade Anführungszeichen",
    "–—": "machen Sie zwei Sätze oder nehmen Sie einen Doppelpunkt",
    "-": "schreiben Sie jedes Wort ganz aus: „Quartiers-Arbeit und Sozialraum-Arbeit“",
    "…": "schreiben Sie den Satz zu Ende",
    "€": "schreiben Sie „Euro“",
    "<>": "schreiben Sie „weniger als“ oder „mehr als“",
    "#\\|~^@+=$": "lassen Sie das Zeichen weg oder schreiben Sie es als Wort",
}.items():
    _SONDERZEICHEN.update(dict.fromkeys(_zeichen, _hinweis))


def sonderzeichen(satz: Satz, kontext: Kontext) -> Iterator[Treffer]:
    """Special characters, reported once per kind and sentence (a bracket pair is one finding).

    A colon is only a special character between two letters: the gender colon `Bürger:innen`.
    """
    gefunden: dict[str, tuple[int, list[str]]] = {}
    for token in satz.tokens:
        zeichen = "…" if token.text == "..." else token.text
        hinweis = _SONDERZEICHEN.get(zeichen)
        if hinweis is None or (zeichen == ":" and not _gender_doppelpunkt(token, kontext.text)):
            continue
        anfang, zeichen_liste = gefunden.setdefault(hinweis, (token.anfang, []))
        if token.text not in zeichen_liste:
            zeichen_liste.append(token.text)
    for hinweis, (anfang, zeichen_liste) in gefunden.items():
        yield Treffer(anfang, f"{SONDERZEICHEN}: {' '.join(zeichen_liste)}", hinweis)


def _gender_doppelpunkt(token: Token, text: str) -> bool:
    davor = text[token.anfang - 1 : token.anfang]
    danach = text[token.anfang + 1 : token.anfang + 2]
    return davor.isalpha() and danach.islower()


# --- Zeilenumbruch --------------------------------------------------------------------------


def ein_satz_pro_zeile(
    saetze: list[Satz], zeile: Callable[[int], int], grenzen: set[int]
) -> Iterator[Treffer]:
    """Each sentence starts on a new line (a table row may hold several cells)."""
    for vorher, satz in zip(saetze, saetze[1:]):
        neuer_block = any(vorher.ende < grenze <= satz.anfang for grenze in grenzen)
        if zeile(satz.anfang) == zeile(vorher.ende) and not neuer_block:
            yield Treffer(satz.anfang, f"{ZEILENUMBRUCH}: mehr als ein Satz in dieser Zeile",
                          "beginnen Sie jeden Satz in einer neuen Zeile")


SATZREGELN: tuple[Callable[[Satz, Kontext], Iterator[Treffer]], ...] = (
    satzlaenge, zusammensetzung, wortlaenge, passiv, genitiv, konjunktiv, verneinung,
    abkuerzung, zahl, sonderzeichen,
)
"""The rules that look at one sentence at a time, in the order their findings are listed."""
