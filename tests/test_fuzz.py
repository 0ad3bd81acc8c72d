"""Fuzzing the whole pipeline and each extractor with notice-like text (strategies in `tests/strategies.py`).

Invariants, for any text: no exception; every fact's span lies inside the text and quotes it
(``notice.text[s:e] == fact.text`` for amounts, targets, deadlines, recurrences and obligations;
sections', measures' and units' spans inside the text); amounts are finite and non-negative; every
date is a valid ISO date; the notice JSON validates against the published schema
(`extractor.schema.notice_schema()`) and reads back as the dict it was written from; the same text
gives byte-identical JSON twice. Each extractor is also fuzzed alone on raw text (its spans quote
the string it was given), and the text/HTML readers on random bytes and markup (a document or a
typed error, never the catch-all for an exception a reader did not anticipate).

Profiles (``HYPOTHESIS_PROFILE=…``, read by this module only; other test files keep their settings):

- ``ci`` (default): 150 examples per test (scaled per target), `derandomize=True` (the same
  examples on every run and machine, so a red CI run reproduces locally), no example database,
  no deadline. The whole module takes about 40 s on 2 cores.
- ``deep``: 8x the examples (about 12 minutes), random (a new part of the space each run), with
  the example database, so a failure found once is replayed first next time::

      HYPOTHESIS_PROFILE=deep .venv/bin/python -m pytest tests/test_fuzz.py -q

- ``dev``: a quick smoke run (20 examples per test).

A crash found here gets a minimal regression case in `tests/test_fuzz_regressions.py`. For
coverage-guided fuzzing beyond hypothesis, see `benchmarks/fuzz_atheris.py` (optional: atheris).
"""
from __future__ import annotations

import json
import math
import os
from datetime import date
from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from . import strategies as S

_SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
settings.register_profile("ci", max_examples=150, deadline=None, derandomize=True, database=None,
                          suppress_health_check=_SLOW, print_blob=True)
settings.register_profile("deep", max_examples=1200, deadline=None, suppress_health_check=_SLOW, print_blob=True)
settings.register_profile("dev", max_examples=20, deadline=None, suppress_health_check=_SLOW)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
if PROFILE not in ("ci", "deep", "dev"):
    raise ValueError(f"HYPOTHESIS_PROFILE={PROFILE!r}: choose ci, deep or dev")
FUZZ = settings(settings.get_profile(PROFILE))


def scaled(n: int) -> settings:
    """The profile with n times its example budget (cheap targets get more examples)."""
    return settings(FUZZ, max_examples=max(1, int(FUZZ.max_examples * n)))


SPAN_FACTS = ("amounts", "targets", "deadlines", "recurrences", "obligations")


@lru_cache(maxsize=1)
def _validator():
    import jsonschema

    from extractor.schema import notice_schema

    schema = notice_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _iso(s: str | None, what: str) -> None:
    if s is None:
        return
    assert len(s) == 10 and date.fromisoformat(s).isoformat() == s, f"{what}: not an ISO date: {s!r}"


def _span_in(span, n: int, what: str) -> None:
    s, e = span
    assert isinstance(s, int) and isinstance(e, int) and 0 <= s <= e <= n, f"{what}: span {span} outside [0, {n}]"


def check_facts(kind: str, facts, text: str) -> None:
    """Spans inside `text` and quoting it; values sane."""
    for f in facts:
        _span_in(f.span, len(text), kind)
        assert text[f.span[0]:f.span[1]] == f.text, f"{kind}: {f.text!r} != text{list(f.span)} {text[slice(*f.span)]!r}"
        if kind == "amounts":
            assert math.isfinite(f.value) and f.value >= 0, f"amount {f.text!r} → {f.value}"
        elif kind == "targets":
            assert math.isfinite(f.value), f"target {f.text!r} → {f.value}"
        elif kind == "deadlines":
            _iso(f.date, f"deadline {f.text!r}")


def check_notice(notice, text: str) -> str:
    """Every invariant of a Notice parsed from `text`; returns its JSON."""
    from extractor.jsonio import notice_to_dict, notice_to_json

    assert notice.text == text
    n = len(text)
    for kind in SPAN_FACTS:
        check_facts(kind, getattr(notice, kind), text)
    for sec in notice.sections:
        _span_in(sec.span, n, f"section {sec.number}")
    for m in notice.measures:
        _span_in(m.span, n, f"measure {m.id}")
        _iso(m.deadline, f"measure {m.id} deadline")
        for u in m.units:
            _span_in(u.span, n, f"unit {u.name!r} of {m.id}")
    _iso(notice.meta.date, "meta.date")
    _iso(notice.meta.validity, "meta.validity")
    js = notice_to_json(notice)
    d = json.loads(js)
    errors = sorted(_validator().iter_errors(d), key=lambda e: list(e.absolute_path))
    assert not errors, f"schema: {errors[0].message} at {list(errors[0].absolute_path)}"
    assert d == json.loads(json.dumps(notice_to_dict(notice), ensure_ascii=False))
    return js


