"""Every finding in German, with a fix, on the line the editor has to change.

The mistakes are the ones editors make in Musterstadt's files: a quote left open, a tab, a
colon missing, a list entry in the wrong place, an e-mail address that is none. PyYAML and
pydantic describe them in English and often somewhere else (the end of the file, the first
line of a section); the findings must not.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path, PurePath

import pytest
import yaml
from conftest import KLEINSTADT, REPO, PlanOrdner
from fixtures.diff.planrepo import Planrepo
from pydantic import BaseModel

from sozialraumplan import barrierefreiheit, meldungen, model, yamldatei
from sozialraumplan.atlas import modell as atlas_modell
from sozialraumplan.atlas.laden import atlas_pruefen
from sozialraumplan.befehle import codeowners
from sozialraumplan.befund import Schwere
from sozialraumplan.git_quelle import GitQuelle
from sozialraumplan.laden import plan_laden, plan_pruefen
from sozialraumplan.quelle import Ordner

M001 = "plan/massnahmen/M001.yml"
ENGLISCH = re.compile(r"\b(expected|found|while|scanning|parsing|mapping|sequence|token|scalar|block|"
                      r"allowed|character|stream|document|indicator|could not|did not)\b", re.IGNORECASE)


def befunde(ordner: PlanOrdner, quelle=None) -> list[str]:
    return [str(b) for b in plan_pruefen(quelle or Ordner(ordner.wurzel))[1]]


def einziger_befund(ordner: PlanOrdner) -> str:
    gefunden = befunde(ordner)
    assert len(gefunden) == 1, gefunden
    return gefunden[0]


# --- YAML syntax: the place where the editor has to act, in German -----------------------------

SYNTAXFEHLER = [
    pytest.param("  ende: \"2026-12\"", "  ende: \"2026-12",
                 "13:9: Ein Anführungszeichen, das in Zeile 13 beginnt, wird nicht geschlossen — schließen Sie es "
                 "am Ende des Werts", id="anfuehrungszeichen-bis-zum-dateiende-offen"),
    pytest.param("titel: Stadtteilzentrum Nord eröffnen", "titel: \"Stadtteilzentrum Nord eröffnen",
                 "2:8: Ein Anführungszeichen, das in Zeile 2 beginnt, wird erst in Zeile 12 geschlossen — schließen "
                 "Sie es am Ende des Werts in Zeile 2", id="anfuehrungszeichen-vom-naechsten-geschlossen"),
    pytest.param("titel: Stadtteilzentrum Nord eröffnen", "titel: 'Peter's Treff'",
                 "2:15: Nach dem Wert in Anführungszeichen steht noch Text — setzen Sie den ganzen Wert in "
                 "Anführungszeichen; ein Apostroph innerhalb von '…' wird verdoppelt ('')", id="apostroph"),
    pytest.param("  beginn: \"2025-01\"", "\tbeginn: \"2025-01\"",
                 "12:1: In Zeile 12 steht ein Tabulator, wo nur Leerzeichen erlaubt sind — ersetzen Sie den "
                 "Tabulator durch Leerzeichen", id="tabulator"),
    pytest.param("verantwortlich: Sozialamt", "verantwortlich Sozialamt",
                 "9:1: In Zeile 9 fehlt der Doppelpunkt nach dem Schlüssel — schreiben Sie „schlüssel: wert“",
                 id="doppelpunkt-fehlt"),
    pytest.param("status: in_umsetzung", "status:in_umsetzung",
                 "14:1: In Zeile 14 fehlt das Leerzeichen nach dem Doppelpunkt", id="leerzeichen-fehlt"),
    pytest.param("  ende: \"2026-12\"", " ende: \"2026-12\"",
                 "13:2: Zeile 13 ist anders eingerückt als die Angaben darüber — rücken Sie sie mit genauso vielen "
                 "Leerzeichen ein", id="zu-wenig-eingerueckt"),
    pytest.param("prioritaet: hoch", "  prioritaet: hoch",
                 "16:3: Zeile 16 ist tiefer eingerückt als die Zeile darüber — rücken Sie sie genauso weit ein",
                 id="zu-tief-eingerueckt"),
    pytest.param("leitlinien: [L1, L2]", "leitlinien: [L1, L2",
                 "3:13: Die Klammer „[“, die in Zeile 3 beginnt, wird nicht geschlossen — schließen Sie die Liste "
                 "mit „]“", id="eckige-klammer-offen"),
    pytest.param("zeitraum:\n  beginn: \"2025-01\"\n  ende: \"2026-12\"",
                 "zeitraum: {beginn: \"2025-01\", ende: \"2026-12\"",
                 "11:11: Die Klammer „{“, die in Zeile 11 beginnt, wird nicht geschlossen — schließen Sie den "
                 "Abschnitt mit „}“", id="geschweifte-klammer-offen"),
    pytest.param("leitlinien: [L1, L2]", "leitlinien: [L1, L2]]",
                 "3:21: Die Klammer „]“ ist zu viel", id="klammer-zu-viel"),
    pytest.param("verantwortlich: Sozialamt\n", "verantwortlich: Sozialamt\n- Quartiersmanagement\n",
                 "10:1: Ein Listeneintrag „- “ steht, wo eine Angabe „schlüssel: wert“ erwartet wird",
                 id="listeneintrag-im-abschnitt"),
    pytest.param("beteiligte: [Wohnungsgenossenschaft]", "beteiligte:\n  - Wohnungsgenossenschaft\n  stadtwerke: ja",
                 "12:3: Zeile 12 steht in der Liste, die in Zeile 11 beginnt, aber ohne „- “",
                 id="listeneintrag-ohne-strich"),
    pytest.param("beteiligte: [Wohnungsgenossenschaft]", "beteiligte: - Wohnungsgenossenschaft",
                 "10:13: Ein Listeneintrag „- “ steht in derselben Zeile wie sein Schlüssel",
                 id="listeneintrag-neben-dem-schluessel"),
    pytest.param("verantwortlich: Sozialamt", "verantwortlich: Sozialamt: Abteilung 2",
                 "9:26: Der Wert enthält einen Doppelpunkt mit Leerzeichen („: “) — setzen Sie den ganzen Wert in "
                 "Anführungszeichen, z. B. „verantwortlich: \"Sozialamt: Abteilung 2\"“", id="doppelpunkt-im-wert"),
    pytest.param("titel: Stadtteilzentrum Nord eröffnen", "titel: @Stadtteilzentrum",
                 "2:8: „@“ darf nicht am Anfang eines Werts stehen — setzen Sie den ganzen Wert in Anführungszeichen, "
                 "z. B. „titel: \"@Stadtteilzentrum\"“", id="sonderzeichen-am-anfang"),
    pytest.param("beschreibung: |", "beschreibung: | Ein Text",
                 "5:15: Nach „|“ oder „>“ steht in derselben Zeile noch etwas", id="text-neben-dem-strich"),
    pytest.param("titel: Stadtteilzentrum Nord eröffnen", "titel: \"Stadtteil\\zentrum\"",
                 "2:18: Nach einem „\\“ in doppelten Anführungszeichen steht ein unbekanntes Zeichen",
                 id="backslash"),
    pytest.param("fortschritt: 40\n", "fortschritt: 40\n---\nprioritaet: hoch\n",
                 "16:1: Nach der Zeile „---“ beginnt ein zweites Dokument", id="zweites-dokument"),
]


@pytest.fixture(params=["libyaml", "pyyaml"])
def lader(request, monkeypatch):
    """Both parsers PyYAML may use: libyaml where it is built with it, its own Python one elsewhere."""
    if request.param == "libyaml" and not hasattr(yaml, "CSafeLoader"):
        pytest.skip("PyYAML ist ohne libyaml gebaut")
    monkeypatch.setattr(yamldatei, "_LADER", yaml.CSafeLoader if request.param == "libyaml" else yaml.SafeLoader)
    return request.param


@pytest.mark.parametrize("alt, neu, erwartet", SYNTAXFEHLER)
def test_syntaxfehler_auf_deutsch_an_der_richtigen_zeile(kleinstadt, lader, alt, neu, erwartet):
    kleinstadt.ersetzen(M001, alt, neu)
    meldung = einziger_befund(kleinstadt)
    assert meldung.startswith(f"{M001}:{erwartet}"), meldung
    assert not ENGLISCH.search(meldung), meldung


def test_doppelter_schluessel_bleibt_eine_eigene_meldung(kleinstadt):
    kleinstadt.ersetzen(M001, "status: in_umsetzung\n", "status: in_umsetzung\nstatus: umgesetzt\n")
    assert einziger_befund(kleinstadt).startswith(f"{M001}:15:1: Der Schlüssel „status“ steht doppelt")


_EINFUEGEN = ['"', "'", ":", "- ", "[", "]", "{", "}", "\t", "  ", "|", ">", "&", "*", "!", "%", "@", "`", "?",
              ",", "#", "\\", "---\n", "\"\\"]


@pytest.mark.parametrize("zeichen", _EINFUEGEN)
def test_kein_syntaxfehler_bleibt_englisch(zeichen, lader):
    """Each character editors mistype, at the start, the value and the end of every line of a
    Maßnahme: whatever PyYAML says, the finding is German, has a fix and lies inside the file."""
    text = KLEINSTADT[M001]
    zeilen = text.splitlines(keepends=True)
    stellen = set()
    for nummer, zeile in enumerate(zeilen):
        anfang = sum(len(z) for z in zeilen[:nummer])
        stellen |= {anfang, anfang + len(zeile) - 1}
        if ": " in zeile:
            stellen.add(anfang + zeile.index(": ") + 2)
    for stelle in sorted(stellen):
        kaputt = text[:stelle] + zeichen + text[stelle:]
        dokument, gefunden = yamldatei.yaml_lesen(M001, kaputt.encode())
        for befund in gefunden:
            assert not ENGLISCH.search(befund.meldung + " " + befund.hinweis), (kaputt, befund)
            assert befund.hinweis, befund
            assert 1 <= befund.zeile <= len(kaputt.splitlines()) + 1, (kaputt, befund)


def test_unbekannter_fehler_des_parsers_ist_deutsch():
    fehler = yaml.MarkedYAMLError(context="while doing something new", problem="found a new problem")
    befund = yamldatei.syntaxfehler(M001, fehler, "id: M001\n")
    assert (befund.zeile, befund.meldung) == (1, "Die Datei ist kein gültiges YAML")
    assert befund.hinweis.startswith("prüfen Sie Einrückung")


# --- Values of the wrong form: a sentence per kind of pattern ------------------------------------

@pytest.mark.parametrize("datei, alt, neu, erwartet", [
    pytest.param(M001, "stadtteile: [nord]", "stadtteile: [nord ost]",
                 f"{M001}:4:14: „stadtteile.0“: „nord ost“ ist keine gültige Kennung — Kennungen bestehen nur aus "
                 "Buchstaben ohne Umlaute, Ziffern, - und _ und beginnen mit einem Buchstaben oder einer Ziffer, "
                 "z. B. M001 oder nord-ost", id="kennung"),
    pytest.param("plan/plan.yml", "e_mail: sozialplanung@example.org", "e_mail: sozialplanung(at)example.org",
                 "plan/plan.yml:8:11: „kontakt.e_mail“: „sozialplanung(at)example.org“ ist keine E-Mail-Adresse — "
                 "schreiben Sie die Adresse ohne Leerzeichen und spitze Klammern in der Form name@domain.de, "
                 "z. B. sozialplanung@example.org", id="e-mail"),
    pytest.param("plan/plan.yml", "beispieldaten: true\n", "beispieldaten: true\nvergleich_mit: Fassung 2024\n",
                 "plan/plan.yml:10:16: „vergleich_mit“: „Fassung 2024“ ist kein gültiger Name einer Fassung — nennen "
                 "Sie einen Tag, einen Zweig oder einen Commit, ohne Leerzeichen", id="git-revision"),
    pytest.param("plan/glossar.yml", "abkuerzung: QSA", "abkuerzung: \"[QSA]\"",
                 "plan/glossar.yml:3:17: „begriffe.0.abkuerzung“: „[QSA]“ ist keine gültige Abkürzung — eine "
                 "Abkürzung hat keine eckigen Klammern", id="abkuerzung"),
    pytest.param(M001, "beginn: \"2025-01\"", "beginn: \"Januar 2025\"",
                 f"{M001}:12:11: „zeitraum.beginn“: Der Monat muss die Form JJJJ-MM haben — schreiben Sie z. B. "
                 "\"2025-03\"", id="monat"),
])
def test_jede_art_von_muster_hat_ihren_satz(kleinstadt, datei, alt, neu, erwartet):
    kleinstadt.ersetzen(datei, alt, neu)
    assert einziger_befund(kleinstadt).startswith(erwartet)


@pytest.mark.parametrize("zeile, erwartet", [
    pytest.param("sued,2,\n", "data/stadtteile.csv:3:8: „name“ ist leer — tragen Sie mindestens einen Wert ein",
                 id="stadtteilname-leer"),
    pytest.param("süd,2,Südstadt\n", "data/stadtteile.csv:3:1: „id“: „süd“ ist keine gültige Kennung — Kennungen "
                 "bestehen nur aus Buchstaben ohne Umlaute", id="stadtteil-kennung"),
])
def test_stadtteilliste_mit_denselben_saetzen(kleinstadt, zeile, erwartet):
    kleinstadt.schreiben("data/stadtteile.csv", "id,nummer,name\nnord,1,Nordstadt\n" + zeile)
    gefunden = befunde(kleinstadt)
    assert any(b.startswith(erwartet) for b in gefunden), gefunden


def _muster(schema: object) -> set[str]:
    if isinstance(schema, dict):
        eigenes = {schema["pattern"]} if isinstance(schema.get("pattern"), str) else set()
        return eigenes | {m for w in schema.values() for m in _muster(w)}
    if isinstance(schema, list):
        return {m for w in schema for m in _muster(w)}
    return set()


def test_jedes_muster_der_modelle_steht_in_der_tabelle():
    """A new pattern in a model needs its German sentence in `meldungen.FORMEN`."""
    modelle = [wert for modul in (model, atlas_modell, barrierefreiheit, codeowners) for wert in vars(modul).values()
               if isinstance(wert, type) and issubclass(wert, BaseModel) and wert is not BaseModel]
    muster = {m for modell in modelle for m in _muster(modell.model_json_schema())}
    muster |= {r.pattern for r in (barrierefreiheit.ADRESSE, barrierefreiheit.E_MAIL, barrierefreiheit.MP4,
                                   barrierefreiheit.VTT)}
    assert len(muster) >= 9
    assert sorted(muster - set(meldungen.FORMEN)) == []


def test_ein_neues_muster_wird_nach_dem_namen_der_angabe_erklaert():
    assert meldungen.form(r"^neu$", "e_mail").was == "keine E-Mail-Adresse"
    assert meldungen.form(r"^neu$", "lizenz_adresse").was == "keine Web-Adresse"
    assert meldungen.form(r"^neu$", "gremium").was == "keine gültige Kennung"
    assert meldungen.form(r"^neu$", "farbe").regel.startswith("vergleichen Sie den Wert")


# --- Rules of a whole section: the finding stands on the key the rule is about ----------------

def test_umgesetzt_ohne_100_steht_beim_fortschritt(kleinstadt):
    kleinstadt.ersetzen(M001, "status: in_umsetzung", "status: umgesetzt")
    assert einziger_befund(kleinstadt).startswith(
        f"{M001}:15:14: Eine umgesetzte Maßnahme muss „fortschritt: 100“ haben — setzen Sie den Fortschritt auf 100")


def test_ende_vor_beginn_steht_beim_ende(kleinstadt):
    kleinstadt.ersetzen(M001, "ende: \"2026-12\"", "ende: \"2024-12\"")
    assert einziger_befund(kleinstadt).startswith(f"{M001}:13:9: „zeitraum“: Das Ende liegt vor dem Beginn")


@pytest.fixture
def auenfeld(tmp_path: Path) -> PlanOrdner:
    """The second city „Auenfeld“ (with an atlas) in a temp folder."""
    shutil.copytree(REPO / "tests/fixtures/zweitstadt", tmp_path / "auenfeld")
    return PlanOrdner(tmp_path / "auenfeld")


def atlas_befunde(ordner: PlanOrdner) -> list[str]:
    quelle = Ordner(ordner.wurzel)
    return [str(b) for b in atlas_pruefen(quelle, plan_laden(quelle))[1]]


@pytest.mark.parametrize("alt, neu, erwartet", [
    pytest.param("grenzen: [-1, 1, 1.5]", "grenzen: [1, -1, 1.5]",
                 "26:14: „sozialindex.klassen“: Die Grenzen müssen aufsteigend sortiert sein", id="grenzen"),
    pytest.param("namen: [hoch, mittel, niedrig, sehr niedrig]", "namen: [hoch, mittel, niedrig]",
                 "27:12: „sozialindex.klassen“: Die Zahl der Klassennamen passt nicht", id="namen"),
    pytest.param("hoher_bedarf_ab: 3", "hoher_bedarf_ab: 5",
                 "28:20: „sozialindex“: „hoher_bedarf_ab“ ist größer als die Zahl der Klassen", id="hoher-bedarf"),
    pytest.param("  dynamik:\n    von: 2020\n", "",
                 "18:14: „sozialindex“: Für „status_dynamik“ fehlt der Abschnitt „dynamik“", id="dynamik"),
    pytest.param("  bezug: nummer\n", "  bezug: nummer\n  lizenz_adresse: http://example.org/lizenz\n",
                 "6:19: „geometrie.lizenz_adresse“: „http://example.org/lizenz“ ist keine Web-Adresse — schreiben Sie "
                 "die vollständige Adresse mit https://", id="web-adresse"),
    pytest.param("  vereinfachung_m: 0\n", "  vereinfachung_m: 0\n  kacheln:\n    adresse: https://example.org/karte.png\n"
                 "    namensnennung: Kacheln erfunden\n",
                 "14:14: „karte.kacheln.adresse“: „https://example.org/karte.png“ ist kein Pfad von Kartenkacheln "
                 "auf dieser Website — schreiben Sie den Pfad auf dem Server der Website mit „/“ am Anfang (keine "
                 "Adresse mit https://, kein „//“), ohne Leerzeichen, und mit den Platzhaltern {z}, {x} und {y}, "
                 "z. B. /kacheln/{z}/{x}/{y}.png", id="kacheln"),
])
def test_regeln_des_atlas_stehen_bei_ihrer_angabe(auenfeld, alt, neu, erwartet):
    auenfeld.ersetzen("data/atlas.yml", alt, neu)
    gefunden = atlas_befunde(auenfeld)
    assert len(gefunden) == 1 and gefunden[0].startswith(f"data/atlas.yml:{erwartet}"), gefunden


def test_erklaerung_und_atlas_nutzen_dieselbe_uebersetzung(kleinstadt, auenfeld, monkeypatch):
    """The accessibility statement, the atlas, the plan and the district list all reach pydantic's
    errors through `meldungen.uebersetzen` (by way of `laden.validieren`)."""
    gerufen = []
    echt = meldungen.uebersetzen

    def beobachtet(fehler, dokument, modell, eigene=None):
        gerufen.append(dokument.datei)
        return echt(fehler, dokument, modell, eigene)

    import sozialraumplan.laden as laden
    monkeypatch.setattr(laden, "uebersetzen", beobachtet)
    kleinstadt.ersetzen("plan/barrierefreiheit.yml", "konformitaet: teilweise", "konformitaet: halb")
    kleinstadt.ersetzen(M001, "fortschritt: 40", "fortschritt: viel")
    kleinstadt.schreiben("data/stadtteile.csv", "id,nummer,name\nnord,1,Nordstadt\nsüd,2,Südstadt\n")
    quelle = Ordner(kleinstadt.wurzel)
    plan_pruefen(quelle)
    barrierefreiheit.erklaerung_pruefen(quelle)
    auenfeld.ersetzen("data/atlas.yml", "hoher_bedarf_ab: 3", "hoher_bedarf_ab: drei")
    atlas_befunde(auenfeld)
    assert sorted(set(gerufen)) == ["data/atlas.yml", "data/stadtteile.csv", "plan/barrierefreiheit.yml", M001]


# --- Files the loader passes over: a warning with a fix -----------------------------------------

UEBERSEHEN = {
    "plan/massnahmen/M010.YML": "plan/massnahmen/M010.YML:1:1: Die Datei „M010.YML“ wird nicht gelesen: die Endung "
                                "muss klein geschrieben sein — soll sie zum Plan gehören, benennen Sie sie in "
                                "„M010.yml“ um; sonst löschen Sie sie oder legen Sie sie außerhalb von plan/ ab "
                                "(Warnung)",
    "plan/massnahmen/M001.yml.bak": "plan/massnahmen/M001.yml.bak:1:1: Die Datei „M001.yml.bak“ wird nicht gelesen: "
                                    "nur Dateien mit der Endung .yml gehören in plan/massnahmen/ — soll sie zum Plan "
                                    "gehören, benennen Sie sie in „M001.yml“ um",
    "plan/gremien/notizen.txt": "plan/gremien/notizen.txt:1:1: Die Datei „notizen.txt“ wird nicht gelesen: nur "
                                "Dateien mit der Endung .yml gehören in plan/gremien/",
    "plan/massnahmen/archiv/M003.yml": "plan/massnahmen/archiv:1:1: Der Ordner „plan/massnahmen/archiv“ wird nicht "
                                       "gelesen — Dateien in Unterordnern gehören nicht zum Plan: legen Sie sie direkt "
                                       "in plan/massnahmen/ ab",
}


def _uebersehene_dateien_anlegen(ordner: PlanOrdner) -> None:
    for pfad in UEBERSEHEN:
        ordner.schreiben(pfad, KLEINSTADT[M001].replace("M001", PurePath(pfad).name.split(".")[0]))
    ordner.schreiben("plan/sitzungen/.gitkeep", "")


def _warnungen_pruefen(plan, gefunden) -> None:
    assert plan is not None, [str(b) for b in gefunden]
    assert all(b.schwere is Schwere.WARNUNG for b in gefunden)
    texte = [str(b) for b in gefunden]
    assert len(texte) == len(UEBERSEHEN), texte
    for erwartet in UEBERSEHEN.values():
        assert any(t.startswith(erwartet) for t in texte), (erwartet, texte)


def test_uebersehene_dateien_im_ordner_sind_warnungen(kleinstadt):
    _uebersehene_dateien_anlegen(kleinstadt)
    _warnungen_pruefen(*plan_pruefen(Ordner(kleinstadt.wurzel)))


def test_uebersehene_dateien_auch_in_einer_git_fassung(kleinstadt):
    repo = Planrepo(kleinstadt)
    _uebersehene_dateien_anlegen(kleinstadt)
    repo.fassung("Mit übersehenen Dateien")
    with GitQuelle(repo.wurzel, "HEAD") as quelle:
        assert quelle.unterordner("plan/massnahmen") == Ordner(repo.wurzel).unterordner("plan/massnahmen")
        _warnungen_pruefen(*plan_pruefen(quelle))
