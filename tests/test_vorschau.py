"""`make serve`: the live preview shows a broken plan's findings in the browser, keeps serving,
shows the site again once the file is fixed, and says in German when its port is taken. After an
edit it rebuilds only the pages that changed, and the site it then serves is the site a whole
build makes, also for an edit saved during a whole build or in the hook; a build that fails is
one sentence in the terminal, and the last site stays. Every request gets an answer and the
terminal no traceback; `kill` and Ctrl+C end it at any moment and leave no folder behind.

The preview is the real `scripts/vorschau.py` on a free loopback port, asked over HTTP."""

from __future__ import annotations

import ctypes
import json
import os
import re
import signal
import socket
import struct
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
def vorschau(wurzel: Path, port: int, protokoll: Path | None = None,
             temp: Path | None = None) -> Iterator[subprocess.Popen]:
    """The preview running; with `protokoll`, which gets its output, once it serves. Its
    temporary folder goes below `temp` when given."""
    ausgabe = protokoll.open("w") if protokoll else subprocess.DEVNULL
    prozess = subprocess.Popen([sys.executable, str(VORSCHAU), str(port)], cwd=wurzel,
                               stdout=ausgabe, stderr=subprocess.STDOUT, text=True,
                               env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **({"TMPDIR": str(temp)} if temp else {})})
    try:
        if protokoll:
            warten_bis(lambda: "Vorschau auf" in protokoll.read_text())
        yield prozess
    finally:
        prozess.terminate()
        try:
            prozess.wait(timeout=20)
        finally:
            prozess.kill()  # a preview that does not end on SIGTERM fails the test, and is not left running
            if protokoll:
                ausgabe.close()


NEU_LADEN = re.compile(r"<script>\n\(function \(\) \{\n  var lauf = .*?</script>\n", re.DOTALL)


def website_abrufen(port: int) -> dict[str, object]:
    """Every page the sitemap lists and the 404 page, without the preview's reload script, and the search index."""
    karte = abrufen(port, "sitemap.xml")[1]
    pfade = [a.split(f":{port}/", 1)[1] for a in re.findall(r"<loc>([^<]+)</loc>", karte)]
    assert "massnahmen/M001.html" in pfade
    pfade.append("404.html")  # it has the navigation, too
    # the address is part of the pages (canonical links): without its port, two previews compare
    seiten: dict[str, object] = {p: NEU_LADEN.sub("", abrufen(port, p)[1]).replace(f":{port}/", ":PORT/") for p in pfade}
    seiten["suche"] = json.loads(abrufen(port, "search/search_index.json")[1])
    return seiten


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


def test_nach_einer_aenderung_entsteht_dieselbe_website_wie_beim_ganzen_bau(kleinstadt: PlanOrdner, tmp_path):
    website_kopieren(kleinstadt.wurzel)
    port, protokoll = freier_port(), tmp_path / "vorschau.log"
    with vorschau(kleinstadt.wurzel, port, protokoll):
        # the title also stands in the navigation of every page and on the Leitlinie
        kleinstadt.ersetzen("plan/massnahmen/M001.yml", "titel: Stadtteilzentrum Nord eröffnen",
                            "titel: Stadtteilzentrum Nord bauen")
        warten_bis(lambda: "Alle geänderten Seiten neu gebaut" in protokoll.read_text())
        stueckweise = website_abrufen(port)
    log = protokoll.read_text()
    assert "massnahmen/M001.md neu gebaut" in log  # the edited Maßnahme first, before the others
    assert "Cleaning site directory" not in log.split("Vorschau auf", 1)[1]  # no whole build after the edit
    assert "Traceback" not in log
    port, protokoll = freier_port(), tmp_path / "ganz.log"
    with vorschau(kleinstadt.wurzel, port, protokoll):
        ganz = website_abrufen(port)
    assert "Stadtteilzentrum Nord bauen" in str(ganz["leitlinien/index.html"]) + str(ganz["massnahmen/M001.html"])
    assert stueckweise.keys() == ganz.keys()
    for pfad in ganz:
        assert stueckweise[pfad] == ganz[pfad], pfad


def test_ein_kaputtes_theme_meldet_einen_satz_und_die_letzte_website_bleibt(kleinstadt: PlanOrdner, tmp_path):
    website_kopieren(kleinstadt.wurzel)
    port, protokoll = freier_port(), tmp_path / "vorschau.log"
    vorlage = kleinstadt.wurzel / "overrides/main.html"
    with vorschau(kleinstadt.wurzel, port, protokoll):
        richtig = vorlage.read_text(encoding="utf-8")
        vorlage.write_text(richtig + "{% if %}", encoding="utf-8")
        warten_bis(lambda: "Die Website konnte nicht gebaut werden" in protokoll.read_text())
        status, seite = abrufen(port, "massnahmen/M001.html")
        assert status == 200 and "Stadtteilzentrum Nord eröffnen" in seite
        vorlage.write_text(richtig, encoding="utf-8")
        warten_bis(lambda: protokoll.read_text().count("Website gebaut in") == 2)
        assert abrufen(port, "massnahmen/M001.html")[0] == 200
    assert "Traceback" not in protokoll.read_text()


