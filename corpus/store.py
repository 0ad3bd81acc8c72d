"""The corpus on disk: atomic writes, and the analysis tables built from the notice JSON files.

Layout of an output folder::

    OUT/notices/<id>.json      one notice each (extractor.jsonio.notice_to_json) — the source of truth
    OUT/tables/<t>.parquet     t in TABLES + files, errors
    OUT/tables/<t>.csv         the same, UTF-8 with a BOM (so Excel shows the Chinese)
    OUT/corpus.duckdb          the same tables, with indexes, for `zhengce query` and duckdb users
    OUT/errors.csv             files that failed: path, stage, message
    OUT/manifest.sqlite        the batch journal (corpus.manifest)

The tables are always rebuilt from the JSON files (never edited in place), streaming in chunks so
memory does not grow with the corpus; each output file is written beside its final name, fsynced
and renamed over it (`atomic_write`), so a reader sees the old file or the new one, never half.

Why DuckDB for the embedded database: the questions asked of a corpus are analytical (filter,
join and group hundreds of thousands of amounts by region), which a columnar engine answers fast;
it reads the Parquet files directly, hands results to pandas (`.df()`), and is one pip package
with no server. SQLite is kept for the manifest, which needs small transactional row updates.

List-valued fields become strings joinable in SQL: `per` is "人,年", `issuer` "a,b", `section`
the heading path joined by " > ". Spans become `span_start`/`span_end`.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Iterable, Iterator

TABLES = ("notices", "measures", "responsibilities", "amounts", "targets", "deadlines")
EXTRA_TABLES = ("files", "errors")
DB_NAME = "corpus.duckdb"
TMP_MARK = ".tmp-"

_S, _I, _F, _B = "string", "int64", "float64", "bool"
_FACT = [("notice_id", _S), ("measure_id", _S), ("text", _S)]
_SPAN = [("section", _S), ("span_start", _I), ("span_end", _I)]
COLUMNS: dict[str, list[tuple[str, str]]] = {
    "notices": [("notice_id", _S), ("path", _S), ("format", _S), ("encoding", _S), ("sha256", _S), ("pages", _I),
                ("title", _S), ("policy_title", _S), ("doc_number", _S), ("issuer", _S), ("date", _S),
                ("validity", _S), ("province", _S), ("city", _S), ("county", _S), ("status", _S), ("warnings", _S),
                ("n_measures", _I), ("n_amounts", _I), ("n_targets", _I), ("n_deadlines", _I),
                ("schema_version", _S)],
    "measures": [("notice_id", _S), ("measure_id", _S), ("number", _S), ("title", _S), ("text", _S),
                 ("section", _S), ("source", _S), ("deadline", _S), ("n_units", _I), ("span_start", _I),
                 ("span_end", _I)],
    "responsibilities": [("notice_id", _S), ("measure_id", _S), ("name", _S), ("role", _S), ("canonical", _S),
                         ("function", _S), ("level", _S), ("source", _S), ("inherited", _B), ("span_start", _I),
                         ("span_end", _I)],
    "amounts": _FACT + [("value", _F), ("bound", _S), ("per", _S), ("currency_text", _S), ("range_id", _I)] + _SPAN,
    "targets": _FACT + [("value", _F), ("unit", _S), ("year", _I), ("indicator", _S)] + _SPAN,
    "deadlines": _FACT + [("date", _S), ("kind", _S)] + _SPAN,
    "files": [("path", _S), ("notice_id", _S), ("sha256", _S), ("status", _S), ("stage", _S), ("message", _S),
              ("size", _I), ("version", _S), ("seconds", _F)],
    "errors": [("path", _S), ("stage", _S), ("message", _S), ("sha256", _S)],
}
INDEXES = {"notices": [("notice_id",), ("province", "city")], "measures": [("notice_id", "measure_id")],
           "responsibilities": [("notice_id", "measure_id"), ("canonical",)],
           "amounts": [("notice_id", "measure_id")], "targets": [("notice_id", "measure_id")],
           "deadlines": [("notice_id", "measure_id")], "files": [("notice_id",)]}


# ---------------------------------------------------------------- atomic files

def tmp_path(path: Path) -> Path:
    """Where `path` is written before it is renamed into place (same folder, so the rename is atomic)."""
    return path.with_name(f".{path.name}{TMP_MARK}{os.getpid()}")


def atomic_write(path: Path, data: bytes | str) -> None:
    """Write `data` to `path` so that readers and crashes see the old content or the new, never a part."""
    path = Path(path)
    tmp = tmp_path(path)
    with open(tmp, "wb") as fh:
        fh.write(data.encode("utf-8") if isinstance(data, str) else data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def commit_file(tmp: Path, path: Path) -> None:
    """fsync a finished temp file and rename it over `path`."""
    fd = os.open(tmp, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)


def fsync_dir(folder: Path) -> None:
    """Make renames in `folder` durable."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_stale_temps(folder: Path) -> int:
    """Delete temp files a killed run left in `folder`; how many."""
    n = 0
    for p in Path(folder).glob(f".*{TMP_MARK}*"):
        p.unlink(missing_ok=True)
        n += 1
    return n


