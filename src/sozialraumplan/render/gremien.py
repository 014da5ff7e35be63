"""Gremien: one page each, and an organigram (Mermaid) with an equivalent text list."""

from __future__ import annotations

from ..model import Ebene, Gremium, Plan
from ..seiten import Seite
from .text import aufzaehlung, datum, h, kopf, leichte_sprache_absatz, md, md_zeile

ORDNER = "gremien"
MERMAID_SKRIPT = "assets/javascripts/mermaid.min.js"
"""Mermaid served from the site itself: Material would otherwise fetch it from a CDN."""


def _mermaid_text(text: str) -> str:
    """Mermaid labels in quotes: quotes and brackets would end the label early."""
    return h(text).replace("&quot;", "#quot;")


def organigramm(plan: Plan) -> str:
    """Mermaid flowchart: one subgraph per Ebene, an arrow for every reporting line."""
    zeilen = ["flowchart TB"]
    for ebene in Ebene:
        mitglieder = [g for g in plan.gremien if g.ebene is ebene]
        if not mitglieder:
            continue
        zeilen.append(f'  subgraph {ebene.value}["{_mermaid_text(_gross(ebene.label))}"]')
        zeilen += [f'    {_knoten(g)}["{_mermaid_text(g.label)}"]' for g in mitglieder]
        zeilen.append("  end")
    for g in plan.gremien:
        zeilen += [f"  {_knoten(g)} --> {_knoten(plan.gremium(ziel))}" for ziel in g.reports_to]
    return "\n".join(zeilen)


def _gross(text: str) -> str:
    """First letter upper case, the rest untouched (unlike `str.capitalize`)."""
    return text[:1].upper() + text[1:]


def _knoten(gremium: Gremium) -> str:
    return "g_" + gremium.id.replace("-", "_")


def verbindungen_als_text(plan: Plan) -> str:
    """The same structure as the diagram, as nested lists a screen reader can walk through."""
    text = ""
    for ebene in Ebene:
        mitglieder = [g for g in plan.gremien if g.ebene is ebene]
        if not mitglieder:
            continue
        text += f"### {_gross(ebene.label)}\n\n"
        for g in mitglieder:
            ziele = [f"[{md_zeile(plan.gremium(z).label)}]({z}.md)" for z in g.reports_to]
            ziele += [md_zeile(z) for z in g.reports_to_external]
            weiter = f" – berichtet an: {', '.join(ziele)}" if ziele else ""
            text += f"- [{md_zeile(g.name)}]({g.id}.md){weiter}\n"
        text += "\n"
    return text


def uebersicht(plan: Plan) -> Seite:
    text = kopf("Gremien und Arbeitsformate")
    text += ("Die integrierte Sozialraumplanung lebt von Gremien in der Verwaltung, in den Quartieren "
             "und zwischen beiden. Das Schaubild zeigt, wer an wen berichtet; die Liste darunter "
             "enthält dieselben Angaben als Text.\n\n")
    text += "## Schaubild\n\n"
    text += (f'<script src="../{MERMAID_SKRIPT}"></script>\n\n'
             '<figure class="srp-organigramm" aria-describedby="organigramm-text">\n\n'
             f"``` mermaid\n{organigramm(plan)}\n```\n\n"
             '<figcaption id="organigramm-text">Schaubild der Gremien; dieselben Angaben stehen '
             "als Liste im Abschnitt „Verbindungen als Text“.</figcaption>\n</figure>\n\n")
    text += "## Verbindungen als Text\n\n" + verbindungen_als_text(plan)
    return Seite(f"{ORDNER}/index.md", "Gremien", text)


def seite(plan: Plan, g: Gremium) -> Seite:
    text = kopf(g.name)
    text += f'<p class="srp-ebene">Ebene: {h(g.ebene.label)}</p>\n\n'
    text += md(g.description.strip()) + "\n\n"
    text += "## Aufgaben\n\n" + aufzaehlung(g.tasks) + "\n\n"
    if g.members:
        text += "## Mitglieder\n\n" + aufzaehlung(g.members) + "\n\n"
    text += "## Arbeitsweise\n\n| Angabe | Wert |\n| --- | --- |\n"
    text += f"| Turnus | {md_zeile(g.turnus)} |\n| Lädt ein | {md_zeile(g.convened_by)} |\n"
    ziele = [f"[{md_zeile(plan.gremium(z).label)}]({z}.md)" for z in g.reports_to]
    ziele += [md_zeile(z) for z in g.reports_to_external]
    text += f"| Berichtet an | {', '.join(ziele) or '–'} |\n"
    zuarbeit = [x for x in plan.gremien if g.id in x.reports_to]
    if zuarbeit:
        text += f"| Erhält Berichte von | {', '.join(f'[{md_zeile(x.label)}]({x.id}.md)' for x in zuarbeit)} |\n"
    massnahmen = [m for m in plan.massnahmen if m.gremium == g.id]
    if massnahmen:
        text += "\n## Begleitete Maßnahmen\n\n" + "\n".join(
            f"- [{md_zeile(m.title)}](../massnahmen/{m.id}.md)" for m in massnahmen) + "\n"
    sitzungen = plan.sitzungen_for_gremium(g.id)
    if sitzungen:
        text += "\n## Sitzungen\n\n" + "\n".join(
            f"- [{datum(s.date)}: {md_zeile(s.title)}](../sitzungen.md#{s.id})" for s in sitzungen) + "\n"
    text += "\n## In Leichter Sprache\n\n" + leichte_sprache_absatz(g.leichte_sprache) + "\n"
    return Seite(f"{ORDNER}/{g.id}.md", g.name, text, quelle=plan.sources.get(f"gremium:{g.id}"))
