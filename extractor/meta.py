"""Notice metadata: title, policy title, 文号, issuers, signing date, recipients, cc, validity, region.

Sources, in order of trust: the metadata block government sites print above a notice
(发文机关 / 文号 / 成文日期 / 标题 …, as "key: value" lines, "key | value |" rows or bullets);
the title line(s) (wrapped titles are joined); the signature block (issuers on their own lines,
then a date line). Values are returned as printed in the original text (spans are kept on the
`MetaEvidence`), except dates, which are ISO.

Deliberately not done: 发布日期 (publication date) is never taken as the signing date; a 文号
cited in the body ("根据《…》(闽委人才〔2023〕3号)") is never the notice's own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from importlib import resources

from .model import Meta, Region
from .normalize import _FOLD, looks_traditional, to_simplified_aligned

FIELD_KEYS = ("索引号", "主题分类", "发文机关", "发布机构", "发文单位", "发文字号", "文号", "成文日期", "发文日期", "发布日期",
              "发布时间", "标题", "有效性", "废止日期", "失效日期", "失效时间", "生效日期", "实施日期", "公文时效", "来源",
              "公文种类", "体裁", "主题词", "所属主题", "组配分类", "时间", "字号", "分享")
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


@dataclass
class TitleHit:
    text: str              # as printed (line breaks removed)
    start: int
    end: int


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
        text = "".join(x.strip() for x in orig[start:end].split("\n"))
        return TitleHit(text, start, end)
    return None


def extract_meta(orig: str, body_start: int | None = None) -> Meta:
    """Metadata of a notice from its original text; `body_start` is the original offset of its first heading."""
    folded = orig.translate(_FOLD)
    stop = body_start if body_start else len(orig)
    fields = find_fields(folded)

    # title
    title_hit = None
    f_title = fields.get("标题")
    if f_title and TITLE_RX.search(f_title.value.strip()):
        title_hit = TitleHit(orig[f_title.start:f_title.end].strip(), f_title.start, f_title.end)
        # the same title printed in full below wins (site fields may be cut short)
        below = find_title(orig, folded, stop)
        if below and _clean(below.text).startswith(_clean(title_hit.text)[:10]) and len(below.text) > len(title_hit.text):
            title_hit = below
    if title_hit is None:
        title_hit = find_title(orig, folded, stop)
    title = title_hit.text if title_hit else None
    if title:
        m = re.search(r"关于", title)
        if m and m.start() > 0 and not split_issuers(title[: m.start()]):
            title = title[m.start():]

    # policy title
    policy = None
    if title:
        ft = title.translate(_FOLD)
        m = re.search(r"(?:印发|转发|颁布|发布)\s*《(.+)》", ft)
        if m:
            policy = title[m.start(1):m.end(1)]
        else:
            m = re.search(r"关于(?:印发|转发)(.+?)的通知", ft)
            if m:
                policy = title[m.start(1):m.end(1)]
    if policy is None:
        m = re.search(r"现将\s*《([^》]{2,120})》\s*(?:印发|转发|发给|予以印发)", folded[: max(stop, 0) or len(folded)])
        if m:
            policy = orig[m.start(1):m.end(1)]

    # doc number
    doc_number = None
    for k in ("文号", "发文字号"):
        if k in fields and DOCNO.search(fields[k].value):
            m = DOCNO.search(fields[k].value)
            doc_number = fields[k].value[m.start():m.end()]
            break
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
        issuers = split_issuers(orig[fields["发文机关"].start:fields["发文机关"].end])
    if not issuers and title:
        m = re.search(r"关于", title)
        if m and m.start() > 0:
            issuers = split_issuers(title[: m.start()])
    if not issuers:
        issuers = _signature_issuers(orig, folded, stop)
    if not issuers:
        m = _INLINE_SIGNATURE.search(folded)
        if m:
            issuers = split_issuers(orig[m.start(1):m.end(1)])
    if not issuers and "发布机构" in fields:
        issuers = split_issuers(orig[fields["发布机构"].start:fields["发布机构"].end])

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


def _signature_date(folded: str) -> str | None:
    for _, l in _lines(folded):
        if _DATE_LINE.match(l) or _CN_DATE_LINE.match(l.strip()):
            d = parse_iso_date(l)
            if d:
                return d
    m = _INLINE_SIGNATURE.search(folded)
    if m:
        return _iso(int(m.group(2)), int(m.group(3)), int(m.group(4)))
    m = _PRINTED_LINE.search(folded)
    return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def _signature_issuers(orig: str, folded: str, stop: int) -> list[str]:
    """Bodies on their own lines just above the first date line (the signature block)."""
    lines = [(p, l) for p, l in _lines(folded) if l.strip()]
    for i, (p, l) in enumerate(lines):
        if p >= stop and i > 0 and lines[i - 1][0] >= stop:
            break
        if _DATE_LINE.match(l):
            names = []
            j = i - 1
            while j >= 0 and looks_like_body(lines[j][1].strip()) and "。" not in lines[j][1]:
                names.append(orig[lines[j][0]:lines[j][0] + len(lines[j][1])].strip())
                j -= 1
            if names:
                return list(reversed(names))
    return []


def _recipients(folded: str, orig: str, stop: int) -> list[str]:
    for p, l in _lines(folded):
        if p >= stop:
            break
        s = l.strip()
        if s.endswith(":") and len(s) > 3 and not _KEY_RX.match(s) and re.match(r"^(?:各|省|市|县|区|自治区|国务院|中央|[\u4e00-\u9fff]{2,}(?:局|厅|委|办))", s):
            return [x for x in re.split(r"[,、;，；]", orig[p + l.find(s):p + l.find(s) + len(s) - 1]) if x.strip()]
    return []


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
           "parse_iso_date", "split_issuers"]
