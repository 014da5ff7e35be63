"""The Begleitgremium's work on the site: decisions, the current ranking of the Maßnahmen, a
Maßnahme's timeline and how far groups of Maßnahmen have come."""

from __future__ import annotations

from .. import beschluesse
from ..atlas.tabelle import Spalte, tabelle
from ..beschluesse import Eintrag
from ..model import Plan, Status
from ..seiten import Seite
from ..verlauf import Ereignis, Umsetzung
from .pfade import relativ
from .text import datum, h, klartext_md, kopf, md

SITZUNGEN = "sitzungen.md"
PRIORITAETEN = "massnahmen/prioritaeten.md"


def _betrifft(plan: Plan, eintrag: Eintrag, von: str) -> str:
    """What a decision concerns, as links where there is a page."""
    betrifft = eintrag.beschluss.betrifft
    teile = []
    if betrifft.massnahmen:
        teile.append("Maßnahmen: " + ", ".join([
            f"[{klartext_md(m.titel)}]({relativ(f'massnahmen/{m.id}.md', von)})"
            for i in betrifft.massnahmen for m in plan.massnahmen if m.id == i]))
    if betrifft.stadtteile:
        teile.append("Stadtteile: " + klartext_md(", ".join(plan.stadtteil_name(s) for s in betrifft.stadtteile)))
    if betrifft.leitlinien:
        teile.append("Leitlinien: " + ", ".join([
            f"[{klartext_md(plan.leitlinie(l).titel)}]({relativ(f'leitlinien/{l}.md', von)})"
            for l in betrifft.leitlinien]))
    if betrifft.standort:
        teile.append("Standort: " + klartext_md(betrifft.standort.name))
    if betrifft.vorhaben:
        teile.append("Vorhaben: " + klartext_md(betrifft.vorhaben))
    return "; ".join(teile)


def beschluss(plan: Plan, eintrag: Eintrag, von: str, *, anker: bool = False) -> str:
    """One decision as a block: kind, date and Sitzung, result, reasons, what it concerns, the vote."""
    b, s = eintrag.beschluss, eintrag.sitzung
    gremium = plan.gremium(s.gremium)
    kennung = f' id="{h(eintrag.kennung)}"' if anker else ""
    ziel = relativ(SITZUNGEN, von) + f"#{eintrag.kennung}"
    kopfzeile = f"**{h(b.art.label)}** · <time datetime=\"{s.datum.isoformat()}\">{datum(s.datum)}</time>"
    if not anker:  # on the Sitzungen page the decision stands under its Sitzung already
        kopfzeile += f" · [{klartext_md(gremium.label)}: {klartext_md(s.titel)}]({ziel})"
    if eintrag.beispiel:
        kopfzeile += " · *Beispiel*"
    text = (f'<div class="srp-beschluss"{kennung} markdown>\n\n<p class="srp-beschluss-kopf" markdown>'
            f"{kopfzeile}</p>\n\n{md(' '.join(b.ergebnis.split()))}\n\n")
    if b.begruendung:
        text += f"Begründung: {md(' '.join(b.begruendung.split()))}\n\n"
    text += f'<p class="srp-beschluss-bezug" markdown>Betrifft: {_betrifft(plan, eintrag, von)}</p>\n\n'
    if b.abstimmung:
        a = b.abstimmung
        text += f"Abstimmung: {a.dafuer} dafür, {a.dagegen} dagegen, {a.enthaltungen} Enthaltungen\n\n"
    return text + "</div>\n\n"


def beschluesse_abschnitt(plan: Plan, eintraege: list[Eintrag], von: str, ebene: int = 2) -> str:
    """„Beschlüsse“ with the decisions that concern a page, newest first."""
    text = f"{'#' * ebene} Beschlüsse\n\n"
    if not eintraege:
        return text + "Zu diesem Eintrag gibt es noch keine Beschlüsse der Gremien.\n\n"
    text += "Was die Gremien dazu bewertet, empfohlen oder beschlossen haben, die neuesten zuerst.\n\n"
    return text + "".join(beschluss(plan, e, von) for e in eintraege)


def prozent(wert: float | None) -> str:
    return "–" if wert is None else f"{wert:.0f} %".replace(".", ",")


def umsetzung_tabelle(zeilen: list[tuple[str, Umsetzung]], titel: str, erste_spalte: str,
                      kennung: str = "tabelle-umsetzung") -> str:
    """How many Maßnahmen are in which state, and their mean progress, one row per group
    (`zeilen`: the group's name as HTML, its counts)."""
    spalten = ([Spalte(erste_spalte)] + [Spalte(s.label, zahl=True) for s in Status]
               + [Spalte("zusammen", zahl=True), Spalte("mittlerer Fortschritt", zahl=True)])
    werte = [[name] + [str(u.anzahl[s]) for s in Status] + [str(u.gesamt), prozent(u.mittlerer_fortschritt)]
             for name, u in zeilen]
    return (tabelle(kennung, titel, spalten, werte) + "\n\n"
            "Der mittlere Fortschritt zählt alle Maßnahmen außer den verworfenen.\n\n")


