"""The built site under test: build it (or take a given one) and list what a reader can open."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

REPO = Path(__file__).resolve().parents[2]
"""Repository root: mkdocs.yml lives here."""

UMGEBUNGSVARIABLE = "SOZIALRAUMPLAN_SITE"
"""Names an already built site, so a caller who just built one does not wait for a second build."""

FEHLERSEITE = "404.html"
"""Material's 'page not found' page; a host serves it for every unknown address."""

_KANONISCH = re.compile(r'<link\s+rel="canonical"\s+href="([^"]*)"')
_IFRAME_QUELLE = re.compile(r'<iframe\b[^>]*\bsrc="([^"]+)"', re.IGNORECASE)
_KARTE = 'class="atlas-karte-flaeche'


@dataclass(frozen=True)
class Website:
    """A built site: its folder, the URL path it is published under and every HTML file in it."""

    verzeichnis: Path
    praefix: str
    seiten: tuple[str, ...]
    baufehler: str | None = None

    def html(self, seite: str) -> str:
        return (self.verzeichnis / seite).read_text(encoding="utf-8")

    def karten_seiten(self) -> tuple[str, ...]:
        """Pages a reader opens that show an atlas map, inline or in an iframe.

        A map file that only exists to be framed by another page is not listed itself: the
        keyboard walk belongs on the page around it."""
        mit_karte = {seite for seite in self.seiten if _KARTE in self.html(seite)}
        eingebettet: dict[str, set[str]] = {}
        for seite in self.seiten:
            for quelle in _IFRAME_QUELLE.findall(self.html(seite)):
                ziel = urlsplit(urljoin(f"/{seite}", quelle)).path.lstrip("/")
                eingebettet.setdefault(seite, set()).add(ziel)
        nur_gerahmt = set().union(*eingebettet.values()) if eingebettet else set()
        return tuple(
            seite
            for seite in self.seiten
            if (seite in mit_karte and seite not in nur_gerahmt)
            or eingebettet.get(seite, set()) & mit_karte
        )


def eine_je_verzeichnis(seiten: tuple[str, ...]) -> tuple[str, ...]:
    """The first page of each folder: pages in one folder come from one template and behave alike."""
    erste: dict[str, str] = {}
    for seite in sorted(seiten):
        erste.setdefault(seite.rpartition("/")[0], seite)
    return tuple(erste.values())


GEBAUT = REPO / "site"
"""Where `make site` puts the site (`make test` after `make site` tests that one)."""
QUELLEN = ("mkdocs.yml", "pyproject.toml", "requirements.lock", "plan", "data", "docs", "overrides", "macros", "src")
"""Everything a build reads: a site older than any of these files is not the current one."""


def aktuell(site: Path, wurzel: Path = REPO) -> bool:
    """True when every page of `site` was written after the last change to any file of `wurzel`
    it is built from."""
    seiten = [p.stat().st_mtime for p in site.rglob("*.html")] if (site / "index.html").is_file() else []
    quellen = [p.stat().st_mtime for q in QUELLEN for p in ([wurzel / q] if (wurzel / q).is_file() else (wurzel / q).rglob("*"))
               if p.is_file() and "__pycache__" not in p.parts]
    return bool(seiten) and min(seiten) > max(quellen)


def website_bereitstellen(arbeitsverzeichnis: Path) -> Website:
    """The site named by SOZIALRAUMPLAN_SITE, the one `make site` built when it is current, or a fresh
    `mkdocs build --strict` into the given folder."""
    gegeben = os.environ.get(UMGEBUNGSVARIABLE)
    if gegeben:
        verzeichnis = Path(gegeben).resolve()
        if not (verzeichnis / "index.html").is_file():
            return Website(verzeichnis, "/", (), f"{UMGEBUNGSVARIABLE}={gegeben} enthält keine index.html.")
        return _einlesen(verzeichnis)
    if aktuell(GEBAUT):
        return _einlesen(GEBAUT)
    lauf = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(arbeitsverzeichnis)],
        cwd=REPO,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )
    if lauf.returncode != 0:
        ausgabe = (lauf.stdout + lauf.stderr).strip()
        return Website(arbeitsverzeichnis, "/", (), f"mkdocs build --strict schlug fehl:\n{ausgabe}")
    return _einlesen(arbeitsverzeichnis)


def _einlesen(verzeichnis: Path) -> Website:
    seiten = tuple(sorted(pfad.relative_to(verzeichnis).as_posix() for pfad in verzeichnis.rglob("*.html")))
    return Website(verzeichnis, _praefix(verzeichnis), seiten)


def _praefix(verzeichnis: Path) -> str:
    """The URL path of the start page, from its canonical link (site_url); "/" without one.

    Material's 404 page links its assets absolutely below this path, so the test server must
    publish the site there too."""
    treffer = _KANONISCH.search((verzeichnis / "index.html").read_text(encoding="utf-8"))
    pfad = urlsplit(treffer.group(1)).path if treffer else "/"
    return pfad.rsplit("/", 1)[0] + "/"
