"""The corpus store: rows from notice dicts, tables (Parquet, CSV, DuckDB), atomic writes, the manifest."""
from __future__ import annotations

import json

import duckdb
import pandas as pd
import pytest

from corpus import manifest as mf
from corpus.store import (COLUMNS, EXTRA_TABLES, TABLES, atomic_write, build_tables, load_tables, notice_rows,
                          remove_stale_temps, tmp_path as tmp_name)

NOTICE = {
    "id": "0123456789abcdef", "schema_version": "1.0", "status": "ok", "warnings": [],
    "source": {"path": "sub/鹰潭.txt", "format": "txt", "encoding": "utf-8", "sha256": "0123456789abcdef" + "0" * 48},
    "meta": {"title": "关于实施技能行动的意见", "issuer": ["中共鹰潭市委办公室", "鹰潭市人民政府办公室"], "date": "2023-02-13",
             "region": {"province": "江西省", "city": "鹰潭市", "county": None}},
    "measures": [{"id": "m1", "number": "1.", "title": "开展培训", "text": "开展培训。", "span": [10, 20],
                  "section": ["一、主要任务"], "source": "body", "deadline": "2025-12-31",
                  "units": [{"name": "市人社局", "role": "lead", "span": [15, 19], "canonical": "鹰潭市人力资源和社会保障局",
                             "function": "人社", "level": "市", "source": "marker", "inherited": False}]}],
    "amounts": [{"text": "每人每年6000元", "span": [30, 39], "value": 6000, "bound": "max", "per": ["人", "年"],
                 "currency_text": "元", "range_id": None, "section": ["一、主要任务", "(一)补贴"], "measure": "m1"}],
    "targets": [{"text": "培训1万人次", "span": [40, 46], "value": 10000, "unit": "人次", "year": 2025, "measure": None,
                 "section": []}],
    "deadlines": [{"text": "2025年底前", "span": [50, 57], "date": "2025-12-31", "kind": "deadline", "measure": "m1",
                   "section": []}],
}


def write_notices(out, dicts):
    (out / "notices").mkdir(parents=True, exist_ok=True)
    for d in dicts:
        (out / "notices" / f"{d['id']}.json").write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")


def test_notice_rows_flatten_every_table():
    rows = notice_rows(NOTICE)
    assert set(rows) == set(TABLES)
    for t, rs in rows.items():
        assert rs, t
        assert all(set(r) <= {c for c, _ in COLUMNS[t]} for r in rs), t
    n = rows["notices"][0]
    assert (n["province"], n["city"], n["issuer"], n["n_measures"]) == ("江西省", "鹰潭市",
                                                                        "中共鹰潭市委办公室,鹰潭市人民政府办公室", 1)
    a = rows["amounts"][0]
    assert (a["per"], a["notice_id"], a["measure_id"], a["section"]) == ("人,年", NOTICE["id"], "m1",
                                                                         "一、主要任务 > (一)补贴")
    assert rows["responsibilities"][0]["canonical"] == "鹰潭市人力资源和社会保障局"


def test_notice_rows_tolerate_missing_fields():
    rows = notice_rows({"id": "x"})
    assert rows["notices"][0]["n_measures"] == 0 and rows["amounts"] == []


def test_tables_in_parquet_csv_and_duckdb_agree(tmp_path):
    other = dict(NOTICE, id="fedcba9876543210", amounts=[], meta={"region": {"city": "威海市"}})
    write_notices(tmp_path, [NOTICE, other])
    files = [{"path": "a.txt", "notice_id": NOTICE["id"], "status": "ok"}, {"path": "bad.pdf", "status": "failed"}]
    errors = [{"path": "bad.pdf", "stage": "read", "message": "bad.pdf: password-protected (encrypted) PDF"}]
    counts = build_tables(tmp_path, files, errors, chunk=1)
    assert counts["notices"] == 2 and counts["amounts"] == 1 and counts["errors"] == 1
    dfs = load_tables(tmp_path)
    con = duckdb.connect(str(tmp_path / "corpus.duckdb"), read_only=True)
    for t in TABLES + EXTRA_TABLES:
        csv_df = pd.read_csv(tmp_path / "tables" / f"{t}.csv", dtype=str, keep_default_na=False)
        assert list(csv_df.columns) == [c for c, _ in COLUMNS[t]], t        # the BOM does not leak into a name
        assert len(csv_df) == len(dfs[t]) == con.execute(f"SELECT count(*) FROM {t}").fetchone()[0], t
    assert duckdb.sql(f"SELECT count(*) FROM read_csv('{tmp_path}/tables/notices.csv')").fetchall() == [(2,)]
    q = ("SELECT n.city, a.value FROM amounts a JOIN notices n USING (notice_id) "
         "WHERE a.value > 5000 AND list_contains(string_split(a.per, ','), '人')")
    assert con.execute(q).fetchall() == [("鹰潭市", 6000.0)]
    assert con.execute("SELECT count(*) FROM duckdb_indexes()").fetchone()[0] >= 6
    assert (tmp_path / "errors.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    con.close()


def test_empty_corpus_still_has_every_table_and_column(tmp_path):
    write_notices(tmp_path, [])
    build_tables(tmp_path, [], [])
    con = duckdb.connect(str(tmp_path / "corpus.duckdb"), read_only=True)
    for t in TABLES + EXTRA_TABLES:
        cols = [r[0] for r in con.execute(f"DESCRIBE {t}").fetchall()]
        assert cols == [c for c, _ in COLUMNS[t]]
    con.close()


def test_atomic_write_leaves_no_temp_and_stale_temps_are_removed(tmp_path):
    target = tmp_path / "n.json"
    atomic_write(target, "{}\n")
    atomic_write(target, '{"a": 1}\n')
    assert target.read_text() == '{"a": 1}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["n.json"]
    tmp_name(target).write_text("half")                    # as a killed run leaves it
    assert remove_stale_temps(tmp_path) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["n.json"]


def test_manifest_records_and_bumps_generation(tmp_path):
    conn = mf.open_manifest(tmp_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    g0 = mf.generation(conn)
    mf.record(conn, [mf.FileRow("a.txt", 10, 1, "ab" * 32, "ab" * 8, "v1", "ok"),
                     mf.FileRow("b.pdf", 10, 1, "cd" * 32, None, "v1", "failed", "read", "b.pdf: bad")])
    assert mf.generation(conn) == g0 + 1
    assert mf.done_notice(conn, "ab" * 8, "v1") and not mf.done_notice(conn, "ab" * 8, "v2")
    assert [r.path for r in mf.failed_rows(conn)] == ["b.pdf"]
    assert mf.live_notice_ids(conn) == {"ab" * 8}
    assert mf.forget(conn, ["a.txt"]) == 1 and mf.live_notice_ids(conn) == set()
    conn.close()


@pytest.mark.parametrize("bad", ["nonsense", ""], ids=["unknown-engine", "empty-engine"])
def test_unknown_engine_names_the_choices(tmp_path, bad):
    from corpus.batch import run_batch
    from .test_batch import make_corpus

    make_corpus(tmp_path / "in", 1)
    with pytest.raises(ValueError, match="local, dask"):
        run_batch(tmp_path / "in", tmp_path / "out", engine=bad)
