"""How `make test` shares the tests between its two pytest workers.

Tests stay together by file, so a module fixture (a built site, a release) is made once, in one
worker. The checks that visit every page in Chromium are the exception: they are a third of the
suite, and one file would keep one worker busy long after the other has finished. They are
grouped by page instead; all tests of one page still run one after another in one worker, which
visits the page once and shares what it found (see browser/conftest.py)."""

from __future__ import annotations

from xdist.scheduler import LoadScopeScheduling
from xdist.workermanage import WorkerController

SEITENWEISE = frozenset({"tests/browser/test_seiten.py", "tests/browser/test_tastatur.py"})
"""Test files whose tests are parametrised by page and use nothing larger than a session fixture."""


def gruppe(nodeid: str) -> str:
    """`tests/x.py` for a test in x.py; `tests/browser/test_seiten.py[atlas/index.html]` for a test of
    that page in a file of SEITENWEISE."""
    datei, _, rest = nodeid.partition("::")
    _, klammer, parameter = rest.partition("[")
    return f"{datei}[{parameter}" if datei in SEITENWEISE and klammer else datei


def seitengruppe(name: str) -> bool:
    """True for a group `gruppe` made of one page's tests."""
    return name.endswith("]")


class DateiOderSeite(LoadScopeScheduling):
    """xdist's `--dist loadfile` with the groups of `gruppe`, and every file handed out before the
    first page: a long file started last would leave one worker alone at the end, while the many
    short page groups fill the gaps and let both workers finish together."""

    def _split_scope(self, nodeid: str) -> str:
        return gruppe(nodeid)

    def _assign_work_unit(self, node: WorkerController) -> None:
        datei = next((g for g in self.workqueue if not seitengruppe(g)), None)
        if datei is not None:
            self.workqueue.move_to_end(datei, last=False)
        super()._assign_work_unit(node)
