"""Keyboard walks: where Tab puts the focus, whether a sighted user can see it and what a
screen reader calls it."""

from __future__ import annotations

from dataclasses import dataclass

from playwright.sync_api import Page

from .dom import ELEMENT_BESCHREIBEN, Element

_FOKUS_LESEN = f"""
() => {{
    const beschreiben = {ELEMENT_BESCHREIBEN};
    // Follow the focus into same-origin iframes (maps) and shadow roots.
    let element = document.activeElement;
    while (element) {{
        const innen = element.contentDocument?.activeElement ?? element.shadowRoot?.activeElement;
        if (!innen || innen === element.contentDocument?.body) break;
        element = innen;
    }}
    if (!element || element === document.body || element === document.documentElement) {{
        window.__fokus = null;
        return null;
    }}
    // Kept for Chromium's accessibility tree, which names the element (see Tastatur._name).
    window.__fokus = element;
    // Counted on the top window, so a second visit of the same element is recognised.
    window.__tabBesuche ??= new WeakMap();
    const besuche = (window.__tabBesuche.get(element) ?? 0) + 1;
    window.__tabBesuche.set(element, besuche);
    const stil = getComputedStyle(element);
    const rahmen = element.getBoundingClientRect();
    const umriss = stil.outlineStyle !== "none" && parseFloat(stil.outlineWidth) > 0;
    const schatten = stil.boxShadow !== "none";
    return {{
        element: beschreiben(element),
        hervorgehoben: umriss || schatten,
        hat_flaeche: rahmen.width > 0 && rahmen.height > 0,
        im_fuss: element.closest("footer, .md-footer") !== null,
        besuche,
    }};
}}
"""

_ELEMENTE_ZAEHLEN = """
() => {
    const zaehlen = (dokument) => [...dokument.querySelectorAll("*")].reduce(
        (summe, e) => summe + 1 + (e.contentDocument ? zaehlen(e.contentDocument) : 0), 0);
    return zaehlen(document);
}
"""

_FUSS_HAT_LINKS = """
() => document.querySelector("footer a[href], .md-footer a[href]") !== null
"""


@dataclass(frozen=True)
class Fokus:
    """The element that has the keyboard focus after one press of Tab."""

    element: Element
    hervorgehoben: bool
    hat_flaeche: bool
    im_fuss: bool
    besuche: int
    name: str

    @property
    def sichtbar(self) -> bool:
        """Outline or box-shadow drawn around a box that has an area (WCAG 2.4.7)."""
        return self.hervorgehoben and self.hat_flaeche

    def __str__(self) -> str:
        return str(self.element)


@dataclass(frozen=True)
class Rundgang:
    """Tab pressed from the top of a page until the focus leaves the last element or repeats."""

    seite: str
    stationen: tuple[Fokus, ...]
    am_ende: bool
    fuss_hat_links: bool

    @property
    def falle(self) -> Fokus | None:
        """The first element reached a second time before the end: focus is going round in circles."""
        return next((f for f in self.stationen if f.besuche > 1), None)


class Tastatur:
    """A tab driven by the keyboard, with Chromium's accessibility tree at hand for names."""

    def __init__(self, tab: Page) -> None:
        self.tab = tab
        self._cdp = tab.context.new_cdp_session(tab)

    def tab_druecken(self) -> Fokus | None:
        self.tab.keyboard.press("Tab")
        return self.fokus()

    def fokus(self) -> Fokus | None:
        """The focused element, looking into frames; None while the focus rests on the document."""
        gelesen = self.tab.evaluate(_FOKUS_LESEN)
        if gelesen is None:
            return None
        return Fokus(**{**gelesen, "element": Element(**gelesen["element"]), "name": self._name()})

    def _name(self) -> str:
        """The accessible name Chromium computes for the focused element: what a screen reader says."""
        objekt = self._cdp.send("Runtime.evaluate", {"expression": "window.__fokus"})["result"]
        baum = self._cdp.send(
            "Accessibility.getPartialAXTree", {"objectId": objekt["objectId"], "fetchRelatives": False}
        )
        return str(baum["nodes"][0].get("name", {}).get("value", "")).strip()

    def rundgang(self, seite: str) -> Rundgang:
        """Walks the page with Tab. It ends when the focus falls back to the document after the
        last element (the browser would go on to its own toolbar), when an element comes round a
        second time, or after more presses than the page has elements — no walk through a page
        without a trap can be longer than that."""
        grenze = self.tab.evaluate(_ELEMENTE_ZAEHLEN) + 1
        stationen: list[Fokus] = []
        am_ende = False
        for _ in range(grenze):
            station = self.tab_druecken()
            if station is None:
                am_ende = True
                break
            stationen.append(station)
            if station.besuche > 1:
                break
        return Rundgang(seite, tuple(stationen), am_ende, self.tab.evaluate(_FUSS_HAT_LINKS))
