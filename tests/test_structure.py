"""Section tree and measures, checked against the gold measure titles."""
from __future__ import annotations

import pytest

from extractor.normalize import normalize
from extractor.structure import (heading_title, match_marker, measure_headings, paragraph_measures, parse_skeleton,
                                 single_paragraph_tops)

from .conftest import SEED_STEMS, load_gold, needs_shared


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


@pytest.mark.parametrize("text,expected", [
    ("序号\t重点任务\t牵头单位\t配合单位\t完成时限\n1\t开展职业技能培训\t市人社局\t市财政局、市教育局\t2023年底\n",
     [{"no": "1", "task": "开展职业技能培训", "lead": "市人社局", "support": "市财政局、市教育局", "deadline": "2023年底"}]),
    ("序号\t重点任务\t责任单位\t完成时限\n1\t开展职业技能培训\t市人社局(牵头)、市财政局\t2023年底\n",
     [{"no": "1", "task": "开展职业技能培训", "responsible": "市人社局(牵头)、市财政局", "deadline": "2023年底"}]),
    ("序号\t重点任务\t牵头单位\t配合单位\t完成时限\n2\t推进技能人才评价\t市人社局\t\t\n",
     [{"no": "2", "task": "推进技能人才评价", "lead": "市人社局", "support": "", "deadline": ""}]),
    ("序号\t重点任务\t牵头单位\t配合单位\t完成时限\n1\t开展职业技能培训\t市人社局\t市财政局\t2023年底\n\t\t市总工会\t\t2024年底\n",
     [{"no": "1", "task": "开展职业技能培训", "lead": "市人社局", "support": "市财政局", "deadline": "2023年底"},
      {"no": "", "task": "开展职业技能培训", "lead": "市总工会", "support": "", "deadline": "2024年底"}]),
    ("序号\t重点任务\t牵头单位\t完成时限\n一、强化技能培训\n1\t开展职业技能培训\t市人社局\t2023年底\n",
     [{"no": "1", "task": "开展职业技能培训", "lead": "市人社局", "deadline": "2023年底"}]),
    ("序号  重点任务          牵头单位      配合单位      完成时限\n"
     "1     加大资金投入      市财政局      市人社局      2025年底\n"
     "2     加强督促考核      市政府督查室                2025年底\n",
     [{"no": "1", "task": "加大资金投入", "lead": "市财政局", "support": "市人社局", "deadline": "2025年底"},
      {"no": "2", "task": "加强督促考核", "lead": "市政府督查室", "support": "", "deadline": "2025年底"}]),
], ids=["tab-laid-row", "tab-laid-responsible-column", "tab-laid-blank-trailing-cells", "tab-laid-blank-merged-task-carried",
        "tab-laid-group-row-skipped", "space-laid-blank-cell-under-its-column"])
def test_tab_and_space_laid_tables(text, expected):
    sk = parse_skeleton(normalize("某市重点任务分工方案\n" + text).text)
    assert [r.cells for _, r in sk.table_rows] == expected


@pytest.mark.parametrize("text", [
    "四川省人力资源和社会保障厅    中共四川省委网络安全和信息化委员会办公室\n四川省教育厅    四川省财政厅\n",
    "发布时间:2016-09-18    信息来源:未知\n第一条  为推动实施就业优先战略,落实各项就业创业扶持政策。\n",
], ids=["two-column-signature", "page-chrome-and-article"])
def test_space_runs_without_a_task_header_are_not_tables(text):
    n = normalize(text)
    assert "\t" not in n.text and parse_skeleton(n.text).table_rows == []


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


def _measure_titles(text: str) -> list[str]:
    sk = parse_skeleton(normalize(text).text)
    heads = measure_headings(sk.headings) + single_paragraph_tops(sk)
    return [h.title for h in heads] + [ln.text.split(",")[0] for _, ln in paragraph_measures(sk)]


