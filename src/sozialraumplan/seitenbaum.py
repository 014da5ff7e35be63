"""The whole site as plain files: every page as finished Markdown and every generated file.

`seitenbaum()` is the one place where the site's pages get their final Markdown: the generated
pages (`website`) and the hand-written pages of `docs/` with their macros rendered
(`docs_seiten`), each with the glossary's abbreviations. Two users:

- the MkDocs hook (`macros/seiten.py`) hands these to MkDocs;
- `sozialraumplan seiten --ziel DIR` writes them into a plain project (`DIR/docs/`,
  `DIR/mkdocs.yml` without hooks), which any generator that reads `mkdocs.yml` (Zensical)
  builds without running our code.

The Markdown is already safe text: every value from `plan/` and `data/` went through the
`render.text` helpers. What a plain generator does not add (sanitiser, CSP, edit links of
generated pages) is listed in the README, „Wenn Material for MkDocs endet“.
"""

from __future__ import annotations

import functools
import itertools
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .befund import PlanUngueltig
from .docs_seiten import DOCS, VORSPANN, docs_rendern, markdown_dateien
from .render.htmlbloecke import ohne_marken
from .seiten import Abschnitt
from .website import Website

NAV_HOECHSTENS = 60
"""A section with more pages lists only its overview in the navigation: mkdocs-material writes
the whole navigation into every page, so 1,000 district profiles there would dominate build
time and page size. The overview page links every page of the section."""
ERZEUGTE_ORDNER = ("atlas",)
"""Sections that exist only when the city has the data for them (nav entries may name them)."""
KONFIGURATION = "mkdocs.yml"
OHNE_PROGRAMM = ("hooks", "watch")
"""Settings of `mkdocs.yml` that run or watch our code; the exported project has none."""


@dataclass(frozen=True)
class Ausgabe:
    """A generated page (finished Markdown) or file at `pfad` below the docs folder."""

    pfad: str
    inhalt: str | bytes
    quelle: str | None = None
    """Repository path of the file a page is made from (its edit link)."""


@dataclass(frozen=True)
class Seitenbaum:
    """Every page and file of one build."""

    website: Website
    erzeugt: list[Ausgabe]
    """Generated pages and files: they exist nowhere in `docs/`."""
    handgeschrieben: dict[str, str]
    """Hand-written pages (path below `docs/`) with their macros rendered, without front matter."""

    @functools.cached_property
    def nach_pfad(self) -> dict[str, Ausgabe]:
        """The generated pages and files by path."""
        return {a.pfad: a for a in self.erzeugt}

    def fertig(self, markdown: str) -> str:
        """A page's Markdown with the glossary's abbreviations, so they are expanded site-wide."""
        return f"{markdown}\n\n{self.website.abkuerzungen}\n"


def seitenbaum(website: Website, wurzel: Path, repo_adresse: str | None) -> Seitenbaum:
    """All pages of the site; raises `PlanUngueltig` for a hand-written page that cannot be rendered."""
    gerendert, befunde = docs_rendern(website, wurzel, repo_adresse)
    if befunde:
        raise PlanUngueltig(befunde)
    baum = Seitenbaum(website, [], {})
    baum.handgeschrieben.update({pfad: baum.fertig(text) for pfad, text in gerendert.items()})
    baum.erzeugt.extend(Ausgabe(s.pfad, baum.fertig(website.seitentext(s)), s.quelle) for s in website.seiten())
    baum.erzeugt.extend(Ausgabe(d.pfad, d.inhalt) for d in website.dateien)
    return baum


