"""Debian's Chromium under Playwright, and browser contexts that never leave the machine."""

from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, Playwright, Route

CHROMIUM = "/usr/bin/chromium"
"""Debian's package; Playwright's own browser download is not reachable from CI."""

_ARGUMENTE = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

LOKALE_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})

BILDSCHIRM = {"width": 1280, "height": 800}
"""A desktop window: axe and the keyboard walks see the layout with the side navigation."""


def starten(playwright: Playwright) -> Browser:
    return playwright.chromium.launch(executable_path=CHROMIUM, args=_ARGUMENTE)


def kontext_oeffnen(browser: Browser, blockiert: list[str]) -> BrowserContext:
    """A fresh context whose requests to any non-loopback host are aborted and noted in `blockiert`.

    The site promises readers that it contacts no third party; a blocked request is a finding,
    not something to let through."""
    kontext = browser.new_context(viewport=BILDSCHIRM, locale="de-DE", service_workers="block")

    def weiterleiten(route: Route) -> None:
        if urlsplit(route.request.url).hostname in LOKALE_HOSTS:
            route.continue_()
        else:
            blockiert.append(route.request.url)
            route.abort("blockedbyclient")

    kontext.route("**/*", weiterleiten)
    return kontext
