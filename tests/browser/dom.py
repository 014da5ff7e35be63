"""How the suite names an element in a failure message, in the page and in Python."""

from __future__ import annotations

from dataclasses import dataclass

ELEMENT_BESCHREIBEN = """
(element) => {
    const klassen = typeof element.className === "string" ? element.className : "";
    const auswahl = element.tagName.toLowerCase()
        + (element.id ? "#" + element.id : "")
        + klassen.split(/\\s+/).filter(Boolean).slice(0, 3).map((k) => "." + k).join("");
    return {ziel: auswahl, html: element.outerHTML.slice(0, 1000)};
}
"""
"""A short CSS-like selector and the element's HTML, the way axe reports its nodes."""


@dataclass(frozen=True)
class Element:
    """One element named in a finding: a selector and its markup."""

    ziel: str
    html: str

    def __str__(self) -> str:
        """The markup on one line and cut short: enough to find the element in the page source."""
        zeile = " ".join(self.html.split())
        return f"{self.ziel}: {zeile if len(zeile) <= 160 else zeile[:160] + '…'}"


_HOECHSTENS = 10
"""Elements listed per finding; more only repeat the same cause."""


def auflisten(elemente: list[Element], einrueckung: str = "  ") -> str:
    """One line per element for a failure message, cut off after ten."""
    zeilen = [f"{einrueckung}- {e}" for e in elemente[:_HOECHSTENS]]
    if len(elemente) > _HOECHSTENS:
        zeilen.append(f"{einrueckung}… und {len(elemente) - _HOECHSTENS} weitere")
    return "\n".join(zeilen)
