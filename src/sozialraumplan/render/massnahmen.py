"""Maßnahmen: the filterable catalogue table, one page per Maßnahme, the review-overdue list."""

from __future__ import annotations

import datetime as dt
import json

from ..model import GESAMTSTADT, Massnahme, Plan, Prioritaet, Status
from ..seiten import Datei, Seite
from .htmlbloecke import markieren
from .text import datum, h, klartext_md, kopf, leichte_sprache_absatz, md, monat

ORDNER = "massnahmen"
PRUEFFRIST_TAGE = 365
"""A Maßnahme not reviewed for a year is listed as overdue for the Begleitgremium."""


def status_marke(massnahme: Massnahme) -> str:
    """Status as text and colour (never colour alone)."""
    return f'<span class="srp-status srp-status--{massnahme.status.value}">{h(massnahme.status.label)}</span>'


def fortschritt(massnahme: Massnahme) -> str:
    """Progress as a bar and its number; a screen reader reads the number once (the bar is a
    picture of it). A stopped Maßnahme shows no progress: what was done is not pursued."""
    if massnahme.status is Status.VERWORFEN:
        return '<span class="srp-fortschritt">– (gestoppt)</span>'
    return (f'<span class="srp-fortschritt"><progress max="100" value="{massnahme.fortschritt}" '
            f'aria-hidden="true"></progress> <span>{massnahme.fortschritt} %</span></span>')


def zeitraum(massnahme: Massnahme) -> str:
    beginn = monat(massnahme.zeitraum.beginn)
    return f"{beginn} bis {monat(massnahme.zeitraum.ende)}" if massnahme.zeitraum.ende else f"ab {beginn}"


def _stadtteile_text(plan: Plan, massnahme: Massnahme) -> str:
    return ", ".join(plan.stadtteil_name(s) for s in massnahme.stadtteile)


def katalog(plan: Plan, massnahmen: list[Massnahme] | None = None, *, basis: str = "") -> str:
    """The catalogue as an accessible HTML table; `basis` prefixes links (e.g. `../massnahmen/`).

    Kept out of the site search (`data-search-exclude`): the search finds each Maßnahme on its own
    page, and the table's cells would stand in the index run together, „…ausweitenL6, L2Rieth,
    Berliner Platz…“, under every page that lists Maßnahmen."""
    massnahmen = list(plan.massnahmen) if massnahmen is None else massnahmen
    zeilen = []
    for m in massnahmen:
        stadtteile = " ".join(m.stadtteile)
        zeilen.append(
            f'<tr data-leitlinien="{h(" ".join(m.leitlinien))}" data-stadtteile="{h(stadtteile)}" '
            f'data-status="{m.status.value}" data-prioritaet="{m.prioritaet.value}">'
            f'<th scope="row"><a href="{h(basis + m.id)}.html">{h(m.titel)}</a></th>'
            f"<td>{h(', '.join(m.leitlinien))}</td>"
            f"<td>{h(_stadtteile_text(plan, m))}</td>"
            f'<td data-sortwert="{list(Status).index(m.status)}">{status_marke(m)}</td>'
            f'<td data-sortwert="{m.fortschritt}">{fortschritt(m)}</td>'
            f'<td data-sortwert="{list(Prioritaet).index(m.prioritaet)}">{h(m.prioritaet.label)}</td>'
            "</tr>"
        )
    kopfzeile = "".join(
        f'<th scope="col">{name}</th>'
        for name in ("Maßnahme", "Leitlinien", "Stadtteile", "Status", "Fortschritt", "Priorität")
    )
    return markieren(
        '<div class="srp-tabelle-rahmen" tabindex="0" role="region" aria-label="Tabelle der Maßnahmen" '
        'data-search-exclude><table class="srp-katalog">'
        f"<caption>Maßnahmen des Plans ({len(massnahmen)})</caption>"
        f"<thead><tr>{kopfzeile}</tr></thead><tbody>{''.join(zeilen)}</tbody></table></div>"
    )


def _filter(plan: Plan) -> str:
    """Filter controls; the script `massnahmen-katalog.js` brings them to life (without it the
    full table stays readable, so the form is hidden until the script runs). Its choices are
    not text to search for."""
    stadtteile = sorted({s for m in plan.massnahmen for s in m.stadtteile},
                        key=lambda s: (s != GESAMTSTADT, plan.stadtteil_name(s)))
    auswahl = {
        "leitlinien": ("Leitlinie", [(l.id, f"{l.id} – {l.titel}") for l in plan.leitlinien]),
        "stadtteile": ("Stadtteil", [(s, plan.stadtteil_name(s)) for s in stadtteile]),
        "status": ("Status", [(s.value, s.label) for s in Status]),
        "prioritaet": ("Priorität", [(p.value, p.label) for p in Prioritaet]),
    }
    felder = []
    for schluessel, (beschriftung, optionen) in auswahl.items():
        opts = '<option value="">alle</option>' + "".join(
            f'<option value="{h(wert)}">{h(text)}</option>' for wert, text in optionen)
        felder.append(f'<label>{beschriftung} <select data-filter="{schluessel}">{opts}</select></label>')
    return markieren(
        f'<form class="srp-filter" hidden aria-label="Maßnahmen filtern" data-gesamtstadt="{GESAMTSTADT}" '
        'data-search-exclude>' + "".join(felder)
        + '<p class="srp-filter-ergebnis" role="status" aria-live="polite"></p></form>'
    )


