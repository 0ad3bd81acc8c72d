"""The 任务分工表 as an Excel workbook (openpyxl).

Sheet "分工表": the title in row 1, the header in row 2 (frozen, with an auto-filter over the
table, repeated on every printed page), one row per task, wrapped text, column widths sized for
Chinese text, A4 landscape printing fitted to the page width; group rows span the six columns.
Sheet "按单位": one row per (body, task, role) — 单位, 角色 (牵头/配合), 序号, 重点任务, 完成时限,
章节 — ready for a pivot table or a filter on one body.

Not covered: Excel's own merged 重点任务 cells (they break filtering; each row repeats its task).
"""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

from ..tasks import HEADERS, TaskRow

WIDTHS = (6, 26, 60, 26, 32, 14)
BY_BODY_HEADERS = ("单位", "角色", "序号", "重点任务", "完成时限", "章节")
BY_BODY_WIDTHS = (26, 8, 6, 30, 14, 40)


def by_body(rows: Sequence[TaskRow]) -> list[tuple[str, str, str, str, str, str]]:
    """One record per (body, task, role) for pivoting.

    >>> by_body([TaskRow("1", "开展培训", lead=("市人社局",), support=("市财政局",), deadline="2025年底前")])
    [('市人社局', '牵头', '1', '开展培训', '2025年底前', ''), ('市财政局', '配合', '1', '开展培训', '2025年底前', '')]
    """
    out = []
    for r in rows:
        if r.kind != "task":
            continue
        chapter = " / ".join(r.chapter)
        out.extend((b, "牵头", r.no, r.task, r.deadline, chapter) for b in r.lead)
        out.extend((b, "配合", r.no, r.task, r.deadline, chapter) for b in r.support)
    return out


def write_xlsx(rows: Sequence[TaskRow], path: str | Path, title: str) -> Path:
    """Write the rows as an .xlsx workbook; returns the path written."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="center")
    center = Alignment(wrap_text=True, vertical="center", horizontal="center")
    body_font, head_font = Font(name="仿宋_GB2312", size=11), Font(name="黑体", size=11, bold=True)

    wb = Workbook()
    ws = wb.active
    ws.title = "分工表"
    ncol = len(HEADERS)
    ws.cell(1, 1, title).font = Font(name="方正小标宋简体", size=16, bold=True)
    ws.cell(1, 1).alignment = Alignment(horizontal="center", vertical="center")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncol)
    ws.row_dimensions[1].height = 32
    for j, h in enumerate(HEADERS, start=1):
        c = ws.cell(2, j, h)
        c.font, c.alignment, c.border = head_font, center, border
        c.fill = PatternFill("solid", fgColor="D9D9D9")
    for i, r in enumerate(rows, start=3):
        if r.kind == "group":
            c = ws.cell(i, 1, r.task)
            c.font = Font(name="黑体" if r.level <= 1 else "楷体_GB2312", size=11, bold=True)
            c.alignment = Alignment(vertical="center")
            for j in range(1, ncol + 1):
                ws.cell(i, j).border = border
            ws.merge_cells(start_row=i, start_column=1, end_row=i, end_column=ncol)
            continue
        for j, v in enumerate(r.cells(), start=1):
            c = ws.cell(i, j, v)
            c.font, c.border = body_font, border
            c.alignment = center if j in (1, ncol) else wrap
    for j, w in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(j)].width = w
    last = max(2, len(rows) + 2)
    ws.freeze_panes = "A3"
    ws.auto_filter.ref = f"A2:{get_column_letter(ncol)}{last}"
    ws.print_title_rows = "2:2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True

    ws2 = wb.create_sheet("按单位")
    ws2.append(BY_BODY_HEADERS)
    for c in ws2[1]:
        c.font = head_font
    for rec in by_body(rows):
        ws2.append(rec)
    for j, w in enumerate(BY_BODY_WIDTHS, start=1):
        ws2.column_dimensions[get_column_letter(j)].width = w
    ws2.freeze_panes = "A2"
    ws2.auto_filter.ref = f"A1:{get_column_letter(len(BY_BODY_HEADERS))}{max(1, ws2.max_row)}"

    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    wb.save(str(tmp))
    tmp.replace(path)
    return path


__all__ = ["BY_BODY_HEADERS", "by_body", "write_xlsx"]
