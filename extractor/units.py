"""Responsible bodies of a measure: markers, duty sentences, table cells, annex lines, inheritance.

Covered (see gold/GUIDELINE.md, "measures and units"):
- bracket markers: （责任单位：…）, （牵头单位：…；配合单位：…）, （主办单位：…；协办单位：…）,
  （牵头单位：A；责任单位：B）, （X会同有关部门负责）, （X、Y负责）, （X按照职责分工负责）,
  （X牵头，Y配合/参加/协同）, （X为牵头单位，Y为配合单位）, （X（牵头）、Y）, a trailing bare bracket of
  body names, and the conventions "排首位为牵头单位" / "列第一位者为牵头单位，下同" (in a marker or a
  sentence of its own);
- marker lines without brackets (责任单位：… on its own line, the label lines of one measure read
  together; "X牵头，Y按职责分工负责");
- duty sentences where a measure has no marker ("人社部门要…", "由X负责…", "X要会同Y…", "由省财政安排");
- table cells (牵头单位 / 配合单位 / 责任部门 columns) and annex lines "X负责…";
- inheritance statements ("以下措施均需A作为责任单位，不再一一列出", "以下措施A均为责任单位…",
  "A为各项任务的责任主体，以下不再列出", "…，下同").

The marker words (labels, role verbs, manner words, convention words) are data:
`data/unit_cues.json`, read once by `load_unit_cues`. Names stay as written (市人社局), one per
body after splitting lists; canonical names, functions and levels come from
`extractor.agencies.parse_agency`. Spans are offsets into the string given. Traditional text is
read on the pipeline's simplified view. Not covered: cutting a notice into measures (the structure
parser does that), applying inheritance across measures beyond the helper `assign_units`, a
marker cut off by the end of the text, and bodies that only approve or receive (never responsible).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping, Sequence

from .agencies import BOUNDARY, _patterns, fold, is_body, is_nonbody, is_vague, name_at, parse_agency
from .model import Span, Unit

_OPEN, _CLOSE = "([<《“", ")]>》”"
_SEP = set("、,;")
_CONNECT = ("以及", "和", "与", "及")
_ETC = re.compile(r"等(?:[\u4e00-\u9fff]{0,6}?(?:部门|单位|组织|机构|团体|协会|有关方面))?$")
# what may follow the bodies inside a marker: a deadline or another field (完成时限:2024年底)
_TAIL_FIELD = re.compile(r"(?:[,;。]|\s)\s*(?:[\u4e00-\u9fff]{2,6}\s*:|(?:\d{4}|20\d\d)年|持续推进|长期坚持"
                         r"|[^,;]{0,12}?(?:前|底|内)完成)")
# "以下措施各县市区人民政府均为责任单位,不再一一列出": the list between 以下… and 均为
_INHERIT_INSIDE = re.compile(r"以下(?:各项|所有)?(?:措施|任务|工作|事项)(?P<list>[^。\n,;]{2,80}?)(?:均|都)(?:为|是|作为)"
                             r"(?:责任单位|责任主体|责任部门)[,;]?\s*不再(?:一一|单独|逐一|重复)?(?:列出|列举|单列)")
# "各县(市、区)人民政府为各项任务的责任主体,以下不再列出" / "…是本措施落实的责任主体,下同": the list before 为/是
_INHERIT_AFTER = re.compile(r"(?:均|都)?(?:为|是|作为)[\u4e00-\u9fff]{0,10}?的?(?:责任单位|责任主体|责任部门)[,;]?\s*"
                            r"(?:以下(?:均|都)?不再(?:一一|单独|逐一|重复)?(?:列出|列举|单列)|下同)")
_INHERIT = re.compile(r"以下[\u4e00-\u9fff]{0,8}?(?:均需|均由|均包括|均含|均应包括|都需|均为|需)(?P<list>[^。\n]{1,160}?)"
                      r"(?:作为责任单位|作为责任部门|为责任单位|共同负责|负责|参与)?[,;]?\s*不再(?:一一|单独|逐一|重复)?(?:列出|列举|单列)")
_SAME = re.compile(r"[,;]\s*下同\s*$")
_SENT_END = set("。;!?\n")
_ARTICLE = re.compile(r"第[一二三四五六七八九十百零〇\d]+条\s*")
_CLAUSE_END = set("。;!?\n,:")
_STRONG = ("牵头", "负责", "要", "应当", "须", "必须", "会同", "组织实施")
_NOT_DUTY = ("批准", "审批", "同意", "审定", "核准", "备案", "收到", "领取", "申请", "报", "确定", "决定", "领导", "委托",
             "主要领导", "担任", "的", "之", "所", "相关", "工作人员", "人员", "负责人", "负责同志", "主要负责人",
             "主要负责同志", "职责",
             "职能", "特殊津贴", "网站", "官网", "名义", "主任", "副主任", "局长", "副局长", "厅长", "副厅长", "处长",
             "书记", "部长", "主席", "委员", "党组")
_SPACES = re.compile(r"\s+")
_QUOTES = re.compile(r"[\"“”‘’'《》<>]")
_ALIAS_TAIL = re.compile(r"(.+?)\(([^()、,]+)\)")
_ALIAS = re.compile(r"\(([^()、,]{2,20})\)")
_ETC_CLOSE = re.compile(r"等?(?:[\u4e00-\u9fff]{0,5}?(?:部门|单位|群团组织|组织))")
_LIST_SEP = re.compile(r"以及|、|和|与|及")
_VAGUE_TAIL = re.compile(r"各?(?:有关|相关|其他)?(?:部门|单位)")
_BY_MODIFIED = re.compile(r"由[^,;。由]{1,15}?的")
_ANNEX_HEAD = re.compile(r"附件\s*\d*\s*:?\s*$")
_LEAD_OR_DUTY = re.compile("牵头|负责(?!人|同志)")
_LINE = re.compile(r"[^\n]+")
_ANNEX_CUE = re.compile(r"(?:按职责分工|具体)?负责|要|应当|须")
# a body set up and named in one sentence: "设立…办公室(以下简称区助保贷办公室),设在…,负责…"
_DEFINED = re.compile(r"(?:设立|成立|组建|设置)[^,;。()]{2,40}?\(以下简称[\"“]?(?P<alias>[^()\"“”,;。]{2,15}?)[\"”]?\)"
                      r",?(?:设在[^,;。]{2,20}?,?)?(?:主要|具体)?(?:负责|承担)")
_WHEN = re.compile(r"当[^,;。]{1,30}?时")      # 当合作银行进行贷款追偿时…: a condition, no subject
_TOGETHER = re.compile(r"(?:要|应当|应|须|需|必须|将|牵头,?|负责,?)?会同")
_OBJECT_BEFORE = ("配合", "协助", "向", "报", "经", "会同", "请", "提请", "报送", "商")


CUES = Path(__file__).with_name("data") / "unit_cues.json"
ROLES = ("lead", "support", "responsible")


@dataclass(frozen=True)
class UnitCues:
    """The marker words of `data/unit_cues.json` (its `_doc` key describes every field)."""

    label_roles: Mapping[str, str]
    label_whole: Mapping[str, str]
    verb_roles: Mapping[str, str]
    label_nouns: tuple[str, ...]
    label_prefixes: tuple[str, ...]
    ignored_labels: tuple[str, ...]
    independent_labels: tuple[str, ...]
    how: tuple[str, ...]
    first_words: tuple[str, ...]
    rank_verbs: tuple[str, ...]


@lru_cache(maxsize=4)
def load_unit_cues(path: str | None = None) -> UnitCues:
    """Read and check ``data/unit_cues.json``; raises ValueError naming a bad entry.

    >>> load_unit_cues().verb_roles["参加"], load_unit_cues().label_roles["主办"]
    ('support', 'lead')
    """
    raw = json.loads(Path(path or CUES).read_text(encoding="utf-8"))
    maps = ("label_roles", "label_whole", "verb_roles")
    lists = ("label_nouns", "label_prefixes", "ignored_labels", "independent_labels", "how", "first_words",
             "rank_verbs")
    for key in maps:
        for cue, role in raw.get(key, {}).items():
            if role not in ROLES or not cue or fold(cue) != cue:
                raise ValueError(f"unit_cues.json: {key}[{cue!r}] = {role!r}; a half-width cue and a role of "
                                 f"{', '.join(ROLES)}")
    for key in lists:
        if not all(isinstance(x, str) and x and fold(x) == x for x in raw.get(key, [])):
            raise ValueError(f"unit_cues.json: {key} must be a list of non-empty half-width strings")
    for key in ("label_roles", "verb_roles", "label_nouns", "first_words"):
        if not raw.get(key):
            raise ValueError(f"unit_cues.json: {key} must not be empty")
    return UnitCues(**{k: MappingProxyType(dict(raw.get(k, {}))) for k in maps},
                    **{k: tuple(raw.get(k, [])) for k in lists})


def _alt(words) -> str:
    """A regex alternation of `words`, escaped, longest first."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class _CuePatterns:
    label: re.Pattern        # a field label and its colon: 牵头单位: / 【责任单位】 / 责任领导:
    verb: re.Pattern         # the role word closing a list: 牵头 / 按照职责分工负责 / 为配合单位 / 会同
    role_tail: re.Pattern    # the same at the end of one list piece (市教育局按职责分工负责)
    convention: re.Pattern   # 列第一位者为牵头单位 / 排首位为牵头单位
    how_tail: re.Pattern     # manner words at the end of a piece (市人社局按职责分工)
    bracket_role: re.Pattern  # a role in a bracket after a name: 市人社局(牵头), 市财政局(配合单位)


