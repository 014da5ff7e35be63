"""Every page of the built site, as Chromium shows it: WCAG 2.1 AA by axe-core, no request to a
third party, nothing missing, and no sideways scrolling at 320 CSS pixels."""

from __future__ import annotations

import pytest

from .dom import auflisten
from .pruefung import HANDY, SCHMAL, Seitenbefund, verstoesse_beschreiben, zu_breit_beschreiben
from .website import FEHLERSEITE, Website


def test_website_wird_streng_gebaut(website: Website) -> None:
    if website.baufehler:
        pytest.fail(website.baufehler, pytrace=False)
    assert "index.html" in website.seiten, "Die Website hat keine Startseite index.html."


def test_axe_findet_keine_verstoesse(befund: Seitenbefund) -> None:
    if befund.verstoesse:
        pytest.fail(verstoesse_beschreiben(befund.seite, befund.verstoesse), pytrace=False)


def test_keine_anfragen_an_fremde_server(befund: Seitenbefund) -> None:
    if befund.externe_anfragen:
        blockiert = "\n".join(f"  - {url}" for url in befund.externe_anfragen)
        pytest.fail(f"{befund.seite} lädt von fremden Servern (blockiert):\n{blockiert}", pytrace=False)


def test_keine_verstoesse_gegen_die_inhaltsrichtlinie(befund: Seitenbefund) -> None:
    """Every script and style the page runs is the site's own: the browser refused nothing."""
    if befund.csp_verstoesse:
        liste = "\n".join(f"  - {v}" for v in befund.csp_verstoesse)
        pytest.fail(f"{befund.seite} verletzt ihre Content-Security-Policy:\n{liste}", pytrace=False)


def test_seite_laedt_vollstaendig_und_fehlerfrei(befund: Seitenbefund) -> None:
    erwartet = 404 if befund.seite == FEHLERSEITE else 200
    probleme = [f"  - Antwort {befund.status} statt {erwartet}"] if befund.status != erwartet else []
    probleme += [f"  - fehlende Datei: {datei}" for datei in befund.fehlende_dateien]
    probleme += [f"  - Skriptfehler: {fehler}" for fehler in befund.skriptfehler]
    if probleme:
        pytest.fail(f"{befund.seite} lädt nicht sauber:\n" + "\n".join(probleme), pytrace=False)


def test_kein_waagerechtes_scrollen_bei_320_px(befund: Seitenbefund) -> None:
    if befund.breite_schmal > SCHMAL["width"]:
        pytest.fail(zu_breit_beschreiben(befund), pytrace=False)


def test_am_handy_bleiben_woerter_in_ueberschriften_und_tabellen_ganz(befund: Seitenbefund) -> None:
    if befund.zerbrochene_woerter:
        pytest.fail(f"{befund.seite}: bei {HANDY['width']} px ist ein Wort mitten im Wort umbrochen:\n"
                    + auflisten(befund.zerbrochene_woerter), pytrace=False)


def test_breite_tabellen_am_handy_behalten_den_zeilenkopf_und_sagen_dass_sie_seitlich_scrollen(
        befund: Seitenbefund) -> None:
    if befund.tabellen_ohne_halt:
        pytest.fail(f"{befund.seite}: bei {HANDY['width']} px ist eine Tabelle breiter als ihr Rahmen, ohne "
                    "stehenbleibenden Zeilenkopf oder sichtbaren Hinweis:\n" + auflisten(befund.tabellen_ohne_halt),
                    pytrace=False)
