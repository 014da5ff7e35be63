"""The internal site of the funding round (FRL Soziales) as Chromium shows it: WCAG 2.1 AA by
axe-core, nothing from other servers, its Content-Security-Policy kept, no sideways scrolling
at 320 CSS pixels — the Begleitgremium reads it on phones, too."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from sozialraumplan.cli import main

from .pruefung import SCHMAL, SeitenPruefer, pruefer_fuer, verstoesse_beschreiben, zu_breit_beschreiben
from .website import REPO, Website

BEISPIEL = REPO / "tests" / "fixtures" / "foerderung_intern"
SEITEN = ("index.html", "2026/index.html", "2026/2026-stadtteilcafe.html", "2026/2026-nachzuegler.html")
"""The start page, the ranking, an assessed application and one that failed the formal check."""


@pytest.fixture(scope="module")
def interne_website(tmp_path_factory: pytest.TempPathFactory) -> Website:
    ordner: Path = tmp_path_factory.mktemp("intern") / "website"
    assert main(["--wurzel", str(REPO), "foerderung", "--intern", str(BEISPIEL), "--ziel", str(ordner)]) == 0
    return Website(ordner, "/", tuple(sorted(p.relative_to(ordner).as_posix() for p in ordner.rglob("*.html"))))


@pytest.fixture(scope="module")
def interner_pruefer(browser: Browser, interne_website: Website) -> Iterator[SeitenPruefer]:
    with pruefer_fuer(browser, interne_website) as pruefer:
        yield pruefer


@pytest.mark.parametrize("interne_seite", SEITEN)
def test_interne_seite_im_browser(interner_pruefer: SeitenPruefer, interne_website: Website,
                                  interne_seite: str) -> None:
    assert interne_seite in interne_website.seiten
    befund = interner_pruefer.pruefen(interne_seite)
    assert befund.status == 200 and not befund.fehlende_dateien and not befund.skriptfehler
    if befund.verstoesse:
        pytest.fail(verstoesse_beschreiben(interne_seite, befund.verstoesse), pytrace=False)
    assert befund.csp_verstoesse == [] and befund.externe_anfragen == []
    if befund.breite_schmal > SCHMAL["width"]:
        pytest.fail(zu_breit_beschreiben(befund), pytrace=False)
