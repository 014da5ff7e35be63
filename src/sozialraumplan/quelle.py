"""Where plan files come from: a folder on disk, or (for diffs) a git revision.

The loader only ever asks a `Quelle` for paths and bytes, so the same validation runs on a
working tree and on any historic state of the repository.

Paths come from the repository itself (a file name, a path in `data/atlas.yml`), so a pull
request could try to point them elsewhere. A `Quelle` answers only for paths that stay inside
the repository, and never through a symbolic link: its content would be whatever the link
names on the machine that builds the site.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Protocol

from .befund import Befund

MiB = 1024 * 1024
GROESSTE_DATEI = {"yaml": 2 * MiB, "csv": 10 * MiB, "geojson": 50 * MiB}
"""Largest file of each kind that is read at all. The largest real ones are far smaller (a plan
file a few KiB, a city's values a few MiB, detailed boundaries some ten MiB); beyond these
limits a file is a mistake or an attempt to exhaust the build. Reading a table takes some thirty
times its size in memory; values can be split over several files (`werte` in data/atlas.yml)."""
_ART = {"yaml": "YAML", "csv": "CSV", "geojson": "GeoJSON"}

_LAUFWERK = re.compile(r"^[A-Za-z]:")
_STEUERZEICHEN = re.compile(r"[\x00-\x1f\x7f]")


class Quelle(Protocol):
    """Read-only access to the files of one state of a plan repository (paths use `/`)."""

    def dateien(self, ordner: str) -> list[str]:
        """Sorted paths of the files directly inside `ordner` (empty if it does not exist)."""
        ...

    def unterordner(self, ordner: str) -> list[str]:
        """Sorted paths of the folders directly inside `ordner` (empty if it does not exist)."""
        ...

    def lesen(self, pfad: str) -> bytes | None:
        """The file's bytes, or None if there is no such file (or the path leaves the repository)."""
        ...

    def verknuepfungen(self, ordner: str) -> list[str]:
        """Sorted paths of the symbolic links (to files or folders) anywhere below `ordner`,
        `ordner` itself included."""
        ...


def pfad_im_repository(pfad: str) -> bool:
    """True for a relative path with `/` that stays inside the repository: no `..` or `.`
    segment, no empty segment, no absolute path, no backslash, no drive letter, no control
    character."""
    if not pfad or pfad.startswith("/") or "\\" in pfad or _LAUFWERK.match(pfad) or _STEUERZEICHEN.search(pfad):
        return False
    return all(teil not in ("", ".", "..") for teil in pfad.split("/"))


def zu_gross(pfad: str, inhalt: bytes, art: str) -> Befund | None:
    """A finding when `inhalt` is larger than files of this kind (`yaml`, `csv`, `geojson`) may be."""
    grenze = GROESSTE_DATEI[art]
    if len(inhalt) <= grenze:
        return None
    return Befund(pfad, 1, 1, f"Die Datei ist zu groß ({len(inhalt) / MiB:.0f} MiB)",
                  f"{_ART[art]}-Dateien dürfen höchstens {grenze // MiB} MiB groß sein; prüfen Sie, "
                  "ob die richtige Datei gespeichert ist, oder teilen Sie sie auf")


def utf8_text(inhalt: bytes) -> tuple[str | None, int]:
    """The file's text (without a byte order mark), or None and the line of the first byte that
    is not UTF-8: every reader reports it at that line, each with its own advice."""
    try:
        return inhalt.decode("utf-8-sig"), 0
    except UnicodeDecodeError as fehler:
        return None, inhalt[: fehler.start].count(b"\n") + 1


class Ordner:
    """A plan repository checked out on disk."""

    def __init__(self, wurzel: Path | str) -> None:
        self.wurzel = Path(wurzel)

    def _innen(self, pfad: str) -> Path | None:
        """`pfad` below the root, or None when it would leave the root or pass a symbolic link."""
        if not pfad_im_repository(pfad):
            return None
        ziel = self.wurzel
        for teil in PurePosixPath(pfad).parts:
            ziel = ziel / teil
            if ziel.is_symlink():
                return None
        return ziel

    def dateien(self, ordner: str) -> list[str]:
        return self._inhalt(ordner, Path.is_file)

    def unterordner(self, ordner: str) -> list[str]:
        return self._inhalt(ordner, Path.is_dir)

    def _inhalt(self, ordner: str, art: Callable[[Path], bool]) -> list[str]:
        """Sorted paths of the entries of one kind (files or folders) directly inside `ordner`;
        symbolic links are never listed (see `verknuepfungen`)."""
        ordner = ordner.rstrip("/")
        verzeichnis = self._innen(ordner)
        if verzeichnis is None or not verzeichnis.is_dir():
            return []
        return sorted(f"{ordner}/{p.name}" for p in verzeichnis.iterdir() if not p.is_symlink() and art(p))

    def lesen(self, pfad: str) -> bytes | None:
        datei = self._innen(pfad)
        if datei is None or not datei.is_file():
            return None
        try:
            return datei.read_bytes()
        except OSError:  # unreadable (permissions, vanished meanwhile): for the plan it is not there
            return None

    def verknuepfungen(self, ordner: str) -> list[str]:
        ordner = ordner.rstrip("/")
        if not pfad_im_repository(ordner):
            return []
        ziel = self.wurzel
        for teil in PurePosixPath(ordner).parts:
            ziel = ziel / teil
            if ziel.is_symlink():
                return [ziel.relative_to(self.wurzel).as_posix()]
        gefunden = []
        # followlinks=False: a linked folder is reported, never entered.
        for verzeichnis, unterordner, dateien in os.walk(ziel, followlinks=False):
            for name in unterordner + dateien:
                eintrag = Path(verzeichnis) / name
                if eintrag.is_symlink():
                    gefunden.append(eintrag.relative_to(self.wurzel).as_posix())
        return sorted(gefunden)

    def __repr__(self) -> str:
        return f"Ordner({str(self.wurzel)!r})"
