"""The reader's path on a phone (360×800): find one's district by its name or one's street,
read what the plan says about it, compare it with another district."""

from __future__ import annotations

import csv
from collections.abc import Callable

import pytest
from playwright.sync_api import Page

from .pruefung import HANDY
from .website import REPO


def _csv(name: str) -> list[dict[str, str]]:
    pfad = REPO / "data" / name
    if not pfad.is_file():
        pytest.skip(f"data/{name} fehlt: ohne sie gibt es hier nichts zu prüfen.")
    with pfad.open(encoding="utf-8", newline="") as datei:
        return list(csv.DictReader(datei))


def _stadtteil() -> dict[str, str]:
    """A district of this city, taken from its data (the suite knows no city's names)."""
    return _csv("stadtteile.csv")[0]


def _strasse_mit_einem_stadtteil() -> tuple[str, str]:
    zeilen = _csv("strassen.csv")
    anzahl: dict[str, int] = {}
    for zeile in zeilen:
        anzahl[zeile["strasse"]] = anzahl.get(zeile["strasse"], 0) + 1
    zeile = next(z for z in zeilen if anzahl[z["strasse"]] == 1)
    return zeile["strasse"], zeile["stadtteil"]


def _am_handy(tab_oeffnen: Callable[[str], Page], seite: str) -> Page:
    tab = tab_oeffnen(seite)
    tab.set_viewport_size(HANDY)
    return tab


def _suchen(tab: Page, text: str) -> None:
    feld = tab.get_by_role("searchbox", name="Stadtteil", exact=False)
    feld.fill(text)
    tab.get_by_role("status").filter(has_text="Treffer").wait_for()
    feld.press("Enter")
    tab.wait_for_load_state()


@pytest.mark.parametrize("startseite", ["index.html", "atlas/index.html"])
def test_der_name_des_stadtteils_fuehrt_zu_seinem_profil(tab_oeffnen, startseite):
    stadtteil = _stadtteil()
    tab = _am_handy(tab_oeffnen, startseite)
    _suchen(tab, stadtteil["name"])
    assert tab.url.endswith(f"atlas/stadtteile/{stadtteil['id']}.html"), tab.url
    # The heading's name is the district's name alone (the „¶“ anchor does not belong to it).
    assert tab.get_by_role("heading", level=1, name=stadtteil["name"], exact=True).count() == 1


@pytest.mark.parametrize("startseite", ["index.html", "atlas/index.html"])
def test_der_strassenname_fuehrt_zum_profil_seines_stadtteils(tab_oeffnen, startseite):
    strasse, stadtteil = _strasse_mit_einem_stadtteil()
    tab = _am_handy(tab_oeffnen, startseite)
    _suchen(tab, strasse.lower()[: max(5, len(strasse) - 2)])
    assert tab.url.endswith(f"atlas/stadtteile/{stadtteil}.html"), tab.url


def test_ohne_javascript_fuehren_listen_von_a_bis_z_zu_jedem_stadtteil(website):
    start = website.html("index.html")
    assert "Alle Stadtteile von A bis Z" in start
    liste = website.html("atlas/stadtteile/index.html")
    for zeile in _csv("stadtteile.csv"):
        assert f'href="{zeile["id"]}.html"' in liste, f"{zeile['name']} fehlt in der Liste von A bis Z"
    strassen = website.html("atlas/strassen.html")
    strasse, stadtteil = _strasse_mit_einem_stadtteil()
    eintrag = strassen.split(f"<li>{strasse}: ", 1)[1].split("</li>", 1)[0]
    assert f'href="stadtteile/{stadtteil}.html"' in eintrag
