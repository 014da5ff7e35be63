"""The atlas maps at 1280 px (and 360 px): every high-need district named, the zoom buttons the first Tab stops
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
    assert hoch <= _benannt(tab), f"ohne Namen auf der Karte: {sorted(hoch - _benannt(tab))}"


def _benannt(tab) -> set[str]:
    """Names on the first map: its labels, and the names its key gives for numbered labels."""
    karte = tab.locator(".atlas-karte").first
    schilder = karte.locator(".atlas-name").all_inner_texts()
    schluessel = tab.locator(".atlas-karte + .atlas-namenliste").first
    eintraege = {}
    if schluessel.count() and schluessel.is_visible():
        text = schluessel.inner_text().removeprefix("Nummern auf der Karte: ").removesuffix(".")
        eintraege = dict(e.split(" ", 1) for e in text.split("; "))
    return {eintraege.get(s, s) for s in schilder}


def test_am_handy_ueberdecken_sich_die_namen_nicht_und_bleiben_auf_der_karte(tab_oeffnen):
    """At 360 px a dense centre has no room for every high-need name: the ones that do not fit
    become numbers with a key below the map, so no label covers another and each is named."""
    tab = tab_oeffnen(_KARTE)
    tab.set_viewport_size({"width": 360, "height": 800})
    tab.reload()
    _gezeichnet(tab)
    tab.wait_for_timeout(300)  # the labels are placed again after the map has its new size
    daten = json.loads(tab.locator(".atlas-karte-flaeche").first.get_attribute("data-karte"))
    hoch = {f["properties"]["name"] for f in daten["flaechen"]["features"] if f["properties"].get("hoch")}
    assert hoch <= _benannt(tab), f"ohne Namen: {sorted(hoch - _benannt(tab))}"
    rahmen = tab.locator(".atlas-karte-flaeche").first.bounding_box()
    kaesten = [k for k in (s.bounding_box() for s in tab.locator(".atlas-karte").first.locator(".atlas-name").all()) if k]
    for k in kaesten:
        assert rahmen["x"] - 1 <= k["x"] and k["x"] + k["width"] <= rahmen["x"] + rahmen["width"] + 1, k
    for i, a in enumerate(kaesten):
        for b in kaesten[i + 1:]:
            ueberlappt = (a["x"] + 1 < b["x"] + b["width"] and b["x"] + 1 < a["x"] + a["width"]
                          and a["y"] + 1 < b["y"] + b["height"] and b["y"] + 1 < a["y"] + a["height"])
            assert not ueberlappt, (a, b)


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
