"""The additions of the Begleitgremium's work to the pages of the plan: what each Maßnahme,
Leitlinie and Stadtteil page shows besides its own data, and the start page's overview."""

from __future__ import annotations

from .. import beschluesse, feeds
from ..atlas.modell import Atlas
from ..model import Massnahme, Plan
from ..verlauf import Fassung, umsetzung, zeitleiste
from .gremienarbeit import beschluesse_abschnitt, umsetzung_abschnitt, umsetzung_tabelle, verlauf_abschnitt
from .pfade import relativ
from .text import h
from .wirkung import wirkung_abschnitt


def massnahme_zusatz(plan: Plan, m: Massnahme, fassungen: list[Fassung], atlas: Atlas | None) -> str:
    von = f"massnahmen/{m.id}.md"
    return (verlauf_abschnitt(plan, zeitleiste(plan, m, fassungen), von, feeds.massnahme_feed(m.id))
            + beschluesse_abschnitt(plan, beschluesse.fuer_massnahme(plan, m.id), von)
            + wirkung_abschnitt(plan, atlas, m))


def leitlinie_zusatz(plan: Plan, ident: str) -> str:
    von = f"leitlinien/{ident}.md"
    return (umsetzung_abschnitt(umsetzung(plan.massnahmen_for_leitlinie(ident)))
            + beschluesse_abschnitt(plan, beschluesse.fuer_leitlinie(plan, ident), von))


def stadtteil_zusatz(plan: Plan, ident: str, von: str) -> str:
    """For a district profile: its counts, the decisions about it, its feed."""
    feed = relativ(feeds.stadtteil_feed(ident), von)
    return (umsetzung_abschnitt(umsetzung(plan.massnahmen_for_stadtteil(ident)))
            + beschluesse_abschnitt(plan, beschluesse.fuer_stadtteil(plan, ident), von)
            + f'<p><a class="srp-feed" href="{h(feed)}">Neuigkeiten zu diesem Stadtteil als Feed abonnieren '
              "(Atom)</a></p>\n\n")


def startseite_umsetzung(plan: Plan, von: str) -> str:
    """The start page's overview: how far the Maßnahmen of each Leitlinie and of the plan have come."""
    zeilen = [(f'<a href="{h(relativ(f"leitlinien/{l.id}.html", von))}">{h(l.titel)}</a>',
               umsetzung(plan.massnahmen_for_leitlinie(l.id))) for l in plan.leitlinien]
    zeilen.append(("Alle Maßnahmen", umsetzung(plan.massnahmen)))
    feed = relativ(feeds.PLAN_FEED, von)
    return (umsetzung_tabelle(zeilen, "Stand der Umsetzung nach Leitlinien", "Leitlinie")
            + f'<p><a class="srp-feed" href="{h(feed)}">Neuigkeiten zum Plan als Feed abonnieren (Atom)</a>: neue '
              "Fortschreibungen, Änderungen an Maßnahmen und neue Beschlüsse.</p>\n\n"
            + f"[Prioritäten des Begleitgremiums]({relativ('massnahmen/prioritaeten.md', von)}) · "
              f"[Wirkungsmonitoring]({relativ('massnahmen/wirkung.md', von)})\n")


