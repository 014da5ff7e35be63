"""The generated atlas pages: overview, method, one sheet per indicator, one profile per
district, the Bedarfsermittlung and the downloads."""

from __future__ import annotations

import datetime as dt

from .. import beschluesse
from ..model import Massnahme
from ..render import foerderprojekte
from ..render.gremienarbeit_seiten import stadtteil_zusatz
from ..render.text import aufzaehlung, datum, h, klartext_md, leichte_sprache_absatz, md
from ..seiten import Abschnitt, Seite
from . import verweise
from .bausteine import (
    KEINE_ANGABE,
    beispiel_hinweis,
    beschriftung,
    dynamik_abschnitt,
    index_abschnitt,
    index_satz,
    index_tabelle_id,
    index_text,
    indikator_abschnitt,
    profil_tabelle,
    seite_bauen,
    stadtteil_verweis,
    wertzelle,
)
from .diagramm import zeitreihe
from .downloads import DOWNLOADS_BESCHREIBUNG, download_liste
from .gegenueberstellung import vergleich_seite
from .index import STELLEN as INDEX_STELLEN
from .karte import Empfehlung
from .kontext import Kontext
from .leichte_sprache import ls_abschnitt
from .methode import methode_seite
from .modell import Atlas, Indikator, Standort
from .raumebenen import gebiet_eintrag, raumebenen_seiten
from .stadtteilkarte import AKTIV, NICHT_ERFASST, stadtteilkarte
from .suche import strassen_seite, suchform
from .tabelle import Spalte, tabelle
from .zahlen import aenderungseinheit, mit_einheit, zahl_text


def atlas_abschnitte_fuer(kontext: Kontext, heute: dt.date) -> list[Abschnitt]:
    atlas = kontext.atlas
    return [
        Abschnitt(atlas.einstellungen.titel, [uebersicht(kontext), methode_seite(kontext), bedarfsermittlung(kontext),
                                              downloads_seite(kontext), *raumebenen_seiten(kontext)]
                  + ([strassen_seite(kontext)] if atlas.strassen else [])),
        Abschnitt("Indikatoren", [indikatoren_uebersicht(kontext)]
                  + [indikatorenblatt(kontext, i) for i in atlas.indikatoren]),
        Abschnitt("Stadtteilprofile", [stadtteile_uebersicht(kontext), vergleich_seite(kontext)]
                  + [stadtteil_profil(kontext, s, heute) for s in kontext.ids]),
        ls_abschnitt(kontext),
    ]


def _indikatoren_nach_themen(atlas: Atlas) -> dict[str, list[Indikator]]:
    themen: dict[str, list[Indikator]] = {}
    for indikator in atlas.indikatoren:
        themen.setdefault(indikator.themenfeld, []).append(indikator)
    return themen


def uebersicht(kontext: Kontext) -> Seite:
    seite, atlas = verweise.UEBERSICHT, kontext.atlas
    index = kontext.index
    text = "## Ihr Stadtteil\n\n" + suchform(kontext, seite) + "\n\n"
    text += beispiel_hinweis(kontext)
    text += (
        f"Der {md(atlas.einstellungen.titel)} beschreibt die Lebenslagen der Menschen in allen "
        f"{len(kontext.ids)} Stadtteilen mit {len(atlas.indikatoren)} Indikatoren. Ausgewählte Indikatoren "
        f"sind zum **{md(index.einstellungen.name)}** zusammengefasst: Er zeigt, wo der Unterstützungsbedarf "
        "im Vergleich der Stadtteile hoch ist. Der Atlas ist die Grundlage der Bedarfsermittlung und der "
        "Maßnahmenplanung.\n\n"
        f"- [So wird der {md(index.einstellungen.name)} berechnet]({verweise.md_link(seite, verweise.METHODE)})\n"
        f"- [Bedarfsermittlung: Bedarf, Standorte und Maßnahmen]({verweise.md_link(seite, verweise.BEDARF)})\n"
        f"- [Alle Daten zum Herunterladen]({verweise.md_link(seite, verweise.DOWNLOADS)})\n\n"
    )
    text += index_abschnitt(kontext, seite, ebene=2)
    text += dynamik_abschnitt(kontext, seite, ebene=2)
    text += "## Indikatoren nach Themenfeldern\n\n"
    for thema, indikatoren in _indikatoren_nach_themen(atlas).items():
        text += f"### {klartext_md(thema)}\n\n"
        text += "\n".join(f"- [{klartext_md(i.name)}]({verweise.md_link(seite, verweise.indikator_seite(i.id))}): "
                          f"{klartext_md(i.definition)}" for i in indikatoren) + "\n\n"
    text += (f"## Stadtteile\n\nFür jeden Stadtteil gibt es ein [Profil mit allen Indikatoren]"
             f"({verweise.md_link(seite, 'atlas/stadtteile/index.md')}).\n")
    return seite_bauen(seite, atlas.einstellungen.titel, text, atlas.quellen["einstellungen"])