@lru_cache(maxsize=4)
def _cue_patterns(path: str | None = None) -> _CuePatterns:
    c = load_unit_cues(path)
    nouns, how = _alt(c.label_nouns), _alt(c.how)
    prefix = f"(?:{_alt(c.label_prefixes)})?" if c.label_prefixes else ""
    wholes = f"|(?P<whole>{_alt(c.label_whole)})" if c.label_whole else ""
    ignored = f"(?P<ign>{_alt(c.ignored_labels)})|" if c.ignored_labels else ""
    label = (f"({ignored}{prefix}(?P<head>{_alt(c.label_roles)})(?:{nouns}){wholes})\\s*(?::|\\)\\s*:?)")
    verbs = f"(?:{how})?(?:{_alt(c.verb_roles)})|为(?:{_alt(c.label_roles)})(?:{nouns})"
    lead_labels = [w for w, r in c.label_roles.items() if r == "lead"]
    rank = f"(?:{_alt(c.rank_verbs)})?" if c.rank_verbs else ""
    convention = (f"[,;]?\\s*{rank}(?:在)?(?:{_alt(c.first_words)})(?:的|者)?(?:责任单位|单位|部门)?(?:的|者)?(?:为|是|系)"
                  f"(?:{_alt(lead_labels)})(?:{nouns})?")
    return _CuePatterns(
        label=re.compile(label),
        verb=re.compile(f"(会同|{verbs})(?=[,;。]|$)"),
        role_tail=re.compile(f"(?:{verbs})$"),
        convention=re.compile(convention),
        how_tail=re.compile(f"(?:{how})$"),
        bracket_role=re.compile(f"\\((为?(?:{_alt(c.label_roles)})(?:{nouns})|(?:{how})?(?:{_alt(c.verb_roles)}))\\)$"),
    )


