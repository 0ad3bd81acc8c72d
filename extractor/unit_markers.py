"""Explicit responsibility markers in a measure's text, and the units each names.

Covered: bracket markers — （责任单位：…）, （牵头单位：…；配合单位：…）, （主办单位：…；协办单位：…）,
（牵头单位：A；责任单位：B）, （X会同有关部门负责）, （X、Y负责）, （X按照职责分工负责）,
（X牵头，Y配合/参加/协同）, a lead verb with the words of its duty （X牵头督导，Y、Z负责）, （X等按职责分工负责；Y、Z负责）, a second clause without its verb
（X等按职责分工负责；各市、区人民政府）, （X为牵头单位，Y为配合单位）, （X（牵头）、Y）, a trailing bare bracket of
body names; marker lines without brackets (责任单位：… on its own line, the label lines of one
measure read together, "X牵头，Y按职责分工负责"); the convention "第一位为牵头单位" ranking an
unranked list; a marker's list cut before a deadline field, an inheritance statement or 下同.

Deliberately not covered: duty sentences in running text (`extractor.unit_duties`, used only where
a measure has no marker), what a statement gives to later measures (`extractor.unit_inherit`),
table columns (`extractor.units.units_from_cells`). A marker cut off by the end of the text (a page
opening) is read as far as it goes: its last name is dropped when the cut left no body ("责任单位:区政"),
and an inheritance note it opened ("〔以下均需…") ends its list.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .agencies import fold, is_body, is_vague, name_at
from .model import Span, Unit
from .unit_cues import _cue_patterns, _is_lead_label, _label_role, _verb_role
from .unit_inherit import _SAME, _inherit_statements
from .unit_names import (_bracket_role, _brackets, _cut_truncated, _open_bracket, _relabel, _top_split, _units_from,
                         split_units)

_SENT_END = set("。;!?\n")
_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class Marker:
    """A responsibility marker in a measure's text: its `kind`, span and the units it names."""

    text: str
    span: Span
    kind: str
    units: tuple[Unit, ...]


def find_markers(text: str, *, first_is_lead: bool = False, region: Any = None) -> list[Marker]:
    """Every responsibility marker in a measure's text, with the units it names.

    >>> [(u.name, u.role) for m in find_markers("…培训服务。(市人力资源社会保障局会同有关部门负责)") for u in m.units]
    [('市人力资源社会保障局', 'lead')]
    >>> [(u.name, u.role) for m in find_markers("〔牵头单位:市人社局;配合单位:市财政局,各区(市)人民政府、管委会〕") for u in m.units]
    [('市人社局', 'lead'), ('市财政局', 'support'), ('各区(市)人民政府', 'support'), ('管委会', 'support')]
    """
    f = fold(text)
    markers = _bracket_markers(text, f, first_is_lead, region)
    markers += _line_markers(text, f, [mk.span for mk in markers], first_is_lead, region)
    return sorted(markers, key=lambda mk: mk.span)


def _bracket_markers(text: str, f: str, first_is_lead: bool, region: Any) -> list[Marker]:
    """Markers in brackets: labelled fields, role clauses, or (closing a sentence) a bare list of bodies."""
    markers: list[Marker] = []
    groups = [(o, c, c - 1, False) for o, c in _brackets(f)]
    cut = _open_bracket(f)          # a marker left open by the end of the text: its list runs to the end
    if cut is not None:
        groups.append((cut, len(f), len(f), True))
    for o, c, b, is_open in groups:
        a = o + 1
        b, conv, _ = _cut_tails(f, a, b)
        if is_open and b == len(f.rstrip()):
            b = _cut_truncated(f, a, b)
        if b <= a:
            continue
        j, k = o - 1, c
        while j >= 0 and f[j] == " ":
            j -= 1
        while k < len(f) and f[k] == " ":
            k += 1
        after_sentence = j < 0 or f[j] in _SENT_END or f[j] in ")]"
        ends_sentence = k >= len(f) or f[k] in _SENT_END or f[k] == ","
        units = _labelled(text, f, a, b, "marker", region, first_is_lead=first_is_lead or conv)
        kind = "labelled"
        if units is None and (after_sentence or ends_sentence):
            units = _role_clauses(text, f, a, b, first_is_lead or conv, "marker", region, bare_ok=after_sentence)
            kind = "bare" if units is not None and not _closing_verbs(f, a, b) else "clause"
        if units is None or is_open and not all(is_body(f[x:y]) for x, y in (u.span for u in units)):
            continue                # a bracket left open is a marker only when it names bodies alone
        markers.append(Marker(text[o:c], (o, c), kind, tuple(units)))
    return markers


