"""Generate the hostile-input corpus: broken, huge and crafted notices, and what each must give.

Nothing here is committed as data: every file is written by this script (deterministically — the
same bytes on every run) into a folder, at test time. Usage::

    python -m tests.hostile.make_corpus OUT_DIR            # everything: ~65 MB on disk, ~1.5 s
    python -m tests.hostile.make_corpus OUT_DIR --no-big   # without the huge files (~5 MB)

`CASES` lists each file with the outcome the toolkit must give: ``"ok"`` (a notice) or the name of
the `extractor.errors` class it must raise. The huge files (``big=True``) are cheap to write and
cheap to refuse: the 200 MB text is sparse, the zip bombs are a repeated 1 KB deflate block
expanding to gigabytes, the 5,000-page PDF shares one content stream; the 50 MB HTML blob and
the 2-million-character line are written once, in a few hundred milliseconds.

XXE cases point at a *target* file no reader may open (`Context.secret`); it holds `MARKER`, a string that appears in no corpus file, so a test can prove it never leaks.

Covered: empty/whitespace files, binary junk under .txt/.docx/.pdf/.html names, truncated and
password-protected .docx/.pdf, a scanned PDF, zip bombs (honest and lying headers), zip archives
with thousands of entries, XXE in several disguises (leading whitespace, UTF-16 without BOM,
parameter entities, external DTD, a .rels part, HTML), billion laughs, hostile HTML (scripts,
iframes, a 50 MB inline blob, unclosed script/comment floods, deep nesting), a 200 MB text, a
5,000-page PDF, a PDF claiming 100 million pages, a PDF stream bomb, mixed encodings in one file,
one line of 2 million characters, and awkward file names (spaces, Chinese, a newline, a dash).

Not covered: OCR-able scans, malformed fonts, PDF JavaScript execution (pdfium in this toolkit
runs no scripts), damaged legacy .doc files (tests/test_doc_reader.py has a few), archives of several
notices, symlinks (tests/test_batch.py).
"""
from __future__ import annotations

import argparse
import io
import os
import random
import struct
import sys
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

MARKER = "ZHENGCE-XXE-TARGET-5b1e0c7d"

NOTICE = """关于印发《技能人才培育行动方案》的通知
各县（市、区）人民政府，市直各单位：
现将《技能人才培育行动方案》印发给你们，请认真贯彻落实。
一、主要目标
到2025年底前，全市新增技能人才2万人次，高技能人才占比达到30%。
二、重点任务
（一）开展职业技能培训。每年组织培训1万人次，按每人每年2000元给予补贴，市级财政安排资金500万元。（责任单位：市人社局、市财政局）
（二）举办职业技能竞赛。2025年12月31日前举办技能竞赛10场。（牵头单位：市总工会；配合单位：市教育局）
三、保障措施
各地要加强组织领导，每季度调度一次进展。
某某市人民政府
2024年3月1日
"""


@dataclass(frozen=True)
class Context:
    """Where the XXE target lives (outside the corpus: nothing may read it)."""

    secret: Path


@dataclass(frozen=True)
class Case:
    name: str                                   # file name as written (spaces, CJK, a newline …)
    expect: str                                 # "ok" or an extractor.errors class name
    build: Callable[[Context, Path], None]      # writes the file at the given path
    big: bool = False                           # huge on disk or on expansion: generated only on request
    note: str = ""
    tags: tuple[str, ...] = field(default=())   # e.g. "xxe"


# ---------------------------------------------------------------- writers

def _bytes(data: bytes | Callable[[Context], bytes]) -> Callable[[Context, Path], None]:
    def build(ctx: Context, path: Path) -> None:
        path.write_bytes(data(ctx) if callable(data) else data)
    return build


def junk(n: int, seed: int) -> bytes:
    """Deterministic random bytes."""
    return random.Random(seed).randbytes(n)


# ---- .docx (by hand, so the XML is exactly what the case needs)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
       '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
       '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
       '<Default Extension="xml" ContentType="application/xml"/>'
       '<Override PartName="/word/document.xml" '
       'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Target="word/document.xml" '
         'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/></Relationships>')