def indikatoren_uebersicht(kontext: Kontext) -> Seite:
    seite = f"{verweise.ORDNER}/indikatoren/index.md"
    text = "Jedes Indikatorenblatt nennt Definition, Formel und Quelle und zeigt Karte, Tabelle und Zeitreihe.\n\n"
    for thema, indikatoren in _indikatoren_nach_themen(kontext.atlas).items():
        text += f"## {klartext_md(thema)}\n\n" + "\n".join(
            f"- [{klartext_md(i.name)}]({verweise.md_link(seite, verweise.indikator_seite(i.id))}) "
            f"({klartext_md(i.einheit)})" for i in indikatoren) + "\n\n"
    return seite_bauen(seite, "Indikatoren", text, kontext.atlas.quellen["indikatoren"])


def indikatorenblatt(kontext: Kontext, indikator: Indikator) -> Seite:
    seite = verweise.indikator_seite(indikator.id)
    jahre = kontext.atlas.jahre_von(indikator.id)
    text = beispiel_hinweis(kontext, indikator.id)
    text += (
        '<dl class="atlas-kennzahlen">'
        f"<dt>Definition</dt><dd>{h(' '.join(indikator.definition.split()))}</dd>"
        f"<dt>Formel</dt><dd>{h(indikator.formel)}</dd>"
        f"<dt>Einheit</dt><dd>{h(indikator.einheit)}</dd>"
        f"<dt>Quelle</dt><dd>{h(indikator.quelle)}</dd>"
        f"<dt>Themenfeld</dt><dd>{h(indikator.themenfeld)}</dd>"
        f"<dt>Richtung</dt><dd>{h(indikator.richtung.satz)}</dd>"
        f"<dt>Jahre</dt><dd>{h(', '.join(map(str, jahre)) or 'keine Werte')}</dd>"
        "</dl>\n\n"
    )
    if not jahre:
        text += "Für diesen Indikator liegen noch keine Werte vor.\n\n"
    else:
        text += indikator_abschnitt(kontext, seite, indikator, jahre[-1], alle_jahre=True)
        text += _zeitreihe_abschnitt(kontext, indikator, jahre)
        text += _einordnung(kontext, indikator, jahre)
    text += "## In Leichter Sprache\n\n" + leichte_sprache_absatz(indikator.leichte_sprache) + "\n"
    return seite_bauen(seite, indikator.name, text, kontext.atlas.quellen["indikatoren"])


def _zeitreihe_abschnitt(kontext: Kontext, indikator: Indikator, jahre: list[int]) -> str:
    """The city's line and the districts' range over the years; the numbers are in the table above."""
    atlas, stellen, einheit = kontext.atlas, indikator.nachkommastellen, indikator.einheit
    stadt = [kontext.stadtwert(indikator.id, j) for j in jahre]
    spannen = []
    for jahr in jahre:
        werte = [w for w in atlas.reihe(indikator.id, jahr, kontext.ids).values() if w is not None]
        spannen.append((min(werte), max(werte)) if werte else None)
    beschreibung = (f"{stadt[-1].bezeichnung}: {mit_einheit(stadt[0].wert, einheit, stellen)} im Jahr {jahre[0]}, "
                    f"{mit_einheit(stadt[-1].wert, einheit, stellen)} im Jahr {jahre[-1]}.")
    if spannen[-1]:
        beschreibung += (f" Die Stadtteile lagen {jahre[-1]} zwischen {mit_einheit(spannen[-1][0], einheit, stellen)} "
                         f"und {mit_einheit(spannen[-1][1], einheit, stellen)}.")
    svg = zeitreihe(f"zeitreihe-{indikator.id}", f"Zeitreihe: {indikator.name}", beschreibung, jahre,
                    [s.wert for s in stadt], spannen, einheit, stellen, stadt[-1].bezeichnung)
    return (f"## Zeitreihe {jahre[0]} bis {jahre[-1]}\n\n{md(beschreibung)} Die Werte jedes Jahres stehen in der "
            f"[Tabelle oben](#tabelle-{indikator.id}-{jahre[-1]}).\n\n{svg}\n\n")


