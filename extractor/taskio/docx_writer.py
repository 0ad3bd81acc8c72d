"""The 任务分工表 as a Word file laid out the way an office files it.

A4 landscape; the 附件 label in 黑体 三号 and the title in 方正小标宋简体 二号; the table in
仿宋_GB2312 (header row in 黑体, repeated on every page via ``w:tblHeader``; no row split across
pages via ``w:cantSplit``); consecutive rows of one task share one vertically merged 重点任务
cell; group rows span the whole width; page numbers "— 1 —" in the footer (a PAGE field).

Fonts: every run names its font for Chinese text (``w:rFonts w:eastAsia``) as well as for Latin
text, and the font table gives each Chinese font an ``w:altName`` (仿宋_GB2312 → 仿宋, 方正小标宋简体
→ 宋体 …) so that Word and WPS fall back to a look-alike where the exact font is missing;
LibreOffice substitutes a CJK font of its own.

Not covered: editing an existing Word file, or Word's own list numbering (序号 is plain text).
"""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

from ..tasks import HEADERS, TaskRow

# font, its fallback name (w:altName), GB2312 charset, family
FONTS = {
    "仿宋_GB2312": ("仿宋", "modern"),
    "方正小标宋简体": ("宋体", "roman"),
    "黑体": ("SimHei", "modern"),
    "楷体_GB2312": ("楷体", "modern"),
    "宋体": ("SimSun", "roman"),
}
BODY_FONT, HEAD_FONT, TITLE_FONT, GROUP2_FONT = "仿宋_GB2312", "黑体", "方正小标宋简体", "楷体_GB2312"
WIDTHS_CM = (1.3, 4.0, 8.2, 3.8, 4.2, 3.2)       # sums to the 24.7 cm between the margins
CENTERED = {0, 5}


