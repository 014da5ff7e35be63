"""The release of v2026.1 as the Stadtrat gets it: a PDF that works as a Beschlussvorlage (cover,
Bedarfsermittlung, organigram, Synopse; a tagged structure with `/Scope` on every header cell),
the Synopse as HTML, and a site that links both.

Musterstadt is a real git repository with two tagged Fortschreibungen (see
`fixtures/diff/zwei_fassungen.py`); the PDF is read with pypdf, not by eye.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from importlib import resources

import pytest
from conftest import KLEINSTADT, PlanOrdner, bau_scheitert, mkdocs_bauen, website_kopieren
from fixtures.diff.zwei_fassungen import LEITSATZ_ALT, LEITSATZ_NEU, zwei_fassungen
from pypdf import PdfReader

from sozialraumplan.befund import PlanUngueltig
from sozialraumplan.cli import main
from sozialraumplan.laden import plan_laden
from sozialraumplan.pdf.dokument import html_dokument
from sozialraumplan.quelle import Ordner
from sozialraumplan.release import website_adresse
from sozialraumplan.website import website_bauen

PRAEFIX = "sozialraumplan-musterstadt-v2026.1"


@pytest.fixture(scope="module")
def release(tmp_path_factory):
    """`sozialraumplan release` of v2026.1 into a folder outside the repository."""
    ordner = PlanOrdner(tmp_path_factory.mktemp("beschluss") / "musterstadt")
    for pfad, text in KLEINSTADT.items():
        ordner.schreiben(pfad, text)
    website_kopieren(ordner.wurzel)
    repo = zwei_fassungen(ordner)
    ziel = repo.wurzel.parent / "dist"
    assert main(["--wurzel", str(repo.wurzel), "release", "--ziel", str(ziel)]) == 0
    return ziel


@pytest.fixture(scope="module")
def pdf(release) -> PdfReader:
    return PdfReader(release / f"{PRAEFIX}.pdf")


def woerter(text: str) -> str:
    return " ".join(text.split())


def struktur(pdf: PdfReader) -> list:
    """Every structure element of the tagged PDF, in reading order."""
    elemente = []

    def gehen(knoten) -> None:
        knoten = knoten.get_object()
        if not isinstance(knoten, dict):
            return
        if "/S" in knoten:
            elemente.append(knoten)
        kinder = knoten.get("/K")
        for kind in kinder if isinstance(kinder, list) else [kinder] if kinder is not None else []:
            gehen(kind)

    gehen(pdf.trailer["/Root"]["/StructTreeRoot"])
    return elemente


def kapiteltext(pdf: PdfReader, titel: str) -> str:
    """The text of the pages from the bookmark `titel` to the next bookmark."""
    marken = [(m.title, pdf.get_destination_page_number(m)) for m in pdf.outline if not isinstance(m, list)]
    nummer = next(i for i, (t, _) in enumerate(marken) if t == titel)
    von, bis = marken[nummer][1], marken[nummer + 1][1] if nummer + 1 < len(marken) else len(pdf.pages)
    return woerter(" ".join(pdf.pages[i].extract_text() for i in range(von, max(bis, von + 1))))


def test_das_release_schreibt_die_synopse_als_html(release):
    html = (release / f"{PRAEFIX}-synopse.html").read_text(encoding="utf-8")
    assert "<h1>Synopse v2025.1 – v2026.1: Drucksache DS 0815/26</h1>" in html
    assert 'id="synopse-massnahme-M003"' in html


def test_das_deckblatt_nennt_was_der_stadtrat_beschliesst(pdf):
    deckblatt = woerter(pdf.pages[0].extract_text())
    for angabe in (
        "Drucksache DS 0815/26",
        "Beschlussvorschlag Der Stadtrat beschließt die Zweite Fortschreibung 2026 des Integrierten Sozialraumplans.",
        "Sitzung des Stadtrats 17. September 2026",
        "Fortschreibung Zweite Fortschreibung 2026",
        "Stand 30. Juni 2026",
        "Fassung v2026.1",
        "Website https://sozialraumplan.musterstadt.example/",
    ):
        assert angabe in deckblatt, angabe
    bilder = [e.get("/Alt") for e in struktur(pdf) if e["/S"] == "/Figure"]
    assert "QR-Code mit der Adresse der Website: https://sozialraumplan.musterstadt.example/" in bilder


def test_die_kapitel_einer_beschlussvorlage(pdf):
    kapitel = [m.title for m in pdf.outline if not isinstance(m, list)]
    assert kapitel[kapitel.index("Sozialatlas Musterstadt"):kapitel.index("Glossar")] == [
        "Sozialatlas Musterstadt", "Bedarfsermittlung", "Organigramm der Gremien", "Synopse: v2025.1 und v2026.1",
    ]


def test_die_synopse_im_pdf(pdf):
    synopse = kapiteltext(pdf, "Synopse: v2025.1 und v2026.1")
    assert "Drucksache DS 0815/26: Zweite Fortschreibung des Integrierten Sozialraumplans" in synopse
    assert "Bisherige Fassung: v2025.1 (Erste Fortschreibung 2025, Stand 30. Juni 2025)" in synopse
    assert "Neue Fassung: v2026.1 (Zweite Fortschreibung 2026, Stand 30. Juni 2026)" in synopse
    assert LEITSATZ_ALT in synopse
    assert "Alle eingefügt: Menschen sollen mitreden eingefügt: und mitentscheiden können." in synopse
    assert "Stadtteilzentrum gestrichen: Nord eröffnen" in synopse
    assert "M003: Familienbüro Süd einrichten (neu)" in synopse
    assert "M002: Sozialatlas fortschreiben (entfällt)" in synopse
    assert synopse.count("M001: Stadtteilzentrum Nordstadt eröffnen (geändert)") == 1
    assert "Leitlinie 2: Armut vermeiden (unverändert)" in synopse
    assert LEITSATZ_NEU.split()[0] in synopse


def test_die_bedarfsermittlung_im_pdf(pdf):
    bedarf = kapiteltext(pdf, "Bedarfsermittlung")
    assert "1 von 2 Stadtteilen haben einen hohen Bedarf, 0 davon ohne Angebot und ohne Planung." in bedarf
    assert "Jeder Stadtteil mit hohem Bedarf hat einen Standort oder eine laufende oder geplante Maßnahme." in bedarf
    assert re.search(r"Südstadt 1 .*M003: Familienbüro Süd einrichten", bedarf)


def test_das_organigramm_als_bild_und_als_liste(pdf):
    organigramm = kapiteltext(pdf, "Organigramm der Gremien")
    assert "Arbeitskreis Quartiersarbeit – berichtet an: Begleitgremium" in organigramm
    assert "Begleitgremium – berichtet an: Stadtrat" in organigramm
    bilder = [e.get("/Alt") for e in struktur(pdf) if e["/S"] == "/Figure"]
    assert "Schaubild der Gremien und ihrer Berichtswege" in bilder


def test_jede_kopfzelle_hat_einen_scope_und_jede_verweisene_kennung_loest_sich_auf(pdf):
    elemente = struktur(pdf)
    kopfzellen = [e for e in elemente if e["/S"] == "/TH"]
    assert len(kopfzellen) > 100
    ohne = [e.get("/ID") for e in kopfzellen if e.get("/A", {}).get("/Scope") not in ("/Row", "/Column")]
    assert ohne == []
    namen = pdf.trailer["/Root"]["/StructTreeRoot"]["/IDTree"]["/Names"]
    aufgeloest = {namen[i]: namen[i + 1].get_object() for i in range(0, len(namen), 2)}
    verwiesen = {k for e in elemente if e["/S"] == "/TD" for k in e.get("/A", {}).get("/Headers", [])}
    assert verwiesen and verwiesen <= set(aufgeloest)
    assert all(aufgeloest[k]["/S"] == "/TH" for k in verwiesen)


def test_spaltenkoepfe_und_zeilenkoepfe(pdf):
    """A header in a table head heads a column; the header opening a body row heads the row."""
    for zelle in (e for e in struktur(pdf) if e["/S"] == "/TH"):
        bereich = zelle["/P"].get_object()["/P"].get_object()["/S"]
        erwartet = "/Column" if bereich == "/THead" else "/Row"
        assert zelle["/A"]["/Scope"] == erwartet


def test_die_karten_sagen_was_sie_zeigen(pdf):
    bilder = [e.get("/Alt", "") for e in struktur(pdf) if e["/S"] == "/Figure"]
    index = next(b for b in bilder if "Sozialindex" in b and "Karte" in b)
    assert "Südstadt" in index and "In der höchsten Klasse" in index


def test_tabellen_im_druck_mindestens_9_punkt():
    css = resources.files("sozialraumplan.pdf").joinpath("druck.css").read_text(encoding="utf-8")
    for regel, koerper in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        if re.search(r"\b(table|th|td|caption)\b|synopse|bedarf", regel):
            for groesse in re.findall(r"font-size:\s*([\d.]+)pt", koerper):
                assert float(groesse) >= 9, f"{regel.strip()}: {groesse} pt"


def test_die_website_des_release_verlinkt_pdf_und_synopse(release):
    archiv = zipfile.ZipFile(release / f"{PRAEFIX}-website.zip")
    for name in (f"{PRAEFIX}.pdf", f"{PRAEFIX}-synopse.html"):
        assert archiv.read(f"downloads/{name}") == (release / name).read_bytes()
    start = archiv.read("index.html").decode("utf-8")
    assert f'<a href="downloads/{PRAEFIX}.pdf">Der Plan als PDF, Fassung v2026.1</a>' in start
    assert f'<a href="downloads/{PRAEFIX}-synopse.html">Die Synopse der Fassung v2026.1</a>' in start
    downloads = archiv.read("downloads/index.html").decode("utf-8")
    assert f'<a href="{PRAEFIX}.pdf">' in downloads and f'<a href="{PRAEFIX}-synopse.html">' in downloads


def test_die_aenderungsseite_bietet_die_synopse_mit_links_zu_den_massnahmen(release):
    archiv = zipfile.ZipFile(release / f"{PRAEFIX}-website.zip")
    assert '<a href="synopse.html">Synopse</a>' in archiv.read("aenderungen.html").decode("utf-8")
    synopse = archiv.read("synopse.html").decode("utf-8")
    assert '<a href="massnahmen/M001.html">Seite der Maßnahme M001</a>' in synopse
    assert '<a href="massnahmen/M003.html">Seite der Maßnahme M003</a>' in synopse
    assert "massnahmen/M002.html" not in synopse  # dropped: no page to link


def test_das_release_laesst_im_repository_nichts_zurueck(release):
    """The zip's build takes the files from a temporary folder in the repository, removed after."""
    assert sorted(p.name for p in (release.parent / "musterstadt").iterdir() if p.name.startswith(".sozialraumplan")) == []


