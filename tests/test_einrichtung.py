"""`scripts/setup.sh` (run by `make site` and `make test`) on machines that are not quite ready.

The checks run against stand-ins: a small shell script plays `python3` (it says which version it
is, notes every call and, asked for `-m venv`, makes an environment whose python is a stand-in
too), in a copy of the project in a temporary folder. So nothing is installed, and the real
environment of this checkout is never touched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import REPO

DEBIAN_OHNE_VENV = (
    "The virtual environment was not created successfully because ensurepip is not\n"
    "available.  On Debian/Ubuntu systems, you need to install the python3-venv\n"
    "package using the following command.\n\n    apt install python3.11-venv\n"
)
"""What Debian's python3 prints for `-m venv` when the package python3-venv is missing."""


def python_attrappe(pfad: Path, version: str, venv_modul: bool = True) -> Path:
    """A stand-in for a Python `version`; without `venv_modul` it fails like Debian's python3
    without python3-venv: `-m venv` leaves a half-made environment, `import ensurepip` fails."""
    if venv_modul:
        venv = 'mkdir -p .venv/bin && cp "$0" .venv/bin/python && exit 0'
        ensurepip = ""
    else:
        venv = f"mkdir -p .venv/bin; printf '%s' '{DEBIAN_OHNE_VENV}'; exit 1"
        ensurepip = "*ensurepip*) echo \"ModuleNotFoundError: No module named 'ensurepip'\" >&2; exit 1 ;;"
    pfad.parent.mkdir(parents=True, exist_ok=True)
    pfad.write_text(f"""#!/bin/sh
echo "$(basename "$0") $*" >> "$AUFRUFE"
case "$*" in
  "-m venv .venv") {venv} ;;
  {ensurepip}
  *"-m pip install"*) exit 0 ;;
esac
echo {version}
""", encoding="utf-8")
    pfad.chmod(0o755)
    return pfad


@pytest.fixture
def projekt(tmp_path) -> Path:
    """What the set-up reads: the script, pyproject.toml and requirements.lock."""
    ordner = tmp_path / "projekt"
    (ordner / "scripts").mkdir(parents=True)
    shutil.copy(REPO / "scripts/setup.sh", ordner / "scripts/setup.sh")
    for datei in ("pyproject.toml", "requirements.lock"):
        shutil.copy(REPO / datei, ordner / datei)
    return ordner


def einrichten(projekt: Path, python_version: str | None = None, venv_modul: bool = True,
               **umgebung: str) -> tuple[subprocess.CompletedProcess, list[str]]:
    """`scripts/setup.sh site` with a stand-in python3 of `python_version` first on PATH; returns
    the run and the calls of every Python (the system's python3 and the environment's python)."""
    attrappen = projekt.parent / "bin"
    if python_version:
        python_attrappe(attrappen / "python3", python_version, venv_modul)
    aufrufe = projekt.parent / "aufrufe.txt"
    aufrufe.touch()
    lauf = subprocess.run(["bash", str(projekt / "scripts/setup.sh"), "site"], capture_output=True, text=True,
                          env={"PATH": f"{attrappen}:/usr/bin:/bin", "HOME": str(projekt.parent),
                               "AUFRUFE": str(aufrufe), **umgebung})
    return lauf, aufrufe.read_text(encoding="utf-8").splitlines()


VERSION_ERFRAGEN = "python3 -c import sys; print(\"%d.%d.%d\" % sys.version_info[:3])"
UMGEBUNG_ERFRAGEN = "python -c import sys, pip; print(\"%d.%d.%d\" % sys.version_info[:3])"
INSTALLIEREN = ("python -m pip install --quiet --disable-pip-version-check -c requirements.lock "
                "-e .[site,test]")
UEBERSETZEN = "python -m compileall -q src macros"
"""Bytecode for the package and the hooks: skips unchanged files, so it runs every time."""


def test_ein_zu_altes_python_wird_vor_allem_anderen_gemeldet(projekt):
    lauf, aufrufe = einrichten(projekt, "3.9.2")
    assert lauf.returncode == 1
    assert lauf.stderr.startswith("Fehler: Gefunden wurde Python 3.9.2 („python3“, "
                                  f"{projekt.parent / 'bin/python3'}), dieses Projekt braucht Python 3.11 oder "
                                  "neuer (requires-python in pyproject.toml).\n")
    assert "„sudo apt-get install python3 python3-venv“" in lauf.stderr
    assert "„make test PYTHON=python3.11“" in lauf.stderr
    assert aufrufe == [VERSION_ERFRAGEN]
    assert not (projekt / ".venv").exists()


