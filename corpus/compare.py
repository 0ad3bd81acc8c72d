"""Comparison tables across notices: incentives, targets, responsibility, coverage.

Every table is a plain function ``x_table(notices, …) -> DataFrame`` with one row per fact;
each row names its notice's region (`region_of`), its notice id and label, and the evidence:
``span`` (start, end) into that notice's ``text`` and the ``evidence`` sentence it came from.
`compare_notices` runs them all once (sharing the topic assignment) and adds the measure
alignment (`corpus.align`) and text reuse (`corpus.reuse`).

Topics: a measure's topics come from `corpus.topics.assign_topics`; an amount's or target's
topic from the words around it first (`topic_near`: its clause, then its sentence), and only
then from its measure (``topic_source`` says which: clause / measure / none).

Skill level of an amount (中级工 … 高级技师), in this order: a level written in the amount's own
clause right before it (高级技师(一级)3000元/人); a list of levels matched one to one with a list
of amounts (引进高级技师、技师和高级工…分别按每名2000元、1500元和1000元); else the nearest level
earlier in the sentence with no other amount between.

Deliberately not covered: currency conversion, inflation, and population data — targets can be
scaled "per 10,000 residents" only with a `population` mapping the caller supplies.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

import pandas as pd

from .topics import (Taxonomy, Terms, clause_bounds, incentive_phrase, load_taxonomy, load_terms, measure_topics,
                     sentence_bounds, topic_near)

__all__ = [
    "Comparison", "compare_notices", "coverage_matrix", "coverage_table", "find_level", "incentives_table",
    "notices_table", "region_of", "responsibility_table", "targets_table",
]

NOTICE_COLUMNS = ["notice", "label", "region", "region_source", "level", "title", "date", "doc_number", "path",
                  "n_measures", "n_amounts", "n_targets"]
INCENTIVE_COLUMNS = ["region", "label", "notice", "topic", "topic_source", "value", "bound", "per", "level",
                     "recipient", "incentive", "amount_text", "measure", "measure_title", "span", "evidence", "range_id"]
TARGET_COLUMNS = ["region", "label", "notice", "topic", "topic_source", "indicator", "value", "unit", "unit_norm",
                  "year", "annual", "per_10k", "target_text", "measure", "span", "evidence"]
RESPONSIBILITY_COLUMNS = ["region", "label", "notice", "topic", "lead_function", "lead_bodies", "share", "functions",
                          "n_measures", "measures", "span"]
COVERAGE_COLUMNS = ["region", "label", "notice", "topic", "n_measures", "n_primary", "n_amounts", "n_targets",
                    "measures", "span"]
SHARED_LEAD = "多部门"
_SPACES = re.compile(r"\s+")
_PLACE = re.compile(r"^([\u4e00-\u9fff]{2,10}?(?:省|自治区|自治州|市|州|盟|县|区|旗))")
_NOT_PLACE_HEAD = set("省市县区各本全我该")


@dataclass
class Comparison:
    """All comparison tables for one set of notices (see the module docstring)."""

    notices: pd.DataFrame
    measures: pd.DataFrame
    incentives: pd.DataFrame
    targets: pd.DataFrame
    responsibility: pd.DataFrame
    coverage: pd.DataFrame
    alignment: pd.DataFrame = field(default_factory=pd.DataFrame)
    reuse: pd.DataFrame = field(default_factory=pd.DataFrame)
    topic_order: list[str] = field(default_factory=list)

    def tables(self) -> dict[str, pd.DataFrame]:
        """The tables by name, in report order."""
        return {"notices": self.notices, "coverage": self.coverage, "incentives": self.incentives,
                "targets": self.targets, "responsibility": self.responsibility, "alignment": self.alignment,
                "reuse": self.reuse, "measures": self.measures}


# ---------------------------------------------------------------- regions

def region_of(notice: Any) -> tuple[str, str]:
    """The region a notice speaks for, and where that came from (meta / issuer / text / "").

    `meta.region` first (county, city, province); else the place an issuer's name begins
    with (福鼎市人民政府办公室 → 福鼎市); else a city named in the text whose name the title or the
    document number's prefix confirms (鹰办发 … 技能鹰潭行动 … 鹰潭市 → 鹰潭市).

    >>> from extractor.model import Meta, Notice, Source
    >>> n = Notice("x", Source(None, "txt"), "推动鹰潭市职业院校发展,支持贵溪市", Meta(title="关于实施“技能鹰潭行动”的意见", doc_number="鹰办发〔2022〕22号", issuer=("市人社局",)))
    >>> region_of(n)
    ('鹰潭市', 'text')
    """
    r = notice.meta.region
    for x in (r.county, r.city, r.province):
        if x:
            return x, "meta"
    for iss in notice.meta.issuer:
        m = _PLACE.match(iss)
        if m and m.group(1)[0] not in _NOT_PLACE_HEAD:
            return m.group(1), "issuer"
    title = notice.meta.title or ""
    head = (notice.meta.doc_number or "")[:1]
    best, best_score = "", 0.0
    text = notice.text
    for m in re.finditer("市", text):
        for k in (2, 3):
            stem = text[max(0, m.start() - k):m.start()]
            if len(stem) < k or not re.fullmatch(r"[\u4e00-\u9fff]+", stem) or stem[0] in _NOT_PLACE_HEAD:
                continue
            confirm = (20 if stem in title else 0) + (20 if head and stem[0] == head else 0)
            if not confirm:
                continue
            score = confirm + min(text.count(stem), 19) + 0.1 * k
            if score > best_score:
                best, best_score = stem + "市", score
    return (best, "text") if best else ("", "")


def _level(notice: Any, region: str) -> str:
    r = notice.meta.region
    if r.county:
        return "county"
    if r.city:
        return "city"
    if r.province:
        return "province"
    return "province" if region.endswith(("省", "自治区")) else "city" if region.endswith(("市", "州", "盟")) \
        else "county" if region else ""


def _labels(notices: Sequence[Any]) -> list[tuple[str, str, str]]:
    """(region, region_source, unique display label) per notice."""
    regs = [region_of(n) for n in notices]
    counts = Counter(r for r, _ in regs)
    seen: Counter = Counter()
    out = []
    for n, (reg, src) in zip(notices, regs):
        base = reg or (n.meta.title or n.id)[:12]
        label = base
        if counts[reg] > 1 or not reg:
            seen[base] += 1
            year = (n.meta.date or "")[:4]
            label = f"{base} {year}" if year and counts[reg] > 1 else base
            if seen[base] > 1 or (counts[reg] > 1 and not year):
                label = f"{label} #{seen[base]}"
        out.append((reg, src, label))
    # years alone may still collide
    dup = Counter(lbl for _, _, lbl in out)
    fixed, k = [], Counter()
    for reg, src, lbl in out:
        if dup[lbl] > 1:
            k[lbl] += 1
            lbl = f"{lbl} #{k[lbl]}"
        fixed.append((reg, src, lbl))
    return fixed


# ---------------------------------------------------------------- shared context

@dataclass
class _Ctx:
    notices: Sequence[Any]
    tx: Taxonomy
    terms: Terms
    labels: list[tuple[str, str, str]]
    topics: dict[str, dict[str, tuple[str, ...]]]


def _ctx(notices: Sequence[Any], taxonomy: Taxonomy | None, topics: Mapping | None = None) -> _Ctx:
    tx = taxonomy or load_taxonomy()
    tp = dict(topics) if topics is not None else {n.id: measure_topics(n, tx) for n in notices}
    return _Ctx(notices, tx, load_terms(), _labels(notices), tp)


def _evidence(text: str, span: tuple[int, int]) -> str:
    s0, s1 = sentence_bounds(text, span)
    return _SPACES.sub("", text[s0:s1])[:300]


def _fact_topic(c: _Ctx, n: Any, span: tuple[int, int], measure: str | None) -> tuple[str, str]:
    near = topic_near(n.text, span, c.tx)
    if near:
        return near[0], "clause"
    if measure and measure in c.topics[n.id]:
        return c.topics[n.id][measure][0], "measure"
    return c.tx.fallback, "none"


def notices_table(notices: Sequence[Any], *, _c: _Ctx | None = None) -> pd.DataFrame:
    """One row per notice: id, display label, region and where it came from, title, date …"""
    c = _c or _ctx(notices, None)
    rows = []
    for n, (reg, src, label) in zip(notices, c.labels):
        rows.append((n.id, label, reg, src, _level(n, reg), n.meta.title, n.meta.date, n.meta.doc_number,
                     n.source.path, len(n.measures), len(n.amounts), len(n.targets)))
    return pd.DataFrame(rows, columns=NOTICE_COLUMNS)


def _measures_table(c: _Ctx) -> pd.DataFrame:
    rows = []
    for n, (reg, _, label) in zip(c.notices, c.labels):
        for m in n.measures:
            tps = c.topics[n.id][m.id]
            rows.append((reg, label, n.id, m.id, m.number, m.title, m.source, c.tx.label(tps[0]),
                         "、".join(c.tx.label(t) for t in tps), m.span))
    return pd.DataFrame(rows, columns=["region", "label", "notice", "measure", "number", "title", "source", "topic",
                                       "topics", "span"])


# ---------------------------------------------------------------- incentives

def find_level(text: str, span: tuple[int, int], amount_spans: Sequence[tuple[int, int]],
               terms: Terms | None = None) -> str | None:
    """The skill level an amount is for (see the module docstring), or None.

    >>> t = "从市外引进高级技师、技师和高级工稳定就业的,分别按每名2000元、1500元和1000元的标准给予引才奖励。"
    >>> spans = [(m.start(), m.end()) for m in re.finditer(r"\\d+元", t)]
    >>> [find_level(t, s, spans) for s in spans]
    ['高级技师', '技师', '高级工']
    """
    tm = terms or load_terms()
    s0, s1 = sentence_bounds(text, span)
    c0, _ = clause_bounds(text, span, enumerations=True)
    in_sent = sorted(s for s in amount_spans if s0 <= s[0] < s1)
    prev_end = max([s[1] for s in in_sent if s[1] <= span[0]], default=s0)
    # 1. a level right before the amount in its own clause (after any earlier amount)
    direct = [m for m in tm.level_re.finditer(text, max(c0, prev_end), span[0])]
    if direct:
        return _with_suffix(text, direct[-1], tm)
    # 2. a list of amounts matched one to one with a list of levels before it
    lst = _amount_list(text, in_sent, span)
    if len(lst) >= 2:
        first = lst[0][0]
        before = max([s[1] for s in in_sent if s[1] <= first], default=s0)
        levels = _last_level_list(text, before, first, tm)
        if len(levels) == len(lst):
            return levels[lst.index(span)]
    # 3. the nearest level earlier in the sentence, no other amount between
    near = list(tm.level_re.finditer(text, prev_end, span[0]))
    if near:
        return _with_suffix(text, near[-1], tm)
    return None


def _with_suffix(text: str, m: re.Match, tm: Terms) -> str:
    name = tm.level_of[re.sub(r"[(（].*$", "", m.group())]
    return name + "及以上" if text.startswith("及以上", m.end()) else name


def _amount_list(text: str, in_sent: list[tuple[int, int]], span: tuple[int, int]) -> list[tuple[int, int]]:
    """The run of amounts `span` belongs to: amounts joined only by 、 和 及 与 或 and spaces."""
    i = in_sent.index(span) if span in in_sent else -1
    if i < 0:
        return [span]
    lo = hi = i
    joined = re.compile(r"^[\s、,，和及与或]*$")
    while lo > 0 and joined.match(text[in_sent[lo - 1][1]:in_sent[lo][0]]):
        lo -= 1
    while hi + 1 < len(in_sent) and joined.match(text[in_sent[hi][1]:in_sent[hi + 1][0]]):
        hi += 1
    return in_sent[lo:hi + 1]


def _last_level_list(text: str, a: int, b: int, tm: Terms) -> list[str]:
    """The last run of levels joined by 、 和 及 与 in text[a:b]."""
    ms = list(tm.level_re.finditer(text, a, b))
    run: list[re.Match] = []
    for m in ms:
        if run and not re.fullmatch(r"[\s、,，和及与或]*", text[run[-1].end():m.start()]):
            run = []
        run.append(m)
    return [tm.level_of[re.sub(r"[(（].*$", "", m.group())] for m in run]


def _recipient(text: str, span: tuple[int, int], tm: Terms) -> str | None:
    """Who receives the amount: 给予X in its clause, else the X of 对…的X / 给予X nearest before it
    in the sentence, else 给予X after it. X is a word of the recipients lexicon standing alone."""
    s0, s1 = sentence_bounds(text, span)
    c0, c1 = clause_bounds(text, span)
    alt = "|".join(re.escape(w) for w in sorted(tm.recipients, key=len, reverse=True))
    word = rf"({alt})(?=[\s,，、。;；:：(（的一每分按给\d]|$)"
    for pat, a, b in ((rf"给予{word}", c0, c1), (rf"(?:的|对|给予){word}", s0, span[0]),
                      (rf"给予{word}", span[1], s1)):
        found = list(re.finditer(pat, text[a:b]))
        if found:
            return (found[-1] if b == span[0] else found[0]).group(1)
    return None


def _per(per: Sequence[str]) -> str:
    return "".join(f"每{p}" for p in per)


def incentives_table(notices: Sequence[Any], *, taxonomy: Taxonomy | None = None, _c: _Ctx | None = None) -> pd.DataFrame:
    """One row per money amount: its topic, value in 元, bound, per what, skill level, recipient,
    the phrase naming the incentive, and its evidence (columns `INCENTIVE_COLUMNS`)."""
    c = _c or _ctx(notices, taxonomy)
    rows = []
    for n, (reg, _, label) in zip(c.notices, c.labels):
        spans = [a.span for a in n.amounts]
        titles = {m.id: m.title for m in n.measures}
        for a in n.amounts:
            topic, src = _fact_topic(c, n, a.span, a.measure)
            ph = incentive_phrase(n.text, a.span, c.terms)
            rows.append((reg, label, n.id, c.tx.label(topic), src, a.value, a.bound, _per(a.per),
                         find_level(n.text, a.span, spans, c.terms), _recipient(n.text, a.span, c.terms),
                         _SPACES.sub("", n.text[ph[0]:ph[1]]) if ph else None, a.text, a.measure,
                         titles.get(a.measure), a.span, _evidence(n.text, a.span), a.range_id))
    return pd.DataFrame(rows, columns=INCENTIVE_COLUMNS)


# ---------------------------------------------------------------- targets

def targets_table(notices: Sequence[Any], *, population: Mapping[str, float] | None = None,
                  taxonomy: Taxonomy | None = None, _c: _Ctx | None = None) -> pd.DataFrame:
    """One row per quantitative target: topic, indicator, value, unit and its comparable unit
    (名 → 人), due year, whether it is a yearly figure (每年), and — when `population` gives a
    region's residents in 10,000s (万人) — the value per 10,000 residents (not for %)."""
    c = _c or _ctx(notices, taxonomy)
    rows = []
    for n, (reg, _, label) in zip(c.notices, c.labels):
        for t in n.targets:
            topic, src = _fact_topic(c, n, t.span, t.measure)
            c0, _ = clause_bounds(n.text, t.span)
            s0, _ = sentence_bounds(n.text, t.span)
            unit_norm = c.terms.units.get(t.unit, t.unit)
            annual = bool(re.search(r"每年|年均|年(?:招生|认定|评价|培训)", n.text[max(s0, c0 - 40):t.span[0]]))
            per_10k = None
            if population and reg in population and unit_norm != "%" and population[reg]:
                per_10k = round(t.value / float(population[reg]), 3)
            indicator = _indicator(n.text, t, c.terms)
            rows.append((reg, label, n.id, c.tx.label(topic), src, indicator, t.value, t.unit, unit_norm,
                         None if t.year is None else int(t.year),
                         annual, per_10k, t.text, t.measure, t.span, _evidence(n.text, t.span)))
    df = pd.DataFrame(rows, columns=TARGET_COLUMNS)
    df["year"] = df["year"].astype("Int64")
    return df


