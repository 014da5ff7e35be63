"""The site built for real with mkdocs from a small plan: pages, safety, failure without output."""

from __future__ import annotations

import gc
import json
from pathlib import Path

import pytest
from conftest import bau_scheitert, mkdocs_bauen, website_kopieren
from externe_adressen import externe_adressen
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort


def lesen(site: Path, pfad: str) -> str:
    return (site / pfad).read_text(encoding="utf-8")


def inhalt(site: Path, pfad: str) -> str:
    """The page's article only, without navigation and footer."""
    return lesen(site, pfad).split("<article", 1)[1].split("</article>", 1)[0]


def test_jede_leitlinie_massnahme_und_jedes_gremium_hat_eine_seite(musterstadt_site):
    for pfad in ("leitlinien/L1.html", "leitlinien/L2.html", "massnahmen/M001.html", "massnahmen/M002.html",
                 "gremien/begleitgremium.html", "gremien/arbeitskreis.html", "sitzungen.html", "glossar.html"):
        assert (musterstadt_site / pfad).is_file(), pfad


def test_startseite_nennt_die_stadt_und_die_drei_planungsschritte(musterstadt_site):
    start = lesen(musterstadt_site, "index.html")
    assert "<title>Integrierter Sozialraumplan Musterstadt</title>" in start
    assert "Erfurt" not in start.replace("sozialraumplan/erfurt", "")
    for schritt in ("Bestandserhebung", "Bedarfsermittlung", "Maßnahmenplanung"):
        assert schritt in start
    assert "Beispieldaten" in start


def test_massnahmenseite_zeigt_status_fortschritt_und_verweise(musterstadt_site):
    seite = lesen(musterstadt_site, "massnahmen/M001.html")
    assert 'class="srp-status srp-status--in_umsetzung">in Umsetzung<' in seite
    assert '<progress max="100" value="40"' in seite and "40 %" in seite
    assert 'href="../leitlinien/L1.html"' in seite and 'href="../gremien/begleitgremium.html"' in seite
    assert "Nordstadt" in seite and "Januar 2025 bis Dezember 2026" in seite


def test_katalog_ist_eine_zugaengliche_tabelle_mit_filterdaten(musterstadt_site):
    katalog = lesen(musterstadt_site, "massnahmen/index.html")
    assert "<caption>Maßnahmen des Plans (2)</caption>" in katalog
    assert katalog.count('<th scope="col">') == 6
    assert '<th scope="row"><a href="M001.html">Stadtteilzentrum Nord eröffnen</a></th>' in katalog
    assert 'data-leitlinien="L1 L2" data-stadtteile="nord" data-status="in_umsetzung" data-prioritaet="hoch"' in katalog
    for filter_ in ("leitlinien", "stadtteile", "status", "prioritaet"):
        assert f'data-filter="{filter_}"' in katalog


def test_die_suche_findet_jede_massnahme_auf_ihrer_seite_nicht_als_zeile_einer_tabelle(musterstadt_site):
    """Catalogue and filter stay out of the search index: their cells and choices stood there run
    together („…eröffnenL1, L2Nordstadt…“) under every page that lists Maßnahmen."""
    eintraege = json.loads(lesen(musterstadt_site, "search/search_index.json"))["docs"]
    texte: dict[str, str] = {}
    for eintrag in eintraege:
        seite = eintrag["location"].split("#")[0]
        texte[seite] = texte.get(seite, "") + eintrag["title"] + " " + eintrag["text"] + " "
    for kennung, titel in (("M001", "Stadtteilzentrum Nord eröffnen"), ("M002", "Sozialatlas fortschreiben")):
        assert titel in texte[f"massnahmen/{kennung}.html"]
        for seite in ("massnahmen/index.html", "leitlinien/L2.html"):
            assert titel not in texte[seite], seite
    assert "Sie können nach Leitlinie, Stadtteil, Status und Priorität filtern" in texte["massnahmen/index.html"]
    assert "Nordstadt" not in texte["massnahmen/index.html"] and "Priorität alle" not in texte["massnahmen/index.html"]


