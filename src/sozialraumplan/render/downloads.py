"""The downloads page: the plan as open data, next to the files themselves."""

from __future__ import annotations

from ..export import foerderprojekte_csv, massnahmen_csv, plan_json
from ..model import Plan
from ..seiten import Datei, Seite
from ..veroeffentlichung import Veroeffentlichung, veroeffentlichung_text
from .text import kopf

ORDNER = "downloads"


def plan_downloads(plan: Plan, veroeffentlichung: Veroeffentlichung | None = None) -> tuple[Seite, list[Datei]]:
    dateien = [
        Datei(f"{ORDNER}/plan.json", plan_json(plan).encode("utf-8")),
        Datei(f"{ORDNER}/massnahmen.csv", massnahmen_csv(plan).encode("utf-8")),
        Datei(f"{ORDNER}/foerderprojekte.csv", foerderprojekte_csv(plan).encode("utf-8")),
    ]
    text = kopf("Downloads")
    text += "## Plan und Synopse der Fassung\n\n" + veroeffentlichung_text(veroeffentlichung, f"{ORDNER}/index.md")
    text += "\n## Offene Daten\n\n"
    text += ("Der Plan steht als offene Daten bereit. Die Spalten- und Feldnamen sind dieselben wie in "
             "den Dateien, aus denen diese Website entsteht.\n\n")
    text += (f'- <a href="plan.json" download>Der ganze Plan als JSON</a> ({len(dateien[0].inhalt) // 1024 + 1} KB): '
             "Leitlinien, Maßnahmen, Gremien, Sitzungen, Glossar und Stadtteile.\n"
             f'- <a href="massnahmen.csv" download>Die Maßnahmen als CSV-Tabelle</a> ({len(plan.massnahmen)} Zeilen, '
             "UTF-8, Komma als Trenner): für Tabellenkalkulationen.\n"
             f'- <a href="foerderprojekte.csv" download>Die geförderten Projekte (FRL Soziales) als CSV-Tabelle</a> '
             f"({len(plan.foerderprojekte)} Zeilen): Träger, Projekt, Stadtteile, Leitlinien, bewilligte Summe, "
             "Zeitraum und Beschluss.\n\n")
    if plan.info.beispieldaten:
        text += "Die als Beispiel gekennzeichneten Einträge (`beispiel: true`) sind erfunden.\n"
    return Seite(f"{ORDNER}/index.md", "Downloads", text), dateien