_TIME = re.compile(r"^(?:到|至|从)?\d{4}(?:年底|年末|年)(?:前|起|底)?|^\d{4}[-—–至]\d{4}年")


def _indicator(text: str, t: Any, tm: Terms) -> str | None:
    """What a target counts: the extractor's indicator, else the words before the number in its
    clause, stripped of times and cue words (到2025年, 力争, 达到 …); when nothing is left (达到30万人),
    the clause before it."""
    c0, _ = clause_bounds(text, t.span)
    ind = t.indicator or ""
    close = ind.find(")")
    cands = [ind] if ind and (close < 0 or "(" in ind[:close]) else []   # not a bracket's tail (下同))
    cands.append(text[c0:t.span[0]])
    p0, _ = clause_bounds(text, (max(0, c0 - 2), max(0, c0 - 1)))
    cands.append(text[p0:max(p0, c0 - 1)])
    for cand in cands:
        s = _clean_indicator(_SPACES.sub("", cand or ""), tm)
        if len(re.findall(r"[\u4e00-\u9fff]", s)) >= 2:
            return s
    return None


def _clean_indicator(s: str, tm: Terms) -> str:
    cues = sorted(tm.indicator_cues, key=len, reverse=True)
    prev = None
    while s != prev:
        prev = s
        s = _TIME.sub("", s).strip(",，、:：;；。")
        for w in cues:
            if s.startswith(w):
                s = s[len(w):]
            if s.endswith(w):
                s = s[:-len(w)]
    return s


