"""Accessible HTML tables: caption, header cells with scope, numbers right-aligned in German
notation, units in the column headers, and the CSV download beside the table."""

from __future__ import annotations

from dataclasses import dataclass

from ..render.htmlbloecke import markieren
from ..render.text import h


@dataclass(frozen=True)
class Spalte:
    titel: str
    """Plain text; escaped when rendered."""
    zahl: bool = False


def tabelle(kennung: str, beschriftung: str, spalten: list[Spalte], zeilen: list[list[str]], *,
            csv_url: str | None = None, csv_text: str = "Tabelle als CSV herunterladen", suchbar: bool = True) -> str:
    """One HTML block. Cells are HTML already (the caller escapes); the first cell of each row is
    its row header. `kennung` becomes the table's id (for „skip the map“ links). Marked to skip
    the Markdown parser of the MkDocs build (`render.htmlbloecke`).

    `suchbar=False` keeps the table out of the site search (Material's `data-search-exclude`), for
    the atlas's columns of figures by district: every one of them would match every district's
    name and every number, and the reader's browser builds the search index anew on each page
    view, on a phone too – the atlas tables were a fifth of the text in Erfurt's index."""
    kopf = "".join(f'<th scope="col"{_zahl(s)}>{h(s.titel)}</th>' for s in spalten)
    koerper = []
    for zeile in zeilen:
        erste, *rest = zeile
        zellen = "".join(f"<td{_zahl(s)}>{z}</td>" for s, z in zip(spalten[1:], rest))
        koerper.append(f'<tr><th scope="row">{erste}</th>{zellen}</tr>')
    download = (f'<p class="atlas-download"><a href="{h(csv_url)}" download>{h(csv_text)}</a> '
                f"(CSV, UTF-8, Komma als Trennzeichen)</p>") if csv_url else ""
    return markieren(
        f'<div class="atlas-tabelle" id="{h(kennung)}"{"" if suchbar else " data-search-exclude"}>'
        f'<div class="atlas-tabelle-rahmen" tabindex="0" role="region" aria-label="{h(beschriftung)}">'
        f'<table class="atlas-werte"><caption>'
        f"{h(beschriftung)}</caption><thead><tr>{kopf}</tr></thead>"
        f"<tbody>{''.join(koerper)}</tbody></table></div>{download}</div>"
    )


def _zahl(spalte: Spalte) -> str:
    return ' class="atlas-zahl"' if spalte.zahl else ""
