"""The whole pipeline on the seeds: the scorer's figures, spans, determinism, schema."""
from __future__ import annotations

import json

import pytest

from extractor.jsonio import notice_to_dict, notice_to_json
from extractor.pipeline import parse_file, parse_text

from .conftest import SAMPLES, load_gold, load_scorer, needs_shared


def _summary(seed_notices):
    score = load_scorer()
    totals = {}
    for stem, n in seed_notices.items():
        r = score.score_doc(notice_to_dict(n, include_text=False), load_gold(stem))
        for k, v in r.items():
            if isinstance(v, dict):
                t = totals.setdefault(k, {"tp": 0, "pred": 0, "gold": 0})
                for x in ("tp", "pred", "gold"):
                    t[x] += v[x]
    return {k: score.prf(v["tp"], v["pred"], v["gold"])["f1"] for k, v in totals.items()}


@needs_shared
@pytest.mark.parametrize("field,bound", [
    ("measures", 0.95), ("meta.title", 0.9), ("meta.policy_title", 0.9), ("meta.doc_number", 0.9),
    ("meta.issuer", 0.9), ("meta.date", 0.9),
])
def test_scorer_bounds_on_seeds(field, bound, seed_notices):
    assert _summary(seed_notices)[field] >= bound


def test_every_span_quotes_its_text(seed_notices):
    for n in seed_notices.values():
        for fact in (*n.amounts, *n.targets, *n.deadlines, *n.recurrences, *n.obligations):
            s, e = fact.span
            assert n.text[s:e] == fact.text
        for m in n.measures:
            for u in m.units:
                s, e = u.span
                assert "".join(n.text[s:e].split()) == u.name


def test_measure_spans_hold_their_titles(seed_notices):
    for n in seed_notices.values():
        for m in n.measures:
            s, e = m.span
            # a table row whose task cell was merged with the rows above carries that cell's title down
            body = "".join(n.text[:e].split()) if m.source == "table" else "".join(n.text[s:e].split())
            assert "".join(m.title.split()) in body
            if m.source == "table":
                assert "".join(m.text.split()) in "".join(n.text[s:e].split())


def test_json_is_deterministic():
    f = SAMPLES / "yingtan_2023_skills_action.txt"
    assert notice_to_json(parse_file(f)) == notice_to_json(parse_file(f))


def test_json_is_valid_against_the_published_schema(seed_notices):
    import jsonschema

    from extractor.schema import notice_schema

    schema = notice_schema()
    for n in seed_notices.values():
        jsonschema.validate(json.loads(notice_to_json(n)), schema)


def test_published_schema_file_is_current():
    from extractor.schema import notice_schema

    from .conftest import ROOT

    on_disk = json.loads((ROOT / "schema" / "notice.schema.json").read_text(encoding="utf-8"))
    assert on_disk == notice_schema(), "regenerate: python -m extractor.schema > schema/notice.schema.json"


@pytest.mark.parametrize("text,expected", [
    ("关于支持技能人才发展的若干措施\n为加快技能人才队伍建设,制定如下措施。\n"
     "【加大培训补贴】对取得高级工证书的,每人补贴2000元。(责任单位:市人社局、市财政局)\n",
     [("加大培训补贴", ["市人社局", "市财政局"])]),
    ("某市推进技能人才队伍建设实施方案\n一、重点任务\n(一)实施技能提升行动\n1.开展企业职工培训。每年培训1万人次。(牵头单位:市人社局)\n"
     "(1)岗前培训。对新录用人员开展培训。\n(2)在岗培训。对在岗职工开展培训。\n",
     [("开展企业职工培训", ["市人社局"])]),
    ("关于支持技能人才发展的若干措施\n一、加大培训补贴力度\n对取得高级工证书的,每人补贴2000元。(责任单位:市人社局)\n",
     [("加大培训补贴力度", ["市人社局"])]),
    ("济宁市人民政府关于进一步做好就业创业工作的意见\n各县(市、区)人民政府: 为做好就业创业工作,现提出以下意见: 一、深入实施就业优先战略 "
     "1.坚持就业优先发展战略。将就业创业工作纳入政绩考核。(市发展改革委、市人力资源社会保障局牵头,市委组织部参加) "
     "2.发挥小微企业就业主渠道作用。扶持发展小微企业。(市经济和信息化委牵头,市财政局参加)",
     [("坚持就业优先发展战略", ["市发展改革委", "市人力资源社会保障局", "市委组织部"]),
      ("发挥小微企业就业主渠道作用", ["市经济和信息化委", "市财政局"])]),
    ("某市技能人才队伍建设重点任务分工方案\n序号\t重点任务\t责任单位\t完成时限\n"
     "1\t开展职业技能培训\t市人社局(牵头)、市财政局\t2023年底\n2\t组织职业技能竞赛\t市总工会\t2024年底\n",
     [("开展职业技能培训", ["市人社局", "市财政局"]), ("组织职业技能竞赛", ["市总工会"])]),
    ("關(guān)于穩(wěn)定和擴(kuò)大就業(yè)若干政策措施\n一、加大助企紓困力度\n"
     "(一)加大稅費(fèi)減免力度。落實(shí)各項(xiàng)減稅政策。(責(zé)任單位:市財(cái)政局、高新區(qū)管委會(huì))\n",
     [("加大稅費(fèi)減免力度", ["市財(cái)政局", "高新區(qū)管委會(huì)"])]),
    ("一、做强优势产业\n第一条 做强雪梨产业\n1.新建雪梨基地连片面积达3亩以上的,给予1200元/亩的补助。(责任单位:县农业农村局)\n"
     "2.实施雪梨基地防风设施建设。(责任单位:县林业局)\n",
     [("新建雪梨基地连片面积达3亩以上的,给予1200元/亩的补助", ["县农业农村局"]), ("实施雪梨基地防风设施建设", ["县林业局"])]),
], ids=["bracket-heading-measure-with-units", "numbered-item-with-sub-points", "one-paragraph-section-measure",
        "items-on-one-line", "tab-laid-table-rows", "unit-keeps-the-gloss-of-its-last-character", "items-of-a-titled-article"])
