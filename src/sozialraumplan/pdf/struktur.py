"""What WeasyPrint's structure tree lacks for PDF/UA, added before the PDF is written.

WeasyPrint tags table header cells as `/TH` with an `/ID` that data cells name in `/Headers`,
but gives them no `/Scope` and the document no `/IDTree` to resolve those ids. Both are added
here, on WeasyPrint's own PDF objects (its `finisher` hook), so no second PDF library is needed.

The scope follows the print template's rule for every table: column headers stand in `<thead>`,
row headers open a body row (`<th scope="row">`).
"""

from __future__ import annotations

from typing import Any

import pydyf


def _objekt(pdf: pydyf.PDF, verweis: Any) -> Any:
    """The object a reference (`b"12 0 R"`) names."""
    if isinstance(verweis, str):
        verweis = verweis.encode("ascii")
    return pdf.objects[int(verweis.split()[0])] if isinstance(verweis, bytes) else None


def _art(element: Any) -> str | None:
    return element.get("S") if isinstance(element, pydyf.Dictionary) else None


def _reihe(pdf: pydyf.PDF, kopfzelle: pydyf.Dictionary) -> str:
    """`/Column` for a header in a table head, or for one that does not open its row; else `/Row`."""
    zeile = _objekt(pdf, kopfzelle.get("P"))
    bereich = _objekt(pdf, zeile.get("P")) if zeile is not None else None
    if _art(bereich) == "/THead":
        return "/Column"
    erste = next((k for k in zeile.get("K", ()) if _art(_objekt(pdf, k)) in ("/TH", "/TD")), None)
    return "/Row" if erste is not None and _objekt(pdf, erste) is kopfzelle else "/Column"


def kopfzellen_ergaenzen(_dokument: Any, pdf: pydyf.PDF) -> None:
    """WeasyPrint finisher: `/Scope` on every `/TH`, and the `/IDTree` for the ids of header cells."""
    namen: dict[str, bytes] = {}
    wurzel = None
    for objekt in pdf.objects:
        art = _art(objekt)
        if isinstance(objekt, pydyf.Dictionary) and objekt.get("Type") == "/StructTreeRoot":
            wurzel = objekt
        if art != "/TH":
            continue
        attribute = objekt.get("A")
        if not isinstance(attribute, pydyf.Dictionary):
            attribute = objekt["A"] = pydyf.Dictionary({"O": "/Table"})
        attribute["Scope"] = _reihe(pdf, objekt)
        kennung = objekt.get("ID")
        if kennung is not None:
            namen[kennung.string if isinstance(kennung, pydyf.String) else str(kennung)] = objekt.reference
    if wurzel is not None and namen:
        eintraege = pydyf.Array()
        for name in sorted(namen):
            eintraege += [pydyf.String(name), namen[name]]
        wurzel["IDTree"] = pydyf.Dictionary({"Names": eintraege})