def _label_role(m: re.Match, has_lead: bool) -> str | None:
    """The role a label match gives its bodies (None for a field that names no bodies)."""
    c = load_unit_cues()
    if m.group("ign"):
        return None
    if m.group("whole"):
        return c.label_whole[m.group("whole")]
    head = m.group("head")
    role = c.label_roles[head]
    if role == "responsible" and has_lead and head not in c.independent_labels:
        return "support"
    return role


def _verb_role(verb: str, has_lead: bool) -> str:
    """The role a closing verb gives the list before it (为配合单位 reads its label)."""
    c = load_unit_cues()
    if verb.startswith("为"):
        head = next((w for w in sorted(c.label_roles, key=len, reverse=True) if verb.startswith(w, 1)), "")
        role = c.label_roles.get(head, "responsible")
    else:
        core = re.sub(f"^(?:{_alt(c.how)})", "", verb) if c.how else verb
        role = c.verb_roles.get(core) or c.verb_roles.get(verb, "responsible")
    return "support" if role == "responsible" and has_lead else role


def _is_lead_label(m: re.Match) -> bool:
    head = m.group("head")
    return bool(head) and load_unit_cues().label_roles[head] == "lead"


@dataclass(frozen=True)
class Marker:
    """A responsibility marker in a measure's text: its `kind`, span and the units it names."""

    text: str
    span: Span
    kind: str
    units: tuple[Unit, ...]


@dataclass(frozen=True)
class Inheritance:
    """A statement that gives bodies to later measures ("以下措施均需…", "…，下同"), or, with
    `first_is_lead`, the convention that the first body of later markers leads."""

    text: str
    span: Span
    units: tuple[Unit, ...]
    first_is_lead: bool = False


def unit_key(name: str) -> str:
    """The key the scorer compares names by (brackets unified, spaces, quotes and a final 等 dropped).

    >>> unit_key("各区（市）人民政府") == unit_key("各区(市)人民政府")
    True
    """
    s = _SPACES.sub("", fold(name))
    s = _QUOTES.sub("", s.replace("[", "(").replace("]", ")"))
    return s.rstrip("等")


def _unit(name: str, role: str, span: Span, source: str, region: Any = None, inherited: bool = False) -> Unit:
    info = parse_agency(name, region)
    return Unit(name, role, span, info.canonical if info else None, info.function if info else None,
                info.level if info else None, source, inherited)


def _top_split(f: str, a: int, b: int, seps=_SEP) -> list[tuple[int, int]]:
    """Pieces of f[a:b] between separators outside brackets."""
    out, depth, start = [], 0, a
    i = a
    while i < b:
        ch = f[i]
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and (ch in seps or f.startswith("以及", i)):
            out.append((start, i))
            i += 2 if f.startswith("以及", i) else 1
            start = i
            continue
        i += 1
    out.append((start, b))
    return out


def _trim(f: str, a: int, b: int) -> tuple[int, int]:
    """Strip spaces, quotes, 等… endings, role words and a trailing alias bracket from f[a:b]."""
    while a < b and (f[a] in " \"'“”:。由" or f[a].isspace()):
        a += 1
    while b > a and (f[b - 1] in " \"'“”。:([" or f[b - 1].isspace()):     # 【配合单位】 opens after a name
        b -= 1
    for _ in range(3):
        piece = f[a:b]
        m = _cue_patterns().role_tail.search(piece) if len(piece) > 2 else None
        if m and m.start() > 0:
            b = a + m.start()
            continue
        m = _ETC.search(piece)
        if m and m.start() > 0:
            b = a + m.start()
            continue
        m = _ALIAS_TAIL.fullmatch(piece)
        if m and is_body(m.group(1)) and is_body(m.group(2)) and not m.group(1).endswith(("区", "县", "市", "乡镇")):
            b = a + len(m.group(1))
            continue
        k = _duty_word_at(piece)         # 市人社局负责指导, 市人社局牵头抓总: a body, then its duty
        if k:
            b = a + k
            continue
        break
    return a, b


def _duty_word_at(piece: str) -> int:
    """Where 负责/牵头 (after optional manner words) follows a body that starts `piece`, else 0."""
    for w in ("负责", "牵头"):
        k = piece.find(w)
        if k > 0:
            left = _cue_patterns().how_tail.sub("", piece[:k])
            if left and is_body(left):
                return len(left)
    return 0


