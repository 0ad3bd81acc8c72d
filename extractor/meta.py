"""Notice metadata: title, policy title, 文号, issuers, signing date, recipients, cc, validity, region.

Sources, in order of trust: the metadata block government sites print above a notice
(发文机关 / 文号 / 成文日期 / 标题 …, as "key: value" lines, "key | value |" rows or bullets);
the title line(s) (wrapped titles are joined); the signature block (issuers on their own lines,
then a date line). Values are returned as printed in the original text (spans are kept on the
`MetaEvidence`), except dates, which are ISO.

Page openings are read too: breadcrumbs or site words before the issuer ("X厅 政策法规 X厅 关于…"),
a 文号 in brackets after the title, a 标题 field wrapped over two lines, other sites' field names
(发文标题 / 文件编号 / 发文部门 / 生成日期 …, see FIELD_ALIASES), a news headline "四川印发《…》", a
document-sharing site's "《X.docx》由会员分享", signatures in two columns or without a date line,
traditional characters (matched on an aligned simplified view) and pinyin glosses ("印發(fā)").

Deliberately not done: 发布日期 (publication date) is never taken as the signing date; a 文号
cited in the body ("根据《…》(闽委人才〔2023〕3号)") is never the notice's own; a publisher path
("汝州市人民政府->汝州市人社局") is not told apart from an issuer.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from importlib import resources

from .model import Meta, Region
from .normalize import _FOLD, PINYIN_GLOSS, looks_traditional, to_simplified_aligned

FIELD_KEYS = ("索引号", "主题分类", "发文机关", "发布机构", "发文单位", "发文字号", "文号", "成文日期", "发文日期", "发布日期",
              "发布时间", "标题", "有效性", "废止日期", "失效日期", "失效时间", "生效日期", "实施日期", "公文时效", "来源",
              "公文种类", "体裁", "主题词", "所属主题", "组配分类", "时间", "字号", "分享",
              "发文标题", "发文文号", "发文部门", "发文时间", "文件编号", "信息名称", "文件名称", "名称", "发文机构",
              "生成日期", "公开日期", "签发日期")
# other sites' names for the same fields (信息公开 pages: 名称 / 文件编号 / 发文机构 / 生成日期 …)
FIELD_ALIASES = {"发文标题": "标题", "信息名称": "标题", "文件名称": "标题", "名称": "标题", "发文文号": "文号",
                 "文件编号": "文号", "发文部门": "发文机关", "发文机构": "发文机关", "发文时间": "发文日期",
                 "生成日期": "成文日期", "签发日期": "成文日期"}
_KEY_RX = re.compile(
    r"(?:(?<=^)|(?<=[\s|•·]))(" + "|".join(r"\s*".join(map(re.escape, k)) for k in sorted(FIELD_KEYS, key=len, reverse=True))
    + r")\s*[:|]?\s*")
DOCNO = re.compile(r"[\u4e00-\u9fffA-Za-z]{1,15}\s*[〔\[［(（【]\s*(?:19|20)\d{2}\s*[〕\]］)）】]\s*\d{1,5}\s*号")
_TITLE_END = (r"(?:通知|意见|实施意见|方案|办法|措施|规划|决定|细则|计划|要点|清单|批复|公告|通告|规定|条例|纲要|报告|指引|指南"
              r"|函|若干措施|若干政策|政策)")
TITLE_RX = re.compile(_TITLE_END + r"(?:\s*[(（][^()（）]{1,20}[)）])?$")
_BODY_SUFFIX = re.compile(r"(?:局|厅|委|委员会|会|办|办公室|办公厅|室|署|部|院|府|政府|中心|组|联|总工会|团委|管委会|支行|分行|集团)$")
_DATE_LINE = re.compile(r"^\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$")
_CN_DATE_LINE = re.compile(r"^\s*([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日\s*$")
_INLINE_SIGNATURE = re.compile(r"[。)]\s*([\u4e00-\u9fff]{2,30}?(?:政府|办公室|办公厅|局|厅|委|委员会))\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_PAREN_DATE_LINE = re.compile(r"^\s*[(（]\s*((?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)"
                              r"|(?:[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日))\s*[)）]\s*$")
_PRINTED_LINE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*印发")
_NOT_TITLE_START = re.compile(r"^(?:现将|经|为|根据|按照|各|附件|抄送|主送|索引|联系|此件|\(此件|\d+[.、])")
_CHROME = re.compile(r"^(?:正文|分享|打印|关闭|字号|【?字体|来源|发布时间|时间)\b|^[•·]")
_FILE_EXT = re.compile(r"\.(?:pdf|docx?|wps|txt|html?)$", re.I)


@dataclass(frozen=True)
class FieldValue:
    key: str
    value: str
    start: int       # offsets in the original text
    end: int


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for raw in text.split("\n"):
        out.append((pos, raw))
        pos += len(raw) + 1
    return out


def find_fields(folded: str, limit_lines: int = 60) -> dict[str, FieldValue]:
    """Metadata fields printed above a notice, by key (first occurrence wins).

    >>> find_fields("发文机关: 市人社局 | 文 号: 鹰办发〔2022〕22号 | |")["文号"].value
    '鹰办发〔2022〕22号'
    """
    out: dict[str, FieldValue] = {}
    for pos, line in _lines(folded)[:limit_lines]:
        ms = list(_KEY_RX.finditer(line))
        for i, m in enumerate(ms):
            key = re.sub(r"\s", "", m.group(1))
            key = FIELD_ALIASES.get(key, key)
            vstart = m.end()
            vend = ms[i + 1].start() if i + 1 < len(ms) else len(line)
            raw = line[vstart:vend]
            value = raw.strip(" |:•·\t")
            # keep the span of the stripped value
            off = raw.find(value) if value else 0
            if key not in out and value:
                out[key] = FieldValue(key, value, pos + vstart + off, pos + vstart + off + len(value))
    return out


def _wrapped_field(folded: str, f: FieldValue) -> FieldValue | None:
    """A 标题 field whose value goes on over the next line ("标题:关于印发《…建设\n三年行动方案》的通知")."""
    nl = folded.find("\n", f.end)
    if nl < 0:
        return None
    nxt_end = folded.find("\n", nl + 1)
    nxt_end = len(folded) if nxt_end < 0 else nxt_end
    nxt = folded[nl + 1:nxt_end].strip()
    if not nxt or _KEY_RX.match(nxt) or len(nxt) > 60 or not TITLE_RX.search(nxt):
        return None
    end = nl + 1 + folded[nl + 1:nxt_end].find(nxt) + len(nxt)
    return FieldValue(f.key, f.value + nxt, f.start, end)


def parse_iso_date(s: str) -> str | None:
    """An ISO date from 2023-02-13, 2023年9月20日, 2023/2/13, 二〇二三年九月二十日, or epoch milliseconds (China time).

    >>> parse_iso_date("2025年07月03日"), parse_iso_date("1647800177000"), parse_iso_date("〔2023〕8号")
    ('2025-07-03', '2022-03-21', None)
    """
    s = s.strip()
    m = re.fullmatch(r"(\d{10})(\d{3})?", s)
    if m:
        dt = datetime.fromtimestamp(int(m.group(1)), tz=timezone(timedelta(hours=8)))
        return dt.date().isoformat()
    m = re.search(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?", s)
    if not m:
        m2 = _CN_DATE_LINE.match(s)
        if not m2:
            return None
        y = "".join(str({"〇": 0, "○": 0, "零": 0}.get(c, "一二三四五六七八九".find(c) + 1)) for c in m2.group(1))
        return _iso(int(y), _cn_small(m2.group(2)), _cn_small(m2.group(3)))
    return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def _cn_small(s: str) -> int:
    d = {c: i + 1 for i, c in enumerate("一二三四五六七八九")}
    if s == "十":
        return 10
    if s.startswith("十"):
        return 10 + d.get(s[1:], 0)
    if "十" in s:
        a, _, b = s.partition("十")
        return d[a] * 10 + d.get(b, 0)
    return d.get(s, 0)


def _iso(y: int, mo: int, d: int) -> str | None:
    try:
        return datetime(y, mo, d).date().isoformat()
    except ValueError:
        return None


def _clean(s: str) -> str:
    return "".join(s.split()) if s else s


def looks_like_body(s: str) -> bool:
    """Does this string name a government body (by its suffix)?

    >>> looks_like_body("福鼎市人民政府办公室"), looks_like_body("广西")
    (True, False)
    """
    s = s.strip()
    return 2 <= len(s) <= 40 and bool(_BODY_SUFFIX.search(s))


_SPLIT_JOINED = re.compile(r"(?<=[局厅委会办室署部院府])(?=(?:自治区|省|市|共青团|国家|中国|中共)[\u4e00-\u9fff]{2,})")


def split_issuers(prefix: str) -> list[str]:
    """Issuer names from a title prefix or a 发文机关 value.

    >>> split_issuers("威海市人力资源和社会保障局等12部门 ")
    ['威海市人力资源和社会保障局']
    >>> split_issuers("海关总署 国家移民局 民航局")
    ['海关总署', '国家移民局', '民航局']
    """
    prefix = re.sub(r"等\s*[\d一二三四五六七八九十]+\s*(?:个)?(?:部门|单位|部委|厅局)\s*$", "", prefix.strip())
    parts = [p for p in re.split(r"[\s、,，;；]+", prefix) if p]
    if len(parts) > 2 and all(len(p) == 1 for p in parts):
        parts = ["".join(parts)]          # letter-spaced letterhead "大 同 市 人 民 政 府"
    out = []
    for p in parts:
        out.extend(x for x in _SPLIT_JOINED.split(p) if x)
    return [p for p in out if looks_like_body(p)]


def split_issuers_aligned(orig: str, view: str) -> list[str]:
    """`split_issuers` judged on `view` (the folded, simplified form of `orig`, same length), returned as printed.

    >>> split_issuers_aligned("江蘇省人民政府辦公廳", "江苏省人民政府办公厅")
    ['江蘇省人民政府辦公廳']
    """
    if len(orig) != len(view):
        return split_issuers(orig)
    out, pos = [], 0
    for name in split_issuers(view):
        i = view.find(name, pos)
        if i < 0:
            return split_issuers(orig)
        out.append(orig[i:i + len(name)])
        pos = i + len(name)
    return out


@dataclass
class TitleHit:
    text: str              # as printed (line breaks removed)
    start: int
    end: int
    view: str = ""         # the same characters folded (and simplified when the text is traditional)


def find_title(orig: str, folded: str, stop: int) -> TitleHit | None:
    """The first title-like line (joined with its wrapped first half) before offset `stop`."""
    lines = [(p, l) for p, l in _lines(folded) if p < stop]
    nonblank = [(p, l) for p, l in lines if l.strip()]
    for i, (p, l) in enumerate(nonblank):
        s = _FILE_EXT.sub("", l.strip().rstrip("|").strip().lstrip("•· ").strip())
        if not s or "。" in s or len(s) > (600 if "关于" in s else 150) or _KEY_RX.match(s) or _NOT_TITLE_START.match(s):
            continue
        if _DATE_LINE.match(s):
            continue
        if not TITLE_RX.search(s) or DOCNO.fullmatch(s) or s.endswith(":"):
            continue
        start = p + l.find(s[0])
        # a wrapped title: the previous line(s) are fragments without punctuation
        j = i - 1
        while j >= 0 and i - j <= 2:
            pl = nonblank[j][1].strip()
            if (not pl or _CHROME.match(pl) or _KEY_RX.match(pl) or "。" in pl or ":" in pl or pl.endswith("|") or DOCNO.search(pl) or _DATE_LINE.match(pl)
                    or TITLE_RX.search(pl) or len(pl) > 60 or _NOT_TITLE_START.match(pl) or "," in pl):
                break
            start = nonblank[j][0] + nonblank[j][1].find(pl[0])
            j -= 1
        end = p + l.find(s) + len(s)
        m = _TRAILING_DOCNO.search(folded, start, end)
        if m:
            end = m.start()               # "…的通知(某政发〔2023〕5号)": the 文号 is not part of the title
        return _hit(orig, folded, _after_chrome(folded, start, end), end)
    return _fallback_title(orig, folded, lines)


_TRAILING_DOCNO = re.compile(r"\s*[(（]\s*" + DOCNO.pattern + r"\s*[)）]\s*$")


def _after_chrome(folded: str, start: int, end: int) -> int:
    """Where a title really starts when words of page chrome stand among the bodies before 关于
    ("江苏省人力资源和社会保障厅 政策法规 省人力资源社会保障厅 关于…" → "省人力资源社会保障厅 关于…")."""
    k = folded.find("关于", start, end)
    if k < 0:
        return start
    parts = list(re.finditer(r"\S+", folded[start:k]))
    for m in reversed(parts):
        w = m.group(0)
        if len(w) >= 2 and not split_issuers(w) and not _issuing_prefix(w):
            return start + m.end() + len(folded[start + m.end():k]) - len(folded[start + m.end():k].lstrip())
    return start


def _hit(orig: str, folded: str, start: int, end: int) -> TitleHit:
    text = "".join(x.strip() for x in orig[start:end].split("\n"))
    view = "".join(x.strip() for x in folded[start:end].split("\n"))
    return TitleHit(text, start, end, view if len(view) == len(text) else text.translate(_FOLD))


# titles printed only in page chrome: a news headline "四川印发《“技能四川行动”实施方案》", a document-sharing
# site's "《X.docx》由会员分享", or a text that lost its line breaks ("X实施方案 X实施方案 为贯彻落实…")
_HEADLINE = re.compile(r"^\s*[\u4e00-\u9fff]{2,12}(?:印发|出台|发布|公布)《([^》]{4,80})》\s*$")
_SHARED_FILE = re.compile(r"^\s*《([^》]{4,80}?)\.(?:docx?|pdf|wps|pptx?|txt)》")
_RUN_IN_TITLE = re.compile(r"^\s*([^\s,。;:]{4,80}?" + _TITLE_END + r")(?:\s+\1)?\s*(?:[(（][^()（）]{4,30}号[)）])?\s+"
                            r"(?=为|根据|按照|现将|各)")


def _fallback_title(orig: str, folded: str, lines: list[tuple[int, str]]) -> TitleHit | None:
    """A title from page chrome or from a text run into one line, when no title line was found.

    >>> _fallback_title("四川印发《“技能四川行动”实施方案》", "四川印发《“技能四川行动”实施方案》", [(0, "四川印发《“技能四川行动”实施方案》")]).text
    '“技能四川行动”实施方案'
    """
    for p, l in lines[:12]:
        for rx in (_HEADLINE, _SHARED_FILE, _RUN_IN_TITLE):
            m = rx.match(l)
            if m:
                return _hit(orig, folded, p + m.start(1), p + m.end(1))
    return None


def extract_meta(orig: str, body_start: int | None = None) -> Meta:
    """Metadata of a notice from its original text; `body_start` is the original offset of its first heading.

    Pinyin glosses some mirror sites print after characters ("湘政發(fā)〔2018〕30號") are read past;
    the values keep them, as printed.
    """
    if not PINYIN_GLOSS.search(orig, 0, 20000):
        return _extract_meta(orig, body_start)
    gloss = bytearray(len(orig))
    for m in PINYIN_GLOSS.finditer(orig):
        gloss[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    keep = [i for i in range(len(orig)) if not gloss[i]]
    clean = "".join(orig[i] for i in keep)
    start = bisect_left(keep, body_start) if body_start is not None else None
    meta = _extract_meta(clean, start)

    def as_printed(s: str | None) -> str | None:
        if not s:
            return s
        m = re.search(r"\s*".join(map(re.escape, s)), clean)
        if not m:
            return s
        raw = orig[keep[m.start()]:keep[m.end() - 1] + 1]
        return "".join(raw.split("\n")).strip()
    return replace(meta, title=as_printed(meta.title), policy_title=as_printed(meta.policy_title),
                   doc_number=as_printed(meta.doc_number), issuer=tuple(as_printed(i) for i in meta.issuer))


def _extract_meta(orig: str, body_start: int | None = None) -> Meta:
    folded = orig.translate(_FOLD)
    trad = looks_traditional(folded)
    if trad:
        folded = to_simplified_aligned(folded)     # same length: spans still slice `orig`
    stop = body_start if body_start else len(orig)
    fields = find_fields(folded)

    # title
    title_hit = None
    f_title = fields.get("标题")
    if f_title and not TITLE_RX.search(f_title.value.strip()):
        f_title = _wrapped_field(folded, f_title)
    if f_title and TITLE_RX.search(f_title.value.strip()):
        title_hit = _hit(orig, folded, f_title.start, f_title.end)
        # the same title printed in full below wins (site fields may be cut short)
        below = find_title(orig, folded, stop)
        if below and _clean(below.text).startswith(_clean(title_hit.text)[:10]) and len(below.text) > len(title_hit.text):
            title_hit = below
    if title_hit is None:
        title_hit = find_title(orig, folded, stop)
    title = title_hit.text if title_hit else None
    tview = title_hit.view if title_hit else ""
    prefix = ""
    if title:
        m = re.search(r"关于", tview)
        prefix = tview[: m.start()] if m else ""
        if m and m.start() > 0 and not split_issuers(prefix) and not _issuing_prefix(prefix):
            title, tview, prefix = title[m.start():], tview[m.start():], ""

    policy = _policy_title(title, tview, orig, folded[: max(stop, 0) or len(folded)])

    # doc number
    doc_number = None
    for k in ("文号", "发文字号"):
        if k in fields and DOCNO.search(fields[k].value):
            f = fields[k]
            m = DOCNO.search(folded, f.start, f.end)
            doc_number = orig[m.start():m.end()]
            break
    if doc_number is None and title_hit:
        m = _DOCNO_AFTER_TITLE.match(folded, title_hit.end)
        if m:
            doc_number = orig[m.start(1):m.end(1)]
    if doc_number is None:
        for p, l in _lines(folded):
            if p >= stop:
                break
            s = l.strip()
            m = DOCNO.search(s)
            if m and (m.start() == 0 or s.startswith("[")) and len(s) - (m.end() - m.start()) <= 20:
                doc_number = orig[p + l.find(s) + m.start(): p + l.find(s) + m.end()]
                doc_number = re.sub(r"^.*\]", "", doc_number) if "]" in doc_number[:3] else doc_number
                break

    # issuers
    issuers: list[str] = []
    if "发文机关" in fields:
        f = fields["发文机关"]
        issuers = split_issuers_aligned(orig[f.start:f.end], folded[f.start:f.end])
    signed = _signature_issuers(orig, folded, stop)
    if not issuers and signed and (_MORE_BODIES.search(prefix) and len(signed) > 1 or _issuing_prefix(prefix)):
        issuers = signed                  # "X等四部门关于…" / "X政府印发…": the signature names them in full
    if not issuers and prefix:
        issuers = _title_issuers(title, prefix)
        if signed and len(signed) == len(issuers) and all(_BARE_LEVEL.match(i) for i in issuers):
            issuers = signed              # "省人社厅关于…" signed "江苏省人力资源和社会保障厅"
    if not issuers:
        issuers = signed
    if not issuers:
        m = _INLINE_SIGNATURE.search(folded)
        if m:
            issuers = split_issuers_aligned(orig[m.start(1):m.end(1)], folded[m.start(1):m.end(1)])
    if not issuers and "发布机构" in fields:
        f = fields["发布机构"]
        issuers = split_issuers_aligned(orig[f.start:f.end], folded[f.start:f.end])

    # date
    date = None
    for k in ("成文日期", "发文日期"):
        if k in fields:
            date = parse_iso_date(fields[k].value)
            if date:
                break
    if date is None:
        date = _signature_date(folded)

    recipients, cc = _recipients(folded, orig, stop), _cc(folded, orig)
    validity = _validity(folded, fields)
    region_text = to_simplified_aligned(folded) if looks_traditional(folded) else folded
    region = infer_region(issuers, title, region_text)
    return Meta(title=title, policy_title=policy, doc_number=doc_number, issuer=tuple(issuers), date=date,
                recipients=tuple(recipients), cc=tuple(cc), validity=validity, region=region)


_DOCNO_AFTER_TITLE = re.compile(r"[ \t]*[(（]\s*(" + DOCNO.pattern + r")\s*[)）]")
_BARE_LEVEL = re.compile(r"^(?:省|市|县|区|州|自治区)(?!委|政府|人民政府$)")
_MORE_BODIES = re.compile(r"等\s*[\d一二三四五六七八九十]+\s*(?:个)?(?:部门|单位|部委|厅局)\s*$")
_ISSUING = re.compile(r"(?:印发|转发|颁布|出台)$")


def _issuing_prefix(prefix: str) -> bool:
    """A title that starts "苏州市政府印发关于…": a body, then the issuing verb, before 关于.

    >>> _issuing_prefix("苏州市政府印发"), _issuing_prefix("广西 ")
    (True, False)
    """
    m = _ISSUING.search(prefix.strip())
    return bool(m and split_issuers(prefix.strip()[: m.start()]))


def _title_issuers(title: str, prefix: str) -> list[str]:
    """Issuers named before 关于 in the title, as printed there."""
    cut = _ISSUING.search(prefix.strip())
    n = len(prefix.rstrip()) - (len(cut.group(0)) if cut else 0)
    return split_issuers_aligned(title[:n], prefix[:n])


_FORWARDED = re.compile(r"《([^》]{2,120})》[^《》]{0,60}?(?:现|特|予以|现予)?(?:印发|转发|下发|发)给?(?:你们|你单位|你局|你处|你厅|各单位)")


def _policy_title(title: str | None, tview: str, orig: str, head: str) -> str | None:
    """The forwarded policy: the 《…》 of the title, else the 《…》 the notice hands out ("现将《X》印发给你们",
    "《X》已经…讨论通过,现印发给你们", "制定了《X》。现印发给你们"), else the X of a title "关于印发X的通知".

    >>> _policy_title("关于印发技工教育规划的通知", "关于印发技工教育规划的通知", "我厅制定了《河北省技工教育规划》。现印发给你们", "我厅制定了《河北省技工教育规划》。现印发给你们")
    '河北省技工教育规划'
    """
    if title:
        m = re.search(r"(?:印发|转发|颁布|发布)\s*《(.+)》", tview)
        if m:
            return title[m.start(1):m.end(1)]
    m = _FORWARDED.search(head)
    if m:
        return orig[m.start(1):m.end(1)]
    if title:
        m = re.search(r"(?:印发|转发)(.+?)的通知", tview)
        if m:
            return title[m.start(1):m.end(1)]
    return None


def _signature_date(folded: str) -> str | None:
    for _, l in _lines(folded):
        if _DATE_LINE.match(l) or _CN_DATE_LINE.match(l.strip()):
            d = parse_iso_date(l)
            if d:
                return d
    m = _INLINE_SIGNATURE.search(folded)
    if m:
        return _iso(int(m.group(2)), int(m.group(3)), int(m.group(4)))
    for _, l in _lines(folded):
        m = _PAREN_DATE_LINE.match(l)
        if m:                             # "(2023年3月1日)" under a title: the date the text was adopted
            return parse_iso_date(m.group(1))
    m = _PRINTED_LINE.search(folded)
    return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


_COLUMNS = re.compile(r"\s{2,}")
_SEAL = re.compile(r"\s*[(（](?:盖章|印章|公章|章)[)）]\s*$")
_HANDED_OUT = re.compile(r"(?:印发|转发|下发|发)给?(?:你们|你单位|你局|你处|你厅|各单位)")


def _body_cells(orig_line: str, view_line: str) -> list[str] | None:
    """The bodies of a signature line, one per column ("四川省交通运输厅    四川省农业农村厅"); None when
    the line holds anything else. Wrapped fragments of a name ("厅") count as empty columns."""
    if "。" in view_line or "," in view_line:
        return None
    out, pos, longest_other = [], 0, 0
    for cell in _COLUMNS.split(view_line.strip()):
        i = view_line.find(cell, pos)
        pos = i + len(cell)
        name = _SEAL.sub("", cell)
        bodies = split_issuers_aligned(orig_line[i:i + len(name)], name) if looks_like_body(name) else []
        if bodies:
            out.extend(bodies)
        else:
            longest_other = max(longest_other, len(cell))
    if longest_other > 20 or (not out and longest_other > 3):
        return None
    return out


def _signature_issuers(orig: str, folded: str, stop: int) -> list[str]:
    """Bodies on their own lines (one or two columns) just above the first date line (the signature
    block); without a date line, the block of body lines right after "现将…印发给你们。"."""
    lines = [(p, l) for p, l in _lines(folded) if l.strip()]
    for i, (p, l) in enumerate(lines):
        if p >= stop and i > 0 and lines[i - 1][0] >= stop:
            break
        if _DATE_LINE.match(l) or _CN_DATE_LINE.match(l.strip()):
            names: list[str] = []
            j = i - 1
            while j >= 0:
                cells = _body_cells(orig[lines[j][0]:lines[j][0] + len(lines[j][1])], lines[j][1])
                if not cells:
                    break
                names[:0] = cells
                j -= 1
            if names:
                return names
    for i, (p, l) in enumerate(lines):
        if p >= stop:
            break
        if _HANDED_OUT.search(l):
            names = []
            for q, ql in lines[i + 1:i + 40]:
                cells = _body_cells(orig[q:q + len(ql)], ql)
                if cells is None:
                    break
                names.extend(cells)
            return names if len(names) >= 2 else []
    return []


def _recipients(folded: str, orig: str, stop: int) -> list[str]:
    for p, l in _lines(folded):
        if p >= stop:
            break
        s = l.strip()
        if s.endswith(":") and len(s) > 3 and not _KEY_RX.match(s) and re.match(r"^(?:各|省|市|县|区|自治区|国务院|中央|[\u4e00-\u9fff]{2,}(?:局|厅|委|办))", s):
            return _split_outside_brackets(orig[p + l.find(s):p + l.find(s) + len(s) - 1])
    return []


def _split_outside_brackets(s: str) -> list[str]:
    """Split a list of bodies on , 、 ; — not inside brackets ("各县(市、区)人社局" stays whole).

    >>> _split_outside_brackets("各县（市、区）人社局，市直各单位")
    ['各县（市、区）人社局', '市直各单位']
    """
    out, depth, cur = [], 0, ""
    for ch in s:
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth = max(0, depth - 1)
        if depth == 0 and ch in ",、;，；":
            out.append(cur)
            cur = ""
        else:
            cur += ch
    out.append(cur)
    return [x for x in out if x.strip()]


def _cc(folded: str, orig: str) -> list[str]:
    m = re.search(r"抄\s*送\s*:\s*(.+?)(?:。|\n\s*\n|$)", folded, re.S)
    if not m:
        return []
    raw = orig[m.start(1):m.end(1)].replace("\n", "")
    return [x.strip() for x in re.split(r"[,、;，；]", raw) if x.strip()]


def _validity(folded: str, fields: dict[str, FieldValue]) -> str | None:
    for k in ("失效日期", "废止日期", "失效时间"):
        if k in fields:
            d = parse_iso_date(fields[k].value)
            if d:
                return d
    m = re.search(r"有效期(?:至|到)\s*((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)", folded)
    return parse_iso_date(m.group(1)) if m else None


@lru_cache(maxsize=1)
def load_provinces() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Provincial-level divisions and their short names, from data/provinces.tsv."""
    rows = []
    text = resources.files("extractor.data").joinpath("provinces.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        full, shorts = line.split("\t")
        rows.append((full, tuple(s for s in shorts.split(",") if len(s) >= 2)))
    return tuple(rows)


@lru_cache(maxsize=1)
def load_cities() -> dict[str, str]:
    """Prefecture-level city → its province, from data/cities.tsv."""
    out: dict[str, str] = {}
    text = resources.files("extractor.data").joinpath("cities.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            prov, cities = line.split("\t")
            for c in cities.split(","):
                out[c] = prov
    return out


def _short_place(name: str) -> str:
    m = re.match(r"^(.{2,}?)(?:[\u4e00-\u9fff]{1,6}族)*(?:自治州|市|州|盟|地区|林区)$", name)
    return m.group(1) if m else name


_NATIONAL = re.compile(r"^(?:中共中央|国务院|全国|国家|中华人民共和国|海关总署|[\u4e00-\u9fff]{2,8}部$|中国人民银行|最高人民)")
_GENERIC_PLACE = re.compile(r"^(?:全|本|我|各|该|城|县级|地级|设区|副省级|直辖|同|省辖|中心|下辖|所在)")


def infer_region(issuers: list[str] | tuple[str, ...], title: str | None, text: str | None = None) -> Region:
    """Province / city / county named by the issuers or the title; when the issuers name only a level
    ("市人社局"), the city the text names most often; a known city gives its province.

    >>> infer_region(["福建省人力资源和社会保障厅"], None).province
    '福建省'
    >>> r = infer_region(["市人社局"], "关于实施“技能鹰潭行动”的意见", "鹰潭市…“技能鹰潭”…鹰潭眼镜产业园…全市")
    >>> r.city, r.province
    ('鹰潭市', '江西省')
    """
    hay = " ".join(list(issuers) + [title or ""])
    province = None
    for full, shorts in load_provinces():
        if full in hay or any(hay.startswith(s) or f" {s}" in hay for s in shorts):
            province = full
            break
    city = county = None
    for name in list(issuers) + [title or ""]:
        name = re.sub(r"^(?:中共)?[\u4e00-\u9fff]{2,3}(?:省|自治区)", "", name)
        m = re.match(r"^([\u4e00-\u9fff]{2,8}?(?:市|自治州|州|盟|地区))(?![场委级直])", name)
        if m and city is None and not _GENERIC_PLACE.match(m.group(1)) and not m.group(1).startswith(("关于", "印发")):
            city = m.group(1)
        m = re.match(r"^(?:[\u4e00-\u9fff]{2,8}?(?:市|州))?([\u4e00-\u9fff]{1,6}?(?:县|区|旗))(?![委级])", name)
        if m and county is None and not m.group(1).endswith(("地区", "自治区")) and not _GENERIC_PLACE.match(m.group(1)):
            county = m.group(1)
    if any(_NATIONAL.match(i) for i in issuers):
        return Region()
    cities = load_cities()
    if city is None and title:
        hits = [c for c in cities if any(form in title for form in {c, _short_place(c) + c[-1], _short_place(c) + "州"}
                                         if len(form) >= 3)]
        if hits:
            city = max(hits, key=len)
    bare_level = any(re.match(r"^(?:市|州|盟)(?:委|政府|人民政府)?[\u4e00-\u9fff]", i) for i in issuers)
    if city is None and text and bare_level:
        provs = {s for _, shorts in load_provinces() for s in shorts}
        counts = {c: text.count(_short_place(c)) for c in cities
                  if _short_place(c) in text and _short_place(c) not in provs}
        if counts:
            best = max(counts, key=lambda c: (counts[c], len(c)))
            if counts[best] >= 3 and sum(v == counts[best] for v in counts.values()) == 1:
                city = best
    if province is None and city is not None:
        province = cities.get(city) or next((p for c, p in cities.items() if _short_place(c) == _short_place(city)), None)
    if province is None and text:
        counts = {full: sum(text.count(s) for s in (full,) + shorts if len(s) >= 2) for full, shorts in load_provinces()}
        best = max(counts, key=counts.get)
        if counts[best] >= 2:
            province = best
    return Region(province=province, city=city, county=county)


__all__ = ["DOCNO", "FieldValue", "extract_meta", "find_fields", "find_title", "infer_region", "looks_like_body",
           "parse_iso_date", "split_issuers", "split_issuers_aligned"]
