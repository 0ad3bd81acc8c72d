"""Time limits in notice text → `Deadline` facts (ISO dates), and recurring cadences → `Recurrence`.

Deadlines covered, each with its `kind`:

- ``deadline``: 到2025年 / 力争到2025年底 / 2025年底前 / 2022年10月底前 / 2024年6月30日前 /
  至2025年12月31日止 / 政策执行期限至2025年12月底 / 截止日期:2025年3月31日 / 2024年第四季度前; a bare 年底前 takes the nearest year written
  before it; a completion time that stands alone as a table or record field ("time":"2026年9月"); a month
  without a year and with a completion cue (6月底完成, 9月30日前, 10月以前, 5月20日截止) takes the nearest year
  written before it, else the caller's `context_year` (with neither it is left out).
- ``period_end``: 2023—2025年, 2023-2025年, 从2023年到2025年, 2020年5月1日至2021年4月30日 → the end,
  also when the end leaves out the year (2025年5月1日至6月30日 → 2025-06-30) or the start's year is
  repeated garbled before 至 (2024年10月10日2024至10月17日止 → 2024-10-17); a five-year plan's
  period as a limit (在“十四五”时期, 到“十四五”末, “十四五”期间完成 → 2025-12-31).
- ``dating_year``: a bare year that opens a clause and dates a goal (2024年,全省开展… ;
  2024年新评选…) → that year's 12-31.
- ``validity``: 有效期至…, a page header's 失效日期/废止日期 with a date. The same validity end
  printed twice (a header and the body) is one deadline.

Deliberately not deadlines: start or effective dates (实施日期, 自…起施行, 从2023年起), signing
dates (a full date alone, 成文日期), 文号 (〔2023〕8号), durations (有效期5年, 30个工作日内), and
periods or years that are part of a name — in 《》 (also one opened on the line before: a title broken
over two lines), in brackets after a title ((2023-2025年), or 2019—2021年) closing a bracket opened on
the line before) or followed by 规划/方案/行动计划 (2021年行动计划) — or of a title line (某市2021—2023年
职业技能提升行动实施方案, 2025年就业政策宣传(四)) or a document's name (2026年区《政府工作报告》目标任务),
a plan period named as background (“十四五”时期,全市上下坚持…: no 在/到 before it, no 力争/目标 after it),
and dates in a sentence that reports what was done (至“十四五”末,全市共累计培训…), a dated 前 followed in
its sentence by a dated 后 (2021年8月前最低工资标准为…,2021年9月后…: a past standard's split), batch labels
(2023年第一批) and attachments' names (附件:2023年就业见习补贴名单).

Recurrences (每年, 每两年, 每季度, 年度, 月调度、季通报) are never deadlines; `extract_recurrences`
returns them with a cadence key (annual, biennial, quarterly, monthly …). Lexicons:
``data/deadline_cues.json`` and ``data/cadence_words.txt`` (loaded in `extractor.deadline_cues`);
the rules for dates that are part of a name or title are in `extractor.deadline_names`.
"""
from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from datetime import date
from types import MappingProxyType

from .deadline_cues import CADENCES, KINDS, DeadlineCues, _patterns, load_cadence_words, load_deadline_cues
from .deadline_names import _NAMED, _SENT, _Marks, _paren_title, _plan_limit, _title_line, _within
from .model import Deadline, Recurrence
from .numbers import fold_width, parse_number

__all__ = [
    "CADENCES", "DeadlineCues", "KINDS", "drop_repeated_validity", "extract_deadlines", "extract_recurrences",
    "load_cadence_words", "load_deadline_cues", "parse_date",
]

# The lexicons and patterns live in deadline_cues, the name and title rules in deadline_names.

_PART = re.compile(r"\s*第?(上半年|下半年|[一二三四1-4]季度)")
_PART_END = MappingProxyType({"上半年": 6, "下半年": 12, "一季度": 3, "二季度": 6, "三季度": 9, "四季度": 12,
                              "1季度": 3, "2季度": 6, "3季度": 9, "4季度": 12})
