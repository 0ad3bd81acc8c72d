"""Topics: what a measure, or the words around an amount, is about.

The taxonomy is data (``corpus/data/topics.json``, format in its ``_doc`` key): topics with a
label, a domain and weighted keywords (plus a few gap patterns). A text's score for a topic is
the sum of its keyword weights, repeated hits adding half a weight each up to three; a measure
gets every topic reaching ``min_score`` and ``relative`` × the best score (title hits count
double), best first. Topics of the ``generic`` domain (组织领导, 资金保障 …) are the fallback:
they are used only when no topic of another domain reaches the threshold, and the ``fallback``
topic (其他) when nothing does.

`topic_near` reads the topic of a span (an amount, a target) from the sentence around it:
keywords in the span's own clause count fully, farther ones less with distance, and those in
the phrase that names the incentive (给予个人一次性就业奖励) double. The comparison tables use it
first and fall back to the measure's topic.

The lexicons the tables read around amounts and targets (skill levels, recipients, counting
units) are ``corpus/data/terms.json``, loaded by `load_terms`.

Deliberately not covered: learning topics from data, or word segmentation — matching is
literal, longest keyword first.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, Iterable, Mapping, Sequence

__all__ = [
    "GENERIC", "Taxonomy", "Terms", "Topic", "TopicHit", "assign_topics", "clause_bounds", "find_topic_hits",
    "incentive_phrase", "load_taxonomy", "load_terms", "measure_text", "measure_topics", "score_topics", "sentence_bounds",
    "topic_near",
]

GENERIC = "generic"
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_SENT_END = "。！？；;!?"
_CLAUSE_END = _SENT_END + "，,：:、|"
_SPACE = " \t\r\n\u3000\xa0"


@dataclass(frozen=True)
class Topic:
    """One entry of the taxonomy: `keywords` and `patterns` are (word or regex, weight) pairs."""

    id: str
    label: str
    domain: str
    keywords: tuple[tuple[str, float], ...] = ()
    patterns: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True)
class TopicHit:
    """A keyword or pattern of `topic` found at `span` of the text searched."""

    topic: str
    word: str
    span: tuple[int, int]
    weight: float


@dataclass(frozen=True)
class Taxonomy:
    """The loaded taxonomy with its matchers compiled once."""

    topics: tuple[Topic, ...]
    domains: Mapping[str, str]
    min_score: float
    relative: float
    fallback: str
    _by_id: Mapping[str, Topic] = field(repr=False, compare=False, default_factory=lambda: MappingProxyType({}))
    _word: Mapping[str, tuple[str, float]] = field(repr=False, compare=False, default_factory=lambda: MappingProxyType({}))
    _keyword_re: Any = field(repr=False, compare=False, default=None)
    _patterns: tuple = field(repr=False, compare=False, default=())
    _hits: dict = field(repr=False, compare=False, default_factory=dict)

    def topic(self, topic_id: str) -> Topic:
        """The topic with this id; KeyError names the valid ids."""
        try:
            return self._by_id[topic_id]
        except KeyError:
            raise KeyError(f"unknown topic {topic_id!r}; valid: {', '.join(self._by_id)}") from None

    def label(self, topic_id: str) -> str:
        """The Chinese label of a topic id.

        >>> load_taxonomy().label("master_studio")
        '技能大师工作室'
        """
        return self.topic(topic_id).label

    def is_generic(self, topic_id: str) -> bool:
        return self.topic(topic_id).domain == GENERIC

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.topics)


@dataclass(frozen=True)
class Level:
    name: str
    rank: int
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Terms:
    """The lexicons of ``corpus/data/terms.json``."""

    levels: tuple[Level, ...]
    recipients: tuple[str, ...]
    incentive_nouns: tuple[str, ...]
    units: Mapping[str, str]
    indicator_cues: tuple[str, ...]
    level_re: Any = field(repr=False, compare=False, default=None)
    noun_re: Any = field(repr=False, compare=False, default=None)
    recipient_re: Any = field(repr=False, compare=False, default=None)
    level_of: Mapping[str, str] = field(repr=False, compare=False, default_factory=lambda: MappingProxyType({}))


def _read(name: str, path: str | Path | None) -> dict:
    if path is not None:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    return json.loads(resources.files("corpus.data").joinpath(name).read_text(encoding="utf-8"))


def _alternation(words: Iterable[str]) -> str:
    """A regex matching any of `words`, the longest one at a position first.

    Built as a trie ("技能大师工作室|技能大师" → "技能大师(?:工作室)?") so that matching costs one
    pass over the text rather than one try per word.

    >>> re.findall(_alternation(["工作室", "技能大师工作室", "技能大师", "技能"]), "技能大师工作室与技能")
    ['技能大师工作室', '技能']
    """
    trie: dict = {}
    for w in set(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    alts = [re.escape(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if "" in node:                  # a word may end here: the longer match is tried first (greedy ?)
        return "(?:" + body + ")?"
    return body


@lru_cache(maxsize=8)
def load_taxonomy(path: str | None = None) -> Taxonomy:
    """Read and check the topic taxonomy (default ``corpus/data/topics.json``).

    Raises ValueError naming the bad entry and what is allowed.

    >>> tx = load_taxonomy()
    >>> tx.label("apprenticeship"), tx.topic("apprenticeship").domain
    ('新型学徒制', 'skills')
    """
    raw = _read("topics.json", path)
    where = path or "corpus/data/topics.json"
    domains = raw.get("domains")
    if not isinstance(domains, dict) or GENERIC not in domains:
        raise ValueError(f"{where}: 'domains' must be an object that includes {GENERIC!r}")
    topics: list[Topic] = []
    word_topic: dict[str, tuple[str, float]] = {}
    labels: set[str] = set()
    for i, t in enumerate(raw.get("topics") or []):
        tid = t.get("id", "")
        if not isinstance(tid, str) or not _ID.match(tid):
            raise ValueError(f"{where}: topic #{i} has a bad id {tid!r} (lowercase ASCII, digits, underscore)")
        if any(x.id == tid for x in topics):
            raise ValueError(f"{where}: topic id {tid!r} is used twice")
        label = t.get("label")
        if not label or label in labels:
            raise ValueError(f"{where}: topic {tid!r} needs a unique label (got {label!r})")
        labels.add(label)
        if t.get("domain") not in domains:
            raise ValueError(f"{where}: topic {tid!r} has domain {t.get('domain')!r}; valid: {', '.join(domains)}")
        kws = t.get("keywords", {})
        if not isinstance(kws, dict):
            raise ValueError(f"{where}: topic {tid!r}: keywords must be an object word -> weight")
        for w, wt in kws.items():
            if not w or not isinstance(wt, (int, float)) or wt <= 0:
                raise ValueError(f"{where}: topic {tid!r}: keyword {w!r} needs a weight > 0 (got {wt!r})")
            if w in word_topic:
                raise ValueError(f"{where}: keyword {w!r} is in both {word_topic[w][0]!r} and {tid!r}")
            word_topic[w] = (tid, float(wt))
        pats = []
        for p in t.get("patterns", []):
            if not (isinstance(p, list) and len(p) == 2 and isinstance(p[1], (int, float)) and p[1] > 0):
                raise ValueError(f"{where}: topic {tid!r}: a pattern must be [regex, weight > 0], got {p!r}")
            try:
                re.compile(p[0])
            except re.error as e:
                raise ValueError(f"{where}: topic {tid!r}: bad regex {p[0]!r}: {e}") from None
            pats.append((p[0], float(p[1])))
        topics.append(Topic(tid, label, t["domain"], tuple((w, float(x)) for w, x in kws.items()), tuple(pats)))
    by_id = {t.id: t for t in topics}
    fallback = raw.get("fallback")
    if fallback not in by_id:
        raise ValueError(f"{where}: fallback {fallback!r} is not a topic id; valid: {', '.join(by_id)}")
    for key in ("min_score", "relative"):
        if not isinstance(raw.get(key), (int, float)) or raw[key] <= 0:
            raise ValueError(f"{where}: {key!r} must be a number > 0")
    stop = raw.get("stopwords", [])
    if not isinstance(stop, list) or not all(isinstance(w, str) and w for w in stop):
        raise ValueError(f"{where}: 'stopwords' must be a list of non-empty words")
    for w in stop:
        if w in word_topic:
            raise ValueError(f"{where}: {w!r} is both a stopword and a keyword of {word_topic[w][0]!r}")
    compiled = tuple((tid, re.compile(p), w) for tid, t in by_id.items() for p, w in t.patterns)
    words = list(word_topic) + list(stop)
    return Taxonomy(tuple(topics), MappingProxyType(dict(domains)), float(raw["min_score"]), float(raw["relative"]),
                    fallback, MappingProxyType(by_id), MappingProxyType(word_topic),
                    re.compile(_alternation(words)) if words else None, compiled)


@lru_cache(maxsize=8)
def load_terms(path: str | None = None) -> Terms:
    """Read and check ``corpus/data/terms.json`` (levels, recipients, units …).

    >>> t = load_terms()
    >>> t.level_of["高级技师"], t.units["名"]
    ('高级技师', '人')
    """
    raw = _read("terms.json", path)
    where = path or "corpus/data/terms.json"
    levels = []
    ranks: set[int] = set()
    level_of: dict[str, str] = {}
    for i, lv in enumerate(raw.get("levels") or []):
        name, rank = lv.get("name"), lv.get("rank")
        if not name or not isinstance(rank, int) or rank in ranks:
            raise ValueError(f"{where}: level #{i} needs a name and a unique integer rank (got {lv!r})")
        ranks.add(rank)
        aliases = tuple(lv.get("aliases", ()))
        for form in (name,) + aliases:
            if form in level_of:
                raise ValueError(f"{where}: level form {form!r} is given twice")
            level_of[form] = name
        levels.append(Level(name, rank, aliases))
    for key in ("recipients", "incentive_nouns", "indicator_cues"):
        if not isinstance(raw.get(key), list) or not all(isinstance(w, str) and w for w in raw[key]):
            raise ValueError(f"{where}: {key!r} must be a list of non-empty words")
    units = raw.get("units")
    if not isinstance(units, dict) or not all(isinstance(v, str) and v for v in units.values()):
        raise ValueError(f"{where}: 'units' must be an object word -> canonical unit")
    # a level with its grade in brackets is one mention: 高级技师(一级), 技师（二级）
    level_re = re.compile(f"(?:{_alternation(level_of)})(?:[(（][一二三四五]级[)）])?")
    return Terms(tuple(levels), tuple(raw["recipients"]), tuple(raw["incentive_nouns"]), MappingProxyType(units),
                 tuple(raw["indicator_cues"]), level_re, re.compile(_alternation(raw["incentive_nouns"])),
                 re.compile(_alternation(raw["recipients"])), MappingProxyType(level_of))


# ---------------------------------------------------------------- matching

def find_topic_hits(text: str, taxonomy: Taxonomy | None = None) -> list[TopicHit]:
    """Keyword and pattern hits in `text` (spaces and line breaks inside a word are allowed).

    >>> [(h.topic, h.word) for h in find_topic_hits("全面推行企业新型学徒制")]
    [('apprenticeship', '企业新型学徒')]
    """
    tx = taxonomy or load_taxonomy()
    cached = tx._hits.get(text)
    if cached is not None:
        return list(cached)
    compact, pos = _compact(text, 0, len(text))
    out: list[TopicHit] = []
    if tx._keyword_re is not None:
        for m in tx._keyword_re.finditer(compact):
            if m.group() not in tx._word:        # a stopword: read, scored for nothing
                continue
            tid, w = tx._word[m.group()]
            out.append(TopicHit(tid, m.group(), (pos[m.start()], pos[m.end() - 1] + 1), w))
    for tid, rx, w in tx._patterns:
        for m in rx.finditer(compact):
            out.append(TopicHit(tid, m.group(), (pos[m.start()], pos[m.end() - 1] + 1), w))
    out.sort(key=lambda h: h.span)
    if len(tx._hits) > 100_000:      # a bounded memo: titles and sentences recur across notices
        tx._hits.clear()
    tx._hits[text] = tuple(out)
    return out


_WS = re.compile(r"\s+")
_NOT_WS = re.compile(r"\S+")


def _compact(text: str, a: int, b: int) -> tuple[str, Sequence[int]]:
    """text[a:b] without whitespace, and the original offset of each kept character."""
    part = text[a:b]
    if not _WS.search(part):
        return part, range(a, b)
    pos: list[int] = []
    for m in _NOT_WS.finditer(part):
        pos.extend(range(a + m.start(), a + m.end()))
    return _WS.sub("", part), pos


def _sum(hits: Iterable[tuple[TopicHit, float]]) -> dict[str, float]:
    """Per topic: a word's first hit counts its weight, repeats half of it, up to three hits."""
    seen: dict[tuple[str, str], int] = {}
    score: dict[str, float] = {}
    for h, factor in hits:
        k = (h.topic, h.word)
        n = seen.get(k, 0)
        if n >= 3:
            continue
        seen[k] = n + 1
        score[h.topic] = score.get(h.topic, 0.0) + h.weight * factor * (1.0 if n == 0 else 0.5)
    return score


