"""The atlas as typed data: its settings (`data/atlas.yml`), the indicator catalogue
(`data/indikatoren.yml`), the example-data settings (`data/beispieldaten.yml`) and the loaded
values, boundaries and sites.

As in `sozialraumplan.model`, a field's name is its YAML key (German, no aliases), and every
field of a file's model has a German title and description for editors and the JSON schemas.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import AfterValidator, Field, model_validator

from ..model import GESAMTSTADT, Kennung, Modell, Stadtteil, Text
from ..quelle import pfad_im_repository
from ..statistik import Stadtwert

if TYPE_CHECKING:  # only for annotations: loading shapely is not needed to read settings
    from shapely.geometry.base import BaseGeometry

    from .index import Sozialindex

Jahr = Annotated[int, Field(ge=1900, le=2200)]


def _datei_in_data(pfad: str) -> str:
    # The loader reads and the example generator writes these paths: they must not leave data/.
    if not (pfad.startswith("data/") and pfad_im_repository(pfad)) or any(z.isspace() for z in pfad):
        raise ValueError("datei_pfad")
    return pfad


Datei = Annotated[str, AfterValidator(_datei_in_data)]
"""A path inside the repository's `data/` folder (no `..`, no absolute path, no backslash)."""
Anzahl = Annotated[int, Field(ge=0, le=10**9)]
"""A count of people or places: a billion is more than any city has."""
GROESSTER_BETRAG = 1e12
"""No figure of a city's social statistics comes near a trillion; far below it, sums, squares and
powers of values stay exact enough and never overflow."""
Betrag = Annotated[float, Field(ge=-GROESSTER_BETRAG, le=GROESSTER_BETRAG)]
"""A configured number (a limit, a range, a mean)."""
Adresse = Annotated[str, Field(pattern=r"^https://[^\s<>\"']+$")]


def schluessel(stadtteil: Stadtteil, bezug: str) -> str:
    """The district's id or official number (`bezug`), as a boundary or value file names it."""
    return stadtteil.id if bezug == "id" else stadtteil.nummer


class Richtung(str, Enum):
    """Does a higher value of the indicator mean more need?"""

    HOEHER = "hoeher_mehr_bedarf"
    NIEDRIGER = "niedriger_mehr_bedarf"
    NEUTRAL = "ohne_wertung"

    @property
    def vorzeichen(self) -> int:
        """+1 where more means more need, −1 where less does, 0 for context indicators."""
        return {"hoeher_mehr_bedarf": 1, "niedriger_mehr_bedarf": -1, "ohne_wertung": 0}[self.value]

    @property
    def satz(self) -> str:
        return {
            "hoeher_mehr_bedarf": "Ein höherer Wert weist auf mehr Unterstützungsbedarf hin.",
            "niedriger_mehr_bedarf": "Ein niedrigerer Wert weist auf mehr Unterstützungsbedarf hin.",
            "ohne_wertung": "Der Wert beschreibt den Stadtteil, ohne für sich einen Bedarf anzuzeigen.",
        }[self.value]


class Klassierung(Modell):
    """How values are grouped into classes: by quantiles of the districts or fixed thresholds."""

    art: Literal["quantile", "schwellen"] = Field(
        default="quantile", title="Art",
        description="quantile: gleich viele Stadtteile je Klasse; schwellen: feste Grenzen unter „grenzen“.")
    anzahl: Annotated[int, Field(ge=2, le=7)] | None = Field(
        default=None, title="Anzahl", description="Wie viele Klassen bei art: quantile (2 bis 7, ohne Angabe 5).")
    grenzen: list[Betrag] | None = Field(
        default=None, title="Grenzen",
        description="Bei art: schwellen die Grenzen zwischen den Klassen, aufsteigend, z. B. [-1, -0.5, 0.5, 1].")
    namen: list[Text] | None = Field(
        default=None, title="Namen",
        description="Ein Name je Klasse, von der niedrigsten zur höchsten, z. B. [niedrig, mittel, hoch] (freiwillig).")

    @model_validator(mode="after")
    def _stimmig(self) -> Klassierung:
        if self.art == "schwellen":
            if not self.grenzen:
                raise ValueError("schwellen_ohne_grenzen")
            if any(b <= a for a, b in zip(self.grenzen, self.grenzen[1:])):
                raise ValueError("grenzen_nicht_aufsteigend")
            if len(self.grenzen) > 6:
                raise ValueError("zu_viele_klassen")
        elif self.grenzen:
            raise ValueError("quantile_mit_grenzen")
        if self.namen is not None and len(self.namen) != self.klassenzahl:
            raise ValueError("namen_passen_nicht")
        return self

    @property
    def klassenzahl(self) -> int:
        return len(self.grenzen) + 1 if self.art == "schwellen" and self.grenzen else (self.anzahl or 5)


