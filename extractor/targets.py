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
and what a sentence opened by a background plan period reports (“十三五”时期,全市累计新增就业25万人).
"""
from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .deadlines import extract_deadlines, load_deadline_cues
from .model import Target
from .numbers import ARABIC_PATTERN, CN_NUMBER_PATTERN, fold_width, parse_number, scale_of
from .lexicon import alternation as _alt

__all__ = ["TargetCues", "extract_targets", "framing_year", "load_counting_words", "load_target_cues", "parse_target"]

DATA = Path(__file__).resolve().parent / "data"
_CLAUSE_END = ",;:。!?\n|\t"
_SENT_END = "。!?\n"
_QUOTES = (("“", "”"), ("「", "」"), ("‘", "’"), ("《", "》"), ('\\"', '\\"'), ('"', '"'))
_HEADING_MAX = 24
_YEAR_MONTH = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月")


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


@lru_cache(maxsize=1)
def load_target_cues(path: str | None = None) -> TargetCues:
    """Read and check ``data/target_cues.json``; raises ValueError naming a bad key.

    >>> "不超过" in load_target_cues().caps
    True
    """
    raw = json.loads(Path(path or DATA / "target_cues.json").read_text(encoding="utf-8"))
    kw = {}
    for f in TargetCues.__dataclass_fields__:
        v = raw.get(f)
        if not v or not all(isinstance(x, str) and x for x in v):
            raise ValueError(f"target_cues.json: {f} must be a non-empty list of non-empty strings")
        kw[f] = tuple(v)
    return TargetCues(**kw)


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
        past=re.compile(_alt(c.past_markers)),
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


@dataclass
class _Cand:
    start: int
    end: int
    num_start: int
    values: tuple[float, ...]
    unit: str
    suffix: str | None
    is_cn: bool
    is_pct: bool


def _masked_spans(t: str) -> list[tuple[int, int]]:
    """Spans inside quotes or 《》 on one line (names, slogans, titles)."""
    spans = []
    for op, cl in _QUOTES:
        i = 0
        while True:
            s = t.find(op, i)
            if s < 0:
                break
            e = t.find(cl, s + len(op), s + 60 + len(cl))      # further than 60 is no name: never scan on
            if e < 0 or t.find("\n", s, e) >= 0:
                i = s + len(op)
                continue
            if op == '"' and not (s > 0 and "\u4e00" <= t[s - 1] <= "\u9fff"):
                i = s + len(op)       # a plain quote after a delimiter opens a data field, not a name
                continue
            spans.append((s, e + len(cl)))
            i = e + len(cl)
    return sorted(spans)


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    i = bisect_right(spans, (pos, 10**12)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


_CLAUSE_RE = re.compile(f"[{re.escape(_CLAUSE_END)}]")
_CLAUSE_MAX = 300


class _Bounds:
    """Clause boundaries of one text, precomputed once (positions of , ; : 。 ! ? and newlines)."""

    def __init__(self, t: str):
        self.t = t
        self.ends = [m.start() for m in _CLAUSE_RE.finditer(t)]

    def clause(self, pos: int) -> tuple[int, int]:
        """The clause holding `pos`, cut to _CLAUSE_MAX characters each side (one run without
        punctuation may be megabytes long: every rule reads its clause, which must stay short)."""
        i = bisect_right(self.ends, pos - 1)
        s = self.ends[i - 1] + 1 if i > 0 else 0
        e = self.ends[i] if i < len(self.ends) else len(self.t)
        return max(s, pos - _CLAUSE_MAX), min(e, pos + _CLAUSE_MAX)


def _find(t: str) -> list[_Cand]:
    p = _patterns()
    out = []
    for m in p.target.finditer(t):
        if m.group("pct_cn"):
            v = parse_number(m.group("pct_cn"))
            if v:
                out.append(_Cand(m.start(), m.end(), m.start(), (v,), "%", None, False, True))
            continue
        unit = m.group("unit")
        num = m.group("num")
        is_cn = not any(ch.isdigit() for ch in num)
        v = parse_number(num)
        if v is None:
            continue
        v *= scale_of(m.group("scale") or "")
        values: tuple[float, ...] = (v,)
        start = m.start("num")
        lo_unit = m.group("lo_unit")
        if m.group("lo") and lo_unit in (None, unit):
            lo = parse_number(m.group("lo"))
            if lo is not None:
                lo *= scale_of(m.group("lo_scale") or ("" if lo_unit else (m.group("scale") or "")))
                if 0 < lo < v:
                    values, start = (lo, v), m.start("lo")
                    is_cn = is_cn and not any(ch.isdigit() for ch in m.group("lo"))
        if not all(x > 0 for x in values):
            continue
        out.append(_Cand(start, m.end(), start, values, unit, m.group("suffix"), is_cn, unit == "%"))
    return out


_LIST_GAP = re.compile(r"\s*(?:、|和|及|或|与|以及)\s*")
_TRAILING = re.compile(r"[)\s]+$")
_PCT_REST = re.compile(r"^(?:以上|以下|左右)?的?")
_DE_NOUN_END = re.compile(r"的[\u4e00-\u9fff()]{0,12}$")
_NOUN_LIST = re.compile(r"[\u4e00-\u9fff“”]{1,12}(?:、|和|及|与|以及)")


def _keep(t: str, c: _Cand, prev: _Cand | None, prev_kept: bool, masked, b: _Bounds) -> bool:
    """Whether a number with a counting word is a target (see the module docstring for the rules)."""
    cues, p = load_target_cues(), _patterns()
    if _inside(masked, c.num_start):
        return False
    if _named_count(t, c) or _title_line(t, c.num_start):
        return False
    host = _paren_host(t, c, prev)
    if host is not None:
        return prev_kept                          # 45万人(含新增高技能人才15万人), 10%(超过100人的企业达到5%)
    cs, ce = b.clause(c.num_start)
    # the gap: from the clause start or the end of the previous candidate, whichever is later
    gs = max(cs, prev.end) if prev is not None and prev.end <= c.num_start else cs
    gap = t[gs:c.num_start]
    in_list = prev is not None and gs == prev.end and bool(_LIST_GAP.fullmatch(gap or "x"))
    g = gap.rstrip()
    if g.endswith(cues.ordinal_prefixes):
        return False
    if g.endswith(cues.scope_prefixes) and not p.verbs_end.search(g):
        return False                              # 在168个城市中 (but 稳定在1.5万人)
    if p.per_each.search(g):                      # 每培育1家…给予: a rate per unit, not a goal
        return False
    if c.is_cn and c.unit in cues.uncounted_after_cn:
        return False
    kept_under = c.is_pct and "控制在" in gap      # 失业率控制在5.5%以内: a goal, though a ceiling
    if not kept_under and (c.suffix in cues.cap_suffixes or p.cap.search(gap)):
        return False
    after = t[c.end:ce]
    if g.endswith(cues.baseline_prefixes) and p.baseline_after.match(after):
        return False
    # conditions: 当…/如…, 对…的, …以上的, …,且…, …的<noun>,经认定…
    before = t[cs:c.num_start]
    opener = p.numbering.sub("", before).lstrip()
    if opener.startswith(cues.condition_openers):
        if (not opener.startswith(("对", "对于")) or "的" in after
                or t[ce + 1:ce + 8].lstrip().startswith(cues.main_verb_markers)):
            return False                          # 对…等13个传统产业项目,按…予以奖励: the object of support
    if opener.startswith(cues.context_openers) and not p.action.search(opener):
        return False                              # 结合…和4个千亿级产业集群发展: what exists, not a goal
    if _TRAILING.sub("", after).endswith("的") or p.de_marker.match(after):
        return False                              # 20人至50人的按每人150元: a bracket of a rate
    if _later_condition(t, ce, b):
        return False
    if (t[ce + 1:ce + 6].lstrip().startswith(cues.main_verb_markers) and not p.action.search(before)
            and not p.verbs_end.search(g)):
        return False                              # …人数达到职工人数10%,最高贷款额度为600万元: a condition
    if c.is_cn and not in_list and not p.verbs_end.search(gap) and not (
            prev_kept and prev is not None and prev.is_cn and gs == prev.end and _NOUN_LIST.fullmatch(gap)):
        return False                              # 培养百名A、千名B和万名C: the verb covers the list
    if c.is_pct:
        return _percent_goal(t, c, gap, before, in_list, prev_kept)
    return True


_TITLE_MAX = 160
_TITLE_ENDS = ("通知", "意见", "决定", "批复", "函", "公告", "通告")
_TITLE = re.compile(rf"\s*(?:[^。;!?]{{0,40}}?关于[^。;!?]{{1,120}}?|[^。;!?,]{{1,60}}?)的(?:{'|'.join(_TITLE_ENDS)})\s*")


def _title_line(t: str, pos: int) -> bool:
    """Whether `pos` sits on a notice's title line (关于印发支持企业发展20条的通知, or its second line
    …企业发展20条的通知): a name, not a goal."""
    ls = t.rfind("\n", max(0, pos - _TITLE_MAX), pos)
    if ls < 0 and pos > _TITLE_MAX:
        return False
    le = t.find("\n", pos, pos + _TITLE_MAX)
    if le < 0:
        if len(t) - pos > _TITLE_MAX:
            return False
        le = len(t)
    line = t[ls + 1:le].rstrip()
    return line.endswith(_TITLE_ENDS) and bool(_TITLE.fullmatch(line))


def _named_count(t: str, c: _Cand) -> bool:
    """A count of rules or documents (政策26条, 出台政策文件12个, 工作方案-45篇), a page counter
    (浏览次数:1234次) or a slogan (两个维护)."""
    cues, p = load_target_cues(), _patterns()
    if c.unit == "个" and p.slogan.match(t, c.end):
        return True
    if p.page_label.search(t, max(0, c.num_start - 12), c.num_start):
        return True
    if c.unit not in cues.document_units:
        return False
    return bool(p.doc_before.search(t, max(0, c.num_start - 12), c.num_start) or p.doc_after.match(t, c.end))


def _paren_host(t: str, c: _Cand, prev: _Cand | None) -> _Cand | None:
    """The number a bracketed count qualifies: the one right before the bracket, or one inside it."""
    if prev is None:
        return None
    o = t.rfind("(", max(0, c.num_start - 40), c.num_start)
    if o < 0 or t.find(")", o, c.num_start) >= 0:
        return None
    if prev.num_start > o or (prev.end <= o and not t[prev.end:o].strip()):
        return prev
    return None


def _percent_goal(t: str, c: _Cand, gap: str, before: str, in_list: bool, prev_kept: bool) -> bool:
    """A share in % is a goal after a cue (达到, 提高到 …) or when it opens its clause (90%以上专业…)."""
    cues, p = load_target_cues(), _patterns()
    if p.rate.search(before):
        return False
    if in_list:
        return prev_kept
    if p.percent_cue.search(gap):
        return True
    head = gap.strip()
    for x in cues.list_openers:
        head = head.replace(x, "")
    if head.strip(" ,"):
        return False
    rest = _PCT_REST.sub("", t[c.end:c.end + 4])
    return bool(rest) and "\u4e00" <= rest[0] <= "\u9fff" and not rest.startswith(cues.percent_use_verbs)


def _later_condition(t: str, ce: int, b: _Bounds) -> bool:
    """…5人以上,且… / …超过100场,全年票房超过100万元的空间,经认定…: the number sits in a condition.

    The clauses after the number's own one, up to a clause that opens with a main-verb marker
    (经认定, 给予 …), must read as more of the condition: no verb of their own, the last one
    ending in "…的<noun>".
    """
    if ce >= len(t) or t[ce] in "。!?\n":
        return False
    cues, p = load_target_cues(), _patterns()
    if t[ce + 1:ce + 4].startswith(cues.condition_followers):
        return True
    i = ce + 1
    saw_de = False
    for _ in range(_CONDITION_CLAUSES):             # a condition never runs on for more clauses than this
        if i >= len(t):
            break
        _, j = b.clause(i)
        clause = t[i:j]
        if clause.lstrip().startswith(cues.main_verb_markers):
            return saw_de
        if clause.lstrip().startswith(cues.condition_openers):
            return False                          # …推动万家企业牵头应用,对符合条件的项目,…给予: a new statement
        if saw_de and p.marker.search(clause):
            return True                           # …(含5人,不含本人)的,贷款额度最高500万元
        if p.marker.search(clause) or p.action.search(clause):
            return False
        saw_de = bool(_DE_NOUN_END.search(clause))
        if j >= len(t) or t[j] in "。!?;\n":
            break
        i = j + 1
    return False


_FRAME_LOOK_BACK = 8
_SENT_RE = re.compile(r"[^。!?\n]*(?:[。!?\n]|$)")
_CONDITION_CLAUSES = 12


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

