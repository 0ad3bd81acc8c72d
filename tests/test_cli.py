"""The `zhengce` command: output files, exit codes, one-line errors."""
from __future__ import annotations

import json
import zipfile

import pytest

from zhengce.cli import main

from .conftest import FIXTURES, SAMPLES, needs_shared


def test_parse_one_file_to_json(tmp_path):
    out = tmp_path / "n.json"
    assert main(["parse", str(SAMPLES / "weihai_2021_skills_measures.txt"), "-o", str(out)]) == 0
    d = json.loads(out.read_text(encoding="utf-8"))
    assert d["meta"]["doc_number"] == "威人社字〔2021〕16号"
    assert d["schema_version"]
    assert d["measures"] and all("span" in m for m in d["measures"])


def test_parse_folder_writes_one_json_per_notice(tmp_path, capsys):
    assert main(["parse", str(SAMPLES), "-o", str(tmp_path / "out"), "--pretty"]) == 0
    names = sorted(p.name for p in (tmp_path / "out").glob("*.json"))
    assert names == sorted(p.stem + ".json" for p in SAMPLES.glob("*.txt"))
    assert "鹰办发" in capsys.readouterr().out


@pytest.mark.parametrize("name,content,reason", [
    ("empty.txt", b"", "empty file"),
    ("junk.txt", bytes(range(256)) * 40, "binary"),
    ("notice.xyz", "一、总体要求".encode(), "unknown file type"),
], ids=["empty", "binary-junk", "unknown-extension"])
def test_bad_input_is_one_line_and_nonzero(tmp_path, capsys, name, content, reason):
    f = tmp_path / name
    f.write_bytes(content)
    assert main(["parse", str(f), "-o", str(tmp_path / "x.json")]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert name in err and reason in err
    assert "Traceback" not in err
    assert not (tmp_path / "x.json").exists()


def test_a_bad_file_does_not_stop_the_others(tmp_path, capsys):
    bad = tmp_path / "in" / "bad.txt"
    bad.parent.mkdir()
    bad.write_bytes(b"")
    (tmp_path / "in" / "good.txt").write_text((SAMPLES / "fuding_2023_skills_plan.txt").read_text(encoding="utf-8"),
                                              encoding="utf-8")
    assert main(["parse", str(tmp_path / "in"), "-o", str(tmp_path / "out")]) == 1
    assert (tmp_path / "out" / "good.json").exists()
    assert "bad.txt: empty file" in capsys.readouterr().err


def test_size_limit_flag(tmp_path, capsys):
    assert main(["parse", str(SAMPLES / "fuding_2023_skills_plan.txt"), "--max-bytes", "100"]) == 1
    assert "over the limit" in capsys.readouterr().err


@needs_shared
def test_zip_entries_limit_flag(tmp_path, capsys):
    docx = FIXTURES / "weihai_2021_skills_measures.docx"
    with zipfile.ZipFile(docx) as z:
        entries = len(z.infolist())
    assert main(["parse", str(docx), "--max-zip-entries", str(entries - 1)]) == 1
    err = capsys.readouterr().err
    assert f"{entries} zip entries, over the limit of {entries - 1}" in err and "--max-zip-entries" in err
    assert main(["parse", str(docx), "--max-zip-entries", str(entries), "-o", str(tmp_path / "w.json")]) == 0