class Berechnung(Modell):
    """A rate computed from two count indicators: faktor · zaehler ÷ nenner."""

    zaehler: Kennung = Field(title="Zähler", description="Die Kennung des Anzahl-Indikators im Zähler, "
                                                         "z. B. arbeitslose.")
    nenner: Kennung = Field(title="Nenner", description="Die Kennung des Anzahl-Indikators im Nenner, "
                                                        "z. B. einwohner_15_64.")
    faktor: Annotated[float, Field(gt=0, le=1e6)] = Field(
        default=100.0, title="Faktor", description="Womit der Quotient malgenommen wird: 100 für Prozent, "
                                                   "1000 für je 1.000 (ohne Angabe 100).")


class Indikator(Modell):
    """One entry of `data/indikatoren.yml`."""

    id: Kennung = Field(title="Kennung", description="Die Kennung des Indikators, so auch in den Wertedateien, "
                                                     "z. B. arbeitslosenquote.")
    name: Text = Field(title="Name", description="Der Name des Indikators.")
    kurzname: Text | None = Field(default=None, title="Kurzname",
                                  description="Ein kurzer Name für Tabellenköpfe (freiwillig).")
    einheit: str = Field(max_length=40, title="Einheit",
                         description="Die Einheit der Werte, z. B. \"%\" (Werte von 0 bis 100), Personen, Euro je m².")
    definition: Text = Field(title="Definition", description="Was der Indikator misst.")
    formel: Text = Field(title="Formel", description="Wie der Wert berechnet wird.")
    quelle: Text = Field(title="Quelle", description="Woher die Werte stammen.")
    richtung: Richtung = Field(title="Richtung",
                               description="Was ein höherer Wert bedeutet: hoeher_mehr_bedarf, niedriger_mehr_bedarf "
                                           "oder ohne_wertung (beschreibt den Stadtteil, nicht im Sozialindex).")
    leichte_sprache: Text = Field(title="Leichte Sprache",
                                  description="Der Indikator in Leichter Sprache: ein Satz pro Zeile, höchstens "
                                              "10 Wörter je Satz, keine Abkürzungen und Prozentzeichen.")
    themenfeld: Text = Field(title="Themenfeld", description="Die Gruppe auf der Übersichtsseite, z. B. Bevölkerung.")
    nachkommastellen: Annotated[int, Field(ge=0, le=3)] = Field(
        default=1, title="Nachkommastellen", description="Wie viele Nachkommastellen Tabellen und Karten zeigen "
                                                         "(0 bis 3, ohne Angabe 1).")
    # A count, not a rate: the city's value is the sum of the districts, and a district is not compared with it.
    anzahl: bool = Field(default=False, title="Anzahl",
                         description="true bei Anzahlen wie Personen: der Wert der Gesamtstadt ist die Summe "
                                     "der Stadtteile, ein Stadtteil wird nicht mit ihr verglichen.")
    berechnung: Berechnung | None = Field(
        default=None, title="Berechnung",
        description="Eine Quote aus zwei Anzahlen, z. B. {zaehler: arbeitslose, nenner: einwohner_15_64, faktor: 100}: "
                    "Werte, die die Dateien nicht nennen, und der Wert der Gesamtstadt (gepoolt: faktor · Σ zaehler ÷ "
                    "Σ nenner) werden daraus berechnet (freiwillig).")
    interpretation: Text | None = Field(default=None, title="Interpretation",
                                        description="Wie die Werte zu lesen sind (freiwillig).")
    minimum: Betrag | None = Field(default=None, title="Minimum",
                                   description="Der kleinste erlaubte Wert (freiwillig; bei % ohne Angabe 0).")
    maximum: Betrag | None = Field(default=None, title="Maximum",
                                   description="Der größte erlaubte Wert (freiwillig; bei % ohne Angabe 100).")
    klassen: Klassierung | None = Field(default=None, title="Klassen",
                                        description="Eigene Klassen für die Karte dieses Indikators "
                                                    "(freiwillig; sonst karte.klassen aus data/atlas.yml).")

    @property
    def kurz(self) -> str:
        return self.kurzname or self.name

    @property
    def grenzen(self) -> tuple[float, float]:
        """Allowed range of values; percentages lie between 0 and 100 unless stated otherwise."""
        unten = self.minimum if self.minimum is not None else (0.0 if self.einheit == "%" else -math.inf)
        oben = self.maximum if self.maximum is not None else (100.0 if self.einheit == "%" else math.inf)
        return unten, oben


