"""The batch journal: `OUT/manifest.sqlite`, one row per input file (path relative to the input folder).

A row says what the file was when it was last converted (size, mtime, SHA-256), which notice it
gave (`notice_id`, the first 16 hex digits of the hash), with which toolkit `version`, and whether
it worked (`status` ok/failed, with the failing `stage` and one-line `message`). A file whose size
and mtime are unchanged is not hashed again; one whose content hash and version match a finished
row is not converted again.

SQLite in WAL mode with ``synchronous=NORMAL``: every row is committed as soon as its notice JSON
is on disk, so a run killed at any moment loses at most the files in flight, which the next run
converts again (writing the same JSON). WAL survives a killed process; only a power cut can lose
the last commits, which again just means converting those files again.

`meta` holds small counters: `generation` (bumped whenever the set of notices or failures changes)
and `tables_generation` (the generation the tables were last built from).
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

MANIFEST = "manifest.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS files(
    path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, sha256 TEXT, notice_id TEXT,
    version TEXT, status TEXT NOT NULL, stage TEXT, message TEXT, seconds REAL);
CREATE INDEX IF NOT EXISTS files_notice ON files(notice_id);
CREATE INDEX IF NOT EXISTS files_status ON files(status);
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
"""


@dataclass(frozen=True)
class FileRow:
    """One input file as recorded."""

    path: str
    size: int | None
    mtime_ns: int | None
    sha256: str | None
    notice_id: str | None
    version: str | None
    status: str
    stage: str | None = None
    message: str | None = None
    seconds: float | None = None


_COLS = "path, size, mtime_ns, sha256, notice_id, version, status, stage, message, seconds"


def open_manifest(out: Path) -> sqlite3.Connection:
    """Open (creating) the manifest of output folder `out`."""
    conn = sqlite3.connect(Path(out) / MANIFEST, timeout=30, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.executescript(_SCHEMA)
    return conn


def all_rows(conn: sqlite3.Connection) -> dict[str, FileRow]:
    """Every recorded file by path."""
    return {r[0]: FileRow(*r) for r in conn.execute(f"SELECT {_COLS} FROM files")}


def record(conn: sqlite3.Connection, rows: Iterable[FileRow]) -> None:
    """Insert or replace rows, in one transaction, and bump the generation."""
    with _tx(conn):
        conn.executemany(f"INSERT OR REPLACE INTO files({_COLS}) VALUES (?,?,?,?,?,?,?,?,?,?)",
                         [(r.path, r.size, r.mtime_ns, r.sha256, r.notice_id, r.version, r.status, r.stage,
                           r.message, r.seconds) for r in rows])
        _bump(conn)


def forget(conn: sqlite3.Connection, paths: Iterable[str]) -> int:
    """Drop the rows of files no longer in the input folder; the number dropped."""
    paths = list(paths)
    if not paths:
        return 0
    with _tx(conn):
        conn.executemany("DELETE FROM files WHERE path = ?", [(p,) for p in paths])
        _bump(conn)
    return len(paths)


def live_notice_ids(conn: sqlite3.Connection) -> set[str]:
    """The notices some recorded file converted to."""
    return {r[0] for r in conn.execute("SELECT DISTINCT notice_id FROM files WHERE status = 'ok'")}


def done_notice(conn: sqlite3.Connection, notice_id: str, version: str) -> bool:
    """Whether some file already converted to `notice_id` with toolkit `version`."""
    q = "SELECT 1 FROM files WHERE notice_id = ? AND version = ? AND status = 'ok' LIMIT 1"
    return conn.execute(q, (notice_id, version)).fetchone() is not None


def failed_rows(conn: sqlite3.Connection) -> list[FileRow]:
    """Files whose last conversion failed, by path."""
    return [FileRow(*r) for r in conn.execute(f"SELECT {_COLS} FROM files WHERE status = 'failed' ORDER BY path")]


def get_meta(conn: sqlite3.Connection, key: str, default: str | None = None) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else default


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))


def generation(conn: sqlite3.Connection) -> int:
    return int(get_meta(conn, "generation", "0"))


def bump_generation(conn: sqlite3.Connection) -> None:
    with _tx(conn):
        _bump(conn)


def _bump(conn: sqlite3.Connection) -> None:
    conn.execute("INSERT INTO meta(key, value) VALUES ('generation', '1') "
                 "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1")


class _tx:
    """BEGIN IMMEDIATE … COMMIT (ROLLBACK on error) on an autocommit connection."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def __enter__(self) -> sqlite3.Connection:
        self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, exc_type, exc, tb) -> None:
        self.conn.execute("ROLLBACK" if exc_type else "COMMIT")


__all__ = ["FileRow", "MANIFEST", "all_rows", "bump_generation", "done_notice", "failed_rows", "forget",
           "generation", "get_meta", "live_notice_ids", "open_manifest", "record", "set_meta"]