def test_leitlinienseite_listet_ihre_massnahmen(musterstadt_site):
    l2 = inhalt(musterstadt_site, "leitlinien/L2.html")
    assert 'href="../massnahmen/M001.html"' in l2 and 'href="../massnahmen/M002.html"' in l2
    l1 = inhalt(musterstadt_site, "leitlinien/L1.html")
    assert "M002.html" not in l1


def test_organigramm_als_svg_mit_textfassung_ohne_skript(musterstadt_site):
    gremien = inhalt(musterstadt_site, "gremien/index.html")
    svg = gremien.split('<figure class="srp-organigramm">', 1)[1].split("</figure>", 1)[0]
    assert svg.startswith('<svg viewBox="0 0 ') and 'role="img"' in svg
    assert "<title" in svg and "Berichtswege" in svg
    assert svg.count("<polygon") == 1  # one reporting line: Arbeitskreis → Begleitgremium
    assert ">Begleitgremium</tspan>" in svg and "<script" not in gremien and "mermaid" not in gremien
    assert "Verbindungen als Text" in gremien


def test_pruefliste_nennt_massnahmen_ohne_pruefung_seit_einem_jahr(musterstadt_site):
    tabelle = inhalt(musterstadt_site, "massnahmen/pruefung.html").split("<table", 1)[1]
    assert "Sozialatlas fortschreiben" in tabelle and "15. Januar 2023" in tabelle
    assert "Stadtteilzentrum Nord" not in tabelle


@pytest.mark.parametrize(("seite", "quelle"), [
    ("massnahmen/M001.html", "plan/massnahmen/M001.yml"),
    ("leitlinien/L2.html", "plan/leitlinien/L2.yml"),
    ("gremien/arbeitskreis.html", "plan/gremien/arbeitskreis.yml"),
])
def test_bearbeiten_link_fuehrt_zur_yaml_datei(musterstadt_site, seite, quelle):
    html = lesen(musterstadt_site, seite)
    assert f'href="https://github.com/sozialraumplan/erfurt/edit/main/{quelle}"' in html
    redaktion = html.split('<details class="srp-redaktion">', 1)[1].split("</details>", 1)[0]
    assert "<summary>Für Redaktion</summary>" in redaktion and "Diese Seite bearbeiten" in redaktion
    assert f"Quelle: <code>{quelle}</code>" in redaktion
    assert html.count("Diese Seite bearbeiten") == 1, "der Bearbeiten-Link steht nur im Kasten „Für Redaktion“"


def test_handgeschriebene_seite_wird_im_docs_ordner_bearbeitet(musterstadt_site):
    assert 'href="https://github.com/sozialraumplan/erfurt/edit/main/docs/index.md"' in lesen(musterstadt_site, "index.html")


def test_seite_nennt_letzte_aenderung_aus_git(kleinstadt, tmp_path):
    import subprocess

    website_kopieren(kleinstadt.wurzel)
    git = ["git", "-c", "user.name=Redaktion", "-c", "user.email=redaktion@example.org"]
    subprocess.run(["git", "init", "-q"], cwd=kleinstadt.wurzel, check=True)
    subprocess.run(["git", "add", "plan", "data"], cwd=kleinstadt.wurzel, check=True)
    subprocess.run([*git, "commit", "-qm", "Plan", "--date", "2025-04-03T10:00:00"], cwd=kleinstadt.wurzel,
                   check=True, env={"GIT_COMMITTER_DATE": "2025-04-03T10:00:00", "PATH": "/usr/bin:/bin"})
    ergebnis = mkdocs_bauen(kleinstadt.wurzel, tmp_path / "site")
    assert ergebnis.returncode == 0, ergebnis.stderr
    seite = inhalt(tmp_path / "site", "massnahmen/M001.html")
    assert "Zuletzt geändert: 3. April 2025" in seite and "Zuletzt geprüft: 1. Mai 2025" in seite


def test_abkuerzungen_werden_auf_jeder_seite_erklaert(musterstadt_site):
    seite = lesen(musterstadt_site, "gremien/arbeitskreis.html")
    assert '<abbr title="Quartiers- und Sozialraumarbeit">QSA</abbr>' in seite


def test_keine_anfrage_an_fremde_server(musterstadt_site):
    assert externe_adressen(musterstadt_site) == {}


