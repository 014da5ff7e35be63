"""Hand-written pages in `docs/`: their Jinja macros rendered in a sandbox and checked like data.

The pages are rendered here, not by mkdocs-macros: that plugin gives every page an unrestricted
Jinja environment (any object leads to Python's `os`) and ends the whole process on an error.
Here the same function serves `sozialraumplan validate`, the mkdocs build and an export for
another engine, so what validate accepts the build accepts:

- a `SandboxedEnvironment` (no attributes starting with `_`, no unsafe callables) that knows
  only the variables and macros below, and `StrictUndefined`: a typo is an error, not a blank;
- every `{{ wert }}` that is not a macro's output is plain text: its HTML and Markdown
  characters are escaped, so a plan value can neither add markup nor a Markdown link;
- every problem is a `Befund` with the page's file and line.
"""

from __future__ import annotations

import re
import secrets
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import yaml
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from .atlas.makros import MakroFehler, makros_binden
from .barrierefreiheit import startseite_erlaeuterungen
from .befund import Befund
from .quelle import utf8_text
from .render import massnahmen
from .render.gremienarbeit_seiten import startseite_umsetzung
from .render.pfade import relativ
from .render.text import datum, klartext_md, leichte_sprache_absatz, md
from .veroeffentlichung import veroeffentlichung_text
from .website import Website

