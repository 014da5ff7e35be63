"""The editor's loop on Erfurt: how long `validate` takes, and how long an edited Maßnahme takes
to show in the live preview. Prints target and measured value side by side.

    .venv/bin/python bench/editierschleife_bench.py
    .venv/bin/python bench/editierschleife_bench.py --wiederholungen 5 --port 8216

Both run in a copy of this repository's site and Erfurt plan (so the checkout is never edited):

- `validate`: `.venv/bin/sozialraumplan validate`, wall-clock seconds (the median of the runs)
  and the CPU seconds of that run;
- of which imports: a Python that only imports every module one `validate` run loaded (the
  package's pydantic models, numpy, shapely, Jinja, YAML …) and reads no file: the floor
  `validate` cannot go below without importing less;
- preview: `scripts/vorschau.py` (= `make serve`) is started once; each run changes the title of
  `plan/massnahmen/M001.yml` and polls `massnahmen/M001.html` every 20 ms until the new title is
  served. The time is from the write to the first answer with the new title.

Not a test: it prints figures. On a shared machine the wall clock grows with other jobs.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SITE_TEILE = ("docs", "macros", "overrides", "plan", "data", "scripts")
MASSNAHME = "plan/massnahmen/M001.yml"
SEITE = "massnahmen/M001.html"
ZIEL_VALIDATE = 0.7
ZIEL_VORSCHAU = 1.0


def kopieren(ziel: Path) -> None:
    shutil.copy(REPO / "mkdocs.yml", ziel / "mkdocs.yml")
    for teil in SITE_TEILE:
        shutil.copytree(REPO / teil, ziel / teil, ignore=shutil.ignore_patterns("__pycache__"))


def _cpu() -> float:
    verbrauch = resource.getrusage(resource.RUSAGE_CHILDREN)
    return verbrauch.ru_utime + verbrauch.ru_stime


def validate_messen(wurzel: Path, wiederholungen: int) -> tuple[float, float]:
    """Median wall-clock seconds of `validate` and the median CPU seconds."""
    laeufe = []
    for _ in range(wiederholungen):
        beginn, cpu = time.perf_counter(), _cpu()
        lauf = subprocess.run([str(REPO / ".venv/bin/sozialraumplan"), "validate"], cwd=wurzel,
                              capture_output=True, text=True)
        laeufe.append((time.perf_counter() - beginn, _cpu() - cpu))
        if lauf.returncode:
            raise SystemExit(f"validate fehlgeschlagen:\n{lauf.stderr[-4000:]}")
    return statistics.median(w for w, _ in laeufe), statistics.median(c for _, c in laeufe)


_MODULE_NACH_VALIDATE = """
import json, sys
from sozialraumplan import cli
cli.main(["validate"])
print(json.dumps(list(sys.modules)))
"""

_NUR_IMPORTIEREN = """
import importlib, json, sys
for name in json.load(open(sys.argv[1])):
    try:
        importlib.import_module(name)
    except Exception:  # a module only its package may import, or one that no longer loads alone
        pass
"""


def importe_messen(wurzel: Path, wiederholungen: int) -> float:
    """Median wall-clock seconds of a Python that imports what `validate` loads, and nothing else."""
    lauf = subprocess.run([sys.executable, "-c", _MODULE_NACH_VALIDATE], cwd=wurzel, capture_output=True, text=True)
    liste = wurzel.parent / "module.json"
    liste.write_text(lauf.stdout.splitlines()[-1], encoding="utf-8")
    laeufe = []
    for _ in range(wiederholungen):
        beginn = time.perf_counter()
        subprocess.run([sys.executable, "-c", _NUR_IMPORTIEREN, str(liste)], cwd=wurzel, check=True)
        laeufe.append(time.perf_counter() - beginn)
    return statistics.median(laeufe)


def _abrufen(adresse: str) -> str:
    try:
        with urllib.request.urlopen(adresse, timeout=5) as antwort:
            return antwort.read().decode("utf-8")
    except OSError:
        return ""


def _warten(adresse: str, text: str, frist: float) -> float:
    """Seconds until the page at `adresse` contains `text`."""
    beginn = time.perf_counter()
    while time.perf_counter() - beginn < frist:
        if text in _abrufen(adresse):
            return time.perf_counter() - beginn
        time.sleep(0.02)
    raise SystemExit(f"„{text}“ erschien nicht binnen {frist:.0f} s auf {adresse}")


def vorschau_messen(wurzel: Path, port: int, wiederholungen: int) -> list[float]:
    """Seconds from writing the edited Maßnahme to the preview serving it, per run."""
    adresse = f"http://127.0.0.1:{port}/{SEITE}"
    vorschau = subprocess.Popen([sys.executable, str(wurzel / "scripts/vorschau.py"), str(port)], cwd=wurzel,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        _warten(adresse, "</html>", 300)
        datei = wurzel / MASSNAHME
        original = datei.read_text(encoding="utf-8")
        titel = next(z for z in original.splitlines() if z.startswith("titel: "))
        zeiten = []
        for lauf in range(1, wiederholungen + 1):
            time.sleep(1.5)  # the watcher settles after the previous rebuild
            neu = f"Bench-Lauf {lauf} {time.time_ns()}"
            datei.write_text(original.replace(titel, f"titel: {neu}", 1), encoding="utf-8")
            zeiten.append(_warten(adresse, neu, 120))
        return zeiten
    finally:
        os.killpg(vorschau.pid, 15)
        vorschau.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wiederholungen", type=int, default=5)
    parser.add_argument("--port", type=int, default=8216)
    argumente = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="editierschleife-") as ordner:
        wurzel = Path(ordner) / "erfurt"
        wurzel.mkdir()
        kopieren(wurzel)
        print(f"Kerne: {os.cpu_count()}, Python {sys.version.split()[0]}, {argumente.wiederholungen} Läufe, Median")
        wand, cpu = validate_messen(wurzel, argumente.wiederholungen)
        importe = importe_messen(wurzel, argumente.wiederholungen)
        zeiten = vorschau_messen(wurzel, argumente.port, argumente.wiederholungen)
    vorschau = statistics.median(zeiten)
    print("| Messung | Ziel | gemessen | erreicht? |")
    print("| --- | --- | --- | --- |")
    print(f"| `sozialraumplan validate` (Erfurt) | ≤ {ZIEL_VALIDATE} s | {wand:.2f} s (CPU {cpu:.2f} s) | "
          f"{'ja' if wand <= ZIEL_VALIDATE else 'nein'} |")
    print(f"| davon nur die Importe von `validate` | – | {importe:.2f} s | – |")
    print(f"| `make serve`: geänderte Maßnahme sichtbar | ≤ {ZIEL_VORSCHAU} s | {vorschau:.2f} s "
          f"(Läufe: {', '.join(f'{z:.2f}' for z in zeiten)}) | {'ja' if vorschau <= ZIEL_VORSCHAU else 'nein'} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
