"""The Erklärung zur Barrierefreiheit: `plan/barrierefreiheit.yml`, its checks and its pages.

The statement follows the EU model (Durchführungsbeschluss (EU) 2018/1523): how far the site
conforms, the known barriers with reason and alternative, when and how it was assessed, how
to report a barrier, and the enforcement body. It is published twice, in Alltags-Sprache
(`barrierefreiheit.md`) and in Leichter Sprache (`leichte-sprache/barrierefreiheit.md`).

The same file configures the start page's BITV 2.0 § 4 block: the explanations in Leichter
Sprache and the slot for the city's video in Deutscher Gebärdensprache.
"""

from __future__ import annotations

import datetime as dt
import re
import struct
from enum import Enum
from pathlib import Path

from pydantic import Field

from .befund import Befund, nur_fehler
from .laden import einzeldatei
from .model import LeichteSprache, Modell, Plan, Text
from .quelle import Quelle
from .render import leichte_sprache as ls
from .render.text import datum, h, klartext_md, kopf, md
from .seiten import Abschnitt, Seite

DATEI = "plan/barrierefreiheit.yml"
SEITE = "barrierefreiheit.md"

ADRESSE = re.compile(r"^https://[^\s<>\"'()\[\]]+$")
"""A web address; brackets and quotes are excluded so it is safe inside a Markdown link."""
E_MAIL = re.compile(r"^[^@\s<>()\[\]]+@[^@\s<>()\[\]]+\.[^@\s<>()\[\]]+$")
MP4 = re.compile(r"^(?!.*\.\.)[A-Za-z0-9_][A-Za-z0-9_./-]*\.mp4$")
"""A video path below `docs/` that cannot leave the folder."""
VTT = re.compile(r"^(?!.*\.\.)[A-Za-z0-9_][A-Za-z0-9_./-]*\.vtt$")


class Konformitaet(str, Enum):
    """Status of conformity, the three values of the EU model statement."""

    VOLLSTAENDIG = "vollstaendig"
    TEILWEISE = "teilweise"
    NICHT = "nicht"

    @property
    def label(self) -> str:
        return {"vollstaendig": "vollständig vereinbar", "teilweise": "teilweise vereinbar",
                "nicht": "nicht vereinbar"}[self.value]

    @property
    def leichte_sprache(self) -> str:
        return {
            "vollstaendig": "Die Internet-Seite hält alle Regeln ein.",
            "teilweise": "Die Internet-Seite hält viele Regeln ein.\nAber es gibt noch Barrieren.",
            "nicht": "Auf der Internet-Seite gibt es noch viele Barrieren.",
        }[self.value]


class Barriere(Modell):
    """A content that is not (yet) accessible."""

    inhalt: Text = Field(title="Inhalt", description="Welcher Inhalt nicht barrierefrei ist, "
                                                     "z. B. „Karten des Sozialstrukturatlas“.")
    grund: Text = Field(title="Grund", description="Warum er nicht barrierefrei ist, z. B. eine "
                                                   "unverhältnismäßige Belastung.")
    alternative: Text = Field(title="Alternative",
                              description="Wie man denselben Inhalt barrierefrei bekommt.")
    leichte_sprache: LeichteSprache


class Methode(Modell):
    """How the conformity was assessed."""

    beschreibung: Text = Field(title="Beschreibung", description="Wie die Vereinbarkeit geprüft wurde, "
                                                                 "z. B. „Selbstbewertung“.")
    leichte_sprache: LeichteSprache


class Rueckmeldung(Modell):
    """The feedback mechanism: the issue form „Barriere melden“ and an e-mail address."""

    formular: Text = Field(title="Formular", description="Die Web-Adresse des Formulars „Barriere melden“, "
                                                         "mit https://.")
    e_mail: Text = Field(title="E-Mail", description="Die E-Mail-Adresse, an die man Barrieren meldet.")
    telefon: Text | None = Field(default=None, title="Telefon",
                                 description="Eine Telefonnummer für Meldungen (freiwillig).")


class Durchsetzung(Modell):
    """The enforcement body of the Land (for Thuringia: the Landesdurchsetzungsstelle)."""

    stelle: Text = Field(title="Stelle", description="Der Name der Durchsetzungsstelle des Landes.")
    adresse: Text = Field(title="Adresse", description="Die Web-Adresse der Durchsetzungsstelle, mit https://.")
    erlaeuterung: Text = Field(title="Erläuterung", description="Wann und wie man sich an die Stelle "
                                                                "wenden kann, in Markdown.")
    leichte_sprache: LeichteSprache