def _line_markers(text: str, f: str, taken: list[tuple[int, int]], first_is_lead: bool,
                  region: Any) -> list[Marker]:
    """Marker lines without brackets, outside the `taken` bracket markers: "责任单位:…" or
    "X牵头,Y按职责分工负责" as a whole line; the label lines of one measure ("牵头单位:A" /
    "责任单位:B" on lines of their own) are read together."""
    markers: list[Marker] = []
    label = _cue_patterns().label
    label_lines, other_lines = [], []
    for lm in _LINE.finditer(f):
        la, lb = lm.start(), lm.end()
        if any(x < lb and la < y for x, y in taken):
            continue
        ls = la + (len(f[la:lb]) - len(f[la:lb].lstrip(" ")))
        m = label.search(f, ls, lb)
        if m and f[m.start() - 1:m.start()] == "(" and m.start() - 1 >= ls:
            m = label.search(f, m.start() - 1, lb) or m
        start = m.start() - (1 if m and f[m.start() - 1:m.start()] == "(" else 0) if m else 0
        if m and (start == ls or f[start - 1] in "。;"):
            end, conv, _ = _cut_tails(f, start, lb)
            if end == len(f.rstrip()):
                end = _cut_truncated(f, start, end, sure=False)
            label_lines.append((start, end, conv))
        else:
            other_lines.append((ls, lb))
    lead_in_lines = any(_is_lead_label(m) for a, b, _ in label_lines for m in label.finditer(f, a, b))
    for start, end, conv in label_lines:
        units = _labelled(text, f, start, end, "marker", region, has_lead=lead_in_lines,
                          first_is_lead=first_is_lead or conv)
        if units is not None:
            markers.append(Marker(text[start:end], (start, end), "line", tuple(units)))
    for ls, lb in other_lines:
        end, conv, _ = _cut_tails(f, ls, lb)
        if end - ls <= 80:
            units = _role_clauses(text, f, ls, end, first_is_lead or conv, "marker", region, bare_ok=False)
            if units and all(is_body(f[u.span[0]:u.span[1]]) for u in units):
                markers.append(Marker(text[ls:end], (ls, end), "line", tuple(units)))
    return markers


def _cut_tails(f: str, a: int, b: int) -> tuple[int, bool, bool]:
    """End of the marker list inside f[a:b] before an inheritance statement, convention or 下同."""
    conv = same = False
    stmts = _inherit_statements(f, a, b)
    if stmts:
        b = stmts[0][0]
    m = _cue_patterns().inherit_open.search(f, a, b)    # a statement cut by the end of the text: (以下均需…
    if m and m.start() > a:
        b = m.start()
    m = _cue_patterns().convention.search(f, a, b)     # also after a 。: "…负责。列第一位者为牵头单位,下同"
    if m:
        conv, b = True, m.start()
    label = _cue_patterns().label
    k = f.find("。", a, b)          # a marker's list never runs past its sentence, unless a field follows
    while k > a and label.match(f, k + 1 + len(f[k + 1:b]) - len(f[k + 1:b].lstrip())):
        k = f.find("。", k + 1, b)
    if k > a:
        b = k
    m = _SAME.search(f[a:b])
    if m:
        same, b = True, a + m.start()
    if not label.search(f, a, b):
        m = _cue_patterns().tail_field.search(f, a, b)
        if m:
            b = m.start()
    while b > a and f[b - 1] in ",;。 (":    # "…市财政局(第一责任单位为牵头单位,下同)": the bracket opened
        b -= 1
    return b, conv, same


