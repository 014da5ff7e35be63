"""The plan as typed data. A field's name is its YAML key, German and without aliases, so
`titel:` in a file is `massnahme.titel` in the code and `title:` is an unknown key.

Every field carries a German `title` (a short label) and `description` (help for editors):
the JSON schemas for editors, the questions of `sozialraumplan neu` and the field names in
`sozialraumplan diff` are all made from them (`modellfelder.py`), never kept beside them.

Only shape, types and value ranges live here. Rules that look across files (references,
unique ids) live in `pruefung.py`, so each model can be validated file by file.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

ID_MUSTER = r"^[A-Za-z0-9][A-Za-z0-9_-]*$"
GESAMTSTADT = "gesamtstadt"

HTML_TAG = re.compile(r"<\s*/?\s*(?!(?:https?://|mailto:)[^\s>]+>)[A-Za-z!?][^>]*>?")
"""An HTML tag or comment; Markdown autolinks like <https://…> are not tags."""
SKRIPT_LINK = re.compile(r"\]\(\s*(javascript|data|vbscript):", re.IGNORECASE)
_JAHR_MONAT = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def _ohne_html(text: str) -> str:
    """Text fields are Markdown only: HTML or script would reach readers as live markup."""
    if HTML_TAG.search(text):
        raise ValueError("html")
    if SKRIPT_LINK.search(text):
        raise ValueError("skriptlink")
    return text


Text = Annotated[str, Field(min_length=1), AfterValidator(_ohne_html)]
"""A non-empty plain or Markdown text without HTML."""

Kennung = Annotated[str, Field(pattern=ID_MUSTER)]
"""An id as used in file names and references."""


def _jahr_monat(wert: str) -> str:
    if not _JAHR_MONAT.match(wert):
        raise ValueError("jahr_monat")
    return wert


JahrMonat = Annotated[str, AfterValidator(_jahr_monat)]
"""A month as `YYYY-MM`."""