class Gebaerdensprache(Modell):
    """The city's video in Deutscher Gebärdensprache; paths below `docs/`."""

    video: Text = Field(title="Video", description="Der Pfad des Videos (.mp4) unterhalb von docs/.")
    untertitel: Text | None = Field(default=None, title="Untertitel",
                                    description="Der Pfad der Untertitel (.vtt) unterhalb von docs/ (freiwillig).")


class Erklaerung(Modell):
    """`plan/barrierefreiheit.yml`."""

    geltungsbereich: Text = Field(title="Geltungsbereich",
                                  description="Für welche Website die Erklärung gilt.")
    rechtsgrundlage: Text = Field(title="Rechtsgrundlage",
                                  description="Die maßgeblichen Vorschriften, z. B. die BITV 2.0.")
    konformitaet: Konformitaet = Field(title="Konformität",
                                       description="Wie weit die Website die Anforderungen erfüllt: "
                                                   "vollstaendig, teilweise oder nicht.")
    barrieren: list[Barriere] = Field(default_factory=list, title="Barrieren",
                                      description="Die nicht barrierefreien Inhalte, jeder mit inhalt, grund, "
                                                  "alternative und leichte_sprache.")
    erstellt: dt.date = Field(title="Erstellt", description="Der Tag, an dem die Erklärung erstellt wurde, "
                                                            "als JJJJ-MM-TT.")
    zuletzt_geprueft: dt.date = Field(title="Zuletzt geprüft",
                                      description="Der Tag der letzten Überprüfung, als JJJJ-MM-TT.")
    methode: Methode = Field(title="Methode", description="Wie geprüft wurde.")
    rueckmeldung: Rueckmeldung = Field(title="Rückmeldung", description="Wie man Barrieren meldet: Formular, "
                                                                        "E-Mail und freiwillig Telefon.")
    durchsetzung: Durchsetzung = Field(title="Durchsetzung",
                                       description="Die Durchsetzungsstelle des Landes, an die man sich wenden kann.")
    gebaerdensprache: Gebaerdensprache | None = Field(
        default=None, title="Gebärdensprache",
        description="Das Video der Stadt in Deutscher Gebärdensprache für die Startseite (freiwillig).")


def erklaerung_pruefen(quelle: Quelle) -> tuple[Erklaerung | None, list[Befund]]:
    """Load and check the statement; None when it has errors."""
    if quelle.lesen(DATEI) is None:
        return None, [Befund(DATEI, 1, 1, "Die Erklärung zur Barrierefreiheit fehlt",
                             "legen Sie die Datei an; die Vorlage ist plan/barrierefreiheit.yml von Erfurt")]
    befunde: list[Befund] = []
    geladen = einzeldatei(quelle, DATEI, Erklaerung, befunde)
    if geladen is None:
        return None, befunde
    erklaerung, dokument = geladen.wert, geladen.dokument
    for pfad, wert, muster, meldung, hinweis in _formen(erklaerung):
        if wert is not None and not muster.match(wert):
            befunde.append(Befund(DATEI, *dokument.position(pfad), f"„{'.'.join(pfad)}“ {meldung}", hinweis))
    if erklaerung.zuletzt_geprueft < erklaerung.erstellt:
        befunde.append(Befund(DATEI, *dokument.position(("zuletzt_geprueft",)),
                              "Die letzte Prüfung liegt vor der Erstellung der Erklärung",
                              "prüfen Sie die Angaben „erstellt“ und „zuletzt_geprueft“"))
    if erklaerung.konformitaet is Konformitaet.VOLLSTAENDIG and erklaerung.barrieren:
        befunde.append(Befund(DATEI, *dokument.position(("konformitaet",)),
                              "Eine vollständig vereinbare Website hat keine bekannten Barrieren",
                              "wählen Sie „teilweise“ oder leeren Sie die Liste „barrieren“"))
    if erklaerung.konformitaet is not Konformitaet.VOLLSTAENDIG and not erklaerung.barrieren:
        befunde.append(Befund(DATEI, *dokument.position(("konformitaet",)),
                              f"Die Website ist „{erklaerung.konformitaet.label}“, aber es ist keine Barriere genannt",
                              "nennen Sie unter „barrieren“ jeden Inhalt mit „inhalt“, „grund“, "
                              "„alternative“ und „leichte_sprache“"))
    return (None if nur_fehler(befunde) else erklaerung), sorted(befunde)


