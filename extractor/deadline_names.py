"""Where a date is part of a name, a title or a report rather than a time limit.

Covered: `_Marks` (positions of 《》, clause ends and line breaks, so each question is a binary
search: a line may be megabytes), `_paren_title` (a period in brackets after a title, also a title
broken over two lines), `_title_line` (the rest of the line closes a title: …工作要点, …宣传(四)),
`_plan_limit` (a plan period with 在/到 before it or 力争/目标 after it is a limit; else background),
`_NAMED` (a year before a document's name: 2026年区《政府工作报告》) and `_within` (a position inside
one of sorted spans, used for sentences that report what was done).

Deliberately not here: finding the dates (`extractor.deadlines`) and the lexicons
(`extractor.deadline_cues`).
"""
from __future__ import annotations

import re
from bisect import bisect_left

from .deadline_cues import _Patterns

__all__: list[str] = []

_SENT = re.compile(r"[^。!?\n]+")
_NAMED = re.compile(r"\s*[省市区县镇乡]?[《〈<]")      # 2026年区《政府工作报告》目标任务: the year of a document's name
_TITLE_LINE = 80      # a title line is shorter than this
_PLAN_SENTENCE = 300


class _Marks:
    """Positions of title brackets, clause ends and line breaks in one text, so that each question
    about a candidate costs a binary search, not a scan of its line (one line may be megabytes)."""

    def __init__(self, text: str):
        self.opens = [m.start() for m in re.finditer("《", text)]
        self.closes = [m.start() for m in re.finditer("》", text)]
        self.lines = [m.start() for m in re.finditer("\n", text)]
        self.clauses = [m.start() for m in re.finditer("[,;。\n]", text)]

    def enclosed(self, pos: int) -> bool:
        """True inside 《…》 (a title): opened earlier on the same line, or closed later on it with no
        《 before the 》 — a title broken over two lines (《…行动方案 / (2023-2025年)》)."""
        i = bisect_left(self.lines, pos)
        ls = self.lines[i - 1] + 1 if i else 0
        if (bisect_left(self.opens, pos) - bisect_left(self.opens, ls)
                > bisect_left(self.closes, pos) - bisect_left(self.closes, ls)):
            return True
        le = self.lines[i] if i < len(self.lines) else None
        j = bisect_left(self.closes, pos)
        if j == len(self.closes) or (le is not None and self.closes[j] > le):
            return False
        k = bisect_left(self.opens, pos)
        return k == len(self.opens) or self.opens[k] > self.closes[j]

    def clause_start(self, pos: int) -> int:
        """Where the clause holding `pos` starts (after the last , ; 。 or line break before it)."""
        i = bisect_left(self.clauses, pos)
        return self.clauses[i - 1] + 1 if i else 0


def _paren_title(text: str, s: int, e: int) -> bool:
    """A period written in brackets right after a title: (2023-2025年); or closing a bracket opened
    on the line before, where a title is broken over two lines (…实施方案( / 2019—2021年))."""
    before = text[max(0, s - 1):s]
    after = text[e:e + 1]
    if after not in (")", "）", "]"):
        return False
    if before in ("(", "（", "["):
        return True
    nl = text.rfind("\n", max(0, s - _TITLE_LINE), s)
    if nl < 0 and s > _TITLE_LINE:
        return False                                  # far into a long line: no title's second line
    return not any(o in text[nl + 1:s] for o in "(（[")


def _title_line(t: str, end: int, p: _Patterns) -> bool:
    """Whether the rest of the line after `end` closes a title (…工作要点, …方案的通知, …宣传(四))."""
    le = t.find("\n", end, end + _TITLE_LINE)
    if le < 0:
        le = len(t)                                   # the regex itself reads at most ~40 characters
    return bool(p.title_end.match(t, end, le))


def _plan_limit(t: str, m: re.Match, p: _Patterns) -> bool:
    """Whether a plan period (“十四五”时期) is a time limit: 在/到 right before it, or 力争/目标 later in
    its sentence; else it names the background (“十四五”时期,全市上下坚持…)."""
    if p.plan_prefix.search(t, max(0, m.start() - 8), m.start()):
        return True
    se = _SENT.match(t, m.end(), m.end() + _PLAN_SENTENCE)       # bounded: a line may be megabytes
    return bool(se and p.plan_goal.search(t, m.end(), se.end()))


def _within(spans: list[tuple[int, int]], pos: int) -> bool:
    i = bisect_left(spans, (pos + 1, -1)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]
