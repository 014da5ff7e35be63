"""`sozialraumplan diff A B`: two tagged Fortschreibungen of Musterstadt in a real git repository.

Between v2025.1 and v2026.1 the editors made exactly these changes, and the report must name
exactly these — in Markdown, JSON and HTML:
- M001 „Stadtteilzentrum Nord eröffnen“: file renamed to M001.yaml (same id), status
  in_umsetzung → umgesetzt, Fortschritt 40 → 100, Südstadt added, end June 2026 instead of December;
- M002 „Sozialatlas fortschreiben“ removed, M003 „Familienbüro Süd einrichten“ added;
- Leitlinie 2: two passages of the Erläuterung reworded;
- Gremium „Arbeitskreis Quartiersarbeit“: meets every two months, Jobcenter joined;
- district „Oststadt“ added; plan.yml: second Fortschreibung, new Stand;
- atlas: values of 2025 added (Oststadt included). Nordstadt's need fell, Südstadt's rose, so
  both change their index class: Nordstadt „hoch“ → „niedrig“, Südstadt „niedrig“ → „hoch“.
"""

from __future__ import annotations

import json

import pytest
from conftest import lesbar
from fixtures.diff.planrepo import M003, NACHBARSCHAFTSCAFE, WERTE_2024, Planrepo, atlas_schreiben

from sozialraumplan.cli import main
from sozialraumplan.diff import als_html, als_json, als_markdown, stand_aus_revision, vergleichen
from sozialraumplan.diff.synopse import synopse

ERLAEUTERUNG_ALT = (
    "Vorbeugen ist besser als helfen. Die Stadt baut deshalb Präventionsketten auf, die Familien "
    "von der Geburt bis zum Berufseinstieg begleiten,\n  und sorgt dafür, dass Hilfen ohne lange Wege "
    "erreichbar sind."
)
ERLAEUTERUNG_NEU = (
    "Vorbeugen ist besser als helfen. Die Stadt baut deshalb eine Präventionskette auf, die Familien "
    "von der Geburt bis zum Berufseinstieg begleitet, und sorgt dafür, dass Hilfen ohne Antrag und "
    "ohne lange Wege erreichbar sind."
)

WERTE_2025 = {
    ("nord", "arbeitslosenquote", 2025): 4.0, ("nord", "kinderarmut", 2025): 12.0,
    ("sued", "arbeitslosenquote", 2025): 9.0, ("sued", "kinderarmut", 2025): 28.0,
    ("ost", "arbeitslosenquote", 2025): 6.0, ("ost", "kinderarmut", 2025): 15.0,
}


@pytest.fixture
def repo(kleinstadt) -> Planrepo:
    """Musterstadt tagged as v2025.1 and, after the known changes, as v2026.1."""
    repo = Planrepo(kleinstadt)
    repo.ersetzen("plan/leitlinien/L2.yml", "erlaeuterung: Vorbeugen ist besser als helfen.",
                  f"erlaeuterung: >-\n  {ERLAEUTERUNG_ALT}")
    repo.fassung("Erste Fortschreibung", tag="v2025.1")

    repo.umbenennen("plan/massnahmen/M001.yml", "plan/massnahmen/M001.yaml")
    repo.ersetzen("plan/massnahmen/M001.yaml", "status: in_umsetzung", "status: umgesetzt")
    repo.ersetzen("plan/massnahmen/M001.yaml", "fortschritt: 40", "fortschritt: 100")
    repo.ersetzen("plan/massnahmen/M001.yaml", "stadtteile: [nord]", "stadtteile: [nord, sued]")
    repo.ersetzen("plan/massnahmen/M001.yaml", 'ende: "2026-12"', 'ende: "2026-06"')
    repo.loeschen("plan/massnahmen/M002.yml")
    repo.schreiben("plan/massnahmen/M003.yml", M003)
    repo.ersetzen("plan/leitlinien/L2.yml", ERLAEUTERUNG_ALT, ERLAEUTERUNG_NEU)
    repo.ersetzen("plan/gremien/arbeitskreis.yml", "turnus: monatlich",
                  "turnus: alle zwei Monate\nmitglieder: [Jobcenter]")
    repo.ersetzen("plan/plan.yml", "fortschreibung: Erste Fortschreibung 2025", "fortschreibung: Zweite Fortschreibung 2026")
    repo.ersetzen("plan/plan.yml", "stand: 2025-06-30", "stand: 2026-06-30")
    repo.ersetzen("data/stadtteile.csv", "sued,2,Südstadt\n", "sued,2,Südstadt\nost,3,Oststadt\n")
    atlas_schreiben(repo, {**WERTE_2024, **WERTE_2025})
    repo.fassung("Zweite Fortschreibung", tag="v2026.1")
    return repo


