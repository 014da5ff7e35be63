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


def _profile(website) -> list[str]:
    return sorted(s for s in website.seiten if s.startswith("atlas/stadtteile/") and s != "atlas/stadtteile/index.html")


def test_jedes_profil_beginnt_mit_der_karte_auf_einen_blick(website):
    """Verdict, locator map and the link to the district's own Leichte-Sprache page, on every profile."""
    profile = _profile(website)
    assert len(profile) == len(_csv("stadtteile.csv"))
    for seite in profile:
        ident = seite.rsplit("/", 1)[1].removesuffix(".html")
        html = website.html(seite)
        karte = html.split('<div class="srp-stadtteilkarte">', 1)[1].split('<p class="srp-stadtteilkarte-links">', 1)
        assert "<dt>Unterstützungsbedarf</dt>" in karte[0] and "<dt>Ergebnis der Bedarfsermittlung</dt>" in karte[0], seite
        assert '<svg class="srp-lagekarte"' in karte[0], seite
        assert f'href="../../leichte-sprache/stadtteile/{ident}.html"' in karte[1], seite
        assert website.html(f"leichte-sprache/stadtteile/{ident}.html"), seite


def test_die_karte_steht_am_handy_oben_und_fuehrt_zur_leichten_sprache_des_stadtteils(tab_oeffnen):
    stadtteil = _stadtteil()
    tab = _am_handy(tab_oeffnen, f"atlas/stadtteile/{stadtteil['id']}.html")
    karte = tab.locator(".srp-stadtteilkarte")
    assert karte.bounding_box()["y"] < HANDY["height"], "Die Karte „Auf einen Blick“ beginnt im ersten Bildschirm."
    assert tab.get_by_role("img", name=f"Lage von {stadtteil['name']} in der Stadt (dunkel)").is_visible()
    tab.get_by_role("link", name=f"{stadtteil['name']} in Leichter Sprache", exact=True).click()
    tab.wait_for_load_state()
    assert tab.url.endswith(f"leichte-sprache/stadtteile/{stadtteil['id']}.html")
    assert tab.get_by_role("heading", level=1, name=f"Stadtteil {stadtteil['name']}").count() == 1


def test_vergleich_zweier_stadtteile_mit_teilbarer_adresse(tab_oeffnen):
    erster, zweiter = _csv("stadtteile.csv")[:2]
    tab = _am_handy(tab_oeffnen, "atlas/vergleich.html")
    tab.goto(tab.url + f"?a={erster['id']}&b={zweiter['id']}")
    tabelle = tab.get_by_role("table", name=f"{erster['name']} und {zweiter['name']} im Vergleich mit der Gesamtstadt")
    koepfe = tabelle.get_by_role("columnheader").all_inner_texts()
    assert koepfe == ["Angabe", erster["name"], zweiter["name"], "Gesamtstadt"]
    assert tabelle.get_by_role("row").count() > 3
    dritter = _csv("stadtteile.csv")[2]
    tab.get_by_label("Zweiter Stadtteil").select_option(dritter["id"])
    assert tab.url.endswith(f"?a={erster['id']}&b={dritter['id']}")
    assert tab.get_by_role("table", name=f"{erster['name']} und {dritter['name']} im Vergleich mit der Gesamtstadt").count() == 1


def test_vergleich_ohne_javascript_zeigt_alle_stadtteile_und_die_gesamtstadt(website):
    html = website.html("atlas/vergleich.html")
    tabelle = html.split('id="tabelle-vergleich-alle"', 1)[1]
    for zeile in _csv("stadtteile.csv"):
        assert f'href="stadtteile/{zeile["id"]}.html"' in tabelle
    assert '<th scope="row">Gesamtstadt</th>' in tabelle


def test_gefilterter_katalog_steht_in_der_adresse_und_zeigt_maßnahmen_der_ganzen_stadt(tab_oeffnen):
    tab = _am_handy(tab_oeffnen, "massnahmen/index.html")
    optionen = tab.locator("select[data-filter=stadtteile]").locator("option").evaluate_all("(o) => o.map((x) => x.value)")
    stadtteil = next(o for o in optionen if o and o != "gesamtstadt")
    tab.locator("select[data-filter=stadtteile]").select_option(stadtteil)
    assert tab.url.endswith(f"?stadtteile={stadtteil}")
    sichtbar = tab.locator("table.srp-katalog tbody tr:not([hidden])")
    werte = sichtbar.evaluate_all("(z) => z.map((x) => x.dataset.stadtteile.split(' '))")
    assert werte and all(stadtteil in w or "gesamtstadt" in w for w in werte)
    assert any("gesamtstadt" in w for w in werte), "Maßnahmen für die ganze Stadt gelten auch hier"
    tab.reload()
    assert tab.locator("select[data-filter=stadtteile]").input_value() == stadtteil
