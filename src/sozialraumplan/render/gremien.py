"""Gremien: one page each, and an organigram (SVG) with an equivalent text list."""

from __future__ import annotations

from collections.abc import Callable

from ..model import Gremium, Plan
from ..seiten import Seite
from .organigramm import EBENEN, organigramm_svg
from .text import aufzaehlung, datum, gross_anfang, h, klartext_md, kopf, leichte_sprache_absatz, md

ORDNER = "gremien"


def verbindungen_als_text(plan: Plan, verweis: Callable[[str], str] = lambda ident: f"{ident}.md") -> str:
    """The same structure as the diagram, as nested lists a screen reader can walk through;
    `verweis` is the link target of a Gremium (its page; in the PDF its section)."""
    text = ""
    for ebene in EBENEN:
        mitglieder = [g for g in plan.gremien if g.ebene is ebene]
        if not mitglieder:
            continue
        text += f"### {gross_anfang(ebene.label)}\n\n"
        for g in mitglieder:
            ziele = [f"[{klartext_md(plan.gremium(z).label)}]({verweis(z)})" for z in g.berichtet_an]
            ziele += [klartext_md(z) for z in g.berichtet_an_extern]
            weiter = f" – berichtet an: {', '.join(ziele)}" if ziele else ""
            text += f"- [{klartext_md(g.name)}]({verweis(g.id)}){weiter}\n"
        text += "\n"
    return text


def uebersicht(plan: Plan) -> Seite:
    text = kopf("Gremien und Arbeitsformate")
    text += ("Die integrierte Sozialraumplanung lebt von Gremien in der Verwaltung, in den Quartieren "
             "und zwischen beiden. Das Schaubild zeigt, wer an wen berichtet; die Liste darunter "
             "enthält dieselben Angaben als Text.\n\n")
    text += "## Schaubild\n\n"
    text += ('<figure class="srp-organigramm">'
             f"{organigramm_svg(plan)}"
             '<figcaption>Schaubild der Gremien; dieselben Angaben stehen '
             "als Liste im Abschnitt „Verbindungen als Text“.</figcaption></figure>\n\n")
    text += "## Verbindungen als Text\n\n" + verbindungen_als_text(plan)
    return Seite(f"{ORDNER}/index.md", "Gremien", text)


def seite(plan: Plan, g: Gremium) -> Seite:
    text = kopf(g.name)
    text += f'<p class="srp-ebene">Ebene: {h(g.ebene.label)}</p>\n\n'
    text += md(g.beschreibung.strip()) + "\n\n"
    text += "## Aufgaben\n\n" + aufzaehlung(g.aufgaben) + "\n\n"
    if g.mitglieder:
        text += "## Mitglieder\n\n" + aufzaehlung(g.mitglieder) + "\n\n"
    text += "## Arbeitsweise\n\n| Angabe | Wert |\n| --- | --- |\n"
    text += f"| Turnus | {klartext_md(g.turnus)} |\n| Lädt ein | {klartext_md(g.einberufen_von)} |\n"
    ziele = [f"[{klartext_md(plan.gremium(z).label)}]({z}.md)" for z in g.berichtet_an]
    ziele += [klartext_md(z) for z in g.berichtet_an_extern]
    text += f"| Berichtet an | {', '.join(ziele) or '–'} |\n"
    zuarbeit = [x for x in plan.gremien if g.id in x.berichtet_an]
    if zuarbeit:
        text += f"| Erhält Berichte von | {', '.join(f'[{klartext_md(x.label)}]({x.id}.md)' for x in zuarbeit)} |\n"
    massnahmen = [m for m in plan.massnahmen if m.gremium == g.id]
    if massnahmen:
        text += "\n## Begleitete Maßnahmen\n\n" + "\n".join(
            f"- [{klartext_md(m.titel)}](../massnahmen/{m.id}.md)" for m in massnahmen) + "\n"
    sitzungen = plan.sitzungen_for_gremium(g.id)
    if sitzungen:
        text += "\n## Sitzungen\n\n" + "\n".join(
            f"- [{datum(s.datum)}: {klartext_md(s.titel)}](../sitzungen.md#{s.id})" for s in sitzungen) + "\n"
    text += "\n## In Leichter Sprache\n\n" + leichte_sprache_absatz(g.leichte_sprache) + "\n"
    return Seite(f"{ORDNER}/{g.id}.md", g.name, text, quelle=plan.quellen.get(f"gremium:{g.id}"))