class Modell(BaseModel):
    """Common settings: field names are the YAML keys (no aliases), unknown keys are errors,
    values are frozen, and numbers are finite (`.inf` or `.nan` would turn every computed
    figure into „nan“)."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=False, allow_inf_nan=False)


class Status(str, Enum):
    GEPLANT = "geplant"
    IN_UMSETZUNG = "in_umsetzung"
    UMGESETZT = "umgesetzt"
    ZURUECKGESTELLT = "zurueckgestellt"
    VERWORFEN = "verworfen"

    @property
    def label(self) -> str:
        return {
            "geplant": "geplant",
            "in_umsetzung": "in Umsetzung",
            "umgesetzt": "umgesetzt",
            "zurueckgestellt": "zurückgestellt",
            "verworfen": "verworfen",
        }[self.value]


class Prioritaet(str, Enum):
    HOCH = "hoch"
    MITTEL = "mittel"
    NIEDRIG = "niedrig"

    @property
    def label(self) -> str:
        return self.value


class Ebene(str, Enum):
    VERWALTUNG = "verwaltung"
    QUARTIER = "quartier"
    ZWISCHEN = "zwischen"

    @property
    def label(self) -> str:
        return {
            "verwaltung": "in der Stadtverwaltung",
            "quartier": "in den Quartieren und Sozialräumen",
            "zwischen": "zwischen Verwaltung und Quartieren",
        }[self.value]


class Kontakt(Modell):
    """Who answers questions about the plan."""

    name: Text = Field(title="Name", description="Die Stelle oder Person, die Fragen zum Plan beantwortet.")
    e_mail: Annotated[str, Field(pattern=r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")] = Field(
        title="E-Mail", description="Die E-Mail-Adresse für Fragen und Hinweise, z. B. sozialraumplanung@erfurt.de.")
    telefon: Text | None = Field(default=None, title="Telefon", description="Eine Telefonnummer (freiwillig).")
    adresse: Text | None = Field(default=None, title="Adresse", description="Die Postanschrift (freiwillig).")


LeichteSprache = Annotated[Text, Field(title="Leichte Sprache",
                                       description="Derselbe Inhalt in Leichter Sprache: kurze Sätze, "
                                                   "ein Satz pro Zeile.")]
"""The same content in Leichter Sprache, as every entry of the plan has it."""
TitelLeichteSprache = Annotated[Text | None, Field(title="Titel in Leichter Sprache",
                                                   description="Ein kurzer Titel in Leichter Sprache (freiwillig); "
                                                               "sonst steht der Titel selbst dort.")]


class Beschlussvorlage(Modell):
    """What the Stadtrat decides on: the Drucksache that puts this Fortschreibung before it."""

    drucksache: Text = Field(title="Drucksache", description="Die Nummer der Drucksache im Ratsinformationssystem, "
                                                             "z. B. „DS 1234/26“.")
    titel: Text = Field(title="Titel", description="Der Titel der Drucksache, wie ihn die Tagesordnung nennt.")
    beschlussvorschlag: Text = Field(title="Beschlussvorschlag",
                                     description="Der Satz, über den der Stadtrat abstimmt (z. B. „Der Stadtrat "
                                                 "beschließt die Fortschreibung 2026 des Integrierten "
                                                 "Sozialraumplans.“)")
    sitzung: dt.date | None = Field(default=None, title="Sitzung",
                                    description="Der Tag der Sitzung des Stadtrats, als JJJJ-MM-TT (freiwillig).")


class PlanInfo(Modell):
    """`plan/plan.yml`: what plan this is and who publishes it."""

    stadt: Text = Field(title="Stadt", description="Der Name der Stadt, z. B. Erfurt.")
    titel: Text = Field(title="Titel", description="Der Titel des Plans, wie ihn Startseite und PDF zeigen.")
    fortschreibung: Text = Field(title="Fortschreibung",
                                 description="Welche Fassung des Plans das ist, z. B. „Entwurf 2026“.")
    stand: dt.date = Field(title="Stand", description="Das Datum, auf dem der Plan beruht, als JJJJ-MM-TT.")
    herausgeber: Text = Field(title="Herausgeber",
                              description="Wer den Plan herausgibt, z. B. „Landeshauptstadt Erfurt, Amt für Soziales“.")
    kontakt: Kontakt = Field(title="Kontakt",
                             description="An wen sich Leserinnen und Leser wenden: Name, E-Mail, "
                                         "freiwillig Telefon und Adresse.")
    beispieldaten: bool = Field(title="Beispieldaten",
                                description="true, solange der Plan erfundene Beispiele enthält; "
                                            "die Website weist dann auf jeder Seite darauf hin.")
    einleitung: Text | None = Field(default=None, title="Einleitung",
                                    description="Der einleitende Text der Startseite, in Markdown (freiwillig).")
    leichte_sprache: Text | None = Field(default=None, title="Leichte Sprache",
                                         description="Die Einleitung in Leichter Sprache: kurze Sätze, "
                                                     "ein Satz pro Zeile (freiwillig).")
    vergleich_mit: Annotated[str, Field(pattern=r"^[^\s~^:?*\[\\]+$")] | None = Field(
        default=None, title="Vergleich mit",
        description="Die Fassung in Git (Tag, Branch oder Commit), mit der die Seite „Änderungen“ "
                    "vergleicht; ohne Angabe die vorige Fassung.")
    beschlussvorlage: Beschlussvorlage | None = Field(
        default=None, title="Beschlussvorlage",
        description="Die Drucksache, mit der der Stadtrat über diese Fortschreibung beschließt: Nummer, Titel, "
                    "Beschlussvorschlag und Tag der Sitzung (freiwillig). Sie steht auf dem Deckblatt des PDF "
                    "und über der Synopse.")
    adresse: Annotated[str, Field(pattern=r"^https://[^\s<>\"']+$")] | None = Field(
        default=None, title="Adresse",
        description="Die Adresse, unter der die Website veröffentlicht ist, z. B. https://sozialraumplan.erfurt.de/ "
                    "(freiwillig). Das PDF nennt sie mit QR-Code auf dem Deckblatt; ohne Angabe gilt die Adresse "
                    "aus SOZIALRAUMPLAN_ADRESSE (site_url).")


class Leitlinie(Modell):
    """One sozialpolitische Leitlinie."""

    id: Kennung = Field(title="Kennung", description="Die Kennung wie im Dateinamen, z. B. L1; "
                                                     "Maßnahmen nennen sie unter „leitlinien“.")
    nummer: int = Field(ge=1, le=999, title="Nummer",
                        description="Die Nummer, nach der die Leitlinien geordnet sind (1 bis 999).")
    titel: Text = Field(title="Titel", description="Der Titel der Leitlinie.")
    leitsatz: Text = Field(title="Leitsatz", description="Das Ziel der Leitlinie in einem oder zwei Sätzen.")
    erlaeuterung: Text = Field(title="Erläuterung", description="Was die Leitlinie bedeutet, in Markdown.")
    leichte_sprache: LeichteSprache
    titel_leichte_sprache: TitelLeichteSprache = None
    themen: list[Text] = Field(default_factory=list, title="Themen",
                               description="Themen aus der Beteiligung, ein Eintrag je Thema (freiwillig).")


class Zeitraum(Modell):
    """When a Maßnahme runs."""

    beginn: JahrMonat = Field(title="Beginn", description="Der Monat, in dem die Maßnahme beginnt, "
                                                          "als \"JJJJ-MM\" in Anführungszeichen, z. B. \"2025-03\".")
    ende: JahrMonat | None = Field(default=None, title="Ende",
                                   description="Der Monat, in dem sie endet, als \"JJJJ-MM\" "
                                               "(freiwillig: ohne Ende läuft sie auf Dauer).")

    @model_validator(mode="after")
    def _ende_nach_beginn(self) -> Zeitraum:
        if self.ende is not None and self.ende < self.beginn:
            raise ValueError("ende_vor_beginn")
        return self


class Meilenstein(Modell):
    """An intermediate goal of a Maßnahme."""

    datum: dt.date = Field(title="Datum", description="Der Tag, an dem der Meilenstein erreicht ist oder "
                                                      "erreicht sein soll, als JJJJ-MM-TT.")
    titel: Text = Field(title="Titel", description="Was bis dahin geschafft sein soll.")
    erreicht: bool = Field(default=False, title="Erreicht",
                           description="true, wenn der Meilenstein erreicht ist (ohne Angabe: noch nicht).")


class Wirkungsrichtung(str, Enum):
    SINKEN = "sinken"
    STEIGEN = "steigen"

    @property
    def label(self) -> str:
        return {"sinken": "sinken", "steigen": "steigen"}[self.value]


class Wirkung(Modell):
    """Which atlas indicators a Maßnahme is meant to move, and which way."""

    indikatoren: list[Kennung] = Field(min_length=1, title="Indikatoren",
                                       description="Die Kennungen der Indikatoren aus data/indikatoren.yml, "
                                                   "z. B. [kinderarmut, sgb2_quote].")
    richtung: Wirkungsrichtung = Field(title="Richtung", description="Wohin sich die Indikatoren in den Stadtteilen der "
                                                             "Maßnahme bewegen sollen: sinken oder steigen.")


class Massnahme(Modell):
    """One Maßnahme of the plan: what, where, when, by whom, how far."""

    id: Kennung = Field(title="Kennung", description="Die Kennung wie im Dateinamen, z. B. M001.")
    titel: Text = Field(title="Titel", description="Der Titel der Maßnahme.")
    leitlinien: list[Kennung] = Field(min_length=1, title="Leitlinien",
                                      description="Die Kennungen der Leitlinien, zu denen die Maßnahme "
                                                  "beiträgt, z. B. [L1, L3].")
    stadtteile: list[Kennung] = Field(min_length=1, title="Stadtteile",
                                      description="Die Kennungen der Stadtteile aus data/stadtteile.csv "
                                                  "oder „gesamtstadt“, z. B. [rieth, herrenberg].")
    beschreibung: Text = Field(title="Beschreibung", description="Was die Maßnahme tut und warum, in Markdown.")
    leichte_sprache: LeichteSprache
    titel_leichte_sprache: TitelLeichteSprache = None
    verantwortlich: Text = Field(title="Verantwortlich",
                                 description="Das Amt oder die Stelle, die die Maßnahme verantwortet.")
    beteiligte: list[Text] = Field(default_factory=list, title="Beteiligte",
                                   description="Wer außerdem mitwirkt, ein Eintrag je Beteiligtem (freiwillig).")
    zeitraum: Zeitraum = Field(title="Zeitraum", description="Beginn und, falls bekannt, Ende der Maßnahme.")
    status: Status = Field(title="Status", description="Der Stand der Umsetzung: geplant, in_umsetzung, "
                                                       "umgesetzt, zurueckgestellt oder verworfen.")
    fortschritt: int = Field(ge=0, le=100, title="Fortschritt",
                             description="Wie weit die Maßnahme umgesetzt ist, in Prozent von 0 bis 100; "
                                         "eine umgesetzte Maßnahme hat 100.")
    prioritaet: Prioritaet = Field(title="Priorität", description="Wie dringend die Maßnahme ist: "
                                                                  "hoch, mittel oder niedrig.")
    finanzierung: Text = Field(title="Finanzierung", description="Woraus die Maßnahme bezahlt wird, "
                                                                 "z. B. Haushaltsmittel oder ein Förderprogramm.")
    gremium: Kennung = Field(title="Gremium", description="Die Kennung des Gremiums, das die Maßnahme "
                                                          "begleitet, wie der Dateiname in plan/gremien/.")
    zuletzt_geprueft: dt.date = Field(title="Zuletzt geprüft",
                                      description="Der Tag, an dem das Begleitgremium die Maßnahme zuletzt "
                                                  "geprüft hat, als JJJJ-MM-TT.")
    beispiel: bool = Field(default=False, title="Beispiel",
                           description="true für eine erfundene Maßnahme; die Website kennzeichnet sie als Beispiel.")
    meilensteine: list[Meilenstein] = Field(
        default_factory=list, title="Meilensteine",
        description="Zwischenziele der Maßnahme, je Eintrag datum, titel und erreicht (freiwillig).")
    wirkung: Wirkung | None = Field(
        default=None, title="Wirkung",
        description="Welche Indikatoren des Atlas die Maßnahme bewegen soll und in welche Richtung (freiwillig).")

    @model_validator(mode="after")
    def _umgesetzt_heisst_fertig(self) -> Massnahme:
        if self.status is Status.UMGESETZT and self.fortschritt != 100:
            raise ValueError("umgesetzt_ohne_100")
        return self

    @property
    def citywide(self) -> bool:
        return GESAMTSTADT in self.stadtteile


class Gremium(Modell):
    """A committee or working format of the planning process."""

    id: Kennung = Field(title="Kennung", description="Die Kennung wie im Dateinamen, z. B. begleitgremium.")
    name: Text = Field(title="Name", description="Der Name des Gremiums.")
    kurzname: Text | None = Field(default=None, title="Kurzname",
                                  description="Ein kurzer Name für Übersichten und das Organigramm (freiwillig).")
    ebene: Ebene = Field(title="Ebene", description="Wo das Gremium arbeitet: verwaltung, quartier oder "
                                                    "zwischen (zwischen Verwaltung und Quartieren).")
    beschreibung: Text = Field(title="Beschreibung", description="Was das Gremium ist und tut, in Markdown.")
    leichte_sprache: LeichteSprache
    titel_leichte_sprache: TitelLeichteSprache = None
    mitglieder: list[Text] = Field(default_factory=list, title="Mitglieder",
                                   description="Wer dem Gremium angehört, ein Eintrag je Mitglied (freiwillig).")
    aufgaben: list[Text] = Field(min_length=1, title="Aufgaben",
                                 description="Die Aufgaben des Gremiums, ein Eintrag je Aufgabe.")
    turnus: Text = Field(title="Turnus", description="Wie oft das Gremium tagt, z. B. „viermal im Jahr“.")
    einberufen_von: Text = Field(title="Einberufen von", description="Wer zu den Sitzungen einlädt.")
    berichtet_an: list[Kennung] = Field(default_factory=list, title="Berichtet an",
                                        description="Die Kennungen der Gremien, denen dieses Gremium "
                                                    "berichtet (freiwillig).")
    berichtet_an_extern: list[Text] = Field(default_factory=list, title="Berichtet an (extern)",
                                            description="Wem das Gremium außerdem berichtet, ohne dass es ein "
                                                        "Gremium des Plans ist, z. B. dem Stadtrat (freiwillig).")

    @property
    def label(self) -> str:
        return self.kurzname or self.name


class BeschlussArt(str, Enum):
    BEWERTUNG = "bewertung"
    PRIORISIERUNG = "priorisierung"
    STANDORTEMPFEHLUNG = "standortempfehlung"
    EMPFEHLUNG = "empfehlung"
    STELLUNGNAHME = "stellungnahme"

    @property
    def label(self) -> str:
        return {
            "bewertung": "Bewertung",
            "priorisierung": "Priorisierung",
            "standortempfehlung": "Standortempfehlung",
            "empfehlung": "Empfehlung",
            "stellungnahme": "Stellungnahme",
        }[self.value]


class Standortangabe(Modell):
    """A (potential) location a decision is about."""

    name: Text = Field(title="Name", description="Wie der Standort heißt, z. B. „Nachbarschaftstreff am Markt“.")
    breite: float | None = Field(default=None, ge=-90, le=90, title="Breite",
                                 description="Die geographische Breite (WGS84), z. B. 50.99; mit der Länge "
                                             "erscheint der Standort auf der Karte (freiwillig).")
    laenge: float | None = Field(default=None, ge=-180, le=180, title="Länge",
                                 description="Die geographische Länge (WGS84), z. B. 11.03 (freiwillig).")

    @model_validator(mode="after")
    def _beide_koordinaten(self) -> Standortangabe:
        if (self.breite is None) != (self.laenge is None):
            raise ValueError("koordinaten_paar")
        return self


class Betrifft(Modell):
    """What a decision concerns; at least one of the fields."""

    massnahmen: list[Kennung] = Field(default_factory=list, title="Maßnahmen",
                                      description="Die Kennungen der Maßnahmen; bei einer Priorisierung in der "
                                                  "Reihenfolge der Rangfolge, die wichtigste zuerst.")
    stadtteile: list[Kennung] = Field(default_factory=list, title="Stadtteile",
                                      description="Die Kennungen der Stadtteile aus data/stadtteile.csv.")
    leitlinien: list[Kennung] = Field(default_factory=list, title="Leitlinien",
                                      description="Die Kennungen der Leitlinien, z. B. [L2].")
    standort: Standortangabe | None = Field(default=None, title="Standort",
                                            description="Ein (möglicher) Standort: name, freiwillig breite und laenge.")
    vorhaben: Text | None = Field(default=None, title="Vorhaben",
                                  description="Ein Vorhaben außerhalb des Plans, z. B. eine Fachplanung, in Worten.")

    @model_validator(mode="after")
    def _nicht_leer(self) -> Betrifft:
        if not (self.massnahmen or self.stadtteile or self.leitlinien or self.standort or self.vorhaben):
            raise ValueError("betrifft_leer")
        return self


class Abstimmung(Modell):
    """How the members voted."""

    dafuer: int = Field(ge=0, title="Dafür", description="Die Zahl der Stimmen dafür.")
    dagegen: int = Field(default=0, ge=0, title="Dagegen", description="Die Zahl der Stimmen dagegen.")
    enthaltungen: int = Field(default=0, ge=0, title="Enthaltungen", description="Die Zahl der Enthaltungen.")


class Beschluss(Modell):
    """One decision of a Sitzung: an assessment, a ranking, a recommendation or a statement."""

    art: BeschlussArt = Field(title="Art", description="bewertung, priorisierung, standortempfehlung, empfehlung "
                                                       "oder stellungnahme.")
    betrifft: Betrifft = Field(title="Betrifft", description="Worauf sich der Beschluss bezieht: massnahmen, "
                                                             "stadtteile, leitlinien, standort oder vorhaben.")
    ergebnis: Text = Field(title="Ergebnis", description="Was das Gremium beschlossen hat, in klaren Sätzen.")
    begruendung: Text | None = Field(default=None, title="Begründung",
                                     description="Warum, z. B. die Gründe einer Rangfolge (freiwillig).")
    abstimmung: Abstimmung | None = Field(default=None, title="Abstimmung",
                                          description="Wie abgestimmt wurde: dafuer, dagegen, enthaltungen "
                                                      "(freiwillig).")
    beispiel: bool = Field(default=False, title="Beispiel",
                           description="true für einen erfundenen Beschluss; die Website kennzeichnet ihn als "
                                       "Beispiel.")

    @model_validator(mode="after")
    def _passt_zur_art(self) -> Beschluss:
        if self.art is BeschlussArt.PRIORISIERUNG and not self.betrifft.massnahmen:
            raise ValueError("priorisierung_ohne_massnahmen")
        if self.art is BeschlussArt.STANDORTEMPFEHLUNG and not self.betrifft.stadtteile:
            raise ValueError("standortempfehlung_ohne_stadtteil")
        return self


class Sitzung(Modell):
    """One meeting of a Gremium."""

    id: Kennung = Field(title="Kennung", description="Die Kennung wie im Dateinamen: Datum und Gremium, "
                                                     "z. B. 2026-03-15-begleitgremium.")
    datum: dt.date = Field(title="Datum", description="Der Tag der Sitzung, als JJJJ-MM-TT.")
    gremium: Kennung = Field(title="Gremium", description="Die Kennung des Gremiums, das getagt hat.")
    titel: Text = Field(title="Titel", description="Der Titel der Sitzung.")
    ort: Text | None = Field(default=None, title="Ort", description="Wo die Sitzung stattfand (freiwillig).")
    themen: list[Text] = Field(default_factory=list, title="Themen",
                               description="Worüber gesprochen wurde, ein Eintrag je Thema (freiwillig).")
    ergebnisse: list[Text] = Field(default_factory=list, title="Ergebnisse",
                                   description="Was beschlossen oder vereinbart wurde, ein Eintrag je Ergebnis "
                                               "(freiwillig).")
    beispiel: bool = Field(default=False, title="Beispiel",
                           description="true für eine erfundene Sitzung; die Website kennzeichnet sie als Beispiel.")
    beschluesse: list[Beschluss] = Field(
        default_factory=list, title="Beschlüsse",
        description="Was das Gremium bewertet, priorisiert, empfohlen oder Stellung genommen hat, je Eintrag "
                    "art, betrifft und ergebnis (freiwillig).")


class Begriff(Modell):
    """One glossary entry; with an abbreviation it is expanded wherever it occurs."""

    begriff: Text = Field(title="Begriff", description="Der Begriff, wie er im Glossar steht.")
    abkuerzung: Annotated[str, Field(pattern=r"^[^\s\]\[]+( [^\s\]\[]+)*$")] | None = Field(
        default=None, title="Abkürzung",
        description="Die Abkürzung des Begriffs; die Website erklärt sie überall, wo sie vorkommt (freiwillig).")
    erklaerung: Text = Field(title="Erklärung", description="Was der Begriff bedeutet.")
    leichte_sprache: Text | None = Field(default=None, title="Leichte Sprache",
                                         description="Die Erklärung in Leichter Sprache, ein Satz pro Zeile; "
                                                     "damit kommt der Begriff ins Wörterbuch in Leichter "
                                                     "Sprache (freiwillig).")


class Glossar(Modell):
    """`plan/glossar.yml`."""

    begriffe: list[Begriff] = Field(title="Begriffe",
                                    description="Die Einträge des Glossars, jeder beginnt mit „- begriff: …“.")


class Stadtteil(Modell):
    """A district as listed in `data/stadtteile.csv`."""

    id: Kennung = Field(title="Kennung", description="Die Kennung des Stadtteils, mit der Maßnahmen und "
                                                     "Atlasdateien ihn nennen, z. B. rieth.")
    nummer: str = Field(title="Nummer", description="Die amtliche Nummer des Stadtteils.")
    name: Text = Field(title="Name", description="Der Name des Stadtteils.")


DRUCKSACHE_MUSTER = r"^\d{4}/\d{2}$"
"""A Drucksache of the city council as Erfurt numbers it: four digits, slash, year (`0554/22`)."""


class Foerderbeschluss(Modell):
    """The committee's decision on a funding application (public once it is taken)."""

    datum: dt.date = Field(title="Datum", description="Der Tag des Beschlusses im Ausschuss für Soziales, "
                                                      "Arbeitsmarkt und Gleichstellung, als JJJJ-MM-TT.")
    drucksache: Annotated[str, Field(pattern=DRUCKSACHE_MUSTER)] = Field(
        title="Drucksache", description="Die Nummer der Drucksache des Beschlusses, z. B. 1234/26.")


