"""The method page: how the Sozialindex is computed, in plain German, with the formula and a
worked example taken from the data (so the example always matches the published numbers)."""

from __future__ import annotations

from ..render.text import h, klartext_md, md
from ..seiten import Seite
from . import verweise
from .bausteine import beispiel_hinweis, index_text, klassenbild, seite_bauen
from .index import STELLEN as INDEX_STELLEN
from .index import Indexwert, Stufe
from .kontext import Kontext
from .modell import Richtung
from .tabelle import Spalte, tabelle
from .zahlen import mit_einheit, zahl_text

_RICHTUNG = {Richtung.HOEHER: "+1 (mehr ist mehr Bedarf)", Richtung.NIEDRIGER: "−1 (weniger ist mehr Bedarf)"}


def _zahl(wert: float, stellen: int = 3) -> str:
    return zahl_text(wert, stellen)


def _beispiel_stadtteil(kontext: Kontext) -> Indexwert | None:
    """The district with the highest index among those with every index indicator."""
    anzahl = len(kontext.index.einstellungen.indikatoren)
    return next((w for w in kontext.index.rangfolge() if w.wert is not None and len(w.beitraege) == anzahl), None)


def rechenbeispiel(kontext: Kontext, stufe: Stufe, stadtteil: str, kennung: str, wertname: str) -> str:
    """The computation of one district's value, step by step, as a table and sentences."""
    wert = stufe.werte[stadtteil]
    atlas = kontext.atlas
    zeilen, summe_gz, summe_g = [], 0.0, 0.0
    for b in wert.beitraege:
        indikator = atlas.indikator(b.indikator)
        summe_gz += b.gewicht * b.z
        summe_g += b.gewicht
        zeilen.append([h(indikator.name), h(_zahl(b.wert, indikator.nachkommastellen)), h(_zahl(b.mittelwert)),
                       h(_zahl(b.standardabweichung)), h("+1" if b.richtung > 0 else "−1"), h(_zahl(b.z)),
                       h(zahl_text(b.gewicht, 1)), h(_zahl(b.gewicht * b.z))])
    spalten = [Spalte("Indikator"), Spalte(f"{wertname} x", zahl=True), Spalte("Mittelwert m", zahl=True),
               Spalte("Standardabweichung s", zahl=True), Spalte("Richtung r", zahl=True),
               Spalte("z = r × (x − m) ÷ s", zahl=True), Spalte("Gewicht g", zahl=True), Spalte("g × z", zahl=True)]
    name = kontext.namen[stadtteil]
    text = tabelle(f"tabelle-{kennung}", f"Rechenbeispiel {name}", spalten, zeilen, suchbar=False) + "\n\n"
    klasse = wert.klasse
    text += (
        f"1. Summe der gewichteten z-Werte: {_zahl(summe_gz)}; Summe der Gewichte: {zahl_text(summe_g, 1)}.\n"
        f"2. Gewichteter Mittelwert: {_zahl(summe_gz)} ÷ {zahl_text(summe_g, 1)} = **{_zahl(wert.rohwert or 0.0)}**.\n"
        f"3. Über alle Stadtteile haben diese Mittelwerte den Mittelwert {_zahl(stufe.mittelwert)} und die "
        f"Standardabweichung {_zahl(stufe.standardabweichung)}. Standardisiert: "
        f"({_zahl(wert.rohwert or 0.0)} − {_zahl(stufe.mittelwert)}) ÷ {_zahl(stufe.standardabweichung)} "
        f"= **{index_text(wert.wert)}**.\n"
    )
    if klasse is not None:
        text += (f"4. {index_text(wert.wert)} liegt im Bereich {md(klasse.spanne('', INDEX_STELLEN))}: "
                 f"{md(klasse.stufe)}.\n")
    return text + "\n"


def _klassen_tabelle(stufe: Stufe, kennung: str, titel: str) -> str:
    anzahl = klassenbild(stufe.einteilung, [w.klasse for w in stufe.werte.values()], "bedarf").anzahl
    zeilen = [[h(k.stufe), h(k.spanne("", INDEX_STELLEN)), str(anzahl.get(k.nummer, 0))]
              for k in stufe.einteilung.klassen]
    return tabelle(f"tabelle-{kennung}", titel, [Spalte("Stufe"), Spalte("Bereich"),
                                                 Spalte("Stadtteile", zahl=True)], zeilen)