DOCS = "docs"
VORSPANN = re.compile(r"^(-{3}[ \t]*\n.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
"""YAML front matter as mkdocs reads it; the page's Markdown starts after it."""


@dataclass
class Vorlagen:
    """The sandboxed environment for the pages of one site; `seite` is the page being rendered."""

    umgebung: SandboxedEnvironment
    seite: str = ""


def _klartext(wert: Any) -> Any:
    """`{{ … }}` output: a macro's Markup as it is, every other value as escaped plain text."""
    if isinstance(wert, Markup):
        return wert
    return Markup(klartext_md(str(wert)))


_AUSGABE = secrets.token_hex(8)
_MEHRZEILIG = re.compile(f"\x02{_AUSGABE}(.*?)\x03{_AUSGABE}", re.DOTALL | re.IGNORECASE)
"""A macro's output of several lines, between two marks with a token drawn when the program
starts (no page can write them); `_eingerueckt` takes the marks out again."""
_MARKENREST = re.compile(r"[\x02\x03](?:[0-9a-fA-F]{16})?")
"""What a Jinja filter on the output (`| upper`, `| truncate`) left of a mark: removed too."""
_VORSATZ = re.compile(r"(?:[ \t]*>)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?")
"""What may stand before a block on its line: indentation (admonition, tab), quote marks, a list
item's marker."""
_LISTENMARKE = re.compile(r"(?:[-*+]|\d{1,9}[.)])[ \t]+$")
"""A list item's marker: its block continues four spaces further in (Python-Markdown's rule)."""


def _vertraut(funktion: Callable[..., str]) -> Callable[..., Markup]:
    """A macro's output is the program's own Markdown/HTML: not escaped again. Output of several
    lines is marked for `_eingerueckt`; a value on one line stays as it is (a page may compare it)."""
    def aufruf(*argumente: Any, **benannt: Any) -> Markup:
        ausgabe = funktion(*argumente, **benannt)
        return Markup(f"\x02{_AUSGABE}{ausgabe}\x03{_AUSGABE}" if "\n" in ausgabe else ausgabe)
    aufruf.__name__ = funktion.__name__
    aufruf.__doc__ = funktion.__doc__
    return aufruf


def vorlagen(website: Website, wurzel: Path, repo_adresse: str | None) -> Vorlagen:
    """The environment with the variables and macros editors may use (see docs/redaktion/makros.md)."""
    plan, bestand = website.plan, website.bestand
    umgebung = SandboxedEnvironment(undefined=jinja2.StrictUndefined, finalize=_klartext, autoescape=False)
    ergebnis = Vorlagen(umgebung)

    def einleitung() -> str:
        """The plan's introduction from `plan/plan.yml`."""
        return md(plan.info.einleitung or "")

    def einleitung_leichte_sprache() -> str:
        return leichte_sprache_absatz(plan.info.leichte_sprache or "")

    def massnahmen_tabelle(leitlinie: str | None = None, stadtteil: str | None = None) -> str:
        """The Maßnahmen catalogue, optionally only those of one Leitlinie or Stadtteil."""
        auswahl = [m for m in plan.massnahmen
                   if (leitlinie is None or leitlinie in m.leitlinien)
                   and (stadtteil is None or stadtteil in m.stadtteile)]
        return massnahmen.katalog(plan, auswahl, basis=relativ(f"{massnahmen.ORDNER}/", ergebnis.seite))

    def erlaeuterungen_barrierefreiheit() -> str:
        """BITV 2.0 § 4: the start page's explanations in Leichter Sprache (and sign language)."""
        return startseite_erlaeuterungen(plan, bestand.erklaerung, wurzel / DOCS)

    def umsetzungsstand() -> str:
        """How far the Maßnahmen of each Leitlinie have come, and the plan's feed."""
        return startseite_umsetzung(plan, ergebnis.seite)

    def veroeffentlichung() -> str:
        """Links to the release's PDF and Synopse, or where they will be."""
        return veroeffentlichung_text(website.veroeffentlichung, ergebnis.seite)

    makros: dict[str, Callable[..., str]] = {
        "einleitung": einleitung, "einleitung_leichte_sprache": einleitung_leichte_sprache,
        "massnahmen_tabelle": massnahmen_tabelle, "erlaeuterungen_barrierefreiheit": erlaeuterungen_barrierefreiheit,
        "umsetzungsstand": umsetzungsstand,
        "veroeffentlichung": veroeffentlichung,
    }
    if bestand.atlas is not None:
        makros.update(makros_binden(plan, bestand.atlas, lambda: ergebnis.seite))
    umgebung.globals.update({
        "plan": plan, "stand": datum(plan.info.stand), "atlas": bestand.atlas,
        "config": {"repo_url": repo_adresse or ""},
    })
    umgebung.globals.update({name: _vertraut(f) for name, f in makros.items()})
    return ergebnis


def _eingerueckt(text: str) -> str:
    """`text` with each macro output of several lines continued at the indentation of the line it
    starts on: a table called inside an admonition, a list item or a quote stays inside it
    (Jinja writes only the output's first line where the call stands, the rest at the margin,
    which ends the admonition and turns the text after it into a code block). An output that
    follows other text on its line stays as it is."""
    def einruecken(treffer: re.Match[str]) -> str:
        vorne = text[text.rfind("\n", 0, treffer.start()) + 1 : treffer.start()]
        if not vorne or not _VORSATZ.fullmatch(vorne):
            return treffer.group(1)
        weiter = _LISTENMARKE.sub(" " * 4, vorne)
        erste, *folgende = treffer.group(1).split("\n")
        return "\n".join([erste, *(weiter + zeile if zeile.strip() else weiter.rstrip() for zeile in folgende)])
    return _MARKENREST.sub("", _MEHRZEILIG.sub(einruecken, text))


def vorspann_zeilen(quelltext: str) -> tuple[int, str]:
    """The number of front-matter lines and the Markdown after them."""
    treffer = VORSPANN.match(quelltext)
    if treffer is None:
        return 0, quelltext
    return treffer.group(0).count("\n"), quelltext[treffer.end():]


def _zeile_im_fehler(fehler: BaseException) -> int:
    """The template line an error was raised at (Jinja marks its frames with `<template>`)."""
    if isinstance(fehler, jinja2.TemplateSyntaxError):
        return fehler.lineno or 1
    zeilen = [f.lineno for f in traceback.extract_tb(fehler.__traceback__) if f.filename == "<template>"]
    return (zeilen[-1] or 1) if zeilen else 1


def _grund(fehler: BaseException) -> tuple[str, str]:
    if isinstance(fehler, jinja2.TemplateSyntaxError):
        return f"Die Vorlage ist fehlerhaft: {fehler.message}", "prüfen Sie {{ … }} und {% … %} in dieser Zeile"
    if isinstance(fehler, jinja2.UndefinedError):
        return (f"Unbekannter Name in der Vorlage: {fehler.message}",
                "erlaubt sind die Variablen und Makros aus docs/redaktion/makros.md")
    if isinstance(fehler, jinja2.exceptions.SecurityError):
        return ("Die Vorlage greift auf Interna zu, die Seiten nicht verwenden dürfen",
                "verwenden Sie nur die Variablen und Makros aus docs/redaktion/makros.md")
    if isinstance(fehler, MakroFehler):
        return str(fehler), "korrigieren Sie den Aufruf des Makros"
    if isinstance(fehler, TypeError):
        return (f"Ein Makro wurde mit falschen Angaben aufgerufen ({fehler})",
                "vergleichen Sie den Aufruf mit docs/redaktion/makros.md")
    return f"Die Seite lässt sich nicht erzeugen ({type(fehler).__name__}: {fehler})", "prüfen Sie diese Zeile"


def seite_rendern(vorlagen: Vorlagen, pfad: str, quelltext: str) -> tuple[str | None, list[Befund]]:
    """The page's Markdown with its macros rendered (front matter removed), or None and a finding.
    `pfad` is the page's path below `docs/`. A page with `render_macros: false` stays as it is."""
    versatz, markdown = vorspann_zeilen(quelltext)
    datei = f"{DOCS}/{pfad}"
    if re.search(r"^render_macros:\s*false\s*$", quelltext[: len(quelltext) - len(markdown)], re.MULTILINE):
        return markdown, []
    vorlagen.seite = pfad
    try:
        return _eingerueckt(vorlagen.umgebung.from_string(markdown).render()), []
    except Exception as fehler:
        meldung, hinweis = _grund(fehler)
        return None, [Befund(datei, _zeile_im_fehler(fehler) + versatz, 1, meldung, hinweis)]


def markdown_dateien(wurzel: Path) -> Iterator[Path]:
    """The hand-written Markdown pages below `docs/`."""
    docs = wurzel / DOCS
    if docs.is_dir():
        yield from sorted(p for p in docs.rglob("*.md") if p.is_file() and not p.is_symlink())


def repo_adresse(wurzel: Path) -> str | None:
    """`repo_url` from `mkdocs.yml` (its `!ENV` and `!!python` tags are not evaluated here)."""
    class _Lader(yaml.SafeLoader):
        pass
    _Lader.add_multi_constructor("", lambda lader, marke, knoten: None)
    try:
        daten = yaml.load((wurzel / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Lader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    adresse = daten.get("repo_url") if isinstance(daten, dict) else None
    return adresse if isinstance(adresse, str) else None


def docs_rendern(website: Website, wurzel: Path, repo_adresse: str | None) -> tuple[dict[str, str], list[Befund]]:
    """Every hand-written page rendered (path below `docs/` → Markdown), and every finding the
    build must stop at: encoding, a clash with a generated page, each page's macros."""
    befunde: list[Befund] = []
    gerendert: dict[str, str] = {}
    erzeugt = {s.pfad for s in website.seiten()}
    umgebung = vorlagen(website, wurzel, repo_adresse)
    for datei in markdown_dateien(wurzel):
        pfad = datei.relative_to(wurzel / DOCS).as_posix()
        if pfad in erzeugt:
            befunde.append(Befund(f"{DOCS}/{pfad}", 1, 1, "Diese Seite wird aus plan/ oder data/ erzeugt",
                                  "löschen Sie die Datei in docs/ und ändern Sie die Angaben in plan/ oder data/"))
            continue
        quelltext, zeile = utf8_text(datei.read_bytes())
        if quelltext is None:
            befunde.append(Befund(f"{DOCS}/{pfad}", zeile, 1, "Die Seite ist nicht in UTF-8 gespeichert",
                                  "speichern Sie sie im Editor mit der Kodierung UTF-8"))
            continue
        text, eigene = seite_rendern(umgebung, pfad, quelltext)
        befunde += eigene
        if text is not None:
            gerendert[pfad] = text
    return gerendert, befunde
