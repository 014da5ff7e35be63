"""Macros editors can use on any page: tables, maps, values and profiles from the atlas.

`MAKROS` holds the functions; each takes a `MakroKontext` first. The mkdocs glue binds them once
per build and registers the result:

    makros = makros_binden(plan, atlas, lambda: env.page.file.src_uri)
    for name, funktion in makros.items():
        env.macro(funktion, name)

A macro returns Markdown with raw HTML blocks; the atlas's stylesheet and map script are the
site's own, on every page. A wrong argument raises `MakroFehler` with a German message.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from ..meldungen import vorschlag
from ..model import Plan
from ..render.text import h, md
from . import bausteine, verweise
from .kontext import Kontext, kontext_fuer
from .modell import Atlas, Indikator, Standortart
from .suche import suchform
from .tabelle import Spalte, tabelle


class MakroFehler(ValueError):
    """A macro was called with an indicator, district or year the atlas does not have."""


@dataclass
class MakroKontext:
    kontext: Kontext
    seite: Callable[[], str]
    """Path of the page being rendered, below `docs/` (e.g. `themen/armut.md`)."""

    def indikator(self, ident: str) -> Indikator:
        bekannt = {i.id: i for i in self.kontext.atlas.indikatoren}
        if ident not in bekannt:
            tipp = vorschlag(ident, sorted(bekannt))
            raise MakroFehler(f"Den Indikator „{ident}“ gibt es nicht. {tipp} Gültig sind: {', '.join(sorted(bekannt))}")
        return bekannt[ident]

    def stadtteil(self, ident: str) -> str:
        if ident not in self.kontext.namen:
            tipp = vorschlag(ident, sorted(self.kontext.namen))
            raise MakroFehler(f"Den Stadtteil „{ident}“ gibt es nicht. {tipp} Die Kennungen stehen in data/stadtteile.csv.")
        return ident

    def jahr(self, indikator: Indikator, jahr: int | None) -> int:
        jahre = self.kontext.atlas.jahre_von(indikator.id)
        if not jahre:
            raise MakroFehler(f"Für „{indikator.name}“ gibt es noch keine Werte.")
        if jahr is None:
            return jahre[-1]
        if jahr not in jahre:
            raise MakroFehler(f"Für „{indikator.name}“ gibt es keine Werte für {jahr}; vorhanden: "
                              + ", ".join(map(str, jahre)))
        return jahr


def _block(text: str) -> str:
    """Blank lines around: the output stays a block of its own wherever the call stands."""
    return f"\n\n{text.strip()}\n\n"


def indikator_tabelle(m: MakroKontext, indikator: str, jahr: int | None = None,
                      stadtteile: list[str] | None = None) -> str:
    """Table of one indicator and year (default: the latest), optionally only some districts."""
    ind = m.indikator(indikator)
    auswahl = [m.stadtteil(s) for s in stadtteile] if stadtteile else None
    return _block(bausteine.indikator_tabelle(m.kontext, m.seite(), ind, m.jahr(ind, jahr), auswahl))


def indikator_karte(m: MakroKontext, indikator: str, jahr: int | None = None, ebene: int = 2) -> str:
    """Heading, summary, map, legend and table of one indicator."""
    ind = m.indikator(indikator)
    return _block(bausteine.indikator_abschnitt(m.kontext, m.seite(), ind, m.jahr(ind, jahr), ebene))


def indikator_wert(m: MakroKontext, indikator: str, stadtteil: str = "gesamtstadt", jahr: int | None = None) -> str:
    """One value in running text, e.g. „12,5 % (2024, Beispieldaten)“."""
    ind = m.indikator(indikator)
    gewaehltes_jahr = m.jahr(ind, jahr)
    gesperrt = False
    if stadtteil == "gesamtstadt":
        stadt = m.kontext.stadtwert(ind.id, gewaehltes_jahr)
        wert, art = stadt.wert, ("" if stadt.art != "durchschnitt" else f", {stadt.bezeichnung}")
    else:
        auswahl = m.stadtteil(stadtteil)
        wert, art = m.kontext.atlas.wert(auswahl, ind.id, gewaehltes_jahr), ""
        gesperrt = m.kontext.atlas.gesperrt(auswahl, ind.id, gewaehltes_jahr)
    zusatz = art + (", Beispieldaten" if m.kontext.atlas.beispiel(ind.id) else "")
    if gesperrt:
        zusatz += ", " + bausteine.GEHEIM_GRUND
    zahl = bausteine.zelle(wert, ind, gesperrt)
    text = zahl if ind.einheit == "%" or wert is None else f"{zahl} {ind.einheit}"
    return f"{md(text)} ({gewaehltes_jahr}{zusatz})"


def indikator_steckbrief(m: MakroKontext, indikator: str) -> str:
    """Definition, formula, unit, source and direction of an indicator, with a link to its sheet."""
    ind = m.indikator(indikator)
    ziel = verweise.md_link(m.seite(), verweise.indikator_seite(ind.id))
    return _block(
        f"**{md(ind.name)}** – {md(' '.join(ind.definition.split()))}\n\n"
        f"- Formel: {md(ind.formel)}\n- Einheit: {md(ind.einheit)}\n- Quelle: {md(ind.quelle)}\n"
        f"- {md(ind.richtung.satz)}\n\n[Zum Indikatorenblatt]({ziel})"
    )


def sozialindex_karte(m: MakroKontext, ebene: int = 2, standorte: bool = False) -> str:
    """Heading, summary, map and table of the Sozialindex (with the sites if `standorte=True`)."""
    return _block(bausteine.index_abschnitt(m.kontext, m.seite(), ebene=ebene, standorte=standorte))


def sozialindex_tabelle(m: MakroKontext, stadtteile: list[str] | None = None) -> str:
    """The index table by rank, optionally only some districts."""
    auswahl = [m.stadtteil(s) for s in stadtteile] if stadtteile else None
    return _block(bausteine.index_tabelle(m.kontext, m.seite(), auswahl))


def stadtteil_profil(m: MakroKontext, stadtteil: str) -> str:
    """A district in short: index class and all indicators against the city, with a link to its profile."""
    return _block(bausteine.profil_kurz(m.kontext, m.seite(), m.stadtteil(stadtteil)))


def standorte_tabelle(m: MakroKontext, stadtteil: str | None = None, art: str | None = None) -> str:
    """The sites of Quartiers- und Sozialraumarbeit and Stadtteilzentren (all, or of one district or kind)."""
    arten = {a.value for a in Standortart}
    if art is not None and art not in arten:
        raise MakroFehler(f"„{art}“ ist keine Standortart; erlaubt sind: {', '.join(sorted(arten))}")
    auswahl = m.stadtteil(stadtteil) if stadtteil else None
    kontext, seite = m.kontext, m.seite()
    orte = [o for o in kontext.atlas.standorte
            if (auswahl is None or o.stadtteil == auswahl) and (art is None or o.art.value == art)]
    zeilen = [[h(o.name), h(o.art.label),
               f'<a href="{h(verweise.url(seite, verweise.stadtteil_seite(o.stadtteil)))}">{h(kontext.namen[o.stadtteil])}</a>',
               h(o.traeger), "ja" if o.beispiel else "nein"] for o in orte]
    return _block(tabelle(
        f"tabelle-standorte-{auswahl or 'alle'}-{art or 'alle'}", "Standorte der Quartiers- und Sozialraumarbeit "
        "und Stadtteilzentren", [Spalte("Standort"), Spalte("Art"), Spalte("Stadtteil"), Spalte("Träger"),
                                 Spalte("Beispiel")], zeilen))


def stadtteil_suche(m: MakroKontext) -> str:
    """The search field for district names and streets, with the links to the A–Z lists."""
    return _block(suchform(m.kontext, m.seite()))


MAKROS: dict[str, Callable[..., str]] = {
    "indikator_tabelle": indikator_tabelle,
    "indikator_karte": indikator_karte,
    "indikator_wert": indikator_wert,
    "indikator_steckbrief": indikator_steckbrief,
    "sozialindex_karte": sozialindex_karte,
    "sozialindex_tabelle": sozialindex_tabelle,
    "stadtteil_profil": stadtteil_profil,
    "standorte_tabelle": standorte_tabelle,
    "stadtteil_suche": stadtteil_suche,
}


def makros_binden(plan: Plan, atlas: Atlas, seite: Callable[[], str]) -> dict[str, Callable[..., str]]:
    """The macros with plan, atlas and the current page bound, ready to register. Bind once per build."""
    kontext = MakroKontext(kontext_fuer(plan, atlas), seite)
    return {name: functools.update_wrapper(functools.partial(funktion, kontext), funktion)
            for name, funktion in MAKROS.items()}
