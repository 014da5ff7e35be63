"""The pages and files of the larger areas (Raumebenen): one page per configured level with
its areas and their districts, a map and a table of every indicator that can be aggregated,
and the level's values as CSV and its areas as GeoJSON. The values come computed (and suppressed) from `rechnung`."""

from __future__ import annotations

import json

from shapely import union_all
from shapely.geometry import mapping

from ..csv_ausgabe import csv_bytes
from ..render.text import h, klartext_md, md
from ..seiten import Datei, Seite
from . import verweise
from .bausteine import (
    GEHEIM,
    GEHEIM_LEGENDE,
    KEINE_ANGABE,
    abbildung,
    beispiel_hinweis,
    beschriftung,
    klassenbild,
    legende,
    quellenzeile,
    seite_bauen,
    spaltentitel,
    ueberschrift,
    zelle,
)
from .karte import Flaeche, karte
from .klassen import einteilen
from .kontext import Kontext
from .modell import Gebietsebene, Indikator, Klassierung
from .tabelle import Spalte, tabelle
from .zahlen import maschinenzahl

SPALTEN = ["gebiet_id", "gebiet", "indikator", "indikator_name", "jahr", "wert", "einheit", "datenart"]


def anker(gebiet: str) -> str:
    return f"gebiet-{gebiet}"


def _zusammengefasst(kontext: Kontext, ebene: Gebietsebene) -> tuple[list[Indikator], list[Indikator]]:
    """The indicators with area values (counts and rates from counts), and the others."""
    mit = {i for (_, i, _) in ebene.werte}
    return ([i for i in kontext.atlas.indikatoren if i.id in mit],
            [i for i in kontext.atlas.indikatoren if i.id not in mit])


def _gebietszelle(ebene: Gebietsebene, gebiet: str, indikator: Indikator, jahr: int) -> str:
    wert = ebene.wert(gebiet, indikator.id, jahr)
    return KEINE_ANGABE if wert is None else zelle(wert.wert, indikator, wert.gesperrt)


def _jahr(kontext: Kontext, ebene: Gebietsebene, indikator: Indikator) -> int | None:
    jahre = sorted({j for (_, i, j) in ebene.werte if i == indikator.id})
    return jahre[-1] if jahre else None


def _karte(kontext: Kontext, ebene: Gebietsebene, indikator: Indikator, jahr: int) -> str:
    """The districts coloured by the value of their area (one map per level: its first indicator
    with a direction, a rate pooled from counts)."""
    werte = {g: (w.wert if (w := ebene.wert(g, indikator.id, jahr)) else None) for g in ebene.namen}
    art = indikator.klassen or kontext.atlas.einstellungen.karte.klassen
    if art.art == "quantile":  # a few areas: no more classes than areas
        art = Klassierung(art="quantile", anzahl=max(2, min(art.klassenzahl, len(werte))), namen=None)
    einteilung = einteilen([w for w in werte.values() if w is not None], art, indikator.nachkommastellen)
    klassen = {g: einteilung.klasse(w) for g, w in werte.items()}
    bild = klassenbild(einteilung, [klassen[ebene.zuordnung[s]] for s in kontext.ids if s in ebene.zuordnung], "werte")
    flaechen = {}
    for s in kontext.ids:
        gebiet = ebene.zuordnung.get(s)
        if gebiet is None:
            continue
        klasse = klassen[gebiet]
        text = _gebietszelle(ebene, gebiet, indikator, jahr)
        flaechen[s] = Flaeche(f"{ebene.einstellung.bezeichnung} {ebene.namen[gebiet]}: {text}",
                              klasse.beschriftung(indikator.einheit, indikator.nachkommastellen) if klasse
                              else KEINE_ANGABE, bild.farbe(klasse))
    titel = f"{indikator.name} {jahr} nach {ebene.einstellung.name}"
    kennung = f"raumebene-{ebene.einstellung.spalte}"
    return "\n\n".join([
        ueberschrift(2, f"Karte: {titel}"),
        md("Jeder Stadtteil trägt die Farbe seines Gebiets; die Zahlen stehen in der Tabelle unten."),
        abbildung(karte(kontext, kennung, titel, flaechen, "Klasse", tabelle_id=f"tabelle-{kennung}"),
                  legende(bild, indikator.einheit, indikator.nachkommastellen),
                  quellenzeile(kontext, kontext.atlas.beispiel(indikator.id))),
    ])


