"""Responsible bodies of a measure: the entry points over markers, duty sentences, cells and inheritance.

Covered (see gold/GUIDELINE.md, "measures and units"): `extract_units` (a measure's markers'
units if it has a marker, else its duty sentences'), `units_from_cells` (a table row's 牵头单位 /
配合单位 / 责任部门 columns), `assign_units` (the units of every measure of one notice with
inheritance applied), and the public names of the modules that do the work:

- `extractor.unit_cues` — the cue words of `data/unit_cues.json` and the patterns built from them;
- `extractor.unit_names` — a list of bodies split into names as written (`split_units`, `unit_key`, `body_key`);
- `extractor.unit_markers` — bracket markers and marker lines (`find_markers`);
- `extractor.unit_duties` — duty sentences and annex lines (`find_duties`, `parse_annex_duty_line`);
- `extractor.unit_inherit` — "以下措施均需…", "…，下同" and the first-is-lead convention
  (`find_inheritance`).

Names stay as written (市人社局), one per body after splitting lists; canonical names, functions
and levels come from `extractor.agencies.parse_agency`. Spans are offsets into the string given.
Traditional text is read on the pipeline's simplified view. Not covered: cutting a notice into
measures (the structure parser does that), applying inheritance across measures beyond
`assign_units`, and bodies that only approve or receive (never responsible).
"""
from __future__ import annotations

from typing import Any, Sequence

from .model import Unit
from .unit_cues import CUES, ROLES, UnitCues, load_unit_cues
from .unit_duties import find_duties, parse_annex_duty_line
from .unit_inherit import Inheritance, find_inheritance
from .unit_markers import Marker, find_markers
from .unit_names import _dedupe, _ranked, body_key, split_units, unit_key


def extract_units(text: str, *, first_is_lead: bool = False, region: Any = None) -> list[Unit]:
    """The units of one measure: its markers' units if it has a marker, else its duty sentences'.

    >>> [(u.name, u.role) for u in extract_units("强化组织领导。财政部门要在预算中适当安排专项经费。企业要足额提取经费。")]
    [('财政部门', 'responsible')]
    """
    markers = find_markers(text, first_is_lead=first_is_lead, region=region)
    if markers:
        return _dedupe(u for m in markers for u in m.units)
    return sorted(find_duties(text, region=region), key=lambda u: u.span[0])


def units_from_cells(lead_cell: str | None = None, support_cell: str | None = None,
                     responsible_cell: str | None = None, *, region: Any = None) -> list[Unit]:
    """Units of a table row: 牵头单位 → lead, 配合/协办单位 → support, 责任部门/主责单位 → responsible.

    Spans are offsets into the cell each unit comes from.

    >>> [(u.name, u.role) for u in units_from_cells("省经信厅、省科技厅按职责分工负责", "省发展改革委")]
    [('省经信厅', 'lead'), ('省科技厅', 'lead'), ('省发展改革委', 'support')]
    """
    units = []
    for cell, role in ((lead_cell, "lead"), (responsible_cell, "responsible"), (support_cell, "support")):
        if cell:
            units += _ranked([(n, role, o) for n, o in split_units(cell)], "table", region)
    return _dedupe(units)


def assign_units(measure_texts: Sequence[str], *, region: Any = None) -> list[list[Unit]]:
    """Units for each measure of one notice in reading order, inheritance applied.

    A statement's bodies go to the measure that carries it and to every later measure,
    unless the measure already names the body (各地方人民政府 covers 地方人民政府). Inherited
    units keep spans into the text of the measure that carries the statement. The
    "排首位为牵头单位，下同" convention applies to the markers of later measures.

    >>> texts = ["1.甲。(责任单位:省人社厅,以下措施均需各设区市人民政府作为责任单位,不再一一列出)", "2.乙。(责任单位:省财政厅)"]
    >>> [[u.name for u in us] for us in assign_units(texts)]
    [['省人社厅', '各设区市人民政府'], ['省财政厅', '各设区市人民政府']]
    """
    out: list[list[Unit]] = []
    carried: list[Unit] = []
    first_is_lead = False
    for text in measure_texts:
        inh = find_inheritance(text, region=region)
        own = extract_units(text, first_is_lead=first_is_lead, region=region)
        carried = carried + [u for i in inh for u in i.units]
        have = {body_key(u.name) for u in own}
        merged = list(own)
        for u in carried:
            k = body_key(u.name)
            if k not in have:
                have.add(k)
                merged.append(u)
        out.append(merged)
        first_is_lead = first_is_lead or any(i.first_is_lead for i in inh)
    return out


__all__ = ["CUES", "ROLES", "Inheritance", "Marker", "UnitCues", "assign_units", "body_key", "extract_units",
           "find_duties", "find_inheritance", "find_markers", "load_unit_cues", "parse_annex_duty_line", "split_units",
           "unit_key", "units_from_cells"]
