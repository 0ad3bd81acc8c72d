"""One notice → the rows of its 任务分工表 (task-division table), one `TaskRow` each.

Columns, as an office files them: 序号 | 重点任务 | 工作要求 | 牵头单位 | 配合单位 | 完成时限.

Covered:
- body measures, one row per measure (`per="measure"`: 工作要求 is the measure's text condensed to
  its first sentence plus every sentence that states a target, an amount or a deadline, kept
  verbatim) or one row per requirement sentence (`per="sentence"`, the way hand-made annexes
  split a task);
- a task table the notice already carries (measures with ``source == "table"``): reproduced
  row for row, its own 完成时限 cell kept; `merge_body=True` ranks its rows with the body's
  roles and adds the body measures the table leaves out;
- roles: lead → 牵头单位, support → 配合单位. A `responsible` body (named without ranking:
  责任单位：…, a 责任部门 column, "X负责…") goes to 牵头单位 when the measure names no lead —
  a body that answers for a task alone is the one that leads it — and to 配合单位 when the
  measure also names a lead (GUIDELINE.md reads the other bodies of such a marker as support);
- 完成时限: the measure's (or sentence's) own deadline, else the notice's horizon (its latest
  deadline), else "长期坚持";
- grouping (`group=True`): a group row for each heading (一、… / (一)…) a run of tasks sits under.

Not covered: deciding who is responsible (see `extractor.units`) or writing files (see
`extractor.taskio`). A task with no responsible body is not an error: its unit cells show
"（未明确）" and `rows_warnings` says so.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from typing import Iterable

from .model import Deadline, Measure, Notice, Unit

UNSPECIFIED = "（未明确）"
STANDING = "长期坚持"
JOIN = "、"
HEADERS = ("序号", "重点任务", "工作要求", "牵头单位", "配合单位", "完成时限")
PER = ("measure", "sentence")
NAMES = ("as_written", "canonical")

_SENT_END = "。！？!?"
_CLOSERS = "”’」』"
_OPEN, _CLOSE = "（(〔【[", "）)〕】]"
_MARKER_WORDS = re.compile(r"^\s*(?:牵头|责任|配合|协办|主办|参与|实施|承办)(?:单位|部门|处室)?\s*[:：]"
                           r"|(?:负责|牵头|配合|落实)\s*$")
_NUMBER = re.compile(r"^\s*(?:第[一二三四五六七八九十百零\d]+[章节条部分]+|[一二三四五六七八九十百零]+[、.．]|"
                     r"[(（][一二三四五六七八九十百零\d]+[)）]|\d{1,3}[、.．]|[①-⑳])\s*[:：]?")
_ANNEX_REF = re.compile(r"^附件\s*\d*\s*[:：]")       # "附件：…" list lines after the last measure
_WS_CJK = re.compile(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])")


@dataclass(frozen=True)
class TaskRow:
    """One row of a 任务分工表, or a group row (`kind="group"`) naming a heading.

    `lead`/`support` hold body names (empty when the notice names none); `deadline` is the
    完成时限 cell as shown, `deadline_date` its ISO date when it has one and `deadline_basis`
    where it came from: measure, sentence, notice (the horizon), standing or table.
    """

    no: str
    task: str
    requirement: str = ""
    lead: tuple[str, ...] = ()
    support: tuple[str, ...] = ()
    deadline: str = ""
    deadline_date: str | None = None
    deadline_basis: str = ""
    kind: str = "task"
    level: int = 0
    chapter: tuple[str, ...] = ()
    measure: str | None = None
    source: str = "body"
    flags: tuple[str, ...] = ()

    @property
    def lead_text(self) -> str:
        """The 牵头单位 cell: names joined with 、, or （未明确） when the task names no body at all."""
        if self.kind == "task" and not self.lead and not self.support:
            return UNSPECIFIED
        return JOIN.join(self.lead)

    @property
    def support_text(self) -> str:
        return JOIN.join(self.support)

    def cells(self) -> tuple[str, str, str, str, str, str]:
        """The six cells as shown (a group row has only its heading, in the 重点任务 cell)."""
        if self.kind == "group":
            return ("", self.task, "", "", "", "")
        return (self.no, self.task, self.requirement, self.lead_text, self.support_text, self.deadline)


# ---------------------------------------------------------------- small text helpers

def clean(s: str) -> str:
    """Text as it reads in a cell: hard wraps and layout spaces next to Chinese removed.

    >>> clean("培育智能光电产业链技能 人才\\n(牵头)")
    '培育智能光电产业链技能人才(牵头)'
    """
    return " ".join(_WS_CJK.sub("", s).split())


def title_key(s: str) -> str:
    """A task title reduced for matching: no spaces, no punctuation, full width folded."""
    s = s.translate({i: i - 0xFEE0 for i in range(0xFF01, 0xFF5F)})
    return re.sub(r"[\s,.;:!?()\[\]“”\"'、。《》<>·—\-]", "", s)


def title_similarity(a: str, b: str) -> float:
    """How alike two task titles are (1.0 = the same after `title_key`).

    >>> round(title_similarity("推进职业培训机构扩容提质", "推进培训机构扩容提质"), 2)
    0.91
    """
    ka, kb = title_key(a), title_key(b)
    if not ka or not kb:
        return 0.0
    if ka == kb:
        return 1.0
    return SequenceMatcher(None, ka, kb, autojunk=False).ratio()


def format_deadline(iso: str) -> str:
    """An ISO date as a 完成时限 cell.

    >>> format_deadline("2025-12-31"), format_deadline("2022-10-31"), format_deadline("2024-03-15")
    ('2025年底前', '2022年10月底前', '2024年3月15日前')
    """
    y, m, d = (int(x) for x in iso.split("-"))
    if (m, d) == (12, 31):
        return f"{y}年底前"
    nxt = (y + (m == 12), m % 12 + 1)
    from datetime import date, timedelta
    if d == (date(nxt[0], nxt[1], 1) - timedelta(days=1)).day:
        return f"{y}年{m}月底前"
    return f"{y}年{m}月{d}日前"


def strip_markers(s: str, unit_spans: Iterable[tuple[int, int]] = (), offset: int = 0) -> str:
    """Remove responsibility markers in brackets (（牵头单位：…）, 〔责任单位：…〕, （X会同Y负责）).

    A bracket also counts as a marker when it holds one of `unit_spans` (offsets of `s` start
    at `offset`). Brackets nest (〔牵头单位：各区(市)人民政府〕 goes as a whole).

    >>> strip_markers("到2025年培训1万人次。(牵头单位:市人社局;配合单位:各区(市)人民政府)")
    '到2025年培训1万人次。'
    """
    spans = list(unit_spans)
    out, i, n = [], 0, len(s)
    while i < n:
        if s[i] in _OPEN:
            j, depth = i, 0
            while j < n:
                if s[j] in _OPEN:
                    depth += 1
                elif s[j] in _CLOSE:
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            if j < n:
                inner = s[i + 1:j]
                a, b = offset + i, offset + j
                if _MARKER_WORDS.search(inner) or any(a < us and ue <= b for us, ue in spans):
                    i = j + 1
                    continue
        out.append(s[i])
        i += 1
    return "".join(out)


def _sentences(s: str, start: int) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `s` (offsets + `start`), a closing quote kept with its 。."""
    out, a, i, depth = [], 0, 0, 0
    while i < len(s):
        c = s[i]
        depth += (c in _OPEN) - (c in _CLOSE)
        if c in _SENT_END and depth <= 0:
            j = i + 1
            while j < len(s) and s[j] in _CLOSERS:
                j += 1
            out.append((start + a, start + j))
            a, i = j, j
            continue
        i += 1
    if s[a:].strip():
        out.append((start + a, start + len(s)))
    return out