def _split_connectors(f: str, a: int, b: int) -> list[tuple[int, int]]:
    """Split f[a:b] on 和/与/及/以及 where both sides are bodies (not inside 工业和信息化厅)."""
    depth = 0
    for i in range(a + 1, b):
        ch = f[i - 1]
        depth += (ch in _OPEN) - (ch in _CLOSE)
        if depth:
            continue
        for c in _CONNECT:
            if f.startswith(c, i):
                la, lb = _trim(f, a, i)
                ra, rb = _trim(f, i + len(c), b)
                left, right = f[la:lb], f[ra:rb]
                if lb > la and rb > ra and (is_body(left) or is_vague(left)) and (
                        is_body(right) or is_nonbody(right) or is_vague(right)):
                    return [(a, i)] + _split_connectors(f, i + len(c), b)
    return [(a, b)]


def _general_nonbody(name: str) -> bool:
    """Enterprises and applicants in general (企业, 用人单位) — named companies in a list stay."""
    return is_nonbody(name) and (len(name) <= 6 and name.endswith(("企业", "个人", "集体", "劳动者", "申请人"))
                                 or not name.endswith(("公司", "银行", "机构", "院校")))


def split_units(s: str) -> list[tuple[str, int]]:
    """A list of bodies split into names as written, each with its offset in `s`.

    Splits on 、，,；; and on 和/及/与/以及 where they join bodies; drops 等/等单位 endings,
    role words (…负责, …牵头) and vague words (有关部门); keeps ellipsis as written.

    >>> split_units("市人社局,各区(市)人民政府、管委会;市财政局等单位")
    [('市人社局', 0), ('各区(市)人民政府', 5), ('管委会', 15), ('市财政局', 19)]
    >>> [n for n, _ in split_units("各行业主管部门和乡镇人民政府")]
    ['各行业主管部门', '乡镇人民政府']
    """
    f = fold(s)
    out = []
    for a, b in _top_split(f, 0, len(f)):
        for a1, b1 in _split_spaces(f, *_trim(f, a, b)):
            for a2, b2 in _split_connectors(f, a1, b1):
                a3, b3 = _trim(f, a2, b2)
                if b3 <= a3 or is_vague(f[a3:b3]) or _general_nonbody(f[a3:b3]):
                    continue
                out.append((s[a3:b3], a3))
    return out


def _split_spaces(f: str, a: int, b: int) -> list[tuple[int, int]]:
    """Split f[a:b] on runs of spaces where every piece is a body ("市人社局 市财政局", a PDF's
    list); a space inside one name (国家税务总局 潍坊市税务局) is left alone."""
    pieces = [(m.start(), m.end()) for m in re.finditer(r"\S+", f[:b]) if m.start() >= a]
    if len(pieces) < 2 or not all(is_body(_bracket_role(f[x:y])[0]) or is_vague(f[x:y]) for x, y in pieces):
        return [(a, b)]
    return pieces


def _units_from(s: str, f: str, a: int, b: int, role: str, source: str, region: Any) -> list[Unit]:
    return _ranked([(name, role, a + off) for name, off in split_units(s[a:b])], source, region)


def _bracket_role(name: str) -> tuple[str, str | None]:
    """A role written in a bracket after a name: "市人社局(牵头)" → ("市人社局", "lead").

    >>> _bracket_role("市人社局（牵头）"), _bracket_role("各区(市)人民政府")
    (('市人社局', 'lead'), ('各区(市)人民政府', None))
    """
    m = _cue_patterns().bracket_role.search(fold(name))
    if not m or m.start() == 0:
        return name, None
    word = m.group(1)
    role = _verb_role(word, False) if not word.endswith(load_unit_cues().label_nouns) else \
        _verb_role("为" + word.removeprefix("为"), False)
    return name[:m.start()].rstrip(), role


def _ranked(items: list[tuple[str, str, int]], source: str, region: Any) -> list[Unit]:
    """Units of (name, role, offset) items; a role in a bracket after a name ("市人社局(牵头)") wins, and
    when one body of the list is so marked lead, the unranked ones beside it support."""
    found = [(*_bracket_role(name), role, off) for name, role, off in items]
    has_lead = any(r == "lead" for _, r, _, _ in found)
    out = []
    for name, own, role, off in found:
        if own is None and has_lead and role == "responsible":
            role = "support"
        out.append(_unit(name, own or role, (off, off + len(name)), source, region))
    return out


def _brackets(f: str) -> list[tuple[int, int]]:
    """Outermost ( … ) / [ … ] groups of f as (open, close+1)."""
    out, stack = [], []
    for i, ch in enumerate(f):
        if ch in "([":
            stack.append(i)
        elif ch in ")]" and stack:
            start = stack.pop()
            if not stack:
                out.append((start, i + 1))
    return out