def katalog_seite(plan: Plan) -> Seite:
    text = kopf("Maßnahmen")
    text += (
        "Der Plan beschreibt, was wo, wann und von wem getan wird. Die Tabelle zeigt alle Maßnahmen "
        "mit Status und Fortschritt. Sie können nach Leitlinie, Stadtteil, Status und Priorität filtern "
        "und jede Spalte sortieren.\n\n"
    )
    if any(m.beispiel for m in plan.massnahmen):
        text += _beispiel_hinweis("Die Maßnahmen sind erfundene Beispiele")
    text += _filter(plan) + "\n\n" + katalog(plan) + "\n\n"
    text += "Maßnahmen, deren Prüfung fällig ist, stehen unter [Prüfung fällig](pruefung.md).\n"
    return Seite(f"{ORDNER}/index.md", "Maßnahmen", text)


def _beispiel_hinweis(was: str) -> str:
    return (f'!!! warning "Beispieldaten"\n    {was} für die Vorführung dieser Website und '
            "kein Beschluss der Stadt.\n\n")


def massnahme_seite(plan: Plan, m: Massnahme, pruefung_faellig: bool, zusatz: str = "") -> Seite:
    """`zusatz`: further sections (Verlauf, Beschlüsse, Wirkung), before the Leichte-Sprache text."""
    text = kopf(m.titel)
    text += f'<p class="srp-kopfzeile">{status_marke(m)} {fortschritt(m)} ' \
            f'<span class="srp-prioritaet">Priorität: {h(m.prioritaet.label)}</span></p>\n\n'
    if m.beispiel:
        text += _beispiel_hinweis("Diese Maßnahme ist ein erfundenes Beispiel")
    if pruefung_faellig:
        text += ('!!! note "Prüfung fällig"\n    Diese Maßnahme wurde zuletzt am '
                 f"{datum(m.zuletzt_geprueft)} geprüft. Das Begleitgremium sollte sie erneut prüfen.\n\n")
    text += md(m.beschreibung.strip()) + "\n\n## Steckbrief\n\n"
    leitlinien = ", ".join(f"[{klartext_md(plan.leitlinie(l).titel)}](../leitlinien/{l}.md)" for l in m.leitlinien)
    gremium = plan.gremium(m.gremium)
    angaben = [
        ("Kennung", klartext_md(m.id)),
        ("Leitlinien", leitlinien),
        ("Stadtteile", klartext_md(_stadtteile_text(plan, m))),
        ("Zeitraum", zeitraum(m)),
        ("Verantwortlich", klartext_md(m.verantwortlich)),
        ("Beteiligte", klartext_md(", ".join(m.beteiligte)) if m.beteiligte else "–"),
        ("Finanzierung", klartext_md(m.finanzierung)),
        ("Gremium", f"[{klartext_md(gremium.label)}](../gremien/{gremium.id}.md)"),
        ("Zuletzt geprüft", datum(m.zuletzt_geprueft)),
    ]
    text += "| Angabe | Wert |\n| --- | --- |\n" + "".join(f"| {k} | {v} |\n" for k, v in angaben)
    text += "\n" + zusatz
    text += "\n## In Leichter Sprache\n\n" + leichte_sprache_absatz(m.leichte_sprache) + "\n"
    return Seite(f"{ORDNER}/{m.id}.md", m.titel, text, quelle=plan.quellen.get(f"massnahme:{m.id}"),
                 zuletzt_geprueft=m.zuletzt_geprueft.isoformat())


def pruefung_faellig(m: Massnahme, stichtag: dt.date) -> bool:
    return (stichtag - m.zuletzt_geprueft).days > PRUEFFRIST_TAGE


PRUEFUNG_JSON = f"{ORDNER}/pruefung.json"


def faellige(plan: Plan, stichtag: dt.date) -> list[Massnahme]:
    """Maßnahmen overdue for review, the longest-waiting first."""
    return sorted((m for m in plan.massnahmen if pruefung_faellig(m, stichtag)), key=lambda m: m.zuletzt_geprueft)


def pruefung_json(plan: Plan, stichtag: dt.date) -> Datei:
    """The same list for tools (reminders, dashboards): one object per overdue Maßnahme."""
    eintraege = [
        {"id": m.id, "titel": m.titel, "zuletzt_geprueft": m.zuletzt_geprueft.isoformat(),
         "tage_seit_pruefung": (stichtag - m.zuletzt_geprueft).days, "gremium": m.gremium,
         "datei": plan.quellen.get(f"massnahme:{m.id}")}
        for m in faellige(plan, stichtag)
    ]
    daten = {"stichtag": stichtag.isoformat(), "prueffrist_tage": PRUEFFRIST_TAGE, "faellig": eintraege}
    return Datei(PRUEFUNG_JSON, (json.dumps(daten, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))


def pruefung_seite(plan: Plan, stichtag: dt.date) -> Seite:
    """The Begleitgremium's list of Maßnahmen whose last review is older than the review period."""
    faellig = faellige(plan, stichtag)
    text = kopf("Prüfung fällig")
    text += (f"Jede Maßnahme soll mindestens alle {PRUEFFRIST_TAGE} Tage vom Begleitgremium geprüft werden. "
             f"Stichtag dieser Liste ist der {datum(stichtag)}. Dieselbe Liste gibt es "
             '<a href="pruefung.json" download>als JSON-Datei</a> für Erinnerungen und Auswertungen.\n\n')
    if not faellig:
        return Seite(f"{ORDNER}/pruefung.md", "Prüfung fällig", text + "Zurzeit ist keine Prüfung fällig.\n")
    text += "| Maßnahme | Zuletzt geprüft | Tage seitdem | Gremium |\n| --- | --- | ---: | --- |\n"
    for m in faellig:
        text += (f"| [{klartext_md(m.titel)}]({m.id}.md) | {datum(m.zuletzt_geprueft)} | "
                 f"{(stichtag - m.zuletzt_geprueft).days} | {klartext_md(plan.gremium(m.gremium).label)} |\n")
    return Seite(f"{ORDNER}/pruefung.md", "Prüfung fällig", text)
