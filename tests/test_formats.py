"""The same notice as .txt, .docx, .pdf, GB18030 and traditional characters gives the same measures and metadata."""
from __future__ import annotations

import pytest

from extractor.jsonio import notice_to_dict
from extractor.pipeline import parse_file

from .conftest import FIXTURES, SAMPLES, SEED_STEMS, load_gold, load_scorer, needs_shared

FIELDS = ("measures", "meta.title", "meta.policy_title", "meta.doc_number", "meta.issuer", "meta.date")


def _scores(path, stem):
    score = load_scorer()
    r = score.score_doc(notice_to_dict(parse_file(path), include_text=False), load_gold(stem))
    return {f: r[f]["f1"] for f in FIELDS}


@needs_shared
@pytest.mark.parametrize("ext", ["docx", "pdf"])
@pytest.mark.parametrize("stem", SEED_STEMS)
def test_format_variants_score_like_the_txt(stem, ext, seed_notices):
    variant = FIXTURES / f"{stem}.{ext}"
    if not variant.exists():
        pytest.skip(f"no {ext} fixture for {stem}")
    base = _scores(SAMPLES / f"{stem}.txt", stem)
    got = _scores(variant, stem)
    for f in FIELDS:
        assert got[f] >= base[f] - 0.02, (f, got[f], base[f])


@needs_shared
def test_annex_as_a_real_word_table_gives_the_table_rows():
    stem = "yingtan_2023_skills_action"
    n = parse_file(FIXTURES / f"{stem}.annex_table.docx")
    gold_rows = [m for m in load_gold(stem)["measures"] if m.get("text")]
    rows = [m for m in n.measures if m.source == "table"]
    assert len(rows) == len(gold_rows)
    score = load_scorer()
    r = score.score_doc(notice_to_dict(n, include_text=False), load_gold(stem))
    assert r["measures"]["f1"] >= 0.95


@needs_shared
def test_gb18030_copy_parses_to_the_same_measures():
    a = parse_file(SAMPLES / "fuding_2023_skills_plan.txt")
    b = parse_file(FIXTURES / "fuding_2023_skills_plan.gb18030.txt")
    assert b.source.encoding == "gb18030"
    assert [m.title for m in a.measures] == [m.title for m in b.measures]
    assert [[u.name for u in m.units] for m in a.measures] == [[u.name for u in m.units] for m in b.measures]
    assert a.meta == b.meta


def test_traditional_copy_parses_to_the_same_measures(tmp_path):
    import opencc

    s2t = opencc.OpenCC("s2t")
    t2s = opencc.OpenCC("t2s")
    src = (SAMPLES / "weihai_2021_skills_measures.txt").read_text(encoding="utf-8")
    trad = tmp_path / "weihai_trad.txt"
    trad.write_text(s2t.convert(src), encoding="utf-8")
    a, b = parse_file(SAMPLES / "weihai_2021_skills_measures.txt"), parse_file(trad)
    assert len(a.measures) == len(b.measures)
    # titles are reported as written (traditional); their simplified view equals the original's
    assert [t2s.convert(m.title) for m in b.measures] == [m.title for m in a.measures]
    assert [[(t2s.convert(u.name), u.role) for u in m.units] for m in b.measures] == \
        [[(u.name, u.role) for u in m.units] for m in a.measures]
    assert [x.value for x in b.amounts] == [x.value for x in a.amounts]
    for m in b.measures:
        assert b.text[m.span[0]:m.span[1]].replace("\n", "").startswith(b.text[m.span[0]:m.span[0] + 3])
