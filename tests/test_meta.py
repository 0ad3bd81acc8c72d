"""Metadata against the gold, and the metadata helpers on real phrases."""
from __future__ import annotations

import pytest

from extractor.meta import extract_meta, find_fields, parse_iso_date, split_issuers

from .conftest import SEED_STEMS, load_gold, needs_shared


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


# shapes of page openings met in notices from other regions (texts abridged from the pages named)
_SHANGHAI = ("上海市人力资源和社会保障局等四部门关于印发《落实国家“十四五”职业技能培训规划的实施方案》的通知\n\n"
             "沪人社职〔2022〕256号\n发布时间:2022-09-19\n\n各区人民政府,市政府各委、办、局:\n\n"
             "  经市政府同意,现将《落实国家“十四五”职业技能培训规划的实施方案》印发给你们,请认真按照执行。\n\n"
             "  上海市人力资源和社会保障局\n\n  上海市教育委员会\n\n  上海市发展和改革委员会\n\n  上海市财政局\n\n"
             "  2022年9月16日\n\n  落实国家“十四五”职业技能培训规划的实施方案\n\n  一、目标任务\n")
_HEBEI = ("河北省人力资源和社会保障厅\n关于印发技工教育“十四五”规划的通知\n冀人社发〔2022〕11 号\n"
          "各市(含定州、辛集市)人力资源社会保障局,雄安新区管理委员会公共服务局:\n"
          "为深入贯彻习近平总书记关于大力发展技工教育的重要指示精神,我厅组织制定了《河北省技工教育“十四五”规划》。"
          "现印发给你们,请结合实际,认真贯彻执行。\n河北省人力资源和社会保障厅\n2022年5月30日\n河北省技工教育“十四五”规划\n一、发展环境\n")
_SUZHOU = ("政策法规\n您现在的位置:首页 > 政策法规 > 正文\n发布时间:2016-09-18    信息来源:未知\n"
           "苏州市政府印发关于进一步做好新形势下创业就业工作的实施意见的通知\n苏府[2015]139号\n \n"
           "各市、区人民政府,苏州工业园区、苏州高新区、太仓港口管委会;市各委办局,各直属单位:\n"
           "《关于进一步做好新形势下创业就业工作的实施意见》已经市政府第43次常务会议讨论通过,现印发给你们,请结合实际,认真贯彻落实。\n"
           " \n苏州市人民政府\n2015年9月28日\n \n(此件公开发布)\n \n关于进一步做好新形势下创业就业工作的实施意见\n一、积极鼓励创新创业带动就业\n")
_JIANGSU_TRAD = ("江蘇省政府辦公廳關于印發職業技能提升行動計劃(2017-2020年)的通知\n發布日期:2017-04-06 16:07 字體:[ ]\n\n"
                 "  蘇政辦發〔2017〕41號\n\n各市、縣(市、區)人民政府,省各委辦廳局,省各直屬單位:\n\n"
                 "  現將《職業技能提升行動計劃(2017-2020年)》印發給你們,請結合實際認真貫徹落實。\n\n"
                 "  江蘇省人民政府辦公廳  \n\n  2017年3月13日     \n\n職業技能提升行動計劃(2017-2020年)\n\n  一、總體要求\n")
_SICHUAN_TWO_COLUMNS = ("关于印发《四川省大规模职业技能提升培训\n行动方案(2025-2027年)》的通知\n\n\n"
                        "各市(州)有关部门,省直有关部门(单位)\n\n"
                        "为推动职业技能培训高质量发展,现将《四川省大规模职业技能提升培训行动方案(20252027年)》印发给你们,请认真贯彻执行。\n\n"
                        "中共四川省委网络安全和信息化委员会办公室    四川省发展和改革委员会\n\n"
                        "四川省经济和信息化厅                                \n\n厅                                \n\n"
                        "四川省住房和城乡建设厅                            四川省交通运输厅\n\n四川省妇女联合会                          四川省残\n")
_CHANGSHA_LAWSITE = ("   首页 > 财经相关法律法规 > 劳动就业 >\n法规内容  本文仅供参考,如需引用请以正式文件为准\n"
                     "发文标题: 长沙市人力资源和社会保障局关于印发《长沙市民办职业培训机构审批和管理办法》的通知\n"
                     "发文文号: 长人社发[2013]5号\n发文部门: 长沙市人力资源和社会保障局\n发文时间: 2013-1-17\n实施时间: 2013-1-17\n"
                     "发文内容:\n\n各区、县(市)人力资源和社会保障局,高新区劳动保障局,各有关单位:\n"
                     "  现将《长沙市民办职业培训机构审批和管理办法》印发给你们,请认真遵照执行。\n  二〇一三年一月十七日\n"
                     "  长沙市民办职业培训机构审批和管理办法\n  第一章 总 则\n")