def diff_ausgabe(repo: Planrepo, capsys, *argumente: str) -> tuple[int, str, str]:
    code = main(["--wurzel", str(repo.wurzel), "diff", *argumente])
    ausgabe = capsys.readouterr()
    return code, lesbar(ausgabe.out) if "json" not in argumente else ausgabe.out, ausgabe.err


def test_zusammenfassung_zum_vorlesen(repo):
    vergleich = vergleichen(stand_aus_revision(repo.wurzel, "v2025.1"), stand_aus_revision(repo.wurzel, "v2026.1"))
    from sozialraumplan.diff import zusammenfassung

    assert zusammenfassung(vergleich) == (
        "1 neue Maßnahme, 1 geändert, 1 entfallen; 1 Leitlinie geändert; 1 Gremium geändert; "
        "1 neuer Stadtteil; Angaben zum Plan geändert; 2 Stadtteile wechseln die Indexklasse."
    )


def test_markdown_nennt_genau_die_bekannten_aenderungen(repo, capsys):
    code, text, fehler = diff_ausgabe(repo, capsys, "v2025.1", "v2026.1")
    assert code == 0, fehler
    assert text.startswith("# Änderungen von v2025.1 zu v2026.1\n")
    assert "### Neue Maßnahmen (1)\n\n- **M003 – Familienbüro Süd einrichten**: geplant, ab September 2026; " \
           "Stadtteile: Südstadt" in text
    assert "### Entfallene Maßnahmen (1)\n\n- **M002 – Sozialatlas fortschreiben** (zuletzt geplant, Fortschritt 0 %)" in text
    assert "### Geänderte Maßnahmen (1)\n\n#### M001 – Stadtteilzentrum Nord eröffnen\n\n" \
           "- Datei umbenannt: `plan/massnahmen/M001.yml` → `plan/massnahmen/M001.yaml`\n" \
           "- Stadtteile: hinzugekommen Südstadt\n" \
           "- Zeitraum, Ende: Dezember 2026 → Juni 2026\n" \
           "- Status: in Umsetzung → umgesetzt\n" \
           "- Fortschritt: 40 % → 100 %\n" in text
    assert "#### Leitlinie 2: Armut vermeiden\n\n- Erläuterung:\n" \
           "    - statt „Präventionsketten“ jetzt „eine Präventionskette“ (nach „…Die Stadt baut deshalb“)\n" \
           "    - statt „begleiten,“ jetzt „begleitet,“ (nach „…Geburt bis zum Berufseinstieg“)\n" \
           "    - ergänzt: „Antrag und ohne“ (nach „…dafür, dass Hilfen ohne“)\n" in text
    assert "#### Arbeitskreis Quartiersarbeit\n\n" \
           "- Mitglieder: hinzugekommen „Jobcenter“\n- Turnus: „monatlich“ → „alle zwei Monate“\n" in text
    assert "### Neue Stadtteile (1)\n\n- **Oststadt**" in text
    assert "- Fortschreibung: „Erste Fortschreibung 2025“ → „Zweite Fortschreibung 2026“\n" \
           "- Stand: 30. Juni 2025 → 30. Juni 2026" in text
    assert "## Sitzungen\n\nKeine Änderungen." in text
    # nothing else: the renamed Maßnahme is neither removed nor added
    plan_teil, indikator_teil = text.split("## Indikatoren und Sozialindex")
    assert plan_teil.count("#### ") == 3
    assert "M001" not in text.split("### Geänderte Maßnahmen")[0]
    assert "### Indexklassen (Sozialindex 2024 und 2025)\n\n2 Stadtteile wechseln die Indexklasse:\n\n" \
           "| Stadtteil | Klasse vorher | Klasse jetzt | Indexwert vorher | Indexwert jetzt |\n|---|---|---|---|---|\n" \
           "| Nordstadt | Stufe 2 von 2: hoch | Stufe 1 von 2: niedrig | +1,00 | −1,03 |\n" \
           "| Südstadt | Stufe 1 von 2: niedrig | Stufe 2 von 2: hoch | −1,00 | +1,35 |\n" in indikator_teil
    groesste = indikator_teil.split("### Größte Veränderungen")[1].split("###")[0]
    assert groesste.index("| Nordstadt | Arbeitslosenquote | 10,0 % (2024) | 4,0 % (2025) | −6,0 Prozentpunkte |") \
        < groesste.index("| Südstadt | Arbeitslosenquote | 5,0 % (2024) | 9,0 % (2025) | +4,0 Prozentpunkte |")
    assert "Oststadt" not in groesste, "a district without an earlier value has no move to rank"
    assert "- neu mit Werten: Oststadt" in indikator_teil
    assert "| Oststadt | keine Angabe | 6,0 % (2025) | keine Angabe |" in indikator_teil


