"""The title of a notice and the policy it forwards (part of `extractor.meta`).

Covered: the first title-like line before the body (joined with its wrapped first half; a
letter-spaced ending "的 实 施 意 见" counts), a 标题 field (wrapped over two lines, or cut short by the
site and printed in full below), a short title above a fuller one ("市政府关于…" above "上海市人民政府
关于…": the fuller wins), breadcrumbs ("首页 …", a title only when nothing else is), words of page
chrome before the issuer ("X厅 政策法规 X厅 关于…"), a trailing 文号 in brackets, titles printed only in
page chrome (a news headline "四川印发《…》", a document-sharing site's "《X.docx》由会员分享", a text run
into one line); spaces a wrap or letter-spacing left inside a title (GUIDELINE: line breaks inside a
title are joined without spaces); the forwarded policy (《…》 of the title or of "现将《…》印发给你们").
Not here: the issuers named before 关于 (see `meta_signature`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .meta_fields import DATE_LINE, DOCNO, KEY_RX, FieldValue, text_lines
from .meta_region import is_place_name
from .meta_signature import issuing_prefix, looks_like_body, split_issuers
from .normalize import _FOLD

_TITLE_END = (r"(?:通知|意见|实施意见|方案|办法|措施|规划|决定|细则|计划|要点|清单|批复|公告|通告|规定|条例|纲要|报告|指引|指南"
              r"|函|若干措施|若干政策|政策)")
TITLE_RX = re.compile(_TITLE_END + r"(?:\s*[(（][^()（）]{1,20}[)）])?$")
_NOT_TITLE_START = re.compile(r"^(?:现将|经|为|根据|按照|各|附件|抄送|主送|索引|联系|此件|\(此件|\d+[.、]|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])")
_CHROME = re.compile(r"^(?:正文|分享|打印|关闭|字号|【?字体|来源|发布时间|时间)\b|^[•·]")
_FILE_EXT = re.compile(r"\.(?:pdf|docx?|wps|txt|html?)$", re.I)


def wrapped_title_field(folded: str, f: FieldValue) -> FieldValue | None:
    """A 标题 field whose value goes on over the next line ("标题:关于印发《…建设\n三年行动方案》的通知")."""
    nl = folded.find("\n", f.end)
    if nl < 0:
        return None
    nxt_end = folded.find("\n", nl + 1)
    nxt_end = len(folded) if nxt_end < 0 else nxt_end
    nxt = folded[nl + 1:nxt_end].strip()
    if not nxt or KEY_RX.match(nxt) or len(nxt) > 60 or not TITLE_RX.search(nxt):
        return None
    end = nl + 1 + folded[nl + 1:nxt_end].find(nxt) + len(nxt)
    return FieldValue(f.key, f.value + nxt, f.start, end)


@dataclass
class TitleHit:
    text: str              # as printed (line breaks removed)
    start: int
    end: int
    view: str = ""         # the same characters folded (and simplified when the text is traditional)


def find_title(orig: str, folded: str, stop: int) -> TitleHit | None:
    """The first title-like line (joined with its wrapped first half) before offset `stop`; a breadcrumb
    ("首页 人才政策 …政策") only when no other line is one; on a model-essay site, a line after "第一篇:";
    a fuller form of the same title printed further down ("市政府关于…的意见" above "上海市人民政府关于…的意见")
    wins. A bare document-type word ("通知") is no title, and a site header above a title is not its
    wrapped first half."""
    lines = [(p, l) for p, l in text_lines(folded) if p < stop]
    nonblank = [(p, l) for p, l in lines if l.strip()]
    spans = _title_spans(folded, nonblank)
    essay = next((p for p, l in nonblank if _ESSAY_PART.match(l)), None)
    if essay is not None and any(sp[0] > essay for sp in spans):
        spans = [sp for sp in spans if sp[0] > essay]     # a model-essay site: the notice starts after "第一篇:"
    crumb = next((sp for sp in spans if _BREADCRUMB.match(folded, sp[0])), None)
    spans = [sp for sp in spans if sp is not crumb]
    if not spans:
        return title_hit(orig, folded, *crumb) if crumb else _fallback_title(orig, folded, lines)
    start, end = spans[0]
    first = _squeeze_view(folded[start:end])
    k = first.find("关于")
    for s2, e2 in spans[1:] if k > 0 else ():
        later = _squeeze_view(folded[s2:e2])
        if len(later) > len(first) and later.endswith(first[k:]) and split_issuers(later[:len(later) - len(first) + k]):
            start, end = s2, e2
            break
    return title_hit(orig, folded, start, end)


# a model-essay site ("今天小编给大家找来了《X》…第一篇:X"): the page's own heading comes first, the notice after it
_ESSAY_PART = re.compile(r"\s*第[一1]篇\s*[:：]")
_BREADCRUMB = re.compile(r"\s*(?:首页|当前位置|您的位置|您现在的位置|现在位置)")


def _squeeze_view(s: str) -> str:
    return re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", "".join(s.split("\n")).strip())


def _title_spans(folded: str, nonblank: list[tuple[int, str]]) -> list[tuple[int, int]]:
    """(start, end) of every title-like line, each joined with its wrapped first half."""
    out = []
    for i, (p, l) in enumerate(nonblank):
        s = _FILE_EXT.sub("", l.strip().rstrip("|").strip().lstrip("•· ").strip())
        if not s or "。" in s or len(s) > (600 if "关于" in s else 150) or KEY_RX.match(s) or _NOT_TITLE_START.match(s):
            continue
        if DATE_LINE.match(s):
            continue
        if not TITLE_RX.search(_squeeze_view(s)) or DOCNO.fullmatch(s) or s.endswith(":"):
            continue
        start = p + l.find(s[0])
        # a wrapped title: the previous line(s) are fragments without punctuation
        j = i - 1
        while j >= 0 and i - j <= 2:
            pl = nonblank[j][1].strip()
            if (not pl or _CHROME.match(pl) or _SITE_HEADER.search(pl) or KEY_RX.match(pl) or "。" in pl or ":" in pl
                    or pl.endswith("|") or DOCNO.search(pl) or DATE_LINE.match(pl) or TITLE_RX.search(pl) or len(pl) > 60
                    or _NOT_TITLE_START.match(pl) or "," in pl or _SIGNATURE_BITS.search(pl)):
                break
            start = nonblank[j][0] + nonblank[j][1].find(pl[0])
            j -= 1
        end = p + l.find(s) + len(s)
        if _bare_type_word(folded[start:end]):
            continue                      # "通知" alone (a contents entry), not "X实施方案\n工作方案" wrapped
        m = _TRAILING_DOCNO.search(folded, start, end)
        if m:
            end = m.start()               # "…的通知(某政发〔2023〕5号)": the 文号 is not part of the title
        out.append((_after_chrome(folded, start, end), end))
    return out


# a signature line above a heading ("嘉善县人民政府 2024年12月30日 (此件公开发布)"), not a title's wrapped first half
_SIGNATURE_BITS = re.compile(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|此件")


# a site's header, not a title's wrapped first half: a breadcrumb "X网 > 资助项目 > …", a spam line of
# keywords joined by hyphens "…影院-…软件-…网站"
_SITE_HEADER = re.compile(r"[>›»]|[\u4e00-\u9fffA-Za-z]-[\u4e00-\u9fffA-Za-z]|\s[-_|]\s")
# words that only say what kind of document a line is ("通知", "实施方案", "工作方案"): a table of contents
# entry or a label, not the notice's title
_GENERIC_TITLE_WORDS = re.compile(r"关于|印发|转发|实施|工作|行动|若干|具体|有关|相关|补充|重要|紧急|的")


def _bare_type_word(s: str) -> bool:
    """Is a line only a document-type word, with nothing saying what the document is about?

    >>> _bare_type_word("通知"), _bare_type_word("实施方案"), _bare_type_word("关于进一步做好就业工作的通知")
    (True, True, False)
    """
    v = _squeeze_view(s)
    m = TITLE_RX.search(v)
    return bool(m) and len(_GENERIC_TITLE_WORDS.sub("", v[:m.start()]).strip(" \t:：|•·")) < 2


_TRAILING_DOCNO = re.compile(r"\s*[(（]\s*" + DOCNO.pattern + r"\s*[)）]\s*$")


def _after_chrome(folded: str, start: int, end: int) -> int:
    """Where a title really starts when words of page chrome stand among the bodies before 关于
    ("江苏省人力资源和社会保障厅 政策法规 省人力资源社会保障厅 关于…" → "省人力资源社会保障厅 关于…"); a place
    joined to 关于 ("泰州关于…") is part of the title."""
    k = folded.find("关于", start, end)
    if k < 0:
        return start
    parts = list(re.finditer(r"\S+", folded[start:k]))
    for m in reversed(parts):
        w = m.group(0)
        joined_place = start + m.end() == k and is_place_name(w)
        if len(w) >= 2 and not split_issuers(w) and not issuing_prefix(w) and not joined_place:
            return start + m.end() + len(folded[start + m.end():k]) - len(folded[start + m.end():k].lstrip())
    return start


def title_hit(orig: str, folded: str, start: int, end: int) -> TitleHit:
    text = "".join(x.strip() for x in orig[start:end].split("\n"))
    view = "".join(x.strip() for x in folded[start:end].split("\n"))
    view = view if len(view) == len(text) else text.translate(_FOLD)
    keep = _title_spaces_kept(view)
    return TitleHit("".join(c for c, k in zip(text, keep) if k), start, end, "".join(c for c, k in zip(view, keep) if k))


_PLACE_START = re.compile(r"^(?:中共|共青团|国家|中国|[\u4e00-\u9fff]{1,8}?(?:省|市|区|县|州|自治区|盟|旗))")
_PLACE_END = re.compile(r"(?:省|市|区|县|州|盟|旗)$")


def squeeze_title(title: str) -> str:
    """A title without the spaces a wrap or letter-spacing left in it (see `_title_spaces_kept`).

    >>> squeeze_title("立山区人民政府关于印发 《立山区政府2023年重点工作任务分解 和责任分工方案》的通知")
    '立山区人民政府关于印发《立山区政府2023年重点工作任务分解和责任分工方案》的通知'
    """
    keep = _title_spaces_kept(title.translate(_FOLD))
    return "".join(c for c, k in zip(title, keep) if k)


def _title_spaces_kept(view: str) -> list[bool]:
    """Which characters of a title stay: spaces a wrap or letter-spacing left between Chinese
    characters go ("加强技能 人才队伍" → "加强技能人才队伍", "等12部门 关于" → "等12部门关于"); one space stays
    between Latin letters or digits, inside quotes (“技耀龙江 照亮前程”), and between bodies or places
    that issue together ("海关总署 国家移民局 中国民航局关于…").

    >>> v = "威海市人力资源和社会保障局等12部门 关于印发《关于开展技能兴威行动加强技能 人才队伍建设的若干措施》的通知"
    >>> "".join(c for c, k in zip(v, _title_spaces_kept(v)) if k)
    '威海市人力资源和社会保障局等12部门关于印发《关于开展技能兴威行动加强技能人才队伍建设的若干措施》的通知'
    >>> v = "海关总署 国家移民局 中国民航局关于进一步促进航空口岸通关便利化若干措施的通知"
    >>> "".join(c for c, k in zip(v, _title_spaces_kept(v)) if k) == v
    True
    """
    keep = [True] * len(view)
    for m in re.finditer(r"\s+", view):
        a, b = m.start(), m.end()
        prev, nxt = view[a - 1] if a else "", view[b] if b < len(view) else ""
        keep[a + 1:b] = [False] * (b - a - 1)          # a run of spaces keeps at most one
        if not prev or not nxt:
            keep[a] = False
            continue
        before = view[:a].split()[-1]
        after = view[b:].split()[0]
        after = after[:after.find("关于")] if "关于" in after else after
        quoted = view.count("“", 0, a) > view.count("”", 0, a)
        latin = prev.isascii() and nxt.isascii() and prev.isalnum() and nxt.isalnum()
        bodies = bool((looks_like_body(before) or _PLACE_END.search(before)) and _PLACE_START.match(after))
        keep[a] = bool(latin or quoted or bodies)
    return keep


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
                return title_hit(orig, folded, p + m.start(1), p + m.end(1))
    return None


_FORWARDED = re.compile(r"《([^》]{2,120})》[^《》]{0,60}?(?:现|特|予以|现予)?(?:印发|转发|下发|发)给?(?:你们|你单位|你局|你处|你厅|各单位)")


def find_policy_title(title: str | None, tview: str, orig: str, head: str) -> str | None:
    """The forwarded policy: the 《…》 of the title, else the 《…》 the notice hands out ("现将《X》印发给你们",
    "《X》已经…讨论通过,现印发给你们", "制定了《X》。现印发给你们"), else the X of a title "关于印发X的通知".

    >>> find_policy_title("关于印发技工教育规划的通知", "关于印发技工教育规划的通知", "我厅制定了《河北省技工教育规划》。现印发给你们", "我厅制定了《河北省技工教育规划》。现印发给你们")
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


__all__ = ["TITLE_RX", "TitleHit", "find_policy_title", "find_title", "squeeze_title", "title_hit", "wrapped_title_field"]
