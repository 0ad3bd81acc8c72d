"""Section tree and measures, checked against the gold measure titles."""
from __future__ import annotations

import pytest

from extractor.normalize import normalize
from extractor.structure import heading_title, match_marker, measure_headings, parse_skeleton

from .conftest import SAMPLES, SEED_STEMS, load_gold, needs_shared


@pytest.mark.parametrize("line,kind", [
    ("一、总体要求", "cn"), ("(一)指导思想", "pcn"), ("1.建立终身职业培训体系。", "num"), ("12、推进", "num"),
    ("(3)做好", "pnum"), ("①加强", "circ"), ("第三条 市财政局负责", "article"), ("第二章 职责分工", "chapter"),
], ids=["cn", "pcn", "num-dot", "num-dunhao", "pnum", "circled", "article", "chapter"])
def test_markers(line, kind):
    assert match_marker(line)[0] == kind


@pytest.mark.parametrize("line", ["2025年底前完成", "1.5万人次", "30%以上", "一年一次"],
                         ids=["year", "decimal", "percent", "cn-word"])
def test_not_markers(line):
    assert match_marker(line) is None


def test_run_in_heading_title():
    assert heading_title("进一步健全技能人才引育体系。积极健全完善以企业行业为主体") == ("进一步健全技能人才引育体系", True)


def test_levels_follow_first_appearance():
    text = "一、主要任务\n(一)培养\n1.甲。做甲\n2.乙。做乙\n(二)评价\n3.丙。做丙\n二、保障措施\n(一)强化组织领导。各地要加强领导。"
    sk = parse_skeleton(normalize(text).text)
    assert [(h.number, h.level) for h in sk.headings] == [
        ("一、", 1), ("(一)", 2), ("1.", 3), ("2.", 3), ("(二)", 2), ("3.", 3), ("二、", 1), ("(一)", 2)]
    assert [h.title for h in measure_headings(sk.headings)] == ["甲", "乙", "丙", "强化组织领导"]


def test_principles_are_not_measures():
    text = "一、指导思想和基本原则\n(一)指导思想\n以习近平新时代中国特色社会主义思想为指导。\n二、主要措施\n(一)健全体系。做事。"
    sk = parse_skeleton(normalize(text).text)
    assert [h.title for h in measure_headings(sk.headings)] == ["健全体系"]


def test_flattened_table_with_merged_cells_carries_task_down():
    text = ("附件\n任务分工\n序号 | 重点任务 | 工作要求 | 责任部门 |\n"
            "1 | 培育铜基新材料产业链技能人才 | 以建设先进铜产业学院为契机。 | 市工信局、市教育局 |\n"
            "2 | 将“铜+互联网”引入培育过程。 | 贵溪市人民政府、市科技局 | |\n")
    sk = parse_skeleton(normalize("一、任务\n(一)甲。乙\n" + text).text)
    rows = [r.cells for _, r in sk.table_rows]
    assert rows[1]["task"] == "培育铜基新材料产业链技能人才"
    assert rows[1]["requirement"] == "将“铜+互联网”引入培育过程。"
    assert rows[1]["responsible"] == "贵溪市人民政府、市科技局"


@needs_shared
@pytest.mark.parametrize("stem", SEED_STEMS)
def test_body_measure_titles_match_gold(stem, seed_notices):
    """Every gold measure that is a numbered body item is found with its exact title."""
    gold_titles = [m["title"] for m in load_gold(stem)["measures"] if not m.get("text")]
    got = {"".join(m.title.split()).replace("（", "(").replace("）", ")") for m in seed_notices[stem].measures}
    missing = [t for t in gold_titles if "".join(t.split()).replace("（", "(").replace("）", ")") not in got]
    assert not missing


def test_every_measure_in_exactly_one_section(seed_notices):
    for n in seed_notices.values():
        for m in n.measures:
            if m.source == "body":
                holders = [s for s in n.sections if s.span[0] <= m.span[0] and m.span[1] <= s.span[1] and s.path == m.section]
                assert len(holders) == 1, (m.id, m.title)
