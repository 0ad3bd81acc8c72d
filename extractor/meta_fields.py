"""Metadata fields printed above a notice, dates and 文号 patterns (part of `extractor.meta`).

Covered: "key: value" lines, "key | value |" rows and bullets of the metadata block government
sites print (发文机关 / 文号 / 成文日期 / 标题 …; other sites' names for the same fields are mapped by
FIELD_ALIASES); ISO dates from 2023-02-13, 2023年9月20日, 二〇二三年九月二十日 or epoch milliseconds;
the validity end (失效日期 / 有效期至…). Not here: which field wins over the title or signature
(see `extractor.meta`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

FIELD_KEYS = ("索引号", "主题分类", "发文机关", "发布机构", "发文单位", "发文字号", "文号", "成文日期", "发文日期", "发布日期",
              "发布时间", "标题", "有效性", "废止日期", "失效日期", "失效时间", "生效日期", "实施日期", "公文时效", "来源",
              "公文种类", "体裁", "主题词", "所属主题", "组配分类", "时间", "字号", "分享",
              "发文标题", "发文文号", "发文部门", "发文时间", "文件编号", "信息名称", "文件名称", "名称", "发文机构",
              "生成日期", "公开日期", "签发日期", "发布单位")
# other sites' names for the same fields (信息公开 pages: 名称 / 文件编号 / 发文机构 / 生成日期 …)
FIELD_ALIASES = {"发文标题": "标题", "信息名称": "标题", "文件名称": "标题", "名称": "标题", "发文文号": "文号",
                 "文件编号": "文号", "发文部门": "发文机关", "发文机构": "发文机关", "发文时间": "发文日期",
                 "生成日期": "成文日期", "签发日期": "成文日期", "发布单位": "发布机构"}
KEY_RX = re.compile(
    r"(?:(?<=^)|(?<=[\s|•·]))(" + "|".join(r"\s*".join(map(re.escape, k)) for k in sorted(FIELD_KEYS, key=len, reverse=True))
    + r")\s*[:|]?\s*")
DOCNO = re.compile(r"[\u4e00-\u9fffA-Za-z]{1,15}\s*[〔\[［(（【]\s*(?:19|20)\d{2}\s*[〕\]］)）】]\s*\d{1,5}\s*号")

DATE_LINE = re.compile(r"^\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$")
CN_DATE_LINE = re.compile(r"^\s*([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日\s*$")


@dataclass(frozen=True)
class FieldValue:
    key: str
    value: str
    start: int       # offsets in the original text
    end: int


def text_lines(text: str) -> list[tuple[int, str]]:
    """(offset, line) for every line of `text`.

    >>> text_lines("标题\\n文号")
    [(0, '标题'), (3, '文号')]
    """
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
    for pos, line in text_lines(folded)[:limit_lines]:
        ms = list(KEY_RX.finditer(line))
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
        m2 = CN_DATE_LINE.match(s)
        if not m2:
            return None
        y = "".join(str({"〇": 0, "○": 0, "零": 0}.get(c, "一二三四五六七八九".find(c) + 1)) for c in m2.group(1))
        return iso_date(int(y), _cn_small(m2.group(2)), _cn_small(m2.group(3)))
    return iso_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


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


def iso_date(y: int, mo: int, d: int) -> str | None:
    """The ISO form of a date, or None when there is no such day.

    >>> iso_date(2023, 9, 20), iso_date(2023, 2, 30)
    ('2023-09-20', None)
    """
    try:
        return datetime(y, mo, d).date().isoformat()
    except ValueError:
        return None


def validity_of(folded: str, fields: dict[str, FieldValue]) -> str | None:
    """The validity end: a 失效日期 / 废止日期 / 失效时间 field, else "有效期至…" in the text.

    >>> validity_of("本方案有效期至2027年12月31日。", {})
    '2027-12-31'
    """
    for k in ("失效日期", "废止日期", "失效时间"):
        if k in fields:
            d = parse_iso_date(fields[k].value)
            if d:
                return d
    m = re.search(r"有效期(?:至|到)\s*((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)", folded)
    return parse_iso_date(m.group(1)) if m else None


__all__ = ["CN_DATE_LINE", "DATE_LINE", "DOCNO", "FIELD_ALIASES", "FIELD_KEYS", "FieldValue", "KEY_RX", "find_fields",
           "iso_date", "parse_iso_date", "text_lines", "validity_of"]