# ---------------------------------------------------------------- rows

def _join(xs: Iterable[Any] | None, sep: str = ",") -> str | None:
    xs = [str(x) for x in (xs or ())]
    return sep.join(xs) if xs else None


def _span(d: dict) -> dict:
    s = d.get("span") or (None, None)
    return {"span_start": s[0], "span_end": s[1]}


def _fact(nid: str, f: dict, **kw: Any) -> dict:
    return {"notice_id": nid, "measure_id": f.get("measure"), "text": f.get("text"),
            "section": _join(f.get("section"), " > "), **_span(f), **kw}


def notice_rows(d: dict) -> dict[str, list[dict]]:
    """One notice (its JSON dict) as rows of each table.

    >>> d = {"id": "ab12", "source": {"path": "a.txt", "format": "txt"}, "meta": {"region": {"city": "鹰潭市"}},
    ...      "measures": [], "amounts": [{"text": "每人每年5000元", "span": [3, 12], "value": 5000, "bound": "max",
    ...      "per": ["人", "年"], "section": ["一、补贴"], "measure": "m1"}]}
    >>> r = notice_rows(d)
    >>> r["notices"][0]["city"], r["amounts"][0]["per"], r["amounts"][0]["measure_id"]
    ('鹰潭市', '人,年', 'm1')
    """
    nid = d["id"]
    src, meta = d.get("source") or {}, d.get("meta") or {}
    region = meta.get("region") or {}
    measures = d.get("measures") or []
    rows: dict[str, list[dict]] = {t: [] for t in TABLES}
    rows["notices"].append({
        "notice_id": nid, "path": src.get("path"), "format": src.get("format"), "encoding": src.get("encoding"),
        "sha256": src.get("sha256"), "pages": src.get("pages"), "title": meta.get("title"),
        "policy_title": meta.get("policy_title"), "doc_number": meta.get("doc_number"),
        "issuer": _join(meta.get("issuer")), "date": meta.get("date"), "validity": meta.get("validity"),
        "province": region.get("province"), "city": region.get("city"), "county": region.get("county"),
        "status": d.get("status"), "warnings": _join(d.get("warnings"), "; "), "n_measures": len(measures),
        "n_amounts": len(d.get("amounts") or ()), "n_targets": len(d.get("targets") or ()),
        "n_deadlines": len(d.get("deadlines") or ()), "schema_version": d.get("schema_version")})
    for m in measures:
        units = m.get("units") or []
        rows["measures"].append({
            "notice_id": nid, "measure_id": m.get("id"), "number": m.get("number"), "title": m.get("title"),
            "text": m.get("text"), "section": _join(m.get("section"), " > "), "source": m.get("source"),
            "deadline": m.get("deadline"), "n_units": len(units), **_span(m)})
        for u in units:
            rows["responsibilities"].append({
                "notice_id": nid, "measure_id": m.get("id"), "name": u.get("name"), "role": u.get("role"),
                "canonical": u.get("canonical"), "function": u.get("function"), "level": u.get("level"),
                "source": u.get("source"), "inherited": u.get("inherited"), **_span(u)})
    for a in d.get("amounts") or ():
        rows["amounts"].append(_fact(nid, a, value=a.get("value"), bound=a.get("bound"), per=_join(a.get("per")),
                                     currency_text=a.get("currency_text"), range_id=a.get("range_id")))
    for t in d.get("targets") or ():
        rows["targets"].append(_fact(nid, t, value=t.get("value"), unit=t.get("unit"), year=t.get("year"),
                                     indicator=t.get("indicator")))
    for x in d.get("deadlines") or ():
        rows["deadlines"].append(_fact(nid, x, date=x.get("date"), kind=x.get("kind")))
    return rows


# ---------------------------------------------------------------- tables

def schema(table: str):
    import pyarrow as pa

    return pa.schema([(name, pa.type_for_alias(t)) for name, t in COLUMNS[table]])