def methode_seite(kontext: Kontext) -> Seite:
    seite, index = verweise.METHODE, kontext.index
    einstellungen = index.einstellungen
    name = md(einstellungen.name)
    titel = f"So wird der {einstellungen.name} berechnet"
    text = beispiel_hinweis(kontext)
    text += (
        f"Der {name} fasst mehrere Indikatoren zu einer Zahl je Stadtteil zusammen. Er beantwortet die "
        "Frage: Wo ist der Unterstützungsbedarf im Vergleich der Stadtteile höher oder niedriger? Er misst "
        "keinen absoluten Zustand – ein Stadtteil kann im Index steigen, ohne dass sich dort etwas "
        "verschlechtert hat, wenn sich andere Stadtteile stärker verbessert haben.\n\n"
        "## Die Indikatoren\n\n"
    )
    zeilen = [[f'<a href="{h(verweise.url(seite, verweise.indikator_seite(e.indikator)))}">'
               f"{h(kontext.atlas.indikator(e.indikator).name)}</a>",
               h(_RICHTUNG.get(kontext.atlas.indikator(e.indikator).richtung, "–")), h(zahl_text(e.gewicht, 1))]
              for e in einstellungen.indikatoren]
    text += tabelle("tabelle-index-indikatoren", f"Indikatoren des {einstellungen.name}",
                    [Spalte("Indikator"), Spalte("Richtung r"), Spalte("Gewicht g", zahl=True)], zeilen) + "\n\n"
    mindestens = einstellungen.mindestens or len(einstellungen.indikatoren)
    text += (
        "## Die Rechnung in vier Schritten\n\n"
        "1. **Standardisieren.** Die Indikatoren haben verschiedene Einheiten und Spannweiten. Deshalb wird "
        "jeder Wert in Standardabweichungen vom Mittelwert aller Stadtteile ausgedrückt (z-Wert). Mittelwert "
        "und Standardabweichung werden über alle Stadtteile mit einem Wert berechnet, jeder Stadtteil zählt "
        "gleich viel.\n"
        "2. **Richtung angleichen.** Bei Indikatoren, bei denen ein niedriger Wert mehr Bedarf anzeigt, wird "
        "das Vorzeichen umgedreht. Danach heißt überall: positiver z-Wert = mehr Bedarf als im Durchschnitt.\n"
        "3. **Gewichten und mitteln.** Die z-Werte werden mit ihren Gewichten multipliziert, addiert und durch "
        f"die Summe der Gewichte geteilt. Ein Stadtteil erhält einen Wert, wenn mindestens {mindestens} "
        "Indikatoren einen Wert haben; fehlende Indikatoren bleiben dann außen vor.\n"
        "4. **Noch einmal standardisieren.** Damit auch der Index in Standardabweichungen gemessen wird: "
        "0 ist der durchschnittliche Stadtteil, +1 eine Standardabweichung mehr Bedarf.\n\n"
        '<p class="atlas-formel"><strong>Formel:</strong> z = r × (x − m) ÷ s; '
        f"Index = (Σ g × z ÷ Σ g − M) ÷ S</p>\n\n"
        "Dabei ist x der Wert des Stadtteils, m und s Mittelwert und Standardabweichung des Indikators über "
        "alle Stadtteile, r die Richtung (+1 oder −1), g das Gewicht, M und S Mittelwert und "
        "Standardabweichung der gewichteten Mittel über alle Stadtteile. "
        + ("Die Standardabweichung ist die Wurzel aus der Summe der quadrierten Abweichungen, geteilt durch "
           "n − 1 (Stichprobenform, wie im amtlichen Verfahren).\n\n"
           if einstellungen.standardabweichung == "stichprobe" else
           "Die Standardabweichung ist die Wurzel aus dem Mittel der quadrierten Abweichungen (Teiler n).\n\n")
    )
    beispiel = _beispiel_stadtteil(kontext)
    if beispiel is not None:
        text += (f"## Rechenbeispiel: {klartext_md(kontext.namen[beispiel.stadtteil])} {index.jahr}\n\n"
                 f"Die Zahlen stammen aus den Daten dieses Atlas. Gezeigt ist der Stadtteil mit dem höchsten {name}; "
                 "Zwischenergebnisse sind gerundet.\n\n")
        text += rechenbeispiel(kontext, index.status, beispiel.stadtteil, "rechenbeispiel", "Wert")
    klassen_art = ("nach festen Schwellen" if einstellungen.klassen.art == "schwellen"
                   else "nach Quantilen: Jede Klasse enthält etwa gleich viele Stadtteile")
    text += (f"## Klassen\n\nDie Stadtteile werden {klassen_art} eingeteilt. Stufe 1 hat den geringsten Bedarf. "
             f"Ab Stufe {einstellungen.hoher_bedarf_ab} gilt der Bedarf als hoch. Verglichen wird der ungerundete "
             "Wert; ein Wert genau auf einer Grenze gehört zur oberen Klasse. Ein Wert, der gerundet auf der Grenze "
             "zu liegen scheint, kann deshalb noch in der Klasse darunter stehen.\n\n"
             + _klassen_tabelle(index.status, "klassen-status", f"Klassen des {einstellungen.name} {index.jahr}")
             + "\n\n")
    text += _dynamik_text(kontext, beispiel)
    text += _teilnahme_text(kontext)
    text += gepoolt_text(kontext)
    text += (
        "## Was der Index nicht kann\n\n"
        "- Er vergleicht Stadtteile untereinander; über die Lage im Vergleich zu anderen Städten sagt er nichts.\n"
        "- In kleinen Ortsteilen verändern wenige Personen einen Anteil stark. Werte mit sehr kleinen "
        "Fallzahlen werden deshalb nicht ausgewiesen.\n"
        "- Er ersetzt nicht das Wissen der Menschen vor Ort: Die Bedarfsermittlung verbindet ihn mit den "
        "Erfahrungen der Quartiers- und Sozialraumarbeit, der Ortsteilräte und der Fachplanungen.\n"
    )
    return seite_bauen(seite, titel, text, kontext.atlas.quellen["einstellungen"])


