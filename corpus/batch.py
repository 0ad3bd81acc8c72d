"""Convert a folder of notices into a queryable corpus: parallel, resumable, loses nothing.

`run_batch(in_dir, out)` does one pass:

1. scan `in_dir` recursively for readable files (`extractor.readers.EXTENSIONS`);
2. plan: a file whose size+mtime match its manifest row is not hashed again; a file whose content
   hash was already converted by this toolkit version (`toolkit_version()`) is skipped — a file
   that failed stays failed until it changes, the version changes, or `retry_failed` is asked;
   files with the same content are one notice (converted once, from the first path in order);
3. convert on an engine (`corpus.engines`: local process pool with a per-file time limit, or
   Dask), writing each notice JSON atomically as its result arrives, then its manifest row;
4. forget files no longer in `in_dir` and delete notices no file refers to (OUT mirrors IN);
5. rebuild the tables (`corpus.store.build_tables`) from the notice JSON files whenever anything
   changed since they were last built.

Killed at any moment (even SIGKILL), a rerun finishes the job: the JSON files are only ever
renamed into place, a manifest row is committed only after its JSON is on disk, leftover temp files
are deleted at the start, and the tables are rebuilt because the generation they were built from
is behind. One run at a time per output folder (a lock file, `OUT/.lock`).

Links: folders linked into `in_dir` are not descended into, and a linked file whose target lies outside
`in_dir` is reported as failed rather than read, so a batch reads nothing outside the folder it was given.

Not covered: removing a notice whose source file was deleted while the input folder is empty or
unmounted (a run that finds no files refuses to prune, to protect against a missing mount).
"""
from __future__ import annotations

import fcntl
import os
import stat
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from extractor.model import SCHEMA_VERSION
from extractor.readers import DEFAULT_LIMITS, EXTENSIONS, Limits

from . import manifest as mf
from .engines import ENGINES, Result, Task, hash_file, run_dask, run_local
from .store import atomic_write, build_tables, fsync_dir, remove_stale_temps


class BatchError(RuntimeError):
    """The batch cannot run at all (bad folder, output in use, nothing found where files were)."""


@dataclass
class BatchReport:
    """What one pass did. `failed` counts this pass; `failed_total` every input now in the failed state."""

    inputs: int = 0
    converted: int = 0
    failed: int = 0
    skipped: int = 0
    reused: int = 0
    deferred: int = 0
    removed: int = 0
    notices: int = 0
    failed_total: int = 0
    tables_built: bool = False
    scan_s: float = 0.0
    convert_s: float = 0.0
    tables_s: float = 0.0
    errors: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def exit_status(self) -> int:
        return 1 if self.failed_total else 0

    @property
    def changed(self) -> bool:
        return bool(self.converted or self.failed or self.reused or self.removed or self.tables_built)


def toolkit_version() -> str:
    """The version recorded with each conversion: package version + notice schema version."""
    from zhengce import __version__

    return f"{__version__}+schema{SCHEMA_VERSION}"


def scan_inputs(in_dir: Path, exclude: Path | None = None) -> list[Path]:
    """Readable files under `in_dir`, recursively, sorted; `exclude` (the output folder) is skipped."""
    in_dir = Path(in_dir)
    ex = exclude.resolve() if exclude else None
    out = []
    for root, dirs, files in os.walk(in_dir):
        if ex is not None and Path(root).resolve() == ex:
            dirs[:] = []
            continue
        dirs.sort()
        out.extend(Path(root) / f for f in files if Path(f).suffix.lower() in EXTENSIONS)
    return sorted(out)


@dataclass
class _Member:
    rel: str
    path: Path
    size: int
    mtime_ns: int


@dataclass
class _Plan:
    groups: dict[str, list[_Member]] = field(default_factory=dict)   # sha256 → files with that content
    ready: list[mf.FileRow] = field(default_factory=list)             # recorded without converting
    gone: list[str] = field(default_factory=list)
    inputs: int = 0
    skipped: int = 0
    deferred: int = 0


