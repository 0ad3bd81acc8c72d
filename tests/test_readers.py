"""The format readers: fixtures against their seed text, encodings, bad input, HTML chrome, PDF layout."""
from __future__ import annotations

import doctest
import io
import re
import shutil
import subprocess
import sys
import zipfile
from difflib import SequenceMatcher
from pathlib import Path

import pytest

from extractor import errors
from extractor.readers import read, sniff_format
from extractor.readers.base import DEFAULT_LIMITS, Limits

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
FIXTURES = SHARED / "fixtures"
SEED_STEMS = sorted(p.stem for p in SEEDS.glob("*.txt"))
ANNEX = "yingtan_2023_skills_action.annex_table"
ANNEX_HEADER = "序号 | 重点任务 | 工作要求 | 责任部门 |"

needs_fixtures = pytest.mark.skipif(not FIXTURES.is_dir() or not SEED_STEMS,
                                    reason="../shared/fixtures and ../shared/seeds are not beside the repo")


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.split("\n") if ln.strip()]


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _seed(stem: str) -> str:
    return (SEEDS / f"{stem}.txt").read_text(encoding="utf-8")


def _seed_annex_rows(stem: str = "yingtan_2023_skills_action") -> int:
    lines = _seed(stem).split("\n")
    start = next(i for i, ln in enumerate(lines) if ln.strip() == ANNEX_HEADER)
    return sum(1 for ln in lines[start:] if re.match(r"^\d+ \| ", ln))


def _tables(doc):
    return [b.table for b in doc.blocks if b.kind == "table"]


# ---------------------------------------------------------------- fixtures vs seeds

@needs_fixtures
@pytest.mark.parametrize("stem", SEED_STEMS, ids=SEED_STEMS)
def test_docx_lines_equal_seed_lines(stem):
    doc = read(FIXTURES / f"{stem}.docx")
    assert doc.format == "docx"
    assert _lines(doc.text) == _lines(_seed(stem))


@needs_fixtures
@pytest.mark.parametrize("stem", SEED_STEMS, ids=SEED_STEMS)
def test_pdf_text_matches_seed(stem):
    # Whitespace is compared away: LibreOffice's layout decides where lines wrap and spaces between
    # Chinese and Latin runs are a matter of glyph spacing, not of the text.
    doc = read(FIXTURES / f"{stem}.pdf")
    ratio = SequenceMatcher(None, _squeeze(doc.text), _squeeze(_seed(stem)), autojunk=False).ratio()
    assert ratio >= 0.97
    assert not [ln for ln in _lines(doc.text) if re.fullmatch(r"[-—–\s]*\d{1,3}[-—–\s]*|第\d+页|\d+/\d+", ln)]
    assert doc.pages and doc.pages >= 2


@needs_fixtures
@pytest.mark.parametrize("stem", SEED_STEMS, ids=SEED_STEMS)
def test_pdf_rejoins_most_wrapped_lines(stem):
    # Where a sentence ends exactly at the margin of a flush-left page the break is ambiguous, so
    # the bar is "nearly every seed line comes back whole", not all of them.
    got = {_squeeze(ln) for ln in _lines(read(FIXTURES / f"{stem}.pdf").text)}
    want = [_squeeze(ln) for ln in _lines(_seed(stem))]
    assert sum(w in got for w in want) >= 0.85 * len(want)


@needs_fixtures
@pytest.mark.parametrize("stem", SEED_STEMS, ids=SEED_STEMS)
def test_pdf_fast_path_reads_like_pdfplumber(stem):
    # pypdfium2 re-creates some space glyphs as "generated" spaces it also uses for plain gaps, so
    # a space between a Chinese character and a digit can differ; lines and characters may not.
    from extractor.readers.pdf import extract_pages

    fast, _ = extract_pages(FIXTURES / f"{stem}.pdf", DEFAULT_LIMITS, "pdfium")
    slow, _ = extract_pages(FIXTURES / f"{stem}.pdf", DEFAULT_LIMITS, "pdfplumber")
    compared = 0
    for a, b in zip(fast, slow):
        if any(not hasattr(it, "text") for it in b.items):
            continue                                   # a table page: only pdfplumber reads tables
        assert [_squeeze(it.text) for it in a.items] == [_squeeze(it.text) for it in b.items]
        assert all(abs(x.x1 - y.x1) < 1.0 for x, y in zip(a.items, b.items))
        compared += 1
    assert compared >= 1


