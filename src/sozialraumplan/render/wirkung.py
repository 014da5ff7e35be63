"""Wirkungsmonitoring on the site: the table on a Maßnahme's page and the overview for the
Begleitgremium, with a short form in Leichter Sprache."""

from __future__ import annotations

from ..atlas.modell import Atlas
from ..atlas.tabelle import Spalte, tabelle
from ..atlas.zahlen import aenderungseinheit, mit_einheit
from ..model import Massnahme, Plan
from ..seiten import Seite
from ..wirkung import GRUPPENWERT, Auswertung, Zeile, alle_auswerten, auswerten
from .text import h, klartext_md, kopf, leichte_sprache_absatz

SEITE = "massnahmen/wirkung.md"
VORBEHALT = ("Die Tabelle zeigt, wie sich die Werte entwickelt haben – nicht, dass die Maßnahme das bewirkt hat. "
             "Viele Dinge verändern einen Stadtteil zugleich. Sie ist Material für die Bewertung im Begleitgremium.")
LS_EINLEITUNG = (
    "Die Stadt will wissen: Hilft ein Vorhaben?\n"
    "Dafür schaut die Stadt auf Zahlen aus den Stadtteilen.\n"
    "Vielleicht hat das Vorhaben geholfen.\n"
    "Vielleicht gibt es auch andere Gründe.\n"
    "Die Gruppe für die Planung spricht über die Zahlen."
)
LS_GEGEN = "Achtung: Hier sind die Zahlen anders geworden als gewollt."
LS_MIT = "Hier sind die Zahlen so geworden wie gewollt."
FESTE_TEXTE = (LS_EINLEITUNG, LS_GEGEN, LS_MIT)
"""The fixed Leichte-Sprache texts, for the linter test."""


def _wert(wert: float | None, zeile: Zeile, *, aenderung: bool = False) -> str:
    einheit = aenderungseinheit(zeile.indikator.einheit) if aenderung else zeile.indikator.einheit
    return h(mit_einheit(wert, einheit, zeile.indikator.nachkommastellen, vorzeichen=aenderung))


def _beschriftung(atlas: Atlas, text: str, indikatoren: list[str]) -> str:
    """A caption, marked when any of its values are generated examples."""
    return f"{text} (Beispieldaten)" if any(atlas.beispiel(i) for i in indikatoren) else text


def _tabelle(atlas: Atlas, zeile: Zeile, kennung: str) -> str:
    """One indicator as a difference-in-differences table: both groups at the start and the latest
    year, their changes, and the difference of the changes."""
    spalten = [Spalte("Gruppe"), Spalte(str(zeile.startjahr), zahl=True), Spalte(str(zeile.endjahr), zahl=True),
               Spalte("Veränderung", zahl=True)]
    zeilen = [["Stadtteile der Maßnahme", _wert(zeile.ziel_start, zeile), _wert(zeile.ziel_ende, zeile),
               _wert(zeile.ziel_aenderung, zeile, aenderung=True)],
              ["Übrige Stadt", _wert(zeile.rest_start, zeile), _wert(zeile.rest_ende, zeile),
               _wert(zeile.rest_aenderung, zeile, aenderung=True)],
              ["Unterschied der Veränderungen", "", "", _wert(zeile.differenz, zeile, aenderung=True)]]
    titel = _beschriftung(atlas, f"{zeile.indikator.name}, {zeile.startjahr} bis {zeile.endjahr}", [zeile.indikator.id])
    return (tabelle(kennung, titel, spalten, zeilen)
            + f"\n\n<p>Einschätzung: {_einschaetzung(zeile)}.</p>")


def _uebersicht(atlas: Atlas, auswertung: Auswertung) -> str:
    """A Maßnahme's indicators in one table: the changes in both groups, their difference, the flag."""
    spalten = [Spalte("Indikator und Jahre"), Spalte("Veränderung in ihren Stadtteilen", zahl=True),
               Spalte("Veränderung übrige Stadt", zahl=True), Spalte("Unterschied", zahl=True),
               Spalte("Einschätzung")]
    zeilen = [[f"{h(z.indikator.name)} ({z.startjahr} bis {z.endjahr})", _wert(z.ziel_aenderung, z, aenderung=True),
               _wert(z.rest_aenderung, z, aenderung=True), _wert(z.differenz, z, aenderung=True), _einschaetzung(z)]
              for z in auswertung.zeilen]
    titel = _beschriftung(atlas, f"Entwicklung der Indikatoren: {auswertung.massnahme.titel}",
                          [z.indikator.id for z in auswertung.zeilen])
    return tabelle(f"tabelle-wirkungsmonitoring-{auswertung.massnahme.id}", titel, spalten, zeilen)


