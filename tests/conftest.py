"""Shared fixtures: a small but complete plan of a made-up town, written into a temp folder."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import termios
from pathlib import Path

import pytest
from verteilung import DateiOderSeite
from xdist.remote import Producer

from sozialraumplan.bestand import bestand_laden
from sozialraumplan.quelle import Ordner

REPO = Path(__file__).resolve().parents[1]

KLEINSTADT = {
    "plan/plan.yml": """\
stadt: Musterstadt
titel: Integrierter Sozialraumplan Musterstadt
fortschreibung: Erste Fortschreibung 2025
stand: 2025-06-30
herausgeber: Stadt Musterstadt, Sozialamt
kontakt:
  name: Sozialplanung
  e_mail: sozialplanung@example.org
beispieldaten: true
einleitung: Die Stadt plant gemeinsam mit den Quartieren.
leichte_sprache: |
  Die Stadt plant mit den Menschen.
""",
    "plan/glossar.yml": """\
begriffe:
  - begriff: Quartiers- und Sozialraumarbeit
    abkuerzung: QSA
    erklaerung: Fachkräfte im Quartier, die Nachbarschaften stärken.
""",
    "plan/leitlinien/L1.yml": """\
id: L1
nummer: 1
titel: Teilhabe ermöglichen
leitsatz: Alle sollen mitreden können.
erlaeuterung: Teilhabe ist die Grundlage des Plans.
leichte_sprache: |
  Alle dürfen mitreden.
themen:
  - Gesellschaftliche Teilhabe
""",
    "plan/leitlinien/L2.yml": """\
id: L2
nummer: 2
titel: Armut vermeiden
leitsatz: Niemand soll abgehängt werden.
erlaeuterung: Vorbeugen ist besser als helfen.
leichte_sprache: |
  Die Stadt hilft früh.
""",
    "plan/gremien/begleitgremium.yml": """\
id: begleitgremium
name: Begleitgremium
ebene: zwischen
beschreibung: Koordiniert die Planung.
leichte_sprache: |
  Hier treffen sich viele Menschen.
mitglieder: [Sozialamt, Jobcenter]
aufgaben: [Maßnahmen bewerten]
turnus: mehrmals im Jahr
einberufen_von: Sozialamt
berichtet_an_extern: [Stadtrat]
""",
    "plan/gremien/arbeitskreis.yml": """\
id: arbeitskreis
name: Arbeitskreis Quartiersarbeit
kurzname: Arbeitskreis
ebene: quartier
beschreibung: Austausch der Fachkräfte der QSA.
leichte_sprache: |
  Die Fach-Leute reden miteinander.
aufgaben: [Erfahrungen austauschen]
turnus: monatlich
einberufen_von: Sozialamt
berichtet_an: [begleitgremium]
""",
    "plan/massnahmen/M001.yml": """\
id: M001
titel: Stadtteilzentrum Nord eröffnen
leitlinien: [L1, L2]
stadtteile: [nord]
beschreibung: |
  Ein offener Treffpunkt mit Beratung.
leichte_sprache: |
  Im Norden gibt es bald ein Haus für alle.
verantwortlich: Sozialamt
beteiligte: [Wohnungsgenossenschaft]
zeitraum:
  beginn: "2025-01"
  ende: "2026-12"
status: in_umsetzung
fortschritt: 40
prioritaet: hoch
finanzierung: Städtebauförderung
gremium: begleitgremium
zuletzt_geprueft: 2025-05-01
beispiel: true
""",
    "plan/massnahmen/M002.yml": """\
id: M002
titel: Sozialatlas fortschreiben
leitlinien: [L2]
stadtteile: [gesamtstadt]
beschreibung: Neue Zahlen für alle Stadtteile.
leichte_sprache: |
  Die Stadt sammelt neue Zahlen.
verantwortlich: Statistikstelle
zeitraum:
  beginn: "2025-03"
status: geplant
fortschritt: 0
prioritaet: mittel
finanzierung: Haushalt
gremium: arbeitskreis
zuletzt_geprueft: 2023-01-15
""",
    "plan/sitzungen/2025-03-01-begleitgremium.yml": """\
id: 2025-03-01-begleitgremium
datum: 2025-03-01
gremium: begleitgremium
titel: Auftakt
themen: [Leitlinien]
ergebnisse: [Leitlinien beschlossen]
""",
    "plan/barrierefreiheit.yml": """\
geltungsbereich: die Website „Integrierter Sozialraumplan Musterstadt“
rechtsgrundlage: das Landesgesetz über barrierefreie Websites
konformitaet: teilweise
barrieren:
  - inhalt: Karten im Atlas
    grund: Die Karten lassen sich nur mit der Maus verschieben.
    alternative: Alle Werte stehen zusätzlich in Tabellen.
    leichte_sprache: |
      Manche Karten sind schwer zu benutzen.
      Die Zahlen stehen auch in Tabellen.
erstellt: 2025-05-01
zuletzt_geprueft: 2025-06-01
methode:
  beschreibung: Selbstbewertung und automatische Prüfung mit axe-core in Chromium.
  leichte_sprache: |
    Die Stadt hat die Internet-Seite selbst geprüft.
rueckmeldung:
  formular: https://github.com/musterstadt/plan/issues/new?template=4-barriere-melden.yml
  e_mail: barrierefrei@example.org
durchsetzung:
  stelle: Schlichtungsstelle des Landes
  adresse: https://schlichtung.example.org/
  erlaeuterung: Hilft Ihnen die Antwort der Stadt nicht weiter, vermittelt die Schlichtungsstelle.
  leichte_sprache: |
    Eine andere Stelle hilft Ihnen.