@needs_fixtures
def test_annex_table_docx_carries_merged_cells_down():
    doc = read(FIXTURES / f"{ANNEX}.docx")
    (table,) = _tables(doc)
    header, *rows = table.rows
    assert header == ("序号", "重点任务", "工作要求", "责任部门")
    assert len(rows) == _seed_annex_rows() == 40
    assert [r[0] for r in rows] == [str(i) for i in range(1, 41)]
    assert rows[0][1] == rows[1][1] == rows[2][1] == "培育铜基新材料产业链技能人才"
    assert all(r[1] for r in rows)
    assert "2 | 培育铜基新材料产业链技能人才 | 将“铜+互联网”引入培育过程" in doc.text


@needs_fixtures
def test_annex_table_pdf_is_one_table_across_pages():
    doc = read(FIXTURES / f"{ANNEX}.pdf")
    (table,) = _tables(doc)
    header, *rows = table.rows
    assert header == ("序号", "重点任务", "工作要求", "责任部门")
    assert [r[0] for r in rows] == [str(i) for i in range(1, _seed_annex_rows() + 1)]
    assert rows[1][1] == rows[2][1] == "培育铜基新材料产业链技能人才"
    assert rows[5][2].endswith("“金蓝领”达到2000人。")        # the row split by a page break, glued
    assert doc.text.count(ANNEX_HEADER) == 1
    assert "序号 重点任务" not in doc.text                       # the table's region is not read twice


# ---------------------------------------------------------------- encodings

@needs_fixtures
def test_gb18030_fixture_decodes_to_the_seed():
    doc = read(FIXTURES / "fuding_2023_skills_plan.gb18030.txt")
    assert doc.encoding == "gb18030"
    assert doc.text == _seed("fuding_2023_skills_plan").replace("\r\n", "\n")


TRAD = "為深入貫徹習近平總書記關於安全生產重要指示精神，省政府安全生產委員會決定開展集中整治。\n一、總體要求\n"
SIMP = "关于实施“技能鹰潭行动”的意见\n一、总体要求\n到2025年，培育技能人才3万人。\n"
ENCODINGS = [
    ("big5", TRAD.encode("big5"), TRAD, "big5"),
    ("utf8", SIMP.encode("utf-8"), SIMP, "utf-8"),
    ("utf8-bom", b"\xef\xbb\xbf" + SIMP.encode("utf-8"), SIMP, "utf-8-sig"),
    ("utf16-le-bom", b"\xff\xfe" + SIMP.encode("utf-16-le"), SIMP, "utf-16"),
    ("utf16-be-bom", b"\xfe\xff" + SIMP.encode("utf-16-be"), SIMP, "utf-16"),
    ("utf16-no-bom", SIMP.encode("utf-16-le"), SIMP, "utf-16-le"),
    ("gb18030", SIMP.encode("gb18030"), SIMP, "gb18030"),
]


@pytest.mark.parametrize("data,text,encoding", [e[1:] for e in ENCODINGS], ids=[e[0] for e in ENCODINGS])
def test_txt_encodings(tmp_path, data, text, encoding):
    path = tmp_path / "notice.txt"
    path.write_bytes(data)
    doc = read(path)
    assert (doc.text, doc.encoding) == (text, encoding)


# ---------------------------------------------------------------- bad input

