"""After the committee's decision: the public fields of the funded projects into the public plan.

One ordinary file per project, `plan/foerderprojekte/<id>.yml`, with only the keys of
`Foerderprojekt` (Träger, Projekt, Stadtteile, Leitlinien, bewilligte Summe, Zeitraum,
Beschluss). They are reviewed like every change to the plan; the public loader validates them.
Nothing is kept when the public plan does not validate afterwards.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ..befund import Befund, PlanUngueltig
from ..laden import FOERDERPROJEKTE, plan_pruefen
from ..model import Foerderprojekt
from ..quelle import Ordner
from .laden import Foerderrunde

KOPF = "# yaml-language-server: $schema=../../schemas/foerderprojekt.schema.json\n"


def projekt_yaml(projekt: Foerderprojekt) -> str:
    """The file of one funded project, keys in the order of the model."""
    daten = projekt.model_dump(mode="python", exclude_defaults=False)
    return KOPF + yaml.safe_dump(daten, allow_unicode=True, sort_keys=False, width=100)


def veroeffentlichen(runde: Foerderrunde, wurzel: Path) -> list[Path]:
    """Write the funded projects of `runde` into the public plan below `wurzel`; returns the files.
    Raises `PlanUngueltig` (and writes nothing) when none is funded yet or the plan would not validate."""
    projekte = [p for p in (e.antrag.oeffentlich() for e in runde.antraege) if p is not None]
    if not projekte:
        raise PlanUngueltig([Befund(runde.datei, 1, 1, f"In der Runde {runde.runde.jahr} ist noch kein Antrag bewilligt",
                                    "tragen Sie nach dem Beschluss bei jedem geförderten Antrag „bewilligung:“ ein")])
    ordner = wurzel / FOERDERPROJEKTE.ordner
    vorher: dict[Path, bytes | None] = {}
    for projekt in projekte:
        datei = ordner / f"{projekt.id}.yml"
        vorher[datei] = datei.read_bytes() if datei.is_file() else None
    ordner.mkdir(parents=True, exist_ok=True)
    for projekt in projekte:
        (ordner / f"{projekt.id}.yml").write_text(projekt_yaml(projekt), encoding="utf-8")
    plan, befunde = plan_pruefen(Ordner(wurzel))
    if plan is None:
        for datei, inhalt in vorher.items():
            if inhalt is None:
                datei.unlink()
            else:
                datei.write_bytes(inhalt)
        raise PlanUngueltig(befunde)
    return sorted(vorher)
