"""The comparison as JSON for tools: raw values (ids, status keys, ISO dates), German key names."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel
from pydantic_core import to_jsonable_python

from ..befund import Befund
from .ergebnis import Aenderung, Artvergleich, Feldaenderung, Vergleich, Wertaenderung
from .stand import Stand
from .zusammenfassung import zusammenfassung


def als_json(vergleich: Vergleich) -> str:
    """Deterministic JSON (sorted keys, two-space indent, UTF-8 text)."""
    return json.dumps(als_daten(vergleich), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def als_daten(vergleich: Vergleich) -> dict[str, Any]:
    daten: dict[str, Any] = {
        "basis": _stand(vergleich.basis),
        "ziel": _stand(vergleich.ziel),
        "zusammenfassung": zusammenfassung(vergleich),
        "plan": [_feld(f) for f in vergleich.plan],
    }
    for art, artvergleich in vergleich.arten.items():
        daten[art] = _art(artvergleich)
    daten["indikatoren"] = _indikatoren(vergleich)
    return daten


def _indikatoren(vergleich: Vergleich) -> dict[str, Any]:
    iv = vergleich.indikatoren
    if iv is None:
        return {"verglichen": False, "grund": vergleich.indikatoren_grund}
    return {
        "verglichen": True,
        "katalog": _art(iv.katalog),
        "index_jahr": {"alt": iv.index_jahre[0], "neu": iv.index_jahre[1]},
        "klassenwechsel": None if iv.klassenwechsel is None else [
            {"stadtteil": k.stadtteil, "klasse_alt": k.alt_klasse, "klasse_neu": k.neu_klasse,
             "indexwert_alt": k.alt_wert, "indexwert_neu": k.neu_wert} for k in iv.klassenwechsel
        ],
        "groesste": [_wert(w) for w in iv.groesste],
        "werte": [_wert(w) for w in iv.werte],
        "stadtteile_neu": iv.stadtteile_neu,
        "stadtteile_entfallen": iv.stadtteile_entfallen,
    }


def _wert(w: Wertaenderung) -> dict[str, Any]:
    return {"stadtteil": w.stadtteil, "indikator": w.indikator, "alt": w.alt, "alt_jahr": w.alt_jahr,
            "neu": w.neu, "neu_jahr": w.neu_jahr, "differenz": w.differenz,
            "standardabweichungen": round(w.gewicht, 4)}


def _stand(stand: Stand) -> dict[str, Any]:
    return {
        "name": stand.name,
        "commit": stand.commit,
        "fortschreibung": stand.info.fortschreibung if stand.info else None,
        "stand": stand.info.stand.isoformat() if stand.info else None,
        "gueltig": stand.gueltig,
        "atlas": stand.atlas is not None,
        "befunde": [_befund(b) for b in stand.befunde],
    }


def _befund(befund: Befund) -> dict[str, Any]:
    return {"datei": befund.datei, "zeile": befund.zeile, "spalte": befund.spalte,
            "meldung": befund.meldung, "hinweis": befund.hinweis, "schwere": befund.schwere.value}


def _art(vergleich: Artvergleich) -> dict[str, Any]:
    return {
        "neu": [_aenderung(a) for a in vergleich.neu],
        "geaendert": [_aenderung(a) for a in vergleich.geaendert],
        "entfallen": [_aenderung(a) for a in vergleich.entfallen],
        "nicht_verglichen": [_aenderung(a) for a in vergleich.nicht_verglichen],
    }


def _aenderung(aenderung: Aenderung) -> dict[str, Any]:
    daten: dict[str, Any] = {"id": aenderung.id, "titel": aenderung.titel,
                             "datei_alt": aenderung.datei_alt, "datei_neu": aenderung.datei_neu}
    if aenderung.felder or aenderung.umbenannt:
        daten["umbenannt"] = aenderung.umbenannt
        daten["felder"] = [_feld(f) for f in aenderung.felder]
    if isinstance(aenderung.wert, BaseModel):
        daten["wert"] = aenderung.wert.model_dump(mode="json")
    if aenderung.grund:
        daten["grund"] = aenderung.grund
    return daten


def _feld(feld: Feldaenderung) -> dict[str, Any]:
    daten: dict[str, Any] = {"feld": feld.schluessel, "art": feld.art}
    if feld.art == "text":
        daten["stellen"] = [
            {"art": s.art, "alt": s.alt, "neu": s.neu, "nach": s.nach, "neu_gefasst": s.neu_gefasst}
            for s in feld.stellen
        ]
    elif feld.art == "liste":
        daten.update(hinzu=to_jsonable_python(feld.hinzu), weg=to_jsonable_python(feld.weg),
                     reihenfolge=feld.reihenfolge)
    else:
        daten.update(alt=to_jsonable_python(feld.alt), neu=to_jsonable_python(feld.neu))
    return daten
