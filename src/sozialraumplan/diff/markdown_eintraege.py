"""Markdown for entities and their fields: new, changed, removed, not compared.

Changes are sentences („Status: geplant → in Umsetzung“, „statt „…“ jetzt „…““), never colour
or strike-through alone, so they read the same aloud as on screen.
"""

from __future__ import annotations

from ..model import Massnahme
from ..render.text import klartext_md
from .anzeige import ARTNAMEN, Anzeige
from .ergebnis import Aenderung, Artvergleich, Feldaenderung
from .text import Textstelle


def art_abschnitt(artvergleich: Artvergleich, anzeige: Anzeige, ebene: str) -> list[str]:
    """New, changed, removed, not comparable entities of one kind, under headings of `ebene`."""
    if artvergleich.leer:
        return ["Keine Änderungen."]
    name = ARTNAMEN[artvergleich.art]
    bloecke = []
    for titel, liste, zeile in (
        (f"Neue {name.mehrzahl}", artvergleich.neu, lambda a: _neu(a, anzeige)),
        (f"Geänderte {name.mehrzahl}", artvergleich.geaendert, None),
        (f"Entfallene {name.mehrzahl}", artvergleich.entfallen, lambda a: _entfallen(a, anzeige)),
        ("Nicht verglichen", artvergleich.nicht_verglichen, lambda a: f"- **{_kopf(a)}:** {a.grund}"),
    ):
        if not liste:
            continue
        bloecke.append(f"{ebene} {titel} ({len(liste)})")
        if zeile is None:
            bloecke += [_geaendert(a, anzeige, ebene + "#") for a in liste]
        else:
            bloecke.append("\n".join(zeile(a) for a in liste))
    return bloecke


def _kopf(aenderung: Aenderung) -> str:
    if aenderung.art == "massnahme":
        return klartext_md(f"{aenderung.id} – {aenderung.titel}")
    return klartext_md(aenderung.titel)


def _neu(aenderung: Aenderung, anzeige: Anzeige) -> str:
    zeile = f"- **{_kopf(aenderung)}**"
    m = aenderung.wert
    if isinstance(m, Massnahme):
        zeitraum = anzeige.wert("beginn", m.zeitraum.beginn)
        zeitraum = f"{zeitraum} bis {anzeige.wert('ende', m.zeitraum.ende)}" if m.zeitraum.ende else f"ab {zeitraum}"
        stadtteile = ", ".join(anzeige.wert("stadtteile", s) for s in m.stadtteile)
        zeile += klartext_md(f": {m.status.label}, {zeitraum}; Stadtteile: {stadtteile}")
    return zeile


def _entfallen(aenderung: Aenderung, anzeige: Anzeige) -> str:
    zeile = f"- **{_kopf(aenderung)}**"
    m = aenderung.wert
    if isinstance(m, Massnahme):
        zeile += " " + klartext_md(f"(zuletzt {m.status.label}, Fortschritt {anzeige.wert('fortschritt', m.fortschritt)})")
    return zeile


def _geaendert(aenderung: Aenderung, anzeige: Anzeige, ebene: str) -> str:
    zeilen = [f"{ebene} {_kopf(aenderung)}", ""]
    if aenderung.umbenannt:
        zeilen.append(f"- Datei umbenannt: `{aenderung.datei_alt}` → `{aenderung.datei_neu}`")
    if aenderung.felder:
        zeilen.append(feldliste(aenderung.felder, anzeige))
    return "\n".join(zeilen)


def feldliste(felder: tuple[Feldaenderung, ...], anzeige: Anzeige) -> str:
    return "\n".join(_feld(f, anzeige) for f in felder)


def _feld(feld: Feldaenderung, anzeige: Anzeige) -> str:
    """One list item per changed field; text passages as a nested list."""
    name = feld.name
    schluessel = feld.feld[-1]
    if feld.art == "text":
        return f"- {name}:\n" + "\n".join(f"    - {_stelle(s)}" for s in feld.stellen)
    if feld.art == "liste":
        if feld.reihenfolge:
            return f"- {name}: Reihenfolge geändert"
        teile = []
        if feld.hinzu:
            teile.append("hinzugekommen " + ", ".join(_wert(schluessel, w, anzeige) for w in feld.hinzu))
        if feld.weg:
            teile.append("entfallen " + ", ".join(_wert(schluessel, w, anzeige) for w in feld.weg))
        return f"- {name}: " + "; ".join(teile)
    return f"- {name}: {_wert(schluessel, feld.alt, anzeige)} → {_wert(schluessel, feld.neu, anzeige)}"


def _wert(schluessel: str, wert: object, anzeige: Anzeige) -> str:
    text = klartext_md(anzeige.wert(schluessel, wert))
    return f"„{text}“" if anzeige.ist_freitext(schluessel, wert) else text


def _stelle(stelle: Textstelle) -> str:
    ort = f" (nach „…{klartext_md(stelle.nach)}“)" if stelle.nach else " (am Anfang)"
    if stelle.neu_gefasst:
        return f"neu gefasst; bisher: „{klartext_md(stelle.alt)}“; jetzt: „{klartext_md(stelle.neu)}“"
    if stelle.art == "ersetzt":
        return f"statt „{klartext_md(stelle.alt)}“ jetzt „{klartext_md(stelle.neu)}“{ort}"
    if stelle.art == "gestrichen":
        return f"gestrichen: „{klartext_md(stelle.alt)}“{ort}"
    return f"ergänzt: „{klartext_md(stelle.neu)}“{ort}"