class IndikatorenDatei(Modell):
    """`data/indikatoren.yml`."""

    indikatoren: list[Indikator] = Field(min_length=1, title="Indikatoren",
                                         description="Die Indikatoren des Atlas, jeder beginnt mit „- id: …“.")


class Geometrie(Modell):
    """Where the district boundaries are and how their features name the districts."""

    datei: Datei = Field(title="Datei", description="Die GeoJSON-Datei mit den Stadtteilgrenzen (WGS84), "
                                                    "z. B. data/stadtteile.geojson.")
    merkmal: str = Field(default="id", title="Merkmal",
                         description="Die Eigenschaft der Features, die den Stadtteil nennt, oder id für die "
                                     "Kennung des Features.")
    bezug: Literal["id", "nummer"] = Field(default="id", title="Bezug",
                                           description="Welcher Spalte von data/stadtteile.csv das Merkmal "
                                                       "entspricht: id oder nummer.")
    namensnennung: Text = Field(title="Namensnennung", description="Die Namensnennung der Grenzen, wie sie unter "
                                                                   "jeder Karte und bei den Downloads steht.")
    lizenz: Text | None = Field(default=None, title="Lizenz", description="Die Lizenz der Grenzen (freiwillig).")
    lizenz_adresse: Adresse | None = Field(default=None, title="Lizenz-Adresse",
                                           description="Die Web-Adresse der Lizenz, mit https:// (freiwillig).")


class WerteDatei(Modell):
    """One CSV file with indicator values."""

    datei: Datei = Field(title="Datei", description="Die CSV-Datei mit Werten, z. B. data/werte/beispielwerte.csv.")
    beispieldaten: bool = Field(default=False, title="Beispieldaten",
                                description="true, wenn die Werte erfunden sind; jede Seite, die sie zeigt, sagt das.")
    zahlenformat: Literal["automatisch", "deutsch", "englisch"] = Field(
        default="automatisch", title="Zahlenformat",
        description="Wie Zahlen geschrieben sind: automatisch, deutsch (1.234,5) oder englisch (1,234.5).")


class Kacheln(Modell):
    """An optional base map served by the city's own tile server, under the site's own address:
    a reader's browser contacts no other host (the pages' Content-Security-Policy would refuse
    tiles from one anyway)."""

    adresse: Annotated[str, Field(pattern=r"^/[^/\\\s<>\"'][^\s<>\"'\\]*\{z\}[^\s<>\"'\\]*$")] = Field(
        title="Adresse", description="Der Pfad der Kacheln auf dem Server der Website, mit {z}, {x} und {y}, "
                                     "z. B. /kacheln/{z}/{x}/{y}.png.")
    namensnennung: Text = Field(title="Namensnennung", description="Die Namensnennung der Hintergrundkarte.")
    max_zoom: Annotated[int, Field(ge=1, le=22)] = Field(default=18, title="Größte Zoomstufe",
                                                         description="Die größte Zoomstufe des Kachelservers (1 bis 22).")


class Karte(Modell):
    """How the maps are drawn."""

    vereinfachung_m: Annotated[float, Field(ge=0, le=500)] = Field(
        default=20.0, title="Vereinfachung in Metern",
        description="Wie stark die gemeinsamen Grenzen für die Karten vereinfacht werden, in Metern (0 bis 500).")
    klassen: Klassierung = Field(default=Klassierung(), title="Klassen",
                                 description="Die Klassen der Indikatorkarten, wenn ein Indikator keine eigenen hat.")
    kacheln: Kacheln | None = Field(default=None, title="Kacheln",
                                    description="Eine Hintergrundkarte vom eigenen Kachelserver der Stadt (freiwillig).")


