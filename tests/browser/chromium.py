"""Debian's Chromium under Playwright, and browser contexts that never leave the machine."""

from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, Page, Playwright

CHROMIUM = "/usr/bin/chromium"
"""Debian's package; Playwright's own browser download is not reachable from CI."""

TOTER_PROXY = "http://127.0.0.1:9"
"""The discard port, where no service listens on a test machine: a request sent through this proxy
fails at once. Were something listening there, the request would still stay on this machine."""

_ARGUMENTE = [
    "--no-sandbox",
    # Every request to a non-loopback host goes to a proxy that is not there, so it never leaves
    # the machine; Chromium never sends loopback requests through a proxy, so the site under test
    # is reached directly. Blocking in the browser keeps its cache on: a Playwright route would
    # switch the cache off and load every asset again on every page (about 0.3 s per page).
    f"--proxy-server={TOTER_PROXY}",
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


def fremd(url: str) -> bool:
    """True for an address on another machine: what the browser must not reach (data: and blob:
    addresses have no host and stay in the page)."""
    teile = urlsplit(url)
    return teile.scheme in {"http", "https", "ws", "wss"} and teile.hostname not in LOKALE_HOSTS


def kontext_oeffnen(browser: Browser, blockiert: list[str]) -> BrowserContext:
    """A fresh context whose requests to any non-loopback host are noted in `blockiert` (the
    browser started by `starten` refuses to send them), and whose pages note every
    Content-Security-Policy violation (`csp_verstoesse`).

    The site promises readers that it contacts no third party and runs no script it did not
    ship; a blocked request or a refused script is a finding, not something to let through.
    The policy is never bypassed here: axe-core comes in as an init script (see pruefung.py)."""
    kontext = browser.new_context(viewport=BILDSCHIRM, locale="de-DE", service_workers="block")
    kontext.add_init_script(CSP_MITSCHNITT)

    def notieren(url: str) -> None:
        if fremd(url):
            blockiert.append(url)

    def beobachten(tab: Page) -> None:
        tab.on("websocket", lambda verbindung: notieren(verbindung.url))

    kontext.on("request", lambda anfrage: notieren(anfrage.url))
    kontext.on("page", beobachten)
    return kontext


def csp_verstoesse(tab: Page) -> list[str]:
    """The Content-Security-Policy violations the page has had so far."""
    return list(tab.evaluate("() => window.__cspVerstoesse || []"))
