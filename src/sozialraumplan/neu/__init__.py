"""Scaffolding for editors' helpers: new Maßnahmen, Gremien and Sitzungen as valid YAML files.

`werte_sammeln` gets the answers (options, prompts, defaults), `anlegen` writes the file with
its id and keeps it only if the plan's own validation finds no error in it.
"""

from .abfrage import Abbruch, Befragung, bekannte_kennungen, werte_sammeln
from .datei import Ergebnis, anlegen, yaml_text
from .felder import Eingabefehler
from .vorlagen import VORLAGEN, Vorlage

__all__ = [
    "VORLAGEN",
    "Abbruch",
    "Befragung",
    "Eingabefehler",
    "Ergebnis",
    "Vorlage",
    "anlegen",
    "bekannte_kennungen",
    "werte_sammeln",
    "yaml_text",
]
