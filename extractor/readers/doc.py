"""Legacy Word 97-2003 `.doc` files (the binary format, [MS-DOC]): the main text, paragraphs and tables.

Many notices are still published as `.doc` attachments. The file is an OLE2 compound file
(read with `olefile`); the text is found through the piece table (the `Clx` in the table stream),
each piece either UTF-16LE or "compressed" 8-bit text. Paragraph properties come from the PAPX
formatted-disk pages only as far as tables need them: a paragraph in a table ends a cell with
mark 0x07, and the row-end mark is told apart from a cell end by its `fTtp` property (with a
fallback for files whose properties cannot be read: a 0x07 right after a cell end closes the row).
Fields keep their displayed result and drop their instructions (``HYPERLINK "…"``, ``PAGE``).

Tables come out as the `.docx` reader's do: one line per row, ``a | b | c |``, and a `Block`
holding the cells. Vertically merged cells stay empty in the rows below (the `.docx` reader carries
them down). Not covered: headers, footers, footnotes, comments and text boxes (only the main
document text, `ccpText` characters, is read); Word 6/95 files; `.wps` (WPS Office) files that are
not Word-compatible.
"""
from __future__ import annotations

import struct
from bisect import bisect_right
from pathlib import Path

from ..errors import CorruptDocument, EncryptedDocument, UnsupportedFormat
from .base import Limits, RawDocument, TextBuilder

_WIDENT = 0xA5EC
_F_ENCRYPTED, _F_WHICH_TBL, _F_OBFUSCATED = 0x0100, 0x0200, 0x8000
_OFF_CCP_TEXT, _OFF_FC_PAPX, _OFF_FC_CLX = 0x4C, 0x102, 0x1A2
_SPRM_IN_TABLE, _SPRM_TTP, _SPRM_INNER_TTP, _SPRM_ITAP = 0x2416, 0x2417, 0x244C, 0x6649
_SPRM_DEF_TABLE, _SPRM_VERT_MERGE = 0xD608, 0xD62B
_SPRA_SIZE = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}
_DROP = {"\x01", "\x02", "\x05", "\x08", "\x1f", "\x00"}       # objects, footnote/comment marks, optional hyphen
_LINE = {"\x0b", "\x0c", "\x0e"}                                # line, page/section and column breaks


def _u16(b: bytes, off: int) -> int:
    return struct.unpack_from("<H", b, off)[0]


def _u32(b: bytes, off: int) -> int:
    return struct.unpack_from("<I", b, off)[0]