def _einschaetzung(zeile: Zeile) -> str:
    if zeile.ziel_aenderung is None:
        return "keine Angabe"
    if zeile.gegen_richtung:
        return '<strong class="srp-wirkung-gegen">gegen die gewünschte Richtung</strong>'
    return "in die gewünschte Richtung" if zeile.ziel_aenderung != 0 else "unverändert"


def _erlaeuterung(m: Massnahme) -> str:
    assert m.wirkung is not None
    return (f"Die Maßnahme soll diese Werte in ihren Stadtteilen {h(m.wirkung.richtung.label)} lassen. Verglichen "
            f"werden das Jahr ihres Beginns (oder das letzte Jahr davor mit Werten) und das neueste Jahr, je für die "
            f"Stadtteile der Maßnahme zusammen und für die übrige Stadt; ein Gruppenwert ist der "
            f"{GRUPPENWERT}. Der Unterschied der Veränderungen ist die Veränderung in den Stadtteilen der Maßnahme "
            "minus die Veränderung in der übrigen Stadt.")


def wirkung_abschnitt(plan: Plan, atlas: Atlas | None, m: Massnahme) -> str:
    """The section „Wirkung“ on a Maßnahme's page (empty without `wirkung`)."""
    auswertung = auswerten(plan, atlas, m) if atlas is not None else None
    if atlas is None or auswertung is None:
        return ""
    text = "## Wirkung\n\n" + _erlaeuterung(m) + "\n\n"
    text += "".join(_tabelle(atlas, z, f"tabelle-wirkung-{m.id}-{z.indikator.id}") + "\n\n"
                    for z in auswertung.zeilen)
    text += "".join(f"- {klartext_md(hinweis)}\n" for hinweis in auswertung.hinweise)
    return text + f'\n!!! note "Entwicklung, kein Beweis"\n    {VORBEHALT}\n\n'


def wirkung_seite(plan: Plan, atlas: Atlas | None) -> Seite:
    """The overview of all Maßnahmen with indicators, flagging movement against the intended direction."""
    text = kopf("Wirkungsmonitoring")
    text += ("Manche Maßnahmen nennen Indikatoren des Sozialstrukturatlas, die sie bewegen sollen. Diese Seite zeigt "
             "für jede, wie sich die Werte in ihren Stadtteilen und in der übrigen Stadt entwickelt haben, und hebt "
             "hervor, wo sich die Stadtteile der Maßnahme gegen die gewünschte Richtung bewegt haben.\n\n")
    text += f'!!! note "Entwicklung, kein Beweis"\n    {VORBEHALT}\n\n'
    auswertungen = alle_auswerten(plan, atlas) if atlas is not None else []
    if atlas is None or not auswertungen:
        return Seite(SEITE, "Wirkungsmonitoring", text + "Noch keine Maßnahme nennt Indikatoren für ihre Wirkung.\n")
    gegen = [a for a in auswertungen if any(z.gegen_richtung for z in a.zeilen)]
    if gegen:
        text += ('<p class="srp-wirkung-gegen">Gegen die gewünschte Richtung entwickelt: '
                 + ", ".join(f'<a href="{h(a.massnahme.id)}.html">{h(a.massnahme.titel)}</a>' for a in gegen)
                 + "</p>\n\n")
    else:
        text += "Bei keiner Maßnahme haben sich ihre Stadtteile gegen die gewünschte Richtung entwickelt.\n\n"
    text += (f"Ein Gruppenwert ist der {GRUPPENWERT}. Die Tabellen mit allen Werten stehen auf den Seiten der "
             "Maßnahmen.\n\n")
    for a in auswertungen:
        text += f"## [{klartext_md(a.massnahme.titel)}]({a.massnahme.id}.md)\n\n"
        if a.zeilen:
            text += _uebersicht(atlas, a) + "\n\n"
        text += "".join(f"- {klartext_md(hinweis)}\n" for hinweis in a.hinweise) + "\n"
    text += "## In Leichter Sprache\n\n" + leichte_sprache_absatz(LS_EINLEITUNG) + "\n\n"
    for a in auswertungen:
        if a.zeilen:
            satz = LS_GEGEN if any(z.gegen_richtung for z in a.zeilen) else LS_MIT
            text += f"**{klartext_md(a.massnahme.titel_leichte_sprache or a.massnahme.titel)}**\n\n"
            text += leichte_sprache_absatz(satz) + "\n\n"
    return Seite(SEITE, "Wirkungsmonitoring", text)
