"""Legacy Word 97-2003 .doc files read like their .docx originals.

The .doc files in tests/data/legacy were saved by LibreOffice ("MS Word 97" filter) from the shared
.docx fixtures, so the expected text and table are the .docx reader's output for the same notice.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import olefile
import pytest

from extractor import errors
from extractor.pipeline import parse_file
from extractor.readers import read
from extractor.readers.doc import _build, _Props
from tests.hostile.make_corpus import cfb_bytes

from .conftest import FIXTURES, needs_shared

LEGACY = Path(__file__).parent / "data" / "legacy"
WEIHAI = "weihai_2021_skills_measures"
ANNEX = "yingtan_2023_skills_action.annex_table"


def _squash(s: str) -> str:
    return re.sub(r"\s", "", s)


@needs_shared
def test_doc_text_is_the_docx_text():
    doc, docx = read(LEGACY / f"{WEIHAI}.doc"), read(FIXTURES / f"{WEIHAI}.docx")
    assert doc.format == "doc"
    assert _squash(doc.text) == _squash(docx.text)
    assert "威人社字〔2021〕16号" in doc.text


@needs_shared
def test_doc_notice_has_the_docx_measures_and_units():
    a, b = parse_file(LEGACY / f"{WEIHAI}.doc"), parse_file(FIXTURES / f"{WEIHAI}.docx")
    assert a.meta.doc_number == b.meta.doc_number == "威人社字〔2021〕16号"
    assert [(m.title, [(u.name, u.role) for u in m.units]) for m in a.measures] == \
           [(m.title, [(u.name, u.role) for u in m.units]) for m in b.measures]
    assert [x.value for x in a.amounts] == [x.value for x in b.amounts]


@needs_shared
def test_doc_table_rows_match_the_docx_with_merged_cells_carried_down():
    (table,) = [b.table for b in read(LEGACY / f"{ANNEX}.doc").blocks if b.kind == "table"]
    (expected,) = [b.table for b in read(FIXTURES / f"{ANNEX}.docx").blocks if b.kind == "table"]
    header, *rows = table.rows
    assert header == ("序号", "重点任务", "工作要求", "责任部门")
    assert [r[0] for r in rows] == [str(i) for i in range(1, 41)]
    assert rows[0][1] == rows[1][1] == rows[2][1] == "培育铜基新材料产业链技能人才"   # a vertical merge
    assert table.rows == expected.rows


def test_doc_saved_as_docx_is_read_as_doc(tmp_path):
    renamed = tmp_path / "notice.docx"
    shutil.copy(LEGACY / f"{WEIHAI}.doc", renamed)
    doc = read(renamed)
    assert doc.format == "doc" and "技能兴威" in doc.text


def test_encrypted_doc_is_refused(tmp_path):
    path = tmp_path / "locked.doc"
    shutil.copy(LEGACY / f"{WEIHAI}.doc", path)
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        word = bytearray(ole.openstream("WordDocument").read())
        word[0x0B] |= 0x01                      # fEncrypted (0x0100)
        ole.write_stream("WordDocument", bytes(word))
    with pytest.raises(errors.EncryptedDocument, match="locked.doc: password-protected"):
        read(path)


@pytest.mark.parametrize("name,data,error,words", [
    ("spreadsheet.doc", cfb_bytes({"Workbook": b"\x09\x08" + bytes(200)}), errors.UnsupportedFormat,
     "not a Word document"),
    ("word95.doc", cfb_bytes({"WordDocument": b"\xdc\xa5" + bytes(1000)}), errors.UnsupportedFormat,
     "not a Word 97-2003 document"),
    ("junk.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 8, errors.CorruptDocument, "damaged .doc"),
], ids=["ole2-without-word-stream", "word-6-95", "broken-container"])
def test_bad_doc_is_one_typed_line(tmp_path, name, data, error, words):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(error) as info:
        read(path)
    assert str(info.value).startswith(f"{path}: ") and words in str(info.value) and "\n" not in str(info.value)


def test_truncated_doc_is_one_line(tmp_path):
    path = tmp_path / "cut.doc"
    path.write_bytes((LEGACY / f"{WEIHAI}.doc").read_bytes()[:6000])
    with pytest.raises(errors.ZhengceError) as info:
        read(path)
    assert type(info.value) in (errors.CorruptDocument, errors.EmptyDocument) and "\n" not in str(info.value)


def _chars(s: str):
    return [(ch, i) for i, ch in enumerate(s)]


@pytest.mark.parametrize("raw,text", [
    ("关于印发方案的通知\r一、主要任务\r", "关于印发方案的通知\n一、主要任务"),
    ("详见\x13 HYPERLINK \"http://www.gov.cn\" \x14政府网\x15。\r", "详见政府网。"),
    ("第\x13 PAGE \x141\x15页\r", "第1页"),
    ("开展培训\x0b到2025年\r", "开展培训\n到2025年"),
    ("序号\x07任务\x07\x071\x07开展培训\x07\x07附\r", "序号 | 任务 |\n1 | 开展培训 |\n附"),
], ids=["paragraphs", "hyperlink-field-keeps-its-text", "page-field", "line-break", "table-without-properties"])
def test_text_from_word_characters(raw, text):
    assert _build(_chars(raw), _Props([])).text == text