# ---------------------------------------------------------------- responsibility

def _who(u: Any) -> str:
    return u.function or u.canonical or u.name


def responsibility_table(notices: Sequence[Any], *, taxonomy: Taxonomy | None = None,
                         _c: _Ctx | None = None) -> pd.DataFrame:
    """Per notice and topic, which function leads its measures.

    Each measure under a topic gives weight 1 to every body it names as lead; where it ranks none,
    the first body named as responsible gets 1 and the others 0.5 (supporting bodies count 0).
    `lead_function` is the heaviest function (人社, 教育 …), `share` its part of the weight,
    `lead_bodies` the names written for it, `functions` every function with its weight. When
    several functions tie (also on their weight over the whole notice), `lead_function` is
    "多部门" and `lead_bodies` names the tied ones.
    """
    c = _c or _ctx(notices, taxonomy)
    rows = []
    for n, (reg, _, label) in zip(c.notices, c.labels):
        weight: dict[str, Counter] = defaultdict(Counter)
        names: dict[tuple[str, str], Counter] = defaultdict(Counter)
        ms: dict[str, list] = defaultdict(list)
        for m in n.measures:
            leads = [u for u in m.units if u.role == "lead"]
            if leads:
                credit = [(u, 1.0) for u in leads]
            else:
                resp = [u for u in m.units if u.role == "responsible"]
                credit = [(u, 1.0 if i == 0 else 0.5) for i, u in enumerate(resp)]
            if not credit:
                continue
            for t in c.topics[n.id][m.id]:
                ms[t].append(m)
                seen: set[str] = set()
                for u, w in credit:
                    f = _who(u)
                    if f in seen:
                        continue
                    seen.add(f)
                    weight[t][f] += w
                    names[(t, f)][u.name] += 1
        overall: Counter = Counter()
        for t in weight:
            overall.update(weight[t])
        for t in sorted(weight, key=lambda x: c.tx.ids.index(x)):
            # ties go to the function that leads more of the notice overall
            ranked = sorted(weight[t].items(), key=lambda kv: (-kv[1], -overall[kv[0]], kv[0]))
            lead, w = ranked[0]
            total = sum(weight[t].values())
            bodies = "、".join(x for x, _ in names[(t, lead)].most_common(3))
            tied = [f for f, v in ranked if v == w and overall[f] == overall[lead]]
            if len(tied) > 1:       # no function stands out: say so rather than pick one by name
                lead = SHARED_LEAD
                bodies = "、".join(next(iter(names[(t, f)])) for f in tied[:4]) + ("…" if len(tied) > 4 else "")
            funcs = "、".join(f"{f} {v:g}" for f, v in ranked)
            rows.append((reg, label, n.id, c.tx.label(t), lead, bodies, round(w / total, 3), funcs, len(ms[t]),
                         ",".join(m.id for m in ms[t]), ms[t][0].span))
    return pd.DataFrame(rows, columns=RESPONSIBILITY_COLUMNS)


