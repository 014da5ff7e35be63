"""The site pages „Änderungen“ and „Synopse“: this Fortschreibung compared with the previous one.

The page is built from the working tree the site is built from, against the configured base
or the newest tag before HEAD. Without git history (a tarball, a first draft without tags) it
still exists and says plainly why there is nothing to compare.
"""

from __future__ import annotations

from pathlib import Path

from ..git_quelle import ist_git_repository, vorige_fassung
from ..model import Plan
from ..quelle import Ordner
from ..render.massnahmen import ORDNER as MASSNAHMEN_ORDNER
from ..render.pfade import relativ
from ..render.text import datum, klartext_md, kopf
from ..seiten import Seite
from .markdown_ausgabe import koerper
from .stand import stand_aus_plan, stand_aus_revision
from .synopse import Synopse, synopse
from .synopse_html import koerper as synopse_koerper
from .vergleich import vergleichen

PFAD = "aenderungen.md"
TITEL = "Änderungen"
SYNOPSE_PFAD = "synopse.md"
SYNOPSE_TITEL = "Synopse"


def aenderungen_seiten(repo_root: Path | str, plan: Plan, basis: str | None) -> list[Seite]:
    """The page „Änderungen“ and, when there is a previous Fassung, the page „Synopse“ beside it;
    `basis` is the configured revision to compare with (None: the previous tag).

    A configured base that does not exist raises `RevisionUnbekannt`: that is a mistake in the
    configuration, not a state of the repository.
    """
    wurzel = Path(repo_root)
    if not ist_git_repository(wurzel):
        return [_hinweis("Zu dieser Fassung liegt die Versionsgeschichte des Plans nicht vor. Ohne sie "
                         "lässt sich nicht zeigen, was sich gegenüber der vorigen Fortschreibung geändert hat.")]
    revision = basis or vorige_fassung(wurzel)
    if revision is None:
        return [_hinweis("Es gibt noch keine frühere veröffentlichte Fassung, mit der diese Fortschreibung "
                         "verglichen werden könnte. Sobald eine Fassung veröffentlicht ist (zum Beispiel "
                         "„v2026.1“), stehen hier die Änderungen seitdem.")]
    alt, neu = stand_aus_revision(wurzel, revision), stand_aus_plan(plan, plan.info.fortschreibung, Ordner(wurzel))
    vom = f" vom {datum(alt.info.stand)}" if alt.info is not None else ""
    einleitung = (f"Was sich in dieser Fassung („{klartext_md(plan.info.fortschreibung)}“) gegenüber der "
                  f"Fassung {klartext_md(revision)}{vom} geändert hat. Dieselben Änderungen im Wortlaut, alte und "
                  f"neue Fassung nebeneinander, zeigt die [Synopse]({SYNOPSE_PFAD}).")
    return [
        Seite(PFAD, TITEL, f"{kopf(TITEL)}\n{einleitung}\n\n{koerper(vergleichen(alt, neu), commits=False)}"),
        synopse_seite(synopse(alt, neu), {m.id for m in plan.massnahmen}),
    ]


def synopse_seite(gegenueberstellung: Synopse, massnahmen: set[str]) -> Seite:
    """The Synopse as a site page; each changed or new Maßnahme links to its page."""
    text = (f"{kopf(SYNOPSE_TITEL)}\nDie [Liste der Änderungen]({PFAD}) nennt dasselbe kürzer, Feld für Feld.\n\n"
            + synopse_koerper(gegenueberstellung, verweis=lambda ident: (
                relativ(f"{MASSNAHMEN_ORDNER}/{ident}.html", SYNOPSE_PFAD) if ident in massnahmen else None)))
    return Seite(SYNOPSE_PFAD, SYNOPSE_TITEL, text)


def _hinweis(text: str) -> Seite:
    return Seite(PFAD, TITEL, f"{kopf(TITEL)}\n{text}\n")
