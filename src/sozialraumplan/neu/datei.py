"""Writing the new file: YAML in the house style, then the whole plan validated, and undone on errors."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

from ..befund import Befund, nur_fehler
from ..laden import plan_pruefen
from ..quelle import Ordner
from .felder import Eingabe, Eingabefehler
from .vorlagen import Vorlage, Werte


class _Kennungsliste(list):
    """A list of ids, written on one line like `leitlinien: [L1, L3]`."""


class _Monat(str):
    """A `JJJJ-MM` value, written in quotes as the hand-written files and the messages ask for."""


class _Schreiber(yaml.SafeDumper):
    """SafeDumper, so everything written reads back with `yaml.safe_load` to the same values."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # List items indented under their key, as in the hand-written files.
        super().increase_indent(flow, False)


def _text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    # Several lines as a block (`|`), so Leichte Sprache keeps one sentence per line.
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|" if "\n" in text else None)


_Schreiber.add_representer(str, _text)
_Schreiber.add_representer(_Monat, lambda d, t: d.represent_scalar("tag:yaml.org,2002:str", str(t), style='"'))
_Schreiber.add_representer(_Kennungsliste, lambda d, l: d.represent_sequence("tag:yaml.org,2002:seq", l,
                                                                             flow_style=True))


def yaml_text(vorlage: Vorlage, kennung: str, werte: Werte) -> str:
    """The file: schema comment for editors, `id`, then the answers in the order of the fields."""
    daten: dict[str, object] = {"id": kennung}
    for feld in vorlage.felder:
        if feld.pfad not in werte:
            continue
        wert = werte[feld.pfad]
        if feld.eingabe is Eingabe.KENNUNGEN:
            assert isinstance(wert, list)  # `umwandeln` reads Eingabe.KENNUNGEN as a list of ids
            wert = _Kennungsliste(wert)
        elif feld.eingabe is Eingabe.MONAT:
            wert = _Monat(wert)
        abschnitt = daten
        for schluessel in feld.pfad[:-1]:
            unter = abschnitt.setdefault(schluessel, {})
            assert isinstance(unter, dict)  # sections are created here, as dicts, and hold no answers
            abschnitt = unter
        abschnitt[feld.pfad[-1]] = wert
    kopf = f"# yaml-language-server: $schema=../../schemas/{vorlage.art.name}.schema.json\n"
    return kopf + yaml.dump(daten, Dumper=_Schreiber, allow_unicode=True, sort_keys=False, width=100)


@dataclass
class Ergebnis:
    pfad: str
    """Repository path of the file, e.g. `plan/massnahmen/M015.yml`."""
    befunde: list[Befund]
    """Findings in the new file."""
    behalten: bool
    """False when the file had errors and was removed again."""
    fehler_anderswo: int
    """Errors in other files of the plan (they do not stop the new file)."""


def anlegen(wurzel: Path, vorlage: Vorlage, werte: Werte, kennung: str | None = None) -> Ergebnis:
    """Write the file with the next free id (or `kennung`), validate the plan, remove the file on errors."""
    quelle = Ordner(wurzel)
    vorhandene = [PurePosixPath(p).stem for p in quelle.dateien(vorlage.art.ordner)]
    kennung = kennung or vorlage.kennung(werte, vorhandene)
    pfad = f"{vorlage.art.ordner}/{kennung}.yml"
    if kennung in vorhandene:
        raise Eingabefehler(f"Die Kennung „{kennung}“ gibt es schon in {vorlage.art.ordner}/ — "
                            "wählen Sie mit --id eine andere oder ändern Sie die vorhandene Datei")
    datei = wurzel / pfad
    datei.parent.mkdir(parents=True, exist_ok=True)
    with datei.open("x", encoding="utf-8") as ziel:  # "x": never overwrite a file written meanwhile
        ziel.write(yaml_text(vorlage, kennung, werte))
    _, befunde = plan_pruefen(quelle)
    eigene = [b for b in befunde if b.datei == pfad]
    behalten = not nur_fehler(eigene)
    if not behalten:
        datei.unlink()
    anderswo = len(nur_fehler([b for b in befunde if b.datei != pfad]))
    return Ergebnis(pfad, eigene, behalten, anderswo)
