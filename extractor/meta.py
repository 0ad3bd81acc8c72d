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

The parts live in their own modules: `meta_fields` (the metadata block, dates), `meta_title`
(title, policy title), `meta_signature` (issuers, signature block, recipients) and `meta_region`;
`extract_meta` here weighs them. Their public names stay importable from here.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from .meta_fields import DOCNO, FieldValue, find_fields, parse_iso_date, text_lines, validity_of
from .meta_region import infer_region, is_place_name, load_cities, load_provinces
from .meta_signature import (BARE_LEVEL, GLUED_SIGNATURE, INLINE_SIGNATURE, MORE_BODIES, find_cc, find_recipients, issuing_prefix,
                             looks_like_body, signature_date, signature_issuers, split_issuers, split_issuers_aligned,
                             title_issuers)
from .meta_title import _FORWARDED as _FORWARDED_RX
from .meta_title import TITLE_RX, TitleHit, find_policy_title, find_title, squeeze_title, title_hit, wrapped_title_field
from .model import Meta
from .normalize import _FOLD, PINYIN_GLOSS, looks_traditional, to_simplified_aligned


def _clean(s: str) -> str:
    return "".join(s.split()) if s else s


def extract_meta(orig: str, body_start: int | None = None) -> Meta:
    """Metadata of a notice from its original text; `body_start` is the original offset of its first heading.

    Pinyin glosses some mirror sites print after characters ("湘政發(fā)〔2018〕30號") are read past;
    the values keep them, as printed (the gloss of a value's last character too: "鎮(zhèn)辦〔2022〕51號(hào)").
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
        end = keep[m.end() - 1] + 1
        g = PINYIN_GLOSS.match(orig, end)
        if g:
            end = g.end()                 # the gloss of the last character is printed too: "…51號(hào)"
        raw = orig[keep[m.start()]:end]
        return "".join(raw.split("\n")).strip()

    def title_as_printed(s: str | None) -> str | None:
        t = as_printed(s)
        return squeeze_title(t) if t else t
    return replace(meta, title=title_as_printed(meta.title), policy_title=title_as_printed(meta.policy_title),
                   doc_number=as_printed(meta.doc_number), issuer=tuple(as_printed(i) for i in meta.issuer))


def _extract_meta(orig: str, body_start: int | None = None) -> Meta:
    folded = orig.translate(_FOLD)
    trad = looks_traditional(folded)
    if trad:
        folded = to_simplified_aligned(folded)     # same length: spans still slice `orig`
    stop = body_start if body_start else len(orig)
    fields = find_fields(folded)
    hit, title, tview, prefix = _title(fields, orig, folded, stop)
    policy = find_policy_title(title, tview, orig, folded[: max(stop, 0) or len(folded)])
    doc_number = _doc_number(fields, orig, folded, stop, hit)
    issuers = _issuers(fields, orig, folded, stop, title, prefix)
    date = _date(fields, folded)
    recipients, cc = find_recipients(folded, orig, stop), find_cc(folded, orig)
    validity = validity_of(folded, fields)
    region_text = to_simplified_aligned(folded) if looks_traditional(folded) else folded
    region = infer_region(issuers, title, region_text)
    return Meta(title=title, policy_title=policy, doc_number=doc_number, issuer=tuple(issuers), date=date,
                recipients=tuple(recipients), cc=tuple(cc), validity=validity, region=region)


def _title(fields: dict[str, FieldValue], orig: str, folded: str, stop: int) -> tuple[TitleHit | None, str | None, str, str]:
    """The title line (or 标题 field) found, the title as printed, its folded view, and the words before
    关于 when they name the issuers ("" otherwise; site words before 关于 are dropped from the title)."""
    hit = None
    f_title = fields.get("标题")
    if f_title and not TITLE_RX.search(f_title.value.strip()):
        f_title = wrapped_title_field(folded, f_title)
    if f_title and TITLE_RX.search(f_title.value.strip()):
        hit = title_hit(orig, folded, f_title.start, f_title.end)
        # the same title printed in full below wins (site fields may be cut short)
        below = find_title(orig, folded, stop)
        if below and _clean(below.text).startswith(_clean(hit.text)[:10]) and len(below.text) > len(hit.text):
            hit = below
    if hit is None:
        hit = find_title(orig, folded, stop)
    if hit and _forwarded_heading(folded, hit):
        hit = None                        # only the forwarded policy's heading is printed, not the notice's title
    title = hit.text if hit else None
    tview = hit.view if hit else ""
    prefix = ""
    if title:
        m = re.search(r"关于", tview)
        prefix = tview[: m.start()] if m else ""
        if m and m.start() > 0 and not split_issuers(prefix) and not issuing_prefix(prefix):
            if is_place_name(prefix):
                prefix = ""               # "泰州关于…": a place joined to 关于 is printed as part of the title
            else:
                title, tview, prefix = title[m.start():], tview[m.start():], ""
    return hit, title, tview, prefix


def _forwarded_heading(folded: str, hit: TitleHit) -> bool:
    """Is the title line found only the heading of the policy a notice hands out, printed below the notice's
    text ("《进一步做好…若干政策措施》已经…审议通过,现印发给你们" … "(此件公开发布)" … "进一步做好…若干政策措施")?
    The notice's own title is then not printed (title null, as the regions and held-out gold have it; a heading
    printed right under the signature without the 此件 note stays the title, as the seed gold has it)."""
    view = _clean(hit.view or hit.text)
    return any(_clean(m.group(1)) == view and _PUBLISHED_NOTE.search(folded, m.end(), hit.start)
               for m in _FORWARDED_RX.finditer(folded, 0, hit.start))


# the note that closes the notice as published ("(此件公开发布)"): a heading after it belongs to the policy handed out
_PUBLISHED_NOTE = re.compile(r"[(（]\s*此件")


def _doc_number(fields: dict[str, FieldValue], orig: str, folded: str, stop: int, hit: TitleHit | None) -> str | None:
    """The 文号: its field, else in brackets right after the title, else a line of its own above the body."""
    for k in ("文号", "发文字号"):
        if k in fields and DOCNO.search(fields[k].value):
            f = fields[k]
            m = DOCNO.search(folded, f.start, f.end)
            return orig[m.start():m.end()]
    if hit:
        m = _DOCNO_AFTER_TITLE.match(folded, hit.end)
        if m:
            return orig[m.start(1):m.end(1)]
    for p, l in text_lines(folded):
        if p >= stop:
            break
        s = l.strip()
        m = DOCNO.search(s)
        if m and (m.start() == 0 or s.startswith("[")) and len(s) - (m.end() - m.start()) <= 20:
            doc_number = orig[p + l.find(s) + m.start(): p + l.find(s) + m.end()]
            return re.sub(r"^.*\]", "", doc_number) if "]" in doc_number[:3] else doc_number
    return None


def _issuers(fields: dict[str, FieldValue], orig: str, folded: str, stop: int, title: str | None, prefix: str) -> list[str]:
    """The issuers: the 发文机关 field, else the signature or the title prefix (whichever names them in
    full), else an inline signature, else the 发布机构 field."""
    issuers: list[str] = []
    if "发文机关" in fields:
        f = fields["发文机关"]
        issuers = split_issuers_aligned(orig[f.start:f.end], folded[f.start:f.end])
    signed = signature_issuers(orig, folded, stop)
    if not issuers and signed and (MORE_BODIES.search(prefix) and len(signed) > 1 or issuing_prefix(prefix)):
        issuers = signed                  # "X等四部门关于…" / "X政府印发…": the signature names them in full
    if not issuers and prefix:
        issuers = title_issuers(title, prefix)
        if signed and len(signed) == len(issuers) and all(BARE_LEVEL.match(i) or _shortened(i, j) for i, j in zip(issuers, signed)):
            issuers = signed              # "省人社厅关于…" / "江苏省政府办公厅关于…" signed in full
    if not issuers:
        issuers = signed
    if not issuers:
        m = INLINE_SIGNATURE.search(folded) or GLUED_SIGNATURE.search(folded)
        if m:
            issuers = split_issuers_aligned(orig[m.start(1):m.end(1)], folded[m.start(1):m.end(1)])
    if not issuers and "发布机构" in fields:
        f = fields["发布机构"]
        issuers = split_issuers_aligned(orig[f.start:f.end], folded[f.start:f.end])
    return issuers


def _shortened(short: str, full: str) -> bool:
    """Is `short` a shortened form of the body name `full` (its characters in order, fewer of them, the
    same start and end)?

    >>> _shortened("江苏省政府办公厅", "江苏省人民政府办公厅"), _shortened("江苏省人民政府", "江苏省人民政府办公厅")
    (True, False)
    """
    it = iter(full)
    return len(short) < len(full) and short[:2] == full[:2] and short[-1] == full[-1] and all(ch in it for ch in short)


def _date(fields: dict[str, FieldValue], folded: str) -> str | None:
    """The signing date: 成文日期 / 发文日期, else the signature's date (never 发布日期)."""
    for k in ("成文日期", "发文日期"):
        if k in fields:
            date = parse_iso_date(fields[k].value)
            if date:
                return date
    return signature_date(folded)


_DOCNO_AFTER_TITLE = re.compile(r"[ \t]*[(（]\s*(" + DOCNO.pattern + r")\s*[)）]")


__all__ = ["DOCNO", "TITLE_RX", "FieldValue", "TitleHit", "extract_meta", "find_fields", "find_title", "infer_region",
           "load_cities", "load_provinces", "looks_like_body", "parse_iso_date", "split_issuers", "split_issuers_aligned"]