def _dynamik_text(kontext: Kontext, beispiel: Indexwert | None) -> str:
    index = kontext.index
    if index.dynamik is None or index.einstellungen.dynamik is None:
        return (
            "## Status und Dynamik\n\n"
            "Der Atlas kann statt eines einzelnen Index auch nach dem Vorbild des Berliner Monitorings "
            "Soziale Stadtentwicklung rechnen: ein Statusindex wie oben und ein Dynamikindex aus den "
            "Veränderungen derselben Indikatoren über zwei Jahre, beide in Klassen. Dazu wird in "
            "`data/atlas.yml` `verfahren: status_dynamik` gesetzt.\n\n"
        )
    von = index.einstellungen.dynamik.von
    text = (
        f"## Status und Dynamik\n\nNeben dem Status (dem Index von {index.jahr}) zeigt die **Dynamik**, wie "
        f"sich die Lage seit {von} verändert hat. Sie wird genauso berechnet, nur mit der Veränderung jedes "
        f"Indikators von {von} bis {index.jahr} statt mit seinem Wert. Eine positive Dynamik heißt: Der Bedarf "
        "ist stärker gewachsen (oder weniger gesunken) als im Durchschnitt. Das Vorgehen folgt dem Berliner "
        "Monitoring Soziale Stadtentwicklung, das Status- und Dynamikklassen kombiniert.\n\n"
    )
    if beispiel is not None and index.dynamik.werte[beispiel.stadtteil].wert is not None:
        text += f"### Rechenbeispiel Dynamik: {klartext_md(kontext.namen[beispiel.stadtteil])}\n\n"
        text += rechenbeispiel(kontext, index.dynamik, beispiel.stadtteil, "rechenbeispiel-dynamik", "Veränderung")
    return text + _klassen_tabelle(index.dynamik, "klassen-dynamik", f"Klassen der Dynamik {von} bis {index.jahr}") + "\n\n"