_PLAN = MappingProxyType({"一": 2010, "二": 2015, "三": 2020, "四": 2025, "五": 2030})  # 十N五 → its last year
_YEAR_AT = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_VALIDITY_BACK = 120      # 有效期 names the validity of a date in its clause, never further back than this


def _iso(y: int, m: int | None = None, d: int | None = None) -> str | None:
    """A year, year-month or full date → ISO; a missing month is December, a missing day the month's last."""
    m = 12 if m is None else m
    if not (1 <= m <= 12):
        return None
    last = calendar.monthrange(y, m)[1]
    d = last if d is None else d
    if not (1 <= d <= last):
        return None
    return date(y, m, d).isoformat()


def parse_date(s: str) -> str | None:
    """One date expression → the ISO date it ends on, or None.

    >>> [parse_date(x) for x in ("2025年底", "2022年10月底", "2024年6月30日", "2028-09-25", "2025年", "十四五时期")]
    ['2025-12-31', '2022-10-31', '2024-06-30', '2028-09-25', '2025-12-31', '2025-12-31']
    >>> parse_date("2024年上半年"), parse_date("2025年三季度末")
    ('2024-06-30', '2025-09-30')
    """
    if not isinstance(s, str):
        return None
    t = fold_width(s)
    pm = _patterns().plan.search(t) or re.search(r"十(?P<n>[一二三四五])五", t)
    if pm and not re.search(r"\d", t):
        return _iso(_PLAN[pm.group("n")])
    m = _patterns().date_parts.search(t)
    if not m:
        return None
    y = int(m.group(1))
    q = _PART.search(t, m.end())
    if q and not m.group(2) and not m.group(4):
        return _iso(y, _PART_END[q.group(1)])
    mo = m.group(2) or m.group(4)
    dd = m.group(3) or m.group(5)
    return _iso(y, int(mo) if mo else None, int(dd) if dd else None)


def _period_end(m: re.Match) -> str | None:
    """The ISO end of a matched period; 2025年5月1日至6月30日: an end without a year takes the start's."""
    if m.group("b"):
        return parse_date(m.group("b"))
    if m.group("bm") or m.group("bm2"):
        a = m.group("a")
        return parse_date(a[:a.index("年") + 1] + (m.group("bm") or m.group("bm2")))
    return _iso(int(m.group("b2")))


def _anchored(pattern: re.Pattern, t: str, years: list[int], back: int = 0, first: frozenset = frozenset()):
    """Matches of `pattern` that start at a year, or up to `back` characters before one at a
    character in `first` (a label or prefix such as 到, 有效期至): one scan for years, then anchored
    matches, instead of a scan of the whole text per pattern."""
    done = -1
    for y in years:
        for s in range(max(done + 1, y - back), y + 1):
            if s < y and t[s] not in first:
                continue
            m = pattern.match(t, s)
            if m:
                done = m.end() - 1
                yield m
                break


_ATTACHMENT = re.compile(r"附件\s*\d{0,2}\s*[:.、]?\s*$")
_AFTER_WINDOW = 40        # 2021年8月前…,2021年9月后…: how far the matching 后 may follow a 前


def _month_year(years: list[int], t: str, s: int, context_year: int | None) -> int | None:
    """The year of a month written without one: the nearest year before it in `t`, else `context_year`."""
    k = bisect_left(years, s)
    if k:
        return int(t[years[k - 1]:years[k - 1] + 4])
    return context_year


