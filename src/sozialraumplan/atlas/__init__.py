"""The Sozialstrukturatlas: indicators, Sozialindex, district profiles, tables and maps.

Public surface for the rest of the project, each in the module that does the work:

- `laden.atlas_pruefen(quelle, plan)` / `laden.atlas_laden(quelle, plan)`: load and validate `data/`;
- `inhalte.atlas_abschnitte(plan, atlas)`: the generated pages, all below `inhalte.ATLAS_ORDNER`;
- `inhalte.atlas_dateien(plan, atlas)`: downloads and map assets;
- `makros.makros_binden(plan, atlas, seite)`: the editor macros;
- `vergleich.kennzahlen(atlas)`: values per district, indicator and year and the index class per
  district, for comparing two states of the repository.

This file imports nothing: the plan's renderers use small parts of the atlas (its tables,
links and number format), and importing one of them must not start the atlas's page builders,
which in turn use those renderers (an import circle that broke `import` of single modules).
"""