def test_pruefung_auf_fremde_server_findet_sie_auch(tmp_path):
    (tmp_path / "a.html").write_text(
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css"><a href="https://erfurt.de">ok</a>'
        '<img srcset="bild.png 1x, //cdn.example.org/b.png 2x"><div style="background:url(http://x.org/y.png)">'
        '<script src="http://127.0.0.1:8000/lokal.js"></script>', encoding="utf-8")
    (tmp_path / "b.css").write_text("@import 'https://cdn.example.org/x.css'; a{background:url(bild.png)}")
    assert externe_adressen(tmp_path) == {
        "a.html": ["https://fonts.googleapis.com/css", "//cdn.example.org/b.png", "http://x.org/y.png"],
        "b.css": ["https://cdn.example.org/x.css"],
    }


def test_eingeschleuster_text_wird_nie_zum_html_tag(kleinstadt, tmp_path):
    """Text the validator lets through (Jinja, lone angle brackets) reaches readers only as text."""
    kleinstadt.ersetzen("plan/massnahmen/M001.yml", "titel: Stadtteilzentrum Nord eröffnen",
                        "titel: 'Zentrum {{ 7*7 }} & Nord'")
    kleinstadt.ersetzen("plan/massnahmen/M001.yml", "Ein offener Treffpunkt", "Ein {% raw %} Treff für < 6 > Jährige")
    website_kopieren(kleinstadt.wurzel)
    ergebnis = mkdocs_bauen(kleinstadt.wurzel, tmp_path / "site")
    assert ergebnis.returncode == 0, ergebnis.stderr
    seite = inhalt(tmp_path / "site", "massnahmen/M001.html")
    assert "Zentrum {{ 7*7 }} &amp; Nord" in seite and "Zentrum 49" not in seite
    assert "Ein {% raw %} Treff für &lt; 6 &gt; Jährige" in seite


def test_fehlerhafter_plan_baut_keine_website(kleinstadt, tmp_path):
    kleinstadt.ersetzen("plan/massnahmen/M002.yml", "gremium: arbeitskreis", "gremium: arbeitskries")
    meldungen = bau_scheitert(kleinstadt, tmp_path / "site")
    assert "plan/massnahmen/M002.yml:15:10: Das Gremium „arbeitskries“ gibt es nicht" in meldungen
    assert "meinten Sie „arbeitskreis“?" in meldungen


def test_handgeschriebene_seite_darf_keine_erzeugte_ueberdecken(kleinstadt, tmp_path):
    website_kopieren(kleinstadt.wurzel)
    kleinstadt.schreiben("docs/massnahmen/M001.md", "# Von Hand\n")
    ergebnis = mkdocs_bauen(kleinstadt.wurzel, tmp_path / "site")
    assert ergebnis.returncode != 0
    assert "docs/massnahmen/M001.md:1:1: Diese Seite wird aus plan/ oder data/ erzeugt" in ergebnis.stderr


def test_downloads_enthalten_den_plan_als_json_und_csv(musterstadt_site):
    import json

    daten = json.loads(lesen(musterstadt_site, "downloads/plan.json"))
    assert [m["id"] for m in daten["massnahmen"]] == ["M001", "M002"]
    assert daten["massnahmen"][0]["zeitraum"] == {"beginn": "2025-01", "ende": "2026-12"}
    csv_zeilen = lesen(musterstadt_site, "downloads/massnahmen.csv").splitlines()
    assert len(csv_zeilen) == 3 and csv_zeilen[0].startswith("id,titel,")
    assert 'href="plan.json"' in inhalt(musterstadt_site, "downloads/index.html")


def test_unbekannte_vergleichsbasis_ist_ein_fehler_in_plan_yml(kleinstadt, tmp_path):
    import subprocess

    kleinstadt.ersetzen("plan/plan.yml", "beispieldaten: true\n", "beispieldaten: true\nvergleich_mit: v1999.1\n")
    website_kopieren(kleinstadt.wurzel)
    subprocess.run(["git", "init", "-q"], cwd=kleinstadt.wurzel, check=True)
    ergebnis = mkdocs_bauen(kleinstadt.wurzel, tmp_path / "site")
    assert ergebnis.returncode != 0
    assert "plan/plan.yml:10:1:" in ergebnis.stderr and "v1999.1" in ergebnis.stderr


