"""The non-public side of the FRL Soziales: funding rounds and applications as typed data.

These files never live in the public plan repository but in a separate folder (in practice a
private repository checked out beside it), given by `--intern` or `SOZIALRAUMPLAN_INTERN`:

    foerderantraege/<jahr>/runde.yml    the round: budget and the Begleitgremium's criteria
    foerderantraege/<jahr>/<id>.yml     one application each

As in the public plan, a field's name is its YAML key. Amounts are written as editors write
them in German (`"12.500,50 €"`) or as plain numbers (`12500.5`); see `betrag_lesen`.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Annotated

from pydantic import BeforeValidator, Field, model_validator

from ..model import Foerderbeschluss, Foerderprojekt, Foerderzeitraum, Kennung, Modell, Text

CENT = Decimal("0.01")
HOECHSTER_BETRAG = Decimal("100000000")
_DEUTSCH = re.compile(r"^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$")
_PUNKT = re.compile(r"^\d+(?:\.\d{1,2})?$")
_WAEHRUNG = re.compile(r"\s*(€|EUR|Euro)$", re.IGNORECASE)


def betrag_lesen(wert: object) -> Decimal:
    """An amount in euros: a YAML number, or text in German form („12.500,50 €“, „12500,50“,
    „12 500 €“) or with a decimal point and at most two places („12500.50“). Whole cents only."""
    if isinstance(wert, bool):
        raise ValueError("betrag")
    if isinstance(wert, int):
        zahl = Decimal(wert)
    elif isinstance(wert, float):
        zahl = Decimal(repr(wert))
    elif isinstance(wert, str):
        text = _WAEHRUNG.sub("", wert.strip()).replace("\u00a0", "").replace(" ", "")
        deutsch, punkt = _DEUTSCH.match(text), _PUNKT.match(text)
        if deutsch:
            zahl = Decimal(deutsch.group(1).replace(".", "") + "." + (deutsch.group(2) or "0"))
        elif punkt:
            zahl = Decimal(text)
        else:
            raise ValueError("betrag")
    else:
        raise ValueError("betrag")
    try:
        if not zahl.is_finite() or zahl != zahl.quantize(CENT):
            raise ValueError("betrag_cent")
    except InvalidOperation:
        raise ValueError("betrag") from None
    if zahl < 0 or zahl > HOECHSTER_BETRAG:
        raise ValueError("betrag_bereich")
    return zahl.quantize(CENT)


Betrag = Annotated[Decimal, BeforeValidator(betrag_lesen)]
"""Euros with whole cents, from 0 to 100 Mio."""

BETRAG_SCHLUESSEL = ("budget", "beantragte_summe", "gesamtkosten", "betrag", "eigenmittel", "drittmittel", "summe")
"""Keys whose values are amounts (the loader checks how they are written, see `laden`)."""


class Kriterium(Modell):
    """One criterion the Begleitgremium assesses every application against."""

    id: Kennung = Field(title="Kennung", description="Kurze Kennung, unter der die Anträge ihre Punkte nennen.")
    name: Text = Field(title="Name", description="Der Name des Kriteriums, z. B. „Bedarf in den Stadtteilen“.")
    beschreibung: Text = Field(title="Beschreibung", description="Worauf das Gremium bei diesem Kriterium achtet.")
    gewicht: float = Field(gt=0, le=100, title="Gewicht", description="Wie stark das Kriterium zählt, z. B. 2.")
    hoechstpunkte: int = Field(ge=1, le=100, title="Höchstpunkte", description="Die höchste Punktzahl, z. B. 5.")
    aus_sozialindex: bool = Field(
        default=False, title="Aus dem Sozialindex",
        description="true: Die Punkte ergeben sich aus der Klasse der Stadtteile im Sozialindex des Atlas "
                    "(die höchste Klasse unter den Stadtteilen des Antrags); das Gremium vergibt sie nicht selbst.")


class Runde(Modell):
    """`foerderantraege/<jahr>/runde.yml`: one yearly funding round."""

    jahr: int = Field(ge=2000, le=2100, title="Jahr", description="Das Förderjahr, wie der Ordnername.")
    titel: Text = Field(title="Titel", description="Der Titel der Runde, z. B. „FRL Soziales 2026“.")
    budget: Betrag = Field(title="Budget", description="Die verfügbaren Mittel in Euro, z. B. \"250.000,00 €\".")
    sitzung: dt.date | None = Field(default=None, title="Sitzung",
                                    description="Der Tag der Sitzung des Begleitgremiums zur Runde (freiwillig).")
    kriterien: list[Kriterium] = Field(min_length=1, title="Kriterien",
                                       description="Die Kriterien der Bewertung, je Eintrag „- id: …“.")
    beispiel: bool = Field(default=False, title="Beispiel", description="true für eine erfundene Runde.")


class Formal(str, Enum):
    ERFUELLT = "erfuellt"
    NACHFORDERUNG = "nachforderung"
    NICHT_ERFUELLT = "nicht_erfuellt"

    @property
    def label(self) -> str:
        return {"erfuellt": "erfüllt", "nachforderung": "Unterlagen nachgefordert",
                "nicht_erfuellt": "nicht erfüllt"}[self.value]


class Votum(str, Enum):
    FOERDERN = "foerdern"
    TEILWEISE = "teilweise"
    NICHT_FOERDERN = "nicht_foerdern"

    @property
    def label(self) -> str:
        return {"foerdern": "fördern", "teilweise": "teilweise fördern", "nicht_foerdern": "nicht fördern"}[self.value]


class Kostenposten(Modell):
    posten: Text = Field(title="Posten", description="Wofür das Geld ist, z. B. „Personal (0,5 Stellen)“.")
    betrag: Betrag = Field(title="Betrag", description="Der Betrag in Euro.")


class Finanzierung(Modell):
    """How the total costs are covered besides the funding applied for."""

    eigenmittel: Betrag = Field(default=Decimal(0), title="Eigenmittel", description="Eigene Mittel des Trägers.")
    drittmittel: Betrag = Field(default=Decimal(0), title="Drittmittel", description="Mittel Dritter.")


class Pruefung(Modell):
    """The Quartiersplanungskoordination's check of the application."""

    formal: Formal = Field(title="Formal", description="erfuellt, nachforderung oder nicht_erfuellt.")
    fachlich: Text = Field(title="Fachlich", description="Die fachliche Stellungnahme, in Markdown.")
    geprueft_von: Text = Field(title="Geprüft von", description="Wer geprüft hat.")
    geprueft_am: dt.date = Field(title="Geprüft am", description="Wann, als JJJJ-MM-TT.")