_JIANGSU_CRUMBS = ("江苏省人力资源和社会保障厅 政策法规 省人力资源社会保障厅 关于发布2020年高技能人才培训补贴紧缺型职业(工种)目录的通知\n"
                   "作者: 来源:政府 2020-05-09 13:37:47\n各设区市人力资源社会保障局:\n为助力打赢疫情防控阻击战,确定车工等100个职业(工种)为紧缺型职业(工种)目录,现予发布。\n"
                   "江苏省人力资源和社会保障厅\n2020年4月27日\n")
_ONE_LINE = ("劳动和社会保障部办公厅关于切实做好贫困地区劳动力培训促进就业工作的通知 (劳社厅函[2005]306号) "
             "各省、自治区、直辖市劳动和社会保障厅(局): 为贯彻落实国务院扶贫办与我部近日联合下发的通知,现就有关问题通知如下: "
             "一、把做好贫困地区劳动力培训促进就业工作摆上重要位置 各地劳动保障部门要高度重视。 |")
_NEWS = "当前位置: 首页 > 政策文件\n\n四川印发《“技能四川行动”实施方案》\n\n发布时间:2023/03/27 13:53:31\n\n为深入学习习近平总书记对技能人才工作的重要指示精神,特制定本实施方案。\n"
_SHARED_DOC = ("《“十四五”职业技能培训实施方案.docx》由会员分享,可在线阅读,更多相关《“十四五”职业技能培训实施方案.docx(17页珍藏版)》请在课桌文档上搜索。\n"
               "1、“十四五”职业技能培训实施方案为深入贯彻习近平总书记关于技能人才、职业教育工作的重要指示精神,制定本实施方案。\n")

_WRAPPED_FIELD = ("索引号:11350000-2023-00012 | 发文机关:某某市人力资源和社会保障局 | 成文日期:2023-05-06 |\n"
                  "标题:关于印发《某某市技能人才队伍建设\n三年行动方案》的通知\n文号:某人社〔2023〕12号\n各县（市、区）人社局，市直各单位：\n"
                  "现将《某某市技能人才队伍建设三年行动方案》印发给你们，请认真贯彻落实。\n")
_TITLE_DATE = ("某市人民政府办公室关于印发某市就业创业\n若干措施的通知\n（2023年3月1日）\n某政办发〔2023〕5号\n各县区人民政府：\n"
               "现将《某市就业创业若干措施》印发给你们。\n")
_TITLE_DOCNO = ("某市人民政府关于印发某市就业创业若干措施的通知（某政发〔2023〕5号）\n各县区人民政府：\n现将《某市就业创业若干措施》印发给你们。\n"
                "某市人民政府\n2023年3月1日\n")

_PINYIN = ("湖南省人民政府\n關(guān)于印發(fā)《湖南省進(jìn)一步促進(jìn)就業(yè)工作二十條措施》的通知\n湘政發(fā)〔2018〕30號\n"
           "各市州、縣市區人民政府,省政府各廳委、各直屬機構:\n現將《湖南省進(jìn)一步促進(jìn)就業(yè)工作二十條措施》印發(fā)給你們,請認真貫徹落實(shí)。\n"
           "湖南省人民政府\n2018年12月15日\n")


