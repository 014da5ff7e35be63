"""`make serve`: the live preview on http://127.0.0.1:PORT (`macros/vorschau_server.py`), with a German
word when the port is taken.

A server would end with a long English traceback ("Address already in use"); an editor needs
to know only which other port to use. The port is taken by the preview's own server, before the
first build: a probe of its own would also refuse a port that the last preview has just left
(its connections linger for a minute, which the server's SO_REUSEADDR allows).
"""

from __future__ import annotations

import errno
import logging
import sys
from pathlib import Path

HOST = "127.0.0.1"


def main(argumente: list[str]) -> int:
    text = argumente[0] if argumente else "8000"
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        print(f"„{text}“ ist keine Portnummer — wählen Sie eine Zahl von 1 bis 65535, z. B. „make serve PORT=8001“.",
              file=sys.stderr)
        return 2
    port = int(text)
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "macros"))
    try:
        from vorschau_server import starten

        starten(Path.cwd().resolve(), HOST, port)
    except KeyboardInterrupt:  # Ctrl+C before the preview has its own handler (while importing)
        return 130
    except OSError as fehler:
        if fehler.errno != errno.EADDRINUSE:
            raise
        print(f"Port {port} ist schon belegt (läuft die Vorschau schon in einem anderen Fenster?) — beenden Sie "
              f"das andere Programm oder starten Sie die Vorschau auf einem anderen Port: „make serve PORT={port + 1}“.",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