def _after_title(raw: str, title: str) -> int:
    """Offset in `raw` (a measure's original text) just past its number and run-in title."""
    m = _NUMBER.match(raw)
    pos = m.end() if m else 0
    want = re.sub(r"\s+", "", title)
    i, k = pos, 0
    while i < len(raw) and k < len(want):
        if raw[i].isspace():
            i += 1
        elif raw[i] == want[k]:
            i, k = i + 1, k + 1
        else:
            return pos
    while i < len(raw) and raw[i] in "。:： \n":
        i += 1
    return i


# ---------------------------------------------------------------- units and deadlines

def rank_units(units: Iterable[Unit], names: str = "as_written") -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(牵头单位, 配合单位) of a measure's bodies; unranked `responsible` bodies lead when no body does.

    Why: a body named without rank (责任单位：A、B) answers for the task itself, which is what the
    牵头单位 column records; left out of it, the row would read as a task nobody leads. Beside a
    named lead, the unranked bodies are the ones that help (GUIDELINE.md reads 牵头单位：A；责任单位：B
    the same way), so they go to 配合单位.

    >>> u = [Unit("市人社局", "responsible", (0, 4)), Unit("市财政局", "responsible", (5, 9))]
    >>> rank_units(u)
    (('市人社局', '市财政局'), ())
    >>> rank_units([Unit("市教育局", "lead", (0, 4))] + u)
    (('市教育局',), ('市人社局', '市财政局'))
    """
    if names not in NAMES:
        raise ValueError(f"names must be one of {', '.join(NAMES)}, not {names!r}")
    units = list(units)
    lead: list[str] = []
    support: list[str] = []
    for u, role in zip(units, rank_roles(units)):
        name = clean((u.canonical or u.name) if names == "canonical" else u.name)
        if role == "lead":
            if name not in lead:
                lead.append(name)
        elif name not in support:
            support.append(name)
    return tuple(lead), tuple(n for n in support if n not in lead)


def rank_roles(units: Iterable[Unit]) -> list[str]:
    """Each body's column, "lead" or "support", by the rule of `rank_units`."""
    units = list(units)
    has_lead = any(u.role == "lead" for u in units)
    return ["lead" if u.role == "lead" or (u.role == "responsible" and not has_lead) else "support" for u in units]


