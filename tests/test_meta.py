"""Metadata against the gold, and the metadata helpers on real phrases."""
from __future__ import annotations

import pytest

from extractor.meta import extract_meta, find_fields, parse_iso_date, split_issuers

from .conftest import SAMPLES, SEED_STEMS, load_gold, needs_shared


def _norm(s):
    if s is None:
        return None
    return "".join(str(s).split()).translate(str.maketrans("〔〕［］（）", "[][]()"))


@needs_shared
@pytest.mark.parametrize("field", ["title", "policy_title", "doc_number", "date", "issuer"])
@pytest.mark.parametrize("stem", SEED_STEMS)
def test_meta_matches_gold(stem, field, seed_notices):
    gold = load_gold(stem)["meta"][field]
    got = getattr(seed_notices[stem].meta, field)
    if field == "issuer":
        assert [_norm(x) for x in got] == [_norm(x) for x in gold]
    else:
        assert _norm(got) == _norm(gold)


@pytest.mark.parametrize("s,iso", [
    ("2023-02-13", "2023-02-13"), ("2025年07月03日", "2025-07-03"), ("2023年9月20日", "2023-09-20"),
    ("1647800177000", "2022-03-21"), ("二〇二三年九月二十日", "2023-09-20"), ("鼎政办规〔2023〕8号", None),
], ids=["iso", "cn-padded", "cn", "epoch-ms-china-time", "cn-numerals", "docno-is-not-a-date"])
def test_parse_iso_date(s, iso):
    assert parse_iso_date(s) == iso


@pytest.mark.parametrize("prefix,expected", [
    ("威海市人力资源和社会保障局等12部门 ", ["威海市人力资源和社会保障局"]),
    ("重庆市粮食局 重庆市财政局", ["重庆市粮食局", "重庆市财政局"]),
    ("自治区乡村振兴局自治区总工会", ["自治区乡村振兴局", "自治区总工会"]),
    ("大 同 市 人 民 政 府 办 公 室", ["大同市人民政府办公室"]),
    ("广西 ", []),
], ids=["deng-n-bumen", "joint", "joined-without-space", "letter-spaced", "not-a-body"])
def test_split_issuers(prefix, expected):
    assert split_issuers(prefix) == expected


def test_fields_from_pipe_rows_and_bullets():
    f = find_fields("索 引 号 | 111 | 主题分类 | 劳动 |\n发布机构 | 自治区人力资源社会保障厅 | 文 号 | 内人社发〔2022〕31号 |\n"
                    "  • 成文日期: 1647800177000\n")
    assert f["文号"].value == "内人社发〔2022〕31号"
    assert f["发布机构"].value == "自治区人力资源社会保障厅"
    assert f["成文日期"].value == "1647800177000"


def test_body_citation_is_not_the_doc_number():
    text = ("福建省职业技能提升工程实施方案\n一、目标任务\n根据《关于加强高技能人才队伍建设的意见》(闽委人才〔2023〕3号),制定本方案。")
    assert extract_meta(text, text.index("一、")).doc_number is None


def test_wrapped_title_is_joined():
    text = ("鼎政办规〔2023〕8号\n\n福鼎市人民政府办公室关于印发福鼎市技能\n人才队伍建设规划（2023-2025年）的通知\n\n"
            "各乡（镇）人民政府：\n现将规划印发给你们。\n一、指导思想")
    m = extract_meta(text, text.index("一、"))
    assert m.title == "福鼎市人民政府办公室关于印发福鼎市技能人才队伍建设规划（2023-2025年）的通知"
    assert m.policy_title == "福鼎市技能人才队伍建设规划（2023-2025年）"
    assert m.issuer == ("福鼎市人民政府办公室",)
    assert m.recipients == ("各乡（镇）人民政府",)
