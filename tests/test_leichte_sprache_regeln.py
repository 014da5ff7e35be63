"""Each rule of Leichte Sprache: good German passes, bad German is found on the right line."""

from __future__ import annotations

import textwrap

from sozialraumplan.befund import Befund, Schwere
from sozialraumplan.leichte_sprache.linter import text_pruefen
from sozialraumplan.leichte_sprache.regeln import (
    ABKUERZUNG,
    GENITIV,
    KONJUNKTIV,
    PASSIV,
    SATZLAENGE,
    SONDERZEICHEN,
    VERNEINUNG,
    WORTLAENGE,
    ZAHL,
    ZEILENUMBRUCH,
    ZUSAMMENSETZUNG,
)
from sozialraumplan.leichte_sprache.texte import aus_markdown

FEHLER, WARNUNG = Schwere.FEHLER, Schwere.WARNUNG


def befunde(text: str, regel: str, eigennamen: frozenset[str] = frozenset()) -> list[Befund]:
    """The findings of one rule in a small text; line 1 is the first line of `text`."""
    seite = aus_markdown("seite.md", textwrap.dedent(text).strip("\n").encode())
    return [b for b in text_pruefen(seite, eigennamen) if b.meldung.startswith(f"{regel}:")]


def orte(text: str, regel: str, eigennamen: frozenset[str] = frozenset()) -> list[tuple[int, Schwere]]:
    return [(b.zeile, b.schwere) for b in befunde(text, regel, eigennamen)]


# --- Satzlänge ---


def test_kurze_saetze_sind_gut():
    assert orte("Die Stadt macht einen Plan.\nAlle Menschen sollen gut leben.", SATZLAENGE) == []


def test_mehr_als_zehn_woerter_sind_eine_warnung():
    text = """
        Die Stadt macht einen Plan.
        Die Stadt plant das Haus zusammen mit den Menschen im Stadtteil.
    """
    assert orte(text, SATZLAENGE) == [(2, WARNUNG)]
    assert befunde(text, SATZLAENGE)[0].meldung == "Satzlänge: 11 Wörter (besser höchstens 10)"


def test_mehr_als_fuenfzehn_woerter_sind_ein_fehler():
    text = ("Dann plant die Stadt mit allen Menschen aus dem Stadtteil und mit vielen Vereinen "
            "zusammen ein Haus.")
    [befund] = befunde(text, SATZLAENGE)
    assert (befund.zeile, befund.spalte, befund.schwere) == (1, 1, FEHLER)
    assert str(befund) == ("seite.md:1:1: Satzlänge: 17 Wörter (höchstens 15) — "
                           "teilen Sie den Satz in zwei Sätze")


def test_ein_satz_kann_ueber_zwei_zeilen_gehen():
    text = """
        Dann plant die Stadt mit allen Menschen aus dem Stadtteil
        und mit vielen Vereinen zusammen ein Haus.
    """
    assert orte(text, SATZLAENGE) == [(1, FEHLER)]


def test_punkt_am_zeilenende_beendet_den_satz_auch_nach_einer_zahl():
    text = "Das Rathaus ist in der Fisch-Markt-Straße 1.\nDie Mitarbeiter von der Stadt-Verwaltung helfen Ihnen dort."
    assert orte(text, SATZLAENGE) == []


def test_abkuerzung_und_tag_im_monat_beenden_keinen_satz():
    text = "Am 2. Dezember gibt es z. B. Kuchen und Kaffee für alle Gäste im Haus."
    assert orte(text, SATZLAENGE) == [(1, WARNUNG)]
    assert orte(text, ZEILENUMBRUCH) == []


# --- Zusammensetzung und Wortlänge ---


def test_zusammengesetzte_woerter_mit_bindestrich_sind_gut():
    text = "Die Sozialraum-Planung hilft dem Stadtteil.\nDas Begleit-Gremium trifft sich."
    assert orte(text, ZUSAMMENSETZUNG) == []


def test_langes_zusammengesetztes_wort_ohne_bindestrich_ist_ein_fehler():
    [befund] = befunde("Die Stadt macht eine Sache.\nDie Sozialraumplanung hilft allen.", ZUSAMMENSETZUNG)
    assert (befund.zeile, befund.spalte, befund.schwere) == (2, 5, FEHLER)
    assert befund.hinweis == "schreiben Sie es mit Bindestrich: „Sozialraum-Planung“"


def test_jedes_zu_lange_stueck_bekommt_einen_bindestrich():
    [befund] = befunde("Die Sozialraumplanungs-Konferenz tagt.", ZUSAMMENSETZUNG)
    assert "„Sozialraum-Planungs-Konferenz“" in befund.hinweis


