"""Obligations: strength, cue and actor per sentence; the cue lexicon."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.model import STRENGTHS
from extractor.obligations import Cue, extract_obligations, load_cues, validate_cues


def test_cue_file_is_valid():
    assert validate_cues(list(load_cues())) == []
    assert {c.strength for c in load_cues()} == set(STRENGTHS)


def test_validator_names_the_problem():
    problems = validate_cues([Cue("must", "须"), Cue("mandatory", "应", ("供给",))])
    assert any("strength must be one of" in p for p in problems)
    assert any("must contain the cue" in p for p in problems)


def test_loader_is_cached():
    assert load_cues() is load_cues()


def test_object_words_come_from_the_unit_cue_file():
    from extractor.unit_cues import load_unit_cues
    assert {"配合", "向", "经"} <= set(load_unit_cues().object_before)


CASES = {
    "weihai-财政部门要": ("财政部门要在预算中适当安排技能人才培养专项经费。", "mandatory", "要", "财政部门"),
    "fuding-人社部门负责": ("在市委、市政府的领导下,人社部门负责本规划的组织实施,会同有关部门建立规划实施的工作协调机制。",
                        "mandatory", "负责", "人社部门"),
    "fuding-list-subject": ("各行业主管部门和乡镇人民政府要以本规划为基础,制定加快技能人才队伍建设的工作计划。",
                            "mandatory", "要", "各行业主管部门"),
    "anshun-应当": ("市发展改革委(市粮食和物资储备局)、市财政局、农发行安顺分行应当根据市场消费需求,适时调整储备粮品种结构。",
                  "mandatory", "应当", "市发展改革委"),
    "anshun-不得": ("未经市人民政府批准,任何单位和个人不得擅自动用市级储备粮。", "mandatory", "不得", None),
    "fuding-鼓励": ("鼓励企业与职业院校共建实训基地。", "encouraged", "鼓励", None),
    "yingtan-支持": ("支持一批大型企业建设职工培训中心。", "encouraged", "支持", None),
    "fujian-引导": ("引导帮助中小微企业开展培训。", "encouraged", "引导", None),
    "yingtan-可": ("企业可设立技能津贴、班组长津贴、带徒津贴等。", "permitted", "可", None),
    "fujian-可以-over-可": ("各地人社、财政部门可以结合实际提高培训补贴标准。", "permitted", "可以", "财政部门"),
    "重要-is-no-cue-then-要": ("是福鼎市人才发展战略的重要组成部分,各地要抓好落实。", "mandatory", "要", None),
    "可持续-is-no-cue": ("推动可持续发展,鼓励企业参与。", "encouraged", "鼓励", None),
    "各市场主体-is-no-actor": ("各市场主体要落实安全生产主体责任。", "mandatory", "要", None),
    "配合X-is-no-actor": ("配合市人社局做好技能培训工作的企业要及时申报。", "mandatory", "要", None),
    "向X-is-no-actor": ("企业向市人社局申请补贴的,应当提交培训合格证书。", "mandatory", "应当", None),
}


@pytest.mark.parametrize("text, strength, cue, actor", CASES.values(), ids=CASES.keys())
def test_obligation(text, strength, cue, actor):
    (o,) = extract_obligations(text)
    assert (o.strength, o.cue, o.actor) == (strength, cue, actor)


@pytest.mark.parametrize("text", ["强化组织领导", "应用场景和供应链建设取得进展。", "认可度和许可证明显提升。", ""])
def test_no_obligation(text):
    assert extract_obligations(text) == []


def test_sentences_and_spans():
    text = "市人社局要将规划任务分解落实。各地要加大投入;企业可设立技能津贴。"
    got = extract_obligations(text)
    assert [(o.cue, o.actor) for o in got] == [("要", "市人社局"), ("要", None), ("可", None)]
    assert all(text[o.span[0]:o.span[1]] == o.text for o in got)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("市人社局要应当须可以鼓励支持引导不得重要应用可持续部门政府和、,。;\n企业各地 ")),
               max_size=80))
def test_never_raises_and_spans_quote(text):
    for o in extract_obligations(text):
        assert text[o.span[0]:o.span[1]] == o.text and o.strength in STRENGTHS and o.cue in o.text
