"""Inheritance statements: bodies given to every later measure, and the first-is-lead convention.

Covered: "以下措施均需A作为责任单位，不再一一列出", "以下措施A均为责任单位，不再列出",
"A为各项任务的责任主体，以下不再列出", a bracket of bodies ending "…，下同", and the convention
"列第一位者为牵头单位，下同" / "各项任务排在第一位的为牵头单位" (in a marker or a sentence of its own).

Deliberately not covered: applying a statement across the measures of a notice (that is
`extractor.units.assign_units` and the pipeline), and a 下同 that qualifies a term rather than
bodies (职业院校(含技工院校,下同) gives nothing) or restates a sentence of its own
("(责任单位:A、B。各责任单位按职责分工负责,下同)" gives nothing: A and B are that measure's alone).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .agencies import fold, is_body
from .model import Span, Unit
from .unit_cues import _cue_patterns
from .unit_names import _brackets, _units_from, split_units

_SAME = re.compile(r"[,;]\s*下同\s*$")


@dataclass(frozen=True)
class Inheritance:
    """A statement that gives bodies to later measures ("以下措施均需…", "…，下同"), or, with
    `first_is_lead`, the convention that the first body of later markers leads."""

    text: str
    span: Span
    units: tuple[Unit, ...]
    first_is_lead: bool = False


def _inherit_statements(f: str, a: int = 0, b: int | None = None) -> list[tuple[int, int, int, int]]:
    """Inheritance statements in f[a:b] as (start, end, list start, list end), in reading order.

    Three forms: "以下措施均需LIST作为责任单位,不再一一列出", "以下措施LIST均为责任单位,不再列出" and
    "LIST为各项任务的责任主体,以下不再列出" (its list runs back to the clause start).
    """
    b, pats = len(f) if b is None else b, _cue_patterns()
    out = [(m.start(), m.end(), *m.span("list")) for pat in (pats.inherit, pats.inherit_inside)
           for m in pat.finditer(f, a, b)]
    for m in pats.inherit_after.finditer(f, a, b):
        if any(x <= m.start() < y for x, y, _, _ in out):
            continue
        k, depth = m.start(), 0
        while k > a:                     # back to the clause start, across bracketed qualifiers 各县(市、区)
            ch = f[k - 1]
            depth += (ch in ")]") - (ch in "([")
            if depth < 0 or depth == 0 and ch in "。;:,\n":
                break
            k -= 1
        if m.start() - k >= 2:
            out.append((k, m.end(), k, m.start()))
    return sorted(out)


def _inherited(s: str, f: str, a: int, b: int, region: Any) -> list[Unit]:
    """The bodies of the list f[a:b] as inherited units (role responsible, source "inherited")."""
    return [Unit(u.name, "responsible", u.span, u.canonical, u.function, u.level, "inherited", True)
            for u in _units_from(s, f, a, b, "responsible", "inherited", region)]


def find_inheritance(text: str, *, region: Any = None) -> list[Inheritance]:
    """Statements that give bodies to later measures, and the first-is-lead convention.

    >>> [[u.name for u in i.units] for i in find_inheritance("(责任单位:省人社厅等,以下措施均需各设区市人民政府、平潭综合实验区管委会作为责任单位,不再一一列出)")]
    [['各设区市人民政府', '平潭综合实验区管委会']]
    """
    f = fold(text)
    out = []
    for start, end, a, b in _inherit_statements(f):
        units = _inherited(text, f, a, b, region)
        if units or _cue_patterns().inherit.match(f, start):
            out.append(Inheritance(text[start:end], (start, end), tuple(units)))
    pats = _cue_patterns()
    # the convention in a marker ("…,列第一位者为牵头单位,下同") or in a sentence of its own
    # ("各项任务排在第一位的为牵头单位。"): the first body of every later marker leads
    for m in pats.convention.finditer(f):
        out.append(Inheritance(text[m.start():m.end()], m.span(), (), True))
    for o, c in _brackets(f):
        if pats.convention.search(f, o, c):
            continue
        sm = _SAME.search(f[o + 1:c - 1])
        if sm:
            a, b = o + 1, o + 1 + sm.start()
            a = max(a, f.rfind("。", a, b) + 1)   # "…局。各责任单位按职责分工负责,下同": 下同 restates that sentence only
            label = pats.label.match(f, a)
            a = label.end() if label else a
            names = split_units(text[a:b])
            if names and all(is_body(n) for n, _ in names):
                out.append(Inheritance(text[o:c], (o, c), tuple(_inherited(text, f, a, b, region))))
    return sorted(out, key=lambda i: i.span)


__all__ = ["Inheritance", "find_inheritance"]
