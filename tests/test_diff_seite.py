"""The site page „Änderungen“: this Fortschreibung against the previous tag, or a plain note why not."""

from __future__ import annotations

import pytest
from conftest import lesbar
from fixtures.diff.planrepo import Planrepo

from sozialraumplan.diff import aenderungen_seiten
from sozialraumplan.git_quelle import RevisionUnbekannt
from sozialraumplan.laden import plan_laden
from sozialraumplan.quelle import Ordner


def seite(ordner, basis=None):
    return aenderungen_seiten(ordner.wurzel, plan_laden(Ordner(ordner.wurzel)), basis)[0]


def test_ohne_git_ein_hinweis(kleinstadt):
    ergebnis = seite(kleinstadt)
    assert (ergebnis.pfad, ergebnis.titel) == ("aenderungen.md", "Änderungen")
    assert "# Änderungen\n" in ergebnis.markdown
    assert "Zu dieser Fassung liegt die Versionsgeschichte des Plans nicht vor." in ergebnis.markdown
    assert "Git" not in ergebnis.markdown


def test_ohne_tag_ein_hinweis(kleinstadt):
    repo = Planrepo(kleinstadt)
    repo.fassung("Erster Entwurf")
    markdown = lesbar(seite(repo).markdown)
    assert "noch keine frühere veröffentlichte Fassung" in markdown
    assert "Sobald eine Fassung veröffentlicht ist (zum Beispiel „v2026.1“)" in markdown
    assert "Git" not in markdown and "Tag" not in markdown


def test_vergleicht_den_gebauten_stand_mit_dem_letzten_tag(kleinstadt):
    repo = Planrepo.erste_fassung(kleinstadt)
    repo.ersetzen("plan/massnahmen/M002.yml", "status: geplant", "status: in_umsetzung")
    repo.ersetzen("plan/plan.yml", "fortschreibung: Erste Fortschreibung 2025", "fortschreibung: Entwurf 2026")
    repo.fassung("Zweite Fortschreibung", tag="v2026.1")
    repo.ersetzen("plan/massnahmen/M001.yml", "fortschritt: 40", "fortschritt: 50")  # not committed: built anyway

    markdown = lesbar(seite(repo).markdown)
    assert markdown.startswith("# Änderungen\n\n")
    assert ("Was sich in dieser Fassung („Entwurf 2026“) gegenüber der Fassung v2025.1 vom 30. Juni 2025 "
            "geändert hat.") in markdown
    assert ("Verglichen wurden die Fassung **v2025.1** (Erste Fortschreibung 2025, Stand 30. Juni 2025) und "
            "die Fassung **Entwurf 2026** (Entwurf 2026, Stand 30. Juni 2025).") in markdown
    assert "Commit" not in markdown and "Git" not in markdown  # readers know a Fassung by name and date
    assert "**Zusammenfassung:** 2 Maßnahmen geändert; Angaben zum Plan geändert; kein Stadtteil wechselt die Indexklasse." in markdown
    assert "- Status: geplant → in Umsetzung" in markdown
    assert "- Fortschritt: 40 % → 50 %" in markdown


def test_konfigurierte_basis(kleinstadt):
    repo = Planrepo.erste_fassung(kleinstadt)
    repo.loeschen("plan/massnahmen/M002.yml")
    repo.fassung("Zweite", tag="v2026.1")
    repo.fassung("Dritte", tag="v2027.1")
    markdown = lesbar(seite(repo, basis="v2025.1").markdown)
    assert "gegenüber der Fassung v2025.1" in markdown
    assert "**M002 – Sozialatlas fortschreiben**" in markdown
    with pytest.raises(RevisionUnbekannt):
        seite(repo, basis="v2024.1")
