"""The Leichte-Sprache section: pages, labels, layout, links both ways, and texts that pass
the project's own Leichte-Sprache linter."""

from __future__ import annotations

import pytest
from conftest import plan_und_statement
from test_barrierefreiheit import artikel, musterstadt, site  # noqa: F401 (fixtures)

from sozialraumplan import barrierefreiheit
from sozialraumplan.atlas import leichte_sprache as atlas_leichte_sprache
from sozialraumplan.leichte_sprache.linter import text_pruefen
from sozialraumplan.leichte_sprache.texte import aus_markdown
from sozialraumplan.render import leichte_sprache, wirkung
from sozialraumplan.render.leichte_sprache import leichte_sprache_abschnitt, ls_pfad_fuer, ls_verweis

SEITEN = ("index", "leitlinien/index", "leitlinien/L1", "leitlinien/L2", "massnahmen", "gremien", "atlas",
          "barrierefreiheit")



@pytest.mark.parametrize("seite", SEITEN)
def test_jede_seite_in_leichter_sprache_ist_gekennzeichnet_und_entsprechend_gesetzt(site, seite):
    html = artikel(site, f"leichte-sprache/{seite}.html")
    assert '<p class="srp-ls-marke">Leichte Sprache</p>' in html
    assert "Die Texte folgen den Regeln für Leichte Sprache." in html
    assert '<div class="srp-leichte-sprache">' in html
    tiefe = seite.count("/")
    ganze_seite = (site / f"leichte-sprache/{seite}.html").read_text(encoding="utf-8")
    assert f'<link rel="stylesheet" href="{"../" * tiefe}leichte-sprache.css">' in ganze_seite


def test_stylesheet_setzt_grosse_schrift_linksbuendig_ohne_silbentrennung(site):
    stil = (site / "leichte-sprache/leichte-sprache.css").read_text(encoding="utf-8")
    for regel in ("font-size: 1.25em", "line-height: 1.8", "text-align: left", "hyphens: manual"):
        assert regel in stil


def test_startseite_zeigt_den_plan_in_leichter_sprache_und_alle_seiten(site):
    html = artikel(site, "leichte-sprache/index.html")
    assert '<p class="srp-ls-zeile">Die Stadt plant mit den Menschen.</p>' in html
    for verweis, titel in (("leitlinien/index.html", "Die Ziele von der Stadt"),
                           ("massnahmen.html", "Das macht die Stadt"),
                           ("gremien.html", "Diese Gruppen planen mit"),
                           ("atlas.html", "Was ist der Sozial-Struktur-Atlas?"),
                           ("barrierefreiheit.html", "Erklärung zur Barriere-Freiheit")):
        assert f'<a href="{verweis}">{titel}</a>' in html
    assert "So finden Sie sich zurecht" in html
    assert 'href="../index.html">Diese Seite in Alltags-Sprache' in html


def test_ziel_seite_verweist_auf_leitlinie_und_vorhaben(site):
    html = artikel(site, "leichte-sprache/leitlinien/L2.html")
    assert ">Ziel 2<" in html and '<p class="srp-ls-zeile">Die Stadt hilft früh.</p>' in html
    assert 'href="../../leitlinien/L2.html">Diese Seite in Alltags-Sprache' in html
    assert 'href="../massnahmen.html#M001">Vorhaben 1</a>' in html
    assert 'href="../massnahmen.html#M002">Vorhaben 2</a>' in html


def test_vorhaben_mit_ort_stand_zielen_und_beispielhinweis(site):
    html = artikel(site, "leichte-sprache/massnahmen.html")
    m001 = html.split('id="M001"', 1)[1].split('id="M002"', 1)[0]
    assert "Achtung: Dieses Vorhaben ist nur ein Beispiel." in m001
    assert '<p class="srp-ls-zeile">Im Norden gibt es bald ein Haus für alle.</p>' in m001
    assert "<li>Nordstadt</li>" in m001
    assert "<dd>Die Arbeit an dem Vorhaben hat angefangen.</dd>" in m001
    assert 'href="leitlinien/L1.html">Ziel 1</a>' in m001 and 'href="leitlinien/L2.html">Ziel 2</a>' in m001
    assert 'href="../massnahmen/M001.html">Mehr zu Vorhaben 1 in Alltags-Sprache' in m001
    m002 = html.split('id="M002"', 1)[1]
    assert "<dd>In der ganzen Stadt.</dd>" in m002 and "<dd>Die Stadt plant das Vorhaben noch.</dd>" in m002
    assert "Beispiel" not in m002