class _TableWriter:
    """Streams record batches of one table to Parquet and CSV temp files."""

    def __init__(self, folder: Path, table: str):
        import pyarrow.csv as pcsv
        import pyarrow.parquet as pq

        self.schema = schema(table)
        self.final = [folder / f"{table}.parquet", folder / f"{table}.csv"]
        self.tmps = [tmp_path(p) for p in self.final]
        self.pq = pq.ParquetWriter(self.tmps[0], self.schema, compression="zstd")
        self.csv_fh = open(self.tmps[1], "wb")
        self.csv_fh.write(b"\xef\xbb\xbf")
        self.csv = pcsv.CSVWriter(self.csv_fh, self.schema)
        self.rows = 0

    def write(self, rows: list[dict]) -> None:
        import pyarrow as pa

        if rows:
            t = pa.Table.from_pylist(rows, schema=self.schema)
            self.pq.write_table(t)
            self.csv.write_table(t)
            self.rows += len(rows)

    def close(self) -> None:
        self.pq.close()
        self.csv.close()
        self.csv_fh.close()

    def commit(self) -> None:
        for tmp, final in zip(self.tmps, self.final):
            commit_file(tmp, final)


def iter_notice_dicts(out: Path) -> Iterator[dict]:
    """Every notice JSON of the corpus, parsed, in notice-id order."""
    for p in notice_paths(out):
        yield json.loads(p.read_text(encoding="utf-8"))


def notice_paths(out: Path) -> list[Path]:
    return sorted((Path(out) / "notices").glob("*.json"))


def _row_chunks(out: Path, chunk: int) -> Iterator[dict[str, list[dict]]]:
    acc: dict[str, list[dict]] = {t: [] for t in TABLES}
    for i, p in enumerate(notice_paths(out), 1):
        for t, rows in notice_rows(json.loads(p.read_text(encoding="utf-8"))).items():
            acc[t].extend(rows)
        if i % chunk == 0:
            yield acc
            acc = {t: [] for t in TABLES}
    yield acc


def build_tables(out: Path, files: list[dict], errors: list[dict], chunk: int = 100) -> dict[str, int]:
    """(Re)build every table from the notice JSON files (plus the `files`/`errors` rows given); row counts.

    Writes `OUT/tables/*.parquet|csv`, `OUT/errors.csv` and `OUT/corpus.duckdb`, each atomically.
    Rows are written in notice-id order, `chunk` notices at a time, so memory does not grow with the corpus.
    """
    out = Path(out)
    folder = out / "tables"
    folder.mkdir(exist_ok=True)
    remove_stale_temps(folder)
    writers = {t: _TableWriter(folder, t) for t in TABLES + EXTRA_TABLES}
    try:
        for acc in _row_chunks(out, chunk):
            for t in TABLES:
                writers[t].write(acc[t])
        writers["files"].write(files)
        writers["errors"].write(errors)
    finally:
        for w in writers.values():
            w.close()
    for w in writers.values():
        w.commit()
    atomic_write(out / "errors.csv", (folder / "errors.csv").read_bytes())
    _build_duckdb(out, folder)
    fsync_dir(folder)
    fsync_dir(out)
    return {t: w.rows for t, w in writers.items()}


def _build_duckdb(out: Path, folder: Path) -> None:
    import duckdb

    final = out / DB_NAME
    tmp = tmp_path(final)
    tmp.unlink(missing_ok=True)
    con = duckdb.connect(str(tmp), config={"memory_limit": "1GB"})
    try:
        for t in TABLES + EXTRA_TABLES:
            src = str(folder / f"{t}.parquet").replace("'", "''")
            con.execute(f"CREATE TABLE {t} AS SELECT * FROM read_parquet('{src}')")
            for cols in INDEXES.get(t, ()):
                con.execute(f"CREATE INDEX idx_{t}_{'_'.join(cols)} ON {t}({', '.join(cols)})")
        con.execute("CHECKPOINT")
    finally:
        con.close()
    Path(f"{tmp}.wal").unlink(missing_ok=True)
    commit_file(tmp, final)


def load_tables(out: Path) -> dict:
    """The corpus tables as pandas DataFrames, by name (from the Parquet files)."""
    import pandas as pd

    folder = Path(out) / "tables"
    return {t: pd.read_parquet(folder / f"{t}.parquet") for t in TABLES + EXTRA_TABLES}


__all__ = ["COLUMNS", "DB_NAME", "EXTRA_TABLES", "TABLES", "atomic_write", "build_tables", "commit_file",
           "fsync_dir", "iter_notice_dicts", "load_tables", "notice_paths", "notice_rows", "remove_stale_temps",
           "schema",
           "tmp_path"]
