"""`make serve`: the live preview, which after an edit in `plan/` or `data/` rebuilds only the
pages that edit changes.

`mkdocs serve` looks for changes every half second and then builds the whole site again (Erfurt:
several seconds for one edited Maßnahme). This preview builds the site once with MkDocs and keeps
MkDocs' configuration, files, navigation and templates. After an edit in `plan/` or `data/` it

1. makes every page's Markdown again (`seitenbaum`; the core keeps what the edit cannot change,
   such as the atlas and its download files),
2. compares each page and file with what it built last,
3. renders the pages made from the edited file first and reloads the browser, then every other
   page that changed (a Maßnahme's title also stands on its Leitlinie and its districts'
   profiles), updates the search index and reloads again.

Everything else takes the whole build, as `mkdocs serve` does: an edit in `docs/`, `overrides/`,
`macros/` or `mkdocs.yml`, a page added or removed, a changed navigation, and a broken plan,
whose findings the hook shows as a page at every address.

The pages go through MkDocs' own page functions and the hook's events (sanitiser, policy check),
so a page looks exactly as in `make site`. The server is Python's own: it sends a file only
between two page writes, never half-written; a whole build goes into a second folder, which is
served once it is complete. A small script in each page asks the server, waiting until something
new is built, whether to reload. A failed build is reported in one sentence; the last site stays.
"""

from __future__ import annotations

import functools
import hashlib
import http.server
import logging
import os
import re
import shutil
import signal
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, cast

from mkdocs.commands.build import _build_page, _build_theme_template, _populate_page, build
from mkdocs.config import load_config
from mkdocs.config.config_options import Hooks
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver

from sozialraumplan.befund import PlanUngueltig
from sozialraumplan.seitenbaum import Seitenbaum, navigation_erweitern, seitenbaum
from sozialraumplan.website import website_bauen

log = logging.getLogger("mkdocs.sozialraumplan.vorschau")
HOOK = "macros/seiten.py"
KONFIGURATION = "mkdocs.yml"
SUCHE = "material/search"
DATEN = ("plan", "data")
"""Edits here are rebuilt page by page; an edit anywhere else that is watched takes a whole build."""
BEOBACHTET = (*DATEN, "docs", "overrides", "macros")
RUHE_S = 0.03
"""An editor saves in several steps (write, rename, change the date): the rebuild waits until
the files have been quiet this long."""
WARTEN_S = 30
"""How long a page's question „anything new?“ is held open before it asks again."""
SIGNAL_S = 0.5
"""How long Ctrl+C or `kill` may take to end a preview that waits for an edit."""
ENDE = {signal.SIGINT, signal.SIGTERM}
STAND = re.compile(r"[0-9]{1,12}")
"""The version number a page asks about (ASCII digits: `int` takes other digits, too)."""
NEU_LADEN = """<script>
(function () {
  var lauf = "%s", stand = %d;
  function fragen() {
    fetch("/.vorschau/" + stand).then(function (antwort) { return antwort.text(); }).then(function (neu) {
      var teile = neu.split(" ");
      if (teile[0] !== lauf || Number(teile[1]) > stand) { location.reload(); } else { fragen(); }
    }, function () { setTimeout(fragen, 1000); });
  }
  fragen();
})();
</script>
"""
"""Asks the server, waiting, whether the site has changed since the page was sent (or the preview
was started again meanwhile); reloads if so. Only in the preview: no build carries it."""


def _hook(config: MkDocsConfig) -> Any:
    """Our hook module. MkDocs declares `hooks` a list; it holds each name in `mkdocs.yml` with
    its loaded module."""
    return cast(dict[str, Any], config.hooks)[HOOK]


class _Mitschnitt(BasePlugin):
    """Keeps what MkDocs made in a whole build, for rebuilding single pages afterwards."""

    def __init__(self, vorschau: Vorschau) -> None:
        super().__init__()
        self.vorschau = vorschau

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        self.vorschau.env, self.vorschau.files, self.vorschau.seiten = env, files, files.documentation_pages()
        return env

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.vorschau.nav = nav
        return nav


