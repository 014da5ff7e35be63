"""Screenshots of the pages a new reader opens first, on a phone and on a desktop, for review.

    .venv/bin/python scripts/bildschirmfotos.py [SITE] [ZIEL]

Takes the built site (default `site/`, see `make site`), serves it on a free loopback port and
writes full-page PNGs of the start page, one district profile and the Maßnahmen catalogue at
360×800 and 1280×900 CSS pixels into ZIEL (default `bildschirmfotos/`). Requests to any other
host are refused, as in the browser tests.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Route, ViewportSize, sync_playwright

CHROMIUM = "/usr/bin/chromium"
GROESSEN: dict[str, ViewportSize] = {"360": {"width": 360, "height": 800}, "1280": {"width": 1280, "height": 900}}
"""Phone first: 360 CSS pixels is the most common narrow width; 1280 a common laptop."""


def seiten(site: Path) -> dict[str, str]:
    """Name of the picture → page: the start page, the first district profile, the catalogue."""
    gewaehlt = {"startseite": "index.html", "massnahmen": "massnahmen/index.html"}
    profile = sorted(p for p in (site / "atlas" / "stadtteile").glob("*.html") if p.name != "index.html")
    if profile:
        gewaehlt["stadtteilprofil"] = profile[0].relative_to(site).as_posix()
    return gewaehlt


def fotografieren(site: Path, ziel: Path) -> list[Path]:
    handler = functools.partial(_StillerHandler, directory=str(site))
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        basis = f"http://127.0.0.1:{server.server_address[1]}/"
        geschrieben = []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            for breite, groesse in GROESSEN.items():
                kontext = browser.new_context(viewport=groesse, locale="de-DE")
                kontext.route("**/*", _nur_lokal)
                tab = kontext.new_page()
                for name, seite in seiten(site).items():
                    tab.goto(basis + seite, wait_until="networkidle")
                    datei = ziel / f"{name}-{breite}.png"
                    tab.screenshot(path=str(datei), full_page=True)
                    geschrieben.append(datei)
                kontext.close()
            browser.close()
        server.shutdown()
    return geschrieben


def _nur_lokal(route: Route) -> None:
    if urlsplit(route.request.url).hostname == "127.0.0.1":
        route.continue_()
    else:
        route.abort("blockedbyclient")


class _StillerHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """No line per request on the terminal."""


def main(argumente: list[str]) -> int:
    site = Path(argumente[0] if argumente else "site")
    ziel = Path(argumente[1] if len(argumente) > 1 else "bildschirmfotos")
    if not (site / "index.html").is_file():
        print(f"In {site} liegt keine gebaute Website (index.html fehlt) — bauen Sie sie mit „make site“.",
              file=sys.stderr)
        return 1
    ziel.mkdir(parents=True, exist_ok=True)
    for datei in fotografieren(site, ziel):
        print(datei)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
