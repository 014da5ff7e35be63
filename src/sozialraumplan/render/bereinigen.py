"""The allowlist sanitiser every page body passes through after Markdown.

Editors' texts, data values and hand-written pages all end up as HTML; whatever an escaping
mistake upstream lets through, only the elements, attributes and link targets listed here
reach a reader. Nothing is guessed from the input: what is not on the list is dropped.

- no event handler, no `style`, no `<script>`, `<iframe>`, `<object>`, `<form action>`;
- links only to `http(s):`, `mailto:`, `tel:` and relative targets;
- images, videos and subtitles only from the site itself (relative addresses);
- SVG (diagrams, colour swatches) only with plain shapes and colours, no links or references
  to other documents.
"""

from __future__ import annotations

import re

import nh3

_ALLGEMEIN = {"class", "id", "title", "lang", "dir", "role", "hidden", "tabindex",
              "aria-label", "aria-labelledby", "aria-describedby", "aria-hidden", "aria-live",
              "aria-current", "aria-sort", "aria-expanded", "aria-controls"}
"""Attributes any element may carry."""

_SVG_FORM = {"fill", "stroke", "stroke-width", "stroke-dasharray", "stroke-linejoin", "stroke-linecap",
             "opacity", "fill-opacity", "transform"}
_SVG_TEXT = _SVG_FORM | {"x", "y", "dx", "dy", "text-anchor", "font-size", "font-weight", "dominant-baseline"}

_ATTRIBUTE: dict[str, set[str]] = {
    "a": {"href", "hreflang", "download"},
    "img": {"src", "alt", "width", "height", "loading", "decoding"},
    "video": {"src", "controls", "preload", "poster", "width", "height", "playsinline"},
    "track": {"src", "kind", "srclang", "label", "default"},
    "td": {"colspan", "rowspan", "headers"},
    "th": {"colspan", "rowspan", "headers", "scope", "abbr"},
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start", "reversed", "type"},
    "time": {"datetime"},
    "progress": {"value", "max"},
    "meter": {"value", "min", "max", "low", "high", "optimum"},
    "details": {"open"},
    "option": {"value", "selected"},
    "label": {"for"},
    "select": {"name", "multiple"},
    "input": {"type", "name", "autocomplete", "spellcheck", "enterkeyhint"},
    "button": {"type"},
    "svg": {"viewBox", "width", "height", "xmlns", "focusable", "preserveAspectRatio"},
    "g": _SVG_FORM,
    "rect": _SVG_FORM | {"x", "y", "width", "height", "rx", "ry"},
    "circle": _SVG_FORM | {"cx", "cy", "r"},
    "ellipse": _SVG_FORM | {"cx", "cy", "rx", "ry"},
    "line": _SVG_FORM | {"x1", "y1", "x2", "y2"},
    "polyline": _SVG_FORM | {"points"},
    "polygon": _SVG_FORM | {"points"},
    "path": _SVG_FORM | {"d"},
    "text": _SVG_TEXT,
    "tspan": _SVG_TEXT,
}
ELEMENTE = frozenset({
    "a", "abbr", "article", "aside", "b", "blockquote", "br", "caption", "cite", "code", "col",
    "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "img", "ins", "kbd",
    "label", "li", "mark", "meter", "nav", "ol", "option", "p", "pre", "progress", "q", "s", "samp",
    "section", "select", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "time", "tr", "track", "u", "ul", "var", "video", "wbr",
    "svg", "g", "title", "desc", "rect", "circle", "ellipse", "line", "polyline", "polygon", "path",
    "text", "tspan", "input", "button",
})
LINK_SCHEMATA = frozenset({"http", "https", "mailto", "tel"})

_LADEN = {("img", "src"), ("video", "src"), ("video", "poster"), ("track", "src")}
"""Attributes the browser fetches by itself: only addresses on this site."""
_FARBE = re.compile(r"^(#[0-9A-Fa-f]{3,8}|[A-Za-z]+|none|currentColor)$")
_SCHEMA = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def auf_dieser_website(adresse: str) -> bool:
    """An address on this site: no scheme, no `//host`, no backslash trick (`\\\\host`)."""
    adresse = adresse.strip()
    return not (_SCHEMA.match(adresse) or adresse.startswith(("//", "\\", "/\\")))


def _attribut(element: str, name: str, wert: str) -> str | None:
    if name.startswith("data-md-"):
        return None  # Material's own behaviour hooks (components, state) are not for content
    if (element, name) in _LADEN and not auf_dieser_website(wert):
        return None
    if name in ("fill", "stroke") and not _FARBE.match(wert.strip()):
        return None  # a colour, never a `url(…)` reference to another document
    return wert


def bereinigen(html: str) -> str:
    """The HTML with everything not on the allowlist removed (text content is kept, escaped)."""
    return nh3.clean(
        html,
        tags=set(ELEMENTE),
        attributes={"*": _ALLGEMEIN, **_ATTRIBUTE},
        generic_attribute_prefixes={"data-"},
        attribute_filter=_attribut,
        url_schemes=set(LINK_SCHEMATA),
        link_rel=None,
        strip_comments=True,
    )


_ANKERLINK = re.compile(r'<a class="headerlink" href="(#[^"]*)" title="[^"]*">¶</a>')


def ankerlinks_still(html: str) -> str:
    """The „¶“ link after each heading stays for the mouse but leaves the heading's name and the
    Tab order: a screen reader otherwise reads every heading as „Methode ¶“, and each heading
    would cost a keyboard user a second Tab stop."""
    return _ANKERLINK.sub(r'<a class="headerlink" href="\1" aria-hidden="true" tabindex="-1">¶</a>', html)
