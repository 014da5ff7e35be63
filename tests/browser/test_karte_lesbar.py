"""The atlas maps at 1280 px: every high-need district named, the zoom buttons the first Tab stops
of the map, and a district's info box beside it, not on top of it."""

from __future__ import annotations

import json

_KARTE = "atlas/index.html"


def _gezeichnet(tab):
    tab.locator(".atlas-karte-flaeche .leaflet-interactive[role=img]").first.wait_for()
    return tab


def test_stadtteile_mit_hohem_bedarf_tragen_immer_ihren_namen(tab_oeffnen):
    tab = _gezeichnet(tab_oeffnen(_KARTE))
    daten = json.loads(tab.locator(".atlas-karte-flaeche").first.get_attribute("data-karte"))
    hoch = {f["properties"]["name"] for f in daten["flaechen"]["features"] if f["properties"].get("hoch")}
    assert hoch, "Die Karte kennt Stadtteile mit hohem Bedarf."
    namen = set(tab.locator(".atlas-karte-flaeche").first.locator(".atlas-name").all_inner_texts())
    assert hoch <= namen, f"ohne Namen auf der Karte: {sorted(hoch - namen)}"


def test_zoomknoepfe_kommen_vor_den_stadtteilen_in_der_tab_reihenfolge(tab_oeffnen):
    tab = _gezeichnet(tab_oeffnen(_KARTE))
    erste = tab.evaluate("""() => [...document.querySelector(".atlas-karte-flaeche")
        .querySelectorAll("a[href], button, input, [tabindex]")].filter((e) => e.tabIndex >= 0)
        .map((e) => e.getAttribute("title") || e.getAttribute("aria-label") || e.className.baseVal || e.className)""")
    assert erste[:2] == ["Karte vergrößern", "Karte verkleinern"], erste[:5]


def test_die_info_eines_stadtteils_verdeckt_ihn_nicht(tab_oeffnen):
    tab = _gezeichnet(tab_oeffnen(_KARTE))
    tab.locator(".atlas-karte").first.scroll_into_view_if_needed()
    flaechen = tab.locator(".atlas-karte-flaeche").first.locator(".leaflet-interactive[role=img]")
    geprueft = 0
    for nummer in range(0, flaechen.count(), 5):
        flaeche = flaechen.nth(nummer)
        f = flaeche.bounding_box()
        mitte = (f["x"] + f["width"] / 2, f["y"] + f["height"] / 2)
        tab.mouse.move(*mitte)
        info = tab.locator(".leaflet-tooltip.atlas-tooltip")
        if not info.count():
            continue  # the middle of the box lies in a neighbour's area (a crescent-shaped district)
        i = info.last.bounding_box()
        verdeckt = i["x"] <= mitte[0] <= i["x"] + i["width"] and i["y"] <= mitte[1] <= i["y"] + i["height"]
        assert not verdeckt, f"Die Info verdeckt {flaeche.get_attribute('aria-label')}"
        geprueft += 1
    assert geprueft >= 3