def raumebene_seite(kontext: Kontext, ebene: Gebietsebene) -> Seite:
    einstellung = ebene.einstellung
    seite = verweise.raumebene_seite(einstellung.spalte)
    mit, ohne = _zusammengefasst(kontext, ebene)
    text = beispiel_hinweis(kontext)
    if einstellung.beispiel:
        text += ('!!! note "Beispiel-Einteilung"\n\n    Die Zuordnung der Stadtteile zu diesen Gebieten ist ein '
                 "Beispiel, keine amtliche Einteilung.\n\n")
    text += (f"Die {len(kontext.ids)} Stadtteile gehören zu {len(ebene.namen)} {md(einstellung.name)}. Für jedes Gebiet "
             "werden die Anzahlen der Stadtteile addiert; Quoten, die aus zwei Anzahlen berechnet werden, werden aus "
             "den addierten Anzahlen neu berechnet (gepoolt) – ein großer Stadtteil zählt so mehr als ein kleiner.")
    if ohne:
        text += (" Quoten ohne Anzahlen lassen sich so nicht zusammenfassen und fehlen hier: "
                 + ", ".join(klartext_md(i.name) for i in ohne) + ".")
    text += "\n\n"
    for gebiet, name in ebene.namen.items():
        stadtteile = [s for s in kontext.nach_name(kontext.ids) if ebene.zuordnung.get(s) == gebiet]
        text += (f'<h2 id="{h(anker(gebiet))}">{h(einstellung.bezeichnung)} {h(name)}</h2>\n\n'
                 + ", ".join(f"[{klartext_md(kontext.namen[s])}]({verweise.md_link(seite, verweise.stadtteil_seite(s))})"
                             for s in stadtteile) + "\n\n")
    karten = [(i, j) for i in mit if i.berechnung is not None and i.richtung.vorzeichen
              and (j := _jahr(kontext, ebene, i)) is not None]
    if karten:
        text += _karte(kontext, ebene, *karten[0]) + "\n\n"
    text += ueberschrift(2, f"Alle zusammengefassten Indikatoren nach {einstellung.name}") + "\n\n"
    spalten = [Spalte(einstellung.bezeichnung)]
    jahre = {i.id: _jahr(kontext, ebene, i) for i in mit}
    spalten += [Spalte(spaltentitel(f"{i.kurz} {jahre[i.id]}", i.einheit), zahl=True) for i in mit]
    zeilen = [[f'<a href="#{h(anker(g))}">{h(n)}</a>', *(_gebietszelle(ebene, g, i, jahre[i.id] or 0) for i in mit)]
              for g, n in ebene.namen.items()]
    text += tabelle(f"tabelle-raumebene-{einstellung.spalte}",
                    beschriftung(kontext, f"Indikatoren nach {einstellung.name}"), spalten, zeilen,
                    csv_url=verweise.url(seite, verweise.raumebene_csv(einstellung.spalte)),
                    csv_text=f"Alle Werte nach {einstellung.name} als CSV herunterladen")
    text += (GEHEIM_LEGENDE if any(w.gesperrt for w in ebene.werte.values()) else "") + "\n"
    return seite_bauen(seite, einstellung.name, text, "data/stadtteile.csv")


def raumebenen_seiten(kontext: Kontext) -> list[Seite]:
    return [raumebene_seite(kontext, e) for e in kontext.atlas.ebenen]


def _geojson(kontext: Kontext, ebene: Gebietsebene) -> bytes:
    """The areas (district boundaries merged, as on the maps) with the latest value of every
    aggregated indicator (null where suppressed)."""
    geometrie = kontext.atlas.einstellungen.geometrie
    mit, _ = _zusammengefasst(kontext, ebene)
    features = []
    for gebiet, name in ebene.namen.items():
        flaechen = [kontext.kartengrenzen[s] for s in kontext.ids if ebene.zuordnung.get(s) == gebiet
                    and s in kontext.kartengrenzen]
        eigenschaften: dict[str, object] = {"id": gebiet, "name": name}
        for indikator in mit:
            jahr = _jahr(kontext, ebene, indikator)
            wert = ebene.wert(gebiet, indikator.id, jahr) if jahr is not None else None
            eigenschaften[f"{indikator.id}_{jahr}"] = None if wert is None or wert.wert is None else maschinenzahl(wert.wert)
        features.append({"type": "Feature", "id": gebiet, "properties": eigenschaften,
                         "geometry": mapping(union_all(flaechen)) if flaechen else None})
    daten = {"type": "FeatureCollection",
             "name": f"{kontext.atlas.einstellungen.titel}: {ebene.einstellung.name}",
             "namensnennung": geometrie.namensnennung, "lizenz": geometrie.lizenz,
             "lizenz_adresse": geometrie.lizenz_adresse,
             "datenart": "Beispieldaten" if kontext.atlas.beispiel() else "amtlich", "features": features}
    return (json.dumps(daten, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def raumebenen_dateien(kontext: Kontext) -> list[Datei]:
    """Each level's values in long form (suppressed values as „.“), and its areas as GeoJSON."""
    dateien = []
    reihenfolge = {i.id: n for n, i in enumerate(kontext.atlas.indikatoren)}
    for ebene in kontext.atlas.ebenen:
        zeilen: list[list[object]] = []
        for (g, i, j), w in sorted(ebene.werte.items(), key=lambda e: (reihenfolge[e[0][1]], list(ebene.namen).index(e[0][0]),
                                                                       e[0][2])):
            indikator = kontext.atlas.indikator(i)
            wert: object = GEHEIM if w.gesperrt else maschinenzahl(w.wert)
            zeilen.append([g, ebene.namen[g], i, indikator.name, j, wert, indikator.einheit,
                           "Beispieldaten" if kontext.atlas.beispiel(i) else "amtlich"])
        dateien.append(Datei(verweise.raumebene_csv(ebene.einstellung.spalte), csv_bytes(SPALTEN, zeilen)))
        dateien.append(Datei(verweise.raumebene_geojson(ebene.einstellung.spalte), _geojson(kontext, ebene)))
    return dateien


def gebiet_eintrag(kontext: Kontext, seite: str, stadtteil: str) -> str:
    """`<dt>Sozialraum</dt><dd>link</dd>` for each level the district belongs to (profile pages)."""
    teile = []
    for ebene in kontext.atlas.ebenen:
        gebiet = ebene.zuordnung.get(stadtteil)
        if gebiet is not None:
            ziel = verweise.url(seite, verweise.raumebene_seite(ebene.einstellung.spalte)) + "#" + anker(gebiet)
            teile.append(f"<dt>{h(ebene.einstellung.bezeichnung)}</dt>"
                         f'<dd><a href="{h(ziel)}">{h(ebene.namen[gebiet])}</a></dd>')
    return "".join(teile)