class IndexIndikator(Modell):
    """One indicator of the Sozialindex and its weight."""

    indikator: Kennung = Field(title="Indikator", description="Die Kennung des Indikators aus data/indikatoren.yml.")
    gewicht: Annotated[float, Field(gt=0, le=100)] = Field(default=1.0, title="Gewicht",
                                                           description="Wie stark er in den Index eingeht (ohne Angabe 1).")


class Dynamik(Modell):
    """Change classes of the status × dynamics classification."""

    von: Jahr = Field(title="Von", description="Das Basisjahr, seit dem die Veränderung gemessen wird.")
    grenzen: list[Betrag] = Field(default_factory=lambda: [-1.0, 1.0], title="Grenzen",
                                  description="Die Grenzen zwischen den Klassen der Veränderung, aufsteigend.")
    namen: list[Text] = Field(default_factory=lambda: ["positiv", "stabil", "negativ"], title="Namen",
                              description="Ein Name je Klasse der Veränderung, z. B. [positiv, stabil, negativ].")

    @model_validator(mode="after")
    def _stimmig(self) -> Dynamik:
        if any(b <= a for a, b in zip(self.grenzen, self.grenzen[1:])):
            raise ValueError("grenzen_nicht_aufsteigend")
        if len(self.namen) != len(self.grenzen) + 1:
            raise ValueError("namen_passen_nicht")
        return self


class SozialindexEinstellungen(Modell):
    """Which indicators make up the index, and how it is classed."""

    verfahren: Literal["gewichteter_index", "status_dynamik"] = Field(
        default="gewichteter_index", title="Verfahren",
        description="gewichteter_index oder status_dynamik (Status × Dynamik nach dem Berliner Monitoring).")
    name: Text = Field(default="Sozialindex", title="Name", description="Der Name des Index auf der Website.")
    jahr: Jahr | None = Field(default=None, title="Jahr", description="Das Jahr des Index (ohne Angabe das neueste).")
    indikatoren: list[IndexIndikator] = Field(min_length=1, title="Indikatoren",
                                              description="Die Indikatoren des Index, jeder mit indikator und gewicht.")
    mindestens: Annotated[int, Field(ge=1, le=100)] | None = Field(
        default=None, title="Mindestens",
        description="So viele Indikatoren mit Werten braucht ein Stadtteil für einen Indexwert (ohne Angabe alle).")
    standardabweichung: Literal["grundgesamtheit", "stichprobe"] = Field(
        default="grundgesamtheit", title="Standardabweichung",
        description="Wie die Standardabweichung der z-Werte gerechnet wird: grundgesamtheit teilt durch n (ohne "
                    "Angabe), stichprobe durch n − 1 (wie STABW.S in Tabellenprogrammen) – so, wie das amtliche "
                    "Verfahren der Stadt es tut.")
    klassen: Klassierung = Field(title="Klassen", description="Wie die Indexwerte in Klassen eingeteilt werden.")
    hoher_bedarf_ab: Annotated[int, Field(ge=1, le=7)] = Field(
        title="Hoher Bedarf ab", description="Ab dieser Klasse gilt der Unterstützungsbedarf als hoch.")
    dynamik: Dynamik | None = Field(default=None, title="Dynamik",
                                    description="Bei status_dynamik: Basisjahr, Grenzen und Namen der Veränderung.")

    amtlich: Datei | None = Field(
        default=None, title="Amtlich",
        description="Eine CSV-Datei mit dem veröffentlichten amtlichen Index (Spalten stadtteil oder nummer, dazu "
                    "indexwert und/oder klasse), z. B. data/amtlicher_index.csv: Der Bau vergleicht und meldet jede "
                    "Abweichung (freiwillig).")

    @model_validator(mode="after")
    def _stimmig(self) -> SozialindexEinstellungen:
        if self.verfahren == "status_dynamik" and self.dynamik is None:
            raise ValueError("dynamik_fehlt")
        if self.hoher_bedarf_ab > self.klassen.klassenzahl:
            raise ValueError("hoher_bedarf_zu_gross")
        return self


