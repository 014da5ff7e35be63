"""One visit per page: axe-core, the requests the page makes, and reflow at 320 CSS pixels."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from playwright.sync_api import Browser, Page, Response

from .chromium import BILDSCHIRM, csp_verstoesse, kontext_oeffnen
from .dom import ELEMENT_BESCHREIBEN, Element, auflisten
from .webserver import Webserver
from .website import REPO, Website

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
"""Installed by `npm ci` from package-lock.json (scripts/setup.sh test)."""

AXE_DEUTSCH = REPO / "node_modules" / "axe-core" / "locales" / "de.json"

WCAG_STUFEN = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
"""WCAG 2.1 level AA, what BITV 2.0 and EN 301 549 require of a public body's website."""

SCHMAL = {"width": 320, "height": 640}
"""WCAG 1.4.10 Reflow: 320 CSS px is a 1280 px window zoomed to 400 %."""

HANDY = {"width": 360, "height": 800}
"""The phone most readers hold: words in headings and tables stay whole, wide tables say so."""

_HANDY_MESSEN = f"""
() => new Promise((fertig) => requestAnimationFrame(() => requestAnimationFrame(() => {{
    const beschreiben = {ELEMENT_BESCHREIBEN};
    const sichtbar = (element) => element.getClientRects().length > 0;
    // A word broken inside: the stretch between two break opportunities (space, hyphen, slash)
    // lies on more than one line.
    const zerbrochen = (element) => {{
        const gehen = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        for (let knoten = gehen.nextNode(); knoten; knoten = gehen.nextNode()) {{
            for (const treffer of knoten.data.matchAll(/[^\\s\\-\\/\u2013\u2014]{{2,}}/g)) {{
                const bereich = document.createRange();
                bereich.setStart(knoten, treffer.index);
                bereich.setEnd(knoten, treffer.index + treffer[0].length);
                const zeilen = new Set([...bereich.getClientRects()].filter((r) => r.width > 0)
                    .map((r) => Math.round(r.bottom)));
                if (zeilen.size > 1) return treffer[0];
            }}
        }}
        return null;
    }};
    const woerter = [];
    for (const element of document.querySelectorAll(".md-content :is(h1, h2, h3, h4, th, td)")) {{
        if (woerter.length === 10) break;
        if (!sichtbar(element) || element.closest(".leaflet-container")) continue;
        const wort = zerbrochen(element);
        if (wort) woerter.push({{...beschreiben(element), ziel: `„${{wort}}“ in ${{beschreiben(element).ziel}}`}});
    }}
    // A table wider than its frame keeps its row header in view when scrolled to the far right,
    // and a visible line right above the frame says that it scrolls.
    const tabellen = [];
    for (const tabelle of document.querySelectorAll(".md-content table")) {{
        if (!sichtbar(tabelle) || tabelle.closest(".leaflet-container")) continue;
        let rahmen = tabelle.parentElement;
        while (rahmen !== document.body && getComputedStyle(rahmen).overflowX === "visible") rahmen = rahmen.parentElement;
        if (rahmen === document.body || rahmen.scrollWidth <= rahmen.clientWidth + 1) continue;
        const hinweis = rahmen.previousElementSibling;
        const mitHinweis = hinweis && hinweis.matches(".srp-wischen") && sichtbar(hinweis);
        rahmen.scrollLeft = rahmen.scrollWidth;
        const links = rahmen.getBoundingClientRect().left;
        const koepfe = [...tabelle.querySelectorAll("tbody tr > :first-child")];
        const kopfSichtbar = koepfe.length > 0
            && koepfe.every((k) => k.getBoundingClientRect().left >= links - 1);
        rahmen.scrollLeft = 0;
        if (!mitHinweis || !kopfSichtbar) {{
            const fehlt = [!mitHinweis && "kein sichtbarer Hinweis", !kopfSichtbar && "Zeilenkopf verschwindet"];
            tabellen.push({{...beschreiben(tabelle),
                            ziel: `${{beschreiben(tabelle).ziel}} (${{fehlt.filter(Boolean).join(", ")}})`}});
        }}
    }}
    fertig({{woerter, tabellen}});
}})))
"""

_AXE_AUSFUEHREN = """
async ([stufen, gebietsschema]) => {
    axe.configure({locale: gebietsschema});
    const ergebnis = await axe.run(document, {
        runOnly: {type: "tag", values: stufen},
        resultTypes: ["violations"],
        frameWaitTime: 5000,
    });
    const ziel = (teile) => teile.map((t) => Array.isArray(t) ? t.join(" >>> ") : t).join(" → ");
    return ergebnis.violations.map((v) => ({
        regel: v.id,
        wirkung: v.impact,
        hilfe: v.help,
        elemente: v.nodes.map((n) => ({ziel: ziel(n.target), html: n.html})),
    }));
}
"""

_BREITE_MESSEN = f"""
() => new Promise((fertig) => requestAnimationFrame(() => requestAnimationFrame(() => {{
    const beschreiben = {ELEMENT_BESCHREIBEN};
    const wurzel = document.documentElement;
    const breite = wurzel.scrollWidth;
    const zu_breit = [];
    if (breite > wurzel.clientWidth) {{
        // The outermost elements that stick out on the right and that no ancestor clips or scrolls.
        const frei = (element) => {{
            for (let a = element.parentElement; a && a !== document.body; a = a.parentElement) {{
                if (getComputedStyle(a).overflowX !== "visible") return false;
            }}
            return true;
        }};
        for (const element of document.body.querySelectorAll("*")) {{
            if (zu_breit.length === 5) break;
            if (element.getBoundingClientRect().right <= wurzel.clientWidth + 0.5) continue;
            if (!frei(element) || zu_breit.some((z) => z.contains(element))) continue;
            zu_breit.push(element);
        }}
    }}
    fertig({{breite, zu_breit: zu_breit.map(beschreiben)}});
}})))
"""


