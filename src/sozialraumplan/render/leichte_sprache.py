"""The Leichte-Sprache section: the plan's `leichte_sprache` texts as pages of their own.

Every page carries the Leichte-Sprache label and links to its page in Alltags-Sprache; the
standard pages link back through `ls_verweis`. Texts keep one sentence per line, and the
stylesheet `docs/leichte-sprache/leichte-sprache.css` sets them as BITV 2.0 Anlage 2 asks:
large type, generous line height, left-aligned, no hyphenation by the browser.

The fixed texts below are Leichte Sprache too; `tests/test_leichte_sprache_seiten.py` runs
the project's linter over them.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import GESAMTSTADT, Gremium, Leitlinie, Massnahme, Plan, Status
from ..seiten import Abschnitt, Seite
from . import gremien, leitlinien, massnahmen
from .pfade import relativ
from .text import abschnitt, klartext_md, kopf, leichte_sprache_absatz

ORDNER = "leichte-sprache"
STARTSEITE = f"{ORDNER}/index.md"

ZIELE = f"{ORDNER}/{leitlinien.ORDNER}/index.md"
VORHABEN = f"{ORDNER}/massnahmen.md"
GRUPPEN = f"{ORDNER}/gremien.md"
ATLAS = f"{ORDNER}/atlas.md"
WOERTER = f"{ORDNER}/woerterbuch.md"
ERKLAERUNG = f"{ORDNER}/barrierefreiheit.md"

ATLAS_ORDNER = "atlas"
"""Standard pages below this folder are explained by the Leichte-Sprache atlas page."""

KENNZEICHEN = (
    "Die Texte auf dieser Seite sind in Leichter Sprache.\n"
    "Die Texte folgen den Regeln für Leichte Sprache."
)
ZURUECK = "Diese Seite in Alltags-Sprache"

INHALT = (
    "Auf dieser Internet-Seite steht der Sozialraum-Plan.\n"
    "Die Stadt will das Leben in den Stadtteilen besser machen.\n"
    "Im Plan steht: So macht die Stadt das."
)
INHALT_LISTE = (
    "die Ziele von der Stadt",
    "die Vorhaben von der Stadt",
    "die Gruppen für die Planung",
    "Zahlen und Karten zu den Stadtteilen",
)

NAVIGATION = (
    "Auf einem großen Bildschirm steht links das Menü.\n"
    "Im Menü stehen alle Seiten.\n"
    "Auf einem Handy ist das Menü zuerst versteckt.\n"
    "Dann sehen Sie oben links einen Knopf mit 3 Strichen.\n"
    "Drücken Sie auf den Knopf.\n"
    "Dann sehen Sie das Menü.\n"
    "Oben rechts gibt es die Suche.\n"
    "Dort können Sie ein Wort schreiben.\n"
    "Dann sehen Sie alle Seiten mit diesem Wort.\n"
    "Unten auf jeder Seite ist ein Link zu Leichter Sprache.\n"
    "Dort ist auch ein Link zur Erklärung zur Barriere-Freiheit.\n"
    "Sie können die Internet-Seite auch mit der Tastatur benutzen.\n"
    "Drücken Sie dafür die Tab-Taste.\n"
    "So springen Sie von Link zu Link."
)

ZIELE_EINLEITUNG = (
    "Die Stadt hat Ziele für die Planung.\n"
    "Die Ziele sagen: Das ist der Stadt wichtig."
)
VORHABEN_EINLEITUNG = (
    "Die Stadt hat viele Vorhaben.\n"
    "Hier lesen Sie: Was macht die Stadt?"
)
GRUPPEN_EINLEITUNG = (
    "Bei der Planung helfen viele Gruppen.\n"
    "In den Gruppen arbeiten Menschen zusammen.\n"
    "Zum Beispiel: Menschen von der Stadt und aus den Stadtteilen."
)
ATLAS_TEXT = (
    "Ein Atlas ist ein Buch mit Karten.\n"
    "Der Sozial-Struktur-Atlas ist ein Bericht von der Stadt.\n"
    "Darin stehen Zahlen und Karten.\n"
    "Die Zahlen zeigen: So leben die Menschen in jedem Stadtteil.\n"
    "Zum Beispiel: Wie alt sind die Menschen?\n"
    "Wie viele Menschen haben eine Arbeit?\n"
    "Wie viele Kinder wohnen dort?\n"
    "Die Karten zeigen die Zahlen für jeden Stadtteil.\n"
    "Die Stadt schaut sich die Zahlen genau an.\n"
    "So sieht die Stadt: Hier brauchen die Menschen Hilfe.\n"
    "Dann plant die Stadt dort neue Angebote.\n"
    "Die Stadt macht den Atlas immer wieder neu."
)
WOERTER_EINLEITUNG = (
    "Hier erklären wir schwere Wörter.\n"
    "Die Wörter kommen in dem Plan vor."
)
BEISPIEL = "Achtung: Dieses Vorhaben ist nur ein Beispiel."
STATUS = {
    Status.GEPLANT: "Die Stadt plant das Vorhaben noch.",
    Status.IN_UMSETZUNG: "Die Arbeit an dem Vorhaben hat angefangen.",
    Status.UMGESETZT: "Das Vorhaben ist fertig.",
    Status.ZURUECKGESTELLT: "Die Arbeit an dem Vorhaben macht eine Pause.",
    Status.VERWORFEN: "Die Stadt hat das Vorhaben gestoppt.",
}
"""How far a Maßnahme is, without percentages."""

FESTE_TEXTE = (KENNZEICHEN, INHALT, *INHALT_LISTE, NAVIGATION, ZIELE_EINLEITUNG, VORHABEN_EINLEITUNG,
               GRUPPEN_EINLEITUNG, ATLAS_TEXT, WOERTER_EINLEITUNG, BEISPIEL, *STATUS.values())
"""Every fixed Leichte-Sprache text of this module, for the linter test."""


def verweis(von: str, nach: str) -> str:
    """Relative Markdown link target from page `von` to page `nach` (an anchor is kept)."""
    pfad, raute, anker = nach.partition("#")
    return relativ(pfad, von) + raute + anker


def ls_pfad_fuer(plan: Plan, pfad: str) -> str | None:
    """The Leichte-Sprache page (with anchor where it is a part of a page) for a standard page.

    `ls_pfad_fuer(plan, "leitlinien/L1.md")` → `"leichte-sprache/leitlinien/L1.md"`; pages
    without a Leichte-Sprache version give None.
    """
    ordner, _, name = pfad.rpartition("/")
    stamm = name.removesuffix(".md")
    if pfad == "index.md":
        return STARTSEITE
    if pfad == "barrierefreiheit.md":
        return ERKLAERUNG
    if pfad == "glossar.md":
        return WOERTER if _begriffe(plan) else None
    if ordner == f"{ATLAS_ORDNER}/stadtteile" and any(s.id == stamm for s in plan.stadtteile):
        return f"{ORDNER}/stadtteile/{stamm}.md"
    if ordner == f"{ATLAS_ORDNER}/stadtteile":
        return f"{ORDNER}/stadtteile.md"
    if ordner == f"{ATLAS_ORDNER}/indikatoren":
        return f"{ORDNER}/zahlen.md" + ("" if stamm == "index" else f"#{stamm}")
    if ordner == ATLAS_ORDNER or pfad.startswith(ATLAS_ORDNER + "/"):
        return ATLAS
    if ordner == leitlinien.ORDNER:
        if stamm == "index":
            return ZIELE
        return f"{ORDNER}/{pfad}" if any(l.id == stamm for l in plan.leitlinien) else None
    if ordner == massnahmen.ORDNER:
        if stamm == "index":
            return VORHABEN
        return f"{VORHABEN}#{stamm}" if any(m.id == stamm for m in plan.massnahmen) else None
    if ordner == gremien.ORDNER:
        if stamm == "index":
            return GRUPPEN
        return f"{GRUPPEN}#{stamm}" if any(g.id == stamm for g in plan.gremien) else None
    return None


def ls_verweis(plan: Plan, pfad: str) -> str | None:
    """For the standard page `pfad`: a Markdown paragraph linking to its Leichte-Sprache page."""
    ziel = ls_pfad_fuer(plan, pfad)
    if ziel is None:
        return None
    return f'<p class="srp-ls-verweis" markdown>[Diese Seite in Leichter Sprache]({verweis(pfad, ziel)})</p>\n\n'


def zeilen(text: str) -> str:
    """A Leichte-Sprache text, one `<p>` per line, between blank lines for Markdown."""
    return leichte_sprache_absatz(text) + "\n\n"


def seite(pfad: str, titel: str, inhalt: str, *, standard: str | None = None,
          quelle: str | None = None) -> Seite:
    """A page of the section: label, link to Alltags-Sprache, then the content in the LS layout."""
    text = kopf(titel)
    text += '<div class="srp-leichte-sprache" markdown>\n\n'
    text += kennzeichen()
    if standard:
        text += f'<p class="srp-ls-zurueck" markdown>[{ZURUECK}]({verweis(pfad, standard)})</p>\n\n'
    text += inhalt + "</div>\n"
    return Seite(pfad, titel, text, quelle=quelle)


def kennzeichen() -> str:
    """The Leichte-Sprache label: a text badge (the Inclusion Europe logo needs a licence)."""
    return ('<div class="srp-ls-kennzeichen">\n<p class="srp-ls-marke">Leichte Sprache</p>\n\n'
            + leichte_sprache_absatz(KENNZEICHEN) + "\n</div>\n\n")


def navigation() -> str:
    return zeilen(NAVIGATION)


def inhalt_kurz() -> str:
    """BITV 2.0 § 4 Nr. 1: what the site holds, in a few lines."""
    return zeilen(INHALT) + '<p class="srp-ls-zeile">Sie finden hier:</p>\n\n' + "".join(
        f"- {eintrag}\n" for eintrag in INHALT_LISTE) + "\n"


def leichte_sprache_abschnitt(plan: Plan, weitere: Sequence[Seite] = (), *,
                              atlas: str | None = None) -> Abschnitt:
    """The section `leichte-sprache/`: start page, Ziele, Vorhaben, Gruppen, atlas, words.

    `weitere` are further Leichte-Sprache pages (the accessibility statement) listed on the
    start page; `atlas` is the standard atlas page, once the site has one.
    """
    seiten = [ziele_seite(plan)] + [ziel_seite(plan, l) for l in plan.leitlinien]
    seiten += [vorhaben_seite(plan), gruppen_seite(plan), atlas_seite(atlas)]
    if _begriffe(plan):
        seiten.append(woerter_seite(plan))
    seiten += weitere
    return Abschnitt("Leichte Sprache", [startseite(plan, seiten)] + seiten)


def startseite(plan: Plan, seiten: list[Seite]) -> Seite:
    text = "## Was steht auf dieser Internet-Seite?\n\n"
    text += zeilen(plan.info.leichte_sprache) if plan.info.leichte_sprache else inhalt_kurz()
    text += "## Diese Seiten gibt es in Leichter Sprache\n\n"
    text += "".join(f"- [{klartext_md(s.titel)}]({verweis(STARTSEITE, s.pfad)})\n"
                    for s in seiten if s.pfad.count("/") == 1 or s.pfad.endswith("/index.md"))
    text += "\n## So finden Sie sich zurecht\n\n" + navigation()
    return seite(STARTSEITE, "Leichte Sprache", text, standard="index.md")


def _erster_satz(text: str) -> str:
    """The first line of a Leichte-Sprache text (one sentence per line) as a teaser."""
    return zeilen(text.strip().splitlines()[0])


def ziel_pfad(ident: str) -> str:
    return f"{ORDNER}/{leitlinien.ORDNER}/{ident}.md"


def _titel(art: str, nummer: int, eigener: str | None) -> str:
    """„Ziel 4: Armut verhindern“ where the plan gives a title in Leichter Sprache, else „Ziel 4“;
    plain text (a page title), so Markdown callers pass it through `klartext_md`."""
    return f"{art} {nummer}: {' '.join(eigener.split())}" if eigener else f"{art} {nummer}"


def ziel_titel(leitlinie: Leitlinie) -> str:
    """Leitlinien are „Ziele“ in Leichter Sprache; their own titles are too hard to keep."""
    return _titel("Ziel", leitlinie.nummer, leitlinie.titel_leichte_sprache)


def ziele_seite(plan: Plan) -> Seite:
    text = zeilen(ZIELE_EINLEITUNG)
    text += "".join(f"## [{klartext_md(ziel_titel(l))}]({verweis(ZIELE, ziel_pfad(l.id))})\n\n" + _erster_satz(l.leichte_sprache)
                    for l in plan.leitlinien)
    return seite(ZIELE, "Die Ziele von der Stadt", text, standard=f"{leitlinien.ORDNER}/index.md")


def ziel_seite(plan: Plan, leitlinie: Leitlinie) -> Seite:
    pfad = ziel_pfad(leitlinie.id)
    text = zeilen(leitlinie.leichte_sprache)
    vorhaben = plan.massnahmen_for_leitlinie(leitlinie.id)
    if vorhaben:
        text += "## Das macht die Stadt für dieses Ziel\n\n" + "".join(
            f"### [{klartext_md(vorhaben_titel(plan, m))}]({verweis(pfad, f'{VORHABEN}#{m.id}')})\n\n"
            + _erster_satz(m.leichte_sprache) for m in vorhaben)
    return seite(pfad, ziel_titel(leitlinie), text, standard=f"{leitlinien.ORDNER}/{leitlinie.id}.md",
                 quelle=plan.quellen.get(f"leitlinie:{leitlinie.id}"))


def mehr_dazu(titel: str) -> str:
    """The link to the Alltags-Sprache page, named after what it is about: a page lists many,
    and a screen reader's list of links shows each one without its surroundings."""
    return f"Mehr zu {titel.partition(':')[0]} in Alltags-Sprache"