def notice_horizon(notice: Notice) -> str | None:
    """The notice's latest deadline (ISO), validity ends left out; None when it has none."""
    dates = [d.date for d in notice.deadlines if d.kind != "validity" and d.date]
    return max(dates) if dates else None


@dataclass(frozen=True)
class _Ctx:
    notice: Notice
    names: str
    horizon: str | None

    def deadline(self, own: str | None, basis: str) -> tuple[str, str | None, str]:
        if own:
            return format_deadline(own), own, basis
        if self.horizon:
            return format_deadline(self.horizon), self.horizon, "notice"
        return STANDING, None, "standing"

    def facts(self, m: Measure) -> list:
        n = self.notice
        return [f for f in (*n.targets, *n.amounts, *n.deadlines) if f.measure == m.id]


def _flags(lead: tuple[str, ...], support: tuple[str, ...]) -> tuple[str, ...]:
    if not lead and not support:
        return ("no_units",)
    return () if lead else ("no_lead",)


# ---------------------------------------------------------------- rows

def _pieces(m: Measure, ctx: _Ctx) -> list[tuple[str, list, tuple[int, int]]]:
    """The measure's sentences after its title: (clean text, facts in it, span), markers removed."""
    text = ctx.notice.text
    s0, e0 = m.span
    raw = text[s0:e0]
    start = _after_title(raw, m.title)
    spans = [u.span for u in m.units if u.source in ("marker", "table")]
    facts = ctx.facts(m)
    out = []
    for a, b in _sentences(raw[start:], s0 + start):
        t = clean(strip_markers(text[a:b], spans, a))
        if not t.strip(_SENT_END + "，,；;、 ") or _ANNEX_REF.match(t):
            continue
        out.append((t, [f for f in facts if a <= f.span[0] and f.span[1] <= b], (a, b)))
    return out


def _condense(pieces: list[tuple[str, list, tuple[int, int]]], min_chars: int = 60) -> str:
    """First sentence, every sentence with a target/amount/deadline, more sentences while short."""
    keep = [i == 0 or bool(facts) for i, (_, facts, _) in enumerate(pieces)]
    i = 1
    while sum(len(p[0]) for p, k in zip(pieces, keep) if k) < min_chars and i < len(pieces):
        keep[i] = True
        i += 1
    return "".join(p[0] for p, k in zip(pieces, keep) if k)


