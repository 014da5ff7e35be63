#!/usr/bin/env bash
# Sets up everything the project needs on a fresh machine; safe to run again.
#   scripts/setup.sh site   – the Python environment for building the site
#   scripts/setup.sh test   – additionally Chromium, axe-core (npm), fonts and PDF tools for the test suite
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-site}"

python_env() {
    if [ ! -x .venv/bin/python ]; then
        python3 -m venv .venv
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

python_env
system_packages
if [ "$what" = "test" ]; then
    node_packages
fi