def test_gruppen_mit_text_und_verweis(site):
    html = artikel(site, "leichte-sprache/gremien.html")
    assert '<p class="srp-ls-zeile">Die Fach-Leute reden miteinander.</p>' in html
    assert 'href="../gremien/arbeitskreis.html">Mehr zu Gruppe' in html
    assert 'href="../gremien/index.html">Diese Seite in Alltags-Sprache' in html


def test_atlas_seite_ohne_standardseite_verweist_nicht_ins_leere(site):
    html = artikel(site, "leichte-sprache/atlas.html")
    assert "Ein Atlas ist ein Buch mit Karten." in html and "Alltags-Sprache" not in html


def test_woerterbuch_nur_wenn_ein_begriff_leichte_sprache_hat(site, musterstadt):
    assert not (site / "leichte-sprache/woerterbuch.html").exists()
    musterstadt.ersetzen("plan/glossar.yml", "    erklaerung: Fachkräfte im Quartier, die Nachbarschaften stärken.",
                         "    erklaerung: Fachkräfte im Quartier, die Nachbarschaften stärken.\n"
                         "    leichte_sprache: Hier helfen Fach-Leute den Nachbarn.")
    plan, _ = plan_und_statement(musterstadt)
    seiten = {s.pfad: s for s in leichte_sprache_abschnitt(plan).seiten}
    woerter = seiten["leichte-sprache/woerterbuch.md"].markdown
    assert "## Quartiers\\- und Sozialraumarbeit" in woerter and "Hier helfen Fach-Leute den Nachbarn." in woerter
    assert "](../glossar.md)" in woerter
    assert ls_pfad_fuer(plan, "glossar.md") == "leichte-sprache/woerterbuch.md"


def test_der_abschnitt_beginnt_mit_der_startseite_und_hat_den_atlas_verweis_wenn_es_ihn_gibt(musterstadt):
    plan, erklaerung = plan_und_statement(musterstadt)
    abschnitt, erklaerung = barrierefreiheit.abschnitte(plan, erklaerung, atlas="atlas/index.md")
    assert abschnitt.titel == "Leichte Sprache" and abschnitt.seiten[0].pfad == "leichte-sprache/index.md"
    assert abschnitt.seiten[-1].pfad == "leichte-sprache/barrierefreiheit.md"
    assert erklaerung.titel == "Barrierefreiheit" and [s.pfad for s in erklaerung.seiten] == ["barrierefreiheit.md"]
    atlas = next(s for s in abschnitt.seiten if s.pfad == "leichte-sprache/atlas.md")
    assert "[Diese Seite in Alltags-Sprache](../atlas/index.md)" in atlas.markdown


def test_standardseiten_finden_ihre_seite_in_leichter_sprache(musterstadt):
    plan, _ = plan_und_statement(musterstadt)
    assert ls_pfad_fuer(plan, "index.md") == "leichte-sprache/index.md"
    assert ls_pfad_fuer(plan, "leitlinien/index.md") == "leichte-sprache/leitlinien/index.md"
    assert ls_pfad_fuer(plan, "leitlinien/L1.md") == "leichte-sprache/leitlinien/L1.md"
    assert ls_pfad_fuer(plan, "leitlinien/L9.md") is None
    assert ls_pfad_fuer(plan, "massnahmen/index.md") == "leichte-sprache/massnahmen.md"
    assert ls_pfad_fuer(plan, "massnahmen/M002.md") == "leichte-sprache/massnahmen.md#M002"
    assert ls_pfad_fuer(plan, "gremien/arbeitskreis.md") == "leichte-sprache/gremien.md#arbeitskreis"
    assert ls_pfad_fuer(plan, "atlas/index.md") == "leichte-sprache/atlas.md"
    assert ls_pfad_fuer(plan, "barrierefreiheit.md") == "leichte-sprache/barrierefreiheit.md"
    assert ls_pfad_fuer(plan, "sitzungen.md") is None
    assert ls_pfad_fuer(plan, "glossar.md") is None  # no term of Musterstadt has Leichte Sprache
    assert ls_verweis(plan, "massnahmen/M001.md") == (
        '<p class="srp-ls-verweis" markdown>[Diese Seite in Leichter Sprache]'
        "(../leichte-sprache/massnahmen.md#M001)</p>\n\n")
    assert ls_verweis(plan, "sitzungen.md") is None