@pytest.mark.parametrize("text,field,expected", [
    (_SHANGHAI, "issuer", ("上海市人力资源和社会保障局", "上海市教育委员会", "上海市发展和改革委员会", "上海市财政局")),
    (_SHANGHAI, "date", "2022-09-16"),
    (_HEBEI, "title", "河北省人力资源和社会保障厅关于印发技工教育“十四五”规划的通知"),
    (_HEBEI, "policy_title", "河北省技工教育“十四五”规划"),
    (_SUZHOU, "title", "苏州市政府印发关于进一步做好新形势下创业就业工作的实施意见的通知"),
    (_SUZHOU, "policy_title", "关于进一步做好新形势下创业就业工作的实施意见"),
    (_SUZHOU, "issuer", ("苏州市人民政府",)),
    (_JIANGSU_TRAD, "doc_number", "蘇政辦發〔2017〕41號"),
    (_JIANGSU_TRAD, "policy_title", "職業技能提升行動計劃(2017-2020年)"),
    (_JIANGSU_TRAD, "date", "2017-03-13"),
    (_SICHUAN_TWO_COLUMNS, "title", "关于印发《四川省大规模职业技能提升培训行动方案(2025-2027年)》的通知"),
    (_SICHUAN_TWO_COLUMNS, "issuer", ("中共四川省委网络安全和信息化委员会办公室", "四川省发展和改革委员会", "四川省经济和信息化厅",
                                      "四川省住房和城乡建设厅", "四川省交通运输厅", "四川省妇女联合会")),
    (_CHANGSHA_LAWSITE, "title", "长沙市人力资源和社会保障局关于印发《长沙市民办职业培训机构审批和管理办法》的通知"),
    (_CHANGSHA_LAWSITE, "doc_number", "长人社发[2013]5号"),
    (_CHANGSHA_LAWSITE, "issuer", ("长沙市人力资源和社会保障局",)),
    (_JIANGSU_CRUMBS, "title", "省人力资源社会保障厅关于发布2020年高技能人才培训补贴紧缺型职业(工种)目录的通知"),
    (_JIANGSU_CRUMBS, "issuer", ("江苏省人力资源和社会保障厅",)),
    (_ONE_LINE, "title", "劳动和社会保障部办公厅关于切实做好贫困地区劳动力培训促进就业工作的通知"),
    (_ONE_LINE, "doc_number", "劳社厅函[2005]306号"),
    (_NEWS, "title", "“技能四川行动”实施方案"),
    (_SHARED_DOC, "title", "“十四五”职业技能培训实施方案"),
    (_WRAPPED_FIELD, "title", "关于印发《某某市技能人才队伍建设三年行动方案》的通知"),
    (_WRAPPED_FIELD, "recipients", ("各县（市、区）人社局", "市直各单位")),
    (_TITLE_DATE, "date", "2023-03-01"),
    (_TITLE_DOCNO, "title", "某市人民政府关于印发某市就业创业若干措施的通知"),
    (_TITLE_DOCNO, "doc_number", "某政发〔2023〕5号"),
    (_PINYIN, "doc_number", "湘政發(fā)〔2018〕30號"),
    (_PINYIN, "policy_title", "湖南省進(jìn)一步促進(jìn)就業(yè)工作二十條措施"),
    (_PINYIN, "title", "湖南省人民政府關(guān)于印發(fā)《湖南省進(jìn)一步促進(jìn)就業(yè)工作二十條措施》的通知"),
], ids=["signature-lists-the-deng-n-bumen", "signing-date-not-publication-date", "issuer-line-above-guanyu",
        "policy-named-in-body-not-title", "issuer-then-yinfa-title-kept", "policy-yijing-tongguo-xian-yinfa",
        "issuer-from-signature-for-yinfa-title", "traditional-docno-hao", "traditional-policy-title", "traditional-date",
        "title-over-two-lines", "two-column-signature-without-date", "fawen-biaoti-field", "fawen-wenhao-field",
        "fawen-bumen-field", "crumbs-before-title-dropped", "bare-level-issuer-gives-way-to-signature", "one-line-notice-title",
        "docno-in-brackets-after-title", "news-headline-yinfa", "shared-docx-name", "title-field-wrapped-over-two-lines",
        "recipients-split-outside-brackets", "bracketed-date-under-title", "title-without-trailing-docno", "trailing-docno",
        "pinyin-glossed-docno", "pinyin-glossed-policy", "pinyin-glossed-title"])
def test_meta_of_page_openings(text, field, expected):
    assert getattr(extract_meta(text), field) == expected


_BODY = "关于做好2023年技能培训工作的通知\n各县区人社局：\n现就有关事项通知如下。\n一、加强培训\n各地要加强培训。\n\n"


@pytest.mark.parametrize("signature,issuers", [
    ("某市人力资源和社会保障局    2023年3月1日\n", ("某市人力资源和社会保障局",)),
    ("某市人力资源和社会保障局（盖章）\n2023年3月1日\n", ("某市人力资源和社会保障局",)),
    ("某市人力资源和社会保障局 某市财政局\n2023年3月1日\n", ("某市人力资源和社会保障局", "某市财政局")),
    ("某市人力资源和社会保障局\n某市财政局\n某市教育局\n二〇二三年三月一日\n", ("某市人力资源和社会保障局", "某市财政局", "某市教育局")),
], ids=["issuer-and-date-on-one-line", "seal-note-dropped", "two-issuers-one-space", "cn-numeral-date-line"])
def test_signature_issuers(signature, issuers):
    m = extract_meta(_BODY + signature)
    assert (m.issuer, m.date) == (issuers, "2023-03-01")


