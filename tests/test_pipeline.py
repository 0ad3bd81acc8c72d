"""The whole pipeline on the seeds: the scorer's figures, spans, determinism, schema."""
from __future__ import annotations

import json

import pytest

from extractor.jsonio import notice_to_dict, notice_to_json
from extractor.pipeline import parse_file

from .conftest import SAMPLES, SEED_STEMS, load_gold, load_scorer, needs_shared


def _summary(seed_notices):
    score = load_scorer()
    totals = {}
    for stem, n in seed_notices.items():
        r = score.score_doc(notice_to_dict(n, include_text=False), load_gold(stem))
        for k, v in r.items():
            if isinstance(v, dict):
                t = totals.setdefault(k, {"tp": 0, "pred": 0, "gold": 0})
                for x in ("tp", "pred", "gold"):
                    t[x] += v[x]
    return {k: score.prf(v["tp"], v["pred"], v["gold"])["f1"] for k, v in totals.items()}


@needs_shared
@pytest.mark.parametrize("field,bound", [
    ("measures", 0.95), ("meta.title", 0.9), ("meta.policy_title", 0.9), ("meta.doc_number", 0.9),
    ("meta.issuer", 0.9), ("meta.date", 0.9),
])
def test_scorer_bounds_on_seeds(field, bound, seed_notices):
    assert _summary(seed_notices)[field] >= bound


def test_every_span_quotes_its_text(seed_notices):
    for n in seed_notices.values():
        for fact in (*n.amounts, *n.targets, *n.deadlines, *n.recurrences, *n.obligations):
            s, e = fact.span
            assert n.text[s:e] == fact.text
        for m in n.measures:
            for u in m.units:
                s, e = u.span
                assert "".join(n.text[s:e].split()) == u.name


def test_measure_spans_hold_their_titles(seed_notices):
    for n in seed_notices.values():
        for m in n.measures:
            s, e = m.span
            # a table row whose task cell was merged with the rows above carries that cell's title down
            body = "".join(n.text[:e].split()) if m.source == "table" else "".join(n.text[s:e].split())
            assert "".join(m.title.split()) in body
            if m.source == "table":
                assert "".join(m.text.split()) in "".join(n.text[s:e].split())


def test_json_is_deterministic():
    f = SAMPLES / "yingtan_2023_skills_action.txt"
    assert notice_to_json(parse_file(f)) == notice_to_json(parse_file(f))


def test_json_is_valid_against_the_published_schema(seed_notices):
    import jsonschema

    from extractor.schema import notice_schema

    schema = notice_schema()
    for n in seed_notices.values():
        jsonschema.validate(json.loads(notice_to_json(n)), schema)


def test_published_schema_file_is_current():
    from extractor.schema import notice_schema

    from .conftest import ROOT

    on_disk = json.loads((ROOT / "schema" / "notice.schema.json").read_text(encoding="utf-8"))
    assert on_disk == notice_schema(), "regenerate: python -m extractor.schema > schema/notice.schema.json"
