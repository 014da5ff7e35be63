"""Load the atlas from a `Quelle`: settings, indicators, values, boundaries, sites, anchors.

Like the plan loader, it collects every finding of every file before it gives up, and reads
only through the `Quelle`, so the same checks run on the working tree and on a git revision.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from pydantic import BaseModel

from ..befund import Befund, PlanUngueltig, Schwere, nur_fehler
from ..laden import dokument_lesen, validieren
from ..meldungen import Regel, vorschlag
from ..model import Plan, Stadtteil
from ..quelle import Quelle
from ..yamldatei import Pfad, YamlDokument
from .geometrie import grenzen_lesen, vereinfachung_fuer, verschwindende_grenzen
from .index import sozialindex_berechnen
from .modell import Atlas, AtlasEinstellungen, BeispielVorgaben, Indikator, IndikatorenDatei, Richtung, Wert
from .rechnung import raumebenen_lesen, veroeffentlichen
from .standorte import ankerwerte_lesen, standorte_lesen
from .strassen import STRASSEN, strassen_lesen
from .vergleich import amtlich_vergleichen
from .werte import werte_lesen

EINSTELLUNGEN = "data/atlas.yml"
INDIKATOREN = "data/indikatoren.yml"
VORGABEN = "data/beispieldaten.yml"
"""Settings of the example value generator (`atlas/beispieldaten.py`); optional."""

M = TypeVar("M", bound=BaseModel)

_EIGENE_FEHLER = {
    # Each model rule names the keys it is about (see `Regel`), so the finding stands on their line.
    "schwellen_ohne_grenzen": Regel("Für Klassen nach Schwellen fehlen die „grenzen“",
                                    "geben Sie die Grenzen als Liste an, z. B. grenzen: [-1, 1]",
                                    (("grenzen",), ("art",))),
    "grenzen_nicht_aufsteigend": Regel("Die Grenzen müssen aufsteigend sortiert sein", "z. B. grenzen: [-1, 0, 1]",
                                       (("grenzen",),)),
    "zu_viele_klassen": Regel("Höchstens sieben Klassen sind möglich", "eine Karte mit mehr Farben ist nicht lesbar",
                              (("grenzen",),)),
    "quantile_mit_grenzen": Regel("Quantil-Klassen haben keine festen Grenzen",
                                  "löschen Sie „grenzen“ oder wählen Sie „art: schwellen“", (("grenzen",),)),
    "namen_passen_nicht": Regel("Die Zahl der Klassennamen passt nicht zur Zahl der Klassen",
                                "geben Sie genau einen Namen je Klasse an", (("namen",), ("grenzen",))),
    "dynamik_fehlt": Regel("Für „status_dynamik“ fehlt der Abschnitt „dynamik“",
                           "ergänzen Sie z. B. dynamik: {von: 2022}", (("verfahren",),)),
    "hoher_bedarf_zu_gross": Regel("„hoher_bedarf_ab“ ist größer als die Zahl der Klassen",
                                   "wählen Sie eine Klassennummer zwischen 1 und der Zahl der Klassen",
                                   (("hoher_bedarf_ab",),)),
    "datei_pfad": Regel("Der Pfad muss eine Datei im Ordner data/ nennen",
                        "schreiben Sie den Pfad ab dem Repository, z. B. data/werte/werte.csv, ohne „..“, "
                        "ohne „/“ oder Laufwerk am Anfang, ohne „\\“ und ohne Leerzeichen"),
    "bereich_oder_je_typ": Regel("Geben Sie entweder „bereich“ oder „je_typ“ an",
                                 "bereich: [Wert bei geringem Bedarf, Wert bei hohem Bedarf] oder "
                                 "je_typ: {typ: Mittelwert}", (("je_typ",), ("bereich",))),
    "einwohner_fehlt": Regel("Für „mindesteinwohner“ fehlt die Angabe „einwohner“",
                             "nennen Sie den Indikator mit der Einwohnerzahl, z. B. einwohner: einwohner",
                             (("mindesteinwohner",),)),
    "jahre_nicht_aufsteigend": Regel("Die Jahre müssen aufsteigend sortiert sein und dürfen sich nicht wiederholen",
                                     "z. B. jahre: [2022, 2023, 2024]", (("jahre",),)),
}


def yaml_einlesen(quelle: Quelle, pfad: str, modell: type[M], befunde: list[Befund]
                  ) -> tuple[M | None, YamlDokument | None]:
    """A YAML file of the atlas, validated; the value is None (with findings) when it is broken,
    the document None when the file cannot even be read as YAML (so there is a document whenever
    there is a value)."""
    dokument = dokument_lesen(quelle, pfad, befunde)
    if dokument is None:
        return None, None
    return validieren(modell, dokument, befunde, _EIGENE_FEHLER), dokument


def atlas_vorhanden(quelle: Quelle) -> bool:
    """Whether this plan repository has an atlas at all (a plan without one is valid)."""
    return quelle.lesen(EINSTELLUNGEN) is not None


def atlas_pruefen(quelle: Quelle, plan: Plan) -> tuple[Atlas | None, list[Befund]]:
    """Load and check every atlas file; the atlas is None when there are errors."""
    befunde: list[Befund] = []
    einstellungen, dok_einst = yaml_einlesen(quelle, EINSTELLUNGEN, AtlasEinstellungen, befunde)
    katalog, dok_ind = yaml_einlesen(quelle, INDIKATOREN, IndikatorenDatei, befunde)
    stadtteile = list(plan.stadtteile)
    if katalog is not None and dok_ind is not None:
        befunde += _katalog_pruefen(katalog, dok_ind)
    if quelle.lesen(VORGABEN) is not None:
        beispielvorgaben_pruefen(quelle, stadtteile, katalog.indikatoren if katalog else None, befunde)
    if einstellungen is None or katalog is None or dok_einst is None or dok_ind is None:
        return None, sorted(befunde)
    werte: dict[tuple[str, str, int], Wert] = {}
    for datei in einstellungen.werte:
        werte_lesen(quelle, datei, stadtteile, katalog.indikatoren, werte, befunde)
    befunde += _berechnungen_pruefen(katalog, dok_ind) + _geheimhaltung_pruefen(einstellungen, katalog, dok_einst)
    zuordnungen = raumebenen_lesen(quelle, einstellungen.raumebenen, stadtteile, befunde)
    veroeffentlicht = veroeffentlichen(einstellungen, tuple(katalog.indikatoren), [s.id for s in stadtteile], werte,
                                       zuordnungen)
    werte = veroeffentlicht.werte
    grenzen = grenzen_lesen(quelle, einstellungen.geometrie, stadtteile, befunde)
    namen = {s.id: s.name for s in stadtteile}
    befunde += [Befund(einstellungen.geometrie.datei, 1, 1, f"Die Grenze von „{namen[i]}“ verschwindet auf den Karten",
                       "sie liegt ganz in anderen Stadtteilen; prüfen Sie, ob zwei Stadtteile dieselbe Grenze haben")
                for i in verschwindende_grenzen(grenzen, vereinfachung_fuer(einstellungen.karte.vereinfachung_m,
                                                                           len(grenzen)))]
    standorte = (standorte_lesen(quelle, einstellungen.standorte, stadtteile, grenzen, befunde)
                 if einstellungen.standorte else ())
    anker = ankerwerte_lesen(quelle, einstellungen.ankerwerte, stadtteile, befunde) if einstellungen.ankerwerte else ()
    strassen = strassen_lesen(quelle, stadtteile, befunde)
    jahre = tuple(sorted({j for (_, _, j) in werte}))
    atlas = Atlas(einstellungen, tuple(katalog.indikatoren), werte, jahre, grenzen, standorte, anker,
                  quellen={"einstellungen": EINSTELLUNGEN, "indikatoren": INDIKATOREN,
                           "geometrie": einstellungen.geometrie.datei,
                           **({"standorte": einstellungen.standorte} if einstellungen.standorte else {}),
                           **({"ankerwerte": einstellungen.ankerwerte} if einstellungen.ankerwerte else {}),
                           **({"strassen": STRASSEN} if strassen else {})},
                  strassen=strassen,
                  stadtwerte=veroeffentlicht.stadtwerte, ebenen=veroeffentlicht.ebenen,
                  ausgeschlossen=veroeffentlicht.ausgeschlossen)
    befunde += _index_pruefen(atlas, dok_einst)
    befunde += _abdeckung_pruefen(atlas, [s.id for s in stadtteile])
    befunde += _leere_indikatoren(atlas, dok_ind)
    if nur_fehler(befunde):
        return None, sorted(befunde)
    atlas.sozialindex = sozialindex_berechnen(atlas, stadtteile)
    if einstellungen.sozialindex.amtlich:
        befunde += amtlich_vergleichen(quelle, einstellungen.sozialindex.amtlich, atlas, stadtteile)
        if nur_fehler(befunde):
            return None, sorted(befunde)
    return atlas, sorted(befunde)


def atlas_laden(quelle: Quelle, plan: Plan) -> Atlas:
    """The validated atlas, or `PlanUngueltig` with every finding."""
    atlas, befunde = atlas_pruefen(quelle, plan)
    if atlas is None:
        raise PlanUngueltig(befunde)
    return atlas


def beispielvorgaben_pruefen(quelle: Quelle, stadtteile: list[Stadtteil], indikatoren: list[Indikator] | None,
                             befunde: list[Befund]) -> BeispielVorgaben | None:
    """`data/beispieldaten.yml`, checked against the districts and (when known) the indicators, so
    that the generator never stops halfway; None (with findings) when it is broken."""
    vorgaben, dokument = yaml_einlesen(quelle, VORGABEN, BeispielVorgaben, befunde)
    if vorgaben is None or dokument is None:
        return None
    eigene = _vorgaben_abgleichen(vorgaben, dokument, sorted(s.id for s in stadtteile),
                                  None if indikatoren is None else sorted(i.id for i in indikatoren))
    befunde += eigene
    return None if nur_fehler(eigene) else vorgaben


def _vorgaben_abgleichen(vorgaben: BeispielVorgaben, dokument: YamlDokument, ids: list[str],
                         bekannt: list[str] | None) -> list[Befund]:
    """Districts and indicators the settings name must exist; every settlement type a district
    has needs its inhabitants, its need and each `je_typ` mean (else the generator fails)."""
    befunde: list[Befund] = []

    def befund(pfad: Pfad, meldung: str, hinweis: str, *, schluessel: bool = False) -> None:
        befunde.append(Befund(VORGABEN, *dokument.position(pfad, schluessel=schluessel), meldung, hinweis))

    def unbekannt(pfad: Pfad, was: str, wert: str, gueltig: list[str], quelle: str, *, schluessel: bool = False) -> None:
        tipp = vorschlag(wert, gueltig)
        befund(pfad, f"Den {was} „{wert}“ gibt es nicht",
               (tipp + " " if tipp else "") + f"gültige Kennungen stehen in {quelle}", schluessel=schluessel)

    for typ, liste in vorgaben.typen.items():
        for n, stadtteil in enumerate(liste):
            if stadtteil not in ids:
                unbekannt(("typen", typ, n), "Stadtteil", stadtteil, ids, "data/stadtteile.csv")
    typen = sorted({vorgaben.typ(s) for s in ids})
    pflicht: list[tuple[Pfad, Mapping[str, object]]] = [(("einwohner",), vorgaben.einwohner),
                                                         (("belastung",), vorgaben.belastung)]
    pflicht += [(("indikatoren", i, "je_typ"), v.je_typ) for i, v in vorgaben.indikatoren.items() if v.je_typ is not None]
    for pfad, tabelle in pflicht:
        for typ in (t for t in typen if t not in tabelle):
            befund(pfad, f"„{'.'.join(map(str, pfad))}“: es fehlt der Siedlungstyp „{typ}“",
                   f"ergänzen Sie „{typ}: …“; jeder Typ aus „standardtyp“ und „typen“ braucht eine Angabe")
    for ident, vorgabe in vorgaben.indikatoren.items():
        if bekannt is not None and ident not in bekannt:
            unbekannt(("indikatoren", ident), "Indikator", ident, bekannt, "data/indikatoren.yml", schluessel=True)
        zaehlbar = {vorgaben.einwohner_indikator} | {i for i, v in vorgaben.indikatoren.items() if v.basis is None}
        if vorgabe.basis is not None and vorgabe.basis not in zaehlbar:
            befund(("indikatoren", ident, "basis"), f"„{vorgabe.basis}“ ist keine Anzahl, die vorher erzeugt wird",
                   f"nennen Sie „{vorgaben.einwohner_indikator}“ oder eine Anzahl ohne eigene „basis“")
    gesehen = set()
    for n, standort in enumerate(vorgaben.standorte):
        if standort.stadtteil not in ids:
            unbekannt(("standorte", n, "stadtteil"), "Stadtteil", standort.stadtteil, ids, "data/stadtteile.csv")
        if standort.id in gesehen:
            befund(("standorte", n, "id"), f"Den Standort „{standort.id}“ gibt es zweimal",
                   "jede Kennung darf nur einmal vorkommen")
        gesehen.add(standort.id)
    return befunde


def _katalog_pruefen(katalog: IndikatorenDatei, dokument: YamlDokument) -> list[Befund]:
    befunde, gesehen = [], set()
    for index, indikator in enumerate(katalog.indikatoren):
        if indikator.id in gesehen:
            zeile, spalte = dokument.position(("indikatoren", index, "id"))
            befunde.append(Befund(dokument.datei, zeile, spalte, f"Den Indikator „{indikator.id}“ gibt es zweimal",
                                  "jede Kennung darf nur einmal vorkommen"))
        gesehen.add(indikator.id)
    return befunde


def _index_pruefen(atlas: Atlas, dokument: YamlDokument) -> list[Befund]:
    """The index may only use indicators that exist, carry a direction and have values."""
    einstellungen, befunde = atlas.einstellungen.sozialindex, []
    bekannt = {i.id: i for i in atlas.indikatoren}

    def befund(pfad: tuple, meldung: str, hinweis: str) -> None:
        zeile, spalte = dokument.position(("sozialindex", *pfad))
        befunde.append(Befund(dokument.datei, zeile, spalte, meldung, hinweis))

    for n, eintrag in enumerate(einstellungen.indikatoren):
        indikator = bekannt.get(eintrag.indikator)
        if indikator is None:
            tipp = vorschlag(eintrag.indikator, sorted(bekannt))
            befund(("indikatoren", n, "indikator"), f"Den Indikator „{eintrag.indikator}“ gibt es nicht",
                   (tipp + " " if tipp else "") + "gültige Kennungen stehen in data/indikatoren.yml")
        elif indikator.richtung is Richtung.NEUTRAL:
            befund(("indikatoren", n, "indikator"), f"„{indikator.name}“ hat keine Richtung (ohne_wertung)",
                   "nur Indikatoren, bei denen mehr oder weniger Bedarf bedeutet, gehören in den Index")
        elif not atlas.jahre_von(indikator.id):
            befund(("indikatoren", n, "indikator"), f"Für „{indikator.name}“ gibt es keine Werte",
                   "ergänzen Sie Werte oder nehmen Sie den Indikator aus dem Index")
    jahre = sorted({j for e in einstellungen.indikatoren if e.indikator in bekannt for j in atlas.jahre_von(e.indikator)})
    if einstellungen.jahr is not None and einstellungen.jahr not in jahre:
        befund(("jahr",), f"Für {einstellungen.jahr} gibt es keine Werte der Index-Indikatoren",
               "vorhanden sind: " + ", ".join(map(str, jahre)))
    if einstellungen.mindestens is not None and einstellungen.mindestens > len(einstellungen.indikatoren):
        befund(("mindestens",), "„mindestens“ ist größer als die Zahl der Index-Indikatoren",
               f"wählen Sie höchstens {len(einstellungen.indikatoren)}")
    dynamik = einstellungen.dynamik
    if einstellungen.verfahren == "status_dynamik" and dynamik is not None and jahre:
        bis = einstellungen.jahr or jahre[-1]
        if dynamik.von not in jahre or dynamik.von >= bis:
            befund(("dynamik", "von"), f"Die Dynamik kann nicht ab {dynamik.von} berechnet werden",
                   f"wählen Sie ein Jahr mit Werten vor {bis}: " + ", ".join(str(j) for j in jahre if j < bis))
    return befunde


def _abdeckung_pruefen(atlas: Atlas, stadtteile: list[str]) -> list[Befund]:
    """A district without any value is probably missing from the files: worth a warning."""
    mit_werten = {s for (s, _, _), w in atlas.werte.items() if w.wert is not None}
    datei = atlas.einstellungen.werte[0].datei
    return [Befund(datei, 1, 1, f"Für den Stadtteil „{s}“ gibt es keinen einzigen Wert",
                   "ergänzen Sie seine Werte oder tragen Sie leere Zellen ein, wenn es keine gibt",
                   Schwere.WARNUNG) for s in stadtteile if s not in mit_werten]


def _berechnungen_pruefen(katalog: IndikatorenDatei, dokument: YamlDokument) -> list[Befund]:
    """A rate's counts must exist and be counts (`anzahl: true`); a rate is no count itself."""
    befunde = []
    nach_id = {i.id: i for i in katalog.indikatoren}
    for n, indikator in enumerate(katalog.indikatoren):
        if indikator.berechnung is None:
            continue
        for teil in ("zaehler", "nenner"):
            ident = getattr(indikator.berechnung, teil)
            anzahl = nach_id.get(ident)
            if anzahl is not None and anzahl.anzahl and ident != indikator.id:
                continue
            zeile, spalte = dokument.position(("indikatoren", n, "berechnung", teil))
            tipp = vorschlag(ident, sorted(i.id for i in katalog.indikatoren if i.anzahl))
            meldung = (f"Den Indikator „{ident}“ gibt es nicht" if anzahl is None
                       else f"„{ident}“ ist keine Anzahl (anzahl: true)")
            befunde.append(Befund(dokument.datei, zeile, spalte, meldung,
                                  (tipp + " " if tipp else "") + "Zähler und Nenner einer Quote sind Anzahl-Indikatoren "
                                  "aus data/indikatoren.yml mit „anzahl: true“"))
        if indikator.anzahl:
            zeile, spalte = dokument.position(("indikatoren", n, "berechnung"))
            befunde.append(Befund(dokument.datei, zeile, spalte, f"„{indikator.id}“ ist eine Anzahl und eine Quote zugleich",
                                  "löschen Sie „anzahl: true“ oder „berechnung“"))
    return befunde


