"""Writing (and reading back) a 任务分工表: Word, Excel or CSV, the format chosen by the extension.

`write_tasks(rows, path, title=…)` writes one file; `read_tasks(path)` reads a table written
here (or typed by hand in the same six columns) back into `TaskRow`s — a .docx through the
toolkit's own reader (`extractor.readers.read`), so a round trip checks both ends.
`table_title(notice)` is the title an office would print above the table.

Not covered: other formats (.doc, .ods, .pdf — print the .docx), tables with other columns.
"""
from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Sequence

from ..errors import UnsupportedFormat, ZhengceError
from ..model import Notice
from ..tasks import HEADERS, JOIN, UNSPECIFIED, TaskRow

FORMATS = (".docx", ".xlsx", ".csv")


def table_title(notice: Notice) -> str:
    """The title printed above the table: 《policy》重点任务分工表.

    >>> from extractor.model import Meta, Notice, Source
    >>> table_title(Notice("x", Source(None, "txt"), "", Meta(title="关于实施“技能鹰潭行动”的意见")))
    '《关于实施“技能鹰潭行动”的意见》重点任务分工表'
    """
    name = notice.meta.policy_title or notice.meta.title or ""
    name = re.sub(r"\s+", "", name).strip("《》")
    return f"《{name}》重点任务分工表" if name else "重点任务分工表"


def write_tasks(rows: Sequence[TaskRow], path: str | Path, title: str = "重点任务分工表", label: str = "附件") -> Path:
    """Write the rows to `path` as .docx, .xlsx or .csv (by its extension); returns the path."""
    path = Path(path)
    ext = path.suffix.lower()
    if ext == ".docx":
        from .docx_writer import write_docx

        return write_docx(rows, path, title=title, label=label)
    if ext == ".xlsx":
        from .xlsx_writer import write_xlsx

        return write_xlsx(rows, path, title=title)
    if ext == ".csv":
        from .csv_writer import write_csv

        return write_csv(rows, path)
    raise UnsupportedFormat(path, f"cannot write a task table as {ext or '(no extension)'!r}; "
                                  f"choose one of {', '.join(FORMATS)}")


def split_names(cell: str) -> tuple[str, ...]:
    """The body names of a unit cell: split on 、 outside brackets; （未明确） is none.

    >>> split_names("市人社局、各县<市、区>人民政府、新蒲新区管委会")
    ('市人社局', '各县<市、区>人民政府', '新蒲新区管委会')
    """
    cell = cell.strip()
    if not cell or cell == UNSPECIFIED:
        return ()
    out, buf, depth = [], [], 0
    for ch in cell:
        depth += (ch in "(（〔【[<〈《") - (ch in ")）〕】]>〉》")
        if ch == JOIN and depth <= 0:
            out.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
    out.append("".join(buf))
    return tuple(x.strip() for x in out if x.strip())


def rows_from_grid(grid: Sequence[Sequence[str]]) -> list[TaskRow]:
    """TaskRows from a table's cell grid whose header row is 序号 | 重点任务 | … | 完成时限.

    A row with one cell (a merged group row) becomes a group row; its level follows the order in
    which heading markers (一、 / (一) / 1.) first appear, as in the notice's own structure.

    >>> grid = [list(HEADERS), ["三、主要任务"], ["1", "开展培训", "培训1万人次", "市人社局", "", "2025年底前"]]
    >>> rows_from_grid(grid)[1].lead
    ('市人社局',)
    """
    from ..structure import match_marker

    start = next((i for i, r in enumerate(grid) if tuple(c.strip() for c in r[:len(HEADERS)]) == HEADERS), None)
    if start is None:
        return []
    kinds: list[str] = []
    out = []
    for r in grid[start + 1:]:
        cells = [c.strip() for c in r]
        if tuple(cells[:len(HEADERS)]) == HEADERS:
            continue                   # a header repeated by hand
        filled = [c for c in cells if c]
        if len(filled) == 1 and not any(cells[2:]):
            mk = match_marker(filled[0])
            kind = mk[0] if mk else "other"
            if kind not in kinds:
                kinds.append(kind)
            out.append(TaskRow(no="", task=filled[0], kind="group", level=kinds.index(kind) + 1))
            continue
        cells += [""] * (len(HEADERS) - len(cells))
        no, task, req, lead, support, deadline = cells[:len(HEADERS)]
        out.append(TaskRow(no=no, task=task, requirement=req, lead=split_names(lead), support=split_names(support),
                           deadline=deadline, source="table"))
    return out


def read_tasks(path: str | Path) -> list[TaskRow]:
    """The rows of a task table file (.docx, .xlsx or .csv) in the six columns written here."""
    path = Path(path)
    ext = path.suffix.lower()
    if ext == ".csv":
        with open(path, encoding="utf-8-sig", newline="") as fh:
            return rows_from_grid(list(csv.reader(fh)))
    if ext == ".xlsx":
        from openpyxl import load_workbook

        try:
            ws = load_workbook(path, read_only=True).worksheets[0]
        except Exception as e:  # openpyxl raises many types on a damaged file
            raise ZhengceError(path, f"damaged .xlsx ({type(e).__name__})") from None
        return rows_from_grid([["" if v is None else str(v) for v in row] for row in ws.iter_rows(values_only=True)])
    if ext == ".docx":
        from ..readers import read

        raw = read(path)
        for b in raw.blocks:
            if b.kind == "table" and b.table is not None:
                rows = rows_from_grid(b.table.rows)
                if rows:
                    return rows
        return []
    raise UnsupportedFormat(path, f"cannot read a task table from {ext or '(no extension)'!r}; "
                                  f"readable: {', '.join(FORMATS)}")


__all__ = ["FORMATS", "read_tasks", "rows_from_grid", "split_names", "table_title", "write_tasks"]