# ---------------------------------------------------------------- coverage

def coverage_table(notices: Sequence[Any], *, taxonomy: Taxonomy | None = None, _c: _Ctx | None = None,
                   incentives: pd.DataFrame | None = None, targets: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per notice and topic it addresses: how many measures (and as primary topic), amounts and
    targets, which measures, and the span of the first."""
    c = _c or _ctx(notices, taxonomy)
    inc = incentives if incentives is not None else incentives_table(notices, _c=c)
    tgt = targets if targets is not None else targets_table(notices, _c=c)
    n_inc = Counter(zip(inc["notice"], inc["topic"])) if len(inc) else Counter()
    n_tgt = Counter(zip(tgt["notice"], tgt["topic"])) if len(tgt) else Counter()
    rows = []
    for n, (reg, _, label) in zip(c.notices, c.labels):
        by: dict[str, list] = defaultdict(list)
        prim: Counter = Counter()
        for m in n.measures:
            tps = c.topics[n.id][m.id]
            prim[tps[0]] += 1
            for t in tps:
                by[t].append(m)
        labels_seen = set()
        for t in c.tx.ids:
            lab = c.tx.label(t)
            if t in by or n_inc.get((n.id, lab)) or n_tgt.get((n.id, lab)):
                labels_seen.add(lab)
                ms = by.get(t, [])
                rows.append((reg, label, n.id, lab, len(ms), prim[t], n_inc.get((n.id, lab), 0),
                             n_tgt.get((n.id, lab), 0), ",".join(m.id for m in ms), ms[0].span if ms else None))
    return pd.DataFrame(rows, columns=COVERAGE_COLUMNS)


def coverage_matrix(coverage: pd.DataFrame, value: str = "n_measures", topic_order: Sequence[str] | None = None,
                    label_order: Sequence[str] | None = None) -> pd.DataFrame:
    """Topic × notice label matrix of `value` (0 where a notice does not address a topic)."""
    if coverage.empty:
        return pd.DataFrame()
    m = coverage.pivot_table(index="topic", columns="label", values=value, aggfunc="sum", fill_value=0)
    if topic_order is not None:
        m = m.reindex([t for t in topic_order if t in m.index])
    if label_order is not None:
        m = m.reindex(columns=[x for x in label_order if x in m.columns])
    return m.astype(int)


# ---------------------------------------------------------------- all at once

def compare_notices(notices: Sequence[Any], *, taxonomy: Taxonomy | None = None, align: bool = True,
                    reuse: bool = True, population: Mapping[str, float] | None = None,
                    reuse_options: Mapping[str, Any] | None = None) -> Comparison:
    """Every comparison table for `notices` (parsed `Notice` objects), topics assigned once.

    >>> from extractor.pipeline import parse_text
    >>> a = parse_text("关于技能人才的措施\\n一、主要措施\\n1.推行新型学徒制。中级工每人每年补贴5000元。(责任单位:市人社局)")
    >>> cmp = compare_notices([a], reuse=False)
    >>> cmp.incentives[["topic", "value", "per", "level"]].values.tolist()
    [['新型学徒制', 5000.0, '每人每年', '中级工']]
    """
    from .align import align_measures
    from .reuse import find_reuse

    c = _ctx(notices, taxonomy)
    inc = incentives_table(notices, _c=c)
    tgt = targets_table(notices, population=population, _c=c)
    out = Comparison(
        notices=notices_table(notices, _c=c), measures=_measures_table(c), incentives=inc, targets=tgt,
        responsibility=responsibility_table(notices, _c=c),
        coverage=coverage_table(notices, _c=c, incentives=inc, targets=tgt),
        topic_order=[t.label for t in c.tx.topics],
    )
    regions = [lbl for _, _, lbl in c.labels]
    if align:
        out.alignment = align_measures(notices, regions=regions, taxonomy=c.tx, topics=c.topics)
    if reuse:
        found = find_reuse(notices, **dict(reuse_options or {}))
        out.reuse = _reuse_frame(found, notices, c)
    return out


def _reuse_frame(found: Sequence[Any], notices: Sequence[Any], c: _Ctx) -> pd.DataFrame:
    """Reuse pairs with both regions and a guess of which side is the source: a province's text
    is the source of a city's, else the earlier-dated notice."""
    by_id = {n.id: (n, lbl, reg) for n, (reg, _, lbl) in zip(notices, c.labels)}
    rank = {"province": 0, "city": 1, "county": 2, "": 3}
    rows = []
    for r in found:
        na, la, ra = by_id[r.a]
        nb, lb, rb = by_id[r.b]
        lva, lvb = _level(na, ra), _level(nb, rb)
        if rank[lva] != rank[lvb]:
            src = la if rank[lva] < rank[lvb] else lb
            why = "higher level"
        elif na.meta.date and nb.meta.date and na.meta.date != nb.meta.date:
            src = la if na.meta.date < nb.meta.date else lb
            why = "earlier date"
        else:
            src, why = "", ""
        rows.append((la, r.a, r.a_span, r.a_text, lb, r.b, r.b_span, r.b_text, r.chars_a, r.chars_b, r.similarity,
                     src, why))
    return pd.DataFrame(rows, columns=["label_a", "notice_a", "span_a", "text_a", "label_b", "notice_b", "span_b",
                                       "text_b", "chars_a", "chars_b", "similarity", "likely_source", "source_reason"])
