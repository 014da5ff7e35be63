"""The Erklärung zur Barrierefreiheit: its checks, its two pages, the start page's § 4 block."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from conftest import KLEINSTADT, PlanOrdner, bau_scheitert, plan_und_statement

from sozialraumplan.barrierefreiheit import (
    erklaerung_pruefen,
    mp4_dauer,
    startseite_erlaeuterungen,
)
from sozialraumplan.befund import PlanUngueltig
from sozialraumplan.quelle import Ordner

ERKLAERUNG_MUSTERSTADT = KLEINSTADT["plan/barrierefreiheit.yml"]




@pytest.fixture
def musterstadt(kleinstadt: PlanOrdner) -> PlanOrdner:
    """Musterstadt including its accessibility statement (part of the shared fixture)."""
    return kleinstadt


@pytest.fixture
def site(musterstadt_site: Path) -> Path:
    """Musterstadt, built once for every read-only test (conftest)."""
    return musterstadt_site


def artikel(site: Path, pfad: str) -> str:
    return (site / pfad).read_text(encoding="utf-8").split("<article", 1)[1].split("</article>", 1)[0]


def befunde_von(ordner: PlanOrdner) -> list[str]:
    _, befunde = erklaerung_pruefen(Ordner(ordner.wurzel))
    return [str(b) for b in befunde]


# --- Die Seite in Alltags-Sprache -------------------------------------------------------------

def test_erklaerung_nennt_stand_barrieren_erstellung_methode_rueckmeldung_und_durchsetzung(site):
    seite = artikel(site, "barrierefreiheit.html")
    assert "mit den Anforderungen <strong>teilweise vereinbar</strong>" in seite
    assert "Maßgeblich sind das Landesgesetz über barrierefreie Websites." in seite
    assert "<h3" in seite and "Karten im Atlas" in seite
    assert "<strong>Grund:</strong> Die Karten lassen sich nur mit der Maus verschieben." in seite
    assert "<strong>Barrierefreie Alternative:</strong> Alle Werte stehen zusätzlich in Tabellen." in seite
    assert "Erstellt am 1. Mai 2025" in seite and "Zuletzt überprüft am 1. Juni 2025" in seite
    assert "Methode: Selbstbewertung und automatische Prüfung mit axe-core in Chromium." in seite
    assert 'href="https://github.com/musterstadt/plan/issues/new?template=4-barriere-melden.yml"' in seite
    assert "Konto bei GitHub" in seite
    assert 'href="mailto:barrierefrei@example.org"' in seite
    assert "Durchsetzungsverfahren" in seite
    assert '<a href="https://schlichtung.example.org/">Schlichtungsstelle des Landes</a>' in seite


def test_erklaerung_gibt_es_in_leichter_sprache_und_beide_verweisen_aufeinander(site):
    standard = artikel(site, "barrierefreiheit.html")
    leicht = artikel(site, "leichte-sprache/barrierefreiheit.html")
    assert 'href="leichte-sprache/barrierefreiheit.html">Diese Seite in Leichter Sprache' in standard
    assert 'href="../barrierefreiheit.html">Diese Seite in Alltags-Sprache' in leicht
    for zeile in ("Die Internet-Seite hält viele Regeln ein.", "Aber es gibt noch Barrieren.",
                  "Manche Karten sind schwer zu benutzen.", "Die Stadt hat die Internet-Seite selbst geprüft.",
                  "Diese Erklärung ist vom 1. Mai 2025.", "Die letzte Prüfung war am 1. Juni 2025.",
                  "Eine andere Stelle hilft Ihnen."):
        assert f'<p class="srp-ls-zeile">{zeile}</p>' in leicht, zeile
    assert 'href="mailto:barrierefrei@example.org"' in leicht
    assert 'href="https://github.com/musterstadt/plan/issues/new?template=4-barriere-melden.yml"' in leicht
    assert 'href="https://schlichtung.example.org/"' in leicht


@pytest.mark.parametrize("pfad, wurzel", [
    ("index.html", ""), ("leitlinien/L1.html", "../"), ("leichte-sprache/leitlinien/L2.html", "../../"),
    ("404.html", "/"),
])
def test_jede_seite_verlinkt_in_der_fusszeile_erklaerung_und_leichte_sprache(site, pfad, wurzel):
    fuss = (site / pfad).read_text(encoding="utf-8").split('class="md-copyright"', 1)[1]
    assert f'<a href="{wurzel or "./"}barrierefreiheit.html">Erklärung zur Barrierefreiheit</a>' in fuss
    assert f'<a href="{wurzel or "./"}leichte-sprache/index.html">Leichte Sprache</a>' in fuss


# --- Prüfung der Datei -----------------------------------------------------------------------

def test_gueltige_erklaerung_hat_keine_befunde(musterstadt):
    assert befunde_von(musterstadt) == []


def test_tippfehler_im_stand_meldet_datei_und_zeile_und_baut_keine_website(musterstadt, tmp_path):
    musterstadt.ersetzen("plan/barrierefreiheit.yml", "konformitaet: teilweise", "konformitaet: teilwiese")
    meldungen = bau_scheitert(musterstadt, tmp_path / "site")
    assert "plan/barrierefreiheit.yml:3:15: „konformitaet“: „teilwiese“ ist kein erlaubter Wert" in meldungen
    assert "meinten Sie „teilweise“?" in meldungen


def test_fehlende_erklaerung_ist_ein_fehler(kleinstadt):
    kleinstadt.loeschen("plan/barrierefreiheit.yml")
    assert befunde_von(kleinstadt) == [
        "plan/barrierefreiheit.yml:1:1: Die Erklärung zur Barrierefreiheit fehlt — legen Sie die Datei an; "
        "die Vorlage ist plan/barrierefreiheit.yml von Erfurt"]


def test_vollstaendig_vereinbar_mit_bekannten_barrieren_widerspricht_sich(musterstadt):
    musterstadt.ersetzen("plan/barrierefreiheit.yml", "konformitaet: teilweise", "konformitaet: vollstaendig")
    assert befunde_von(musterstadt) == [
        "plan/barrierefreiheit.yml:3:15: Eine vollständig vereinbare Website hat keine bekannten Barrieren — "
        "wählen Sie „teilweise“ oder leeren Sie die Liste „barrieren“"]


def test_teilweise_vereinbar_verlangt_die_barrieren(musterstadt):
    text = musterstadt.lesen("plan/barrierefreiheit.yml")
    anfang, ende = text.index("barrieren:"), text.index("erstellt:")
    musterstadt.schreiben("plan/barrierefreiheit.yml", text[:anfang] + text[ende:])
    assert befunde_von(musterstadt) == [
        "plan/barrierefreiheit.yml:3:15: Die Website ist „teilweise vereinbar“, aber es ist keine Barriere "
        "genannt — nennen Sie unter „barrieren“ jeden Inhalt mit „inhalt“, „grund“, „alternative“ und "
        "„leichte_sprache“"]


def test_pruefung_vor_erstellung_und_falsche_adressen_werden_gemeldet(musterstadt):
    musterstadt.ersetzen("plan/barrierefreiheit.yml", "zuletzt_geprueft: 2025-06-01", "zuletzt_geprueft: 2025-04-01")
    musterstadt.ersetzen("plan/barrierefreiheit.yml", "e_mail: barrierefrei@example.org", "e_mail: barrierefrei")
    musterstadt.ersetzen("plan/barrierefreiheit.yml", "adresse: https://schlichtung", "adresse: http://schlichtung")
    musterstadt.ersetzen("plan/barrierefreiheit.yml", "video: gebaerdensprache/start.mp4", "video: ../geheim.mp4")
    assert befunde_von(musterstadt) == [
        "plan/barrierefreiheit.yml:12:19: Die letzte Prüfung liegt vor der Erstellung der Erklärung — "
        "prüfen Sie die Angaben „erstellt“ und „zuletzt_geprueft“",
        "plan/barrierefreiheit.yml:19:11: „rueckmeldung.e_mail“ ist keine E-Mail-Adresse — "
        "schreiben Sie sie in der Form name@beispiel.de",
        "plan/barrierefreiheit.yml:22:12: „durchsetzung.adresse“ ist keine Web-Adresse — "
        "schreiben Sie die vollständige Adresse mit https://",
        "plan/barrierefreiheit.yml:27:10: „gebaerdensprache.video“ ist kein passender Pfad unterhalb von docs/ — "
        "schreiben Sie den Pfad ab dem Ordner docs/ ohne „..“, das Video mit .mp4, Untertitel mit .vtt",
    ]


def test_fehler_in_plan_und_erklaerung_kommen_zusammen(musterstadt):
    musterstadt.ersetzen("plan/massnahmen/M002.yml", "gremium: arbeitskreis", "gremium: arbeitskries")
    musterstadt.ersetzen("plan/barrierefreiheit.yml", "konformitaet: teilweise", "konformitaet: teilwiese")
    with pytest.raises(PlanUngueltig) as fehler:
        plan_und_statement(musterstadt)
    dateien = {b.datei for b in fehler.value.befunde}
    assert dateien == {"plan/massnahmen/M002.yml", "plan/barrierefreiheit.yml"}


# --- BITV 2.0 § 4 auf der Startseite ---------------------------------------------------------

def mp4(sekunden: int, *, version: int = 0, zeitskala: int = 600) -> bytes:
    """The boxes of an MP4 file up to its movie header: enough to read size and duration."""
    if version == 0:
        mvhd = struct.pack(">B3xIIII", 0, 0, 0, zeitskala, sekunden * zeitskala)
    else:
        mvhd = struct.pack(">B3xQQIQ", 1, 0, 0, zeitskala, sekunden * zeitskala)
    mvhd_box = struct.pack(">I4s", 8 + len(mvhd), b"mvhd") + mvhd
    return (struct.pack(">I4s", 16, b"ftyp") + b"isom\0\0\0\0"
            + struct.pack(">I4s", 8 + len(mvhd_box), b"moov") + mvhd_box)


@pytest.fixture
def plan_und_erklaerung(musterstadt):
    return plan_und_statement(musterstadt)


def test_startseite_erklaert_inhalt_navigation_erklaerung_und_weitere_angebote(plan_und_erklaerung, tmp_path):
    block = startseite_erlaeuterungen(*plan_und_erklaerung, tmp_path)
    for ueberschrift in ("### Was steht auf dieser Internet-Seite?", "### So finden Sie sich zurecht",
                         "### Erklärung zur Barriere-Freiheit", "### Mehr in Leichter Sprache"):
        assert ueberschrift in block
    assert '<p class="srp-ls-marke">Leichte Sprache</p>' in block
    assert '<p class="srp-ls-zeile">Aber es gibt noch Barrieren.</p>' in block
    assert "](leichte-sprache/barrierefreiheit.md)" in block and "](leichte-sprache/index.md)" in block
    assert "<link" not in block  # the Leichte-Sprache stylesheet is the site's own, on every page


def test_ohne_videodatei_zeigt_die_startseite_kein_video(plan_und_erklaerung, tmp_path):
    block = startseite_erlaeuterungen(*plan_und_erklaerung, tmp_path)
    assert "<video" not in block and "Gebärden" not in block


def test_mit_videodatei_zeigt_die_startseite_video_groesse_und_dauer(plan_und_erklaerung, tmp_path):
    (tmp_path / "gebaerdensprache").mkdir()
    (tmp_path / "gebaerdensprache/start.mp4").write_bytes(mp4(65))
    block = startseite_erlaeuterungen(*plan_und_erklaerung, tmp_path)
    assert '<video controls preload="metadata" src="gebaerdensprache/start.mp4">' in block
    assert '<span class="srp-dgs-marke">Deutsche Gebärdensprache</span>' in block
    assert ('<a href="gebaerdensprache/start.mp4" download>Video herunterladen '
            "(MP4, 0,1 MB, Dauer 1:05 Minuten)</a>") in block
    assert '<p class="srp-ls-zeile">Es gibt auch ein Video in Gebärden-Sprache.</p>' in block
    assert "<track" not in block


def test_untertitel_nur_wenn_die_datei_da_ist(musterstadt, tmp_path):
    musterstadt.ersetzen("plan/barrierefreiheit.yml", "video: gebaerdensprache/start.mp4",
                         "video: gebaerdensprache/start.mp4\n  untertitel: gebaerdensprache/start.vtt")
    plan, erklaerung = plan_und_statement(musterstadt)
    (tmp_path / "gebaerdensprache").mkdir()
    (tmp_path / "gebaerdensprache/start.mp4").write_bytes(mp4(10))
    assert "<track" not in startseite_erlaeuterungen(plan, erklaerung, tmp_path)
    (tmp_path / "gebaerdensprache/start.vtt").write_text("WEBVTT\n", encoding="utf-8")
    assert ('<track kind="captions" srclang="de" label="Deutsch" src="gebaerdensprache/start.vtt">'
            in startseite_erlaeuterungen(plan, erklaerung, tmp_path))


def test_dauer_aus_dem_kopf_der_mp4_datei():
    assert mp4_dauer(mp4(200)) == "3:20 Minuten"
    assert mp4_dauer(mp4(59, version=1, zeitskala=90000)) == "0:59 Minuten"
    assert mp4_dauer(b"kein Video") is None
