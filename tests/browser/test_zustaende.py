"""What Material shows only on demand, checked like a page: the open search with its results
and the navigation drawer of a narrow screen."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page

from .pruefung import SCHMAL, axe_ausfuehren, verstoesse_beschreiben

_SUCHWORT = "Sozialraum"
"""A word every version of the site contains, so the search always has results to show."""

_AUSGEBLENDET_FERTIG = """
(auswahl) => [...document.querySelectorAll(auswahl)].every((e) => e.getAnimations().length === 0)
"""
"""Material fades these parts in; axe must see them at full opacity, not halfway."""


def _axe_ohne_verstoesse(tab: Page, wo: str) -> None:
    verstoesse = axe_ausfuehren(tab)
    if verstoesse:
        pytest.fail(verstoesse_beschreiben(wo, verstoesse), pytrace=False)


def test_offene_suche_mit_ergebnissen(tab_oeffnen: Callable[[str], Page]) -> None:
    tab = tab_oeffnen("index.html")
    tab.focus(".md-search__input")
    tab.keyboard.type(_SUCHWORT)
    tab.locator(".md-search-result__item").first.wait_for()
    tab.wait_for_function(_AUSGEBLENDET_FERTIG, arg=".md-search__output, .md-search__scrollwrap")
    _axe_ohne_verstoesse(tab, f"index.html mit offener Suche nach „{_SUCHWORT}“")


def test_navigationsschublade_auf_schmalem_bildschirm(tab_oeffnen: Callable[[str], Page]) -> None:
    tab = tab_oeffnen("index.html")
    tab.set_viewport_size(SCHMAL)
    tab.click("label.md-header__button[for='__drawer']")
    tab.wait_for_function(_AUSGEBLENDET_FERTIG, arg=".md-sidebar--primary, .md-overlay")
    _axe_ohne_verstoesse(tab, f"index.html mit geöffneter Navigation bei {SCHMAL['width']} px")
