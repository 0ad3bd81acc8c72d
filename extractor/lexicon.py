"""Regex building blocks shared by the lexicon-driven extractors.

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


__all__ = ["alternation"]
