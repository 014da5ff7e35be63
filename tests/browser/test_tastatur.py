"""Keyboard use of the start page, the Maßnahmen catalogue and every map page (WCAG 2.1.1,
2.1.2, 2.4.1, 2.4.7): a working skip link, a focus one can always see, and no focus trap."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from .tastatur import Rundgang, fokus

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


def test_sprunglink_fuehrt_zum_inhalt(tab: Page, tastaturseite: str) -> None:
    tab.keyboard.press("Tab")
    erster = fokus(tab)
    if erster is None or ".md-skip" not in erster.element.ziel:
        pytest.fail(
            f"{tastaturseite}: der erste Tab-Halt ist nicht der Sprunglink „Zum Inhalt springen“ (a.md-skip), "
            f"sondern {erster}.",
            pytrace=False,
        )
    if not erster.sichtbar:
        pytest.fail(f"{tastaturseite}: der Sprunglink ist mit Fokus nicht sichtbar: {erster}", pytrace=False)
    tab.keyboard.press("Enter")
    tab.keyboard.press("Tab")
    sprung = tab.evaluate(_SPRUNGZIEL)
    nach_sprung = fokus(tab)
    if not sprung["gefunden"]:
        pytest.fail(f"{tastaturseite}: das Ziel des Sprunglinks gibt es nicht ({tab.url}).", pytrace=False)
    if not (sprung["danach"] and sprung["im_inhalt"]):
        pytest.fail(
            f"{tastaturseite}: nach dem Sprunglink landet Tab nicht im Inhalt, sondern auf {nach_sprung}.",
            pytrace=False,
        )


def test_fokus_bleibt_sichtbar(tabrundgang: Rundgang) -> None:
    unsichtbar = [f"  - {station}" for station in tabrundgang.stationen if not station.sichtbar]
    if unsichtbar:
        pytest.fail(
            f"{tabrundgang.seite}: {len(unsichtbar)} von {len(tabrundgang.stationen)} Tab-Halten ohne sichtbaren "
            "Fokus (kein outline/box-shadow oder keine Fläche):\n" + "\n".join(unsichtbar),
            pytrace=False,
        )


def test_tabulator_durchlaeuft_die_ganze_seite(tabrundgang: Rundgang) -> None:
    letzte = "\n".join(f"  - {station}" for station in tabrundgang.stationen[-5:])
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