def test_json_nennt_dieselben_aenderungen(repo, capsys):
    code, text, _ = diff_ausgabe(repo, capsys, "v2025.1", "v2026.1", "--format", "json")
    assert code == 0
    daten = json.loads(text)
    assert daten["basis"]["name"] == "v2025.1" and daten["ziel"]["name"] == "v2026.1"
    assert daten["basis"]["commit"] == repo.git("rev-parse", "v2025.1^{commit}").strip()
    massnahmen = daten["massnahme"]
    assert [m["id"] for m in massnahmen["neu"]] == ["M003"]
    assert massnahmen["neu"][0]["wert"]["status"] == "geplant"
    assert [m["id"] for m in massnahmen["entfallen"]] == ["M002"]
    assert massnahmen["nicht_verglichen"] == []
    [m001] = massnahmen["geaendert"]
    assert m001["umbenannt"] is True
    assert (m001["datei_alt"], m001["datei_neu"]) == ("plan/massnahmen/M001.yml", "plan/massnahmen/M001.yaml")
    felder = {f["feld"]: f for f in m001["felder"]}
    assert list(felder) == ["stadtteile", "zeitraum.ende", "status", "fortschritt"]
    assert (felder["status"]["alt"], felder["status"]["neu"]) == ("in_umsetzung", "umgesetzt")
    assert (felder["fortschritt"]["alt"], felder["fortschritt"]["neu"]) == (40, 100)
    assert (felder["stadtteile"]["hinzu"], felder["stadtteile"]["weg"]) == (["sued"], [])
    assert (felder["zeitraum.ende"]["alt"], felder["zeitraum.ende"]["neu"]) == ("2026-12", "2026-06")
    [leitlinie] = daten["leitlinie"]["geaendert"]
    [erlaeuterung] = leitlinie["felder"]
    assert erlaeuterung["feld"] == "erlaeuterung" and erlaeuterung["art"] == "text"
    assert [(s["art"], s["alt"], s["neu"]) for s in erlaeuterung["stellen"]] == [
        ("ersetzt", "Präventionsketten", "eine Präventionskette"),
        ("ersetzt", "begleiten,", "begleitet,"),
        ("ergaenzt", "", "Antrag und ohne"),
    ]
    [gremium] = daten["gremium"]["geaendert"]
    assert [f["feld"] for f in gremium["felder"]] == ["mitglieder", "turnus"]
    assert [s["id"] for s in daten["stadtteil"]["neu"]] == ["ost"]
    assert {f["feld"] for f in daten["plan"]} == {"fortschreibung", "stand"}
    indikatoren = daten["indikatoren"]
    assert indikatoren["verglichen"] is True
    assert indikatoren["index_jahr"] == {"alt": 2024, "neu": 2025}
    assert [(k["stadtteil"], k["klasse_alt"], k["klasse_neu"]) for k in indikatoren["klassenwechsel"]] == [
        ("nord", "Stufe 2 von 2: hoch", "Stufe 1 von 2: niedrig"), ("sued", "Stufe 1 von 2: niedrig", "Stufe 2 von 2: hoch")]
    assert indikatoren["groesste"][0] == {
        "stadtteil": "nord", "indikator": "arbeitslosenquote", "alt": 10.0, "alt_jahr": 2024, "neu": 4.0,
        "neu_jahr": 2025, "differenz": -6.0, "standardabweichungen": 2.92}
    assert {(w["stadtteil"], w["indikator"]) for w in indikatoren["werte"]} == {
        (s, i) for s in ("nord", "sued", "ost") for i in ("arbeitslosenquote", "kinderarmut")}
    assert indikatoren["stadtteile_neu"] == ["ost"]
    assert daten["zusammenfassung"].startswith("1 neue Maßnahme, 1 geändert, 1 entfallen;")