def _body_rows(m: Measure, ctx: _Ctx, per: str) -> list[TaskRow]:
    lead, support = rank_units(m.units, ctx.names)
    base = TaskRow(no="", task=clean(m.title), lead=lead, support=support, chapter=m.section, measure=m.id,
                   source=m.source, flags=_flags(lead, support))
    pieces = _pieces(m, ctx)
    if per == "measure" or not pieces:
        dl = ctx.deadline(m.deadline, "measure")
        req = _condense(pieces) if pieces else ""
        return [replace(base, requirement=req, deadline=dl[0], deadline_date=dl[1], deadline_basis=dl[2])]
    rows = []
    for t, facts, _ in pieces:
        own = max((f.date for f in facts if isinstance(f, Deadline) and f.kind != "validity"), default=None)
        dl = ctx.deadline(own, "sentence") if own else ctx.deadline(m.deadline, "measure")
        rows.append(replace(base, requirement=t, deadline=dl[0], deadline_date=dl[1], deadline_basis=dl[2]))
    return rows


def _table_cells(notice: Notice) -> dict[int, dict[str, str]]:
    """Cells of each task-table row by the row's start in the original text (for its 完成时限 cell)."""
    from .normalize import normalize
    from .structure import parse_skeleton

    n = normalize(notice.text)
    sk = parse_skeleton(n.text)
    return {n.orig_span(row.line.start, row.line.end)[0]: row.cells for _, row in sk.table_rows}


_PLACEHOLDERS = {"未明确", "待明确", "无", "/", "-", "—"}


def _table_row(m: Measure, ctx: _Ctx, cells: dict[str, str], units: Iterable[Unit] | None = None) -> TaskRow:
    """A task-table row as the table gives it; a placeholder cell such as （未明确） names no body."""
    units = [u for u in (m.units if units is None else units) if clean(u.name).strip("（）() ") not in _PLACEHOLDERS]
    lead, support = rank_units(units, ctx.names)
    cell = clean(cells.get("deadline", ""))
    dl = (cell, m.deadline, "table") if cell else ctx.deadline(m.deadline, "measure")
    return TaskRow(no=clean(m.number), task=clean(m.title), requirement=clean(m.text), lead=lead, support=support,
                   deadline=dl[0], deadline_date=dl[1], deadline_basis=dl[2], chapter=m.section, measure=m.id,
                   source=m.source, flags=_flags(lead, support))


def match_tasks(body: list[Measure], table: list[Measure], threshold: float = 0.8) -> dict[str, Measure]:
    """Table measure id → the body measure whose title is most alike (at least `threshold`)."""
    out: dict[str, Measure] = {}
    for t in table:
        best = max(body, key=lambda b: title_similarity(b.title, t.title), default=None)
        if best is not None and title_similarity(best.title, t.title) >= threshold:
            out[t.id] = best
    return out


def _unit_key(u: Unit) -> str:
    return clean(u.canonical or u.name)


def _merged(body: list[Measure], table: list[Measure], ctx: _Ctx, per: str) -> list[TaskRow]:
    """Table rows in body order, each body in the column the body text gives it (a body the text does
    not name keeps the table's role); body measures the table lacks are added as body rows, table
    rows matching no body task follow at the end."""
    cells = _table_cells(ctx.notice)
    match = match_tasks(body, table)
    by_body: dict[str, list[Measure]] = {}
    for t in table:
        if t.id in match:
            by_body.setdefault(match[t.id].id, []).append(t)
    rows: list[TaskRow] = []
    for b in body:
        rows_of = by_body.get(b.id)
        if not rows_of:
            rows.extend(_body_rows(b, ctx, per))
            continue
        roles = dict(zip(map(_unit_key, b.units), rank_roles(b.units)))
        for t in rows_of:
            ranked = [replace(u, role=roles.get(_unit_key(u), u.role)) for u in t.units]
            row = _table_row(t, ctx, cells.get(t.span[0], {}), units=ranked)
            rows.append(replace(row, no="", task=clean(b.title), chapter=b.section, source="merged"))
    rows.extend(_table_row(t, ctx, cells.get(t.span[0], {})) for t in table if t.id not in match)
    return rows


