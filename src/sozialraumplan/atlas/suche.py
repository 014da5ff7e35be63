"""„Find my district“: a search field for district names and streets, and its no-script fallback.

The form carries the districts (name and link) as JSON in a `data-stadtteile` attribute; the
streets, which may be thousands, are a JSON file of the site (`atlas/daten/suche.json`) that
`assets/stadtteil-suche.js` fetches on first use. Without script the form stays hidden and the
links below it lead to the districts and the streets from A to Z.
"""

from __future__ import annotations

import json
import unicodedata

from ..render.htmlbloecke import markieren
from ..render.text import h, klartext_md
from ..seiten import Datei, Seite
from . import verweise
from .bausteine import seite_bauen
from .kontext import Kontext
from .strassen import STRASSEN

SUCHE_JSON = f"{verweise.DATEN}/suche.json"
STADTTEILE_A_Z = f"{verweise.ORDNER}/stadtteile/index.md"
STRASSEN_A_Z = f"{verweise.ORDNER}/strassen.md"


def _json(daten: object) -> str:
    return json.dumps(daten, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def strassen_nach_name(kontext: Kontext) -> dict[str, list[str]]:
    """Street → its districts, streets in alphabetical order."""
    ergebnis: dict[str, list[str]] = {}
    for strasse in kontext.atlas.strassen:
        ergebnis.setdefault(strasse.name, []).append(strasse.stadtteil)
    return ergebnis


def suche_datei(kontext: Kontext) -> Datei:
    """The streets for the search script: `[[name, [district id, …]], …]`."""
    daten = {"strassen": [[name, ids] for name, ids in strassen_nach_name(kontext).items()]}
    return Datei(SUCHE_JSON, (_json(daten) + "\n").encode("utf-8"))


def suchform(kontext: Kontext, seite: str) -> str:
    """The search as an HTML block for the page `seite` (links are relative to it)."""
    stadtteile = [{"id": s, "name": kontext.namen[s], "url": verweise.url(seite, verweise.stadtteil_seite(s))}
                  for s in kontext.nach_name(kontext.ids)]
    mit_strassen = bool(kontext.atlas.strassen)
    beispiel = any(s.beispiel for s in kontext.atlas.strassen)
    hilfe = "Geben Sie den Namen Ihres Stadtteils" + (" oder Ihre Straße ein." if mit_strassen else " ein.")
    if beispiel:
        hilfe += " Das Straßenverzeichnis ist ein erfundenes Beispiel."
    daten = f' data-strassen="{h(verweise.url(seite, SUCHE_JSON))}"' if mit_strassen else ""
    titel = "Stadtteil oder Straße suchen" if mit_strassen else "Stadtteil suchen"
    listen = f'<a href="{h(verweise.url(seite, STADTTEILE_A_Z))}">Alle Stadtteile von A bis Z</a>'
    if mit_strassen:
        listen += f' · <a href="{h(verweise.url(seite, STRASSEN_A_Z))}">Alle Straßen von A bis Z</a>'
    return markieren(
        '<div class="srp-suche">'
        f'<form class="srp-suche-form" role="search" aria-label="{titel}" hidden '
        f'data-stadtteile="{h(_json(stadtteile))}"{daten}>'
        f'<label for="stadtteil-suche">{titel}</label>'
        '<span class="srp-suche-zeile"><input id="stadtteil-suche" type="search" autocomplete="off" '
        'spellcheck="false" enterkeyhint="search" aria-describedby="stadtteil-suche-hilfe">'
        '<button type="submit">Finden</button></span>'
        f'<span id="stadtteil-suche-hilfe" class="srp-suche-hilfe">{h(hilfe)}</span>'
        '<span class="srp-suche-status" role="status"></span>'
        '<ul class="srp-suche-treffer"></ul></form>'
        f'<p class="srp-suche-listen">{listen}</p></div>'
    )


def _anfang(text: str) -> str:
    """The letter a name is filed under: Ä with A, a digit under „0–9“."""
    zeichen = unicodedata.normalize("NFD", text.strip()[:1].upper())[:1]
    return zeichen if zeichen.isalpha() else "0–9"


def strassen_seite(kontext: Kontext) -> Seite:
    """Every street with its district(s), from A to Z: the search for readers without script."""
    seite = STRASSEN_A_Z
    namen = strassen_nach_name(kontext)
    text = ""
    if any(s.beispiel for s in kontext.atlas.strassen):
        text += ('!!! warning "Beispieldaten"\n    Dieses Straßenverzeichnis ist ein erfundenes Beispiel. '
                 "Die Stadt ersetzt es durch einen Auszug aus ihrem Adressregister.\n\n")
    text += ("Hier steht jede Straße mit dem Stadtteil, in dem sie liegt. Eine Straße, die durch mehrere "
             "Stadtteile führt, nennt alle.\n\n")
    gruppen: dict[str, list[str]] = {}
    for name in namen:
        gruppen.setdefault(_anfang(name), []).append(name)
    text += " · ".join(f"[{b}](#buchstabe-{i})" for i, b in enumerate(gruppen)) + "\n\n"
    for i, (buchstabe, strassen) in enumerate(gruppen.items()):
        text += f'<h2 id="buchstabe-{i}">{h(buchstabe)}</h2>\n\n'
        text += "\n".join(
            f"- {klartext_md(name)}: " + ", ".join(
                f"[{klartext_md(kontext.namen[s])}]({verweise.md_link(seite, verweise.stadtteil_seite(s))})"
                for s in kontext.nach_name(ids)) for name, ids in ((n, namen[n]) for n in strassen)) + "\n\n"
    return seite_bauen(seite, "Straßenverzeichnis", text, STRASSEN)
