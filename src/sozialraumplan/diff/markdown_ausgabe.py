"""The comparison as a Markdown report: the CLI's default output and the site's „Änderungen“ page.

The report: heading, summary, the two states compared, notes on invalid states, then one
section per kind of entity, the plan's own data, and indicators with the Sozialindex.
"""

from __future__ import annotations

from ..befund import Befund
from ..render.text import datum, klartext_md
from .anzeige import ARTNAMEN, Anzeige
from .ergebnis import Vergleich
from .markdown_eintraege import art_abschnitt, feldliste
from .markdown_indikatoren import indikatoren_abschnitt
from .stand import Stand
from .zusammenfassung import zusammenfassung


def ueberschrift(vergleich: Vergleich) -> str:
    return f"Änderungen von {vergleich.basis.name} zu {vergleich.ziel.name}"


def als_markdown(vergleich: Vergleich) -> str:
    """The full report with its H1."""
    return f"# {klartext_md(ueberschrift(vergleich))}\n\n{koerper(vergleich)}"


def koerper(vergleich: Vergleich, *, commits: bool = True) -> str:
    """Everything below the H1 (the site page puts its own front matter and H1 above). The site
    leaves out the commit ids (`commits=False`): readers know a Fassung by its name and date."""
    anzeige = Anzeige(vergleich.basis, vergleich.ziel)
    bloecke = [
        f"**Zusammenfassung:** {klartext_md(zusammenfassung(vergleich))}",
        f"Verglichen wurden {_stand_text(vergleich.basis, commits)} und {_stand_text(vergleich.ziel, commits)}.",
    ]
    hinweise = [s for s in (vergleich.basis, vergleich.ziel) if not s.gueltig]
    if hinweise:
        bloecke.append("## Hinweise zu den Fassungen")
        bloecke += [_ungueltig(s) for s in hinweise]
    for artvergleich in vergleich.arten.values():
        bloecke.append(f"## {ARTNAMEN[artvergleich.art].abschnitt}")
        bloecke += art_abschnitt(artvergleich, anzeige, "###")
    bloecke.append("## Angaben zum Plan")
    bloecke.append(feldliste(vergleich.plan, anzeige) if vergleich.plan else "Keine Änderungen.")
    bloecke.append("## Indikatoren und Sozialindex")
    if vergleich.indikatoren is None:
        bloecke.append(f"Die Indikatoren wurden nicht verglichen: {klartext_md(vergleich.indikatoren_grund)}.")
    else:
        bloecke += indikatoren_abschnitt(vergleich, anzeige)
    return "\n\n".join(bloecke) + "\n"


def _stand_text(stand: Stand, commits: bool) -> str:
    teile = [f"die Fassung **{klartext_md(stand.name)}**"]
    angaben = []
    if stand.commit and commits:
        angaben.append(f"Commit {stand.commit[:7]}")
    if stand.info is not None:
        angaben.append(f"{klartext_md(stand.info.fortschreibung)}, Stand {datum(stand.info.stand)}")
    if angaben:
        teile.append(f"({'; '.join(angaben)})")
    return " ".join(teile)


def _ungueltig(stand: Stand) -> str:
    zeilen = [f"Die Fassung **{klartext_md(stand.name)}** ist nicht gültig ({len(stand.befunde)} Fehler). "
              "Verglichen wurde, was sich lesen ließ:", ""]
    zeilen += [f"- {_befund(b)}" for b in stand.befunde]
    return "\n".join(zeilen)


def _befund(befund: Befund) -> str:
    text = f"`{befund.datei}:{befund.zeile}:{befund.spalte}` {klartext_md(befund.meldung)}"
    return text + (f" — {klartext_md(befund.hinweis)}" if befund.hinweis else "")