class Raumebene(Modell):
    """A level of larger areas: a column of `data/stadtteile.csv` names each district's area."""

    spalte: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")] = Field(
        title="Spalte", description="Die Spalte in data/stadtteile.csv, die das Gebiet jedes Stadtteils nennt, "
                                    "z. B. sozialraum.")
    name: Text = Field(title="Name", description="Der Name der Ebene in der Mehrzahl, z. B. Sozialräume.")
    bezeichnung: Text = Field(title="Bezeichnung", description="Ein Gebiet dieser Ebene in der Einzahl, z. B. Sozialraum.")
    beispiel: bool = Field(default=False, title="Beispiel",
                           description="true, wenn die Einteilung nur ein Beispiel ist; die Website sagt das.")


class Geheimhaltung(Modell):
    """Statistical disclosure control: which small numbers are not published."""

    mindestanzahl: Annotated[int, Field(ge=1, le=1000)] | None = Field(
        default=None, title="Mindestanzahl",
        description="Anzahlen von 1 bis unter diese Zahl werden nicht veröffentlicht („.“), z. B. 3.")
    mindestnenner: Annotated[int, Field(ge=1, le=10**6)] | None = Field(
        default=None, title="Mindestnenner",
        description="Quoten, deren Nenner kleiner ist, werden nicht veröffentlicht, z. B. 50.")
    mindesteinwohner: Anzahl | None = Field(
        default=None, title="Mindesteinwohner",
        description="Stadtteile mit weniger Einwohnerinnen und Einwohnern (Indikator unter „einwohner“) bleiben "
                    "außerhalb des Index, z. B. 300 (freiwillig).")
    einwohner: Kennung | None = Field(
        default=None, title="Einwohner", description="Die Kennung des Indikators mit der Einwohnerzahl, "
                                                     "nötig für mindesteinwohner, z. B. einwohner.")

    @model_validator(mode="after")
    def _stimmig(self) -> Geheimhaltung:
        if self.mindesteinwohner is not None and self.einwohner is None:
            raise ValueError("einwohner_fehlt")
        return self


class AtlasEinstellungen(Modell):
    """`data/atlas.yml`."""

    titel: Text = Field(default="Sozialstrukturatlas", title="Titel", description="Der Titel des Atlas auf der Website.")
    geometrie: Geometrie = Field(title="Geometrie", description="Wo die Stadtteilgrenzen liegen und wie sie die "
                                                                "Stadtteile nennen.")
    werte: list[WerteDatei] = Field(min_length=1, title="Werte",
                                    description="Die CSV-Dateien mit den Werten, jede mit datei und beispieldaten.")
    standorte: Datei | None = Field(default=None, title="Standorte",
                                    description="Die CSV-Datei mit den Standorten, z. B. data/standorte.csv (freiwillig).")
    ankerwerte: Datei | None = Field(default=None, title="Ankerwerte",
                                     description="Die CSV-Datei mit veröffentlichten echten Zahlen (freiwillig).")
    karte: Karte = Field(default=Karte(), title="Karte", description="Wie die Karten gezeichnet werden.")
    sozialindex: SozialindexEinstellungen = Field(title="Sozialindex",
                                                  description="Aus welchen Indikatoren der Sozialindex entsteht "
                                                              "und wie er in Klassen eingeteilt wird.")
    raumebenen: list[Raumebene] = Field(
        default_factory=list, title="Raumebenen",
        description="Größere Gebiete, zu denen Stadtteile gehören, je mit spalte, name und bezeichnung (freiwillig).")
    geheimhaltung: Geheimhaltung | None = Field(
        default=None, title="Geheimhaltung",
        description="Welche kleinen Zahlen nicht veröffentlicht werden, z. B. {mindestanzahl: 3, mindestnenner: 50} "
                    "(freiwillig).")


class Standortart(str, Enum):
    QSA = "qsa"
    STADTTEILZENTRUM = "stadtteilzentrum"

    @property
    def label(self) -> str:
        return {"qsa": "Quartiers- und Sozialraumarbeit", "stadtteilzentrum": "Stadtteilzentrum"}[self.value]


