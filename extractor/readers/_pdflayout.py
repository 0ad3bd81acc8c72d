"""Page geometry → text: the pure part of the PDF reader (no PDF library is imported here).

Input: per page, positioned characters (from pypdfium2 or pdfplumber, top-down coordinates) and
the tables found on it. Steps: characters → lines (clustered by top, sorted by x, a space where the
gap is wider than `x_tol` — the rule pdfplumber uses, so both engines give the same text);
running headers/footers (an edge line repeated on most pages, digits ignored) and page numbers
("3", "- 3 -", "第3页", "3/10", "第 3 页 共 9 页") dropped; lines wrapped by layout joined back
(a line that reaches the right margin is joined to the next line unless the next one is
indented or starts a heading; in flush-left documents, which give no indent to go by, also unless
the line ends a sentence with 。！？); a table continued on the next page is merged (a repeated
header row dropped, a row split by the page break glued back together).

Not covered: multi-column layouts (lines are read across the page), rotated or vertical text,
footnotes (kept as body lines), hyphenation of English words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple


class Char(NamedTuple):
    text: str
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass(frozen=True)
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float


@dataclass
class TableItem:
    rows: list[list[str]]
    top: float
    bottom: float


@dataclass
class Page:
    width: float
    height: float
    items: list = field(default_factory=list)     # Line | TableItem, in reading order


_ENDERS = set("。！？!?")           # sentence-final; ；： often end a wrapped line mid-paragraph
_CLOSERS = "”’」』）)】〕》\"' "
_HEADING = re.compile(r"^\s*(?:\d{1,3} \| |[一二三四五六七八九十百]+[、.．]|[(（][一二三四五六七八九十百]+[)）]|\d{1,3}[.、．](?!\d)"
                      r"|[(（]\d{1,3}[)）]|[①-⑳]|第[一二三四五六七八九十百零\d]+[章节条]|附件|——)")
# a line that cannot start a paragraph: a table cell boundary, or the "(牵头单位：…)" tail of a measure
_TAIL = re.compile(r"^\s*(\||[(（〔【\[]\s*(牵头|责任|配合|主责|承办|负责)(单位|部门)?)")
_ROW_START = re.compile(r"^\d{1,3} \| ")
_PAGE_NO = [re.compile(p, re.IGNORECASE) for p in (
    r"^[-—–－_·•]*\d{1,4}[-—–－_·•]*$",
    r"^第[\d一二三四五六七八九十百零〇]+页([,，/／]?共[\d一二三四五六七八九十百零〇]+页)?$",
    r"^共[\d一二三四五六七八九十百零〇]+页[,，]?第[\d一二三四五六七八九十百零〇]+页$",
    r"^\d{1,4}[/／]\d{1,4}$",
    r"^(page|p\.)\d{1,4}((of|/)\d{1,4})?$",
)]


def is_page_number(text: str) -> bool:
    """True for the usual page-number lines.

    >>> [is_page_number(s) for s in ("- 3 -", "第3页", "3/10", "— 12 —", "第三条 附则")]
    [True, True, True, True, False]
    """
    s = "".join(text.split())
    return any(p.match(s) for p in _PAGE_NO)


def _is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def join_text(a: str, b: str) -> str:
    """Join a wrapped line to the next: no space, except between two Latin words.

    >>> join_text("聚力提升“世界铜都”首位度，依托铜产业", "链龙头企业")
    '聚力提升“世界铜都”首位度，依托铜产业链龙头企业'
    """
    if a and b and (b[0] == "|" or _is_ascii_alnum(a[-1]) and b[0].isascii() and b[0].isalpha()):
        return a + " " + b
    return a + b


def build_lines(chars: list[Char], x_tol: float = 3.0, y_tol: float = 3.0) -> list[Line]:
    """Cluster characters into lines by their top, then read each line left to right."""
    chars = sorted((c for c in chars if c.text not in ("", "\r", "\n")), key=lambda c: (c.top, c.x0))
    groups: list[list[Char]] = []
    for c in chars:
        if groups and abs(c.top - groups[-1][0].top) <= y_tol:
            groups[-1].append(c)
        else:
            groups.append([c])
    lines = [_line(sorted(g, key=lambda c: c.x0), x_tol) for g in groups]
    return [ln for ln in lines if ln is not None]


def _line(chars: list[Char], x_tol: float) -> Line | None:
    out: list[str] = []
    prev: Char | None = None
    gap = False
    for c in chars:
        if c.text.isspace():
            gap = True
            continue
        if prev is not None and (gap or c.x0 - prev.x1 > x_tol):
            out.append(" ")
        out.append(c.text)
        prev, gap = c, False
    ink = [c for c in chars if not c.text.isspace()]
    if not ink:
        return None
    sizes = sorted(c.bottom - c.top for c in ink)
    return Line("".join(out), ink[0].x0, ink[-1].x1, min(c.top for c in ink), max(c.bottom for c in ink),
                sizes[len(sizes) // 2])


def _edge_lines(page: Page, k: int = 2) -> list[Line]:
    """The first and last `k` lines of a page when they sit in its top/bottom eighth."""
    lines = [it for it in page.items if isinstance(it, Line)]
    head = [ln for ln in lines[:k] if ln.top < page.height * 0.125]
    tail = [ln for ln in lines[-k:] if ln.bottom > page.height * 0.875]
    return head + [ln for ln in tail if ln not in head]


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", "".join(text.split()))


def drop_running_lines(pages: list[Page]) -> int:
    """Remove page numbers and headers/footers repeated on most pages; returns how many lines went."""
    counts: dict[str, int] = {}
    for page in pages:
        for key in {_key(ln.text) for ln in _edge_lines(page)}:
            counts[key] = counts.get(key, 0) + 1
    n = len(pages)
    need = max(2, n if n <= 3 else max(3, (n + 1) // 2))   # "附件1"/"附件2" atop two of five pages stay
    running = {k for k, c in counts.items() if c >= need}
    dropped = 0
    for page in pages:
        bad = {id(ln) for ln in _edge_lines(page) if is_page_number(ln.text) or _key(ln.text) in running}
        dropped += len(bad)
        page.items = [it for it in page.items if id(it) not in bad]
    return dropped


def _margins(page: Page) -> tuple[float, float, float] | None:
    """(left margin, right margin, typical char size) of a page's text lines; None if too few lines."""
    lines = [it for it in page.items if isinstance(it, Line)]
    if len(lines) < 6:
        return None
    x0s = sorted(ln.x0 for ln in lines)
    x1s = sorted(ln.x1 for ln in lines)
    sizes = sorted(ln.size for ln in lines)
    return x0s[len(x0s) // 4], x1s[int(0.9 * (len(x1s) - 1))], sizes[len(sizes) // 2]


def page_geometry(pages: list[Page]) -> list[tuple[float, float, float]]:
    """Margins per page; a page with few lines borrows them from all pages of its width."""
    by_width: dict[int, list[Page]] = {}
    for page in pages:
        by_width.setdefault(round(page.width), []).append(page)
    pooled = {w: _margins(Page(ps[0].width, ps[0].height, [it for p in ps for it in p.items]))
              for w, ps in by_width.items()}
    out = []
    for page in pages:
        geom = _margins(page) or pooled[round(page.width)] or (page.width * 0.1, page.width * 0.9, 10.0)
        out.append(geom)
    return out


def _ends_sentence(text: str) -> bool:
    s = text.rstrip(_CLOSERS)
    return not s or s[-1] in _ENDERS


def _indented(line: Line, geom) -> bool:
    left, _, size = geom
    return line.x0 > left + 1.5 * size


def uses_indents(pages: list[Page], geoms: list[tuple[float, float, float]]) -> bool:
    """True when paragraphs start with a first-line indent (most government PDFs: two characters)."""
    n = hits = 0
    for page, geom in zip(pages, geoms):
        left, _, size = geom
        for ln in page.items:
            if isinstance(ln, Line):
                n += 1
                hits += _indented(ln, geom) and ln.x0 < left + 4.5 * size
    return hits >= 3 and hits >= 0.05 * n


def _open_row(para: str) -> bool:
    """A flattened table row ("12 | 任务 | 要求 | 部门 |") still missing its closing bar."""
    return bool(_ROW_START.match(para)) and not para.rstrip().endswith("|")


def _continues(prev: Line, prev_geom, line: Line, geom, indents: bool, para: str) -> bool:
    """Whether `line` continues the paragraph `prev` was wrapped from.

    `prev` must reach the right margin; `line` must not be indented nor open a heading. Without
    first-line indents to go by, `prev` must also not end a sentence (。！？) — a guess: a sentence
    that ends exactly at the margin in a flush-left document is read as a paragraph end — unless
    `line` cannot start a paragraph (" | 市人社局 |", "〔牵头单位：…〕") or `para` is a flattened table
    row still open.
    """
    _, right, size = prev_geom
    if prev.x1 < right - 2 * size or _indented(line, geom) or _HEADING.match(line.text):
        return False
    return indents or bool(_TAIL.match(line.text)) or _open_row(para) or not _ends_sentence(prev.text)


def _merge_tables(a: TableItem, b: TableItem) -> None:
    """Append table `b` (continued on the next page) to `a`."""
    rows = list(b.rows)
    if rows and a.rows and rows[0] == a.rows[0]:
        rows = rows[1:]                               # header row repeated on each page
    if rows and a.rows and not rows[0][0].strip() and a.rows[-1][0].strip():
        last = a.rows[-1]                             # a row split by the page break
        a.rows[-1] = [join_text(x, y) if y else x for x, y in zip(last, rows[0])]
        rows = rows[1:]
    a.rows.extend(rows)


def assemble(pages: list[Page]) -> list[tuple[str, object]]:
    """Lines and tables of all pages → [("paragraph", text) | ("table", rows)] in reading order."""
    out: list[list] = []
    geoms = page_geometry(pages)
    indents = uses_indents(pages, geoms)
    prev_line, prev_geom, prev_table_open = None, None, False
    for page, geom in zip(pages, geoms):
        for i, it in enumerate(page.items):
            if isinstance(it, TableItem):
                cont = prev_table_open and i == 0 and out and out[-1][0] == "table"
                if cont and len(out[-1][1].rows[0]) == len(it.rows[0]):
                    _merge_tables(out[-1][1], it)
                else:
                    out.append(["table", TableItem([list(r) for r in it.rows], it.top, it.bottom)])
                prev_line = None
                continue
            if prev_line is not None and _continues(prev_line, prev_geom, it, geom, indents, out[-1][1]):
                out[-1][1] = join_text(out[-1][1], it.text)
            else:
                out.append(["paragraph", it.text])
            prev_line, prev_geom = it, geom
        prev_table_open = bool(page.items) and isinstance(page.items[-1], TableItem)
    return [(kind, val.rows if kind == "table" else val) for kind, val in out]
