"""Born-digital PDF notices: the text layer in reading order, tables as rows.

Two engines, one layout model (`_pdflayout`). pypdfium2 opens the file, checks it (encryption, page
count) and reads every page's characters with their boxes — fast. A page that draws vector paths
(the only pages where pdfplumber's ruled-table finder can find anything) is also opened with
pdfplumber; if it finds tables, that page's text comes from pdfplumber, with each table rendered as
rows (merged cells carried down) and its region removed from the running text. Both engines feed
the same line builder, so a page reads the same either way — same lines, same characters — except
for some spaces: pypdfium2 turns a space glyph that ends a text run into a synthetic space it
cannot tell from its guessed word gaps, so "一次性 100" may read "一次性100" (normalisation drops
spaces inside Chinese text anyway). On the fixtures pypdfium2 is 10-20x faster; tests check the
agreement and `benchmarks/bench_pdf_readers.py` times both.

Errors: password-protected → `EncryptedDocument`; pages but no characters → `NoTextLayer`
(scanned: OCR is needed); more pages than `limits.max_pages` → `LimitExceeded`; anything the
libraries cannot parse → `CorruptDocument`. Pages without text in an otherwise readable file are
reported in `RawDocument.warnings`.

Not covered: OCR, tables drawn without ruling lines (their cells read as text lines), form fields,
annotations, multi-column layouts, rotated pages.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import CorruptDocument, EncryptedDocument, LimitExceeded, NoTextLayer, ZhengceError
from ._pdflayout import Char, Page, TableItem, assemble, build_lines, drop_running_lines, join_text
from .base import Limits, RawDocument, TextBuilder

ENGINES = ("auto", "pdfium", "pdfplumber")


def _short(e: BaseException) -> str:
    return f"{type(e).__name__}: {' '.join(str(e).split())[:160]}"


def _open_pdfium(path: Path):
    import pypdfium2 as pdfium
    import pypdfium2.raw as c

    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as e:
        if e.err_code == c.FPDF_ERR_PASSWORD:
            raise EncryptedDocument(path, "password-protected (encrypted) PDF; remove the password and retry") from None
        if e.err_code == c.FPDF_ERR_SECURITY:
            raise EncryptedDocument(path, "PDF uses an unsupported security handler (encrypted)") from None
        raise CorruptDocument(path, f"not a readable PDF (truncated or damaged; {_short(e)})") from None


def pdfium_chars(page) -> list[Char]:
    """All characters of a pypdfium2 page with loose boxes, top-down (the coordinates pdfplumber uses)."""
    import pypdfium2.raw as c

    textpage = page.get_textpage()
    try:
        tp = textpage.raw
        left, _, _, top = page.get_bbox()
        rect, chars, high = c.FS_RECTF(), [], 0
        for i in range(c.FPDFText_CountChars(tp)):
            u = c.FPDFText_GetUnicode(tp, i)
            if 0xD800 <= u < 0xDC00:      # UTF-16 builds of pdfium split characters beyond the BMP
                high = u
                continue
            if 0xDC00 <= u < 0xE000:
                u, high = (0x10000 + ((high - 0xD800) << 10) + (u - 0xDC00)) if high else 0xFFFD, 0
            if u in (0, 0xFFFE, 0xFFFF, 10, 13):
                continue
            if u == 32 and c.FPDFText_IsGenerated(tp, i):
                continue                  # pdfium's guessed word gap; our line builder decides by distance
            c.FPDFText_GetLooseCharBox(tp, i, rect)
            chars.append(Char(chr(u), rect.left - left, rect.right - left, top - rect.top, top - rect.bottom))
        return chars
    finally:
        textpage.close()


def _has_paths(page) -> bool:
    """Whether the page draws any vector path (ruled tables need them), form XObjects included."""
    import pypdfium2.raw as c

    def walk(count, get, depth: int) -> bool:
        for i in range(count):
            obj = get(i)
            kind = c.FPDFPageObj_GetType(obj)
            if kind == c.FPDF_PAGEOBJ_PATH:
                return True
            if kind == c.FPDF_PAGEOBJ_FORM and depth < 8:
                if walk(c.FPDFFormObj_CountObjects(obj), lambda j, o=obj: c.FPDFFormObj_GetObject(o, j), depth + 1):
                    return True
        return False

    raw = page.raw
    return walk(c.FPDFPage_CountObjects(raw), lambda i: c.FPDFPage_GetObject(raw, i), 0)


def plumber_chars(ppage) -> list[Char]:
    return [Char(ch["text"], ch["x0"], ch["x1"], ch["top"], ch["bottom"]) for ch in ppage.chars]


def _inside(ch: Char, box) -> bool:
    cx, cy = (ch.x0 + ch.x1) / 2, (ch.top + ch.bottom) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


def _cell_text(chars: list[Char], box) -> str:
    text = ""
    for ln in build_lines([ch for ch in chars if _inside(ch, box)]):
        text = join_text(text, ln.text) if text else ln.text
    return text


def table_rows(table, chars: list[Char]) -> list[list[str]]:
    """A pdfplumber table as rows of cell texts; merged cells carried down, kept once per row."""
    rows = [r.cells for r in table.rows]
    ncols = max(len(r) for r in rows)
    lefts = [min((r[c][0] for r in rows if c < len(r) and r[c]), default=None) for c in range(ncols)]
    right = max(b[2] for r in rows for b in r if b)
    edges = [x for x in lefts if x is not None] + [right]
    centers = [(a + b) / 2 for a, b in zip(edges, edges[1:])]
    owner: dict[int, tuple] = {}
    out = []
    for row, rbox in zip(rows, (r.bbox for r in table.rows)):
        ry, cells, last = (rbox[1] + rbox[3]) / 2, [], None
        for c, box in enumerate(row):
            cx = centers[min(c, len(centers) - 1)]
            if box is not None:
                text = _cell_text(chars, box)
                owner[c], last = (box, text), box
                cells.append(text)
            elif last and last[0] <= cx <= last[2] and last[1] <= ry <= last[3]:
                continue                                   # horizontal merge: once per row
            elif c in owner and owner[c][0][1] < ry < owner[c][0][3]:
                last = owner[c][0]
                cells.append(owner[c][1])                  # vertical merge: carried down
            else:
                cells.append("")
        if any(s.strip() for s in cells):
            out.append(cells)
    return out


def _plumber_page(ppage, height: float, width: float) -> Page | None:
    """The page read by pdfplumber if it holds ruled tables, else None."""
    tables = [t for t in ppage.find_tables() if t.rows]
    if not tables:
        return None
    chars = plumber_chars(ppage)
    boxes = [t.bbox for t in tables]
    items: list = build_lines([ch for ch in chars if not any(_inside(ch, b) for b in boxes)])
    for t in tables:
        rows = table_rows(t, chars)
        if rows:
            items.append(TableItem(rows, t.bbox[1], t.bbox[3]))
    items.sort(key=lambda it: it.top)
    return Page(width, height, items)


def extract_pages(path: Path, limits: Limits, engine: str = "auto") -> tuple[list[Page], list[str]]:
    """Read every page into a `Page` of lines and tables; `engine` forces one library (for tests)."""
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, not {engine!r}")
    doc = _open_pdfium(path)
    plumber = None
    try:
        n = len(doc)
        if n == 0:
            raise CorruptDocument(path, "PDF has no pages")
        if n > limits.max_pages:
            raise LimitExceeded(path, f"{n} pages, over the limit of {limits.max_pages} (raise --max-pages)")
        pages, empty = [], []
        for i in range(n):
            page = doc[i]
            width, height = page.get_size()
            result = None
            if engine == "pdfplumber" or (engine == "auto" and _has_paths(page)):
                plumber = plumber or _open_plumber(path)
                ppage = plumber.pages[i]
                result = _plumber_page(ppage, height, width)
                if result is None and engine == "pdfplumber":
                    result = Page(width, height, build_lines(plumber_chars(ppage)))
            if result is None:
                result = Page(width, height, build_lines(pdfium_chars(page)))
            if not result.items:
                empty.append(i + 1)
            pages.append(result)
            page.close()
    except ZhengceError:
        raise
    except Exception as e:  # pdfium/pdfminer raise many types on damaged content streams
        raise CorruptDocument(path, f"damaged PDF ({_short(e)})") from None
    finally:
        if plumber is not None:
            plumber.close()
        doc.close()
    if len(empty) == n:
        raise NoTextLayer(path, f"{n} page(s) but no text layer; OCR is needed (scanned PDF?)")
    warnings = [f"pages without text (scanned?): {', '.join(map(str, empty))}"] if empty else []
    return pages, warnings


def _open_plumber(path: Path):
    import pdfplumber

    return pdfplumber.open(str(path))


def _has_eof_marker(path: Path) -> bool:
    with open(path, "rb") as fh:
        fh.seek(max(path.stat().st_size - 2048, 0))
        return b"%%EOF" in fh.read()


def read_pdf(path: Path, limits: Limits) -> RawDocument:
    """Read a born-digital PDF (see the module docstring)."""
    pages, warnings = extract_pages(path, limits)
    drop_running_lines(pages)
    tb = TextBuilder()
    for kind, value in assemble(pages):
        if kind == "table":
            tb.table(value)
        else:
            tb.paragraph(value)
    if not _has_eof_marker(path):
        warnings.append("no %%EOF marker at the end: the file may be truncated (text may be incomplete)")
    return RawDocument(text=tb.text, format="pdf", path=str(path), pages=len(pages), blocks=tb.blocks,
                       warnings=warnings)
