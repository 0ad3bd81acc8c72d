"""Tables laid out with tabs or runs of spaces, found for `normalize` (part of the normalised view).

Covered: a header row of short labels that names a task column and a unit column ("序号  重点任务  牵头单位
完成时限"), and the rows after it (tab-laid rows as drawn, blank cells included; a space-laid row short of
cells has each cell put under the header column that starts nearest in display columns; a short one-cell
line followed by a row is a group row). Not covered: tables drawn with " | " (kept as text and read by
`structure`), and tables without a unit column (left as running text).
"""
from __future__ import annotations

import re
import unicodedata

# tables laid out with tabs or runs of spaces ("1\t开展职业技能培训\t市人社局(牵头)、市财政局\t2023年底"), under a
# header row of short labels that names a task column and a unit column ("序号  重点任务  牵头单位  完成时限")
_TABLE_SEP = re.compile(r" *\t *| {2,}")
_TABLE_HEAD_UNITS = re.compile(r"(?:牵头|责任|配合|主责|协办|参与|协同|承办)(?:单位|部门|处室)")
_TABLE_HEAD_TASK = re.compile(r"序号|任务|措施|事项|内容|项目|工作")


def _width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _layout_cells(original: str, folded: str, idx: list[int]) -> list[tuple[list[int], int, int]]:
    """The cells of a line split at tabs (each one a column) or runs of 2+ spaces: (the cell's
    indices, the first index of the separator before it, its display column). Spaces at either end
    of the line are not separators."""
    lay = "".join("\t" if original[i] == "\t" else folded[i] for i in idx)
    lo, hi = len(lay) - len(lay.lstrip(" ")), len(lay.rstrip(" "))
    cols = [0]
    for ch in lay:
        cols.append(cols[-1] + _width(ch))
    cells, sep, pos = [], idx[lo] if lo < len(idx) else 0, lo
    for m in _TABLE_SEP.finditer(lay, lo, hi):
        cells.append((idx[pos:m.start()], sep, cols[pos]))
        sep, pos = idx[m.start()], m.end()
    cells.append((idx[pos:hi], sep, cols[pos]))
    return cells


def _is_table_header(original: str, folded: str, idx: list[int]) -> bool:
    """Is this line a task table's header row laid out with tabs or spaces?

    >>> _is_table_header("序号\\t重点任务\\t牵头单位\\t配合单位\\t完成时限", "序号 重点任务 牵头单位 配合单位 完成时限", list(range(21)))
    True
    """
    if len(idx) > 200 or not _TABLE_HEAD_UNITS.search("".join(folded[i] for i in idx)):
        return False
    cells = ["".join(folded[i] for i in c).strip() for c, _, _ in _layout_cells(original, folded, idx)]
    labels = [c for c in cells if c]
    return (len(labels) >= 3 and all(len(c) <= 16 for c in labels) and any(_TABLE_HEAD_UNITS.search(c) for c in labels)
            and any(_TABLE_HEAD_TASK.search(c) for c in labels))


def _under_header(cells: list[tuple[list[int], int, int]], head_cols: list[int]) -> list[tuple[list[int], int]]:
    """A space-laid row short of cells (blank cells leave no trace but a wider gap), its cells put
    under the header column that starts nearest (in display columns); blank cells filled in."""
    n, out, j = len(head_cols), [], -1
    for k, (cell, sep, col) in enumerate(cells):
        hi = n - (len(cells) - k)                  # leave a column for each cell still to come
        best = min(range(j + 1, hi + 1), key=lambda c: abs(head_cols[c] - col))
        out += [([], sep)] * (best - j - 1) + [(cell, sep)]
        j = best
    return out


def table_lines(original: str, folded: str, lines: list[list[int]]) -> dict[int, list[tuple[list[int], int]]]:
    """Lines of tab- or space-laid tables, as (cell indices, separator index) per cell: the header row
    and the rows after it (2+ cells each; blank lines between rows are skipped; a short one-cell line
    followed by a row is a group row)."""
    out: dict[int, list[tuple[list[int], int]]] = {}
    li = 0
    while li < len(lines):
        if not lines[li] or not _is_table_header(original, folded, lines[li]):
            li += 1
            continue
        head = _layout_cells(original, folded, lines[li])
        tabbed = any(original[i] == "\t" for i in lines[li])
        out[li] = [(c, s) for c, s, _ in head]
        li += 1
        while li < len(lines):
            if not "".join(folded[i] for i in lines[li]).strip():
                li += 1
                continue
            if _is_table_header(original, folded, lines[li]) or (tabbed and not any(original[i] == "\t" for i in lines[li])
                                                                 and len(_layout_cells(original, folded, lines[li])) > 1):
                break                      # the next table, or text laid out otherwise
            cells = _layout_cells(original, folded, lines[li])
            if len(cells) < 2:
                nxt = next((l for l in lines[li + 1:] if "".join(folded[i] for i in l).strip()), None)
                if len(cells[0][0]) > 40 or nxt is None or len(_layout_cells(original, folded, nxt)) < 2:
                    break
            if not tabbed and 2 <= len(cells) < len(head):
                out[li] = _under_header(cells, [col for _, _, col in head])
            else:
                out[li] = [(c, s) for c, s, _ in cells]
            li += 1
    return out


__all__ = ["table_lines"]
