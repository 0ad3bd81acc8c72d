"""Quantitative targets in notice text → `Target` facts (value, counting word, due year).

Covered: a number with a counting word (人次, 人, 名, 家, 个, 所, 项, 场, 期, 次, 届, 款, % … —
``data/counting_words.txt``, an open list), scaled by 万/千 (10万人次 → 100000), with 以上/左右/
余 around it; ranges give both ends (3—5所 → 3 and 5; 一至两名 → 1 and 2); Chinese numerals
after a commitment verb (举办一届 → 1, 打造百项 → 100); shares in % when a cue says they are a goal
(比例达到30%以上, 占比提高到55%) or when they open the clause (90%以上专业与企业实现对接). The
due `year` comes from a time limit earlier in the same sentence (到2025年, 2024年, 2023—2025年),
from the previous sentence when the sentence opens with 其中, from a paragraph that opens with
one, from a completion-time field of the same record or table row, from a time limit that stands
as a clause of its own earlier in the paragraph (…提升,到2025年末,两个占比…。创建研发机构120家),
or else from the caller's `context_year`; a goal repeated every period (每年开展…) has no year, unless a
time limit standing as a clause of its own earlier in the sentence frames it (到2030年,全市每年…保持在
35万人以上 → 2030).
A count in brackets shares the fate of the number it qualifies (45万人(含新增高技能人才15万人)).

Deliberately not targets (``data/target_cues.json``): eligibility conditions (…5人以上的, 当…
超过5%, durations and ages: 6个月以上, 1年以上, 年满18岁), limits (不超过110项, 最多奖励3个项目),
baselines (从60个增加至80个 → only 80), money (元), rates (按投资额的30%) and their brackets
(20人至50人的按每人150元), objects of support (对…等13个项目,按…予以奖励), what a clause opened by
结合/围绕/依托… names without a commitment verb (结合…4个千亿级产业集群发展), dates (2023-08-24人),
study hours (8个标准学时), 文号, ordinals (第3届, 前3名), numbers inside quotes or titles (“万名技工”,
“1131”, 《…》), vague Chinese counts (一批), counts of rules or documents (产业兴旺政策26条, 若干措施20条,
出台政策文件12个), page counters (浏览次数:1234次, 各类工作方案-45篇), slogans (两个维护, 五个一批, 3个1工程),
counts that describe who or what exists (全市现有…7600多名, 共有4家见习单位, 以…7600多名持证残疾人为主要对象),
what a 公示 or 名单 lists (…符合补贴条件,现予以公示), spam-page site names (_97人人在线_),
and what a sentence opened by a background plan period reports (“十三五”时期,全市累计新增就业25万人).
"""
from __future__ import annotations

import re

from .model import Target
from .numbers import fold_width, parse_number, scale_of
from .target_cues import TargetCues, _patterns, load_counting_words, load_target_cues
from .target_filters import _Bounds, _Cand, _find, _inside, _keep, _masked_spans
from .target_years import _sentences, _year_resolver, framing_year

__all__ = ["TargetCues", "extract_targets", "framing_year", "load_counting_words", "load_target_cues", "parse_target"]

# The rules live in flat modules beside this one: target_cues (lexicons, patterns),
# target_filters (candidates and the rules that drop non-goals), target_years (due years).


def parse_target(s: str) -> tuple[float, str] | None:
    """One target expression → (value, counting word), or None.

    >>> parse_target("10万人次以上"), parse_target("30%"), parse_target("一届"), parse_target("2025年")
    ((100000.0, '人次'), (30.0, '%'), (1.0, '届'), None)
    """
    if not isinstance(s, str):
        return None
    t = fold_width(s.strip())
    m = _patterns().target.match(t)
    if not m:
        return None
    if m.group("pct_cn"):
        v = parse_number(m.group("pct_cn"))
        return None if v is None else (v, "%")
    v = parse_number(m.group("num"))
    if v is None:
        return None
    return v * scale_of(m.group("scale") or ""), m.group("unit")


def _indicator(t: str, c: _Cand, gs: int, b: _Bounds) -> str | None:
    """The noun phrase the number counts: the words after the counting word, else those before the number."""
    _, ce = b.clause(c.num_start)
    after = _IND_AFTER.sub("", t[c.end:ce])
    if "的" in after:                 # 8家具备良好评价资质条件、…的第三方评价机构 → 第三方评价机构
        after = after[after.rindex("的") + 1:]
    m = None if after.startswith(("和", "及", "与", "、", "或", "并")) else _IND_NOUN.match(after)
    if m:
        return m.group()
    before = _IND_OPEN.sub("", t[gs:c.num_start]).strip(" 、和及")
    before = _IND_CUE.sub("", before).rstrip("的")
    return before or None


_IND_AFTER = re.compile(r"^(?:以上|以下|左右|余)?的?")
_IND_NOUN = re.compile(r"[\u4e00-\u9fff“”\"()]{2,30}")
_IND_OPEN = re.compile(r"^(?:其中|分别|并)")
_IND_CUE = re.compile(r"(?:达到|达|突破|不少于|不低于|至少|超过|力争|稳定在|提高到|提高至|大于|为)$")


def extract_targets(text: str, context_year: int | None = None) -> list[Target]:
    """Every quantitative target in `text`, in order; a range gives one target per end.

    `context_year` is the year of the enclosing heading or paragraph, used when the sentence
    names none.

    >>> [(x.value, x.unit, x.year) for x in extract_targets("到2025年,建设3—5所高水平中职学校。每年举办一届技能竞赛。")]
    [(3.0, '所', 2025), (5.0, '所', 2025), (1.0, '届', None)]
    """
    if not isinstance(text, str) or not text:
        return []
    t = fold_width(text)
    cands = _find(t)
    if not cands:
        return []
    b = _Bounds(t)
    masked = _masked_spans(t)
    p = _patterns()
    # 2021年以来,全市累计培训…; “十三五”时期,全市累计新增就业25万人: what was done, not a goal
    past = [se for se in _sentences(t)
            if p.past.search(t, *se) or (p.background.match(t, *se) and not p.goal.search(t, *se))]
    resolve = _year_resolver(t, context_year, b)
    out: list[Target] = []
    prev, prev_kept = None, False
    for c in cands:
        kept = not _inside(past, c.num_start) and _keep(t, c, prev, prev_kept, masked, b)
        if kept:
            year = resolve(c.num_start)
            cs, _ = b.clause(c.num_start)
            ind = _indicator(t, c, max(cs, prev.end) if prev is not None and prev.end <= c.num_start else cs, b)
            for v in c.values:
                out.append(Target(text=text[c.start:c.end], span=(c.start, c.end), value=v, unit=c.unit,
                                  year=year, indicator=ind))
        prev, prev_kept = c, kept
    return out
