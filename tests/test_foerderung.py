"""FRL Soziales, the non-public side: applications validated like the plan, ranked by the
Begleitgremium's criteria, shown on an internal site and in a ranking PDF for the committee.

The example round in tests/fixtures/foerderung_intern/ is invented (marked as examples) and is
checked against this repository's public plan and atlas (Erfurt's districts and Leitlinien).
"""

from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import REPO
from pypdf import PdfReader

from sozialraumplan.befund import nur_fehler
from sozialraumplan.cli import main
from sozialraumplan.export import atlas_wenn_vorhanden
from sozialraumplan.foerderung.bewertung import rangliste
from sozialraumplan.foerderung.intern import InternFehler, intern_dateien, intern_schreiben
from sozialraumplan.foerderung.laden import foerderung_pruefen
from sozialraumplan.foerderung.modell import betrag_lesen
from sozialraumplan.laden import plan_laden
from sozialraumplan.quelle import Ordner
from sozialraumplan.website import stichtag

BEISPIEL = REPO / "tests" / "fixtures" / "foerderung_intern"
RUNDE = "foerderantraege/2026"


@pytest.fixture(scope="module")
def oeffentlich():
    quelle = Ordner(REPO)
    plan = plan_laden(quelle)
    return plan, atlas_wenn_vorhanden(quelle, plan)


@pytest.fixture
def intern(tmp_path: Path) -> Path:
    """A copy of the example round that a test may break."""
    ziel = tmp_path / "intern"
    shutil.copytree(BEISPIEL, ziel)
    return ziel


def ersetzen(intern: Path, datei: str, alt: str, neu: str) -> None:
    pfad = intern / RUNDE / datei
    text = pfad.read_text(encoding="utf-8")
    assert alt in text, f"{alt!r} steht nicht in {datei}"
    pfad.write_text(text.replace(alt, neu, 1), encoding="utf-8")


def meldungen(intern: Path, plan) -> list[str]:
    foerderung, befunde = foerderung_pruefen(Ordner(intern), plan)
    assert foerderung is None, "Ein fehlerhafter Antrag darf keine Förderrunde ergeben."
    return [str(b) for b in nur_fehler(befunde)]


# Amounts as the Geschäftsstelle writes them


@pytest.mark.parametrize(("geschrieben", "euro"), [
    ("12.500,50 €", "12500.50"), ("12500,5", "12500.50"), ("12 500 €", "12500.00"), ("12500.50", "12500.50"),
    (12500, "12500.00"), (12500.5, "12500.50"), ("1.234.567,00 EUR", "1234567.00"), ("0,99", "0.99"),
])
def test_betraege_mit_dezimalkomma_und_tausenderpunkt(geschrieben, euro):
    assert betrag_lesen(geschrieben) == Decimal(euro)


@pytest.mark.parametrize("geschrieben", ["12,5,0", "12.50,00", "zwölf Euro", "1.2345,00", "-5", True, None, [1]])
def test_was_kein_betrag_ist(geschrieben):
    with pytest.raises(ValueError):
        betrag_lesen(geschrieben)


def test_die_beispielrunde_ist_gueltig_und_als_beispiel_gekennzeichnet(oeffentlich):
    plan, _ = oeffentlich
    foerderung, befunde = foerderung_pruefen(Ordner(BEISPIEL), plan)
    assert befunde == [] and foerderung is not None
    runde = foerderung.runde(2026)
    assert runde.runde.beispiel and all(e.antrag.beispiel for e in runde.antraege)
    assert runde.runde.budget == Decimal("61234.56")
    cafe = next(e.antrag for e in runde.antraege if e.antrag.id == "2026-stadtteilcafe")
    assert (cafe.beantragte_summe, cafe.finanzierungsplan.eigenmittel) == (Decimal("24813.37"), Decimal("2987.65"))


