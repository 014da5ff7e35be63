"""The generated atlas pages and downloads, for the second city and for Erfurt."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import shutil
from pathlib import Path

import markdown
import pytest
from conftest import REPO, mkdocs_bauen, website_kopieren

from sozialraumplan.atlas.inhalte import ATLAS_ORDNER, atlas_abschnitte, atlas_dateien
from sozialraumplan.atlas.laden import atlas_laden
from sozialraumplan.cli import main
from sozialraumplan.laden import plan_laden
from sozialraumplan.quelle import Ordner

# what makes a browser fetch from another host: scripts, images, frames, stylesheets, CSS urls
LADEN_VON_AUSSEN = re.compile(
    r"""(?:\bsrc\s*=\s*["']?|<link[^>]*rel="(?:stylesheet|preload|modulepreload|icon)"[^>]*\bhref\s*=\s*["']?"""
    r"""|url\(\s*["']?)(?:https?:)?//""", re.I)
MARKDOWN_ERWEITERUNGEN = ["abbr", "admonition", "attr_list", "md_in_html", "tables", "toc", "pymdownx.details"]


def erzeugen(wurzel):
    quelle = Ordner(wurzel)
    plan = plan_laden(quelle)
    atlas = atlas_laden(quelle, plan)
    seiten = {s.pfad: s for a in atlas_abschnitte(plan, atlas) for s in a.seiten}
    dateien = {d.pfad: d.inhalt for d in atlas_dateien(plan, atlas)}
    return plan, atlas, seiten, dateien


@pytest.fixture(scope="module")
def auenfeld():
    return erzeugen(REPO / "tests/fixtures/zweitstadt")


@pytest.fixture(scope="module")
def erfurt():
    return erzeugen(REPO)


def test_zweitstadt_hat_alle_seiten(auenfeld):
    plan, atlas, seiten, _ = auenfeld
    erwartet = {"atlas/index.md", "atlas/methode.md", "atlas/bedarfsermittlung.md", "atlas/downloads.md",
                "atlas/indikatoren/index.md", "atlas/stadtteile/index.md"}
    erwartet |= {f"atlas/indikatoren/{i.id}.md" for i in atlas.indikatoren}
    erwartet |= {f"atlas/stadtteile/{s.id}.md" for s in plan.stadtteile}
    erwartet |= {"atlas/vergleich.md", "leichte-sprache/stadtteile.md", "leichte-sprache/zahlen.md"}
    erwartet |= {f"leichte-sprache/stadtteile/{s.id}.md" for s in plan.stadtteile}
    assert set(seiten) == erwartet


def test_jede_seite_des_atlas_liegt_in_seinen_ordnern(erfurt, auenfeld):
    """`validate` erzeugt die Seiten des Atlas nur, wenn eine handgeschriebene Seite in diesen
    Ordnern liegt: Nur dort könnte sie eine von ihnen überdecken."""
    for _, _, seiten, _ in (erfurt, auenfeld):
        assert [p for p in seiten if not p.startswith(ATLAS_ORDNER)] == []


def test_validate_meldet_eine_handgeschriebene_seite_an_der_stelle_eines_profils(tmp_path, capsys):
    stadt = tmp_path / "auenfeld"
    shutil.copytree(REPO / "tests/fixtures/zweitstadt", stadt)
    website_kopieren(stadt)
    assert main(["--wurzel", str(stadt), "validate"]) == 0
    (stadt / "docs/atlas/stadtteile").mkdir(parents=True)
    (stadt / "docs/atlas/stadtteile/hafen.md").write_text("# Hafen, von Hand\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["--wurzel", str(stadt), "validate"]) == 1
    assert "docs/atlas/stadtteile/hafen.md:1:1: Diese Seite wird aus plan/ oder data/ erzeugt" in capsys.readouterr().err


def test_abschnitte_beginnen_mit_ihrer_uebersicht():
    quelle = Ordner(REPO / "tests/fixtures/zweitstadt")
    plan = plan_laden(quelle)
    abschnitte = atlas_abschnitte(plan, atlas_laden(quelle, plan))
    assert [(a.titel, a.seiten[0].pfad) for a in abschnitte] == [
        ("Sozialatlas Auenfeld", "atlas/index.md"), ("Indikatoren", "atlas/indikatoren/index.md"),
        ("Stadtteilprofile", "atlas/stadtteile/index.md"),
        ("Stadtteile in Leichter Sprache", "leichte-sprache/stadtteile.md")]


def test_jede_seite_mit_werten_sagt_beispieldaten(auenfeld):
    _, _, seiten, _ = auenfeld
    for pfad, seite in seiten.items():
        if pfad.endswith("/index.md") and pfad != "atlas/index.md" or pfad.startswith("leichte-sprache/"):
            continue  # plain link lists; Leichte Sprache says it per district (its own words)
        assert '!!! warning "Beispieldaten"' in seite.markdown, pfad


def test_seiten_tragen_karten_als_daten_ohne_skript(auenfeld):
    _, _, seiten, _ = auenfeld
    blatt = seiten["atlas/indikatoren/altersarmut.md"].markdown
    assert blatt.startswith("# Altersarmut\n") and "{{" not in blatt
    assert blatt.count('data-karte="') == 1 and "<script" not in blatt and "<link" not in blatt
    assert 'data-karte="' not in seiten["atlas/stadtteile/hafen.md"].markdown


def test_indikatorenblatt_hat_definition_karte_tabelle_zeitreihe_einordnung(auenfeld):
    _, _, seiten, _ = auenfeld
    blatt = seiten["atlas/indikatoren/jugendarbeitslosigkeit.md"].markdown
    for teil in ("<dt>Definition</dt><dd>Arbeitslose unter 25 Jahren", "<dt>Formel</dt>", "<dt>Quelle</dt>",
                 "## Karte: Jugendarbeitslosigkeit 2024", "## Zeitreihe 2020 bis 2024", '<svg viewBox="0 0 560 240"',
                 "## Einordnung", "Ein höherer Wert weist auf mehr Unterstützungsbedarf hin.",
                 "geht mit dem Gewicht 2,0 in den Statusindex ein", "## In Leichter Sprache",
                 '<p class="srp-ls-zeile">So viele junge Menschen suchen Arbeit.</p>'):
        assert teil in blatt, teil


def test_tabellen_sind_zugaenglich(auenfeld):
    _, _, seiten, _ = auenfeld
    html = markdown.markdown(seiten["atlas/indikatoren/altersarmut.md"].markdown, extensions=MARKDOWN_ERWEITERUNGEN)
    tabelle = re.search(r'<div class="atlas-tabelle" id="tabelle-altersarmut-2024" data-search-exclude>.*?</table>', html, re.S).group(0)
    assert "<caption>Altersarmut 2020 bis 2024 nach Stadtteilen (Beispieldaten)</caption>" in tabelle
    assert '<th scope="col" class="atlas-zahl">Altersarmut 2020 (%)</th>' in tabelle
    assert '<th scope="col" class="atlas-zahl">Altersarmut 2024 (%)</th><th scope="col">Klasse 2024</th>' in tabelle
    assert ('<th scope="row"><a href="../stadtteile/hafen.html">Hafen</a></th><td class="atlas-zahl">9,8\u00a0%</td>'
            '<td class="atlas-zahl">10,9\u00a0%</td><td class="atlas-zahl">12,1\u00a0%</td>') in tabelle
    assert ('<a href="../stadtteile/werderinseln.html">Werderinseln</a></th><td class="atlas-zahl">keine Angabe</td>'
            '<td class="atlas-zahl">keine Angabe</td><td class="atlas-zahl">keine Angabe</td><td>keine Angabe</td>') in tabelle
    assert '<a href="../daten/altersarmut.csv" download>' in html


def test_profil_zeigt_index_indikatoren_massnahmen_und_standorte(auenfeld):
    _, _, seiten, _ = auenfeld
    profil = seiten["atlas/stadtteile/hafen.md"].markdown
    assert ("liegt der Statusindex von Hafen bei **1,81**: Status Stufe 4 von 4: sehr niedrig; "
            "Dynamik Stufe 3 von 3: negativ, Rang 1 von 5") in profil
    assert "Der Unterstützungsbedarf gilt damit als **hoch**." in profil
    assert "- [Familienzentrum im Hafenviertel](../../massnahmen/M1.md) – geplant" in profil
    assert "- Quartiersarbeit Hafen \\(Quartiers\\- und Sozialraumarbeit, Verein Hafenleben, Beispiel\\)" in profil
    assert "über dem Stadtwert – mehr Bedarf" in profil
    assert "Bevölkerung</a> (Personen)</th><td class=\"atlas-zahl\">2024</td><td class=\"atlas-zahl\">8.310</td>" in profil


def test_profil_ohne_indexwert_sagt_warum(auenfeld):
    _, _, seiten, _ = auenfeld
    assert "keinen Wert im Statusindex: Es liegen zu wenige Indikatoren vor." in seiten["atlas/stadtteile/werderinseln.md"].markdown


def test_bedarfsermittlung_markiert_hohen_bedarf_ohne_planung(tmp_path, auenfeld):
    _, _, seiten, _ = auenfeld
    bedarf = seiten["atlas/bedarfsermittlung.md"].markdown
    # Hafen has high need, a site and a planned Maßnahme
    assert "Hoher Bedarf, Angebot oder Planung vorhanden" in bedarf
    assert '<a href="../massnahmen/M1.html">Familienzentrum im Hafenviertel</a> (geplant)' in bedarf
    assert "Jeder Stadtteil mit hohem Bedarf hat einen Standort" in bedarf
    ziel = tmp_path / "auenfeld"
    shutil.copytree(REPO / "tests/fixtures/zweitstadt", ziel)
    (ziel / "plan/massnahmen/M1.yml").write_text(
        (ziel / "plan/massnahmen/M1.yml").read_text().replace("status: geplant", "status: zurueckgestellt"))
    (ziel / "data/standorte.csv").write_text("id,name,art,stadtteil,breite,laenge,traeger,beispiel\n")
    _, _, ohne, _ = erzeugen(ziel)
    luecke = ohne["atlas/bedarfsermittlung.md"].markdown
    assert "Hoher Bedarf, aber weder ein Standort noch eine laufende oder geplante Maßnahme: Hafen." in luecke
    assert '<strong class="atlas-markierung atlas-markierung--hoch">Hoher Bedarf, nichts geplant</strong>' in luecke


def test_methode_rechnet_ein_beispiel_aus_den_daten_vor(auenfeld):
    _, atlas, seiten, _ = auenfeld
    methode = seiten["atlas/methode.md"].markdown
    assert "## Rechenbeispiel: Hafen 2024" in methode
    assert "z = r × (x − m) ÷ s" in methode
    assert f"= **{atlas.sozialindex.wert('hafen').wert:.2f}**".replace(".", ",") in methode
    assert "### Rechenbeispiel Dynamik: Hafen" in methode


def test_downloads_csv_und_geojson_mit_lizenz_und_datenart(auenfeld):
    _, atlas, seiten, dateien = auenfeld
    werte = list(csv.DictReader(io.StringIO(dateien["atlas/daten/indikatorwerte.csv"].decode())))
    hafen = next(z for z in werte if z["stadtteil_id"] == "hafen" and z["indikator"] == "altersarmut" and z["jahr"] == "2024")
    assert hafen == {"stadtteil_id": "hafen", "nummer": "102", "stadtteil": "Hafen", "indikator": "altersarmut",
                     "indikator_name": "Altersarmut", "jahr": "2024", "wert": "12.1", "einheit": "%",
                     "datenart": "Beispieldaten"}
    index = list(csv.DictReader(io.StringIO(dateien["atlas/daten/sozialindex.csv"].decode())))
    assert index[0]["stadtteil_id"] == "hafen" and index[0]["rang"] == "1" and index[0]["hoher_bedarf"] == "ja"
    assert set(index[0]) >= {"dynamik", "dynamikklasse", "indexwert_2020", "indexwert_2024"}
    geo = json.loads(dateien["atlas/daten/stadtteile.geojson"])
    assert geo["namensnennung"] == "Bezirksgrenzen: Stadt Auenfeld (erfunden)" and geo["datenart"] == "Beispieldaten"
    assert {f["properties"]["id"] for f in geo["features"]} == {s for s in atlas.grenzen}
    assert "atlas/daten/stadtteile/hafen.csv" in dateien and "atlas/daten/altersarmut.csv" in dateien
    assert "indikatorwerte.csv" in seiten["atlas/downloads.md"].markdown


def test_erzeugung_ist_byte_gleich(erfurt):
    _, _, seiten, dateien = erfurt
    _, _, nochmal, dateien2 = erzeugen(REPO)
    assert {p: s.markdown for p, s in seiten.items()} == {p: s.markdown for p, s in nochmal.items()}
    assert dateien == dateien2


def test_erfurt_hat_atlas_indikatorenblaetter_profile_bedarf_und_downloads(erfurt):
    plan, atlas, seiten, dateien = erfurt
    assert len([p for p in seiten if p.startswith("atlas/stadtteile/") and not p.endswith("index.md")]) == 53
    assert {f"atlas/indikatoren/{i.id}.md" for i in atlas.indikatoren} <= set(seiten)
    assert {"atlas/bedarfsermittlung.md", "atlas/downloads.md", "atlas/methode.md"} <= set(seiten)
    geo = json.loads(dateien["atlas/daten/stadtteile.geojson"])
    assert geo["lizenz_adresse"] == "https://www.govdata.de/dl-de/by-2-0"
    assert "Geoportal Erfurt, dl-de/by-2.0" in geo["namensnennung"]


def test_erfurter_karten_runden_auf_vier_stellen_weil_sie_um_20_m_vereinfacht_sind(erfurt):
    _, _, seiten, _ = erfurt
    karte = html.unescape(seiten["atlas/indikatoren/kinderarmut.md"].markdown)
    koordinaten = re.findall(r"\[(1[01]\.\d+),(5[01]\.\d+)\]", karte)
    assert len(koordinaten) > 1000
    assert max(len(x.split(".")[1]) for x, _ in koordinaten) == 4


def test_erfurter_profil_zeigt_echte_zahlen_getrennt_mit_stichtag_und_quelle(erfurt):
    _, _, seiten, _ = erfurt
    profil = seiten["atlas/stadtteile/rieth.md"].markdown
    echt = profil.split("## Veröffentlichte Zahlen", 1)[1]
    assert '<th scope="row">Arbeitslosenquote</th><td class="atlas-zahl">12,5\u00a0%</td><td>2017</td>' in echt
    assert "31. Juli 2017" in echt and "Sozialstrukturatlas Erfurt 2020" in echt
    assert "(Beispieldaten)" not in echt and "Beispieldaten" in profil.split("## Veröffentlichte Zahlen", 1)[0]


@pytest.fixture(scope="module")
def auenfeld_gebaut(tmp_path_factory) -> Path:
    """The site scaffolding of this repository with Auenfeld's plan/ and data/, built by mkdocs:
    the repository's root, its site in `site/` beside it."""
    wurzel = tmp_path_factory.mktemp("auenfeld") / "auenfeld"
    shutil.copytree(REPO / "tests/fixtures/zweitstadt", wurzel, ignore=shutil.ignore_patterns("README.md"))
    website_kopieren(wurzel)
    ergebnis = mkdocs_bauen(wurzel, wurzel.parent / "site")
    assert ergebnis.returncode == 0, ergebnis.stderr
    return wurzel


def atlasseiten(site: Path) -> dict[Path, bytes]:
    return {p.relative_to(site): p.read_bytes() for p in (site / "atlas").rglob("*.html")}


def test_zweitstadt_baut_als_website_nur_durch_austausch_von_plan_und_data(auenfeld_gebaut, tmp_path):
    """Built a second time, the atlas pages are byte-identical; they load nothing from another host."""
    ergebnis = mkdocs_bauen(auenfeld_gebaut, tmp_path / "zweiter")
    assert ergebnis.returncode == 0, ergebnis.stderr
    seiten = [atlasseiten(auenfeld_gebaut.parent / "site"), atlasseiten(tmp_path / "zweiter")]
    assert seiten[0] == seiten[1]
    # atlas pages, indicator index and sheets, district index, comparison and profiles
    assert len(seiten[0]) == 4 + 1 + 5 + 1 + 1 + 6
    karte = seiten[0][Path("atlas/indikatoren/altersarmut.html")].decode()
    assert "user-scalable" not in karte and "<iframe" not in karte
    assert all(not LADEN_VON_AUSSEN.search(html.decode()) for html in seiten[0].values())
    assert 'src="../../assets/atlas/atlas-karte.js"' in karte and 'data-karte="' in karte


def test_die_suche_findet_stadtteile_und_indikatoren_aber_nicht_jede_zeile_ihrer_tabellen(auenfeld_gebaut, auenfeld):
    """Searching a district's name finds its profile, and an indicator sheet only where its text
    names the district (highest, lowest value), not by a row of its table: the atlas tables of
    figures stay out of the search index, which the reader's browser builds on every page view."""
    plan, atlas, _, _ = auenfeld
    eintraege = json.loads((auenfeld_gebaut.parent / "site/search/search_index.json").read_text(encoding="utf-8"))["docs"]
    texte: dict[str, str] = {}
    for eintrag in eintraege:
        seite = eintrag["location"].split("#")[0]
        texte[seite] = texte.get(seite, "") + eintrag["title"] + " " + eintrag["text"] + " "
    namen = [s.name for s in plan.stadtteile]
    for stadtteil in plan.stadtteile:
        assert stadtteil.name in texte[f"atlas/stadtteile/{stadtteil.id}.html"]
    for indikator in atlas.indikatoren:
        text = texte[f"atlas/indikatoren/{indikator.id}.html"]
        assert indikator.name in text
        assert sum(name in text for name in namen) < len(namen), f"{indikator.id}: die Tabelle steht im Suchindex"
    assert "nach Stadtteilen" not in " ".join(texte.values())  # nor a table's caption


def test_profil_der_zweitstadt_beginnt_mit_der_karte_auf_einen_blick(auenfeld):
    """The card knows no city: the second city's profile has it with its own names and offices."""
    plan, atlas, seiten, _ = auenfeld
    standort = atlas.standorte[0]
    text = seiten[f"atlas/stadtteile/{standort.stadtteil}.md"].markdown
    assert text.index("## Auf einen Blick") < text.index("## Alle Indikatoren")
    karte = text.split('<div class="srp-stadtteilkarte">', 1)[1].split("</div>", 1)[0]
    assert "<dt>Ergebnis der Bedarfsermittlung</dt>" in karte and '<svg class="srp-lagekarte"' in karte
    assert f"<strong>{standort.name}</strong>" in karte
    assert "Adresse:" not in karte  # Auenfeld's standorte.csv has no visiting columns: nothing is made up
    assert f'href="../../leichte-sprache/stadtteile/{standort.stadtteil}.html"' in karte
    assert f'href="../vergleich.html?a={standort.stadtteil}"' in karte


def test_besuchsangaben_der_standorte_stehen_auf_der_karte(tmp_path):
    wurzel = tmp_path / "auenfeld"
    shutil.copytree(REPO / "tests/fixtures/zweitstadt", wurzel)
    csv_datei = wurzel / "data/standorte.csv"
    zeilen = csv_datei.read_text(encoding="utf-8").splitlines()
    zeilen[0] += ",adresse,oeffnungszeiten,kontakt,barrierefreiheit"
    zeilen[1:] = [z + ',Deichweg 1,"Di 9–12 Uhr",0421 000,<b>stufenlos</b>' for z in zeilen[1:]]
    csv_datei.write_text("\n".join(zeilen) + "\n", encoding="utf-8")
    _, atlas, seiten, _ = erzeugen(wurzel)
    standort = atlas.standorte[0]
    karte = seiten[f"atlas/stadtteile/{standort.stadtteil}.md"].markdown.split('<div class="srp-stadtteilkarte">', 1)[1]
    assert "Adresse: Deichweg 1<br>Geöffnet: Di 9–12 Uhr<br>Kontakt: 0421 000<br>Zugang: &lt;b&gt;stufenlos&lt;/b&gt;" in karte


def test_die_klasse_eines_stadtteils_steht_ueberall_gleich(auenfeld):
    """Profile sentence, district card, Bedarfsermittlung table, index table and map tooltip name
    Hafen's class the same way: „Stufe 4 von 4: sehr niedrig“; the range only in the legend."""
    _, _, seiten, _ = auenfeld
    klasse = "Stufe 4 von 4: sehr niedrig"
    profil = seiten["atlas/stadtteile/hafen.md"].markdown
    karte = profil.split('<div class="srp-stadtteilkarte">', 1)[1].split("</div>", 1)[0]
    assert f"<dd>Status {klasse}; Dynamik Stufe 3 von 3: negativ (Stufe 4 heißt: am meisten Unterstützung nötig)." in karte
    assert f"bei **1,81**: Status {klasse}; Dynamik" in profil.split("</div>", 1)[1]
    bedarf = seiten["atlas/bedarfsermittlung.md"].markdown
    assert f'Hafen</a></th><td class="atlas-zahl">1</td><td class="atlas-zahl">1,81</td><td>Status {klasse}; ' in bedarf
    uebersicht = seiten["atlas/index.md"].markdown
    assert f'Hafen</a></th><td class="atlas-zahl">1</td><td class="atlas-zahl">1,81</td><td>{klasse}</td>' in uebersicht
    daten = json.loads(html.unescape(re.search(r'data-karte="([^"]*)"', uebersicht).group(1)))
    hafen = next(f["properties"] for f in daten["flaechen"]["features"] if f["id"] == "hafen")
    assert hafen["klasse"] == klasse
    assert f"{klasse} (1,50 und mehr)" in uebersicht  # the legend adds the range
    for alt in ("4 – sehr niedrig", ">sehr niedrig (1,50", "Klasse 4"):
        assert all(alt not in s.markdown for s in seiten.values()), alt


def test_eine_tabelle_im_codeblock_einer_eigenen_seite_steht_dort_als_text(tmp_path):
    """The build skips Markdown for the atlas's tables (`render.htmlbloecke`); where an editor puts a
    macro into a code block, the page shows the table's HTML as code, as Markdown makes it."""
    wurzel = tmp_path / "auenfeld"
    shutil.copytree(REPO / "tests/fixtures/zweitstadt", wurzel, ignore=shutil.ignore_patterns("README.md"))
    website_kopieren(wurzel)
    aufruf = '{{ indikator_tabelle("altersarmut", jahr=2022) }}'
    (wurzel / "docs/redaktion/beispiel.md").write_text(
        f"# Beispiel\n\nDer Aufruf ergibt diesen Quelltext:\n\n```\n{aufruf}\n```\n\nUnd so sieht es aus:\n\n{aufruf}\n",
        encoding="utf-8")
    ergebnis = mkdocs_bauen(wurzel, tmp_path / "site")
    assert ergebnis.returncode == 0, ergebnis.stderr
    seite = (tmp_path / "site/redaktion/beispiel.html").read_text(encoding="utf-8")
    assert seite.count('<table class="atlas-werte">') == 1
    code = re.search(r"<pre>.*?</pre>", seite, re.DOTALL)
    assert code is not None and "atlas-werte" in html.unescape(re.sub(r"<[^>]+>", "", code.group(0)))
    assert "srp-html" not in seite
