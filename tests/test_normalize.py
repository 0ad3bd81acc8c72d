"""The normalised view and its offset map."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.normalize import looks_traditional, normalize

from .conftest import SAMPLES, SEED_STEMS


@pytest.mark.parametrize("raw,expected", [
    ("技能 人才", "技能人才"),
    ("到 2025 年", "到2025年"),
    ("加强组织领导，统筹优化政\n\n策，深化改革", "加强组织领导,统筹优化政策,深化改革"),
    ("（一）指导思想\n以习近平新时代", "(一)指导思想\n以习近平新时代"),
    ("２０２５年达到３０％", "2025年达到30%"),
    ("[bookmark: _GoBack]鼎政办规〔2023〕8号", "鼎政办规〔2023〕8号"),
    ("ISO 9001 认证", "ISO 9001认证"),
    ("市人社局 | 市财政局 |", "市人社局 | 市财政局 |"),
    ("稳岗返还所需资金由失业保险基金列支。(自治区人力资源社会保障厅、财政厅,排首位为牵头单位,下同)\n \n落实普惠金融定向降准政策,对符合条件的金融机构",
     "稳岗返还所需资金由失业保险基金列支。(自治区人力资源社会保障厅、财政厅,排首位为牵头单位,下同)\n\n落实普惠金融定向降准政策,对符合条件的金融机构"),
    ("(一)堅(jiān)持經(jīng)濟(jì)發(fā)展就業(yè)導(dǎo)向。", "(一)坚持经济发展就业导向。"),
    ("附件(PDF)第(a)项", "附件(PDF)第(a)项"),
    ("一、把做好贫困地区劳动力培训促进就业工作摆上重要位置 各地劳动保障部门要高度重视劳动力职业培训和转移就业工作,将其纳入工作安排。",
     "一、把做好贫困地区劳动力培训促进就业工作摆上重要位置\n各地劳动保障部门要高度重视劳动力职业培训和转移就业工作,将其纳入工作安排。"),
    ("(一)加快推进高技能人才 培养基地建设,按照要求推进。", "(一)加快推进高技能人才培养基地建设,按照要求推进。"),
    ("为贯彻落实有关文件精神,现就有关问题通知如下: 一、加强组织领导。各地要高度重视。二、加大资金投入。各地要保障经费。",
     "为贯彻落实有关文件精神,现就有关问题通知如下:\n一、加强组织领导。各地要高度重视。\n二、加大资金投入。各地要保障经费。"),
], ids=["space-in-word", "space-around-digits", "hard-wrap", "heading-not-joined", "fullwidth-digits",
        "bookmark-noise", "ascii-space-kept", "table-separators-kept", "marker-after-sentence-ends-paragraph",
        "pinyin-glosses-dropped", "latin-in-brackets-kept", "heading-then-space-then-paragraph",
        "space-inside-pdf-heading-deleted", "list-after-tongzhi-ruxia-breaks"])
def test_normalize_cases(raw, expected):
    assert normalize(raw).text == expected


@pytest.mark.parametrize("stem", SEED_STEMS)
def test_every_normalised_char_maps_back(stem):
    text = (SAMPLES / f"{stem}.txt").read_text(encoding="utf-8")
    n = normalize(text)
    assert len(n.index) == len(n.text) + 1
    for i, ch in enumerate(n.text):
        o = text[n.index[i]]
        if ch == "\n":
            continue          # a kept line break, or one restored in run-on text
        else:
            assert o == ch or ord(o) - 0xFEE0 == ord(ch) or (o in "\u3000\xa0\t" and ch == " "), (i, ch, o)
    assert list(n.index) == sorted(n.index)


def test_traditional_view_keeps_offsets():
    trad = "一、總體要求\n堅持以習近平新時代中國特色社會主義思想為指導，全面貫徹落實黨的十九大精神。"
    n = normalize(trad)
    assert looks_traditional(trad)
    assert n.text.startswith("一、总体要求\n坚持")
    s = n.text.index("总体要求")
    assert n.orig_text(s, s + 4) == "總體要求"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("技能人才 \n\u3000，。（）(一)1.2025年到底前月日元万％%|｜\t職業培訓")), max_size=200))
def test_offset_map_is_monotonic_and_in_range(text):
    n = normalize(text)
    assert len(n.index) == len(n.text) + 1
    assert all(0 <= i <= len(text) for i in n.index)
    assert list(n.index[:-1]) == sorted(n.index[:-1])
