"""Property-based: whatever stands in one file an editor writes, `bestand_pruefen` (what both
`validate` and the build run) answers with findings and never raises.

Each loader is fed from a valid copy of this repository's plan and atlas, held in memory, with
one file replaced by arbitrary text, arbitrary bytes, the real file with hostile fragments
spliced in, or the real file's structure with wild values (huge numbers, NaN, infinity,
impossible dates, nested lists, wrong types) — the last so that fuzzing reaches the models and
cross-checks behind the parsers, not only the parsers.

The runs are derandomized and keep no example database, so CI sees the same examples every time.
Every example loads the whole plan and atlas (about 0.08 s), so the default is some forty examples
per loader and under a minute for the file; `SOZIALRAUMPLAN_FUZZ_FAKTOR=8` runs eight times as many
(before a release, or after a change to a loader).
"""

from __future__ import annotations

import csv
import functools
import io
import json
import math
import os
from collections.abc import Callable
from typing import Any

import pytest
import yaml
from conftest import REPO
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sozialraumplan.atlas.kontext import Kontext
from sozialraumplan.befund import Befund, nur_fehler
from sozialraumplan.bestand import bestand_pruefen
from sozialraumplan.foerderung.laden import foerderung_pruefen
from sozialraumplan.laden import plan_laden
from sozialraumplan.quelle import Ordner

BASIS = {p.relative_to(REPO).as_posix(): p.read_bytes()
         for ordner in ("plan", "data") for p in sorted((REPO / ordner).rglob("*")) if p.is_file()}
"""This repository's plan and atlas: valid, so a finding can only come from the replaced file."""

LADER = {
    "plan": "plan/plan.yml",
    "glossar": "plan/glossar.yml",
    "leitlinie": "plan/leitlinien/L1.yml",
    "massnahme": "plan/massnahmen/M001.yml",
    "gremium": "plan/gremien/begleitgremium.yml",
    "sitzung": "plan/sitzungen/2022-12-02-sozialraumplanungskonferenz.yml",
    "beschluesse": "plan/sitzungen/2026-09-24-begleitgremium.yml",
    "stadtteile": "data/stadtteile.csv",
    "barrierefreiheit": "plan/barrierefreiheit.yml",
    "atlas": "data/atlas.yml",
    "indikatoren": "data/indikatoren.yml",
    "werte": "data/werte/beispielwerte.csv",
    "grenzen": "data/stadtteile.geojson",
    "standorte": "data/standorte.csv",
    "ankerwerte": "data/ankerwerte.csv",
    "strassen": "data/strassen.csv",
    "beispieldaten": "data/beispieldaten.yml",
    "amtlich": "data/amtlicher_index.csv",
    "foerderprojekt": "plan/foerderprojekte/2026-stadtteilcafe.yml",
}
"""One file per loader: what `bestand_pruefen` reads through each of them."""

FAKTOR = float(os.environ.get("SOZIALRAUMPLAN_FUZZ_FAKTOR", "1"))


def beispiele(anzahl: int) -> int:
    return max(1, round(anzahl * FAKTOR))


GRUNDEINSTELLUNG = settings(derandomize=True, database=None, deadline=None,
                            suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                                   HealthCheck.large_base_example])


class Speicher:
    """A `Quelle` in memory: the files of `BASIS`, some of them replaced."""

    def __init__(self, dateien: dict[str, bytes]) -> None:
        self._dateien = dateien

    def dateien(self, ordner: str) -> list[str]:
        vorne = ordner.rstrip("/") + "/"
        return sorted(p for p in self._dateien if p.startswith(vorne) and "/" not in p[len(vorne):])

    def unterordner(self, ordner: str) -> list[str]:
        vorne = ordner.rstrip("/") + "/"
        return sorted({vorne + p[len(vorne):].split("/", 1)[0] for p in self._dateien
                       if p.startswith(vorne) and "/" in p[len(vorne):]})

    def lesen(self, pfad: str) -> bytes | None:
        return self._dateien.get(pfad)

    def verknuepfungen(self, ordner: str) -> list[str]:
        return []