def test_kurzes_wort_aus_drei_teilen_ist_eine_warnung():
    [befund] = befunde("Der Stadtteilrat trifft sich.", ZUSAMMENSETZUNG)
    assert befund.schwere is WARNUNG
    assert "„Stadtteil-Rat“" in befund.hinweis


def test_mediopunkt_statt_bindestrich_ist_ein_fehler():
    [befund] = befunde("Die Stadt hilft.\nDie Sozialraum·Planung ist gut.", ZUSAMMENSETZUNG)
    assert (befund.zeile, befund.schwere) == (2, FEHLER)
    assert befund.meldung == "Zusammensetzung: Mediopunkt in „Sozialraum·Planung“"
    assert "„Sozialraum-Planung“" in befund.hinweis


def test_namen_von_stadtteilen_bleiben_wie_sie_sind():
    text = "Windischholzhausen liegt im Osten.\nDie Krämpfervorstadt ist schön."
    namen = frozenset({"Windischholzhausen", "Krämpfervorstadt"})
    assert orte(text, ZUSAMMENSETZUNG, namen) == []
    assert orte(text, WORTLAENGE, namen) == []


def test_sehr_langes_einfaches_wort_ist_eine_warnung():
    assert orte("Die Stadt hilft.\nDie Verantwortlichkeiten sind klar.", WORTLAENGE) == [(2, WARNUNG)]
    assert orte("Die Verantwortung ist klar.", WORTLAENGE) == []


def test_langes_zusammengesetztes_eigenschaftswort_ist_eine_warnung():
    assert orte("Die Hilfe ist ämterübergreifend.", WORTLAENGE) == [(1, WARNUNG)]
    assert orte("Die Sozialraumplanung hilft.", WORTLAENGE) == []  # das meldet Zusammensetzung


# --- Passiv ---


def test_aktive_saetze_sind_gut():
    text = """
        Die Stadt prüft den Plan jedes Jahr.
        Wir werden Geld bekommen.
        Die Stadt wird Ihnen helfen.
        Die Stadt wird bekannt.
        Die Beispiele sind ausgedacht.
    """
    assert orte(text, PASSIV) == []


def test_passiv_ist_ein_fehler():
    text = """
        Die Stadt macht einen Plan.
        Der Plan wird jedes Jahr geprüft.
        Das Haus ist gebaut worden.
        Das muss noch geprüft werden.
    """
    assert orte(text, PASSIV) == [(2, FEHLER), (3, FEHLER), (4, FEHLER)]
    assert befunde(text, PASSIV)[0].meldung == "Passiv: „wird … geprüft“"


def test_passiv_im_nebensatz_wird_gefunden():
    assert orte("Die Stadt zeigt allen, was gemacht wurde.", PASSIV) == [(1, FEHLER)]


# --- Genitiv ---


def test_saetze_ohne_genitiv_sind_gut():
    text = """
        Die Kinder von der Stadt spielen.
        In der Stadt wohnen viele Menschen.
        Der Plan ist gut.
        Wegen dem Regen bleiben wir zu Hause.
    """
    assert orte(text, GENITIV) == []


def test_des_und_eines_sind_ein_fehler():
    text = "Die Stadt hilft.\nDie Planung des Stadtteils ist wichtig."
    [befund] = befunde(text, GENITIV)
    assert (befund.zeile, befund.schwere) == (2, FEHLER)
    assert befund.meldung == "Genitiv: „des Stadtteils“"


def test_genitiv_nach_praeposition_ist_ein_fehler():
    [befund] = befunde("Wegen des Regens bleiben wir zu Hause.", GENITIV)
    assert (befund.spalte, befund.schwere, befund.meldung) == (1, FEHLER, "Genitiv: „Wegen des“")


def test_nomen_der_nomen_ist_eine_warnung():
    [befund] = befunde("Die Kinder der Stadt spielen.", GENITIV)
    assert befund.schwere is WARNUNG
    assert befund.meldung == "Genitiv: „Kinder der Stadt“ ist vielleicht ein Genitiv"


# --- Konjunktiv ---


def test_wirklichkeitsform_und_moechte_sind_gut():
    assert orte("Die Stadt kann helfen.\nSie möchten mitreden?", KONJUNKTIV) == []


def test_konjunktiv_ist_ein_fehler():
    text = "Die Stadt hilft.\nDas könnte helfen.\nEs wäre schön."
    assert orte(text, KONJUNKTIV) == [(2, FEHLER), (3, FEHLER)]
    assert befunde(text, KONJUNKTIV)[0].hinweis == (
        "schreiben Sie, was wirklich ist: zum Beispiel „kann“ statt „könnte“")


