"""Hypothesis strategies for notice-like text: what the fuzz tests (`test_fuzz`) feed the extractors.

`notices()` builds a notice from the parts real ones are made of — a title, recipients, numbered
headings at every level (一、 / (一) / （一） / 1. / 1、 / （1） / ① / 第X条 / 第X章), sentences carrying
amounts (元/万元/亿元, ranges, per-person rates, Chinese numerals), targets (人次/家/个/%/成),
dates and periods (2025年底前, 2023—2025年, 2024年6月30日前, “十四五”时期), cadences (每年, 每季度),
agency names and responsibility markers (（责任单位：…）, 牵头/配合), obligation cues (要/应当/鼓励),
brackets of every kind, a table row ``1 | 任务 | 单位 |``, a signature and a date — mixed with
noise: arbitrary Unicode, full-width digits, traditional characters, control and private-use
characters, stray brackets, CR/LF/tab/ideographic spaces, and pieces cut mid-token.

`repeated()` is one sentence or line repeated up to thousands of times (recursion, quadratic costs).
`noisy_text()` is arbitrary text biased towards the characters the extractors treat specially;
`markup()` HTML-ish bytes in a few encodings for the HTML and text readers.

Not covered: bytes (encodings are the readers' business: see `tests/hostile`), text over a few
thousand characters (the hostile corpus has a 2-million-character line).
"""
from __future__ import annotations

from hypothesis import strategies as st

CN_DIGITS = "〇一二三四五六七八九"
CN_SMALL = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "二十", "三十五", "一百"]

AGENCIES = ["市人社局", "市财政局", "省发展改革委", "市教育局", "市总工会", "各县（市、区）人民政府", "市委组织部",
            "省人力资源社会保障厅", "市市场监管局", "团市委", "市工业和信息化局", "各地", "有关部门", "区政府",
            "国家发展改革委", "人力资源社会保障部", "市直各单位", "县卫健委"]
WORDS = ["技能人才", "职业技能培训", "高技能人才", "技工院校", "产教融合", "就业创业", "数字经济", "乡村振兴",
         "营商环境", "公共实训基地", "企业", "补贴", "评价", "竞赛", "专项资金", "工作", "机制", "体系", "服务",
         "质量", "项目", "平台", "标准", "人才队伍", "政策", "培训", "技师", "工匠", "示范", "建设"]
VERBS = ["开展", "加强", "推进", "完善", "建立", "实施", "落实", "支持", "强化", "组织", "举办", "培育", "新增",
         "达到", "安排", "给予", "力争", "确保", "提高到", "不少于", "突破", "累计"]
CUES = ["要", "必须", "应当", "须", "鼓励", "支持", "可以", "可", "严禁", "不得", "原则上", "积极"]
COUNT_UNITS = ["人次", "人", "家", "个", "所", "场", "项", "名", "万人次", "万人", "亿元", "万元", "元", "%", "％",
               "个百分点", "成", "倍", "平方米", "公里", "户", "期", "届"]
OPEN_CLOSE = ["《》", "“”", "（）", "()", "【】", "〔〕", "[]", "「」", "‘’", "\"\"", "<>"]
NOISE_CHARS = ("\u3000\u00a0\t\r\ufeff\u200b\u2028\u2029\x00\x0b\x0c\x1b\x1c\x1d\x1e\x85\ue000\uf8ff\ufffd\u0130ﬁ㎡"
               "０１２３４５６７８９％，。；：！？、—–-―~～…·•|｜/／\\\"'`年月日号前底末元万亿千百十零〇两半余多")


def years() -> st.SearchStrategy[int]:
    return st.one_of(st.integers(2015, 2035), st.integers(1900, 2199), st.integers(0, 99999))


