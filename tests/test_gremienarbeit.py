"""The Begleitgremium's work on a real git repository with two published Fortschreibungen:
decisions on the pages they concern, the ranking, a Maßnahme's timeline across both tags,
the rollup counts, the Wirkung table computed by hand, and Atom feeds read by a real parser."""

from __future__ import annotations

import re
from pathlib import Path

import feedparser
import pytest
from conftest import KLEINSTADT, PlanOrdner, lesbar, mkdocs_bauen, website_kopieren
from fixtures.diff.planrepo import Planrepo, atlas_schreiben

from sozialraumplan.laden import plan_pruefen
from sozialraumplan.model import Status
from sozialraumplan.quelle import Ordner
from sozialraumplan.render import gremienarbeit_seiten
from sozialraumplan.verlauf import fassungen, umsetzung
from sozialraumplan.website import website_bauen

WERTE = {
    ("nord", "kinderarmut", 2024): 30.0, ("nord", "kinderarmut", 2025): 27.0,
    ("sued", "kinderarmut", 2024): 10.0, ("sued", "kinderarmut", 2025): 11.0,
    ("west", "kinderarmut", 2024): 20.0, ("west", "kinderarmut", 2025): 20.0,
    ("nord", "arbeitslosenquote", 2024): 10.0, ("nord", "arbeitslosenquote", 2025): 11.0,
    ("sued", "arbeitslosenquote", 2024): 5.0, ("sued", "arbeitslosenquote", 2025): 5.0,
    ("west", "arbeitslosenquote", 2024): 7.0, ("west", "arbeitslosenquote", 2025): 6.0,
}
"""Three districts, two years. M001 works in Nordstadt; the rest of the city is Süd- and Weststadt.
Kinderarmut: Nord 30 → 27 (−3), rest (10+20)/2 = 15 → (11+20)/2 = 15,5 (+0,5): difference −3,5.
Arbeitslosenquote: Nord 10 → 11 (+1, against „sinken“), rest 6 → 5,5 (−0,5): difference +1,5."""

SITZUNG_2026 = """\
id: 2026-02-10-begleitgremium
datum: 2026-02-10
gremium: begleitgremium
titel: Bewertung der Maßnahmen
beschluesse:
  - art: bewertung
    betrifft:
      massnahmen: [M001]
    ergebnis: Das Stadtteilzentrum Nord kommt gut voran.
    abstimmung: {dafuer: 7, dagegen: 0, enthaltungen: 1}
  - art: priorisierung
    betrifft:
      massnahmen: [M002, M001]
    ergebnis: Zuerst der Sozialatlas, dann das Stadtteilzentrum.
    begruendung: Ohne neue Zahlen lässt sich der Bedarf nicht begründen.
  - art: standortempfehlung
    betrifft:
      stadtteile: [west]
      standort: {name: Treffpunkt Weststadt, breite: 51.005, laenge: 11.025}
    ergebnis: Die Weststadt soll den nächsten Treffpunkt bekommen.
"""


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Planrepo:
    """Musterstadt with three districts: tagged v2025.1 (M001 at 40 %), then a Sitzung with
    decisions and M001 at 70 %, tagged v2026.1."""
    ordner = PlanOrdner(tmp_path_factory.mktemp("gremium") / "musterstadt")
    for pfad, text in KLEINSTADT.items():
        ordner.schreiben(pfad, text)
    repo = Planrepo(ordner)
    repo.schreiben("data/stadtteile.csv", "id,nummer,name\nnord,1,Nordstadt\nsued,2,Südstadt\nwest,3,Weststadt\n")
    atlas_schreiben(ordner, WERTE)
    repo.ersetzen("plan/massnahmen/M001.yml", 'beginn: "2025-01"', 'beginn: "2024-03"')
    repo.ersetzen("plan/massnahmen/M001.yml", "beispiel: true\n", (
        "beispiel: true\nmeilensteine:\n  - datum: 2025-09-30\n    titel: Räume angemietet\n    erreicht: true\n"
        "wirkung:\n  indikatoren: [kinderarmut, arbeitslosenquote]\n  richtung: sinken\n"))
    repo.fassung("Erste Fortschreibung", tag="v2025.1")
    repo.ersetzen("plan/massnahmen/M001.yml", "fortschritt: 40", "fortschritt: 70")
    repo.schreiben("plan/sitzungen/2026-02-10-begleitgremium.yml", SITZUNG_2026)
    repo.ersetzen("plan/plan.yml", "fortschreibung: Erste Fortschreibung 2025", "fortschreibung: Fortschreibung 2026")
    repo.fassung("Zweite Fortschreibung", tag="v2026.1")
    return repo