def _plan(conn, in_dir: Path, out: Path, version: str, retry_failed: bool, settle: float) -> _Plan:
    rows = mf.all_rows(conn)
    files = scan_inputs(in_dir, exclude=out)
    if not files and any(r.status == "ok" for r in rows.values()):
        raise BatchError(f"{in_dir}: no readable files, but {out} holds notices converted from it; "
                         "is the folder mounted? (nothing was changed)")
    plan = _Plan(inputs=len(files))
    seen = set()
    now = time.time_ns()
    root = in_dir.resolve()
    for p in files:
        rel = p.relative_to(in_dir).as_posix()
        seen.add(rel)
        try:
            st = p.stat()
        except OSError:
            plan.deferred += 1   # vanished between the scan and now
            continue
        r = rows.get(rel)
        if p.is_symlink() and not p.resolve().is_relative_to(root):
            _ready(plan, r, mf.FileRow(rel, None, None, None, None, version, "failed", "read",
                                       f"{rel}: a link to a file outside the input folder (not followed)"))
            continue
        if not stat.S_ISREG(st.st_mode):
            _ready(plan, r, mf.FileRow(rel, None, None, None, None, version, "failed", "read",
                                       f"{rel}: not a regular file"))
            continue
        same = r is not None and r.sha256 and r.size == st.st_size and r.mtime_ns == st.st_mtime_ns
        if retry_failed and not (r and r.status == "failed"):
            plan.skipped += 1
            continue
        if not retry_failed and same and r.version == version and (
                r.status == "failed" or (out / "notices" / f"{r.notice_id}.json").exists()):
            plan.skipped += 1
            continue
        if settle and (now - st.st_mtime_ns) / 1e9 < settle:
            plan.deferred += 1
            continue
        m = _Member(rel, p, st.st_size, st.st_mtime_ns)
        try:
            sha = r.sha256 if same else hash_file(p)
        except OSError as e:
            _ready(plan, r, mf.FileRow(rel, m.size, m.mtime_ns, None, None, version, "failed", "read",
                                       f"{rel}: cannot open ({e.strerror})"))
            continue
        nid = sha[:16]
        if mf.done_notice(conn, nid, version) and (out / "notices" / f"{nid}.json").exists():
            _ready(plan, r, mf.FileRow(rel, m.size, m.mtime_ns, sha, nid, version, "ok"))
            continue
        plan.groups.setdefault(sha, []).append(m)
    plan.gone = sorted(set(rows) - seen)
    return plan


def _ready(plan: _Plan, old: mf.FileRow | None, new: mf.FileRow) -> None:
    """Record `new` without converting anything — unless it is what is recorded already."""
    if old == new:
        plan.skipped += 1
    else:
        plan.ready.append(new)


def _rows_for(res: Result, sha: str, members: list[_Member], version: str) -> list[mf.FileRow]:
    if res.ok:
        # the file changed after it was hashed: only the converted path is known to hold this content
        members = members if res.sha256 == sha else members[:1]
        return [mf.FileRow(m.rel, m.size, m.mtime_ns, res.sha256, res.notice_id, version, "ok", seconds=res.seconds)
                for m in members]
    rep = members[0].rel
    return [mf.FileRow(m.rel, m.size, m.mtime_ns, sha, None, version, "failed", res.stage,
                       m.rel + res.message[len(rep):] if res.message.startswith(rep) else res.message, res.seconds)
            for m in members]


def _write_notice(out: Path, res: Result) -> Result:
    target = out / "notices" / f"{res.notice_id}.json"
    try:
        atomic_write(target, res.json_text)
    except OSError as e:
        return Result(rel=res.rel, ok=False, stage="write", message=f"{res.rel}: cannot write {target} ({e.strerror})",
                      seconds=res.seconds)
    return res