def _pdf(contents: list[bytes], encrypt: bool = False) -> bytes:
    """A minimal valid PDF, one page per content stream; text uses a predefined CJK CMap font."""
    objs: list[bytes] = []

    def add(body: bytes) -> int:
        objs.append(body)
        return len(objs)

    catalog, pages = add(b""), add(b"")
    desc = add(b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 4 /FontBBox [0 -200 1000 900] "
               b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>")
    cid = add(b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) "
              b"/Ordering (GB1) /Supplement 4 >> /FontDescriptor %d 0 R /DW 1000 >>" % desc)
    font = add(b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
               b"/DescendantFonts [%d 0 R] >>" % cid)
    kids = []
    for c in contents:
        stream = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(c), c))
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R "
                        b">> >> /Contents %d 0 R >>" % (pages, font, stream)))
    objs[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages
    objs[pages - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    trailer_extra = b""
    if encrypt:   # Standard handler, RC4-40, with O/U entries no empty password matches
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


def _text_op(x: float, y: float, s: str, size: int = 10) -> bytes:
    return b"BT /F1 %d Tf %.2f %.2f Td <%s> Tj ET\n" % (size, x, y, s.encode("utf-16-be").hex().encode())


def _docx_with(tmp_path: Path, name: str, replace: dict[str, bytes] | None = None, extra: int = 0) -> Path:
    src = FIXTURES / "fujian_2024_skills_upgrade.docx"
    out = tmp_path / name
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item, (replace or {}).get(item.filename, zin.read(item.filename)))
        for i in range(extra):
            zout.writestr(f"customXml/item{i + 10}.xml", b"<a/>")
    return out


def _ole2(*streams: str) -> bytes:
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    return header + b"".join(s.encode("utf-16-le") + b"\x00" * 20 for s in streams) + b"\x00" * 1024


def _bad_inputs():
    """(id, builder(tmp_path) -> Path, error type, limits) for every bad input `read` must refuse."""
    junk = bytes(range(256)) * 64

    def write(name, data):
        def build(d: Path) -> Path:
            (d / name).write_bytes(data)
            return d / name
        return build

    def fixture_cut(name, frac):
        def build(d: Path) -> Path:
            data = (FIXTURES / name).read_bytes()
            return write(f"truncated_{name}", data[: int(len(data) * frac)])(d)
        return build

    def bomb(d):
        out = d / "bomb.docx"
        shutil.copy(FIXTURES / "fujian_2024_skills_upgrade.docx", out)
        with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as z:
            z.writestr("word/media/zeros.bin", b"\x00" * (11 * 1024 * 1024))
        return out

    xxe = (b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           b"<w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>")
    broken_xml = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>'
    no_main = io.BytesIO()
    with zipfile.ZipFile(no_main, "w") as z:
        z.writestr("hello.txt", "技能人才")
    return [
        ("empty", write("empty.txt", b""), errors.EmptyDocument, None),
        ("whitespace-txt", write("blank.txt", " \n\u3000\n".encode("utf-8")), errors.EmptyDocument, None),
        ("junk-txt", write("junk.txt", junk), errors.CorruptDocument, None),
        ("junk-docx", write("junk.docx", junk), errors.CorruptDocument, None),
        ("junk-pdf", write("junk.pdf", junk), errors.CorruptDocument, None),
        ("truncated-docx", fixture_cut("yingtan_2023_skills_action.docx", 0.5), errors.CorruptDocument, None),
        ("truncated-pdf", fixture_cut("fujian_2024_skills_upgrade.pdf", 0.6), errors.CorruptDocument, None),
        ("encrypted-docx", write("locked.docx", _ole2("EncryptionInfo", "EncryptedPackage")), errors.EncryptedDocument,
         None),
        ("damaged-doc-as-docx", write("old.docx", _ole2("WordDocument", "1Table")), errors.CorruptDocument, None),
        ("encrypted-pdf", write("locked.pdf", _pdf([_text_op(72, 700, "机密")], encrypt=True)), errors.EncryptedDocument,
         None),
        ("scanned-pdf", write("scan.pdf", _pdf([b"", b"0.5 g 72 72 400 600 re f"])), errors.NoTextLayer, None),
        ("unknown-extension", write("notice.xyz", SIMP.encode()), errors.UnsupportedFormat, None),
        ("over-size", write("big.txt", SIMP.encode() * 10), errors.LimitExceeded, Limits(max_bytes=100)),
        ("too-many-pages", lambda d: FIXTURES / "fuding_2023_skills_plan.pdf", errors.LimitExceeded,
         Limits(max_pages=2)),
        ("zip-entries", lambda d: _docx_with(d, "many.docx", extra=20), errors.LimitExceeded,
         Limits(max_zip_entries=20)),
        ("zip-unzipped-bytes", lambda d: FIXTURES / "fujian_2024_skills_upgrade.docx", errors.LimitExceeded,
         Limits(max_unzipped_bytes=10_000)),
        ("zip-bomb-ratio", bomb, errors.LimitExceeded, None),
        ("xxe-docx", lambda d: _docx_with(d, "xxe.docx", {"word/document.xml": xxe}), errors.CorruptDocument, None),
        ("malformed-xml-docx", lambda d: _docx_with(d, "bad.docx", {"word/document.xml": broken_xml}),
         errors.CorruptDocument, None),
        ("zip-without-document", write("nomain.docx", no_main.getvalue()), errors.CorruptDocument, None),
    ]


BAD = _bad_inputs()


@needs_fixtures
@pytest.mark.parametrize("build,error,limits", [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_input_is_one_typed_line(tmp_path, build, error, limits):
    path = build(tmp_path)
    with pytest.raises(errors.ZhengceError) as info:
        read(path, limits or DEFAULT_LIMITS)
    err = info.value
    assert type(err) is error, str(err)
    message = str(err)
    assert path.name in message and "\n" not in message
    if error is errors.NoTextLayer:
        assert "no text layer; OCR is needed" in message


def test_xxe_entity_is_never_resolved(tmp_path):
    # the check refuses before any parser runs; this also holds without the shared fixtures
    out = tmp_path / "x.docx"
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("word/document.xml", '<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY a "b">]><d/>')
    with pytest.raises(errors.CorruptDocument, match="DTD/entities; refused for safety"):
        read(out)


# ---------------------------------------------------------------- docx structure

def test_docx_merges_nested_tables_and_text_boxes(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("一、总体要求")
    t = d.add_table(rows=3, cols=3)
    for r in range(3):
        for c in range(3):
            t.cell(r, c).text = f"r{r}c{c}"
    t.cell(0, 0).merge(t.cell(0, 1)).text = "合并横向"
    t.cell(1, 2).merge(t.cell(2, 2)).text = "合并纵向"
    inner = t.cell(2, 0).add_table(rows=1, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "内表甲", "内表乙"
    d.add_paragraph("二、保障措施")
    path = tmp_path / "merged.docx"
    d.save(path)
    doc = read(path)
    (table,) = _tables(doc)
    assert table.rows[0] == ("合并横向", "r0c2")
    assert table.rows[1][2] == table.rows[2][2] == "合并纵向"
    assert "内表甲 内表乙" in table.rows[2][0]
    assert _lines(doc.text)[0] == "一、总体要求" and _lines(doc.text)[-1] == "二、保障措施"


# ---------------------------------------------------------------- html

GOV_PAGE = """<!DOCTYPE html><html><head><meta charset="gb2312"><title>关于实施技能行动的意见_鹰潭市人民政府</title>
<style>.x{color:red}</style><script>var share = "分享到 微信"; document.write("扫一扫");</script></head><body>
<div class="header"><a href="/">鹰潭市人民政府</a></div>
<div id="nav"><ul><li><a>首页</a></li><li><a>政务公开</a></li></ul></div>
<div class="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 政策文件</div>
<table class="xxgk"><tr><td>索 引 号：</td><td>YT0011/2023-07989</td><td>发文机关：</td><td>市人社局</td></tr>
<tr><td>文　　号：</td><td>鹰办发〔2022〕22号</td><td>成文日期：</td><td>2023-02-13</td></tr></table>
<h1 class="article-title">关于实施“技能鹰潭行动”的意见</h1>
<div class="share-bar">分享到：<a>微信</a><a>微博</a></div>
<div class="tools">【字体：<a>大</a> <a>中</a> <a>小</a>】 【打印本页】 【关闭窗口】</div>
<div id="zoom"><p>　　为深入学习贯彻党的二十大精神，结合我市实际，制定本意见。</p>
<p>　　一、总体要求</p><p>以习近平新时代中国特色社会主义思想为指导，<span>全面加强</span>技能人才队伍建设。</p>
<img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5Er">
<table border="1"><tr><th>序号</th><th>重点任务</th><th>工作要求</th><th>责任部门</th></tr>
<tr><td>1</td><td rowspan="3">培育铜基新材料产业链技能人才</td><td>构建完善评价认定体系。</td><td>市工信局</td></tr>
<tr><td>2</td><td>将“铜+互联网”引入培育过程。</td><td>市科技局</td></tr>
<tr><td>3</td><td>到2025年培养技能人才达到1万人。</td><td>市人社局</td></tr>
<tr><td>4</td><td colspan="2">合计</td><td>市财政局</td></tr></table>
<p>扫一扫在手机打开当前页</p></div>
<div class="footer">主办：鹰潭市人民政府办公室 版权所有</div><div>无障碍浏览</div></body></html>"""

GOV_PAGE_TEXT = """索 引 号：YT0011/2023-07989
发文机关：市人社局
文 号：鹰办发〔2022〕22号
成文日期：2023-02-13
关于实施“技能鹰潭行动”的意见
为深入学习贯彻党的二十大精神，结合我市实际，制定本意见。
一、总体要求
以习近平新时代中国特色社会主义思想为指导，全面加强技能人才队伍建设。
序号 | 重点任务 | 工作要求 | 责任部门 |
1 | 培育铜基新材料产业链技能人才 | 构建完善评价认定体系。 | 市工信局 |
2 | 培育铜基新材料产业链技能人才 | 将“铜+互联网”引入培育过程。 | 市科技局 |
3 | 培育铜基新材料产业链技能人才 | 到2025年培养技能人才达到1万人。 | 市人社局 |
4 | 合计 | 市财政局 |"""


@pytest.mark.parametrize("container", ['<div id="zoom">', "<div>"], ids=["cms-container", "whole-body"])
def test_html_gov_page_keeps_body_drops_chrome(tmp_path, container):
    path = tmp_path / "page.html"
    path.write_bytes(GOV_PAGE.replace('<div id="zoom">', container).encode("gb18030"))
    doc = read(path)
    assert doc.format == "html" and doc.encoding == "gb18030"
    assert doc.text == GOV_PAGE_TEXT
    assert [b.kind for b in doc.blocks][-1] == "table"


def test_html_fragment_saved_as_txt_is_read_as_html(tmp_path):
    path = tmp_path / "notice.txt"
    path.write_text('<p style="text-align:center">\n    关于印发实施细则的通知\n</p>\n<p>\n    各区县：\n</p>\n'
                    "<p>为动员社会力量参与监督，制定本细则。</p>", encoding="utf-8")
    assert sniff_format(path, path.read_bytes()) == "html"
    assert read(path).text == "关于印发实施细则的通知\n各区县：\n为动员社会力量参与监督，制定本细则。"


def test_html_huge_inline_blob_is_cheap(tmp_path):
    import time

    blob = '<img src="data:image/png;base64,' + "A" * (24 * 1024 * 1024) + '">'
    script = '<script>var d="' + "B" * (8 * 1024 * 1024) + '";</script>'
    path = tmp_path / "big.html"
    path.write_text(GOV_PAGE.replace("<p>扫一扫", blob + script + "<p>扫一扫"), encoding="utf-8")
    start = time.perf_counter()
    doc = read(path)
    assert time.perf_counter() - start < 10
    assert doc.text == GOV_PAGE_TEXT


# ---------------------------------------------------------------- pdf layout on a synthetic gov-style PDF

PARAGRAPHS = [
    "为深入学习贯彻党的二十大精神，认真落实习近平总书记关于技能人才工作的重要指示精神，全面加强新时代技能人才队伍建设，"
    "助推高质量跨越式发展，结合我市实际，制定本意见。",
    "一、总体要求",
    "立足构建完善全链全域全周期技能人才建设体系，着力打造技能人才高度集聚技能要素高度整合的发展生态。推动技能人才成为经济"
    "转型升级产业结构优化企业创新发展的关键要素和有力支撑，助推主攻工业招大引强全面落地，争创新时代技能江西第一等工作。"
    "到二〇二五年，培育从事技能工作的劳动者总量翻一番，其中高技能人才占比达到四成以上，职业技能培训规模持续扩大。",
    "二、保障措施",
    "各地各部门要充分认识加强技能人才队伍建设的重要意义。",
]


def _layout_pdf() -> bytes:
    """Two-character first-line indents, 45 characters a line, a running header and '- n -' page numbers."""
    lines = []
    for para in PARAGRAPHS:
        first, rest = para[:43], para[43:]
        lines.append((92.0, first))
        lines.extend((72.0, rest[i:i + 45]) for i in range(0, len(rest), 45))
    per_page, pages = 4, []
    for n, start in enumerate(range(0, len(lines), per_page), 1):
        ops = [_text_op(250, 800, "鹰潭市人民政府文件"), _text_op(280, 40, f"- {n} -")]
        ops += [_text_op(x, 760 - 20 * i, s) for i, (x, s) in enumerate(lines[start:start + per_page])]
        pages.append(b"".join(ops))
    return _pdf(pages)


def test_pdf_drops_running_header_and_page_numbers_and_rejoins_wraps(tmp_path):
    path = tmp_path / "layout.pdf"
    path.write_bytes(_layout_pdf())
    doc = read(path)
    assert doc.pages >= 3
    assert _lines(doc.text) == PARAGRAPHS


@pytest.mark.parametrize("text,expected", [("- 3 -", True), ("第3页", True), ("3/10", True), ("— 12 —", True),
                                           ("第 2 页 共 9 页", True), ("12", True), ("一、总体要求", False),
                                           ("2025年", False)],
                         ids=["dashes", "di-ye", "slash", "em-dash", "di-gong", "bare", "heading", "year"])
def test_is_page_number(text, expected):
    from extractor.readers._pdflayout import is_page_number

    assert is_page_number(text) is expected


# ---------------------------------------------------------------- hygiene

def test_importing_readers_loads_no_parsing_library():
    code = ("import sys, extractor.readers; "
            "print(','.join(m for m in ('docx', 'pdfplumber', 'pypdfium2', 'bs4', 'lxml') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


@pytest.mark.parametrize("module", ["txt", "html", "_pdflayout", "__init__"], ids=["txt", "html", "pdflayout", "init"])
def test_doctests(module):
    import importlib

    name = "extractor.readers" if module == "__init__" else f"extractor.readers.{module}"
    result = doctest.testmod(importlib.import_module(name))
    assert result.failed == 0 and result.attempted >= 1


def test_single_page_keeps_its_edge_lines():
    from extractor.readers._pdflayout import Line, Page, drop_running_lines

    page = Page(595, 842, [Line("鹰潭市人民政府文件", 72, 300, 40, 50, 10), Line("正文第一行。", 72, 200, 120, 130, 10),
                           Line("- 1 -", 280, 320, 800, 810, 10)])
    assert drop_running_lines([page]) == 1
    assert [ln.text for ln in page.items] == ["鹰潭市人民政府文件", "正文第一行。"]
