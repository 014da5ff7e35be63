"""`sozialraumplan pre-block DATEI`: a text file as an HTML `<pre>` block for a Markdown comment.

The PR workflow shows the validator's findings in the bot's comment and in the job summary.
Findings quote values from the proposal, and a value may contain anything. In a Markdown code
fence, a line of three backticks in such a value would close the fence, and everything after it
would be rendered as Markdown: links, images, mentions. Markdown is not interpreted inside
`<pre>` until the line that closes it; with `&`, `<` and `>` escaped, no text can write that
closing tag, nor any other markup, whatever backticks or line breaks it holds.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..render.text import h


def pre_block(text: str) -> str:
    """The text, escaped, between `<pre>` and `</pre>` on lines of their own."""
    return f"<pre>\n{h(text.rstrip())}\n</pre>\n"


def registrieren(unterbefehle: argparse._SubParsersAction) -> None:
    befehl = unterbefehle.add_parser(
        "pre-block", help="Textdatei als geschützten <pre>-Block ausgeben (für Kommentare auf GitHub)",
        description="Gibt den Inhalt einer Textdatei HTML-maskiert in einem <pre>-Block aus. So lassen "
                    "sich Befunde in einen Markdown-Kommentar setzen, ohne dass ihr Text Markdown oder HTML "
                    "einschleusen kann.",
    )
    befehl.add_argument("datei", type=Path, help="die Textdatei, z. B. die Ausgabe von „validate“")
    befehl.set_defaults(ausfuehren=ausfuehren, ohne_wurzel=True)  # reads only the given file


def ausfuehren(argumente: argparse.Namespace) -> int:
    try:
        text = argumente.datei.read_text(encoding="utf-8", errors="replace")
    except OSError as fehler:
        print(f"{argumente.datei}: lässt sich nicht lesen ({fehler.strerror})", file=sys.stderr)
        return 1
    sys.stdout.write(pre_block(text))
    return 0