def _einordnung(kontext: Kontext, indikator: Indikator, jahre: list[int]) -> str:
    """How to read the values: direction, the editor's note, what changed."""
    text = f"## Einordnung\n\n{md(indikator.richtung.satz)}"
    index = kontext.index.einstellungen
    gewicht = next((e.gewicht for e in index.indikatoren if e.indikator == indikator.id), None)
    if gewicht is not None:
        text += f" Der Indikator geht mit dem Gewicht {zahl_text(gewicht, 1)} in den {md(index.name)} ein."
    text += "\n\n"
    if indikator.interpretation:
        text += md(" ".join(indikator.interpretation.split())) + "\n\n"
    if len(jahre) >= 2:
        erstes, letztes = jahre[0], jahre[-1]
        roh = [(kontext.atlas.wert(s, indikator.id, erstes), kontext.atlas.wert(s, indikator.id, letztes))
               for s in kontext.ids]
        paare = [(a, b) for a, b in roh if a is not None and b is not None]
        gestiegen = sum(1 for a, b in paare if b > a)
        gesunken = sum(1 for a, b in paare if b < a)
        stadt_a, stadt_b = kontext.stadtwert(indikator.id, erstes).wert, kontext.stadtwert(indikator.id, letztes).wert
        if stadt_a is not None and stadt_b is not None:
            einheit = aenderungseinheit(indikator.einheit)
            text += (f"Von {erstes} bis {letztes} hat sich der Wert der Stadt um "
                     f"{mit_einheit(stadt_b - stadt_a, einheit, indikator.nachkommastellen, vorzeichen=True)} verändert. ")
        text += (f"In {gestiegen} Stadtteilen ist er gestiegen, in {gesunken} gesunken, "
                 f"in {len(paare) - gestiegen - gesunken} gleich geblieben.\n\n")
    return text


def stadtteile_uebersicht(kontext: Kontext) -> Seite:
    seite = f"{verweise.ORDNER}/stadtteile/index.md"
    text = "Jedes Profil zeigt alle Indikatoren im Vergleich zur ganzen Stadt, die Klasse im Sozialindex, "
    text += "die Entwicklung, die Maßnahmen und die Standorte der Quartiers- und Sozialraumarbeit.\n\n"
    text += suchform(kontext, seite) + "\n\n## Alle Stadtteile von A bis Z\n\n"
    text += "\n".join(f"- {stadtteil_verweis(kontext, seite, s)}" for s in kontext.nach_name(kontext.ids)) + "\n"
    return seite_bauen(seite, "Stadtteilprofile", text, "data/stadtteile.csv")


def _index_trend(kontext: Kontext, stadtteil: str) -> str:
    index = kontext.index
    text = index_satz(kontext, stadtteil)
    roh = [(j, werte.get(stadtteil)) for j, werte in sorted(index.je_jahr.items())]
    verlauf = [(j, w) for j, w in roh if w is not None]
    if len(verlauf) >= 2:
        (j0, w0), (_, w1) = verlauf[0], verlauf[-1]
        richtung = "gestiegen" if w1 > w0 else "gesunken" if w1 < w0 else "gleich geblieben"
        text += (f" Seit {j0} ist der Wert {richtung} (von {index_text(w0)} auf {index_text(w1)}); "
                 "ein steigender Wert heißt: Der Bedarf wächst im Vergleich zu den anderen Stadtteilen.")
        text += "\n\n" + aufzaehlung([f"{j}: {index_text(w)}" for j, w in verlauf])
    return text + "\n\n"


