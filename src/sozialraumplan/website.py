"""Everything the site needs from `plan/` and `data/`, assembled once per build.

`website_bauen(wurzel)` loads and validates plan, accessibility statement and atlas and
returns the generated sections, files and abbreviations. It raises `PlanUngueltig` on any error, so a broken plan never
produces a site.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from . import feeds, verlauf
from .atlas.inhalte import atlas_abschnitte, atlas_dateien
from .atlas.modell import Atlas
from .barrierefreiheit import abschnitte as barrierefreiheit_abschnitte
from .befund import Befund, PlanUngueltig, Schwere
from .bestand import Bestand, bestand_pruefen
from .diff.seite import aenderungen_seiten
from .git_historie import letzte_aenderungen
from .git_quelle import RevisionUnbekannt
from .laden import PLAN_DATEI, dokument_lesen
from .model import Plan
from .quelle import Ordner
from .render import foerderprojekte, gremien, gremienarbeit, gremienarbeit_seiten, leitlinien, massnahmen, verzeichnisse, wirkung
from .render.downloads import plan_downloads
from .render.leichte_sprache import ls_verweis
from .render.text import datum
from .seiten import Abschnitt, Datei, Seite
from .verlauf import Fassung
from .veroeffentlichung import RELEASE_VARIABLE, Veroeffentlichung, veroeffentlichung_lesen

ASSETS = {
    "assets/sozialraumplan.css": "assets/sozialraumplan.css",
    "assets/massnahmen-katalog.js": "assets/massnahmen-katalog.js",
    "assets/tastatur.js": "assets/tastatur.js",
    "assets/atlas/atlas.css": "atlas/assets/atlas.css",
    "assets/atlas/atlas-karte.js": "atlas/assets/atlas-karte.js",
    "assets/tabellen.js": "assets/tabellen.js",
    "assets/ueberschriften.js": "assets/ueberschriften.js",
    "assets/stadtteil-suche.js": "assets/stadtteil-suche.js",
    "assets/stadtteil-vergleich.js": "assets/stadtteil-vergleich.js",
}
"""Site path → package path of the stylesheets and scripts every page loads (mkdocs.yml lists
them), shipped inside the package; also for a city without an atlas, where the map script
finds no map and does nothing."""
ATLAS_START = "atlas/index.md"


@dataclass
class Website:
    """The generated part of the site."""

    bestand: Bestand
    stichtag: dt.date
    abschnitte: list[Abschnitt] = field(default_factory=list)
    dateien: list[Datei] = field(default_factory=list)
    abkuerzungen: str = ""
    letzte_aenderungen: dict[str, dt.date] = field(default_factory=dict)
    warnungen: list[Befund] = field(default_factory=list)
    """Findings that do not stop publishing; the build prints them."""
    veroeffentlichung: Veroeffentlichung | None = None
    """The release this site is built for (its PDF and Synopse are under Downloads); None without one."""

    @property
    def plan(self) -> Plan:
        return self.bestand.plan

    def feed_verweise(self, pfad: str) -> list[tuple[str, str]]:
        """The Atom feeds page `pfad` links in its head: (site path, title)."""
        return feeds.feed_verweise(self.plan, pfad)

    def seiten(self) -> list[Seite]:
        return [s for a in self.abschnitte for s in a.seiten]

    def seitentext(self, seite: Seite) -> str:
        """The page as the reader gets it: a link to its Leichte-Sprache version under the
        heading, and when it last changed at the end."""
        text = seite.markdown
        verweis = ls_verweis(self.plan, seite.pfad)
        if verweis:
            titel, _, koerper = text.partition("\n")
            text = f"{titel}\n\n{verweis}{koerper.lstrip()}" if titel.startswith("# ") else verweis + text
        return text + self.fusszeile(seite)

    def quelle(self, pfad: str) -> str | None:
        """The file in `plan/` or `data/` the generated page `pfad` is made from (shown to editors)."""
        return self._quellen.get(pfad)

    @functools.cached_property
    def _quellen(self) -> dict[str, str | None]:
        """Page path → source file; asked once per page, so a lookup, not a search (a city of
        1,000 districts has over 2,000 pages)."""
        return {s.pfad: s.quelle for s in reversed(self.seiten())}  # the first page of a path counts

    def fusszeile(self, seite: Seite) -> str:
        """Below each generated page: when its source last changed and when it was last reviewed."""
        teile = []
        if seite.quelle and seite.quelle in self.letzte_aenderungen:
            teile.append(f"Zuletzt geändert: {datum(self.letzte_aenderungen[seite.quelle])}")
        if seite.zuletzt_geprueft:
            teile.append(f"Zuletzt geprüft: {datum(dt.date.fromisoformat(seite.zuletzt_geprueft))}")
        return '\n\n<p class="srp-seitenstand">' + " · ".join(teile) + "</p>\n" if teile else ""


def stichtag() -> dt.date:
    """Today, or the date of SOURCE_DATE_EPOCH so that a rebuild of a release is byte-identical."""
    epoche = os.environ.get("SOURCE_DATE_EPOCH")
    if epoche:
        return dt.datetime.fromtimestamp(int(epoche), dt.UTC).date()
    return dt.date.today()


def plan_abschnitte(plan: Plan, tag: dt.date, fassungen: list[Fassung] | None = None,
                    atlas: Atlas | None = None) -> list[Abschnitt]:
    """The sections generated from `plan/`, in navigation order; `fassungen` (the published
    Fortschreibungen) and `atlas` feed the Maßnahmen's timelines and Wirkung."""
    fassungen = fassungen or []
    return [
        Abschnitt("Leitlinien", [leitlinien.uebersicht(plan)]
                  + [leitlinien.seite(plan, l, gremienarbeit_seiten.leitlinie_zusatz(plan, l.id))
                     for l in plan.leitlinien]),
        Abschnitt("Maßnahmen", [massnahmen.katalog_seite(plan), massnahmen.pruefung_seite(plan, tag),
                                gremienarbeit.prioritaeten_seite(plan), wirkung.wirkung_seite(plan, atlas)]
                  + [massnahmen.massnahme_seite(plan, m, massnahmen.pruefung_faellig(m, tag),
                                                gremienarbeit_seiten.massnahme_zusatz(plan, m, fassungen, atlas))
                     for m in plan.massnahmen]),
        Abschnitt("Gremien", [gremien.uebersicht(plan)] + [gremien.seite(plan, g) for g in plan.gremien]),
        Abschnitt("Sitzungen", [verzeichnisse.sitzungen_seite(plan)]),
        Abschnitt("Glossar", [verzeichnisse.glossar_seite(plan)]),
        Abschnitt("Geförderte Projekte", [foerderprojekte.uebersicht(plan)]),
    ]


