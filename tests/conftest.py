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
