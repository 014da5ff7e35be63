"""mkdocs-macros adapter: the variables and macros editors may use in `docs/` pages.

Thin by design: every macro is a function of the `sozialraumplan` package.
"""

from __future__ import annotations

from pathlib import Path

from sozialraumplan.atlas.makros import makros_binden
from sozialraumplan.barrierefreiheit import startseite_erlaeuterungen
from sozialraumplan.render import massnahmen
from sozialraumplan.render.pfade import relativ
from sozialraumplan.render.text import datum, leichte_sprache_absatz, md
from sozialraumplan.website import website_bauen


def define_env(env) -> None:
    # Cached: the hook `seiten.py` built the same site a moment ago in its on_config.
    website = website_bauen(Path(env.project_dir))
    plan = website.plan
    env.variables["plan"] = plan
    env.variables["stand"] = datum(plan.info.stand)
    env.variables["atlas"] = website.bestand.atlas

    @env.macro
    def einleitung() -> str:
        """The plan's introduction from `plan/plan.yml`."""
        return md(plan.info.introduction or "")

    @env.macro
    def einleitung_leichte_sprache() -> str:
        return leichte_sprache_absatz(plan.info.leichte_sprache or "")

    @env.macro
    def massnahmen_tabelle(leitlinie: str | None = None, stadtteil: str | None = None) -> str:
        """The Maßnahmen catalogue, optionally only those of one Leitlinie or Stadtteil."""
        seite = env.page.file.src_uri
        auswahl = [m for m in plan.massnahmen
                   if (leitlinie is None or leitlinie in m.leitlinien)
                   and (stadtteil is None or stadtteil in m.stadtteile)]
        return massnahmen.katalog(plan, auswahl, basis=relativ(f"{massnahmen.ORDNER}/", seite))

    @env.macro
    def erlaeuterungen_barrierefreiheit() -> str:
        """BITV 2.0 § 4: the start page's explanations in Leichter Sprache (and sign language)."""
        return startseite_erlaeuterungen(plan, website.bestand.erklaerung, Path(env.conf["docs_dir"]))

    if website.bestand.atlas is not None:
        atlas_makros = makros_binden(plan, website.bestand.atlas, lambda: env.page.file.src_uri)
        for name, funktion in atlas_makros.items():
            env.macro(funktion, name)
