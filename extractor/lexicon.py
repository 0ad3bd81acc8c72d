"""Building blocks shared by the lexicon-driven extractors: checked word lists and regexes.

Every pattern built from a data file's words goes through `alternation`, so that words are
escaped, longer words win over their prefixes, and the pattern is the same from run to run.
"""
from __future__ import annotations

import re
from typing import Iterable


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of `words`: escaped, longest first, ties in code-point order.

    >>> alternation(["市人社局", "市人社", "最高"])
    '市人社局|市人社|最高'
    >>> bool(re.fullmatch(alternation(["1.5倍", "倍"]), "1.5倍"))
    True
    """
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda s: (-len(s), s)))


def word_list(raw: dict, key: str, source: str) -> tuple[str, ...]:
    """`raw[key]` from a cue file as a tuple, checked: a non-empty list of non-empty strings.

    >>> word_list({"caps": ["最高", "不超过"]}, "caps", "target_cues.json")
    ('最高', '不超过')
    >>> word_list({"caps": []}, "caps", "target_cues.json")
    Traceback (most recent call last):
    ValueError: target_cues.json: caps must be a non-empty list of non-empty strings
    """
    v = raw.get(key)
    if not v or not isinstance(v, list) or not all(isinstance(x, str) and x for x in v):
        raise ValueError(f"{source}: {key} must be a non-empty list of non-empty strings")
    return tuple(v)


__all__ = ["alternation", "word_list"]
