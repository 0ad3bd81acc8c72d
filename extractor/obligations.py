"""Obligations: sentences that oblige, encourage or permit, with the cue word and the actor.

Covered: one Obligation per sentence (split on 。；; ! ? and line breaks) that holds a cue from
`data/obligation_cues.tsv` — mandatory (必须, 应当, 要, 负责, 不得 …), encouraged (鼓励, 支持,
引导 …) or permitted (可, 可以). The first cue in the sentence sets the strength; the actor
is the body named nearest before the cue (`extractor.agencies.find_agencies`), if any, unless it
is the object of another's act (配合X, 向X, 经X批准: the `object_before` words of `data/unit_cues.json`,
read through the cached `extractor.unit_cues.load_unit_cues` at first use).

Not covered: clause-level scope (a sentence with 要 and 可 gives one obligation, by its first
cue), negated permissions beyond the listed words (不可 is no permission), and who the
obligation binds when no body is named (企业要… has no actor).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .agencies import find_agencies, fold
from .model import STRENGTHS, Obligation
from .unit_cues import load_unit_cues

DATA = Path(__file__).with_name("data") / "obligation_cues.tsv"
_SENTENCE = re.compile(r"[^。;!?\n]+[。;!?]?")


@dataclass(frozen=True)
class Cue:
    strength: str
    cue: str
    not_words: tuple[str, ...] = ()


def validate_cues(cues: list[Cue]) -> list[str]:
    """Problems in cue rows (empty list when valid)."""
    problems = []
    seen = set()
    for c in cues:
        if c.strength not in STRENGTHS:
            problems.append(f"{c.cue}: strength must be one of {', '.join(STRENGTHS)}")
        if not c.cue or fold(c.cue) != c.cue:
            problems.append(f"{c.cue!r}: a cue must be non-empty and half-width")
        if c.cue in seen:
            problems.append(f"{c.cue}: duplicate cue")
        if any(c.cue not in w for w in c.not_words):
            problems.append(f"{c.cue}: every 'not' word must contain the cue")
        seen.add(c.cue)
    return problems


@lru_cache(maxsize=4)
def load_cues(path: str | None = None) -> tuple[Cue, ...]:
    """The obligation cues, longest first (cached; read on first use).

    >>> [c.cue for c in load_cues() if c.strength == "permitted"]
    ['可以', '可']
    """
    cues = []
    for line in Path(path or DATA).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("strength\t"):
            continue
        cells = (line.split("\t") + ["", ""])[:3]
        cues.append(Cue(cells[0].strip(), cells[1].strip(), tuple(w for w in cells[2].strip().split(",") if w)))
    problems = validate_cues(cues)
    if problems:
        raise ValueError(f"{path or DATA}: invalid obligation cues: " + "; ".join(problems[:5]))
    return tuple(sorted(cues, key=lambda c: (-len(c.cue), c.cue)))


@lru_cache(maxsize=4)
def _cue_re(path: str | None = None) -> re.Pattern:
    return re.compile("|".join(re.escape(c.cue) for c in load_cues(path)))


def _inside(s: str, pos: int, word: str, cue: str) -> bool:
    """Is the cue at `pos` part of an occurrence of `word` (应 in 应用)?"""
    k = word.find(cue)
    while k != -1:
        if s.startswith(word, pos - k):
            return True
        k = word.find(cue, k + 1)
    return False


def _find_cue(s: str, path: str | None = None) -> tuple[Cue, int] | None:
    """The first cue in `s` that is not part of an excluded word."""
    by_word = {c.cue: c for c in load_cues(path)}
    for m in _cue_re(path).finditer(s):
        c = by_word[m.group()]
        if not any(_inside(s, m.start(), w, c.cue) for w in c.not_words):
            return c, m.start()
    return None


def extract_obligations(text: str, *, path: str | None = None) -> list[Obligation]:
    """Sentences with an obligation cue, their strength, cue and actor.

    >>> [(o.strength, o.cue, o.actor) for o in extract_obligations("财政部门要在预算中安排专项经费。鼓励企业建立培训中心。")]
    [('mandatory', '要', '财政部门'), ('encouraged', '鼓励', None)]
    """
    s = fold(text)
    objects = load_unit_cues().object_before       # 配合X, 向X申请, (未)经X批准: X is no actor
    out = []
    for m in _SENTENCE.finditer(s):
        a, b = m.span()
        while a < b and s[a] in " \t":
            a += 1
        while b > a and s[b - 1] in " \t":
            b -= 1
        if b <= a:
            continue
        found = _find_cue(s[a:b], path)
        if not found:
            continue
        cue, at = found
        head = s[a:a + at]
        mentions = [(n, x) for n, (x, y) in find_agencies(text[a:a + at])
                    if y <= at and not head.endswith(objects, 0, x)]
        clause = max(s.rfind(",", a, a + at), s.rfind(":", a, a + at)) - a
        in_clause = [n for n, x in mentions if x > clause]
        actor = in_clause[0] if in_clause else (mentions[-1][0] if mentions else None)
        out.append(Obligation(text[a:b], (a, b), cue.strength, cue.cue, actor))
    return out


__all__ = ["Cue", "extract_obligations", "load_cues", "validate_cues"]