@pytest.fixture(scope="module")
def seiten(repo) -> dict[str, str]:
    return {s.pfad: lesbar(s.markdown) for s in website_bauen(repo.wurzel).seiten()}


def test_die_fortschreibungen_kommen_aus_den_git_tags(repo):
    gelesen = fassungen(repo.wurzel)
    assert [f.name for f in gelesen] == ["v2025.1", "v2026.1"]
    assert [f.massnahmen["M001"].fortschritt for f in gelesen] == [40, 70]


def test_verlauf_zeigt_beide_fortschreibungen_beschluesse_und_meilensteine(seiten):
    seite = seiten["massnahmen/M001.md"]
    verlauf = seite.split("## Verlauf", 1)[1].split("## Beschlüsse", 1)[0]
    eintraege = re.findall(r"<li [^>]*>(.*?)</li>", verlauf)
    texte = [re.sub(r"<[^>]+>", "", e) for e in eintraege]
    assert any("Fortschreibung v2025.1: in Umsetzung, Fortschritt 40\u00a0%" in t for t in texte)
    assert any("Fortschreibung v2026.1: in Umsetzung, Fortschritt 70\u00a0%" in t for t in texte)
    assert any("Dieser Stand: Fortschreibung 2026: in Umsetzung, Fortschritt 70\u00a0%" in t for t in texte)
    assert any(t.startswith("10. Februar 2026 Bewertung (Begleitgremium): Das Stadtteilzentrum Nord kommt gut voran.")
               for t in texte)
    assert "30. September 2025 Meilenstein: Räume angemietet – erreicht" in texte
    assert texte.index(next(t for t in texte if "v2026.1" in t)) < texte.index(next(t for t in texte if "v2025.1" in t))


def test_beschluss_steht_auf_massnahme_stadtteil_leitlinie_und_sitzung(seiten):
    satz = "Das Stadtteilzentrum Nord kommt gut voran."
    for pfad in ("massnahmen/M001.md", "atlas/stadtteile/nord.md", "leitlinien/L1.md", "sitzungen.md"):
        assert satz in seiten[pfad], pfad
    assert satz not in seiten["atlas/stadtteile/sued.md"]
    assert satz not in seiten["massnahmen/M002.md"]
    assert 'id="beschluss-2026-02-10-begleitgremium-1"' in seiten["sitzungen.md"]
    assert "Abstimmung: 7 dafür, 0 dagegen, 1 Enthaltungen" in seiten["massnahmen/M001.md"]


def test_beschluesse_stehen_neueste_zuerst(repo, tmp_path):
    seite = next(s for s in website_bauen(repo.wurzel).seiten() if s.pfad == "massnahmen/M001.md").markdown
    beschluesse = seite.split("## Beschlüsse", 1)[1]
    assert beschluesse.index("10. Februar 2026") < beschluesse.index("Zuerst der Sozialatlas")


def test_prioritaeten_zeigen_rangfolge_begruendung_datum_und_eigene_prioritaet(seiten):
    seite = seiten["massnahmen/prioritaeten.md"]
    zeilen = re.findall(r"<tr><th scope=\"row\"><a [^>]*>([^<]+)</a></th><td[^>]*>(\d+)</td><td>(\w+)</td>", seite)
    assert zeilen == [("Sozialatlas fortschreiben", "1", "mittel"), ("Stadtteilzentrum Nord eröffnen", "2", "hoch")]
    assert "am 10. Februar 2026 beschlossen" in seite
    assert "Begründung: Ohne neue Zahlen lässt sich der Bedarf nicht begründen." in seite