def test_die_mindestversion_steht_in_pyproject_toml(projekt):
    text = (projekt / "pyproject.toml").read_text(encoding="utf-8")
    (projekt / "pyproject.toml").write_text(text.replace('requires-python = ">=3.11"', 'requires-python = ">=3.12"'),
                                            encoding="utf-8")
    lauf, _ = einrichten(projekt, "3.11.2")
    assert lauf.returncode == 1 and "dieses Projekt braucht Python 3.12 oder neuer" in lauf.stderr


@pytest.mark.parametrize("version", ["3.11.2", "3.13.0", "4.0.0"])
def test_ein_passendes_python_legt_die_umgebung_an_und_installiert(projekt, version):
    lauf, aufrufe = einrichten(projekt, version)
    assert lauf.returncode == 0, lauf.stderr
    assert aufrufe == [VERSION_ERFRAGEN, "python3 -m venv .venv", INSTALLIEREN, UEBERSETZEN]
    assert (projekt / ".venv/.installed").is_file()


def test_ein_anderes_python_kann_mit_PYTHON_genannt_werden(projekt):
    python_attrappe(projekt.parent / "bin/python3", "3.9.2")
    python_attrappe(projekt.parent / "bin/python3.12", "3.12.1")
    lauf, aufrufe = einrichten(projekt, PYTHON="python3.12")
    assert lauf.returncode == 0, lauf.stderr
    assert aufrufe[:2] == [VERSION_ERFRAGEN.replace("python3", "python3.12", 1), "python3.12 -m venv .venv"]


def test_fehlt_das_python_ganz_sagt_die_einrichtung_was_zu_installieren_ist(projekt):
    lauf, _ = einrichten(projekt, PYTHON="python3-gibt-es-nicht")
    assert lauf.returncode == 1
    assert lauf.stderr.startswith("Fehler: Python fehlt: „python3-gibt-es-nicht“ gibt es auf diesem Rechner "
                                  "nicht. Dieses Projekt braucht Python 3.11 oder neuer.\n")


def test_eine_umgebung_eines_anderen_pythons_wird_neu_angelegt(projekt):
    python_attrappe(projekt / ".venv/bin/python", "3.10.12")
    (projekt / ".venv/.installed").touch()
    lauf, aufrufe = einrichten(projekt, "3.11.2")
    assert lauf.returncode == 0, lauf.stderr
    assert lauf.stdout == "Die Umgebung .venv/ stammt von Python 3.10.12; sie wird mit Python 3.11.2 neu angelegt.\n"
    assert aufrufe == [VERSION_ERFRAGEN, UMGEBUNG_ERFRAGEN, "python3 -m venv .venv", INSTALLIEREN, UEBERSETZEN]


def test_eine_umgebung_deren_python_nicht_mehr_laeuft_wird_neu_angelegt(projekt):
    """As after an upgrade of the system removed the Python the environment links to."""
    (projekt / ".venv/bin").mkdir(parents=True)
    (projekt / ".venv/bin/python").symlink_to("/usr/bin/python3.9-gibt-es-nicht-mehr")
    lauf, aufrufe = einrichten(projekt, "3.11.2")
    assert lauf.returncode == 0, lauf.stderr
    assert lauf.stdout == ("Die Umgebung .venv/ ist unvollständig oder ihr Python läuft nicht mehr; sie wird "
                           "mit Python 3.11.2 neu angelegt.\n")
    assert aufrufe[1:] == ["python3 -m venv .venv", INSTALLIEREN, UEBERSETZEN]


def test_eine_passende_umgebung_bleibt_wie_sie_ist(projekt):
    python_attrappe(projekt / ".venv/bin/python", "3.11.2")
    stempel = projekt / ".venv/.installed"
    stempel.touch()
    spaeter = (projekt / "pyproject.toml").stat().st_mtime + 10
    os.utime(stempel, (spaeter, spaeter))
    lauf, aufrufe = einrichten(projekt, "3.11.7")
    assert (lauf.returncode, lauf.stdout, lauf.stderr) == (0, "", "")
    assert aufrufe == [VERSION_ERFRAGEN, UMGEBUNG_ERFRAGEN, UEBERSETZEN]


def test_ohne_python3_venv_nennt_die_einrichtung_das_debian_paket(projekt):
    lauf, _ = einrichten(projekt, "3.11.2", venv_modul=False)
    assert lauf.returncode == 1
    assert lauf.stderr == (
        "Fehler: Python 3.11.2 kann keine virtuelle Umgebung anlegen: Das Modul venv mit ensurepip fehlt.\n"
        "  Unter Debian und Ubuntu steht es in einem eigenen Paket: „sudo apt-get install python3-venv“\n"
        "  (für ein anderes Python als python3 z. B. python3.11-venv). Danach „make“ noch einmal aufrufen.\n")
    assert not (projekt / ".venv").exists(), "die halb angelegte Umgebung wird wieder entfernt"
