"""Numbered items run into one line, put on lines of their own (part of the normalised view, see `normalize`).

Covered: 一、 / (一) / 1. 1、 markers inside a line that follow a layout gap, 。 ; a closing bracket, a list
intro ("通知如下:") or the bare title of a higher heading, and continue the numbering of their kind; page
chunks of document-sharing previews (`PAGE_CHUNK`). Not covered: a decimal point (第1.5倍, 3.5万元, 2.0版),
markers inside table rows, (1) / ① sub-points (they stay run in).
"""
from __future__ import annotations

import re

# the notice's own list of items ("有关事项通知如下:1.…", "现提出以下意见:1.…"), not a list inside a
# provision ("补贴标准如下:1.初级工…": its items share the words before the colon)
_AFTER_INTRO = re.compile(r"(?:(?:通知|意见|措施|规定|要求|事项)如下|(?:如下|以下)(?:几点)?(?:实施|具体|政策|工作)?(?:意见|措施))[:：]\s*$")


def insert_breaks(chars: list[str], idx: list[int], inserts: list[int]) -> None:
    """Insert a line break before each position of `inserts` (ascending); a break maps to the
    original offset of the character after it."""
    if not inserts:
        return
    new_chars: list[str] = []
    new_idx: list[int] = []
    prev = 0
    for at in inserts:                   # ascending; one pass (list.insert per break is quadratic)
        new_chars += chars[prev:at]
        new_idx += idx[prev:at]
        new_chars.append("\n")
        new_idx.append(idx[at])
        prev = at
    chars[:] = new_chars + chars[prev:]
    idx[:] = new_idx + idx[prev:]



# numbered items run into one line ("…提出以下意见: 一、深入实施就业优先战略 1.坚持…。(…参加) 2.发挥…"):
# 一、 / (一) / 1. 1、 followed by a word; a decimal point is no marker (第1.5倍, 3.5万元, 2.0版)
_ITEM = re.compile(r"(?:(?P<cn>[一二三四五六七八九十]{1,3})、|\((?P<pcn>[一二三四五六七八九十]{1,3})\)|(?P<num>\d{1,2})[.、](?!\d))"
                   r"(?=[\u4e00-\u9fff“《【(])")
# a numbered line that runs on into a top-level heading ("2、…发展格局…。二、基本原则坚持…") is a page
# chunk of a document preview, not an item: items never hold the headings above them
PAGE_CHUNK = re.compile(r"(?m)^\d{1,3}、[^。\n]{50,}。(?:[^\n]*?。)?\s*[一二三四五六七八九十]{1,3}、\S")
_ITEM_AFTER = set("。;；)）】〕]」』 ")
_ITEM_RANK = {"cn": 0, "pcn": 1, "num": 2}
_CN_DIGIT = {c: i + 1 for i, c in enumerate("一二三四五六七八九")}


def _cn_value(s: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十三 → 23."""
    if "十" not in s:
        return _CN_DIGIT.get(s, 0) if len(s) == 1 else 0
    a, _, b = s.partition("十")
    return (_CN_DIGIT.get(a, 0) if a else 1) * 10 + (_CN_DIGIT.get(b, 0) if b else 0)


def _item_marks(text: str) -> list[tuple[int, str, int, bool]]:
    """(position, kind, value, at line start) of every numbered-item marker.

    >>> _item_marks("一、加强培训 1.开展培训。补贴提高到1.5倍。2.组织竞赛")
    [(0, 'cn', 1, True), (7, 'num', 1, False), (24, 'num', 2, False)]
    """
    out = []
    for m in _ITEM.finditer(text):
        q = m.start()
        kind = m.lastgroup
        at_start = q == 0 or text[q - 1] == "\n"
        v = int(m.group(kind)) if kind == "num" else _cn_value(m.group(kind))
        if v:
            out.append((q, kind, v, at_start))
    return out


def break_inline_items(chars: list[str], idx: list[int], spaced: set[int]) -> None:
    """Put numbered items that share a line with the text before them on lines of their own.

    A marker inside a line splits only when it is not inside a table row, follows a layout gap
    (`spaced`), 。 ; a closing bracket, a list intro ("通知如下:") or the bare title of a higher
    heading ("二、主要任务(一)加强…"),
    and continues the sequence of its kind: n+1 after n, or 1 when the next marker of its kind is 2
    or when it follows a heading's title. A marker of a higher kind (一、 above (一) above 1.)
    restarts the lower ones.
    """
    text = "".join(chars)
    marks = [(q, k, v, s, s or text[q - 1] in _ITEM_AFTER or idx[q] in spaced or bool(_AFTER_INTRO.search(text, max(0, q - 16), q)))
             for q, k, v, s in _item_marks(text)]
    skip = {m.start() for m in re.finditer(r"(?m)^(?:.* \| .*\|\s*|.*\t.*)$", text)}      # table rows
    skip |= {m.start() for m in PAGE_CHUNK.finditer(text)}
    last: dict[str, int | None] = {k: None for k in _ITEM_RANK}
    head: tuple[int, int] | None = None        # (position, rank) of the last item that starts a line
    inserts: list[int] = []
    nxt: list[int | None] = [None] * len(marks)     # the value of the next marker of the same kind after a gap
    ahead: dict[str, int] = {}
    for i in range(len(marks) - 1, -1, -1):
        _, kind, v, _, gap = marks[i]
        nxt[i] = ahead.get(kind)
        if gap:
            ahead[kind] = v
    for i, (q, kind, v, at_start, gap) in enumerate(marks):
        ok = at_start
        if not ok and text.rfind("\n", 0, q) + 1 not in skip:
            after_title = bool(head and head[1] < _ITEM_RANK[kind] and _HEAD_TITLE.fullmatch(text, head[0], q))
            ok = (gap or after_title) and ((last[kind] is not None and v == last[kind] + 1)
                                           or (v == 1 and (nxt[i] == 2 or after_title)))
            if ok:
                inserts.append(q)
        if ok:
            last[kind] = v
            head = (q, _ITEM_RANK[kind])
            for k2, r in _ITEM_RANK.items():
                if r > _ITEM_RANK[kind]:
                    last[k2] = None
    insert_breaks(chars, idx, inserts)


# a heading's bare title run into its first item: "二、主要任务(一)…", "(一)实施技能提升行动1.…"
_HEAD_TITLE = re.compile(r"(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\))[^\n。,;:!?、()]{2,30}")


__all__ = ["PAGE_CHUNK", "break_inline_items", "insert_breaks"]