def release_ablegen(ordner, release, ohne: tuple[str, ...] = ()) -> None:
    """The files `sozialraumplan release` wrote, copied into `ordner` (without the ones ending in `ohne`)."""
    ordner.mkdir()
    for datei in release.iterdir():
        if not datei.name.endswith(ohne or ("\0",)):
            shutil.copy(datei, ordner / datei.name)


def test_ein_mkdocs_bau_mit_sozialraumplan_release_bietet_pdf_und_synopse(kleinstadt, release, tmp_path, monkeypatch):
    """What the tag workflow does after `release --ziel dist`: the strict build with SOZIALRAUMPLAN_RELEASE=dist."""
    release_ablegen(kleinstadt.wurzel / "dist", release)
    website_kopieren(kleinstadt.wurzel)
    monkeypatch.setenv("SOZIALRAUMPLAN_RELEASE", "dist")
    ergebnis = mkdocs_bauen(kleinstadt.wurzel, tmp_path / "site")
    assert ergebnis.returncode == 0, ergebnis.stderr
    site = tmp_path / "site"
    for name in (f"{PRAEFIX}.pdf", f"{PRAEFIX}-synopse.html"):
        assert (site / "downloads" / name).read_bytes() == (release / name).read_bytes()
    start = (site / "index.html").read_text(encoding="utf-8")
    assert f'<a href="downloads/{PRAEFIX}.pdf">Der Plan als PDF, Fassung v2026.1</a>' in start
    assert f'<a href="downloads/{PRAEFIX}-synopse.html">Die Synopse der Fassung v2026.1</a>' in start
    downloads = (site / "downloads/index.html").read_text(encoding="utf-8")
    assert f'<a href="{PRAEFIX}.pdf">' in downloads and f'<a href="{PRAEFIX}-synopse.html">' in downloads
    # the other release files are the GitHub release's, not the site's
    assert not (site / "downloads" / f"{PRAEFIX}-aenderungen.json").exists()