def score_topics(text: str, taxonomy: Taxonomy | None = None) -> dict[str, float]:
    """Each topic's keyword score in `text`.

    >>> score_topics("到2025年新建25家左右技能大师工作室")["master_studio"]
    8.0
    """
    return _sum((h, 1.0) for h in find_topic_hits(text, taxonomy))


def _pick(score: Mapping[str, float], tx: Taxonomy, threshold: float) -> tuple[str, ...]:
    for generic in (False, True):
        cand = {t: s for t, s in score.items() if tx.is_generic(t) == generic and s >= threshold}
        if cand:
            best = max(cand.values())
            keep = [t for t, s in cand.items() if s >= tx.relative * best]
            order = {t.id: i for i, t in enumerate(tx.topics)}
            return tuple(sorted(keep, key=lambda t: (-cand[t], order[t])))
    return ()


def assign_topics(title: str, text: str = "", taxonomy: Taxonomy | None = None) -> tuple[str, ...]:
    """Topics of a measure, best first; the fallback topic when none reaches the threshold.

    >>> assign_topics("加强技艺技能培育传承", "鼓励企业自主设立技能大师工作室,每个工作室给予5万元建设补助资金")
    ('master_studio',)
    >>> assign_topics("强化组织领导", "各级政府要把职业技能培训作为重要任务")
    ('training', 'organisation')
    """
    tx = taxonomy or load_taxonomy()
    title_hits = find_topic_hits(title, tx)
    score = _sum([(h, 2.0) for h in title_hits] + [(h, 1.0) for h in find_topic_hits(text, tx)])
    picked = _pick(score, tx, tx.min_score)
    if picked and tx.is_generic(picked[0]):
        return picked
    # a domain topic leads; a generic topic the title names is kept after it (强化组织领导 → 组织领导)
    title_generic = _pick({t: s for t, s in _sum((h, 2.0) for h in title_hits).items()
                           if tx.is_generic(t)}, tx, tx.min_score)
    return (picked + tuple(t for t in title_generic if t not in picked)) or (tx.fallback,)


