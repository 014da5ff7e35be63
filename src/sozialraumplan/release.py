"""`release`: everything a Fortschreibung is published with, written into `dist/`.

- the built website as a zip (opens from disk: the site uses relative links),
- the whole plan as an accessible PDF,
- the changes since the previous tag, as Markdown (the release notes) and JSON,
- the open data: plan JSON, Maßnahmen CSV, indicator values and Sozialindex (CSV), districts
  with their values (GeoJSON).

The same function runs locally and in the tag workflow, so a release can be tried before the
tag is pushed. File names carry the city and the version: `sozialraumplan-erfurt-v2026.1.pdf`.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .diff import als_json, als_markdown, stand_aus_plan, stand_aus_revision, vergleichen
from .export import atlas_wenn_vorhanden, offene_daten
from .git_quelle import GitFehler, commit_von, git, ist_git_repository, vorige_fassung
from .laden import plan_laden
from .model import Plan
from .pdf import plan_pdf
from .quelle import Ordner

TAG_MUSTER = re.compile(r"^v(\d{4})\.(\d+)$")
"""Release tags: `v<Jahr>.<n>`, e.g. `v2026.1`."""


class ReleaseFehler(Exception):
    """A release cannot be made; the message says why and what to do, in German."""


@dataclass(frozen=True)
class Fassung:
    """Which state is released."""

    name: str
    """As shown to readers: `v2026.1`, or `Entwurf (Commit 3f2a9c1)` without a tag."""
    version: str
    """For file names: the tag, or `entwurf`."""
    commit: str | None
    zeitpunkt: int | None
    """Commit time (Unix seconds); makes rebuilds of the same tag byte-identical."""


def fassung_ermitteln(wurzel: Path, tag: str | None) -> Fassung:
    """The released state: the given tag (which must name HEAD), HEAD's own tag, or a draft."""
    if tag is not None and not TAG_MUSTER.match(tag):
        raise ReleaseFehler(f"„{tag}“ ist kein gültiger Name für eine Fassung — verwenden Sie v<Jahr>.<Nummer>, "
                            "z. B. v2026.1")
    if not ist_git_repository(wurzel):
        return Fassung(tag or "Entwurf", tag or "entwurf", None, None)
    kopf = commit_von(wurzel, "HEAD")
    zeitpunkt = int(git(wurzel, "show", "-s", "--format=%ct", kopf).strip())
    if tag is not None:
        try:
            getaggt = commit_von(wurzel, f"refs/tags/{tag}")
        except GitFehler:
            getaggt = kopf  # a tag about to be created: the release shows what it will name
        if getaggt != kopf:
            raise ReleaseFehler(f"Der Tag {tag} zeigt nicht auf den aktuellen Commit — wechseln Sie mit "
                                f"„git checkout {tag}“ zu dieser Fassung")
        return Fassung(tag, tag, kopf, zeitpunkt)
    eigene = [t for t in git(wurzel, "tag", "--points-at", kopf).split() if TAG_MUSTER.match(t)]
    if eigene:
        return Fassung(eigene[-1], eigene[-1], kopf, zeitpunkt)
    return Fassung(f"Entwurf (Commit {kopf[:7]})", "entwurf", kopf, zeitpunkt)


