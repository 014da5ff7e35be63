"""The `sozialraumplan` command line. Sub-commands live in `sozialraumplan.befehle`."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from . import befehle


def parser() -> argparse.ArgumentParser:
    haupt = argparse.ArgumentParser(
        prog="sozialraumplan",
        description="Integrierter Sozialraumplan als Code: prüfen, vergleichen, veröffentlichen.",
    )
    haupt.add_argument(
        "--wurzel", default=".", help="Ordner des Plan-Repositorys (Standard: aktueller Ordner)"
    )
    unterbefehle = haupt.add_subparsers(dest="befehl", metavar="BEFEHL", required=True)
    for modul in sorted(pkgutil.iter_modules(befehle.__path__), key=lambda m: m.name):
        importlib.import_module(f"{befehle.__name__}.{modul.name}").registrieren(unterbefehle)
    return haupt


def main(argv: list[str] | None = None) -> int:
    argumente = parser().parse_args(argv)
    return int(argumente.ausfuehren(argumente))


if __name__ == "__main__":
    sys.exit(main())
