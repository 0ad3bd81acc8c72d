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
(scanned: OCR is needed); more pages than `limits.max_pages` → `LimitExceeded` (checked from the
page count, before any page is read); more characters than `limits.max_chars` → `LimitExceeded` as
soon as a page's character count (from pdfium, before the characters are copied into Python) takes
the total over; anything the libraries cannot parse → `CorruptDocument`. Pages without text in an
otherwise readable file are reported in `RawDocument.warnings`, as are pages whose content streams
inflate to more than `PLUMBER_MAX_CONTENT` bytes: those skip pdfplumber (pdfminer inflates a stream
whole, so a 1 MB stream of 1 GB of spaces would take minutes and gigabytes) and are read by pdfium,
which bounds its own decoding.

Before any page is loaded, `check_stream_bombs` refuses a file whose Flate streams (images aside)
inflate to more than `limits.max_unzipped_bytes` (a PDF bomb: pdfium inflates a content stream whole).

Limitation: a page drawing millions of glyphs costs pdfium time and memory while it loads the page,
before any count is known (6 million glyphs: about 70 s and 3.4 GB); the batch's per-file time
limit and a memory cap bound that.

Not covered: OCR, tables drawn without ruling lines (their cells read as text lines), form fields,
annotations, multi-column layouts, rotated pages.
"""
from __future__ import annotations

import mmap
import re
import zlib
from pathlib import Path

from ..errors import CorruptDocument, EncryptedDocument, LimitExceeded, NoTextLayer, ZhengceError
from ._pdflayout import Char, Line, Page, TableItem, assemble, build_lines, drop_running_lines, join_text
from .base import Limits, RawDocument, TextBuilder

ENGINES = ("auto", "pdfium", "pdfplumber")
PLUMBER_MAX_CONTENT = 8 * 1024 * 1024     # a page whose content streams inflate to more skips pdfplumber


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


class _TooMuchText(Exception):
    """A page holds more characters than the budget left (`pdfium_chars`, `_page_char_count`)."""

    def __init__(self, count: int):
        super().__init__(count)
        self.count = count


def _page_char_count(page, budget: int | None) -> int:
    """The number of characters pdfium finds on a page; `_TooMuchText` when over `budget`."""
    import pypdfium2.raw as c

    textpage = page.get_textpage()
    try:
        n = c.FPDFText_CountChars(textpage.raw)
    finally:
        textpage.close()
    if budget is not None and n > budget:
        raise _TooMuchText(n)
    return n


def pdfium_chars(page, budget: int | None = None) -> list[Char]:
    """All characters of a pypdfium2 page with loose boxes, top-down (the coordinates pdfplumber uses).

    More than `budget` characters raise `_TooMuchText` before any is read into Python."""
    import pypdfium2.raw as c

    textpage = page.get_textpage()
    try:
        tp = textpage.raw
        if budget is not None and c.FPDFText_CountChars(tp) > budget:
            raise _TooMuchText(c.FPDFText_CountChars(tp))
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


def _has_objects(page, kind_wanted: int) -> bool:
    """Whether the page draws any object of pdfium type `kind_wanted`, form XObjects included."""
    import pypdfium2.raw as c

    def walk(count, get, depth: int) -> bool:
        for i in range(count):
            obj = get(i)
            kind = c.FPDFPageObj_GetType(obj)
            if kind == kind_wanted:
                return True
            if kind == c.FPDF_PAGEOBJ_FORM and depth < 8:
                if walk(c.FPDFFormObj_CountObjects(obj), lambda j, o=obj: c.FPDFFormObj_GetObject(o, j), depth + 1):
                    return True
        return False

    raw = page.raw
    return walk(c.FPDFPage_CountObjects(raw), lambda i: c.FPDFPage_GetObject(raw, i), 0)


def _has_paths(page) -> bool:
    """Whether the page draws any vector path (ruled tables need them)."""
    import pypdfium2.raw as c

    return _has_objects(page, c.FPDF_PAGEOBJ_PATH)


def _has_text_objects(page) -> bool:
    """Whether the page has text objects (pdfium may still map none of them to characters)."""
    import pypdfium2.raw as c

    return _has_objects(page, c.FPDF_PAGEOBJ_TEXT)


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


def _inflated_size(ppage, cap: int) -> int:
    """Bytes a pdfplumber page's content streams decode to, counted up to `cap` + 1 (never all inflated
    at once: pdfminer would hold a 1 MB stream's gigabytes of spaces in memory). Streams whose first
    filter is not FlateDecode count their stored size."""
    from pdfminer.pdftypes import LITERALS_FLATE_DECODE, resolve1

    total = 0
    for ref in ppage.page_obj.contents:
        st = resolve1(ref)
        raw = st.get_rawdata() if hasattr(st, "get_rawdata") else None
        if raw is None:
            continue
        filters = st.get_filters()
        if filters and filters[0][0] in LITERALS_FLATE_DECODE and not st.decipher:
            d = zlib.decompressobj()
            try:
                total += len(d.decompress(raw, cap - total + 1))
            except zlib.error:
                total += len(raw)
        else:
            total += len(raw)
        if total > cap:
            break
    return total


_STREAM_START = re.compile(rb">>\s*stream\r?\n")


def check_stream_bombs(path: Path, limits: Limits) -> None:
    """Refuse a PDF whose Flate streams (images aside) inflate to more than `limits.max_unzipped_bytes`.

    pdfium inflates a page's content stream whole when it loads the page: a 1 MB stream of 1 GiB of
    spaces costs 2 GB of memory before any other limit can be checked. The streams are found in the
    raw file (a stream is never inside an object stream) and inflated in 1 MB steps, keeping nothing.
    Encrypted or damaged streams count their stored size.
    """
    budget, total = limits.max_unzipped_bytes, 0
    with open(path, "rb") as fh:
        try:
            data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        except ValueError:          # empty file
            return
    with data:
        for m in _STREAM_START.finditer(data):
            head = data[max(0, m.start() - 2048):m.start()]
            head = head[head.rfind(b"obj") + 1:]
            if b"/FlateDecode" not in head or re.search(rb"/Subtype\s*/Image", head):
                continue
            end = data.find(b"endstream", m.end())
            raw = data[m.end():end if end >= 0 else len(data)]
            d = zlib.decompressobj()
            try:
                while raw and total <= budget:
                    total += len(d.decompress(raw, 1 << 20))
                    raw = d.unconsumed_tail
            except zlib.error:
                total += len(raw)
            if total > budget:
                raise LimitExceeded(path, f"PDF streams inflate to over {budget} bytes (a PDF bomb?; "
                                          f"raise --max-unzipped-bytes)")


def extract_pages(path: Path, limits: Limits, engine: str = "auto") -> tuple[list[Page], list[str]]:
    """Read every page into a `Page` of lines and tables; `engine` forces one library (for tests)."""
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, not {engine!r}")
    doc = _open_pdfium(path)
    plumber = None
    chars = 0                       # characters read so far: over limits.max_chars stops the reading
    try:
        n = len(doc)
        if n == 0:
            raise CorruptDocument(path, "PDF has no pages")
        if n > limits.max_pages:
            raise LimitExceeded(path, f"{n} pages, over the limit of {limits.max_pages} (raise --max-pages)")
        check_stream_bombs(path, limits)
        pages, empty, big = [], [], []
        for i in range(n):
            page = doc[i]
            width, height = page.get_size()
            budget = limits.max_chars - chars
            result = None
            if engine == "pdfplumber" or (engine == "auto" and _has_paths(page)):
                plumber = plumber or _open_plumber(path)
                ppage = plumber.pages[i]
                _page_char_count(page, budget)
                if _inflated_size(ppage, PLUMBER_MAX_CONTENT) > PLUMBER_MAX_CONTENT:
                    if engine == "pdfplumber":
                        raise LimitExceeded(path, f"page {i + 1}: content over {PLUMBER_MAX_CONTENT} bytes")
                    big.append(i + 1)
                else:
                    result = _plumber_page(ppage, height, width)
                    if result is None and engine == "pdfplumber":
                        result = Page(width, height, build_lines(plumber_chars(ppage)))
            if result is None:
                result = Page(width, height, build_lines(pdfium_chars(page, budget)))
            if not result.items and engine == "auto" and _has_text_objects(page):
                # pdfium maps no character of a font it cannot load (a non-embedded CJK font with a
                # predefined CMap, where the machine has no substitute font): pdfminer reads the CMap itself
                plumber = plumber or _open_plumber(path)
                ppage = plumber.pages[i]
                if _inflated_size(ppage, PLUMBER_MAX_CONTENT) <= PLUMBER_MAX_CONTENT:
                    pchars = plumber_chars(ppage)
                    if len(pchars) > budget:
                        raise _TooMuchText(len(pchars))
                    result = Page(width, height, build_lines(pchars))
            chars += sum(len(it.text) if isinstance(it, Line) else sum(map(len, map("".join, it.rows)))
                         for it in result.items)
            if not result.items:
                empty.append(i + 1)
            pages.append(result)
            page.close()
    except _TooMuchText as e:
        raise LimitExceeded(path, f"over {limits.max_chars} characters of text by page {i + 1} "
                                  f"({e.count} on that page; raise --max-chars)") from None
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
    if big:
        warnings.append(f"pages read without table detection (content over {PLUMBER_MAX_CONTENT} bytes): "
                        f"{', '.join(map(str, big))}")
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