def cn_number() -> st.SearchStrategy[str]:
    """A number as notices write it: 1,000 / 2.5 / 三千 / 1万 / １５ / 0.5 / 十二 / 一百二十三点五."""
    arabic = st.one_of(st.integers(0, 10**12).map(str), st.integers(0, 99999).map(lambda n: f"{n:,}"),
                       st.floats(0, 1e9, allow_nan=False, allow_infinity=False).map(lambda x: f"{x:.2f}"),
                       st.integers(0, 9999).map(lambda n: str(n).translate({i: i + 0xFEE0 for i in range(48, 58)})),
                       st.text("0123456789.,", min_size=1, max_size=8))
    chinese = st.one_of(st.sampled_from(CN_SMALL), st.text("〇一二三四五六七八九十百千万亿零两点", min_size=1, max_size=6))
    return st.one_of(arabic, chinese,
                     st.tuples(arabic, st.sampled_from(["万", "亿", "千", "百", "十", "千万", ""])).map("".join),
                     st.just("-5"), st.just("负3"))


def amount() -> st.SearchStrategy[str]:
    per = st.sampled_from(["", "每人", "每人每年", "每家", "每个项目", "按每人", "每人次", "人均"])
    bound = st.sampled_from(["", "最高", "不超过", "最高不超过", "不低于", "约", "左右", "以上", "以内", "至多"])
    unit = st.sampled_from(["元", "万元", "亿元", "千元", "元/人", "万元/年", "美元", "块", "元钱"])
    single = st.tuples(per, bound, cn_number(), unit).map("".join)
    rng = st.tuples(cn_number(), st.sampled_from(["-", "—", "～", "~", "至", "到", "－", "–"]), cn_number(), unit).map("".join)
    return st.one_of(single, rng, st.tuples(single, bound).map("".join))


def target() -> st.SearchStrategy[str]:
    return st.one_of(
        st.tuples(st.sampled_from(VERBS), cn_number(), st.sampled_from(COUNT_UNITS),
                  st.sampled_from(["", "以上", "左右", "以内", "余"])).map("".join),
        st.tuples(st.sampled_from(WORDS), st.sampled_from(["占比", "比例", "覆盖率", "合格率"]),
                  st.sampled_from(["达到", "提高到", "不低于", ""]), cn_number(), st.sampled_from(["%", "％", "成"])).map("".join),
        st.sampled_from(["翻一番", "翻两番", "四成以上", "全覆盖", "3—5所", "1-2个"]),
    )


def date() -> st.SearchStrategy[str]:
    y = years().map(str)
    m = st.integers(0, 14).map(str)
    d = st.integers(0, 33).map(str)
    return st.one_of(
        st.tuples(st.sampled_from(["到", "力争到", "至", "", "截至", "在", "于"]), y, st.just("年"),
                  st.sampled_from(["", "底", "底前", "末", "前", "年底前", "上半年", "下半年", "第一季度"])).map("".join),
        st.tuples(y, st.just("年"), m, st.just("月"), st.sampled_from(["", "底前", "前", "底"])).map("".join),
        st.tuples(y, st.just("年"), m, st.just("月"), d, st.sampled_from(["日", "日前", "日起", "日止"])).map("".join),
        st.tuples(y, st.sampled_from(["—", "-", "－", "–", "至", "到"]), y, st.just("年")).map("".join),
        st.tuples(st.just("从"), y, st.just("年到"), y, st.just("年")).map("".join),
        st.tuples(st.just("有效期至"), y, st.just("年"), m, st.just("月"), d, st.just("日")).map("".join),
        st.tuples(y, st.just("年"), m, st.just("月"), d, st.just("日至"), y, st.just("年"), m, st.just("月"), d,
                  st.just("日")).map("".join),
        st.sampled_from(["“十四五”时期", "十四五期间", "“十五五”", "年底前", "每年", "每两年", "每季度", "每月",
                         "年度", "月调度、季通报", "长期坚持", "持续推进", "2025年12月31日", "二〇二五年底",
                         "２０２５年底前", "2023年2月30日", "2024年13月1日", "〔2023〕8号", "30个工作日内"]),
    )


