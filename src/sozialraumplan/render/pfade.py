"""Relative links between generated pages, and names for files and anchors: pure string work on
paths below the docs folder."""

from __future__ import annotations

import re


def relativ(ziel: str, von: str) -> str:
    """`ziel` relative to the folder of page `von`; both are paths below the docs folder.
    (`posixpath.relpath` would ask the file system for the working directory.)"""
    ordner = von.split("/")[:-1]
    teile = ziel.split("/")
    gemeinsam = 0
    while gemeinsam < min(len(ordner), len(teile) - 1) and ordner[gemeinsam] == teile[gemeinsam]:
        gemeinsam += 1
    return "/".join([".."] * (len(ordner) - gemeinsam) + teile[gemeinsam:])


def kuerzel(text: str) -> str:
    """`Landeshauptstadt Erfurt` → `landeshauptstadt-erfurt`, for file names and anchors."""
    text = text.lower()
    for umlaut, ersatz in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, ersatz)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")