def _aenderungen(wurzel: Path, plan: Plan) -> list[Seite]:
    """The pages „Änderungen“ and „Synopse“; a configured base that git does not know is the editor's error."""
    try:
        return aenderungen_seiten(wurzel, plan, plan.info.vergleich_mit)
    except RevisionUnbekannt as fehler:
        dokument = dokument_lesen(Ordner(wurzel), PLAN_DATEI, [])  # valid: the plan has loaded
        zeile, spalte = dokument.position(("vergleich_mit",), schluessel=True) if dokument else (1, 1)
        raise PlanUngueltig([Befund(PLAN_DATEI, zeile, spalte, str(fehler),
                                    "nennen Sie einen vorhandenen Tag oder löschen Sie „vergleich_mit“")]) from None


def paket_dateien() -> list[Datei]:
    """The package's own assets (CSS, JS) as site files."""
    basis = resources.files("sozialraumplan")
    return [Datei(pfad, basis.joinpath(paket).read_bytes()) for pfad, paket in ASSETS.items()]


def website_bauen(wurzel: Path | str) -> Website:
    """Load, validate and render; raises `PlanUngueltig` with every finding.

    Cached per state of the files: the mkdocs hook and the macros both ask for the site in
    one build, and the live preview (`make serve`) gets a fresh one after every edit.
    """
    wurzel = Path(wurzel).resolve()
    return _bauen(wurzel, _fingerabdruck(wurzel), stichtag())


def _fingerabdruck(wurzel: Path) -> tuple:
    """Path, size and modification time of every file the site is generated from, and the
    release folder it offers (SOZIALRAUMPLAN_RELEASE)."""
    release = os.environ.get(RELEASE_VARIABLE, "").strip()
    return (release,) + tuple(
        (str(p), s.st_size, s.st_mtime_ns)
        for ordner in ("plan", "data", *([release] if release else [])) if (wurzel / ordner).is_dir()
        for p in sorted((wurzel / ordner).rglob("*")) if p.is_file() and (s := p.stat())
    )


@functools.lru_cache(maxsize=2)
def _bauen(wurzel: Path, fingerabdruck: tuple, tag: dt.date) -> Website:
    bestand, befunde = bestand_pruefen(Ordner(wurzel))
    if bestand is None:
        raise PlanUngueltig(befunde)
    return website_aus_bestand(wurzel, bestand, befunde, tag)


def website_aus_bestand(wurzel: Path, bestand: Bestand, befunde: list[Befund], tag: dt.date, *,
                        atlasseiten: bool = True) -> Website:
    """Render the site of inputs already loaded and checked (`befunde`: their warnings); raises
    `PlanUngueltig` for what only rendering finds (an unknown comparison base). Without
    `atlasseiten`, the atlas's pages and files are left out: they are made from the checked atlas
    alone and hold no finding (`validate` asks for them only when a hand-written page could clash)."""
    plan, atlas = bestand.plan, bestand.atlas
    veroeffentlichung, beilagen = veroeffentlichung_lesen(wurzel, plan.info.stadt)
    downloads, dateien = plan_downloads(plan, veroeffentlichung)
    dateien += beilagen
    dateien.append(massnahmen.pruefung_json(plan, tag))
    fassungen = verlauf.fassungen(wurzel)
    dateien += feeds.feeds(plan, fassungen, profile=atlas is not None)
    abschnitte = plan_abschnitte(plan, tag, fassungen, atlas)
    if atlas is not None and atlasseiten:
        abschnitte += atlas_abschnitte(plan, atlas, tag)
        dateien += atlas_dateien(plan, atlas)
    abschnitte += [
        Abschnitt("Änderungen", _aenderungen(wurzel, plan)),
        Abschnitt("Downloads", [downloads]),
        *barrierefreiheit_abschnitte(plan, bestand.erklaerung, atlas=ATLAS_START if atlas else None),
    ]
    return Website(
        bestand=bestand,
        stichtag=tag,
        abschnitte=abschnitte,
        dateien=paket_dateien() + dateien,
        abkuerzungen=verzeichnisse.abkuerzungen(plan),
        letzte_aenderungen=letzte_aenderungen(wurzel),
        warnungen=[b for b in befunde if b.schwere is Schwere.WARNUNG],
        veroeffentlichung=veroeffentlichung,
    )