class Vorschau:
    """The site in a temporary folder, its build state, and the version number pages ask about."""

    def __init__(self, wurzel: Path, adresse: str, ordner: Path) -> None:
        self.wurzel, self.adresse, self.ordner = wurzel, adresse, ordner
        self.ziel = self.ordner / "a"
        """The site being served. A whole build goes into the other folder of the two and is
        served once it is complete: until then, and after a failed build, the last site stays."""
        self.schreiben = threading.Lock()
        """Held while a page is written; the server reads files only between two writes."""
        self.stand = 0
        self.lauf = uuid.uuid4().hex[:12]
        """This start of the preview: a page from an earlier one reloads."""
        self.gestartet: MkDocsConfig | None = None
        """The configuration whose plugins got `on_startup` (MkDocs keeps them across configurations)."""
        self.neuer_stand = threading.Condition()
        self.config: MkDocsConfig | None = None
        self.files: Files | None = None
        self.seiten: Sequence[File] = ()
        """The pages of `files` (MkDocs filters them anew on every call)."""
        self.nav: Navigation | None = None
        self.env: Any = None
        self.baum: Seitenbaum | None = None
        self.vorlage: list = []
        """The navigation as `mkdocs.yml` writes it, before the generated sections are added."""
        self.navigation: list = []
        self.quellen: dict[str, str] = {}
        """Hash of every file in plan/ and data/ at the last build, to know which files an edit changed."""
        self.beginn = time.monotonic()
        """When the edit being built was noticed."""
        self.veraltet: dict[str, bool] = {}
        """Pages and files not yet written as the plan now is, in the order they get built; True
        when the page's Markdown changed (False: only a title in the navigation)."""

    # --- building -------------------------------------------------------------------------

    def alles_bauen(self) -> None:
        """The whole site with MkDocs, as `mkdocs serve` builds it."""
        neu = self.ordner / ("b" if self.ziel.name == "a" else "a")
        # before the build reads them: an edit saved during the build then differs afterwards
        quellen = self._quellen()
        # MkDocs imports a hook once per process; an edited hook must be read again
        Hooks._load_hook.cache_clear()
        config = load_config(config_file=str(self.wurzel / KONFIGURATION), site_dir=str(neu))
        config.site_url = self.adresse
        vorlage = list(config.nav or [])
        if self.gestartet is None:
            config.plugins.on_startup(command="serve", dirty=False)
            self.gestartet = config
        elif hasattr(_hook(config), "on_startup"):  # the plugins are the ones that started; the hook is new
            _hook(config).on_startup(command="serve", dirty=False)
        config.plugins["sozialraumplan/vorschau"] = _Mitschnitt(self)
        beginn = time.monotonic()
        build(config, serve_url=self.adresse)
        self.config, self.ziel = config, neu
        self.baum = _hook(config).baum
        self.navigation = navigation_erweitern(vorlage, self.baum.website, self.wurzel / "docs") if self.baum else []
        self.vorlage = vorlage
        self.quellen = quellen
        self.veraltet.clear()
        self._melden(f"Website gebaut in {time.monotonic() - beginn:.1f} s")

    def aendern(self, pfade: set[str]) -> None:
        """After the files `pfade` (relative to the repository) changed: the pages made from an
        edited file at once, every other changed page later (`weiterbauen`)."""
        if self.config is None or self.baum is None or any(p.split("/")[0] not in DATEN for p in pfade):
            self.alles_bauen()
            return
        self.beginn = beginn = time.monotonic()
        quellen = self._quellen()
        geaendert = {p for p in quellen.keys() | self.quellen.keys() if quellen.get(p) != self.quellen.get(p)}
        if not geaendert:
            return
        try:
            neu = seitenbaum(website_bauen(self.wurzel), self.wurzel, self.config.repo_url)
        except PlanUngueltig:  # the hook shows the findings as the site
            self.alles_bauen()
            return
        erneuern = self._erneuern(neu)
        if erneuern is None:  # pages added or removed, or the navigation changed
            self.alles_bauen()
            return
        self.quellen = quellen
        _hook(self.config).aktualisieren(neu)
        self.baum = neu
        self.veraltet.update(dict.fromkeys(erneuern, True))
        zuerst = [p for p in erneuern if p in neu.nach_pfad and neu.nach_pfad[p].quelle in geaendert]
        for pfad in zuerst:
            self._bauen(pfad)
        if zuerst:
            self._melden(f"{', '.join(zuerst)} neu gebaut nach {time.monotonic() - beginn:.2f} s; "
                         f"{len(self.veraltet)} weitere geänderte Seiten und Dateien folgen")

    def weiterbauen(self, unterbrechen: Callable[[], bool]) -> None:
        """Build the pages still out of date, one by one, until none is left or `unterbrechen()`
        says that a new edit is waiting (which goes first; the rest stays in the queue)."""
        assert self.config is not None
        while self.veraltet:
            if unterbrechen():
                return
            self._bauen(next(iter(self.veraltet)))
        assert self.files is not None and self.nav is not None
        with self.schreiben:
            # 404.html and the sitemap carry the navigation too; then the search index (in page
            # order, as a whole build writes it) and the hook's header file
            for vorlage in self.config.theme.static_templates:
                _build_theme_template(vorlage, self.env, self.files, self.config, self.nav)
            if SUCHE in self.config.plugins:
                ordnung = {d.url: n for n, d in enumerate(self.seiten)}
                cast(Any, self.config.plugins[SUCHE]).search_index.entries.sort(
                    key=lambda e: ordnung.get(e["location"].partition("#")[0], len(ordnung)))
            self.config.plugins.on_post_build(config=self.config)
        self._melden(f"Alle geänderten Seiten neu gebaut nach {time.monotonic() - self.beginn:.1f} s")

    def _quellen(self) -> dict[str, str]:
        quellen = {}
        for ordner in DATEN:
            for datei in sorted((self.wurzel / ordner).rglob("*")):
                try:
                    quellen[datei.relative_to(self.wurzel).as_posix()] = hashlib.sha256(datei.read_bytes()).hexdigest()
                except OSError:  # a folder, or an editor's temporary file, gone again
                    continue
        return quellen

    def zuruecksetzen(self) -> None:
        """After a failed build: the next change builds the whole site."""
        self.config, self.baum = None, None
        self.veraltet.clear()

    def _erneuern(self, neu: Seitenbaum) -> list[str] | None:
        """The paths whose page or file changed, or None when only a whole build is right."""
        assert self.baum is not None
        alt, erzeugt = self.baum.nach_pfad, neu.nach_pfad
        navigation = navigation_erweitern(self.vorlage, neu.website, self.wurzel / "docs")
        if (alt.keys() != erzeugt.keys() or self.baum.handgeschrieben.keys() != neu.handgeschrieben.keys()
                or navigation != self.navigation or neu.website.plan.info.titel != self.baum.website.plan.info.titel
                or any(a.quelle != alt[p].quelle for p, a in erzeugt.items())):  # edit links are set per build
            return None
        return ([p for p, a in erzeugt.items() if a != alt[p]]
                + [p for p, text in neu.handgeschrieben.items() if text != self.baum.handgeschrieben[p]])

    def _bauen(self, pfad: str) -> None:
        """Write the page or file `pfad` from the queue. A page whose Markdown changed is rendered
        again; one that is only out of date because a title in the navigation changed (it stands
        on every page) gets only its template."""
        assert self.config is not None and self.files is not None and self.nav is not None and self.baum is not None
        markdown_neu = self.veraltet.pop(pfad)
        datei = self.files.get_file_from_path(pfad)
        assert datei is not None
        ausgabe = self.baum.nach_pfad.get(pfad)  # None: a hand-written page, read from docs/
        inhalt = ausgabe.inhalt if ausgabe else None
        if isinstance(inhalt, bytes):
            datei.content_bytes = inhalt
        elif inhalt is not None:
            datei.content_string = inhalt
        with self.schreiben:
            if not datei.is_documentation_page():
                datei.copy_file()
                return
            page = datei.page
            assert page is not None
            titel = page.title
            if markdown_neu:
                _populate_page(page, self.config, self.files)
            if SUCHE in self.config.plugins:  # the page's sections are indexed again as it is built
                suche = cast(Any, self.config.plugins[SUCHE]).search_index
                suche.entries = [e for e in suche.entries if e["location"].partition("#")[0] != page.url]
            _build_page(page, self.config, self.seiten, self.nav, self.env)
        if page in self.nav.pages and page.title != titel:
            for andere in self.seiten:
                if andere is not datei:
                    self.veraltet.setdefault(andere.src_uri, False)

    def _melden(self, text: str) -> None:
        log.info(text)
        with self.neuer_stand:
            self.stand += 1
            self.neuer_stand.notify_all()

    # --- serving ----------------------------------------------------------------------------

    def warten(self, stand: int) -> int:
        """The site's version, once it is newer than `stand` (or after `WARTEN_S`)."""
        with self.neuer_stand:
            self.neuer_stand.wait_for(lambda: self.stand > stand, timeout=WARTEN_S)
            return self.stand

    def lesen(self, datei: Path) -> bytes | None:
        with self.schreiben:
            stand = self.stand  # the version this file belongs to
            try:
                inhalt = datei.read_bytes()
            except OSError:
                return None
        if datei.suffix != ".html":
            return inhalt
        skript = (NEU_LADEN % (self.lauf, stand)).encode("utf-8")
        ende = inhalt.rfind(b"</body>")
        return inhalt + skript if ende < 0 else inhalt[:ende] + skript + inhalt[ende:]

    def beenden(self) -> None:
        if self.gestartet is not None:
            self.gestartet.plugins.on_shutdown()


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True  # a page's open question never holds up the end of the preview

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A tab closed or moved on while its question waited is no error; anything else is one
        line in the terminal, not a traceback."""
        fehler = sys.exc_info()[1]
        if not isinstance(fehler, ConnectionError):
            log.warning(f"Eine Anfrage an die Vorschau ist gescheitert: {fehler}")


class _Anfrage(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args: Any, vorschau: Vorschau, **kwargs: Any) -> None:
        self.vorschau = vorschau  # before the base class, which answers the request in __init__
        super().__init__(*args, directory=str(vorschau.ziel), **kwargs)

    def do_GET(self) -> None:
        self._antworten(mit_inhalt=True)

    def do_HEAD(self) -> None:
        self._antworten(mit_inhalt=False)

    def _antworten(self, mit_inhalt: bool) -> None:
        pfad, _, abfrage = self.path.partition("#")[0].partition("?")
        if pfad.startswith("/.vorschau/"):
            stand = pfad.rpartition("/")[2]
            neu = self.vorschau.warten(int(stand) if STAND.fullmatch(stand) else 0)
            self._senden(200, "text/plain", f"{self.vorschau.lauf} {neu}".encode(), mit_inhalt)
            return
        datei = self._datei(pfad)
        if datei is not None and datei.is_dir() and not pfad.endswith("/"):
            # as a static host does: relative links on the folder's index page need the slash. The
            # address is the folder's, not the request's (`/\\host/../massnahmen` would leave the site).
            ordner = datei.relative_to(self.directory).as_posix()
            self.send_response(302)
            self.send_header("Location", ("/" if ordner == "." else f"/{urllib.parse.quote(ordner)}/")
                             + ("?" + abfrage if abfrage else ""))
            self.send_header("Content-Length", "0")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            return
        if datei is not None and datei.is_dir():
            datei = datei / "index.html"
        inhalt = self.vorschau.lesen(datei) if datei is not None else None
        if datei is None or inhalt is None:
            status, inhalt = 404, self.vorschau.lesen(self.vorschau.ziel / "404.html") or b"Nicht gefunden"
            art = "text/html"
        else:
            status, art = 200, self.guess_type(str(datei))
        self._senden(status, art, inhalt, mit_inhalt)

    def _datei(self, pfad: str) -> Path | None:
        """The file or folder an address names inside the site, or None when there is none,
        also for names no file can have (a zero byte, undecodable, too long)."""
        datei = Path(self.translate_path(pfad))
        try:
            os.stat(datei)
        except (ValueError, OSError):
            return None
        return datei

    def _senden(self, status: int, art: str, inhalt: bytes, mit_inhalt: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", art + ("; charset=utf-8" if art.startswith("text/") else ""))
        self.send_header("Content-Length", str(len(inhalt)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if mit_inhalt:
            self.wfile.write(inhalt)

    def log_message(self, format: str, *args: Any) -> None:
        """Requests are not worth a line each in the editor's terminal."""


