"""Numbers as notices write them → floats.

Covered: Arabic numerals with decimals and thousands separators ("2000", "1,500", "4.5"),
a trailing scale of 十/百/千/万/亿 and their combinations ("1.5万", "10万", "2000万", "5亿",
"百万"), Chinese numerals ("三千", "一百", "两万", "十九"), bare scale words ("百", "千", "万" —
as in 打造百项场景, 开发千款产品), full-width digits, and ranges of two such numbers
("一至两", "3—5", "10-15", "5—10万") through `parse_range`.

Deliberately not covered: finding numbers in running text (the fact modules do that with
`NUMBER_PATTERN`), units or currencies, fractions ("1/3"), ordinals ("第三"), and
percentages ("百分之三十" is read by the targets module). cn2an runs only on the short
numeral string a caller picked out, never on whole texts (二十大 must stay 二十大), and is
imported lazily: the commonest short numerals (一, 十五, 二十三, 三千, 两万) are read directly.
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from types import MappingProxyType

__all__ = [
    "ARABIC_PATTERN", "CN_NUMERAL_CHARS", "CN_NUMBER_PATTERN", "NUMBER_PATTERN", "RANGE_SEPARATORS",
    "SCALE_PATTERN", "fold_width", "parse_number", "parse_range", "scale_of",
]

#: An Arabic number: digits, optional 3-digit thousands groups, optional decimals.
ARABIC_PATTERN = r"\d+(?:,\d{3}(?!\d))*(?:\.\d+)?"
#: Characters that make up a Chinese numeral (with 点 for decimals).
CN_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿点"
#: A Chinese numeral that starts with a digit word or 十 (so that a lone 万 is not matched here).
CN_NUMBER_PATTERN = r"[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千]*(?:点[零〇一二三四五六七八九]+)?"
#: A trailing scale after a number: 万, 亿, 千, 百, 百万, 千万, 万亿 …
SCALE_PATTERN = r"(?:千万|百万|十万|万亿|亿|万|千|百)"
#: Either kind of number (callers add their own scale and unit).
NUMBER_PATTERN = f"(?:{ARABIC_PATTERN}|{CN_NUMBER_PATTERN})"
#: What joins the two ends of a range.
RANGE_SEPARATORS = "—–-~～至到"

_SCALE = MappingProxyType({"十": 10.0, "百": 100.0, "千": 1000.0, "万": 1e4, "亿": 1e8})
# one numeral string: full-width digits and separators folded, spaces dropped
_FOLD = MappingProxyType({**{i: i - 0xFEE0 for i in range(0xFF10, 0xFF1A)},
                          0xFF0E: ord("."), 0xFF0C: ord(","), 0x3000: None, 0x20: None, 0xA0: None})
# running text: full-width ASCII forms folded one for one, so that spans stay valid
_WIDTH = MappingProxyType({**{i: i - 0xFEE0 for i in range(0xFF01, 0xFF5F)}, 0x3000: 0x20, 0xA0: 0x20, 0x3013: 0x20})
_WIDE = re.compile("[\uff01-\uff5e\u3000\u00a0\u3013]")
_ARABIC_SCALED = re.compile(rf"({ARABIC_PATTERN})([十百千万亿]*)")
_CN_ONLY = re.compile(f"[{CN_NUMERAL_CHARS}]+")
_RANGE = re.compile(rf"(.+?)\s*[{re.escape(RANGE_SEPARATORS)}]\s*(.+)")


def fold_width(text: str) -> str:
    """Full-width ASCII forms → ASCII, one character for one (spans stay valid).

    The fact extractors call this first, so that they read raw text (２０２５年，１５％) the way
    they read the normalised view (2025年,15%).

    >>> fold_width("到２０２５年，达到３０％")
    '到2025年,达到30%'
    """
    if _WIDE.search(text) is None:
        return text
    return text.translate(_WIDTH)


def scale_of(s: str) -> float:
    """The factor of a scale word ("" → 1).

    >>> scale_of("千万")
    10000000.0
    """
    f = 1.0
    for ch in s:
        f *= _SCALE[ch]
    return f


@lru_cache(maxsize=4096)
def parse_number(s: str) -> float | None:
    """One number as written → float, or None when `s` is not one number (a range is two).

    >>> [parse_number(x) for x in ("1.5万", "10万", "三千", "2000", "4.5万", "一百", "百", "一至两")]
    [15000.0, 100000.0, 3000.0, 2000.0, 45000.0, 100.0, 100.0, None]
    """
    if not isinstance(s, str):
        return None
    t = s.translate(_FOLD).strip()
    if not t:
        return None
    m = _ARABIC_SCALED.fullmatch(t)
    if m:                                    # Decimal: 5515.73万 is 55157300, not 55157299.99999999
        return float(Decimal(m.group(1).replace(",", "")) * Decimal(int(scale_of(m.group(2)))))
    if not _CN_ONLY.fullmatch(t):
        return None
    if all(ch in _SCALE for ch in t):        # 百, 千, 万, 百万 …: one of them
        return scale_of(t)
    v = _cn_short(t)
    return v if v is not None else _cn2an(t)


_CN_DIGIT = MappingProxyType({"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
                              "七": 7, "八": 8, "九": 9})


def _cn_short(t: str) -> float | None:
    """The commonest short numerals (一, 十五, 二十, 三千, 两万, 二十三) without loading cn2an."""
    d = _CN_DIGIT
    if len(t) == 1:
        return float(d[t]) if t in d else (10.0 if t == "十" else None)
    if len(t) == 2:
        if t[0] in d and t[1] in _SCALE and t[0] not in "零〇":
            return d[t[0]] * _SCALE[t[1]]
        if t[0] == "十" and t[1] in d and t[1] not in "零〇两":
            return 10.0 + d[t[1]]
        return None
    if len(t) == 3 and t[0] in d and t[1] == "十" and t[2] in d and t[0] not in "零〇" and t[2] not in "零〇两":
        return d[t[0]] * 10.0 + d[t[2]]
    return None


def _cn2an(t: str) -> float | None:
    import cn2an  # lazy: importing this module loads nothing

    for mode in ("normal", "smart"):
        try:
            v = cn2an.cn2an(t, mode)
        except (ValueError, KeyError, TypeError, IndexError):
            continue
        return float(v)
    return None


@lru_cache(maxsize=1024)
def parse_range(s: str) -> tuple[float, float] | None:
    """A range of two numbers → (low, high); a scale written once at the end applies to both.

    >>> parse_range("一至两"), parse_range("3—5"), parse_range("5—10万")
    ((1.0, 2.0), (3.0, 5.0), (50000.0, 100000.0))
    """
    if not isinstance(s, str):
        return None
    t = s.translate(_FOLD).strip()
    m = _RANGE.fullmatch(t)
    if not m:
        return None
    a, b = m.group(1), m.group(2)
    hi = parse_number(b)
    lo = parse_number(a)
    if lo is None or hi is None:
        return None
    tail = re.search(r"(?<=[^百千万亿])[百千万亿]+$", b)
    if tail and not re.search(r"[十百千万亿]$", a):
        lo *= scale_of(tail.group())
    if lo > hi:
        return None
    return lo, hi