def test_pruefliste_gibt_es_auch_als_json(musterstadt_site):
    import json

    daten = json.loads(lesen(musterstadt_site, "massnahmen/pruefung.json"))
    assert daten["stichtag"] == "2025-06-30" and daten["prueffrist_tage"] == 365
    assert daten["faellig"] == [{"id": "M002", "titel": "Sozialatlas fortschreiben", "zuletzt_geprueft": "2023-01-15",
                                 "tage_seit_pruefung": 897, "gremium": "arbeitskreis",
                                 "datei": "plan/massnahmen/M002.yml"}]


def test_warnungen_erscheinen_im_bau_und_zaehlen_streng(kleinstadt, tmp_path):
    """A warning `validate` shows is printed by the build too, through mkdocs' logger, so the
    strict build of `make site` counts it."""
    kleinstadt.ersetzen("plan/massnahmen/M002.yml", "stadtteile: [gesamtstadt]", "stadtteile: [gesamtstadt, nord]")
    website_kopieren(kleinstadt.wurzel)
    ergebnis = mkdocs_bauen(kleinstadt.wurzel, tmp_path / "site")
    assert "WARNING -  plan/massnahmen/M002.yml:4:" in ergebnis.stderr
    assert "„gesamtstadt“ und einzelne Stadtteile sind zugleich angegeben" in ergebnis.stderr
    assert ergebnis.returncode != 0  # make site builds beside site/ and keeps the old one


def test_satzzeichen_aus_dem_plan_stehen_ohne_markdown_schraegstrich_auf_jeder_seite(kleinstadt, tmp_path):
    """Plan texts are escaped for Markdown where they go into Markdown, and for HTML where they
    go into HTML: a reader never sees the escape, in the text, the navigation or the title."""
    import re

    kleinstadt.ersetzen("plan/leitlinien/L2.yml", "titel: Armut vermeiden\n",
                        "titel: Armut vermeiden\ntitel_leichte_sprache: Hilfe im Ehren-Amt (Nord).\n")
    website_kopieren(kleinstadt.wurzel)
    ergebnis = mkdocs_bauen(kleinstadt.wurzel, tmp_path / "site")
    assert ergebnis.returncode == 0, ergebnis.stderr
    escape = re.compile(r"\w\\[-.,:;!?()#*_\[\]]|\\[-.,:;!?()#*_\[\]]\w")
    for seite in (tmp_path / "site").rglob("*.html"):
        text = re.sub(r"<script\b.*?</script>", "", lesen(seite.parent, seite.name), flags=re.S)
        text = re.sub(r'\sdata-[\w-]+="[^"]*"', "", text)
        assert not escape.search(text), (seite, escape.search(text))
    assert "Ziel 2: Hilfe im Ehren-Amt (Nord)." in lesen(tmp_path / "site", "leichte-sprache/leitlinien/L2.html")
    assert "Niemand soll abgehängt werden.</p>" in lesen(tmp_path / "site", "leitlinien/L2.html")


def _im_prozess_bauen(wurzel: Path, ziel: Path) -> None:
    """`mkdocs build` in this process, as the live preview and tools such as mike run it."""
    config = load_config(str(wurzel / "mkdocs.yml"), site_dir=str(ziel))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def test_nach_dem_bau_ist_im_prozess_nichts_mehr_eingefroren(kleinstadt, tmp_path):
    """While the pages render, the hook freezes what is loaded (the plan, the atlas, numpy), so that
    garbage collection does not walk it again and again. After the build, whether it worked or the
    last look at a finished page stopped it, the process collects as before."""
    website_kopieren(kleinstadt.wurzel)
    _im_prozess_bauen(kleinstadt.wurzel, tmp_path / "site")
    assert (tmp_path / "site" / "index.html").is_file()
    assert gc.get_freeze_count() == 0
    # a theme that writes an event handler: the check of the finished page stops the build
    vorlage = kleinstadt.wurzel / "overrides" / "main.html"
    vorlage.write_text(vorlage.read_text(encoding="utf-8") + '\n{% block footer %}<p onclick="x()">Fuß</p>{% endblock %}\n',
                       encoding="utf-8")
    with pytest.raises(Abort):
        _im_prozess_bauen(kleinstadt.wurzel, tmp_path / "site2")
    assert gc.get_freeze_count() == 0