def test_kill_beendet_die_vorschau_auch_wenn_ein_anderer_thread_das_signal_bekommt(kleinstadt: PlanOrdner, tmp_path):
    """The kernel hands `kill` and Ctrl+C to any thread of the process; here, deliberately, to the
    last one started (the server's or the file watcher's), not to the one that waits for edits."""
    website_kopieren(kleinstadt.wurzel)
    port, protokoll = freier_port(), tmp_path / "vorschau.log"
    with vorschau(kleinstadt.wurzel, port, protokoll) as prozess:
        threads = sorted(int(t) for t in os.listdir(f"/proc/{prozess.pid}/task") if int(t) != prozess.pid)
        assert ctypes.CDLL(None, use_errno=True).tgkill(prozess.pid, threads[-1], signal.SIGTERM) == 0
        prozess.wait(timeout=5)
    assert "Vorschau beendet." in protokoll.read_text()


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


def test_eine_aenderung_waehrend_des_ganzen_baus_erscheint_danach(kleinstadt: PlanOrdner, tmp_path):
    """An edit in docs/ takes a whole build; a Maßnahme saved while it runs is built after it.
    A second hook holds the build at its end while the file `anhalten` exists: a small site builds
    in a fraction of a second, and the edit must fall into the build on a fast machine as on a
    busy one."""
    website_kopieren(kleinstadt.wurzel)
    anhalten, wartet = tmp_path / "anhalten", tmp_path / "wartet"
    # held at most a minute: a test that fails before it lets go leaves no build waiting for ever
    kleinstadt.schreiben("anhalten.py", (
        "import time\nfrom pathlib import Path\n\n\ndef on_post_build(config):\n"
        f"    if Path({str(anhalten)!r}).exists():\n"
        f"        Path({str(wartet)!r}).touch()\n"
        "        ende = time.monotonic() + 60\n"
        f"        while Path({str(anhalten)!r}).exists() and time.monotonic() < ende:\n"
        "            time.sleep(0.01)\n"))
    kleinstadt.ersetzen("mkdocs.yml", "  - macros/seiten.py\n", "  - macros/seiten.py\n  - anhalten.py\n")
    port, protokoll = freier_port(), tmp_path / "vorschau.log"
    with vorschau(kleinstadt.wurzel, port, protokoll):
        gebaut = protokoll.read_text().count("Website gebaut")
        anhalten.touch()
        kleinstadt.schreiben("docs/index.md", kleinstadt.lesen("docs/index.md") + "\nNeu im Mai.\n")
        warten_bis(wartet.exists)
        kleinstadt.ersetzen("plan/massnahmen/M001.yml", "titel: Stadtteilzentrum Nord eröffnen",
                            "titel: Stadtteilzentrum Nord bauen")
        assert protokoll.read_text().count("Website gebaut") == gebaut, "die Änderung kam erst nach dem Bau"
        anhalten.unlink()
        warten_bis(lambda: "Stadtteilzentrum Nord bauen" in abrufen(port, "massnahmen/M001.html")[1])
        assert "Neu im Mai." in abrufen(port, "")[1]


def test_ein_geaenderter_hook_gilt_beim_naechsten_bau(kleinstadt: PlanOrdner, tmp_path):
    website_kopieren(kleinstadt.wurzel)
    port, protokoll = freier_port(), tmp_path / "vorschau.log"
    with vorschau(kleinstadt.wurzel, port, protokoll):
        assert abrufen(port, "hook-geaendert.txt")[0] == 404
        kleinstadt.ersetzen("macros/seiten.py", "    ziel = Path(config.site_dir)\n",
                            "    ziel = Path(config.site_dir)\n"
                            "    (ziel / 'hook-geaendert.txt').write_text('ja', encoding='utf-8')\n")
        warten_bis(lambda: abrufen(port, "hook-geaendert.txt") == (200, "ja"))
        # the new hook module knows it runs in the preview: pages carry no policy, so the reload script runs
        assert 'http-equiv="Content-Security-Policy"' not in abrufen(port, "massnahmen/M001.html")[1]
    assert "Traceback" not in protokoll.read_text()


