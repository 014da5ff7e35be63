"""The browser under test reaches nothing but this machine's loopback server, and notes every
attempt: a page that asks another host for an image, data or a WebSocket gets nothing, and each
address shows up among the blocked requests the page tests report."""

from __future__ import annotations

import functools
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from . import chromium


def netzadresse() -> str | None:
    """This machine's address on its network (not loopback), or None without a network: a UDP
    socket "connected" to a documentation address picks the outgoing interface and sends nothing."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))
        except OSError:
            return None
        adresse = str(probe.getsockname()[0])
    return None if adresse.startswith("127.") or adresse == "0.0.0.0" else adresse


@contextmanager
def server_auf_allen_adressen(ordner: Path) -> Iterator[tuple[int, list[str]]]:
    """Serves `ordner` on every interface; yields the port and the paths asked for, in order."""
    gefragt: list[str] = []

    class Anfragen(SimpleHTTPRequestHandler):
        def do_GET(self) -> None:
            gefragt.append(self.path)
            super().do_GET()

        def log_message(self, format: str, *args: object) -> None:
            """Quiet."""

    server = ThreadingHTTPServer(("0.0.0.0", 0), functools.partial(Anfragen, directory=str(ordner)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server.server_address[1], gefragt
    finally:
        server.shutdown()
        server.server_close()


def test_anfragen_an_einen_anderen_rechner_kommen_nicht_an_und_werden_gezaehlt(browser: Browser, tmp_path: Path):
    adresse = netzadresse()
    if adresse is None:
        pytest.skip("Dieser Rechner hat keine Netzadresse außer loopback, an die eine Anfrage gehen könnte.")
    with server_auf_allen_adressen(tmp_path) as (port, gefragt):
        fremd = f"http://{adresse}:{port}"
        (tmp_path / "bild.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
        (tmp_path / "seite.html").write_text(
            f'<!doctype html><html lang="de"><title>Probe</title><img src="bild.svg" alt="">'
            f'<img src="{fremd}/fremdes-bild.svg" alt="">'
            f'<script>fetch("{fremd}/daten.json").catch(() => {{}});'
            f'new WebSocket("ws://{adresse}:{port}/kanal");</script></html>',
            encoding="utf-8",
        )
        blockiert: list[str] = []
        kontext = chromium.kontext_oeffnen(browser, blockiert)
        tab = kontext.new_page()
        antwort = tab.goto(f"http://127.0.0.1:{port}/seite.html")
        tab.wait_for_function("document.images[0].complete && document.images[1].complete")
        tab.wait_for_timeout(200)  # the WebSocket's handshake would follow the page's load
        kontext.close()
    assert antwort is not None and antwort.status == 200
    assert "/bild.svg" in gefragt  # the page's own image, from loopback
    assert not {"/fremdes-bild.svg", "/daten.json", "/kanal"} & set(gefragt)
    assert sorted(blockiert) == sorted([f"{fremd}/fremdes-bild.svg", f"{fremd}/daten.json",
                                        f"ws://{adresse}:{port}/kanal"])
