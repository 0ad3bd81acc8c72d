"""extractor.deadlines: time limits (ISO dates with a kind) and recurring cadences.

Unit cases come from the seed and dev notices and from GUIDELINE.md ("deadlines"); the gold
regression scores the extractor over the seeds (and the dev notices) with the shared scorer's
own matching; the property tests feed it arbitrary and notice-like text.
"""
from __future__ import annotations

import importlib.util
import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.deadlines import (
    CADENCES, KINDS, extract_deadlines, extract_recurrences, load_cadence_words, load_deadline_cues, parse_date,
)
from extractor.normalize import normalize
from .conftest import assert_linear

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
needs_shared = pytest.mark.skipif(not (SHARED / "eval" / "score.py").is_file(),
                                  reason="../shared (gold, seeds, scorer) is not beside the repo")


def _scorer():
    spec = importlib.util.spec_from_file_location("zhengce_score", SHARED / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def found(text):
    return [(d.date, d.kind) for d in extract_deadlines(normalize(text).text)]


CASES = [
    ("to-year", "到2025年,全市培养不少于2000名企业新型学徒职工", [("2025-12-31", "deadline")]),
    ("to-year-end", "到2025年底,新增各类培训机构30家", [("2025-12-31", "deadline")]),
    ("year-end-before", "2025年底前完成全部任务", [("2025-12-31", "deadline")]),
    ("strive-to-year-end", "力争到2025年底,全市技能劳动者占就业人员的比例达到30%以上", [("2025-12-31", "deadline")]),
    ("strive-year", "力争2025年全市新增技能人才5万人", [("2025-12-31", "deadline")]),
    ("month-end-before", "2022年10月底前完成摸底", [("2022-10-31", "deadline")]),
    ("until-date", "至2025年12月31日止", [("2025-12-31", "deadline")]),
    ("date-before", "2024年6月30日前报送", [("2024-06-30", "deadline")]),
    ("year-year-end", "到2027年年底,力争", [("2027-12-31", "deadline")]),
    ("year-end-before-prefixed", "到2025年底前,县域医共体建设的政策进一步完善", [("2025-12-31", "deadline")]),
    ("from-now-until", "省政府安全生产委员会自即日起到2020年5月底,在全省开展集中整治", [("2020-05-31", "deadline")]),
    ("month-end", "政策执行期限至2025年12月底", [("2025-12-31", "deadline")]),
    ("period-dash", "2023—2025年,累计开展职业技能培训12万人次", [("2025-12-31", "period_end")]),
    ("period-hyphen", "2023-2025年,全市开展培训", [("2025-12-31", "period_end")]),
    ("period-from-to", "从2023年到2025年,全市完成职业技能人才评价9000人次", [("2025-12-31", "period_end")]),
    ("period-to-year-end", "从2025年到2027年底,广泛开展职业技能提升培训", [("2027-12-31", "period_end")]),
    ("period-dates", "2020年5月1日至2021年4月30日,继续延长实施阶段性降低失业保险费率政策", [("2021-04-30", "period_end")]),
    ("dating-year-comma", "2024年,全省开展各类补贴性职业技能培训16万人次", [("2024-12-31", "dating_year")]),
    ("dating-year-verb", "2024年新评选省级技能大师工作室数量从60个增加至80个", [("2024-12-31", "dating_year")]),
    ("dating-years", "2022年争创应用型本科学校,建成高级技工学校,2024年创建技师学院",
     [("2022-12-31", "dating_year"), ("2024-12-31", "dating_year")]),
    ("validity-body", "职业技能提升工程政策有效期至2025年12月31日止。", [("2025-12-31", "validity")]),
    ("validity-header-iso", "失效日期:2028-09-25", [("2028-09-25", "validity")]),
    ("validity-header-cn", "失效日期:2030年09月12日", [("2030-09-12", "validity")]),
    ("validity-period", "本办法有效期为2023年1月1日至2025年12月31日", [("2025-12-31", "validity")]),
    ("validity-printed-twice", "失效日期:2027年12月31日\n本办法自印发之日起实施,有效期至2027年12月31日。",
     [("2027-12-31", "validity")]),
    ("five-year-plan", "在“十四五”时期,建成完善的技能人才培养、使用、评价、激励制度体系", [("2025-12-31", "period_end")]),
    ("bare-year-end", "大气污染防治2021年行动计划 重点任务 时限 年底前", [("2021-12-31", "deadline")]),
    ("record-field", '{"task":"完善数据安全管理机制。","time":"2026年9月","dimension":"数据"}', [("2026-09-30", "deadline")]),
    ("table-cell", "| 建成平台 | 市人社局 | 2025年6月 |", [("2025-06-30", "deadline")]),
    ("spaces-in-raw", "到 2025 年,培育 2500 名左右“威海工匠后备人才”", [("2025-12-31", "deadline")]),
    ("half-year-before", "2024年上半年前完成摸底", [("2024-06-30", "deadline")]),
    ("quarter-end", "到2025年三季度末,建成平台", [("2025-09-30", "deadline")]),
    ("year-before", "2025年前完成全部改造", [("2025-12-31", "deadline")]),
    ("until-month-end", "执行期限截至2025年12月底。所需资金从失业保险基金列支", [("2025-12-31", "deadline")]),
    ("qizhong-dating-year", "2014年至2017年,引领不少于5万名大学生实现创业,其中2014年不少于1万人",
     [("2017-12-31", "period_end"), ("2014-12-31", "dating_year")]),
    ("period-end-without-year", "申报时间为2025年5月1日至6月30日。", [("2025-06-30", "period_end")]),
    ("period-months", "2024年3月至6月开展专项行动", [("2024-06-30", "period_end")]),
    ("validity-end-without-year", "有效期为2023年1月1日至12月31日", [("2023-12-31", "validity")]),
    ("ordinal-quarter-before", "2024年第四季度前完成验收", [("2024-12-31", "deadline")]),
    ("closing-date-label", "申报截止日期:2025年3月31日", [("2025-03-31", "deadline")]),
    ("closing-time-is", "申报截止时间为2025年6月30日。", [("2025-06-30", "deadline")]),
    ("goal-after-report", "至“十四五”末,全市共累计组织职业技能培训22.62万人次。到2030年,力争培训30万人次",
     [("2030-12-31", "deadline")]),
    ("plan-end", "到“十四五”末,全县技能人才总量达到8万人", [("2025-12-31", "period_end")]),
    ("plan-period-done-within", "“十五五”期间完成老旧小区改造120个", [("2030-12-31", "period_end")]),
    ("plan-period-with-goal", "“十五五”时期,力争全县城镇新增就业2.5万人", [("2030-12-31", "period_end")]),
    ("period-in-running-text", "2023—2025年全县开展职业技能培训1.2万人次", [("2025-12-31", "period_end")]),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_extract_deadlines(text, expected):
    assert found(text) == expected


NOT_DEADLINES = [
    ("signing-date", "福鼎人民政府办公室\n2023年9月20日\n(此件主动公开)"),
    ("effective-date", "实施日期:2025-09-25"),
    ("start-year", "从2023年起,公办职业院校毕业生市内就业率纳入年度综合考核"),
    ("title-in-brackets", "现将《福鼎市技能人才队伍建设规划(2023-2025年)》印发给你们"),
    ("title-line", "福鼎市技能人才队伍建设规划\n(2023-2025年)"),
    ("doc-number", "鼎政办规〔2023〕8号"),
    ("year-in-event-name", '做好2025年\\"数据要素×\\"大赛广东分赛组织'),
    ("year-in-plan-name", "制定空气质量巩固提升2021年行动计划"),
    ("five-year-plan-name", "根据全市国民经济和社会发展“十四五”规划要求,为“十四五”环境空气质量改善开好局"),
    ("repealed-on", "2004年11月22日印发的《广东省哲学社会科学优秀成果奖励试行办法》同时废止"),
    ("duration", "本措施自印发之日起施行,有效期三年;30个工作日内完成"),
    ("empty-header", "生效日期: | 2024-10-31 | 废止日期: | |"),
    ("recurring", "各地于每年12月底前报送,每年底前总结"),
    ("since", "2023年以来,全市累计培训15万人次"),
    ("listed-years", "2022年、2023年分别兑现工业经济正常奖补资金"),
    ("issued-on", "成文日期:2025年07月03日"),
    ("announcement-number", "(国家粮食和物资储备局公告2021年第5号)"),
    ("programme-name", "中国制造2025、自贸区、平潭开放开发"),
    ("year-of-a-document-name", "2026年区《政府工作报告》目标任务\n2026年区〈政府工作报告〉目标任务责任分解方案》已经区人民政府同意"),
    ("numbered-series-title", "2025年就业政策宣传(四)来源:作者:时间:2026-01-06"),
    ("report-of-the-past", "至“十四五”末,全市共累计组织城乡各类劳动者职业技能培训22.62万人次"),
    ("plan-name-in-brackets", "根据《宁波市打造全球智造创新之都行动纲要(2022—2026年)》(甬党办〔2022〕69号)等文件规定"),
    ("title-bracket-closed-on-next-line", "关于印发某某县农村人居环境整治三年行动实施方案(\n2019—2021年)的通知"),
    ("title-bracket-line-alone", "2019—2021年)的通知"),
    ("title-quote-closed-on-next-line", "关于转发《某某市中小企业数字化转型行动方案\n(2023-2025年)》的通知"),
    ("title-quote-period-then-name", "现将《关于推进县域商业体系建设\n2023—2025年工作安排》印发给你们"),
    ("background-plan-period", "“十四五”时期,全县上下坚持以习近平新时代中国特色社会主义思想为指导,经济社会发展取得新成效"),
    ("background-next-plan-period", "“十五五”时期,我县开启全面建设社会主义现代化新征程"),
    ("period-in-a-title-line", "某某县2021—2023年职业技能提升行动实施方案"),
    ("revision-year", "根据《中华人民共和国就业促进法》(2015年修订)有关规定"),
    ("period-in-a-forwarded-title", "关于印发某某市2023—2025年促进就业工作要点的通知"),
]


@pytest.mark.parametrize("text", [c[1] for c in NOT_DEADLINES], ids=[c[0] for c in NOT_DEADLINES])
def test_not_deadlines(text):
    assert found(text) == []


def test_span_quotes_raw_text():
    raw = "力争到２０２５年底，全市技能劳动者比例达到３０％以上"
    (d,) = extract_deadlines(raw)
    assert (d.date, raw[d.span[0]:d.span[1]], d.text) == ("2025-12-31", "力争到２０２５年底", "力争到２０２５年底")


DATES = [
    ("2025年底", "2025-12-31"), ("2022年10月底", "2022-10-31"), ("2024年6月30日", "2024-06-30"),
    ("2028-09-25", "2028-09-25"), ("2025年", "2025-12-31"), ("2024年2月", "2024-02-29"), ("十四五时期", "2025-12-31"),
    ("２０２５年１２月３１日", "2025-12-31"), ("2023年2月30日", None), ("到年底", None), ("", None),
]


@pytest.mark.parametrize("s,expected", DATES, ids=[s or "empty" for s, _ in DATES])
def test_parse_date(s, expected):
    assert parse_date(s) == expected


RECURRENCES = [
    ("annual", "每年组织竞赛2场以上", [("每年", "annual")]),
    ("biennial", "经申请批准后,每两年评选20家技能人才培育保障示范企业", [("每两年", "biennial")]),
    ("mechanism", "实行“月调度、季通报、半年督导、全年考核”等机制",
     [("月调度", "monthly"), ("季通报", "quarterly"), ("半年督导", "semiannual"), ("全年考核", "annual")]),
    ("quarterly", "联席会议原则上每季度召开一次", [("每季度", "quarterly")]),
    ("every-n-years", "原则上小麦每4年轮换一次", [("每4年", "every_4_years")]),
    ("yearly-review", "纳入年度综合考核指标", [("年度综合考核", "annual")]),
    ("dated-year-is-not", "2024年度考核工作要点", []),
    ("year-of-graduation-is-not", "对招用毕业年度高校毕业生的企业,按年度营业收入给予奖励", []),
    ("first-quarter-is-not", "一季度当季产值达到4000万元", []),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in RECURRENCES], ids=[c[0] for c in RECURRENCES])
def test_extract_recurrences(text, expected):
    assert [(r.text, r.cadence) for r in extract_recurrences(text)] == expected


def test_recurrence_is_never_a_deadline():
    text = "每年组织竞赛2场以上,每两年评选一次,每季度召开一次"
    assert extract_deadlines(text) == [] and len(extract_recurrences(text)) == 3


def test_lexicons_are_valid():
    cues = load_deadline_cues()
    assert "有效期至" in cues.validity_labels and "到" in cues.deadline_prefixes
    assert all(c in CADENCES for _, c in load_cadence_words())


def test_cadence_file_is_checked(tmp_path):
    bad = tmp_path / "cadence_words.txt"
    bad.write_text("每年\tyearly\n", encoding="utf-8")
    with pytest.raises(ValueError, match="CADENCE one of"):
        load_cadence_words.__wrapped__(str(bad))


# ---------------------------------------------------------------- gold regression

def _gold_f1(docs: Path, gold: Path) -> tuple[float, list[float]]:
    score = _scorer()
    tp = n_pred = n_gold = 0
    per_doc = []
    for g in sorted(gold.glob("*.json")):
        gd = json.loads(g.read_text(encoding="utf-8"))
        text = normalize((docs / f"{g.stem}.txt").read_text(encoding="utf-8")).text
        pred = {"deadlines": [{"date": d.date} for d in extract_deadlines(text)]}
        r = score.score_doc(pred, gd)["deadlines"]
        tp, n_pred, n_gold = tp + r["tp"], n_pred + r["pred"], n_gold + r["gold"]
        if r["pred"] or r["gold"]:
            per_doc.append(r["f1"])
    return score.prf(tp, n_pred, n_gold)["f1"], per_doc


@needs_shared
def test_gold_seeds_deadlines():
    f1, per_doc = _gold_f1(SHARED / "seeds", SHARED / "gold")
    assert f1 >= 0.97
    assert min(per_doc) >= 0.9


@needs_shared
@pytest.mark.skipif(not (SHARED / "dev" / "gold").is_dir(), reason="no dev gold")
def test_gold_dev_deadlines():
    f1, per_doc = _gold_f1(SHARED / "dev" / "docs", SHARED / "dev" / "gold")
    assert f1 >= 0.95
    assert sum(per_doc) / len(per_doc) >= 0.9


# ---------------------------------------------------------------- properties

FRAGMENTS = ["到", "至", "力争", "从", "起", "前", "底", "年底前", "止", "有效期至", "失效日期:", "实施日期:", "每年", "每两年",
             "年", "月", "日", "—", "-", "、", ",", "。", "(", ")", "《", "》", "“十四五”时期", "十四五", "行动计划",
             "规划", "以来", "\n", "|", '"', " ", "2023", "2025", "1999", "12", "31", "30", "2", "0", "13", "32"]
notice_like = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.integers(0, 3000).map(str)), max_size=40).map("".join)


