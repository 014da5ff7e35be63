"""The comparison as a Markdown report: the CLI's default output and the site's „Änderungen“ page.

Changes are written as sentences („Status: geplant → in Umsetzung“, „statt „…“ jetzt „…““),
never as colour or strike-through alone, so the report reads the same aloud as on screen.
"""

from __future__ import annotations

from ..befund import Befund
from ..render.text import datum, md_zeile
from .anzeige import ARTNAMEN, Anzeige, feldname
from .ergebnis import Aenderung, Feldaenderung, Vergleich
from .stand import Stand
from .text import Textstelle
from .zusammenfassung import zusammenfassung


def ueberschrift(vergleich: Vergleich) -> str:
    return f"Änderungen von {vergleich.basis.name} zu {vergleich.ziel.name}"


def als_markdown(vergleich: Vergleich) -> str:
    """The full report with its H1."""
    return f"# {md_zeile(ueberschrift(vergleich))}\n\n{koerper(vergleich)}"


def koerper(vergleich: Vergleich) -> str:
    """Everything below the H1 (the site page puts its own front matter and H1 above)."""
    anzeige = Anzeige(vergleich.basis, vergleich.ziel)
    bloecke = [
        f"**Zusammenfassung:** {md_zeile(zusammenfassung(vergleich))}",
        "Verglichen wurden " + _stand_text(vergleich.basis) + " und " + _stand_text(vergleich.ziel) + ".",
    ]
    hinweise = [s for s in (vergleich.basis, vergleich.ziel) if not s.gueltig]
    if hinweise:
        bloecke.append("## Hinweise zu den Fassungen")
        bloecke += [_ungueltig(s) for s in hinweise]
    for art, artvergleich in vergleich.arten.items():
        name = ARTNAMEN[art]
        bloecke.append(f"## {name.abschnitt}")
        if artvergleich.leer:
            bloecke.append("Keine Änderungen.")
            continue
        for titel, liste, zeile in (
            (f"Neue {name.mehrzahl}", artvergleich.neu, lambda a: _neu(a, anzeige)),
            (f"Geänderte {name.mehrzahl}", artvergleich.geaendert, None),
            (f"Entfallene {name.mehrzahl}", artvergleich.entfallen, lambda a: _entfallen(a, anzeige)),
            ("Nicht verglichen", artvergleich.nicht_verglichen, lambda a: f"- **{_kopf(a)}:** {a.grund}"),
        ):
            if not liste:
                continue
            bloecke.append(f"### {titel} ({len(liste)})")
            if zeile is None:
                bloecke += [_geaendert(a, anzeige) for a in liste]
            else:
                bloecke.append("\n".join(zeile(a) for a in liste))
    bloecke.append("## Angaben zum Plan")
    bloecke.append(_feldliste(vergleich.plan, anzeige) if vergleich.plan else "Keine Änderungen.")
    return "\n\n".join(bloecke) + "\n"


def _stand_text(stand: Stand) -> str:
    teile = [f"die Fassung **{md_zeile(stand.name)}**"]
    angaben = []
    if stand.commit:
        angaben.append(f"Commit {stand.commit[:7]}")
    if stand.info is not None:
        angaben.append(f"{md_zeile(stand.info.fortschreibung)}, Stand {datum(stand.info.stand)}")
    if angaben:
        teile.append(f"({'; '.join(angaben)})")
    return " ".join(teile)


def _ungueltig(stand: Stand) -> str:
    zeilen = [f"Der Plan in der Fassung **{md_zeile(stand.name)}** ist nicht gültig ({len(stand.befunde)} Fehler). "
              "Verglichen wurde, was sich lesen ließ:", ""]
    zeilen += [f"- {_befund(b)}" for b in stand.befunde]
    return "\n".join(zeilen)


def _befund(befund: Befund) -> str:
    text = f"`{befund.datei}:{befund.zeile}:{befund.spalte}` {md_zeile(befund.meldung)}"
    return text + (f" — {md_zeile(befund.hinweis)}" if befund.hinweis else "")


def _kopf(aenderung: Aenderung) -> str:
    if aenderung.art == "massnahme":
        return md_zeile(f"{aenderung.id} – {aenderung.titel}")
    return md_zeile(aenderung.titel)


def _neu(aenderung: Aenderung, anzeige: Anzeige) -> str:
    zeile = f"- **{_kopf(aenderung)}**"
    if aenderung.art == "massnahme":
        m = aenderung.wert
        zeitraum = anzeige.wert("beginn", m.period.begin)
        zeitraum = f"{zeitraum} bis {anzeige.wert('ende', m.period.end)}" if m.period.end else f"ab {zeitraum}"
        stadtteile = ", ".join(anzeige.wert("stadtteile", s) for s in m.stadtteile)
        zeile += md_zeile(f": {m.status.label}, {zeitraum}; Stadtteile: {stadtteile}")
    return zeile


def _entfallen(aenderung: Aenderung, anzeige: Anzeige) -> str:
    zeile = f"- **{_kopf(aenderung)}**"
    if aenderung.art == "massnahme":
        m = aenderung.wert
        zeile += " " + md_zeile(f"(zuletzt {m.status.label}, Fortschritt {anzeige.wert('fortschritt', m.progress)})")
    return zeile


def _geaendert(aenderung: Aenderung, anzeige: Anzeige) -> str:
    zeilen = [f"#### {_kopf(aenderung)}", ""]
    if aenderung.umbenannt:
        zeilen.append(f"- Datei umbenannt: `{aenderung.datei_alt}` → `{aenderung.datei_neu}`")
    if aenderung.felder:
        zeilen.append(_feldliste(aenderung.felder, anzeige))
    return "\n".join(zeilen)


def _feldliste(felder: tuple[Feldaenderung, ...], anzeige: Anzeige) -> str:
    return "\n".join(_feld(f, anzeige) for f in felder)


def _feld(feld: Feldaenderung, anzeige: Anzeige) -> str:
    """One list item per changed field; text passages as a nested list."""
    name = feldname(feld.feld)
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
    text = md_zeile(anzeige.wert(schluessel, wert))
    return f"„{text}“" if anzeige.ist_freitext(schluessel, wert) else text


def _stelle(stelle: Textstelle) -> str:
    ort = f" (nach „…{md_zeile(stelle.nach)}“)" if stelle.nach else " (am Anfang)"
    if stelle.neu_gefasst:
        return f"neu gefasst; bisher: „{md_zeile(stelle.alt)}“; jetzt: „{md_zeile(stelle.neu)}“"
    if stelle.art == "ersetzt":
        return f"statt „{md_zeile(stelle.alt)}“ jetzt „{md_zeile(stelle.neu)}“{ort}"
    if stelle.art == "gestrichen":
        return f"gestrichen: „{md_zeile(stelle.alt)}“{ort}"
    return f"ergänzt: „{md_zeile(stelle.neu)}“{ort}"