def navigation_erweitern(nav: list, site: Website, docs: Path) -> list:
    """A nav entry naming a section's first page becomes the whole generated section; the
    sections below its folder (e.g. `atlas/indikatoren/`) become its subsections. An entry for
    a section this city does not generate (no atlas data) is left out."""
    ergebnis = []
    for eintrag in nav:
        titel, pfad = next(iter(eintrag.items())) if isinstance(eintrag, dict) else (None, eintrag)
        if not isinstance(pfad, str):
            ergebnis.append(eintrag)
            continue
        haupt = next((a for a in site.abschnitte if a.seiten[0].pfad == pfad), None)
        if haupt is None:
            if not pfad.startswith(tuple(f"{o}/" for o in ERZEUGTE_ORDNER)) or (docs / pfad).exists():
                ergebnis.append(eintrag)
            continue
        ordner = pfad.rpartition("/")[0]
        unter = [a for a in site.abschnitte if a is not haupt and ordner
                 and a.seiten[0].pfad.startswith(ordner + "/") and a.seiten[0].pfad.endswith("/index.md")]
        seiten = _nav_seiten(haupt) + [{a.titel: _nav_seiten(a)} for a in unter]
        ergebnis.append(eintrag if len(seiten) == 1 else {titel or haupt.titel: seiten})
    return ergebnis


def navigation_pfade(nav: list) -> set[str]:
    """Every page a nav (as in mkdocs.yml, nested lists and one-key dicts) lists."""
    pfade: set[str] = set()
    for eintrag in nav:
        wert = next(iter(eintrag.values())) if isinstance(eintrag, dict) else eintrag
        if isinstance(wert, list):
            pfade |= navigation_pfade(wert)
        elif isinstance(wert, str):
            pfade.add(wert)
    return pfade


def ausser_navigation(baum: Seitenbaum, nav: list) -> set[str]:
    """The generated pages `nav` leaves out on purpose (the profiles of a section with more than
    `NAV_HOECHSTENS` pages, the Leichte-Sprache pages): the hook marks them as not in the nav, the
    export names them in `not_in_nav`, so neither build lists them; a hand-written page missing from
    the nav is still named."""
    in_nav = navigation_pfade(nav)
    return {a.pfad for a in baum.erzeugt if a.pfad.endswith(".md") and a.pfad not in in_nav}


def nicht_in_navigation(baum: Seitenbaum, draussen: set[str]) -> list[str]:
    """The pages `draussen` (see `ausser_navigation`) as gitignore patterns for `not_in_nav`: a
    folder with several of them as `/ordner/*.md`, with every other page of that folder taken back
    (`!`). 1,000 district profiles are two lines, not 1,000."""
    seiten = sorted([a.pfad for a in baum.erzeugt if a.pfad.endswith(".md")] + list(baum.handgeschrieben),
                    key=lambda pfad: pfad.rpartition("/"))  # folder by folder
    muster = []
    for ordner, im_ordner in itertools.groupby(seiten, key=lambda pfad: pfad.rpartition("/")[0]):
        pfade = list(im_ordner)
        weg = [p for p in pfade if p in draussen]
        if len(weg) == 1:
            muster.append(f"/{_woertlich(weg[0])}")
        elif weg:
            muster += [f"/{_woertlich(ordner)}/*.md" if ordner else "/*.md",
                       *(f"!/{_woertlich(p)}" for p in pfade if p not in draussen)]
    return muster


def _woertlich(pfad: str) -> str:
    """A path as a gitignore pattern that matches just it: a hand-written page may be called
    `[entwurf].md`."""
    return re.sub(r"([\\\[\]*?])", r"\\\1", pfad)


def _nav_seiten(abschnitt: Abschnitt) -> list[str]:
    seiten = abschnitt.seiten if len(abschnitt.seiten) <= NAV_HOECHSTENS else abschnitt.seiten[:1]
    return [s.pfad for s in seiten]


class _Marke:
    """A tagged YAML value (`!ENV [NAME, default]`) kept as written, for the generator to evaluate."""

    def __init__(self, marke: str, wert: Any) -> None:
        self.marke, self.wert = marke, wert


class _Lader(yaml.SafeLoader):
    pass


class _Schreiber(yaml.SafeDumper):
    pass