class Vorgabe(Modell):
    """How one example indicator is generated: from the latent need, or as a mean per settlement type."""

    bereich: tuple[Betrag, Betrag] | None = Field(
        default=None, title="Bereich",
        description="Der Wert bei Belastung 0 und bei Belastung 1, z. B. [1.5, 14.5]; fallend, wo weniger mehr "
                    "Bedarf heißt. Entweder bereich oder je_typ.")
    je_typ: dict[str, Betrag] | None = Field(
        default=None, title="Je Typ", description="Der mittlere Wert je Siedlungsstrukturtyp, "
                                                  "z. B. {staedtisch: 15.5, doerflich: 17.5}. Entweder bereich oder je_typ.")
    trend: Annotated[float, Field(ge=-0.5, le=0.5)] = Field(
        default=0.0, title="Trend", description="Die Veränderung der ganzen Stadt je Jahr, als Anteil, z. B. -0.01.")
    streuung: Annotated[float, Field(ge=0, le=1)] = Field(
        default=0.08, title="Streuung", description="Die zufällige Schwankung, als Anteil des Werts (0 bis 1).")
    basis: Kennung | None = Field(
        default=None, title="Basis",
        description="Bei einer Anzahl: die Kennung der Anzahl, von der sie ein Anteil ist; der erzeugte Wert (bereich "
                    "oder je_typ) ist dann der Anteil in Prozent, geschrieben wird die gerundete Anzahl, z. B. basis: "
                    "einwohner (freiwillig).")
    geheim_unter: Anzahl | None = Field(
        default=None, title="Geheim unter",
        description="Kein Wert, wo weniger Menschen wohnen als diese Zahl (statistische Geheimhaltung; freiwillig).")

    @model_validator(mode="after")
    def _eine_art(self) -> Vorgabe:
        if (self.bereich is None) == (self.je_typ is None):
            raise ValueError("bereich_oder_je_typ")
        return self


class StandortVorgabe(Modell):
    """One example site to be placed in its district."""

    id: Kennung = Field(title="Kennung", description="Die Kennung des Standorts.")
    name: Text = Field(title="Name", description="Der Name des Standorts.")
    art: Standortart = Field(title="Art", description="qsa (Quartiers- und Sozialraumarbeit) oder stadtteilzentrum.")
    stadtteil: Kennung = Field(title="Stadtteil", description="Die Kennung des Stadtteils aus data/stadtteile.csv.")
    traeger: Text = Field(title="Träger", description="Wer den Standort betreibt.")


class Anker(Modell):
    """Which real figures fix the population of the districts they cover."""

    merkmal: Text = Field(title="Merkmal", description="Das Merkmal in data/ankerwerte.csv, das die Einwohnerzahl "
                                                       "nennt.")
    stichtag: str = Field(title="Stichtag", description="Der Stichtag dieser Zahlen in data/ankerwerte.csv, "
                                                        "z. B. \"2017-07-31\".")
    jahr: Jahr = Field(title="Jahr", description="Das Jahr der Beispielwerte, für das diese Zahlen gelten.")


Anteil = Annotated[float, Field(ge=0, le=1)]