def test_html_ist_eigenstaendig_und_gleich_formuliert(repo, capsys, tmp_path):
    datei = tmp_path / "aenderungen.html"
    code, text, _ = diff_ausgabe(repo, capsys, "v2025.1", "v2026.1", "--format", "html", "-o", str(datei))
    assert code == 0 and text == ""
    html = datei.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>\n<html lang=\"de\">")
    assert "<title>Änderungen von v2025.1 zu v2026.1</title>" in html
    assert "<h3>Neue Maßnahmen (1)</h3>" in html
    assert "<strong>M003 – Familienbüro Süd einrichten</strong>" in html
    assert "<strong>M002 – Sozialatlas fortschreiben</strong>" in html
    assert "<h4>M001 – Stadtteilzentrum Nord eröffnen</h4>" in html
    assert "<li>Status: in Umsetzung → umgesetzt</li>" in html
    assert "<code>plan/massnahmen/M001.yml</code> → <code>plan/massnahmen/M001.yaml</code>" in html
    assert "<th>Klasse vorher</th>" in html
    assert "<td>Nordstadt</td>\n<td>Stufe 2 von 2: hoch</td>\n<td>Stufe 1 von 2: niedrig</td>" in html


def test_alle_formate_aus_einem_vergleich(repo):
    """The three writers only format: they agree on every id."""
    vergleich = vergleichen(stand_aus_revision(repo.wurzel, "v2025.1"), stand_aus_revision(repo.wurzel, "v2026.1"))
    markdown, html, daten = als_markdown(vergleich), als_html(vergleich), json.loads(als_json(vergleich))
    for art in ("massnahme", "leitlinie", "gremium", "stadtteil"):
        for liste in ("neu", "geaendert", "entfallen"):
            for eintrag in daten[art][liste]:
                assert eintrag["titel"] in markdown and eintrag["titel"] in html


def test_ohne_b_wird_mit_dem_arbeitsstand_verglichen(repo, capsys):
    repo.ersetzen("plan/massnahmen/M003.yml", "status: geplant", "status: in_umsetzung")
    code, text, _ = diff_ausgabe(repo, capsys, "v2026.1")
    assert code == 0
    assert text.startswith("# Änderungen von v2026.1 zu Arbeitsstand\n")
    assert "- Status: geplant → in Umsetzung" in text
    assert "Zusammenfassung:** 1 Maßnahme geändert; kein Stadtteil wechselt die Indexklasse." in text


def test_commits_und_branches_sind_revisionen(repo, capsys):
    repo.git("branch", "entwurf", "v2025.1")
    code, text, _ = diff_ausgabe(repo, capsys, "entwurf", "HEAD~0")
    assert code == 0
    assert "# Änderungen von entwurf zu HEAD~0" in text
    assert "M003 – Familienbüro Süd einrichten" in text


def test_unbekannte_revision(repo, capsys):
    code, text, fehler = diff_ausgabe(repo, capsys, "v2025.1", "v2027.1")
    assert code == 2 and text == ""
    assert fehler.startswith("Fehler: Die Revision „v2027.1“ gibt es im Repository")
    assert "git tag" in fehler