# ---------------------------------------------------------------- context of a span

def sentence_bounds(text: str, span: tuple[int, int], limit: int = 400) -> tuple[int, int]:
    """The sentence around `span`: between 。；！？ (or a line break after one), at most `limit` each side.

    >>> t = "一、目标。中级工每人每年补贴5000元,高级工每人每年6000元。二、措施"
    >>> t[slice(*sentence_bounds(t, (15, 20)))]
    '中级工每人每年补贴5000元,高级工每人每年6000元。'
    """
    lo = max(0, span[0] - limit)
    a = lo
    for m in reversed(list(_BREAK.finditer(text, lo, span[0]))):
        if _boundary_before(text, m.end()):
            a = m.end()
            break
    hi = min(len(text), span[1] + limit)
    b = hi
    for m in _BREAK.finditer(text, span[1], hi):
        if _boundary_after(text, m.start()):
            b = m.start()
            break
    if b < len(text) and text[b] in _SENT_END:
        b += 1
    return a, b


_BREAK = re.compile(r"[。！？；;!?|\n]")


def _boundary_before(text: str, i: int) -> bool:
    ch = text[i - 1]
    if ch in _SENT_END or ch == "|":
        return True
    if ch == "\n":
        j = i - 1
        while j > 0 and text[j - 1] in _SPACE:
            j -= 1
        return j == 0 or text[j - 1] in _SENT_END + ":：|" or _heading_at(text, i)
    return False