@pytest.mark.parametrize("text,title,policy", [
    ("威人社字〔2021〕16号\n\n威海市人力资源和社会保障局等12部门 关于印发《关于开展技能兴威行动加强技能 人才队伍建设的若干措施》的通知\n\n"
     "各区市党委组织部:\n",
     "威海市人力资源和社会保障局等12部门关于印发《关于开展技能兴威行动加强技能人才队伍建设的若干措施》的通知",
     "关于开展技能兴威行动加强技能人才队伍建设的若干措施"),
    ("立山区人民政府关于印发\n《立山区政府2023年重点工作任务分解 和责任分工方案》的通知\n各街道办事处:\n",
     "立山区人民政府关于印发《立山区政府2023年重点工作任务分解和责任分工方案》的通知",
     "立山区政府2023年重点工作任务分解和责任分工方案"),
    ("大 同 市 人 民 政 府 办 公 室关于印发《大同市空气质量巩固提升2021年行动计划》的通知\n各县(区)人民政府:\n",
     "大同市人民政府办公室关于印发《大同市空气质量巩固提升2021年行动计划》的通知", "大同市空气质量巩固提升2021年行动计划"),
    ("海关总署 国家移民局 中国民航局关于进一步促进航空口岸通关便利化若干措施的通知\n各直属海关:\n",
     "海关总署 国家移民局 中国民航局关于进一步促进航空口岸通关便利化若干措施的通知", None),
    ("黑龙江省人民政府办公厅关于印发《黑龙江省“技耀龙江 照亮前程”技能人才培养专项行动方案(2025—2027年)》的通知\n各市(地)人民政府:\n",
     "黑龙江省人民政府办公厅关于印发《黑龙江省“技耀龙江 照亮前程”技能人才培养专项行动方案(2025—2027年)》的通知",
     "黑龙江省“技耀龙江 照亮前程”技能人才培养专项行动方案(2025—2027年)"),
    ("关于推广 ISO 9001 质量管理 体系认证的通知\n各有关单位:\n", "关于推广ISO 9001质量管理体系认证的通知", None),
], ids=["wrap-space-and-space-before-guanyu-go", "title-wrapped-over-two-lines", "letter-spaced-letterhead",
        "space-between-joint-issuers-stays", "space-inside-quoted-slogan-stays", "space-between-latin-tokens-stays"])
def test_title_spaces(text, title, policy):
    meta = extract_meta(text)
    assert (meta.title, meta.policy_title) == (title, policy)


def test_region_lexicons_are_consistent():
    from extractor.meta import load_cities, load_provinces

    provinces = dict(load_provinces())
    assert len(provinces) == 34
    assert set(load_cities().values()) <= set(provinces)
    assert all(len(s) >= 2 for shorts in provinces.values() for s in shorts)


@pytest.mark.parametrize("name", ["DOCNO", "TITLE_RX", "FieldValue", "TitleHit", "extract_meta", "find_fields", "find_title",
                                  "infer_region", "load_cities", "load_provinces", "looks_like_body", "parse_iso_date",
                                  "split_issuers", "split_issuers_aligned"])
def test_public_names_stay_importable_from_meta(name):
    import extractor.meta as meta

    assert name in meta.__all__ and getattr(meta, name) is not None


_SHANGHAI_PAGE = ("首页 人才政策一网通查 上海有哪些人才政策\n市政府关于做好当前和今后一段时期就业创业工作的意见\n政策原文\n扶持力度\n\n"
                  "沪府发〔2017〕76号\n\n上海市人民政府关于做好当前和今后一段时期就业创业工作的意见\n\n各区人民政府,市政府各委、办、局:\n\n"
                  "就业是民生之本,发展之源。\n")
_GANZHOU_PAGE = ("赣州市人民政府关于进一步做好新形势下就业创业工作 的 实 施 意 见\n\n发布者:kjyadmin发布时间:2016-09-26浏览次数:\n\n"
                 "赣市府发〔2015〕27号\n\n各县(市、区)人民政府,市政府有关部门:\n\n为贯彻国务院有关文件精神,现结合本市实际提出如下实施意见。\n")
