"""Leitlinien: the overview and one page per Leitlinie with the Maßnahmen that serve it."""

from __future__ import annotations

from ..model import Leitlinie, Plan
from ..seiten import Seite
from . import foerderprojekte
from .massnahmen import katalog
from .text import aufzaehlung, h, klartext_md, kopf, leichte_sprache_absatz, md

ORDNER = "leitlinien"


def uebersicht(plan: Plan) -> Seite:
    text = kopf("Sozialpolitische Leitlinien")
    text += (f"Die {len(plan.leitlinien)} Leitlinien geben der Sozialpolitik die Richtung vor. "
             "Jede Maßnahme des Plans dient mindestens einer Leitlinie.\n\n")
    for leitlinie in plan.leitlinien:
        anzahl = len(plan.massnahmen_for_leitlinie(leitlinie.id))
        text += (f"## {leitlinie.nummer}. [{klartext_md(leitlinie.titel)}]({leitlinie.id}.md)\n\n"
                 f"{md(leitlinie.leitsatz.strip())}\n\n"
                 f"{anzahl} {'Maßnahme' if anzahl == 1 else 'Maßnahmen'}\n\n")
    return Seite(f"{ORDNER}/index.md", "Leitlinien", text)


def seite(plan: Plan, leitlinie: Leitlinie, zusatz: str = "") -> Seite:
    """`zusatz`: further sections (Stand der Umsetzung, Beschlüsse), before the Leichte-Sprache text."""
    text = kopf(f"Leitlinie {leitlinie.nummer}: {leitlinie.titel}")
    text += f'<p class="srp-leitsatz">{h(leitlinie.leitsatz.strip())}</p>\n\n'
    text += md(leitlinie.erlaeuterung.strip()) + "\n\n"
    if leitlinie.themen:
        text += "## Themen aus der Beteiligung\n\n" + aufzaehlung(leitlinie.themen) + "\n\n"
    massnahmen = plan.massnahmen_for_leitlinie(leitlinie.id)
    text += "## Maßnahmen zu dieser Leitlinie\n\n"
    text += (katalog(plan, massnahmen, basis="../massnahmen/") if massnahmen
             else "Dieser Leitlinie ist noch keine Maßnahme zugeordnet.") + "\n\n"
    text += foerderprojekte.abschnitt(plan, plan.foerderprojekte_for_leitlinie(leitlinie.id), f"{ORDNER}/{leitlinie.id}.md")
    text += zusatz
    text += "## In Leichter Sprache\n\n" + leichte_sprache_absatz(leitlinie.leichte_sprache) + "\n"
    return Seite(f"{ORDNER}/{leitlinie.id}.md", leitlinie.titel, text,
                 quelle=plan.quellen.get(f"leitlinie:{leitlinie.id}"))
