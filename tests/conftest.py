"""Shared test fixtures: where the shared seeds, gold and fixtures are, and the gold loader."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "zhengce" / "samples"
GOLD = SHARED / "gold"
FIXTURES = SHARED / "fixtures"
SEED_STEMS = sorted(p.stem for p in SAMPLES.glob("*.txt"))

needs_shared = pytest.mark.skipif(not GOLD.is_dir(), reason="../shared (gold and fixtures) is not beside the repo")


def load_gold(stem: str) -> dict:
    return json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))


def assert_linear(fn, unit: str, n: int) -> None:
    """`fn` on `unit` repeated 4n times takes about 4 times as long as on n repeats, not 16.

    A check of growth, not of speed: the ratio of two timings in the same run holds on any machine
    (linear work gives about 4, work that grows with the square of the length about 16)."""
    import time

    def timed(text: str) -> float:
        best = float("inf")
        for _ in range(2):
            start = time.perf_counter()
            fn(text)
            best = min(best, time.perf_counter() - start)
        return best

    small, large = timed(unit * n), timed(unit * (4 * n))
    assert large < 8 * max(small, 0.005), f"{len(unit) * n} chars: {small:.3f} s, 4× as long: {large:.3f} s"


def load_scorer():
    """The shared scorer module (../shared/eval/score.py)."""
    spec = importlib.util.spec_from_file_location("zhengce_score", SHARED / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="session")
def seed_notices():
    """Every bundled sample parsed once per test session, by stem."""
    from extractor.pipeline import parse_file

    return {stem: parse_file(SAMPLES / f"{stem}.txt") for stem in SEED_STEMS}
