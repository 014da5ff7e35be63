"""Finds every address in a built site that would make a reader's browser contact another host.

Links (`<a href>`) are not requests; everything a browser loads by itself is: scripts, styles,
images, frames, media, fonts and `url()` in CSS, also inside inline `style` attributes.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

LOKAL = {"", "127.0.0.1", "localhost", "::1"}
LADENDE_ATTRIBUTE = {
    "script": ("src",), "img": ("src", "srcset"), "iframe": ("src",), "frame": ("src",),
    "source": ("src", "srcset"), "video": ("src", "poster"), "audio": ("src",), "track": ("src",),
    "embed": ("src",), "object": ("data",), "input": ("src",), "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
}
LADENDE_LINKS = {"stylesheet", "icon", "preload", "prefetch", "preconnect", "dns-prefetch", "modulepreload",
                 "manifest", "apple-touch-icon", "shortcut"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)""", re.I)
CSS_IMPORT = re.compile(r"""@import\s+['"]([^'"]+)""", re.I)


def _fremd(adresse: str) -> bool:
    adresse = adresse.strip()
    if adresse.startswith("//"):
        return True
    teile = urlsplit(adresse)
    return teile.scheme in ("http", "https") and (teile.hostname or "") not in LOKAL


class _Sammler(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.gefunden: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        werte = {k: v or "" for k, v in attrs}
        kandidaten = [werte.get(a, "") for a in LADENDE_ATTRIBUTE.get(tag, ())]
        if tag == "link" and set(werte.get("rel", "").lower().split()) & LADENDE_LINKS:
            kandidaten.append(werte.get("href", ""))
        if tag == "meta" and werte.get("http-equiv", "").lower() == "refresh":
            kandidaten.append(werte.get("content", "").partition("url=")[2])
        kandidaten += CSS_URL.findall(werte.get("style", ""))
        for kandidat in kandidaten:
            for teil in kandidat.split(","):  # srcset lists several addresses
                adresse = teil.strip().split(" ")[0]
                if adresse and _fremd(adresse):
                    self.gefunden.append(adresse)

    def handle_data(self, data: str) -> None:
        # Inline <style> blocks; script text is not parsed (a string there is no request).
        if self.lasttag == "style":
            self.gefunden += [a for a in CSS_URL.findall(data) + CSS_IMPORT.findall(data) if _fremd(a)]


def externe_adressen(site: Path) -> dict[str, list[str]]:
    """Site file → the foreign addresses it would load (only files that have any)."""
    ergebnis: dict[str, list[str]] = {}
    for datei in sorted(site.rglob("*")):
        if datei.suffix == ".html":
            sammler = _Sammler()
            sammler.feed(datei.read_text(encoding="utf-8", errors="replace"))
            gefunden = sammler.gefunden
        elif datei.suffix == ".css":
            text = datei.read_text(encoding="utf-8", errors="replace")
            gefunden = [a for a in CSS_URL.findall(text) + CSS_IMPORT.findall(text) if _fremd(a)]
        else:
            continue
        if gefunden:
            ergebnis[str(datei.relative_to(site))] = gefunden
    return ergebnis
