"""The Leichte-Sprache findings of each file, kept by content hash between runs.

Tagging every sentence with HanTa takes seconds; the texts rarely change. A file whose bytes,
path and the city's names are the same as in an earlier run, checked by the same rules (the
hash of this package's source), has the same findings: they are read back instead. The cache
lives outside the repository (`$XDG_CACHE_HOME/sozialraumplan`, else `~/.cache/sozialraumplan`),
one small JSON file per checked file state; deleting it only makes the next run slower.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import tempfile
from pathlib import Path

from ..befund import Befund, Schwere

ORDNER = "sozialraumplan/leichte-sprache"


@functools.cache
def _regeln() -> str:
    """The hash of the rules: this package's source and the finding's shape."""
    hash_ = hashlib.sha256()
    for datei in sorted(Path(__file__).parent.glob("*.py")) + [Path(__file__).parents[1] / "befund.py"]:
        hash_.update(datei.read_bytes())
    return hash_.hexdigest()


def ordner() -> Path:
    basis = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(basis) / ORDNER


def schluessel(anzeige: str, inhalt: bytes, eigennamen: frozenset[str]) -> str:
    hash_ = hashlib.sha256(_regeln().encode())
    for teil in (anzeige.encode(), inhalt, "\n".join(sorted(eigennamen)).encode()):
        hash_.update(len(teil).to_bytes(8, "big") + teil)
    return hash_.hexdigest()


def lesen(schluessel_: str) -> tuple[int, list[Befund]] | None:
    """The number of texts and the findings of a file state checked before, or None."""
    try:
        daten = json.loads((ordner() / f"{schluessel_}.json").read_text(encoding="utf-8"))
        return daten["texte"], [Befund(**{**b, "schwere": Schwere(b["schwere"])}) for b in daten["befunde"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def schreiben(schluessel_: str, texte: int, befunde: list[Befund]) -> None:
    """Keep the result; a cache that cannot be written only costs time next run."""
    daten = {"texte": texte, "befunde": [{**dataclasses.asdict(b), "schwere": b.schwere.value} for b in befunde]}
    try:
        ordner().mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=ordner(), delete=False, suffix=".tmp") as datei:
            json.dump(daten, datei, ensure_ascii=False)
        os.replace(datei.name, ordner() / f"{schluessel_}.json")  # whole or not at all, also for parallel runs
    except OSError:
        pass
