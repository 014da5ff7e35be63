"""The atlas's tables and maps skip Python-Markdown in the MkDocs build, and every page stays the same."""

from __future__ import annotations

import markdown
import pytest
from conftest import REPO
from mkdocs.config import load_config

from sozialraumplan.atlas.tabelle import Spalte, tabelle
from sozialraumplan.render.htmlbloecke import auslagern, einsetzen, markieren, ohne_marken
from sozialraumplan.website import website_bauen


@pytest.fixture(scope="module")
def markdown_der_website() -> markdown.Markdown:
    """Python-Markdown with the extensions and settings of this repository's mkdocs.yml."""
    konfiguration = load_config(str(REPO / "mkdocs.yml"))
    return markdown.Markdown(extensions=konfiguration.markdown_extensions,
                             extension_configs=konfiguration.mdx_configs)


def umwandeln(md: markdown.Markdown, text: str) -> str:
    md.reset()
    return md.convert(text)


def mit_abkuerzung(md: markdown.Markdown, text: str) -> str | None:
    """The page as the hook makes it: blocks out, Markdown, blocks back."""
    ohne_bloecke, bloecke = auslagern(text)
    return einsetzen(umwandeln(md, ohne_bloecke), bloecke)


def test_jede_seite_der_zweitstadt_wird_ohne_markdown_fuer_ihre_bloecke_genau_gleich(markdown_der_website):
    website = website_bauen(REPO / "tests/fixtures/zweitstadt")
    ausgelagert = 0
    for seite in website.seiten():
        text = website.seitentext(seite)
        ausgelagert += len(auslagern(text)[1])
        assert mit_abkuerzung(markdown_der_website, text) == umwandeln(markdown_der_website, ohne_marken(text)), seite.pfad
    assert ausgelagert > 20  # indicator sheets, profiles, index and Gremienarbeit have tables and maps


def test_die_tabelle_kommt_unveraendert_zurueck(markdown_der_website):
    tabelle_html = tabelle("tabelle-kitas", "Kitas nach Stadtteilen", [Spalte("Stadtteil"), Spalte("Kitas", zahl=True)],
                           [["Altstadt", "3"], ["Hafen", "1_000 *kein* Markdown"]])
    text = f"# Kitas\n\nVor der Tabelle.\n\n{tabelle_html}\n\nDanach.\n"
    ohne_bloecke, bloecke = auslagern(text)
    assert "<table" not in ohne_bloecke and len(bloecke) == 1
    seite = mit_abkuerzung(markdown_der_website, text)
    assert seite is not None and ohne_marken(tabelle_html) in seite
    assert "<em>kein</em>" not in seite and "srp-html" not in seite


def test_ein_block_im_codeblock_laesst_die_seite_neu_machen(markdown_der_website):
    """Markdown shows a block inside a code block as text; the hook then makes that page again
    from its Markdown with the blocks in place, as before the shortcut."""
    text = f"Der Aufruf ergibt:\n\n```html\n{markieren('<div>Tabelle</div>')}\n```\n"
    assert mit_abkuerzung(markdown_der_website, text) is None
    seite = umwandeln(markdown_der_website, ohne_marken(text))
    assert "<code>" in seite and "Tabelle" in seite and "<div>Tabelle</div>" not in seite


def test_ein_nachgeschriebener_kommentar_ueberspringt_nichts():
    """The marks carry a token drawn at start: what an editor writes stays in the Markdown."""
    text = "<!--srp-html 0123456789abcdef--><div>Text</div><!--/srp-html 0123456789abcdef-->"
    assert auslagern(text) == (text, [])
    assert einsetzen("<p>Text</p><!--srp-html 0123456789abcdef 0-->", []) == "<p>Text</p><!--srp-html 0123456789abcdef 0-->"


def test_bloecke_in_bloecken_verlieren_ihre_inneren_marken():
    aussen = markieren(f"<figure>{markieren('<div>Karte</div>')}</figure>")
    assert auslagern(aussen)[1] == ["<figure><div>Karte</div></figure>"]


def test_fehlt_ein_block_oder_steht_er_doppelt_wird_die_seite_neu_gemacht():
    _, bloecke = auslagern(markieren("<div>eins</div>") + "\n\n" + markieren("<div>zwei</div>"))
    platzhalter = auslagern(markieren("<div>eins</div>"))[0]
    assert einsetzen(platzhalter, bloecke) is None
    assert einsetzen(platzhalter + platzhalter, bloecke[:1]) is None


@pytest.mark.parametrize("umgebung", [
    '<div class="srp-abschnitt" markdown>\n\n{block}\n\n</div>',
    '!!! note "Hinweis"\n    {block}',
    "- Punkt\n\n    {block}",
    "> {block}",
])
def test_in_listen_zitaten_und_hinweisen_bleibt_der_block_wie_er_ist(markdown_der_website, umgebung):
    """There Markdown would wrap the table into a paragraph (`<p><div …>`, which a browser splits
    into empty paragraphs around it) or write its attributes anew; skipped, it stays as made."""
    tabelle_html = tabelle("tabelle-treffpunkte", "Treffpunkte", [Spalte("Stadtteil"), Spalte("Anzahl", zahl=True)],
                           [["Nordstadt", "2"]])
    text = "Davor.\n\n" + umgebung.format(block=tabelle_html) + "\n\nDanach.\n"
    seite = mit_abkuerzung(markdown_der_website, text)
    assert seite is not None and seite.count(ohne_marken(tabelle_html)) == 1
    assert "<p><div" not in seite and "<p>Davor.</p>" in seite and "<p>Danach.</p>" in seite
