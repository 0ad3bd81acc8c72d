"""Writing the 任务分工表: Word (office layout, round trip through the toolkit's reader, LibreOffice), Excel, CSV."""
from __future__ import annotations

import re
import shutil
import subprocess
import zipfile

import pytest

from extractor.taskio import read_tasks, split_names, table_title, write_tasks
from extractor.tasks import HEADERS, UNSPECIFIED, TaskRow, notice_to_tasks

from .conftest import FIXTURES, SAMPLES, needs_shared
from .test_tasks import YT, yingtan_body_text

ROWS = [
    TaskRow("", "一、主要任务", kind="group", level=1),
    TaskRow("1", "培育铜基新材料产业链技能人才", "到2025年,培养技能人才达到1万人。",
            ("贵溪市人民政府", "高新技术产业开发区"), ("市人社局", "市工信局"), "2025年底前", "2025-12-31"),
    TaskRow("2", "培育铜基新材料产业链技能人才", "将“铜+互联网”引入培育过程。",
            ("贵溪市人民政府",), ("市科技局",), "2025年底前"),
    TaskRow("3", "强化经费保障", "落实资金兑现技能人才各项政策。", (), (), "长期坚持", flags=("no_units",)),
    TaskRow("4", "明确行业主管部门责任", "帮助重点企业制定培养计划。",
            ("各县<市、区>人民政府", "新蒲新区管委会"), (), "2024年底前"),
]


@pytest.fixture(scope="module")
def yt_rows():
    from extractor.pipeline import parse_text

    n = parse_text(yingtan_body_text(), name=f"{YT}.body.txt")
    return n, notice_to_tasks(n, per="sentence", group=True)


def _xml(path, part="word/document.xml") -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(part).decode("utf-8")


# ---------------------------------------------------------------- round trips

@pytest.mark.parametrize("ext", ["docx", "xlsx", "csv"])
def test_round_trip(tmp_path, ext):
    p = write_tasks(ROWS, tmp_path / f"分工表.{ext}", title="重点任务分工表")
    back = read_tasks(p)
    assert [r.cells() for r in back] == [r.cells() for r in ROWS]
    assert [(r.kind, r.lead, r.support) for r in back] == [(r.kind, r.lead, r.support) for r in ROWS]


@needs_shared
def test_yingtan_docx_read_back_by_the_toolkit_reader(tmp_path, yt_rows):
    from extractor.readers import read

    notice, rows = yt_rows
    p = write_tasks(rows, tmp_path / "分工表.docx", title=table_title(notice))
    raw = read(p)                                   # the toolkit's own .docx reader
    [table] = [b.table for b in raw.blocks if b.kind == "table"]
    assert table.rows[0] == HEADERS
    assert [tuple(r) for r in table.rows[1:]] == [r.cells()[1:2] if r.kind == "group" else r.cells() for r in rows]
    assert [r.cells() for r in read_tasks(p)] == [r.cells() for r in rows]
    assert "附件" in raw.text.split("\n")[0] and table_title(notice) in raw.text


def _key(r: TaskRow):
    return r.no, r.task, r.requirement, r.lead, r.support, r.deadline


def test_docx_parsed_back_as_a_notice_gives_the_same_rows(tmp_path):
    """The written table, read by the pipeline, is a task table that `tasks` reproduces."""
    from extractor.pipeline import parse_file

    rows = ROWS[1:3]
    p = write_tasks(rows, tmp_path / "分工表.docx", title="重点任务分工表")
    assert [_key(r) for r in notice_to_tasks(parse_file(p))] == [_key(r) for r in rows]


@needs_shared
@pytest.mark.parametrize("case", ["empty-cells", "yingtan-flat", "yingtan-grouped"])
def test_written_docx_parsed_back_as_a_notice(tmp_path, yt_rows, case):
    from extractor.pipeline import parse_file

    notice, _ = yt_rows
    rows = ROWS[1:] if case == "empty-cells" else notice_to_tasks(notice, group=case.endswith("grouped"))
    p = write_tasks(rows, tmp_path / "分工表.docx", title="重点任务分工表")
    assert [_key(r) for r in notice_to_tasks(parse_file(p))] == [_key(r) for r in rows if r.kind == "task"]


def test_split_names_keeps_brackets_whole():
    assert split_names("各县<市、区>人民政府、新蒲新区管委会") == ("各县<市、区>人民政府", "新蒲新区管委会")
    assert split_names(UNSPECIFIED) == ()


# ---------------------------------------------------------------- the Word layout

def test_docx_is_laid_out_as_an_office_files_it(tmp_path):
    p = write_tasks(ROWS, tmp_path / "t.docx", title="重点任务分工表")
    doc = _xml(p)
    assert re.search(r'<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>', doc)   # A4 landscape
    rows = re.findall(r"<w:tr[ >].*?</w:tr>", doc, re.S)
    assert len(rows) == 1 + len(ROWS)
    assert "<w:tblHeader/>" in rows[0] and all("<w:tblHeader/>" not in r for r in rows[1:])
    assert all("<w:cantSplit/>" in r for r in rows)
    assert 'w:eastAsia="仿宋_GB2312"' in doc and 'w:eastAsia="黑体"' in doc and 'w:eastAsia="方正小标宋简体"' in doc
    assert doc.count('<w:vMerge w:val="restart"/>') == 1 and doc.count("<w:vMerge/>") == 1   # rows 1–2 share a task
    assert '<w:gridSpan w:val="6"/>' in doc                                               # the group row
    assert UNSPECIFIED in doc
    footers = [n for n in zipfile.ZipFile(p).namelist() if re.match(r"word/footer\d*\.xml", n)]
    assert any("PAGE" in _xml(p, f) and 'w:fldCharType="begin"' in _xml(p, f) for f in footers)
    fonts = _xml(p, "word/fontTable.xml")
    assert re.search(r'w:name="仿宋_GB2312".*?<w:altName w:val="仿宋"/>', fonts, re.S)


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _has_cjk_font() -> bool:
    """Whether fontconfig knows a font with Chinese glyphs (without one LibreOffice draws every
    character with one fallback glyph, and the PDF's text is not the table's)."""
    fc = shutil.which("fc-list")
    if fc is None:
        return False
    out = subprocess.run([fc, ":lang=zh", "family"], capture_output=True, text=True, timeout=30).stdout
    return bool(out.strip())


