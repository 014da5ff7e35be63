"""The files of a release the site offers: the PDF (the Beschlussvorlage) and the Synopse.

`release` names its files after the city and the version (`sozialraumplan-erfurt-v2026.1.pdf`).
A site build finds a release in the folder named by SOZIALRAUMPLAN_RELEASE (relative to the
repository, and inside it), reads which Fassung it is from the release's changes JSON, puts the
PDF and the Synopse under `downloads/` and links them from the start page and the Downloads page.
`release` builds its own website zip this way, and the tag workflow builds the site it publishes
with `SOZIALRAUMPLAN_RELEASE=dist`. A site built without a release says where they will be.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from .befund import Befund, PlanUngueltig
from .render.pfade import kuerzel, relativ
from .render.text import h
from .seiten import Datei

RELEASE_VARIABLE = "SOZIALRAUMPLAN_RELEASE"
"""The folder `sozialraumplan release` wrote, for the site build (e.g. `dist`)."""
ORDNER = "downloads"
TAG_MUSTER = re.compile(r"^v(\d{4})\.(\d+)$")
"""Release tags: `v<Jahr>.<n>`, e.g. `v2026.1`."""
ENTWURF = "entwurf"
"""The version of a draft, in file names instead of a tag."""


@dataclass(frozen=True)
class Veroeffentlichung:
    """A release: its name, the start of its file names, and whether it has a Synopse (it has
    none when there is nothing to compare with)."""

    fassung: str
    praefix: str
    """`sozialraumplan-<stadt>-<version>`, see `praefix`."""
    mit_synopse: bool

    @property
    def pdf(self) -> str:
        return f"{self.praefix}.pdf"

    @property
    def synopse(self) -> str | None:
        return f"{self.praefix}-synopse.html" if self.mit_synopse else None

    @property
    def aenderungen(self) -> str:
        """The changes as JSON: names the Fassung and the one it is compared with (or none)."""
        return f"{self.praefix}-aenderungen.json"

    @property
    def dateien(self) -> list[str]:
        """The files the site offers under downloads/."""
        return [self.pdf] + ([self.synopse] if self.synopse else [])


def praefix(stadt: str, version: str) -> str:
    """How every file of a release begins: `sozialraumplan-erfurt-v2026.1`."""
    return f"sozialraumplan-{kuerzel(stadt)}-{version}"


def veroeffentlichung_lesen(wurzel: Path, stadt: str) -> tuple[Veroeffentlichung | None, list[Datei]]:
    """The release of `stadt` in the folder SOZIALRAUMPLAN_RELEASE names and its PDF and Synopse as
    site files; (None, []) when the variable is not set. A folder outside the repository, a folder
    without a release (or with several), or a missing file raise `PlanUngueltig`: the site would
    otherwise be published without the documents the council decides on."""
    wert = os.environ.get(RELEASE_VARIABLE, "").strip()
    if not wert:
        return None, []
    wurzel = wurzel.resolve()
    ordner = (wurzel / wert).resolve()
    hilfe = (f"erzeugen Sie das Release mit „sozialraumplan release --ziel {wert}“ oder bauen Sie die Website "
             f"ohne {RELEASE_VARIABLE}")
    if not ordner.is_relative_to(wurzel):
        _fehler(wert, f"{RELEASE_VARIABLE}={wert} liegt außerhalb des Repositorys {wurzel}",
                "nennen Sie einen Ordner im Repository, z. B. dist")
    if not ordner.is_dir():
        _fehler(wert, f"Den Ordner {wert} aus {RELEASE_VARIABLE} gibt es nicht", hilfe)
    anfang = praefix(stadt, "")
    muster = re.compile(rf"{re.escape(anfang)}({TAG_MUSTER.pattern[1:-1]}|{ENTWURF})-aenderungen\.json")
    gefunden = sorted(p.name for p in ordner.iterdir() if muster.fullmatch(p.name))
    if not gefunden:
        _fehler(wert, f"In {wert} liegt kein Release von {stadt} (es fehlt {anfang}<Fassung>-aenderungen.json)", hilfe)
    if len(gefunden) > 1:
        fassungen = ", ".join(n.removeprefix(anfang).removesuffix("-aenderungen.json") for n in gefunden)
        _fehler(wert, f"In {wert} liegen mehrere Releases ({fassungen})",
                "leeren Sie den Ordner und erzeugen Sie nur das Release, dessen Website gebaut wird")
    beschreibung = f"{wert}/{gefunden[0]}"
    try:
        daten = json.loads((ordner / gefunden[0]).read_text(encoding="utf-8"))
        veroeffentlichung = Veroeffentlichung(str(daten["ziel"]["name"]), gefunden[0].removesuffix("-aenderungen.json"),
                                              daten["basis"] is not None)
    except (ValueError, KeyError, TypeError):
        _fehler(beschreibung, "Die Datei ist nicht die Beschreibung der Änderungen, die „sozialraumplan release“ "
                "schreibt", hilfe)
    fehlend = [n for n in veroeffentlichung.dateien if not (ordner / n).is_file()]
    if fehlend:
        _fehler(f"{wert}/{fehlend[0]}", f"Zum Release {veroeffentlichung.fassung} fehlt die Datei {fehlend[0]}", hilfe)
    return veroeffentlichung, [Datei(f"{ORDNER}/{n}", (ordner / n).read_bytes()) for n in veroeffentlichung.dateien]


def _fehler(datei: str, meldung: str, hinweis: str) -> NoReturn:
    raise PlanUngueltig([Befund(datei, 1, 1, meldung, hinweis)])


def veroeffentlichung_text(veroeffentlichung: Veroeffentlichung | None, von: str) -> str:
    """Markdown for page `von`: links to the release's PDF and Synopse, or where they will be."""
    if veroeffentlichung is None:
        return ("Das PDF des Plans (die Beschlussvorlage für den Stadtrat) und die Synopse gegenüber der vorigen "
                "Fortschreibung entstehen, wenn eine Fassung veröffentlicht wird (zum Beispiel die Fassung "
                "v2026.1). Diese Website wurde ohne Veröffentlichung gebaut; in einer "
                "veröffentlichten Fassung stehen beide hier und unter "
                f"[Downloads]({relativ(ORDNER + '/index.md', von)}).\n")
    fassung = h(veroeffentlichung.fassung)
    zeilen = [f'- <a href="{h(relativ(f"{ORDNER}/{veroeffentlichung.pdf}", von))}">Der Plan als PDF, Fassung '
              f"{fassung}</a>: die Beschlussvorlage für den Stadtrat, barrierefrei (PDF/UA).\n"]
    if veroeffentlichung.synopse:
        zeilen.append(f'- <a href="{h(relativ(f"{ORDNER}/{veroeffentlichung.synopse}", von))}">Die Synopse der '
                      f"Fassung {fassung}</a> (HTML): bisherige und neue Fassung nebeneinander, Änderungen markiert.\n")
    return "".join(zeilen)