def test_sollte_ist_nur_eine_warnung():
    assert orte("Die Stadt sollte mehr tun.", KONJUNKTIV) == [(1, WARNUNG)]


# --- Verneinung ---


def test_positive_saetze_sind_gut():
    assert orte("Das ist schwer.\nEs gibt wenig Hilfe.", VERNEINUNG) == []


def test_verneinung_ist_eine_warnung():
    text = "Das ist nicht leicht.\nEs gibt keine Hilfe.\nNiemand kommt."
    assert orte(text, VERNEINUNG) == [(1, WARNUNG), (2, WARNUNG), (3, WARNUNG)]


# --- Abkürzung ---


def test_ausgeschriebene_woerter_sind_gut():
    assert orte("Es gibt zum Beispiel Kurse.\nDas heißt: Sie lernen.", ABKUERZUNG) == []


def test_abkuerzung_mit_punkt_ist_ein_fehler():
    text = "Es gibt Kurse.\nEs gibt z. B. Kurse.\nEs gibt Kurse usw."
    assert orte(text, ABKUERZUNG) == [(2, FEHLER), (3, FEHLER)]
    assert befunde(text, ABKUERZUNG)[0].hinweis == "schreiben Sie das Wort aus: „zum Beispiel“"


def test_abkuerzung_ohne_leerzeichen_wird_gefunden():
    [befund] = befunde("Es gibt z.B. Kurse.", ABKUERZUNG)
    assert befund.meldung == "Abkürzung: „z.B.“"


def test_wort_in_grossbuchstaben_ist_eine_warnung():
    assert orte("Die Stadt hilft.\nDas macht die QSA.", ABKUERZUNG) == [(2, WARNUNG)]


# --- Zahl ---


def test_jahreszahlen_kleine_zahlen_uhrzeit_und_postleitzahl_sind_gut():
    text = """
        Im Jahr 2024 gibt es 3 Treffen.
        Das Treffen ist am 2. Dezember 2022 um 14:30 Uhr.
        Schreiben Sie an: Rathaus, 99084 Erfurt.
    """
    assert orte(text, ZAHL) == []


def test_prozent_ist_ein_fehler():
    assert orte("Das sind 45 %.\nDas sind 45 Prozent.", ZAHL) == [(1, FEHLER), (2, FEHLER)]


def test_grosse_zahlen_brueche_und_daten_in_ziffern_sind_warnungen():
    text = """
        In Erfurt wohnen 215.000 Menschen.
        Im Stadtteil wohnen 4500 Menschen.
        In Erfurt gibt es 12000 Kinder.
        Die Hälfte ist 1/2.
        Das Treffen war am 2.12.2022.
        Das sind 3,5 Stunden.
    """
    assert orte(text, ZAHL) == [(zeile, WARNUNG) for zeile in range(1, 7)]


# --- Sonderzeichen ---


def test_doppelpunkt_und_gerade_anfuehrungszeichen_sind_gut():
    text = 'Die Gruppe prüft: Was hat gut geklappt?\nDas Wort "Plan" ist wichtig.'
    assert orte(text, SONDERZEICHEN) == []


def test_sonderzeichen_sind_ein_fehler():
    text = """
        Wohnen & Arbeiten sind wichtig.
        Alle Bürger*innen sind eingeladen.
        Alle Bürger:innen sind eingeladen.
        Das Amt hilft; die Stadt auch.
        Die Quartiers- und Sozialraum-Arbeit hilft.
    """
    assert orte(text, SONDERZEICHEN) == [(i, FEHLER) for i in range(1, 6)]


def test_klammern_und_anfuehrungszeichen_sind_je_ein_befund():
    text = "Die Stadt (Amt für Soziales) hilft.\nDas ist „wichtig“."
    meldungen = [b.meldung for b in befunde(text, SONDERZEICHEN)]
    assert meldungen == ["Sonderzeichen: ( )", "Sonderzeichen: „ “"]


# --- Zeilenumbruch ---


def test_ein_satz_pro_zeile_ist_gut():
    text = "Die Stadt plant.\nAlle reden mit.\nDie Stadt sagt danach: Das ist passiert."
    assert orte(text, ZEILENUMBRUCH) == []


def test_zwei_saetze_in_einer_zeile_sind_ein_fehler():
    [befund] = befunde("Die Stadt hilft.\nDie Stadt plant. Alle reden mit.", ZEILENUMBRUCH)
    assert (befund.zeile, befund.spalte, befund.schwere) == (2, 18, FEHLER)
