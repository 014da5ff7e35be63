"""Content-Security-Policy for every built page, and the last look at what a page would load.

The policy is computed from the finished page: each inline `<script>` and `<style>` the page
really has gets its `sha256` hash, nothing is allowed `'unsafe-inline'`. So even if an escaping
mistake let markup through, a browser would refuse to run it or to load anything from another
host. `verstoesse` checks the same page before it is written: a live handler, a script link or a
resource from another host there is a bug of this program, and the build stops.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser

from .bereinigen import auf_dieser_website

GRUNDREGELN = (
    "default-src 'self'",
    "img-src 'self' data:",  # Material's icons are data: URIs in its stylesheet
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-src 'none'",
)
"""Everything but the hashes; the same on every page."""
NUR_KOPFZEILE = ("frame-ancestors 'none'",)
"""Directives a `<meta>` policy may not carry (browsers ignore them there): header file only."""

_URL_ATTRIBUTE = {"href", "src", "action", "formaction", "poster", "data", "xlink:href", "background",
                  "cite", "srcset", "ping"}
_SKRIPT_SCHEMA = re.compile(r"^\s*(javascript|vbscript|data)\s*:", re.IGNORECASE)
_LADEN = {"script": "src", "img": "src", "iframe": "src", "embed": "src", "object": "data",
          "video": "src", "audio": "src", "source": "src", "track": "src", "input": "src"}
_LINK_LAEDT = {"stylesheet", "preload", "prefetch", "modulepreload", "icon", "manifest",
               "apple-touch-icon", "mask-icon"}
_AUSFUEHRBAR = {"", "text/javascript", "module", "application/javascript"}


@dataclass
class _Leser:
    """The inline scripts and styles of a page and anything a safe page must not contain."""

    skripte: list[str] = field(default_factory=list)
    stile: list[str] = field(default_factory=list)
    funde: list[str] = field(default_factory=list)

    def element(self, tag: str, werte: dict[str, str], inhalt: str) -> None:
        """What an element of `_BESONDERE` loads, runs or changes."""
        quelle = werte.get(_LADEN.get(tag, ""), "")
        if tag == "link" and _LINK_LAEDT & set(werte.get("rel", "").lower().split()):
            quelle = werte.get("href", "")
        if quelle and not auf_dieser_website(quelle):
            self.funde.append(f"<{tag}> lädt „{quelle[:80]}“ von einem anderen Ort")
        if tag == "meta" and werte.get("http-equiv", "").lower() == "refresh":
            self.funde.append("<meta http-equiv=refresh> leitet weiter")
        if tag == "base":
            self.funde.append("<base> ändert das Ziel aller Links")
        if tag == "template":  # its content is parsed apart from the page, and scripts may insert it
            self.funde.append("<template> enthält Markup, das erst ein Skript einsetzt")
        if tag == "script" and "src" not in werte and werte.get("type", "").lower() in _AUSFUEHRBAR:
            self.skripte.append(inhalt)
        elif tag == "style":
            self.stile.append(inhalt)


_BESONDERE = {*_LADEN, "link", "meta", "base", "template", "style"}
"""The elements `_Leser.element` looks at beyond their attributes; for the thousands of others on a
page (navigation, tables, map shapes) the attribute check is all, which keeps the check fast."""


def _lesen(html: str) -> _Leser:
    """Every element as a browser parses it (Lexbor follows the HTML standard's parsing rules, and
    it is fast enough to read every page of a large city's site)."""
    leser = _Leser()
    wurzel = LexborHTMLParser(html).root
    for knoten in wurzel.traverse(include_text=False) if wurzel is not None else ():
        tag = knoten.tag
        if tag is None or tag.startswith("-"):  # comments
            continue
        werte = knoten.attributes
        for name, wert in werte.items():  # inline, not a call per element: pages have thousands
            if name.startswith("on"):
                leser.funde.append(f"<{tag}> mit Ereignis-Attribut „{name}“")
            elif name in _URL_ATTRIBUTE and wert and _SKRIPT_SCHEMA.match(wert):
                leser.funde.append(f"<{tag} {name}> verweist auf ein Skript oder data:-Inhalt")
        if tag in _BESONDERE:
            leser.element(tag, {name: wert or "" for name, wert in werte.items()},
                          knoten.text(deep=True) if tag in ("script", "style") else "")
    return leser


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def pruefen(html: str) -> tuple[list[str], str]:
    """One reading of the finished page: what it must never contain, in German (empty for a safe
    page), and its policy: the common rules plus a hash for each inline script and style."""
    leser = _lesen(html)
    skripte = " ".join(sorted({_hash(s) for s in leser.skripte}))
    stile = " ".join(sorted({_hash(s) for s in leser.stile}))
    politik = "; ".join([*GRUNDREGELN, f"script-src 'self' {skripte}".strip(), f"style-src 'self' {stile}".strip()])
    return leser.funde, politik


def verstoesse(html: str) -> list[str]:
    """What the finished page must never contain, in German (empty for a safe page)."""
    return pruefen(html)[0]


_ANFANG = (re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE), re.compile(r"<head(\s[^>]*)?>", re.IGNORECASE))


def einsetzen(html: str, politik: str) -> str:
    """The page with its policy right after the character set (else at the start of `<head>`),
    before any script or style it governs."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{politik}">'
    for muster in _ANFANG:
        treffer = muster.search(html)
        if treffer is not None:
            return html[: treffer.end()] + meta + html[treffer.end():]
    return meta + html


def kopfzeilen_datei(politiken: dict[str, str]) -> str:
    """`_headers` for hosts that send headers from a file (Netlify, Cloudflare Pages): the same
    policy per page, plus what only a header can say."""
    bloecke = []
    for pfad, politik in sorted(politiken.items()):
        adressen = [pfad, pfad.removesuffix("index.html")] if pfad.endswith("index.html") else [pfad]
        kopf = (f"  Content-Security-Policy: {'; '.join([politik, *NUR_KOPFZEILE])}\n"
                "  X-Content-Type-Options: nosniff\n  Referrer-Policy: same-origin\n")
        bloecke += [f"/{adresse}\n{kopf}" for adresse in adressen]
    return "\n".join(bloecke)