Form = tuple[tuple[str, ...], str | None, re.Pattern[str], str, str]
"""A value that must have a certain form: key path, value, pattern, message, fix."""


def _formen(e: Erklaerung) -> list[Form]:
    """Values that must have a certain form: key path, value, pattern, message, fix."""
    adresse = ("ist keine Web-Adresse", "schreiben Sie die vollständige Adresse mit https://")
    datei = ("ist kein passender Pfad unterhalb von docs/",
             "schreiben Sie den Pfad ab dem Ordner docs/ ohne „..“, das Video mit .mp4, Untertitel mit .vtt")
    formen: list[Form] = [
        (("rueckmeldung", "formular"), e.rueckmeldung.formular, ADRESSE, *adresse),
        (("rueckmeldung", "e_mail"), e.rueckmeldung.e_mail, E_MAIL,
         "ist keine E-Mail-Adresse", "schreiben Sie sie in der Form name@beispiel.de"),
        (("durchsetzung", "adresse"), e.durchsetzung.adresse, ADRESSE, *adresse),
    ]
    if e.gebaerdensprache:
        formen += [
            (("gebaerdensprache", "video"), e.gebaerdensprache.video, MP4, *datei),
            (("gebaerdensprache", "untertitel"), e.gebaerdensprache.untertitel, VTT, *datei),
        ]
    return formen


def abschnitte(plan: Plan, erklaerung: Erklaerung, *, atlas: str | None = None) -> list[Abschnitt]:
    """The navigation sections „Leichte Sprache“ (with the statement in Leichter Sprache) and
    „Barrierefreiheit“, to be appended to the plan's sections; `atlas` is the standard atlas
    page the Leichte-Sprache atlas page links back to, once the site has one."""
    standard, leicht = barrierefreiheit_seiten(plan, erklaerung)
    return [ls.leichte_sprache_abschnitt(plan, [leicht], atlas=atlas), Abschnitt("Barrierefreiheit", [standard])]


def barrierefreiheit_seiten(plan: Plan, erklaerung: Erklaerung) -> list[Seite]:
    """The statement in Alltags-Sprache and in Leichter Sprache."""
    return [erklaerung_seite(plan, erklaerung), erklaerung_leichte_sprache(erklaerung)]


def erklaerung_seite(plan: Plan, e: Erklaerung) -> Seite:
    text = kopf("Erklärung zur Barrierefreiheit")
    text += ls.ls_verweis(plan, SEITE) or ""
    text += (f"Der Herausgeber – {klartext_md(plan.info.herausgeber)} – ist bemüht, diese Website "
             f"barrierefrei zugänglich zu machen. Maßgeblich sind {klartext_md(e.rechtsgrundlage)}.\n\n"
             f"Diese Erklärung gilt für {klartext_md(e.geltungsbereich)}.\n\n")
    text += "## Stand der Vereinbarkeit mit den Anforderungen\n\n"
    text += {
        Konformitaet.VOLLSTAENDIG: "Diese Website ist mit den Anforderungen **vollständig vereinbar**.",
        Konformitaet.TEILWEISE: "Diese Website ist mit den Anforderungen **teilweise vereinbar**. "
                                "Die Unvereinbarkeiten sind unten aufgeführt.",
        Konformitaet.NICHT: "Diese Website ist mit den Anforderungen **nicht vereinbar**. "
                            "Die Unvereinbarkeiten sind unten aufgeführt.",
    }[e.konformitaet] + "\n\n"
    if e.barrieren:
        text += "## Nicht barrierefreie Inhalte\n\n"
        for b in e.barrieren:
            text += (f"### {klartext_md(b.inhalt)}\n\n**Grund:** {md(b.grund.strip())}\n\n"
                     f"**Barrierefreie Alternative:** {md(b.alternative.strip())}\n\n")
    text += "## Erstellung dieser Erklärung\n\n"
    text += (f"- Erstellt am {datum(e.erstellt)}\n- Zuletzt überprüft am {datum(e.zuletzt_geprueft)}\n"
             f"- Methode: {klartext_md(e.methode.beschreibung)}\n\n")
    text += "## Feedback und Kontaktangaben\n\n"
    text += ("Sie können uns Mängel bei der Barrierefreiheit dieser Website melden und Informationen "
             "erfragen, die nicht barrierefrei dargestellt sind:\n\n"
             f"- über das Formular [„Barriere melden“]({e.rueckmeldung.formular}) – dafür ist ein kostenloses Konto "
             "bei GitHub nötig; ohne Konto schreiben Sie uns bitte eine E-Mail,\n"
             f"- per E-Mail an [{e.rueckmeldung.e_mail}](mailto:{e.rueckmeldung.e_mail})")
    text += f",\n- per Telefon: {klartext_md(e.rueckmeldung.telefon)}\n\n" if e.rueckmeldung.telefon else "\n\n"
    text += "## Durchsetzungsverfahren\n\n"
    text += (f"{md(e.durchsetzung.erlaeuterung.strip())}\n\n"
             f"[{klartext_md(e.durchsetzung.stelle)}]({e.durchsetzung.adresse})\n\n")
    return Seite(SEITE, "Erklärung zur Barrierefreiheit", text, quelle=DATEI,
                 zuletzt_geprueft=e.zuletzt_geprueft.isoformat())