def _engine_results(tasks: list[Task], engine: str, jobs: int | None, scheduler: str | None, timeout: float | None,
                    max_tasks_per_child: int, limits: Limits, include_text: bool) -> Iterable[Result]:
    if engine == "local":
        return run_local(tasks, jobs=jobs, timeout=timeout, max_tasks_per_child=max_tasks_per_child, limits=limits,
                         include_text=include_text)
    if engine == "dask":
        if not scheduler:
            raise ValueError("the dask engine needs a scheduler address (--scheduler tcp://HOST:8786)")
        return run_dask(tasks, scheduler, limits=limits, include_text=include_text)
    raise ValueError(f"unknown engine {engine!r}; choose one of: {', '.join(ENGINES)}")


def _prune(conn, out: Path) -> int:
    live = mf.live_notice_ids(conn)
    n = 0
    for p in (out / "notices").glob("*.json"):
        if p.stem not in live:
            p.unlink()
            n += 1
    if n:
        mf.bump_generation(conn)
    return n


def _lock(out: Path):
    fh = open(out / ".lock", "a")
    try:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        fh.close()
        raise BatchError(f"{out}: another batch is writing to this folder") from None
    return fh


def run_batch(in_dir: str | os.PathLike, out: str | os.PathLike, *, jobs: int | None = None, engine: str = "local",
              scheduler: str | None = None, timeout: float | None = 120.0, retry_failed: bool = False,
              limits: Limits = DEFAULT_LIMITS, include_text: bool = True, max_tasks_per_child: int = 500,
              settle: float = 0.0, progress: bool | None = None) -> BatchReport:
    """Convert every readable file under `in_dir` into the corpus at `out`; see the module docstring.

    `progress`: a live bar (True), log lines (False) or a bar only on a terminal (None).
    Files modified less than `settle` seconds ago wait for the next pass (watch mode).
    """
    in_dir, out = Path(in_dir), Path(out)
    if not in_dir.is_dir():
        raise BatchError(f"{in_dir}: not a folder")
    (out / "notices").mkdir(parents=True, exist_ok=True)
    lock = _lock(out)
    try:
        remove_stale_temps(out)
        remove_stale_temps(out / "notices")
        conn = mf.open_manifest(out)
        try:
            return _run(conn, in_dir, out, engine=engine, jobs=jobs, scheduler=scheduler, timeout=timeout,
                        retry_failed=retry_failed, limits=limits, include_text=include_text,
                        max_tasks_per_child=max_tasks_per_child, settle=settle, progress=progress)
        finally:
            conn.close()
    finally:
        lock.close()


def _run(conn, in_dir: Path, out: Path, *, engine, jobs, scheduler, timeout, retry_failed, limits, include_text,
         max_tasks_per_child, settle, progress) -> BatchReport:
    version = toolkit_version() + ("" if include_text else "+notext")   # switching --no-text converts again
    t0 = time.perf_counter()
    plan = _plan(conn, in_dir, out, version, retry_failed, settle)
    rep = BatchReport(inputs=plan.inputs, skipped=plan.skipped, deferred=plan.deferred)
    if plan.ready:
        mf.record(conn, plan.ready)
        rep.reused = sum(r.status == "ok" for r in plan.ready)
        rep.failed += sum(r.status == "failed" for r in plan.ready)
    rep.removed = mf.forget(conn, plan.gone)
    tasks, by_rel = [], {}
    for sha, members in sorted(plan.groups.items(), key=lambda kv: kv[1][0].rel):
        members.sort(key=lambda m: m.rel)
        tasks.append(Task(path=str(members[0].path.resolve()), rel=members[0].rel))
        by_rel[members[0].rel] = (sha, members)
    tasks.sort(key=lambda t: t.rel)
    t1 = time.perf_counter()
    rep.scan_s = t1 - t0
    if tasks:
        results = _engine_results(tasks, engine, jobs, scheduler, timeout, max_tasks_per_child, limits, include_text)
        with Progress(len(tasks), live=progress) as bar:
            for res in results:
                if res.ok:
                    res = _write_notice(out, res)
                sha, members = by_rel[res.rel]
                mf.record(conn, _rows_for(res, sha, members, version))
                rep.converted += res.ok
                rep.failed += not res.ok
                bar.advance(res.ok)
        fsync_dir(out / "notices")
    _prune(conn, out)
    t2 = time.perf_counter()
    rep.convert_s = t2 - t1
    failed = mf.failed_rows(conn)
    rep.failed_total = len(failed)
    rep.errors = [(r.path, r.stage or "", r.message or "") for r in failed]
    db_missing = not (out / "corpus.duckdb").exists()
    if db_missing or mf.get_meta(conn, "tables_generation") != str(mf.generation(conn)):
        gen = mf.generation(conn)
        files = [{"path": r.path, "notice_id": r.notice_id, "sha256": r.sha256, "status": r.status, "stage": r.stage,
                  "message": r.message, "size": r.size, "version": r.version, "seconds": r.seconds}
                 for r in sorted(mf.all_rows(conn).values(), key=lambda r: r.path)]
        errors = [{"path": r.path, "stage": r.stage, "message": r.message, "sha256": r.sha256} for r in failed]
        build_tables(out, files, errors)
        mf.set_meta(conn, "tables_generation", str(gen))
        rep.tables_built = True
    rep.notices = len(mf.live_notice_ids(conn))
    rep.tables_s = time.perf_counter() - t2
    return rep