@needs_shared
@pytest.mark.skipif(_soffice() is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.skipif(_soffice() is not None and not _has_cjk_font(), reason="no font with Chinese glyphs (fc-list :lang=zh)")
def test_libreoffice_converts_the_docx_to_pdf(tmp_path, yt_rows):
    notice, rows = yt_rows
    p = write_tasks(rows, tmp_path / "fengong.docx", title=table_title(notice))
    res = subprocess.run([_soffice(), "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                          "--convert-to", "pdf", "--outdir", str(tmp_path), str(p)],
                         capture_output=True, text=True, timeout=180)
    pdf = tmp_path / "fengong.pdf"
    assert res.returncode == 0 and pdf.exists(), res.stderr
    from extractor.readers import read

    text = read(pdf).text
    assert "重点任务分工表" in text and "培育铜基新材料产业链技能人才" in text
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
                       check=True, timeout=60)
        [png] = tmp_path.glob("page*.png")
        assert png.stat().st_size > 10_000


# ---------------------------------------------------------------- Excel and CSV

def test_xlsx_sheet_and_pivot_sheet(tmp_path):
    from openpyxl import load_workbook

    p = write_tasks(ROWS, tmp_path / "t.xlsx", title="重点任务分工表")
    wb = load_workbook(p)
    ws, ws2 = wb["分工表"], wb["按单位"]
    assert tuple(c.value for c in ws[2]) == HEADERS
    assert ws.freeze_panes == "A3" and ws.auto_filter.ref == f"A2:F{len(ROWS) + 2}"
    assert ws.cell(4, 3).alignment.wrap_text
    assert ws.column_dimensions["C"].width > ws.column_dimensions["A"].width
    expected = sum(len(r.lead) + len(r.support) for r in ROWS if r.kind == "task")
    assert ws2.max_row - 1 == expected
    assert (ws2.cell(2, 1).value, ws2.cell(2, 2).value, ws2.cell(2, 4).value) == \
           ("贵溪市人民政府", "牵头", "培育铜基新材料产业链技能人才")


def test_csv_has_a_bom_for_excel(tmp_path):
    p = write_tasks(ROWS, tmp_path / "t.csv")
    raw = p.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.decode("utf-8-sig").splitlines()[0] == ",".join(HEADERS)


def test_unknown_extension_names_the_choices(tmp_path):
    from extractor.errors import ZhengceError

    with pytest.raises(ZhengceError, match=r"\.docx, \.xlsx, \.csv"):
        write_tasks(ROWS, tmp_path / "t.pdf")


# ---------------------------------------------------------------- the command

@pytest.fixture
def cli(monkeypatch):
    import zhengce.cli

    monkeypatch.setattr(zhengce.cli, "COMMAND_MODULES", ("cmd_tasks",))
    return zhengce.cli.main


@needs_shared
@pytest.mark.parametrize("src,ext", [(f"{YT}.annex_table.docx", "docx"), (f"{YT}.pdf", "xlsx"),
                                     ("zunyi_2024_skills_action.pdf", "csv"), ("fuding_2023_skills_plan.docx", "docx")],
                         ids=["docx-to-docx", "pdf-to-xlsx", "pdf-to-csv", "docx-to-docx-fuding"])
def test_tasks_command_writes_each_format(cli, tmp_path, capsys, src, ext):
    out = tmp_path / f"分工表.{ext}"
    assert cli(["tasks", str(FIXTURES / src), "-o", str(out)]) == 0
    rows = read_tasks(out)
    assert rows and rows[0].task
    assert f"tasks written to {out}" in capsys.readouterr().err


def test_tasks_command_without_markers_warns_but_succeeds(cli, tmp_path, capsys):
    src = tmp_path / "notice.txt"
    src.write_text("关于做好技能培训工作的通知\n一、主要任务\n1.开展职业技能培训。聚焦重点产业开展培训。\n",
                   encoding="utf-8")
    out = tmp_path / "t.csv"
    assert cli(["tasks", str(src), "-o", str(out), "--group"]) == 0
    assert f"{src}: warning: 1 of 1 tasks name no responsible body" in capsys.readouterr().err
    assert [r.lead_text for r in read_tasks(out) if r.kind == "task"] == [UNSPECIFIED]


def test_tasks_command_errors(cli, tmp_path, capsys):
    assert cli(["tasks", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "t.docx")]) == 1
    assert capsys.readouterr().err.strip() == f"{tmp_path / 'missing.txt'}: no such file"
    assert cli(["tasks", str(SAMPLES / f"{YT}.txt"), "-o", str(tmp_path / "t.pdf")]) == 2
    assert ".docx, .xlsx, .csv" in capsys.readouterr().err


def test_tasks_command_csv_to_stdout(cli, capsys):
    assert cli(["tasks", str(SAMPLES / "fujian_2024_skills_upgrade.txt"), "--per", "sentence",
                "--names", "canonical"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == ",".join(HEADERS) and len(lines) > 7
