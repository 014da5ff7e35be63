"""„Ihr Stadtteil auf einen Blick“: the card at the top of every district profile.

What the plan concludes about the district, in plain words: its need class and what that means,
the trend, the Bedarfsermittlung's verdict, the Maßnahmen there with their status, the offices
with address, opening hours, contact and access, the next meeting of a Gremium that works on it,
a small locator map, and the links to its Leichte-Sprache page and to the comparison.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable

from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from ..model import Massnahme, Sitzung, Status
from ..render.htmlbloecke import markieren
from ..render.massnahmen import status_marke
from ..render.text import datum, h
from . import verweise
from .kontext import Kontext
from .modell import Standort

AKTIV = (Status.GEPLANT, Status.IN_UMSETZUNG)
"""Maßnahmen that count as „planned“ for the Bedarfsermittlung."""
LAGEKARTE_BREITE = 200
"""Width of the locator map's drawing (its viewBox); the page scales it."""


NICHT_ERFASST = "Standorte sind in diesem Atlas nicht erfasst."
"""Said wherever sites would be listed when the atlas has no sites file: not recorded is not zero.
Readers get no file names (data/atlas.yml, `standorte`): those are for editors."""

def aktive_massnahmen(kontext: Kontext, stadtteil: str) -> list[Massnahme]:
    return [m for m in kontext.plan.massnahmen_for_stadtteil(stadtteil) if m.status in AKTIV]


def standorte_in(kontext: Kontext, stadtteil: str) -> list[Standort]:
    return [o for o in kontext.atlas.standorte if o.stadtteil == stadtteil]


def bedarf_urteil(kontext: Kontext, stadtteil: str) -> str:
    """The Bedarfsermittlung's conclusion for one district, as a sentence."""
    if not kontext.index.hoher_bedarf(stadtteil):
        return "Kein hoher Bedarf nach der Regel der Bedarfsermittlung."
    aktive, orte = aktive_massnahmen(kontext, stadtteil), standorte_in(kontext, stadtteil)
    if not kontext.atlas.standorte_erfasst:  # not recorded is not zero: say nothing about sites
        return ("Hoher Bedarf; " + (f"es gibt {len(aktive)} laufende oder geplante Maßnahme" + ("n" if len(aktive) > 1 else "")
                                    if aktive else "keine laufende oder geplante Maßnahme") + ".")
    if not aktive and not orte:
        return "Hoher Bedarf, aber weder ein Standort noch eine laufende oder geplante Maßnahme."
    teile = ([f"{len(orte)} Standort" + ("e" if len(orte) > 1 else "")] if orte else []) + (
        [f"{len(aktive)} laufende oder geplante Maßnahme" + ("n" if len(aktive) > 1 else "")] if aktive else [])
    return f"Hoher Bedarf; es gibt {' und '.join(teile)}."


def bedarf_satz(kontext: Kontext, stadtteil: str) -> str:
    """Need class and its meaning in plain words."""
    index = kontext.index
    klasse = index.wert(stadtteil).klasse
    if klasse is None:
        return f"Keine Einstufung: Für {index.jahr} liegen zu wenige Indikatoren vor."
    anzahl = len(index.status.einteilung.klassen)
    name = index.klassenname(stadtteil) or ""
    hoch = " Das gilt als hoher Bedarf." if index.hoher_bedarf(stadtteil) else ""
    return (f"{name} (Stufe {anzahl} heißt: am meisten Unterstützung nötig). "
            f"Rang {index.raenge[stadtteil]} von {len(index.raenge)} Stadtteilen im Jahr {index.jahr}.{hoch}")


def trend_satz(kontext: Kontext, stadtteil: str) -> str:
    verlauf = [(j, wert) for j, werte in sorted(kontext.index.je_jahr.items())
               if (wert := werte.get(stadtteil)) is not None]
    if len(verlauf) < 2:
        return "Noch keine Entwicklung: Es gibt nur ein Jahr mit Werten."
    (j0, w0), (j1, w1) = verlauf[0], verlauf[-1]
    if w1 > w0:
        return f"Seit {j0} ist der Bedarf im Vergleich zu den anderen Stadtteilen gewachsen (bis {j1})."
    if w1 < w0:
        return f"Seit {j0} ist der Bedarf im Vergleich zu den anderen Stadtteilen kleiner geworden (bis {j1})."
    return f"Von {j0} bis {j1} ist der Bedarf im Vergleich gleich geblieben."