def erklaerung_leichte_sprache(e: Erklaerung) -> Seite:
    text = ls.zeilen(ERKLAERUNG_EINLEITUNG)
    text += "## Gibt es noch Barrieren?\n\n" + ls.zeilen(e.konformitaet.leichte_sprache)
    if e.barrieren:
        text += "## Diese Barrieren gibt es noch\n\n" + "".join(ls.zeilen(b.leichte_sprache) for b in e.barrieren)
    text += "## Wie hat die Stadt die Internet-Seite geprüft?\n\n" + ls.zeilen(e.methode.leichte_sprache)
    text += ls.zeilen(f"Diese Erklärung ist vom {datum(e.erstellt)}.\n"
                      f"Die letzte Prüfung war am {datum(e.zuletzt_geprueft)}.")
    text += "## Sie finden eine Barriere?\n\n" + rueckmeldung_leichte_sprache(e)
    text += "## Die Stadt hilft Ihnen zu wenig?\n\n" + ls.zeilen(e.durchsetzung.leichte_sprache)
    text += ls.zeilen(DURCHSETZUNG) + f"[Internet-Seite von der Stelle]({e.durchsetzung.adresse})\n\n"
    return ls.seite(ls.ERKLAERUNG, "Erklärung zur Barriere-Freiheit", text, standard=SEITE, quelle=DATEI)


ERKLAERUNG_EINLEITUNG = (
    "Barriere-Freiheit bedeutet:\n"
    "Alle Menschen können die Internet-Seite gut benutzen.\n"
    "Auch Menschen mit Behinderung.\n"
    "In dieser Erklärung steht: So gut klappt das hier."
)
RUECKMELDUNG = (
    "Dann sagen Sie es uns.\n"
    "Schreiben Sie uns eine E-Mail.\n"
    "Oder schreiben Sie uns über ein Formular im Internet.\n"
    "Für das Formular brauchen Sie ein Konto bei GitHub."
)
TELEFON = "Sie können uns auch anrufen."
DURCHSETZUNG = "Hier finden Sie mehr über die Stelle:"
STARTSEITE_ERKLAERUNG = "Sie finden eine Barriere?\nDann sagen Sie es uns."
MEHR = "Es gibt noch mehr Seiten in Leichter Sprache."
VIDEO = "Es gibt auch ein Video in Gebärden-Sprache.\nDas Video erklärt die Internet-Seite."
FESTE_TEXTE = (ERKLAERUNG_EINLEITUNG, RUECKMELDUNG, TELEFON, DURCHSETZUNG, STARTSEITE_ERKLAERUNG, MEHR, VIDEO,
               *(k.leichte_sprache for k in Konformitaet))
"""Every fixed Leichte-Sprache text of this module, for the linter test."""


def rueckmeldung_leichte_sprache(e: Erklaerung) -> str:
    text = ls.zeilen(RUECKMELDUNG)
    text += (f"- E-Mail: [{e.rueckmeldung.e_mail}](mailto:{e.rueckmeldung.e_mail})\n"
             f"- Formular: [Barriere melden]({e.rueckmeldung.formular})\n\n")
    if e.rueckmeldung.telefon:
        text += ls.zeilen(TELEFON) + f"- Telefon: {klartext_md(e.rueckmeldung.telefon)}\n\n"
    return text


