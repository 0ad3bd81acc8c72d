"""The topic taxonomy and the comparison lexicons: data files valid, assignment on real phrases."""
from __future__ import annotations

import doctest
import importlib
import json
from importlib import resources

import pytest

from corpus.topics import (GENERIC, assign_topics, find_topic_hits, load_taxonomy, load_terms, score_topics,
                           topic_near)


# ---------------------------------------------------------------- the data files

def _raw(name: str) -> dict:
    return json.loads(resources.files("corpus.data").joinpath(name).read_text(encoding="utf-8"))


def test_taxonomy_file_is_valid():
    tx = load_taxonomy()
    raw = _raw("topics.json")
    assert [t.id for t in tx.topics] == [t["id"] for t in raw["topics"]]
    assert tx.fallback in tx.ids and tx.is_generic(tx.fallback)
    assert set(tx.domains) >= {GENERIC, "skills"}
    for t in tx.topics:
        assert t.keywords or t.patterns or t.id == tx.fallback, f"{t.id} has nothing to match"


def test_skills_taxonomy_has_the_topics_researchers_ask_for():
    labels = {t.label for t in load_taxonomy().topics if t.domain == "skills"}
    assert {"职业技能培训", "新型学徒制", "技能等级认定/评价", "职业技能竞赛", "技能大师工作室", "高技能人才引进",
            "就业/创业奖励", "实训基地", "职业院校/技工教育", "校企合作", "技能人才待遇"} <= labels


def test_terms_file_is_valid():
    t = load_terms()
    assert [lv.rank for lv in t.levels] == sorted(lv.rank for lv in t.levels)
    assert {"高级技师", "技师", "高级工", "中级工"} <= set(t.level_of.values())
    assert t.units["名"] == "人" and t.units["人次"] == "人次"


def _write(tmp_path, data: dict) -> str:
    p = tmp_path / "topics.json"
    p.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(p)


@pytest.mark.parametrize("change,message", [
    (lambda d: d["topics"].append(dict(d["topics"][0])), "used twice"),
    (lambda d: d["topics"][0].update(id="Bad Id"), "bad id"),
    (lambda d: d["topics"][0].update(domain="housing"), "valid: skills, generic"),
    (lambda d: d["topics"][1]["keywords"].update({"职业技能培训": 2}), "is in both"),
    (lambda d: d["topics"][0]["keywords"].update({"培训x": 0}), "weight > 0"),
    (lambda d: d["topics"][0].update(patterns=[["(unclosed", 2]]), "bad regex"),
    (lambda d: d.update(fallback="nothing"), "is not a topic id"),
    (lambda d: d["stopwords"].append("职业技能培训"), "both a stopword"),
    (lambda d: d.pop("domains"), "'domains'"),
], ids=["duplicate-id", "bad-id", "unknown-domain", "keyword-in-two-topics", "zero-weight", "bad-regex",
        "bad-fallback", "stopword-is-keyword", "no-domains"])
def test_bad_taxonomy_says_what_is_wrong(tmp_path, change, message):
    data = _raw("topics.json")
    change(data)
    with pytest.raises(ValueError, match=message):
        load_taxonomy(_write(tmp_path, data))


def test_bad_terms_say_what_is_wrong(tmp_path):
    data = _raw("terms.json")
    data["levels"].append({"name": "技师", "rank": 99, "aliases": []})
    p = tmp_path / "terms.json"
    p.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValueError, match="given twice"):
        load_terms(str(p))


# ---------------------------------------------------------------- assignment

