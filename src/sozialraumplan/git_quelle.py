"""A `Quelle` that reads one git revision of the plan repository straight from the object store.

Nothing is checked out: `git ls-tree -r` lists the revision's files once, and a single
`git cat-file --batch` process hands out their contents on demand. So reading a whole
Fortschreibung costs a handful of git processes, however many files the plan has.
"""

from __future__ import annotations

import subprocess
from pathlib import Path, PurePosixPath


class GitFehler(Exception):
    """A git problem the editor can fix (wrong revision name, no repository); message in German."""


class RevisionUnbekannt(GitFehler):
    """The revision does not name a commit in this repository."""

    def __init__(self, revision: str, wurzel: Path) -> None:
        self.revision = revision
        super().__init__(
            f"Die Revision „{revision}“ gibt es im Repository {wurzel} nicht — prüfen Sie den Namen "
            "(vorhandene Fassungen zeigt „git tag“, Commits zeigt „git log --oneline“)"
        )


def git(wurzel: Path | str, *argumente: str) -> str:
    """Run a git command in `wurzel` and return its stdout; `GitFehler` with git's reason otherwise."""
    try:
        lauf = subprocess.run(["git", "-C", str(wurzel), *argumente], capture_output=True, check=False)
    except FileNotFoundError as fehler:
        raise GitFehler("Das Programm „git“ ist nicht installiert — installieren Sie Git") from fehler
    if lauf.returncode != 0:
        grund = lauf.stderr.decode("utf-8", "replace").strip() or f"Exit-Code {lauf.returncode}"
        raise GitFehler(f"„git {' '.join(argumente)}“ ist fehlgeschlagen: {grund}")
    # "replace": a file name that is not UTF-8 (possible in any commit) must not crash the reader
    return lauf.stdout.decode("utf-8", "replace")


def ist_git_repository(wurzel: Path | str) -> bool:
    """True when `wurzel` lies inside a git working tree (a tarball of the repo is not)."""
    try:
        return git(wurzel, "rev-parse", "--is-inside-work-tree").strip() == "true"
    except GitFehler:
        return False


def commit_von(wurzel: Path | str, revision: str) -> str:
    """The full commit id a revision (tag, branch, commit, `HEAD~2`) names."""
    wurzel = Path(wurzel)
    if not ist_git_repository(wurzel):
        raise GitFehler(f"{wurzel} ist kein Git-Repository — Fassungen lassen sich nur in einem Git-Klon vergleichen")
    try:
        return git(wurzel, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}").strip()
    except GitFehler:
        raise RevisionUnbekannt(revision, wurzel) from None


class GitQuelle:
    """The files of one revision of a plan repository, read without a checkout.

    Use as a context manager (or call `schliessen`) so the `git cat-file` process ends.
    """

    def __init__(self, wurzel: Path | str, revision: str) -> None:
        self.wurzel = Path(wurzel)
        self.revision = revision
        self.commit = commit_von(self.wurzel, revision)
        self._objekte, self._verknuepfungen = self._baum_lesen()
        self._prozess: subprocess.Popen[bytes] | None = None

    def _baum_lesen(self) -> tuple[dict[str, str], list[str]]:
        """Path → blob id of every regular file in the revision, and the paths of its symbolic
        links (mode 120000: never read, only reported). Submodules are skipped."""
        ausgabe = git(self.wurzel, "ls-tree", "-r", "-z", self.commit)
        objekte, verknuepfungen = {}, []
        for eintrag in ausgabe.split("\0"):
            if not eintrag:
                continue
            kopf, pfad = eintrag.split("\t", 1)
            modus, art, objekt = kopf.split(" ")
            if art == "blob" and modus in ("100644", "100755"):
                objekte[pfad] = objekt
            elif modus == "120000":
                verknuepfungen.append(pfad)
        return objekte, sorted(verknuepfungen)

    def dateien(self, ordner: str) -> list[str]:
        ordner = ordner.rstrip("/")
        return sorted(p for p in self._objekte if str(PurePosixPath(p).parent) == ordner)

    def unterordner(self, ordner: str) -> list[str]:
        """The folders of the revision's tree directly inside `ordner` (git stores no empty folders)."""
        vorne = ordner.rstrip("/") + "/"
        return sorted({vorne + p[len(vorne):].split("/", 1)[0]
                       for p in self._objekte if p.startswith(vorne) and "/" in p[len(vorne):]})

    def verknuepfungen(self, ordner: str) -> list[str]:
        ordner = ordner.rstrip("/")
        return [p for p in self._verknuepfungen if p == ordner or p.startswith(ordner + "/")]

    def lesen(self, pfad: str) -> bytes | None:
        objekt = self._objekte.get(pfad)  # only paths of the tree: `..` or `/etc/…` are simply not there
        if objekt is None:
            return None
        prozess = self._cat_file()
        assert prozess.stdin is not None and prozess.stdout is not None
        prozess.stdin.write(objekt.encode("ascii") + b"\n")
        prozess.stdin.flush()
        kopf = prozess.stdout.readline().decode("ascii").split()
        if len(kopf) != 3:
            raise GitFehler(f"„git cat-file“ konnte {pfad} in {self.revision} nicht lesen: {' '.join(kopf)}")
        inhalt = prozess.stdout.read(int(kopf[2]))
        prozess.stdout.read(1)  # the newline git writes after every object
        return inhalt

    def _cat_file(self) -> subprocess.Popen[bytes]:
        """The one long-running `git cat-file --batch`, started on first read."""
        if self._prozess is None:
            self._prozess = subprocess.Popen(
                ["git", "-C", str(self.wurzel), "cat-file", "--batch"],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            )
        return self._prozess

    def schliessen(self) -> None:
        if self._prozess is not None:
            assert self._prozess.stdin is not None and self._prozess.stdout is not None
            self._prozess.stdin.close()
            self._prozess.wait()
            self._prozess.stdout.close()
            self._prozess = None

    def __enter__(self) -> GitQuelle:
        return self

    def __exit__(self, *_: object) -> None:
        self.schliessen()

    def __repr__(self) -> str:
        return f"GitQuelle({str(self.wurzel)!r}, {self.revision!r})"


def vorige_fassung(wurzel: Path | str) -> str | None:
    """The newest tag reachable from the commit before HEAD — the Fortschreibung this one follows.

    Looking from `HEAD^` means a build of a tagged commit compares with the tag before it, not
    with itself. None when there is no such tag (or no history at all).
    """
    try:
        return git(wurzel, "describe", "--tags", "--abbrev=0", "HEAD^").strip() or None
    except GitFehler:
        return None