def check_pipeline(text: str) -> None:
    """Parse `text` twice: every invariant, and byte-identical JSON."""
    from extractor.jsonio import notice_to_json
    from extractor.pipeline import parse_text

    js = check_notice(parse_text(text), text)
    assert notice_to_json(parse_text(text)) == js, "the same text gave different JSON"


def check_extractors(text: str) -> None:
    """Each fact extractor alone on raw text."""
    from extractor import amounts, deadlines, obligations, targets, units
    from extractor.agencies import find_agencies

    check_facts("amounts", amounts.extract_amounts(text), text)
    check_facts("targets", targets.extract_targets(text), text)
    check_facts("targets", targets.extract_targets(text, context_year=2025), text)
    check_facts("deadlines", deadlines.extract_deadlines(text), text)
    check_facts("recurrences", deadlines.extract_recurrences(text), text)
    check_facts("obligations", obligations.extract_obligations(text), text)
    for u in units.extract_units(text):
        _span_in(u.span, len(text), f"unit {u.name!r}")
    for name, span in find_agencies(text):
        _span_in(span, len(text), f"agency {name!r}")
        assert text[span[0]:span[1]] == name or name, name


def check_structure(text: str) -> None:
    """The normaliser's offset map, the skeleton and the metadata."""
    from extractor.meta import extract_meta
    from extractor.normalize import normalize
    from extractor.structure import parse_skeleton

    nt = normalize(text)
    assert nt.original == text and len(nt.index) == len(nt.text) + 1
    assert all(0 <= i <= len(text) for i in nt.index)
    for a in range(0, len(nt.text) + 1, max(1, len(nt.text) // 7)):
        for b in (a, min(a + 5, len(nt.text)), len(nt.text)):
            _span_in(nt.orig_span(a, b), len(text), "orig_span")
    sk = parse_skeleton(nt.text)
    for h in sk.headings:
        assert 0 <= h.line.start <= h.end <= len(nt.text), f"heading {h.number!r} at {h.line.start}:{h.end}"
    meta = extract_meta(text, None)
    _iso(meta.date, "meta.date")


def check_parsers(s: str) -> None:
    """The one-string parsers: a value of the right type or None, never an exception."""
    from extractor.amounts import parse_amount, parse_per
    from extractor.deadlines import parse_date
    from extractor.meta import parse_iso_date
    from extractor.numbers import parse_number, parse_range
    from extractor.targets import parse_target

    v = parse_number(s)
    assert v is None or isinstance(v, float)
    r = parse_range(s)
    assert r is None or (len(r) == 2 and all(isinstance(x, float) for x in r))
    a = parse_amount(s)
    assert a is None or (math.isfinite(a) and a >= 0), f"parse_amount({s!r}) = {a}"
    assert isinstance(parse_per(s), tuple)
    _iso(parse_date(s), f"parse_date({s!r})")
    _iso(parse_iso_date(s), f"parse_iso_date({s!r})")
    t = parse_target(s)
    assert t is None or (isinstance(t[0], float) and isinstance(t[1], str))


# ---------------------------------------------------------------- the tests

@FUZZ
@given(S.notices())
def test_pipeline_on_notice_like_text(text):
    check_pipeline(text)


@FUZZ
@given(S.noisy_text())
def test_pipeline_on_noise(text):
    check_pipeline(text)


@scaled(0.5)
@given(S.repeated())
def test_pipeline_on_repetitive_text(text):
    check_pipeline(text)


@scaled(2)
@given(st.one_of(S.notices(max_lines=8), S.noisy_text(200)))
def test_each_extractor_alone(text):
    check_extractors(text)


@scaled(2)
@given(st.one_of(S.notices(max_lines=10), S.noisy_text(200)))
def test_normalise_structure_and_meta(text):
    check_structure(text)


@scaled(4)
@given(st.one_of(S.amount(), S.target(), S.date(), S.cn_number(), S.marker(), st.text(max_size=20)))
def test_single_string_parsers(s):
    check_parsers(s)


@FUZZ
@given(st.one_of(st.binary(max_size=3000), S.markup()), st.sampled_from([".txt", ".html"]))
def test_readers_on_random_bytes(data, ext):
    """`read` gives a document or a typed error — never the catch-all for an exception a reader missed."""
    check_reader(data, ext)


def check_reader(data: bytes, ext: str) -> None:
    import tempfile
    from pathlib import Path

    from extractor.errors import ZhengceError
    from extractor.readers import read

    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / f"notice{ext}"
        path.write_bytes(data)
        try:
            doc = read(path)
        except ZhengceError as e:
            assert "could not be read (" not in e.reason and "internal" not in e.reason, e.reason
            return
    assert doc.text.strip()
    for b in doc.blocks:
        _span_in(b.span, len(doc.text), "block")