def test_standortempfehlung_in_tabelle_und_karte_der_bedarfsermittlung(seiten):
    seite = seiten["atlas/bedarfsermittlung.md"]
    assert "Standortempfehlungen der Gremien" in seite
    assert "Treffpunkt Weststadt</a> (10. Februar 2026)" in seite
    assert "&quot;art&quot;:&quot;empfehlung&quot;" in seite and "&quot;breite&quot;:51.005" in seite


def test_umsetzung_zaehlt_je_leitlinie_und_stadtteil(repo, seiten):
    plan, _ = plan_pruefen(Ordner(repo.wurzel))
    assert plan is not None
    leitlinie2 = umsetzung(plan.massnahmen_for_leitlinie("L2"))
    assert leitlinie2.anzahl[Status.IN_UMSETZUNG] == 1 and leitlinie2.anzahl[Status.GEPLANT] == 1
    assert leitlinie2.gesamt == 2 and leitlinie2.mittlerer_fortschritt == 35.0  # (70 + 0) / 2
    assert ("Von 2 Maßnahmen sind 1 geplant, 1 in Umsetzung, 0 umgesetzt, 0 zurückgestellt und 0 verworfen. "
            "Mittlerer Fortschritt (ohne verworfene): 35 %.") in seiten["leitlinien/L2.md"]
    assert ("Von 1 Maßnahme sind 0 geplant, 1 in Umsetzung, 0 umgesetzt, 0 zurückgestellt und 0 verworfen. "
            "Mittlerer Fortschritt (ohne verworfene): 70 %.") in seiten["atlas/stadtteile/nord.md"]
    start = re.search(r"<tr><th scope=\"row\">Alle Maßnahmen</th>(.*?)</tr>",
                      gremienarbeit_seiten.startseite_umsetzung(plan, "index.md")).group(1)
    assert re.findall(r"<td[^>]*>([^<]*)</td>", start) == ["1", "1", "0", "0", "0", "2", "35 %"]


def _zeile(seite: str, tabelle: str, gruppe: str) -> list[str]:
    block = seite.split(f'id="{tabelle}"', 1)[1].split("</table>", 1)[0]
    zeile = re.search(rf"<th scope=\"row\">{gruppe}</th>(.*?)</tr>", block).group(1)
    return re.findall(r"<td[^>]*>([^<]*)</td>", zeile)


def test_wirkungstabelle_von_hand_gerechnet(seiten):
    seite = seiten["massnahmen/M001.md"]
    kinder = "tabelle-wirkung-M001-kinderarmut"
    assert _zeile(seite, kinder, "Stadtteile der Maßnahme") == ["30,0\u00a0%", "27,0\u00a0%", "−3,0\u00a0Prozentpunkte"]
    assert _zeile(seite, kinder, "Übrige Stadt") == ["15,0\u00a0%", "15,5\u00a0%", "+0,5\u00a0Prozentpunkte"]
    assert _zeile(seite, kinder, "Unterschied der Veränderungen") == ["", "", "−3,5\u00a0Prozentpunkte"]
    arbeit = "tabelle-wirkung-M001-arbeitslosenquote"
    assert _zeile(seite, arbeit, "Unterschied der Veränderungen") == ["", "", "+1,5\u00a0Prozentpunkte"]
    assert "Durchschnitt der Stadtteile (ungewichtet)" in seite
    assert "<caption>Kinderarmut, 2024 bis 2025 (Beispieldaten)</caption>" in seite
    assert "Entwicklung, kein Beweis" in seite


def test_wirkungsmonitoring_markiert_entwicklung_gegen_die_richtung(seiten):
    seite = seiten["massnahmen/wirkung.md"]
    gegen = seite.split("Gegen die gewünschte Richtung entwickelt:", 1)[1].split("</p>", 1)[0]
    assert "Stadtteilzentrum Nord eröffnen" in gegen
    assert "Arbeitslosenquote (2024 bis 2025)" in seite
    assert "## In Leichter Sprache" in seite and "Achtung: Hier sind die Zahlen anders geworden als gewollt." in seite


