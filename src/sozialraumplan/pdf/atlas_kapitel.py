"""The atlas chapter of the PDF: Sozialindex and every indicator as a static map with its table.

Each map section starts a page: heading, a sentence with the highest and lowest values, the map
(alt text naming what it shows) with the legend as text beside it, and below them the table of
every district. The texts come from the atlas's own building blocks, so site and print say the same.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping

from markupsafe import Markup

from ..atlas.bausteine import (
    KEINE_ANGABE,
    Klassenbild,
    index_text,
    index_zusammenfassung,
    indikator_einteilung,
    klassenbild,
    stadt_satz,
    zelle,
    zusammenfassung,
)
from ..atlas.index import STELLEN as INDEX_STELLEN
from ..atlas.klassen import Klasse
from ..atlas.kontext import Kontext, kontext_fuer
from ..atlas.modell import Atlas, Indikator
from ..atlas.zahlen import mit_einheit
from ..model import Plan
from ..render.text import h
from .dokument import Kapitel
from .karten import karte_png

ID = "atlas"


def _alt_text(titel: str, bild: Klassenbild, klassen: Mapping[str, Klasse | None], namen: dict[str, str],
              einheit: str, stellen: int) -> str:
    """What a sighted reader takes from the map: the classes and who is in the highest one."""
    oberste = bild.einteilung.klassen[-1]
    darin = sorted(namen[s] for s, k in klassen.items() if k == oberste)
    text = (f"Karte der Stadtteile: {titel}, in {len(bild.einteilung.klassen)} Klassen von hell (niedrig) "
            f"bis dunkel (hoch). In der höchsten Klasse „{oberste.legende(einheit, stellen)}“: "
            f"{', '.join(darin) if darin else 'kein Stadtteil'}.")
    if bild.fehlend:
        text += f" Ohne Angabe (schraffiert): {_anzahl(bild.fehlend)}."
    return text + " Alle Werte stehen in der Tabelle unter der Karte."


def _legende(bild: Klassenbild, einheit: str, stellen: int) -> str:
    """Class number, name and range, and how many districts fall into it: the key to the table."""
    eintraege = [
        f'<li><span class="farbfeld" style="background:{farbe}"></span>'
        f"{h(klasse.legende(einheit, stellen))} "
        f"({_anzahl(bild.anzahl.get(klasse.nummer, 0))})</li>"
        for klasse, farbe in zip(bild.einteilung.klassen, bild.farben)
    ]
    if bild.fehlend:
        eintraege.append(f'<li><span class="farbfeld farbfeld--fehlt"></span>{KEINE_ANGABE} '
                         f"({_anzahl(bild.fehlend)})</li>")
    return f'<ul class="legende">{"".join(eintraege)}</ul>'


def _anzahl(n: int) -> str:
    return f"{n} {'Stadtteil' if n == 1 else 'Stadtteile'}"


def _klasse(klasse: Klasse | None) -> str:
    """In the table the class without its range: the legend above it names the range."""
    return klasse.stufe if klasse else KEINE_ANGABE


def _abschnitt(kontext: Kontext, titel: str, text: str, bild: Klassenbild, klassen: Mapping[str, Klasse | None], alt: str,
               spalten: list[str], zeilen: list[list[str]], einheit: str, stellen: int) -> str:
    png = karte_png(kontext.kartengrenzen, {s: bild.farbe(k) for s, k in klassen.items()}, kontext.namen)
    quelle = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
    kopf = "".join(f'<th scope="col">{h(s)}</th>' for s in spalten)
    koerper = "".join(
        f'<tr><th scope="row">{h(z[0])}</th>{"".join(f"<td>{h(x)}</td>" for x in z[1:])}</tr>' for z in zeilen
    )
    return (
        f'<section class="kartenabschnitt"><h3>{h(titel)}</h3><p>{h(text)}</p>'
        f'<div class="karte"><figure><img src="{quelle}" alt="{h(text)} {h(alt)}">'
        f"<figcaption>Legende: {_legende(bild, einheit, stellen)}</figcaption></figure>"
        f"<table><caption>{h(titel)} nach Stadtteilen</caption><thead><tr>{kopf}</tr></thead>"
        f"<tbody>{koerper}</tbody></table></div></section>"
    )


def _index(kontext: Kontext) -> str:
    index = kontext.index
    titel = f"{index.einstellungen.name} {index.jahr}"
    klassen = {s: w.klasse for s, w in index.status.werte.items()}
    bild = klassenbild(index.status.einteilung, list(klassen.values()), "bedarf")
    zeilen = [
        [kontext.namen[w.stadtteil], str(rang) if w.wert is not None else "–", index_text(w.wert), _klasse(w.klasse)]
        for rang, w in enumerate(index.rangfolge(), start=1)
    ]
    hoch_ab = index.status.einteilung.klassen[index.einstellungen.hoher_bedarf_ab - 1]
    text = f"{index_zusammenfassung(kontext)} Ab {hoch_ab.stufe} gilt der Unterstützungsbedarf als hoch."
    return _abschnitt(kontext, titel, text, bild, klassen,
                      _alt_text(titel, bild, klassen, kontext.namen, "", INDEX_STELLEN),
                      ["Stadtteil", "Rang", "Indexwert", "Klasse"], zeilen, "", INDEX_STELLEN)


def _indikator(kontext: Kontext, indikator: Indikator) -> str:
    jahr = kontext.letztes_jahr(indikator.id)
    werte = kontext.atlas.reihe(indikator.id, jahr, kontext.ids)
    einteilung = indikator_einteilung(kontext, indikator, werte)
    klassen = {s: einteilung.klasse(w) for s, w in werte.items()}
    bild = klassenbild(einteilung, list(klassen.values()), "werte")
    titel = f"{indikator.name} {jahr}"
    einheit, stellen = indikator.einheit, indikator.nachkommastellen
    text = zusammenfassung(kontext, werte, lambda w: mit_einheit(w, einheit, stellen), jahr,
                           stadt_satz(kontext, indikator, jahr), f"„{indikator.name}“")
    zeilen = [[kontext.namen[s], zelle(werte[s], indikator, kontext.atlas.gesperrt(s, indikator.id, jahr)),
               _klasse(klassen[s])]
              for s in kontext.nach_name(kontext.ids)]
    spalte = f"Wert ({einheit})" if einheit and einheit != "%" else "Wert"
    return _abschnitt(kontext, titel, f"{indikator.definition} {text}", bild, klassen,
                      _alt_text(titel, bild, klassen, kontext.namen, einheit, stellen),
                      ["Stadtteil", spalte, "Klasse"], zeilen, einheit, stellen)


def atlas_kapitel(plan: Plan, atlas: Atlas) -> Kapitel:
    """The chapter with the index map first, then one map per indicator that has values."""
    kontext = kontext_fuer(plan, atlas)
    teile = [f"<h2>{h(atlas.einstellungen.titel)}</h2>"]
    if atlas.beispiel():
        teile.append('<p class="hinweis">Die Werte dieses Kapitels sind Beispieldaten: erfunden und nur an '
                     "einigen veröffentlichten Eckzahlen ausgerichtet. Sie zeigen, wie der Atlas aussieht und "
                     "rechnet, und sagen nichts über die tatsächliche Lage in den Stadtteilen.</p>")
    if atlas.sozialindex is not None:
        teile.append(_index(kontext))
    teile += [_indikator(kontext, i) for i in atlas.indikatoren if atlas.jahre_von(i.id)]
    return Kapitel(ID, atlas.einstellungen.titel, Markup("".join(teile)))


def namensnennung(atlas: Atlas) -> str:
    """The attribution the boundary licence requires wherever the maps are shown."""
    geometrie = atlas.einstellungen.geometrie
    teile = [" ".join(geometrie.namensnennung.split())]
    if geometrie.lizenz:
        teile.append(f"Lizenz: {geometrie.lizenz}" + (f" ({geometrie.lizenz_adresse})" if geometrie.lizenz_adresse else ""))
    return ". ".join(t.rstrip(".") for t in teile) + "."