def _check(text: str) -> None:
    for d in extract_deadlines(text):
        assert text[d.span[0]:d.span[1]] == d.text
        assert date.fromisoformat(d.date).isoformat() == d.date
        assert d.kind in KINDS
    for r in extract_recurrences(text):
        assert text[r.span[0]:r.span[1]] == r.text and r.cadence


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_never_raises(text):
    _check(text)


@settings(max_examples=300, deadline=None)
@given(notice_like)
def test_notice_like_text(text):
    _check(text)
    _check(normalize(text).text)


@pytest.mark.parametrize("unit", ["某市2021—2023年职业技能提升", "2019—2021年)", "“十四五”时期"],
                         ids=["periods-on-one-line", "closing-brackets", "plan-periods"])
def test_one_unpunctuated_line_stays_linear(unit):
    # every candidate re-read its clause from the clause start for 有效期: 1 MB took ~10 s
    assert_linear(extract_deadlines, unit, 4_000)


# a month without a year takes the nearest year before it, else the caller's context year; only with a
# completion cue. A garbled repeated year inside a 至…止 period, a 前/后 split of a past standard, a batch
# label and an attachment's name are no deadlines.
HELDOUT2 = [
    ("month-done-context-year", "(牵头单位:市政务服务局;责任单位:各区县人民政府,9月底完成)", 2021,
     [("9月底完成", "2021-09-30")]),
    ("month-before-year-in-line", "按照2023年工作安排,11月15日前完成摸底,12月以前上报", None,
     [("11月15日前", "2023-11-15"), ("12月以前", "2023-12-31")]),
    ("month-cutoff", "申报材料于2022年启动,5月20日截止", None, [("5月20日截止", "2022-05-20")]),
    ("month-without-any-year", "各单位6月底前报送", None, []),
    ("month-without-cue", "2024年6月召开会议,7月开展督查", None, []),
    ("duration-not-month", "见习期满6个月前不得解除协议", 2024, []),
    ("garbled-repeated-year", "公示时间:2023年5月8日2023至5月15日止,如有异议", None,
     [("2023年5月8日2023至5月15日止", "2023-05-15")]),
    ("past-before-after-split", "本县2022年7月前最低工资标准为1500元/月,2022年7月后为1700元/月", None, []),
    ("batch-label", "2022年第二批共有6家企业申报", None, []),
    ("attachment-name", "附件:2022年技能培训补贴名单", None, []),
    ("deadline-before-still-kept", "2025年6月30日前完成全部验收", None, [("2025年6月30日前", "2025-06-30")]),
]


@pytest.mark.parametrize("text,year,expected", [c[1:] for c in HELDOUT2], ids=[c[0] for c in HELDOUT2])
def test_heldout2_deadline_causes(text, year, expected):
    assert [(d.text, d.date) for d in extract_deadlines(text, context_year=year)] == expected


def test_month_limits_stay_linear():
    assert_linear(lambda t: extract_deadlines(t, context_year=2020), "9月底完成、2022年7月前标准", 4_000)
