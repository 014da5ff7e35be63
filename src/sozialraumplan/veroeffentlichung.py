"""The files of a release the site offers: the PDF (the Beschlussvorlage) and the Synopse.

`release` makes them before it builds the site, lays them into a folder with a short
description and names that folder in SOZIALRAUMPLAN_VEROEFFENTLICHUNG; the site build puts
them under `downloads/` and links them from the start page and the Downloads page. A site built
without a release says where they will be.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from .render.pfade import relativ
from .render.text import h
from .seiten import Datei

VEROEFFENTLICHUNG_VARIABLE = "SOZIALRAUMPLAN_VEROEFFENTLICHUNG"
BESCHREIBUNG = "veroeffentlichung.json"
ORDNER = "downloads"


@dataclass(frozen=True)
class Veroeffentlichung:
    """A release: its name and the file names of its PDF and Synopse (None: nothing to compare with)."""

    fassung: str
    pdf: str
    synopse: str | None

    @property
    def dateien(self) -> list[str]:
        return [self.pdf] + ([self.synopse] if self.synopse else [])


def veroeffentlichung_ablegen(ordner: Path, veroeffentlichung: Veroeffentlichung, inhalte: dict[str, bytes]) -> Path:
    """Write the files and their description into `ordner` for the site build; returns `ordner`."""
    for name in veroeffentlichung.dateien:
        (ordner / name).write_bytes(inhalte[name])
    beschreibung = {"fassung": veroeffentlichung.fassung, "pdf": veroeffentlichung.pdf,
                    "synopse": veroeffentlichung.synopse}
    (ordner / BESCHREIBUNG).write_text(json.dumps(beschreibung, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    return ordner


def veroeffentlichung_lesen() -> tuple[Veroeffentlichung | None, list[Datei]]:
    """The release this site is built for (from SOZIALRAUMPLAN_VEROEFFENTLICHUNG) and its files
    as site files; (None, []) for a site built without a release."""
    ordner = os.environ.get(VEROEFFENTLICHUNG_VARIABLE)
    if not ordner:
        return None, []
    beschreibung = json.loads((Path(ordner) / BESCHREIBUNG).read_text(encoding="utf-8"))
    veroeffentlichung = Veroeffentlichung(beschreibung["fassung"], beschreibung["pdf"], beschreibung["synopse"])
    # only plain file names: the folder is ours, but a name must never climb out of downloads/
    return veroeffentlichung, [Datei(f"{ORDNER}/{Path(n).name}", (Path(ordner) / Path(n).name).read_bytes())
                               for n in veroeffentlichung.dateien]


def veroeffentlichung_text(veroeffentlichung: Veroeffentlichung | None, von: str) -> str:
    """Markdown for page `von`: links to the release's PDF and Synopse, or where they will be."""
    if veroeffentlichung is None:
        return ("Das PDF des Plans (die Beschlussvorlage für den Stadtrat) und die Synopse gegenüber der vorigen "
                "Fortschreibung entstehen, wenn eine Fassung veröffentlicht wird (`sozialraumplan release` zu "
                "einem Tag wie v2026.1). Diese Website wurde ohne Veröffentlichung gebaut; in einer "
                "veröffentlichten Fassung stehen beide hier und unter "
                f"[Downloads]({relativ(ORDNER + '/index.md', von)}).\n")
    fassung = h(veroeffentlichung.fassung)
    zeilen = [f'- <a href="{h(relativ(f"{ORDNER}/{veroeffentlichung.pdf}", von))}">Der Plan als PDF, Fassung '
              f"{fassung}</a>: die Beschlussvorlage für den Stadtrat, barrierefrei (PDF/UA).\n"]
    if veroeffentlichung.synopse:
        zeilen.append(f'- <a href="{h(relativ(f"{ORDNER}/{veroeffentlichung.synopse}", von))}">Die Synopse der '
                      f"Fassung {fassung}</a> (HTML): bisherige und neue Fassung nebeneinander, Änderungen markiert.\n")
    return "".join(zeilen)