def _geheimhaltung_pruefen(einstellungen: AtlasEinstellungen, katalog: IndikatorenDatei,
                           dokument: YamlDokument) -> list[Befund]:
    geheim = einstellungen.geheimhaltung
    if geheim is None or geheim.einwohner is None or geheim.einwohner in {i.id for i in katalog.indikatoren}:
        return []
    zeile, spalte = dokument.position(("geheimhaltung", "einwohner"))
    tipp = vorschlag(geheim.einwohner, sorted(i.id for i in katalog.indikatoren))
    return [Befund(dokument.datei, zeile, spalte, f"Den Indikator „{geheim.einwohner}“ gibt es nicht",
                   (tipp + " " if tipp else "") + "gültige Kennungen stehen in data/indikatoren.yml")]


def _leere_indikatoren(atlas: Atlas, dokument: YamlDokument) -> list[Befund]:
    """An indicator without a single value is probably missing from the value files."""
    befunde = []
    for n, indikator in enumerate(atlas.indikatoren):
        if atlas.jahre_von(indikator.id) or any(w.gesperrt for w in atlas.werte.values() if w.indikator == indikator.id):
            continue
        zeile, spalte = dokument.position(("indikatoren", n, "id"))
        befunde.append(Befund(dokument.datei, zeile, spalte, f"Für den Indikator „{indikator.id}“ gibt es keinen einzigen Wert",
                              "ergänzen Sie seine Werte in einer Wertedatei aus data/atlas.yml oder löschen Sie ihn",
                              Schwere.WARNUNG))
    return befunde
