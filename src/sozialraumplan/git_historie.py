"""When each file last changed, from git history (one `git log` for the whole repository)."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path


def letzte_aenderungen(wurzel: Path) -> dict[str, dt.date]:
    """Repository path → date of the last commit that touched it; empty outside a git repository."""
    try:
        ausgabe = subprocess.run(
            ["git", "-C", str(wurzel), "log", "--format=%x00%cs", "--name-only", "--relative", "--no-renames",
             "--", "plan", "data"],
            capture_output=True, text=True, check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    ergebnis: dict[str, dt.date] = {}
    for block in ausgabe.split("\x00")[1:]:
        zeilen = block.strip().splitlines()
        if not zeilen:
            continue
        tag = dt.date.fromisoformat(zeilen[0])
        for pfad in zeilen[1:]:
            ergebnis.setdefault(pfad.strip(), tag)
    return ergebnis