def test_datenseiten_fuehren_zur_leichten_sprache_ueber_sich_selbst(musterstadt):
    """A district's profile to that district's page, an indicator sheet to that indicator's text."""
    plan, _ = plan_und_statement(musterstadt)
    stadtteil = plan.stadtteile[0].id
    assert ls_pfad_fuer(plan, f"atlas/stadtteile/{stadtteil}.md") == f"leichte-sprache/stadtteile/{stadtteil}.md"
    assert ls_pfad_fuer(plan, "atlas/stadtteile/index.md") == "leichte-sprache/stadtteile.md"
    assert ls_pfad_fuer(plan, "atlas/indikatoren/altersarmut.md") == "leichte-sprache/zahlen.md#altersarmut"
    assert ls_pfad_fuer(plan, "atlas/stadtteile/gibt-es-nicht.md") == "leichte-sprache/stadtteile.md"


@pytest.mark.parametrize("text", leichte_sprache.FESTE_TEXTE + barrierefreiheit.FESTE_TEXTE
                         + atlas_leichte_sprache.FESTE_TEXTE
                         + wirkung.FESTE_TEXTE)
def test_feste_texte_bestehen_die_pruefung_auf_leichte_sprache(text):
    assert [str(b) for b in text_pruefen(aus_markdown("text.md", text.encode()))] == []


def test_ueberschriften_nutzen_den_titel_in_leichter_sprache_wenn_es_ihn_gibt(musterstadt):
    musterstadt.ersetzen("plan/leitlinien/L2.yml", "titel: Armut vermeiden\n",
                         "titel: Armut vermeiden\ntitel_leichte_sprache: Armut verhindern\n")
    musterstadt.ersetzen("plan/massnahmen/M001.yml", "titel: Stadtteilzentrum Nord eröffnen\n",
                         "titel: Stadtteilzentrum Nord eröffnen\ntitel_leichte_sprache: Ein Haus für alle\n")
    plan, _ = plan_und_statement(musterstadt)
    seiten = {s.pfad: s.markdown for s in leichte_sprache_abschnitt(plan).seiten}
    assert "## [Ziel 1](L1.md)" in seiten["leichte-sprache/leitlinien/index.md"]
    assert "## [Ziel 2: Armut verhindern](L2.md)" in seiten["leichte-sprache/leitlinien/index.md"]
    assert '<section id="M001" markdown>\n\n## Vorhaben 1: Ein Haus für alle\n' in seiten["leichte-sprache/massnahmen.md"]
    assert '<section id="M002" markdown>\n\n## Vorhaben 2\n' in seiten["leichte-sprache/massnahmen.md"]


def test_titel_in_leichter_sprache_wird_vom_linter_geprueft(tmp_path):
    from sozialraumplan.leichte_sprache.linter import pfade_pruefen

    datei = tmp_path / "plan/leitlinien/L1.yml"
    datei.parent.mkdir(parents=True)
    datei.write_text("titel_leichte_sprache: Die Sozialraumplanungskonferenz wird jährlich durchgeführt\n",
                     encoding="utf-8")
    befunde = [str(b) for b in pfade_pruefen(tmp_path, ["plan"]).befunde]
    assert any(b.startswith("plan/leitlinien/L1.yml:1:") and "Passiv" in b for b in befunde), befunde