@pytest.fixture(scope="module")
def site(repo, tmp_path_factory) -> Path:
    website_kopieren(repo.wurzel)
    ziel = tmp_path_factory.mktemp("site")
    ergebnis = mkdocs_bauen(repo.wurzel, ziel)
    assert ergebnis.returncode == 0, ergebnis.stderr
    return ziel


def test_feed_des_plans_nennt_fortschreibungen_aenderungen_und_beschluesse(site):
    feed = feedparser.parse((site / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    titel = [e.title for e in feed.entries]
    assert "Neue Fortschreibung: v2025.1" in titel and "Neue Fortschreibung: v2026.1" in titel
    assert "Stadtteilzentrum Nord eröffnen: in Umsetzung, 70 %" in titel
    assert "Bewertung: Begleitgremium, Bewertung der Maßnahmen" in titel
    ids = [e.id for e in feed.entries]
    assert len(ids) == len(set(ids))
    assert "urn:sozialraumplan:musterstadt:beschluss:2026-02-10-begleitgremium:1" in ids
    daten = [e.updated_parsed for e in feed.entries]
    assert daten == sorted(daten, reverse=True)


def test_feed_einer_massnahme_und_eines_stadtteils(site):
    massnahme = feedparser.parse((site / "feed-massnahme-M001.xml").read_bytes())
    assert not massnahme.bozo
    assert [e.summary for e in massnahme.entries if "%" in e.title] == [
        "v2026.1: in Umsetzung, 40 % → in Umsetzung, 70 %.", "v2025.1: neu im Plan: in Umsetzung, Fortschritt 40 %."]
    west = feedparser.parse((site / "feed-stadtteil-west.xml").read_bytes())
    assert [e.title for e in west.entries] == ["Standortempfehlung: Begleitgremium, Bewertung der Maßnahmen"]
    assert west.entries[0].link.endswith("sitzungen.html#beschluss-2026-02-10-begleitgremium-3")


def test_seiten_verlinken_ihre_feeds(site):
    kopf = (site / "massnahmen/M001.html").read_text(encoding="utf-8").split("</head>", 1)[0]
    assert '<link rel="alternate" type="application/atom+xml" title="Neuigkeiten zur Maßnahme M001" ' \
           'href="../feed-massnahme-M001.xml">' in kopf
    assert 'href="../feed.xml">' in kopf
    profil = (site / "atlas/stadtteile/nord.html").read_text(encoding="utf-8")
    assert 'href="../../feed-stadtteil-nord.xml">' in profil.split("</head>", 1)[0]
    assert "Neuigkeiten zu diesem Stadtteil als Feed abonnieren" in profil
    start = (site / "index.html").read_text(encoding="utf-8")
    assert "Neuigkeiten zum Plan als Feed abonnieren" in start and "Stand der Umsetzung nach Leitlinien" in start


def test_feeds_sind_beim_neubau_gleich(repo, site, tmp_path):
    ergebnis = mkdocs_bauen(repo.wurzel, tmp_path / "neu")
    assert ergebnis.returncode == 0, ergebnis.stderr
    for pfad in ("feed.xml", "feed-massnahme-M001.xml", "feed-stadtteil-nord.xml"):
        assert (tmp_path / "neu" / pfad).read_bytes() == (site / pfad).read_bytes()


def test_ohne_git_gibt_es_nur_den_aktuellen_stand(kleinstadt):
    seite = next(s for s in website_bauen(kleinstadt.wurzel).seiten() if s.pfad == "massnahmen/M001.md").markdown
    assert "Dieser Stand: Erste Fortschreibung 2025" in lesbar(seite)
    assert "Fortschreibung v" not in seite


def test_ein_tag_auf_eine_datei_ist_keine_fortschreibung(kleinstadt):
    repo = Planrepo.erste_fassung(kleinstadt)
    repo.git("tag", "notiz", "HEAD:plan/plan.yml")
    assert [f.name for f in fassungen(repo.wurzel)] == ["v2025.1"]
