"""Government body names: the agency lexicon, parsing one name, finding names in running text.

Covered: the bodies named in Chinese policy notices — functional departments by their full
names and short forms (市人社局 = 市人力资源社会保障局 = 市人力资源和社会保障局), party
departments (市委组织部), people's governments and development-zone committees, mass
organisations (总工会, 团市委, 妇联, 残联, 工商联), names outside the lexicon built from a
level prefix or place name and a generic ending (市茶产业发展中心, 区助保贷办公室), and local units
written after a national body (国家统计局济宁调查队, 国家税务总局潍坊市税务局).
The lexicon is data (`data/agencies.tsv`, format documented in its header); regional
differences are overlay rows carrying a region (农粮局 in 江西).

Deliberately not covered: deciding whether a body is *responsible* for a measure (see
`extractor.units`), and resolving 本级/上级 references across notices.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping

from .lexicon import alternation as _alt

DATA = Path(__file__).with_name("data") / "agencies.tsv"
KINDS = ("body", "stem", "level", "group", "suffix", "vague", "nonbody", "notplace", "compound")
LEVELS = ("国家", "省", "市", "县", "区", "乡镇")

# width-preserving fold so that spans found on the folded copy quote the given string
_FOLD = {i: i - 0xFEE0 for i in range(0xFF01, 0xFF5F)}
_FOLD.update({0x3000: 0x20, 0x3008: ord("<"), 0x3009: ord(">"), 0x3014: ord("("), 0x3015: ord(")"),
              0x3010: ord("("), 0x3011: ord(")")})
_CJK = "\u4e00-\u9fff"
_QUAL = r"(?:\([^()\n]{1,12}\)|<[^<>\n]{1,12}>)"
# characters after which a name may start in running text
_BOUNDARY = set(",.;:!?、。;:()<>《》“”\"'|[]\n\t /-—") | set("由和与及同向报经将对在把被从为请商")
# characters a generic (non-lexicon) name never contains
_NOT_IN_NAME = "的要在对将和与及并由向为是等负责会同把被从请按经第条报"
_HOLDER = re.compile(r"\{(.+?)\}")
_PLACE_END = "省市县区州盟旗"              # the last character of a place name (贵溪市, 平潭综合实验区, 阿拉善盟)
_PLACE_HEAD = re.compile(f"[{_CJK}]{{2,7}}?[{_PLACE_END}]")
_OFFICE = re.compile("办公室|办公厅")
_QUAL_END = re.compile(_QUAL + "$")
_GROUP_END = re.compile(r"(?:各级|本级|直属|各)$")
_GROUP_HEAD = re.compile(r"^(?:各级|各|全)")
_ARTICLE_END = re.compile(r"第[一二三四五六七八九十百零〇\d]+条$")
_NOT_IN_PLACE = "全本该其各每以所第条章款节凭"
_ALIAS_END = re.compile(r"([^\s()]+?(?:\([^()]*\)[^\s()]*)?)\((?!以下|下称|简称)([^\s()]+)\)")


def fold(s: str) -> str:
    """Full-width forms and 〈〉〔〕【】 folded to ASCII, one character for one.

    >>> fold("（责任单位：市人社局）")
    '(责任单位:市人社局)'
    """
    return s.translate(_FOLD)


@dataclass(frozen=True)
class AgencyRow:
    """One line of the lexicon (see the header of data/agencies.tsv)."""

    kind: str
    key: str
    form: str
    canonical: str = ""
    region: str = ""


@dataclass(frozen=True)
class AgencyInfo:
    """What a body name stands for: `canonical` full name, `function` key (人社, 财政 …), `level`."""

    canonical: str
    function: str | None
    level: str | None


@dataclass(frozen=True)
class Lexicon:
    rows: tuple[AgencyRow, ...]
    bodies: Mapping[str, tuple[AgencyRow, ...]]
    forms: tuple[str, ...]                       # body forms, longest first
    stems: Mapping[str, AgencyRow]
    levels: tuple[tuple[str, str], ...]          # (form, level), longest form first
    groups: tuple[str, ...]                      # place words that name a group after 各 (县, 县市区, 乡镇)
    strong: tuple[str, ...]
    weak: tuple[str, ...]
    branch: tuple[str, ...]                      # local units that extend a lexicon body (…调查队)
    vague_exact: frozenset[str]
    vague_tail: tuple[str, ...]
    vague_head: tuple[str, ...]
    nonbody_exact: frozenset[str]
    nonbody_tail: tuple[str, ...]
    notplace: tuple[str, ...]
    compounds: tuple[str, ...] = ()              # words a place character begins (市场, 区域): 各市场主体 is no 各市


def read_rows(path: Path | str = DATA) -> list[AgencyRow]:
    """The rows of an agency lexicon file, comments and the header skipped."""
    rows = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("kind\t"):
            continue
        cells = (line.split("\t") + [""] * 5)[:5]
        rows.append(AgencyRow(*(c.strip() for c in cells)))
    return rows


def validate_rows(rows: Iterable[AgencyRow]) -> list[str]:
    """Problems in lexicon rows (empty list when valid)."""
    problems = []
    seen = set()
    for r in rows:
        where = f"{r.kind}\t{r.key}\t{r.form}"
        if r.kind not in KINDS:
            problems.append(f"{where}: kind must be one of {', '.join(KINDS)}")
        if not r.form or r.form != r.form.strip() or fold(r.form) != r.form:
            problems.append(f"{where}: form must be non-empty, trimmed and half-width")
        if r.kind in ("body", "stem") and not (r.key and r.canonical):
            problems.append(f"{where}: a {r.kind} row needs a function key and a canonical name")
        if r.kind in ("level", "group") and r.key not in LEVELS:
            problems.append(f"{where}: level must be one of {', '.join(LEVELS)}")
        if r.kind == "suffix" and r.key not in ("strong", "weak", "branch"):
            problems.append(f"{where}: suffix strength must be strong, weak or branch")
        if r.kind in ("vague", "nonbody", "notplace") and r.key not in ("exact", "tail", "head"):
            problems.append(f"{where}: {r.kind} match must be exact, tail or head")
        if r.kind == "compound" and (r.key != "head" or len(r.form) < 2 or r.form[0] not in _PLACE_END + "乡镇"):
            problems.append(f"{where}: a compound is key head and a word of 2+ characters that begins with a place "
                            f"character ({_PLACE_END}乡镇)")
        if (r.kind, r.key, r.form, r.region) in seen and r.kind != "body":
            problems.append(f"{where}: duplicate row")
        seen.add((r.kind, r.key, r.form, r.region))
    return problems


def _build(rows: list[AgencyRow]) -> Lexicon:
    bodies: dict[str, list[AgencyRow]] = {}
    stems: dict[str, AgencyRow] = {}
    by = lambda kind, key=None: [r.form for r in rows if r.kind == kind and (key is None or r.key == key)]
    for r in rows:
        if r.kind == "body":
            bodies.setdefault(r.form, []).append(r)
        elif r.kind == "stem":
            stems.setdefault(r.form, r)
    longest = lambda xs: tuple(sorted(set(xs), key=lambda s: (-len(s), s)))
    levels = tuple(sorted({(r.form, r.key) for r in rows if r.kind == "level"}, key=lambda x: (-len(x[0]), x[0])))
    return Lexicon(
        rows=tuple(rows), bodies={k: tuple(v) for k, v in bodies.items()}, forms=longest(bodies), stems=stems,
        levels=levels, groups=longest(by("group")),
        strong=longest(by("suffix", "strong")), weak=longest(by("suffix", "weak")),
        branch=longest(by("suffix", "branch")),
        vague_exact=frozenset(by("vague", "exact")), vague_tail=longest(by("vague", "tail")),
        vague_head=longest(by("vague", "head")), nonbody_exact=frozenset(by("nonbody", "exact")),
        nonbody_tail=longest(by("nonbody", "tail")), notplace=longest(by("notplace")),
        compounds=longest(by("compound")))


@lru_cache(maxsize=4)
def load_agencies(path: str | None = None) -> Lexicon:
    """The agency lexicon (cached; read on first use, never at import).

    >>> load_agencies().bodies["人社局"][0].canonical
    '人力资源和社会保障局'
    """
    rows = read_rows(path or DATA)
    problems = validate_rows(rows)
    if problems:
        raise ValueError(f"{path or DATA}: invalid agency lexicon: " + "; ".join(problems[:5]))
    return _build(rows)


@dataclass(frozen=True)
class _Patterns:
    forms: re.Pattern
    level: re.Pattern
    strong: re.Pattern
    weak: re.Pattern
    level_only: re.Pattern
    stem: re.Pattern
    places: tuple[re.Pattern, ...]
    branch: re.Pattern | None


@lru_cache(maxsize=4)
def _patterns(path: str | None = None) -> _Patterns:
    lex = load_agencies(path)
    lv = _alt(f for f, _ in lex.levels)
    gen = f"[{_CJK}]"
    mid = f"(?:(?![{_NOT_IN_NAME}]){gen}){{0,10}}?"
    return _Patterns(
        forms=re.compile(f"(?:{_alt(lex.bodies)})"),
        level=re.compile(f"(?:{lv}){_QUAL}?"),
        strong=re.compile(f"{mid}(?:{_alt(lex.strong)})"),
        weak=re.compile(f"{mid}(?:{_alt(lex.strong + lex.weak)})"),
        # 各县, 各县(市、区), 各县区, 各市县区, 各区县(市): 各 and place words, as many as written
        level_only=re.compile(f"各(?:(?:{_alt(lex.groups)}){_QUAL}?)+" if lex.groups else "(?!)"),
        stem=re.compile(f"(?:{_alt(lex.stems)})"),
        places=tuple(re.compile(f"(?:(?![{_NOT_IN_NAME}{_NOT_IN_PLACE}]){gen}){{{n}}}[{_PLACE_END}]{_QUAL}?")
                     for n in range(2, 5)),
        # 国家统计局|潍坊调查队, 国家税务总局|潍坊市税务局: a place and a local unit right after a lexicon name
        branch=re.compile(f"(?:(?![{_NOT_IN_NAME}{_NOT_IN_PLACE}]){gen}){{2,6}}?(?:{_alt(lex.branch)})")
        if lex.branch else None,
    )


def _core_starts(s: str, pos: int, pats: _Patterns, allow_place: bool, path: str | None) -> list[tuple[int, bool]]:
    """Positions where the body form may begin after optional 各/place/level prefixes."""
    out = [(pos, False)]
    heads = [pos]
    for lead in ("各级", "各", "全"):
        if s.startswith(lead, pos):
            heads.append(pos + len(lead))
            out.append((pos + len(lead), lead != "各"))
            break
    for h in heads:
        firsts = []
        m = pats.level.match(s, h)
        if m:
            firsts.append((m.end(), True))
        if allow_place:
            # every place-name length ending in a level character (贵溪市, 平潭综合实验区); a guessed
            # place name admits lexicon forms and strong endings only
            if not s.startswith(load_agencies(path).notplace, h):
                for place in pats.places:
                    m = place.match(s, h)
                    if m:
                        firsts.append((m.end(), False))
        for f, sure in firsts:
            out.append((f, sure))
            for again in ("各级", "本级", "各", "直属"):
                if s.startswith(again, f):
                    out.append((f + len(again), sure))
            m2 = pats.level.match(s, f)
            if m2:
                out.append((m2.end(), True))
    return out


def name_at(s: str, pos: int, *, allow_place: bool = True, allow_generic: bool = True,
            bare_weak: bool = False, path: str | None = None) -> int | None:
    """End of the body name that starts at `pos` of the folded string `s`, or None.

    `bare_weak` accepts weak endings without a prefix (行业协会 after 市总工会、… in a list).
    A generic match that merely runs into a lexicon name (建立组织部门) is refused so that
    the caller finds the lexicon name where it begins.

    >>> s = "市人社局要将规划任务分解"
    >>> s[:name_at(s, 0)]
    '市人社局'
    """
    pats = _patterns(path)
    best_lex, best_gen = None, None
    for c, has_prefix in _core_starts(s, pos, pats, allow_place, path):
        m = pats.forms.match(s, c)
        if m and (best_lex is None or m.end() > best_lex):
            best_lex = m.end()
        if allow_generic and best_lex is None:
            g = (pats.weak if has_prefix or bare_weak else pats.strong).match(s, c)
            if g and g.end() > c and (best_gen is None or g.end() > best_gen):
                best_gen = g.end()
    lex = load_agencies(path)
    if best_lex is None and best_gen is not None and (
            s.startswith(lex.notplace, pos) or any(t in s[pos:best_gen - 1] for t in lex.nonbody_tail)):
        best_gen = None        # 纳入本地本部门, 合作银行凭区助保贷办公室: no generic name
    if best_lex is None and best_gen is not None:
        inner = [m for k in range(pos + 1, best_gen) if (m := pats.forms.match(s, k)) and m.end() == best_gen]
        if inner and not any(c == inner[0].start() for c, _ in _core_starts(s, pos, pats, allow_place, path)):
            best_gen = None
    while best_lex is not None:   # 人力资源和社会保障局办公室, 国务院办公厅, 区市党委组织部
        ext = pats.forms.match(s, best_lex) or _OFFICE.match(s, best_lex)
        if not ext:
            break
        best_lex = ext.end()
    if best_lex is not None and pats.branch is not None:
        ext = pats.branch.match(s, best_lex)
        if ext:
            best_lex = ext.end()
    if best_lex is None and best_gen is not None:
        ext = pats.forms.match(s, best_gen)
        if ext:
            best_gen = ext.end()
    end = best_lex if best_lex is not None else best_gen
    if end is None:
        m = pats.level_only.match(s, pos)
        end = m.end() if m else None
    if end is None or is_vague(s[pos:end], path) or is_nonbody(s[pos:end], path):
        return None
    if s.startswith(lex.compounds, end - 1):      # 各市场主体, 各县域: the place character begins another word
        return None
    return end


def is_vague(name: str, path: str | None = None) -> bool:
    """Vague words that are not bodies (有关部门, 各有关单位, 相关部门 …).

    >>> is_vague("各有关单位"), is_vague("市人社局")
    (True, False)
    """
    lex = load_agencies(path)
    n = fold(name).strip()
    return (n in lex.vague_exact or n.endswith(lex.vague_tail) or n.startswith(lex.vague_head))


def is_nonbody(name: str, path: str | None = None) -> bool:
    """Words that end like a body but name none (用人单位, 干部, …企业)."""
    lex = load_agencies(path)
    n = fold(name).strip()
    return n in lex.nonbody_exact or n.endswith(lex.nonbody_tail)


def is_body(name: str, *, stems: bool = False, path: str | None = None) -> bool:
    """Does `name`, taken whole, look like a government body (or, with `stems`, a bare
    function word as used in "工信、住建等部门")?

    >>> is_body("市茶产业发展中心"), is_body("各区(市)"), is_body("企业"), is_body("工信", stems=True)
    (True, True, False, True)
    >>> is_body("区人民政府(管委会)"), is_body("区人民政府(试行)")
    (True, False)
    """
    n = fold(name).strip()
    if not n or is_vague(n, path) or is_nonbody(n, path):
        return False
    lex = load_agencies(path)
    pats = _patterns(path)
    if pats.level_only.fullmatch(n):
        return True
    if n.endswith(lex.forms) or n.endswith(lex.strong) or n.endswith(lex.weak):
        return True
    alias = _ALIAS_END.fullmatch(n)         # 区人民政府(管委会): a body and its alternative name
    if alias and is_body(alias.group(1), path=path) and is_body(alias.group(2), path=path):
        return True
    if stems:
        m = pats.level.match(n)
        rest = n[m.end():] if m and m.end() < len(n) else n
        return rest in lex.stems or pats.stem.fullmatch(rest) is not None
    return False


def find_agencies(text: str, *, path: str | None = None) -> list[tuple[str, tuple[int, int]]]:
    """Government body names in running text, with their spans, left to right.

    >>> find_agencies("市人社局要将规划中的重要目标任务分解落实到各行业主管部门和乡镇人民政府。")
    [('市人社局', (0, 4)), ('各行业主管部门', (21, 28)), ('乡镇人民政府', (29, 35))]
    """
    s = fold(text)
    lex = load_agencies(path)
    pats = _patterns(path)
    starters = tuple({f[0] for f in lex.bodies} | {f[0] for f, _ in lex.levels} | {"各"})
    out = []
    i, n = 0, len(s)
    verbs = tuple(v for v in lex.notplace)
    while i < n:
        at_boundary = i == 0 or s[i - 1] in _BOUNDARY or bool(_ARTICLE_END.search(s, max(0, i - 8), i)) or any(
            s.endswith(v, 0, i) and (i - len(v) == 0 or s[i - len(v) - 1] in _BOUNDARY) for v in verbs)
        end = None
        if at_boundary or s[i] in starters:
            end = name_at(s, i, allow_place=at_boundary, allow_generic=at_boundary or bool(pats.level.match(s, i)),
                          path=path)
        if end and not at_boundary and end - i <= 2 and pats.forms.fullmatch(s, i, end):
            end = None          # 企联 inside 校企联合, 团委 inside 集团委托: a short form mid-word
        if end:
            out.append((text[i:end], (i, end)))
            i = end
        else:
            i += 1
    return out


def _region_places(region: Any) -> dict[str, str]:
    """Level → place name from a Region-like object or a place string (鹰潭市, 福建省)."""
    if region is None:
        return {}
    if isinstance(region, str):
        r = fold(region).strip()
        for lv, ends in (("省", ("省", "自治区")), ("市", ("市", "州", "盟")), ("县", ("县", "旗")), ("区", ("区",))):
            if r.endswith(ends):
                return {lv: r}
        return {}
    places = {}
    for lv, attr in (("省", "province"), ("市", "city"), ("县", "county"), ("区", "county")):
        v = getattr(region, attr, None)
        if v:
            places[lv] = fold(v)
    return places


def level_of(prefix: str, path: str | None = None) -> str | None:
    """The level a name prefix sets (省, 市委 → 市, 各区(市) → 区, 贵溪市 → 市), or None.

    >>> level_of("各设区市"), level_of("市委"), level_of("各县<市、区>")
    ('市', '市', '县')
    """
    p = _QUAL_END.sub("", fold(prefix))
    p = _GROUP_END.sub("", p)
    p = _QUAL_END.sub("", p)
    p = _GROUP_HEAD.sub("", p)
    if not p:
        return None
    lex = load_agencies(path)
    for form, lv in lex.levels:
        if p.endswith(form):
            return lv
    if p.endswith("自治区"):
        return "省"
    return None


def _choose(rows: tuple[AgencyRow, ...], places: dict[str, str], region: Any) -> AgencyRow:
    text = " ".join(places.values()) + (" " + region if isinstance(region, str) else "")
    if region is not None:
        for r in rows:
            if r.region and r.region in text:
                return r
    plain = [r for r in rows if not r.region]
    return plain[0] if plain else rows[0]


def parse_agency(name: str, region: Any = None, *, path: str | None = None) -> AgencyInfo | None:
    """Canonical name, function and level of one body name; None for vague words.

    `region` is a place name (鹰潭市) or a `Region`; a bare level prefix (市, 省, 市委) is
    then replaced by the place it stands for.

    >>> parse_agency("市人社局")
    AgencyInfo(canonical='市人力资源和社会保障局', function='人社', level='市')
    >>> parse_agency("市人力资源社会保障局", "鹰潭市").canonical
    '鹰潭市人力资源和社会保障局'
    >>> parse_agency("团市委", "鹰潭市")
    AgencyInfo(canonical='共青团鹰潭市委', function='团委', level='市')
    """
    n = re.sub(r"\s+", "", fold(name or ""))
    if not n or is_vague(n, path):
        return None
    lex = load_agencies(path)
    places = _region_places(region)
    form = next((f for f in lex.forms if n.endswith(f)), None)
    if form is not None:
        row = _choose(lex.bodies[form], places, region)
        prefix = n[: len(n) - len(form)]
        canonical = row.canonical
        holder = _HOLDER.search(canonical)
        level = level_of(prefix, path)
        if holder:
            level = level or holder.group(1)
            canonical = canonical.replace(holder.group(0), places.get(holder.group(1), holder.group(1)))
        return AgencyInfo(_qualify(prefix, places) + canonical, row.key, level)
    m = _patterns(path).level.match(n)
    rest = n[m.end():] if m else n
    if rest in lex.stems:
        prefix = n[: len(n) - len(rest)]
        row = lex.stems[rest]
        return AgencyInfo(_qualify(prefix, places) + row.canonical, row.key, level_of(prefix, path))
    # outside the lexicon: keep the name, read the level from its prefix
    lv = None
    if m:
        lv = level_of(m.group(), path)
    else:
        pm = _PLACE_HEAD.match(n)
        lv = level_of(pm.group(), path) if pm else None
    return AgencyInfo(_qualify(m.group(), places) + rest if m else n, None, lv)


def _qualify(prefix: str, places: dict[str, str]) -> str:
    """Replace a bare level prefix (市, 省委 …) by the region's place name for that level."""
    lead = "各" if prefix.startswith("各") else ""
    bare = prefix[len(lead):]
    for lv_char in ("省", "市", "县", "区"):
        if bare in (lv_char, lv_char + "委", lv_char + "级") and lv_char in places:
            place = places[lv_char]
            return lead + place + bare[1:].replace("级", "")
    return prefix


BOUNDARY = frozenset(_BOUNDARY)

__all__ = ["AgencyInfo", "BOUNDARY", "AgencyRow", "Lexicon", "find_agencies", "fold", "is_body", "is_nonbody",
           "is_vague", "level_of", "load_agencies", "name_at", "parse_agency", "read_rows", "validate_rows"]
