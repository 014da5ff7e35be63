"""The `sozialraumplan` command line. Sub-commands live in `sozialraumplan.befehle`."""

from __future__ import annotations

import argparse
import gc
import importlib
import pkgutil
import sys
from pathlib import Path

from . import befehle
from .wurzel import WurzelFehlt, wurzel_finden


def parser() -> argparse.ArgumentParser:
    haupt = argparse.ArgumentParser(
        prog="sozialraumplan",
        description="Integrierter Sozialraumplan als Code: prüfen, vergleichen, veröffentlichen.",
    )
    haupt.add_argument(
        "--wurzel", type=Path, metavar="ORDNER",
        help="Ordner des Plan-Repositorys (Standard: der nächste Ordner mit mkdocs.yml und plan/, "
             "vom aktuellen Ordner aufwärts gesucht)",
    )
    unterbefehle = haupt.add_subparsers(dest="befehl", metavar="BEFEHL", required=True)
    for modul in sorted(pkgutil.iter_modules(befehle.__path__), key=lambda m: m.name):
        importlib.import_module(f"{befehle.__name__}.{modul.name}").registrieren(unterbefehle)
    return haupt


def main(argv: list[str] | None = None) -> int:
    argumente = parser().parse_args(argv)
    # Commands that only read the file they are given (`pre-block`) run anywhere; set
    # `ohne_wurzel=True` in their defaults.
    if argumente.wurzel is None and not getattr(argumente, "ohne_wurzel", False):
        try:
            argumente.wurzel = wurzel_finden()
        except WurzelFehlt as fehler:
            print(f"Fehler: {fehler}", file=sys.stderr)
            return 2
    return int(argumente.ausfuehren(argumente))


def programm() -> None:
    """The installed `sozialraumplan` command: `main`, then exit.

    Before exiting, everything loaded (plan, atlas, pages, numpy) is frozen: the last garbage
    collection at interpreter shutdown would otherwise walk all of it once more, about 0.15 s of
    `validate`. Not in `main`, which tests call in-process many times."""
    code = main()
    gc.freeze()
    sys.exit(code)


if __name__ == "__main__":
    programm()
