"""Atom feeds, written at build time: for the whole plan, each Maßnahme and each Stadtteil.

A reader follows the plan without an account: a new Fortschreibung, a change of a Maßnahme's
status or progress, or a new decision becomes an entry. Ids are URNs made of what the entry is
about (the city, the tag, the Maßnahme and its new state, the decision), so a rebuild gives the
same ids and a feed reader shows nothing twice. Links are relative to the feed file.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass

from . import beschluesse
from .model import Massnahme, Plan
from .render.pfade import relativ
from .seiten import Datei
from .verlauf import Fassung

PLAN_FEED = "feed.xml"
"""The feeds stand in the site's root folder: Material's script takes every `<link rel="alternate">`
for a language version of the site and asks for `sitemap.xml` beside it, which only exists there."""
ATOM = "http://www.w3.org/2005/Atom"


def massnahme_feed(ident: str) -> str:
    return f"feed-massnahme-{ident}.xml"


def stadtteil_feed(ident: str) -> str:
    return f"feed-stadtteil-{ident}.xml"


@dataclass(frozen=True)
class Meldung:
    """One feed entry: a stable id, its day, a title, a sentence, the page it is about."""

    kennung: str
    datum: dt.date
    titel: str
    text: str
    seite: str
    """Page below the docs folder (`massnahmen/M001.md`, with an anchor where needed)."""
    massnahme: str | None = None
    """The Maßnahme the entry is about, if any."""


def _urn(plan: Plan, *teile: str) -> str:
    stadt = re.sub(r"[^a-z0-9]+", "-", plan.info.stadt.casefold()).strip("-") or "plan"
    return ":".join(["urn", "sozialraumplan", stadt, *(re.sub(r"[^A-Za-z0-9._-]+", "-", t) for t in teile)])


def _standmeldungen(plan: Plan, fassungen: list[Fassung]) -> list[Meldung]:
    """A new Fortschreibung; each Maßnahme whose status or progress differs from the Fortschreibung before."""
    meldungen: list[Meldung] = []
    vorher: dict[str, Massnahme] = {}
    staende = [(f.name, f.datum, f.massnahmen) for f in fassungen]
    staende.append((plan.info.fortschreibung, plan.info.stand, {m.id: m for m in plan.massnahmen}))
    for name, datum, massnahmen in staende:
        if name != plan.info.fortschreibung:
            meldungen.append(Meldung(_urn(plan, "fortschreibung", name), datum, f"Neue Fortschreibung: {name}",
                                     f"Die Fortschreibung {name} ist veröffentlicht.", "aenderungen.md"))
        for ident, m in sorted(massnahmen.items()):
            alt = vorher.get(ident)
            if alt is not None and (alt.status, alt.fortschritt) == (m.status, m.fortschritt):
                continue
            satz = (f"neu im Plan: {m.status.label}, Fortschritt {m.fortschritt} %" if alt is None else
                    f"{alt.status.label}, {alt.fortschritt} % → {m.status.label}, {m.fortschritt} %")
            meldungen.append(Meldung(_urn(plan, "massnahme", ident, m.status.value, str(m.fortschritt)), datum,
                                     f"{m.titel}: {m.status.label}, {m.fortschritt} %", f"{name}: {satz}.",
                                     f"massnahmen/{ident}.md", ident))
        vorher = dict(massnahmen)
    return meldungen


def _beschlussmeldungen(plan: Plan, eintraege: Iterable[beschluesse.Eintrag]) -> list[Meldung]:
    return [Meldung(_urn(plan, "beschluss", e.sitzung.id, str(e.nummer)), e.datum,
                    f"{e.beschluss.art.label}: {plan.gremium(e.sitzung.gremium).label}, {e.sitzung.titel}",
                    " ".join(e.beschluss.ergebnis.split()), f"sitzungen.md#{e.kennung}") for e in eintraege]


def _feed(plan: Plan, pfad: str, titel: str, seite: str, meldungen: list[Meldung]) -> Datei:
    """One Atom document, newest entry first; each id once."""
    gesehen: set[str] = set()
    eindeutig = []
    for meldung in sorted(meldungen, key=lambda m: (m.datum, m.kennung)):
        if meldung.kennung not in gesehen:
            gesehen.add(meldung.kennung)
            eindeutig.append(meldung)
    eindeutig.reverse()
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "de"})
    ET.SubElement(feed, f"{{{ATOM}}}id").text = _urn(plan, "feed", pfad)
    ET.SubElement(feed, f"{{{ATOM}}}title").text = titel
    neuestes = max((m.datum for m in eindeutig), default=plan.info.stand)
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _zeit(neuestes)
    ET.SubElement(ET.SubElement(feed, f"{{{ATOM}}}author"), f"{{{ATOM}}}name").text = plan.info.herausgeber
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": _adresse(seite, pfad)})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": relativ(pfad, pfad)})
    for m in eindeutig:
        eintrag = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(eintrag, f"{{{ATOM}}}id").text = m.kennung
        ET.SubElement(eintrag, f"{{{ATOM}}}title").text = m.titel
        ET.SubElement(eintrag, f"{{{ATOM}}}updated").text = _zeit(m.datum)
        ET.SubElement(eintrag, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html",
                                                  "href": _adresse(m.seite, pfad)})
        ET.SubElement(eintrag, f"{{{ATOM}}}summary").text = m.text
    ET.indent(feed)
    return Datei(pfad, ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n")


def _zeit(tag: dt.date) -> str:
    return f"{tag.isoformat()}T00:00:00Z"


def _adresse(seite: str, von: str) -> str:
    """The page's address relative to the feed file (`.md` → `.html`, anchors kept)."""
    pfad, raute, anker = seite.partition("#")
    return relativ(pfad.removesuffix(".md") + ".html", von) + raute + anker


