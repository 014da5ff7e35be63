"""Session fixtures: one site build, one loopback server, one Chromium for every browser test.

Tests are parametrised per page at collection time, so the site is built (or read from
SOZIALRAUMPLAN_SITE) while pytest collects; a failed build is reported by
test_website_wird_streng_gebaut, and the per-page tests then have no pages to run on."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from . import chromium
from .pruefung import Seitenbefund, SeitenPruefer, axe_laden
from .tastatur import Rundgang, Tastatur
from .webserver import Webserver
from .website import Website, eine_je_verzeichnis, website_bereitstellen

_WEBSITE = pytest.StashKey[Website]()

MASSNAHMENKATALOG = "massnahmen/index.html"
"""The catalogue table: the longest keyboard walk a reader makes on the site."""


def _website(config: pytest.Config) -> Website:
    if _WEBSITE not in config.stash:
        ordner = Path(tempfile.mkdtemp(prefix="sozialraumplan-site-"))
        config.add_cleanup(lambda: shutil.rmtree(ordner, ignore_errors=True))
        config.stash[_WEBSITE] = website_bereitstellen(ordner)
    return config.stash[_WEBSITE]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    website = _website(metafunc.config)
    if "seite" in metafunc.fixturenames:
        metafunc.parametrize("seite", website.seiten)
    if "tastaturseite" in metafunc.fixturenames:
        karten = eine_je_verzeichnis(website.karten_seiten()) or [
            pytest.param(
                None, marks=pytest.mark.skip(reason="Die Website hat noch keine Seite mit einer Karte.")
            )
        ]
        metafunc.parametrize("tastaturseite", ["index.html", MASSNAHMENKATALOG, *karten])


@pytest.fixture(scope="session")
def website(request: pytest.FixtureRequest) -> Website:
    return _website(request.config)


@pytest.fixture(scope="session")
def webserver(website: Website) -> Iterator[Webserver]:
    with Webserver(website) as server:
        yield server


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        gestartet = chromium.starten(playwright)
        yield gestartet
        gestartet.close()


@pytest.fixture(scope="session")
def pruefer(browser: Browser, webserver: Webserver) -> Iterator[SeitenPruefer]:
    geoeffnet = SeitenPruefer(browser, webserver)
    yield geoeffnet
    geoeffnet.schliessen()


@pytest.fixture(scope="session")
def _befunde() -> dict[str, Seitenbefund]:
    """One visit per page, shared by the tests that each judge one aspect of it."""
    return {}


@pytest.fixture
def befund(seite: str, pruefer: SeitenPruefer, _befunde: dict[str, Seitenbefund]) -> Seitenbefund:
    if seite not in _befunde:
        _befunde[seite] = pruefer.pruefen(seite)
    return _befunde[seite]


@pytest.fixture
def tab_oeffnen(browser: Browser, webserver: Webserver, website: Website) -> Iterator[Callable[[str], Page]]:
    """Opens a page in a new context and tab, nothing focused yet; all are closed after the test.

    External requests are blocked here as well; the per-page tests already count them."""
    kontexte: list[BrowserContext] = []

    def oeffnen(seite: str) -> Page:
        if seite not in website.seiten:
            pytest.fail(f"{seite} fehlt in der gebauten Website.", pytrace=False)
        kontexte.append(chromium.kontext_oeffnen(browser, []))
        geoeffnet = kontexte[-1].new_page()
        axe_laden(geoeffnet)
        geoeffnet.goto(webserver.url(seite))
        return geoeffnet

    yield oeffnen
    for kontext in kontexte:
        kontext.close()


@pytest.fixture
def tastatur(tab_oeffnen: Callable[[str], Page], tastaturseite: str) -> Tastatur:
    return Tastatur(tab_oeffnen(tastaturseite))


@pytest.fixture(scope="session")
def _rundgaenge() -> dict[str, Rundgang]:
    return {}


@pytest.fixture
def tabrundgang(
    tab_oeffnen: Callable[[str], Page], tastaturseite: str, _rundgaenge: dict[str, Rundgang]
) -> Rundgang:
    """One walk per page with Tab, shared by the tests for visible focus and for focus traps."""
    if tastaturseite not in _rundgaenge:
        _rundgaenge[tastaturseite] = Tastatur(tab_oeffnen(tastaturseite)).rundgang(tastaturseite)
    return _rundgaenge[tastaturseite]