def test_ohne_die_dateien_des_release_baut_mkdocs_nicht(kleinstadt, tmp_path, monkeypatch):
    monkeypatch.setenv("SOZIALRAUMPLAN_RELEASE", "dist")
    meldungen = bau_scheitert(kleinstadt, tmp_path / "site")
    assert "dist:1:1: Den Ordner dist aus SOZIALRAUMPLAN_RELEASE gibt es nicht — erzeugen Sie das Release mit " \
           "„sozialraumplan release --ziel dist“ oder bauen Sie die Website ohne SOZIALRAUMPLAN_RELEASE" in meldungen
    assert "Traceback" not in meldungen


@pytest.mark.parametrize(("ablage", "meldung"), [
    ("leer", "dist:1:1: In dist liegt kein Release von Musterstadt "
             "(es fehlt sozialraumplan-musterstadt-<Fassung>-aenderungen.json)"),
    ("ohne Synopse", f"dist/{PRAEFIX}-synopse.html:1:1: Zum Release v2026.1 fehlt die Datei {PRAEFIX}-synopse.html"),
    ("ohne PDF", f"dist/{PRAEFIX}.pdf:1:1: Zum Release v2026.1 fehlt die Datei {PRAEFIX}.pdf"),
    ("zwei Releases", "dist:1:1: In dist liegen mehrere Releases (v2025.1, v2026.1) — leeren Sie den Ordner"),
    ("kaputte Beschreibung", f"dist/{PRAEFIX}-aenderungen.json:1:1: Die Datei ist nicht die Beschreibung der "
                             "Änderungen, die „sozialraumplan release“ schreibt"),
])
def test_ein_unvollstaendiges_release_nennt_was_fehlt(kleinstadt, release, monkeypatch, ablage, meldung):
    dist = kleinstadt.wurzel / "dist"
    ohne = {"leer": (".pdf", ".html", ".json", ".md", ".zip", ".csv", ".geojson"), "ohne Synopse": ("-synopse.html",),
            "ohne PDF": (".pdf",)}.get(ablage, ())
    release_ablegen(dist, release, ohne)
    if ablage == "zwei Releases":
        shutil.copy(dist / f"{PRAEFIX}-aenderungen.json", dist / "sozialraumplan-musterstadt-v2025.1-aenderungen.json")
    if ablage == "kaputte Beschreibung":
        (dist / f"{PRAEFIX}-aenderungen.json").write_text("[]", encoding="utf-8")
    monkeypatch.setenv("SOZIALRAUMPLAN_RELEASE", "dist")
    with pytest.raises(PlanUngueltig) as fehler:
        website_bauen(kleinstadt.wurzel)
    assert meldung in woerter(str(fehler.value))