class Progress:
    """Files done / failed, rate and ETA: a live bar on a terminal, else a log line every `every` seconds."""

    def __init__(self, total: int, live: bool | None = None, every: float = 10.0, file=None):
        self.total, self.done, self.failed, self.every = total, 0, 0, every
        self.file = file or sys.stderr
        self.live = self.file.isatty() if live is None else live
        self.t0 = self.last = time.monotonic()
        self._bar = None

    def __enter__(self) -> "Progress":
        if self.live:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress as Bar, TextColumn, TimeRemainingColumn

            self._bar = Bar(TextColumn("batch"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("{task.fields[failed]} failed · {task.fields[rate]}"),
                            TextColumn("ETA"), TimeRemainingColumn(), console=Console(file=self.file))
            self._bar.start()
            self._task = self._bar.add_task("batch", total=self.total, failed=0, rate="")
        return self

    def rate(self) -> float:
        return self.done / max(time.monotonic() - self.t0, 1e-9)

    def line(self) -> str:
        r = self.rate()
        eta = (self.total - self.done) / r if r else 0
        return (f"zhengce batch: {self.done}/{self.total} files, {self.failed} failed, {r:.1f} files/s, "
                f"ETA {int(eta // 60)}m{int(eta % 60):02d}s")

    def advance(self, ok: bool) -> None:
        self.done += 1
        self.failed += not ok
        if self._bar is not None:
            self._bar.update(self._task, advance=1, failed=self.failed, rate=f"{self.rate():.1f} files/s")
        elif time.monotonic() - self.last >= self.every:
            self.last = time.monotonic()
            print(self.line(), file=self.file, flush=True)

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.stop()
        elif exc[0] is None and self.done:
            print(self.line(), file=self.file, flush=True)


def summary(rep: BatchReport, out: Path) -> str:
    """One line saying what a pass did."""
    parts = [f"{rep.inputs} files", f"{rep.converted} converted", f"{rep.failed} failed"]
    if rep.skipped:
        parts.append(f"{rep.skipped} already done")
    if rep.reused:
        parts.append(f"{rep.reused} duplicates")
    if rep.deferred:
        parts.append(f"{rep.deferred} still being written (next pass)")
    if rep.removed:
        parts.append(f"{rep.removed} removed")
    s = f"zhengce batch: {', '.join(parts)}; {rep.notices} notices in {out}"
    if rep.failed_total:
        s += f"; {rep.failed_total} failed files listed in {out / 'errors.csv'}"
    return s


def print_errors(rep: BatchReport, file=None, limit: int = 20) -> None:
    """The failed files, one line each (the first `limit`)."""
    file = file or sys.stderr
    for path, stage, msg in rep.errors[:limit]:
        print(f"  [{stage}] {msg}", file=file)
    if len(rep.errors) > limit:
        print(f"  … and {len(rep.errors) - limit} more", file=file)


__all__ = ["BatchError", "BatchReport", "Progress", "print_errors", "run_batch", "scan_inputs", "summary",
           "toolkit_version"]