def test_rangliste_nach_punktwert_mit_bedarf_aus_dem_atlas(oeffentlich):
    plan, atlas = oeffentlich
    foerderung, _ = foerderung_pruefen(Ordner(BEISPIEL), plan)
    ergebnisse = rangliste(foerderung.runde(2026), plan, atlas.sozialindex)
    assert [(e.eintrag.antrag.id, e.rang) for e in ergebnisse] == [
        ("2026-stadtteilcafe", 1), ("2026-lernpaten", 2), ("2026-werkstatt", 3), ("2026-nachzuegler", None)]
    index = atlas.sozialindex
    klassen = len(index.status.einteilung.klassen)
    cafe = ergebnisse[0]
    assert cafe.bedarf[0].klasse == index.klassenname("rieth")
    assert cafe.punkte["bedarf"] == round(index.wert("rieth").klasse.nummer / klassen * 5, 1)
    moeglich = 3 * 5 + 2 * 5 + 2 * 5 + 1 * 5
    erwartet = round(100 * (3 * cafe.punkte["bedarf"] + 2 * 5 + 2 * 4 + 1 * 4) / moeglich, 1)
    assert cafe.wert == erwartet
    # the recommended sums add up along the ranking; a formally failed application has no rank
    assert ergebnisse[1].kumuliert == Decimal("24813.37") + Decimal("16042.18")
    assert ergebnisse[2].kumuliert is None and ergebnisse[3].wert is None


# Broken applications: German findings with file and line


@pytest.mark.parametrize(("datei", "alt", "neu", "erwartet"), [
    ("2026-stadtteilcafe.yml", 'beantragte_summe: "24.813,37 €"', "beantragte_summe: 24.813",
     r"2026-stadtteilcafe\.yml:15:19: „beantragte_summe“: „24\.813“ ist mehrdeutig – YAML liest 24,813 — "
     r"schreiben Sie „\"24\.813,00 €\"“ in Anführungszeichen oder 24813"),
    ("2026-stadtteilcafe.yml", 'beantragte_summe: "24.813,37 €"', 'beantragte_summe: "24.813,3x"',
     r"2026-stadtteilcafe\.yml:15:19: „beantragte_summe“: Das ist kein Betrag — schreiben Sie den Betrag in Euro"),
    ("2026-stadtteilcafe.yml", '    betrag: "21.813,37"', '    betrag: "21.813,38"',
     r"2026-stadtteilcafe\.yml:16:15: Die Posten des Kostenplans ergeben 28\.813,38 €, nicht 28\.813,37 €"),
    ("2026-stadtteilcafe.yml", '  drittmittel: "1.012,35"', '  drittmittel: "1.012,36"',
     r"2026-stadtteilcafe\.yml:15:19: Beantragte Summe, Eigen- und Drittmittel ergeben 28\.813,38 €, die "
     r"Gesamtkosten sind 28\.813,37 €"),
    ("2026-stadtteilcafe.yml", "stadtteile: [rieth]", "stadtteile: [riet]",
     r"2026-stadtteilcafe\.yml:6:14: „riet“ gibt es nicht in „stadtteile“"),
    ("2026-stadtteilcafe.yml", "leitlinien: [L1, L2]", "leitlinien: [L1, L9]",
     r"2026-stadtteilcafe\.yml:7:18: „L9“ gibt es nicht in „leitlinien“"),
    ("2026-stadtteilcafe.yml", "  ende: 2026-12-31", "  ende: 2025-12-31",
     r"2026-stadtteilcafe\.yml:10:9: „zeitraum“: Das Ende liegt vor dem Beginn"),
    ("2026-stadtteilcafe.yml", "  geprueft_am: 2025-10-15", "  geprueft_am: 2025-10-32",
     r"2026-stadtteilcafe\.yml:29:16: „pruefung.geprueft_am“: „2025-10-32“ ist kein gültiges Datum"),
    ("2026-stadtteilcafe.yml", "leitlinien: 5, abstimmung: 4", "leitlinien: 7, abstimmung: 4",
     r"2026-stadtteilcafe\.yml:31:24: „leitlinien“: 7 Punkte liegen außerhalb von 0 bis 5"),
    ("2026-stadtteilcafe.yml", "kosten: 4}", "preis: 4}",
     r"Das Kriterium „preis“ wird hier nicht bewertet"),
    ("2026-stadtteilcafe.yml", "id: 2026-stadtteilcafe", "id: 2026-cafe",
     r"2026-stadtteilcafe\.yml:1:5: Die Kennung „2026-cafe“ passt nicht zum Dateinamen „2026-stadtteilcafe“"),
    ("2026-werkstatt.yml", "  votum: nicht_foerdern", "  votum: foerdern",
     r"2026-werkstatt\.yml:\d+:\d+: „empfehlung“: Zum Votum passt die Summe nicht"),
    ("2026-lernpaten.yml", '  summe: "16.042,18"', '  summe: "19.000,00"',
     r"2026-lernpaten\.yml:\d+:10: Die Summe 19\.000,00 € ist höher als die beantragte \(18\.271,43 €\)"),
    ("2026-lernpaten.yml", '    drucksache: "0123/26"', "    drucksache: 123",
     r"2026-lernpaten\.yml:\d+:17: „bewilligung\.beschluss\.drucksache“"),
    ("runde.yml", 'budget: "61.234,56 €"', "budget: 61.234",
     r"runde\.yml:3:9: „budget“: „61\.234“ ist mehrdeutig"),
])
def test_fehlerhafte_antraege_geben_deutsche_meldungen_mit_zeile(oeffentlich, intern, datei, alt, neu, erwartet):
    ersetzen(intern, datei, alt, neu)
    gefunden = meldungen(intern, oeffentlich[0])
    assert any(re.search(erwartet, m) for m in gefunden), gefunden
    assert all(m.startswith(f"{RUNDE}/") for m in gefunden)


