"""The Dask engine writes the same notice JSON, byte for byte, as the local pool."""
from __future__ import annotations

import shutil

import pytest

import zhengce.cli
from corpus.query import run_query

from .conftest import FIXTURES, needs_shared
from .test_batch import BAD, make_corpus, notice_files

distributed = pytest.importorskip("distributed", reason="dask.distributed is not installed: pip install 'zhengce[dask]'")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None,
                                  host="127.0.0.1") as c:
        yield c


@needs_shared
def test_dask_output_is_byte_identical_to_local(tmp_path, cluster, monkeypatch):
    monkeypatch.setattr(zhengce.cli, "COMMAND_MODULES", ("cmd_batch",))
    src = tmp_path / "in"
    make_corpus(src, 5)
    shutil.copy(FIXTURES / "weihai_2021_skills_measures.docx", src / "weihai.docx")
    make, _ = BAD["empty.txt"]
    (src / "empty.txt").write_bytes(make())
    local, remote = tmp_path / "local", tmp_path / "dask"
    assert zhengce.cli.main(["batch", str(src), "-o", str(local), "-j", "2"]) == 1
    assert zhengce.cli.main(["batch", str(src), "-o", str(remote), "--engine", "dask",
                             "--scheduler", cluster.scheduler_address]) == 1
    a, b = notice_files(local), notice_files(remote)
    assert len(a) == 6 and a == b
    for t in ("notices", "measures", "amounts", "errors"):
        assert (local / "tables" / f"{t}.csv").read_bytes() == (remote / "tables" / f"{t}.csv").read_bytes(), t
    assert run_query(remote, "SELECT path, stage FROM errors")[1] == [("empty.txt", "read")]
    # a rerun on the cluster has nothing to do
    assert zhengce.cli.main(["batch", str(src), "-o", str(remote), "--engine", "dask",
                             "--scheduler", cluster.scheduler_address]) == 1
    assert notice_files(remote) == b
