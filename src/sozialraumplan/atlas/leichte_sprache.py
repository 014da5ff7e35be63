"""The atlas in Leichter Sprache: one page per district (what the plan says about it) and one
page with the indicators' own Leichte-Sprache texts, so that the „Leichte Sprache“ link of every
data page leads to something about that page.

The fixed texts are Leichte Sprache; `tests/test_leichte_sprache_seiten.py` runs the linter over
`FESTE_TEXTE`.
"""

from __future__ import annotations

from ..render import leichte_sprache as ls
from ..render.text import abschnitt, klartext_md
from ..seiten import Abschnitt, Seite
from . import verweise
from .kontext import Kontext
from .stadtteilkarte import LS_ORDNER, ls_profil_seite, standorte_in

STADTTEILE = f"{LS_ORDNER}.md"
"""Beside the folder, not its index: the navigation lists only the overview, not every district."""
ZAHLEN = f"{ls.ORDNER}/zahlen.md"

STADTTEILE_EINLEITUNG = (
    "Hier finden Sie jeden Stadtteil.\n"
    "Auf jeder Seite steht:\n"
    "Brauchen die Menschen dort Hilfe?\n"
    "Was macht die Stadt dort?\n"
    "Wo bekommen Sie dort Hilfe?"
)
HOHER_BEDARF = "Hier brauchen viele Menschen Hilfe.\nDas zeigen die Zahlen von der Stadt."
KEIN_HOHER_BEDARF = "Hier brauchen weniger Menschen Hilfe.\nIn anderen Stadtteilen brauchen mehr Menschen Hilfe."
KEINE_ZAHLEN = "Für diesen Stadtteil fehlen Zahlen.\nDarum weiß die Stadt hier noch wenig."
KEIN_VORHABEN = "Hier gelten die Vorhaben für die ganze Stadt."
KEIN_TREFFPUNKT = "Einen Treffpunkt gibt es in einem anderen Stadtteil.\nDort bekommen Sie Hilfe."
ZAHLEN_EINLEITUNG = (
    "Die Stadt zählt viele Dinge in jedem Stadtteil.\n"
    "Hier steht: Was zählt die Stadt?"
)

FESTE_TEXTE = (STADTTEILE_EINLEITUNG, HOHER_BEDARF, KEIN_HOHER_BEDARF, KEINE_ZAHLEN, KEIN_VORHABEN,
               KEIN_TREFFPUNKT, ZAHLEN_EINLEITUNG)


def ls_abschnitt(kontext: Kontext) -> Abschnitt:
    """The districts in Leichter Sprache and the page about the numbers."""
    seiten = [stadtteile_seite(kontext)] + [stadtteil_seite(kontext, s) for s in kontext.nach_name(kontext.ids)]
    return Abschnitt("Stadtteile in Leichter Sprache", seiten + [zahlen_seite(kontext)])


def stadtteile_seite(kontext: Kontext) -> Seite:
    text = ls.zeilen(STADTTEILE_EINLEITUNG) + "".join(
        f"- [{klartext_md(kontext.namen[s])}]({ls.verweis(STADTTEILE, ls_profil_seite(s))})\n"
        for s in kontext.nach_name(kontext.ids))
    return ls.seite(STADTTEILE, "Die Stadtteile", text, standard=f"{verweise.ORDNER}/stadtteile/index.md")


def stadtteil_seite(kontext: Kontext, stadtteil: str) -> Seite:
    pfad, plan, index = ls_profil_seite(stadtteil), kontext.plan, kontext.index
    name = kontext.namen[stadtteil]
    text = "## Brauchen die Menschen hier Hilfe?\n\n"
    if index.wert(stadtteil).klasse is None:
        text += ls.zeilen(KEINE_ZAHLEN)
    else:
        text += ls.zeilen(HOHER_BEDARF if index.hoher_bedarf(stadtteil) else KEIN_HOHER_BEDARF)
    text += "## Was macht die Stadt hier?\n\n"
    vorhaben = plan.massnahmen_for_stadtteil(stadtteil)
    text += "".join(f"- [{ls.vorhaben_titel(plan, m)}]({ls.verweis(pfad, f'{ls.VORHABEN}#{m.id}')}): "
                    f"{ls.STATUS[m.status]}\n" for m in vorhaben) + "\n" if vorhaben else ls.zeilen(KEIN_VORHABEN)
    text += "## Wo bekommen Sie Hilfe?\n\n"
    orte = standorte_in(kontext, stadtteil)
    for o in orte:
        angaben = [("Adresse", o.adresse), ("Offen", o.oeffnungszeiten), ("Kontakt", o.kontakt),
                   ("Zugang", o.barrierefreiheit)]
        text += f"### {klartext_md(o.name)}\n\n" + "".join(f"- {k}: {klartext_md(v)}\n" for k, v in angaben if v)
        text += "\n" if any(v for _, v in angaben) else ""
    if not orte:
        text += ls.zeilen(KEIN_TREFFPUNKT)
    text += f"[Alle Stadtteile in Leichter Sprache]({ls.verweis(pfad, STADTTEILE)})\n\n"
    return ls.seite(pfad, f"Stadtteil {name}", text, standard=verweise.stadtteil_seite(stadtteil))


def zahlen_seite(kontext: Kontext) -> Seite:
    text = ls.zeilen(ZAHLEN_EINLEITUNG)
    for indikator in kontext.atlas.indikatoren:
        text += abschnitt(indikator.id, f"## {klartext_md(indikator.name)}\n\n" + ls.zeilen(indikator.leichte_sprache))
    return ls.seite(ZAHLEN, "Was zählt die Stadt?", text, standard=f"{verweise.ORDNER}/indikatoren/index.md")