def extract_deadlines(text: str, context_year: int | None = None) -> list[Deadline]:
    """Every time limit in `text`, in order, with its ISO date and kind.

    A month without a year and with a completion cue (6月底完成, 9月30日前) takes the nearest year
    written before it in `text`, else `context_year` (the year of the surrounding dated context or
    the notice's own year); with neither it is left out.

    >>> [(d.text, d.date) for d in extract_deadlines("(牵头单位:州政务服务局,6月底完成)", context_year=2020)]
    [('6月底完成', '2020-06-30')]

    >>> [(d.text, d.date, d.kind) for d in extract_deadlines("从2023年到2025年,全市完成评价9000人次。力争到2025年底,比例达到30%")]
    [('从2023年到2025年', '2025-12-31', 'period_end'), ('力争到2025年底', '2025-12-31', 'deadline')]
    """
    if not isinstance(text, str) or not text:
        return []
    t = fold_width(text)
    p = _patterns()
    cues = load_deadline_cues()
    cands: list[tuple[int, int, str, str]] = []       # start, end, date, kind

    years = [m.start() for m in _YEAR_AT.finditer(t)]
    for m in _anchored(p.validity, t, years, 16, p.validity_first):
        end, d = m.end(), parse_date(m.group("d"))
        pm = p.period.match(t, m.start("d"))          # 有效期为2023年1月1日至2025年12月31日: the end
        if pm and (pm.group("b") or pm.group("bm") or pm.group("bm2")):
            end, d = pm.end(), _period_end(pm)
        if d:
            cands.append((m.start(), end, d, "validity"))
    for m in _anchored(p.period, t, years):
        if _paren_title(t, m.start(), m.end()) or p.name_after.match(t, m.end()) or _title_line(t, m.end(), p):
            continue                                  # 某市2021—2023年职业技能提升行动实施方案: a title line
        d = _period_end(m)
        s = m.start()
        if s > 0 and t[s - 1] in "从自":             # 从2023年到2025年
            s -= 1
        if d:
            cands.append((s, m.end(), d, "period_end"))
    for m in _anchored(p.prefixed, t, years, 8, p.prefixed_first):
        d = parse_date(m.group("d"))
        if d and not p.name_after.match(t, m.end()):
            cands.append((m.start(), m.end(), d, "deadline"))
    for pat in (p.suffixed, p.field):
        for m in _anchored(pat, t, years):
            d = parse_date(m.group("d"))
            if d:
                cands.append((m.start(), m.end(), d, "deadline"))
    if "五" in t:
        for m in p.plan.finditer(t):
            if m.group("suf") in cues.background_plan_suffixes and not _plan_limit(t, m, p):
                continue                              # “十四五”时期,全市上下坚持…: the scene, not a limit
            cands.append((m.start(), m.end(), _iso(_PLAN[m.group("n")]), "period_end"))
    if "年底" in t or "年末" in t:
        for m in p.bare_year_end.finditer(t):
            if m.start() > 0 and t[m.start() - 1] in cues.bare_year_end_blockers:
                continue
            k = bisect_left(years, m.start())              # the nearest year written before it
            if k:
                cands.append((m.start(), m.end(), _iso(int(t[years[k - 1]:years[k - 1] + 4])), "deadline"))
    if "月" in t:
        for m in p.month_limit.finditer(t):
            y = _month_year(years, t, m.start(), context_year)
            d = _iso(y, int(m.group("m")), int(m.group("d")) if m.group("d") else None) if y else None
            if d:
                cands.append((m.start(), m.end(), d, "deadline"))
    for m in _anchored(p.dating, t, years):
        s = m.start()
        k = s
        while k > 0 and t[k - 1] in " \t":
            k -= 1
        before = t[max(0, k - 2):k]
        if not (k == 0 or before[-1:] in cues.dating_openers or before in cues.dating_openers):
            continue
        if p.dating_block.match(t, m.end()) or p.name_after.match(t, m.end()) or _NAMED.match(t, m.end()):
            continue
        if _title_line(t, m.end(), p):
            continue                                  # 2025年全市职业能力建设工作要点: a title line
        if _ATTACHMENT.search(t, max(0, k - 8), k):
            continue                                  # 附件:2023年就业见习补贴名单: an attachment's name
        cands.append((s, m.end(), _iso(int(m.group("y"))), "dating_year"))

    cands.sort(key=lambda c: (c[0], -(c[1] - c[0]), KINDS.index(c[3]) if c[3] != "validity" else -1))
    out: list[Deadline] = []
    last_end = -1
    seen_validity: set[str] = set()
    marks = _Marks(t)
    past = [(m.start(), m.end()) for m in _SENT.finditer(t) if p.past.search(t, m.start(), m.end())]
    for s, e, d, kind in cands:
        if s < last_end or marks.enclosed(s):
            continue
        if kind != "validity" and past and _within(past, s):
            continue                                  # 至“十四五”末,全市共累计培训…: a report, not a limit
        if kind == "deadline" and t[e - 1] == "前" and t[e - 2:e] != "底前" and _before_after(t, e, p):
            continue                                  # 2021年8月前最低工资标准为…,2021年9月后…: a past split
        if kind != "validity" and t.find("有效期", max(marks.clause_start(s), s - _VALIDITY_BACK), s) >= 0:
            kind = "validity"
        if kind == "validity":
            if d in seen_validity:
                last_end = e
                continue
            seen_validity.add(d)
        out.append(Deadline(text=text[s:e], span=(s, e), date=d, kind=kind))
        last_end = e
    return out