def _massnahmen_liste(kontext: Kontext, seite: str, massnahmen: list[Massnahme]) -> str:
    return "\n".join(
        f"- [{klartext_md(m.titel)}]({verweise.md_link(seite, verweise.massnahme_seite(m.id))}) – {md(m.status.label)}"
        for m in massnahmen)


def stadtteil_profil(kontext: Kontext, stadtteil: str, heute: dt.date) -> Seite:
    seite, atlas, plan = verweise.stadtteil_seite(stadtteil), kontext.atlas, kontext.plan
    name = kontext.namen[stadtteil]
    info = plan.stadtteil(stadtteil)
    text = stadtteilkarte(kontext, stadtteil, heute)
    text += beispiel_hinweis(kontext)
    einwohner = _einwohner(kontext, stadtteil)
    text += (f'<dl class="atlas-kennzahlen"><dt>Nummer</dt><dd>{h(info.nummer)}</dd>'
             f"<dt>Fläche</dt><dd>{h(zahl_text(kontext.flaechen.get(stadtteil, 0.0), 1))} km²</dd>"
             f"{einwohner}{gebiet_eintrag(kontext, seite, stadtteil)}</dl>\n\n")
    text += f"## {md(kontext.index.einstellungen.name)}\n\n" + _index_trend(kontext, stadtteil)
    text += "## Alle Indikatoren\n\n" + profil_tabelle(kontext, seite, stadtteil) + "\n\n"
    text += "## Maßnahmen im Stadtteil\n\n"
    eigene = plan.massnahmen_for_stadtteil(stadtteil)
    text += (_massnahmen_liste(kontext, seite, eigene) + "\n\n") if eigene else \
        "Für diesen Stadtteil ist keine eigene Maßnahme im Plan verzeichnet.\n\n"
    gesamt = [m for m in plan.massnahmen if m.citywide and m.status in AKTIV]
    if gesamt:
        text += (f"Dazu kommen {len(gesamt)} laufende oder geplante Maßnahmen für die ganze Stadt "
                 f"([Maßnahmenkatalog]({verweise.md_link(seite, 'massnahmen/index.md')})).\n\n")
    text += foerderprojekte.abschnitt(plan, plan.foerderprojekte_for_stadtteil(stadtteil), seite)
    text += "## Standorte der Quartiers- und Sozialraumarbeit\n\n"
    orte = [s for s in atlas.standorte if s.stadtteil == stadtteil]
    if not kontext.atlas.standorte_erfasst:
        text += f"{NICHT_ERFASST}\n\n"
    else:
        text += (aufzaehlung([f"{s.name} ({s.art.label}, {s.traeger}{', Beispiel' if s.beispiel else ''})" for s in orte])
                 if orte else "In diesem Stadtteil gibt es keinen Standort.") + "\n\n"
    anker = [a for a in atlas.ankerwerte if a.stadtteil == stadtteil]
    if anker:
        text += "## Veröffentlichte Zahlen\n\n" + _anker_tabelle(name, anker) + "\n\n"
    text += stadtteil_zusatz(plan, stadtteil, seite)
    return seite_bauen(seite, name, text, "data/stadtteile.csv")


def _einwohner(kontext: Kontext, stadtteil: str) -> str:
    indikator = next((i for i in kontext.atlas.indikatoren if i.anzahl and i.einheit == "Personen"), None)
    if indikator is None or not kontext.atlas.jahre_von(indikator.id):
        return ""
    jahr = kontext.letztes_jahr(indikator.id)
    zusatz = " (Beispieldaten)" if kontext.atlas.beispiel(indikator.id) else ""
    return f"<dt>{h(indikator.name)} {jahr}</dt><dd>{h(wertzelle(kontext, stadtteil, indikator, jahr))}{zusatz}</dd>"


def _stichtag(text: str) -> str:
    """`2017-07-31` → `31. Juli 2017`; years and free text („ca. 2019“) stay as they are."""
    try:
        return datum(dt.date.fromisoformat(text))
    except ValueError:
        return text


