"""Where the Leichte-Sprache texts are found, and that findings point at the right place."""

from __future__ import annotations

from pathlib import Path

from sozialraumplan.leichte_sprache.linter import pfade_pruefen, text_pruefen
from sozialraumplan.leichte_sprache.maske import maskieren
from sozialraumplan.leichte_sprache.texte import aus_markdown, aus_yaml

FIXTURES = Path(__file__).parent / "fixtures" / "leichte_sprache"


def orte_in_yaml(yaml: str) -> list[tuple[int, int, str]]:
    texte, befunde = aus_yaml("plan/test.yml", yaml.encode())
    assert befunde == []
    return [(b.zeile, b.spalte, b.meldung.split(":")[0]) for t in texte for b in text_pruefen(t)]


def test_block_text_meldet_datei_zeile_und_spalte_im_yaml():
    ergebnis = pfade_pruefen(FIXTURES, ["plan/massnahmen/M003.yml"])
    assert [str(b) for b in ergebnis.befunde] == [
        "plan/massnahmen/M003.yml:11:3: Satzlänge: 11 Wörter (besser höchstens 10) — "
        "teilen Sie den Satz, wenn es geht (Warnung)",
        "plan/massnahmen/M003.yml:14:3: Satzlänge: 17 Wörter (höchstens 15) — "
        "teilen Sie den Satz in zwei Sätze",
    ]
    assert ergebnis.texte == 1


def test_texte_in_listen_werden_gefunden():
    ergebnis = pfade_pruefen(FIXTURES, ["plan/glossar.yml"])
    assert ergebnis.texte == 2
    assert [(b.datei, b.zeile, b.spalte) for b in ergebnis.befunde] == [("plan/glossar.yml", 11, 11)]


def test_nur_werte_von_leichte_sprache_werden_geprueft():
    yaml = (
        "beschreibung: Die Planung des Stadtteils wird geprüft.\n"
        "leichte_sprache: Die Stadt prüft den Plan.\n"
    )
    assert orte_in_yaml(yaml) == []


def test_zeilen_und_spalten_in_allen_yaml_schreibweisen():
    yaml = (
        "gefaltet:\n"
        "  leichte_sprache: >-\n"
        "    Die Stadt macht einen Plan.\n"
        "    Die Planung wird geprüft.\n"
        "in_anfuehrungszeichen:\n"
        "  leichte_sprache: 'Das ist''s.\n"
        "    Der Plan wird geprüft.'\n"
        "umbrochen:\n"
        "  leichte_sprache: Die Stadt hilft.\n"
        "    Der Plan wird\n"
        "    geprüft.\n"
        "mit_leerzeile:\n"
        "  leichte_sprache: |\n"
        "\n"
        "    Der Plan wird geprüft.\n"
    )
    assert orte_in_yaml(yaml) == [
        (4, 17, "Passiv"), (7, 14, "Passiv"), (10, 14, "Passiv"), (15, 14, "Passiv"),
    ]


def test_kaputtes_yaml_wird_gemeldet():
    texte, befunde = aus_yaml("plan/kaputt.yml", b"leichte_sprache: [offen\n")
    assert texte == []
    assert befunde[0].datei == "plan/kaputt.yml"


def test_markdown_seite_ohne_vorspann_code_links_und_makros():
    ergebnis = pfade_pruefen(FIXTURES, ["docs/leichte-sprache/index.md"])
    assert ergebnis.texte == 1
    assert ergebnis.befunde == []


def test_markdown_befund_steht_in_der_richtigen_zeile_und_spalte():
    seite = (
        "---\ntitle: Test\n---\n"
        "# Was ist ein Sozialraum?\n\n"
        "- Die Kinder spielen.\n"
        "- Das ist **z. B.** ein Garten.\n"
    )
    [befund] = text_pruefen(aus_markdown("docs/leichte-sprache/a.md", seite.encode()))
    assert str(befund) == ("docs/leichte-sprache/a.md:7:13: Abkürzung: „z. B.“ — "
                           "schreiben Sie das Wort aus: „zum Beispiel“")


def test_tabellenzellen_und_listenpunkte_sind_eigene_saetze():
    seite = (
        "| Was | Wann |\n"
        "| --- | ---- |\n"
        "| Treffen | Im Mai |\n"
        "\n"
        "- Die Stadt plant\n"
        "- Alle reden mit\n"
    )
    assert text_pruefen(aus_markdown("seite.md", seite.encode())) == []


def test_maske_behaelt_laenge_und_zeilen():
    text = (
        "---\ntitel: x\n---\n# Titel {#anker}\n"
        "Ein [Link](https://example.org/a/b) und **fett** und `code`.\n"
        "!!! note \"Hinweis\"\n    Text.\n"
        "{{ makro() }}\n"
    )
    maske = maskieren(text, seite=True)
    assert len(maske.text) == len(text)
    assert maske.text.count("\n") == text.count("\n")
    assert maske.text.split() == ["Titel", "Ein", "Link", "und", "fett", "und", ".", "Hinweis", "Text."]


def test_leerzeile_trennt_saetze_auch_mit_windows_zeilenenden():
    seite = ("Die Stadt macht heute einen großen Plan für alle\r\n\r\n"
             "Menschen in Erfurt leben gut und gern hier.\r\n")
    assert text_pruefen(aus_markdown("seite.md", seite.encode())) == []