def kuerzel(text: str) -> str:
    """`Landeshauptstadt Erfurt` → `landeshauptstadt-erfurt`, for file names."""
    text = text.lower()
    for umlaut, ersatz in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, ersatz)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def aenderungen(wurzel: Path, plan: Plan, fassung: Fassung) -> tuple[str, str]:
    """The changes since the previous tag (or `vergleich_mit` in plan.yml, as on the site's
    „Änderungen“ page) as (Markdown, JSON); a note for the first release."""
    basis = (plan.info.compare_base or vorige_fassung(wurzel)) if fassung.commit else None
    if basis is None:
        satz = ("Dies ist die erste veröffentlichte Fassung; es gibt keine frühere, mit der sie "
                "verglichen werden könnte.")
        daten = {"basis": None, "ziel": {"name": fassung.name, "commit": fassung.commit}, "zusammenfassung": satz}
        return (f"# Änderungen in {fassung.name}\n\n{satz}\n",
                json.dumps(daten, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    vergleich = vergleichen(stand_aus_revision(wurzel, basis),
                            stand_aus_plan(plan, fassung.name, Ordner(wurzel), fassung.commit))
    return als_markdown(vergleich), als_json(vergleich)


def website_zip(wurzel: Path, zeitpunkt: int | None) -> bytes:
    """`mkdocs build --strict` into a temporary folder, packed with fixed dates and sorted entries."""
    if not (wurzel / "mkdocs.yml").is_file():
        raise ReleaseFehler(f"In {wurzel} fehlt mkdocs.yml — die Website kann nicht gebaut werden")
    umgebung = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if zeitpunkt is not None:
        umgebung.setdefault("SOURCE_DATE_EPOCH", str(zeitpunkt))
    with tempfile.TemporaryDirectory(prefix="sozialraumplan-site-") as ordner:
        lauf = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", ordner],
                              cwd=wurzel, env=umgebung, capture_output=True, text=True)
        if lauf.returncode != 0:
            raise ReleaseFehler("Die Website ließ sich nicht bauen („mkdocs build --strict“):\n"
                                + (lauf.stderr or lauf.stdout).strip())
        return zip_packen(Path(ordner), zeitpunkt)


def zip_packen(ordner: Path, zeitpunkt: int | None) -> bytes:
    """Every file below `ordner`, sorted, all dated `zeitpunkt` (or 1980): the same site, the same bytes."""
    stempel = (1980, 1, 1, 0, 0, 0)
    if zeitpunkt is not None:
        stempel = dt.datetime.fromtimestamp(max(zeitpunkt, 315_532_800), dt.timezone.utc).timetuple()[:6]
    puffer = io.BytesIO()
    with zipfile.ZipFile(puffer, "w", zipfile.ZIP_DEFLATED) as archiv:
        for datei in sorted(p for p in ordner.rglob("*") if p.is_file()):
            eintrag = zipfile.ZipInfo(datei.relative_to(ordner).as_posix(), stempel)
            eintrag.external_attr = 0o644 << 16
            eintrag.compress_type = zipfile.ZIP_DEFLATED
            archiv.writestr(eintrag, datei.read_bytes())
    return puffer.getvalue()


def release(wurzel: Path | str, ziel: Path | str = "dist", tag: str | None = None) -> list[Path]:
    """Write all release files into `ziel` (relative to `wurzel`); returns their paths.

    Raises `PlanUngueltig` for an invalid plan, `ReleaseFehler`/`GitFehler` otherwise.
    """
    wurzel = Path(wurzel)
    ziel = wurzel / ziel
    quelle = Ordner(wurzel)
    plan = plan_laden(quelle)
    atlas = atlas_wenn_vorhanden(quelle, plan)
    fassung = fassung_ermitteln(wurzel, tag)
    praefix = f"sozialraumplan-{kuerzel(plan.info.city)}-{fassung.version}"
    markdown, json_text = aenderungen(wurzel, plan, fassung)
    dateien: dict[str, bytes] = {
        f"{praefix}.pdf": plan_pdf(plan, fassung.name, atlas),
        f"{praefix}-website.zip": website_zip(wurzel, fassung.zeitpunkt),
        f"{praefix}-aenderungen.md": markdown.encode("utf-8"),
        f"{praefix}-aenderungen.json": json_text.encode("utf-8"),
    }
    for name, inhalt in offene_daten(plan, atlas).items():
        dateien[f"{praefix}-{name}"] = inhalt
    ziel.mkdir(parents=True, exist_ok=True)
    geschrieben = []
    for name, inhalt in sorted(dateien.items()):
        (ziel / name).write_bytes(inhalt)
        geschrieben.append(ziel / name)
    return geschrieben