def test_measures_and_their_units_end_to_end(text, expected):
    n = parse_text(text)
    assert [(m.title, [u.name for u in m.units]) for m in n.measures] == expected


@pytest.mark.parametrize("rows,expected", [
    ("1 | 设立省重大科技专项支持芯片研发攻关 | 省科技厅 | 省经信厅、省科技厅 |",
     [("省科技厅", "lead"), ("省经信厅", "support")]),
    ("1 | 建设算力监测调度平台 | 省发展改革委 | 省经信厅、省能源局、省经信厅 |",
     [("省发展改革委", "lead"), ("省经信厅", "support"), ("省能源局", "support")]),
    ("1 | 完善职业技能培训体系 | 省科技厅 | 省科学技术协会、省财政厅 |",
     [("省科技厅", "lead"), ("省科学技术协会", "support"), ("省财政厅", "support")]),
], ids=["body-in-lead-and-support-cells-once-as-lead", "body-twice-in-one-cell-once", "different-names-both-kept"])
def test_table_row_units_are_not_repeated(rows, expected):
    text = "某省人工智能重点任务清单\n序号 | 重点任务 | 牵头单位 | 配合单位 |\n" + rows + "\n"
    n = parse_text(text)
    assert [("".join(u.name.split()).replace("（", "(").replace("）", ")"), u.role) for u in n.measures[0].units] == expected


def _targets(text: str) -> list[tuple[str, float, str, int | None]]:
    return [(t.text, t.value, t.unit, t.year) for t in parse_text(text).targets]


@pytest.mark.parametrize("text,expected", [
    ("一、总体目标\n到2025年,力争实现以下目标:\n——全市培训技能人才10万人次。\n——新增高技能人才2万人。\n二、主要任务\n(一)开展培训。全年培训1万人次。",
     [("10万人次", 100000, "人次", 2025), ("2万人", 20000, "人", 2025), ("1万人次", 10000, "人次", None)]),
    ("为加快技能人才队伍建设,制定本方案。\n到2025年,力争实现以下目标:\n1.全市培训技能人才10万人次。\n2.新增高技能人才2万人。\n"
     "一、主要任务\n(一)开展培训。培训农民工1万人次。",
     [("10万人次", 100000, "人次", 2025), ("2万人", 20000, "人", 2025), ("1万人次", 10000, "人次", None)]),
    ("一、总体要求\n(一)工作目标\n到2025年,实现以下目标:\n1.培训技能人才10万人次。\n(二)基本原则\n坚持需求导向,新建20个工作室。",
     [("10万人次", 100000, "人次", 2025), ("20个", 20, "个", None)]),
], ids=["framing-line-under-a-heading", "framing-line-before-the-sections-opens-a-list", "frame-ends-with-its-section"])
def test_goals_listed_under_a_framing_line_get_its_year(text, expected):
    assert _targets(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("一、支持园区建设\n(一)建设园区。对新认定的创业园区（基地）,每个园区（基地）给予50万元补助。", ("50万元", ("园区（基地）",))),
    ("一、主要任務\n(一)發放補貼。對取得職業資格證書的人員，按500元／張給予補貼。", ("500元／張", ("張",))),
    ("一、主要任务\n(一)落实补贴。对参加培训的,每人每年补贴5000元。", ("5000元", ("人", "年"))),
], ids=["full-width-brackets-kept", "traditional-per-kept", "plain-per-unchanged"])
def test_amount_per_as_written(text, expected):
    assert [(a.text, a.per) for a in parse_text(text).amounts] == [expected]


