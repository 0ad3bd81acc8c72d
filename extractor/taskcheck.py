"""The consistency check staff run on a notice before filing its 任务分工表 (`zhengce check`).

Findings, by `kind`:
- ``table_differs`` — the notice has both responsibility markers in its body and a task table
  (measures with ``source == "table"``): per body task, the bodies the table adds or drops
  against the body's marker. Table rows are matched to body tasks by title similarity (so
  推进培训机构扩容提质 finds 推进职业培训机构扩容提质) and a task's table bodies are the union
  over all its rows; bodies compare by canonical name where both sides have one, else as written.
- ``table_missing`` — a body task the table leaves out, in a chapter the table otherwise covers;
  ``table_extra`` — a table task that matches no body task.
- ``no_units`` — a measure that names no responsible body.
- ``past_deadline`` — a deadline already past on the signing date (成文日期).
- ``target_conflict`` — one indicator given different targets (same counting unit and year) in
  different sentences.

Not covered: judging which side is right; checks across notices (see `corpus`).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Iterable

from .model import Measure, Notice, Span, Target, Unit, to_plain
from .tasks import JOIN, clean, match_tasks

KINDS = ("table_differs", "table_missing", "table_extra", "no_units", "past_deadline", "target_conflict")
LABELS = {
    "table_differs": "分工表与正文责任单位不一致",
    "table_missing": "正文任务未列入分工表",
    "table_extra": "分工表任务在正文中未找到",
    "no_units": "未明确责任单位的任务",
    "past_deadline": "成文日期前已届满的时限",
    "target_conflict": "同一指标目标值不一致",
}
_BODY_SOURCES = ("body", "annex")


@dataclass(frozen=True)
class Finding:
    """One problem: `kind` from KINDS, the `task` (or indicator) it concerns, a readable `message`."""

    kind: str
    task: str
    message: str
    measure: str | None = None
    span: Span | None = None
    added: tuple[str, ...] = ()
    dropped: tuple[str, ...] = ()


def _key(u: Unit) -> str:
    return clean(u.canonical or u.name)


def _names(units: Iterable[Unit]) -> dict[str, str]:
    """key → name as written, first occurrence kept."""
    out: dict[str, str] = {}
    for u in units:
        out.setdefault(_key(u), clean(u.name))
    return out


def _has_marker(m: Measure) -> bool:
    return any(u.source in ("marker", "inherited") for u in m.units)


def table_findings(notice: Notice, threshold: float = 0.8) -> list[Finding]:
    """Body task ⇄ task table: bodies added or dropped, tasks missing on either side."""
    table = [m for m in notice.measures if m.source == "table"]
    body = [m for m in notice.measures if m.source in _BODY_SOURCES and m.units and _has_marker(m)]
    if not table or not body:
        return []
    match = match_tasks(body, table, threshold)
    rows_of: dict[str, list[Measure]] = {}
    for t in table:
        if t.id in match:
            rows_of.setdefault(match[t.id].id, []).append(t)
    covered = {b.section[:1] for b in body if b.id in rows_of}
    out = []
    for b in body:
        rows = rows_of.get(b.id)
        title = clean(b.title)
        if not rows:
            if b.section[:1] in covered:
                out.append(Finding("table_missing", title, f"{title}：正文有此任务，分工表未列", b.id, b.span))
            continue
        mine = _names(b.units)
        theirs = _names(u for t in rows for u in t.units)
        added = tuple(n for k, n in theirs.items() if k not in mine)
        dropped = tuple(n for k, n in mine.items() if k not in theirs)
        if added or dropped:
            parts = ([f"分工表增列 {JOIN.join(added)}"] if added else []) + \
                    ([f"分工表未列 {JOIN.join(dropped)}"] if dropped else [])
            out.append(Finding("table_differs", title, f"{title}：" + "；".join(parts), b.id, b.span, added, dropped))
    for t in table:
        if t.id not in match and clean(t.title) not in {f.task for f in out if f.kind == "table_extra"}:
            out.append(Finding("table_extra", clean(t.title), f"{clean(t.title)}：分工表有此任务，正文未找到对应条目",
                               t.id, t.span))
    return out


def unit_findings(notice: Notice) -> list[Finding]:
    """Measures that name no responsible body."""
    out = []
    for m in notice.measures:
        if not m.units:
            where = "分工表" if m.source == "table" else "正文"
            title = clean(m.title)
            out.append(Finding("no_units", title, f"{m.number}{title}：{where}未明确责任单位", m.id, m.span))
    return out


def _clause(text: str, span: Span, most: int = 40) -> str:
    """The deadline and the words after it up to the end of its clause ("2022年争创应用型本科学校")."""
    end = span[1]
    while end < len(text) and end - span[1] < most and text[end] not in "，,。；;：:\n|":
        end += 1
    return clean(text[span[0]:end])


def deadline_findings(notice: Notice) -> list[Finding]:
    """Deadlines before the signing date (validity ends and cadences are not deadlines here)."""
    signed = notice.meta.date
    if not signed:
        return []
    measures = {m.id: m for m in notice.measures}
    out = []
    for d in notice.deadlines:
        if d.kind != "validity" and d.date and d.date < signed:
            m = measures.get(d.measure or "")
            task = clean(m.title) if m else ""
            where = (f"分工表第{m.number}行 " if m.source == "table" and m.number else
                     "分工表 " if m.source == "table" else f"正文 {m.number}") if m else "正文"
            out.append(Finding("past_deadline", task or clean(d.text),
                               f"{where}{task}：“{_clause(notice.text, d.span)}”（{d.date}）早于成文日期 {signed}",
                               d.measure, d.span))
    return out


def _sentence_of(text: str, span: Span) -> tuple[int, int]:
    a = max(text.rfind(c, 0, span[0]) for c in "。；;\n") + 1
    ends = [i for i in (text.find(c, span[1]) for c in "。；;\n") if i >= 0]
    return a, min(ends) if ends else len(text)


def target_findings(notice: Notice) -> list[Finding]:
    """One indicator (same counting unit, same year) given different values in different sentences."""
    groups: dict[tuple[str, str, int | None], list[Target]] = {}
    for t in notice.targets:
        if t.indicator:
            groups.setdefault((clean(t.indicator), t.unit, t.year), []).append(t)
    out = []
    for (ind, unit, year), ts in groups.items():
        by_sentence: dict[tuple[int, int], Target] = {}
        for t in ts:
            by_sentence.setdefault(_sentence_of(notice.text, t.span), t)
        values = sorted({t.value for t in by_sentence.values()})
        if len(values) > 1:
            shown = "；".join(f"“{clean(t.text)}”" for t in by_sentence.values())
            out.append(Finding("target_conflict", ind, f"{ind}（{unit}{'，' + str(year) + '年' if year else ''}）："
                               f"目标值不一致 {shown}", ts[0].measure, ts[0].span))
    return out


def check_notice(notice: Notice) -> list[Finding]:
    """Every finding of every check, grouped by kind in the order of KINDS.

    >>> from extractor.pipeline import parse_text
    >>> n = parse_text("一、主要任务\\n1.开展培训。到2025年培训1万人次。\\n2.落实补贴。(责任单位:市人社局)")
    >>> [(f.kind, f.task) for f in check_notice(n)]
    [('no_units', '开展培训')]
    """
    found = table_findings(notice) + unit_findings(notice) + deadline_findings(notice) + target_findings(notice)
    return sorted(found, key=lambda f: KINDS.index(f.kind))


def report_to_text(findings: list[Finding], name: str = "") -> str:
    """A readable report: one numbered list per kind of finding, or a line saying all is well."""
    head = f"{name}：" if name else ""
    if not findings:
        return f"{head}未发现问题\n"
    lines = [f"{head}发现 {len(findings)} 处问题"]
    for k, kind in enumerate(x for x in KINDS if any(f.kind == x for f in findings)):
        these = [f for f in findings if f.kind == kind]
        lines.append(f"{'一二三四五六'[k]}、{LABELS[kind]}（{len(these)} 项）")
        lines.extend(f"  {i}. {f.message}" for i, f in enumerate(these, start=1))
    return "\n".join(lines) + "\n"


def report_to_dict(findings: list[Finding], name: str = "") -> dict:
    counts = {k: sum(f.kind == k for f in findings) for k in KINDS}
    return {"file": name, "counts": counts, "findings": [to_plain(f) for f in findings]}


def report_to_json(findings: list[Finding], name: str = "") -> str:
    return json.dumps(report_to_dict(findings, name), ensure_ascii=False, indent=1) + "\n"


__all__ = ["Finding", "KINDS", "LABELS", "check_notice", "deadline_findings", "report_to_dict",
           "report_to_json", "report_to_text", "table_findings", "target_findings", "unit_findings"]