def _w(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(f"w:{tag}")


def _el(tag: str, **attrs: str):
    from docx.oxml import OxmlElement

    e = OxmlElement(f"w:{tag}")
    for k, v in attrs.items():
        e.set(_w(k), v)
    return e


def _set_font(rpr_owner, name: str, size_pt: float | None = None, bold: bool | None = None) -> None:
    """Name the font for Latin and Chinese text alike (python-docx sets only ascii/hAnsi)."""
    from docx.shared import Pt

    font = rpr_owner.font
    font.name = name
    if size_pt is not None:
        font.size = Pt(size_pt)
    if bold is not None:
        font.bold = bold
    el = rpr_owner._r if hasattr(rpr_owner, "_r") else rpr_owner.element
    rpr = el.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(_w(attr), name)


def _para(container, text: str, font: str, size: float, bold: bool = False, align=None, space_after: float = 0):
    from docx.shared import Pt

    p = container.add_paragraph() if hasattr(container, "add_paragraph") else container
    run = p.add_run(text)
    _set_font(run, font, size, bold)
    pf = p.paragraph_format
    pf.space_before, pf.space_after = Pt(0), Pt(space_after)
    if align is not None:
        p.alignment = align
    return p


def _font_table(doc) -> None:
    """Add the Chinese fonts with their fallback names to word/fontTable.xml."""
    from lxml import etree

    part = next((p for p in doc.part.package.iter_parts() if str(p.partname) == "/word/fontTable.xml"), None)
    if part is None:
        return
    root = etree.fromstring(part.blob)
    have = {f.get(_w("name")) for f in root}
    for name, (alt, family) in FONTS.items():
        if name in have:
            continue
        f = etree.SubElement(root, _w("font"))
        f.set(_w("name"), name)
        for tag, val in (("altName", alt), ("charset", "86"), ("family", family), ("pitch", "variable")):
            etree.SubElement(f, _w(tag)).set(_w("val"), val)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _page(doc) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
    sec.top_margin, sec.bottom_margin = Cm(2.5), Cm(2.2)
    sec.left_margin, sec.right_margin = Cm(2.5), Cm(2.5)
    sec.footer_distance = Cm(1.2)
    p = sec.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _set_font(p.add_run("— "), "宋体", 14)
    for kind, text in (("begin", None), ("instr", " PAGE "), ("separate", None), ("text", "1"), ("end", None)):
        run = p.add_run()
        _set_font(run, "宋体", 14)
        if kind == "instr":
            it = _el("instrText")
            it.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            it.text = text
            run._r.append(it)
        elif kind == "text":
            run.text = text
        else:
            run._r.append(_el("fldChar", fldCharType=kind))
    _set_font(p.add_run(" —"), "宋体", 14)


def _styles(doc) -> None:
    from docx.shared import Pt

    normal = doc.styles["Normal"]
    _set_font(normal, BODY_FONT, 12)
    rpr = normal.element.get_or_add_rPr()
    lang = rpr.find(_w("lang"))
    if lang is None:
        lang = _el("lang")
        rpr.append(lang)
    lang.set(_w("val"), "en-US")
    lang.set(_w("eastAsia"), "zh-CN")
    normal.paragraph_format.space_after = Pt(0)


def _row_props(row, header: bool = False) -> None:
    trpr = row._tr.get_or_add_trPr()
    trpr.append(_el("cantSplit"))
    if header:
        trpr.append(_el("tblHeader"))


def _table_props(table) -> None:
    tblpr = table._tbl.tblPr
    tblpr.append(_el("tblLayout", type="fixed"))
    borders = _el("tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_el(side, val="single", sz="4", space="0", color="000000"))
    tblpr.append(borders)
    mar = _el("tblCellMar")
    for side, w in (("left", "85"), ("right", "85")):
        mar.append(_el(side, w=w, type="dxa"))
    tblpr.append(mar)


def _fill(cell, text: str, font: str, size: float, bold: bool, center: bool) -> None:
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    p = cell.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER if center else WD_ALIGN_PARAGRAPH.LEFT
    if text:
        _para(p, text, font, size, bold)


def write_docx(rows: Sequence[TaskRow], path: str | Path, title: str, label: str = "附件") -> Path:
    """Write the rows as a Word 任务分工表; returns the path written.

    >>> import tempfile, os
    >>> p = write_docx([TaskRow("1", "开展职业技能培训", "到2025年培训1万人次", ("市人社局",), (), "2025年底前")],
    ...                os.path.join(tempfile.mkdtemp(), "分工表.docx"), title="重点任务分工表")
    >>> p.stat().st_size > 5000
    True
    """
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    doc = docx.Document()
    _styles(doc)
    _font_table(doc)
    _page(doc)
    doc.core_properties.title = title
    body = doc.paragraphs[0] if doc.paragraphs else None
    if body is not None:
        body._element.getparent().remove(body._element)
    if label:
        _para(doc, label, HEAD_FONT, 16)
    _para(doc, title, TITLE_FONT, 22, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=12)

    table = doc.add_table(rows=1 + len(rows), cols=len(HEADERS))
    table.style = doc.styles["Table Grid"]
    table.alignment = 1
    _table_props(table)
    grid = [row.cells for row in table.rows]     # cell objects taken once: table.cell() recomputes the grid
    for j, w in enumerate(WIDTHS_CM):
        table.columns[j].width = Cm(w)
        for cells in grid:
            cells[j].width = Cm(w)
    _row_props(table.rows[0], header=True)
    for j, h in enumerate(HEADERS):
        _fill(grid[0][j], h, HEAD_FONT, 12, False, True)
    runs: list[tuple[int, int]] = []          # (first, last) table row of each run of one task
    for i, r in enumerate(rows, start=1):
        row = table.rows[i]
        _row_props(row)
        if r.kind == "group":
            cell = grid[i][0].merge(grid[i][-1])
            font = HEAD_FONT if r.level <= 1 else GROUP2_FONT
            _fill(cell, r.task, font, 12, r.level > 1, False)
            continue
        same = i > 1 and rows[i - 2].kind == "task" and rows[i - 2].task == r.task
        if same:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
        for j, text in enumerate(r.cells()):
            if j == 1 and same:
                continue
            _fill(grid[i][j], text, BODY_FONT, 12, False, j in CENTERED)
    for first, last in runs:
        if last > first:
            grid[first][1].merge(grid[last][1])
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    doc.save(str(tmp))
    tmp.replace(path)
    return path


__all__ = ["FONTS", "write_docx"]
