"""The region a notice speaks for: province, city and county (part of `extractor.meta`).

Covered: places named by the issuers or the title; when the issuers name only a level ("市人社局"),
the city the text names most often; a known city gives its province (data/provinces.tsv,
data/cities.tsv). National issuers (国务院, …部) give no region. Not covered: districts' parent cities
unless the text names them.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from .model import Region


def _rows(name: str) -> list[tuple[str, str]]:
    """The (first, second) columns of a two-column data file; raises ValueError naming a bad line."""
    out = []
    text = resources.files("extractor.data").joinpath(name).read_text(encoding="utf-8")
    for no, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 2 or not cols[0].strip() or not cols[1].strip():
            raise ValueError(f"data/{name} line {no}: expected NAME<TAB>comma-separated names, got {line!r}")
        out.append((cols[0], cols[1]))
    return out


@lru_cache(maxsize=1)
def load_provinces() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Provincial-level divisions and their short names (of two characters or more), from data/provinces.tsv.

    >>> dict(load_provinces())["江西省"]
    ('江西',)
    """
    return tuple((full, tuple(s for s in shorts.split(",") if len(s) >= 2)) for full, shorts in _rows("provinces.tsv"))


@lru_cache(maxsize=1)
def load_cities() -> dict[str, str]:
    """Prefecture-level city → its province, from data/cities.tsv.

    >>> load_cities()["鹰潭市"]
    '江西省'
    """
    return {c: prov for prov, cities in _rows("cities.tsv") for c in cities.split(",")}


def is_place_name(s: str) -> bool:
    """Is `s` the bare name of a province or a prefecture-level city (full or short: 泰州, 泰州市, 江苏)?

    >>> is_place_name("泰州"), is_place_name("江苏省"), is_place_name("市政府")
    (True, True, False)
    """
    if not s or s != s.strip():
        return False
    cities = load_cities()
    return (s in cities or f"{s}市" in cities
            or any(s == full or s in shorts for full, shorts in load_provinces()))


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


__all__ = ["infer_region", "is_place_name", "load_cities", "load_provinces"]
