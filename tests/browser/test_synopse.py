"""The Synopse in Chromium: the standalone file of `sozialraumplan synopse` and the site's page
„Synopse“, for Musterstadt with two tagged Fortschreibungen — WCAG 2.1 AA by axe-core, nothing
refused by the Content-Security-Policy, no sideways scrolling at 320 CSS pixels, details that open."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import KLEINSTADT, PlanOrdner, mkdocs_bauen, website_kopieren
from fixtures.diff.zwei_fassungen import zwei_fassungen
from playwright.sync_api import Browser

from sozialraumplan.cli import main

from . import chromium
from .pruefung import SCHMAL, SeitenPruefer, axe_laden, pruefer_fuer, verstoesse_beschreiben, zu_breit_beschreiben
from .webserver import Webserver
from .website import Website

EIGENSTAENDIG = "synopse-v2025.1-v2026.1.html"
"""The file `sozialraumplan synopse v2025.1 v2026.1 --ausgabe …` writes, served beside the site."""
SEITEN = ("synopse.html", "aenderungen.html", EIGENSTAENDIG)


@pytest.fixture(scope="module")
def musterstadt(tmp_path_factory: pytest.TempPathFactory) -> Website:
    ordner = PlanOrdner(tmp_path_factory.mktemp("synopse-browser") / "musterstadt")
    for pfad, text in KLEINSTADT.items():
        ordner.schreiben(pfad, text)
    website_kopieren(ordner.wurzel)
    repo = zwei_fassungen(ordner)
    ziel = repo.wurzel.parent / "site"
    bau = mkdocs_bauen(repo.wurzel, ziel)
    assert bau.returncode == 0, bau.stderr
    code = main(["--wurzel", str(repo.wurzel), "synopse", "v2025.1", "v2026.1", "--ausgabe", str(ziel / EIGENSTAENDIG)])
    assert code == 0
    return Website(Path(ziel), "/", SEITEN)


@pytest.fixture(scope="module")
def pruefer_musterstadt(browser: Browser, musterstadt: Website) -> Iterator[SeitenPruefer]:
    with pruefer_fuer(browser, musterstadt) as pruefer:
        yield pruefer


@pytest.mark.parametrize("synopsenseite", SEITEN)
def test_die_synopse_ist_barrierefrei(synopsenseite: str, pruefer_musterstadt: SeitenPruefer) -> None:
    befund = pruefer_musterstadt.pruefen(synopsenseite)
    assert befund.status == 200
    if befund.verstoesse:
        pytest.fail(verstoesse_beschreiben(synopsenseite, befund.verstoesse), pytrace=False)
    assert befund.csp_verstoesse == []
    assert befund.externe_anfragen == []
    if befund.breite_schmal > SCHMAL["width"]:
        pytest.fail(zu_breit_beschreiben(befund), pytrace=False)


@pytest.mark.parametrize("synopsenseite", ["synopse.html", EIGENSTAENDIG])
def test_unveraenderte_eintraege_oeffnen_sich_mit_der_tastatur(synopsenseite: str, browser: Browser,
                                                                musterstadt: Website) -> None:
    with Webserver(musterstadt) as server:
        kontext = chromium.kontext_oeffnen(browser, [])
        try:
            tab = kontext.new_page()
            axe_laden(tab)
            tab.goto(server.url(synopsenseite))
            zusammenfassung = tab.locator("summary", has_text="Leitlinie 2: Armut vermeiden (unverändert)")
            tabelle = tab.locator("details", has=zusammenfassung).locator("table")
            assert not tabelle.is_visible()
            zusammenfassung.focus()
            tab.keyboard.press("Enter")
            assert tabelle.is_visible()
            assert tabelle.locator("caption").inner_text() == "Leitlinie 2: Armut vermeiden – unverändert"
        finally:
            kontext.close()
