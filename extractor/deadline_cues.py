"""The deadline lexicons and the compiled patterns built from them.

Covered: ``data/deadline_cues.json`` (validity labels, deadline prefixes, 前/之前 suffixes, period
joiners, name nouns, plan-period suffixes …; see its ``_doc`` key) and ``data/cadence_words.txt``
(WORD<TAB>CADENCE), each with one cached, validating loader; the fixed vocabularies `KINDS` and
`CADENCES`; `_patterns` compiles every regex of `extractor.deadlines` from them, once.

Deliberately not here: matching and judging dates (`extractor.deadlines`) or names and titles
(`extractor.deadline_names`). Importing reads nothing; the data files are read on the first call.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .lexicon import alternation as _alt, word_list

__all__ = ["CADENCES", "DeadlineCues", "KINDS", "load_cadence_words", "load_deadline_cues"]

DATA = Path(__file__).resolve().parent / "data"
KINDS = ("deadline", "period_end", "dating_year", "validity")
CADENCES = ("annual", "biennial", "triennial", "semiannual", "quarterly", "monthly", "weekly", "daily")

_Y = r"(?<!\d)(?:19|20)\d{2}\s*年"
_M = r"\d{1,2}\s*月"
_D = r"\d{1,2}\s*[日号]"
_ISO = r"(?<!\d)(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?!\d)"


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
    return DeadlineCues(**{f: word_list(raw, f, "deadline_cues.json") for f in DeadlineCues.__dataclass_fields__})


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
    month_limit: re.Pattern
    before_after: re.Pattern


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
                rf"|(?<=[日号月\d]至)(?P<bm>{_M}\s*(?:{_D}|底|末)?)|(?<=[日号月\d][—–\-~～])(?P<bm2>{_M}\s*(?:{_D}|底|末)?))")
    # 2024年10月10日2024至10月17日止: a garbled copy of the start's year before the joiner is skipped
    garbled = r"(?:(?<=[日号月])(?:19|20)\d{2}(?=\s*(?:至|到|[—–\-~～])\s*\d{1,2}\s*月))?"
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
        period=re.compile(rf"{period_a}{garbled}\s*(?:{join})\s*{period_b}(?:\s*(?:{before}))?|{period_short}"),
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
        # a month without a year and a completion cue: 6月底完成, 9月30日前, 10月以前, 3月15日截止
        month_limit=re.compile(r"(?<![\d年月.\-/—–~～至到])(?P<m>\d{1,2})\s*月\s*(?:(?P<d>\d{1,2})\s*[日号]\s*)?"
                               r"(?:(?:底|末)\s*(?:完成|前|以前|之前)|(?:完成|以前|之前|前|截止))"),
        # 2021年8月前最低工资标准为…,2021年9月后…: a before/after split of a past standard, no limit
        before_after=re.compile(r"(?<!\d)(?:19|20)\d{2}\s*年(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*[日号])?\s*(?:以后|之后|后)"),
    )
