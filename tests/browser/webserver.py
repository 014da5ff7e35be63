"""A loopback web server that publishes the built site the way a static host does."""

from __future__ import annotations

import functools
import threading
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType

from .website import FEHLERSEITE, Website

NICHT_VORHANDEN = "diese-seite-gibt-es-nicht.html"
"""An address below the site that no page has; the server answers it with the 404 page."""


class _Anfragen(SimpleHTTPRequestHandler):
    """Serves files below the site's URL prefix; everything unknown gets 404.html and status 404."""

    def __init__(self, *args: object, website: Website, **kwargs: object) -> None:
        self.website = website
        super().__init__(*args, directory=str(website.verzeichnis), **kwargs)  # type: ignore[arg-type]

    def translate_path(self, path: str) -> str:
        praefix = self.website.praefix
        if not path.startswith(praefix):
            return str(self.website.verzeichnis / NICHT_VORHANDEN)
        return super().translate_path("/" + path[len(praefix) :])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        fehlerseite = Path(self.website.verzeichnis, FEHLERSEITE)
        if code != HTTPStatus.NOT_FOUND or not fehlerseite.is_file():
            super().send_error(code, message, explain)
            return
        inhalt = fehlerseite.read_bytes()
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(inhalt)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(inhalt)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: pytest's output is for findings, not for access logs."""


class Webserver:
    """Runs in a daemon thread on 127.0.0.1 with a port the system picks; use as a context manager."""

    def __init__(self, website: Website) -> None:
        self.website = website
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Anfragen, website=website))
        self._server.daemon_threads = True
        self._faden = threading.Thread(target=self._server.serve_forever, name="website", daemon=True)

    def __enter__(self) -> Webserver:
        self._faden.start()
        return self

    def __exit__(
        self, art: type[BaseException] | None, fehler: BaseException | None, verlauf: TracebackType | None
    ) -> None:
        self._server.shutdown()
        self._server.server_close()

    def url(self, seite: str) -> str:
        """The address of a page; the 404 page is reached the way readers meet it, via a missing page."""
        host, port = self._server.server_address[:2]
        pfad = NICHT_VORHANDEN if seite == FEHLERSEITE else seite
        return f"http://{host}:{port}{self.website.praefix}{pfad}"