def _xml_escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def document_xml(paragraphs: list[str], prolog: str = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
                 entity_ref: str | None = None) -> str:
    """A `word/document.xml` with one `w:p` per paragraph (and `&name;` in the first when asked)."""
    paras = "".join(f"<w:p><w:r><w:t>{_xml_escape(p)}</w:t></w:r></w:p>" for p in paragraphs)
    if entity_ref:
        paras = f"<w:p><w:r><w:t>&{entity_ref};</w:t></w:r></w:p>" + paras
    return f'{prolog}<w:document xmlns:w="{W_NS}"><w:body>{paras}</w:body></w:document>'


def docx_bytes(paragraphs: list[str] | None = None, *, document: bytes | None = None, rels: bytes | None = None,
               extra: list[tuple[str, bytes]] = ()) -> bytes:
    """A minimal .docx python-docx opens: content types, package rels, the main document part."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in [("[Content_Types].xml", _CT.encode()), ("_rels/.rels", rels or _RELS.encode()),
                           ("word/document.xml", document or document_xml(paragraphs or []).encode()), *extra]:
            z.writestr(zipfile.ZipInfo(name, date_time=(2024, 3, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def notice_docx() -> bytes:
    return docx_bytes(NOTICE.strip().split("\n"))


# ---- zip archives written byte by byte (bombs need sizes and data python's zipfile will not write)

def _gf2_times(mat: list[int], vec: int) -> int:
    s, i = 0, 0
    while vec:
        if vec & 1:
            s ^= mat[i]
        vec >>= 1
        i += 1
    return s


def crc32_combine(crc1: int, crc2: int, len2: int) -> int:
    """CRC-32 of A+B from crc(A), crc(B) and len(B) (zlib's algorithm; Python's zlib lacks it)."""
    if len2 <= 0:
        return crc1
    odd = [0xEDB88320] + [1 << n for n in range(31)]
    even = [_gf2_times(odd, odd[n]) for n in range(32)]
    odd = [_gf2_times(even, even[n]) for n in range(32)]
    while True:
        even = [_gf2_times(odd, odd[n]) for n in range(32)]
        if len2 & 1:
            crc1 = _gf2_times(even, crc1)
        len2 >>= 1
        if not len2:
            break
        odd = [_gf2_times(even, even[n]) for n in range(32)]
        if len2 & 1:
            crc1 = _gf2_times(odd, crc1)
        len2 >>= 1
        if not len2:
            break
    return crc1 ^ crc2


def zeros_bomb(mib: int) -> tuple[bytes, int, int]:
    """(raw deflate stream, crc32, size) of `mib` MiB of zero bytes, built from one repeated 1 KB block."""
    chunk = bytes(1 << 20)
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = co.compress(chunk) + co.flush(zlib.Z_FULL_FLUSH)   # a full flush: the next MiB compresses the same
    stream = block * mib + co.flush()
    crc, blk_crc, blk_len, m = 0, zlib.crc32(chunk), len(chunk), mib
    while m:                                  # CRC of mib MiB by doubling: ~20 combines, not 4,000 MiB read
        if m & 1:
            crc = crc32_combine(crc, blk_crc, blk_len)
        blk_crc, blk_len, m = crc32_combine(blk_crc, blk_crc, blk_len), 2 * blk_len, m >> 1
    return stream, crc, mib * len(chunk)


def raw_zip(entries: list[tuple[str, bytes, int, int, int]]) -> bytes:
    """A zip from (name, stored data, crc, declared size, method) entries — sizes as declared, not checked."""
    out, central = bytearray(), bytearray()
    for name, data, crc, size, method in entries:
        n = name.encode()
        off = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0x5821, crc, len(data), size, len(n), 0)
        out += n + data
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0, 0x5821, crc, len(data), size,
                               len(n), 0, 0, 0, 0, 0, off)
        central += n
    cd_off = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), cd_off, 0)
    return bytes(out)


def _docx_entries() -> list[tuple[str, bytes, int, int, int]]:
    out = []
    for name, data in (("[Content_Types].xml", _CT.encode()), ("_rels/.rels", _RELS.encode()),
                       ("word/document.xml", document_xml(NOTICE.strip().split("\n")).encode())):
        out.append((name, data, zlib.crc32(data), len(data), 0))
    return out


def bomb_docx(ctx: Context, path: Path) -> None:
    """A valid .docx plus word/media/image1.png: 4 MB of deflate that honestly declares 4,000 MiB."""
    stream, crc, size = zeros_bomb(4000)
    path.write_bytes(raw_zip(_docx_entries() + [("word/media/image1.png", stream, crc, size, 8)]))


def lying_bomb_docx(ctx: Context, path: Path) -> None:
    """word/document.xml declares 200 bytes but its deflate stream expands to 1 GiB of zeros."""
    stream, _, _ = zeros_bomb(1024)
    entries = _docx_entries()[:2] + [("word/document.xml", stream, zlib.crc32(bytes(200)), 200, 8)]
    path.write_bytes(raw_zip(entries))


def many_entries_docx(n: int) -> Callable[[Context, Path], None]:
    def build(ctx: Context, path: Path) -> None:
        path.write_bytes(docx_bytes(NOTICE.strip().split("\n"),
                                    extra=[(f"customXml/item{i}.xml", b"<a/>") for i in range(n)]))
    return build


# ---- compound file (OLE2): what a password-protected .docx really is

def cfb_bytes(streams: dict[str, bytes]) -> bytes:
    """A minimal valid compound file (512-byte sectors, no mini stream: each stream padded to 4 KB)."""
    sec = 512
    names = list(streams)
    datas = [streams[n].ljust(4096, b"\0") for n in names]
    counts = [(len(d) + sec - 1) // sec for d in datas]
    fat_start, dir_start = 0, 1
    starts, nxt = [], 2
    for c in counts:
        starts.append(nxt)
        nxt += c
    fat = [0xFFFFFFFD, 0xFFFFFFFE]                      # sector 0: FAT itself, sector 1: directory
    for s, c in zip(starts, counts):
        fat += [s + i + 1 for i in range(c - 1)] + [0xFFFFFFFE]
    assert len(fat) <= 128
    fat += [0xFFFFFFFF] * (128 - len(fat))

    def entry(name: str, kind: int, child: int, right: int, start: int, size: int) -> bytes:
        n = name.encode("utf-16-le") + b"\0\0"
        return (n.ljust(64, b"\0") + struct.pack("<HBBIII", len(n), kind, 1, 0xFFFFFFFF, right, child)
                + bytes(16) + bytes(4) + bytes(16) + struct.pack("<IIi", start, size, 0))

    # a chain of right siblings under the root (all black: a valid, if unbalanced, red-black tree)
    order = sorted(range(len(names)), key=lambda i: (len(names[i]), names[i].upper()))
    ids = {i: k + 1 for k, i in enumerate(order)}
    dirs = [entry("Root Entry", 5, ids[order[0]], 0xFFFFFFFF, 0xFFFFFFFE, 0)]
    for k, i in enumerate(order):
        right = ids[order[k + 1]] if k + 1 < len(order) else 0xFFFFFFFF
        dirs.append(entry(names[i], 2, 0xFFFFFFFF, right, starts[i], len(streams[names[i]])))
    dir_sector = b"".join(dirs).ljust(sec, b"\0")
    assert len(dir_sector) == sec
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16) + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
              + bytes(6) + struct.pack("<IIIIIIIII", 0, 1, dir_start, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
              + struct.pack("<I", fat_start) + struct.pack("<I", 0xFFFFFFFF) * 108)
    assert len(header) == sec
    return header + struct.pack("<128I", *fat) + dir_sector + b"".join(d.ljust(c * sec, b"\0")
                                                                        for d, c in zip(datas, counts))


def encrypted_docx() -> bytes:
    info = struct.pack("<HHI", 4, 4, 0x40) + b'<?xml version="1.0"?><encryption/>'   # Agile encryption header
    return cfb_bytes({"EncryptionInfo": info, "EncryptedPackage": struct.pack("<Q", 9000) + junk(4088, 7)})


# ---- PDF (minimal objects written by hand)

def pdf_bytes(pages: list[bytes], *, encrypt: bool = False, count: int | None = None, shared: int = 0,
              image: bool = False, compress: bool = False, open_action: bytes | None = None) -> bytes:
    """A PDF with one content stream per page (or `shared` pages using one stream); CJK text uses the
    predefined STSong-Light/UniGB-UCS2-H font. `count` overrides the page tree's /Count."""
    objs: list[bytes] = []

    def add(body: bytes) -> int:
        objs.append(body)
        return len(objs)

    catalog, tree = add(b""), add(b"")
    desc = add(b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 4 /FontBBox [0 -200 1000 900] "
               b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>")
    cid = add(b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) "
              b"/Ordering (GB1) /Supplement 4 >> /FontDescriptor %d 0 R /DW 1000 >>" % desc)
    font = add(b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
               b"/DescendantFonts [%d 0 R] >>" % cid)
    xobj = b""
    if image:
        px = bytes((x * 37 + y * 11) % 256 for y in range(64) for x in range(64))
        img = add(b"<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray "
                  b"/BitsPerComponent 8 /Length %d >>\nstream\n%s\nendstream" % (len(px), px))
        xobj = b" /XObject << /Im1 %d 0 R >>" % img

    def stream(c: bytes) -> int:
        if compress:
            z = zlib.compress(c, 9)
            return add(b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(z), z))
        return add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(c), c))

    page_obj = b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >>%s >> " \
               b"/Contents %d 0 R >>"
    kids = []
    if shared:
        s = stream(pages[0])
        kids = [add(page_obj % (tree, font, xobj, s)) for _ in range(shared)]
    else:
        for c in pages:
            s = stream(c)
            kids.append(add(page_obj % (tree, font, xobj, s)))
    extra = b""
    if open_action:
        extra = b" /OpenAction %d 0 R" % add(open_action)
    objs[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R%s >>" % (tree, extra)
    objs[tree - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids),
                                                                 len(kids) if count is None else count)
    trailer_extra = b""
    if encrypt:   # Standard handler, RC4-40, with O/U entries the empty password does not open
        enc = add(b"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <%s> /U <%s> >>" % (b"11" * 32, b"22" * 32))
        file_id = b"<00112233445566778899aabbccddeeff>"
        trailer_extra = b" /Encrypt %d 0 R /ID [%s %s]" % (enc, file_id, file_id)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (i, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R%s >>\n" % (len(objs) + 1, catalog, trailer_extra)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def text_op(x: float, y: float, s: str, size: int = 10) -> bytes:
    return b"BT /F1 %d Tf %.2f %.2f Td <%s> Tj ET\n" % (size, x, y, s.encode("utf-16-be").hex().encode())


def notice_pages() -> list[bytes]:
    lines = NOTICE.strip().split("\n")
    pages = []
    for start in range(0, len(lines), 6):
        pages.append(b"".join(text_op(72, 780 - 24 * i, ln[:40]) for i, ln in enumerate(lines[start:start + 6])))
    return pages


def notice_pdf() -> bytes:
    return pdf_bytes(notice_pages())


def glyph_page_pdf(n: int) -> bytes:
    """One page drawing `n` characters from a compressed stream of a few KB (a text bomb when n is large)."""
    return pdf_bytes([b"BT /F1 1 Tf 10 10 Td " + b"<4e2d> Tj " * n + b"ET"], compress=True)


def stream_bomb_pdf(ctx: Context, path: Path) -> None:
    """A page (with a ruled line, so a table finder would look at it) whose 1 MB content stream inflates to
    1 GiB of spaces after its text."""
    chunk = b" " * (1 << 20)
    co = zlib.compressobj(9)
    stream = co.compress(b"0 0 m 100 100 l S\n" + text_op(72, 700, "技能人才")) + co.flush(zlib.Z_FULL_FLUSH)
    block = co.compress(chunk) + co.flush(zlib.Z_FULL_FLUSH)
    stream += block * 1024 + co.flush()
    data = pdf_bytes([b"%%CONTENT%%"])
    body = b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(stream), stream)
    old = b"<< /Length 11 >>\nstream\n%%CONTENT%%\nendstream"
    start = data.index(old)
    data = data[:start] + body + data[start + len(old):]
    # the xref offsets after the stream moved: rebuild them
    path.write_bytes(_fix_xref(data))