class Bewertung(Modell):
    """The Begleitgremium's assessment: points per criterion of the round and a reason."""

    punkte: dict[str, float] = Field(title="Punkte", description="Punkte je Kriterium der Runde, z. B. leitlinien: 4.")
    begruendung: Text = Field(title="Begründung", description="Warum das Gremium so bewertet, in Markdown.")


class Empfehlung(Modell):
    votum: Votum = Field(title="Votum", description="foerdern, teilweise oder nicht_foerdern.")
    summe: Betrag | None = Field(default=None, title="Summe",
                                 description="Die empfohlene Summe in Euro (bei foerdern und teilweise).")
    begruendung: Text = Field(title="Begründung", description="Die begründete Empfehlung, in Markdown.")

    @model_validator(mode="after")
    def _summe_passt(self) -> Empfehlung:
        if (self.votum is Votum.NICHT_FOERDERN) != (self.summe is None):
            raise ValueError("votum_summe")
        return self


class Bewilligung(Modell):
    """The committee's decision; with it the project can be published."""

    summe: Betrag = Field(title="Summe", description="Die bewilligte Summe in Euro.")
    beschluss: Foerderbeschluss = Field(title="Beschluss", description="Datum und Drucksache des Beschlusses.")


class Antrag(Modell):
    """`foerderantraege/<jahr>/<id>.yml`: one application, its check, assessment and decision."""

    id: Kennung = Field(title="Kennung", description="Die Kennung wie im Dateinamen, mit dem Jahr vorn, "
                                                     "z. B. 2026-stadtteilcafe.")
    jahr: int = Field(ge=2000, le=2100, title="Jahr", description="Das Förderjahr, wie der Ordnername.")
    traeger: Text = Field(title="Träger", description="Der antragstellende freie Träger.")
    projekt: Text = Field(title="Projekt", description="Der Name des Projekts.")
    stadtteile: list[Kennung] = Field(min_length=1, title="Stadtteile",
                                      description="Kennungen aus data/stadtteile.csv oder „gesamtstadt“.")
    leitlinien: list[Kennung] = Field(min_length=1, title="Leitlinien", description="Kennungen der Leitlinien.")
    zeitraum: Foerderzeitraum = Field(title="Zeitraum", description="Beginn und Ende, als JJJJ-MM-TT.")
    ansprechperson: Text = Field(title="Ansprechperson", description="Name und Kontakt beim Träger (nicht öffentlich).")
    vorhaben: Text = Field(title="Vorhaben", description="Was das Projekt tun will, in Markdown (nicht öffentlich).")
    beantragte_summe: Betrag = Field(title="Beantragte Summe", description="Die beantragte Förderung in Euro.")
    gesamtkosten: Betrag = Field(title="Gesamtkosten", description="Die Summe des Kostenplans in Euro.")
    kostenplan: list[Kostenposten] = Field(min_length=1, title="Kostenplan", description="Die Posten der Kosten.")
    finanzierungsplan: Finanzierung = Field(default_factory=Finanzierung, title="Finanzierungsplan",
                                       description="Eigen- und Drittmittel; mit der beantragten Summe ergeben sie "
                                                   "die Gesamtkosten.")
    pruefung: Pruefung | None = Field(default=None, title="Prüfung",
                                      description="Die Prüfung durch die Quartiersplanungskoordination.")
    bewertung: Bewertung | None = Field(default=None, title="Bewertung", description="Die Bewertung des Gremiums.")
    empfehlung: Empfehlung | None = Field(default=None, title="Empfehlung", description="Die Empfehlung des Gremiums.")
    bewilligung: Bewilligung | None = Field(default=None, title="Bewilligung",
                                            description="Der Beschluss des Ausschusses (nach der Sitzung).")
    beispiel: bool = Field(default=False, title="Beispiel", description="true für einen erfundenen Antrag.")

    def oeffentlich(self) -> Foerderprojekt | None:
        """The public fields of a funded project; None while there is no decision."""
        if self.bewilligung is None:
            return None
        return Foerderprojekt(
            id=self.id, jahr=self.jahr, traeger=self.traeger, projekt=self.projekt, stadtteile=list(self.stadtteile),
            leitlinien=list(self.leitlinien), bewilligte_summe=float(self.bewilligung.summe), zeitraum=self.zeitraum,
            beschluss=self.bewilligung.beschluss, beispiel=self.beispiel)


OEFFENTLICH_AUS_ANTRAG = frozenset(Foerderprojekt.model_fields) - {"bewilligte_summe", "beschluss"}
"""The keys of an application that `oeffentlich` copies as they are."""
NICHT_OEFFENTLICH = frozenset(Antrag.model_fields) - OEFFENTLICH_AUS_ANTRAG - {"bewilligung"}
"""Keys of an application that never reach the public plan (budgets, names, check, assessment)."""

EIGENE_REGELN = {
    "betrag": ("Das ist kein Betrag", "schreiben Sie den Betrag in Euro, z. B. \"12.500,50 €\" oder 12500.50"),
    "betrag_cent": ("Der Betrag hat mehr als zwei Nachkommastellen", "runden Sie auf ganze Cent"),
    "betrag_bereich": ("Der Betrag liegt außerhalb von 0 bis 100 Mio. Euro", "prüfen Sie den Betrag"),
    "votum_summe": ("Zum Votum passt die Summe nicht",
                    "nennen Sie bei foerdern und teilweise eine „summe“, bei nicht_foerdern keine"),
}
"""German texts of the validators' codes above (for `meldungen.uebersetzen`)."""
