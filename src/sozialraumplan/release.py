"""`release`: everything a Fortschreibung is published with, written into `dist/`.

- the built website as a zip (opens from disk: the site uses relative links),
- the whole plan as an accessible PDF,
- the changes since the previous tag, as Markdown (the release notes) and JSON,
- the open data: plan JSON, Maßnahmen CSV, indicator values and Sozialindex (CSV), districts
  with their values (GeoJSON).

The same function runs locally and in the tag workflow. File names carry the city and the
version: `sozialraumplan-erfurt-v2026.1.pdf`. A file named after a tag holds exactly what the tag
names: the tag must exist, point at HEAD, and the working tree must hold nothing else. To try a
release before tagging, `entwurf=True` builds what is on disk and calls every file a draft
(`sozialraumplan-erfurt-entwurf.pdf`, „Entwurf“ on the PDF's cover and on every page of the site).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .diff import Stand, als_json, als_markdown, stand_aus_plan, stand_aus_revision, vergleichen
from .diff.synopse import synopse
from .diff.synopse_html import als_html as synopse_html
from .export import atlas_wenn_vorhanden, offene_daten
from .git_quelle import GitFehler, commit_von, git, ist_git_repository, vorige_fassung
from .laden import plan_laden
from .model import Plan
from .pdf import plan_pdf
from .quelle import Ordner
from .veroeffentlichung import ENTWURF, RELEASE_VARIABLE, TAG_MUSTER, Veroeffentlichung, praefix


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

    @property
    def entwurf(self) -> bool:
        return self.version == ENTWURF


_ENTWURF_HILFE = "oder bauen Sie zum Ausprobieren einen Entwurf mit „sozialraumplan release --entwurf“"


def fassung_ermitteln(wurzel: Path, tag: str | None, entwurf: bool = False) -> Fassung:
    """The released state: the given tag or HEAD's own, each only when it names HEAD and the
    working tree is clean (`ReleaseFehler` otherwise); with `entwurf`, a draft of what is on disk."""
    if tag is not None and not TAG_MUSTER.match(tag):
        raise ReleaseFehler(f"„{tag}“ ist kein gültiger Name für eine Fassung — verwenden Sie v<Jahr>.<Nummer>, "
                            "z. B. v2026.1")
    if entwurf:
        return _entwurf(wurzel)
    if not ist_git_repository(wurzel):
        raise ReleaseFehler(f"{wurzel} ist kein Git-Repository — eine Fassung wird aus einem Git-Klon mit ihrem "
                            f"Tag veröffentlicht; {_ENTWURF_HILFE}")
    kopf = commit_von(wurzel, "HEAD")
    if tag is None:
        eigene = [t for t in git(wurzel, "tag", "--points-at", kopf).split() if TAG_MUSTER.match(t)]
        if not eigene:
            raise ReleaseFehler(f"Der aktuelle Commit {kopf[:7]} hat keinen Tag v<Jahr>.<Nummer> — legen Sie ihn "
                                f"an (z. B. „git tag -a v2026.1 -m …“) und nennen Sie ihn mit --tag, {_ENTWURF_HILFE}")
        tag = eigene[-1]
    else:
        try:
            getaggt = commit_von(wurzel, f"refs/tags/{tag}")
        except GitFehler:
            raise ReleaseFehler(f"Den Tag {tag} gibt es nicht — legen Sie ihn auf dem Commit an, der "
                                f"veröffentlicht wird (z. B. „git tag -a {tag} -m …“), {_ENTWURF_HILFE}") from None
        if getaggt != kopf:
            raise ReleaseFehler(f"Der Tag {tag} zeigt nicht auf den aktuellen Commit — wechseln Sie mit "
                                f"„git checkout {tag}“ zu dieser Fassung")
    geaendert = aenderungen_im_arbeitsordner(wurzel)
    if geaendert:
        liste = ", ".join(geaendert[:5]) + (f" und {len(geaendert) - 5} weitere" if len(geaendert) > 5 else "")
        raise ReleaseFehler(f"Im Arbeitsordner gibt es Änderungen, die nicht im Tag {tag} stehen ({liste}) — "
                            f"committen oder verwerfen Sie sie („git status“ zeigt sie), {_ENTWURF_HILFE}")
    return Fassung(tag, tag, kopf, _zeitpunkt(wurzel, kopf))


def _entwurf(wurzel: Path) -> Fassung:
    """A draft of the working tree, named with its commit (and whether files differ from it)."""
    if not ist_git_repository(wurzel):
        return Fassung("Entwurf", ENTWURF, None, None)
    kopf = commit_von(wurzel, "HEAD")
    zusatz = " mit Änderungen im Arbeitsordner" if aenderungen_im_arbeitsordner(wurzel) else ""
    return Fassung(f"Entwurf (Commit {kopf[:7]}{zusatz})", ENTWURF, kopf, _zeitpunkt(wurzel, kopf))


def _zeitpunkt(wurzel: Path, commit: str) -> int:
    return int(git(wurzel, "show", "-s", "--format=%ct", commit).strip())


def aenderungen_im_arbeitsordner(wurzel: Path) -> list[str]:
    """Paths that differ from HEAD: changed, staged, deleted, and new files that are not ignored
    (a new Maßnahme is part of what would be built). Empty for a clean working tree."""
    eintraege = git(wurzel, "status", "--porcelain=v1", "-z", "--untracked-files=all").split("\0")
    pfade, rest = [], iter(eintraege)
    for eintrag in rest:
        if not eintrag:
            continue
        pfade.append(eintrag[3:])
        if eintrag[0] in "RC":
            next(rest, None)  # a rename or copy names its origin in the next entry
    return pfade


def vergleichsstaende(wurzel: Path, plan: Plan, fassung: Fassung) -> tuple[Stand, Stand] | None:
    """The previous tag (or `vergleich_mit` in plan.yml, as on the site's „Änderungen“ page) and
    the released state; None when there is nothing to compare with."""
    basis = (plan.info.vergleich_mit or vorige_fassung(wurzel)) if fassung.commit else None
    if basis is None:
        return None
    return stand_aus_revision(wurzel, basis), stand_aus_plan(plan, fassung.name, Ordner(wurzel), fassung.commit)


def aenderungen(wurzel: Path, plan: Plan, fassung: Fassung) -> tuple[str, str]:
    """The changes since the previous tag as (Markdown, JSON); a note for the first release."""
    return aenderungen_aus(vergleichsstaende(wurzel, plan, fassung), fassung)


def aenderungen_aus(staende: tuple[Stand, Stand] | None, fassung: Fassung) -> tuple[str, str]:
    if staende is None:
        satz = ("Dies ist die erste veröffentlichte Fassung; es gibt keine frühere, mit der sie "
                "verglichen werden könnte." if not fassung.entwurf else
                "Es gibt keine frühere veröffentlichte Fassung, mit der dieser Entwurf verglichen werden könnte.")
        daten = {"basis": None, "ziel": {"name": fassung.name, "commit": fassung.commit}, "zusammenfassung": satz}
        return (f"# Änderungen in {fassung.name}\n\n{satz}\n",
                json.dumps(daten, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    vergleich = vergleichen(*staende)
    return als_markdown(vergleich), als_json(vergleich)


ADRESSE_VARIABLE = "SOZIALRAUMPLAN_ADRESSE"
"""Where the site is published; mkdocs.yml reads it as `site_url`."""


def website_adresse(plan: Plan) -> str | None:
    """The site's address from `adresse` in plan.yml, else from the site's configuration
    (SOZIALRAUMPLAN_ADRESSE); None when neither names one — it is never guessed."""
    adresse = plan.info.adresse or os.environ.get(ADRESSE_VARIABLE, "").strip()
    return adresse if adresse.startswith(("https://", "http://")) else None


ENTWURF_VARIABLE = "SOZIALRAUMPLAN_ENTWURF"
"""Set for the build of a draft: mkdocs.yml passes it to the theme, which shows it on every page."""


def website_zip(wurzel: Path, zeitpunkt: int | None, entwurf: str | None = None,
                veroeffentlicht: tuple[Veroeffentlichung, dict[str, bytes]] | None = None) -> bytes:
    """`mkdocs build --strict` into a temporary folder, packed with fixed dates and sorted entries;
    `entwurf` (the draft's name) goes into a banner on every page; `veroeffentlicht` (the release
    and the contents of its files) is offered on the start page and under Downloads: its PDF,
    Synopse and changes JSON go into a temporary folder in the repository that
    SOZIALRAUMPLAN_RELEASE names, as `dist` does in the tag workflow."""
    if not (wurzel / "mkdocs.yml").is_file():
        raise ReleaseFehler(f"In {wurzel} fehlt mkdocs.yml — die Website kann nicht gebaut werden")
    # Material's English end-of-life notice would stand between the German steps of the release;
    # the README („Wenn Material for MkDocs endet“) explains it and what the project does.
    umgebung = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    umgebung.pop(ENTWURF_VARIABLE, None)  # never inherited: a tagged release is no draft
    umgebung.pop(RELEASE_VARIABLE, None)  # the site of this release offers this release's files only
    # the zip is opened from disk or served anywhere: no absolute address (mkdocs.yml's site_url)
    umgebung.pop(ADRESSE_VARIABLE, None)
    if entwurf is not None:
        umgebung[ENTWURF_VARIABLE] = entwurf
    if zeitpunkt is not None:
        umgebung.setdefault("SOURCE_DATE_EPOCH", str(zeitpunkt))
    with tempfile.TemporaryDirectory(prefix="sozialraumplan-site-") as ordner, \
            tempfile.TemporaryDirectory(prefix=".sozialraumplan-release-", dir=wurzel) as beilagen:
        if veroeffentlicht is not None:
            veroeffentlichung, inhalte = veroeffentlicht
            for name in [*veroeffentlichung.dateien, veroeffentlichung.aenderungen]:
                (Path(beilagen) / name).write_bytes(inhalte[name])
            umgebung[RELEASE_VARIABLE] = Path(beilagen).name
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
        stempel = dt.datetime.fromtimestamp(max(zeitpunkt, 315_532_800), dt.UTC).timetuple()[:6]
    puffer = io.BytesIO()
    with zipfile.ZipFile(puffer, "w", zipfile.ZIP_DEFLATED) as archiv:
        for datei in sorted(p for p in ordner.rglob("*") if p.is_file()):
            eintrag = zipfile.ZipInfo(datei.relative_to(ordner).as_posix(), stempel)
            eintrag.external_attr = 0o644 << 16
            eintrag.compress_type = zipfile.ZIP_DEFLATED
            archiv.writestr(eintrag, datei.read_bytes())
    return puffer.getvalue()


def release(wurzel: Path | str, ziel: Path | str = "dist", tag: str | None = None,
            entwurf: bool = False) -> list[Path]:
    """Write all release files into `ziel` (relative to `wurzel`, unless absolute); returns their paths.
    Nothing is written unless everything could be made.

    Raises `PlanUngueltig` for an invalid plan, `ReleaseFehler`/`GitFehler` otherwise.
    """
    wurzel = Path(wurzel)
    ziel = wurzel / ziel
    quelle = Ordner(wurzel)
    plan = plan_laden(quelle)
    atlas = atlas_wenn_vorhanden(quelle, plan)
    fassung = fassung_ermitteln(wurzel, tag, entwurf)
    staende = vergleichsstaende(wurzel, plan, fassung)
    markdown, json_text = aenderungen_aus(staende, fassung)
    gegenueberstellung = synopse(*staende) if staende else None
    veroeffentlicht = Veroeffentlichung(fassung.name, praefix(plan.info.stadt, fassung.version),
                                        gegenueberstellung is not None)
    dateien: dict[str, bytes] = {
        veroeffentlicht.pdf: plan_pdf(plan, fassung.name, atlas, gegenueberstellung, website_adresse(plan)),
        f"{veroeffentlicht.praefix}-aenderungen.md": markdown.encode("utf-8"),
        veroeffentlicht.aenderungen: json_text.encode("utf-8"),
    }
    if gegenueberstellung is not None and veroeffentlicht.synopse:
        dateien[veroeffentlicht.synopse] = synopse_html(gegenueberstellung).encode("utf-8")
    dateien[f"{veroeffentlicht.praefix}-website.zip"] = website_zip(
        wurzel, fassung.zeitpunkt, fassung.name if fassung.entwurf else None, (veroeffentlicht, dateien))
    for name, inhalt in offene_daten(plan, atlas).items():
        dateien[f"{veroeffentlicht.praefix}-{name}"] = inhalt
    ziel.mkdir(parents=True, exist_ok=True)
    geschrieben = []
    for name, inhalt in sorted(dateien.items()):
        (ziel / name).write_bytes(inhalt)
        geschrieben.append(ziel / name)
    return geschrieben