def test_der_ordner_des_release_liegt_im_repository(kleinstadt, release, monkeypatch):
    """Only files of this repository go onto its site, however the variable is written."""
    for wert in (str(release), "../dist", "dist/../../dist"):
        monkeypatch.setenv("SOZIALRAUMPLAN_RELEASE", wert)
        with pytest.raises(PlanUngueltig) as fehler:
            website_bauen(kleinstadt.wurzel)
        assert f"SOZIALRAUMPLAN_RELEASE={wert} liegt außerhalb des Repositorys" in str(fehler.value)
    release_ablegen(kleinstadt.wurzel / "dist", release)
    monkeypatch.setenv("SOZIALRAUMPLAN_RELEASE", str(kleinstadt.wurzel / "dist"))  # absolute, but inside
    assert website_bauen(kleinstadt.wurzel).veroeffentlichung.fassung == "v2026.1"


def test_ohne_release_sagt_die_website_wo_pdf_und_synopse_erscheinen(kleinstadt):
    website = website_bauen(kleinstadt.wurzel)
    downloads = next(s for s in website.seiten() if s.pfad == "downloads/index.md")
    assert "Diese Website wurde ohne Veröffentlichung gebaut" in woerter(downloads.markdown)
    assert "wenn eine Fassung veröffentlicht wird (zum Beispiel die Fassung v2026.1)" in woerter(downloads.markdown)
    assert "release" not in downloads.markdown and "Tag" not in downloads.markdown  # no git words for readers