_JIANGSU_SIGNED = ("江蘇省政府辦公廳關于印發職業技能提升行動計劃(2017-2020年)的通知\n\n  蘇政辦發〔2017〕41號\n\n"
                   "各市、縣(市、區)人民政府:\n\n  現將《職業技能提升行動計劃(2017-2020年)》印發給你們,請結合實際認真貫徹落實。\n\n"
                   "  江蘇省人民政府辦公廳  \n\n  2017年3月13日     \n")


@pytest.mark.parametrize("text,field,expected", [
    (_SHANGHAI_PAGE, "title", "上海市人民政府关于做好当前和今后一段时期就业创业工作的意见"),
    (_SHANGHAI_PAGE, "issuer", ("上海市人民政府",)),
    (_GANZHOU_PAGE, "title", "赣州市人民政府关于进一步做好新形势下就业创业工作的实施意见"),
    (_GANZHOU_PAGE, "issuer", ("赣州市人民政府",)),
    ("首页 > 政策文件 > 关于印发技能提升行动方案的通知\n各县(区)人社局:\n现将《技能提升行动方案》印发给你们。\n", "title",
     "关于印发技能提升行动方案的通知"),
    (_JIANGSU_SIGNED, "issuer", ("江蘇省人民政府辦公廳",)),
], ids=["breadcrumb-skipped-fuller-title-below-wins", "issuer-of-the-fuller-title", "letter-spaced-title-ending",
        "issuer-of-letter-spaced-title", "breadcrumb-is-the-title-when-nothing-else-is", "shortened-title-issuer-signed-in-full"])
def test_titles_and_issuers_of_site_pages(text, field, expected):
    assert getattr(extract_meta(text), field) == expected


_SPAM_HEADER = ("四虎国产精品成人影院-国产成人无码免费看视频软件-欧洲乱码专区网站-伊人久久大香线蕉AV成人\n\n"
                "高新技術(shù)企業(yè)認(rèn)定網(wǎng) > 資助項(xiàng)目 > 福州市資助項(xiàng)目 > 福州其他政府資助項(xiàng)目 >\n\n"
                "福州市鼓樓區(qū)職業(yè)技能提升行動實(shí)施方案(2019—2021年)\n\n發(fā)布時(shí)間:2020-01-22內(nèi)容編輯:宇辰管理 點(diǎn)擊數(shù):\n\n"
                "為深入貫徹黨的十九大提出的大規(guī)模開展職業(yè)技能培訓(xùn)的要求,結(jié)合我區(qū)實(shí)際,制定以下實(shí)施方案。\n一、目標(biāo)要求\n")
_TOC_WORD = ("通知\n一、指导思想\n二、工作目标\n三、政策措施\n(一)弘扬就业创业精神。\n"
             "1.鼓励其他人员投身创业。鼓励失业人员自立自强自主创业。(牵头单位:市人力资源社会保障局)\n")
_WRAPPED_TYPE_WORD = ("霍邱县2024年实施乡村人才促进行动\n工作方案\n一、总体要求\n全面贯彻党的二十大精神。\n")
_GLOSSED_DOCNO = ("發(fā)布時(shí)間:2022-09-01\n發(fā)文部門:中共鎮(zhèn)江市委辦公室 鎮(zhèn)江市人民政府辦公室\n"
                  "鎮(zhèn)辦〔2022〕51號(hào)\n各市、區(qū)委和人民政府:\n"
                  "《關(guān)于穩(wěn)定和擴(kuò)大就業(yè)若干政策措施》已經(jīng)市委、市政府同意,現(xiàn)印發(fā)給你們。\n"
                  "中共鎮(zhèn)江市委辦公室\n鎮(zhèn)江市人民政府辦公室\n2022年9月1日\n")


@pytest.mark.parametrize("text,field,expected", [
    (_SPAM_HEADER, "title", "福州市鼓樓區(qū)職業(yè)技能提升行動實(shí)施方案(2019—2021年)"),
    (_TOC_WORD, "title", None),
    (_WRAPPED_TYPE_WORD, "title", "霍邱县2024年实施乡村人才促进行动工作方案"),
    (_GLOSSED_DOCNO, "doc_number", "鎮(zhèn)辦〔2022〕51號(hào)"),
    (_GLOSSED_DOCNO, "policy_title", "關(guān)于穩(wěn)定和擴(kuò)大就業(yè)若干政策措施"),
], ids=["spam-and-breadcrumb-lines-are-not-a-wrapped-title", "bare-type-word-is-not-a-title",
        "type-word-ending-a-wrapped-title", "docno-keeps-the-gloss-of-its-last-character", "policy-title-glossed"])
