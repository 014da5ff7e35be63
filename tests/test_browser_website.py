"""The browser suite tests the site `make site` just built when nothing it is built from changed
since; otherwise it builds its own."""

from __future__ import annotations

import os
from pathlib import Path

from browser.website import aktuell


def schreiben(datei: Path, text: str, zeit: int) -> None:
    datei.parent.mkdir(parents=True, exist_ok=True)
    datei.write_text(text, encoding="utf-8")
    os.utime(datei, (zeit, zeit))


def test_eine_nach_der_letzten_aenderung_gebaute_website_ist_aktuell(tmp_path: Path):
    schreiben(tmp_path / "mkdocs.yml", "site_name: Musterstadt\n", 1000)
    schreiben(tmp_path / "plan/massnahmen/M001.yml", "id: M001\n", 1100)
    schreiben(tmp_path / "site/index.html", "<html></html>", 1200)
    schreiben(tmp_path / "site/massnahmen/M001.html", "<html></html>", 1201)
    assert aktuell(tmp_path / "site", tmp_path)


def test_eine_spaeter_geaenderte_massnahme_macht_die_website_veraltet(tmp_path: Path):
    schreiben(tmp_path / "mkdocs.yml", "site_name: Musterstadt\n", 1000)
    schreiben(tmp_path / "site/index.html", "<html></html>", 1200)
    schreiben(tmp_path / "site/massnahmen/M001.html", "<html></html>", 1201)
    schreiben(tmp_path / "plan/massnahmen/M001.yml", "id: M001\n", 1300)
    assert not aktuell(tmp_path / "site", tmp_path)


def test_ohne_gebaute_website_wird_gebaut(tmp_path: Path):
    schreiben(tmp_path / "mkdocs.yml", "site_name: Musterstadt\n", 1000)
    assert not aktuell(tmp_path / "site", tmp_path)