def marker() -> st.SearchStrategy[str]:
    units = st.tuples(st.lists(st.sampled_from(AGENCIES), max_size=4),
                      st.sampled_from(["、", ",", "，", "；", " ", "和", "及"])).map(lambda t: t[1].join(t[0]))
    label = st.sampled_from(["责任单位", "牵头单位", "配合单位", "主责单位", "责任部门", "牵头部门", "承办单位"])
    colon = st.sampled_from(["：", ":", "", " "])
    opener, closer = st.sampled_from(["（", "(", "【", "[", ""]), st.sampled_from(["）", ")", "】", "]", ""])
    one = st.tuples(label, colon, units).map("".join)
    return st.one_of(
        st.tuples(opener, one, closer).map("".join),
        st.tuples(opener, one, st.sampled_from(["；", ";", "，"]), one, closer).map("".join),
        st.tuples(st.sampled_from(AGENCIES), st.sampled_from(["牵头", "负责", "按职责分工负责"]),
                  st.sampled_from(["，", ","]), st.sampled_from(AGENCIES), st.just("配合")).map("".join),
    )


def heading_number() -> st.SearchStrategy[str]:
    n = st.sampled_from(CN_SMALL)
    i = st.integers(0, 120).map(str)
    return st.one_of(
        n.map(lambda x: x + "、"), n.map(lambda x: f"（{x}）"), n.map(lambda x: f"({x})"),
        i.map(lambda x: x + "."), i.map(lambda x: x + "、"), i.map(lambda x: x + "．"), i.map(lambda x: f"（{x}）"),
        i.map(lambda x: f"({x})"), st.sampled_from("①②③④⑤⑥⑦⑧⑨⑩"), n.map(lambda x: f"第{x}条"),
        n.map(lambda x: f"第{x}章"), i.map(lambda x: f"第{x}条"), st.sampled_from(["附件", "附件1", "——", "附件：", "一是", "二是"]),
    )


def phrase() -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(WORDS + VERBS), min_size=1, max_size=5).map("".join)


def noise(max_size: int = 12) -> st.SearchStrategy[str]:
    return st.one_of(st.text(NOISE_CHARS, max_size=max_size), st.text(max_size=max_size),
                     st.sampled_from(OPEN_CLOSE).map(lambda p: p[0]), st.sampled_from(OPEN_CLOSE).map(lambda p: p[-1]),
                     st.text("開展職業技能培訓補貼資金萬億為與對從說時國會", max_size=max_size))


def sentence() -> st.SearchStrategy[str]:
    piece = st.one_of(phrase(), amount(), target(), date(), marker(), st.sampled_from(AGENCIES),
                      st.sampled_from(CUES), noise(),
                      st.tuples(st.sampled_from(OPEN_CLOSE), phrase()).map(lambda t: t[0][0] + t[1] + t[0][-1]))
    end = st.sampled_from(["。", "；", "，", "！", "？", ":", "", "。\n", ";", ".", "…"])
    opener = st.sampled_from(["", "", "其中", "一是", "同时", "——", "到", "力争"])
    return st.tuples(opener, st.lists(piece, min_size=2, max_size=8).map("".join), end).map("".join)


