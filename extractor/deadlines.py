"""Time limits in notice text → `Deadline` facts (ISO dates), and recurring cadences → `Recurrence`.

Deadlines covered, each with its `kind`:

- ``deadline``: 到2025年 / 力争到2025年底 / 2025年底前 / 2022年10月底前 / 2024年6月30日前 /
  至2025年12月31日止 / 政策执行期限至2025年12月底 / 截止日期:2025年3月31日 / 2024年第四季度前; a bare 年底前 takes the nearest year written
  before it; a completion time that stands alone as a table or record field ("time":"2026年9月").
- ``period_end``: 2023—2025年, 2023-2025年, 从2023年到2025年, 2020年5月1日至2021年4月30日 → the end,
  also when the end leaves out the year (2025年5月1日至6月30日 → 2025-06-30); a five-year plan's
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
and dates in a sentence that reports what was done (至“十四五”末,全市共累计培训…).

Recurrences (每年, 每两年, 每季度, 年度, 月调度、季通报) are never deadlines; `extract_recurrences`
returns them with a cadence key (annual, biennial, quarterly, monthly …). Lexicons:
``data/deadline_cues.json`` and ``data/cadence_words.txt``.
"""
from __future__ import annotations

import calendar
import json
import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from .model import Deadline, Recurrence
from .numbers import fold_width, parse_number
from .lexicon import alternation as _alt

__all__ = [
    "CADENCES", "DeadlineCues", "KINDS", "drop_repeated_validity", "extract_deadlines", "extract_recurrences",
    "load_cadence_words", "load_deadline_cues", "parse_date",
]

DATA = Path(__file__).resolve().parent / "data"
KINDS = ("deadline", "period_end", "dating_year", "validity")
CADENCES = ("annual", "biennial", "triennial", "semiannual", "quarterly", "monthly", "weekly", "daily")

_Y = r"(?<!\d)(?:19|20)\d{2}\s*年"
_M = r"\d{1,2}\s*月"
_D = r"\d{1,2}\s*[日号]"
_ISO = r"(?<!\d)(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?!\d)"
_PART = re.compile(r"\s*第?(上半年|下半年|[一二三四1-4]季度)")
_PART_END = MappingProxyType({"上半年": 6, "下半年": 12, "一季度": 3, "二季度": 6, "三季度": 9, "四季度": 12,
                              "1季度": 3, "2季度": 6, "3季度": 9, "4季度": 12})
_PLAN = MappingProxyType({"一": 2010, "二": 2015, "三": 2020, "四": 2025, "五": 2030})  # 十N五 → its last year


@dataclass(frozen=True)
class DeadlineCues:
    """The deadline lexicons of ``data/deadline_cues.json`` (see the ``_doc`` key there)."""

    validity_labels: tuple[str, ...]
    deadline_prefixes: tuple[str, ...]
    before_suffixes: tuple[str, ...]
    year_end_words: tuple[str, ...]
    period_joiners: tuple[str, ...]
    name_nouns: tuple[str, ...]
    dating_openers: tuple[str, ...]
    dating_blockers: tuple[str, ...]
    bare_year_end_blockers: tuple[str, ...]
    plan_suffixes: tuple[str, ...]
    past_markers: tuple[str, ...]
    background_plan_suffixes: tuple[str, ...]
    plan_prefixes: tuple[str, ...]
    plan_goal_markers: tuple[str, ...]
    sentence_end_nouns: tuple[str, ...]


@lru_cache(maxsize=1)
def load_deadline_cues(path: str | None = None) -> DeadlineCues:
    """Read and check ``data/deadline_cues.json``; raises ValueError naming a bad key.

    >>> "有效期至" in load_deadline_cues().validity_labels
    True
    """
    raw = json.loads(Path(path or DATA / "deadline_cues.json").read_text(encoding="utf-8"))
    kw = {}
    for f in DeadlineCues.__dataclass_fields__:
        v = raw.get(f)
        if not v or not all(isinstance(x, str) and x for x in v):
            raise ValueError(f"deadline_cues.json: {f} must be a non-empty list of non-empty strings")
        kw[f] = tuple(v)
    return DeadlineCues(**kw)