def test_kein_git_repository(kleinstadt, capsys):
    code = main(["--wurzel", str(kleinstadt.wurzel), "diff", "v2025.1"])
    assert code == 2
    assert "ist kein Git-Repository" in capsys.readouterr().err


def test_ungueltige_fassung_wird_benannt_und_der_rest_verglichen(repo, capsys):
    repo.ersetzen("plan/massnahmen/M003.yml", "status: geplant", "status: fertig")
    repo.ersetzen("plan/massnahmen/M001.yaml", "gremium: begleitgremium", "gremium: beirat")
    repo.ersetzen("plan/gremien/arbeitskreis.yml", "turnus: alle zwei Monate", "turnus: vierteljährlich")
    repo.fassung("Entwurf mit Fehlern")
    code, text, fehler = diff_ausgabe(repo, capsys, "v2026.1", "HEAD")
    assert code == 1
    # which revision, and why
    assert "Die Fassung **HEAD** ist nicht gültig (2 Fehler)" in text
    assert "`plan/massnahmen/M003.yml:11:9` „status“: „fertig“ ist kein erlaubter Wert" in text
    assert "`plan/massnahmen/M001.yaml:18:10` Das Gremium „beirat“ gibt es nicht" in text
    assert "Hinweis: Die Fassung HEAD ist nicht gültig (2 Fehler)" in fehler
    # what can be diffed is diffed: M003 unreadable, M001 loaded on its own, Gremium compared
    assert "### Nicht verglichen (1)\n\n- **M003 – Familienbüro Süd einrichten:** die Datei ist in HEAD " \
           "nicht lesbar" in text
    assert "- Gremium: Begleitgremium → beirat" in text
    assert "- Turnus: „alle zwei Monate“ → „vierteljährlich“" in text
    assert "Entfallene Maßnahmen" not in text
    assert "Die Indikatoren wurden nicht verglichen: der Plan in HEAD ist nicht gültig" in text


def test_ungueltiger_atlas_heisst_nicht_verglichen_nicht_entfallen(repo, capsys):
    repo.ersetzen("data/werte.csv", "nord,arbeitslosenquote,2025,4.0", "nord,arbeitslosenquote,2025,viel")
    repo.fassung("Tippfehler in den Werten")
    code, text, _ = diff_ausgabe(repo, capsys, "v2026.1", "HEAD")
    assert code == 1
    assert "`data/werte.csv:" in text and "„viel“ ist keine Zahl" in text
    assert "Die Indikatoren wurden nicht verglichen: der Sozialstrukturatlas in HEAD ist nicht gültig" in text
    assert "Entfallene Indikatoren" not in text


def test_ein_neuer_atlas_bringt_neue_indikatoren(kleinstadt, capsys):
    repo = Planrepo(kleinstadt)
    for pfad in ("data/atlas.yml", "data/indikatoren.yml", "data/werte.csv", "data/stadtteile.geojson"):
        repo.loeschen(pfad)
    repo.fassung("Ohne Atlas", tag="v2024.1")
    atlas_schreiben(repo, WERTE_2024)
    repo.fassung("Mit Atlas", tag="v2025.1")
    code, text, _ = diff_ausgabe(repo, capsys, "v2024.1", "v2025.1")
    assert code == 0
    assert "**Zusammenfassung:** 2 neue Indikatoren." in text
    assert "#### Neue Indikatoren (2)\n\n- **Arbeitslosenquote**\n- **Kinderarmut**" in text
    assert "Die Indexklassen wurden nicht verglichen: v2024.1 hat keinen Sozialindex." in text


def test_zeilenumbruch_ist_keine_aenderung(repo, capsys):
    text = repo.lesen("plan/leitlinien/L2.yml")
    repo.schreiben("plan/leitlinien/L2.yml", text.replace("die Familien von", "die Familien\n  von"))
    repo.fassung("Nur umbrochen")
    code, ausgabe, _ = diff_ausgabe(repo, capsys, "v2026.1", "HEAD")
    assert code == 0
    assert "## Leitlinien\n\nKeine Änderungen." in ausgabe


