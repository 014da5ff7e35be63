"""A hostile pull request cannot put script on the site, make readers' browsers contact another
host or run code during the build — whatever text it writes into plan/, data/ or docs/.

Each payload goes into the fields of every file kind at once; the site is built once, and every
page is read back: the payloads must be there as visible text (inert), never as markup."""

from __future__ import annotations

import html
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from conftest import REPO, mkdocs_bauen, website_kopieren

from sozialraumplan.cli import main
from sozialraumplan.render import csp
from sozialraumplan.render.bereinigen import bereinigen

ATTRIBUTLISTE = 'Hilfe {: onclick="alert(1)" } {: style="background:url(https://boese.example/a)" }'
VERWEISE = ("Siehe [hier][1], [dort][2] und ![Bild](https://boese.example/b.png).\n\n"
            "[1]: javascript:alert(1)\n[2]: data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\n")
ANFUEHRUNG = 'Stadt " onmouseover="alert(1)" data-x="'
SKRIPTTEXT = "Hafen`${alert(1)}`\\\" ');alert(2);//\u2028"
JINJA = "{{ cycler.__init__.__globals__.os.popen('touch BOESE').read() }}"
ENTITAET = "javascript&#58;alert(1)"
FREMDER_HOST = "boese.example"


def _yaml_aendern(datei: Path, aendern) -> None:
    daten = yaml.safe_load(datei.read_text(encoding="utf-8"))
    aendern(daten)
    datei.write_text(yaml.safe_dump(daten, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _erste(ordner: Path) -> Path:
    return sorted(ordner.glob("*.yml"))[0]


def feindliche_aenderung(wurzel: Path) -> None:
    """The payloads in the plan, the atlas and the accessibility statement of Auenfeld."""
    def plan(d):
        d.update(titel=ANFUEHRUNG, herausgeber=ENTITAET, einleitung=VERWEISE + "\n" + JINJA)
        d["kontakt"]["e_mail"] = "a@b.c){:onclick=alert(1)}"
    _yaml_aendern(wurzel / "plan/plan.yml", plan)

    def massnahme(d):
        d.update(titel=ATTRIBUTLISTE, beschreibung=VERWEISE + "\n" + ATTRIBUTLISTE + "\n\n" + JINJA,
                 verantwortlich=SKRIPTTEXT, beteiligte=[ATTRIBUTLISTE, VERWEISE.splitlines()[0]])
    _yaml_aendern(_erste(wurzel / "plan/massnahmen"), massnahme)

    def gremium(d):
        d.update(name=ANFUEHRUNG, beschreibung=VERWEISE, aufgaben=[ATTRIBUTLISTE], turnus=SKRIPTTEXT,
                 mitglieder=[VERWEISE.splitlines()[0]])
    _yaml_aendern(_erste(wurzel / "plan/gremien"), gremium)

    def leitlinie(d):
        d.update(titel=ATTRIBUTLISTE, leitsatz=SKRIPTTEXT, erlaeuterung=VERWEISE)
    _yaml_aendern(_erste(wurzel / "plan/leitlinien"), leitlinie)

    gremium_id = _erste(wurzel / "plan/gremien").stem
    (wurzel / "plan/sitzungen/S1.yml").write_text(yaml.safe_dump(
        {"id": "S1", "datum": "2025-03-01", "gremium": gremium_id, "titel": ATTRIBUTLISTE,
         "themen": [VERWEISE.splitlines()[0], JINJA]}, allow_unicode=True), encoding="utf-8")

    def glossar(d):
        d["begriffe"][0].update(begriff=ATTRIBUTLISTE, erklaerung=VERWEISE)
    _yaml_aendern(wurzel / "plan/glossar.yml", glossar)

    def indikatoren(d):
        d["indikatoren"][0].update(name=ATTRIBUTLISTE, einheit='%" onerror="alert(1)', definition=VERWEISE)
    _yaml_aendern(wurzel / "data/indikatoren.yml", indikatoren)

    def atlas(d):
        d["geometrie"]["namensnennung"] = SKRIPTTEXT
    _yaml_aendern(wurzel / "data/atlas.yml", atlas)

    stadtteile = wurzel / "data/stadtteile.csv"
    zeilen = stadtteile.read_text(encoding="utf-8").splitlines()
    kennung, nummer, _ = zeilen[1].split(",", 2)
    zeilen[1] = f'{kennung},{nummer},"{SKRIPTTEXT.replace(chr(34), chr(34) * 2)}"'
    stadtteile.write_text("\n".join(zeilen) + "\n", encoding="utf-8")


class _Attribute(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.gefunden: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        self.gefunden += [(tag, name, wert or "") for name, wert in attrs]


def attribute(text: str) -> list[tuple[str, str, str]]:
    leser = _Attribute()
    leser.feed(text)
    return leser.gefunden


@pytest.fixture(scope="module")
def feindliche_website(tmp_path_factory) -> Path:
    wurzel = tmp_path_factory.mktemp("feindlich") / "auenfeld"
    shutil.copytree(REPO / "tests/fixtures/zweitstadt", wurzel, ignore=shutil.ignore_patterns("README.md"))
    feindliche_aenderung(wurzel)
    website_kopieren(wurzel)
    ergebnis = mkdocs_bauen(wurzel, wurzel / "site")
    assert ergebnis.returncode == 0, ergebnis.stderr
    assert not (wurzel / "BOESE").exists() and not Path("BOESE").exists()
    return wurzel / "site"


def seiten(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}


def test_keine_seite_enthaelt_handler_skriptlinks_oder_fremde_ressourcen(feindliche_website):
    for pfad, text in seiten(feindliche_website).items():
        assert csp.verstoesse(text) == [], pfad
        for tag, name, wert in attribute(text):
            assert not name.startswith("on"), (pfad, tag, name)
            assert name != "style", (pfad, tag, wert)
            if name in ("href", "src"):
                assert not re.match(r"\s*(javascript|data|vbscript):", wert, re.I), (pfad, tag, wert)
            if name == "src":
                assert FREMDER_HOST not in wert, (pfad, tag, wert)


def test_jede_seite_hat_eine_richtlinie_ohne_unsafe_inline(feindliche_website):
    for pfad, text in seiten(feindliche_website).items():
        politik = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', text)
        assert politik, pfad
        assert "unsafe-inline" not in politik.group(1) and "default-src 'self'" in politik.group(1)
        skripte = re.findall(r"<script>(.*?)</script>", text, re.S)
        for skript in skripte:
            assert csp._hash(skript) in politik.group(1), pfad
    kopfzeilen = (feindliche_website / "_headers").read_text(encoding="utf-8")
    assert "frame-ancestors 'none'" in kopfzeilen and "/atlas/index.html\n" in kopfzeilen


def test_die_nutzlast_steht_als_text_da(feindliche_website):
    alle = seiten(feindliche_website)
    massnahme = next(t for p, t in alle.items() if p.startswith("massnahmen/M") and "Hilfe {: onclick" in html.unescape(t))
    sichtbar = html.unescape(re.sub(r"<[^>]+>", "", massnahme))
    assert 'Hilfe {: onclick="alert(1)" }' in sichtbar
    assert "{{ cycler." in sichtbar and "os.popen('touch BOESE')" in sichtbar  # generated pages are no templates
    # the site name, quote and all, is text in the title and in the logo's label
    start = alle["index.html"]
    assert "<title>Stadt &quot; onmouseover=&quot;alert(1)&quot; data-x=&quot;</title>" in start
    assert 'aria-label="Stadt &quot; onmouseover=&quot;alert(1)&quot; data-x=&quot;"' in start


def test_karten_tragen_namen_nur_als_daten(feindliche_website):
    namen = set()
    for pfad, text in seiten(feindliche_website).items():
        for _, name, wert in attribute(text):
            if name == "data-karte":
                namen |= {f["properties"]["name"] for f in json.loads(wert)["flaechen"]["features"]}
        assert "alert(2)" not in " ".join(re.findall(r"<script>(.*?)</script>", text, re.S)), pfad
    assert SKRIPTTEXT in namen


def test_bereiniger_laesst_nur_die_erlaubte_liste_durch():
    boese = ('<p onclick="x" style="color:red">a<script>alert(1)</script><iframe src="https://b"></iframe>'
             '<a href="javascript:alert(1)">j</a><a href="jav&#x09;ascript:alert(1)">t</a>'
             '<img src="https://boese.example/x.png" alt="x"><img src="//boese.example/y.png" alt="y">'
             '<object data="x"></object><form action="https://boese.example"><select name="s"></select></form>'
             '<svg><use href="https://boese.example/s.svg#a"></use><rect fill="url(https://boese.example/f)">'
             '</rect></svg><div data-md-component="search">d</div></p>')
    sauber = bereinigen(boese)
    assert csp.verstoesse(sauber) == []
    for verboten in ("onclick", "style=", "<script", "<iframe", "javascript", "<object", "action=", "<use",
                     "url(", "data-md-", FREMDER_HOST):
        assert verboten not in sauber, verboten
    assert "<p>a" in sauber and '<a href="https://www.erfurt.de/">' in bereinigen(
        '<a href="https://www.erfurt.de/" onclick="x">e</a>') and '<img src="bild.png" alt="b">' in bereinigen(
        '<img src="bild.png" alt="b" onerror="x">')


def test_jinja_in_docs_seiten_laeuft_in_der_sandbox(tmp_path, capsys):
    """A hand-written page cannot reach Python: validate and the build refuse it with file and line."""
    wurzel = tmp_path / "auenfeld"
    shutil.copytree(REPO / "tests/fixtures/zweitstadt", wurzel, ignore=shutil.ignore_patterns("README.md"))
    website_kopieren(wurzel)
    (wurzel / "docs/probe.md").write_text("---\ntitle: Probe\n---\n# Probe\n\nText\n\n" + JINJA + "\n",
                                          encoding="utf-8")
    assert main(["--wurzel", str(wurzel), "validate"]) == 1
    fehler = capsys.readouterr().err
    assert "docs/probe.md:8:1: Die Vorlage greift auf Interna zu" in fehler
    ergebnis = mkdocs_bauen(wurzel, tmp_path / "site")
    assert ergebnis.returncode != 0 and "docs/probe.md:8:1:" in ergebnis.stderr
    assert not (tmp_path / "site").exists() and not (wurzel / "BOESE").exists()


def test_werte_in_docs_seiten_sind_klartext(tmp_path):
    """`{{ plan… }}` in a hand-written page inserts text: its Markdown and HTML stay visible."""
    wurzel = tmp_path / "auenfeld"
    shutil.copytree(REPO / "tests/fixtures/zweitstadt", wurzel, ignore=shutil.ignore_patterns("README.md"))
    _yaml_aendern(wurzel / "plan/plan.yml", lambda d: d.update(herausgeber="[Klick](https://boese.example){: x } *fett*"))
    website_kopieren(wurzel)
    (wurzel / "docs/probe.md").write_text("# Probe\n\nHerausgeber: {{ plan.info.herausgeber }}\n", encoding="utf-8")
    ergebnis = mkdocs_bauen(wurzel, tmp_path / "site")
    assert ergebnis.returncode == 0, ergebnis.stderr
    seite = (tmp_path / "site/probe.html").read_text(encoding="utf-8")
    assert "<p>Herausgeber: [Klick](https://boese.example){: x } *fett*</p>" in seite


def test_kacheln_nur_vom_eigenen_server(tmp_path, capsys):
    """A base map from another host would make every reader's browser contact it: refused."""
    wurzel = tmp_path / "auenfeld"
    shutil.copytree(REPO / "tests/fixtures/zweitstadt", wurzel, ignore=shutil.ignore_patterns("README.md"))
    _yaml_aendern(wurzel / "data/atlas.yml", lambda d: d["karte"].update(
        kacheln={"adresse": "https://boese.example/{z}/{x}/{y}.png", "namensnennung": "Fremd"}))
    assert main(["--wurzel", str(wurzel), "validate"]) == 1
    assert "data/atlas.yml" in capsys.readouterr().err