def test_unbekannte_angabe_mit_vorschlag(oeffentlich, intern):
    ersetzen(intern, "2026-lernpaten.yml", "ansprechperson:", "ansprechpartner:")
    assert f"{RUNDE}/2026-lernpaten.yml:11:1: Unbekannte Angabe „ansprechpartner“ — meinten Sie „ansprechperson“?" \
        in meldungen(intern, oeffentlich[0])


# The internal site and the ranking PDF


@pytest.fixture(scope="module")
def interne_website(oeffentlich, tmp_path_factory) -> Path:
    plan, atlas = oeffentlich
    foerderung, _ = foerderung_pruefen(Ordner(BEISPIEL), plan)
    ziel = tmp_path_factory.mktemp("intern") / "website"
    intern_schreiben(intern_dateien(foerderung, plan, atlas.sozialindex, stichtag()), ziel, REPO)
    return ziel


def test_jede_interne_seite_ist_als_nicht_oeffentlich_markiert(interne_website):
    seiten = sorted(interne_website.rglob("*.html"))
    assert [p.relative_to(interne_website).as_posix() for p in seiten] == [
        "2026/2026-lernpaten.html", "2026/2026-nachzuegler.html", "2026/2026-stadtteilcafe.html",
        "2026/2026-werkstatt.html", "2026/index.html", "index.html"]
    for seite in seiten:
        html = seite.read_text(encoding="utf-8")
        assert "<strong>Nicht öffentlich</strong>" in html
        assert '<meta name="robots" content="noindex, nofollow">' in html
        assert '<meta http-equiv="Content-Security-Policy" content="default-src \'self\';' in html
        assert "bearbeiten" not in html.casefold() and "github" not in html.casefold() and "<script" not in html


def test_die_antragsseite_zeigt_den_atlas_der_stadtteile(interne_website, oeffentlich):
    index = oeffentlich[1].sozialindex
    html = (interne_website / "2026" / "2026-lernpaten.html").read_text(encoding="utf-8")
    for stadtteil, name in (("herrenberg", "Herrenberg"), ("wiesenhuegel", "Wiesenhügel")):
        assert (f'<tr><th scope="row">{name}</th><td>{index.klassenname(stadtteil)}</td>'
                f'<td class="zahl">{index.raenge[stadtteil]}</td>') in html
    assert "<td class=\"zahl\">1.234,56 €</td>" not in html  # amounts stand in their own list
    assert "<dt>Eigenmittel</dt><dd>1.234,56 €</dd>" in html


def test_html_und_skriptlinks_in_antraegen_werden_abgelehnt(oeffentlich, intern):
    ersetzen(intern, "2026-werkstatt.yml", "vorhaben: Eine Werkstatt", "vorhaben: <b onclick=1>Eine</b> Werkstatt")
    ersetzen(intern, "2026-lernpaten.yml", "vorhaben: Ehrenamtliche", "vorhaben: Siehe [Link](javascript:alert(1)). Ehrenamtliche")
    assert meldungen(intern, oeffentlich[0]) == [
        f"{RUNDE}/2026-lernpaten.yml:12:22: „vorhaben“: Der Text enthält einen Skript-Link (javascript:, data:) — "
        "verlinken Sie nur Adressen mit https:// oder Seiten der Website",
        f"{RUNDE}/2026-werkstatt.yml:12:11: „vorhaben“: Der Text enthält HTML — schreiben Sie nur Text oder "
        "Markdown; Zeichen wie < und > nur mit Leerzeichen daneben, z. B. „< 18 Jahre“"]


