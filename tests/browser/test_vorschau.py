"""`make serve` in Chromium: the page an editor has open reloads by itself with the edit, within
seconds, and the preview's reload script asks only its own server."""

from __future__ import annotations

from conftest import PlanOrdner, website_kopieren
from playwright.sync_api import Browser
from test_vorschau import freier_port, vorschau

from . import chromium


def test_die_offene_seite_zeigt_die_aenderung_von_selbst(browser: Browser, kleinstadt: PlanOrdner, tmp_path):
    website_kopieren(kleinstadt.wurzel)
    port, protokoll = freier_port(), tmp_path / "vorschau.log"
    with vorschau(kleinstadt.wurzel, port, protokoll):
        blockiert: list[str] = []
        kontext = chromium.kontext_oeffnen(browser, blockiert)
        seite = kontext.new_page()
        seite.goto(f"http://127.0.0.1:{port}/massnahmen/M001.html")
        assert "Stadtteilzentrum Nord eröffnen" in seite.locator("h1").inner_text()
        kleinstadt.ersetzen("plan/massnahmen/M001.yml", "titel: Stadtteilzentrum Nord eröffnen",
                            "titel: Stadtteilzentrum Nord bauen")
        seite.wait_for_function("document.querySelector('h1')?.textContent.includes('Nord bauen')", timeout=30_000)
        kontext.close()
    assert blockiert == []
