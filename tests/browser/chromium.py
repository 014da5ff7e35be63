"""Debian's Chromium under Playwright, and browser contexts that never leave the machine."""

from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, Page, Playwright, Route

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

CSP_MITSCHNITT = """
window.__cspVerstoesse = [];
document.addEventListener("securitypolicyviolation", (e) => {
    window.__cspVerstoesse.push(`${e.effectiveDirective} blockiert ${e.blockedURI || "inline"} `
        + `(${e.sourceFile || "Seite"}:${e.lineNumber}) ${e.sample || ""}`.trim());
});
"""
"""Notes every refusal of the page's Content-Security-Policy. Injected by the browser's own
tools before the page's scripts, so it needs no exception in the policy it watches."""


def starten(playwright: Playwright) -> Browser:
    return playwright.chromium.launch(executable_path=CHROMIUM, args=_ARGUMENTE)


def kontext_oeffnen(browser: Browser, blockiert: list[str]) -> BrowserContext:
    """A fresh context whose requests to any non-loopback host are aborted and noted in `blockiert`,
    and whose pages note every Content-Security-Policy violation (`csp_verstoesse`).

    The site promises readers that it contacts no third party and runs no script it did not
    ship; a blocked request or a refused script is a finding, not something to let through.
    The policy is never bypassed here: axe-core comes in as an init script (see pruefung.py)."""
    kontext = browser.new_context(viewport=BILDSCHIRM, locale="de-DE", service_workers="block")
    kontext.add_init_script(CSP_MITSCHNITT)

    def weiterleiten(route: Route) -> None:
        if urlsplit(route.request.url).hostname in LOKALE_HOSTS:
            route.continue_()
        else:
            blockiert.append(route.request.url)
            route.abort("blockedbyclient")

    kontext.route("**/*", weiterleiten)
    return kontext


def csp_verstoesse(tab: Page) -> list[str]:
    """The Content-Security-Policy violations the page has had so far."""
    return list(tab.evaluate("() => window.__cspVerstoesse || []"))