def _fix_xref(data: bytes) -> bytes:
    """Recompute the cross-reference table of a PDF written by `pdf_bytes` after an object changed size."""
    import re

    head = data[:data.index(b"xref\n")]
    offsets = [m.start() for m in re.finditer(rb"(?m)^\d+ 0 obj\n", head)]
    trailer = data[data.index(b"trailer\n"):data.index(b"startxref")]
    out = bytearray(head)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += trailer + b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


# ---- HTML

def html_page(body: str, head: str = "") -> str:
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>关于印发技能人才培育行动方案的通知</title>{head}'
            f'</head><body><div class="nav">首页 &gt; 政策文件</div><div id="zoom">{body}</div>'
            '<div class="footer">打印本页 关闭窗口</div></body></html>')


def notice_html_body() -> str:
    return "".join(f"<p>{_xml_escape(line)}</p>" for line in NOTICE.strip().split("\n"))


def hostile_html(blob_mb: int) -> Callable[[Context], bytes]:
    """Scripts, iframes pointing at the XXE target and at the network, event handlers, and an inline blob."""
    def build(ctx: Context) -> bytes:
        url = ctx.secret.resolve().as_uri()
        blob = "QUJD" * (blob_mb * 1024 * 1024 // 4)
        head = (f'<script src="{url}"></script><link rel="stylesheet" href="{url}">'
                '<script>document.write("<p>注入文本</p>"); fetch("http://127.0.0.1:9/steal")</script>'
                f'<style>body{{background:url("{url}")}}</style>')
        body = (f'<iframe src="{url}"></iframe><iframe src="http://127.0.0.1:9/x"></iframe>'
                f'<img src="data:image/png;base64,{blob}" onerror="alert(1)">'
                f'<object data="{url}"></object><embed src="{url}">' + notice_html_body()
                + '<script>var s = "</p><p>脚本里的假段落";</script>')
        return html_page(body, head).encode("utf-8")
    return build


def xxe_html(ctx: Context) -> bytes:
    url = ctx.secret.resolve().as_uri()
    return (f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "{url}">]>'
            f'<html xmlns="http://www.w3.org/1999/xhtml"><body><div id="zoom"><p>&xxe;</p>{notice_html_body()}'
            '</div></body></html>').encode("utf-8")