def umsetzung_satz(umsetzung: Umsetzung) -> str:
    """One group's counts in a sentence (reads well on a phone, unlike a one-row table)."""
    teile = [f"{umsetzung.anzahl[s]} {s.label}" for s in Status]
    return (f"Von {umsetzung.gesamt} {'Maßnahme' if umsetzung.gesamt == 1 else 'Maßnahmen'} sind "
            f"{', '.join(teile[:-1])} und {teile[-1]}. Mittlerer Fortschritt (ohne verworfene): "
            f"{prozent(umsetzung.mittlerer_fortschritt)}.")


def umsetzung_abschnitt(umsetzung: Umsetzung, ebene: int = 2) -> str:
    """One group's counts as a short section (Leitlinie, Stadtteil)."""
    return f"{'#' * ebene} Stand der Umsetzung\n\n{umsetzung_satz(umsetzung)}\n\n"


def verlauf_abschnitt(plan: Plan, ereignisse: list[Ereignis], von: str, feed: str | None) -> str:
    """The timeline of a Maßnahme, newest first."""
    text = "## Verlauf\n\n"
    text += ("Status und Fortschritt in jeder veröffentlichten Fortschreibung, die Beschlüsse der Gremien "
             "und die Meilensteine, die neuesten zuerst.")
    if feed:
        text += f' <a class="srp-feed" href="{h(relativ(feed, von))}">Änderungen als Feed abonnieren (Atom)</a>'
    text += '\n\n<ul class="srp-verlauf">'
    for e in ereignisse:
        zeit = f'<time datetime="{e.datum.isoformat()}">{datum(e.datum)}</time>'
        if e.status is not None:
            inhalt = (f"<strong>{h(e.titel)}</strong>: {h(e.status.label)}, "
                      f"Fortschritt {e.fortschritt}\u00a0%")
        elif e.beschluss is not None:
            gremium = plan.gremium(e.beschluss.sitzung.gremium)
            inhalt = (f'<strong>{h(e.titel)}</strong> ({h(gremium.label)}): '
                      f"{h(' '.join(e.beschluss.beschluss.ergebnis.split()))}")
        else:
            inhalt = (f"<strong>Meilenstein</strong>: {h(e.titel)} – "
                      f"{'erreicht' if e.erreicht else 'noch nicht erreicht'}")
        text += f'<li class="srp-verlauf--{e.art}">{zeit} {inhalt}</li>'
    return text + "</ul>\n\n"


def prioritaeten_seite(plan: Plan) -> Seite:
    """The Begleitgremium's current ranking beside each Maßnahme's own `prioritaet`."""
    text = kopf("Prioritäten")
    aktuell = beschluesse.aktuelle_priorisierung(plan)
    if aktuell is None:
        text += ("Die Gremien haben die Maßnahmen noch nicht in eine Rangfolge gebracht. Jede Maßnahme nennt ihre "
                 "eigene Priorität im [Maßnahmenkatalog](index.md).\n")
        return Seite(PRIORITAETEN, "Prioritäten", text)
    gremium = plan.gremium(aktuell.sitzung.gremium)
    text += (f"Die aktuelle Rangfolge der Maßnahmen hat das Gremium „{klartext_md(gremium.name)}“ am "
             f"{datum(aktuell.datum)} beschlossen. Daneben steht die Priorität, die jede Maßnahme selbst "
             "angibt.\n\n")
    if aktuell.beispiel:
        text += '!!! warning "Beispieldaten"\n    Diese Rangfolge ist ein erfundenes Beispiel.\n\n'
    zeilen = []
    for rang, ident in enumerate(aktuell.beschluss.betrifft.massnahmen, start=1):
        m = next(x for x in plan.massnahmen if x.id == ident)
        zeilen.append([f'<a href="{h(m.id)}.html">{h(m.titel)}</a>', str(rang), h(m.prioritaet.label),
                       h(m.status.label)])
    text += tabelle("tabelle-rangfolge", f"Rangfolge vom {datum(aktuell.datum)}",
                    [Spalte("Maßnahme"), Spalte("Rang", zahl=True), Spalte("eigene Priorität"), Spalte("Status")],
                    zeilen) + "\n\n"
    text += "## Beschluss und Begründung\n\n" + beschluss(plan, aktuell, PRIORITAETEN)
    ohne = [m for m in plan.massnahmen if m.id not in aktuell.beschluss.betrifft.massnahmen]
    if ohne:
        text += "## Nicht in der Rangfolge\n\n" + "\n".join(
            f"- [{klartext_md(m.titel)}]({m.id}.md) – eigene Priorität: {h(m.prioritaet.label)}" for m in ohne) + "\n"
    return Seite(PRIORITAETEN, "Prioritäten", text)
