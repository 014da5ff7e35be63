"""Funded projects of the FRL Soziales on the public site: one overview (by year, by Leitlinie,
by district) and the short lists on the Leitlinien, the district profiles and the
Bedarfsermittlung. Only the public fields exist here: the plan has no other."""

from __future__ import annotations

from ..atlas.tabelle import Spalte, tabelle
from ..atlas.verweise import md_link
from ..atlas.zahlen import euro
from ..model import Foerderprojekt, Plan
from ..seiten import Seite
from .text import datum, h, klartext_md, kopf

ORDNER = "foerderprojekte"
SEITE = f"{ORDNER}/index.md"


EINLEITUNG = (
    "Freie Träger beantragen jedes Jahr Förderung nach der Förderrichtlinie zur Erfüllung sozialer "
    "Aufgaben (FRL Soziales). Die Quartiersplanungskoordination prüft die Anträge, das Begleitgremium "
    "bewertet und priorisiert sie, und der Ausschuss für Soziales, Arbeitsmarkt und Gleichstellung "
    "entscheidet. Hier stehen die geförderten Projekte nach dem Beschluss: Träger, Projekt, Stadtteile, "
    "Leitlinien, bewilligte Summe, Zeitraum und Beschluss. Anträge selbst und ihre Bewertung sind "
    "nicht öffentlich.")
"""What the funded projects are and where they come from: the site's overview and the PDF's chapter."""


def nach_jahren(plan: Plan) -> list[tuple[int, list[Foerderprojekt], str]]:
    """Each funding year, newest first, with its projects and their total (`12.500,50 €`)."""
    jahre = sorted({p.jahr for p in plan.foerderprojekte}, reverse=True)
    return [(jahr, projekte, euro(sum(p.bewilligte_summe for p in projekte)))
            for jahr in jahre for projekte in [[p for p in plan.foerderprojekte if p.jahr == jahr]]]


def anzahl(projekte: list[Foerderprojekt]) -> str:
    return f"{len(projekte)} {'Projekt' if len(projekte) == 1 else 'Projekte'}"


def betrag(projekt: Foerderprojekt) -> str:
    return euro(projekt.bewilligte_summe)


def _beschluss(projekt: Foerderprojekt) -> str:
    return f"Beschluss vom {datum(projekt.beschluss.datum)}, Drucksache {projekt.beschluss.drucksache}"


def _zusatz(projekt: Foerderprojekt) -> str:
    return " (Beispiel)" if projekt.beispiel else ""


def projektliste(projekte: list[Foerderprojekt], von: str) -> str:
    """A Markdown list of funded projects, each linked to its row in the overview."""
    return "\n".join(
        f"- [{klartext_md(p.projekt)}]({md_link(von, SEITE)}#projekt-{p.id}) – {klartext_md(p.traeger)}, "
        f"{klartext_md(betrag(p))} ({p.jahr}){klartext_md(_zusatz(p))}" for p in projekte) + "\n\n"


def abschnitt(plan: Plan, projekte: list[Foerderprojekt], von: str,
              titel: str = "Geförderte Projekte (FRL Soziales)") -> str:
    """The heading and list for a page that shows the projects funded for something; nothing
    while the plan has no funded project at all."""
    if not plan.foerderprojekte:
        return ""
    text = f"## {klartext_md(titel)}\n\n"
    if not projekte:
        return text + "Hier ist noch kein nach der FRL Soziales gefördertes Projekt verzeichnet.\n\n"
    return text + projektliste(projekte, von)


def _zeilen(plan: Plan, projekte: list[Foerderprojekt]) -> list[list[str]]:
    return [[f'<span id="projekt-{h(p.id)}">{h(p.projekt)}{h(_zusatz(p))}</span>', h(p.traeger),
             h(", ".join(plan.stadtteil_name(s) for s in p.stadtteile)),
             h(", ".join(str(plan.leitlinie(l).nummer) for l in p.leitlinien)), h(betrag(p)),
             h(f"{datum(p.zeitraum.beginn)} bis {datum(p.zeitraum.ende)}"), h(_beschluss(p))]
            for p in projekte]


def uebersicht(plan: Plan) -> Seite:
    text = kopf("Geförderte Projekte")
    text += EINLEITUNG + "\n\n"
    if not plan.foerderprojekte:
        return Seite(SEITE, "Geförderte Projekte", text + "Noch ist kein gefördertes Projekt verzeichnet.\n")
    if any(p.beispiel for p in plan.foerderprojekte):
        text += "Als Beispiel gekennzeichnete Projekte sind erfunden.\n\n"
    spalten = [Spalte("Projekt"), Spalte("Träger"), Spalte("Stadtteile"), Spalte("Leitlinien"),
               Spalte("Bewilligt", zahl=True), Spalte("Zeitraum"), Spalte("Beschluss")]
    for jahr, projekte, summe in nach_jahren(plan):
        text += f"## Förderjahr {jahr}\n\n{anzahl(projekte)}, zusammen {klartext_md(summe)}.\n\n"
        text += tabelle(f"foerderprojekte-{jahr}", f"Geförderte Projekte {jahr}", spalten, _zeilen(plan, projekte))
        text += "\n\n"
    text += "## Nach Leitlinien\n\n"
    for leitlinie in plan.leitlinien:
        projekte = plan.foerderprojekte_for_leitlinie(leitlinie.id)
        if projekte:
            text += (f"### [{leitlinie.nummer}. {klartext_md(leitlinie.titel)}]"
                     f"({md_link(SEITE, f'leitlinien/{leitlinie.id}.md')})\n\n" + projektliste(projekte, SEITE))
    text += "## Nach Stadtteilen\n\n"
    for stadtteil in sorted({s for p in plan.foerderprojekte for s in p.stadtteile}, key=plan.stadtteil_name):
        projekte = [p for p in plan.foerderprojekte if stadtteil in p.stadtteile]
        text += f"### {klartext_md(plan.stadtteil_name(stadtteil))}\n\n" + projektliste(projekte, SEITE)
    return Seite(SEITE, "Geförderte Projekte", text)
