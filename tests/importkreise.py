"""The module-level imports of the package as a graph, to find import circles without running them."""

from __future__ import annotations

import ast
from pathlib import Path


def module_finden(paket: Path) -> dict[str, Path]:
    """Every module below `paket` by its dotted name (a package by its own name, for `__init__.py`)."""
    module = {}
    for datei in paket.rglob("*.py"):
        teile = datei.relative_to(paket.parent).with_suffix("").parts
        module[".".join(teile[:-1] if datei.name == "__init__.py" else teile)] = datei
    return module


def _oberhalb(name: str) -> list[str]:
    """`a` and `a.b` for `a.b.c`: what Python imports before it."""
    teile = name.split(".")
    return [".".join(teile[:i]) for i in range(1, len(teile))]


def importgraph(paket: Path) -> dict[str, set[str]]:
    """What each module of `paket` makes Python import while the module itself runs.

    Imports inside functions and under `if TYPE_CHECKING:` run later or never and are left out.
    Importing `a.b.c` first runs `a` and `a.b`, except those the importer lies in: their
    `__init__` has already started when one of their modules runs."""
    module = module_finden(paket)
    graph: dict[str, set[str]] = {}
    for name, datei in module.items():
        eigenes_paket = name if datei.name == "__init__.py" else name.rpartition(".")[0]
        ziele: set[str] = set()
        for anweisung in ast.parse(datei.read_text(encoding="utf-8")).body:
            if isinstance(anweisung, ast.Import):
                ziele |= {alias.name for alias in anweisung.names}
            elif isinstance(anweisung, ast.ImportFrom):
                basis = anweisung.module or ""
                if anweisung.level:
                    oben = eigenes_paket.split(".")[: len(eigenes_paket.split(".")) - anweisung.level + 1]
                    basis = ".".join([*oben, basis] if basis else oben)
                ziele.add(basis)
                ziele |= {f"{basis}.{alias.name}" for alias in anweisung.names}
        schon_begonnen = {*_oberhalb(name), name}
        graph[name] = {
            modul
            for ziel in ziele if ziel in module
            for modul in (*_oberhalb(ziel), ziel) if modul not in schon_begonnen
        }
    return graph
