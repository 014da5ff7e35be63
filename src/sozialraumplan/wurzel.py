"""Where the plan repository is: found from the current folder upwards, as git finds its own.

An editor opens a terminal in `plan/massnahmen/` and types `sozialraumplan validate`; the command
must check the same plan as from the top of the repository. The root is the nearest folder,
starting at the current one, that holds both `mkdocs.yml` and `plan/`.

Two kinds of paths meet in a command: paths inside the project (`plan/`, `dist/`, `schemas/`)
are relative to the root; paths the user types (`--ziel daten/`, `-o aenderungen.html`) are
relative to the current folder, as in every other program.
"""

from __future__ import annotations

import os
from pathlib import Path

MERKMALE = ("mkdocs.yml", "plan")
"""What makes a folder the root of a plan repository: the site's configuration and the plan."""


class WurzelFehlt(Exception):
    """No plan repository around the current folder; the message says where we looked and what to do."""


def ist_wurzel(ordner: Path) -> bool:
    return (ordner / "mkdocs.yml").is_file() and (ordner / "plan").is_dir()


def wurzel_finden(start: Path | None = None) -> Path:
    """The nearest folder from `start` (default: the current folder) upwards that is a plan
    repository, as an absolute path; `WurzelFehlt` when there is none up to the top of the file system."""
    start = Path.cwd() if start is None else Path(start).absolute()
    for ordner in (start, *start.parents):
        if ist_wurzel(ordner):
            return ordner
    raise WurzelFehlt(
        f"Kein Plan-Repository gefunden: Weder {start} noch ein Ordner darüber enthält "
        f"{MERKMALE[0]} und den Ordner {MERKMALE[1]}/. Wechseln Sie in den Ordner des Repositorys "
        "(oder einen Ordner darin) oder nennen Sie ihn mit „sozialraumplan --wurzel ORDNER …“"
    )


def eingabe_pfad(pfad: Path) -> Path:
    """A path the user typed, made absolute against the current folder (where it was typed)."""
    return pfad if pfad.is_absolute() else Path.cwd() / pfad


def anzeige(pfad: Path, wurzel: Path) -> str:
    """A path for messages: relative to the root when it lies inside the project (`dist/daten/plan.json`,
    the same from any folder), otherwise as given."""
    try:
        return Path(os.path.abspath(pfad)).relative_to(os.path.abspath(wurzel)).as_posix()
    except ValueError:
        return os.fspath(pfad)
