"""The atlas's numbers in a stable, flat form, for comparing two states of the repository
(e.g. the diff helper loading `data/` from two git revisions), and with the city's official index."""

from __future__ import annotations

from dataclasses import dataclass

from ..befund import Befund
from ..model import Stadtteil
from ..quelle import Quelle
from .csvdatei import csv_lesen, zelle_als_zahl
from .modell import Atlas
from .zahlen import ZahlFehler, zahl_text


@dataclass(frozen=True)
class Kennzahlen:
    werte: dict[tuple[str, str, int], float | None]
    """(stadtteil, indikator, jahr) → value, sorted; `gesamtstadt` rows included."""
    indexwerte: dict[str, float | None]
    """District → index value of the index year (rounded to 4 places)."""
    indexklassen: dict[str, str | None]
    """District → class as shown on the site, e.g. `4 – hoch` or `Status niedrig, Dynamik negativ`."""
    indexjahr: int


def kennzahlen(atlas: Atlas) -> Kennzahlen:
    index = atlas.sozialindex
    assert index is not None, "atlas_laden berechnet den Index immer"
    stadtteile = sorted(index.status.werte)
    return Kennzahlen(
        werte={k: atlas.werte[k].wert for k in sorted(atlas.werte)},
        indexwerte={s: None if (w := index.wert(s).wert) is None else round(w, 4) for s in stadtteile},
        indexklassen={s: index.klassenname(s) for s in stadtteile},
        indexjahr=index.jahr,
    )


def amtlich_vergleichen(quelle: Quelle, pfad: str, atlas: Atlas, stadtteile: list[Stadtteil]) -> list[Befund]:
    """The city's published index (`sozialindex.amtlich`) against the computed one: every
    district whose value (at the places the file gives) or class differs is an error naming the
    district and both values. Columns: `stadtteil` or `nummer`, then `indexwert` and/or `klasse`
    (number or name of the class)."""
    befunde: list[Befund] = []
    tabelle = csv_lesen(quelle, pfad, set(), befunde)
    if tabelle is None:
        return befunde
    kennung = "stadtteil" if "stadtteil" in tabelle.kopf else "nummer"
    zuordnung = {(s.id if kennung == "stadtteil" else s.nummer): s for s in stadtteile}
    if not ({"indexwert", "klasse"} & set(tabelle.kopf)) or kennung not in tabelle.kopf:
        return [Befund(pfad, 1, 1, "Die Kopfzeile des amtlichen Index ist nicht zu erkennen",
                       "z. B. stadtteil,indexwert,klasse (oder nummer statt stadtteil)")]
    index = atlas.sozialindex
    assert index is not None, "erst berechnen, dann vergleichen"
    for zeile in tabelle.zeilen:
        stadtteil = zuordnung.get(zeile.zellen[kennung].strip())
        if stadtteil is None:
            befunde.append(zeile.befund(kennung, f"Den Stadtteil „{zeile.zellen[kennung].strip()}“ gibt es nicht",
                                        f"gültig sind die Angaben der Spalte „{'id' if kennung == 'stadtteil' else kennung}“ "
                                        "in data/stadtteile.csv"))
            continue
        wert = index.wert(stadtteil.id)
        text = zeile.zellen.get("indexwert", "").strip()
        if text:
            try:
                # index values are small: „1.841“ is 1,841, never a thousand (no ambiguity as in value files)
                amtlich = zelle_als_zahl(text, "deutsch" if "," in text else "englisch")
            except ZahlFehler as fehler:
                befunde.append(zeile.befund("indexwert", fehler.meldung, fehler.hinweis))
                continue
            stellen = len(text.replace(",", ".").partition(".")[2])
            berechnet = None if wert.wert is None else round(wert.wert, stellen)
            if amtlich is not None and berechnet != round(amtlich, stellen):
                befunde.append(zeile.befund("indexwert", f"{stadtteil.name}: amtlicher Indexwert {text}, berechnet "
                                            + ("kein Wert" if berechnet is None else zahl_text(berechnet, stellen)),
                                            "prüfen Sie Werte und Verfahren in data/atlas.yml; das Verfahren muss "
                                            "die amtlichen Werte wiedergeben"))
        klasse = zeile.zellen.get("klasse", "").strip()
        eigene = wert.klasse
        if klasse and (eigene is None or klasse not in {str(eigene.nummer), eigene.name}):
            befunde.append(zeile.befund("klasse", f"{stadtteil.name}: amtliche Klasse {klasse}, berechnet "
                                        + (index.klassenname(stadtteil.id) or "keine Klasse"),
                                        "prüfen Sie die Klassen in data/atlas.yml (Grenzen gehören zur oberen Klasse)"))
    return befunde