def _pieces(table: bytes, fc_clx: int, lcb_clx: int) -> list[tuple[int, int, int, bool]]:
    """The piece table: (cp_start, cp_end, byte offset in WordDocument, compressed) per piece."""
    clx = table[fc_clx:fc_clx + lcb_clx]
    i = 0
    while i < len(clx) and clx[i] == 0x01:                  # Prc: property modifiers, skipped
        i += 3 + _u16(clx, i + 1)
    if i + 5 > len(clx) or clx[i] != 0x02:
        raise ValueError("no piece table")
    lcb = _u32(clx, i + 1)
    plc = clx[i + 5:i + 5 + lcb]
    n = (len(plc) - 4) // 12
    if n <= 0:
        raise ValueError("empty piece table")
    cps = struct.unpack_from(f"<{n + 1}I", plc, 0)
    out = []
    for k in range(n):
        fc = _u32(plc, 4 * (n + 1) + 8 * k + 2)
        compressed = bool(fc & 0x40000000)
        fc &= 0x3FFFFFFF
        out.append((cps[k], cps[k + 1], fc // 2 if compressed else fc, compressed))
    return out


def _sprms(grpprl: bytes):
    """(opcode, operand) of each property modifier in a grpprl."""
    i = 0
    while i + 2 <= len(grpprl):
        op = _u16(grpprl, i)
        i += 2
        spra = op >> 13
        if spra == 6:
            if op in (0xD608, 0xD606):                      # table definitions: a 2-byte size
                if i + 2 > len(grpprl):
                    return
                size = _u16(grpprl, i) + 1
            else:
                if i >= len(grpprl):
                    return
                size = grpprl[i] + 1
        else:
            size = _SPRA_SIZE[spra]
        yield op, grpprl[i:i + size]
        i += size


def _cell_merges(arg: bytes) -> list[list[int]]:
    """[horizontal, vertical] merge flags of each cell, from a sprmTDefTable operand (TC80 entries)."""
    if len(arg) < 3:
        return []
    itc = arg[2]
    base = 3 + 2 * (itc + 1)
    out = []
    for k in range(itc):
        off = base + 20 * k
        grf = _u16(arg, off) if off + 2 <= len(arg) else 0
        out.append([grf & 0x3, (grf >> 5) & 0x3])
    return out


def _para_runs(word: bytes, table: bytes, fc_plc: int, lcb_plc: int) -> list[tuple]:
    """(fc_start, fc_end, in_table, row_end, cell merges) of every paragraph run in the PAPX pages;
    the merges ([horizontal, vertical] per cell) only on row ends."""
    n = (lcb_plc - 4) // 8
    if n <= 0 or fc_plc + lcb_plc > len(table):
        return []
    runs = []
    for k in range(n):
        pn = _u32(table, fc_plc + 4 * (n + 1) + 4 * k) & 0x3FFFFF
        page = word[pn * 512:pn * 512 + 512]
        if len(page) < 512:
            continue
        crun = page[511]
        if 4 * (crun + 1) + 13 * crun > 511:
            continue
        fcs = struct.unpack_from(f"<{crun + 1}I", page, 0)
        for r in range(crun):
            b_off = page[4 * (crun + 1) + 13 * r] * 2
            in_table = row_end = False
            merges: list[list[int]] = []
            if b_off:
                cb = page[b_off]
                start, size = (b_off + 2, 2 * page[b_off + 1]) if cb == 0 else (b_off + 1, 2 * cb - 1)
                for op, arg in _sprms(page[start + 2:start + size]):      # after the 2-byte style index
                    if op == _SPRM_IN_TABLE and arg[:1] == b"\x01":
                        in_table = True
                    elif op == _SPRM_ITAP and arg[:4] != b"\x00\x00\x00\x00":
                        in_table = True
                    elif op in (_SPRM_TTP, _SPRM_INNER_TTP) and arg[:1] == b"\x01":
                        row_end = True
                    elif op == _SPRM_DEF_TABLE:
                        merges = _cell_merges(arg)
                    elif op == _SPRM_VERT_MERGE and len(arg) >= 3 and arg[1] < len(merges):
                        merges[arg[1]][1] = arg[2]
            runs.append((fcs[r], fcs[r + 1], in_table, row_end, tuple(map(tuple, merges)) if row_end else ()))
    runs.sort()
    return runs


class _Props:
    """Paragraph properties by the file offset of the paragraph mark."""

    def __init__(self, runs: list[tuple]):
        self.runs = runs
        self.starts = [r[0] for r in runs]

    def at(self, fc: int) -> tuple | None:
        """(in_table, row_end, merges) of the paragraph whose mark is at `fc`, None if unknown."""
        i = bisect_right(self.starts, fc) - 1
        if i >= 0 and self.runs[i][0] <= fc < self.runs[i][1]:
            return self.runs[i][2:]
        return None


def _merge_row(cells: list[str], merges: tuple, above: list[str] | None) -> tuple[list[str], list[str]]:
    """(cells with vertical merges filled, the row as drawn). A vertically merged cell takes the text
    of the cell above (as the .docx reader carries merged cells down); a cell merged into the one on
    its left is dropped."""
    filled, shown = [], []
    for i, text in enumerate(cells):
        horz, vert = merges[i] if i < len(merges) else (0, 0)
        if vert == 1 and not text and above is not None and i < len(above):
            text = above[i]
        filled.append(text)
        if not (horz in (2, 3) and not text):
            shown.append(text)
    return filled, shown


def _chars(word: bytes, pieces, ccp_text: int):
    """(character, file offset) of the main document text, in order."""
    for cp0, cp1, fc, compressed in pieces:
        if cp0 >= ccp_text:
            break
        cp1 = min(cp1, ccp_text)
        count = cp1 - cp0
        if compressed:
            text = word[fc:fc + count].decode("cp1252", errors="replace")
            for k, ch in enumerate(text):
                yield ch, fc + k
        else:
            text = word[fc:fc + 2 * count].decode("utf-16-le", errors="replace")
            for k, ch in enumerate(text):
                yield ch, fc + 2 * k


def _build(chars, props: _Props) -> TextBuilder:
    tb = TextBuilder()
    buf: list[str] = []
    cell: list[str] = []
    row: list[str] = []
    rows: list[list[str]] = []
    fields: list[bool] = []            # per open field: True once its displayed result begins
    last_was_cell_end = False
    above: list[str] | None = None     # the previous row's cells, merged cells filled in

    def end_row(merges: tuple) -> None:
        nonlocal above
        above, shown = _merge_row(row, merges, above)
        rows.append(shown)
        row.clear()

    def flush_table() -> None:
        nonlocal above
        if row:
            end_row(())
        tb.table([r for r in rows if any(c.strip() for c in r)])
        rows.clear()
        above = None

    for ch, fc in chars:
        if ch == "\x13":
            fields.append(False)
            continue
        if ch == "\x14" and fields:
            fields[-1] = True
            continue
        if ch == "\x15" and fields:
            fields.pop()
            continue
        if fields and not all(fields):
            continue                   # a field's instruction, not its displayed text
        if ch in ("\r", "\x07"):
            para = "".join(buf).strip()
            buf.clear()
            p = props.at(fc)
            in_table, row_end, merges = p if p is not None else (ch == "\x07", False, ())
            if ch == "\x07":
                if row_end or (p is None and last_was_cell_end and not para and not cell):
                    end_row(merges)
                    last_was_cell_end = False
                else:
                    cell.append(para)
                    row.append(" ".join(s for s in cell if s))
                    cell.clear()
                    last_was_cell_end = True
                continue
            last_was_cell_end = False
            if in_table:
                cell.append(para)
                continue
            if rows or row:
                flush_table()
            if para:
                tb.paragraph(para)
            continue
        last_was_cell_end = False
        if ch in _DROP:
            continue
        if ch in _LINE:
            para = "".join(buf).strip()
            buf.clear()
            if para and not (rows or row or cell):
                tb.paragraph(para)
            elif para:
                cell.append(para)
            continue
        buf.append("-" if ch == "\x1e" else ch)
    para = "".join(buf).strip()
    if rows or row:
        flush_table()
    if para:
        tb.paragraph(para)
    return tb


def read_doc(path: Path, limits: Limits) -> RawDocument:
    """Read a Word 97-2003 .doc file's main text."""
    import olefile

    try:
        ole = olefile.OleFileIO(str(path))
    except Exception as e:  # olefile raises OSError and others on damaged containers
        raise CorruptDocument(path, f"damaged .doc ({type(e).__name__}: {' '.join(str(e).split())[:120]})") from None
    try:
        if not ole.exists("WordDocument"):
            raise UnsupportedFormat(path, "an OLE2 file that is not a Word document (.xls, .ppt?); save it as .docx")
        sizes = sum(ole.get_size(s) for s in ("WordDocument", "1Table", "0Table") if ole.exists(s))
        if sizes > limits.max_unzipped_bytes:
            raise CorruptDocument(path, f"Word streams of {sizes} bytes, over the limit of "
                                        f"{limits.max_unzipped_bytes} (raise --max-unzipped-bytes)")
        word = ole.openstream("WordDocument").read()
        if len(word) < 0x1AA or _u16(word, 0) != _WIDENT:
            raise UnsupportedFormat(path, "not a Word 97-2003 document (Word 6/95 or another program's file); "
                                          "save it as .docx")
        flags = _u16(word, 0x0A)
        if flags & (_F_ENCRYPTED | _F_OBFUSCATED):
            raise EncryptedDocument(path, "password-protected (encrypted) .doc; remove the password and retry")
        name = "1Table" if flags & _F_WHICH_TBL else "0Table"
        if not ole.exists(name):
            raise CorruptDocument(path, f"damaged .doc (no {name} stream)")
        table = ole.openstream(name).read()
    finally:
        ole.close()
    try:
        ccp_text = _u32(word, _OFF_CCP_TEXT)
        pieces = _pieces(table, _u32(word, _OFF_FC_CLX), _u32(word, _OFF_FC_CLX + 4))
        runs = _para_runs(word, table, _u32(word, _OFF_FC_PAPX), _u32(word, _OFF_FC_PAPX + 4))
        tb = _build(_chars(word, pieces, ccp_text), _Props(runs))
    except (ValueError, struct.error, IndexError, KeyError) as e:
        raise CorruptDocument(path, f"damaged .doc ({type(e).__name__}: {' '.join(str(e).split())[:120]})") from None
    return RawDocument(text=tb.text, format="doc", path=str(path), blocks=tb.blocks)


__all__ = ["read_doc"]