def test_titles_and_docnos_as_printed(text, field, expected):
    assert getattr(extract_meta(text), field) == expected


@pytest.mark.parametrize("text,field,expected", [
    ("泰州关于印发聚焦企业关切进一步优化营商环境行动方案的通知\n为深入贯彻落实党中央、国务院关于优化营商环境的部署,制定本方案。\n一、主要任务\n",
     "title", "泰州关于印发聚焦企业关切进一步优化营商环境行动方案的通知"),
    ("泰州关于印发聚焦企业关切进一步优化营商环境行动方案的通知\n为深入贯彻落实党中央、国务院关于优化营商环境的部署,制定本方案。\n一、主要任务\n",
     "issuer", ()),
    ("广西 关于进一步做好稳就业工作的实施意见\n\n桂就领办发〔2020〕4号\n\n各市人民政府:\n", "title", "关于进一步做好稳就业工作的实施意见"),
    ("索引号: 02165835-012/2021-66322 公开方式: 主动公开\n文号: 公开日期: 2021-04-28\n发布单位: 县人力社保局 有效性:\n"
     "关于推动返乡入乡创业高质量发展的若干政策\n为贯彻落实党中央、国务院的决策部署,制定以下政策。\n", "issuer", ("县人力社保局",)),
], ids=["place-joined-to-guanyu-is-printed-in-the-title", "place-before-guanyu-is-no-issuer", "site-label-before-a-space-dropped",
        "fabu-danwei-field-names-the-issuer"])
def test_title_prefixes_and_publisher_field(text, field, expected):
    assert getattr(extract_meta(text), field) == expected


_ESSAY_SITE = ("领军人才实施方案\n\n2022-07-08\n\n一份优秀的方案要对活动的各个环节进行详尽的安排,今天小编给大家找来了《领军人才实施方案》,欢迎阅读。\n\n"
               "第一篇:领军人才实施方案\n\n甘肃省领军人才队伍建设实施办法\n\n第一章 总 则\n\n第一条 为了进一步加强领军人才队伍建设,特制定本办法。\n")


@pytest.mark.parametrize("text,expected", [
    (_ESSAY_SITE, "甘肃省领军人才队伍建设实施办法"),
    ("领军人才实施方案\n\n第一篇:领军人才实施方案\n\n第一章 总 则\n\n第一条 为了进一步加强领军人才队伍建设,特制定本办法。\n", "领军人才实施方案"),
], ids=["notice-title-after-first-essay-marker", "page-heading-when-nothing-follows-the-marker"])
def test_model_essay_site_title(text, expected):
    assert extract_meta(text, text.index("第一章")).title == expected


_SIGNED_BEFORE_HEADING = ("各镇人民政府(街道办事处),县政府各部门、各直属单位:\n"
                          "《进一步做好新时代就业创业工作若干政策措施》已经县政府常务会议审议通过,现印发给你们,请认真贯彻落实。\n"
                          "平湖县人民政府 2024年12月30日 (此件公开发布)\n"
                          "进一步做好新时代就业创业工作若干政策措施\n"
                          "为切实做好新时代就业创业工作,提出如下政策措施。\n")
_GLUED_SIGNATURE = ("关于2023年就业见习补贴的公示,,根据有关规定,现将2023年就业见习补贴名单予以公示,,"
                    "附件:2023年就业见习补贴名单枣阳市人事档案管理中心2024年10月9日附件下载:1,、2023年就业见习补贴名单.xlsx\n")


@pytest.mark.parametrize("text,field,expected", [
    (_SIGNED_BEFORE_HEADING, "title", None),
    (_SIGNED_BEFORE_HEADING, "policy_title", "进一步做好新时代就业创业工作若干政策措施"),
    (_SIGNED_BEFORE_HEADING, "issuer", ("平湖县人民政府",)),
    (_SIGNED_BEFORE_HEADING, "date", "2024-12-30"),
    (_GLUED_SIGNATURE, "issuer", ("枣阳市人事档案管理中心",)),
    (_GLUED_SIGNATURE, "date", "2024-10-09"),
], ids=["signature-line-is-not-glued-onto-the-heading", "forwarded-heading-is-the-policy-title",
        "signature-line-gives-the-issuer", "signature-line-gives-the-date",
        "signature-glued-to-a-sentence-gives-the-issuer", "signature-glued-to-a-sentence-gives-the-date"])
def test_signature_lines_around_headings(text, field, expected):
    assert getattr(extract_meta(text), field) == expected