class Foerderzeitraum(Modell):
    """From when to when a project is funded."""

    beginn: dt.date = Field(title="Beginn", description="Der erste Tag der Förderung, als JJJJ-MM-TT.")
    ende: dt.date = Field(title="Ende", description="Der letzte Tag der Förderung, als JJJJ-MM-TT.")

    @model_validator(mode="after")
    def _ende_nach_beginn(self) -> Foerderzeitraum:
        if self.ende < self.beginn:
            raise ValueError("ende_vor_beginn")
        return self


class Foerderprojekt(Modell):
    """A project funded under the FRL Soziales, as published after the committee's decision:
    only public fields. `sozialraumplan foerderung veroeffentlichen` writes these files."""

    id: Kennung = Field(title="Kennung", description="Die Kennung wie im Dateinamen, z. B. 2026-stadtteilcafe.")
    jahr: int = Field(ge=2000, le=2100, title="Förderjahr", description="Das Jahr der Förderrunde, z. B. 2026.")
    traeger: Text = Field(title="Träger", description="Der freie Träger, der das Projekt durchführt.")
    projekt: Text = Field(title="Projekt", description="Der Name des Projekts.")
    stadtteile: list[Kennung] = Field(min_length=1, title="Stadtteile",
                                      description="Die Kennungen der Stadtteile aus data/stadtteile.csv "
                                                  "oder „gesamtstadt“.")
    leitlinien: list[Kennung] = Field(min_length=1, title="Leitlinien",
                                      description="Die Kennungen der Leitlinien, zu denen das Projekt beiträgt.")
    bewilligte_summe: float = Field(gt=0, le=100_000_000, title="Bewilligte Summe",
                                    description="Die bewilligte Fördersumme in Euro, z. B. 12500.50.")
    zeitraum: Foerderzeitraum = Field(title="Zeitraum", description="Beginn und Ende der Förderung.")
    beschluss: Foerderbeschluss = Field(title="Beschluss", description="Datum und Drucksache des Beschlusses.")
    beispiel: bool = Field(default=False, title="Beispiel",
                           description="true für ein erfundenes Projekt; die Website kennzeichnet es als Beispiel.")


