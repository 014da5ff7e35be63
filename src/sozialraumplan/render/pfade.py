"""Relative links between generated pages: pure string work on paths below the docs folder."""

from __future__ import annotations


def relativ(ziel: str, von: str) -> str:
    """`ziel` relative to the folder of page `von`; both are paths below the docs folder.
    (`posixpath.relpath` would ask the file system for the working directory.)"""
    ordner = von.split("/")[:-1]
    teile = ziel.split("/")
    gemeinsam = 0
    while gemeinsam < min(len(ordner), len(teile) - 1) and ordner[gemeinsam] == teile[gemeinsam]:
        gemeinsam += 1
    return "/".join([".."] * (len(ordner) - gemeinsam) + teile[gemeinsam:])