def test_neuer_beschluss_und_meilenstein_in_worten(repo, capsys):
    repo.ersetzen("plan/sitzungen/2025-03-01-begleitgremium.yml", "ergebnisse: [Leitlinien beschlossen]\n",
                  "ergebnisse: [Leitlinien beschlossen]\nbeschluesse:\n  - art: bewertung\n    betrifft:\n"
                  "      massnahmen: [M001]\n    ergebnis: Das Zentrum kommt voran.\n")
    repo.ersetzen("plan/massnahmen/M001.yaml", "gremium: begleitgremium\n",
                  "gremium: begleitgremium\nmeilensteine:\n  - datum: 2026-03-31\n    titel: Eröffnung\n")
    repo.fassung("Beschluss und Meilenstein")
    code, ausgabe, _ = diff_ausgabe(repo, capsys, "v2026.1", "HEAD")
    assert code == 0
    assert "Bewertung: Das Zentrum kommt voran." in ausgabe
    assert "31. März 2026: Eröffnung (noch nicht erreicht)" in ausgabe


@pytest.fixture
def foerderrepo(kleinstadt) -> Planrepo:
    """Musterstadt with one funded project in v2025.1; in v2026.1 its sum is raised and a second
    project is funded."""
    repo = Planrepo(kleinstadt)
    repo.schreiben("plan/foerderprojekte/2025-nachbarschaftscafe.yml", NACHBARSCHAFTSCAFE)
    repo.fassung("Erste Fortschreibung", tag="v2025.1")
    repo.ersetzen("plan/foerderprojekte/2025-nachbarschaftscafe.yml", "bewilligte_summe: 12500.5",
                  "bewilligte_summe: 14000")
    repo.schreiben("plan/foerderprojekte/2026-lernhilfe.yml", NACHBARSCHAFTSCAFE.replace(
        "2025-nachbarschaftscafe", "2026-lernhilfe").replace("jahr: 2025", "jahr: 2026").replace(
        "Nachbarschaftscafé Nord", "Lernhilfe Süd").replace("[nord]", "[sued]"))
    repo.fassung("Zweite Fortschreibung", tag="v2026.1")
    return repo


def test_gefoerderte_projekte_werden_verglichen(foerderrepo, capsys):
    """What the committee funded belongs to what changed between two Fortschreibungen."""
    code, text, fehler = diff_ausgabe(foerderrepo, capsys, "v2025.1", "v2026.1")
    assert code == 0, fehler
    assert "## Geförderte Projekte\n\n### Neue geförderte Projekte (1)\n\n" \
           "- **Lernhilfe Süd (Nachbarschaftsverein Nord e. V., 2026)**" in text
    assert "### Geänderte geförderte Projekte (1)\n\n" \
           "#### Nachbarschaftscafé Nord (Nachbarschaftsverein Nord e. V., 2025)\n\n" \
           "- Bewilligte Summe: 12.500,50 € → 14.000,00 €\n" in text
    code, json_text, _ = diff_ausgabe(foerderrepo, capsys, "v2025.1", "v2026.1", "--format", "json")
    projekte = json.loads(json_text)["foerderprojekt"]
    assert [p["id"] for p in projekte["neu"]] == ["2026-lernhilfe"]
    assert [p["id"] for p in projekte["geaendert"]] == ["2025-nachbarschaftscafe"]


def test_die_synopse_stellt_gefoerderte_projekte_nebeneinander(foerderrepo):
    ergebnis = synopse(stand_aus_revision(foerderrepo.wurzel, "v2025.1"), stand_aus_revision(foerderrepo.wurzel, "v2026.1"))
    art = next(a for a in ergebnis.arten if a.art == "foerderprojekt")
    assert art.titel == "Geförderte Projekte"
    assert [(e.id, e.zustand) for e in art.eintraege] == [("2025-nachbarschaftscafe", "geändert"), ("2026-lernhilfe", "neu")]
    summe = next(z for z in art.eintraege[0].zeilen if z.name == "Bewilligte Summe")
    assert summe.geaendert and summe.alt == ((("gestrichen", "12.500,50 €"),),) and summe.neu == ((("eingefuegt", "14.000,00 €"),),)
