"""The chapters that make the PDF a Beschlussvorlage, beside the plan itself: the
Bedarfsermittlung, the organigram of the Gremien and the Synopse against the previous
Fortschreibung.

The cover itself is in `vorlage.html` (its QR code in `qr.py`).
"""

from __future__ import annotations

import markdown
from markupsafe import Markup

from ..atlas.bausteine import KEINE_ANGABE, index_text
from ..atlas.kontext import kontext_fuer
from ..atlas.modell import Atlas
from ..atlas.seiten import bedarf_regel, bedarfslage
from ..diff.synopse import Synopse
from ..diff.synopse_html import koerper
from ..model import Plan
from ..render.bereinigen import bereinigen
from ..render.gremien import verbindungen_als_text
from ..render.organigramm import organigramm_svg
from ..render.text import h
from .dokument import Kapitel, absaetze


def bedarf_kapitel(plan: Plan, atlas: Atlas) -> Kapitel | None:
    """The ranking of the districts by need, and where high need meets nothing planned."""
    if atlas.sozialindex is None:
        return None
    kontext = kontext_fuer(plan, atlas)
    index = kontext.index
    aktive, orte, luecken, hoch = bedarfslage(kontext)
    if luecken:
        schluss = ('<p class="hinweis"><strong>Hoher Bedarf, aber weder ein Standort noch eine laufende oder '
                   f"geplante Maßnahme:</strong> {h(', '.join(kontext.namen[s] for s in luecken))}.</p>")
    else:
        schluss = "<p>Jeder Stadtteil mit hohem Bedarf hat einen Standort oder eine laufende oder geplante Maßnahme.</p>"
    zeilen = []
    for rang, w in enumerate(index.rangfolge(), start=1):
        s = w.stadtteil
        massnahmen = "<br>".join(f'<a href="#massnahme-{h(m.id)}">{h(m.id)}: {h(m.titel)}</a>' for m in aktive[s])
        einschaetzung = ("Hoher Bedarf, nichts geplant" if s in luecken else
                         "Hoher Bedarf, Angebot oder Planung vorhanden" if s in hoch else "–")
        zeilen.append(
            f'<tr><th scope="row">{h(kontext.namen[s])}</th><td>{rang if w.wert is not None else "–"}</td>'
            f"<td>{h(index_text(w.wert))}</td><td>{h(index.klassenname(s) or KEINE_ANGABE)}</td>"
            f"<td>{len(orte[s])}</td><td>{massnahmen or 'keine'}</td><td>{einschaetzung}</td></tr>"
        )
    html = (
        "<h2>Bedarfsermittlung</h2>"
        "<p>Die Bedarfsermittlung legt den Sozialindex, die Standorte der Quartiers- und Sozialraumarbeit und die "
        "laufenden und geplanten Maßnahmen des Plans nebeneinander. So wird sichtbar, wo hoher Bedarf auf kein "
        f"Angebot trifft.</p>{absaetze(bedarf_regel(kontext))}{schluss}"
        f"<p>{len(hoch)} von {len(kontext.ids)} Stadtteilen haben einen hohen Bedarf, {len(luecken)} davon ohne "
        "Angebot und ohne Planung.</p>"
        f'<table class="bedarf"><caption>Stadtteile nach Bedarf {index.jahr}</caption><thead><tr>'
        '<th scope="col">Stadtteil</th><th scope="col">Rang</th>'
        f'<th scope="col">{h(index.einstellungen.name)}</th><th scope="col">Klasse</th>'
        '<th scope="col">Standorte</th><th scope="col">Laufende und geplante Maßnahmen</th>'
        f'<th scope="col">Einschätzung</th></tr></thead><tbody>{"".join(zeilen)}</tbody></table>'
    )
    return Kapitel("bedarfsermittlung", "Bedarfsermittlung", Markup(html))


def organigramm_kapitel(plan: Plan) -> Kapitel:
    """The organigram as a figure, and the same structure as a list linking each Gremium's section."""
    liste = markdown.markdown(verbindungen_als_text(plan, lambda ident: f"#gremium-{ident}"), output_format="html")
    html = (
        "<h2>Organigramm der Gremien</h2>"
        "<p>Das Schaubild zeigt die Gremien nach Ebenen und wer an wen berichtet; die Liste darunter enthält "
        "dieselben Angaben als Text.</p>"
        f'<figure class="organigramm">{organigramm_svg(plan, "pdf-organigramm")}'
        "<figcaption>Schaubild der Gremien und ihrer Berichtswege.</figcaption></figure>"
        f"{bereinigen(liste)}"
    )
    return Kapitel("organigramm", "Organigramm der Gremien", Markup(html))


def synopse_kapitel(plan: Plan, synopse: Synopse) -> Kapitel:
    """The Synopse against the previous Fortschreibung; changed Maßnahmen link to their section."""
    vorhanden = {m.id for m in plan.massnahmen}
    inhalt = koerper(synopse, ebene=3, einklappen=False,
                     verweis=lambda ident: f"#massnahme-{ident}" if ident in vorhanden else None)
    titel = f"Synopse: {synopse.alt.name} und {synopse.neu.name}"
    return Kapitel("synopse", titel, Markup(f"<h2>{h(titel)}</h2>{inhalt}"))