def vorhaben_titel(plan: Plan, massnahme: Massnahme) -> str:
    """Maßnahmen are „Vorhaben“, numbered in the order of the catalogue."""
    # by id: comparing whole Maßnahmen field by field made every title cost the whole catalogue
    return _titel("Vorhaben", [m.id for m in plan.massnahmen].index(massnahme.id) + 1,
                  massnahme.titel_leichte_sprache)


def vorhaben_seite(plan: Plan) -> Seite:
    text = zeilen(VORHABEN_EINLEITUNG)
    for m in plan.massnahmen:
        inhalt = f"## {klartext_md(vorhaben_titel(plan, m))}\n\n"
        if m.beispiel:
            inhalt += zeilen(BEISPIEL)
        inhalt += zeilen(m.leichte_sprache)
        ziele = "".join(f"- [{klartext_md(ziel_titel(plan.leitlinie(l)))}]({verweis(VORHABEN, ziel_pfad(l))})\n"
                        for l in m.leitlinien)
        inhalt += ('<dl class="srp-ls-angaben" markdown>\n'
                   f"<dt>Wo?</dt>\n{_wo(plan, m)}"
                   f"<dt>Wie weit ist die Arbeit?</dt>\n<dd>{STATUS[m.status]}</dd>\n"
                   f'<dt>Das Vorhaben gehört zu:</dt>\n<dd markdown="block">\n{ziele}</dd>\n</dl>\n\n')
        inhalt += (f"[{mehr_dazu(vorhaben_titel(plan, m))}]"
                   f"({verweis(VORHABEN, f'{massnahmen.ORDNER}/{m.id}.md')})\n\n")
        text += abschnitt(m.id, inhalt)
    return seite(VORHABEN, "Das macht die Stadt", text, standard=f"{massnahmen.ORDNER}/index.md")


