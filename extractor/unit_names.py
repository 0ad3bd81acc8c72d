"""Lists of body names inside a marker or a cell: splitting, trimming, ranking, deduplicating.

Covered: `split_units` (a list split on 、，,；; and on 和/及/与/以及 where they join bodies, with
等/等单位 endings, role words and vague words dropped, names kept as written — an alternative kind of
body in brackets after a name stays part of it (区人民政府(管委会), as 各区(市)人民政府), a second name of
the same body with its own level is dropped (市发展改革委(市粮食和物资储备局) → 市发展改革委));
a role in a bracket after a name (市人社局(牵头)); turning names into `Unit`s with their canonical
name, function and level (`extractor.agencies.parse_agency`); one unit per name (`unit_key`);
brackets, including one left open by the end of the text, and a last name that end cut short
("责任单位:区政" — no body, so dropped).

Deliberately not covered: deciding which text is a list of responsible bodies (markers:
`extractor.unit_markers`; duty sentences: `extractor.unit_duties`; inheritance:
`extractor.unit_inherit`), and recognising a single name (`extractor.agencies`).
"""
from __future__ import annotations

import re
from typing import Any

from .agencies import _patterns, fold, is_body, is_nonbody, is_vague, load_agencies, parse_agency
from .model import Span, Unit
from .unit_cues import _cue_patterns, _verb_role, load_unit_cues

_OPEN, _CLOSE = "([<《“", ")]>》”"
_SEP = set("、,;")
_CONNECT = ("以及", "和", "与", "及")
_SPACES = re.compile(r"\s+")
_QUOTES = re.compile(r"[\"“”‘’'《》<>]")
_ALIAS_TAIL = re.compile(r"(.+?)\(([^()、,]+)\)")
_RANK = {"lead": 0, "support": 1, "responsible": 2}


def unit_key(name: str) -> str:
    """The key the scorer compares names by (brackets unified, spaces, quotes and a final 等 dropped).

    >>> unit_key("各区（市）人民政府") == unit_key("各区(市)人民政府")
    True
    """
    s = _SPACES.sub("", fold(name))
    s = _QUOTES.sub("", s.replace("[", "(").replace("]", ")"))
    return s.rstrip("等")


def body_key(name: str) -> str:
    """The key by which a body counts as already named: `unit_key` without a leading 各.

    >>> body_key("各地方人民政府") == body_key("地方人民政府")
    True
    """
    return unit_key(name).removeprefix("各")


def _unit(name: str, role: str, span: Span, source: str, region: Any = None, inherited: bool = False) -> Unit:
    info = parse_agency(name, region)
    return Unit(name, role, span, info.canonical if info else None, info.function if info else None,
                info.level if info else None, source, inherited)


def _relabel(u: Unit, role: str) -> Unit:
    return Unit(u.name, role, u.span, u.canonical, u.function, u.level, u.source, u.inherited)


def _dedupe(units, rank: bool = False) -> list[Unit]:
    """One unit per name (first kept; with `rank`, the strongest role: lead > support > responsible)."""
    out: dict[str, Unit] = {}
    for u in units:
        k = unit_key(u.name)
        if k and (k not in out or rank and _RANK[u.role] < _RANK[out[k].role]):
            out[k] = u if k not in out else _relabel(out[k], u.role)
    return list(out.values())


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
    """Strip spaces, quotes, 等… endings, role words and a second name with its own level (市发展改革委(市粮食和物资储备局))
    from f[a:b]; an alternative kind of body in brackets stays (区人民政府(管委会))."""
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
        m = _cue_patterns().etc_tail.search(piece)
        if m and m.start() > 0:
            b = a + m.start()
            continue
        m = _ALIAS_TAIL.fullmatch(piece)  # 省市场监管局(省知识产权局): a second name with its own level is dropped
        if m and is_body(m.group(1)) and is_body(m.group(2)) and _patterns().level.match(m.group(2)) \
                and not m.group(1).endswith(load_agencies().groups):
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


def _open_bracket(f: str) -> int | None:
    """Where the outermost bracket still open at the end of f begins (a marker cut by the page end), or None.

    >>> _open_bracket("执行。(市财政局负责;各市、区人民政府(以下均需"), _open_bracket("(一)甲。")
    (3, None)
    """
    stack: list[int] = []
    for i, ch in enumerate(f):
        if ch in "([":
            stack.append(i)
        elif ch in ")]" and stack:
            stack.pop()
    return stack[0] if stack else None


def _name_begun(piece: str) -> bool:
    """A level followed by the first characters of a body form or ending, and no more ("区政", "市人社")."""
    if is_body(piece, stems=True):          # 市财政: a bare function word is a name, not a cut one
        return False
    lex = load_agencies()
    rests = [piece[len(form):] for form, _ in lex.levels if piece.startswith(form) and len(piece) > len(form)]
    return any(w.startswith(r) and w != r for r in rests for w in (*lex.forms, *lex.strong, *lex.weak))


def _cut_truncated(f: str, a: int, b: int, *, sure: bool = True) -> int:
    """End of f[a:b] without a last name cut short by the end of the text ("责任单位:区政", "…、市"):
    a last piece, after any field label, that is no body, no vague word and no role clause. When
    the cut is not `sure` (a marker line may simply end there), the piece must also read as a
    level and the beginning of a name (区 + 政…), not as a name outside the lexicon.

    >>> f = "牵头单位:区司法局;责任单位:区政"
    >>> f[:_cut_truncated(f, 0, len(f))], f[:_cut_truncated(f, 0, len(f), sure=False)]
    ('牵头单位:区司法局;责任单位:', '牵头单位:区司法局;责任单位:')
    """
    x, y = _top_split(f, a, b)[-1]
    labels = list(_cue_patterns().label.finditer(f, x, y))
    x = labels[-1].end() if labels else x
    piece = f[x:y].strip(" ")
    if not piece or is_body(piece) or is_vague(piece) or _cue_patterns().verb.search(piece + ","):
        return b
    if is_body(_cue_patterns().etc_tail.sub("", piece)) or is_body(_bracket_role(piece)[0]):
        return b
    if not sure and not _name_begun(piece):
        return b
    while x > a and f[x - 1] in "、,; ":
        x -= 1
    return x


__all__ = ["body_key", "split_units", "unit_key"]
