"""Where plan files come from: a folder on disk, or (for diffs) a git revision.

The loader only ever asks a `Quelle` for paths and bytes, so the same validation runs on a
working tree and on any historic state of the repository.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol


class Quelle(Protocol):
    """Read-only access to the files of one state of a plan repository (paths use `/`)."""

    def dateien(self, ordner: str) -> list[str]:
        """Sorted paths of the files directly inside `ordner` (empty if it does not exist)."""
        ...

    def lesen(self, pfad: str) -> bytes | None:
        """The file's bytes, or None if there is no such file."""
        ...


class Ordner:
    """A plan repository checked out on disk."""

    def __init__(self, wurzel: Path | str) -> None:
        self.wurzel = Path(wurzel)

    def dateien(self, ordner: str) -> list[str]:
        verzeichnis = self.wurzel / ordner
        if not verzeichnis.is_dir():
            return []
        return sorted(
            f"{ordner.rstrip('/')}/{p.name}" for p in verzeichnis.iterdir() if p.is_file()
        )

    def lesen(self, pfad: str) -> bytes | None:
        datei = self.wurzel / pfad
        return datei.read_bytes() if datei.is_file() else None

    def __repr__(self) -> str:
        return f"Ordner({str(self.wurzel)!r})"
