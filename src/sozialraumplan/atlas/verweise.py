"""Where the atlas's pages and files are, and relative links between them.

The site is built with `use_directory_urls: false`, so `atlas/indikatoren/x.md` is served as
`atlas/indikatoren/x.html`. Links inside raw HTML are not rewritten by mkdocs; they are made
relative here, so the site also works when opened from disk.
"""

from __future__ import annotations

from ..render.pfade import relativ

ORDNER = "atlas"
ASSETS = "assets/atlas"
DATEN = "atlas/daten"

UEBERSICHT = f"{ORDNER}/index.md"
METHODE = f"{ORDNER}/methode.md"
BEDARF = f"{ORDNER}/bedarfsermittlung.md"
DOWNLOADS = f"{ORDNER}/downloads.md"
LEAFLET_JS = f"{ASSETS}/leaflet/leaflet.js"
LEAFLET_CSS = f"{ASSETS}/leaflet/leaflet.css"


def indikator_seite(ident: str) -> str:
    return f"{ORDNER}/indikatoren/{ident}.md"


def stadtteil_seite(ident: str) -> str:
    return f"{ORDNER}/stadtteile/{ident}.md"


def massnahme_seite(ident: str) -> str:
    return f"massnahmen/{ident}.md"


def indikator_csv(ident: str) -> str:
    return f"{DATEN}/{ident}.csv"


def stadtteil_csv(ident: str) -> str:
    return f"{DATEN}/stadtteile/{ident}.csv"


def raumebene_seite(spalte: str) -> str:
    return f"{ORDNER}/raumebenen/{spalte}.md"


def raumebene_csv(spalte: str) -> str:
    return f"{DATEN}/raumebenen/{spalte}.csv"


def raumebene_geojson(spalte: str) -> str:
    return f"{DATEN}/raumebenen/{spalte}.geojson"


INDEX_CSV = f"{DATEN}/sozialindex.csv"
WERTE_CSV = f"{DATEN}/indikatorwerte.csv"
GEOJSON = f"{DATEN}/stadtteile.geojson"
STANDORTE_GEOJSON = f"{DATEN}/standorte.geojson"


def url(von: str, ziel: str) -> str:
    """Relative URL from the page `von` (a docs path) to `ziel` (page `.md` or site file)."""
    return relativ(ziel[:-3] + ".html" if ziel.endswith(".md") else ziel, von)


def md_link(von: str, ziel: str) -> str:
    """Relative Markdown link target from page `von` to page `ziel` (mkdocs checks and rewrites it)."""
    return relativ(ziel, von)