@pytest.mark.parametrize("text,expected", [
    ("一、主要任務\n(一)建設工作室。到2025年，新建技能大師工作室10個，培訓職業技能人才1萬人次。",
     [("10個", 10, "個", 2025), ("1萬人次", 10000, "人次", 2025)]),
    ("一、主要任务\n(一)提高占比。到2025年,技能人才占就业人员的比例达到30％。", [("30％", 30, "％", 2025)]),
], ids=["traditional-unit-kept", "full-width-percent-kept"])
def test_target_unit_as_written(text, expected):
    assert _targets(text) == expected


@pytest.mark.parametrize("header,row,title", [
    ("序号 | 重点任务 | 牵头单位 | 配合单位 |",
     "1 | 设立省重大科技专项支持芯片研发攻关。加快先进封装技术和产线发展 | 省科技厅 | 省经信厅 |",
     "设立省重大科技专项支持芯片研发攻关。加快先进封装技术和产线发展"),
    ("序号 | 重点任务 | 工作措施 | 责任单位 |",
     "1 | 培育铜基新材料产业链技能人才。以建设铜产业学院为契机 | 开展订单式培养。 | 市工信局 |",
     "培育铜基新材料产业链技能人才"),
], ids=["task-cell-is-the-only-text-kept-whole", "task-cell-cut-at-first-sentence-beside-a-requirement-column"])
def test_table_row_title(header, row, title):
    n = parse_text("某省人工智能重点任务清单\n" + header + "\n" + row + "\n")
    assert [m.title for m in n.measures] == [title]


_SENTENCE_ITEMS = ("各州、市人力资源和社会保障局,各区属技工院校:\n"
                   "为做好2024年技工院校招生工作,现将2024年技工院校招生计划印发给你们,请认真贯彻落实。\n"
                   "一、各州、市人力资源和社会保障部门要做好技工院校招生宣传,面向应往届初高中毕业生开展招生。\n"
                   "二、鼓励和支持区属技工院校面向南疆籍学生开展招生工作。\n"
                   "附件:1.2024年度技工院校招生计划表(下载)\n"
                   "2.2024年度技工院校培训计划表(下载)\n")
_CUT_LAST_ITEM = ("二、聚焦保障粮食安全\n(一)稳定粮食播种面积。严格落实粮食安全党政同责,确保粮食播种面积稳定。\n"
                  "(二)扩大油料生产。实施大豆玉米带状复合种植,扩大油菜种植面积。\n\n(三)合理保障农民种粮收")
_DEFINITION_ARTICLES = ("第一条 为加快培育本区技能人才,制定本办法。\n"
                        "第二条 本区工匠是指掌握专门知识和技术、技艺精湛的技能人才。\n"
                        "第三条 本区工匠分为A、B、C三个类别。其中,A类工匠是指技能造诣卓越的技能人才。\n"
                        "第四条 区人力资源局负责工匠的认定和管理工作。\n"
                        "第五条 合作银行是指在本区设有分行的银行业金融机构。合作银行主要负责对贷款项目进行调查。\n")


@pytest.mark.parametrize("text,expected", [
    (_SENTENCE_ITEMS, ["各州、市人力资源和社会保障部门要做好技工院校招生宣传,面向应往届初高中毕业生开展招生",
                       "鼓励和支持区属技工院校面向南疆籍学生开展招生工作"]),
    (_CUT_LAST_ITEM, ["稳定粮食播种面积", "扩大油料生产", "合理保障农民种粮收"]),
    (_DEFINITION_ARTICLES, ["区人力资源局负责工匠的认定和管理工作", "合作银行是指在本区设有分行的银行业金融机构"]),
], ids=["sentence-items-are-measures-and-attachment-list-is-not", "item-cut-by-page-end-is-a-measure",
        "articles-that-only-define-or-classify-are-not-measures"])
def test_measure_titles_of_short_notices(text, expected):
    assert [m.title for m in parse_text(text).measures] == expected


def test_attachment_list_does_not_shape_the_section_tree():
    n = parse_text(_SENTENCE_ITEMS)
    assert [s.number for s in n.sections] == ["一、", "二、"]