def test_das_pdf_der_rangliste_ist_barrierefrei(interne_website):
    pdf = PdfReader(interne_website / "2026" / "rangliste-2026.pdf")
    katalog = pdf.trailer["/Root"]
    assert "/StructTreeRoot" in katalog and katalog["/Lang"] == "de" and katalog["/MarkInfo"]["/Marked"]
    assert pdf.metadata.title == "FRL Soziales 2026 (Beispiel): Rangliste – nicht öffentlich"
    text = " ".join(" ".join(s.extract_text().split()) for s in pdf.pages)
    assert "Nicht öffentlich" in text and "Beispiel: Träger, Projekte und Zahlen dieser Runde sind erfunden." in text
    assert text.index("Stadtteilcafé am Rieth") < text.index("Lernpaten für Grundschulkinder")
    assert "Das Gremium empfiehlt die volle Förderung." in text


def test_nie_in_das_oeffentliche_repository(oeffentlich):
    with pytest.raises(InternFehler, match="liegt im öffentlichen Repository"):
        intern_schreiben({"index.html": b"x"}, REPO / "site-intern", REPO)
    assert not (REPO / "site-intern").exists()


# The command


def test_befehl_mit_umgebungsvariable(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SOZIALRAUMPLAN_INTERN", str(BEISPIEL))
    assert main(["--wurzel", str(REPO), "foerderung", "--ziel", str(tmp_path / "w")]) == 0
    assert "Interne Website (nicht öffentlich) geschrieben" in capsys.readouterr().out
    assert (tmp_path / "w" / "2026" / "rangliste-2026.pdf").is_file()


def test_ohne_ordner_sagt_der_befehl_was_fehlt(monkeypatch, capsys):
    monkeypatch.delenv("SOZIALRAUMPLAN_INTERN", raising=False)
    assert main(["--wurzel", str(REPO), "foerderung"]) == 2
    assert "Nennen Sie den nicht öffentlichen Ordner mit --intern ORDNER oder in SOZIALRAUMPLAN_INTERN" \
        in capsys.readouterr().err


def test_ein_kaputter_antrag_baut_keine_halbe_website(intern, tmp_path, capsys):
    ziel = tmp_path / "website"
    assert main(["--wurzel", str(REPO), "foerderung", "--intern", str(intern), "--ziel", str(ziel)]) == 0
    vorher = {p: p.read_bytes() for p in ziel.rglob("*") if p.is_file()}
    ersetzen(intern, "2026-nachzuegler.yml", "  beginn: 2026-01-01", "  beginn: 2026-02-30")
    capsys.readouterr()
    assert main(["--wurzel", str(REPO), "foerderung", "--intern", str(intern), "--ziel", str(ziel)]) == 1
    fehler = capsys.readouterr().err
    assert f"{intern}/{RUNDE}/2026-nachzuegler.yml:9:11: „zeitraum.beginn“: „2026-02-30“ ist kein gültiges Datum" in fehler
    assert "1 Fehler gefunden. Die interne Website wurde nicht gebaut." in fehler
    assert {p: p.read_bytes() for p in ziel.rglob("*") if p.is_file()} == vorher
    assert sorted(p.name for p in tmp_path.iterdir()) == ["intern", "website"]


def test_ohne_beschluss_wird_nichts_veroeffentlicht(intern, tmp_path, capsys):
    wurzel = tmp_path / "plan-repo"
    for ordner in ("plan", "data"):
        shutil.copytree(REPO / ordner, wurzel / ordner, ignore=shutil.ignore_patterns("foerderprojekte"))
    shutil.copy(REPO / "mkdocs.yml", wurzel / "mkdocs.yml")
    for datei in ("2026-stadtteilcafe.yml", "2026-lernpaten.yml"):
        pfad = intern / RUNDE / datei
        text = pfad.read_text(encoding="utf-8")
        pfad.write_text(text[:text.index("bewilligung:")], encoding="utf-8")
    assert main(["--wurzel", str(wurzel), "foerderung", "veroeffentlichen", "--intern", str(intern),
                 "--runde", "2026"]) == 1
    fehler = capsys.readouterr().err
    assert f"{intern}/{RUNDE}/runde.yml:1:1: In der Runde 2026 ist noch kein Antrag bewilligt" in fehler
    assert "Es wurde nichts in den öffentlichen Plan geschrieben." in fehler
    assert not (wurzel / "plan" / "foerderprojekte").exists()
    assert main(["--wurzel", str(wurzel), "foerderung", "veroeffentlichen", "--intern", str(intern),
                 "--runde", "2025"]) == 1
    assert "Die Runde 2025 gibt es im nicht öffentlichen Ordner nicht (vorhanden: 2026)." in capsys.readouterr().err