def test_die_adresse_kommt_aus_der_konfiguration_nie_geraten(kleinstadt, monkeypatch):
    plan = plan_laden(Ordner(kleinstadt.wurzel))
    monkeypatch.delenv("SOZIALRAUMPLAN_ADRESSE", raising=False)
    assert website_adresse(plan) is None
    html = html_dokument(plan, "v2025.1")
    assert "Keine Adresse angegeben (in plan/plan.yml unter „adresse“ oder in SOZIALRAUMPLAN_ADRESSE)" in html
    assert "qr-code" not in html
    monkeypatch.setenv("SOZIALRAUMPLAN_ADRESSE", "https://plan.musterstadt.example/")
    assert website_adresse(plan) == "https://plan.musterstadt.example/"


def test_die_massnahmenuebersicht_verlinkt_die_einzelnen_massnahmen(kleinstadt):
    html = html_dokument(plan_laden(Ordner(kleinstadt.wurzel)), "v2025.1")
    assert '<th scope="row"><a href="#massnahme-M001">M001: Stadtteilzentrum Nord eröffnen</a></th>' in html
    assert '<section id="massnahme-M001" class="eintrag">' in html


def test_falsche_angaben_zur_beschlussvorlage_nennen_zeile_und_abhilfe(kleinstadt, capsys):
    kleinstadt.schreiben("plan/plan.yml", kleinstadt.lesen("plan/plan.yml") + (
        "beschlussvorlage:\n  drucksache: DS 1/26\n  titel: Fortschreibung\n  sitzung: 17.09.2026\n"
        "adresse: www.musterstadt.de\n"))
    assert main(["--wurzel", str(kleinstadt.wurzel), "validate"]) == 1
    meldungen = capsys.readouterr().err
    assert "plan/plan.yml:14:3: Die Angabe „beschlussvorschlag“ fehlt — ergänzen Sie eine Zeile" in meldungen
    assert ("plan/plan.yml:16:12: „beschlussvorlage.sitzung“: „17.09.2026“ ist kein gültiges Datum — schreiben Sie "
            "das Datum als JJJJ-MM-TT") in meldungen
    assert "plan/plan.yml:17:10: „adresse“: „www.musterstadt.de“ ist keine Web-Adresse" in meldungen


def test_die_druckkarte_traegt_die_namen_der_stadtteile():
    """Two districts side by side: with their names the map shows them, overlapping names are left out."""
    from shapely.geometry import box

    from sozialraumplan.pdf.karten import karte_png

    grenzen = {"nord": box(11.0, 51.0, 11.05, 51.03), "sued": box(11.05, 51.0, 11.1, 51.03),
               "west": box(10.9, 51.0, 11.0, 51.03)}  # unnamed: widens the map, so the two names come close
    farben = {"nord": "#fde0c5", "sued": "#fde0c5"}
    ohne = karte_png(grenzen, farben)
    mit = karte_png(grenzen, farben, {"nord": "Nordstadt", "sued": "Südstadt"})
    assert mit != ohne
    lang = {"nord": "Nördliche Vorstadt am Petersberg", "sued": "Südliche Vorstadt an der Gera"}
    # the names would overlap: the second (same area, later id) is left out, the map is as if only the first had one
    assert karte_png(grenzen, farben, lang) == karte_png(grenzen, farben, {"nord": lang["nord"]})
