"""A batch killed with SIGKILL at any moment, then run again, ends with every file converted exactly once."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from corpus.batch import run_batch
from corpus.query import run_query

from .test_batch import make_corpus

N = 40


def start_batch(src: Path, out: Path) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "zhengce.cmd_batch", "batch", str(src), "-o", str(out), "-j", "2",
           "--progress", "log"]
    return subprocess.Popen(cmd, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def kill_group_when(proc: subprocess.Popen, ready, limit: float = 60.0) -> bool:
    """SIGKILL the batch's whole process group (parent, fork server, workers) as soon as `ready()`.

    False if the batch finished first.
    """
    t0 = time.monotonic()
    while not ready():
        if proc.poll() is not None:
            assert proc.returncode == 0, proc.stderr.read().decode()
            return False
        assert time.monotonic() - t0 < limit, "batch made no progress"
        time.sleep(0.005)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    return proc.returncode == -signal.SIGKILL


def json_count(out: Path) -> int:
    return len(list((out / "notices").glob("*.json"))) if (out / "notices").is_dir() else 0


def check_complete(src: Path, out: Path) -> None:
    inputs = sorted(p.relative_to(src).as_posix() for p in src.rglob("*.txt"))
    con = sqlite3.connect(out / "manifest.sqlite")
    rows = con.execute("SELECT path, status, notice_id FROM files ORDER BY path").fetchall()
    con.close()
    assert [r[0] for r in rows] == inputs and {r[1] for r in rows} == {"ok"}
    files = sorted((out / "notices").glob("*.json"))
    assert len(files) == len(inputs) == len({r[2] for r in rows})
    measures = 0
    for f in files:
        d = json.loads(f.read_text(encoding="utf-8"))            # every JSON parses
        assert f.stem == d["id"]
        measures += len(d["measures"])
    leftovers = [p for p in out.rglob("*") if ".tmp-" in p.name or p.name.endswith(".wal")]
    assert leftovers == []
    # the tables agree with the JSON files
    assert sorted(r[0] for r in run_query(out, "SELECT notice_id FROM notices")[1]) == [f.stem for f in files]
    assert run_query(out, "SELECT count(*) FROM measures")[1] == [(measures,)]
    assert run_query(out, "SELECT count(*) FROM files WHERE status = 'ok'")[1] == [(len(inputs),)]


@pytest.mark.parametrize("moment", ["converting", "after-last-json"])
def test_killed_batch_resumes_and_converts_every_file_exactly_once(tmp_path, moment):
    src, out = tmp_path / "in", tmp_path / "out"
    make_corpus(src, N)
    proc = start_batch(src, out)
    if moment == "converting":
        assert kill_group_when(proc, lambda: 5 <= json_count(out))
        assert json_count(out) < N
    else:   # while the tables are being built (or just before); a run that won the race is fine too
        killed = kill_group_when(proc, lambda: json_count(out) == N)
    rep = run_batch(src, out, jobs=2, progress=False)
    assert rep.exit_status == 0
    assert rep.tables_built or (moment != "converting" and not killed)
    assert rep.converted + rep.skipped == N
    check_complete(src, out)
    again = run_batch(src, out, jobs=2, progress=False)          # nothing left to do
    assert (again.converted, again.tables_built) == (0, False)