def _labelled(s: str, f: str, a: int, b: int, source: str, region: Any,
              has_lead: bool = False, first_is_lead: bool = False) -> list[Unit] | None:
    """Units of fields "牵头单位:A;配合单位:B" in f[a:b]; `has_lead` when a lead is named elsewhere
    in the same marker (label lines of one measure); `first_is_lead` under the convention
    "第一责任单位为牵头单位", which ranks an unranked field."""
    labels = list(_cue_patterns().label.finditer(f, a, b))
    if not labels or f[a:labels[0].start()].strip(" ,;("):
        return None
    has_lead = has_lead or any(_is_lead_label(m) for m in labels)
    units = []
    for k, m in enumerate(labels):
        end = labels[k + 1].start() if k + 1 < len(labels) else b
        tail = _cue_patterns().tail_field.search(f, m.end(), end)
        end = tail.start() if tail else end
        role = _label_role(m, has_lead)
        if role is None:
            continue
        ranked = _ranked_segment(s, f, m.end(), end, source, region) if role == "responsible" else None
        if ranked is None:
            ranked = _units_from(s, f, m.end(), end, role, source, region)
            if role == "responsible" and first_is_lead and not has_lead:
                ranked = _first_leads(ranked)
                has_lead = bool(ranked)
        units += ranked
    return units


def _ranked_segment(s: str, f: str, a: int, b: int, source: str, region: Any) -> list[Unit] | None:
    """An unranked field that ranks its bodies in words ("责任单位:X牵头,Y配合", "责任单位:X会同Y"), or None."""
    units = _role_clauses(s, f, a, b, False, source, region, bare_ok=False)
    if units and any(u.role == "lead" for u in units):
        return units
    k = f.find("会同", a, b)
    if k > a:
        left = _units_from(s, f, a, k, "lead", source, region)
        right = _units_from(s, f, k + 2, b, "support", source, region)
        if left and right:
            return left + right
    return None


def _role_clauses(s: str, f: str, a: int, b: int, first_is_lead: bool, source: str, region: Any,
                  bare_ok: bool) -> list[Unit] | None:
    """Units of f[a:b] read as clauses "LIST 牵头/会同…负责/负责/配合", or as a bare body list."""
    pos, clauses = a, []
    for start, end, verb in _closing_verbs(f, a, b):
        if start <= pos:
            continue
        if verb == "会同":
            continue
        clauses.append((pos, start, verb))
        pos = end
        while pos < b and f[pos] in ",;。 ":
            pos += 1
    units: list[Unit] = []
    if clauses and pos < b and _bare_list(f, pos, b):
        clauses.append((pos, b, "负责"))     # "X等按职责分工负责;各市、区人民政府": a second clause without its verb
        pos = b
    if clauses and pos >= b:
        leads = [_verb_role(v, False) == "lead" for _, _, v in clauses]
        has_lead = any(leads) or any("会同" in f[x:y] for x, y, _ in clauses)
        for x, y, verb in clauses:
            k = f.find("会同", x, y)
            if k >= 0:
                units += _units_from(s, f, x, k, "lead", source, region)
                units += _units_from(s, f, k + 2, y, "support", source, region)
                continue
            units += _units_from(s, f, x, y, _verb_role(verb, has_lead), source, region)
        if not has_lead and first_is_lead and units:
            units = _first_leads(units)
        return units
    if not bare_ok or not split_units(s[a:b]) or not _bare_list(f, a, b):
        return None
    units = _units_from(s, f, a, b, "responsible", source, region)
    if first_is_lead:
        units = _first_leads(units)
    return units


def _closing_verbs(f: str, a: int, b: int) -> list[tuple[int, int, str]]:
    """The role verbs closing the clauses of f[a:b] as (start, end, verb): "X牵头," and also a lead verb
    with the words of its duty, no body among them ("X牵头督导,Y…", "X牵头抓总;")."""
    pats = _cue_patterns()
    found = [(m.start(), m.end(), m.group(1)) for m in pats.verb.finditer(f, a, b)]
    for m in pats.lead_more.finditer(f, a, b):
        x, y = m.span(1)
        if any(s <= x < e for s, e, _ in found) or any(name_at(f, k) for k in range(y, m.end())):
            continue
        found.append((x, m.end(), m.group(1)))
    return sorted(found)


def _bare_list(f: str, a: int, b: int) -> bool:
    """Is f[a:b] a list of body names only (vague words and 等… endings allowed)?"""
    pieces = [_bracket_role(f[x:y].strip())[0] for x, y in _top_split(f, a, b)]
    etc = _cue_patterns().etc_tail
    return any(pieces) and all(is_body(p) or is_vague(p) or is_body(etc.sub("", p)) for p in pieces if p)


def _first_leads(units: list[Unit]) -> list[Unit]:
    """The convention "列第一位者为牵头单位" applied to an unranked list: the first leads, the others support."""
    return [_relabel(u, "lead" if i == 0 else "support") for i, u in enumerate(units)]

__all__ = ["Marker", "find_markers"]
