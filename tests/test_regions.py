"""The shared scorer on the notices from other regions in tests/data/regions (see its README).

Each set annotates only some fields; a field is bounded only where its set annotates it. The bounds
sit a little under the scores when the sets were added, so that a change which costs another
region's notices what it gains on the seeds shows here.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

from extractor.jsonio import notice_to_dict
from extractor.pipeline import parse_file

from .conftest import load_scorer, needs_shared

REGIONS = Path(__file__).parent / "data" / "regions"

BOUNDS = {   # set → {field: (micro F1 bound, macro F1 bound)}
    "units": {"measures": (0.95, 0.95), "units": (0.95, 0.95), "meta.title": (0.9, 0.9),
              "meta.doc_number": (0.9, 0.9), "meta.issuer": (0.9, 0.9), "meta.date": (0.9, 0.9)},
    "structure": {"measures": (0.95, 0.95), "units": (0.95, 0.95), "meta.title": (0.9, 0.9),
                  "meta.policy_title": (0.9, 0.9), "meta.doc_number": (0.9, 0.9), "meta.issuer": (0.9, 0.85),
                  "meta.date": (0.9, 0.9)},
    "facts": {"amounts": (0.95, 0.9), "targets": (0.95, 0.95), "deadlines": (0.9, 0.85)},
    "mixed": {"measures": (0.95, 0.95), "units": (0.95, 0.95), "amounts": (0.95, 0.95), "targets": (0.95, 0.95),
              "deadlines": (0.9, 0.9), "meta.policy_title": (0.9, 0.9), "meta.doc_number": (0.9, 0.9),
              "meta.issuer": (0.9, 0.9)},
    "mixed2": {"measures": (0.95, 0.95), "units": (0.85, 0.75), "amounts": (0.95, 0.95), "targets": (0.95, 0.95),
               "deadlines": (0.85, 0.75), "meta.policy_title": (0.9, 0.9), "meta.issuer": (0.9, 0.9),
               "meta.date": (0.9, 0.9)},
}


@lru_cache(maxsize=None)
def set_scores(name: str) -> dict:
    """Micro and macro F1 per field over one set, as the shared scorer computes them."""
    score = load_scorer()
    totals: dict = {}
    macro: dict = {}
    for gold_path in sorted((REGIONS / name / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pred = notice_to_dict(parse_file(REGIONS / name / "docs" / f"{gold_path.stem}.txt"), include_text=False)
        for field, r in score.score_doc(pred, gold).items():
            if not isinstance(r, dict):
                continue
            t = totals.setdefault(field, {"tp": 0, "pred": 0, "gold": 0})
            for k in t:
                t[k] += r[k]
            if r["pred"] or r["gold"]:
                macro.setdefault(field, []).append(r["f1"])
    return {f: (score.prf(t["tp"], t["pred"], t["gold"])["f1"], sum(macro.get(f, [1.0])) / len(macro.get(f, [1.0])))
            for f, t in totals.items()}


@needs_shared
@pytest.mark.parametrize("name,field", [(n, f) for n, fields in BOUNDS.items() for f in fields],
                         ids=[f"{n}-{f}" for n, fields in BOUNDS.items() for f in fields])
def test_region_scores_stay_up(name, field):
    micro, macro = set_scores(name)[field]
    lo_micro, lo_macro = BOUNDS[name][field]
    assert micro >= lo_micro and macro >= lo_macro, f"{name} {field}: micro {micro:.3f}, macro {macro:.3f}"


def test_every_region_notice_has_gold_and_text():
    for d in REGIONS.iterdir():
        if d.is_dir():
            docs = {p.stem for p in (d / "docs").glob("*.txt")}
            assert docs and docs == {p.stem for p in (d / "gold").glob("*.json")}, d.name
