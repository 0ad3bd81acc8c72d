"""Finding candidate numbers with a counting word, and the rules that drop the non-goals.

Covered: `_find` (every number with a counting word, ranges giving both ends), the text layout it
needs (`_Bounds`: clause boundaries; `_masked_spans`: quotes and titles), and `_keep`, which says
whether one candidate is a goal: not inside quotes or a title line, no count of rules, documents,
page counters or slogans, no ordinal, scope, rate, cap, baseline, condition or object of support,
Chinese numerals only after a commitment verb, shares in % only after a goal cue or opening their
clause; a bracketed count shares the fate of the number it qualifies. The list of what is
deliberately not a target, with examples, is in the `extractor.targets` docstring.

Deliberately not here: due years (`extractor.target_years`), the indicator phrase and the
`Target` records (`extractor.targets`), and the lexicons (`extractor.target_cues`).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from .numbers import parse_number, scale_of
from .target_cues import _patterns, load_target_cues

__all__: list[str] = []

_CLAUSE_END = ",;:。!?\n|\t"
_QUOTES = (("“", "”"), ("「", "」"), ("‘", "’"), ("《", "》"), ('\\"', '\\"'), ('"', '"'))
_CONDITION_CLAUSES = 12


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
    if t[c.num_start - 1:c.num_start] == "_":
        return False                              # 成人视频_97人人在线_国产…: a spam page's site names
    cs, ce = b.clause(c.num_start)
    if _population(t, c, cs, ce):
        return False                              # 全市现有持证残疾人7600多名: who exists, not a goal
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


def _population(t: str, c: _Cand, cs: int, ce: int) -> bool:
    """A count that describes who or what exists (全市现有…7600多名, 共有4家见习单位, 覆盖…7600多名)
    or the population a measure serves (以全市…7600多名持证残疾人为主要对象)."""
    p = _patterns()
    before = t[cs:c.num_start]
    m = p.population.search(before)
    if m and not p.action.search(before, m.end()):
        return True
    approx = "多" in t[c.num_start:c.end]
    if approx and "覆盖" in before and not p.action.search(before, before.rindex("覆盖") + 2):
        return True
    opener = p.numbering.sub("", before).lstrip()
    return opener.startswith("以") and bool(p.served.match(t, c.end, ce + 1 if ce < len(t) else ce))


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
