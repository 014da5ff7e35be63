"""The building blocks of atlas pages and macros: an indicator's or the index's map section
(heading, summary, map, legend, table), tables, the example-data notice.

Every block is Markdown with raw HTML blocks, placed on the page `seite` (links are relative
to it). A map never stands alone: its section always carries the summary and the table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model import GESAMTSTADT
from ..render.htmlbloecke import markieren
from ..render.text import h, klartext_md, kopf, md
from ..seiten import Seite
from . import verweise
from .farben import farbfeld, palette
from .index import STELLEN as INDEX_STELLEN
from .index import Stufe
from .karte import Empfehlung, Flaeche, karte
from .klassen import Einteilung, Klasse, einteilen
from .kontext import Kontext
from .modell import Indikator, Richtung, Standort, Standortart
from .tabelle import Spalte, tabelle
from .zahlen import aenderungseinheit, mit_einheit, zahl_text

KEINE_ANGABE = "keine Angabe"
GEHEIM = "."
"""The official sign for a value withheld for disclosure control."""
GEHEIM_GRUND = "aus Gründen der Geheimhaltung nicht veröffentlicht"


def seite_bauen(pfad: str, titel: str, text: str, quelle: str | None) -> Seite:
    """A generated page: front matter and title, then the text (stylesheet and map script are
    the site's own, on every page)."""
    return Seite(pfad, titel, kopf(titel) + text, quelle)


def zelle(wert: float | None, indikator: Indikator, gesperrt: bool = False) -> str:
    """A table cell: `12,5 %` for percentages, the bare number otherwise (unit in the header);
    „.“ for a suppressed value."""
    if gesperrt:
        return GEHEIM
    if wert is None:
        return KEINE_ANGABE
    if indikator.einheit == "%":
        return mit_einheit(wert, "%", indikator.nachkommastellen)
    return zahl_text(wert, indikator.nachkommastellen)


def wertzelle(kontext: Kontext, stadtteil: str, indikator: Indikator, jahr: int) -> str:
    """The cell of one district, indicator and year."""
    atlas = kontext.atlas
    return zelle(atlas.wert(stadtteil, indikator.id, jahr), indikator, atlas.gesperrt(stadtteil, indikator.id, jahr))


def geheim_hinweis(kontext: Kontext, indikatoren: list[str] | None = None) -> str:
    """The legend of „.“ under a table, when the table can hold a suppressed value."""
    gesperrt = kontext.atlas.gesperrte_zellen
    if not any(gesperrt.get(i) for i in (indikatoren if indikatoren is not None else list(gesperrt))):
        return ""
    return GEHEIM_LEGENDE


GEHEIM_LEGENDE = f'<p class="atlas-hinweis">{GEHEIM}&nbsp;= {GEHEIM_GRUND}</p>'


def beschriftung(kontext: Kontext, text: str, indikator: str | None = None) -> str:
    """A table caption, marked when the table shows example values."""
    return f"{text} (Beispieldaten)" if kontext.atlas.beispiel(indikator) else text


def spaltentitel(text: str, einheit: str) -> str:
    return f"{text} ({einheit})" if einheit else text


def beispiel_hinweis(kontext: Kontext, indikator: str | None = None) -> str:
    """The notice every page with generated values carries (empty when the values are real)."""
    if not kontext.atlas.beispiel(indikator):
        return ""
    return (
        '!!! warning "Beispieldaten"\n\n'
        "    Die Werte auf dieser Seite sind **Beispieldaten**: erfunden, aus einem festen Startwert "
        "erzeugt und nur an einigen veröffentlichten Eckzahlen ausgerichtet. Sie zeigen, wie der "
        "Sozialstrukturatlas aussieht und rechnet, und sagen nichts über die tatsächliche Lage in "
        "den Stadtteilen. Echte Zahlen erscheinen getrennt davon, jeweils mit Stichtag und Quelle.\n\n"
    )


def _namen_liste(namen: list[str]) -> str:
    if len(namen) <= 1:
        return "".join(namen)
    return ", ".join(namen[:-1]) + " und " + namen[-1]


def zusammenfassung(kontext: Kontext, werte: dict[str, float | None], text_wert: Callable[[float], str], bezugsjahr: int,
                    stadt: str | None, was: str) -> str:
    """One paragraph: highest, lowest, city reference, districts without value."""
    vorhanden = {s: w for s, w in werte.items() if w is not None}
    if not vorhanden:
        return f"Für {bezugsjahr} liegen zu {was} keine Werte vor."
    hoch, tief = max(vorhanden.values()), min(vorhanden.values())
    ganz_oben = kontext.nach_name([s for s, w in vorhanden.items() if w == hoch])
    ganz_unten = kontext.nach_name([s for s, w in vorhanden.items() if w == tief])
    satz = (f"{bezugsjahr} hat {_namen_liste([kontext.namen[s] for s in ganz_oben[:3]])} mit {text_wert(hoch)} "
            f"den höchsten Wert bei {was}, {_namen_liste([kontext.namen[s] for s in ganz_unten[:3]])} "
            f"mit {text_wert(tief)} den niedrigsten.")
    if stadt:
        satz += f" {stadt}"
    fehlend = len(werte) - len(vorhanden)
    if fehlend:
        satz += f" Für {fehlend} {'Stadtteil' if fehlend == 1 else 'Stadtteile'} gibt es keine Angabe."
    return satz


@dataclass(frozen=True)
class Klassenbild:
    """Classes of one map with their colours and how many districts fall into each."""

    einteilung: Einteilung
    farben: tuple[str, ...]
    anzahl: dict[int, int]
    fehlend: int

    def farbe(self, klasse: Klasse | None) -> str | None:
        return None if klasse is None else self.farben[klasse.nummer - 1]


def klassenbild(einteilung: Einteilung, klassen: list[Klasse | None], palette_art: str) -> Klassenbild:
    """Colours for the classes and the number of districts in each (`klassen`: one per district)."""
    anzahl: dict[int, int] = {}
    for klasse in klassen:
        if klasse is not None:
            anzahl[klasse.nummer] = anzahl.get(klasse.nummer, 0) + 1
    return Klassenbild(einteilung, palette(palette_art, len(einteilung.klassen)), anzahl,
                       sum(1 for k in klassen if k is None))


def legende(bild: Klassenbild, einheit: str, stellen: int, standorte: bool = False,
            empfehlungen: bool = False) -> str:
    """The legend as an HTML list: colour, range and count of each class; missing data; sites."""
    def anzahl(n: int) -> str:
        return f'<span class="atlas-anzahl">({n} {"Stadtteil" if n == 1 else "Stadtteile"})</span>'

    eintraege = [
        f"<li>{farbfeld(farbe)}"
        f"{h(klasse.beschriftung(einheit, stellen))} {anzahl(bild.anzahl.get(klasse.nummer, 0))}</li>"
        for klasse, farbe in zip(bild.einteilung.klassen, bild.farben)
    ]
    if bild.fehlend:
        eintraege.append(f'<li><span class="atlas-farbfeld atlas-farbfeld--fehlt"></span>{KEINE_ANGABE} '
                         f"{anzahl(bild.fehlend)}</li>")
    if standorte:
        eintraege += [f'<li><span class="atlas-symbol atlas-symbol--{art.value}"></span>{h(art.label)}</li>'
                      for art in Standortart]
    if empfehlungen:
        eintraege.append('<li><span class="atlas-symbol atlas-symbol--empfehlung"></span>Standortempfehlung</li>')
    return f'<ul class="atlas-legende" aria-label="Legende">{"".join(eintraege)}</ul>'


def quellenzeile(kontext: Kontext, beispiel: bool, standorte: tuple[Standort, ...] = ()) -> str:
    """Attribution of the boundaries (with the licence link) and the kind of values shown."""
    geometrie = kontext.atlas.einstellungen.geometrie
    lizenz = ""
    if geometrie.lizenz:
        lizenz = (f' Lizenz: <a href="{h(geometrie.lizenz_adresse)}">{h(geometrie.lizenz)}</a>.'
                  if geometrie.lizenz_adresse else f" Lizenz: {h(geometrie.lizenz)}.")
    werte = " Werte: Beispieldaten." if beispiel else ""
    orte = " Standorte: Beispiele, nicht die tatsächlichen Standorte." if any(s.beispiel for s in standorte) else ""
    namensnennung = geometrie.namensnennung.strip().rstrip(".") + "."
    return f'<p class="atlas-quelle">{h(namensnennung)}{lizenz}{werte}{orte}</p>'


def abbildung(karte_html: str, legende_html: str, quelle_html: str) -> str:
    return markieren(f'<figure class="atlas-abbildung">\n{karte_html}\n<figcaption>{legende_html}{quelle_html}'
                     "</figcaption>\n</figure>")


def ueberschrift(ebene: int, text: str) -> str:
    return f"{'#' * ebene} {klartext_md(text)}"


# --- Indikatoren -------------------------------------------------------------------------------


def indikator_einteilung(kontext: Kontext, indikator: Indikator, werte: dict[str, float | None]) -> Einteilung:
    art = indikator.klassen or kontext.atlas.einstellungen.karte.klassen
    return einteilen([w for w in werte.values() if w is not None], art, indikator.nachkommastellen)


def stadt_satz(kontext: Kontext, indikator: Indikator, jahr: int) -> str:
    stadt = kontext.stadtwert(indikator.id, jahr)
    if stadt.wert is None:
        return ""
    return f"Zum Vergleich – {stadt.bezeichnung}: {mit_einheit(stadt.wert, indikator.einheit, indikator.nachkommastellen)}."


def indikator_tabelle(kontext: Kontext, seite: str, indikator: Indikator, jahr: int,
                      stadtteile: list[str] | None = None, einteilung: Einteilung | None = None,
                      alle_jahre: bool = False) -> str:
    """Per district (and for the city): the value of `jahr` – or of every year up to it – its
    class on the map, and the change since the first year."""
    ids = kontext.nach_name(stadtteile or kontext.ids)
    werte = kontext.atlas.reihe(indikator.id, jahr, kontext.ids)
    einteilung = einteilung or indikator_einteilung(kontext, indikator, werte)
    jahre = [j for j in kontext.atlas.jahre_von(indikator.id) if j <= jahr]
    erstes = jahre[0] if jahre and jahre[0] < jahr else None
    gezeigt = jahre if alle_jahre else [jahr]
    stellen, einheit = indikator.nachkommastellen, indikator.einheit
    spalten = [Spalte("Stadtteil")] + [Spalte(spaltentitel(f"{indikator.kurz} {j}", einheit), zahl=True) for j in gezeigt]
    spalten.append(Spalte(f"Klasse {jahr}"))
    if erstes:
        spalten.append(Spalte(spaltentitel(f"Veränderung seit {erstes}", aenderungseinheit(einheit)), zahl=True))
    zeilen = []
    for s in ids:
        klasse = einteilung.klasse(werte[s])
        zeile = [f'<a href="{h(verweise.url(seite, verweise.stadtteil_seite(s)))}">{h(kontext.namen[s])}</a>',
                 *(wertzelle(kontext, s, indikator, j) for j in gezeigt),
                 h(klasse.beschriftung(einheit, stellen)) if klasse else KEINE_ANGABE]
        if erstes:
            zeile.append(_aenderung(kontext.atlas.wert(s, indikator.id, erstes), werte[s], indikator))
        zeilen.append(zeile)
    stadt = kontext.stadtwert(indikator.id, jahr)
    if stadtteile is None and stadt.wert is not None:
        zeile = [h(stadt.bezeichnung), *(zelle(kontext.stadtwert(indikator.id, j).wert, indikator) for j in gezeigt), "–"]
        if erstes:
            zeile.append(_aenderung(kontext.stadtwert(indikator.id, erstes).wert, stadt.wert, indikator))
        zeilen.append(zeile)
    zeitraum = f"{jahre[0]} bis {jahr}" if alle_jahre and erstes else str(jahr)
    return tabelle(f"tabelle-{indikator.id}-{jahr}",
                   beschriftung(kontext, f"{indikator.name} {zeitraum} nach Stadtteilen", indikator.id), spalten, zeilen,
                   csv_url=verweise.url(seite, verweise.indikator_csv(indikator.id)),
                   csv_text=f"Alle Werte von „{indikator.name}“ als CSV herunterladen",
                   suchbar=False) + geheim_hinweis(kontext, [indikator.id])


def _aenderung(vorher: float | None, nachher: float | None, indikator: Indikator) -> str:
    if vorher is None or nachher is None:
        return KEINE_ANGABE
    return zahl_text(nachher - vorher, indikator.nachkommastellen, vorzeichen=True)


def indikator_abschnitt(kontext: Kontext, seite: str, indikator: Indikator, jahr: int, ebene: int = 2,
                        alle_jahre: bool = False) -> str:
    """Heading, summary, map with legend, table: the complete map section of one indicator (the
    table with every year up to `jahr` if `alle_jahre`)."""
    werte = kontext.atlas.reihe(indikator.id, jahr, kontext.ids)
    einteilung = indikator_einteilung(kontext, indikator, werte)
    klassen = {s: einteilung.klasse(w) for s, w in werte.items()}
    bild = klassenbild(einteilung, list(klassen.values()), "werte")
    flaechen = {}
    for s, wert in werte.items():
        klasse = klassen[s]
        gesperrt = kontext.atlas.gesperrt(s, indikator.id, jahr)
        flaechen[s] = Flaeche(GEHEIM if gesperrt else mit_einheit(wert, indikator.einheit, indikator.nachkommastellen),
                              klasse.beschriftung(indikator.einheit, indikator.nachkommastellen) if klasse
                              else GEHEIM_GRUND if gesperrt else KEINE_ANGABE,
                              bild.farbe(klasse))
    kennung = f"{indikator.id}-{jahr}"
    titel = f"{indikator.name} {jahr}"
    text = zusammenfassung(kontext, werte, lambda w: mit_einheit(w, indikator.einheit, indikator.nachkommastellen),
                           jahr, stadt_satz(kontext, indikator, jahr), f"„{indikator.name}“")
    beispiel = kontext.atlas.beispiel(indikator.id)
    karten_html = karte(kontext, kennung, titel, flaechen, "Klasse", tabelle_id=f"tabelle-{kennung}")
    return "\n\n".join([
        ueberschrift(ebene, f"Karte: {titel}"), md(text),
        abbildung(karten_html, legende(bild, indikator.einheit, indikator.nachkommastellen),
                  quellenzeile(kontext, beispiel)),
        indikator_tabelle(kontext, seite, indikator, jahr, einteilung=einteilung, alle_jahre=alle_jahre),
    ]) + "\n\n"


# --- Sozialindex -------------------------------------------------------------------------------


def index_tabelle_id(kontext: Kontext) -> str:
    return f"tabelle-sozialindex-{kontext.index.jahr}"


def index_text(wert: float | None) -> str:
    return KEINE_ANGABE if wert is None else zahl_text(wert, INDEX_STELLEN)


def _stufe_flaechen(kontext: Kontext, stufe: Stufe, palette_art: str) -> tuple[dict[str, Flaeche], Klassenbild]:
    bild = klassenbild(stufe.einteilung, [w.klasse for w in stufe.werte.values()], palette_art)
    flaechen = {s: Flaeche(index_text(w.wert), w.klasse.stufe if w.klasse else KEINE_ANGABE,
                           bild.farbe(w.klasse)) for s, w in stufe.werte.items()}
    return flaechen, bild


def index_tabelle(kontext: Kontext, seite: str, stadtteile: list[str] | None = None) -> str:
    """All districts by rank: index value, class (and dynamics), high need."""
    index = kontext.index
    auswahl = set(stadtteile or kontext.ids)
    # both set for `status_dynamik` (see `sozialindex_berechnen`), neither otherwise
    dynamik, dynamik_einstellungen = index.dynamik, index.einstellungen.dynamik
    spalten = [Spalte("Stadtteil"), Spalte("Rang", zahl=True), Spalte(f"{index.einstellungen.name} {index.jahr}", zahl=True),
               Spalte("Status" if dynamik else "Klasse")]
    if dynamik and dynamik_einstellungen:
        spalten += [Spalte(f"Dynamik seit {dynamik_einstellungen.von}", zahl=True), Spalte("Dynamik-Klasse")]
    spalten.append(Spalte("Hoher Bedarf"))
    zeilen = []
    for rang, w in enumerate(index.rangfolge(), start=1):
        if w.stadtteil not in auswahl:
            continue
        zeile = [f'<a href="{h(verweise.url(seite, verweise.stadtteil_seite(w.stadtteil)))}">'
                 f"{h(kontext.namen[w.stadtteil])}</a>",
                 str(rang) if w.wert is not None else "–", index_text(w.wert),
                 h(w.klasse.stufe) if w.klasse else KEINE_ANGABE]
        if dynamik and dynamik_einstellungen:
            d = dynamik.werte[w.stadtteil]
            zeile += [index_text(d.wert), h(d.klasse.stufe) if d.klasse else KEINE_ANGABE]
        zeile.append("ja" if index.hoher_bedarf(w.stadtteil) else "nein")
        zeilen.append(zeile)
    return tabelle(index_tabelle_id(kontext), beschriftung(kontext, f"{index.einstellungen.name} {index.jahr} nach Rang"),
                   spalten, zeilen, csv_url=verweise.url(seite, verweise.INDEX_CSV),
                   csv_text=f"{index.einstellungen.name} als CSV herunterladen", suchbar=False)


def index_zusammenfassung(kontext: Kontext) -> str:
    index = kontext.index
    werte = {s: w.wert for s, w in index.status.werte.items()}
    hoch = [s for s in kontext.ids if index.hoher_bedarf(s)]
    text = zusammenfassung(kontext, werte, index_text, index.jahr, None, f"„{index.einstellungen.name}“")
    text += (f" Der Durchschnitt aller Stadtteile liegt definitionsgemäß bei 0. Von den "
             f"{len(kontext.ids)} Stadtteilen haben {len(hoch)} einen hohen Unterstützungsbedarf.")
    return text


def index_abschnitt(kontext: Kontext, seite: str, ebene: int = 2, standorte: bool = False,
                    tabelle_html: str | None = None, empfehlungen: tuple[Empfehlung, ...] = ()) -> str:
    """Heading, summary, map of the index classes (with sites if asked), legend and table."""
    index = kontext.index
    flaechen, bild = _stufe_flaechen(kontext, index.status, "bedarf")
    orte = kontext.atlas.standorte if standorte else ()
    titel = f"{index.einstellungen.name} {index.jahr}"
    karten_html = karte(kontext, f"sozialindex-{index.jahr}{'-standorte' if standorte else ''}", titel,
                        flaechen, "Status" if index.dynamik else "Klasse", tabelle_id=index_tabelle_id(kontext),
                        standorte=orte, empfehlungen=empfehlungen)
    teile = [ueberschrift(ebene, f"Karte: {titel}"), md(index_zusammenfassung(kontext)),
             abbildung(karten_html, legende(bild, "", INDEX_STELLEN, standorte=bool(orte),
                                            empfehlungen=bool(empfehlungen)),
                       quellenzeile(kontext, kontext.atlas.beispiel(), orte)),
             tabelle_html if tabelle_html is not None else index_tabelle(kontext, seite)]
    return "\n\n".join(teile) + "\n\n"


def dynamik_abschnitt(kontext: Kontext, seite: str, ebene: int = 2) -> str:
    """Map of the dynamics classes (status × dynamics only); its table is the index table above."""
    index = kontext.index
    if index.dynamik is None or index.einstellungen.dynamik is None:
        return ""
    flaechen, bild = _stufe_flaechen(kontext, index.dynamik, "wandel")
    von = index.einstellungen.dynamik.von
    titel = f"Dynamik {von} bis {index.jahr}"
    werte = {s: w.wert for s, w in index.dynamik.werte.items()}
    text = zusammenfassung(kontext, werte, index_text, index.jahr, None, "der Dynamik")
    text += " Positive Werte bedeuten: Der Bedarf ist stärker gewachsen als im Durchschnitt der Stadtteile."
    karten_html = karte(kontext, f"dynamik-{von}-{index.jahr}", titel, flaechen, "Dynamik",
                        tabelle_id=index_tabelle_id(kontext))
    return "\n\n".join([
        ueberschrift(ebene, f"Karte: {titel}"), md(text),
        abbildung(karten_html, legende(bild, "", INDEX_STELLEN), quellenzeile(kontext, kontext.atlas.beispiel())),
        f'<p><a href="#{index_tabelle_id(kontext)}">Die Werte der Dynamik stehen in der Tabelle '
        "zum Status.</a></p>",
    ]) + "\n\n"


# --- Stadtteile ---------------------------------------------------------------------------------


def _vergleich(wert: float | None, stadt: float | None, indikator: Indikator) -> str:
    """Where the district stands against the city, and what that means for need."""
    richtung = indikator.richtung
    if indikator.anzahl:
        return "–"
    if wert is None or stadt is None or wert == stadt:
        return "–" if wert is None or stadt is None else "gleich"
    hoeher = wert > stadt
    lage = "über" if hoeher else "unter"
    if richtung is Richtung.NEUTRAL:
        return f"{lage} dem Stadtwert"
    mehr_bedarf = hoeher == (richtung is Richtung.HOEHER)
    return f"{lage} dem Stadtwert – {'mehr' if mehr_bedarf else 'weniger'} Bedarf"


def profil_tabelle(kontext: Kontext, seite: str, stadtteil: str) -> str:
    atlas, zeilen = kontext.atlas, []
    jahr_spalten = set()
    for indikator in atlas.indikatoren:
        jahre = atlas.jahre_von(indikator.id)
        if not jahre:
            continue
        letztes, erstes = jahre[-1], jahre[0]
        wert = atlas.wert(stadtteil, indikator.id, letztes)
        stadt = kontext.stadtwert(indikator.id, letztes).wert
        vorher = atlas.wert(stadtteil, indikator.id, erstes)
        jahr_spalten.add(letztes)
        aenderung = (mit_einheit(wert - vorher, aenderungseinheit(indikator.einheit), indikator.nachkommastellen,
                                 vorzeichen=True) + f" seit {erstes}"
                     if wert is not None and vorher is not None and erstes < letztes else KEINE_ANGABE)
        zeilen.append([
            f'<a href="{h(verweise.url(seite, verweise.indikator_seite(indikator.id)))}">{h(indikator.name)}</a>'
            f" ({h(indikator.einheit)})",
            str(letztes), wertzelle(kontext, stadtteil, indikator, letztes), _stadtzelle(kontext, indikator, letztes),
            h(aenderung),
            h(_vergleich(wert, stadt, indikator)),
        ])
    spalten = [Spalte("Indikator (Einheit)"), Spalte("Jahr", zahl=True), Spalte("Stadtteil", zahl=True),
               Spalte("Stadt", zahl=True), Spalte("Entwicklung", zahl=True), Spalte("Vergleich")]
    return tabelle(f"tabelle-profil-{stadtteil}",
                   beschriftung(kontext, f"{kontext.namen[stadtteil]}: alle Indikatoren im Vergleich zur Stadt"),
                   spalten, zeilen, csv_url=verweise.url(seite, verweise.stadtteil_csv(stadtteil)),
                   csv_text=f"Alle Werte von {kontext.namen[stadtteil]} als CSV herunterladen",
                   suchbar=False) + geheim_hinweis(kontext)


def _stadtzelle(kontext: Kontext, indikator: Indikator, jahr: int) -> str:
    """The city's value, named as what it is where it is not the city's own figure."""
    stadt = kontext.stadtwert(indikator.id, jahr)
    text = zelle(stadt.wert, indikator)
    return text if stadt.art != "durchschnitt" or stadt.wert is None else f"{text} ({h(stadt.bezeichnung)})"


def index_satz(kontext: Kontext, stadtteil: str) -> str:
    """The district's index value, class and rank in one or two sentences (Markdown)."""
    index = kontext.index
    wert = index.wert(stadtteil)
    name = md(index.einstellungen.name)
    if wert.wert is None:
        return f"Für {md(kontext.namen[stadtteil])} gibt es {index.jahr} keinen Wert im {name}: {md(wert.grund or '')}"
    text = (f"{index.jahr} liegt der {name} von {md(kontext.namen[stadtteil])} bei **{index_text(wert.wert)}**: "
            f"{md(index.klassenname(stadtteil) or KEINE_ANGABE)}, Rang {index.raenge[stadtteil]} von "
            f"{len(index.raenge)} "
            "(Rang 1 hat den höchsten Bedarf).")
    if index.hoher_bedarf(stadtteil):
        text += " Der Unterstützungsbedarf gilt damit als **hoch**."
    return text


def profil_kurz(kontext: Kontext, seite: str, stadtteil: str) -> str:
    """A district in short, for any page: index sentence, indicator table, link to the profile."""
    ziel = verweise.md_link(seite, verweise.stadtteil_seite(stadtteil))
    return (f"{index_satz(kontext, stadtteil)}\n\n{profil_tabelle(kontext, seite, stadtteil)}\n\n"
            f"[Zum Profil von {klartext_md(kontext.namen[stadtteil])}]({ziel})")


def stadtteil_verweis(kontext: Kontext, seite: str, stadtteil: str) -> str:
    if stadtteil == GESAMTSTADT:
        return "Gesamtstadt"
    return f"[{klartext_md(kontext.namen[stadtteil])}]({verweise.md_link(seite, verweise.stadtteil_seite(stadtteil))})"
