"""Duty sentences: bodies that running text makes responsible, for measures without a marker.

Covered: "人社部门要…", "由X负责…", "由省财政安排", "X牵头抓总", "X要会同Y…" (X lead, Y support),
"X、Y等部门…", bare function words closed by 等部门 (工信、住建等部门), a body set up and named in
one sentence ("设立…办公室(以下简称区助保贷办公室)，…负责…"), and annex lines "X负责…".

Deliberately not covered: bodies that only approve, receive, are reported to or are asked
(objects of 配合/向/报/经/请), conditions (当…时), vague words (有关部门) and enterprises or
applicants in general, a name that runs on into a word cut by the end of the text ("…委员会成员单");
deciding whether a measure has a marker (`extractor.units.extract_units`).
The duty words (modals, ranking verbs, what shows a body is no subject, what makes the body after it
an object) are data: the `duty_*`, `not_duty` and `object_before` keys of `data/unit_cues.json`.
"""
from __future__ import annotations

import re
from typing import Any

from .agencies import BOUNDARY, _patterns, fold, is_body, is_nonbody, is_vague, load_agencies, name_at
from .model import Unit
from .unit_cues import _cue_patterns, load_unit_cues
from .unit_names import _CONNECT, _dedupe, _unit

_ARTICLE = re.compile(r"第[一二三四五六七八九十百零〇\d]+条\s*")
_CLAUSE_END = set("。;!?\n,:")
_ALIAS = re.compile(r"\(([^()、,]{2,20})\)")
_LIST_SEP = re.compile("|".join(("、", *_CONNECT)))        # 、 and 以及/和/与/及 between the names of a list
_VAGUE_TAIL = re.compile(r"各?(?:有关|相关|其他)?(?:部门|单位)")
_BY_MODIFIED = re.compile(r"由[^,;。由]{1,15}?的")
_ANNEX_HEAD = re.compile(r"附件\s*\d*\s*:?\s*$")
_LEAD_OR_DUTY = re.compile("牵头|负责(?!人|同志)")
# a body set up and named in one sentence: "设立…办公室(以下简称区助保贷办公室),设在…,负责…"
_DEFINED = re.compile(r"(?:设立|成立|组建|设置)[^,;。()]{2,40}?\(以下简称[\"“]?(?P<alias>[^()\"“”,;。]{2,15}?)[\"”]?\)"
                      r",?(?:设在[^,;。]{2,20}?,?)?(?:主要|具体)?(?:负责|承担)")
_WHEN = re.compile(r"当[^,;。]{1,30}?时")      # 当合作银行进行贷款追偿时…: a condition, no subject


def find_duties(text: str, *, region: Any = None) -> list[Unit]:
    """Bodies a duty sentence makes responsible ("人社部门要…", "由X负责…", "X牵头抓总").

    A body that only approves, receives or is reported to is left out, and so are objects of
    配合/向/报/经 and vague words. "X会同Y" makes X lead and Y support; "X牵头" makes X lead.

    >>> [(u.name, u.role) for u in find_duties("人社部门负责本规划的组织实施。各行业主管部门和乡镇人民政府要以本规划为基础。企业要加大投入。")]
    [('人社部门', 'responsible'), ('各行业主管部门', 'responsible'), ('乡镇人民政府', 'responsible')]
    """
    f = fold(text)
    cues, pats = load_unit_cues(), _cue_patterns()
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
        if f.endswith(cues.object_before, 0, i) or (f[i - 1:i] == "的" and not f.startswith("负责", end)):
            continue
        if _ANNEX_HEAD.search(f, max(0, i - 6), i):     # 附件:各行业主管部门…职责 (an annex title)
            continue
        rest = f[end:end + 6]
        if _cut_word(f, end):          # "残疾人工作委员会成员单" at the page end: a longer word, no body
            continue
        after_comma = f[i - 1] == "、" if i > 0 else False
        if after_comma and not rest.startswith(cues.duty_words):
            continue
        if not rest or not ("\u4e00" <= rest[0] <= "\u9fff") or rest.startswith(cues.not_duty):
            continue
        ranked = pats.duty_role.match(pats.modal_head.sub("", f[end:end + 6]))    # X要牵头 / X配合
        role = cues.duty_roles[ranked.group()] if ranked else "responsible"
        together = pats.together.match(f, end)     # X会同Y / X要会同Y / 由X牵头,会同Y
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
            if k and f[k - 1] not in BOUNDARY and not f.endswith(cues.duty_openers, 0, k):
                continue
            items, end = _subject(f, k)
            if items and end == j and not f.endswith(cues.object_before, 0, k):
                role = "lead" if m.group() == "牵头" else "responsible"
                found += [_unit(text[x:y], role, (x, y), "duty", region) for x, y in items]
                break
    # a body set up and named in one sentence: "设立…办公室(以下简称区助保贷办公室),设在…,负责…"
    for m in _DEFINED.finditer(f):
        x, y = m.span("alias")
        if is_body(f[x:y]):
            found.append(_unit(text[x:y], "responsible", (x, y), "duty", region))
    return _dedupe((u for u in found if not is_vague(u.name) and not is_nonbody(u.name)), rank=True)