def _anker_tabelle(name: str, anker: list) -> str:
    """Real figures, each with its date and source, in a table of their own."""
    zeilen = [[h(a.merkmal), h(mit_einheit(a.wert, a.einheit, 0 if a.wert == int(a.wert) else 1)),
               h(_stichtag(a.stichtag)), h(a.quelle)] for a in anker]
    text = ("Diese Zahlen sind echt und veröffentlicht. Sie stammen aus anderen Jahren und Quellen als die "
            "Werte oben und sind deshalb nicht mit ihnen vergleichbar.\n\n")
    return text + tabelle("tabelle-veroeffentlicht", f"{name}: veröffentlichte Zahlen mit Stichtag und Quelle",
                          [Spalte("Merkmal"), Spalte("Wert", zahl=True), Spalte("Stichtag"), Spalte("Quelle")], zeilen)


def bedarfslage(kontext: Kontext) -> tuple[dict[str, list[Massnahme]], dict[str, list[Standort]], list[str], list[str]]:
    """Per district its running or planned Maßnahmen and its Standorte; the districts with high
    need and nothing there or planned (by rank), and all districts with high need."""
    plan, index = kontext.plan, kontext.index
    aktive = {s: [m for m in plan.massnahmen_for_stadtteil(s) if m.status in AKTIV] for s in kontext.ids}
    orte = {s: [o for o in kontext.atlas.standorte if o.stadtteil == s] for s in kontext.ids}
    luecken = [w.stadtteil for w in index.rangfolge()
               if index.hoher_bedarf(w.stadtteil) and not aktive[w.stadtteil] and not orte[w.stadtteil]]
    return aktive, orte, luecken, [s for s in kontext.ids if index.hoher_bedarf(s)]


def bedarfsermittlung(kontext: Kontext) -> Seite:
    seite, plan, atlas, index = verweise.BEDARF, kontext.plan, kontext.atlas, kontext.index
    aktive, orte, luecken, hoch = bedarfslage(kontext)
    text = beispiel_hinweis(kontext)
    text += (
        "Die Bedarfsermittlung legt drei Dinge nebeneinander: den "
        f"[{md(index.einstellungen.name)}]({verweise.md_link(seite, verweise.METHODE)}), die bestehenden "
        "Standorte der Quartiers- und Sozialraumarbeit und der Stadtteilzentren sowie die laufenden und "
        "geplanten Maßnahmen des Plans. So wird sichtbar, wo hoher Bedarf auf kein Angebot trifft.\n\n"
        f"{bedarf_regel(kontext)}\n\n"
    )
    if not kontext.atlas.standorte_erfasst:
        # not recorded is not zero: without a sites file, nothing is said about sites
        text += f"{NICHT_ERFASST} Die Bedarfsermittlung stützt sich deshalb nur auf die Maßnahmen.\n\n"
        if luecken:
            text += (f'<p class="atlas-markierung atlas-markierung--hoch">Hoher Bedarf, aber keine laufende oder '
                     f"geplante Maßnahme: {h(', '.join(kontext.namen[s] for s in luecken))}.</p>\n\n")
        text += f"{len(hoch)} Stadtteile haben einen hohen Bedarf, {len(luecken)} davon ohne Planung.\n\n"
    else:
        if luecken:
            text += (f'<p class="atlas-markierung atlas-markierung--hoch">Hoher Bedarf, aber weder ein Standort '
                     f"noch eine laufende oder geplante Maßnahme: {h(', '.join(kontext.namen[s] for s in luecken))}.</p>\n\n")
        else:
            text += "Jeder Stadtteil mit hohem Bedarf hat einen Standort oder eine laufende oder geplante Maßnahme.\n\n"
        text += f"{len(hoch)} Stadtteile haben einen hohen Bedarf, {len(luecken)} davon ohne Angebot und ohne Planung.\n\n"
    empfehlungen = tuple(Empfehlung(o.name, o.breite, o.laenge, e.beispiel)
                         for e in beschluesse.standortempfehlungen(plan)
                         if (o := e.beschluss.betrifft.standort) and o.breite is not None and o.laenge is not None)
    text += index_abschnitt(kontext, seite, ebene=2, standorte=True,
                            tabelle_html=_bedarf_tabelle(kontext, seite, aktive, orte), empfehlungen=empfehlungen)
    text += foerderprojekte.abschnitt(plan, [p for p in plan.foerderprojekte if any(s in hoch for s in p.stadtteile)],
                                      seite, "Geförderte Projekte in Stadtteilen mit hohem Bedarf")
    return seite_bauen(seite, "Bedarfsermittlung", text, atlas.quellen["einstellungen"])