@lru_cache(maxsize=1)
def load_cadence_words(path: str | None = None) -> tuple[tuple[str, str], ...]:
    """Read ``data/cadence_words.txt`` (WORD<TAB>CADENCE lines) → pairs, longest word first.

    >>> dict(load_cadence_words())["每两年"]
    'biennial'
    """
    pairs = []
    for n, line in enumerate(Path(path or DATA / "cadence_words.txt").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or parts[1].strip() not in CADENCES:
            raise ValueError(f"cadence_words.txt line {n}: expected WORD<TAB>CADENCE with CADENCE one of "
                             f"{', '.join(CADENCES)}; got {line!r}")
        pairs.append((parts[0].strip(), parts[1].strip()))
    return tuple(sorted(pairs, key=lambda p: len(p[0]), reverse=True))


@dataclass(frozen=True)
class _Patterns:
    validity: re.Pattern
    period: re.Pattern
    prefixed: re.Pattern
    suffixed: re.Pattern
    field: re.Pattern
    bare_year_end: re.Pattern
    plan: re.Pattern
    dating: re.Pattern
    name_after: re.Pattern
    dating_block: re.Pattern
    date_parts: re.Pattern
    cadence: re.Pattern
    validity_first: frozenset
    prefixed_first: frozenset
    title_end: re.Pattern
    past: re.Pattern
    plan_prefix: re.Pattern
    plan_goal: re.Pattern


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    c = load_deadline_cues()
    yend = _alt(c.year_end_words + ("底", "末"))
    before = _alt(c.before_suffixes)
    join = _alt(c.period_joiners)
    part = r"(?:上半年|下半年|第?[一二三四1-4]季度)(?:末|底)?"              # 2024年上半年, 2025年(第)三季度末
    ym_end = rf"{_Y}\s*(?:{_M}\s*(?:{_D}|底|末)?|(?:{yend})|{part})?"  # 2025年 / 2025年底 / 2025年12月(31日|底)
    one_date = rf"(?:{_ISO}|{ym_end})"
    period_a = rf"(?P<a>{_Y}(?:\s*{_M}(?:\s*{_D})?)?)"
    period_b = (rf"(?:(?P<b>{_Y}(?:\s*{_M}\s*(?:{_D}|底|末)?|\s*(?:{yend}))?)"
                rf"|(?<=[日号月]至)(?P<bm>{_M}\s*(?:{_D}|底|末)?)|(?<=[日号月][—–\-~～])(?P<bm2>{_M}\s*(?:{_D}|底|末)?))")
    period_short = rf"(?<!\d)(?P<a2>(?:19|20)\d{{2}})\s*(?:{join})\s*(?P<b2>(?:19|20)\d{{2}})\s*年(?!\s*\d{{1,2}}\s*月)"
    limit = (rf"{_M}\s*(?:{_D}\s*(?:{before})|(?:底|末)\s*(?:{before})?|(?:{before}))"  # 2024年6月(30日前|底前|前)
             rf"|(?:{yend})\s*(?:{before})?"                                           # 2025年底(前)
             rf"|{part}\s*(?:{before})"                                                # 2024年上半年前
             rf"|(?:之前|以前|前)(?![一二三四五六七八九十两\d个半])")                        # 2025年前
    cadence_words = _alt(w for w, _ in load_cadence_words())
    title_nouns = _alt([w for w in c.name_nouns if w not in c.sentence_end_nouns] + ["通知", "总结", "要点"])
    # the year-anchored patterns are matched at (or just before) the years found in a text: see _anchored
    return _Patterns(
        validity=re.compile(rf"(?:{_alt(c.validity_labels)})\s*[:|]?\s*\|?\s*(?P<d>{one_date})\s*(?:{before})?"),
        period=re.compile(rf"{period_a}\s*(?:{join})\s*{period_b}(?:\s*(?:{before}))?|{period_short}"),
        prefixed=re.compile(rf"(?:{_alt(c.deadline_prefixes)})\s*(?P<d>{ym_end})\s*(?:{before})?"),
        suffixed=re.compile(rf"(?P<d>{_Y}\s*(?:{limit}))"),
        field=re.compile(rf"(?:^|(?<=[:|\"\s]))(?P<d>{_Y}\s*{_M})(?=$|[\"|\s,}}])", re.M),
        bare_year_end=re.compile(rf"(?=[到至]?年[底末])(?:到|至)?年(?:底|末)\s*(?:{before})|(?:到|至)年(?:底|末)"),
        plan=re.compile(rf"(?=[“十])“?十(?P<n>[一二三四五])五”?\s*(?P<suf>{_alt(c.plan_suffixes)})"),
        plan_prefix=re.compile(rf"(?:{_alt(c.plan_prefixes)})\s*$"),
        plan_goal=re.compile(_alt(c.plan_goal_markers)),
        dating=re.compile(r"(?P<y>(?<!\d)(?:19|20)\d{2})\s*年(?=\s*[,\u4e00-\u9fff])"),
        name_after=re.compile(rf"\s*[)》”\"]?\s*(?:{_alt(c.name_nouns)})"),
        dating_block=re.compile(rf"\s*(?:{_alt(c.dating_blockers)})"),
        date_parts=re.compile(r"((?:19|20)\d{2})(?:\s*年\s*(?:(\d{1,2})\s*月\s*(?:(\d{1,2})\s*[日号])?)?"
                              r"|[-/.](\d{1,2})[-/.](\d{1,2}))"),
        cadence=re.compile(rf"{cadence_words}|每\s*(?P<n>\d+|[两二三四五六七八九十])\s*(?P<u>年|个月|月|周|天|日)"),
        validity_first=frozenset(w[0] for w in c.validity_labels),
        prefixed_first=frozenset(w[0] for w in c.deadline_prefixes),
        # a title: 2025年全市职业能力建设工作要点 (a line of its own), 2025年就业政策宣传(四) (a numbered series)
        title_end=re.compile(rf"[^,;。:]{{0,30}}(?:(?:{title_nouns})\s*$|\([一二三四五六七八九十\d]{{1,3}}\))"),
        past=re.compile(_alt(c.past_markers)),
    )


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


_TITLE_LINE = 80      # a title line is shorter than this


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


_PLAN_SENTENCE = 300

_YEAR_AT = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_NAMED = re.compile(r"\s*[省市区县镇乡]?[《〈<]")      # 2026年区《政府工作报告》目标任务: the year of a document's name


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


def extract_deadlines(text: str) -> list[Deadline]:
    """Every time limit in `text`, in order, with its ISO date and kind.

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


_SENT = re.compile(r"[^。!?\n]+")
_VALIDITY_BACK = 120      # 有效期 names the validity of a date in its clause, never further back than this


def _within(spans: list[tuple[int, int]], pos: int) -> bool:
    i = bisect_left(spans, (pos + 1, -1)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


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
