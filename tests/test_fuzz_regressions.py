"""Crashes found while fuzzing and hammering the extractors, each kept as a minimal regression case.

One test per crash: the smallest input that crashed, the exception it raised, and the module
fixed. (Hangs — quadratic costs on one long line, the HTML regex, deep nesting — are kept in
`tests/test_hostile.py`, which times them.)

- targets._year_resolver: a run of ~1,000+ sentences each opening with "其中" and holding no year
  made `sentence_year` recurse once per sentence → RecursionError (found on the 2-million-character
  line of the hostile corpus; `strategies.repeated()` now generates such runs). Fixed by walking
  the chain iteratively (extractor/targets.py).
"""
from __future__ import annotations

import sys

import pytest

from extractor.pipeline import parse_text
from extractor.targets import extract_targets

QISHI_CHAIN = "2025年全市新增技能人才。" + "其中开展培训。" * 3000 + "其中达到5个。"


@pytest.fixture
def shallow_stack():
    """The default recursion limit, whatever the test runner set."""
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(1000)
    yield
    sys.setrecursionlimit(old)


def test_qishi_chain_does_not_recurse_per_sentence(shallow_stack):
    found = extract_targets(QISHI_CHAIN)
    assert [(t.text, t.value, t.unit, t.year) for t in found] == [("5个", 5.0, "个", 2025)]


def test_qishi_chain_without_a_year_through_the_pipeline(shallow_stack):
    text = "其中开展培训。" * 1500 + "其中达到5个。"
    notice = parse_text(text)
    assert [(t.text, t.year) for t in notice.targets] == [("5个", None)]
