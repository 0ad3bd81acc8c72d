"""The normalised view and its offset map."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.normalize import looks_traditional, normalize

from .conftest import SAMPLES, SEED_STEMS


@pytest.mark.parametrize("raw,expected", [
    ("技能 人才", "技能人才"),
    ("到 2025 年", "到2025年"),
    ("加强组织领导，统筹优化政\n\n策，深化改革", "加强组织领导,统筹优化政策,深化改革"),
    ("（一）指导思想\n以习近平新时代", "(一)指导思想\n以习近平新时代"),
    ("２０２５年达到３０％", "2025年达到30%"),
    ("[bookmark: _GoBack]鼎政办规〔2023〕8号", "鼎政办规〔2023〕8号"),
    ("ISO 9001 认证", "ISO 9001认证"),
    ("市人社局 | 市财政局 |", "市人社局 | 市财政局 |"),
    ("稳岗返还所需资金由失业保险基金列支。(自治区人力资源社会保障厅、财政厅,排首位为牵头单位,下同)\n \n落实普惠金融定向降准政策,对符合条件的金融机构",
     "稳岗返还所需资金由失业保险基金列支。(自治区人力资源社会保障厅、财政厅,排首位为牵头单位,下同)\n\n落实普惠金融定向降准政策,对符合条件的金融机构"),
    ("(一)堅(jiān)持經(jīng)濟(jì)發(fā)展就業(yè)導(dǎo)向。", "(一)坚持经济发展就业导向。"),
    ("附件(PDF)第(a)项", "附件(PDF)第(a)项"),
    ("一、把做好贫困地区劳动力培训促进就业工作摆上重要位置 各地劳动保障部门要高度重视劳动力职业培训和转移就业工作,将其纳入工作安排。",
     "一、把做好贫困地区劳动力培训促进就业工作摆上重要位置\n各地劳动保障部门要高度重视劳动力职业培训和转移就业工作,将其纳入工作安排。"),
    ("(一)加快推进高技能人才 培养基地建设,按照要求推进。", "(一)加快推进高技能人才培养基地建设,按照要求推进。"),
    ("为贯彻落实有关文件精神,现就有关问题通知如下: 一、加强组织领导。各地要高度重视。二、加大资金投入。各地要保障经费。",
     "为贯彻落实有关文件精神,现就有关问题通知如下:\n一、加强组织领导。各地要高度重视。\n二、加大资金投入。各地要保障经费。"),
    ("序号\t重点任务\t牵头单位\n1\t开展 职业技能培训\t市人社局", "序号\t重点任务\t牵头单位\n1\t开展职业技能培训\t市人社局"),
    ("序号   重点任务   牵头单位\n1      开展职业技能培训   市人社局", "序号\t重点任务\t牵头单位\n1\t开展职业技能培训\t市人社局"),
    ("序号\t姓名\t职务\n1\t张三\t局长", "序号姓名职务\n1张三局长"),
], ids=["space-in-word", "space-around-digits", "hard-wrap", "heading-not-joined", "fullwidth-digits",
        "bookmark-noise", "ascii-space-kept", "table-separators-kept", "marker-after-sentence-ends-paragraph",
        "pinyin-glosses-dropped", "latin-in-brackets-kept", "heading-then-space-then-paragraph",
        "space-inside-pdf-heading-deleted", "list-after-tongzhi-ruxia-breaks", "tab-laid-task-table-keeps-tabs",
        "space-laid-task-table-gets-tabs", "tab-laid-table-without-unit-column-folded"])
def test_normalize_cases(raw, expected):
    assert normalize(raw).text == expected


@pytest.mark.parametrize("raw,expected", [
    ("现提出以下意见: 一、深入实施就业优先战略 1.坚持就业优先发展战略。各级政府要把稳定和扩大就业作为优先选项。"
     "(市发展改革委、市人力资源社会保障局牵头,市财政局参加) 2.发挥小微企业就业主渠道作用。扶持发展小微企业。",
     "现提出以下意见:\n一、深入实施就业优先战略\n1.坚持就业优先发展战略。各级政府要把稳定和扩大就业作为优先选项。"
     "(市发展改革委、市人力资源社会保障局牵头,市财政局参加)\n2.发挥小微企业就业主渠道作用。扶持发展小微企业。"),
    ("1.开展职业技能培训。(市人社局负责)2.组织职业技能竞赛。(市总工会负责)",
     "1.开展职业技能培训。(市人社局负责)\n2.组织职业技能竞赛。(市总工会负责)"),
    ("1.加强职业培训。3.组织技能竞赛。", "1.加强职业培训。3.组织技能竞赛。"),
    ("1.提高补贴标准。补贴标准提高到原来的第1.5倍。2.0版信息系统上线运行。",
     "1.提高补贴标准。补贴标准提高到原来的第1.5倍。2.0版信息系统上线运行。"),
    ("主要包括:1.开展岗前培训;2.开展在岗培训。", "主要包括:1.开展岗前培训;2.开展在岗培训。"),
    ("一、加强技能培训 1.开展岗前培训。2.组织技能竞赛。二、强化组织保障 1.加大资金投入。2.加强督促考核。",
     "一、加强技能培训\n1.开展岗前培训。\n2.组织技能竞赛。\n二、强化组织保障\n1.加大资金投入。\n2.加强督促考核。"),
    ("(一)健全培训体系。各地要健全培训体系。(二)加大培训力度。各地要加大培训力度。",
     "(一)健全培训体系。各地要健全培训体系。\n(二)加大培训力度。各地要加大培训力度。"),
    ("2、新发展格局,推动高质量发展,以改革创新为动力,以构建技能型社会为主线,全力推进技能建设,不断健全劳动者终身职业技能培训制度。"
     "二、基本原则坚持党的全面领导。",
     "2、新发展格局,推动高质量发展,以改革创新为动力,以构建技能型社会为主线,全力推进技能建设,不断健全劳动者终身职业技能培训制度。"
     "二、基本原则坚持党的全面领导。"),
    ("贷款不得用于从事以下业务:(一)从事房地产、股票投资;(二)向任何第三方提供贷款;(三)从事政策明确禁止的业务。",
     "贷款不得用于从事以下业务:(一)从事房地产、股票投资;(二)向任何第三方提供贷款;(三)从事政策明确禁止的业务。"),
    ("现提出如下意见:一、总体要求到2025年,培训1万人次。二、主要任务(一)加强培训。1.开展岗前培训。2.组织技能竞赛。"
     "(二)强化评价。做好技能评价。三、保障措施(一)加强组织领导。各地要加强领导。",
     "现提出如下意见:\n一、总体要求到2025年,培训1万人次。\n二、主要任务\n(一)加强培训。\n1.开展岗前培训。\n2.组织技能竞赛。"
     "\n(二)强化评价。做好技能评价。\n三、保障措施\n(一)加强组织领导。各地要加强领导。"),
    ("现就有关问题通知如下:1.明确任务,压实责任。各牵头单位要细化工作举措。2.统筹协调,合力攻坚。各相关单位要加强配合。",
     "现就有关问题通知如下:\n1.明确任务,压实责任。各牵头单位要细化工作举措。\n2.统筹协调,合力攻坚。各相关单位要加强配合。"),
    ("第五条 每人补贴标准如下:1.取得初级工证书的1000元;2.取得中级工证书的1500元。",
     "第五条每人补贴标准如下:1.取得初级工证书的1000元;2.取得中级工证书的1500元。"),
], ids=["one-line-cn-and-num-items", "item-after-closing-bracket", "gap-in-numbering-not-split",
        "decimals-never-split", "colon-list-not-split", "higher-kind-restarts-numbering", "pcn-items-after-sentence-end",
        "docx-page-chunk-kept", "colon-led-sub-list-in-a-sentence-kept", "heading-title-run-into-its-first-item",
        "num-items-after-tongzhi-ruxia", "list-inside-a-provision-kept"])
def test_inline_numbered_items_get_own_lines(raw, expected):
    n = normalize(raw)
    assert n.text == expected
    assert len(n.index) == len(n.text) + 1 and list(n.index) == sorted(n.index)


@pytest.mark.parametrize("stem", SEED_STEMS)
def test_every_normalised_char_maps_back(stem):
    text = (SAMPLES / f"{stem}.txt").read_text(encoding="utf-8")
    n = normalize(text)
    assert len(n.index) == len(n.text) + 1
    for i, ch in enumerate(n.text):
        o = text[n.index[i]]
        if ch == "\n":
            continue          # a kept line break, or one restored in run-on text
        else:
            assert o == ch or ord(o) - 0xFEE0 == ord(ch) or (o in " \u3000\xa0\t" and ch in " \t"), (i, ch, o)
    assert list(n.index) == sorted(n.index)


def test_traditional_view_keeps_offsets():
    trad = "一、總體要求\n堅持以習近平新時代中國特色社會主義思想為指導，全面貫徹落實黨的十九大精神。"
    n = normalize(trad)
    assert looks_traditional(trad)
    assert n.text.startswith("一、总体要求\n坚持")
    s = n.text.index("总体要求")
    assert n.orig_text(s, s + 4) == "總體要求"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("技能人才 \n\u3000，。（）(一)1.2025年到底前月日元万％%|｜\t職業培訓")), max_size=200))
def test_offset_map_is_monotonic_and_in_range(text):
    n = normalize(text)
    assert len(n.index) == len(n.text) + 1
    assert all(0 <= i <= len(text) for i in n.index)
    assert list(n.index[:-1]) == sorted(n.index[:-1])