def repeated(max_chars: int = 60_000) -> st.SearchStrategy[str]:
    """One sentence or line repeated hundreds or thousands of times, with no line breaks or with them:
    what finds recursion and quadratic costs that short notices never reach."""
    lead = st.sampled_from(["", "其中", "同时", "一是"])          # the repeated unit and the last share it
    body = st.one_of(phrase().map(lambda p: p + "。"), phrase().map(lambda p: p + "，"), sentence(), line(), noise(6))
    return st.tuples(lead, body, st.sampled_from([2, 30, 300, 1500, 4000]), st.sampled_from(["", "\n"]),
                     sentence()).map(lambda t: (t[0] + t[1] + t[3]) * max(1, min(t[2], max_chars // (len(t[1]) + 4)))
                                     + t[0] + t[4])


def line() -> st.SearchStrategy[str]:
    body = st.lists(sentence(), min_size=1, max_size=4).map("".join)
    indent = st.sampled_from(["", "  ", "\u3000\u3000", "\t", " "])
    row = st.lists(st.one_of(heading_number(), phrase(), st.sampled_from(AGENCIES), date(), st.just("")),
                   min_size=2, max_size=6).map(lambda cells: " | ".join(cells) + " |")
    return st.one_of(
        st.tuples(indent, heading_number(), st.sampled_from(["", " ", "\u3000"]), body).map("".join),
        st.tuples(indent, body).map("".join),
        st.tuples(indent, heading_number(), phrase()).map("".join),
        row, noise(40), st.just(""),
        st.sampled_from(["某某市人民政府", "2024年3月1日", "（此件公开发布）", "各县（市、区）人民政府，市直各单位：",
                         "X政发〔2024〕12号", "抄送：市委办公室", "附件：重点任务分工表", "第一章 总则", "第二条"]),
    )


def notices(max_lines: int = 25) -> st.SearchStrategy[str]:
    """A notice: a title line, then lines of headings, sentences, table rows and noise, joined by a
    line break chosen per notice (LF, CRLF, CR, or nothing at all: one run-on line)."""
    title = st.tuples(st.sampled_from(["关于印发", "关于", ""]), phrase(),
                      st.sampled_from(["的通知", "实施方案", "若干措施", "的意见", "行动计划（2023—2025年）", ""])).map("".join)
    sep = st.sampled_from(["\n", "\n", "\n", "\r\n", "\r", "\n\n", ""])
    return st.tuples(title, st.lists(line(), min_size=min(4, max_lines), max_size=max_lines), sep).map(lambda t: t[2].join([t[0], *t[1]]))


TAGS = ["p", "div", "span", "table", "tr", "td", "th", "br", "script", "style", "iframe", "embed", "object", "h1",
        "title", "meta", "head", "body", "html", "a", "img", "font", "center", "ul", "li", "!--", "nav", "form"]


def markup(max_leaves: int = 30) -> st.SearchStrategy[bytes]:
    """HTML-ish bytes: random tags (some unclosed, some with id/class/rowspan/colspan/charset), notice lines."""
    attr = st.sampled_from(['', ' id="zoom"', ' class="nav"', ' class="content"', ' rowspan="3"', ' colspan="0"',
                            ' rowspan="99999"', ' charset="gbk"', ' content="text/html; charset=big5"', ' src="data:x"',
                            ' style="display:none"', ' class="title"', ' id="UCAP-CONTENT"'])
    open_tag = st.tuples(st.sampled_from(TAGS), attr).map(lambda t: f"<{t[0]}{t[1]}>")
    close_tag = st.sampled_from(TAGS).map(lambda t: f"</{t}>")
    leaf = st.one_of(open_tag, close_tag, line(), noise(), st.just("-->"), st.just("<!DOCTYPE html>"))
    doc = st.lists(leaf, min_size=1, max_size=max_leaves).map("".join)
    enc = st.sampled_from(["utf-8", "gb18030", "big5", "utf-16"])
    return st.tuples(doc, enc).map(lambda t: t[0].encode(t[1], errors="replace"))


def noisy_text(max_size: int = 400) -> st.SearchStrategy[str]:
    """Arbitrary text, with the characters the extractors look at made likely."""
    special = "".join(CN_DIGITS) + NOISE_CHARS + "".join(OPEN_CLOSE) + "元万亿人次个家%第条章责任单位牵头配合要应当鼓励\n"
    return st.one_of(st.text(max_size=max_size), st.text(special, max_size=max_size),
                     st.lists(st.one_of(st.text(special, max_size=6), amount(), date(), heading_number(), marker()),
                              max_size=30).map("".join))


__all__ = ["amount", "cn_number", "date", "heading_number", "line", "marker", "markup", "noise", "noisy_text", "notices",
           "phrase", "repeated", "sentence", "target"]
