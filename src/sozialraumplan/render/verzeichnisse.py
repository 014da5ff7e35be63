"""Single-page lists: Sitzungen and Glossar (with abbreviations expanded site-wide)."""

from __future__ import annotations

from .. import beschluesse
from ..model import Plan
from ..seiten import Seite
from . import gremienarbeit
from .text import abschnitt, aufzaehlung, datum, h, klartext_md, kopf, md


def sitzungen_seite(plan: Plan) -> Seite:
    text = kopf("Sitzungen")
    text += "Die Sitzungen der Gremien mit ihren Themen und Ergebnissen, die neuesten zuerst.\n\n"
    for s in sorted(plan.sitzungen, key=lambda s: (s.datum, s.id), reverse=True):
        gremium = plan.gremium(s.gremium)
        ort = f", {klartext_md(s.ort)}" if s.ort else ""
        inhalt = (f"## {datum(s.datum)}: {klartext_md(s.titel)}\n\n"
                  f"[{klartext_md(gremium.label)}](gremien/{gremium.id}.md){ort}\n\n")
        if s.beispiel:
            inhalt += "*Beispiel: Diese Sitzung wurde für die Vorführung erfunden.*\n\n"
        if s.themen:
            inhalt += "**Themen**\n\n" + aufzaehlung(s.themen) + "\n\n"
        if s.ergebnisse:
            inhalt += "**Ergebnisse**\n\n" + aufzaehlung(s.ergebnisse) + "\n\n"
        if s.beschluesse:
            inhalt += "**Beschlüsse**\n\n" + "".join(
                gremienarbeit.beschluss(plan, e, "sitzungen.md", anker=True) for e in beschluesse.der_sitzung(s))
        text += abschnitt(s.id, inhalt)
    return Seite("sitzungen.md", "Sitzungen", text)


def glossar_seite(plan: Plan) -> Seite:
    text = kopf("Glossar")
    text += "Begriffe und Abkürzungen des Plans. Abkürzungen sind auf jeder Seite erklärt, "
    text += "wenn Sie mit der Maus darauf zeigen oder sie mit der Tastatur auswählen.\n\n"
    for begriff in sorted(plan.glossar.begriffe, key=lambda b: b.begriff.casefold()):
        name = klartext_md(begriff.begriff)
        if begriff.abkuerzung:
            name += f" ({klartext_md(begriff.abkuerzung)})"
        text += f"## {name}\n\n{md(begriff.erklaerung.strip())}\n\n"
        if begriff.leichte_sprache:
            text += ('<p class="srp-ls-kurz"><strong>In Leichter Sprache:</strong> '
                     f'{h(" ".join(begriff.leichte_sprache.split()))}</p>\n\n')
    return Seite("glossar.md", "Glossar", text)


def abkuerzungen(plan: Plan) -> str:
    """Markdown `abbr` definitions, appended to every page so each abbreviation is expanded."""
    return "\n".join(
        f"*[{b.abkuerzung}]: {' '.join(b.begriff.split())}"
        for b in plan.glossar.begriffe if b.abkuerzung
    )