def _teilnahme_text(kontext: Kontext) -> str:
    """Which districts and values take no part in the index, from the configuration."""
    atlas = kontext.atlas
    geheim = atlas.einstellungen.geheimhaltung
    if geheim is None:
        return ""
    text = "## Geheimhaltung\n\n"
    regeln = []
    if geheim.mindestanzahl is not None:
        regeln.append(f"Anzahlen von 1 bis {geheim.mindestanzahl - 1}")
    if geheim.mindestnenner is not None:
        regeln.append(f"Quoten, deren Nenner kleiner als {zahl_text(geheim.mindestnenner, 0)} ist")
    if regeln:
        text += (f"Nicht veröffentlicht werden {' und '.join(regeln)}, dazu jeweils der Zähler einer gesperrten Quote. "
                 "Damit sich eine gesperrte Zahl nicht aus der Summe der Stadt oder eines Gebiets ausrechnen lässt, "
                 "wird in jeder Summe mit genau einer gesperrten Zelle auch die kleinste weitere gesperrt. "
                 "Tabellen zeigen statt der Zahl einen Punkt („.“: aus Gründen der Geheimhaltung nicht veröffentlicht). "
                 f"In diesem Atlas betrifft das {sum(atlas.gesperrte_zellen.values())} Zellen. Gesperrte Werte "
                 "gehen nicht in den Index ein: Mittelwert und Standardabweichung eines Indikators stammen nur aus "
                 "veröffentlichten Werten.\n\n")
    if geheim.mindesteinwohner is not None:
        namen = [kontext.namen[s] for s in kontext.nach_name(list(atlas.ausgeschlossen))]
        text += (f"Stadtteile mit weniger als {zahl_text(geheim.mindesteinwohner, 0)} Einwohnerinnen und Einwohnern "
                 "bleiben außerhalb des Index: In so kleinen Gebieten verändern wenige Menschen die Anteile stark"
                 + (f". Das sind hier: {md(', '.join(namen))}.\n\n" if namen else "; in diesem Atlas ist keiner so klein.\n\n"))
    return text


def gepoolt_text(kontext: Kontext) -> str:
    """The whole city's value of a rate from counts, worked out with the data's own numbers,
    beside the unweighted mean of the districts it is not."""
    atlas = kontext.atlas
    for indikator in atlas.indikatoren:
        berechnung = indikator.berechnung
        jahre = atlas.jahre_von(indikator.id)
        if berechnung is None or not jahre:
            continue
        jahr = jahre[-1]
        stadt = atlas.stadtwert(indikator.id, jahr)
        zaehler, nenner = atlas.stadtwert(berechnung.zaehler, jahr), atlas.stadtwert(berechnung.nenner, jahr)
        if stadt.art != "gepoolt" or zaehler.wert is None or nenner.wert is None or stadt.wert is None:
            continue
        werte = [w for w in atlas.reihe(indikator.id, jahr, kontext.ids).values() if w is not None]
        stellen = indikator.nachkommastellen
        z_name, n_name = atlas.indikator(berechnung.zaehler).name, atlas.indikator(berechnung.nenner).name
        text = (f"## Der Wert der Gesamtstadt\n\nEine Quote der ganzen Stadt ist nicht der Durchschnitt der "
                "Quoten ihrer Stadtteile: Ein Stadtteil mit 300 Menschen zählte darin so viel wie einer mit 30.000. "
                "Quoten, die aus zwei Anzahlen entstehen, werden deshalb für die Stadt (und für größere Gebiete) "
                "aus den Summen der Anzahlen berechnet (gepoolt). Beispiel: "
                f"{md(indikator.name)} {jahr} = {zahl_text(berechnung.faktor, 0)} × {md(z_name)} ÷ {md(n_name)} = "
                f"{zahl_text(berechnung.faktor, 0)} × {zahl_text(zaehler.wert, 0)} ÷ {zahl_text(nenner.wert, 0)} = "
                f"**{mit_einheit(stadt.wert, indikator.einheit, stellen)}**.")
        if werte:
            text += (f" Der ungewichtete Durchschnitt der {len(werte)} veröffentlichten Stadtteilwerte läge bei "
                     f"{mit_einheit(sum(werte) / len(werte), indikator.einheit, stellen)}.")
        return text + (" Für Quoten ohne Anzahlen zeigt der Atlas den Durchschnitt der Stadtteile und nennt ihn "
                       "„Durchschnitt der Stadtteile (ungewichtet)“.\n\n")
    return ""
