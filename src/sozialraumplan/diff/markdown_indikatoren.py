"""Markdown for the indicator section: index classes, largest moves, catalogue, all values.

Tables have a header row and name the district in the first column, so a screen reader
announces what each number is; every number carries its unit and, where it matters, its year.
"""

from __future__ import annotations

from ..render.text import klartext_md
from .anzeige import Anzeige
from .ergebnis import Indikatorvergleich, Vergleich, Wertaenderung
from .markdown_eintraege import art_abschnitt
from .zusammenfassung import indexklassen_satzteil


def _tabelle(kopf: list[str], zeilen: list[list[str]]) -> str:
    text = ["| " + " | ".join(kopf) + " |", "|" + "---|" * len(kopf)]
    text += ["| " + " | ".join(klartext_md(z) for z in zeile) + " |" for zeile in zeilen]
    return "\n".join(text)


def indikatoren_abschnitt(vergleich: Vergleich, anzeige: Anzeige) -> list[str]:
    iv = vergleich.indikatoren
    assert iv is not None
    bloecke = ["Verglichen wird je Stadtteil und Indikator der neueste Wert jeder Fassung."]
    bloecke += _klassen(iv, vergleich, anzeige)
    bloecke.append("### Größte Veränderungen")
    if iv.groesste:
        bloecke.append("Gemessen in Standardabweichungen des Indikators über die Stadtteile, damit "
                       "Indikatoren mit verschiedenen Einheiten vergleichbar sind.")
        bloecke.append(_wertetabelle(iv.groesste, anzeige, mit_indikator=True))
    else:
        bloecke.append("Keine Werte haben sich verändert." if vergleich.basis.atlas and vergleich.ziel.atlas
                       else "Werte lassen sich erst vergleichen, wenn beide Fassungen einen Sozialstrukturatlas haben.")
    bloecke.append("### Indikatoren")
    bloecke += art_abschnitt(iv.katalog, anzeige, "####")
    if iv.stadtteile_neu or iv.stadtteile_entfallen:
        bloecke.append("### Stadtteile mit Werten")
        zeilen = []
        if iv.stadtteile_neu:
            zeilen.append("- neu mit Werten: " + ", ".join(anzeige.name("stadtteil", s) for s in iv.stadtteile_neu))
        if iv.stadtteile_entfallen:
            zeilen.append("- ohne Werte: " + ", ".join(anzeige.name("stadtteil", s) for s in iv.stadtteile_entfallen))
        bloecke.append("\n".join(zeilen))
    if iv.werte:
        bloecke.append("### Alle Veränderungen je Indikator")
        for indikator in dict.fromkeys(w.indikator for w in iv.werte):
            eigene = [w for w in iv.werte if w.indikator == indikator]
            bloecke.append(f"#### {klartext_md(anzeige.name('indikator', indikator))} ({len(eigene)} Stadtteile)")
            bloecke.append(_wertetabelle(eigene, anzeige, mit_indikator=False))
    return bloecke


def _klassen(iv: Indikatorvergleich, vergleich: Vergleich, anzeige: Anzeige) -> list[str]:
    alt, neu = iv.index_jahre
    if iv.klassenwechsel is None:
        fehlt = vergleich.basis.name if alt is None else vergleich.ziel.name
        return ["### Indexklassen", f"Die Indexklassen wurden nicht verglichen: {klartext_md(fehlt)} hat keinen Sozialindex."]
    bloecke = [f"### Indexklassen (Sozialindex {alt} und {neu})" if alt != neu else f"### Indexklassen (Sozialindex {neu})"]
    satz = indexklassen_satzteil(len(iv.klassenwechsel))
    bloecke.append(satz[0].upper() + satz[1:] + ("." if not iv.klassenwechsel else ":"))
    if iv.klassenwechsel:
        bloecke.append(_tabelle(
            ["Stadtteil", "Klasse vorher", "Klasse jetzt", "Indexwert vorher", "Indexwert jetzt"],
            [[anzeige.name("stadtteil", k.stadtteil), k.alt_klasse, k.neu_klasse,
              anzeige.indexwert(k.alt_wert), anzeige.indexwert(k.neu_wert)] for k in iv.klassenwechsel],
        ))
    return bloecke


def _wertetabelle(werte: list[Wertaenderung], anzeige: Anzeige, *, mit_indikator: bool) -> str:
    kopf = ["Stadtteil"] + (["Indikator"] if mit_indikator else []) + ["vorher", "jetzt", "Veränderung"]
    zeilen = []
    for w in werte:
        zeile = [anzeige.name("stadtteil", w.stadtteil)]
        if mit_indikator:
            zeile.append(anzeige.name("indikator", w.indikator))
        zeile += [anzeige.zahl(w.indikator, w.alt, w.alt_jahr), anzeige.zahl(w.indikator, w.neu, w.neu_jahr),
                  anzeige.differenz(w.indikator, w.differenz)]
        zeilen.append(zeile)
    return _tabelle(kopf, zeilen)
