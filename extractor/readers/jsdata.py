"""Task lists saved as JavaScript/JSON data (the script behind a government "work map" page).

Some sites publish a notice's task list only as data inside a script::

    const TASKS = [{"id": 1, "task": "聚力推动“GPU浙江造”。", "owner": "省发展改革委", "co": "省经信厅、省科技厅",
                    "time": "2026年12月"}, …]

`jsdata_to_rows` finds the innermost object literals, keeps the largest family of records that
share a task-like key and a body-like key, and maps their keys onto the columns of a task-division
table (序号 | 重点任务 | 工作要求 | 牵头单位 | 配合单位 | 责任单位 | 完成时限). The reader renders them
as table rows, so the structure parser treats them as it treats any task table.

Key names are data (``COLUMN_KEYS``), matched case-insensitively. Not covered: values built by
code (string concatenation, template literals with expressions), data loaded from other files.
"""
from __future__ import annotations

import json
import re
from collections import Counter

# column title → key names that fill it (first match wins, in this order)
COLUMN_KEYS: dict[str, tuple[str, ...]] = {
    "序号": ("id", "no", "index", "seq", "xh", "序号"),
    "重点任务": ("task", "title", "name", "measure", "item", "rwmc", "重点任务", "任务", "任务名称"),
    "工作要求": ("content", "requirement", "requirements", "detail", "details", "desc", "description", "measures",
             "text", "gzyq", "工作要求", "具体措施", "工作措施"),
    "牵头单位": ("owner", "lead", "leader", "leadunit", "lead_unit", "qtdw", "牵头单位", "牵头部门"),
    "配合单位": ("co", "coop", "cooperate", "support", "supporters", "assist", "partner", "partners", "phdw",
             "配合单位", "协办单位"),
    "责任单位": ("departments", "department", "dept", "depts", "responsible", "unit", "units", "org", "orgs",
             "zrdw", "责任单位", "责任部门"),
    "完成时限": ("time", "deadline", "due", "duedate", "timeline", "date", "wcsx", "完成时限", "时限", "完成时间"),
}
_TASK_COLS = ("重点任务", "工作要求")
_UNIT_COLS = ("牵头单位", "配合单位", "责任单位")

_INNER_OBJECT = re.compile(r"\{[^{}\[\]]*\}")
_PAIR = re.compile(r"""(?:"([^"\\]{1,40})"|'([^'\\]{1,40})'|([A-Za-z_$][\w$]{0,40}))\s*:\s*"""
                   r"""("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|-?\d+(?:\.\d+)?)""")


def looks_like_jsdata(text: str) -> bool:
    """Script or JSON text rather than prose: code comments/declarations or a leading bracket, and many key: value pairs.

    >>> looks_like_jsdata('const TASKS = [{"id": 1, "task": "甲", "owner": "省发展改革委"}, {"id": 2, "task": "乙", "owner": "省经信厅"}];')
    True
    >>> looks_like_jsdata("一、总体要求\\n坚持以习近平新时代中国特色社会主义思想为指导。")
    False
    """
    head = text.lstrip()[:2000]
    code_like = head.startswith(("//", "/*", "[", "{", "var ", "let ", "const ", "window.", "export ")) or \
        bool(re.search(r"^\s*(?:const|var|let)\s+\w+\s*=", head, re.M))
    return code_like and len(_PAIR.findall(text[:20000])) >= 6


def _unquote(v: str) -> str | int | float:
    if v[0] == '"':
        try:
            return json.loads(v)
        except json.JSONDecodeError:
            return v[1:-1]
    if v[0] == "'":
        inner = v[1:-1].replace('\\"', '"').replace('"', '\\"').replace("\\'", "'")
        try:
            return json.loads(f'"{inner}"')
        except json.JSONDecodeError:
            return v[1:-1]
    return float(v) if "." in v else int(v)


def _records(text: str) -> list[dict[str, object]]:
    out = []
    for m in _INNER_OBJECT.finditer(text):
        pairs = _PAIR.findall(m.group(0))
        if len(pairs) < 2:
            continue
        rec = {}
        for k1, k2, k3, v in pairs:
            rec[(k1 or k2 or k3)] = _unquote(v)
        out.append(rec)
    return out


def _column_of(keys: set[str]) -> dict[str, str]:
    """Table column → the record key that fills it."""
    lower = {k.lower(): k for k in keys}
    cols: dict[str, str] = {}
    for col, names in COLUMN_KEYS.items():
        for nm in names:
            if nm.lower() in lower and lower[nm.lower()] not in cols.values():
                cols[col] = lower[nm.lower()]
                break
    return cols


def jsdata_to_rows(text: str) -> list[list[str]] | None:
    """The task table held in script data: a header row and one row per record, or None.

    >>> rows = jsdata_to_rows('const T = [{"id": 1, "task": "聚力推动芯片发展。", "owner": "省发展改革委", "co": "省经信厅", "time": "2026年12月"},'
    ...                       ' {"id": 2, "task": "推动EDA整合。", "owner": "省经信厅", "co": "省科技厅", "time": "2026年12月"}];')
    >>> rows[0], rows[1]
    (['序号', '重点任务', '牵头单位', '配合单位', '完成时限'], ['1', '聚力推动芯片发展。', '省发展改革委', '省经信厅', '2026年12月'])
    """
    recs = _records(text)
    if not recs:
        return None
    families = Counter(frozenset(r) for r in recs)
    best = None
    for keys, count in families.most_common():
        cols = _column_of(set(keys))
        if count >= 2 and any(c in cols for c in _TASK_COLS) and any(c in cols for c in _UNIT_COLS):
            best = (keys, cols)
            break
    if best is None:
        return None
    keys, cols = best
    header = [c for c in COLUMN_KEYS if c in cols]
    rows = [header]
    for r in recs:
        if frozenset(r) != keys:
            continue
        rows.append([" ".join(str(r.get(cols[c], "")).split()) for c in header])
    return rows


__all__ = ["COLUMN_KEYS", "jsdata_to_rows", "looks_like_jsdata"]
