"""The responsibility cue words (`data/unit_cues.json`) and the regexes built from them.

Covered: loading and validating the cue file once (`load_unit_cues`); the patterns built from it,
compiled once (`_cue_patterns`) — field labels (牵头单位: / 【责任单位】), closing role verbs (X牵头 /
Y按职责分工负责 / 为配合单位), manner words (按职责分工), roles in a bracket after a name
(市人社局(牵头)), the first-is-lead convention (列第一位者为牵头单位), 等… list endings (等部门),
inheritance statements (以下措施均需…作为责任单位,不再一一列出), duty-sentence verbs (X要牵头,
X会同Y) and annex-line cues; and the role a label or a verb gives.

Deliberately not covered: finding markers, duties or statements in a measure (`extractor.unit_markers`,
`extractor.unit_duties`, `extractor.unit_inherit`) and splitting the lists they name
(`extractor.unit_names`). Word lists live in the data file, never here: patterns splice them only
through `_alt` (escaped, longest first); what stays in the patterns is grammar (为/是, 以下, 会同).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from .agencies import fold
from .lexicon import alternation as _alt

CUES = Path(__file__).with_name("data") / "unit_cues.json"
ROLES = ("lead", "support", "responsible")


@dataclass(frozen=True)
class UnitCues:
    """The marker words of `data/unit_cues.json` (its `_doc` key describes every field)."""

    label_roles: Mapping[str, str]
    label_whole: Mapping[str, str]
    verb_roles: Mapping[str, str]
    duty_roles: Mapping[str, str]
    label_nouns: tuple[str, ...]
    label_prefixes: tuple[str, ...]
    ignored_labels: tuple[str, ...]
    independent_labels: tuple[str, ...]
    how: tuple[str, ...]
    first_words: tuple[str, ...]
    rank_verbs: tuple[str, ...]
    inherit_scopes: tuple[str, ...]
    inherit_roles: tuple[str, ...]
    inherit_needs: tuple[str, ...]
    inherit_closers: tuple[str, ...]
    not_again: tuple[str, ...]
    not_listed: tuple[str, ...]
    duty_modals: tuple[str, ...]
    duty_words: tuple[str, ...]
    duty_openers: tuple[str, ...]
    not_duty: tuple[str, ...]
    object_before: tuple[str, ...]
    etc_nouns: tuple[str, ...]
    tail_words: tuple[str, ...]


@lru_cache(maxsize=4)
def load_unit_cues(path: str | None = None) -> UnitCues:
    """Read and check ``data/unit_cues.json``; raises ValueError naming a bad entry.

    >>> load_unit_cues().verb_roles["参加"], load_unit_cues().label_roles["主办"]
    ('support', 'lead')
    """
    raw = json.loads(Path(path or CUES).read_text(encoding="utf-8"))
    maps = ("label_roles", "label_whole", "verb_roles", "duty_roles")
    lists = ("label_nouns", "label_prefixes", "ignored_labels", "independent_labels", "how", "first_words",
             "rank_verbs", "inherit_scopes", "inherit_roles", "inherit_needs", "inherit_closers", "not_again",
             "not_listed", "duty_modals", "duty_words", "duty_openers", "not_duty", "object_before", "etc_nouns",
             "tail_words")
    for key in maps:
        for cue, role in raw.get(key, {}).items():
            if role not in ROLES or not cue or fold(cue) != cue:
                raise ValueError(f"unit_cues.json: {key}[{cue!r}] = {role!r}; a half-width cue and a role of "
                                 f"{', '.join(ROLES)}")
    for key in lists:
        if not all(isinstance(x, str) and x and fold(x) == x for x in raw.get(key, [])):
            raise ValueError(f"unit_cues.json: {key} must be a list of non-empty half-width strings")
    for key in ("label_roles", "verb_roles", "label_nouns", "first_words", "inherit_scopes", "inherit_roles",
                "inherit_needs", "not_listed", "duty_modals", "duty_words", "duty_roles", "object_before",
                "etc_nouns"):
        if not raw.get(key):
            raise ValueError(f"unit_cues.json: {key} must not be empty")
    return UnitCues(**{k: MappingProxyType(dict(raw.get(k, {}))) for k in maps},
                    **{k: tuple(raw.get(k, [])) for k in lists})


@dataclass(frozen=True)
class _CuePatterns:
    label: re.Pattern        # a field label and its colon: 牵头单位: / 【责任单位】 / 责任领导:
    verb: re.Pattern         # the role word closing a list: 牵头 / 按照职责分工负责 / 为配合单位 / 会同
    lead_more: re.Pattern    # a lead verb and the words of its duty closing a clause: 牵头督导, 牵头抓总 (group 1 the verb)
    role_tail: re.Pattern    # the same at the end of one list piece (市教育局按职责分工负责)
    convention: re.Pattern   # 列第一位者为牵头单位 / 排首位为牵头单位
    how_tail: re.Pattern     # manner words at the end of a piece (市人社局按职责分工)
    how_head: re.Pattern     # manner words at the start of a verb (按职责分工|负责)
    label_head: re.Pattern   # the role word of a label (配合 in 为配合单位)
    bracket_role: re.Pattern  # a role in a bracket after a name: 市人社局(牵头), 市财政局(配合单位)
    inherit: re.Pattern       # 以下措施均需LIST作为责任单位,不再一一列出 (group `list`)
    inherit_inside: re.Pattern  # 以下措施LIST均为责任单位,不再列出 (group `list`)
    inherit_after: re.Pattern  # …为各项任务的责任主体,以下不再列出 / …是本措施落实的责任主体,下同 (list before it)
    inherit_open: re.Pattern   # the opening of a statement, closed or not: (以下均需… / ,以下措施需…
    modal_head: re.Pattern    # a modal before a duty verb: 要牵头, 应当配合
    duty_role: re.Pattern     # a verb that ranks a duty's subject: 牵头, 配合
    together: re.Pattern      # X会同Y / X要会同Y / 由X牵头,会同Y
    etc_tail: re.Pattern      # 等 / 等单位 / 等有关方面 ending a list piece
    etc_close: re.Pattern     # 等部门 / 部门 closing a list of function words (工信、住建等部门)
    annex_cue: re.Pattern     # what follows the bodies of an annex line: 按职责分工负责 / 要 / 应当
    tail_field: re.Pattern    # what may follow the bodies inside a marker: a time limit or another field


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
    lead_verbs = [w for w, r in c.verb_roles.items() if r == "lead"]
    rank = f"(?:{_alt(c.rank_verbs)})?" if c.rank_verbs else ""
    convention = (f"[,;]?\\s*{rank}(?:在)?(?:{_alt(c.first_words)})(?:的|者)?(?:(?:责任)?(?:{nouns}))?(?:的|者)?"
                  f"(?:为|是|系)(?:{_alt(lead_labels)})(?:{nouns})?")
    not_listed = f"不再(?:{_alt(c.not_again)})?(?:{_alt(c.not_listed)})"       # 不再一一列出
    roles, closers = _alt(c.inherit_roles), f"(?:{_alt(c.inherit_closers)})?"
    modals, etc = _alt(c.duty_modals), _alt(c.etc_nouns)
    tails = f"|{_alt(c.tail_words)}" if c.tail_words else ""
    return _CuePatterns(
        label=re.compile(label),
        verb=re.compile(f"(会同|{verbs})(?=[,;。]|$)"),
        lead_more=re.compile(f"((?:{how})?(?:{_alt(lead_verbs)}))[\u4e00-\u9fff]{{1,4}}?(?=[,;。]|$)"),
        role_tail=re.compile(f"(?:{verbs})$"),
        convention=re.compile(convention),
        how_tail=re.compile(f"(?:{how})$"),
        how_head=re.compile(f"^(?:{how})"),
        label_head=re.compile(f"(?:{_alt(c.label_roles)})"),
        bracket_role=re.compile(f"\\((为?(?:{_alt(c.label_roles)})(?:{nouns})|(?:{how})?(?:{_alt(c.verb_roles)}))\\)$"),
        inherit=re.compile(f"以下[\u4e00-\u9fff]{{0,8}}?(?:{_alt(c.inherit_needs)})(?P<list>[^。\n]{{1,160}}?)"
                           f"{closers}[,;]?\\s*{not_listed}"),
        inherit_inside=re.compile(f"以下(?:各项|所有)?(?:{_alt(c.inherit_scopes)})(?P<list>[^。\n,;]{{2,80}}?)"
                                  f"(?:均|都)(?:为|是|作为)(?:{roles})[,;]?\\s*{not_listed}"),
        inherit_after=re.compile(f"(?:均|都)?(?:为|是|作为)[\u4e00-\u9fff]{{0,10}}?的?(?:{roles})[,;]?\\s*"
                                 f"(?:以下(?:均|都)?{not_listed}|下同)"),
        inherit_open=re.compile(f"[,;(]?\\s*以下(?!简称)[\u4e00-\u9fff]{{0,8}}?(?:{_alt(c.inherit_needs)})"),
        modal_head=re.compile(f"^(?:{modals})"),
        duty_role=re.compile(f"(?:{_alt(c.duty_roles)})"),
        together=re.compile(f"(?:{modals}|牵头,?|负责,?)?会同"),
        etc_tail=re.compile(f"等(?:[\u4e00-\u9fff]{{0,6}}?(?:{etc}))?$"),
        etc_close=re.compile(f"等?(?:[\u4e00-\u9fff]{{0,5}}?(?:{etc}))"),
        annex_cue=re.compile(f"(?:{how})?负责|要|应当|须"),
        # (责任单位:市人社局;完成时限:2024年底) / …,2024年底前完成 / …;持续推进
        tail_field=re.compile(f"(?:[,;。]|\\s)\\s*(?:[\u4e00-\u9fff]{{2,6}}\\s*:|(?:\\d{{4}}|20\\d\\d)年{tails}"
                              f"|[^,;]{{0,12}}?(?:前|底|内)完成)"),
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
    c, pats = load_unit_cues(), _cue_patterns()
    if verb.startswith("为"):
        head = pats.label_head.match(verb, 1)
        role = c.label_roles[head.group()] if head else "responsible"
    else:
        core = pats.how_head.sub("", verb)
        role = c.verb_roles.get(core) or c.verb_roles.get(verb, "responsible")
    return "support" if role == "responsible" and has_lead else role


def _is_lead_label(m: re.Match) -> bool:
    head = m.group("head")
    return bool(head) and load_unit_cues().label_roles[head] == "lead"


__all__ = ["CUES", "ROLES", "UnitCues", "load_unit_cues"]
