"""Issuing bodies and the signature block of a notice (part of `extractor.meta`).

Covered: body names by their suffix (…局, …厅, …委员会, …办公室 …); issuer lists in a title prefix
or a 发文机关 value ("海关总署 国家移民局 民航局", "X等12部门", joined "…局自治区…会", letter-spaced
"大 同 市 人 民 政 府"), judged on a folded/simplified view and returned as printed; the signature
block (bodies on their own lines, in one or two columns, above the date line, or after
"现将…印发给你们。" when no date line follows); the signing date (a date line, an inline
"…局2023年9月5日", a bracketed date under the title, "2023年9月20日印发"); recipients (主送) and cc
(抄送). Not covered: telling a publisher path ("汝州市人民政府->汝州市人社局") from an issuer.
"""
from __future__ import annotations

import re

from .meta_fields import CN_DATE_LINE, DATE_LINE, KEY_RX, iso_date, parse_iso_date, text_lines

_BODY_SUFFIX = re.compile(r"(?:局|厅|委|委员会|会|办|办公室|办公厅|室|署|部|院|府|政府|中心|组|联|总工会|团委|管委会|支行|分行|集团)$")

INLINE_SIGNATURE = re.compile(r"[。)]\s*([\u4e00-\u9fff]{2,30}?(?:政府|办公室|办公厅|局|厅|委|委员会))\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
# a signature glued onto the end of the last sentence and followed by page chrome ("…补贴名单枣阳市人事档案管理中心
# 2024年10月9日附件下载:…"): a body that starts with a place (two characters and its level) and the date
GLUED_SIGNATURE = re.compile(r"([\u4e00-\u9fff]{2}(?:省|市|县|区|州|旗)[\u4e00-\u9fff]{2,20}?(?:政府|办公室|办公厅|局|厅|委|委员会|中心|院|会))"
                             r"\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*"
                             r"(?=附件下载|附件|相关附件|扫一扫|打印|关闭|分享|【|[(（]此件|$)", re.M)
_PAREN_DATE_LINE = re.compile(r"^\s*[(（]\s*((?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)"
                              r"|(?:[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日))\s*[)）]\s*$")
_PRINTED_LINE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*印发")


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


BARE_LEVEL = re.compile(r"^(?:省|市|县|区|州|自治区)(?!委|政府|人民政府$)")
MORE_BODIES = re.compile(r"等\s*[\d一二三四五六七八九十]+\s*(?:个)?(?:部门|单位|部委|厅局)\s*$")
_ISSUING = re.compile(r"(?:印发|转发|颁布|出台)$")


def issuing_prefix(prefix: str) -> bool:
    """A title that starts "苏州市政府印发关于…": a body, then the issuing verb, before 关于.

    >>> issuing_prefix("苏州市政府印发"), issuing_prefix("广西 ")
    (True, False)
    """
    m = _ISSUING.search(prefix.strip())
    return bool(m and split_issuers(prefix.strip()[: m.start()]))


def title_issuers(title: str, prefix: str) -> list[str]:
    """Issuers named before 关于 in the title, as printed there."""
    cut = _ISSUING.search(prefix.strip())
    n = len(prefix.rstrip()) - (len(cut.group(0)) if cut else 0)
    return split_issuers_aligned(title[:n], prefix[:n])


def signature_date(folded: str) -> str | None:
    """The signing date: the first date line, else an inline "…政府2023年9月5日", else a bracketed date
    line under the title, else "2023年9月20日印发".

    >>> signature_date("福鼎市人民政府办公室\\n2023年9月20日\\n")
    '2023-09-20'
    """
    for _, l in text_lines(folded):
        if DATE_LINE.match(l) or CN_DATE_LINE.match(l.strip()):
            d = parse_iso_date(l)
            if d:
                return d
    m = INLINE_SIGNATURE.search(folded) or GLUED_SIGNATURE.search(folded)
    if m:
        return iso_date(int(m.group(2)), int(m.group(3)), int(m.group(4)))
    for _, l in text_lines(folded):
        m = _PAREN_DATE_LINE.match(l)
        if m:                             # "(2023年3月1日)" under a title: the date the text was adopted
            return parse_iso_date(m.group(1))
    m = _PRINTED_LINE.search(folded)
    return iso_date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


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


def signature_issuers(orig: str, folded: str, stop: int) -> list[str]:
    """Bodies on their own lines (one or two columns) just above the first date line (the signature
    block); without a date line, the block of body lines right after "现将…印发给你们。"."""
    lines = [(p, l) for p, l in text_lines(folded) if l.strip()]
    for i, (p, l) in enumerate(lines):
        if p >= stop and i > 0 and lines[i - 1][0] >= stop:
            break
        if DATE_LINE.match(l) or CN_DATE_LINE.match(l.strip()):
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


def find_recipients(folded: str, orig: str, stop: int) -> list[str]:
    """The bodies of the 主送 line ("各县(市、区)人民政府,市直各单位:") above the body, as printed.

    >>> find_recipients("各县(市、区)人民政府,市直各单位:\\n", "各县（市、区）人民政府，市直各单位：\\n", 100)
    ['各县（市、区）人民政府', '市直各单位']
    """
    for p, l in text_lines(folded):
        if p >= stop:
            break
        s = l.strip()
        if s.endswith(":") and len(s) > 3 and not KEY_RX.match(s) and re.match(r"^(?:各|省|市|县|区|自治区|国务院|中央|[\u4e00-\u9fff]{2,}(?:局|厅|委|办))", s):
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


def find_cc(folded: str, orig: str) -> list[str]:
    """The bodies of the 抄送 line, as printed.

    >>> find_cc("抄送:市委办公室,市人大常委会办公室。", "抄送：市委办公室，市人大常委会办公室。")
    ['市委办公室', '市人大常委会办公室']
    """
    m = re.search(r"抄\s*送\s*:\s*(.+?)(?:。|\n\s*\n|$)", folded, re.S)
    if not m:
        return []
    raw = orig[m.start(1):m.end(1)].replace("\n", "")
    return [x.strip() for x in re.split(r"[,、;，；]", raw) if x.strip()]


__all__ = ["BARE_LEVEL", "GLUED_SIGNATURE", "INLINE_SIGNATURE", "MORE_BODIES", "find_cc", "find_recipients", "issuing_prefix", "looks_like_body",
           "signature_date", "signature_issuers", "split_issuers", "split_issuers_aligned", "title_issuers"]
