"""Text reuse: planted passages are found with both spans, and nothing else is."""
from __future__ import annotations

import random

import pytest

from corpus.reuse import find_reuse, find_reuse_pair, reuse_view

from .conftest import SAMPLES


def _lines(stem: str) -> list[str]:
    return [ln.strip() for ln in (SAMPLES / f"{stem}.txt").read_text(encoding="utf-8").splitlines() if ln.strip()]


def _para(lines: list[str], head: str) -> str:
    return next(ln for ln in lines if ln.startswith(head))


@pytest.fixture(scope="module")
def planted():
    """A city notice B that reuses three paragraphs of notice A (福鼎) with small edits, between
    paragraphs of its own (威海), which shares no passage with A."""
    from extractor.pipeline import parse_text

    fd, wh = _lines("fuding_2023_skills_plan"), _lines("weihai_2021_skills_measures")
    a_text = (SAMPLES / "fuding_2023_skills_plan.txt").read_text(encoding="utf-8")
    src = [_para(fd, "服务发展，提质增效"), _para(fd, "（三）进一步健全技能人才评价体系"),
           _para(fd, "（四）进一步健全职业技能竞赛体系")]
    edited = [
        src[0].replace("福鼎", "宁德").replace("，", ","),                      # place name, half-width commas
        src[1].replace("强化监督管理和服务，", "").replace("定期", "每年"),       # a phrase dropped, a word changed
        src[2].replace("2场", "3场").replace("100名", "150名")
              .replace("积极组织、提前谋划，", "积极组织、提前谋划，切实加强组织保障，"),  # numbers, a phrase added
    ]
    # one copy is hard-wrapped the way PDF text comes out
    edited[2] = edited[2][:60] + "\n\n" + edited[2][60:]
    own = [_para(wh, "1.建立终身职业培训体系"), _para(wh, "3. 加强重点群体就业帮扶培训"),
           _para(wh, "11. 实施专项职业能力考核"), _para(wh, "12. 贯通技能人才发展通道")]
    parts = ["宁德市关于加强技能人才队伍建设的实施意见", own[0], edited[0], own[1], edited[1], own[2], edited[2], own[3]]
    b_text = "\n".join(parts)
    a = parse_text(a_text, name="fuding.txt")
    b = parse_text(b_text, name="ningde.txt")
    return a, b, src, edited


def _cover(span, start, end) -> float:
    """Share of [start, end) that span covers."""
    inter = min(span[1], end) - max(span[0], start)
    return max(inter, 0) / (end - start)


def test_three_reused_paragraphs_found_and_nothing_else(planted):
    a, b, src, edited = planted
    found = find_reuse([a, b])
    assert len(found) == 3, [(r.a_text[:20], r.b_text[:20]) for r in found]
    for r, s, e in zip(sorted(found, key=lambda r: r.b_span), src, edited):
        assert {r.a, r.b} == {a.id, b.id}
        ra, rb = (r.a_span, r.b_span) if r.a == a.id else (r.b_span, r.a_span)
        a0 = a.text.index(s)
        b0 = b.text.index(e)
        assert _cover(ra, a0, a0 + len(s)) > 0.9
        assert _cover(rb, b0, b0 + len(e)) > 0.9
        assert b0 - 2 <= rb[0] and rb[1] <= b0 + len(e) + 2      # never spills into B's own paragraphs
        assert r.similarity >= 0.85


def test_spans_quote_each_notice_text(planted):
    a, b, *_ = planted
    texts = {a.id: a.text, b.id: b.text}
    for r in find_reuse([a, b]):
        assert texts[r.a][slice(*r.a_span)] == r.a_text
        assert texts[r.b][slice(*r.b_span)] == r.b_text


PARA = ("各级政府要把人力资源开发利用特别是职业技能培训作为重要任务，切实履行抓职业技能培训职责，"
        "结合实际抓好贯彻落实。在就业工作领导小组领导下，各级人社部门落实总牵头责任，成立工作专班。")


@pytest.mark.parametrize("copy", [
    PARA.replace("，", ",").replace("。", "."),
    PARA[:30] + "\n\n" + PARA[30:],
    PARA.replace("人力资源开发利用", "人力资源开发"),
    PARA.replace("职业技能", "職業技能").replace("培训", "培訓").replace("各级", "各級").replace("领导", "領導"),
    "　".join(PARA[i:i + 20] for i in range(0, len(PARA), 20)),
], ids=["half-width-punctuation", "hard-wrap", "phrase-shortened", "traditional-characters", "ideographic-spaces"])
def test_one_edited_copy_is_one_passage(copy):
    found = find_reuse_pair("一、保障措施\n" + PARA + "\n二、其他", "（一）强化组织领导。" + copy + "（二）其他。")
    assert len(found) == 1
    assert found[0].chars_a >= len(PARA) - 12


def test_unrelated_texts_share_nothing():
    fd = (SAMPLES / "fuding_2023_skills_plan.txt").read_text(encoding="utf-8")
    wh = (SAMPLES / "weihai_2021_skills_measures.txt").read_text(encoding="utf-8")
    assert find_reuse_pair(fd, wh) == []


def test_short_shared_phrases_are_below_min_len():
    phrase = "以习近平新时代中国特色社会主义思想为指导"        # 20 characters every notice has
    assert find_reuse_pair("甲" + phrase + "乙丙丁", "戊" + phrase + "己庚辛") == []
    assert len(find_reuse_pair("甲" + phrase + "乙丙丁", "戊" + phrase + "己庚辛", min_len=15)) == 1


def test_reordered_paragraphs_are_separate_passages():
    p1, p2 = PARA[:46], PARA[46:]
    found = find_reuse_pair(p1 + "。" + p2, p2 + "这是另外写的一句很长的话用来隔开两个段落。" + p1, min_len=30)
    assert len(found) == 2


def test_view_keeps_word_characters_and_offsets():
    v = reuse_view("（一）强化，组织\n领导", k=2)
    assert "".join(map(chr, v.chars)) == "一强化组织领导"
    assert v.span(1, 3) == (3, 5)


def _random_text(rng: random.Random, n: int) -> str:
    return "".join(chr(rng.randrange(0x4E00, 0x4E00 + 3000)) for _ in range(n))


def test_many_documents_only_planted_pairs():
    rng = random.Random(7)
    docs = {f"d{i}": _random_text(rng, 600) for i in range(300)}
    planted = [("d3", "d250"), ("d10", "d11"), ("d42", "d199"), ("d100", "d7"), ("d280", "d5")]
    for src, dst in planted:
        piece = docs[src][100:180]
        docs[dst] = docs[dst][:300] + piece + docs[dst][300:]
    found = find_reuse(docs)
    assert sorted(tuple(sorted((r.a, r.b))) for r in found) == sorted(tuple(sorted(p)) for p in planted)
    assert all(r.chars_a == 80 and r.similarity == 1.0 for r in found)


def test_boilerplate_in_very_many_documents_needs_max_df():
    rng = random.Random(3)
    shared = _random_text(rng, 60)
    docs = {f"d{i}": _random_text(rng, 200) + shared + _random_text(rng, 200) for i in range(25)}
    assert find_reuse(docs, max_df=20) == []
    assert len(find_reuse(docs, max_df=30)) == 25 * 24 // 2