def _boundary_after(text: str, i: int) -> bool:
    ch = text[i]
    if ch in _SENT_END or ch == "|":
        return True
    if ch == "\n":
        j = i
        while j > 0 and text[j - 1] in _SPACE:
            j -= 1
        k = i
        while k < len(text) and text[k] in _SPACE:
            k += 1
        return j == 0 or text[j - 1] in _SENT_END + ":：|" or k >= len(text) or _heading_at(text, k)
    return False


_HEADING = re.compile(r"\s*(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）]|\d{1,2}[.、．](?!\d)|附件)")


def _heading_at(text: str, i: int) -> bool:
    return bool(_HEADING.match(text, i))


def clause_bounds(text: str, span: tuple[int, int], limit: int = 200, enumerations: bool = False) -> tuple[int, int]:
    """The clause around `span`: between the nearest ，；。： (brackets are not split); with
    `enumerations`, 、 splits too.

    >>> t = "给予个人一次性就业奖励,技师(二级)2000元/人、高级工(三级)1000元/人"
    >>> t[slice(*clause_bounds(t, (18, 23)))], t[slice(*clause_bounds(t, (18, 23), enumerations=True))]
    ('技师(二级)2000元/人、高级工(三级)1000元/人', '技师(二级)2000元/人')
    """
    stops = _CLAUSE_STOPS_ENUM if enumerations else _CLAUSE_STOPS
    lo = max(0, span[0] - limit)
    a, depth = lo, 0
    for m in reversed(list(stops.finditer(text, lo, span[0]))):
        ch = m.group()
        if ch in ")）":
            depth += 1
        elif ch in "(（":
            depth = max(0, depth - 1)
        elif depth == 0 and (ch != "\n" or _boundary_before(text, m.end())):
            a = m.end()
            break
    hi = min(len(text), span[1] + limit)
    b, depth = hi, 0
    for m in stops.finditer(text, span[1], hi):
        ch = m.group()
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth = max(0, depth - 1)
        elif depth == 0 and (ch != "\n" or _boundary_after(text, m.start())):
            b = m.start()
            break
    return a, b


