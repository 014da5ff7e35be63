"""The internal site of the funding rounds and the ranking PDF, for the Begleitgremium only.

Plain HTML files, written into their own folder: every page says „nicht öffentlich“, asks
search engines not to index it, has no edit links and carries a Content-Security-Policy. All
text goes through Jinja's autoescaping; Markdown fields through the site's allowlist sanitiser.
The site is built in a temporary folder beside the target and swapped in at the end, so a
failure never leaves half a site.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from decimal import Decimal
from importlib import resources
from pathlib import Path

import jinja2
import markdown as markdown_lib
from markupsafe import Markup

from ..atlas.index import Sozialindex
from ..atlas.zahlen import euro, zahl_text
from ..model import Plan
from ..pdf.druck import pdf_schreiben
from ..render import csp
from ..render.bereinigen import bereinigen
from ..render.text import datum, md
from .bewertung import Ergebnis, rangliste
from .laden import Foerderrunde, Foerderung

VORLAGEN = "vorlagen"
STIL = "intern.css"


class InternFehler(Exception):
    """The internal site cannot be written where asked (e.g. inside the public repository)."""


def _markdown(text: str) -> Markup:
    return Markup(bereinigen(markdown_lib.markdown(md(text.strip()), output_format="html")))


def _zahl(wert: float | Decimal) -> str:
    return zahl_text(float(wert), 1)


def _umgebung() -> jinja2.Environment:
    umgebung = jinja2.Environment(loader=jinja2.PackageLoader(__package__, VORLAGEN), autoescape=True,
                                  undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    umgebung.globals.update(euro=euro, datum=datum, zahl=_zahl, markdown=_markdown)
    return umgebung


def rangliste_pdf(runde: Foerderrunde, ergebnisse: list[Ergebnis], erstellt: str) -> bytes:
    """The ranking with the recommendations' reasons as a tagged, accessible PDF (PDF/UA-1)."""
    html = _umgebung().get_template("rangliste_pdf.html").render(
        titel=f"{runde.runde.titel}: Rangliste – nicht öffentlich", runde=runde.runde, ergebnisse=ergebnisse,
        erstellt=erstellt)
    return pdf_schreiben(html)


def _seite(umgebung: jinja2.Environment, vorlage: str, basis: str, **werte: object) -> bytes:
    html = umgebung.get_template(vorlage).render(basis=basis, **werte)
    verstoesse, politik = csp.pruefen(html)
    if verstoesse:  # a bug of this program, never an editor's mistake: the templates escape everything
        raise InternFehler("Die interne Seite enthielte Unsicheres: " + "; ".join(verstoesse))
    return csp.einsetzen(html, politik).encode("utf-8")


def intern_dateien(foerderung: Foerderung, plan: Plan, index: Sozialindex | None,
                   tag: dt.date) -> dict[str, bytes]:
    """Path below the output folder → content of every file of the internal site."""
    umgebung = _umgebung()
    erstellt = datum(tag)
    jahre = [r.runde.jahr for r in foerderung.runden]
    gemeinsam = {"runden": jahre, "erstellt": erstellt}
    dateien = {STIL: resources.files(__package__).joinpath(VORLAGEN).joinpath(STIL).read_bytes(),
               "index.html": _seite(umgebung, "start.html", "", titel="Förderanträge", rundenliste=foerderung.runden,
                                    **gemeinsam)}
    for runde in foerderung.runden:
        jahr = runde.runde.jahr
        ergebnisse = rangliste(runde, plan, index)
        pdf = rangliste_pdf(runde, ergebnisse, erstellt)
        pdf_name = f"rangliste-{jahr}.pdf"
        dateien[f"{jahr}/{pdf_name}"] = pdf
        beantragt = sum((e.eintrag.antrag.beantragte_summe for e in ergebnisse), Decimal(0))
        dateien[f"{jahr}/index.html"] = _seite(
            umgebung, "runde.html", "../", titel=f"Rangliste {jahr}", runde=runde.runde, ergebnisse=ergebnisse,
            beantragt=beantragt, pdf=pdf_name, pdf_kb=len(pdf) // 1024 + 1, **gemeinsam)
        for ergebnis in ergebnisse:
            antrag = ergebnis.eintrag.antrag
            leitlinien = [f"{plan.leitlinie(l).nummer}. {plan.leitlinie(l).titel}" for l in antrag.leitlinien]
            dateien[f"{jahr}/{antrag.id}.html"] = _seite(
                umgebung, "antrag.html", "../", titel=antrag.projekt, e=ergebnis, leitlinien=leitlinien,
                kriterien=runde.runde.kriterien, **gemeinsam)
    return dateien


def innerhalb(pfad: Path, ordner: Path) -> bool:
    pfad, ordner = pfad.resolve(), ordner.resolve()
    return pfad == ordner or ordner in pfad.parents


def intern_schreiben(dateien: dict[str, bytes], ziel: Path, oeffentlich: Path) -> None:
    """Write the site into `ziel` all at once: into a new folder beside it first, then swapped in.
    Never inside the public repository `oeffentlich`, where a commit could publish it."""
    if innerhalb(ziel, oeffentlich):
        raise InternFehler(f"Der Zielordner {ziel} liegt im öffentlichen Repository {oeffentlich}: von dort könnte "
                           "die interne Website veröffentlicht werden — wählen Sie mit --ziel einen Ordner außerhalb")
    ziel.parent.mkdir(parents=True, exist_ok=True)
    neu = Path(tempfile.mkdtemp(prefix=f".{ziel.name}-neu-", dir=ziel.parent))
    try:
        for name, inhalt in dateien.items():
            (neu / name).parent.mkdir(parents=True, exist_ok=True)
            (neu / name).write_bytes(inhalt)
        alt = ziel.parent / f".{ziel.name}-alt"
        if alt.exists():
            shutil.rmtree(alt)
        if ziel.exists():
            ziel.rename(alt)
        neu.rename(ziel)
        if alt.exists():
            shutil.rmtree(alt)
    finally:
        if neu.exists():
            shutil.rmtree(neu)
