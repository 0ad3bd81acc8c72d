"""extractor.numbers: one numeral string → float; ranges; width folding."""
from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.numbers import fold_width, parse_number, parse_range, scale_of

NUMBERS = [
    ("1.5万", 15000.0),
    ("10万", 100000.0),
    ("4.5万", 45000.0),
    ("0.5万", 5000.0),
    ("2000", 2000.0),
    ("1,500", 1500.0),
    ("5515.73万", 55157300.0),
    ("2000万", 20000000.0),
    ("5亿", 500000000.0),
    ("三千", 3000.0),
    ("一百", 100.0),
    ("两万", 20000.0),
    ("十九", 19.0),
    ("一百二十万", 1200000.0),
    ("一", 1.0),
    ("两", 2.0),
    ("百", 100.0),
    ("千", 1000.0),
    ("万", 10000.0),
    ("２０２５", 2025.0),
    (" 100 ", 100.0),
]


@pytest.mark.parametrize("s,expected", NUMBERS, ids=[s.strip() for s, _ in NUMBERS])
def test_parse_number(s, expected):
    assert parse_number(s) == expected


NOT_NUMBERS = ["", "二十大", "abc", "1.2.3", "一至两", "3—5", "第三", "1/3", "30%", "万元"]


@pytest.mark.parametrize("s", NOT_NUMBERS, ids=[s or "empty" for s in NOT_NUMBERS])
def test_parse_number_rejects(s):
    assert parse_number(s) is None


RANGES = [
    ("一至两", (1.0, 2.0)),
    ("3—5", (3.0, 5.0)),
    ("1-2", (1.0, 2.0)),
    ("10—15", (10.0, 15.0)),
    ("5—10万", (50000.0, 100000.0)),
    ("五至十万", (50000.0, 100000.0)),
    ("1万-3万", (10000.0, 30000.0)),
]


@pytest.mark.parametrize("s,expected", RANGES, ids=[s for s, _ in RANGES])
def test_parse_range(s, expected):
    assert parse_range(s) == expected


@pytest.mark.parametrize("s", ["5—3", "2000", "甲至乙", ""], ids=["reversed", "single", "not-numbers", "empty"])
def test_parse_range_rejects(s):
    assert parse_range(s) is None


def test_scale_of_combines():
    assert scale_of("千万") == 1e7 and scale_of("") == 1.0


def test_fold_width_keeps_length_and_folds():
    raw = "到２０２５年，达到３０％　以上"
    folded = fold_width(raw)
    assert folded == "到2025年,达到30% 以上"
    assert len(folded) == len(raw)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=12))
def test_parse_number_never_raises(s):
    v = parse_number(s)
    assert v is None or (isinstance(v, float) and math.isfinite(v) and v >= 0)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**9))
def test_parse_number_reads_any_integer(n):
    assert parse_number(str(n)) == float(n)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=99999), st.sampled_from(["万", "亿", "千"]))
def test_scaled_integers(n, scale):
    assert parse_number(f"{n}{scale}") == n * scale_of(scale)
