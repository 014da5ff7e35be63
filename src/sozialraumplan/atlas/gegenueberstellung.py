"""„Stadtteile vergleichen“: any two districts side by side, each beside the city.

The page's address names the two (`vergleich.html?a=<id>&b=<id>`), so a comparison can be
shared. The choice is a plain GET form; `assets/stadtteil-vergleich.js` reads the address and
draws the two-district table from the JSON in the form's `data-vergleich` attribute. Without
script the page shows every district in one table, which holds the same numbers.
"""

from __future__ import annotations

import json

from ..render.htmlbloecke import markieren
from ..render.text import h
from ..seiten import Seite
from . import verweise
from .bausteine import KEINE_ANGABE, beispiel_hinweis, seite_bauen, zelle
from .kontext import Kontext
from .stadtteilkarte import VERGLEICH, bedarf_urteil
from .tabelle import Spalte, tabelle


def _indikatoren(kontext: Kontext) -> list:
    return [i for i in kontext.atlas.indikatoren if kontext.atlas.jahre_von(i.id)]


def vergleich_daten(kontext: Kontext, seite: str) -> dict:
    """Every number the comparison shows, as formatted German text."""
    indikatoren = _indikatoren(kontext)
    index = kontext.index
    return {
        "indikatoren": [{"id": i.id, "name": f"{i.name} ({i.einheit}, {kontext.letztes_jahr(i.id)})"}
                        for i in indikatoren],
        "stadt": {i.id: zelle(kontext.stadtwert(i.id, kontext.letztes_jahr(i.id)).wert, i) for i in indikatoren},
        "stadtteile": {s: {"name": kontext.namen[s], "url": verweise.url(seite, verweise.stadtteil_seite(s)),
                           "klasse": index.klassenname(s) or KEINE_ANGABE, "urteil": bedarf_urteil(kontext, s),
                           "werte": {i.id: zelle(kontext.atlas.wert(s, i.id, kontext.letztes_jahr(i.id)), i)
                                     for i in indikatoren}}
                       for s in kontext.ids},
    }


def _auswahl(kontext: Kontext, name: str, beschriftung: str) -> str:
    optionen = "".join(f'<option value="{h(s)}">{h(kontext.namen[s])}</option>' for s in kontext.nach_name(kontext.ids))
    return f'<label>{beschriftung} <select name="{name}">{optionen}</select></label>'


def vergleich_seite(kontext: Kontext) -> Seite:
    seite = VERGLEICH
    daten = json.dumps(vergleich_daten(kontext, seite), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    text = beispiel_hinweis(kontext)
    text += ("Wählen Sie zwei Stadtteile. Die Tabelle zeigt ihre neuesten Werte nebeneinander und daneben den Wert "
             "der ganzen Stadt. Die Adresse dieser Seite enthält Ihre Auswahl: So können Sie den Vergleich "
             "weitergeben.\n\n")
    auswahl = markieren(f'<form class="srp-filter srp-vergleich" data-vergleich="{h(daten)}">'
                        f'{_auswahl(kontext, "a", "Erster Stadtteil")}{_auswahl(kontext, "b", "Zweiter Stadtteil")}'
                        '<button type="submit">Vergleichen</button></form>')
    text += f'{auswahl}\n\n<div class="srp-vergleich-ergebnis" aria-live="polite"></div>\n\n'
    text += "## Alle Stadtteile in einer Tabelle\n\n" + _alle(kontext, seite) + "\n"
    return seite_bauen(seite, "Stadtteile vergleichen", text, "data/stadtteile.csv")


def _alle(kontext: Kontext, seite: str) -> str:
    """Every district with every indicator's newest value: the comparison without script."""
    indikatoren = _indikatoren(kontext)
    spalten = [Spalte("Stadtteil"), Spalte("Sozialindex-Klasse")] + [
        Spalte(f"{i.name} ({i.einheit}, {kontext.letztes_jahr(i.id)})", zahl=True) for i in indikatoren]
    zeilen = [[f'<a href="{h(verweise.url(seite, verweise.stadtteil_seite(s)))}">{h(kontext.namen[s])}</a>',
               h(kontext.index.klassenname(s) or KEINE_ANGABE)]
              + [h(zelle(kontext.atlas.wert(s, i.id, kontext.letztes_jahr(i.id)), i)) for i in indikatoren]
              for s in kontext.nach_name(kontext.ids)]
    zeilen.append(["Gesamtstadt", "–"] + [h(zelle(kontext.stadtwert(i.id, kontext.letztes_jahr(i.id)).wert, i))
                                          for i in indikatoren])
    return tabelle("tabelle-vergleich-alle", "Alle Stadtteile und die Gesamtstadt: neueste Werte", spalten, zeilen,
                   suchbar=False)
