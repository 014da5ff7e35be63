"""The page `make serve` shows while the plan has errors: every finding, in German, in the browser.

An editor who saves a broken file sees at once what is wrong and where, instead of a page that
never loads; the preview keeps showing this page until the file is fixed. A real build still
fails and writes nothing.
"""

from __future__ import annotations

from ..befund import Befund, Schwere
from .text import klartext_md


def fehlerseite(befunde: list[Befund]) -> str:
    """Markdown of the error page: a heading, what to do, each finding with file and line."""
    fehler = [b for b in befunde if b.schwere is Schwere.FEHLER]
    text = "# Der Plan hat Fehler\n\n"
    text += (f"Die Vorschau zeigt den Plan erst wieder, wenn {len(fehler)} "
             f"{'Fehler behoben ist' if len(fehler) == 1 else 'Fehler behoben sind'}. "
             "Jede Meldung nennt Datei und Zeile und was zu tun ist. Speichern Sie die korrigierte "
             "Datei; diese Seite lädt dann von selbst neu.\n\n")
    text += "".join(f"- {klartext_md(str(b))}\n" for b in befunde)
    return text
