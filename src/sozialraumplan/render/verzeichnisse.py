"""Single-page lists: Sitzungen and Glossar (with abbreviations expanded site-wide)."""

from __future__ import annotations

from ..model import Plan
from ..seiten import Seite
from .text import abschnitt, aufzaehlung, datum, h, kopf, md, klartext_md


def sitzungen_seite(plan: Plan) -> Seite:
    text = kopf("Sitzungen")
    text += "Die Sitzungen der Gremien mit ihren Themen und Ergebnissen, die neuesten zuerst.\n\n"
    for s in sorted(plan.sitzungen, key=lambda s: (s.date, s.id), reverse=True):
        gremium = plan.gremium(s.gremium)
        ort = f", {klartext_md(s.place)}" if s.place else ""
        inhalt = f"## {datum(s.date)}: {klartext_md(s.title)}\n\n[{klartext_md(gremium.label)}](gremien/{gremium.id}.md){ort}\n\n"
        if s.example:
            inhalt += "*Beispiel: Diese Sitzung wurde für die Vorführung erfunden.*\n\n"
        if s.topics:
            inhalt += "**Themen**\n\n" + aufzaehlung(s.topics) + "\n\n"
        if s.results:
            inhalt += "**Ergebnisse**\n\n" + aufzaehlung(s.results) + "\n\n"
        text += abschnitt(s.id, inhalt)
    return Seite("sitzungen.md", "Sitzungen", text)


def glossar_seite(plan: Plan) -> Seite:
    text = kopf("Glossar")
    text += "Begriffe und Abkürzungen des Plans. Abkürzungen sind auf jeder Seite erklärt, "
    text += "wenn Sie mit der Maus darauf zeigen oder sie mit der Tastatur auswählen.\n\n"
    for begriff in sorted(plan.glossar.terms, key=lambda b: b.term.casefold()):
        name = klartext_md(begriff.term)
        if begriff.abbreviation:
            name += f" ({klartext_md(begriff.abbreviation)})"
        text += f"## {name}\n\n{md(begriff.explanation.strip())}\n\n"
        if begriff.leichte_sprache:
            text += f'<p class="srp-ls-kurz"><strong>In Leichter Sprache:</strong> {h(" ".join(begriff.leichte_sprache.split()))}</p>\n\n'
    return Seite("glossar.md", "Glossar", text)


def abkuerzungen(plan: Plan) -> str:
    """Markdown `abbr` definitions, appended to every page so each abbreviation is expanded."""
    return "\n".join(
        f"*[{b.abbreviation}]: {' '.join(b.term.split())}"
        for b in plan.glossar.terms if b.abbreviation
    )