def _role_clauses(s: str, f: str, a: int, b: int, first_is_lead: bool, source: str, region: Any,
                  bare_ok: bool) -> list[Unit] | None:
    """Units of f[a:b] read as clauses "LIST 牵头/会同…负责/负责/配合", or as a bare body list."""
    pos, clauses = a, []
    for m in _cue_patterns().verb.finditer(f, a, b):
        if m.start() <= pos:
            continue
        if m.group(1) == "会同":
            continue
        clauses.append((pos, m.start(), m.group(1)))
        pos = m.end()
        while pos < b and f[pos] in ",;。 ":
            pos += 1
    units: list[Unit] = []
    if clauses and pos >= b:
        leads = [_verb_role(v, False) == "lead" for _, _, v in clauses]
        has_lead = any(leads) or any("会同" in f[x:y] for x, y, _ in clauses)
        for x, y, verb in clauses:
            k = f.find("会同", x, y)
            if k >= 0:
                units += _units_from(s, f, x, k, "lead", source, region)
                units += _units_from(s, f, k + 2, y, "support", source, region)
                continue
            units += _units_from(s, f, x, y, _verb_role(verb, has_lead), source, region)
        if not has_lead and first_is_lead and units:
            units = [_relabel(u, "lead" if i == 0 else "support") for i, u in enumerate(units)]
        return units
    if not bare_ok:
        return None
    names = split_units(s[a:b])
    pieces = [f[x:y].strip() for x, y in _top_split(f, a, b)]
    pieces = [_bracket_role(p)[0] for p in pieces]
    if not names or not all(is_body(p) or is_vague(p) or is_body(_ETC.sub("", p)) for p in pieces if p):
        return None
    units = _units_from(s, f, a, b, "responsible", source, region)
    if first_is_lead:
        units = [_relabel(u, "lead" if i == 0 else "support") for i, u in enumerate(units)]
    return units


def _relabel(u: Unit, role: str) -> Unit:
    return Unit(u.name, role, u.span, u.canonical, u.function, u.level, u.source, u.inherited)


def _labelled(s: str, f: str, a: int, b: int, source: str, region: Any,
              has_lead: bool = False, first_is_lead: bool = False) -> list[Unit] | None:
    """Units of fields "牵头单位:A;配合单位:B" in f[a:b]; `has_lead` when a lead is named elsewhere
    in the same marker (label lines of one measure); `first_is_lead` under the convention
    "第一责任单位为牵头单位", which ranks an unranked field."""
    labels = list(_cue_patterns().label.finditer(f, a, b))
    if not labels or f[a:labels[0].start()].strip(" ,;("):
        return None
    has_lead = has_lead or any(_is_lead_label(m) for m in labels)
    units = []
    for k, m in enumerate(labels):
        end = labels[k + 1].start() if k + 1 < len(labels) else b
        tail = _TAIL_FIELD.search(f, m.end(), end)
        end = tail.start() if tail else end
        role = _label_role(m, has_lead)
        if role is None:
            continue
        ranked = _ranked_segment(s, f, m.end(), end, source, region) if role == "responsible" else None
        if ranked is None:
            ranked = _units_from(s, f, m.end(), end, role, source, region)
            if role == "responsible" and first_is_lead and not has_lead:
                ranked = [_relabel(u, "lead" if i == 0 else "support") for i, u in enumerate(ranked)]
                has_lead = bool(ranked)
        units += ranked
    return units


def _ranked_segment(s: str, f: str, a: int, b: int, source: str, region: Any) -> list[Unit] | None:
    """An unranked field that ranks its bodies in words ("责任单位:X牵头,Y配合", "责任单位:X会同Y"), or None."""
    units = _role_clauses(s, f, a, b, False, source, region, bare_ok=False)
    if units and any(u.role == "lead" for u in units):
        return units
    k = f.find("会同", a, b)
    if k > a:
        left = _units_from(s, f, a, k, "lead", source, region)
        right = _units_from(s, f, k + 2, b, "support", source, region)
        if left and right:
            return left + right
    return None


def _inherit_statements(f: str, a: int = 0, b: int | None = None) -> list[tuple[int, int, int, int]]:
    """Inheritance statements in f[a:b] as (start, end, list start, list end), in reading order.

    Three forms: "以下措施均需LIST作为责任单位,不再一一列出", "以下措施LIST均为责任单位,不再列出" and
    "LIST为各项任务的责任主体,以下不再列出" (its list runs back to the clause start).
    """
    b = len(f) if b is None else b
    out = [(m.start(), m.end(), *m.span("list")) for pat in (_INHERIT, _INHERIT_INSIDE) for m in pat.finditer(f, a, b)]
    for m in _INHERIT_AFTER.finditer(f, a, b):
        if any(x <= m.start() < y for x, y, _, _ in out):
            continue
        k, depth = m.start(), 0
        while k > a:                     # back to the clause start, across bracketed qualifiers 各县(市、区)
            ch = f[k - 1]
            depth += (ch in ")]") - (ch in "([")
            if depth < 0 or depth == 0 and ch in "。;:,\n":
                break
            k -= 1
        if m.start() - k >= 2:
            out.append((k, m.end(), k, m.start()))
    return sorted(out)


def _cut_tails(f: str, a: int, b: int) -> tuple[int, bool, bool]:
    """End of the marker list inside f[a:b] before an inheritance statement, convention or 下同."""
    conv = same = False
    stmts = _inherit_statements(f, a, b)
    if stmts:
        b = stmts[0][0]
    m = _cue_patterns().convention.search(f, a, b)     # also after a 。: "…负责。列第一位者为牵头单位,下同"
    if m:
        conv, b = True, m.start()
    label = _cue_patterns().label
    k = f.find("。", a, b)          # a marker's list never runs past its sentence, unless a field follows
    while k > a and label.match(f, k + 1 + len(f[k + 1:b]) - len(f[k + 1:b].lstrip())):
        k = f.find("。", k + 1, b)
    if k > a:
        b = k
    m = _SAME.search(f[a:b])
    if m:
        same, b = True, a + m.start()
    if not label.search(f, a, b):
        m = _TAIL_FIELD.search(f, a, b)
        if m:
            b = m.start()
    while b > a and f[b - 1] in ",;。 (":    # "…市财政局(第一责任单位为牵头单位,下同)": the bracket opened
        b -= 1
    return b, conv, same


