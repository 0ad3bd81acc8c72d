"""`zhengce batch`: a folder → corpus; bad files reported, reruns skip, outputs deterministic, OUT mirrors IN."""
from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

import zhengce.cli
from corpus import manifest as mf
from corpus.batch import run_batch
from corpus.engines import Task, run_local
from corpus.query import run_query
from corpus.watch import watch

from .conftest import FIXTURES, SAMPLES, needs_shared

SEEDS = sorted(SAMPLES.glob("*.txt"))


def perturbed_copy(src: Path, dst: Path, i: int) -> None:
    """A copy of `src` whose text (txt) or bytes (docx/pdf) differ by a unique mark, so its content hash is new."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    if src.suffix == ".txt" and "gb18030" not in src.name:
        dst.write_text(src.read_text(encoding="utf-8") + f"\n（测试副本 {i}）\n", encoding="utf-8")
    elif src.suffix == ".docx":
        import zipfile
        shutil.copyfile(src, dst)
        with zipfile.ZipFile(dst, "a") as z:
            z.comment = f"copy {i}".encode()
    else:
        dst.write_bytes(src.read_bytes() + f"\n%copy {i}\n".encode())


def make_corpus(folder: Path, n: int, sources: list[Path] | None = None, start: int = 0) -> list[Path]:
    """`n` distinct notice files made from `sources` (default: the bundled seeds), in sub-folders of 10.

    Copies are numbered from `start`; calls with overlapping numbers make files with the same content.
    """
    sources = sources or SEEDS
    out = []
    for i in range(start, start + n):
        src = sources[i % len(sources)]
        dst = folder / f"g{i // 10:03d}" / f"{src.stem}-{i:05d}{src.suffix}"
        perturbed_copy(src, dst, i)
        out.append(dst)
    return out


@pytest.fixture
def cli(monkeypatch):
    monkeypatch.setattr(zhengce.cli, "COMMAND_MODULES", ("cmd_batch",))
    return zhengce.cli.main


def notice_files(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((out / "notices").glob("*.json"))}


def encrypted_pdf() -> bytes:
    """A one-page PDF under the standard security handler whose user password is not empty."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
            b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -4 >>"]
    out, offs = bytearray(b"%PDF-1.4\n"), []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offs)
    out += (b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 4 0 R /ID [<%s> <%s>] >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objs) + 1, b"ab" * 16, b"ab" * 16, xref))
    return bytes(out)


BAD = {  # name → (bytes maker, words the reason must contain)
    "empty.txt": (lambda: b"", "empty"),
    "junk.txt": (lambda: bytes(range(256)) * 40, "binary"),
    "encrypted.pdf": (encrypted_pdf, "password"),
    "truncated.docx": (lambda: (FIXTURES / "zunyi_2024_skills_action.docx").read_bytes()[:3000], "zip"),
}


@needs_shared
def test_mixed_folder_converts_good_files_and_reports_each_bad_one(tmp_path, cli, capsys):
    src = tmp_path / "in"
    make_corpus(src / "txt", 3)
    (src / "gbk").mkdir()
    gbk_text = (SAMPLES / "weihai_2021_skills_measures.txt").read_text(encoding="utf-8")
    (src / "gbk" / "weihai-gbk.txt").write_bytes(gbk_text.encode("gbk"))
    shutil.copy(FIXTURES / "fujian_2024_skills_upgrade.docx", src / "fujian.docx")
    for name, (make, _) in BAD.items():
        (src / "bad" / name).parent.mkdir(exist_ok=True)
        (src / "bad" / name).write_bytes(make())
    out = tmp_path / "out"
    assert cli(["batch", str(src), "-o", str(out), "-j", "2", "--progress", "log"]) == 1
    err = capsys.readouterr().err
    assert len(notice_files(out)) == 5                      # 3 txt + GBK txt + docx
    paths = {r[0] for r in run_query(out, "SELECT path FROM notices")[1]}
    assert "gbk/weihai-gbk.txt" in paths and "fujian.docx" in paths
    enc = run_query(out, "SELECT encoding FROM notices WHERE path = 'gbk/weihai-gbk.txt'")[1][0][0]
    assert enc and enc.lower().startswith(("gb", "cp936"))
    with open(out / "errors.csv", encoding="utf-8-sig", newline="") as fh:
        errors = {row["path"]: row for row in csv.DictReader(fh)}
    assert set(errors) == {f"bad/{n}" for n in BAD}
    for name, (_, reason) in BAD.items():
        row = errors[f"bad/{name}"]
        assert row["stage"] == "read"
        assert row["message"].startswith(f"bad/{name}: ") and reason in row["message"].lower(), row
        assert "\n" not in row["message"] and "Traceback" not in row["message"]
        assert f"bad/{name}" in err
    db_errors = run_query(out, "SELECT path, stage, message FROM errors ORDER BY path")[1]
    assert [r[0] for r in db_errors] == sorted(errors)