def _mit_amtlichem_index(basis: dict[str, bytes]) -> dict[str, bytes]:
    """The copy with an official index to compare with (`sozialindex.amtlich`), made from the
    index the copy computes, so that it is valid and the comparison's loader is fuzzed too."""
    bestand, _ = bestand_pruefen(Speicher(basis))
    assert bestand is not None and bestand.atlas is not None and bestand.atlas.sozialindex is not None
    index = bestand.atlas.sozialindex
    zeilen = ["stadtteil,indexwert,klasse"] + [
        f"{s},{'' if w.wert is None else round(w.wert, 4)},{w.klasse.nummer if w.klasse else ''}"
        for s, w in sorted(index.status.werte.items())]
    atlas = basis["data/atlas.yml"].decode("utf-8").replace(
        "\nsozialindex:\n", "\nsozialindex:\n  amtlich: data/amtlicher_index.csv\n", 1)
    return {**basis, "data/atlas.yml": atlas.encode("utf-8"),
            "data/amtlicher_index.csv": ("\n".join(zeilen) + "\n").encode("utf-8")}


BASIS = _mit_amtlichem_index(BASIS)


def pruefen(pfad: str, inhalt: bytes) -> None:
    """The repository with `pfad` replaced by `inhalt` gives findings (no exception), each with a
    place and a German message. What it accepts, the build can use: finite index values, and
    boundaries the maps can simplify, label and frame."""
    bestand, befunde = bestand_pruefen(Speicher({**BASIS, pfad: inhalt}))
    assert isinstance(befunde, list) and all(isinstance(b, Befund) for b in befunde)
    assert all(b.zeile >= 1 and b.spalte >= 1 and b.meldung and b.datei for b in befunde)
    assert (bestand is None) == bool(nur_fehler(befunde))
    if bestand is not None and bestand.atlas is not None:
        assert bestand.atlas.sozialindex is not None
        werte = [w.wert for w in bestand.atlas.sozialindex.status.werte.values() if w.wert is not None]
        assert all(math.isfinite(w) for w in werte)
        kontext = Kontext(bestand.plan, bestand.atlas)
        assert kontext.beschriftung and kontext.grenzen_rahmen and kontext.flaechen


def test_die_unveraenderte_kopie_ist_gueltig():
    bestand, befunde = bestand_pruefen(Speicher(dict(BASIS)))
    assert bestand is not None and nur_fehler(befunde) == []


# Arbitrary input and the real file with hostile fragments spliced in

BROCKEN = [b"&a ", b"*a ", b"<<: ", b"!!python/object:os.system ", b"\t", b"\x00", b"\xff", b"\xef\xbb\xbf",
           b'"', b"'", b"[", b"]", b"{", b"}", b":", b": ", b"\n", b"\r", b"- ", b"  ", b"2024-02-30", b".nan",
           b".inf", b"1e999", b"9" * 400, b";", b",", b"NaN", b"Infinity", b"\\", b"---\n", b"#", b"%YAML 1.1\n"]


@st.composite
def verdorben(draw: st.DrawFn, original: bytes) -> bytes:
    """The real file with a few fragments inserted and a few pieces cut out."""
    inhalt = original
    for _ in range(draw(st.integers(1, 4))):
        stelle = draw(st.integers(0, len(inhalt)))
        if draw(st.booleans()):
            inhalt = inhalt[:stelle] + draw(st.sampled_from(BROCKEN) | st.binary(max_size=8)) + inhalt[stelle:]
        else:
            inhalt = inhalt[:stelle] + inhalt[stelle + draw(st.integers(1, 40)):]
    return inhalt


beliebig = st.one_of(st.binary(max_size=400), st.text(max_size=400).map(lambda t: t.encode("utf-8")))