def find_markers(text: str, *, first_is_lead: bool = False, region: Any = None) -> list[Marker]:
    """Every responsibility marker in a measure's text, with the units it names.

    >>> [(u.name, u.role) for m in find_markers("…培训服务。(市人力资源社会保障局会同有关部门负责)") for u in m.units]
    [('市人力资源社会保障局', 'lead')]
    >>> [(u.name, u.role) for m in find_markers("〔牵头单位:市人社局;配合单位:市财政局,各区(市)人民政府、管委会〕") for u in m.units]
    [('市人社局', 'lead'), ('市财政局', 'support'), ('各区(市)人民政府', 'support'), ('管委会', 'support')]
    """
    f = fold(text)
    markers: list[Marker] = []
    taken: list[tuple[int, int]] = []
    for o, c in _brackets(f):
        a, b = o + 1, c - 1
        b, conv, _ = _cut_tails(f, a, b)
        if b <= a:
            continue
        j, k = o - 1, c
        while j >= 0 and f[j] == " ":
            j -= 1
        while k < len(f) and f[k] == " ":
            k += 1
        after_sentence = j < 0 or f[j] in _SENT_END or f[j] in ")]"
        ends_sentence = k >= len(f) or f[k] in _SENT_END or f[k] == ","
        units = _labelled(text, f, a, b, "marker", region, first_is_lead=first_is_lead or conv)
        kind = "labelled"
        if units is None and (after_sentence or ends_sentence):
            units = _role_clauses(text, f, a, b, first_is_lead or conv, "marker", region, bare_ok=after_sentence)
            kind = "bare" if units is not None and not _cue_patterns().verb.search(f, a, b) else "clause"
        if units is None:
            continue
        markers.append(Marker(text[o:c], (o, c), kind, tuple(units)))
        taken.append((o, c))
    # marker lines without brackets: "责任单位:…" or "X牵头,Y按职责分工负责" as a whole line; the label
    # lines of one measure ("牵头单位:A" / "责任单位:B" on lines of their own) make one marker
    label = _cue_patterns().label
    label_lines, other_lines = [], []
    for lm in _LINE.finditer(f):
        la, lb = lm.start(), lm.end()
        if any(x < lb and la < y for x, y in taken):
            continue
        ls = la + (len(f[la:lb]) - len(f[la:lb].lstrip(" ")))
        m = label.search(f, ls, lb)
        if m and f[m.start() - 1:m.start()] == "(" and m.start() - 1 >= ls:
            m = label.search(f, m.start() - 1, lb) or m
        start = m.start() - (1 if m and f[m.start() - 1:m.start()] == "(" else 0) if m else 0
        if m and (start == ls or f[start - 1] in "。;"):
            end, conv, _ = _cut_tails(f, start, lb)
            label_lines.append((start, end, conv))
        else:
            other_lines.append((ls, lb))
    lead_in_lines = any(_is_lead_label(m) for a, b, _ in label_lines for m in label.finditer(f, a, b))
    for start, end, conv in label_lines:
        units = _labelled(text, f, start, end, "marker", region, has_lead=lead_in_lines,
                          first_is_lead=first_is_lead or conv)
        if units is not None:
            markers.append(Marker(text[start:end], (start, end), "line", tuple(units)))
    for ls, lb in other_lines:
        end, conv, _ = _cut_tails(f, ls, lb)
        if end - ls <= 80:
            units = _role_clauses(text, f, ls, end, first_is_lead or conv, "marker", region, bare_ok=False)
            if units and all(is_body(f[u.span[0]:u.span[1]]) for u in units):
                markers.append(Marker(text[ls:end], (ls, end), "line", tuple(units)))
    return sorted(markers, key=lambda mk: mk.span)


def _stem_at(f: str, p: int) -> int | None:
    """End of a bare function word (工信, 省级人力资源社会保障) at `p`, or None."""
    pats = _patterns()
    lv = pats.level.match(f, p)
    m = (pats.stem.match(f, lv.end()) if lv else None) or pats.stem.match(f, p)
    return m.end() if m else None


def _subject(f: str, pos: int, cont: bool = False, by: bool = False) -> tuple[list[tuple[int, int]], int]:
    """A list of body names (or function words closed by 等部门) starting at `pos`: spans and end.

    A level and a function word name a body on their own after 由 (`by`) or before a duty word:
    "由省财政在预算额度内安排" → 省财政, "市财政要加大投入" → 市财政.
    """
    items: list[tuple[int, int, bool]] = []
    p = pos
    closed = False
    while True:
        e = name_at(f, p, bare_weak=bool(items) or cont)
        stem = False
        if e is None:
            q = _stem_at(f, p)
            if q is not None and q < len(f) and (f[q] in "、和与及等" or f.startswith("部门", q)):
                e, stem = q, True
            elif q is not None and not items and _patterns().level.match(f, p) and (by or f.startswith(_STRONG, q)):
                e = q                   # 由省财政安排 / 市财政要加大投入
        if e is None:
            break
        vague = _VAGUE_TAIL.match(f, e) if f.startswith(("有关", "相关", "各", "其他"), e) else None
        if vague:                       # 市人民政府有关部门: a vague compound, no body
            p = vague.end()
        else:
            items.append((p, e, stem))
            p = e
        alias = _ALIAS.match(f, p)
        if alias and is_body(alias.group(1)):
            p = alias.end()
        etc = _ETC_CLOSE.match(f, p) if (f.startswith("等", p) or stem) else None
        if etc:
            p = etc.end()
            closed = True
        sep = _LIST_SEP.match(f, p)
        if not sep:
            break
        nxt = sep.end()
        if name_at(f, nxt, bare_weak=True) is None and _stem_at(f, nxt) is None:
            break
        p = nxt
    if any(stem for *_, stem in items) and not closed:
        items = [it for it in items if not it[2]]
        p = items[-1][1] if items else pos
    return [(x, y) for x, y, _ in items], p