@dataclass(frozen=True)
class Verstoss:
    """An axe-core rule that failed, with every element that failed it."""

    regel: str
    wirkung: str
    hilfe: str
    elemente: tuple[Element, ...]


@dataclass
class Seitenbefund:
    """Everything one visit of one page found."""

    seite: str
    status: int | None = None
    verstoesse: list[Verstoss] = field(default_factory=list)
    externe_anfragen: list[str] = field(default_factory=list)
    fehlende_dateien: list[str] = field(default_factory=list)
    skriptfehler: list[str] = field(default_factory=list)
    csp_verstoesse: list[str] = field(default_factory=list)
    breite_schmal: int = 0
    zu_breit: list[Element] = field(default_factory=list)
    zerbrochene_woerter: list[Element] = field(default_factory=list)
    """At 360 px: headings and table cells with a word broken across two lines."""
    tabellen_ohne_halt: list[Element] = field(default_factory=list)
    """At 360 px: tables wider than the screen whose row header scrolls away or that do not say they scroll."""


@functools.cache
def _gebietsschema() -> object:
    """axe-core's German messages, so findings read in the language of the site."""
    return json.loads(AXE_DEUTSCH.read_text(encoding="utf-8"))


def axe_laden(tab: Page) -> None:
    """axe-core into every page the tab opens from now on, as an init script: the browser's own
    tools run it, so the page's Content-Security-Policy stays in force (a `<script>` tag added
    to the page would be refused by it, and bypassing the policy would hide real violations)."""
    tab.add_init_script(path=AXE)


def axe_ausfuehren(tab: Page) -> list[Verstoss]:
    """Runs axe-core (see `axe_laden`) on the page as it is now."""
    return [
        Verstoss(v["regel"], v["wirkung"], v["hilfe"], tuple(Element(**e) for e in v["elemente"]))
        for v in tab.evaluate(_AXE_AUSFUEHREN, [WCAG_STUFEN, _gebietsschema()])
    ]


class SeitenPruefer:
    """Visits pages one after another in a single browser tab.

    Reusing the tab keeps Chromium's compiled axe-core and Material's assets warm, which makes
    a visit about twice as fast as a new context per page."""

    def __init__(self, browser: Browser, webserver: Webserver) -> None:
        self.webserver = webserver
        self._blockiert: list[str] = []
        self._kontext = kontext_oeffnen(browser, self._blockiert)
        self._tab = self._kontext.new_page()
        axe_laden(self._tab)
        self._befund = Seitenbefund("")
        self._tab.on("pageerror", lambda fehler: self._befund.skriptfehler.append(str(fehler)))
        self._tab.on("response", self._antwort_pruefen)

    def pruefen(self, seite: str) -> Seitenbefund:
        self._befund = befund = Seitenbefund(seite)
        self._blockiert.clear()
        self._tab.set_viewport_size(BILDSCHIRM)
        antwort = self._tab.goto(self.webserver.url(seite))
        befund.status = antwort.status if antwort else None
        befund.verstoesse = axe_ausfuehren(self._tab)
        befund.csp_verstoesse = csp_verstoesse(self._tab)
        self._tab.set_viewport_size(SCHMAL)
        messung = self._tab.evaluate(_BREITE_MESSEN)
        befund.breite_schmal = messung["breite"]
        befund.zu_breit = [Element(**e) for e in messung["zu_breit"]]
        self._tab.set_viewport_size(HANDY)
        handy = self._tab.evaluate(_HANDY_MESSEN)
        befund.zerbrochene_woerter = [Element(**e) for e in handy["woerter"]]
        befund.tabellen_ohne_halt = [Element(**e) for e in handy["tabellen"]]
        befund.externe_anfragen = list(dict.fromkeys(self._blockiert))
        return befund

    def schliessen(self) -> None:
        self._kontext.close()

    def _antwort_pruefen(self, antwort: Response) -> None:
        """Notes files the page asks for but the site lacks; the page's own status is kept apart."""
        anfrage = antwort.request
        if anfrage.is_navigation_request() and anfrage.frame.parent_frame is None:
            return
        if antwort.status >= 400:
            self._befund.fehlende_dateien.append(f"{antwort.status} {antwort.url}")


@contextmanager
def pruefer_fuer(browser: Browser, website: Website) -> Iterator[SeitenPruefer]:
    """A checker for a site of its own (the internal funding site, a Synopse), on its own loopback server."""
    with Webserver(website) as server:
        pruefer = SeitenPruefer(browser, server)
        try:
            yield pruefer
        finally:
            pruefer.schliessen()


_TIEF = " " * 6
"""Elements sit below the rule they fail."""


def verstoesse_beschreiben(wo: str, verstoesse: list[Verstoss]) -> str:
    teile = [f"{wo}: {len(verstoesse)} axe-Regel(n) verletzt"]
    for v in verstoesse:
        teile.append(f"  {v.regel} ({v.wirkung}): {v.hilfe}\n{auflisten(list(v.elemente), _TIEF)}")
    return "\n".join(teile)


def zu_breit_beschreiben(befund: Seitenbefund) -> str:
    return (
        f"{befund.seite}: bei {SCHMAL['width']} px Fensterbreite ist die Seite {befund.breite_schmal} px breit "
        f"und muss waagerecht gescrollt werden. Ragen rechts hinaus:\n{auflisten(befund.zu_breit, _TIEF)}"
    )