def roh_abrufen(port: int, anfrage: bytes) -> bytes:
    """The server's whole answer to a request as written, byte for byte."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as verbindung:
        verbindung.sendall(anfrage)
        antwort = b""
        while teil := verbindung.recv(65536):
            antwort += teil
    return antwort


def test_jede_anfrage_bekommt_eine_antwort_und_das_terminal_keinen_traceback(kleinstadt: PlanOrdner, tmp_path):
    website_kopieren(kleinstadt.wurzel)
    port, protokoll = freier_port(), tmp_path / "vorschau.log"
    with vorschau(kleinstadt.wurzel, port, protokoll):
        # names no file can have, and version numbers that are no numbers
        for pfad in (b"/%00", b"/x%00.html", b"/%ed%b0%80", b"/" + b"a" * 300 + b".html", b"/a" * 3000):
            antwort = roh_abrufen(port, b"GET " + pfad + b" HTTP/1.0\r\n\r\n")
            assert antwort.startswith(b"HTTP/1.0 404"), (pfad[:40], antwort[:80])
        for stand in (b"\xb2", b"9" * 5000):
            assert b" 200 " in roh_abrufen(port, b"GET /.vorschau/" + stand + b" HTTP/1.0\r\n\r\n").split(b"\r\n")[0]
        # a folder without its slash is redirected, so that the relative links of its index page
        # work; to the folder, whatever else the request's path says
        for pfad in (b"/massnahmen?x=1", b"/\\example.org/../massnahmen?x=1"):
            antwort = roh_abrufen(port, b"GET " + pfad + b" HTTP/1.0\r\n\r\n")
            assert antwort.startswith(b"HTTP/1.0 302") and b"Location: /massnahmen/?x=1\r\n" in antwort, antwort
        # HEAD says what GET would send
        get = roh_abrufen(port, b"GET /massnahmen/M001.html HTTP/1.0\r\n\r\n")
        head = roh_abrufen(port, b"HEAD /massnahmen/M001.html HTTP/1.0\r\n\r\n")
        laenge = re.compile(rb"Content-Length: (\d+)")
        assert head.endswith(b"\r\n\r\n") and laenge.findall(head) == laenge.findall(get)
        assert int(laenge.findall(get)[0]) == len(get.split(b"\r\n\r\n", 1)[1])
        # pages that were closed while they waited for the next version
        stand = abrufen(port, ".vorschau/0")[1].split()[1]
        for _ in range(5):
            frage = socket.create_connection(("127.0.0.1", port))
            frage.sendall(f"GET /.vorschau/{stand} HTTP/1.0\r\n\r\n".encode())
            frage.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # closed at once, as a tab
            frage.close()
        kleinstadt.ersetzen("plan/massnahmen/M001.yml", "titel: Stadtteilzentrum Nord eröffnen",
                            "titel: Stadtteilzentrum Nord bauen")
        warten_bis(lambda: "Alle geänderten Seiten neu gebaut" in protokoll.read_text())
        time.sleep(0.5)
    log = protokoll.read_text()
    assert "Traceback" not in log and "Exception" not in log, log


def temporaere_ordner(temp: Path) -> list[Path]:
    return list(temp.glob("sozialraumplan-vorschau-*"))


def test_ein_zweites_strg_c_bricht_das_aufraeumen_nicht_ab(kleinstadt: PlanOrdner, tmp_path):
    website_kopieren(kleinstadt.wurzel)
    port, protokoll, temp = freier_port(), tmp_path / "vorschau.log", tmp_path / "temp"
    temp.mkdir()
    with vorschau(kleinstadt.wurzel, port, protokoll, temp) as prozess:
        assert temporaere_ordner(temp)
        prozess.send_signal(signal.SIGTERM)
        time.sleep(0.05)
        prozess.send_signal(signal.SIGINT)
        assert prozess.wait(timeout=10) == 0
    assert temporaere_ordner(temp) == []
    assert "Traceback" not in protokoll.read_text()


def test_kill_gleich_nach_dem_start_hinterlaesst_keinen_ordner(kleinstadt: PlanOrdner, tmp_path):
    website_kopieren(kleinstadt.wurzel)
    temp = tmp_path / "temp"
    temp.mkdir()
    for _ in range(3):
        with vorschau(kleinstadt.wurzel, freier_port(), temp=temp) as prozess:
            ende = time.monotonic() + 30
            while not temporaere_ordner(temp) and time.monotonic() < ende:
                time.sleep(0.001)
            assert temporaere_ordner(temp), "Die Vorschau hat keinen Ordner angelegt."
            prozess.send_signal(signal.SIGTERM)
            prozess.wait(timeout=10)
        assert temporaere_ordner(temp) == []


def test_die_vorschau_startet_gleich_wieder_auf_demselben_port(kleinstadt: PlanOrdner, tmp_path):
    """The connections of the last preview linger for a minute after its end; the port is free."""
    website_kopieren(kleinstadt.wurzel)
    port, protokoll = freier_port(), tmp_path / "vorschau.log"
    with vorschau(kleinstadt.wurzel, port, protokoll):
        assert abrufen(port, "massnahmen/M001.html")[0] == 200
    with vorschau(kleinstadt.wurzel, port, protokoll):
        assert abrufen(port, "massnahmen/M001.html")[0] == 200
