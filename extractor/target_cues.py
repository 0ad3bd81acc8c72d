"""The target lexicons and the compiled patterns built from them.

Covered: ``data/counting_words.txt`` (counting words, each with the strings that may not follow
it) and ``data/target_cues.json`` (commitment verbs, percent cues, caps, condition openers …; see
its ``_doc`` key), each with one cached, validating loader; `_patterns` compiles every regex the
target rules use from them, once (escaped, longest first).

Deliberately not here: finding or judging targets (`extractor.targets`, `extractor.target_filters`)
and due years (`extractor.target_years`). Importing reads nothing; the data files are read on the
first call.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .deadline_cues import load_deadline_cues
from .lexicon import alternation as _alt, word_list
from .numbers import ARABIC_PATTERN, CN_NUMBER_PATTERN

__all__ = ["TargetCues", "load_counting_words", "load_target_cues"]

DATA = Path(__file__).resolve().parent / "data"


@lru_cache(maxsize=1)
def load_counting_words(path: str | None = None) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Read ``data/counting_words.txt`` → (word, not-followed-by strings) pairs, longest word first.

    >>> dict(load_counting_words())["个"][:2]
    ('月', '工作日')
    """
    out = []
    for n, line in enumerate(Path(path or DATA / "counting_words.txt").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        word, _, rest = line.partition("\t")
        word = word.strip()
        if not word or " " in word or any(ch.isdigit() for ch in word):
            raise ValueError(f"counting_words.txt line {n}: expected WORD[<TAB>NOT|FOLLOWED|BY]; got {line!r}")
        out.append((word, tuple(x for x in rest.strip().split("|") if x)))
    return tuple(sorted(out, key=lambda p: len(p[0]), reverse=True))


@dataclass(frozen=True)
class TargetCues:
    """The target lexicons of ``data/target_cues.json`` (see the ``_doc`` key there)."""

    verbs: tuple[str, ...]
    percent_cues: tuple[str, ...]
    caps: tuple[str, ...]
    cap_suffixes: tuple[str, ...]
    ordinal_prefixes: tuple[str, ...]
    scope_prefixes: tuple[str, ...]
    baseline_prefixes: tuple[str, ...]
    baseline_changes: tuple[str, ...]
    condition_openers: tuple[str, ...]
    condition_followers: tuple[str, ...]
    context_openers: tuple[str, ...]
    main_verb_markers: tuple[str, ...]
    rate_markers: tuple[str, ...]
    percent_use_verbs: tuple[str, ...]
    list_openers: tuple[str, ...]
    recurrence_words: tuple[str, ...]
    uncounted_after_cn: tuple[str, ...]
    past_markers: tuple[str, ...]
    document_units: tuple[str, ...]
    document_nouns: tuple[str, ...]
    page_labels: tuple[str, ...]
    slogan_followers: tuple[str, ...]
    population_words: tuple[str, ...]
    report_markers: tuple[str, ...]


@lru_cache(maxsize=1)
def load_target_cues(path: str | None = None) -> TargetCues:
    """Read and check ``data/target_cues.json``; raises ValueError naming a bad key.

    >>> "不超过" in load_target_cues().caps
    True
    """
    raw = json.loads(Path(path or DATA / "target_cues.json").read_text(encoding="utf-8"))
    return TargetCues(**{f: word_list(raw, f, "target_cues.json") for f in TargetCues.__dataclass_fields__})


def _not_followed(nf: tuple[str, ...]) -> str:
    """The negative lookahead of a counting word; ``<nonCJK>`` means "must be followed by a Chinese character"."""
    parts = [re.escape(x) for x in nf if x != "<nonCJK>"]
    if "<nonCJK>" in nf:
        parts.append(r"[^\u4e00-\u9fff]|$")
    return f"(?!{'|'.join(parts)})" if parts else ""


@dataclass(frozen=True)
class _Patterns:
    target: re.Pattern
    verbs_end: re.Pattern
    percent_cue: re.Pattern
    cap: re.Pattern
    rate: re.Pattern
    recurrence: re.Pattern
    per_each: re.Pattern
    marker: re.Pattern
    action: re.Pattern
    numbering: re.Pattern
    baseline_after: re.Pattern
    past: re.Pattern
    de_marker: re.Pattern
    doc_before: re.Pattern
    background: re.Pattern
    goal: re.Pattern
    page_label: re.Pattern
    doc_after: re.Pattern
    slogan: re.Pattern
    population: re.Pattern
    served: re.Pattern


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    c = load_target_cues()
    words = load_counting_words()
    units = "|".join(re.escape(w) + _not_followed(nf) for w, nf in words)
    arabic = rf"(?<![\d.A-Za-z])(?<!\d,){ARABIC_PATTERN}"
    cn_digit = "零〇一二两三四五六七八九十百千万亿"
    cn = (rf"(?<![{cn_digit}]){CN_NUMBER_PATTERN}"
          rf"|(?<![{cn_digit}\d])[百千万](?=[\u4e00-\u9fff])")              # 打造百项, 推动万家企业
    num = rf"(?:{arabic}|{cn})"
    approx = r"(?:余|多)"
    scale = r"(?:万|千|亿)"
    one = rf"(?P<num>{num})\s*{approx}?\s*(?P<scale>{scale})?\s*{approx}?\s*"
    rng = (rf"(?:(?P<lo>{num})\s*(?P<lo_scale>{scale})?\s*(?P<lo_unit>{units})?\s*(?:\(含\))?\s*"
           r"(?:—|–|-|~|～|至|到)\s*)?")
    pct_cn = r"百分之(?P<pct_cn>[零〇一二两三四五六七八九十百点]+)"
    tail = r"\s*(?:\(不?含\))?\s*(?P<suffix>以上|以下|以内|之内|左右|余|多)?"
    return _Patterns(
        # (?<!\d[-/.]): 2023-08-24人 is a date, not a range of people
        target=re.compile(rf"(?=[\d零〇一二两三四五六七八九十百千万])(?<!\d[-/.])(?:{pct_cn}|{rng}{one}(?P<unit>{units}){tail})"),
        verbs_end=re.compile(rf"(?:{_alt(c.verbs)})(?:了)?\s*$"),
        percent_cue=re.compile(_alt(c.percent_cues)),
        cap=re.compile(_alt(c.caps)),
        rate=re.compile(_alt(c.rate_markers)),
        recurrence=re.compile(_alt(c.recurrence_words)),
        per_each=re.compile(r"每[^年季月周天日届次期两半\d\s,;。][\u4e00-\u9fff]{0,2}$"),
        marker=re.compile(_alt(c.main_verb_markers)),
        past=re.compile(_alt(c.past_markers + c.report_markers)),
        # 全市现有持证残疾人7600多名: the last population word of the clause before the number
        population=re.compile(rf"(?:{_alt(c.population_words)})(?!.*(?:{_alt(c.population_words)}))"),
        # 以全市…7600多名持证残疾人为主要对象: the population a measure serves
        served=re.compile(r"[^,;。]{0,20}?为(?:主要|重点|服务|帮扶)?对象"),
        de_marker=re.compile(rf"^(?:以上|以下|左右)?的\s*(?:{_alt(c.main_verb_markers)})"),
        # 若干措施20条, 支持政策(20条), 各类工作方案-45篇: a document noun right before the number
        doc_before=re.compile(rf"(?:{_alt(c.document_nouns)})[\s\-—–:|(》”\"]*(?:共计|共|计)?\s*$"),
        # 浏览次数:1234次, 附件(2个): a page's counters
        page_label=re.compile(rf"(?:{_alt(c.page_labels)})[\s\-—–:|(]*$"),
        # 出台12个(配套)政策文件, 20条政策措施: one after the counting word (and a short modifier), ending the phrase
        doc_after=re.compile(rf"\s*[\u4e00-\u9fff]{{0,4}}?(?:{_alt(c.document_nouns)})+(?=[^\u4e00-\u9fff]|$|[等和及])"),
        slogan=re.compile(rf"(?:{_alt(c.slogan_followers)}|1(?![\d.,%]|\s*[十百千万亿]))"),     # 五个一批, 3个1工程
        # a sentence opened by a plan period without 在/到 sets the scene (see deadlines.py)
        background=re.compile(rf"\s*“?十[一二三四五]五”?\s*(?:{_alt(load_deadline_cues().background_plan_suffixes)})"
                              r"(?![末期])\s*[,:]"),
        goal=re.compile(_alt(load_deadline_cues().plan_goal_markers)),
        baseline_after=re.compile(rf"\s*(?:{_alt(c.baseline_changes)})\s*(?:至|到)"),
        action=re.compile(_alt(set(c.verbs) - set(c.percent_cues))),
        numbering=re.compile(r"^\s*(?:第[一二三四五六七八九十百零\d]+[条章节款]|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、]"
                             r"|[一二三四五六七八九十]+、)\s*"),
    )
