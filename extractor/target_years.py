"""The due year of a target: from the time limits around it (see `extractor.deadlines`).

Covered: `_year_resolver` builds, once per text, a function position → due year: a time limit
earlier in the same sentence, the previous sentence for one opening with 其中, a paragraph that
opens with a time limit, a completion-time field of the same {…} record or |…| table row
(`_record_year`), a time limit standing as a clause of its own earlier in the paragraph
(`_carried_years`, `_frames`), else the caller's `context_year`; a goal repeated every period
(每年…) has no year unless a framing time limit earlier in its sentence gives one.
`framing_year` gives the year a heading line ending in a colon sets for the lines under it.

Deliberately not here: reading dates themselves (`extractor.deadlines`) and deciding whether a
number is a target (`extractor.target_filters`). Every pass is linear or bounded: a text may hold
thousands of sentences or dates.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from .deadlines import extract_deadlines
from .numbers import fold_width
from .target_cues import _patterns
from .target_filters import _CLAUSE_END, _Bounds

__all__ = ["framing_year"]

_HEADING_MAX = 24
_YEAR_MONTH = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月")
_FRAME_LOOK_BACK = 8
_SENT_RE = re.compile(r"[^。!?\n]*(?:[。!?\n]|$)")


def _sentences(t: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SENT_RE.finditer(t) if m.end() > m.start()]


def _year_resolver(t: str, context_year: int | None, b: _Bounds):
    """A function pos → due year (or None), built once per text."""
    p = _patterns()
    dls = [d for d in extract_deadlines(t) if d.kind != "validity"]
    starts = [d.span[0] for d in dls]
    sents = _sentences(t)
    sent_starts = [s for s, _ in sents]
    field_years = [(d.span[0], int(d.date[:4])) for d in dls if _YEAR_MONTH.fullmatch(d.text)]

    def last_year_before(s: int, pos: int) -> int | None:
        i = bisect_right(starts, pos) - 1
        while i >= 0 and dls[i].span[0] >= s:
            if dls[i].span[1] <= pos:
                return int(dls[i].date[:4])
            i -= 1
        return None

    def opening_year(s: int, e: int) -> int | None:
        """The year of a time limit that opens the sentence [s, e)."""
        i = bisect_right(starts, s - 1)
        if i < len(dls) and dls[i].span[0] < e and len(t[s:dls[i].span[0]].strip(" ——")) <= 4:
            return int(dls[i].date[:4])
        return None

    cache: dict[int, int | None] = {}

    para_first: list[int] = []        # for each sentence, the first sentence of its paragraph
    for k, (s, _) in enumerate(sents):
        para_first.append(k if k == 0 or t[s - 1] == "\n" else para_first[k - 1])
    carried = _carried_years(t, sents, dls)

    def sentence_year(k: int) -> int | None:
        """The year every later number of sentence k may inherit from the sentences before it.

        Iterative: a run of thousands of "其中…" sentences each inheriting from the one before must
        not recurse that deep."""
        chain = []                    # "其中" sentences that take whatever sentence k ends up with
        while k not in cache:
            s, e = sents[k]
            y = None
            body = t[s:e].lstrip()
            if k > 0 and t[s - 1] != "\n" and body.startswith("其中"):
                ps, pe = sents[k - 1]
                y = last_year_before(ps, pe)
                if y is None:
                    chain.append(k)
                    k -= 1
                    continue
            elif k > 0 and t[s - 1] != "\n":
                # a paragraph that opens (after a short heading sentence such as "——规模素质持续提升。")
                # with a time limit gives its year to the sentences after that one
                first = para_first[k]
                fs, fe = sents[first]
                if first < k and fe - fs <= _HEADING_MAX and not re.search(r"\d", t[fs:fe]):
                    first += 1
                if first < k:
                    y = opening_year(*sents[first])
            cache[k] = y
        for j in chain:
            cache[j] = cache[k]
        return cache[k]

    def framing_before(s: int, pos: int):
        """The last time limit before `pos` in the sentence from `s` that stands as a clause of its own
        (到2030年,全市每年…): it frames the rest of the sentence."""
        i = bisect_right(starts, pos) - 1
        for _ in range(_FRAME_LOOK_BACK):                 # a sentence may hold thousands of dates
            if i < 0 or dls[i].span[0] < s:
                break
            ds, de = dls[i].span
            if de <= pos and _frames(t, ds, de):
                return dls[i]
            i -= 1
        return None

    def resolve(pos: int) -> int | None:
        cs, _ = b.clause(pos)
        k = bisect_right(sent_starts, pos) - 1
        s, _ = sents[k]
        rec = p.recurrence.search(t, cs, pos)
        if rec:
            # 每年开展…: a goal repeated every period has no year, unless a time limit standing as a
            # clause of its own earlier in the sentence frames it (到2030年,全市每年…保持在35万人以上)
            d = framing_before(s, rec.start())
            return int(d.date[:4]) if d is not None else None
        y = last_year_before(s, pos)
        if y is None:
            y = sentence_year(k)
        if y is None:
            y = _record_year(t, pos, field_years)
        if y is None:
            y = carried[k]
        return y if y is not None else context_year

    return resolve


def _carried_years(t: str, sents: list[tuple[int, int]], dls: list) -> list[int | None]:
    """For each sentence, the year of the last framing time limit in an earlier sentence of its paragraph.

    A time limit frames what follows when it stands as a clause of its own ("…提升,到2025年末,两个
    占比…"): "…到 2025年末,两个占比分别达到40%以上。创新能力显著提升。创建研发机构120家" → 120家
    is due in 2025 too. One bound to a verb ("到2025年新建25家工作室。命名50家工作室") frames
    nothing after its sentence. One linear pass (a paragraph may hold thousands of sentences)."""
    last: list[int | None] = [None] * len(sents)
    starts = [s for s, _ in sents]
    for d in dls:
        s, e = d.span
        k = bisect_right(starts, s) - 1
        if k >= 0 and _frames(t, s, e):
            last[k] = int(d.date[:4])
    out: list[int | None] = []
    for k, (s, _) in enumerate(sents):
        if k == 0 or t[s - 1] == "\n":
            out.append(None)
        else:
            out.append(last[k - 1] if last[k - 1] is not None else out[k - 1])
    return out


def _frames(t: str, s: int, e: int) -> bool:
    """Whether the time limit at [s, e) stands as a clause of its own (…提升,到2025年末,两个占比…)."""
    head = t[max(0, s - 8):s].rstrip(" \t")                  # local windows: a line may be megabytes
    return (not head or head[-1] in _CLAUSE_END) and t[e:e + 8].lstrip(" \t")[:1] == ","


_FRAME_END = re.compile(r"[:：]\s*$")


def framing_year(line: str) -> int | None:
    """The year a line sets for the lines after it: one that opens with a time limit and ends with
    a colon ("到2025年,力争实现以下目标:"), so that the goals listed under it are due that year.

    A caller that reads a notice line by line passes it as `context_year` to the following lines
    of the same section.

    >>> framing_year("到2025年,力争实现以下目标:"), framing_year("到2025年,新建20个工作室。")
    (2025, None)
    """
    if not isinstance(line, str) or not _FRAME_END.search(line):
        return None
    t = fold_width(line)
    body = _patterns().numbering.sub("", t).lstrip()
    off = len(t) - len(body)
    for d in extract_deadlines(t):
        if d.kind != "validity" and len(t[off:d.span[0]].strip()) <= 4:
            return int(d.date[:4])
        break
    return None


def _record_year(t: str, pos: int, field_years: list[tuple[int, int]]) -> int | None:
    """The year of a completion-time field in the same {…} record or |…| table row."""
    if not field_years:
        return None
    ls = t.rfind("\n", 0, pos) + 1
    le = t.find("\n", pos)
    le = len(t) if le < 0 else le
    ob, cb = t.rfind("{", ls, pos), t.find("}", pos, le)
    if ob >= 0 and cb >= 0 and t.rfind("}", ob, pos) < 0:
        lo, hi = ob, cb
    elif "|" in t[ls:le]:
        lo, hi = ls, le
    else:
        return None
    for fpos, y in field_years:
        if lo <= fpos < hi:
            return y
    return None
