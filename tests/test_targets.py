"""extractor.targets: quantitative goals (value, counting word, due year).

Unit cases come from the seed and dev notices and from GUIDELINE.md ("targets"); the gold
regression scores the extractor over the seeds (and the dev notices) with the shared scorer's
own matching; the property tests feed it arbitrary and notice-like text.
"""
from __future__ import annotations

import importlib.util
import json
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.normalize import normalize
from extractor.targets import extract_targets, load_counting_words, load_target_cues, parse_target
from .conftest import assert_linear

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
needs_shared = pytest.mark.skipif(not (SHARED / "eval" / "score.py").is_file(),
                                  reason="../shared (gold, seeds, scorer) is not beside the repo")


def _scorer():
    spec = importlib.util.spec_from_file_location("zhengce_score", SHARED / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def pairs(text, **kw):
    return [(t.value, t.unit) for t in extract_targets(normalize(text).text, **kw)]


CASES = [
    ("wan-people", "培育从事技能工作的劳动者总量翻一番,达到30万人", [(300000, "人")]),
    ("share-percent", "其中高技能人才占比达到40%以上", [(40, "%")]),
    ("wan-person-times", "职业技能培训规模突破10万人次", [(100000, "人次")]),
    ("decimal-wan", "学制教育规模突破4.5万人", [(45000, "人")]),
    ("ming-with-noun", "引进1000名以上具有技术攻关、技艺研发等业绩成果的高技能人才", [(1000, "名")]),
    ("ranges", "建设3—5所左右高水平中职学校、1—2所左右高水平高职院校",
     [(3, "所"), (5, "所"), (1, "所"), (2, "所")]),
    ("cn-after-verb", "每年举办一届“技能兴威”职业技能竞赛活动", [(1, "届")]),
    ("cn-range", "每个乡镇配备一至两名专职工作人员", [(1, "名"), (2, "名")]),
    ("two-in-a-row", "每年组织竞赛2场以上,组织100名以上人员参赛", [(2, "场"), (100, "名")]),
    ("percent-list", "职业院校毕业生市内实习率、市内就业率分别达到60%、50%以上", [(60, "%"), (50, "%")]),
    ("percent-opens-clause", "90%以上专业与市内合作企业实现对接", [(90, "%")]),
    ("percent-of-noun", "90%的乡镇卫生院达到服务能力推荐标准", [(90, "%")]),
    ("percent-raised-to", "实施超高清入户行动,提高有线电视超高清机顶盒占比至75%", [(75, "%")]),
    ("percent-at-least-share", "各职业院校每年开展职业技能培训人次数不得少于在校生人数的50%", [(50, "%")]),
    ("times-list", "提供至少1次政策宣介、1次职业指导、3次岗位推荐及1次培训或见习机会",
     [(1, "次"), (1, "次"), (3, "次"), (1, "次")]),
    ("ge-yishang", "为每名困难毕业生推荐3个以上优质岗位", [(3, "个")]),
    ("meeting-once", "联席会议原则上每季度召开一次", [(1, "次")]),
    ("bare-scales", "打造百项高价值场景,开发千款智能体产品,推动万家企业牵头应用",
     [(100, "项"), (1000, "款"), (10000, "家")]),
    ("days-of-supply", "建立不低于城镇常住人口10天市场供应量的成品粮油储备", [(10, "天")]),
    ("baseline-dropped", "2024年新评选省级技能大师工作室数量从60个增加至80个", [(80, "个")]),
    ("noun-then-number", "新增各类培训机构30家,其中围绕重点产业链建设的培训机构不少于10家", [(30, "家"), (10, "家")]),
    ("approx-yu", "带动就业创业4000余人次", [(4000, "人次")]),
    ("in-brackets", "全市各类职业院校达到14所(技工院校4所)", [(14, "所"), (4, "所")]),
    ("stable-at", "年招生规模稳定在1.5万人以上", [(15000, "人")]),
    ("jia-before-jia", "培育10家家政培训示范基地", [(10, "家")]),
    ("share-after-ensure", "确保锦江区、青羊区、金牛区、武侯区、成华区50%的城市社区建成完备的社区嵌入式服务综合体", [(50, "%")]),
    ("energy-falls", "单位工业增加值能耗年均下降5%", [(5, "%")]),
    ("cn-noun-list", "要培养百名杰出技能人才、千名拔尖技能人才和万名优秀技能人才", [(100, "名"), (1000, "名"), (10000, "名")]),
    ("bracket-follows-kept-host", "完成60万人次职业技能培训、45万人(含新增高技能人才15万人)取得相应证书",
     [(600000, "人次"), (450000, "人"), (150000, "人")]),
    ("verb-after-context-opener", "围绕产业需求培训1万人次", [(10000, "人次")]),
    ("new-workrooms-after-noun", "到2027年,新建县级技能大师工作室10个,培训高素质农民2万人次",
     [(10, "个"), (20000, "人次")]),
    ("roads-are-counted", "新改建农村公路3条,新开通城乡公交线路5条", [(3, "条"), (5, "条")]),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_extract_targets(text, expected):
    assert pairs(text) == [(float(v), u) for v, u in expected]


NOT_TARGETS = [
    ("eligibility-months", "稳定就业并缴纳社会保险6个月以上的,按每人1000元的标准给予奖励"),
    ("labour-contract", "对企业组织与企业签订1年以上劳动合同的职工开展新型学徒制培训"),
    ("ordinal-rank", "对获得市级一类职业技能竞赛项目前3名的选手"),
    ("ordinal-edition", "举办第一届全省职业技能大赛"),
    ("cap", "其中,一等奖(含特等奖)不超过110项,二等奖不超过195项"),
    ("cap-most", "本条款政策有效期内最多奖励3个项目"),
    ("condition-range", "单场演出售票5000人(含)—10000人(不含)的,给予单场最高3万元奖励"),
    ("condition-when", "第三十七条当助保贷业务不良贷款率超过5%,区政府有权暂停新增助保贷业务"),
    ("condition-later", "政策有效期内年度演出及活动场次超过100场,全年票房超过100万元的新型演艺空间,经认定,给予奖励"),
    ("condition-and", "租赁100平方米以上场地实际开展办公运营,从业人员5人以上,且年度营业收入达到200万元以上的企业"),
    ("rate", "可按照投资额的30%抵免企业当年应缴教育费附加"),
    ("allocation", "足额提取和使用职工教育经费,60%以上用于一线职工教育和培训政策"),
    ("quoted-slogan", "专项培育结构素质与产业发展相匹配的“万名技工”"),
    ("quoted-escaped", '召开\\"广东制造业数字化转型50人会\\"品牌活动'),
    ("cn-enumeration", "聚焦政府、企业、院校、技能劳动者、社会五个维度"),
    ("reference-set", "实现在168个重点城市排名中晋位升级目标"),
    ("departments", "人力资源社会保障部等8部门关于推动技能强企工作的指导意见"),
    ("age", "劳动者应年满16周岁"),
    ("duration", "有效期5年,公示时间不少于30天,15个工作日内组织复核"),
    ("vague-batch", "培育一批优秀培训者,建设一批市级技能大师工作室"),
    ("past-report", "2021年以来,全市累计培训15万人次,同比增长12%。"),
    ("money", "给予最高10万元奖励"),
    ("doc-number", "(鲁人社发[2020]18号)"),
    ("per-unit-rate", "每培育1家规模以上企业,给予园区运营单位最高5万元奖励"),
    ("title", "《福鼎市技能人才队伍建设规划(2023-2025年)》"),
    ("report-so-far", "截至目前,已培训2万人次。"),
    ("record-high", "2014年,全省高校毕业生达54.1万人,创历史新高。"),
    ("share-of-minimum-wage", "地方政府应提供不低于当地最低工资标准60%的基本生活补助"),
    ("date-is-no-range", "时间:2023-08-24人气:作者: 佚名"),
    ("study-hours", "按照100元/人/天(8个标准学时)予以补贴"),
    ("hours-condition", "完成40个学时以上,按每学时10元,最多不超过700元"),
    ("object-of-support", "对列入市重点工业项目计划的纺织、印染、化工等 13 个重点传统产业企业入园集聚、改造提升项目,按当年设备技术投资额的 8%予以奖励"),
    ("context-opener", "结合我市“633”现代工业体系和4个千亿级产业集群发展,根据企业需求精准开展订单式培训"),
    ("bracket-of-condition", "新招用人员人数达到企业现有在职职工人数15%(超过100人的企业为8%),并与其签订1年以上劳动合同的,可申请最高不超过300万元的创业担保贷款"),
    ("rate-brackets", "一次引进20人以下的按每人120元、20人至50人的按每人150元、50人以上的按每人300元的标准给予职业介绍补贴"),
    ("condition-then-cap", "新招用符合条件的人数达到企业现有在职职工人数10%(超过100人的企业达到5%),最高贷款额度为600万元"),
    ("condition-bracket-de", "其在提出申请之日前12个月内带动5人以上就业(含5人,不含法定代表人本人)的,贷款额度最高500万元"),
    ("rules-in-a-name", "县委办公室 县政府办公室关于印发乡村振兴产业兴旺政策26条的通知"),
    ("measures-in-a-title", "市人民政府关于印发促进民营经济高质量发展若干措施20条的通知"),
    ("documents-issued", "全县共出台促进就业创业政策文件12个"),
    ("documents-before-noun", "先后制定出台18个配套政策文件,形成30条政策措施"),
    ("page-chrome-count", "政策解读-128篇 各类工作方案-45篇 通知公告-76篇"),
    ("slogan-count", "做到两个维护,推动五个一批落地见效"),
    ("slogan-with-digit", "深入实施3个1工程,打造4+6产业体系"),
    ("page-counter", "发布时间:2024-03-12 浏览次数:1234次 字号:[大 中 小]"),
    ("attachment-count", "相关附件(2个)"),
    ("search-results", "政策文件库 共找到45条记录"),
    ("title-line-second-half", "关于印发支持“专精特新”中小企业\n高质量发展20条的通知"),
    ("chapters-and-articles", "本政策措施共计5章32条,自印发之日起施行"),
    ("articles-in-total", "《若干措施》共20条,分为四个部分"),
    ("rules-in-brackets", "关于印发进一步稳就业支持政策(20条)的通知"),
    ("background-plan-period", "“十三五”时期,全县累计新增城镇就业2.6万人,培训农村劳动力5万人次。"),
]


@pytest.mark.parametrize("text", [c[1] for c in NOT_TARGETS], ids=[c[0] for c in NOT_TARGETS])
def test_not_targets(text):
    assert pairs(text) == []


YEARS = [
    ("to-year", "到2025年,全市培养不少于2000名企业新型学徒职工", [2025]),
    ("dating-year", "2024年,全省开展各类补贴性职业技能培训16万人次,培养高级工及以上5万人次", [2024, 2024]),
    ("period-then-qizhong", "2023—2025年,累计开展职业技能培训12万人次。其中,围绕酱酒产业开展培训3万人次", [2025, 2025]),
    ("paragraph-opening", "——规模素质持续提升。到2025年,达到30万人。职业技能培训规模突破10万人次。", [2025, 2025]),
    ("recurring-has-none", "全省每年开展各类职业技能培训40万人次以上,其中高技能人才7万人次以上,到2027年年底,力争", [None, None]),
    ("later-year-not-used", "每个重点产业链牵头单位每年至少择优推荐1家规上企业,到2025年深度培养企业新型学徒力争突破2000名", [None, 2025]),
    ("start-year-not-due", "从2022年起,每个重点产业链牵头单位每年至少择优推荐1家规上企业", [None]),
    ("no-year", "依托技师学院建设10个职业训练院", [None]),
    ("heading-sentence-no-year", "8.加强技艺技能培育传承。鼓励企业自主设立工作室,到2025年新建25家。推进创建工作,命名50家市级创新工作室。",
     [2025, None]),
    ("qizhong-year-wins", "2014年至2017年,目标是在全省引领不少于5万名大学生实现创业,其中2014年不少于1万人。", [2017, 2014]),
    ("framing-limit-carries", "——发展质量实现新跨越。产业比重显著提升,到2025年末,两个占比分别达到40%以上和35%以上。"
     "创新能力显著提升。创建省级以上研发机构120家。", [2025, 2025, 2025]),
    ("record-field", '{"task":"遴选省级数据治理优秀企业20家。","owner":"省经信厅","time":"2026年12月"}', [2026]),
    ("framing-limit-over-every-year", "到2030年,全市每年城镇新增就业保持在35万人以上", [2030]),
    ("framing-limit-over-every-year-later-clause", "到2027年,培育家政服务龙头企业20家,每年培训家政服务人员1万人次",
     [2027, 2027]),
    ("every-year-in-own-sentence", "到2025年,建设5所高水平技工院校。每年举办一届全市职业技能大赛。", [2025, None]),
    ("plan-period-with-goal", "“十五五”时期,力争全县城镇新增就业2.5万人", [2030]),
]


FRAMING = [
    ("goals-below", "到2025年,力争实现以下目标:", 2025),
    ("numbered-goals-below", "(二)到2027年,主要目标是:", 2027),
    ("strive-year-end", "力争到2026年底,实现:", 2026),
    ("dating-year", "2024年,全市要完成以下任务:", 2024),
    ("goal-of-its-own", "到2025年,新建20个工作室。", None),
    ("heading-without-year", "一、主要目标", None),
    ("validity-is-no-frame", "有效期至2025年12月31日:", None),
    ("plan-name", "根据《2021-2025年规划》要求:", None),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in FRAMING], ids=[c[0] for c in FRAMING])
def test_framing_year(text, expected):
    from extractor.targets import framing_year

    assert framing_year(normalize(text).text) == expected


@pytest.mark.parametrize("text,expected", [c[1:] for c in YEARS], ids=[c[0] for c in YEARS])
def test_year(text, expected):
    assert [t.year for t in extract_targets(normalize(text).text)] == expected


def test_context_year_fills_gaps_but_not_recurring_goals():
    got = extract_targets("建设10个职业训练院,每年举办一届技能竞赛", context_year=2024)
    assert [(t.value, t.year) for t in got] == [(10.0, 2024), (1.0, None)]
    assert [t.year for t in extract_targets("到2025年建设10个职业训练院", context_year=2024)] == [2025]


def test_indicator_and_span():
    text = "到2025年,培养技能人才达到1万人,培育10家家政培训示范基地"
    got = extract_targets(text)
    assert [t.text for t in got] == ["1万人", "10家"]
    assert got[1].indicator == "家政培训示范基地"
    assert all(text[t.span[0]:t.span[1]] == t.text for t in got)


def test_raw_full_width_text():
    raw = "到２０２５年，比例达到３０％以上"
    got = extract_targets(raw)
    assert [(t.value, t.unit, t.year) for t in got] == [(30.0, "%", 2025)]
    assert raw[got[0].span[0]:got[0].span[1]] == got[0].text


@pytest.mark.parametrize("s,expected", [("10万人次以上", (100000.0, "人次")), ("30%", (30.0, "%")), ("一届", (1.0, "届")),
                                        ("百分之三十", (30.0, "%")), ("2025年", None), ("10万元", None)],
                         ids=["wan-person-times", "percent", "cn", "cn-percent", "year", "money"])
def test_parse_target(s, expected):
    assert parse_target(s) == expected


def test_lexicons_are_valid():
    words = dict(load_counting_words())
    assert {"人次", "人", "名", "家", "个", "所", "项", "场", "期", "次", "届", "%"} <= set(words)
    assert "年" not in words and "元" not in words
    cues = load_target_cues()
    assert "不超过" in cues.caps and "达到" in cues.percent_cues


def test_counting_words_file_is_checked(tmp_path):
    bad = tmp_path / "counting_words.txt"
    bad.write_text("# comment\n人次\n12\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 3"):
        load_counting_words.__wrapped__(str(bad))


# ---------------------------------------------------------------- gold regression

def _gold(docs: Path, gold: Path) -> tuple[float, float]:
    score = _scorer()
    tp = n_pred = n_gold = 0
    year_hits = 0
    for g in sorted(gold.glob("*.json")):
        gd = json.loads(g.read_text(encoding="utf-8"))
        text = normalize((docs / f"{g.stem}.txt").read_text(encoding="utf-8")).text
        pred = {"targets": [{"value": t.value, "unit": t.unit, "year": t.year} for t in extract_targets(text)]}
        r = score.score_doc(pred, gd)
        tp, n_pred, n_gold = tp + r["targets"]["tp"], n_pred + r["targets"]["pred"], n_gold + r["targets"]["gold"]
        if r["targets.year_acc"] is not None:
            year_hits += r["targets.year_acc"] * r["targets"]["tp"]
    return score.prf(tp, n_pred, n_gold)["f1"], (year_hits / tp if tp else 1.0)


@needs_shared
def test_gold_seeds_targets():
    f1, year_acc = _gold(SHARED / "seeds", SHARED / "gold")
    assert f1 >= 0.97
    assert year_acc >= 0.95


@needs_shared
@pytest.mark.skipif(not (SHARED / "dev" / "gold").is_dir(), reason="no dev gold")
def test_gold_dev_targets():
    f1, year_acc = _gold(SHARED / "dev" / "docs", SHARED / "dev" / "gold")
    assert f1 >= 0.95
    assert year_acc >= 0.9


# ---------------------------------------------------------------- properties

FRAGMENTS = ["到2025年", "2024年", "2023—2025年", "达到", "突破", "不少于", "不超过", "最多", "其中", "分别", "每年",
             "培养", "建设", "举办", "一届", "一至两名", "百项", "人次", "人", "名", "家", "个", "所", "%", "以上", "左右",
             "余", "万", "千", "—", "、", ",", "。", ";", "的", "且", "当", "第", "前", "从", "增加至", "“", "”", "《",
             "》", "(", ")", "\n", "{", "}", '"time":"2026年9月"', "|", "元", "个月"]
notice_like = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.integers(0, 10**6).map(str)), max_size=40).map("".join)