_CLAUSE_STOPS = re.compile("[" + re.escape(_CLAUSE_END.replace("、", "")) + "()（）\n]")
_CLAUSE_STOPS_ENUM = re.compile("[" + re.escape(_CLAUSE_END) + "()（）\n]")


def incentive_phrase(text: str, span: tuple[int, int], terms: Terms | None = None) -> tuple[int, int] | None:
    """The phrase naming the incentive an amount belongs to, e.g. 一次性就业奖励.

    Looks after the amount first (to the end of its sentence: 给予…奖励), then back inside its
    own clause (每人每年补贴5000元). The phrase is the incentive noun with up to ten characters
    before it, cut at 给予/按/的/标准 and punctuation, without a leading recipient (个人, 企业).

    >>> t = "分别按高级技师(一级)3000元/人标准,给予个人一次性就业奖励。"
    >>> t[slice(*incentive_phrase(t, (11, 16)))]
    '一次性就业奖励'
    """
    tm = terms or load_terms()
    s0, s1 = sentence_bounds(text, span)
    nouns = tm.noun_re
    after = nouns.search(text, span[1], s1)
    if after is None:
        c0, _ = clause_bounds(text, span)
        befores = list(nouns.finditer(text, c0, span[0]))
        if not befores:
            return None
        m = befores[-1]
    else:
        m = after
    # extend the noun over a following 资金/经费 and back over its modifiers
    end = m.end()
    tail = re.match(r"(?:资金|经费)", text[end:end + 2])
    if tail:
        end += tail.end()
    start = m.start()
    floor = max(s0, start - 10, span[1] if after is not None else s0)
    while start > floor and text[start - 1] not in _CLAUSE_END + "()（）/元" and not text[start - 1].isdigit() \
            and text[start - 2:start] not in ("给予", "标准") and text[start - 1] not in "按的予":
        start -= 1
    # the receiver is not part of the incentive's name: 个人一次性就业奖励 → 一次性就业奖励
    lead = tm.recipient_re.match(text, start, m.start())
    if lead:
        start = lead.end()
    return start, end