class _Beobachter(FileSystemEventHandler):
    """Collects the changed paths and wakes the rebuild."""

    def __init__(self, wurzel: Path) -> None:
        self.wurzel = wurzel
        self.pfade: set[str] = set()
        self.wecker = threading.Condition()

    def on_any_event(self, event: FileSystemEvent) -> None:
        # not „opened“ or „closed without writing“: the build reads these files itself
        if event.is_directory or event.event_type not in ("created", "modified", "moved", "deleted", "closed"):
            return
        pfade = set()
        for pfad in {os.fsdecode(event.src_path), os.fsdecode(getattr(event, "dest_path", "") or "")} - {""}:
            try:
                relativ = Path(pfad).resolve().relative_to(self.wurzel)
            except ValueError:
                continue
            if "__pycache__" not in relativ.parts:  # Python's own files after the hook is read again
                pfade.add(relativ.as_posix())
        if pfade:
            with self.wecker:
                self.pfade |= pfade
                self.wecker.notify_all()

    def abholen(self, warten: bool) -> set[str]:
        """The paths changed since the last call, once they have been quiet for `RUHE_S`; with
        `warten`, wait for the first change."""
        with self.wecker:
            # In steps: the kernel may hand Ctrl+C or `kill` to any thread, and then only the end
            # of a timed wait lets the main thread run the handler that ends the preview.
            while warten and not self.wecker.wait_for(lambda: bool(self.pfade), timeout=SIGNAL_S):
                pass
            while self.pfade and self.wecker.wait(timeout=RUHE_S):
                pass
            pfade, self.pfade = self.pfade, set()
            return pfade

    def wartet(self) -> bool:
        """Whether a change is waiting."""
        with self.wecker:
            return bool(self.pfade)


