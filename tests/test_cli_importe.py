"""Each command imports what it needs: `validate` draws no map and prints no PDF, so it does not
wait for WeasyPrint or matplotlib; texts in Leichter Sprache checked before are not tagged again."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

from conftest import PlanOrdner, website_kopieren
from importkreise import importgraph

import sozialraumplan

SCHWER = ("weasyprint", "matplotlib", "HanTa")


def geladene_pakete(wurzel: Path, cache: Path, *befehl: str) -> tuple[int, set[str]]:
    """Exit code of the command and the top-level packages of SCHWER it imported."""
    programm = (
        "import json, sys\n"
        "from sozialraumplan import cli\n"
        f"code = cli.main(['--wurzel', {str(wurzel)!r}, *{list(befehl)!r}])\n"
        f"print(json.dumps([code, sorted({{m.split('.')[0] for m in sys.modules}} & set({list(SCHWER)!r}))]))\n"
    )
    lauf = subprocess.run([sys.executable, "-c", programm], capture_output=True, text=True,
                          env={**os.environ, "XDG_CACHE_HOME": str(cache)})
    code, pakete = json.loads(lauf.stdout.splitlines()[-1])
    return code, set(pakete)


def test_validate_laedt_weder_pdf_noch_diagramme(kleinstadt: PlanOrdner, tmp_path: Path):
    website_kopieren(kleinstadt.wurzel)
    code, pakete = geladene_pakete(kleinstadt.wurzel, tmp_path / "cache", "validate")
    assert code == 0
    assert pakete == {"HanTa"}, "der erste Lauf prüft die Texte in Leichter Sprache"
    code, pakete = geladene_pakete(kleinstadt.wurzel, tmp_path / "cache", "validate")
    assert code == 0
    assert pakete == set(), "unveränderte Texte werden nicht noch einmal zerlegt"


def test_eine_geaenderte_datei_wird_beim_naechsten_validate_wieder_geprueft(kleinstadt: PlanOrdner, tmp_path: Path):
    website_kopieren(kleinstadt.wurzel)
    assert geladene_pakete(kleinstadt.wurzel, tmp_path / "cache", "validate")[0] == 0
    kleinstadt.ersetzen("plan/plan.yml", "Die Stadt plant mit den Menschen.",
                        "Die Stadt plant mit den Menschen. Alle reden mit.")
    code, pakete = geladene_pakete(kleinstadt.wurzel, tmp_path / "cache", "validate")
    assert code == 1 and pakete == {"HanTa"}


def test_die_befehlszeile_laedt_erst_der_befehl_der_den_atlas_braucht():
    """`sozialraumplan --help`, `codeowners` and `pre-block` start without numpy and
    shapely: every command's module is read to build the parser, and each imports plan, atlas or site
    only when it runs."""
    programm = ("import json, sys\nfrom sozialraumplan import cli\ncli.parser()\n"
                "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules} & {'numpy', 'shapely'})))\n")
    lauf = subprocess.run([sys.executable, "-c", programm], capture_output=True, text=True, check=True)
    assert json.loads(lauf.stdout) == []



def test_kein_modul_importiert_sich_ueber_andere_selbst():
    """A module of the package works as the first one anyone imports, not only after others have
    run. An import circle breaks that: the plan's renderers once used the atlas's table, whose
    package imported the atlas's page builders, which used the renderers, so `import
    sozialraumplan.render.leitlinien` on its own failed."""
    graph = importgraph(Path(sozialraumplan.__file__).parent)
    try:
        TopologicalSorter(graph).prepare()
    except CycleError as fehler:
        # graphlib lists each module before the one that imports it
        raise AssertionError("Importkreis, jedes Modul importiert das nächste: "
                             + " → ".join(reversed(fehler.args[1]))) from None