@pytest.mark.parametrize("title,text,expected", [
    ("全面推行企业新型学徒制", "围绕企业岗位开展工学交替的学徒制培训", "apprenticeship"),
    ("加快产教融合型学徒制培训", "全面推行企业新型学徒制,支持各类院校积极承担教育培训任务", "apprenticeship"),
    ("加强技艺技能培育传承", "鼓励企业自主设立技能大师工作室,每个工作室给予5万元建设补助资金", "master_studio"),
    ("大力开展职业技能竞赛", "定期开展全市综合性职业技能竞赛", "competition"),
    ("推进企业技能人才自主评价", "实现企业技能人才职业技能等级自主认定", "evaluation"),
    ("实施技能提升奖励", "鼓励来鹰就业,分别按高级技师3000元/人标准,给予个人一次性就业奖励", "employment_reward"),
    ("加快引进紧缺高技能领军人才", "将高技能人才招引纳入高层次人才专场招聘", "talent_attraction"),
    ("建设一批公共实训基地", "支持红花岗区公共实训基地建设", "training_base"),
    ("构建完整的技工教育体系", "支持正安技工学校扩大规模,筹备升级高级技工学校", "vocational_school"),
    ("推进校企联合办学", "大力推行引企入校,开展市级产教融合型企业认证", "school_enterprise"),
    ("加大技能人才岗位使用支持力度", "企业可设立技能津贴、班组长津贴、带徒津贴", "treatment"),
    ("推证书直补", "引导城乡各类劳动者通过自学或个人缴费培训取得职业资格证书", "training"),
    ("加强宣传引导", "大力宣传解读技能人才队伍建设政策措施,营造良好氛围", "publicity"),
    ("强化资金保障", "加大资金筹集力度,统筹使用各类资金", "funding"),
    ("推进城市更新", "改造老旧小区二百个", "other"),
], ids=["apprenticeship-title", "apprenticeship-heading-differs", "master-studio", "competition", "evaluation",
        "employment-reward", "talent-attraction", "training-base", "technician-schools", "school-enterprise",
        "treatment", "certificate-subsidy-is-training", "generic-publicity", "generic-funding", "fallback"])
def test_primary_topic(title, text, expected):
    assert assign_topics(title, text)[0] == expected


def test_generic_topic_only_when_no_domain_topic():
    assert assign_topics("强化组织领导", "成立工作专班")[0] == "organisation"
    assert assign_topics("强化组织领导", "各级政府要把职业技能培训作为重要任务")[0] == "training"


def test_longest_keyword_wins_and_stopwords_score_nothing():
    assert [h.word for h in find_topic_hits("技能大师工作室")] == ["技能大师工作室"]
    assert "supervision" not in score_topics("市市场监管局")


def test_keywords_match_across_hard_wraps():
    assert [h.topic for h in find_topic_hits("技能大师工\n\n作室")] == ["master_studio"]


@pytest.mark.parametrize("text,needle,expected", [
    ("全面推行企业新型学徒制,培训后取得职业资格证书的,中级工每人每年补贴5000元。", "5000元", "apprenticeship"),
    ("新建25家技能大师工作室,每个工作室给予5万元建设补助资金。", "5万元", "master_studio"),
    ("对获得省级一类职业技能竞赛项目前3名的选手,分别给予5000元奖励。", "5000元", "competition"),
    ("从市外引进高级技师稳定就业的,按每名2000元的标准给予引才奖励。", "2000元", "talent_attraction"),
    ("给予国家级高技能人才培训基地一次性100万元经费资助,国家级技能大师工作室一次性50万元经费资助。", "100万元",
     "training_base"),
], ids=["sentence-apprenticeship", "clause-master-studio", "competition-prize", "attraction-reward",
        "own-clause-beats-neighbour"])
def test_topic_near_an_amount(text, needle, expected):
    i = text.index(needle)
    assert topic_near(text, (i, i + len(needle)))[0] == expected


def test_topic_near_returns_none_without_keywords():
    t = "按规定给予2000元。"
    assert topic_near(t, (5, 10)) is None


# ---------------------------------------------------------------- doctests of the corpus modules

@pytest.mark.parametrize("module", ["corpus.topics", "corpus.align", "corpus.reuse", "corpus.compare",
                                    "corpus.report"])
def test_doctests(module):
    res = doctest.testmod(importlib.import_module(module), optionflags=doctest.NORMALIZE_WHITESPACE)
    assert res.failed == 0