def topic_near(text: str, span: tuple[int, int], taxonomy: Taxonomy | None = None,
               min_score: float = 2.0) -> tuple[str, float] | None:
    """The topic the words around `span` name, with its score, or None when they name none.

    First the span's own clause (between ，；。): its keywords decide when they reach
    `min_score`. Else the whole sentence, keywords farther away counting
    1 / (1 + distance / 25). In both, keywords in the incentive phrase (`incentive_phrase`)
    count double, and generic topics are used only when no other topic reaches `min_score`.

    >>> t = "全面推行企业新型学徒制,对职工开展新型学徒制培训,中级工每人每年补贴5000元。"
    >>> topic_near(t, (35, 40))[0]
    'apprenticeship'
    >>> t = "新建25家技能大师工作室,每个工作室给予5万元建设补助资金。"
    >>> topic_near(t, (20, 23))
    ('master_studio', 3.0)
    """
    tx = taxonomy or load_taxonomy()
    s0, s1 = sentence_bounds(text, span)
    c0, c1 = clause_bounds(text, span)
    ph = incentive_phrase(text, span)
    hits = [(h, h.span[0] + s0, h.span[1] + s0) for h in find_topic_hits(text[s0:s1], tx)]

    def boost(a: int, b: int) -> float:
        return 2.0 if ph and ph[0] <= a and b <= ph[1] else 1.0

    for in_clause in (True, False):
        weighted = []
        for h, a, b in hits:
            inside = c0 <= a and b <= c1
            if in_clause and not inside:
                continue
            d = 0 if inside else (span[0] - b if b <= span[0] else a - span[1] if a >= span[1] else 0)
            weighted.append((h, boost(a, b) / (1.0 + max(d, 0) / 25.0)))
        score = _sum(weighted)
        picked = _pick(score, tx, min_score)
        if picked:
            return picked[0], round(score[picked[0]], 3)
    return None


# ---------------------------------------------------------------- notices

_MARKER = re.compile(r"[(（〔\[][^()（）〔〕\[\]]{0,200}?(?:责任单位|牵头单位|配合单位|责任部门|负责)[^()（）〔〕\[\]]{0,200}?[)）〕\]]"
                     r"|[(（〔](?:[^()（）〔〕、,，。;；]{2,30}?(?:局|委|部|会|厅|办|府|联|室|中心)\s*[、,，]?\s*)+[)）〕]")


def measure_text(title: str, text: str) -> str:
    """A measure's words for topic matching and similarity: its title and text, without the
    bracketed marker naming its responsible bodies (body names are not what it is about).

    >>> measure_text("推进企业技能人才自主评价", "推进企业技能人才自主评价。全面推行自主评价。(市人力资源社会保障局)")
    '推进企业技能人才自主评价。全面推行自主评价。'
    """
    body = text if title and title in text else f"{title}。{text}" if text else title
    return _MARKER.sub("", body)


def measure_topics(notice: Any, taxonomy: Taxonomy | None = None) -> dict[str, tuple[str, ...]]:
    """Topics of every measure of a notice, by measure id (annex rows read their task and text)."""
    tx = taxonomy or load_taxonomy()
    return {m.id: assign_topics(m.title, _MARKER.sub("", m.text), tx) for m in notice.measures}