gebaerdensprache:
  video: gebaerdensprache/start.mp4
""",
    "data/stadtteile.csv": "id,nummer,name\nnord,1,Nordstadt\nsued,2,Südstadt\n",
}


class PlanOrdner:
    """A plan repository in a temp folder that a test can change file by file."""

    def __init__(self, wurzel: Path) -> None:
        self.wurzel = wurzel

    def schreiben(self, pfad: str, text: str) -> Path:
        datei = self.wurzel / pfad
        datei.parent.mkdir(parents=True, exist_ok=True)
        datei.write_text(text, encoding="utf-8")
        return datei

    def lesen(self, pfad: str) -> str:
        return (self.wurzel / pfad).read_text(encoding="utf-8")

    def ersetzen(self, pfad: str, alt: str, neu: str) -> None:
        text = self.lesen(pfad)
        assert alt in text, f"{alt!r} steht nicht in {pfad}"
        self.schreiben(pfad, text.replace(alt, neu, 1))

    def loeschen(self, pfad: str) -> None:
        (self.wurzel / pfad).unlink()


def kleinstadt_anlegen(wurzel: Path) -> PlanOrdner:
    """The plan of „Musterstadt“ (KLEINSTADT) written below `wurzel`."""
    ordner = PlanOrdner(wurzel)
    for pfad, text in KLEINSTADT.items():
        ordner.schreiben(pfad, text)
    return ordner


@pytest.fixture
def kleinstadt(tmp_path: Path) -> PlanOrdner:
    """A valid plan of „Musterstadt“ with two Leitlinien, two Gremien, two Maßnahmen."""
    return kleinstadt_anlegen(tmp_path / "musterstadt")


def website_kopieren(ziel: Path) -> None:
    """The site scaffolding of this repository (config, pages, glue) next to a test plan."""
    shutil.copy(REPO / "mkdocs.yml", ziel / "mkdocs.yml")
    for ordner in ("docs", "macros", "overrides"):
        shutil.copytree(REPO / ordner, ziel / ordner, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("__pycache__"))


def im_terminal(befehl: list[str] | str, antworten: list[str], **optionen) -> subprocess.CompletedProcess:
    """Run a command on a real pseudo-terminal, with the answers typed ahead; `optionen` go to Popen
    (`cwd`, `shell`)."""
    leiter, folger = os.openpty()
    einstellungen = termios.tcgetattr(folger)
    einstellungen[3] &= ~termios.ECHO  # the test reads the questions, not its own typing
    termios.tcsetattr(folger, termios.TCSANOW, einstellungen)
    lauf = subprocess.Popen(befehl, stdin=folger, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            **optionen)
    os.close(folger)
    try:
        os.write(leiter, ("\n".join(antworten) + "\n").encode())
        ausgabe, fehler = lauf.communicate(timeout=120)
    finally:
        os.close(leiter)
    return subprocess.CompletedProcess(befehl, lauf.returncode, ausgabe, fehler)


def pdf_text(pdf: bytes) -> str:
    """The text of a PDF as poppler's `pdftotext` reads it, words separated by single spaces: for
    searching whole outputs (pypdf takes 5 s for the plan's 100 pages, pdftotext 0.2 s)."""
    lauf = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    return " ".join(lauf.stdout.decode("utf-8").split())


STICHTAG_EPOCHE = "1751241600"
"""2025-06-30, the Stand of Musterstadt: review deadlines in tests do not move with the calendar."""


def mkdocs_bauen(wurzel: Path, ziel: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` as a reader's build would run it, on a fixed reference date."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(ziel)],
        cwd=wurzel, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": STICHTAG_EPOCHE},
    )


@pytest.fixture(scope="session")
def musterstadt_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Musterstadt as `mkdocs build --strict` builds it, once for every test that only reads the
    site (a test that changes the plan builds its own)."""
    ordner = kleinstadt_anlegen(tmp_path_factory.mktemp("musterstadt-site") / "musterstadt")
    website_kopieren(ordner.wurzel)
    ergebnis = mkdocs_bauen(ordner.wurzel, ordner.wurzel.parent / "site")
    assert ergebnis.returncode == 0, ergebnis.stderr
    return ordner.wurzel.parent / "site"


def bau_scheitert(ordner: PlanOrdner, ziel: Path) -> str:
    """Builds the site of `ordner` into `ziel`; the build must fail and write nothing. Returns
    what mkdocs printed, for the test to check the German findings."""
    website_kopieren(ordner.wurzel)
    ergebnis = mkdocs_bauen(ordner.wurzel, ziel)
    assert ergebnis.returncode != 0, "Der Bau hätte scheitern müssen."
    assert not ziel.exists(), "Ein gescheiterter Bau hat trotzdem Dateien geschrieben."
    return ergebnis.stderr


def plan_und_statement(ordner):
    """Plan and accessibility statement, loaded the way the build loads them."""
    bestand = bestand_laden(Ordner(ordner.wurzel))
    return bestand.plan, bestand.erklaerung


_MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")


def lesbar(markdown: str) -> str:
    """Generated Markdown as a reader sees its words: plan values are written as plain text with
    their Markdown characters backslash-escaped (`v2025\\.1`), which the reader never sees."""
    return _MARKDOWN_ESCAPE.sub(r"\1", markdown)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Producer) -> DateiOderSeite | None:
    """`--dist loadfile` (pyproject.toml) with the browser's page checks split by page (verteilung.py)."""
    return DateiOderSeite(config, log) if config.getoption("dist") == "loadfile" else None
