"""The fonts of the PDF: DejaVu from local files only, embedded by WeasyPrint.

No font is fetched from the network and none is left to the viewer: PDF/UA needs every font
embedded, and a plan must print the same on every machine.
"""

from __future__ import annotations

from pathlib import Path

ORDNER = (
    Path("/usr/share/fonts/truetype/dejavu"),  # Debian, Ubuntu: fonts-dejavu-core
    Path("/usr/share/fonts/dejavu-sans-fonts"),  # Fedora
    Path("/usr/share/fonts/TTF"),  # Arch
)
SCHNITTE = {
    ("normal", "normal"): "DejaVuSans.ttf",
    ("bold", "normal"): "DejaVuSans-Bold.ttf",
    ("normal", "italic"): "DejaVuSans-Oblique.ttf",
    ("bold", "italic"): "DejaVuSans-BoldOblique.ttf",
}
FAMILIE = "DejaVu Sans"


class SchriftFehlt(Exception):
    """DejaVu Sans is not installed; message in German."""


def schriftordner() -> Path:
    for ordner in ORDNER:
        if all((ordner / datei).is_file() for datei in SCHNITTE.values()):
            return ordner
    raise SchriftFehlt(
        "Die Schrift „DejaVu Sans“ ist nicht installiert (gesucht in "
        + ", ".join(str(o) for o in ORDNER)
        + ") — installieren Sie das Paket fonts-dejavu-core, z. B. mit „scripts/setup.sh test“"
    )


def font_face_css() -> str:
    """`@font-face` rules that bind every weight and style to a local file."""
    ordner = schriftordner()
    return "\n".join(
        f'@font-face {{ font-family: "{FAMILIE}"; font-weight: {gewicht}; font-style: {stil}; '
        f'src: url("{(ordner / datei).as_uri()}"); }}'
        for (gewicht, stil), datei in SCHNITTE.items()
    )
