"""Money amounts in notice text → `Amount` facts with their value in 元 (or the stated currency).

Covered: 元/万元/亿元/千元 and other currencies written after a number and its scale
(2000元, 4.5万元, 1亿元, 100万美元, 50万元人民币); Chinese numerals (五万元, 三千元); sums of money
with the currency word left out where a money noun announces them (产值2000万以上 → 20000000;
建园投入50万以上 → 500000; 产值超百亿企业 → 10000000000, but not 千亿级产业集群; 另奖10—50万 → a
range); a bare scale word with 元 before a bound suffix (引进亿元以上项目 → 100000000, min); an
amount restated in a bracket (10亿(含10亿元)以上 → two amounts, both min); lists (2000元、1500元和
1000元 → three amounts); ranges (5—10万元 → two amounts sharing `range_id`, low `min`, high `max`);
the bound of each amount (最高/不超过/以下 → max, 不低于/以上/超过 → min, 约/左右/余 → approx, else
exact); per-unit qualifiers written after 每 or / (每人每年 → ("人", "年"), 每个工作室 → ("工作室",),
3000元/人 → ("人",), 1000元/人*月 and 500元/(人·月) → ("人", "月"), 800元每人每月 → ("人", "月")), or
counted by a 每+verb+1 phrase before the amount (每培育1家…企业,给予…5万元 → ("企业",)). A bound or
a 每 qualifier stated once for a list applies to every item of it, and so do a currency or a /
qualifier written once after its last item (分别给予30万、5万和1万元 → three amounts; 按600、400、
200元/亩 → per ("亩",) on all three); items may carry a rank label (一类3000元、二类2000元、三类
1000元/人). A neutral 为/达到 next to the number keeps a ceiling named before it (最高贷款额度为40万元
→ max); a total cap after a per-unit amount takes no qualifier (按每学时10元,最多不超过700元 → 700
with per ()).

Deliberately not covered: percentages and multiples (30%, 2.5倍 are rates, not amounts),
numbers without a currency word or money noun (years, 文号 like 〔2023〕8号, phone numbers,
人次), currency conversion (100万美元 keeps the value 1000000 and `currency_text` 美元; a sum
whose currency word is left out has `currency_text` ""), and qualifiers written in another
sentence than the amount. The lexicons live in ``data/amount_cues.json``.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_left, insort
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from pathlib import Path
from types import MappingProxyType

from .model import BOUNDS, Amount
from .numbers import ARABIC_PATTERN, CN_NUMBER_PATTERN, parse_number
from .lexicon import alternation as _alt, word_list

__all__ = ["AmountCues", "extract_amounts", "load_amount_cues", "parse_amount", "parse_per"]

DATA = Path(__file__).resolve().parent / "data"
CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"
_CLAUSE_END = ",;:。!?\n|\t"
_LOOK_BACK = 200        # no cue or qualifier of an amount is written further back than this


@dataclass(frozen=True)
class AmountCues:
    """The money lexicons of ``data/amount_cues.json`` (see the ``_doc`` key there)."""

    currencies: tuple[str, ...]
    bound_prefix: MappingProxyType
    bound_suffix: MappingProxyType
    bound_infix: MappingProxyType
    per_units: tuple[str, ...]
    per_classifiers: tuple[str, ...]
    per_stop: tuple[str, ...]
    money_nouns: tuple[str, ...]
    list_connectors: tuple[str, ...]
    continuation_blockers: tuple[str, ...]
    adjacent_only: tuple[str, ...]


@lru_cache(maxsize=1)
def load_amount_cues(path: str | None = None) -> AmountCues:
    """Read and check ``data/amount_cues.json``; raises ValueError naming a bad entry.

    >>> load_amount_cues().bound_prefix["不低于"]
    'min'
    """
    raw = json.loads(Path(path or DATA / "amount_cues.json").read_text(encoding="utf-8"))
    for key in ("bound_prefix", "bound_suffix", "bound_infix"):
        for cue, bound in raw[key].items():
            if bound not in BOUNDS:
                raise ValueError(f"amount_cues.json: {key}[{cue!r}] = {bound!r}; valid bounds: {', '.join(BOUNDS)}")
    lists = ("currencies", "per_units", "per_classifiers", "per_stop", "money_nouns", "list_connectors",
             "continuation_blockers", "adjacent_only")
    return AmountCues(
        bound_prefix=MappingProxyType(dict(raw["bound_prefix"])),
        bound_suffix=MappingProxyType(dict(raw["bound_suffix"])),
        bound_infix=MappingProxyType(dict(raw["bound_infix"])),
        **{k: word_list(raw, k, "amount_cues.json") for k in lists},
    )


@dataclass(frozen=True)
class _Patterns:
    single: re.Pattern
    range_: re.Pattern
    implied: re.Pattern
    implied_cn: re.Pattern
    bare: re.Pattern
    implied_range: re.Pattern
    prefix: re.Pattern
    suffix: re.Pattern
    per_after_mei: re.Pattern
    per_slash: re.Pattern
    stop: re.Pattern
    money_noun: re.Pattern
    digits: re.Pattern
    connector: re.Pattern
    each_verb: re.Pattern
    list_item: re.Pattern
    per_after: re.Pattern
    labelled_item: re.Pattern


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    c = load_amount_cues()
    cur = _alt(c.currencies)
    infix = _alt(c.bound_infix)
    num = rf"(?:(?<![\d.A-Za-z])(?<!\d,)(?:{ARABIC_PATTERN})|(?<![零〇一二两三四五六七八九十百千万亿]){CN_NUMBER_PATTERN})"
    scale = r"(?:千万|百万|十万|万亿|亿|万|千)"
    first = r"(?=[\d零〇一二两三四五六七八九十])"
    one = (rf"(?P<num>{num})\s*(?P<infix>{infix})?(?P<scale>{scale})?(?P<infix2>{infix})?\s*(?P<cur>{cur})"
           r"(?![化素旦宵首帅代])")
    lo = (rf"(?P<lo>{num})\s*(?P<lo_infix>{infix})?(?P<lo_scale>{scale})?(?P<lo_cur>{cur})?"
          r"\s*(?:\(含\))?\s*[—–\-~～至到]\s*")
    per_units = _alt(c.per_units)
    classifiers = _alt(c.per_classifiers)
    noun = r"(?:(?!每)[\u4e00-\u9fff])+(?:\([\u4e00-\u9fff]+\))?"
    return _Patterns(
        single=re.compile(first + one),
        range_=re.compile(first + lo + one.replace("?P<num>", "?P<hi>").replace("?P<infix>", "?P<hi_infix>")
                          .replace("?P<scale>", "?P<hi_scale>").replace("?P<infix2>", "?P<hi_infix2>")
                          .replace("?P<cur>", "?P<hi_cur>")),
        implied=re.compile(rf"(?=\d)(?<![\d.A-Za-z])(?<!\d,)(?P<num>{ARABIC_PATTERN})(?P<infix>{infix})?"
                           rf"(?P<scale>千万|百万|万|亿)(?P<infix2>{infix})?(?=以上|以下|以内|左右|的|[,;。、()\s|]|$)"),
        # 引进亿元以上项目, 产值百亿元以上: a bare scale word and 元 before a bound suffix
        bare=re.compile(rf"(?<![\d.{CN_DIGITS}])(?P<scale>[十百千]?[亿万])(?P<cur>元)(?=\s*(?:{_alt(c.bound_suffix)}))"),
        # 另奖10—50万: a range without its currency word, in a clause about money
        implied_range=re.compile(rf"(?=\d)(?<![\d.A-Za-z])(?P<lo>{ARABIC_PATTERN})\s*(?P<lo_scale>万|亿)?\s*[—–\-~～至到]\s*"
                                 rf"(?P<hi>{ARABIC_PATTERN})\s*(?P<hi_scale>万|亿)(?=的|之间|[^\u4e00-\u9fff\d]|$)"),
        # 产值超百亿企业: a Chinese-numeral sum right after a threshold verb (but 千亿级产业集群 is a class)
        implied_cn=re.compile(r"(?<=[超过破达到])(?P<num>[一二两三四五六七八九十百千]{1,4})(?P<infix>)(?P<scale>亿|万亿)"
                              r"(?P<infix2>)(?![级元])"),
        prefix=re.compile(_alt(c.bound_prefix)),
        suffix=re.compile(rf"(?:\(含[^()]{{0,12}}\))?(?:{_alt(c.bound_suffix)})"),     # 10亿(含10亿元)以上
        per_after_mei=re.compile(rf"每(?:(?P<cls>{classifiers})(?P<noun>{noun})?|(?P<unit>{per_units}))"),
        # 3000元/人, 100元/人/天, 1000元/人*月, 500元/(人·月); a stray slash before a list mark is dropped
        per_slash=re.compile(rf"/\s*(?P<open>\()?(?P<u>{per_units}|{classifiers}|[\u4e00-\u9fff]{{1,3}})"
                             rf"(?:\s*[·/*×・]\s*(?P<u2>{per_units}|{classifiers}))?(?(open)\))(?:/(?=[、,;。)\s]|$))?"),
        stop=re.compile(_alt(c.per_stop)),
        money_noun=re.compile(_alt(c.money_nouns)),
        digits=re.compile(r"\d+(?:[.,]\d+)*%?"),
        connector=re.compile(rf"\s*(?:{_alt(c.list_connectors)})\s*"),
        each_verb=re.compile(rf"每(?![年月季周天日届次两半期]|{per_units}|{classifiers})[\u4e00-\u9fff]{{1,3}}?"
                             rf"(?:1|一)\s*(?P<cls>{classifiers}|{per_units})(?P<np>[^,;。:\d]{{0,40}})"),
        per_after=re.compile(rf"(?:每(?:{per_units}))+(?=的|[^\u4e00-\u9fff]|$)"),
        # 一类3000元、二类2000元、三类1000元/人: a connector and a rank label between the items of one list
        labelled_item=re.compile(rf"\s*(?:{_alt(c.list_connectors)})\s*(?:第?[一二三四五六七八九十\d]{{1,2}}|[A-Da-d甲乙丙丁])"
                                 r"\s*(?:类|档|级|等奖|等|星级|星)\s*(?:的|为)?\s*"),
        list_item=re.compile(rf"(?<![\d.A-Za-z/\-—~])(?<!\d,)(?<!第)(?P<num>{ARABIC_PATTERN})\s*(?P<scale>千万|百万|万|亿|千)?"
                             rf"\s*(?:{_alt(c.list_connectors)})\s*$"),
    )


@dataclass
class _Hit:
    """One amount being assembled (mutable working state, local to one call)."""

    start: int
    end: int
    num_start: int
    value: float
    currency: str
    infix_bound: str | None
    prefix_bound: str | None = None
    suffix_bound: str | None = None
    per_mei: tuple[str, ...] = ()
    per_slash: tuple[str, ...] = ()
    range_id: int | None = None
    range_end: str | None = None      # "low" / "high"


def parse_per(s: str) -> tuple[str, ...]:
    """The per-unit qualifiers written after 每 in `s`, in order.

    >>> parse_per("每人每年补贴"), parse_per("每个工作室给予"), parse_per("每部剧集最高奖励")
    (('人', '年'), ('工作室',), ('剧集',))
    """
    p = _patterns()
    out: list[str] = []
    for m in p.per_after_mei.finditer(s):
        if m.group("unit"):
            out.append(m.group("unit"))
            continue
        noun = m.group("noun") or ""
        stop = p.stop.search(noun)
        if stop:
            noun = noun[: stop.start()]
        if len(noun) > 8:
            noun = ""
        out.append(noun or m.group("cls"))
    return tuple(out)


def _per_each_verb(text: str, pos: int, p: _Patterns) -> tuple[str, ...]:
    """每培育1家规上企业,给予…5万元 → ("企业",): the unit counted by a 每+verb+1+classifier phrase before the amount."""
    ss, stop = pos - 1, max(0, pos - _LOOK_BACK)
    while ss >= stop and text[ss] not in "。;!?\n":
        ss -= 1
    m = None
    for m in p.each_verb.finditer(text, ss + 1, pos):
        pass
    if m is None or p.digits.search(text, m.end(), pos):
        return ()
    unit, np_ = m.group("cls"), m.group("np")
    stop = p.stop.search(np_)
    if stop:
        np_ = np_[:stop.start()]
    if unit in load_amount_cues().per_units:
        return (unit,)
    head = re.split(r"[的类、和及或与]", np_)[-1]
    return (head,) if 1 <= len(head) <= 4 else (unit,)


def parse_amount(s: str) -> float | None:
    """The value of one money expression in 元 (or its stated currency), or None.

    >>> parse_amount("4.5万元"), parse_amount("三千元"), parse_amount("100余万元"), parse_amount("2000")
    (45000.0, 3000.0, 1000000.0, None)
    """
    if not isinstance(s, str):
        return None
    m = _patterns().single.search(s.strip())
    if not m or m.start() != 0:
        return None
    return _value(m.group("num"), m.group("scale"))


def _value(num: str, scale: str | None) -> float | None:
    v = parse_number(num.replace(" ", "") + (scale or ""))
    if v is None or v < 0:
        return None
    return v


def _is_cn(num: str) -> bool:
    return not any(ch.isdigit() for ch in num)


def extract_amounts(text: str) -> list[Amount]:
    """Every money amount in `text`, in order, with its bound and per-unit qualifiers.

    >>> [(a.value, a.bound, a.per) for a in extract_amounts("分别按每名2000元、1500元和1000元的标准给予引才奖励")]
    [(2000.0, 'exact', ('名',)), (1500.0, 'exact', ('名',)), (1000.0, 'exact', ('名',))]
    """
    if not isinstance(text, str) or not text:
        return []
    p = _patterns()
    hits: list[_Hit] = []
    taken: list[tuple[int, int]] = []        # sorted, non-overlapping: a bisect per question, not a scan
    rid = 0

    def free(s: int, e: int) -> bool:
        i = bisect_left(taken, (s, s))
        return (i == 0 or taken[i - 1][1] <= s) and (i == len(taken) or taken[i][0] >= e)

    for m in chain(p.range_.finditer(text), p.implied_range.finditer(text)):
        if "hi_cur" not in m.re.groupindex and (not free(m.start(), m.end()) or not p.money_noun.search(
                text, _clause_start(text, m.start()), m.start())):
            continue
        lo_scale = m.group("lo_scale") or m.group("hi_scale")
        lo_v, hi_v = _value(m.group("lo"), lo_scale), _value(m.group("hi"), m.group("hi_scale"))
        if lo_v is None or hi_v is None or lo_v >= hi_v:
            continue
        rid += 1
        cur = m.group("hi_cur") if "hi_cur" in m.re.groupindex else ""
        hits.append(_Hit(m.start(), m.end(), m.start(), lo_v, cur, None, range_id=rid, range_end="low"))
        hits.append(_Hit(m.start(), m.end(), m.start(), hi_v, cur, None, range_id=rid, range_end="high"))
        insort(taken, (m.start(), m.end()))
    for m in p.single.finditer(text):
        if not free(m.start(), m.end()):
            continue
        num, scale = m.group("num"), m.group("scale") or ""
        if _is_cn(num) and len(num) + len(scale) < 2:
            continue                          # 一元化, 三元里: a lone Chinese digit before 元 is not money
        v = _value(num, scale)
        if v is None:
            continue
        infix = m.group("infix") or m.group("infix2")
        hits.append(_Hit(m.start(), m.end(), m.start(), v, m.group("cur"),
                         load_amount_cues().bound_infix.get(infix) if infix else None))
        insort(taken, (m.start(), m.end()))
        if not _is_cn(num):
            for item in _shared_currency_items(text, m.start(), scale, p):
                end = item.end("scale") if item.group("scale") else item.end("num")
                v = _value(item.group("num"), item.group("scale") or scale)
                if v is not None and free(item.start(), end):
                    hits.append(_Hit(item.start(), end, item.start(), v, m.group("cur"), None))
                    insort(taken, (item.start(), end))
    for m in chain(p.implied.finditer(text), p.implied_cn.finditer(text)):
        if not free(m.start(), m.end()):
            continue
        cs = _clause_start(text, m.start())
        if not p.money_noun.search(text, cs, m.start()):
            continue
        v = _value(m.group("num"), m.group("scale"))
        if v is None:
            continue
        infix = m.group("infix") or m.group("infix2")
        hits.append(_Hit(m.start(), m.end(), m.start(), v, "",
                         load_amount_cues().bound_infix.get(infix) if infix else None))
        insort(taken, (m.start(), m.end()))
    for m in p.bare.finditer(text):
        if free(m.start(), m.end()):
            hits.append(_Hit(m.start(), m.end(), m.start(), parse_number(m.group("scale")), m.group("cur"), None))
            insort(taken, (m.start(), m.end()))
    if not hits:
        return []
    hits.sort(key=lambda h: (h.start, h.range_end == "high"))
    digit_ends = [(d.start(), d.end()) for d in p.digits.finditer(text)]
    for h in hits:
        _read_context(text, h, digit_ends, p)
    return _resolve(text, hits, p)


def _shared_currency_items(text: str, pos: int, scale: str, p: _Patterns) -> list[re.Match]:
    """The items of a list whose currency is written once, after its last item, before `pos`:
    分别给予30万、5万和1万元 → 30万, 5万 (an item without its own scale takes the last one's)."""
    items: list[re.Match] = []
    while len(items) < 12:
        lo = max(0, pos - 24)
        m = p.list_item.search(text, lo, pos)
        if m is None or m.end() != pos:
            break
        items.append(m)
        pos = m.start()
    return items


def _clause_start(text: str, pos: int) -> int:
    """Where the clause holding `pos` starts; at most _LOOK_BACK characters back (a line may be megabytes)."""
    i, stop = pos - 1, max(0, pos - _LOOK_BACK)
    while i >= stop and text[i] not in _CLAUSE_END:
        i -= 1
    return i + 1


def _read_context(text: str, h: _Hit, digit_spans: list[tuple[int, int]], p: _Patterns) -> None:
    """Prefix cue and 每 qualifiers before the amount; slash qualifier and suffix cue after it."""
    cs = _clause_start(text, h.num_start)
    # the gap: from the clause start or the end of the previous number, whichever is later
    j = bisect_left(digit_spans, (h.num_start, -1)) - 1
    gs = cs
    if j >= 0 and digit_spans[j][1] <= h.num_start:
        gs = max(cs, digit_spans[j][1])
    gap = text[gs:h.num_start]
    cues = load_amount_cues()
    cue = strong = None
    for c in p.prefix.finditer(gap):
        cue = c
        b = cues.bound_prefix[c.group()]
        if b != "exact" and b != "approx" and c.group() not in cues.adjacent_only:
            strong = b
    if cue is not None:
        bound = cues.bound_prefix[cue.group()]
        adjacent = gap[cue.end():].strip() == ""
        if adjacent or (bound != "approx" and cue.group() not in cues.adjacent_only):
            # 最高贷款额度为40万元: a neutral 为/达到 next to the number keeps the ceiling named before it
            h.prefix_bound = strong if bound == "exact" and strong else bound
            if adjacent:
                h.start = gs + cue.start()
    h.per_mei = tuple(dict.fromkeys(_per_each_verb(text, h.num_start, p) + parse_per(gap)))
    if h.range_end is not None:
        return
    rest = text[h.end:h.end + 16]
    sm = p.per_slash.match(rest)
    if sm:
        h.per_slash = tuple(x for x in (sm.group("u"), sm.group("u2")) if x)
        h.end += sm.end()
        rest = text[h.end:h.end + 16]
    else:
        pm = p.per_after.match(rest)              # 补贴标准为800元每人每月: 每 written after the amount
        if pm:
            h.per_slash = parse_per(pm.group())
            h.end += pm.end()
            rest = text[h.end:h.end + 16]
    inner = rest.startswith(")") and text[max(0, h.num_start - 2):h.num_start] == "(含"
    xm = p.suffix.match(rest, 1 if inner else 0)      # (含10亿元)以上: the bracket restates the amount before it
    if xm:
        key = _INCL.sub("", xm.group())
        h.suffix_bound = cues.bound_suffix.get(key) or cues.bound_suffix.get(xm.group())
        if not inner:
            h.end += xm.end()


_INCL = re.compile(r"\(含[^()]*\)")


def _resolve(text: str, hits: list[_Hit], p: _Patterns) -> list[Amount]:
    """Group list items, let a bound or 每 stated once cover the list, and build the facts."""
    cues = load_amount_cues()
    groups: list[list[_Hit]] = []
    for h in hits:
        if h.range_end == "high":
            groups[-1].append(h)
            continue
        if groups and groups[-1][-1].range_end is None and h.range_end is None:
            prev = groups[-1][-1]
            between = text[prev.end:h.start]
            if between and (p.connector.fullmatch(between) or p.labelled_item.fullmatch(between)):
                groups[-1].append(h)
                continue
        groups.append([h])
    out: list[Amount] = []
    prev_group: list[_Hit] | None = None
    for g in groups:
        first, last = g[0], g[-1]
        group_suffix = last.suffix_bound
        group_prefix = first.prefix_bound
        group_per = first.per_mei
        if not group_per and last.per_slash and not any(x.per_slash for x in g[:-1]):
            group_per = last.per_slash               # 按600、400、200元/亩: a unit after the last item covers all
        if not any(x.per_mei or x.per_slash for x in g) and prev_group is not None:
            # 按每人次第一晚最高40元,第二晚、第三晚最高60元: the qualifier carries over a short clause
            ph = prev_group[-1]
            between = text[ph.end:first.start]
            if (ph.per_mei and len(between) <= 12 and not any(b in between for b in cues.continuation_blockers)
                    and not re.search(r"[。;:\d]", between)):
                group_per = ph.per_mei
        for h in g:
            if h.range_end == "low":
                bound = "min"
            elif h.range_end == "high":
                bound = "max"
            else:
                bound = (h.suffix_bound or group_suffix or h.prefix_bound or h.infix_bound or group_prefix
                         or "exact")
            per = h.per_mei + h.per_slash if (h.per_mei or h.per_slash) else group_per
            out.append(Amount(text=text[h.start:h.end], span=(h.start, h.end), value=h.value, bound=bound,
                              per=tuple(dict.fromkeys(per)), currency_text=h.currency, range_id=h.range_id))
        prev_group = g
    return out