def startseite_erlaeuterungen(plan: Plan, e: Erklaerung, docs: Path) -> str:
    """The BITV 2.0 § 4 block for the start page (`index.md` at the root of `docs`).

    In Leichter Sprache: what the site holds, how to find one's way, the gist of the
    accessibility statement, where more Leichte Sprache is. Above it the city's video in
    Deutscher Gebärdensprache, but only when the configured file is really there.
    """
    video = gebaerdensprache_video(e.gebaerdensprache, docs) if e.gebaerdensprache else ""
    text = '<section class="srp-bitv srp-leichte-sprache" markdown>\n\n'
    text += "## Leichte Sprache und Gebärden-Sprache\n\n" if video else "## Leichte Sprache\n\n"
    text += video + ls.kennzeichen()
    text += "### Was steht auf dieser Internet-Seite?\n\n" + ls.inhalt_kurz()
    text += "### So finden Sie sich zurecht\n\n" + ls.navigation()
    text += "### Erklärung zur Barriere-Freiheit\n\n" + ls.zeilen(ERKLAERUNG_EINLEITUNG)
    text += ls.zeilen(e.konformitaet.leichte_sprache) + ls.zeilen(STARTSEITE_ERKLAERUNG)
    text += f"[Die Erklärung in Leichter Sprache lesen]({ls.ERKLAERUNG})\n\n"
    text += "### Mehr in Leichter Sprache\n\n" + ls.zeilen(MEHR + ("\n" + VIDEO if video else ""))
    text += f"[Alle Seiten in Leichter Sprache]({ls.STARTSEITE})\n\n"
    return text + "</section>\n"


def gebaerdensprache_video(g: Gebaerdensprache, docs: Path) -> str:
    """The video with a download link naming size and duration (BITV 2.0 Anlage 2 Teil 1 Nr. 7);
    empty when the file is missing, so nothing is ever promised that is not there."""
    datei = docs / g.video
    if not datei.is_file():
        return ""
    inhalt = datei.read_bytes()
    dauer = mp4_dauer(inhalt)
    angaben = [f"MP4, {groesse(len(inhalt))}"] + ([f"Dauer {dauer}"] if dauer else [])
    spur = ""
    if g.untertitel and (docs / g.untertitel).is_file():
        spur = f'<track kind="captions" srclang="de" label="Deutsch" src="{h(g.untertitel)}">'
    return ('<figure class="srp-dgs">\n'
            f'<video controls preload="metadata" src="{h(g.video)}">{spur}'
            f'<a href="{h(g.video)}">Video in Deutscher Gebärdensprache</a></video>\n'
            '<figcaption><span class="srp-dgs-marke">Deutsche Gebärdensprache</span> '
            "Erläuterungen zu dieser Website. "
            f'<a href="{h(g.video)}" download>Video herunterladen ({h(", ".join(angaben))})</a></figcaption>\n'
            "</figure>\n\n")


def groesse(anzahl_bytes: int) -> str:
    """`12,3 MB` – German decimal comma, at least 0,1 MB."""
    return f"{max(anzahl_bytes / 1_000_000, 0.1):.1f} MB".replace(".", ",")


def mp4_dauer(inhalt: bytes) -> str | None:
    """Playing time `m:ss` from the MP4 movie header (`moov/mvhd`), None if there is none."""
    moov = _box(inhalt, b"moov")
    mvhd = _box(moov, b"mvhd") if moov is not None else None
    if mvhd is None or len(mvhd) < 20:
        return None
    if mvhd[0] == 1:  # version 1: 64-bit times
        if len(mvhd) < 32:
            return None
        zeitskala, laenge = struct.unpack(">IQ", mvhd[20:32])
    else:
        zeitskala, laenge = struct.unpack(">II", mvhd[12:20])
    if zeitskala == 0:
        return None
    sekunden = round(laenge / zeitskala)
    return f"{sekunden // 60}:{sekunden % 60:02d} Minuten"


def _box(daten: bytes, art: bytes) -> bytes | None:
    """The content of the first box of type `art` at this level of an ISO media file."""
    stelle = 0
    while stelle + 8 <= len(daten):
        groesse_, typ = struct.unpack(">I4s", daten[stelle:stelle + 8])
        kopf_ = 8
        if groesse_ == 1 and stelle + 16 <= len(daten):
            groesse_, kopf_ = struct.unpack(">Q", daten[stelle + 8:stelle + 16])[0], 16
        elif groesse_ == 0:
            groesse_ = len(daten) - stelle
        if groesse_ < kopf_:
            return None
        if typ == art:
            return daten[stelle + kopf_:stelle + groesse_]
        stelle += groesse_
    return None