def find_duties(text: str, *, region: Any = None) -> list[Unit]:
    """Bodies a duty sentence makes responsible ("人社部门要…", "由X负责…", "X牵头抓总").

    A body that only approves, receives or is reported to is left out, and so are objects of
    配合/向/报/经 and vague words. "X会同Y" makes X lead and Y support; "X牵头" makes X lead.

    >>> [(u.name, u.role) for u in find_duties("人社部门负责本规划的组织实施。各行业主管部门和乡镇人民政府要以本规划为基础。企业要加大投入。")]
    [('人社部门', 'responsible'), ('各行业主管部门', 'responsible'), ('乡镇人民政府', 'responsible')]
    """
    f = fold(text)
    found: list[Unit] = []
    starts = {0} | {i + 1 for i, ch in enumerate(f) if ch in _CLAUSE_END or ch == "由" or ch == "、"}
    starts |= {m.end() for m in _ARTICLE.finditer(f)}
    # 由查处举报案件的粮食行政管理部门负责: the body after a short 的-modifier
    starts |= {m.end() for m in _BY_MODIFIED.finditer(f)}
    for i in sorted(starts):
        if i >= len(f) or (i > 0 and f[i - 1] == "由" and f.startswith("由于", i - 1)) or _WHEN.match(f, i):
            continue
        items, end = _subject(f, i, by=i > 0 and f[i - 1] == "由")
        if not items:
            continue
        if any(f.endswith(w, 0, i) for w in _OBJECT_BEFORE) or (f[i - 1:i] == "的" and not f.startswith("负责", end)):
            continue
        if _ANNEX_HEAD.search(f, max(0, i - 6), i):     # 附件:各行业主管部门…职责 (an annex title)
            continue
        rest = f[end:end + 6]
        after_comma = f[i - 1] == "、" if i > 0 else False
        if after_comma and not rest.startswith(_STRONG):
            continue
        if not rest or not ("\u4e00" <= rest[0] <= "\u9fff") or rest.startswith(_NOT_DUTY):
            continue
        role = "responsible"
        verb = re.sub(r"^(?:要|应当|应|须|需|必须|将)", "", f[end:end + 6])
        if verb.startswith(("牵头", "召集")):
            role = "lead"
        elif verb.startswith(("为成员", "配合", "参与", "协助")):
            role = "support"
        together = _TOGETHER.match(f, end)     # X会同Y / X要会同Y / 由X牵头,会同Y
        if together:
            role = "lead"
            obj, _ = _subject(f, together.end(), cont=True)
            for x, y in obj:
                found.append(_unit(text[x:y], "support", (x, y), "duty", region))
        for x, y in items:
            found.append(_unit(text[x:y], role, (x, y), "duty", region))
    # "X牵头" / "X负责" anywhere (建立组织部门牵头抓总的工作机制, 委托省委宣传部负责…)
    for m in _LEAD_OR_DUTY.finditer(f):
        j = m.start()
        for k in range(max(0, j - 30), j):
            if k and f[k - 1] not in BOUNDARY and not f.endswith(("委托", "明确", "建立", "形成"), 0, k):
                continue
            items, end = _subject(f, k)
            if items and end == j and not any(f.endswith(w, 0, k) for w in _OBJECT_BEFORE):
                role = "lead" if m.group() == "牵头" else "responsible"
                found += [_unit(text[x:y], role, (x, y), "duty", region) for x, y in items]
                break
    # a body set up and named in one sentence: "设立…办公室(以下简称区助保贷办公室),设在…,负责…"
    for m in _DEFINED.finditer(f):
        x, y = m.span("alias")
        if is_body(f[x:y]):
            found.append(_unit(text[x:y], "responsible", (x, y), "duty", region))
    return _dedupe((u for u in found if not is_vague(u.name) and not is_nonbody(u.name)), rank=True)


_RANK = {"lead": 0, "support": 1, "responsible": 2}


def _dedupe(units, rank: bool = False) -> list[Unit]:
    """One unit per name (first kept; with `rank`, the strongest role: lead > support > responsible)."""
    out: dict[str, Unit] = {}
    for u in units:
        k = unit_key(u.name)
        if k and (k not in out or rank and _RANK[u.role] < _RANK[out[k].role]):
            out[k] = u if k not in out else _relabel(out[k], u.role)
    return list(out.values())


def extract_units(text: str, *, first_is_lead: bool = False, region: Any = None) -> list[Unit]:
    """The units of one measure: its markers' units if it has a marker, else its duty sentences'.

    >>> [(u.name, u.role) for u in extract_units("强化组织领导。财政部门要在预算中适当安排专项经费。企业要足额提取经费。")]
    [('财政部门', 'responsible')]
    """
    markers = find_markers(text, first_is_lead=first_is_lead, region=region)
    if markers:
        return _dedupe(u for m in markers for u in m.units)
    return sorted(find_duties(text, region=region), key=lambda u: u.span[0])


