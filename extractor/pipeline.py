"""One notice from file to `Notice`: read → normalise → structure → metadata → facts.

`parse_file(path)` and `parse_text(text)` are the two entry points. Each stage is a plain
function over the previous stage's output; spans found on the normalised view are mapped
back onto the original text (`Notice.text`) before they are stored.

Problems met while extracting one notice become warnings on it (`Notice.warnings`,
`status="partial"`), never silent drops; problems reading the file are raised as typed
`ZhengceError`s by the readers.
"""
from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from pathlib import Path

from . import amounts as amounts_mod
from . import deadlines as deadlines_mod
from . import obligations as obligations_mod
from . import targets as targets_mod
from . import units as units_mod
from .meta import extract_meta
from .model import Measure, Notice, Section, Source, Unit
from .normalize import PINYIN_GLOSS, NormText, normalize
from .readers import DEFAULT_LIMITS, Limits, RawDocument, read
from .structure import (Heading, Skeleton, first_clause, measure_headings, paragraph_measures, parse_skeleton,
                        section_label, section_path, single_paragraph_tops, top_of)
from .units import unit_key

_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


def parse_file(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> Notice:
    """Read and extract one notice file."""
    raw = read(path, limits)
    data_hash = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    return notice_from_raw(raw, data_hash)


def parse_text(text: str, name: str | None = None) -> Notice:
    """Extract a notice from text already in memory.

    >>> n = parse_text("关于实施技能行动的意见\\n一、主要任务\\n1.开展培训。到2025年培训1万人次。(责任单位:市人社局)")
    >>> [m.title for m in n.measures], [u.name for u in n.measures[0].units]
    (['开展培训'], ['市人社局'])
    """
    raw = RawDocument(text=text, format="txt", path=name)
    return notice_from_raw(raw, hashlib.sha256(text.encode("utf-8")).hexdigest())


def notice_from_raw(raw: RawDocument, data_hash: str) -> Notice:
    n = normalize(raw.text)
    sk = parse_skeleton(n.text)
    warnings = list(raw.warnings)
    body_orig = n.index[sk.body_start] if sk.headings else None
    meta = extract_meta(raw.text, body_orig)
    sections = _sections(sk, n)
    measures = _measures(sk, n, region=meta.region)
    if not measures:
        warnings.append("no measures found (no numbered items that carry work)")
    facts = _facts(n, sk, measures, notice_year=_notice_year(meta.date, meta.doc_number))
    measures = _with_deadlines(measures, facts["deadlines"])
    source = Source(path=raw.path, format=raw.format, encoding=raw.encoding, sha256=data_hash, pages=raw.pages)
    return Notice(
        id=data_hash[:16], source=source, text=raw.text, meta=meta, sections=tuple(sections),
        measures=tuple(measures), amounts=tuple(facts["amounts"]), targets=tuple(facts["targets"]),
        deadlines=tuple(facts["deadlines"]), recurrences=tuple(facts["recurrences"]),
        obligations=tuple(facts["obligations"]), warnings=tuple(warnings),
        status="partial" if warnings and not measures else "ok",
    )


# ---------------------------------------------------------------- sections

def _sections(sk: Skeleton, n: NormText) -> list[Section]:
    ids = {id(h): f"s{i + 1}" for i, h in enumerate(sk.headings)}
    out = []
    for h in sk.headings:
        out.append(Section(id=ids[id(h)], number=h.number, title=_orig_clean(n, *_title_span(h)), level=h.level,
                           span=n.orig_span(h.line.start, h.end), path=section_path(h),
                           parent=ids[id(h.parent)] if h.parent else None))
    return out


def _title_span(h: Heading) -> tuple[int, int]:
    s = h.line.text
    i = s.find(h.title, s.find(h.number) + len(h.number))
    start = h.line.start + max(i, 0)
    return start, start + len(h.title)


def _orig_clean(n: NormText, start: int, end: int) -> str:
    """Original text of a normalised span, with line breaks (hard wraps) removed."""
    return re.sub(r"\s*\n\s*", "", n.orig_text(start, end)).strip()


# ---------------------------------------------------------------- measures

def _measures(sk: Skeleton, n: NormText, region) -> list[Measure]:
    items: list[tuple[int, Measure]] = []
    stmts = units_mod.find_inheritance(n.text, region=region)

    def first_is_lead(pos: int) -> bool:
        """'排首位为牵头单位，下同': from that statement on, the first body of a marker leads."""
        return any(st.first_is_lead and st.span[0] < pos for st in stmts)

    heads = measure_headings(sk.headings) + single_paragraph_tops(sk)
    for h in heads:
        ts, te = _title_span(h)
        body = n.text[h.line.start:h.end]
        units = [_map_unit(u, n, h.line.start)
                 for u in units_mod.extract_units(body, first_is_lead=first_is_lead(h.end), region=region)]
        items.append((h.line.start, Measure(
            id="", number=h.number, title=_orig_clean(n, ts, te), text=_orig_clean(n, h.line.start + len(h.number), h.end),
            span=n.orig_span(h.line.start, h.end), section=section_path(h.parent),
            units=tuple(units), source="annex" if h.in_annex else "body")))
    for h, ln in paragraph_measures(sk):
        t0 = len(ln.text) - len(ln.text.lstrip())
        title = first_clause(ln.text[t0:])
        units = [_map_unit(u, n, ln.start)
                 for u in units_mod.extract_units(ln.text, first_is_lead=first_is_lead(ln.end), region=region)]
        items.append((ln.start, Measure(
            id="", number="", title=_orig_clean(n, ln.start + t0, ln.start + t0 + len(title)),
            text=_orig_clean(n, ln.start, ln.end), span=n.orig_span(ln.start, ln.end), section=section_path(h),
            units=tuple(units), source="body")))
    for header, row in sk.table_rows:
        cells, spans = row.cells, row.cell_spans
        units = []
        seen: set[str] = set()            # a body named in two unit cells counts once, in its first cell's role
        for role in ("lead", "support", "responsible"):
            if cells.get(role) and role in spans:
                s0 = spans[role][0]
                for u in _cell_units(role, cells[role], region):
                    if unit_key(u.name) not in seen:
                        seen.add(unit_key(u.name))
                        units.append(_map_unit(u, n, s0, source="table"))
        title = cells.get("task", "")
        tspan = spans.get("task")
        if tspan:
            # a long task cell is a sentence: its title is the words before the first 。 (where a requirement
            # column holds the row's text; a row whose task cell is its only text keeps the whole cell)
            cut = title.find("。") if "requirement" in header else -1
            end = tspan[0] + cut if 0 < cut < len(title) else tspan[1]
            title = _orig_clean(n, tspan[0], end).rstrip("。")
        req = spans.get("requirement")
        text = _orig_clean(n, *req) if req else ""
        items.append((row.line.start, Measure(
            id="", number=cells.get("no", ""), title=title, text=text, span=n.orig_span(row.line.start, row.line.end),
            section=("附件",) if sk.annex_start is not None and row.line.start >= sk.annex_start else (),
            units=tuple(units), source="table")))
    covered = {s for s, _ in items}
    for ln in sk.annex_lines:
        if ln.start in covered:
            continue
        hit = units_mod.parse_annex_duty_line(ln.text, region=region)
        if not hit:
            continue
        units, title = hit
        t0 = ln.text.find(title) if title else -1
        items.append((ln.start, Measure(
            id="", number="", title=_orig_clean(n, ln.start + t0, ln.start + t0 + len(title)) if t0 >= 0 else title,
            text=_orig_clean(n, ln.start, ln.end), span=n.orig_span(ln.start, ln.end), section=("附件",),
            units=tuple(_map_unit(u, n, ln.start, source="annex_line") for u in units), source="annex_line")))
    items.sort(key=lambda x: x[0])
    measures = [replace(m, id=f"m{i + 1}") for i, (_, m) in enumerate(items)]
    return _apply_inheritance(measures, stmts, n)


_RANKING_WORDS = re.compile(r"牵头|配合|会同|协同|按职责|负责")


def _cell_units(role: str, cell: str, region) -> list[Unit]:
    """Bodies of a table cell; an unranked cell that ranks its bodies in words ("X牵头,Y配合") keeps that ranking."""
    if role == "responsible" and _RANKING_WORDS.search(cell):
        found = units_mod.extract_units(cell, region=region)
        if found:
            return found
    return units_mod.units_from_cells(**{f"{role}_cell": cell}, region=region)


def _map_unit(u: Unit, n: NormText, offset: int, source: str | None = None) -> Unit:
    s, e = u.span
    os_, oe = n.orig_span(offset + s, offset + e)
    g = PINYIN_GLOSS.match(n.original, oe)
    if g:
        oe = g.end()                      # the gloss of the last character is printed too: "高新區(qū)管委會(huì)"
    name = re.sub(r"\s+", "", n.original[os_:oe]) or u.name
    kw = {"span": (os_, oe), "name": name}
    if source and u.source == "marker":
        kw["source"] = source
    return replace(u, **kw)


def _apply_inheritance(measures: list[Measure], stmts: list, n: NormText) -> list[Measure]:
    """'以下措施均需A作为责任单位' / '下同': add A to the body measure that says it and every later one,
    unless the measure already names it (各地方人民政府 covers 地方人民政府)."""
    stmts = [st for st in stmts if st.units]
    if not stmts:
        return measures
    out = []
    for m in measures:
        add: list[Unit] = []
        have = {units_mod.unit_key(u.name).removeprefix("各") for u in m.units}
        for st in stmts:
            if m.source != "body" or m.span[1] <= n.orig_span(*st.span)[0]:
                continue
            for u in st.units:
                k = units_mod.unit_key(u.name).removeprefix("各")
                if k not in have:
                    have.add(k)
                    add.append(replace(_map_unit(u, n, 0), inherited=True, source="inherited"))
        out.append(replace(m, units=m.units + tuple(add)) if add else m)
    return out


# ---------------------------------------------------------------- facts

def _notice_year(date: str | None, doc_number: str | None) -> int | None:
    """The notice's own year: its signing date's, else its 文号's (〔2023〕8号), else None.

    >>> _notice_year("2023-09-20", None), _notice_year(None, "鼎政办规〔2023〕8号"), _notice_year(None, None)
    (2023, 2023, None)
    """
    if date:
        return int(date[:4])
    m = re.search(r"[〔\[［(（]\s*((?:19|20)\d{2})\s*[〕\]］)）]", doc_number or "")
    return int(m.group(1)) if m else None


def _facts(n: NormText, sk: Skeleton, measures: list[Measure], notice_year: int | None = None) -> dict[str, list]:
    """Run the fact extractors line by line on the normalised text; map spans back; attach section and measure.

    `notice_year` dates a month written without a year ("6月底完成") where the line gives no year."""
    heads = sk.headings
    starts = [h.line.start for h in heads]
    m_starts = [m.span[0] for m in measures]

    def enclosing(pos: int) -> Heading | None:
        i = bisect_right(starts, pos) - 1
        while i >= 0:
            if heads[i].line.start <= pos < max(heads[i].end, heads[i].line.end + 1):
                return heads[i]
            i -= 1
        return None

    def measure_at(opos: int) -> str | None:
        j = bisect_right(m_starts, opos) - 1
        if j >= 0 and opos < measures[j].span[1]:
            return measures[j].id
        return None

    row_year = _table_row_years(sk)
    out: dict[str, list] = {"amounts": [], "targets": [], "deadlines": [], "recurrences": [], "obligations": []}
    pos = 0
    frame: _Frame | None = None
    for line in n.text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if not line.strip():
            continue
        head = enclosing(start)
        sec = section_path(head)
        if frame is not None and not frame.keeps(head):
            frame = None                      # left the section (or the list) of the framing line
        year = row_year.get(start) or _heading_year(head) or (frame.year if frame else None)
        fy = targets_mod.framing_year(line)
        if fy is not None:
            frame = _Frame(fy, head)
        found = {
            "amounts": amounts_mod.extract_amounts(line),
            "targets": targets_mod.extract_targets(line, context_year=year),
            "deadlines": deadlines_mod.extract_deadlines(line, context_year=year or notice_year),
            "recurrences": deadlines_mod.extract_recurrences(line),
            "obligations": obligations_mod.extract_obligations(line),
        }
        for key, facts in found.items():
            for f in facts:
                os_, oe = n.orig_span(start + f.span[0], start + f.span[1])
                kw = {}
                if key == "amounts" and f.per:
                    kw["per"] = tuple(_as_written(n, line, start, f.span, p) for p in f.per)
                elif key == "targets" and f.unit:
                    kw["unit"] = _as_written(n, line, start, f.span, f.unit)
                out[key].append(replace(f, span=(os_, oe), text=n.original[os_:oe], section=sec,
                                        measure=measure_at(os_), **kw))
    out["deadlines"] = deadlines_mod.drop_repeated_validity(out["deadlines"])
    return out


def _as_written(n: NormText, line: str, start: int, span: tuple[int, int], word: str) -> str:
    """A word an extractor read on the normalised view (an amount's per, a target's unit), as the
    original prints it: the occurrence in `line` (at normalised offset `start`) inside the fact's `span`,
    else one written after 每 or /, else the nearest; `word` itself when the line does not hold it.

    >>> n = normalize("每个园区（基地）补贴５０万元")
    >>> i = n.text.index("50万元")
    >>> _as_written(n, n.text, 0, (i, i + 4), "园区(基地)")
    '园区（基地）'
    """
    best: tuple[bool, bool, int, int] | None = None        # (outside, not after 每 or /, distance, position)
    for m in re.finditer(re.escape(word), line):
        inside = m.start() >= span[0] and m.end() <= span[1]
        dist = 0 if inside else min(abs(m.start() - span[1]), abs(span[0] - m.end()))
        key = (not inside, not (m.start() > 0 and line[m.start() - 1] in "每/"), dist, m.start())
        if best is None or key < best:
            best = key
    if best is None:
        return word
    at = start + best[-1]
    os_, oe = n.orig_span(at, at + len(word))
    raw = PINYIN_GLOSS.sub("", re.sub(r"\s+", "", n.original[os_:oe]))
    return raw if len(raw) == len(word) else word


@dataclass
class _Frame:
    """A framing line ("到2025年,力争实现以下目标:") and what it governs: the goals listed after it are due
    that year. Under a heading it governs the rest of that heading's section; before any heading, the
    lines after it and the numbered list it opens ("1.…" / "(一)…"), up to the next section ("二、…")."""

    year: int
    head: Heading | None                  # the heading the framing line stands under
    list_kind: str | None = None          # before any heading: the marker kind of the list it opens

    def keeps(self, head: Heading | None) -> bool:
        """Does the line under `head` still belong to the frame?"""
        if self.head is not None:
            while head is not None and head is not self.head:
                head = head.parent
            return head is not None
        if head is None:
            return True
        top = top_of(head)
        if self.list_kind is None and top.kind in _LIST_KINDS:
            self.list_kind = top.kind
        return top.kind == self.list_kind


_LIST_KINDS = ("pcn", "num", "pnum", "circ")


def _table_row_years(sk: Skeleton) -> dict[int, int]:
    """For table rows that continue a merged task cell, the year the group's first row names ("到2025年")."""
    years: dict[int, int] = {}
    group_year: int | None = None
    for _, row in sk.table_rows:
        if "task" in row.cell_spans:          # the row has its own task cell: a new group starts
            m = _YEAR.search(row.line.text)
            group_year = int(m.group(1)) if m else None
        elif group_year is not None:
            years[row.line.start] = group_year
    return years


def _heading_year(h: Heading | None) -> int | None:
    """The year a heading (or one above it) names, e.g. "(一)2024年工作目标" → 2024."""
    while h is not None:
        m = _YEAR.search(h.title)
        if m:
            return int(m.group(1))
        h = h.parent
    return None


def _with_deadlines(measures: list[Measure], deadlines: list) -> list[Measure]:
    by_m: dict[str, str] = {}
    for d in deadlines:
        if d.measure and d.kind != "validity":
            by_m[d.measure] = max(by_m.get(d.measure, d.date), d.date)
    return [replace(m, deadline=by_m.get(m.id)) for m in measures]


__all__ = ["notice_from_raw", "parse_file", "parse_text", "section_label"]