@pytest.mark.parametrize("pfad", LADER.values(), ids=LADER.keys())
@settings(GRUNDEINSTELLUNG, max_examples=beispiele(8))
@given(inhalt=beliebig)
def test_beliebiger_inhalt_wird_zu_befunden(pfad, inhalt):
    pruefen(pfad, inhalt)


@pytest.mark.parametrize("pfad", LADER.values(), ids=LADER.keys())
@settings(GRUNDEINSTELLUNG, max_examples=beispiele(12))
@given(daten=st.data())
def test_verdorbene_echte_datei_wird_zu_befunden(pfad, daten):
    pruefen(pfad, daten.draw(verdorben(BASIS[pfad])))


# The real file's structure with wild values


class Roh(str):
    """A scalar written into YAML exactly as given, unquoted, as an editor would type it."""


class _Schreiber(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True  # anchors are tested on their own; here every value is written out


_Schreiber.add_representer(
    Roh, lambda d, w: d.represent_scalar(d.resolve(yaml.ScalarNode, str(w), (True, False)), str(w)))

ROH_YAML = ["2024-02-30", "2024-13-01", "0x" + "f" * 30, "9" * 400, "1_000_000", "12:30:00", ".nan", ".inf",
            "-.inf", "1.0e+999", "~", "yes", "0o17", "2025-01", "2025-06-30 25:00:00", "12.500", "1.234,56 €",
            "0123/26"]
BOESE_TEXTE = ["../../etc/passwd", "/etc/passwd", "data/../x.csv", "data\\x.csv", "C:/x.csv", "<script>alert(1)</script>",
               "[x](javascript:alert(1))", "x" * 300, "", " ", "gesamtstadt", "einwohner", "altstadt", "schwellen"]

blaetter = st.one_of(
    st.integers(-10**6, 10**6), st.sampled_from([10**15, -(10**15), 2**63, 10**30, 10**400]), st.floats(),
    st.booleans(), st.none(), st.text(max_size=12), st.sampled_from(ROH_YAML).map(Roh), st.sampled_from(BOESE_TEXTE),
    st.dates(),
)
wild = st.recursive(blaetter, lambda kinder: st.lists(kinder, max_size=4) | st.dictionaries(
    st.text(max_size=8), kinder, max_size=3), max_leaves=8)


def _pfade(wert: Any, vorne: tuple = ()) -> list[tuple]:
    """Every path to a value inside nested dicts and lists (not the document itself: a file that
    is no mapping at all is what the arbitrary input tests try)."""
    pfade = []
    if isinstance(wert, dict):
        for schluessel, kind in wert.items():
            pfade += [vorne + (schluessel,), *_pfade(kind, vorne + (schluessel,))]
    elif isinstance(wert, list):
        for nummer, kind in enumerate(wert):
            pfade += [vorne + (nummer,), *_pfade(kind, vorne + (nummer,))]
    return pfade


def _aendern(dokument: Any, pfad: tuple, art: str, neu: Any) -> Any:
    """`dokument` with the value at `pfad` replaced, deleted or given an extra key."""
    eltern = dokument
    for teil in pfad[:-1]:
        try:
            eltern = eltern[teil]
        except (KeyError, IndexError, TypeError):
            return dokument  # an earlier change removed the path
    letzter = pfad[-1]
    vorhanden = (isinstance(eltern, dict) and letzter in eltern) or (
        isinstance(eltern, list) and isinstance(letzter, int) and letzter < len(eltern))
    if not vorhanden:
        return dokument
    if art == "ersetzen":
        eltern[letzter] = neu
    elif art == "loeschen":
        del eltern[letzter]
    elif isinstance(eltern[letzter], dict):
        eltern[letzter]["zusatz"] = neu
    return dokument


@st.composite
def umgebaut(draw: st.DrawFn, lesen: Callable[[], Any], pfade: list[tuple], werte: st.SearchStrategy,
             schreiben: Callable[[Any], str]) -> bytes:
    """The real document with one to four values replaced, deleted or joined by an unknown key."""
    dokument = lesen()
    for _ in range(draw(st.integers(1, 4))):
        art = draw(st.sampled_from(["ersetzen", "ersetzen", "loeschen", "hinzufuegen"]))
        dokument = _aendern(dokument, draw(st.sampled_from(pfade)), art, draw(werte))
    return schreiben(dokument).encode("utf-8")


def yaml_umgebaut(pfad: str) -> st.SearchStrategy[bytes]:
    return yaml_umgebaut_aus(BASIS[pfad])


def yaml_umgebaut_aus(inhalt: bytes) -> st.SearchStrategy[bytes]:
    text = inhalt.decode("utf-8")
    return umgebaut(lambda: yaml.load(text, Loader=yaml.CSafeLoader), _pfade(yaml.load(text, Loader=yaml.CSafeLoader)), wild,
                    lambda d: yaml.dump(d, Dumper=_Schreiber, allow_unicode=True, sort_keys=False))


ROH_ZELLEN = ["inf", "nan", "1e999", "9" * 400, "-0", "1.234", "1,234", "12,5", "", "x", "k. A.", "—", '"', ";", ",",
              "\n", "ja", "nein", "gesamtstadt", "einwohner", "2024", "99999", "-91", "181", "x" * 140_000]
zellen = st.one_of(st.sampled_from(ROH_ZELLEN), st.text(max_size=12), st.floats().map(str), st.integers().map(str))


def csv_umgebaut(pfad: str) -> st.SearchStrategy[bytes]:
    """Cells (header cells too) replaced by wild ones, rows deleted, cells added to a row."""
    text = BASIS[pfad].decode("utf-8")
    trenner = ";" if text.split("\n", 1)[0].count(";") else ","
    zeilen = list(csv.reader(io.StringIO(text), delimiter=trenner))

    def schreiben(tabelle: list[list[str]]) -> str:
        puffer = io.StringIO()
        csv.writer(puffer, delimiter=trenner, lineterminator="\n").writerows(tabelle)
        return puffer.getvalue()

    return umgebaut(lambda: [list(z) for z in zeilen], _pfade(zeilen), zellen, schreiben)


def json_umgebaut(pfad: str) -> st.SearchStrategy[bytes]:
    """GeoJSON with wild values anywhere: NaN, Infinity, 400 digits, wrong types, wrong nesting."""
    text = BASIS[pfad].decode("utf-8")
    werte = st.recursive(
        st.one_of(st.none(), st.booleans(), st.integers(), st.sampled_from([10**400, 2**64]), st.floats(),
                  st.text(max_size=8), st.sampled_from(["Polygon", "MultiPolygon", "Point", "Feature", "altstadt"])),
        lambda kinder: st.lists(kinder, max_size=4) | st.dictionaries(st.text(max_size=8), kinder, max_size=3),
        max_leaves=12)
    return umgebaut(lambda: json.loads(text), _pfade(json.loads(text)), werte, json.dumps)


@functools.cache
def umbau(pfad: str) -> st.SearchStrategy[bytes]:
    """The structured strategy for the file's kind, built once (the boundaries have 100 000 paths)."""
    bauen = json_umgebaut if pfad.endswith(".geojson") else csv_umgebaut if pfad.endswith(".csv") else yaml_umgebaut
    return bauen(pfad)


@pytest.mark.parametrize("pfad", LADER.values(), ids=LADER.keys())
@settings(GRUNDEINSTELLUNG, max_examples=beispiele(20))
@given(daten=st.data())
def test_echte_struktur_mit_wilden_werten_wird_zu_befunden(pfad, daten):
    pruefen(pfad, daten.draw(umbau(pfad)))


# The non-public side: the funding round and its applications (tests/fixtures/foerderung_intern/)

INTERN = REPO / "tests" / "fixtures" / "foerderung_intern"
INTERN_BASIS = {p.relative_to(INTERN).as_posix(): p.read_bytes() for p in sorted(INTERN.rglob("*.yml"))}
INTERN_LADER = {
    "runde": "foerderantraege/2026/runde.yml",
    "antrag": "foerderantraege/2026/2026-stadtteilcafe.yml",
    "antrag_ohne_bewilligung": "foerderantraege/2026/2026-werkstatt.yml",
}
"""One file per loader of `foerderung_pruefen`, checked against this repository's public plan."""


@functools.cache
def oeffentlicher_plan():
    return plan_laden(Ordner(REPO))


def intern_pruefen(pfad: str, inhalt: bytes) -> None:
    """The example round with `pfad` replaced gives findings (no exception), each with a place and
    a German message; a round without errors has nothing but valid applications."""
    foerderung, befunde = foerderung_pruefen(Speicher({**INTERN_BASIS, pfad: inhalt}), oeffentlicher_plan())
    assert all(isinstance(b, Befund) and b.zeile >= 1 and b.spalte >= 1 and b.meldung and b.datei for b in befunde)
    assert (foerderung is None) == bool(nur_fehler(befunde))


def test_die_beispielrunde_ist_gueltig():
    foerderung, befunde = foerderung_pruefen(Speicher(dict(INTERN_BASIS)), oeffentlicher_plan())
    assert foerderung is not None and befunde == []


@pytest.mark.parametrize("pfad", INTERN_LADER.values(), ids=INTERN_LADER.keys())
@settings(GRUNDEINSTELLUNG, max_examples=beispiele(8))
@given(inhalt=beliebig)
def test_beliebiger_inhalt_im_nicht_oeffentlichen_ordner(pfad, inhalt):
    intern_pruefen(pfad, inhalt)


@pytest.mark.parametrize("pfad", INTERN_LADER.values(), ids=INTERN_LADER.keys())
@settings(GRUNDEINSTELLUNG, max_examples=beispiele(12))
@given(daten=st.data())
def test_verdorbener_antrag(pfad, daten):
    intern_pruefen(pfad, daten.draw(verdorben(INTERN_BASIS[pfad])))


@pytest.mark.parametrize("pfad", INTERN_LADER.values(), ids=INTERN_LADER.keys())
@settings(GRUNDEINSTELLUNG, max_examples=beispiele(20))
@given(daten=st.data())
def test_antrag_mit_wilden_werten(pfad, daten):
    intern_pruefen(pfad, daten.draw(yaml_umgebaut_aus(INTERN_BASIS[pfad])))



PLAN_MIT_BESCHLUSSVORLAGE = BASIS[LADER["plan"]].decode("utf-8") + """\
beschlussvorlage:
  drucksache: DS 0815/26
  titel: Fortschreibung 2026 des Integrierten Sozialraumplans
  beschlussvorschlag: Der Stadtrat beschließt die Fortschreibung 2026.
  sitzung: 2026-12-17
adresse: https://sozialraumplan.example.org/
"""
"""plan.yml with the optional Beschlussvorlage and address (this repository's plan has neither)."""


def test_der_plan_mit_beschlussvorlage_ist_gueltig():
    bestand, befunde = bestand_pruefen(Speicher({**BASIS, LADER["plan"]: PLAN_MIT_BESCHLUSSVORLAGE.encode("utf-8")}))
    assert bestand is not None and not nur_fehler(befunde)
    assert bestand.plan.info.beschlussvorlage is not None


@settings(GRUNDEINSTELLUNG, max_examples=beispiele(20))
@given(daten=st.data())
def test_beschlussvorlage_mit_wilden_werten_wird_zu_befunden(daten):
    pruefen(LADER["plan"], daten.draw(yaml_umgebaut_aus(PLAN_MIT_BESCHLUSSVORLAGE.encode("utf-8"))))