def unclosed_flood_html() -> bytes:
    """Tens of thousands of unclosed <script> and <!-- openers: a regex with .*? would go quadratic."""
    return (html_page(notice_html_body()) + "<script>x" * 40000 + "<!--y" * 40000 + "<style>z" * 40000).encode()


def deep_html() -> bytes:
    return html_page("<div>" * 100_000 + notice_html_body() + "</div>" * 100_000).encode()


# ---- XXE in .docx

def _file_uri(ctx: Context) -> str:
    return ctx.secret.resolve().as_uri()


def xxe_docx(kind: str) -> Callable[[Context], bytes]:
    def build(ctx: Context) -> bytes:
        url = _file_uri(ctx)
        paras = NOTICE.strip().split("\n")
        decl = '<?xml version="1.0" encoding="UTF-8"?>'
        if kind == "plain":
            doc = document_xml(paras, f'{decl}<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{url}">]>', "xxe").encode()
        elif kind == "whitespace":      # the DTD after 64 bytes of whitespace (no XML declaration)
            doc = document_xml(paras, " \n" * 32 + f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{url}">]>',
                               "xxe").encode()
        elif kind == "utf16":           # UTF-16LE without a byte-order mark
            doc = document_xml(paras, f'<?xml version="1.0" encoding="UTF-16"?>'
                                      f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{url}">]>', "xxe").encode("utf-16-le")
        elif kind == "parameter":       # a parameter entity pulls the target in while the DTD is read
            doc = document_xml(paras, f'{decl}<!DOCTYPE w:document [<!ENTITY % p SYSTEM "{url}"> %p;]>').encode()
        elif kind == "external-dtd":
            doc = document_xml(paras, f'{decl}<!DOCTYPE w:document SYSTEM "{url}">').encode()
        elif kind == "laughs":          # billion laughs: 10^9 "lol" from a few hundred bytes
            ents = '<!ENTITY l0 "lol">' + "".join(f'<!ENTITY l{i} "{("&l%d;" % (i - 1)) * 10}">' for i in range(1, 10))
            doc = document_xml(paras, f"{decl}<!DOCTYPE w:document [{ents}]>", "l9").encode()
        elif kind == "rels":            # the entity in the package relationships, not the document
            rels = _RELS.replace('standalone="yes"?>', f'standalone="yes"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "{url}">]>')
            rels = rels.replace('Id="rId1"', 'Id="&xxe;"')
            return docx_bytes(paras, rels=rels.encode())
        else:
            raise ValueError(kind)
        return docx_bytes(document=doc)
    return build


# ---- text files

def mixed_encodings() -> bytes:
    return b"\n".join([
        "关于印发技能人才培育行动方案的通知".encode("utf-8"),
        "一、主要目标".encode("gb18030"),
        "到2025年底前，全市新增技能人才2万人次。".encode("utf-8"),
        "（一）開展職業技能培訓，補貼資金500萬元。".encode("big5"),
        "（二）举办职业技能竞赛10场。（责任单位：市人社局）".encode("gb18030"),
    ]) + b"\n"


def long_line(n: int = 2_000_000) -> bytes:
    """One line of `n` characters: the notice's sentences run together, numbers varied, no line breaks."""
    rnd = random.Random(20240301)
    parts, size = [], 0
    sentences = [s for s in NOTICE.replace("\n", "").split("。") if s]
    while size < n:
        s = rnd.choice(sentences)
        s = s.replace("2025", str(rnd.randint(2020, 2035))).replace("500", str(rnd.randint(1, 9999)))
        parts.append(s + "。")
        size += len(s) + 1
    return "".join(parts)[:n].encode("utf-8")


def sparse_text(mib: int) -> Callable[[Context, Path], None]:
    """A text file of `mib` MiB: a notice at the start, then a hole (no disk blocks, written in microseconds)."""
    def build(ctx: Context, path: Path) -> None:
        with open(path, "wb") as fh:
            fh.write(NOTICE.encode("utf-8"))
            fh.truncate(mib * 1024 * 1024)
    return build


def _cut(make: Callable[[], bytes], frac: float) -> Callable[[Context], bytes]:
    return lambda ctx: (lambda b: b[: int(len(b) * frac)])(make())


# ---------------------------------------------------------------- the cases

def _cases() -> list[Case]:
    u8 = NOTICE.encode("utf-8")
    C = Case
    return [
        C("empty.txt", "EmptyDocument", _bytes(b"")),
        C("whitespace.txt", "EmptyDocument", _bytes(" \t\n\u3000\u3000\r\n\n  ".encode("utf-8"))),
        C("whitespace.html", "EmptyDocument", _bytes(html_page("<p>&nbsp;</p><p>\u3000</p>").encode())),
        C("whitespace.docx", "EmptyDocument", _bytes(lambda ctx: docx_bytes(["   ", "\u3000"]))),
        C("junk.txt", "CorruptDocument", _bytes(junk(64 * 1024, 1))),
        C("junk.docx", "CorruptDocument", _bytes(junk(64 * 1024, 2))),
        C("junk.pdf", "CorruptDocument", _bytes(junk(64 * 1024, 3))),
        C("junk.html", "CorruptDocument", _bytes(junk(64 * 1024, 4))),
        C("zip_named.txt", "CorruptDocument", _bytes(lambda ctx: docx_bytes(NOTICE.strip().split("\n") + ["（误存为.txt）"])),
          note="a .docx saved as .txt"),
        C("pdf_header_junk.pdf", "CorruptDocument", _bytes(b"%PDF-1.7\n" + junk(32 * 1024, 5))),
        C("truncated.docx", "CorruptDocument", _bytes(_cut(notice_docx, 0.5))),
        C("truncated.pdf", "CorruptDocument", _bytes(_cut(notice_pdf, 0.6))),
        C("encrypted.docx", "EncryptedDocument", _bytes(lambda ctx: encrypted_docx())),
        C("encrypted.pdf", "EncryptedDocument",
          _bytes(lambda ctx: pdf_bytes([text_op(72, 700, "机密文件")], encrypt=True))),
        C("scanned.pdf", "NoTextLayer", _bytes(lambda ctx: pdf_bytes([b"q 400 0 0 600 72 120 cm /Im1 Do Q"] * 2,
                                                                     image=True))),
        C("javascript.pdf", "ok", _bytes(lambda ctx: pdf_bytes(notice_pages(), open_action=(
            b"<< /S /JavaScript /JS (app.launchURL\\('http://127.0.0.1:9/'\\);) >>")))),
        C("claims_100M_pages.pdf", "ok", _bytes(lambda ctx: pdf_bytes(notice_pages(), count=100_000_000)),
          note="the page tree's /Count lies; pdfium counts the real pages"),
        C("pages_5000.pdf", "LimitExceeded", _bytes(lambda ctx: pdf_bytes([text_op(72, 700, "第1页")], shared=5000)),
          big=True),
        C("stream_bomb.pdf", "LimitExceeded", stream_bomb_pdf, big=True,
          note="a 1 MB content stream inflating to 1 GiB"),
        C("bomb.docx", "LimitExceeded", bomb_docx, big=True, note="4 MB expanding to 4,000 MiB"),
        C("bomb_lying_header.docx", "CorruptDocument", lying_bomb_docx, big=True,
          note="declares 200 bytes, expands to 1 GiB: only the declared bytes are ever inflated"),
        C("entries_6000.docx", "LimitExceeded", many_entries_docx(6000)),
        C("entries_3000.docx", "ok", many_entries_docx(3000), note="thousands of entries, under the limit"),
        C("xxe.docx", "CorruptDocument", _bytes(xxe_docx("plain")), tags=("xxe",)),
        C("xxe_whitespace.docx", "CorruptDocument", _bytes(xxe_docx("whitespace")), tags=("xxe",)),
        C("xxe_utf16.docx", "CorruptDocument", _bytes(xxe_docx("utf16")), tags=("xxe",)),
        C("xxe_parameter.docx", "CorruptDocument", _bytes(xxe_docx("parameter")), tags=("xxe",)),
        C("xxe_external_dtd.docx", "CorruptDocument", _bytes(xxe_docx("external-dtd")), tags=("xxe",)),
        C("xxe_rels.docx", "CorruptDocument", _bytes(xxe_docx("rels")), tags=("xxe",)),
        C("billion_laughs.docx", "CorruptDocument", _bytes(xxe_docx("laughs"))),
        C("xxe.html", "ok", _bytes(xxe_html), tags=("xxe",), note="the HTML parser never resolves entities"),
        C("hostile.html", "ok", _bytes(hostile_html(1)), tags=("xxe",)),
        C("blob_50mb.html", "ok", _bytes(hostile_html(48)), big=True, tags=("xxe",),
          note="48 MiB base64 blob: just under the 50 MiB size limit, so it is read"),
        C("unclosed_flood.html", "ok", _bytes(unclosed_flood_html())),
        C("deep_nesting.html", "ok", _bytes(deep_html())),
        C("text_200mb.txt", "LimitExceeded", sparse_text(200), big=True),
        C("mixed_encodings.txt", "ok", _bytes(mixed_encodings())),
        C("one_line_2m.txt", "ok", _bytes(lambda ctx: long_line()), big=True),
        C("name with spaces 通知.txt", "ok", _bytes(NOTICE.replace("500万元", "600万元").encode("utf-8"))),
        C("关于印发技能人才培育行动方案的通知.txt", "ok", _bytes(u8)),
        C("line\nbreak.txt", "ok", _bytes(NOTICE.replace("市总工会", "市科技局").encode("utf-8"))),
        C("-o.txt", "ok", _bytes(NOTICE.replace("10场", "12场").encode("utf-8")), note="looks like an option"),
        C("notice.docx", "ok", _bytes(lambda ctx: notice_docx())),
        C("notice.pdf", "ok", _bytes(lambda ctx: notice_pdf())),
    ]


CASES: tuple[Case, ...] = tuple(_cases())


def make_corpus(dest: str | os.PathLike, *, big: bool = True, secret: str | os.PathLike | None = None,
                only: set[str] | None = None) -> list[tuple[Path, Case]]:
    """Write the corpus into `dest` (created); returns (path, case) pairs in `CASES` order.

    `secret` is the XXE target (default: ``dest/xxe_target.secret`` — an extension no reader takes, so
    nothing reads it unless an XXE makes it); it is written with `MARKER` unless something already
    exists there (a test may put a FIFO there).
    """
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    ctx = Context(Path(secret) if secret else dest.resolve() / "xxe_target.secret")
    if not os.path.lexists(ctx.secret):
        ctx.secret.write_text(f"{MARKER}\n", encoding="utf-8")
    out = []
    for case in CASES:
        if (case.big and not big) or (only is not None and case.name not in only):
            continue
        path = dest / case.name
        case.build(ctx, path)
        out.append((path, case))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dest", help="folder to write the corpus into")
    ap.add_argument("--no-big", action="store_true", help="leave out the huge files")
    ap.add_argument("--secret", help="XXE target file (default: DEST/xxe_target.secret)")
    a = ap.parse_args(argv)
    for path, case in make_corpus(a.dest, big=not a.no_big, secret=a.secret):
        print(f"{case.expect:18} {path.stat().st_size:>12,}  {path.name!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