def find_inheritance(text: str, *, region: Any = None) -> list[Inheritance]:
    """Statements that give bodies to later measures, and the first-is-lead convention.

    >>> [[u.name for u in i.units] for i in find_inheritance("(责任单位:省人社厅等,以下措施均需各设区市人民政府、平潭综合实验区管委会作为责任单位,不再一一列出)")]
    [['各设区市人民政府', '平潭综合实验区管委会']]
    """
    f = fold(text)
    out = []
    for start, end, a, b in _inherit_statements(f):
        units = [Unit(u.name, "responsible", u.span, u.canonical, u.function, u.level, "inherited", True)
                 for u in _units_from(text, f, a, b, "responsible", "inherited", region)]
        if units or _INHERIT.match(f, start):
            out.append(Inheritance(text[start:end], (start, end), tuple(units)))
    pats = _cue_patterns()
    # the convention in a marker ("…,列第一位者为牵头单位,下同") or in a sentence of its own
    # ("各项任务排在第一位的为牵头单位。"): the first body of every later marker leads
    for m in pats.convention.finditer(f):
        out.append(Inheritance(text[m.start():m.end()], m.span(), (), True))
    for o, c in _brackets(f):
        if pats.convention.search(f, o, c):
            continue
        sm = _SAME.search(f[o + 1:c - 1])
        if sm:
            a, b = o + 1, o + 1 + sm.start()
            label = pats.label.match(f, a)
            a = label.end() if label else a
            names = split_units(text[a:b])
            if names and all(is_body(n) for n, _ in names):
                units = [Unit(u.name, "responsible", u.span, u.canonical, u.function, u.level, "inherited", True)
                         for u in _units_from(text, f, a, b, "responsible", "inherited", region)]
                out.append(Inheritance(text[o:c], (o, c), tuple(units)))
    return sorted(out, key=lambda i: i.span)


def units_from_cells(lead_cell: str | None = None, support_cell: str | None = None,
                     responsible_cell: str | None = None, *, region: Any = None) -> list[Unit]:
    """Units of a table row: 牵头单位 → lead, 配合/协办单位 → support, 责任部门/主责单位 → responsible.

    Spans are offsets into the cell each unit comes from.

    >>> [(u.name, u.role) for u in units_from_cells("省经信厅、省科技厅按职责分工负责", "省发展改革委")]
    [('省经信厅', 'lead'), ('省科技厅', 'lead'), ('省发展改革委', 'support')]
    """
    units = []
    for cell, role in ((lead_cell, "lead"), (responsible_cell, "responsible"), (support_cell, "support")):
        if cell:
            units += _ranked([(n, role, o) for n, o in split_units(cell)], "table", region)
    return _dedupe(units)


def parse_annex_duty_line(line: str, *, region: Any = None) -> tuple[list[Unit], str] | None:
    """An annex line "X负责…" / "X、Y等…要…": its units (responsible) and its title (the duty).

    >>> units, title = parse_annex_duty_line("市财政局负责确保就业补助资金等及时足额拨付到位。")
    >>> [u.name for u in units], title
    (['市财政局'], '确保就业补助资金等及时足额拨付到位')
    """
    f = fold(line)
    lead = len(f) - len(f.lstrip(" "))
    items, end = _subject(f, lead)
    m = _ANNEX_CUE.match(f, end)
    if not items or not m:
        return None
    units = [_unit(line[x:y], "responsible", (x, y), "annex_line", region) for x, y in items]
    units = [u for u in units if not is_vague(u.name)]
    t0 = m.end()
    title = line[t0:].strip().rstrip("。. ").strip()
    return (_dedupe(units), title) if units and title else None


def assign_units(measure_texts: Sequence[str], *, region: Any = None) -> list[list[Unit]]:
    """Units for each measure of one notice in reading order, inheritance applied.

    A statement's bodies go to the measure that carries it and to every later measure,
    unless the measure already names the body (各地方人民政府 covers 地方人民政府). Inherited
    units keep spans into the text of the measure that carries the statement. The
    "排首位为牵头单位，下同" convention applies to the markers of later measures.

    >>> texts = ["1.甲。(责任单位:省人社厅,以下措施均需各设区市人民政府作为责任单位,不再一一列出)", "2.乙。(责任单位:省财政厅)"]
    >>> [[u.name for u in us] for us in assign_units(texts)]
    [['省人社厅', '各设区市人民政府'], ['省财政厅', '各设区市人民政府']]
    """
    out: list[list[Unit]] = []
    carried: list[Unit] = []
    first_is_lead = False
    for text in measure_texts:
        inh = find_inheritance(text, region=region)
        own = extract_units(text, first_is_lead=first_is_lead, region=region)
        carried = carried + [u for i in inh for u in i.units]
        have = {unit_key(u.name).removeprefix("各") for u in own}
        merged = list(own)
        for u in carried:
            k = unit_key(u.name).removeprefix("各")
            if k not in have:
                have.add(k)
                merged.append(u)
        out.append(merged)
        first_is_lead = first_is_lead or any(i.first_is_lead for i in inh)
    return out


__all__ = ["Inheritance", "Marker", "assign_units", "extract_units", "find_duties", "find_inheritance",
           "find_markers", "parse_annex_duty_line", "split_units", "unit_key", "units_from_cells"]
