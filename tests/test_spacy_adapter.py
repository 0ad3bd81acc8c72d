"""The spaCy adapter: registered components, span groups, facts on extensions, offline."""
from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")

from extractor.spacy_adapter import GROUPS, make_nlp  # noqa: E402


@pytest.fixture(scope="module")
def nlp(tmp_path_factory):
    import os

    os.environ["ZHENGCE_CACHE_DIR"] = str(tmp_path_factory.mktemp("jieba"))
    return make_nlp()


def test_components_are_registered_factories(nlp):
    from spacy.language import Language

    for factory in GROUPS:
        assert Language.has_factory(factory)
        assert factory in nlp.pipe_names


def test_money_time_targets_and_bodies_on_a_seed_sentence(nlp):
    # 威海 seed, measure 8 and its marker
    text = "到2025年新建25家左右技能大师工作室,每个工作室给予5万元建设补助资金。(市人力资源社会保障局、市总工会)"
    doc = nlp(text)
    money = doc.spans["zc_money"]
    assert [s._.zc_fact.value for s in money] == [50000]
    assert money[0]._.zc_fact.per == ("工作室",)
    assert [s._.zc_fact.date for s in doc.spans["zc_times"] if s.label_ == "DEADLINE"] == ["2025-12-31"]
    assert [(s._.zc_fact.value, s._.zc_fact.unit) for s in doc.spans["zc_targets"]] == [(25, "家")]
    bodies = [s._.zc_fact for s in doc.spans["zc_bodies"]]
    assert "市人力资源社会保障局" in bodies and "市总工会" in bodies
    # spans snap to tokens but always cover the fact's exact characters
    for group in GROUPS.values():
        for s in doc.spans[group]:
            fact = s._.zc_fact
            if hasattr(fact, "span"):
                assert s.start_char <= fact.span[0] and fact.span[1] <= s.end_char


def test_doc_lists_all_facts_and_displacy_renders(nlp):
    from spacy import displacy

    doc = nlp("鼓励企业开展培训,中级工每人每年补贴5000元。")
    assert any(getattr(f, "value", None) == 5000 for f in doc._.zc_facts)
    html = displacy.render(doc, style="span", options={"spans_key": "zc_money"}, jupyter=False)
    assert "MONEY" in html and "5000" in html