class Plan(Modell):
    """The whole plan, validated and cross-checked. Collections are sorted by id.

    No file has this shape, so two of its names are not YAML keys: `info` holds `plan/plan.yml`
    (named after the file, it would read `plan.plan`; „Info“ is German too, and the docs pages
    and the PDF template say `plan.info.titel`), and `quellen` names the file each entity came
    from, as `Atlas.quellen` does for the atlas. The others are named after the folders and
    files they are read from (`plan/massnahmen/` → `massnahmen`, `plan/glossar.yml` → `glossar`)."""

    info: PlanInfo
    leitlinien: tuple[Leitlinie, ...]
    massnahmen: tuple[Massnahme, ...]
    gremien: tuple[Gremium, ...]
    sitzungen: tuple[Sitzung, ...]
    glossar: Glossar
    stadtteile: tuple[Stadtteil, ...]
    quellen: dict[str, str] = Field(default_factory=dict)
    """Entity key (e.g. `massnahme:M001`) → repository path of the file it came from."""
    foerderprojekte: tuple[Foerderprojekt, ...] = ()
    """Funded projects (FRL Soziales), from `plan/foerderprojekte/`, by year and id."""

    def leitlinie(self, ident: str) -> Leitlinie:
        return next(x for x in self.leitlinien if x.id == ident)

    def gremium(self, ident: str) -> Gremium:
        return next(x for x in self.gremien if x.id == ident)

    def stadtteil(self, ident: str) -> Stadtteil:
        return next(x for x in self.stadtteile if x.id == ident)

    def stadtteil_name(self, ident: str) -> str:
        return "Gesamtstadt" if ident == GESAMTSTADT else self.stadtteil(ident).name

    def massnahmen_for_leitlinie(self, ident: str) -> list[Massnahme]:
        return [m for m in self.massnahmen if ident in m.leitlinien]

    def massnahmen_for_stadtteil(self, ident: str) -> list[Massnahme]:
        return [m for m in self.massnahmen if ident in m.stadtteile]

    def sitzungen_for_gremium(self, ident: str) -> list[Sitzung]:
        return sorted((s for s in self.sitzungen if s.gremium == ident), key=lambda s: s.datum)

    def foerderprojekte_for_leitlinie(self, ident: str) -> list[Foerderprojekt]:
        return [p for p in self.foerderprojekte if ident in p.leitlinien]

    def foerderprojekte_for_stadtteil(self, ident: str) -> list[Foerderprojekt]:
        """Projects in the district, and those for the whole city."""
        return [p for p in self.foerderprojekte if ident in p.stadtteile or GESAMTSTADT in p.stadtteile]