def feeds(plan: Plan, fassungen: list[Fassung], profile: bool = True) -> list[Datei]:
    """The feed of the plan, of each Maßnahme and of each Stadtteil; `profile`: the site has district
    profiles (an atlas) for a district's feed to link to, else it links the Maßnahmen."""
    stand = _standmeldungen(plan, fassungen)
    beschluss = _beschlussmeldungen(plan, beschluesse.alle(plan))
    dateien = [_feed(plan, PLAN_FEED, plan.info.titel, "index.md", stand + beschluss)]
    for m in plan.massnahmen:
        eigene = [x for x in stand if x.massnahme == m.id]
        eigene += _beschlussmeldungen(plan, beschluesse.fuer_massnahme(plan, m.id))
        dateien.append(_feed(plan, massnahme_feed(m.id), f"{m.titel} – {plan.info.titel}",
                             f"massnahmen/{m.id}.md", eigene))
    for s in plan.stadtteile:
        ids = {m.id for m in plan.massnahmen_for_stadtteil(s.id)}
        eigene = [x for x in stand if x.massnahme in ids]
        eigene += _beschlussmeldungen(plan, beschluesse.fuer_stadtteil(plan, s.id))
        dateien.append(_feed(plan, stadtteil_feed(s.id), f"{s.name} – {plan.info.titel}",
                             f"atlas/stadtteile/{s.id}.md" if profile else "massnahmen/index.md", eigene))
    return dateien


def feed_verweise(plan: Plan, seite: str) -> list[tuple[str, str]]:
    """The feeds a page links in its head: (path below the site root, title)."""
    verweise = [(PLAN_FEED, f"Neuigkeiten: {plan.info.titel}")]
    ordner, _, name = seite.rpartition("/")
    ident = name.removesuffix(".md")
    if ordner == "massnahmen" and any(m.id == ident for m in plan.massnahmen):
        verweise.append((massnahme_feed(ident), f"Neuigkeiten zur Maßnahme {ident}"))
    if ordner == "atlas/stadtteile" and any(s.id == ident for s in plan.stadtteile):
        verweise.append((stadtteil_feed(ident), f"Neuigkeiten: {plan.stadtteil_name(ident)}"))
    return verweise
