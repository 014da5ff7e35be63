"""`make serve`: the live preview shows a broken plan's findings in the browser, keeps serving,
shows the site again once the file is fixed, and says in German when its port is taken.

The preview is a real `mkdocs serve` on a free loopback port, asked over HTTP."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from conftest import REPO, PlanOrdner, website_kopieren

VORSCHAU = REPO / "scripts/vorschau.py"
FEHLER = "plan/massnahmen/M002.yml:11:9: „status“: „fertig“ ist kein erlaubter Wert"


def freier_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def abrufen(port: int, pfad: str = "") -> tuple[int, str]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/{pfad}", timeout=5) as antwort:
            return antwort.status, antwort.read().decode("utf-8")
    except urllib.error.HTTPError as fehler:
        return fehler.code, fehler.read().decode("utf-8")


def warten_bis(pruefung, sekunden: float = 60) -> None:
    ende = time.monotonic() + sekunden
    while time.monotonic() < ende:
        try:
            if pruefung():
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError("Die Vorschau hat nicht rechtzeitig geantwortet.")


@contextmanager
def vorschau(wurzel: Path, port: int) -> Iterator[subprocess.Popen]:
    prozess = subprocess.Popen([sys.executable, str(VORSCHAU), str(port)], cwd=wurzel,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        yield prozess
    finally:
        prozess.terminate()
        prozess.wait(timeout=20)


def test_ein_fehler_erscheint_als_seite_und_verschwindet_nach_der_korrektur(kleinstadt: PlanOrdner):
    website_kopieren(kleinstadt.wurzel)
    kleinstadt.ersetzen("plan/massnahmen/M002.yml", "status: geplant", "status: fertig")
    port = freier_port()
    with vorschau(kleinstadt.wurzel, port):
        warten_bis(lambda: abrufen(port)[0] == 200)
        status, start = abrufen(port)
        assert "Der Plan hat Fehler" in start and FEHLER in start.replace("\\", "")
        # every address shows the findings, not an endless wait
        status, seite = abrufen(port, "massnahmen/M001.html")
        assert status == 404 and "Der Plan hat Fehler" in seite
        kleinstadt.ersetzen("plan/massnahmen/M002.yml", "status: fertig", "status: geplant")
        warten_bis(lambda: "Der Plan hat Fehler" not in abrufen(port)[1])
        assert abrufen(port, "massnahmen/M001.html")[0] == 200


def test_belegter_port_gibt_einen_deutschen_hinweis(kleinstadt: PlanOrdner):
    with socket.socket() as belegt:
        belegt.bind(("127.0.0.1", 0))
        belegt.listen()
        port = belegt.getsockname()[1]
        lauf = subprocess.run([sys.executable, str(VORSCHAU), str(port)], cwd=kleinstadt.wurzel,
                              capture_output=True, text=True, timeout=30)
    assert lauf.returncode == 1
    assert f"Port {port} ist schon belegt" in lauf.stderr and f"make serve PORT={port + 1}" in lauf.stderr
    assert "Traceback" not in lauf.stderr
