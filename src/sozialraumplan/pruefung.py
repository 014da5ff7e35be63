"""Rules across files: unique ids, and every reference resolves to something that exists."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from .befund import Befund, Schwere
from .meldungen import vorschlag
from .model import GESAMTSTADT
from .yamldatei import Pfad, YamlDokument

if TYPE_CHECKING:  # laden imports this module
    from .laden import Rohplan


def _verweise(
    dokument: YamlDokument, feld: str, werte: Iterable[str], erlaubt: set[str], was: str, datei_ordner: str
) -> list[Befund]:
    """Findings for every value of the list (or single) field `feld` that is not in `erlaubt`."""
    befunde = []
    liste = list(werte)
    einzeln = isinstance(dokument.daten.get(feld), str)
    gesehen: set[str] = set()
    for index, wert in enumerate(liste):
        pfad: Pfad = (feld,) if einzeln else (feld, index)
        zeile, spalte = dokument.position(pfad)
        if wert in gesehen:
            befunde.append(Befund(dokument.datei, zeile, spalte, f"„{wert}“ steht doppelt in „{feld}“",
                                  "löschen Sie den doppelten Eintrag"))
            continue
        gesehen.add(wert)
        if wert not in erlaubt:
            tipp = vorschlag(wert, sorted(erlaubt))
            befunde.append(Befund(
                dokument.datei, zeile, spalte, f"{was} „{wert}“ gibt es nicht",
                (tipp + " " if tipp else "") + f"gültige Kennungen stehen in {datei_ordner}",
            ))
    return befunde


def _eindeutig(eintraege: list, feld: str, attribut: str, was: str) -> list[Befund]:
    """Findings for values of `attribut` that occur in more than one file."""
    befunde, erste = [], {}
    for eintrag in eintraege:
        wert = getattr(eintrag.wert, attribut)
        if wert in erste:
            zeile, spalte = eintrag.dokument.position((feld,))
            befunde.append(Befund(eintrag.dokument.datei, zeile, spalte,
                                  f"{was} „{wert}“ gibt es schon in {erste[wert]}",
                                  f"wählen Sie eine andere {was}"))
        else:
            erste[wert] = eintrag.dokument.datei
    return befunde


def querverweise_pruefen(roh: Rohplan) -> list[Befund]:
    """All cross-file findings for a `Rohplan`."""
    leitlinien = roh.entitaeten["leitlinie"]
    massnahmen = roh.entitaeten["massnahme"]
    gremien = roh.entitaeten["gremium"]
    sitzungen = roh.entitaeten["sitzung"]
    leitlinien_ids = {g.wert.id for g in leitlinien}
    gremien_ids = {g.wert.id for g in gremien}
    stadtteil_ids = {s.id for s in roh.stadtteile} | {GESAMTSTADT}

    befunde: list[Befund] = []
    for eintraege in roh.entitaeten.values():
        befunde += _eindeutig(eintraege, "id", "id", "Kennung")
    befunde += _eindeutig(leitlinien, "nummer", "number", "Nummer")

    for m in massnahmen:
        d, w = m.dokument, m.wert
        befunde += _verweise(d, "leitlinien", w.leitlinien, leitlinien_ids, "Die Leitlinie", "plan/leitlinien/")
        befunde += _verweise(d, "stadtteile", w.stadtteile, stadtteil_ids, "Den Stadtteil",
                             "data/stadtteile.csv (oder „gesamtstadt“)")
        befunde += _verweise(d, "gremium", [w.gremium], gremien_ids, "Das Gremium", "plan/gremien/")
        if w.citywide and len(w.stadtteile) > 1:
            zeile, spalte = d.position(("stadtteile",))
            befunde.append(Befund(d.datei, zeile, spalte,
                                  "„gesamtstadt“ und einzelne Stadtteile sind zugleich angegeben",
                                  "lassen Sie nur „gesamtstadt“ stehen oder nur die Stadtteile",
                                  Schwere.WARNUNG))
    for g in gremien:
        d, w = g.dokument, g.wert
        befunde += _verweise(d, "berichtet_an", w.reports_to, gremien_ids - {w.id}, "Das Gremium", "plan/gremien/")
    for s in sitzungen:
        befunde += _verweise(s.dokument, "gremium", [s.wert.gremium], gremien_ids, "Das Gremium", "plan/gremien/")

    if roh.glossar is not None:
        befunde += _glossar_pruefen(roh.glossar)
    return befunde


def _glossar_pruefen(glossar) -> list[Befund]:
    befunde, gesehen = [], {}
    for index, begriff in enumerate(glossar.wert.terms):
        for feld, wert in (("begriff", begriff.term), ("abkuerzung", begriff.abbreviation)):
            if wert is None:
                continue
            schluessel = (feld, wert.casefold())
            if schluessel in gesehen:
                zeile, spalte = glossar.dokument.position(("begriffe", index, feld))
                befunde.append(Befund(glossar.dokument.datei, zeile, spalte,
                                      f"„{wert}“ steht schon in Zeile {gesehen[schluessel]} im Glossar",
                                      "führen Sie beide Einträge zusammen"))
            else:
                gesehen[schluessel] = glossar.dokument.position(("begriffe", index, feld))[0]
    return befunde