def _check(text: str, context_year=None) -> None:
    for t in extract_targets(text, context_year=context_year):
        assert text[t.span[0]:t.span[1]] == t.text
        assert math.isfinite(t.value) and t.value > 0
        assert t.unit and isinstance(t.unit, str)
        assert t.year is None or 1900 <= t.year <= 2100


@settings(max_examples=300, deadline=None)
@given(st.text(), st.one_of(st.none(), st.integers(1990, 2050)))
def test_any_text_never_raises(text, year):
    _check(text, year)


@settings(max_examples=300, deadline=None)
@given(notice_like)
def test_notice_like_text(text):
    _check(text)
    _check(normalize(text).text)


@pytest.mark.parametrize("unit", ["(超过100人的企业达到5%)", "2025年5月1日至6月30日(含5人,不含", "到2030年,每年培训1万人次",
                                  "出台政策文件12个、措施20条"],
                         ids=["one-endless-clause", "endless-condition-chain", "framing-and-every-year",
                              "document-counts"])
def test_one_unpunctuated_line_stays_linear(unit):
    # every rule re-read its whole clause and the condition chain ran to the end of the line: ~65 s
    assert_linear(extract_targets, unit, 2_000)


# counts that describe who or what exists, or what a 公示 lists, are no goals; genuine goals stay
HELDOUT2 = [
    ("publicity-list", "经审核,共有3家见习单位、15名见习人员符合补贴条件,现予以公示。", []),
    ("population-served", "以全县劳动年龄段的5200多名持证残疾人为主要对象,开展就业帮扶。", []),
    ("population-exists", "全县现有登记失业人员3400多名。", []),
    ("population-covered", "服务覆盖辖区1200多名困难群众。", []),
    ("spam-site-name", "免费视频_88人人在线_精品", []),
    ("goal-training-kept", "到2025年,累计培训农民工2万人次以上。", [("2万人次以上", 20000.0)]),
    ("goal-new-kept", "已有5家企业入驻,力争新增孵化基地10家。", [("10家", 10.0)]),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in HELDOUT2], ids=[c[0] for c in HELDOUT2])
def test_heldout2_descriptive_counts(text, expected):
    assert [(x.text, x.value) for x in extract_targets(text)] == expected
