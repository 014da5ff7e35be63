"""Rendering escapes text on its own: even a model that skipped validation cannot inject markup."""

from __future__ import annotations

import datetime as dt

import markdown

from sozialraumplan.laden import plan_laden
from sozialraumplan.model import Massnahme, Zeitraum
from sozialraumplan.quelle import Ordner
from sozialraumplan.render import massnahmen
from sozialraumplan.render.text import datum, monat

BOESE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_unvalidierter_text_erscheint_nur_als_text(kleinstadt):
    plan = plan_laden(Ordner(kleinstadt.wurzel))
    echt = plan.massnahmen[0]
    boese = Massnahme.model_construct(**{**dict(echt), "titel": BOESE, "beschreibung": BOESE,
                                         "leichte_sprache": BOESE, "verantwortlich": BOESE})
    seite = massnahmen.massnahme_seite(plan, boese, pruefung_faellig=False)
    html = markdown.markdown(seite.markdown, extensions=["tables", "admonition", "md_in_html"])
    html += massnahmen.katalog(plan, [boese])
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


def test_deutsche_datumsangaben():
    assert datum(dt.date(2022, 12, 2)) == "2. Dezember 2022"
    assert monat("2023-03") == "März 2023"


def test_zeitraum_ohne_ende_heisst_ab():
    m = Massnahme.model_construct(zeitraum=Zeitraum(beginn="2025-03"))
    assert massnahmen.zeitraum(m) == "ab März 2025"