def naechste_sitzung(kontext: Kontext, stadtteil: str, heute: dt.date) -> Sitzung | None:
    """The next meeting of a Gremium responsible for a Maßnahme in the district (or for one for
    the whole city)."""
    plan = kontext.plan
    gremien = {m.gremium for m in plan.massnahmen if stadtteil in m.stadtteile or m.citywide}
    kommende = sorted((s for s in plan.sitzungen if s.datum >= heute and s.gremium in gremien),
                      key=lambda s: (s.datum, s.id))
    return kommende[0] if kommende else None


def _pfad(form: BaseGeometry, umrechnen: Callable[[float, float], tuple[float, float]]) -> str:
    polygone = form.geoms if isinstance(form, MultiPolygon) else [form] if isinstance(form, Polygon) else []
    teile = []
    for polygon in polygone:
        for ring in [polygon.exterior, *polygon.interiors]:
            punkte = [umrechnen(x, y) for x, y in ring.coords]
            teile.append("M" + "L".join(f"{a:.1f},{b:.1f}" for a, b in punkte) + "Z")
    return "".join(teile)


class _Lagerahmen:
    """The city on the locator maps: how a point is placed, and its outline, drawn once."""

    def __init__(self, umriss: BaseGeometry) -> None:
        self.minx, miny, self.maxx, self.maxy = umriss.bounds
        breite_grad = (self.maxx - self.minx) * math.cos(math.radians((miny + self.maxy) / 2)) or 1.0
        self.massstab = LAGEKARTE_BREITE / breite_grad
        self.hoehe = max(1.0, (self.maxy - miny) * self.massstab)
        self.toleranz = (self.maxx - self.minx) / LAGEKARTE_BREITE
        self.stadt = _pfad(umriss.simplify(self.toleranz), self.umrechnen)
        """SVG path of the outline."""

    def umrechnen(self, x: float, y: float) -> tuple[float, float]:
        return ((x - self.minx) / (self.maxx - self.minx or 1.0) * LAGEKARTE_BREITE, (self.maxy - y) * self.massstab)


def lagekarte(kontext: Kontext, stadtteil: str) -> str:
    """A small SVG: the city's outline and the district filled, drawn at build time (no script)."""
    rahmen = kontext.je_atlas("lagerahmen", lambda: _Lagerahmen(kontext.stadtumriss))
    name = kontext.namen[stadtteil]
    teil = _pfad(kontext.kartengrenzen[stadtteil].simplify(rahmen.toleranz / 2), rahmen.umrechnen)
    return (f'<svg class="srp-lagekarte" viewBox="-2 -2 {LAGEKARTE_BREITE + 4} {rahmen.hoehe + 4:.0f}" role="img" '
            f'aria-labelledby="lagekarte-titel" focusable="false"><title id="lagekarte-titel">Lage von {h(name)} '
            f'in der Stadt (dunkel)</title><path d="{rahmen.stadt}" fill="#eeeeee" stroke="#4d4d4d" stroke-width="1"/>'
            f'<path d="{teil}" fill="#1d3f73" stroke="#1d3f73" stroke-width="1"/></svg>')


def _massnahmen(kontext: Kontext, seite: str, stadtteil: str) -> str:
    eigene = kontext.plan.massnahmen_for_stadtteil(stadtteil)
    gesamt = [m for m in kontext.plan.massnahmen if m.citywide and m.status in AKTIV]
    liste = "".join(f'<li><a href="{h(verweise.url(seite, verweise.massnahme_seite(m.id)))}">{h(m.titel)}</a> '
                    f"{status_marke(m)}</li>" for m in eigene)
    text = f"<ul>{liste}</ul>" if eigene else "<p>Keine eigene Maßnahme für diesen Stadtteil.</p>"
    if gesamt:
        text += (f'<p>Dazu {len(gesamt)} laufende oder geplante Maßnahmen für die ganze Stadt '
                 f'(<a href="{h(verweise.url(seite, "massnahmen/index.md"))}?stadtteile={h(stadtteil)}">'
                 "Maßnahmen für diesen Stadtteil im Katalog</a>).</p>")
    return text