def test_rerun_skips_done_work_and_output_is_identical_across_runs_and_jobs(tmp_path, cli):
    src = tmp_path / "in"
    make_corpus(src, 6)
    a, b = tmp_path / "a", tmp_path / "b"
    assert cli(["batch", str(src), "-o", str(a), "-j", "1"]) == 0
    first = notice_files(a)
    assert len(first) == 6
    rep = run_batch(src, a, jobs=2, progress=False)
    assert (rep.converted, rep.skipped, rep.tables_built) == (0, 6, False)
    assert notice_files(a) == first
    assert cli(["batch", str(src), "-o", str(b), "-j", "2"]) == 0
    assert notice_files(b) == first
    for name, text in first.items():
        d = json.loads(text)
        assert name == f"{d['id']}.json" and not Path(d["source"]["path"]).is_absolute()
    assert (a / "tables" / "measures.csv").read_bytes() == (b / "tables" / "measures.csv").read_bytes()


def test_resume_after_version_change_reconverts(tmp_path, monkeypatch):
    src = tmp_path / "in"
    make_corpus(src, 2)
    run_batch(src, tmp_path / "o", jobs=1, progress=False)
    monkeypatch.setattr("corpus.batch.toolkit_version", lambda: "9.9.9+schema9")
    rep = run_batch(src, tmp_path / "o", jobs=1, progress=False)
    assert rep.converted == 2
    conn = mf.open_manifest(tmp_path / "o")
    assert {r.version for r in mf.all_rows(conn).values()} == {"9.9.9+schema9"}
    conn.close()


