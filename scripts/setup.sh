#!/usr/bin/env bash
# Sets up everything the project needs on a fresh machine; safe to run again.
#   scripts/setup.sh site   – the Python environment for building the site
#   scripts/setup.sh test   – additionally Chromium, axe-core (npm), fonts and PDF tools for the test suite
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-site}"

# The Python to build the environment with: python3, or the one named in PYTHON (make test PYTHON=python3.12).
python="${PYTHON:-python3}"
# The oldest Python the project runs on, read from pyproject.toml (requires-python = ">=3.11").
minimum=$(sed -n 's/^requires-python *= *">= *\([0-9][0-9.]*\)".*/\1/p' pyproject.toml)
[ -n "$minimum" ] || { echo 'Fehler: requires-python in pyproject.toml hat nicht die Form ">=3.11".' >&2; exit 1; }

# A German message, its first line after „Fehler:“, the others indented; then stop.
fehler() {
    printf 'Fehler: %s\n' "$1" >&2
    shift
    [ $# -eq 0 ] || printf '  %s\n' "$@" >&2
    exit 1
}

# "3.11.7" for a Python interpreter, empty when it does not run. Asked first, before anything is
# installed: an old Python would otherwise fail much later with a message about some package.
python_version() {
    "$1" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])' 2>/dev/null || true
}

# True when version $1 (3.9.2) is at least $2 (3.11).
mindestens() {
    local a b
    IFS=. read -r -a a <<<"$1"
    IFS=. read -r -a b <<<"$2"
    [ "${a[0]}" -gt "${b[0]}" ] || { [ "${a[0]}" -eq "${b[0]}" ] && [ "${a[1]:-0}" -ge "${b[1]:-0}" ]; }
}

python_pruefen() {
    if ! command -v "$python" >/dev/null; then
        fehler "Python fehlt: „$python“ gibt es auf diesem Rechner nicht. Dieses Projekt braucht Python $minimum oder neuer." \
            "Installieren Sie es, unter Debian oder Ubuntu mit „sudo apt-get install python3 python3-venv“," \
            "oder nennen Sie ein vorhandenes, z. B. „make test PYTHON=python3.12“."
    fi
    version=$(python_version "$python")
    if [ -z "$version" ]; then
        fehler "„$python“ ($(command -v "$python")) lässt sich nicht starten. Dieses Projekt braucht Python $minimum oder neuer." \
            "Installieren Sie es neu, unter Debian oder Ubuntu mit „sudo apt-get install --reinstall python3 python3-venv“."
    fi
    if ! mindestens "$version" "$minimum"; then
        fehler "Gefunden wurde Python $version („$python“, $(command -v "$python")), dieses Projekt braucht Python $minimum oder neuer (requires-python in pyproject.toml)." \
            "Installieren Sie ein neueres Python – Debian 12 und Ubuntu 24.04 bringen es mit: „sudo apt-get install python3 python3-venv“ –" \
            "oder nennen Sie ein vorhandenes, z. B. „make test PYTHON=python$minimum“."
    fi
}

venv_anlegen() {
    local ausgabe
    if ! ausgabe=$("$python" -m venv .venv 2>&1); then
        rm -rf .venv  # a half-made environment (Debian leaves one without pip) would be taken as done next time
        if ! "$python" -c 'import ensurepip, venv' 2>/dev/null; then
            fehler "Python $version kann keine virtuelle Umgebung anlegen: Das Modul venv mit ensurepip fehlt." \
                "Unter Debian und Ubuntu steht es in einem eigenen Paket: „sudo apt-get install python3-venv“" \
                "(für ein anderes Python als python3 z. B. python${version%.*}-venv). Danach „make“ noch einmal aufrufen."
        fi
        printf '%s\n' "$ausgabe" >&2
        fehler "„$python -m venv .venv“ ist fehlgeschlagen (Ausgabe oben)."
    fi
}

python_env() {
    # An environment from another Python (an upgrade of the system, a different machine), or one
    # whose python no longer runs (its interpreter was removed) or has no pip, is built anew:
    # packages with compiled parts only work with the Python they were installed for.
    if [ -e .venv ] || [ -L .venv ]; then
        local vorhanden
        vorhanden=$(.venv/bin/python -c 'import sys, pip; print("%d.%d.%d" % sys.version_info[:3])' 2>/dev/null || true)
        if [ -z "$vorhanden" ]; then
            echo "Die Umgebung .venv/ ist unvollständig oder ihr Python läuft nicht mehr; sie wird mit Python $version neu angelegt."
            rm -rf .venv
        elif [ "${vorhanden%.*}" != "${version%.*}" ]; then
            echo "Die Umgebung .venv/ stammt von Python $vorhanden; sie wird mit Python $version neu angelegt."
            rm -rf .venv
        fi
    fi
    if [ ! -e .venv ]; then
        venv_anlegen
    fi
    # The lock file pins every transitive version; the stamp skips a re-install when nothing changed.
    local stamp=.venv/.installed
    if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ requirements.lock -nt "$stamp" ]; then
        .venv/bin/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[site,test]'
        touch "$stamp"
    fi
}

system_packages() {
    # For the tests: npm for axe-core, Debian's Chromium (Playwright's own browser download is
    # not reachable), fonts for WeasyPrint and pdftotext. Only what is missing.
    local missing=()
    if [ "$what" = "test" ]; then
        command -v npm >/dev/null || missing+=(nodejs npm)
        command -v chromium >/dev/null || missing+=(chromium)
        dpkg -s fonts-dejavu-core >/dev/null 2>&1 || missing+=(fonts-dejavu-core)
        dpkg -s poppler-utils >/dev/null 2>&1 || missing+=(poppler-utils)
    fi
    if [ ${#missing[@]} -gt 0 ]; then
        local sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
    fi
}

node_packages() {
    # axe-core for the accessibility checks, from the npm registry, exactly as locked.
    if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
        npm ci --silent --no-audit --no-fund
    fi
}

# The package and the hooks as bytecode now, not at every command: a Python that writes no
# bytecode (PYTHONDONTWRITEBYTECODE, a read-only checkout) would otherwise compile some 130
# modules again in every build, preview and `validate` (0.15 to 0.3 s each). Unchanged files are
# skipped, so this costs nothing the second time.
bytecode() {
    .venv/bin/python -m compileall -q src macros >/dev/null
}

python_pruefen
python_env
bytecode
system_packages
if [ "$what" = "test" ]; then
    node_packages
fi