def _beenden(*_: object) -> None:
    for nummer in ENDE:  # a second Ctrl+C does not cut the clean-up short
        signal.signal(nummer, signal.SIG_IGN)
    raise KeyboardInterrupt


def starten(wurzel: Path, host: str, port: int) -> None:
    """Build, serve on http://host:port/ and rebuild after every change, until Ctrl+C."""
    for nummer in ENDE:  # `kill` ends the preview as Ctrl+C does, without leaving the folder
        signal.signal(nummer, _beenden)
    # Named before it exists: whenever the signal comes, the clean-up below knows what to remove.
    ordner = Path(tempfile.gettempdir()) / f"sozialraumplan-vorschau-{uuid.uuid4().hex}"
    vorschau: Vorschau | None = None
    beobachtung: BaseObserver | None = None
    antworten: threading.Thread | None = None
    server: _Server | None = None
    try:
        ordner.mkdir(mode=0o700)  # only for this user, as tempfile.mkdtemp makes it
        vorschau = Vorschau(wurzel, f"http://{host}:{port}/", ordner)
        beobachter = _Beobachter(wurzel)
        beobachtung = Observer()
        for beobachtet in BEOBACHTET:
            if (wurzel / beobachtet).is_dir():
                beobachtung.schedule(beobachter, str(wurzel / beobachtet), recursive=True)
        beobachtung.schedule(beobachter, str(wurzel), recursive=False)  # for mkdocs.yml
        beobachtung.start()
        server = _Server((host, port), functools.partial(_Anfrage, vorschau=vorschau))
        antworten = threading.Thread(target=server.serve_forever, daemon=True)
        antworten.start()
        _runde(vorschau, {KONFIGURATION}, beobachter.wartet)
        log.info(f"Vorschau auf {vorschau.adresse} — Änderungen in plan/ und data/ erscheinen sofort; beenden mit Strg+C")
        while True:
            _runde(vorschau, beobachter.abholen(warten=not vorschau.veraltet), beobachter.wartet)
    except KeyboardInterrupt:
        log.info("Vorschau beendet.")
    finally:
        for nummer in ENDE:  # also when something else than a signal ends the preview
            signal.signal(nummer, signal.SIG_IGN)
        if server is not None:
            if antworten is not None and antworten.is_alive():
                server.shutdown()
            server.server_close()
        if beobachtung is not None and beobachtung.is_alive():
            beobachtung.stop()
            beobachtung.join()
        if vorschau is not None:
            vorschau.beenden()
        shutil.rmtree(ordner, ignore_errors=True)


def _runde(vorschau: Vorschau, pfade: set[str], wartet: Callable[[], bool]) -> None:
    """One step: the changed files `pfade` built, or else the next pages of the queue. A failed
    build is reported, and the preview keeps serving the last site."""
    wichtig = {p for p in pfade if p == KONFIGURATION or p.split("/")[0] in BEOBACHTET}
    try:
        if wichtig:
            vorschau.aendern(wichtig)
        elif vorschau.veraltet:
            vorschau.weiterbauen(wartet)
    except Exception as fehler:  # whatever it is, the editor gets a sentence, not a traceback
        vorschau.zuruecksetzen()
        log.debug("Fehler beim Bauen", exc_info=True)
        zeigt = "den letzten Stand" if (vorschau.ziel / "index.html").is_file() else "noch nichts"
        grund = " ".join(str(fehler).split())  # a YAML error spans lines; the terminal gets one
        log.error(f"Die Website konnte nicht gebaut werden: {grund} — die Vorschau zeigt {zeigt}; "
                  "nach der nächsten Änderung baut sie alles neu.")