class BeispielVorgaben(Modell):
    """`data/beispieldaten.yml`: how the example values and sites are generated."""

    saat: Annotated[int, Field(ge=0, le=2**32 - 1)] = Field(
        title="Saat", description="Der Startwert des Zufalls: gleiche Vorgaben und gleiche Saat ergeben gleiche Dateien.")
    jahre: list[Jahr] = Field(min_length=1, max_length=100, title="Jahre",
                              description="Die Jahre, für die Werte erzeugt werden, aufsteigend, z. B. [2021, 2022].")
    ziel: Datei = Field(title="Ziel", description="Die CSV-Datei, in die die Werte geschrieben werden.")
    standorte_ziel: Datei | None = Field(default=None, title="Ziel der Standorte",
                                         description="Die CSV-Datei, in die die Standorte geschrieben werden (freiwillig).")
    standardtyp: str = Field(title="Standardtyp",
                             description="Der Siedlungsstrukturtyp der Stadtteile, die unter „typen“ nicht stehen.")
    typen: dict[str, list[Kennung]] = Field(default_factory=dict, title="Typen",
                                            description="Je Siedlungsstrukturtyp die Kennungen seiner Stadtteile.")
    einwohner: dict[str, Anzahl] = Field(title="Einwohner",
                                         description="Je Siedlungsstrukturtyp die Einwohnerzahl im Ankerjahr.")
    wachstum: Annotated[float, Field(ge=-0.5, le=0.5)] = Field(
        default=0.0, title="Wachstum", description="Die Veränderung der Einwohnerzahl je Jahr, als Anteil, z. B. 0.003.")
    einwohner_anker: Anker | None = Field(default=None, title="Einwohner-Anker",
                                          description="Welche echten Zahlen die Einwohner ihrer Stadtteile festlegen "
                                                      "(freiwillig).")
    belastung: dict[str, tuple[Anteil, Anteil]] = Field(
        title="Belastung", description="Je Siedlungsstrukturtyp Mittelwert und Streuung der verborgenen Belastung "
                                       "(0 bis 1), z. B. plattenbau: [0.76, 0.12].")
    indikatoren: dict[str, Vorgabe] = Field(title="Indikatoren",
                                            description="Je Kennung eines Indikators, wie seine Werte entstehen.")
    einwohner_indikator: str = Field(default="einwohner", title="Einwohner-Indikator",
                                     description="Die Kennung des Indikators, der die Einwohnerzahl ist.")
    standorte: list[StandortVorgabe] = Field(default_factory=list, title="Standorte",
                                             description="Beispiel-Standorte, jeder mit id, name, art, stadtteil "
                                                         "und traeger (freiwillig).")

    @model_validator(mode="after")
    def _jahre_aufsteigend(self) -> BeispielVorgaben:
        if any(b <= a for a, b in zip(self.jahre, self.jahre[1:])):
            raise ValueError("jahre_nicht_aufsteigend")
        return self

    def typ(self, stadtteil: str) -> str:
        """The settlement type of a district (the default type when no list names it)."""
        return next((t for t, ids in self.typen.items() if stadtteil in ids), self.standardtyp)


@dataclass(frozen=True)
class Standort:
    """A site of Quartiers- und Sozialraumarbeit or a Stadtteilzentrum."""

    id: str
    name: str
    art: Standortart
    stadtteil: str
    breite: float
    laenge: float
    traeger: str
    beispiel: bool
    adresse: str = ""
    oeffnungszeiten: str = ""
    kontakt: str = ""
    barrierefreiheit: str = ""
    """The optional columns for readers: how to get there, when it is open, whom to call, access."""


@dataclass(frozen=True)
class Strasse:
    """A street in a district (`data/strassen.csv`); a street crossing districts has one per district."""

    name: str
    stadtteil: str
    beispiel: bool = False


@dataclass(frozen=True)
class Ankerwert:
    """A real published figure, shown only with its date and source, never among example values."""

    stadtteil: str
    """District id or `gesamtstadt`."""
    merkmal: str
    wert: float
    einheit: str
    stichtag: str
    quelle: str


@dataclass(frozen=True)
class Wert:
    """One value of one indicator for one district (or `gesamtstadt`) and year."""

    stadtteil: str
    indikator: str
    jahr: int
    wert: float | None
    beispiel: bool
    gesperrt: bool = False
    """Not published for disclosure control (the value is then None)."""


@dataclass(frozen=True)
class Gebietsebene:
    """A configured area level with its areas and their published values."""

    einstellung: Raumebene
    zuordnung: dict[str, str]
    """District id → area id."""
    namen: dict[str, str]
    """Area id → name, in the order of first appearance in data/stadtteile.csv."""
    werte: dict[tuple[str, str, int], Wert]
    """(area id, indicator, year) → value; suppressed values are None with `gesperrt`."""

    def wert(self, gebiet: str, indikator: str, jahr: int) -> Wert | None:
        return self.werte.get((gebiet, indikator, jahr))


