"""Units: markers, duty sentences, cells, annex lines and inheritance — cases from real notices.

Every expected list is the gold answer (../shared/gold, ../shared/dev/gold, or the extra units set of
notices from other places, ../extra/units) for that passage.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.units import (assign_units, extract_units, find_duties, find_inheritance, find_markers,
                             load_unit_cues, parse_annex_duty_line, split_units, units_from_cells)

L, S, R = "lead", "support", "responsible"


def pairs(units):
    return [(u.name, u.role) for u in units]


MARKERS = {
    "weihai-会同有关部门负责": (
        "构建资源充足、布局合理的培训组织实施体系。(市人力资源社会保障局会同有关部门负责)",
        [("市人力资源社会保障局", L)]),
    "weihai-三家会同有关部门负责": (
        "普遍提高职工安全保护意识和安全生产技能。(市人力资源社会保障局、市教育局、市应急局会同有关部门负责)",
        [("市人力资源社会保障局", L), ("市教育局", L), ("市应急局", L)]),
    "weihai-X、Y负责": (
        "按照规定给予培训补贴。(市人力资源社会保障局、市财政局负责)",
        [("市人力资源社会保障局", R), ("市财政局", R)]),
    "weihai-bare-bracket": (
        "到2025年,培育2500名左右“威海工匠后备人才”。(市人力资源社会保障局、市教育局、市财政局)",
        [("市人力资源社会保障局", R), ("市教育局", R), ("市财政局", R)]),
    "weihai-bare-bracket-团市委": (
        "充分发挥群团组织、行业协会在职业技能竞赛工作中的作用。(市人力资源社会保障局、市教育局、市总工会、团市委、市妇联)",
        [("市人力资源社会保障局", R), ("市教育局", R), ("市总工会", R), ("团市委", R), ("市妇联", R)]),
    "yingtan-牵头单位;配合单位": (
        "做实做强鹰潭“世界铜都”品牌。(牵头单位:贵溪市人民政府、高新技术产业开发区;配合单位:市人社局、市工信局、市科技局、市教育局)",
        [("贵溪市人民政府", L), ("高新技术产业开发区", L), ("市人社局", S), ("市工信局", S), ("市科技局", S),
         ("市教育局", S)]),
    "yingtan-〔〕-ellipsis-管委会": (
        "打造信用体系健全的放心家政。〔牵头单位:市商务局、市人社局;配合单位:市卫健委、市教育局、市市场监管局、市民政局,"
        "各区(市)人民政府、管委会〕",
        [("市商务局", L), ("市人社局", L), ("市卫健委", S), ("市教育局", S), ("市市场监管局", S), ("市民政局", S),
         ("各区(市)人民政府", S), ("管委会", S)]),
    "yingtan-full-width": (
        "推动成为产业工人技能转换升级的“助推器”。〔牵头单位：市工信局、市人社局，各区（市）人民政府、管委会；配合单位：市财政局、市教育局、市国资委〕",
        [("市工信局", L), ("市人社局", L), ("各区（市）人民政府", L), ("管委会", L), ("市财政局", S), ("市教育局", S),
         ("市国资委", S)]),
    "fujian-责任单位-等-以下措施均需": (
        "不断激发广大企业职工干事创业和创新创造活力。(责任单位:省人社厅、省工信厅、省国资委、省总工会、省工商联、省企联等,"
        "以下措施均需各设区市人民政府、平潭综合实验区管委会作为责任单位,不再一一列出)",
        [("省人社厅", R), ("省工信厅", R), ("省国资委", R), ("省总工会", R), ("省工商联", R), ("省企联", R)]),
    "zunyi-责任单位-等单位-以下措施责任单位均包括": (
        "与职业技能等级证书“一培双考”“一考双证”。(责任单位:市工业和科学技术局、市能源局、市妇联、市残联等单位,"
        "各县<市、区>人民政府、新蒲新区管委会。以下措施责任单位均包括各县<市、区>人民政府、新蒲新区管委会,不再列出)",
        [("市工业和科学技术局", R), ("市能源局", R), ("市妇联", R), ("市残联", R), ("各县<市、区>人民政府", R),
         ("新蒲新区管委会", R)]),
    "haiguan-和-按职责分工负责": (
        "提高生鲜食品等特殊货物通关效率。(交通运输部、海关总署、国家移民局、中国民航局和各地方人民政府按职责分工负责。"
        "以下均需地方人民政府负责,不再列出)",
        [("交通运输部", R), ("海关总署", R), ("国家移民局", R), ("中国民航局", R), ("各地方人民政府", R)]),
    "guangxi-排首位为牵头单位": (
        "稳岗返还所需资金由失业保险基金列支。(自治区人力资源社会保障厅、财政厅,排首位为牵头单位,下同)",
        [("自治区人力资源社会保障厅", L), ("财政厅", S)]),
    "huangpu-责任单位": (
        "可售部分的出让起始价按规划用途市场评估价确定。(责任单位:区规划和自然资源局、区文化广电旅游局、区体育局、区投资促进局)",
        [("区规划和自然资源局", R), ("区文化广电旅游局", R), ("区体育局", R), ("区投资促进局", R)]),
    "guangdong-牵头+按职责分工负责": (
        "省工业和信息化厅牵头,省委宣传部、文化和旅游厅、广电局、体育局按职责分工负责",
        [("省工业和信息化厅", L), ("省委宣传部", S), ("文化和旅游厅", S), ("广电局", S), ("体育局", S)]),
    "guangdong-按职责分工负责+结合实际落实": (
        "省科技厅、工业和信息化厅按职责分工负责,各地级以上市人民政府结合实际落实",
        [("省科技厅", R), ("工业和信息化厅", R), ("各地级以上市人民政府", R)]),
    "guangdong-两家牵头": ("省工业和信息化厅、广电局牵头", [("省工业和信息化厅", L), ("广电局", L)]),
    "guangdong-人民银行分行牵头": (
        "人民银行广东省分行牵头,省委金融办,广东金融监管局、中国证监会广东监管局按职责分工负责",
        [("人民银行广东省分行", L), ("省委金融办", S), ("广东金融监管局", S), ("中国证监会广东监管局", S)]),
    "guangdong-各有关单位-vague": ("省政务和数据局牵头,各有关单位按职责分工负责", [("省政务和数据局", L)]),
    "line-责任单位-without-bracket": ("开展专项职业能力考核。\n责任单位:市人社局、市财政局", [("市人社局", R), ("市财政局", R)]),
    "variant-完成时限-field": ("加强培训。(牵头单位:市人社局;配合单位:市财政局;完成时限:2024年12月)",
                             [("市人社局", L), ("市财政局", S)]),
    "variant-牵头-等配合-deadline": ("加强培训。(市人社局牵头,市财政局等配合,2024年底前完成)", [("市人社局", L), ("市财政局", S)]),
    "variant-【责任单位】-line": ("加强培训。\n【责任单位】市人社局、市财政局", [("市人社局", R), ("市财政局", R)]),
    "variant-two-markers-mid-text": ("①加强培训(市人社局负责),②提升质量(市财政局负责)。", [("市人社局", R), ("市财政局", R)]),
    "variant-由…负责-in-bracket": ("加强培训。(由市人社局负责)", [("市人社局", R)]),
    "variant-具体落实": ("加强培训。(市人社局、市财政局按职责分工负责,各县(市、区)人民政府具体落实)",
                     [("市人社局", R), ("市财政局", R), ("各县(市、区)人民政府", R)]),
    "dongguan-负责": ("实施期限延长至2022年4月30日。(市人力资源社会保障局、市医保局、市财政局、市税务局负责)",
                     [("市人力资源社会保障局", R), ("市医保局", R), ("市财政局", R), ("市税务局", R)]),
    "guandu-牵头+相关部门配合": ("上线运行。(区政务服务局牵头,区发改局、区审改办、区住建局、区级相关部门配合)",
                            [("区政务服务局", L), ("区发改局", S), ("区审改办", S), ("区住建局", S)]),
    "huaian-等有关部门-以下政策措施": (
        "予以扶持。(责任单位:市工信局、市财政局等有关部门,各县区人民政府、园区管委会。以下政策措施均需各县区人民政府、园区管委会落实,"
        "不再单独列出)", [("市工信局", R), ("市财政局", R), ("各县区人民政府", R), ("园区管委会", R)]),
    "sichuan-〔〕-sentence-after-list": (
        "深化数据要素创新应用。〔责任单位:省发展改革委、省市场监管局、商务厅、省大数据中心按职责分工负责。具体任务均涉及相关市(州)人民政府,"
        "不再做分工,下同。〕", [("省发展改革委", R), ("省市场监管局", R), ("商务厅", R), ("省大数据中心", R)]),
    "weinan-牵头+各有关部门及…按职责分工负责": (
        "纳入清单管理。(市政府办公室、市行政审批制度改革工作领导小组办公室牵头,市级各有关部门及各县市区政府按职责分工负责)",
        [("市政府办公室", L), ("市行政审批制度改革工作领导小组办公室", L), ("各县市区政府", S)]),
    "牵头单位:A;责任单位:B": ("强化资金保障。(牵头单位:市财政局;责任单位:市人社局、市教育局)",
                          [("市财政局", L), ("市人社局", S), ("市教育局", S)]),
}


# marker variants met in notices from other places (../extra/units) and the forms the genre uses
MARKER_VARIANTS = {
    "maanshan-责任单位,配合单位": (
        "精准开展岗位技能培训,按规定给予培训补贴。(责任单位:市人力资源社会保障局,配合单位:市财政局)",
        [("市人力资源社会保障局", R), ("市财政局", S)]),
    "jining-牵头+参加": (
        "将就业创业工作纳入政绩考核。(市发展改革委、市人力资源社会保障局牵头,市委组织部、市统计局、国家统计局济宁调查队参加)",
        [("市发展改革委", L), ("市人力资源社会保障局", L), ("市委组织部", S), ("市统计局", S), ("国家统计局济宁调查队", S)]),
    "neijiang-等负责,列第一位者为牵头单位,下同": (
        "优先安排。(市发展改革委、市经济和信息化委、市财政局、市人力资源社会保障局等负责,列第一位者为牵头单位,下同)",
        [("市发展改革委", L), ("市经济和信息化委", S), ("市财政局", S), ("市人力资源社会保障局", S)]),
    "shanghai-按照职责分工负责。列第一位者为牵头单位": (
        "促进经济增长与扩大就业联动。(市发展改革委、市财政局、人民银行上海总部、市地税局等按照职责分工负责。列第一位者为牵头单位,下同)",
        [("市发展改革委", L), ("市财政局", S), ("人民银行上海总部", S), ("市地税局", S)]),
    "ganzhou-〔牵头单位;责任单位〕-ellipsis": (
        "纳入国民经济和社会发展规划及年度计划。〔牵头单位:各县(市、区)人民政府,赣州、龙南经济技术开发区管委会;"
        "责任单位:市发改委、市财政局、市人力资源和社会保障局〕",
        [("各县(市、区)人民政府", L), ("赣州", L), ("龙南经济技术开发区管委会", L), ("市发改委", S), ("市财政局", S),
         ("市人力资源和社会保障局", S)]),
    "taizhou-责任单位-comma-lists": (
        "减少盖章、审核、备案、确认、告知等各种繁琐手续。(责任单位:市行政审批局、住建局、司法局,各市(区)人民政府,医药高新区管委会)",
        [("市行政审批局", R), ("住建局", R), ("司法局", R), ("各市(区)人民政府", R), ("医药高新区管委会", R)]),
    "huoqiu-marker-before-full-stop": (
        "1.全县家庭农场发展到1.3万家,农业产业化联合体达26个(责任单位:县农业农村局)。", [("县农业农村局", R)]),
    "lishan-label-lines-牵头/责任": (
        "1.努力实现地区生产总值增长6.2%左右。\n\n牵头单位:区发改局\n\n责任单位:立山经济开发区,全区经济运行各专班\n",
        [("区发改局", L), ("立山经济开发区", S), ("全区经济运行各专班", S)]),
    "lishan-label-lines-vague-dropped": (
        "6.居民收入增长与经济增长基本同步。\n\n牵头单位:区发改局\n\n责任单位:各街道,各相关单位\n",
        [("区发改局", L), ("各街道", S)]),
    "主办单位;协办单位": ("组织开展技能竞赛。(主办单位:市人社局;协办单位:市总工会、团市委)",
                      [("市人社局", L), ("市总工会", S), ("团市委", S)]),
    "牵头部门;配合部门": ("组织开展技能竞赛。(牵头部门:市人社局;配合部门:市财政局)", [("市人社局", L), ("市财政局", S)]),
    "责任领导-field-skipped": ("组织开展技能竞赛。(责任领导:张三;牵头单位:市人社局;配合单位:市财政局)",
                         [("市人社局", L), ("市财政局", S)]),
    "主要责任单位;协同责任单位": ("组织开展技能竞赛。(主要责任单位:市人社局;协同责任单位:市财政局)",
                          [("市人社局", R), ("市财政局", S)]),
    "X为牵头单位,Y为配合单位": ("组织开展技能竞赛。(市人社局为牵头单位,市财政局为配合单位)", [("市人社局", L), ("市财政局", S)]),
    "牵头落实,配合": ("组织开展技能竞赛。(市人社局牵头落实,市财政局配合)", [("市人社局", L), ("市财政局", S)]),
    "牵头,协同": ("组织开展技能竞赛。(市人社局牵头,市财政局、市教育局协同)", [("市人社局", L), ("市财政局", S), ("市教育局", S)]),
    "按各自职责负责": ("组织开展技能竞赛。(市人社局、市财政局按各自职责负责)", [("市人社局", R), ("市财政局", R)]),
    "按职能职责分工负责": ("组织开展技能竞赛。(市教育局、市人社局按职能职责分工负责)", [("市教育局", R), ("市人社局", R)]),
    "负责指导,负责落实": ("组织开展技能竞赛。(市人社局负责指导,各县(市、区)人民政府负责落实)",
                      [("市人社局", R), ("各县(市、区)人民政府", R)]),
    "(牵头)-after-name": ("组织开展技能竞赛。(责任单位:市人社局(牵头)、市财政局、市教育局)",
                         [("市人社局", L), ("市财政局", S), ("市教育局", S)]),
    "(牵头)-bare-list": ("组织开展技能竞赛。(市人社局(牵头)、市财政局、市教育局)",
                        [("市人社局", L), ("市财政局", S), ("市教育局", S)]),
    "责任单位:X牵头,Y配合": ("组织开展技能竞赛。(责任单位:市人社局牵头,市财政局配合)", [("市人社局", L), ("市财政局", S)]),
    "责任单位:X会同Y": ("组织开展技能竞赛。(责任单位:市人社局会同市财政局)", [("市人社局", L), ("市财政局", S)]),
    "space-separated-list": ("组织开展技能竞赛。(责任单位:市人社局 市财政局 市教育局)",
                            [("市人社局", R), ("市财政局", R), ("市教育局", R)]),
    "space-then-完成时限-field": ("组织开展技能竞赛。(牵头单位:市人社局 配合单位:市财政局 完成时限:2023年底)",
                               [("市人社局", L), ("市财政局", S)]),
    "【】-labels-run-in": ("组织开展技能竞赛。【牵头单位】市人社局【配合单位】市财政局、市教育局",
                          [("市人社局", L), ("市财政局", S), ("市教育局", S)]),
    "label-line-fields-after-full-stop": ("组织开展技能竞赛。\n牵头单位:市人社局。配合单位:市财政局、市教育局。",
                                          [("市人社局", L), ("市财政局", S), ("市教育局", S)]),
    "line-break-inside-list": ("组织开展技能竞赛。(责任单位:市人社局、\n市财政局)", [("市人社局", R), ("市财政局", R)]),
}


@pytest.mark.parametrize("text, expected", MARKER_VARIANTS.values(), ids=MARKER_VARIANTS.keys())
def test_marker_variants(text, expected):
    assert pairs(extract_units(text)) == expected


def test_traditional_notice_keeps_names_as_written():
    """The pipeline reads units on the simplified view and quotes the names from the original."""
    from extractor.pipeline import parse_text
    text = ("一、深入實施就業優先發展戰略\n(一)建立經濟發展與擴大就業聯動機制。同等條件下優先安排。"
            "(市發展改革委、市財政局、市統計局等負責,列第一位者為牽頭單位,下同)\n"
            "(二)發展吸納就業能力強的產業。提高服務業就業比重。(市商務局、市農業局等負責)")
    n = parse_text(text)
    assert [pairs(m.units) for m in n.measures] == [
        [("市發展改革委", L), ("市財政局", S), ("市統計局", S)], [("市商務局", L), ("市農業局", S)]]


# markers with a second clause, a nested note, or cut by the end of a page opening (heldout 03 镇江, 09 济南钢城;
# extra/units 09 咸阳)
SECOND_CLAUSE_AND_CUT = {
    "zhenjiang-second-clause-without-verb": (
        "按国家和省规定执行。(市财政局、市人社局、市税务局等按职责分工负责;各市、区人民政府,镇江新区、高新区管委会)",
        [("市财政局", R), ("市人社局", R), ("市税务局", R), ("各市", R), ("区人民政府", R), ("镇江新区", R),
         ("高新区管委会", R)]),
    "second-clause-with-its-verb": (
        "按国家和省规定执行。(市财政局、市人社局等按职责分工负责;各市、区人民政府负责)",
        [("市财政局", R), ("市人社局", R), ("各市", R), ("区人民政府", R)]),
    "second-clause-after-a-lead": (
        "组织开展技能竞赛。(市人社局牵头;各县区人民政府、高新区管委会)",
        [("市人社局", L), ("各县区人民政府", S), ("高新区管委会", S)]),
    "zhenjiang-nested-inheritance-note-closed": (
        "按国家和省规定执行。(市财政局、市人社局、市税务局等按职责分工负责;各市、区人民政府,镇江新区、高新区管委会"
        "〔以下均需各市、区人民政府,镇江新区、高新区管委会作为责任单位,不再一一列出〕)",
        [("市财政局", R), ("市人社局", R), ("市税务局", R), ("各市", R), ("区人民政府", R), ("镇江新区", R),
         ("高新区管委会", R)]),
    "zhenjiang-nested-note-cut-by-the-page-end": (
        "按国家和省规定执行。(市财政局、市人社局、市税务局等按职责分工负责;各市、区人民政府,镇江新区、高新区管委会"
        "〔以下均需各市、区人民政府,镇(",
        [("市财政局", R), ("市人社局", R), ("市税务局", R), ("各市", R), ("区人民政府", R), ("镇江新区", R),
         ("高新区管委会", R)]),
    "gangcheng-cut-name-after-a-label-dropped": (
        "不断优化“一张表单、一套材料”申报模式。(牵头单位:区行政审批服务局、区发展改革局;责任单位:区政",
        [("区行政审批服务局", L), ("区发展改革局", L)]),
    "cut-label-line-name-dropped": (
        "不断优化申报模式。\n牵头单位:区司法局\n责任单位:区政", [("区司法局", L)]),
    "xianyang-cut-bare-list-keeps-the-whole-names": (
        "对取消和下放审批的事项要同步落实监管责任和措施。(市政府办公室、市", [("市政府办公室", R)]),
    "cut-after-a-whole-body-keeps-it": (
        "强化审管联动。(责任单位:区司法局、区政府办公室", [("区司法局", R), ("区政府办公室", R)]),
    "label-line-ending-in-a-name-outside-the-lexicon": (
        "努力实现地区生产总值增长6.2%左右。\n牵头单位:区发改局\n责任单位:立山经济开发区,全区经济运行各专班",
        [("区发改局", L), ("立山经济开发区", S), ("全区经济运行各专班", S)]),
}


@pytest.mark.parametrize("text, expected", SECOND_CLAUSE_AND_CUT.values(), ids=SECOND_CLAUSE_AND_CUT.keys())
def test_second_clause_nested_note_and_cut_markers(text, expected):
    assert pairs(extract_units(text)) == expected


def test_traditional_marker_cut_by_the_page_end_keeps_names_as_written():
    """Heldout 03 (镇江): read on the simplified view, names quoted from the traditional original."""
    from extractor.pipeline import parse_text
    text = ("一、加大助企紓困保就業\n(一)加大稅費減免力度。緩繳三項社保費政策按國家和省規定執行。"
            "(市財政局、市人社局、市稅務局等按職責分工負責;各市、區人民政府,鎮江新區、高新區管委會〔以下均需各市、區人民政府,鎮")
    n = parse_text(text)
    assert [pairs(m.units) for m in n.measures] == [[
        ("市財政局", R), ("市人社局", R), ("市稅務局", R), ("各市", R), ("區人民政府", R), ("鎮江新區", R),
        ("高新區管委會", R)]]


@pytest.mark.parametrize("text, expected", MARKERS.values(), ids=MARKERS.keys())
def test_markers(text, expected):
    assert pairs(extract_units(text)) == expected
    assert find_markers(text)


NOT_MARKERS = {
    "alias-bracket-after-name": "市发展改革委(市粮食和物资储备局)负责市级储备粮行政管理。",
    "含…下同": "充分发挥职业院校(含技工院校,下同)技能培训优势。",
    "以下简称": "成立省哲学社会科学优秀成果奖评审委员会(以下简称省评审委),负责评审工作。",
    "year-range": "《福鼎市技能人才队伍建设规划(2023-2025年)》是重要组成部分。",
    "乡镇-bracket-inside-name": "各乡镇(街道、龙安)负责组织本地农村转移就业劳动者。",
}


@pytest.mark.parametrize("text", NOT_MARKERS.values(), ids=NOT_MARKERS.keys())
def test_not_markers(text):
    assert find_markers(text) == []


DUTIES = {
    "fuding-强化组织领导": (
        "(一)强化组织领导。在市委、市政府的领导下,人社部门负责本规划的组织实施,会同有关部门建立规划实施的工作协调机制。"
        "各行业主管部门和乡镇人民政府要以本规划为基础,制定加快技能人才队伍建设的工作计划。企业要进一步加大经费投入。",
        [("人社部门", R), ("各行业主管部门", R), ("乡镇人民政府", R)]),
    "fuding-强化工作机制": (
        "(二)强化工作机制。市人社局要将规划中的重要目标任务分解落实到各行业主管部门和乡镇人民政府。各行业主管部门和乡镇人民政府"
        "要强化目标责任制度;及时将技能人才培养工作情况报市人社局汇总。",
        [("市人社局", R), ("各行业主管部门", R), ("乡镇人民政府", R)]),
    "weihai-加大资金投入": (
        "(二)加大资金投入。加大职业技能培训资金支持和筹集整合力度。财政部门要在预算中适当安排技能人才培养专项经费。"
        "企业要认真落实国家有关规定,足额提取企业职工教育经费。",
        [("财政部门", R)]),
    "weihai-加强组织领导-vague": (
        "(一)加强组织领导。各区市各有关部门要将技能人才队伍建设工作作为人才工作的重要组成部分抓紧抓实。", []),
    "yingtan-组织部门牵头抓总": (
        "(一)加强组织领导。各地各部门要充分认识加强技能人才队伍建设的重要意义,形成在本级人才工作领导小组统筹协调下,"
        "建立组织部门牵头抓总、人力资源社会保障部门组织实施、有关部门各司其责、行业企业和社会各方广泛参与的工作机制。",
        [("组织部门", L), ("人力资源社会保障部门", R)]),
    "yingtan-压实主体责任-等部门": (
        "(二)压实主体责任。各区(市)要结合本地产业特点。各部门要主动作为。人社部门要加强研究。发改部门要统筹推进。"
        "财政部门要健全资金保障政策。教育部门要统筹推进职业教育高质量发展。工信、住建、商务、应急、文旅、农粮、科技、市场监管、"
        "退役军人事务等部门要立足行业管理职能。",
        [("各区(市)", R), ("人社部门", R), ("发改部门", R), ("财政部门", R), ("教育部门", R), ("工信", R), ("住建", R),
         ("商务", R), ("应急", R), ("文旅", R), ("农粮", R), ("科技", R), ("市场监管", R), ("退役军人事务", R)]),
    "guowuyuan-由…等部门会同": (
        "补贴由企业申请。具体范围由省级人力资源社会保障、财政等部门会同有关行业主管部门研究提出意见,报省级人民政府确定。",
        [("省级人力资源社会保障", L), ("财政", L)]),
    "guowuyuan-由X与Y共同开展": (
        "省级教育部门汇总并向本级人力资源社会保障部门提供困难毕业生信息。困难毕业生离校前,由教育部门与人力资源社会保障部门"
        "共同开展就业帮扶;离校后,由人力资源社会保障部门对未就业的困难毕业生建立实名帮扶台账。",
        [("省级教育部门", R), ("教育部门", R), ("人力资源社会保障部门", R)]),
    "guowuyuan-各地要-vague": ("(一)扩大稳岗扩岗专项贷款支持范围。各地要持续深化政银合作。", []),
    "anshun-会同…负责": (
        "第六条市财政局会同市发展改革委(市粮食和物资储备局)负责安排并及时拨付市级储备粮的贷款利息。",
        [("市财政局", L), ("市发展改革委", S)]),
    "由X牵头,Y配合-running-text": ("加强培训,由市人社局牵头,市财政局配合。", [("市人社局", L), ("市财政局", S)]),
    "anshun-approval-is-not-duty": ("未经市人民政府批准,任何单位和个人不得擅自动用市级储备粮。", []),
    "annex-title-is-not-duty": ("要加大政策宣传力度。\n附件:各行业主管部门和各乡镇(街道、龙安)职责", []),
}


# a place word that begins another word (市场, 区域, 县域) names no body
NOT_A_PLACE_GROUP = {
    "各市场主体": "各市场主体要落实安全生产主体责任,依法依规开展经营活动。",
    "各县域": "各县域商业体系要进一步完善。",
    "各乡村": "各乡村振兴示范点要带头推进技能培训。",
}


@pytest.mark.parametrize("text", NOT_A_PLACE_GROUP.values(), ids=NOT_A_PLACE_GROUP.keys())
def test_place_word_inside_another_word_is_no_body(text):
    assert extract_units(text) == [] and find_duties(text) == []


@pytest.mark.parametrize("text, expected", DUTIES.values(), ids=DUTIES.keys())
def test_duty_sentences(text, expected):
    assert pairs(extract_units(text)) == expected


DUTY_VARIANTS = {
    "gansu-由X、Y牵头,有关部门负责实施": (
        "第三条 省委、省政府直接掌握联系领军人才。领军人才工作由省委组织部、省人事厅牵头,省直有关部门按照各自职能具体负责实施。",
        [("省委组织部", L), ("省人事厅", L)]),
    "gansu-各地各有关部门-vague": ("第四条 各地各有关部门(单位)要制定完善领军人才培养计划。", []),
    "X要会同Y": ("加强资金监管。市人社局要会同市财政局加强资金监管。", [("市人社局", L), ("市财政局", S)]),
    "由X牵头,会同Y、Z等部门组织实施": ("加强资金监管。由市人社局牵头,会同市财政局、市教育局等部门组织实施。",
                                 [("市人社局", L), ("市财政局", S), ("市教育局", S)]),
    "guangdong-由省财政安排": ("第十二条 省社科成果奖的评审工作经费及奖金,由省财政在预算额度内从现有资金渠道安排。", [("省财政", R)]),
    "市财政要": ("加强资金保障。市财政要加大投入。", [("市财政", R)]),
    "X要牵头,Y要配合": ("加强协作。市人社局要牵头抓好落实,市财政局要配合做好资金保障。", [("市人社局", L), ("市财政局", S)]),
    "huadu-合作银行-partner-bank": ("第十五条 合作银行主要负责对贷款项目进行调查和评估,并提出推荐意见。", [("合作银行", R)]),
    "经办银行要": ("加大创业担保贷款支持。经办银行要简化贷款手续。", [("经办银行", R)]),
    "banks-in-general-are-no-body": ("支持小微企业健康快速发展。银行业金融机构要针对小微企业经营特点,创新产品和服务。", []),
    "huadu-当…时-condition-no-subject": ("各镇(街道、管委会)指定专门机构负责相关工作,当合作银行进行贷款追偿时给予协助。",
                                        [("各镇(街道、管委会)", R)]),
    "当涂县-place-starting-with-当": ("加强组织领导。当涂县人民政府负责统筹推进。", [("当涂县人民政府", R)]),
    "huadu-设立…(以下简称…),设在…,负责": (
        "第九条 设立广州市花都区中小企业助保贷业务办公室(以下简称“区助保贷办公室”),设在区科技工业信息化局,负责区助保贷业务日常工作。",
        [("区助保贷办公室", R)]),
    "named-body-with-alias-keeps-its-name": ("第三条 市人力资源和社会保障局(以下简称市人社局)负责本办法的组织实施。",
                                              [("市人力资源和社会保障局", R)]),
    "approver-经…认定-not-duty": ("经市人社局认定的技能大师工作室,给予10万元补助。", []),
    "applicant-向…申请-not-duty": ("企业可向县人社局申请补贴。", []),
    "等机构-closes-function-words": ("加强监管。工信、科技等机构要加强监管。", [("工信", R), ("科技", R)]),
    "X召集": ("建立联席会议制度。市人社局召集,市财政局为成员单位。", [("市人社局", L), ("市财政局", S)]),
}


@pytest.mark.parametrize("text, expected", DUTY_VARIANTS.values(), ids=DUTY_VARIANTS.keys())
def test_duty_variants(text, expected):
    assert pairs(extract_units(text)) == expected


# 各 and several place words name a group of places; the whole name is kept as written (各县区, not 各县)
PLACE_GROUPS = {
    "各县区要": ("各县区要成立领导小组。", [("各县区", R)]),
    "各市县区要": ("各市县区要成立领导小组。", [("各市县区", R)]),
    "各区县(市)要": ("各区县(市)要加强组织领导。", [("各区县(市)", R)]),
    "各县(市、区)要": ("各县(市、区)要加强组织领导。", [("各县(市、区)", R)]),
    "各县(市)区要": ("各县(市)区要落实属地责任。", [("各县(市)区", R)]),
    "各县市区要": ("各县市区要加强组织领导。", [("各县市区", R)]),
    "各旗县区要": ("各旗县区要加强组织领导。", [("各旗县区", R)]),
    "各乡镇(街道)负责": ("各乡镇(街道)负责摸底登记。", [("各乡镇(街道)", R)]),
    "各县区人民政府要": ("各县区人民政府要成立领导小组。", [("各县区人民政府", R)]),
    "marker-各县区": ("加强宣传。(责任单位:各县区、市人社局)", [("各县区", R), ("市人社局", R)]),
    "marker-各区县(市)牵头": ("加强宣传。(各区县(市)牵头,市人社局配合)", [("各区县(市)", L), ("市人社局", S)]),
    "bare-bracket-各县区": ("加强宣传。(市人社局、各县区)", [("市人社局", R), ("各县区", R)]),
}


@pytest.mark.parametrize("text, expected", PLACE_GROUPS.values(), ids=PLACE_GROUPS.keys())
def test_place_groups_keep_the_whole_name(text, expected):
    assert pairs(extract_units(text)) == expected


def test_marker_overrides_duty_sentences():
    text = "各级人社部门要会同工会组织牵头做好组织实施工作。(责任单位:省人社厅、省总工会)"
    assert pairs(extract_units(text)) == [("省人社厅", R), ("省总工会", R)]


ANNEX = {
    "fuding-市人社局负责": ("市人社局负责承担政策制定、职业标准实施、培训机构管理、培训质量监管、任务分解、数据汇总上报等职责。",
                        ["市人社局"], "承担政策制定、职业标准实施、培训机构管理、培训质量监管、任务分解、数据汇总上报等职责"),
    "fuding-群团组织以及行业协会要": ("市总工会、团市委、妇联等群团组织以及行业协会要积极参与组织职业技能培训和人才评价工作。",
                              ["市总工会", "团市委", "妇联", "行业协会"], "积极参与组织职业技能培训和人才评价工作"),
    "fuding-各乡镇(街道、龙安)": ("各乡镇(街道、龙安)负责组织本地农村转移就业劳动者,并配合市直行业主管部门做好本地各行业职业技能培训和人才评价。",
                             ["各乡镇(街道、龙安)"], "组织本地农村转移就业劳动者,并配合市直行业主管部门做好本地各行业职业技能培训和人才评价"),
    "fuding-市茶产业发展中心": ("市茶产业发展中心负责协调指导茶叶行业的职业技能培训和人才评价。", ["市茶产业发展中心"],
                           "协调指导茶叶行业的职业技能培训和人才评价"),
    "按照职责分工负责": ("市财政局按照职责分工负责落实资金保障。", ["市财政局"], "落实资金保障"),
    "共同负责": ("市人社局、市财政局共同负责补贴资金的审核拨付。", ["市人社局", "市财政局"], "补贴资金的审核拨付"),
}


@pytest.mark.parametrize("line, names, title", ANNEX.values(), ids=ANNEX.keys())
def test_annex_duty_line(line, names, title):
    units, got_title = parse_annex_duty_line(line)
    assert [u.name for u in units] == names and {u.role for u in units} == {R} and got_title == title


@pytest.mark.parametrize("line", ["附件:各行业主管部门和各乡镇(街道、龙安)职责", "要加大政策宣传力度。", ""])
def test_annex_line_without_duty(line):
    assert parse_annex_duty_line(line) is None


CELLS = {
    "zhejiang-owner/co": (("省发展改革委", "省经信厅、省科技厅、省财政厅、省国资委,杭州市政府", None),
                          [("省发展改革委", L), ("省经信厅", S), ("省科技厅", S), ("省财政厅", S), ("省国资委", S),
                           ("杭州市政府", S)]),
    "zhejiang-owner-按职责分工负责": (("省经信厅、省科技厅按职责分工负责", "省发展改革委", None),
                                 [("省经信厅", L), ("省科技厅", L), ("省发展改革委", S)]),
    "zhejiang-owner/co-无": (("省数据局", "无", None), [("省数据局", L)]),
    "zhejiang-省电力公司": (("省能源局", "省发展改革委、省电力公司", None),
                         [("省能源局", L), ("省发展改革委", S), ("省电力公司", S)]),
    "yingtan-责任部门": ((None, None, "市工信局,各区(市)人民政府、管委会,市人社局、市教育局、市国资委"),
                       [("市工信局", R), ("各区(市)人民政府", R), ("管委会", R), ("市人社局", R), ("市教育局", R),
                        ("市国资委", R)]),
    "yingtan-12类产业链牵头单位": ((None, None, "市人社局、市教育局、市财政局、12类产业链牵头单位,各区(市)人民政府、管委会"),
                              [("市人社局", R), ("市教育局", R), ("市财政局", R), ("12类产业链牵头单位", R),
                               ("各区(市)人民政府", R), ("管委会", R)]),
    "beijing-牵头/主责/协办": (("市生态环境局", "市经济和信息化局", "各区政府、北京经济技术开发区管委会"),
                             [("市生态环境局", L), ("各区政府", R), ("北京经济技术开发区管委会", R), ("市经济和信息化局", S)]),
}


CELLS["(牵头)-in-a-responsible-cell"] = ((None, None, "市人社局(牵头)、市财政局"), [("市人社局", L), ("市财政局", S)])
@pytest.mark.parametrize("cells, expected", CELLS.values(), ids=CELLS.keys())
def test_units_from_cells(cells, expected):
    assert pairs(units_from_cells(*cells)) == expected


SPLITS = {
    "ellipsis-管委会": ("市人社局,各区(市)人民政府、管委会", ["市人社局", "各区(市)人民政府", "管委会"]),
    "和-joins-bodies": ("各行业主管部门和乡镇人民政府", ["各行业主管部门", "乡镇人民政府"]),
    "和-inside-name": ("省工业和信息化厅、市人力资源和社会保障局", ["省工业和信息化厅", "市人力资源和社会保障局"]),
    "以及-等群团组织": ("市总工会、团市委、妇联等群团组织以及行业协会", ["市总工会", "团市委", "妇联", "行业协会"]),
    "等单位": ("市妇联、市残联等单位", ["市妇联", "市残联"]),
    "vague-dropped": ("市人社局、有关部门、各有关单位、相关部门", ["市人社局"]),
    "angle-brackets": ("各县<市、区>人民政府、新蒲新区管委会", ["各县<市、区>人民政府", "新蒲新区管委会"]),
    "second-name-with-level-dropped": ("市发展改革委(市粮食和物资储备局)、市财政局", ["市发展改革委", "市财政局"]),
    "second-name-全角-dropped": ("省市场监管局（省知识产权局）、省经信厅", ["省市场监管局", "省经信厅"]),
    "county-alias-kept": ("各县(区)人民政府(管委会)", ["各县(区)人民政府(管委会)"]),
    "elided-各县-then-alias-kept": ("各县、区人民政府(管委会)", ["各县", "区人民政府(管委会)"]),
    "高等专科学校-kept": ("江西师范高等专科学校、鹰潭职业技术学院", ["江西师范高等专科学校", "鹰潭职业技术学院"]),
    "各镇(街道、管委会)-kept": ("各镇(街道、管委会)", ["各镇(街道、管委会)"]),
}


SPLITS.update({
    "spaces-between-bodies": ("市人社局 市财政局  各县(市、区)人民政府", ["市人社局", "市财政局", "各县(市、区)人民政府"]),
    "按照职责分工负责-dropped": ("市财政局、市教育局按照职责分工负责", ["市财政局", "市教育局"]),
    "负责指导-dropped": ("市人社局负责指导", ["市人社局"]),
    "branch-after-national-body": ("国家统计局济宁调查队、国家税务总局潍坊市税务局",
                                   ["国家统计局济宁调查队", "国家税务总局潍坊市税务局"]),
})
@pytest.mark.parametrize("s, names", SPLITS.values(), ids=SPLITS.keys())
def test_split_units(s, names):
    got = split_units(s)
    assert [n for n, _ in got] == names
    assert all(s[o:o + len(n)] == n for n, o in got)


def test_inheritance_fujian_statement_measure_included():
    texts = ["(一)支持企业自主开展职业技能培训评价工作。(责任单位:省人社厅、省工信厅等,以下措施均需各设区市人民政府、"
             "平潭综合实验区管委会作为责任单位,不再一一列出)",
             "(二)支持企业加强技能大师工作室建设。(责任单位:省人社厅、省财政厅等)"]
    got = [[u.name for u in us] for us in assign_units(texts)]
    assert got == [["省人社厅", "省工信厅", "各设区市人民政府", "平潭综合实验区管委会"],
                   ["省人社厅", "省财政厅", "各设区市人民政府", "平潭综合实验区管委会"]]
    inherited = assign_units(texts)[1][2]
    assert inherited.inherited and inherited.source == "inherited" and inherited.role == R


def test_inheritance_haiguan_各_covers_the_same_body():
    texts = ["(一)甲。(交通运输部、中国民航局和各地方人民政府按职责分工负责。以下均需地方人民政府负责,不再列出)",
             "(二)乙。(交通运输部、海关总署按职责分工负责)"]
    got = [[u.name for u in us] for us in assign_units(texts)]
    assert got == [["交通运输部", "中国民航局", "各地方人民政府"], ["交通运输部", "海关总署", "地方人民政府"]]


def test_inheritance_zunyi_not_doubled():
    texts = ["1.甲。(责任单位:市能源局等单位,各县<市、区>人民政府、新蒲新区管委会。以下措施责任单位均包括各县<市、区>人民政府、"
             "新蒲新区管委会,不再列出)", "2.乙。(责任单位:市教体局等单位)"]
    got = [[u.name for u in us] for us in assign_units(texts)]
    assert got == [["市能源局", "各县<市、区>人民政府", "新蒲新区管委会"], ["市教体局", "各县<市、区>人民政府", "新蒲新区管委会"]]


def test_inheritance_spans_quote_the_statement():
    text = "(责任单位:省人社厅等,以下措施均需各设区市人民政府、平潭综合实验区管委会作为责任单位,不再一一列出)"
    (inh,) = find_inheritance(text)
    assert [u.name for u in inh.units] == ["各设区市人民政府", "平潭综合实验区管委会"]
    assert all(text[u.span[0]:u.span[1]] == u.name and u.inherited for u in inh.units)
    assert text[inh.span[0]:inh.span[1]] == inh.text


def test_inheritance_下同_with_bodies_and_convention():
    (i,) = find_inheritance("甲。(各县(市、区)人民政府,下同)")
    assert [u.name for u in i.units] == ["各县(市、区)人民政府"]
    (i,) = find_inheritance("甲。(责任单位:市人社局、市财政局,下同)")
    assert [u.name for u in i.units] == ["市人社局", "市财政局"]
    (c,) = find_inheritance("列支。(自治区人力资源社会保障厅、财政厅,排首位为牵头单位,下同)")
    assert c.first_is_lead and c.units == ()
    assert find_inheritance("充分发挥职业院校(含技工院校,下同)技能培训优势") == []


def test_convention_applies_to_later_markers():
    texts = ["甲。(自治区人力资源社会保障厅、财政厅,排首位为牵头单位,下同)", "乙。(自治区发展改革委、自治区财政厅)"]
    assert [pairs(us) for us in assign_units(texts)] == [
        [("自治区人力资源社会保障厅", L), ("财政厅", S)], [("自治区发展改革委", L), ("自治区财政厅", S)]]


CONVENTIONS = {
    "列第一位者为牵头单位": "(市发展改革委、市财政局等负责,列第一位者为牵头单位,下同)",
    "排在第一位的为牵头单位": "(市人社局、市财政局,排在第一位的为牵头单位)",
    "第一责任单位为牵头单位": "责任单位:市发改委、市财政局(第一责任单位为牵头单位,下同)",
    "sentence-of-its-own": "各项任务中排在第一位的为牵头单位。",
    "排首位为牵头单位": "(自治区人力资源社会保障厅、财政厅,排首位为牵头单位,下同)",
}


@pytest.mark.parametrize("text", CONVENTIONS.values(), ids=CONVENTIONS.keys())
def test_first_is_lead_conventions(text):
    conv = [i for i in find_inheritance(text) if i.first_is_lead]
    assert conv and all(i.units == () for i in conv)
    assert not [i for i in find_inheritance(text) if i.units]      # the 下同 of a convention carries no bodies


INHERIT_VARIANTS = {
    "以下各项任务均需X落实,不再一一列出": (
        "(责任单位:市人社局,以下各项任务均需各县(市、区)人民政府落实,不再一一列出)", ["各县(市、区)人民政府"]),
    "以下措施X均为责任单位,不再一一列出": ("(市人社局负责。以下措施各县市区人民政府均为责任单位,不再一一列出)", ["各县市区人民政府"]),
    "X为各项任务的责任主体,以下不再列出": (
        "(责任单位:市人社局。各县(市、区)人民政府为各项任务的责任主体,以下不再列出)", ["各县(市、区)人民政府"]),
    "X是本措施落实的责任主体,下同": ("(责任单位:市人社局。各县(市、区)政府是本措施落实的责任主体,下同)", ["各县(市、区)政府"]),
    "以下任务均需X、Y落实,不再逐一列出": (
        "(责任单位:市人社局;以下任务均需各区县政府、两江新区管委会落实,不再逐一列出)", ["各区县政府", "两江新区管委会"]),
}


@pytest.mark.parametrize("text, names", INHERIT_VARIANTS.values(), ids=INHERIT_VARIANTS.keys())
def test_inheritance_variants(text, names):
    got = [[u.name for u in i.units] for i in find_inheritance(text) if i.units]
    assert got == [names]
    assert pairs(extract_units(text)) == [("市人社局", R)]      # the statement is no part of the marker's own list


def test_convention_on_a_label_line_ranks_later_label_lines():
    texts = ["(一)推进完善长效机制。\n责任单位:市发改委、市财政局(第一责任单位为牵头单位,下同)\n时限要求:持续推进",
             "(二)严格落实统一的招投标政策。\n责任单位:市住建局\n时限要求:持续推进",
             "(三)畅通政策传导机制。\n责任单位:市人社局、市财政局\n时限要求:持续推进"]
    assert [pairs(us) for us in assign_units(texts)] == [
        [("市发改委", L), ("市财政局", S)], [("市住建局", L)], [("市人社局", L), ("市财政局", S)]]


def test_unit_cues_file_is_valid_and_cached():
    cues = load_unit_cues()
    assert cues is load_unit_cues()
    assert set(cues.label_roles.values()) | set(cues.verb_roles.values()) <= {L, S, R}
    assert cues.label_roles["牵头"] == L and cues.verb_roles["配合"] == S and "按职责分工" in cues.how


def test_unit_cues_validator_names_the_problem(tmp_path):
    bad = tmp_path / "cues.json"
    bad.write_text('{"label_roles": {"牵头": "boss"}, "verb_roles": {"负责": "responsible"}, "label_nouns": ["单位"],'
                   ' "first_words": ["首位"]}', encoding="utf-8")
    with pytest.raises(ValueError, match="label_roles.*牵头.*boss"):
        load_unit_cues(str(bad))


def test_unit_cues_validator_names_a_missing_list(tmp_path):
    import json
    from extractor.unit_cues import CUES
    raw = json.loads(CUES.read_text(encoding="utf-8"))
    del raw["duty_words"]
    bad = tmp_path / "cues.json"
    bad.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValueError, match="duty_words must not be empty"):
        load_unit_cues(str(bad))


def test_unit_cue_patterns_are_built_once_from_the_data():
    from extractor.unit_cues import _cue_patterns
    pats = _cue_patterns()
    assert pats is _cue_patterns()
    assert pats.duty_role.match("召集").group() == "召集" and pats.etc_close.match("等群团组织").end() == 5
    assert pats.inherit.search("以下措施均需市人社局作为责任单位,不再一一列出").group("list") == "市人社局"


def test_units_carry_canonical_function_level():
    (u,) = extract_units("按照规定给予培训补贴。(市人社局负责)", region="鹰潭市")
    assert (u.canonical, u.function, u.level, u.source) == ("鹰潭市人力资源和社会保障局", "人社", "市", "marker")


_ALPHABET = list("市省区县各人社局委厅办部门政府管委会总工会团妇联和与及以、,;。:()<>〔〕（）等有关负责牵头配合会同要"
                 "责任单位牵头单位配合单位以下措施均需作为不再列出下同由第条财政工信 \n")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=80))
def test_never_raises_and_spans_quote(text):
    for u in extract_units(text) + find_duties(text):
        assert text[u.span[0]:u.span[1]] == u.name and u.role in (L, S, R)
    for m in find_markers(text):
        assert text[m.span[0]:m.span[1]] == m.text
        assert all(text[u.span[0]:u.span[1]] == u.name for u in m.units)
    for i in find_inheritance(text):
        assert all(text[u.span[0]:u.span[1]] == u.name for u in i.units)
    for name, off in split_units(text):
        assert text[off:off + len(name)] == name
    parse_annex_duty_line(text)


# heldout failures (general causes): a 下同 that restates the division-of-labour sentence, a lead verb with
# the words of its duty in a marker cut by the page end, an alternative kind of body in brackets, a name
# that runs on into a word cut by the end of the text
HELDOUT_MARKERS = {
    "下同-restates-division-of-labour": (
        "降低企业融资成本。(责任单位:县发改局、县经信局、县人力社保局、县金融发展中心。各责任单位按职责分工负责,下同)",
        [("县发改局", R), ("县经信局", R), ("县人力社保局", R), ("县金融发展中心", R)]),
    "lead-verb-with-duty-open-marker": (
        "基本完成整治任务。(市生态环境局、发展和改革局、工业和信息化局牵头督导,市公安局、自然资源局、住房和城乡建设局、"
        "水务局、农业农村局、应急管理局、",
        [("市生态环境局", L), ("发展和改革局", L), ("工业和信息化局", L), ("市公安局", S), ("自然资源局", S),
         ("住房和城乡建设局", S), ("水务局", S), ("农业农村局", S), ("应急管理局", S)]),
    "lead-verb-with-duty-closed-marker": (
        "加强督查考核。(市人社局牵头抓总,市财政局、市教育局按职责分工负责)",
        [("市人社局", L), ("市财政局", S), ("市教育局", S)]),
    "alternative-body-in-brackets-kept": (
        "落实属地责任。(市生态环境局牵头,各县、区人民政府(管委会)负责落实)",
        [("市生态环境局", L), ("各县", S), ("区人民政府(管委会)", S)]),
    "county-alternative-body-kept": (
        "做好应急供应。(责任单位:各县(区)人民政府(管委会))", [("各县(区)人民政府(管委会)", R)]),
}


@pytest.mark.parametrize("text, expected", HELDOUT_MARKERS.values(), ids=HELDOUT_MARKERS.keys())
def test_heldout_marker_causes(text, expected):
    assert pairs(extract_units(text)) == expected
    assert not [i for i in find_inheritance(text) if i.units and "按职责分工" in i.text]


HELDOUT_INHERIT = {
    "下同-restates-division-of-labour-gives-nothing": (
        ["(一)稳岗扩岗。(责任单位:县发改局、县经信局、县金融发展中心。各责任单位按职责分工负责,下同)",
         "(二)降低用工成本。(责任单位:县人力社保局、县经信局)"],
        [["县发改局", "县经信局", "县金融发展中心"], ["县人力社保局", "县经信局"]]),
    "下同-after-a-bare-list-still-inherits": (
        ["(一)甲。(责任单位:市人社局。各县(市、区)人民政府,下同)", "(二)乙。(责任单位:市财政局)"],
        [["市人社局", "各县(市、区)人民政府"], ["市财政局", "各县(市、区)人民政府"]]),
}


@pytest.mark.parametrize("texts, expected", HELDOUT_INHERIT.values(), ids=HELDOUT_INHERIT.keys())
def test_heldout_inheritance_causes(texts, expected):
    got = [[u.name for u in us] for us in assign_units(texts)]
    assert got == expected
    assert all(len(names) == len(set(names)) for names in got)


CUT_WORDS = {
    "成员单-cut-by-page-end": ("(一)机关带头安置残疾人就业。残疾人工作委员会成员单", []),
    "工作人-cut-by-page-end": ("加强服务保障。市就业服务中心工作人", []),
    "duty-word-at-the-end-kept": ("加强服务保障。市就业服务中心负责", [("市就业服务中心", R)]),
    "由X安排-at-the-end-kept": ("资金保障。所需经费由市财政局安排", [("市财政局", R)]),
}


@pytest.mark.parametrize("text, expected", CUT_WORDS.values(), ids=CUT_WORDS.keys())
def test_name_running_into_a_cut_word_is_no_body(text, expected):
    assert pairs(extract_units(text)) == expected