def _standort(o: Standort) -> str:
    angaben = [("Adresse", o.adresse), ("Geöffnet", o.oeffnungszeiten), ("Kontakt", o.kontakt),
               ("Zugang", o.barrierefreiheit)]
    zeilen = "".join(f"<br>{k}: {h(v)}" for k, v in angaben if v)
    beispiel = " (Beispiel)" if o.beispiel else ""
    return f"<li><strong>{h(o.name)}</strong> – {h(o.art.label)}, {h(o.traeger)}{beispiel}{zeilen}</li>"


def _sitzung(kontext: Kontext, seite: str, sitzung: Sitzung | None) -> str:
    if sitzung is None:
        return "<p>Zurzeit ist keine Sitzung angekündigt.</p>"
    ort = f", {h(sitzung.ort)}" if sitzung.ort else ""
    beispiel = " (Beispiel)" if sitzung.beispiel else ""
    return (f'<p><a href="{h(verweise.url(seite, "sitzungen.md"))}#{h(sitzung.id)}">{h(datum(sitzung.datum))}: '
            f"{h(sitzung.titel)}</a> – {h(kontext.plan.gremium(sitzung.gremium).label)}{ort}{beispiel}</p>")


def stadtteilkarte(kontext: Kontext, stadtteil: str, heute: dt.date) -> str:
    """The card as Markdown: a heading, then one HTML block."""
    seite = verweise.stadtteil_seite(stadtteil)
    name = kontext.namen[stadtteil]
    orte = standorte_in(kontext, stadtteil)
    standorte = (f"<ul>{''.join(_standort(o) for o in orte)}</ul>" if orte
                 else "<p>Kein Standort in diesem Stadtteil.</p>" if kontext.atlas.standorte_erfasst
                 else f"<p>{NICHT_ERFASST}</p>")
    ls = verweise.url(seite, ls_profil_seite(stadtteil))
    vergleich = verweise.url(seite, VERGLEICH) + f"?a={stadtteil}"
    karte = (
        '<div class="srp-stadtteilkarte">'
        f'<figure class="srp-lagekarte-rahmen">{lagekarte(kontext, stadtteil)}'
        f"<figcaption>Lage von {h(name)} in der Stadt</figcaption></figure>"
        '<dl class="srp-urteil">'
        f"<dt>Unterstützungsbedarf</dt><dd>{h(bedarf_satz(kontext, stadtteil))}</dd>"
        f"<dt>Entwicklung</dt><dd>{h(trend_satz(kontext, stadtteil))}</dd>"
        f'<dt>Ergebnis der Bedarfsermittlung</dt><dd class="srp-bedarf-urteil">{h(bedarf_urteil(kontext, stadtteil))}</dd>'
        f"<dt>Maßnahmen</dt><dd>{_massnahmen(kontext, seite, stadtteil)}</dd>"
        f"<dt>Anlaufstellen</dt><dd>{standorte}</dd>"
        f"<dt>Nächste Sitzung</dt><dd>{_sitzung(kontext, seite, naechste_sitzung(kontext, stadtteil, heute))}</dd>"
        "</dl>"
        f'<p class="srp-stadtteilkarte-links"><a class="srp-ls-profil" href="{h(ls)}">{h(name)} in Leichter Sprache</a>'
        f' · <a href="{h(vergleich)}">{h(name)} mit einem anderen Stadtteil vergleichen</a></p>'
        "</div>"
    )
    return f"## Auf einen Blick\n\n{markieren(karte)}\n\n"


LS_ORDNER = "leichte-sprache/stadtteile"
VERGLEICH = f"{verweise.ORDNER}/vergleich.md"


def ls_profil_seite(stadtteil: str) -> str:
    return f"{LS_ORDNER}/{stadtteil}.md"