def _wo(plan: Plan, massnahme: Massnahme) -> str:
    """Where: the whole town, or a list of district names."""
    if GESAMTSTADT in massnahme.stadtteile:
        return "<dd>In der ganzen Stadt.</dd>\n"
    namen = "".join(f"- {klartext_md(plan.stadtteil_name(s))}\n" for s in massnahme.stadtteile)
    return f'<dd markdown="block">\n{namen}</dd>\n'


def gruppen_titel(plan: Plan, gremium: Gremium) -> str:
    """Gremien are „Gruppen“, numbered: their names are long compounds, and each text
    introduces its group in Leichter Sprache."""
    return _titel("Gruppe", [g.id for g in plan.gremien].index(gremium.id) + 1, gremium.titel_leichte_sprache)


def gruppen_seite(plan: Plan) -> Seite:
    text = zeilen(GRUPPEN_EINLEITUNG)
    for g in plan.gremien:
        text += abschnitt(g.id, f"## {klartext_md(gruppen_titel(plan, g))}\n\n" + zeilen(g.leichte_sprache)
                          + f"[{mehr_dazu(gruppen_titel(plan, g))}]({verweis(GRUPPEN, f'{gremien.ORDNER}/{g.id}.md')})")
    return seite(GRUPPEN, "Diese Gruppen planen mit", text, standard=f"{gremien.ORDNER}/index.md")


def atlas_seite(atlas: str | None) -> Seite:
    return seite(ATLAS, "Was ist der Sozial-Struktur-Atlas?", zeilen(ATLAS_TEXT), standard=atlas)


def _begriffe(plan: Plan) -> list:
    return sorted((b for b in plan.glossar.begriffe if b.leichte_sprache), key=lambda b: b.begriff.casefold())


def woerter_seite(plan: Plan) -> Seite:
    """Hard words stay as they are and are explained: that is how Leichte Sprache teaches them."""
    text = zeilen(WOERTER_EINLEITUNG)
    for begriff in _begriffe(plan):
        text += f"## {klartext_md(begriff.begriff)}\n\n" + zeilen(begriff.leichte_sprache or "")
    return seite(WOERTER, "Schwere Wörter einfach erklärt", text, standard="glossar.md",
                 quelle=plan.quellen.get("glossar"))