def _before_after(t: str, e: int, p) -> bool:
    """A dated 前 followed in its sentence by a dated 后 (…8月前标准为1380元,9月后为1650元): the two
    split a reference period, neither is a limit."""
    stop = t.find("。", e, e + _AFTER_WINDOW)
    return p.before_after.search(t, e, stop if stop >= 0 else e + _AFTER_WINDOW) is not None


def drop_repeated_validity(deadlines: list[Deadline]) -> list[Deadline]:
    """Keep the first of several validity ends with the same date (a page header's 失效日期 and the
    body's 有效期至 printed on different lines); other deadlines are kept as they are.

    `extract_deadlines` does this within one call; a caller that runs it line by line applies
    this to the notice's whole list.

    >>> ds = extract_deadlines("失效日期:2027年12月31日") + extract_deadlines("有效期至2027年12月31日。到2025年")
    >>> [(d.date, d.kind) for d in drop_repeated_validity(ds)]
    [('2027-12-31', 'validity'), ('2025-12-31', 'deadline')]
    """
    seen: set[str] = set()
    out = []
    for d in deadlines:
        if d.kind == "validity":
            if d.date in seen:
                continue
            seen.add(d.date)
        out.append(d)
    return out


def extract_recurrences(text: str) -> list[Recurrence]:
    """Every recurring cadence in `text` (每年, 每两年, 每季度, 月调度 …), in order.

    >>> [(r.text, r.cadence) for r in extract_recurrences("每年组织竞赛2场以上,实行月调度、季通报,每两年评选一次")]
    [('每年', 'annual'), ('月调度', 'monthly'), ('季通报', 'quarterly'), ('每两年', 'biennial')]
    """
    if not isinstance(text, str) or not text:
        return []
    t = fold_width(text)
    words = dict(load_cadence_words())
    out = []
    for m in _patterns().cadence.finditer(t):
        w = m.group()
        if m.group("n"):
            n = parse_number(m.group("n"))
            if not n:
                continue
            n = int(n)
            unit = m.group("u")
            if unit == "年":
                cadence = {1: "annual", 2: "biennial", 3: "triennial"}.get(n, f"every_{n}_years")
            elif unit in ("个月", "月"):
                cadence = {1: "monthly", 3: "quarterly", 6: "semiannual", 12: "annual"}.get(n, f"every_{n}_months")
            elif unit == "周":
                cadence = "weekly" if n == 1 else f"every_{n}_weeks"
            else:
                cadence = "daily" if n == 1 else f"every_{n}_days"
        else:
            cadence = words[w]
            if w.startswith("按") and t[m.end():m.end() + 1] in ("度", "份", "末", "底"):
                continue                              # 按年度营业收入: a measure, not a cadence
            if w.startswith(("年度", "季度")):
                prev = t[max(0, m.start() - 1):m.start()]
                if prev and (prev.isdigit() or prev in "当上本下该首前次同跨半一二三四第"):
                    continue
        out.append(Recurrence(text=text[m.start():m.end()], span=(m.start(), m.end()), cadence=cadence))
    return out