@pytest.mark.parametrize("text,expected", [
    ("一、发展环境\n“十三五”时期,我省技工教育取得明显成效。\n——政策环境不断优化。省委、省政府高度重视技能人才工作。\n"
     "二、主要任务\n(一)扩大办学规模。各地要支持技工院校扩大招生。", ["扩大办学规模"]),
    ("第三条 就业补助资金使用管理应遵循以下原则:\n(一)注重普惠,重点倾斜。落实普惠性就业创业政策。\n"
     "第四条 部门的主要职责:\n财政部门主要负责资金管理。", ["部门的主要职责"]),
    ("第二条 本办法的扶持范围包括:\n(一)化妆品生产企业。\n第三条 对新获批的企业给予一次性奖励。", ["对新获批的企业给予一次性奖励"]),
    ("第一条 为鼓励全省哲学社会科学工作者积极探索,省人民政府设立“广东省哲学社会科学优秀成果奖”。\n第二条 省委宣传部负责评奖的管理工作。",
     ["省委宣传部负责评奖的管理工作"]),
    ("1、“十四五”职业技能培训实施方案为深入贯彻习近平总书记关于技能人才、职业教育工作的重要指示精神,加快实施就业优先战略、人才强市战略,"
     "制定本实施方案。一、总体要求坚持以习近平新时代中国特色社会主义思想为指导。\n"
     "2、新发展格局,推动高质量发展,以改革创新为动力,以构建技能型社会为主线,不断健全劳动者终身职业技能培训制度,为高质量发展提供有力的技能人才支撑。"
     "二、基本原则坚持党的全面领导。", []),
    ("关于支持技能人才发展的若干措施\n为加快技能人才队伍建设,制定如下措施。\n"
     "【加大培训补贴】对取得高级工证书的,每人补贴2000元。(责任单位:市人社局)\n【支持企业自主评价】支持企业开展技能等级认定。",
     ["加大培训补贴", "支持企业自主评价"]),
    ("一、加大培训补贴力度\n对取得高级工证书的,每人补贴2000元。(责任单位:市人社局)\n二、支持企业自主评价\n支持企业开展技能等级认定。",
     ["加大培训补贴力度", "支持企业自主评价"]),
    ("一、支持企业稳定岗位\n加大减负稳岗力度,继续延长实施阶段性降低失业保险费率政策。(自治区人社厅、财政厅,排首位为牵头单位,下同)\n"
     "落实普惠金融定向降准政策,对符合条件的金融机构实施定向降准。(人民银行南宁中心支行)", ["加大减负稳岗力度", "落实普惠金融定向降准政策"]),
    ("五、优化产业发展生态圈\n第二十条 进一步强化文旅体、版权产业链条。\n六、附则\n本措施自印发之日起施行,有效期三年。\n"
     "《广州市黄埔区促进文化旅游产业发展办法》同时废止。", ["进一步强化文旅体、版权产业链条"]),
    ("一、主要任务\n(一)加强组织领导:各县区要建立工作机制。(牵头单位:市人社局)\n(二)开展技能竞赛:每年举办一次技能大赛。",
     ["加强组织领导", "开展技能竞赛"]),
    ("一、重点任务\n(一)实施技能提升行动\n1.开展企业职工培训。每年培训1万人次。(牵头单位:市人社局)\n(1)岗前培训。对新录用人员开展培训。\n"
     "(2)在岗培训。对在岗职工开展培训。\n2.开展农民工培训。每年培训5000人次。", ["开展企业职工培训", "开展农民工培训"]),
], ids=["background-section-is-not-work", "principles-article-skipped", "scope-article-skipped", "purpose-article-setting-up-award",
        "preview-page-chunks-are-not-items", "unnumbered-bracket-headings", "one-paragraph-cn-heading-is-the-measure",
        "several-paragraphs-are-measures", "closing-section-paragraphs-skipped", "run-in-heading-closed-by-colon",
        "sub-points-belong-to-the-numbered-item"])
def test_which_items_are_measures(text, expected):
    assert _measure_titles(text) == expected


def _levels(text: str) -> list[tuple[str, int]]:
    return [(h.number, h.level) for h in parse_skeleton(normalize(text).text).headings]


@pytest.mark.parametrize("text,expected", [
    ("6.依法开展规划环境影响评价。严格执行环境影响评价法律法规。\n(二)生态环境质量改善\n7.环境空气质量。完善网格化监管网络。\n"
     "8.水环境质量。全面实施全域治理行动。\n(三)生态系统保护\n9.生态环境状况指数。持续保持生物多样性优势。",
     [("6.", 1), ("(二)", 1), ("7.", 2), ("8.", 2), ("(三)", 1), ("9.", 2)]),
    ("(3)做好岗前培训。对新录用人员开展培训。\n2.开展农民工培训。每年培训5000人次。\n(三)强化保障\n3.落实补贴。按规定给予补贴。",
     [("(3)", 1), ("2.", 1), ("(三)", 1), ("3.", 2)]),
    ("一、主要任务\n1.开展企业职工培训。每年培训1万人次。\n二、保障措施\n(一)加强组织领导\n1.建立工作机制。各县区要建立机制。",
     [("一、", 1), ("1.", 2), ("二、", 1), ("(一)", 2), ("1.", 3)]),
    ("一、主要任务\n1.开展企业职工培训\n(1)岗前培训。对新录用人员开展培训。\n(2)在岗培训。对在岗职工开展培训。",
     [("一、", 1), ("1.", 2), ("(1)", 3), ("(2)", 3)]),
    ("一、做强优势产业\n第一条 做强雪梨产业\n1.新建雪梨基地连片面积达3亩以上的,给予1200元/亩的补助。",
     [("一、", 1), ("第一条", 2), ("1.", 3)]),
], ids=["excerpt-starts-at-num-before-pcn", "excerpt-starts-at-pnum", "skipped-level-then-pcn-goes-above-num",
        "levels-by-first-appearance", "cn-and-article-not-ranked"])