def bedarf_regel(kontext: Kontext) -> str:
    einstellungen = kontext.index.einstellungen
    klasse = kontext.index.status.einteilung.klassen[einstellungen.hoher_bedarf_ab - 1]
    regel = (f"Als hoch gilt der Bedarf ab „{md(klasse.stufe)}“ "
             f"({md(klasse.spanne('', INDEX_STELLEN))})")
    if kontext.index.dynamik is not None:
        regel += ("; außerdem eine Klasse darunter, wenn sich die Lage zugleich deutlich verschlechtert hat "
                  "(negative Dynamik)")
    return regel + "."


def _bedarf_tabelle(kontext: Kontext, seite: str, aktive: dict, orte: dict) -> str:
    index = kontext.index
    spalten = [Spalte("Stadtteil"), Spalte("Rang", zahl=True), Spalte(f"{index.einstellungen.name} {index.jahr}", zahl=True),
               Spalte("Klasse"), Spalte("Standorte"), Spalte("Laufende und geplante Maßnahmen"), Spalte("Einschätzung"),
               Spalte("Standortempfehlungen der Gremien")]
    zeilen = []
    for rang, w in enumerate(index.rangfolge(), start=1):
        s = w.stadtteil
        massnahmen = "<br>".join(
            f'<a href="{h(verweise.url(seite, verweise.massnahme_seite(m.id)))}">{h(m.titel)}</a> ({h(m.status.label)})'
            for m in aktive[s]) or "keine"
        standorte = ("<br>".join(f"{h(o.name)} ({h(o.art.label)})" for o in orte[s]) or "keine"
                     if kontext.atlas.standorte_erfasst else "nicht erfasst")
        if index.hoher_bedarf(s) and aktive[s] == [] and orte[s] == []:
            einschaetzung = '<strong class="atlas-markierung atlas-markierung--hoch">Hoher Bedarf, nichts geplant</strong>'
        elif index.hoher_bedarf(s):
            einschaetzung = "Hoher Bedarf, Angebot oder Planung vorhanden"
        else:
            einschaetzung = "–"
        zeilen.append([f'<a href="{h(verweise.url(seite, verweise.stadtteil_seite(s)))}">{h(kontext.namen[s])}</a>',
                       str(rang) if w.wert is not None else "–", index_text(w.wert),
                       h(index.klassenname(s) or KEINE_ANGABE), standorte, massnahmen, einschaetzung,
                       _empfehlungen(kontext, seite, s)])
    return tabelle(index_tabelle_id(kontext),
                   beschriftung(kontext, f"Stadtteile nach Bedarf {index.jahr}, mit Standorten und Maßnahmen"),
                   spalten, zeilen, csv_url=verweise.url(seite, verweise.INDEX_CSV),
                   csv_text=f"{index.einstellungen.name} als CSV herunterladen")


def _empfehlungen(kontext: Kontext, seite: str, stadtteil: str) -> str:
    """The Standortempfehlungen for a district, newest first, each linked to its decision."""
    sitzungen = verweise.url(seite, "sitzungen.md")
    eintraege = []
    for e in beschluesse.standortempfehlungen(kontext.plan, stadtteil):
        ort = e.beschluss.betrifft.standort
        eintraege.append(f'<a href="{h(sitzungen)}#{h(e.kennung)}">{h(ort.name if ort else e.beschluss.art.label)}</a>'
                         f" ({h(datum(e.datum))}{', Beispiel' if e.beispiel else ''})")
    return "<br>".join(eintraege) or "keine"


def downloads_seite(kontext: Kontext) -> Seite:
    seite = verweise.DOWNLOADS
    text = beispiel_hinweis(kontext) + DOWNLOADS_BESCHREIBUNG + "\n\n" + download_liste(kontext, seite) + "\n"
    return seite_bauen(seite, "Downloads", text, kontext.atlas.quellen["einstellungen"])