@dataclass(eq=False)
class Atlas:
    """Everything the atlas pages are made from, validated. Compared by identity: pages, files
    and macros of one build share what is computed from it (see `kontext.kontext_fuer`).
    The values are not changed after loading, so what is derived from them is cached."""

    einstellungen: AtlasEinstellungen
    indikatoren: tuple[Indikator, ...]
    werte: dict[tuple[str, str, int], Wert]
    """(stadtteil, indikator, jahr) → value; city rows use the district key `gesamtstadt`."""
    jahre: tuple[int, ...]
    grenzen: dict[str, BaseGeometry]
    """District id → boundary as loaded (WGS84, unsimplified)."""
    standorte: tuple[Standort, ...] = ()
    ankerwerte: tuple[Ankerwert, ...] = ()
    sozialindex: Sozialindex | None = None
    quellen: dict[str, str] = field(default_factory=dict)
    """What → repository path: `indikatoren`, `einstellungen`, `geometrie`, `standorte`, …"""
    strassen: tuple[Strasse, ...] = ()
    """The street register for the district search (optional `data/strassen.csv`)."""
    stadtwerte: dict[tuple[str, int], Stadtwert] = field(default_factory=dict)
    """(indikator, jahr) → the whole city's value and how it came about (see `statistik.raeume`)."""
    ebenen: tuple[Gebietsebene, ...] = ()
    ausgeschlossen: dict[str, str] = field(default_factory=dict)
    """District id → why it takes no part in the index (too few inhabitants)."""

    @property
    def standorte_erfasst(self) -> bool:
        """Whether the atlas records sites at all: no sites file means unknown, not none."""
        return self.einstellungen.standorte is not None

    def indikator(self, ident: str) -> Indikator:
        return next(i for i in self.indikatoren if i.id == ident)

    def gesperrt(self, stadtteil: str, indikator: str, jahr: int) -> bool:
        """Whether the cell exists but is not published (disclosure control)."""
        eintrag = self.werte.get((stadtteil, indikator, jahr))
        return eintrag is not None and eintrag.gesperrt

    def stadtwert(self, indikator: str, jahr: int) -> Stadtwert:
        return self.stadtwerte.get((indikator, jahr), Stadtwert(None, "durchschnitt"))

    @functools.cached_property
    def gesperrte_zellen(self) -> dict[str, int]:
        """Indicator → how many district cells are suppressed (areas not counted)."""
        anzahl: dict[str, int] = {}
        for w in self.werte.values():
            if w.gesperrt:
                anzahl[w.indikator] = anzahl.get(w.indikator, 0) + 1
        return anzahl

    def wert(self, stadtteil: str, indikator: str, jahr: int) -> float | None:
        eintrag = self.werte.get((stadtteil, indikator, jahr))
        return eintrag.wert if eintrag else None

    def reihe(self, indikator: str, jahr: int, stadtteile: list[str]) -> dict[str, float | None]:
        """The values of one indicator and year for the given districts (None where missing)."""
        spalte = self._spalten.get((indikator, jahr), {})
        return {s: spalte.get(s) for s in stadtteile}

    @functools.cached_property
    def _spalten(self) -> dict[tuple[str, int], dict[str, float | None]]:
        """(indikator, jahr) → district → value, as `wert` gives it: comparing every Maßnahme's
        districts with the rest of the city reads whole columns, a million cells at 1,000 districts."""
        spalten: dict[tuple[str, int], dict[str, float | None]] = {}
        for (stadtteil, indikator, jahr), w in self.werte.items():
            spalten.setdefault((indikator, jahr), {})[stadtteil] = w.wert
        return spalten

    @functools.cached_property
    def _jahre(self) -> dict[str, list[int]]:
        jahre: dict[str, set[int]] = {}
        for (stadtteil, indikator, jahr), w in self.werte.items():
            if stadtteil != GESAMTSTADT and w.wert is not None:
                jahre.setdefault(indikator, set()).add(jahr)
        return {i: sorted(j) for i, j in jahre.items()}

    @functools.cached_property
    def _beispiel(self) -> set[str]:
        return {w.indikator for w in self.werte.values() if w.beispiel}

    def jahre_von(self, indikator: str) -> list[int]:
        """Years with at least one district value for `indikator`."""
        return list(self._jahre.get(indikator, []))

    def beispiel(self, indikator: str | None = None) -> bool:
        """Whether the values (of one indicator, or any) include generated example data."""
        return bool(self._beispiel) if indikator is None else indikator in self._beispiel