def test_same_content_twice_is_one_notice_and_out_mirrors_in(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    files = make_corpus(src, 3)
    shutil.copy(files[0], src / "dup.txt")
    rep = run_batch(src, out, jobs=2, progress=False)
    assert (rep.inputs, rep.converted, rep.notices) == (4, 3, 3)
    cols, rows = run_query(out, "SELECT path, notice_id FROM files ORDER BY path")
    ids = dict(rows)
    assert ids["dup.txt"] == ids[files[0].relative_to(src).as_posix()]
    # the notice records the first path in order, whichever worker finished first
    d = json.loads((out / "notices" / f"{ids['dup.txt']}.json").read_text(encoding="utf-8"))
    assert d["source"]["path"] == "dup.txt"
    # a changed file replaces its notice; a removed one disappears
    old_id = ids[files[1].relative_to(src).as_posix()]
    files[1].write_text(files[1].read_text(encoding="utf-8") + "\n（修订）\n", encoding="utf-8")
    files[2].unlink()
    rep = run_batch(src, out, jobs=2, progress=False)
    assert rep.converted == 1 and rep.notices == 2
    assert not (out / "notices" / f"{old_id}.json").exists()
    assert run_query(out, "SELECT count(*) FROM notices")[1] == [(2,)]


def test_retry_failed_reruns_only_the_failures(tmp_path, cli):
    src, out = tmp_path / "in", tmp_path / "out"
    make_corpus(src, 3)
    (src / "small.txt").write_text("关于开展培训的通知\n一、开展培训。\n", encoding="utf-8")
    assert cli(["batch", str(src), "-o", str(out), "--max-bytes", "1000"]) == 1
    assert run_query(out, "SELECT count(*) FROM errors")[1] == [(3,)]
    assert "over the limit" in run_query(out, "SELECT message FROM errors LIMIT 1")[1][0][0]
    assert cli(["batch", str(src), "-o", str(out), "--max-bytes", "1000"]) == 1    # still failed, not retried
    make_corpus(src / "later", 1, start=100)
    rep = run_batch(src, out, jobs=2, retry_failed=True, progress=False)
    assert (rep.converted, rep.failed_total, rep.notices) == (3, 0, 4)          # not the new file
    assert cli(["batch", str(src), "-o", str(out)]) == 0
    assert len(notice_files(out)) == 5


def test_a_file_over_the_time_limit_is_stopped_and_reported(tmp_path):
    files = make_corpus(tmp_path, 3)
    tasks = [Task(str(f), f.name) for f in files]
    results = list(run_local(tasks, jobs=1, timeout=0.001))
    assert len(results) == 3 and not any(r.ok for r in results)
    assert all("took longer than 0.001 s" in r.message and r.message.startswith(r.rel) for r in results)
    # the pool replaced the killed workers and goes on
    assert all(r.ok for r in run_local(tasks, jobs=2, timeout=60, max_tasks_per_child=1))


def test_watch_picks_up_new_files(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    make_corpus(src, 1)
    reports = []

    def on_pass(rep):
        reports.append(rep)
        if len(reports) == 1:
            make_corpus(src / "new", 2, start=100)

    assert watch(src, out, interval=0.05, settle=0, rounds=3, on_pass=on_pass, jobs=1, progress=False) == 0
    assert [r.converted for r in reports] == [1, 2, 0]
    assert [r.tables_built for r in reports] == [True, True, False]
    assert run_query(out, "SELECT count(*) FROM notices")[1] == [(3,)]


def test_query_command_prints_table_csv_and_json(tmp_path, cli, capsys):
    src, out = tmp_path / "in", tmp_path / "out"
    make_corpus(src, 5)
    assert cli(["batch", str(src), "-o", str(out)]) == 0
    capsys.readouterr()
    sql = ("SELECT n.city, count(*) AS n FROM amounts a JOIN notices n USING (notice_id) "
           "WHERE a.value >= 5000 AND list_contains(string_split(a.per, ','), '人') GROUP BY n.city ORDER BY n.city")
    assert cli(["query", str(out), sql, "--csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "city,n" and len(lines) > 1
    assert cli(["query", str(out), "SELECT notice_id, city FROM notices ORDER BY notice_id", "--json"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert len(rows) == 5 and set(rows[0]) == {"notice_id", "city"}
    assert cli(["query", str(out)]) == 0
    assert "responsibilities" in capsys.readouterr().out
    assert cli(["query", str(out), "SELEKT 1"]) == 2
    assert cli(["query", str(tmp_path / "nowhere"), "SELECT 1"]) == 2


def test_usage_errors(tmp_path, cli, capsys):
    assert cli(["batch", str(tmp_path / "missing"), "-o", str(tmp_path / "o")]) == 2
    assert cli(["batch", str(tmp_path), "-o", str(tmp_path / "o"), "--engine", "dask"]) == 2
    assert "--scheduler" in capsys.readouterr().err


def test_links_out_of_the_input_folder_are_not_followed(tmp_path):
    src, outside = tmp_path / "in", tmp_path / "outside"
    make_corpus(src, 2)
    outside.mkdir()
    secret = outside / "secret.txt"
    secret.write_text((SAMPLES / "fuding_2023_skills_plan.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (src / "link.txt").symlink_to(secret)
    (src / "linked_dir").symlink_to(outside, target_is_directory=True)
    inside = sorted(src.glob("*/*.txt"))[0]
    (src / "inner_link.txt").symlink_to(inside)
    rep = run_batch(src, tmp_path / "out", jobs=1, progress=False)
    assert rep.errors == [("link.txt", "read", "link.txt: a link to a file outside the input folder (not followed)")]
    assert rep.notices == 2 and rep.exit_status == 1
    paths = {r[0] for r in run_query(tmp_path / "out", "SELECT path FROM files WHERE status = 'ok'")[1]}
    assert "inner_link.txt" in paths and not any(p.startswith("linked_dir") for p in paths)
