"""Keyboard use of the start page, the Maßnahmen catalogue and a map page of each
folder (WCAG 2.1.1,
2.1.2, 2.4.1, 2.4.7, 4.1.2): a working skip link, a focus one can always see, a name for every Tab
stop, and no focus trap."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page

from .dom import Element, auflisten
from .tastatur import Rundgang, Tastatur

_SPRUNGZIEL = """
() => {
    const ziel = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    const aktiv = document.activeElement;
    return {
        gefunden: ziel !== null,
        danach: ziel !== null && (ziel.contains(aktiv)
            || (ziel.compareDocumentPosition(aktiv) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0),
        im_inhalt: aktiv.closest(".md-content, .md-footer") !== null,
    };
}
"""


def test_sprunglink_fuehrt_zum_inhalt(tastatur: Tastatur, tastaturseite: str) -> None:
    erster = tastatur.tab_druecken()
    if erster is None or ".md-skip" not in erster.element.ziel:
        pytest.fail(
            f"{tastaturseite}: der erste Tab-Halt ist nicht der Sprunglink „Zum Inhalt springen“ (a.md-skip), "
            f"sondern {erster}.",
            pytrace=False,
        )
    if not erster.sichtbar:
        pytest.fail(f"{tastaturseite}: der Sprunglink ist mit Fokus nicht sichtbar: {erster}", pytrace=False)
    tastatur.tab.keyboard.press("Enter")
    nach_sprung = tastatur.tab_druecken()
    sprung = tastatur.tab.evaluate(_SPRUNGZIEL)
    if not sprung["gefunden"]:
        pytest.fail(f"{tastaturseite}: das Ziel des Sprunglinks gibt es nicht ({tastatur.tab.url}).", pytrace=False)
    if not (sprung["danach"] and sprung["im_inhalt"]):
        pytest.fail(
            f"{tastaturseite}: nach dem Sprunglink landet Tab nicht im Inhalt, sondern auf {nach_sprung}.",
            pytrace=False,
        )


def _ohne_mangel(rundgang: Rundgang, mangel: str, betroffen: list[Element]) -> None:
    if betroffen:
        pytest.fail(
            f"{rundgang.seite}: {len(betroffen)} von {len(rundgang.stationen)} Tab-Halten {mangel}:\n"
            + auflisten(betroffen),
            pytrace=False,
        )


def test_fokus_bleibt_sichtbar(tabrundgang: Rundgang) -> None:
    _ohne_mangel(
        tabrundgang,
        "ohne sichtbaren Fokus (kein outline/box-shadow oder keine Fläche)",
        [station.element for station in tabrundgang.stationen if not station.sichtbar],
    )


def test_jeder_tab_halt_hat_einen_namen(tabrundgang: Rundgang) -> None:
    _ohne_mangel(
        tabrundgang,
        "ohne zugänglichen Namen – ein Screenreader sagt dort nichts (aria-label, Text oder title fehlt)",
        [station.element for station in tabrundgang.stationen if not station.name],
    )


def test_tabulator_durchlaeuft_die_ganze_seite(tabrundgang: Rundgang) -> None:
    letzte = auflisten([station.element for station in tabrundgang.stationen[-5:]])
    if tabrundgang.falle is not None:
        pytest.fail(
            f"{tabrundgang.seite}: der Fokus kreist, {tabrundgang.falle} kommt ein zweites Mal dran. "
            f"Letzte Tab-Halte:\n{letzte}",
            pytrace=False,
        )
    if not tabrundgang.am_ende:
        pytest.fail(
            f"{tabrundgang.seite}: nach {len(tabrundgang.stationen)} Tab-Halten ist das Seitenende nicht "
            f"erreicht. Letzte Tab-Halte:\n{letzte}",
            pytrace=False,
        )
    if tabrundgang.fuss_hat_links and not any(station.im_fuss for station in tabrundgang.stationen):
        pytest.fail(f"{tabrundgang.seite}: Tab erreicht die Links im Fußbereich nicht.", pytrace=False)


def test_navigationsabschnitt_oeffnet_mit_eingabe_und_leertaste(tab_oeffnen: Callable[[str], Page]) -> None:
    tab = tab_oeffnen("index.html")
    pfeil = tab.locator("label.md-nav__link[role='button']").first
    schalter = tab.locator(f"[id='{pfeil.get_attribute('for')}']")
    offen = schalter.is_checked()
    pfeil.focus()
    tab.keyboard.press("Enter")
    nach_eingabe = schalter.is_checked()
    tab.keyboard.press(" ")
    nach_leertaste = schalter.is_checked()
    if (nach_eingabe, nach_leertaste) != (not offen, offen):
        pytest.fail(
            f"index.html: „{pfeil.get_attribute('aria-label')}“ schaltet nicht mit der Tastatur um "
            f"(offen vorher {offen}, nach Eingabetaste {nach_eingabe}, nach Leertaste {nach_leertaste}).",
            pytrace=False,
        )
