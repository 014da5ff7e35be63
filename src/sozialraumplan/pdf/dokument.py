"""The whole plan as one HTML document for print: cover, contents, every chapter.

Everything comes from the validated `Plan`; texts are Markdown, rendered with HTML special
characters neutralised, so nothing a plan file contains can become markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

import jinja2
import markdown
from markupsafe import Markup

from ..model import Foerderprojekt, Gremium, Massnahme, Plan
from ..render import foerderprojekte
from ..render.bereinigen import bereinigen
from ..render.massnahmen import zeitraum
from ..render.text import datum, h, md
from .qr import qr_code


@dataclass(frozen=True)
class Kapitel:
    """An extra chapter (e.g. the atlas) inserted before the glossary; `html` starts with its h2."""

    id: str
    titel: str
    html: Markup


def absaetze(text: str) -> Markup:
    """A Markdown text of the plan as HTML, through the site's allowlist sanitiser: the PDF
    renderer may read local files (fonts), so a text must not name one as an image."""
    return Markup(bereinigen(markdown.markdown(md(text.strip()), output_format="html")))


def zeilen(text: str) -> Markup:
    """Leichte Sprache: one sentence per line stays one line."""
    return Markup("".join(f"<p>{h(' '.join(z.split()))}</p>" for z in text.strip().splitlines() if z.strip()))


def _umgebung() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FunctionLoader(lambda name: resources.files(__package__).joinpath(name).read_text("utf-8")),
        autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
    )


def dokument_titel(plan: Plan) -> str:
    return f"{plan.info.titel} – {plan.info.fortschreibung}"


def html_dokument(plan: Plan, fassung: str, zusatzkapitel: tuple[Kapitel, ...] = (),
                  namensnennungen: tuple[str, ...] = (), adresse: str | None = None) -> str:
    """The print document; `fassung` names the release (tag) on the cover, `adresse` the site
    (None: the cover says that none is configured)."""
    inhalt = [("leitlinien", "Sozialpolitische Leitlinien"), ("massnahmen", "Maßnahmen"),
              ("gremien", "Gremien und Arbeitsformate")]
    if plan.info.einleitung:
        inhalt.insert(0, ("einleitung", "Einleitung"))
    if plan.sitzungen:
        inhalt.append(("sitzungen", "Sitzungen"))
    if plan.foerderprojekte:
        inhalt.append(("foerderprojekte", "Geförderte Projekte"))
    inhalt += [(k.id, k.titel) for k in zusatzkapitel]
    if plan.glossar.begriffe:
        inhalt.append(("glossar", "Glossar"))
    inhalt.append(("impressum", "Impressum"))

    def stadtteile(m: Massnahme | Foerderprojekt) -> str:
        return ", ".join(plan.stadtteil_name(s) for s in m.stadtteile)

    def berichtet_an(g: Gremium) -> list[str]:
        return [plan.gremium(z).name for z in g.berichtet_an] + list(g.berichtet_an_extern)

    return _umgebung().get_template("vorlage.html").render(
        plan=plan, titel=dokument_titel(plan), fassung=fassung, inhalt=inhalt,
        zusatzkapitel=zusatzkapitel, namensnennungen=namensnennungen,
        datum=datum, zeitraum=zeitraum, absaetze=absaetze, zeilen=zeilen,
        stadtteile=stadtteile, berichtet_an=berichtet_an,
        adresse=adresse, qr=qr_code(adresse) if adresse else None, foerderung=foerderprojekte,
    )
