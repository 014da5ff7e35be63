"""The statistics of the atlas, apart from any page: values as tables (numpy), rates from
counts, pooled values of larger areas and of the whole city, disclosure control, and the
standardised index. Nothing here knows a city, a page or a file; the atlas loader feeds it
and the renderers only ever see what it publishes.

- `tabellen`: values as tables of areas × (indicator, year), rates computed from their counts;
- `raeume`: values of larger areas and of the whole city (pooled, summed or, for rates without
  counts, the unweighted mean of the districts);
- `geheimhaltung`: which cells must not be published (primary and secondary suppression);
- `standardisierung`: z-values, their weighted mean and its re-standardisation.
"""

from __future__ import annotations

from .geheimhaltung import Regeln, sperren
from .raeume import Stadtwert, gebietswerte, stadtwerte
from .standardisierung import Standardisierung, index_rechnen
from .tabellen import Quote, Tabelle, breit, quoten_berechnen

__all__ = ["Quote", "Regeln", "Stadtwert", "Standardisierung", "Tabelle", "breit", "gebietswerte", "index_rechnen",
           "quoten_berechnen", "sperren", "stadtwerte"]