def _cut_word(f: str, end: int) -> bool:
    """Does the name ending at `end` run on into a word that the end of the text cut short
    ("…委员会成员单" of 成员单位, "…中心工作人" of 工作人员)? Then the name is part of a longer word,
    not the body: the rest of the text is the beginning of a body ending or of a word that shows
    no subject (`not_duty`), and no more."""
    tail = f[end:].rstrip()
    if not tail or not all("\u4e00" <= ch <= "\u9fff" for ch in tail):
        return False
    lex = load_agencies()
    return any(w.startswith(tail) and w != tail for w in (*lex.forms, *lex.strong, *lex.weak,
                                                         *load_unit_cues().not_duty))


def _subject(f: str, pos: int, cont: bool = False, by: bool = False) -> tuple[list[tuple[int, int]], int]:
    """A list of body names (or function words closed by 等部门) starting at `pos`: spans and end.

    A level and a function word name a body on their own after 由 (`by`) or before a duty word:
    "由省财政在预算额度内安排" → 省财政, "市财政要加大投入" → 市财政.
    """
    items: list[tuple[int, int, bool]] = []
    duty_words, etc_close = load_unit_cues().duty_words, _cue_patterns().etc_close
    p = pos
    closed = False
    while True:
        e = name_at(f, p, bare_weak=bool(items) or cont)
        stem = False
        if e is None:
            q = _stem_at(f, p)
            if q is not None and q < len(f) and (f[q] in "、和与及等" or f.startswith("部门", q)):
                e, stem = q, True
            elif q is not None and not items and _patterns().level.match(f, p) and (
                    by or f.startswith(duty_words, q)):
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
        etc = etc_close.match(f, p) if (f.startswith("等", p) or stem) else None
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


def _stem_at(f: str, p: int) -> int | None:
    """End of a bare function word (工信, 省级人力资源社会保障) at `p`, or None."""
    pats = _patterns()
    lv = pats.level.match(f, p)
    m = (pats.stem.match(f, lv.end()) if lv else None) or pats.stem.match(f, p)
    return m.end() if m else None


def parse_annex_duty_line(line: str, *, region: Any = None) -> tuple[list[Unit], str] | None:
    """An annex line "X负责…" / "X、Y等…要…": its units (responsible) and its title (the duty).

    >>> units, title = parse_annex_duty_line("市财政局负责确保就业补助资金等及时足额拨付到位。")
    >>> [u.name for u in units], title
    (['市财政局'], '确保就业补助资金等及时足额拨付到位')
    """
    f = fold(line)
    lead = len(f) - len(f.lstrip(" "))
    items, end = _subject(f, lead)
    m = _cue_patterns().annex_cue.match(f, end)
    if not items or not m:
        return None
    units = [_unit(line[x:y], "responsible", (x, y), "annex_line", region) for x, y in items]
    units = [u for u in units if not is_vague(u.name)]
    t0 = m.end()
    title = line[t0:].strip().rstrip("。. ").strip()
    return (_dedupe(units), title) if units and title else None


__all__ = ["find_duties", "parse_annex_duty_line"]
