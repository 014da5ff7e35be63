"""Rules across files: unique ids, and every reference resolves to something that exists."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import TYPE_CHECKING, TypeVar

from pydantic import BaseModel

from .befund import Befund, Schwere
from .meldungen import vorschlag
from .model import GESAMTSTADT, Glossar, Sitzung
from .yamldatei import Pfad, YamlDokument

if TYPE_CHECKING:  # laden imports this module
    from .laden import Geladen, Rohplan

W = TypeVar("W", bound=BaseModel)


def _verweise(
    dokument: YamlDokument, feld: str, werte: Iterable[str], erlaubt: set[str], was: str, datei_ordner: str,
    abschnitt: Pfad = (),
) -> list[Befund]:
    """Findings for every value of the list (or single) field `feld` that is not in `erlaubt`;
    `abschnitt` is the path of the section holding `feld` (e.g. `("beschluesse", 0, "betrifft")`)."""
    befunde = []
    liste = list(werte)
    einzeln = not abschnitt and isinstance(dokument.daten.get(feld), str)
    gesehen: set[str] = set()
    for index, wert in enumerate(liste):
        pfad: Pfad = (*abschnitt, feld) if einzeln else (*abschnitt, feld, index)
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


def _eindeutig(eintraege: Sequence[Geladen[W]], feld: str, attribut: Callable[[W], Hashable],
               was: str) -> list[Befund]:
    """Findings for values of `attribut` (the value of the key `feld`) that occur in more than one file."""
    befunde: list[Befund] = []
    erste: dict[Hashable, str] = {}
    for eintrag in eintraege:
        wert = attribut(eintrag.wert)
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
    leitlinien_ids = {g.wert.id for g in roh.leitlinien}
    gremien_ids = {g.wert.id for g in roh.gremien}
    stadtteil_ids = {s.id for s in roh.stadtteile} | {GESAMTSTADT}

    befunde: list[Befund] = []
    for eintraege in roh.entitaeten.values():
        befunde += _eindeutig(eintraege, "id", lambda w: w.id, "Kennung")
    befunde += _eindeutig(roh.leitlinien, "nummer", lambda w: w.nummer, "Nummer")

    for m in roh.massnahmen:
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
    for g in roh.gremien:
        befunde += _verweise(g.dokument, "berichtet_an", g.wert.berichtet_an, gremien_ids - {g.wert.id},
                             "Das Gremium", "plan/gremien/")
    for s in roh.sitzungen:
        befunde += _verweise(s.dokument, "gremium", [s.wert.gremium], gremien_ids, "Das Gremium", "plan/gremien/")
        befunde += _beschluesse_pruefen(s, {g.wert.id for g in roh.massnahmen}, stadtteil_ids - {GESAMTSTADT},
                                        leitlinien_ids)

    for p in roh.foerderprojekte:
        befunde += _verweise(p.dokument, "leitlinien", p.wert.leitlinien, leitlinien_ids, "Die Leitlinie",
                             "plan/leitlinien/")
        befunde += _verweise(p.dokument, "stadtteile", p.wert.stadtteile, stadtteil_ids, "Den Stadtteil",
                             "data/stadtteile.csv (oder „gesamtstadt“)")

    if roh.glossar is not None:
        befunde += _glossar_pruefen(roh.glossar)
    return befunde


def _beschluesse_pruefen(sitzung: Geladen[Sitzung], massnahmen_ids: set[str], stadtteil_ids: set[str],
                         leitlinien_ids: set[str]) -> list[Befund]:
    """Every Maßnahme, Stadtteil and Leitlinie a decision names exists."""
    befunde: list[Befund] = []
    for index, beschluss in enumerate(sitzung.wert.beschluesse):
        abschnitt: Pfad = ("beschluesse", index, "betrifft")
        betrifft = beschluss.betrifft
        for feld, werte, erlaubt, was, wo in (
            ("massnahmen", betrifft.massnahmen, massnahmen_ids, "Die Maßnahme", "plan/massnahmen/"),
            ("stadtteile", betrifft.stadtteile, stadtteil_ids, "Den Stadtteil", "data/stadtteile.csv"),
            ("leitlinien", betrifft.leitlinien, leitlinien_ids, "Die Leitlinie", "plan/leitlinien/"),
        ):
            befunde += _verweise(sitzung.dokument, feld, werte, erlaubt, was, wo, abschnitt)
    return befunde


def _glossar_pruefen(glossar: Geladen[Glossar]) -> list[Befund]:
    befunde: list[Befund] = []
    gesehen: dict[tuple[str, str], int] = {}
    for index, begriff in enumerate(glossar.wert.begriffe):
        for feld, wert in (("begriff", begriff.begriff), ("abkuerzung", begriff.abkuerzung)):
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