def _with_groups(rows: list[TaskRow]) -> list[TaskRow]:
    out: list[TaskRow] = []
    prev: tuple[str, ...] = ()
    for r in rows:
        path = () if r.chapter[:1] == ("附件",) else r.chapter
        k = 0
        while k < min(len(prev), len(path)) and prev[k] == path[k]:
            k += 1
        out.extend(TaskRow(no="", task=clean(h), kind="group", level=i + 1, chapter=path[:i + 1])
                   for i, h in enumerate(path[k:], start=k))
        out.append(r)
        prev = path
    return out


def notice_to_tasks(notice: Notice, per: str = "measure", names: str = "as_written", group: bool = False,
                    merge_body: bool = False) -> list[TaskRow]:
    """The rows of the notice's 任务分工表 (see the module docstring for the rules).

    `per`: "measure" or "sentence" (body measures only; a task table keeps its rows); `names`:
    "as_written" or "canonical"; `group`: add heading rows; `merge_body`: where the notice has a
    task table, rank its rows with the body's roles and add the body tasks it lacks. Numbers (序号)
    run 1, 2, … except where a task table is reproduced with its own numbers.

    >>> from extractor.pipeline import parse_text
    >>> n = parse_text("一、主要任务\\n1.开展培训。到2025年培训1万人次。(牵头单位:市人社局;配合单位:市财政局)")
    >>> [(r.task, r.lead, r.support, r.deadline) for r in notice_to_tasks(n)]
    [('开展培训', ('市人社局',), ('市财政局',), '2025年底前')]
    """
    if per not in PER:
        raise ValueError(f"per must be one of {', '.join(PER)}, not {per!r}")
    ctx = _Ctx(notice, names, notice_horizon(notice))
    table = [m for m in notice.measures if m.source == "table"]
    others = [m for m in notice.measures if m.source != "table"]
    if table and merge_body:
        rows = _merged(others, table, ctx, per)
    elif table:
        cells = _table_cells(notice)
        rows = [_table_row(m, ctx, cells.get(m.span[0], {})) for m in table]
    else:
        rows = [r for m in others for r in _body_rows(m, ctx, per)]
    keep_numbers = table and not merge_body and all(r.no for r in rows)
    if not keep_numbers:
        rows = [replace(r, no=str(i + 1)) for i, r in enumerate(rows)]
    return _with_groups(rows) if group else rows


def rows_warnings(rows: Iterable[TaskRow]) -> list[str]:
    """Lines to show the user: tasks whose unit cells are left for them to fill in (an empty table
    says nothing here: the notice's own warning "no measures found" covers it)."""
    rows = [r for r in rows if r.kind == "task"]
    out = []
    none = [f"{r.no}.{r.task}" for r in rows if "no_units" in r.flags]
    if none:
        out.append(f"{len(none)} of {len(rows)} tasks name no responsible body (shown as {UNSPECIFIED}): "
                   + "; ".join(none))
    nolead = [f"{r.no}.{r.task}" for r in rows if "no_lead" in r.flags]
    if nolead:
        out.append(f"{len(nolead)} tasks name supporting bodies but no lead: " + "; ".join(nolead))
    return out


COLUMNS = ("no", "task", "requirement", "lead", "support", "deadline", "deadline_date", "deadline_basis",
           "kind", "level", "chapter", "measure", "source", "flags")


def rows_to_dataframe(rows: Iterable[TaskRow]):
    """The rows as a pandas DataFrame, one column per `TaskRow` field (lead/support as lists).

    >>> df = rows_to_dataframe([TaskRow("1", "开展培训", lead=("市人社局",), support=("市财政局",))])
    >>> df[df["lead"].map(lambda xs: "市人社局" in xs)]["task"].tolist()
    ['开展培训']
    """
    import pandas as pd

    recs = []
    for r in rows:
        recs.append({c: (list(getattr(r, c)) if isinstance(getattr(r, c), tuple) else getattr(r, c))
                     for c in COLUMNS})
    return pd.DataFrame.from_records(recs, columns=list(COLUMNS))


__all__ = ["COLUMNS", "HEADERS", "NAMES", "PER", "STANDING", "TaskRow", "UNSPECIFIED", "clean", "format_deadline",
           "match_tasks", "notice_horizon", "notice_to_tasks", "rank_units", "rows_to_dataframe", "rows_warnings",
           "strip_markers", "title_key", "title_similarity"]
