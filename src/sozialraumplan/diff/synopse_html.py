"""The Synopse as HTML: one table per entry, old wording left, new wording right.

Every text comes from the plan (and so from pull requests) and is escaped here. Changes are
never colour alone: deleted words are `<del>` and say „gestrichen“, inserted words are `<ins>`
and say „eingefügt“; each entry names its state in words. The same body serves the site page,
the standalone file (`sozialraumplan synopse`) and the PDF chapter; on paper unchanged entries
are named in a list instead of being shown in full.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable

from ..render.text import datum, h
from .synopse import (
    ENTFAELLT,
    GEAENDERT,
    NEU,
    NICHT_VERGLICHEN,
    UNVERAENDERT,
    Synopse,
    Synopseneintrag,
    Zeile,
)
from .text import EINGEFUEGT, GESTRICHEN

MARKEN = {GESTRICHEN: ("del", "gestrichen"), EINGEFUEGT: ("ins", "eingefügt")}
"""Element and the word that says the same as the element, for runs of changed words."""
FEHLT = {NEU: "(in dieser Fassung nicht enthalten)", ENTFAELLT: "(entfällt)"}
"""What the empty column of a new or dropped entry says."""

Verweis = Callable[[str], str | None]
"""Maßnahme id → address of its page (None: no page to link)."""


def titel(synopse: Synopse) -> str:
    """„Synopse: v2025.1 und v2026.1“, with the Drucksache when there is one."""
    kopf = f"Synopse {synopse.alt.name} – {synopse.neu.name}"
    return f"{kopf}: Drucksache {synopse.beschluss.drucksache}" if synopse.beschluss else kopf


def _zeile(zeile: Zeile) -> str:
    teile = []
    for art, text in zeile:
        if art in MARKEN:
            element, wort = MARKEN[art]
            teile.append(f'<{element}><span class="synopse-marke">{wort}:</span> {h(text)}</{element}>')
        else:
            teile.append(h(text))
    return " ".join(teile)


def _zelle(zeilen: tuple[Zeile, ...] | None, liste: bool, zustand: str) -> str:
    if zeilen is None:
        return f'<td class="synopse-leer">{FEHLT.get(zustand, "")}</td>'
    if liste:
        return "<td><ul>" + "".join(f"<li>{_zeile(z)}</li>" for z in zeilen) + "</ul></td>"
    return "<td>" + "<br>".join(_zeile(z) for z in zeilen) + "</td>"


GEAENDERT_MARKE = ' <span class="synopse-marke">(geändert)</span>'
"""After the name of a changed field: the row says in words that it changed."""


def _tr(geaendert: bool) -> str:
    return '<tr class="synopse-geaendert">' if geaendert else "<tr>"


def _tabelle(eintrag: Synopseneintrag, synopse: Synopse) -> str:
    koerper = "".join(
        f"{_tr(z.geaendert)}<th scope=\"row\">{h(z.name)}{GEAENDERT_MARKE if z.geaendert else ''}</th>"
        f"{_zelle(z.alt, z.liste, eintrag.zustand)}{_zelle(z.neu, z.liste, eintrag.zustand)}</tr>"
        for z in eintrag.zeilen
    )
    return (
        f'<table class="synopse-tabelle"><caption>{h(_name(eintrag))} – {eintrag.zustand}</caption>'
        f'<thead><tr><th scope="col">Angabe</th><th scope="col">Bisherige Fassung: {h(synopse.alt.text)}</th>'
        f'<th scope="col">Neue Fassung: {h(synopse.neu.text)}</th></tr></thead><tbody>{koerper}</tbody></table>'
    )


def _name(eintrag: Synopseneintrag) -> str:
    return f"{eintrag.id}: {eintrag.titel}" if eintrag.art == "massnahme" else eintrag.titel


def anker(eintrag: Synopseneintrag) -> str:
    """A stable id for the entry's heading: kind and id (a glossary term's spaces become hyphens)."""
    return "synopse-" + re.sub(r"[^A-Za-z0-9_-]+", "-", f"{eintrag.art}-{eintrag.id}").strip("-")


def _eintrag(eintrag: Synopseneintrag, synopse: Synopse, ebene: int, verweis: Verweis | None) -> str:
    kopf = f'<h{ebene} id="{anker(eintrag)}">{h(_name(eintrag))} ({eintrag.zustand})</h{ebene}>'
    teile = [kopf]
    if eintrag.zustand == NICHT_VERGLICHEN:
        return f'<section class="synopse-eintrag">{kopf}<p>Nicht verglichen: {h(eintrag.grund)}.</p></section>'
    if eintrag.umbenannt:
        teile.append(f"<p>Dieselbe Kennung, die Datei wurde umbenannt: <code>{h(eintrag.datei_alt)}</code> → "
                     f"<code>{h(eintrag.datei_neu)}</code>.</p>")
    adresse = verweis(eintrag.id) if verweis and eintrag.art == "massnahme" and eintrag.zustand != ENTFAELLT else None
    if adresse:
        teile.append(f'<p><a href="{h(adresse)}">Seite der Maßnahme {h(eintrag.id)}</a></p>')
    teile.append(_tabelle(eintrag, synopse))
    return f'<section class="synopse-eintrag synopse-{_klasse(eintrag.zustand)}">{"".join(teile)}</section>'


def _klasse(zustand: str) -> str:
    return {UNVERAENDERT: "unveraendert", GEAENDERT: "geaendert", NEU: "neu", ENTFAELLT: "entfaellt"}.get(
        zustand, "nicht-verglichen")


def _unveraendert(eintraege: list[Synopseneintrag], synopse: Synopse, einklappen: bool, ebene: int) -> str:
    """Unchanged entries are listed; on screen each opens to its full text, on paper only its name."""
    kopf = f"<h{ebene}>Unverändert ({len(eintraege)})</h{ebene}>"
    if not einklappen:
        return kopf + "<ul>" + "".join(f"<li>{h(_name(e))} (unverändert)</li>" for e in eintraege) + "</ul>"
    return kopf + "".join(
        f'<details class="synopse-eintrag synopse-unveraendert"><summary>{h(_name(e))} (unverändert)</summary>'
        f"{_tabelle(e, synopse)}</details>"
        for e in eintraege
    )


def _klassen(synopse: Synopse, ebene: int) -> str:
    kopf = f'<h{ebene} id="synopse-sozialindex">Sozialindex: Klassen der Stadtteile</h{ebene}>'
    if synopse.indexklassen is None:
        return f'<section class="synopse-art">{kopf}<p>Nicht verglichen: {h(synopse.indexhinweis)}.</p></section>'
    gewechselt = sum(1 for z in synopse.indexklassen if z.geaendert)
    zeilen = "".join(
        f'{_tr(z.geaendert)}<th scope="row">{h(z.stadtteil)}</th>'
        f"<td>{_zeile(((GESTRICHEN if z.geaendert else 'gleich', z.alt or 'keine Angabe'),))}</td>"
        f"<td>{_zeile(((EINGEFUEGT if z.geaendert else 'gleich', z.neu or 'keine Angabe'),))}</td></tr>"
        for z in synopse.indexklassen
    )
    return (
        f'<section class="synopse-art">{kopf}<p>{gewechselt} von {len(synopse.indexklassen)} Stadtteilen '
        f"wechseln die Klasse; alle anderen sind unverändert.</p>"
        f'<table class="synopse-tabelle"><caption>Klasse im Sozialindex je Stadtteil</caption><thead><tr>'
        f'<th scope="col">Stadtteil</th><th scope="col">Bisherige Fassung: {h(synopse.alt.text)}</th>'
        f'<th scope="col">Neue Fassung: {h(synopse.neu.text)}</th></tr></thead><tbody>{zeilen}</tbody></table></section>'
    )


def vorspann(synopse: Synopse) -> str:
    """What the council decides on and which two versions stand side by side."""
    teile = []
    b = synopse.beschluss
    if b is not None:
        teile.append(f'<p class="synopse-drucksache">Drucksache {h(b.drucksache)}: {h(b.titel)}</p>')
        teile.append(f"<p><strong>Beschlussvorschlag:</strong> {h(b.beschlussvorschlag)}</p>")
        if b.sitzung:
            teile.append(f"<p>Sitzung des Stadtrats am {datum(b.sitzung)}.</p>")
    teile.append(
        f"<p>Links steht die bisherige Fassung {h(synopse.alt.text)}, rechts die neue Fassung "
        f"{h(synopse.neu.text)}. Gestrichene Wörter sind durchgestrichen und mit „gestrichen:“ gekennzeichnet, "
        "eingefügte unterstrichen und mit „eingefügt:“. Jeder Eintrag nennt seinen Stand: unverändert, geändert, "
        "neu oder entfällt.</p>"
    )
    teile.append(f"<p>{synopse.anzahl(GEAENDERT)} geändert, {synopse.anzahl(NEU)} neu, "
                 f"{synopse.anzahl(ENTFAELLT)} entfallen, {synopse.anzahl(UNVERAENDERT)} unverändert.</p>")
    return "".join(teile)


def koerper(synopse: Synopse, ebene: int = 2, einklappen: bool = True, verweis: Verweis | None = None) -> str:
    """The Synopse below a heading of level `ebene - 1`: one section per kind, then the index classes.
    Every block is one line of HTML, blocks separated by a blank line (safe inside Markdown)."""
    bloecke = [vorspann(synopse)]
    for art in synopse.arten:
        teile = [f'<h{ebene} id="synopse-{h(art.art)}">{h(art.titel)}</h{ebene}>']
        geaendert = [e for e in art.eintraege if e.zustand != UNVERAENDERT]
        unveraendert = [e for e in art.eintraege if e.zustand == UNVERAENDERT]
        teile += [_eintrag(e, synopse, ebene + 1, verweis) for e in geaendert]
        if not art.eintraege:
            teile.append("<p>Keine Einträge.</p>")
        if unveraendert:
            teile.append(_unveraendert(unveraendert, synopse, einklappen, ebene + 1))
        bloecke.append(f'<section class="synopse-art">{"".join(teile)}</section>')
    bloecke.append(_klassen(synopse, ebene))
    return "\n\n".join(bloecke) + "\n"


STIL = """
body { font-family: "DejaVu Sans", system-ui, sans-serif; line-height: 1.5; max-width: 72rem;
       margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; background: #fff; }
h1, h2, h3, h4 { line-height: 1.25; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1.5rem; table-layout: fixed; }
caption { text-align: left; font-weight: bold; padding-bottom: 0.25rem; }
th, td { border: 1px solid #767676; padding: 0.25rem 0.4rem; text-align: left; vertical-align: top;
         overflow-wrap: anywhere; hyphens: auto; }
thead th:first-child { width: 24%; }
@media (max-width: 30rem) { body { font-size: 0.875rem; padding: 0 0.5rem; } }
td ul { margin: 0; padding-left: 1.2rem; }
del { color: #8b0000; background: #fde8e8; }
ins { color: #004d00; background: #e6f4e6; }
.synopse-marke { font-size: 0.8em; font-weight: bold; display: inline-block; }
.synopse-leer { color: #4d4d4d; font-style: italic; }
summary { cursor: pointer; padding: 0.25rem 0; }
code { overflow-wrap: anywhere; }
"""


def als_html(synopse: Synopse) -> str:
    """A standalone, accessible HTML document; its only style is allowed by hash, nothing else may load."""
    stil = "sha256-" + base64.b64encode(hashlib.sha256(STIL.encode("utf-8")).digest()).decode("ascii")
    kopf = titel(synopse)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="de">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src '{stil}'\">\n"
        f"<title>{h(kopf)}</title>\n<style>{STIL}</style>\n</head>\n"
        f"<body>\n<main>\n<h1>{h(kopf)}</h1>\n{koerper(synopse)}</main>\n</body>\n</html>\n"
    )