def _markiert(lader: yaml.SafeLoader, marke: str, knoten: yaml.Node) -> _Marke:
    if isinstance(knoten, yaml.SequenceNode):
        return _Marke("!" + marke, lader.construct_sequence(knoten, deep=True))
    if isinstance(knoten, yaml.MappingNode):
        return _Marke("!" + marke, lader.construct_mapping(knoten, deep=True))
    return _Marke("!" + marke, lader.construct_scalar(knoten))  # type: ignore[arg-type]


def _markiert_schreiben(schreiber: yaml.SafeDumper, wert: _Marke) -> yaml.Node:
    if isinstance(wert.wert, list):
        return schreiber.represent_sequence(wert.marke, wert.wert, flow_style=True)
    if isinstance(wert.wert, dict):
        return schreiber.represent_mapping(wert.marke, wert.wert)
    return schreiber.represent_scalar(wert.marke, wert.wert)


_Lader.add_multi_constructor("!", _markiert)
_Schreiber.add_representer(_Marke, _markiert_schreiben)
_Schreiber.add_representer(str, lambda schreiber, text: schreiber.represent_scalar(
    "tag:yaml.org,2002:str", text, style="|" if "\n" in text else None))  # `not_in_nav` as a block


def konfiguration(baum: Seitenbaum, wurzel: Path) -> str:
    """The project's `mkdocs.yml` for the exported tree: the city's title, the whole navigation,
    the theme's overrides beside it, and no hooks."""
    daten = yaml.load((wurzel / KONFIGURATION).read_text(encoding="utf-8"), Loader=_Lader)
    for schluessel in OHNE_PROGRAMM:
        daten.pop(schluessel, None)
    daten["site_name"] = baum.website.plan.info.titel
    daten["docs_dir"] = DOCS
    if isinstance(daten.get("nav"), list):
        daten["nav"] = navigation_erweitern(daten["nav"], baum.website, wurzel / DOCS)
        muster = nicht_in_navigation(baum, ausser_navigation(baum, daten["nav"]))
        if muster:
            daten["not_in_nav"] = "".join(f"{zeile}\n" for zeile in
                                          [*str(daten.get("not_in_nav") or "").splitlines(), *muster])
    return yaml.dump(daten, Dumper=_Schreiber, allow_unicode=True, sort_keys=False, width=120)


def schreiben(baum: Seitenbaum, wurzel: Path, ziel: Path) -> list[Path]:
    """The site as a plain project in `ziel`: `docs/` with every page and file, `mkdocs.yml`,
    and the theme's overrides. Returns the files written, in order."""
    docs = ziel / DOCS
    if docs.exists():
        shutil.rmtree(docs)  # a page the plan no longer has must not stay
    geschrieben = []
    # docs/ as it is (images, stylesheets), then every page in its finished form
    quelle = wurzel / DOCS
    markdown = set(markdown_dateien(wurzel))
    for datei in sorted(quelle.rglob("*")) if quelle.is_dir() else []:
        if datei.is_file() and not datei.is_symlink() and datei not in markdown:
            geschrieben.append(_schreiben(docs / datei.relative_to(quelle), datei.read_bytes()))
    for pfad, text in baum.handgeschrieben.items():
        vorspann = VORSPANN.match((quelle / pfad).read_text(encoding="utf-8"))
        geschrieben.append(_schreiben(docs / pfad, (vorspann.group(0) if vorspann else "") + ohne_marken(text)))
    for ausgabe in baum.erzeugt:
        inhalt = ohne_marken(ausgabe.inhalt) if isinstance(ausgabe.inhalt, str) else ausgabe.inhalt
        geschrieben.append(_schreiben(docs / ausgabe.pfad, inhalt))
    geschrieben.append(_schreiben(ziel / KONFIGURATION, konfiguration(baum, wurzel)))
    if (wurzel / "overrides").is_dir():
        shutil.copytree(wurzel / "overrides", ziel / "overrides", dirs_exist_ok=True)
    return geschrieben


def _schreiben(ziel: Path, inhalt: str | bytes) -> Path:
    ziel.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(inhalt, str):
        ziel.write_text(inhalt, encoding="utf-8")
    else:
        ziel.write_bytes(inhalt)
    return ziel