def test_levels_follow_conventional_rank(text, expected):
    assert _levels(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("6.依法开展规划环境影响评价。严格执行环境影响评价法律法规。\n牵头单位:市生态环境局\n(二)生态环境质量改善\n7.环境空气质量。完善网格化监管网络。\n"
     "牵头单位:市生态环境局\n(三)生态系统保护\n9.生态环境状况指数。持续保持生物多样性优势。",
     ["依法开展规划环境影响评价", "环境空气质量", "生态环境状况指数"]),
    ("一、做强优势产业,彰显云和特色\n第一条 做强雪梨产业\n1.新建早中晚熟雪梨基地连片面积达3亩以上的,给予1200元/亩的补助。\n"
     "2.对现有荒芜梨园进行品种或清园补植改造,连片面积达10亩以上的,给予1000元/亩的补助。\n第二条 做优茶叶产业\n1.新建茶园连片面积达20亩以上的,给予1000元/亩的补助。",
     ["新建早中晚熟雪梨基地连片面积达3亩以上的,给予1200元/亩的补助", "对现有荒芜梨园进行品种或清园补植改造,连片面积达10亩以上的,给予1000元/亩的补助",
      "新建茶园连片面积达20亩以上的,给予1000元/亩的补助"]),
    ("第九条 申报注册新原料扶持项目应当提供以下材料:\n(一)扶持申报表;\n(二)诚信承诺书。\n第十条 市市场监管局负责组织评审。",
     ["申报注册新原料扶持项目应当提供以下材料", "市市场监管局负责组织评审"]),
    ("第六条 举报奖励发放规则:\n(一)同一违法违规行为由两个举报人分别举报的,奖励最先举报人。\n(二)举报人联名举报的,按照同一举报奖励。",
     ["举报奖励发放规则"]),
    ("第三条 申报条件\n(一)在本市依法注册登记的企业;\n(二)近三年无严重失信行为。\n第四条 市人社局负责组织评审。",
     ["申报条件", "市人社局负责组织评审"]),
    ("第三条 举报人向粮食行政管理部门反映政策性粮食购销违法违规行为,经查证属实应予奖励的,适用本实施细则。\n第四条 市粮食局负责受理举报。",
     ["市粮食局负责受理举报"]),
    ("第五条 在广东从事哲学社会科学工作的个人或集体,正式出版的学术著作均可列入评奖范围。\n第六条 省社科联负责组织评审。",
     ["省社科联负责组织评审"]),
    ("第七条 符合条件的,适用本办法第十条规定给予奖励。", ["符合条件的"]),
], ids=["excerpt-items-under-later-pcn-are-measures", "items-of-a-titled-article-are-measures",
        "article-stating-its-provision-keeps-its-items", "article-with-colon-keeps-its-items",
        "article-titled-as-a-list-of-conditions-keeps-its-items", "scope-article-of-shishi-xize-skipped",
        "eligibility-scope-article-skipped", "cross-reference-to-another-article-is-no-scope"])
def test_which_items_are_measures_in_excerpts_and_articles(text, expected):
    assert _measure_titles(text) == expected


@pytest.mark.parametrize("rest,expected", [
    ("按照省市部署实施“秸秆变肉”暨肉牛振兴计划(责任单位:县农业农村局)。", ("按照省市部署实施“秸秆变肉”暨肉牛振兴计划", False)),
    ("组织人员参加各级农村电商技能培训,壮大农村电商市场主体(责任单位:县商务局)。推荐评选2名乡村文化和旅游带头人。",
     ("组织人员参加各级农村电商技能培训,壮大农村电商市场主体", True)),
    ("落实创业担保贷款政策(含个人和小微企业)。符合条件的给予贴息。", ("落实创业担保贷款政策(含个人和小微企业)", True)),
], ids=["marker-before-the-full-stop-dropped", "marker-of-a-run-in-heading-dropped", "other-brackets-kept"])
def test_heading_title_without_responsibility_marker(rest, expected):
    assert heading_title(rest) == expected
