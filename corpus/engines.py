"""Where the conversions run: a local process pool with a per-file watchdog, or a Dask cluster.

Both engines run the same unit of work, `convert_file(path, rel, limits, include_text)`, which
reads and extracts one file and returns a `Result` holding the notice JSON text (or the error).
Nothing here writes output: the caller (`corpus.batch`) writes every file itself, atomically,
so the outputs are the same whichever engine ran the work.

Local engine (`run_local`)
    `jobs` worker processes (started through a fork server that has the extractor imported, so a
    new worker is ready in milliseconds). Each worker holds one file at a time. The parent is the
    watchdog: a file that takes longer than `timeout` seconds gets its worker killed (SIGKILL,
    which stops C code too — a signal.alarm in the worker would not interrupt pdfium) and replaced,
    and is reported as failed; a worker that dies (segfault, out of memory) is reported the same
    way. Workers exit after `max_tasks_per_child` files (default 500) and are replaced, so memory held by
    caches or leaks in parsers cannot grow without bound. Workers ignore SIGINT; Ctrl-C stops the
    parent, which kills the workers.

Dask engine (`run_dask`)
    Connects to a running scheduler. On a real cluster::

        machine A$  dask scheduler                                  # prints tcp://A:8786
        each node$  dask worker tcp://A:8786 --nworkers 4 --nthreads 1 --lifetime 1h --lifetime-restart
        client$     zhengce batch /shared/notices -o /shared/corpus --engine dask --scheduler tcp://A:8786

    Every worker needs the same zhengce version installed (`pip install 'zhengce[dask]'`) and the
    input folder visible at the same absolute path (NFS, a cluster file system); only the client
    writes to the output folder. Use processes, not threads (`--nthreads 1`): extraction is pure
    Python and holds the GIL. At most `window` files are in flight (twice the worker threads), so
    the client's memory stays flat. Workers return the JSON text; the client writes it, so the
    output is byte-identical to the local engine's. Not covered: the per-file time limit —
    Dask cannot kill a thread, so a pathological file occupies its worker thread until it finishes
    (run workers with ``--lifetime``/``--memory-limit`` to bound that); a task whose worker dies is
    reported as failed.
"""
from __future__ import annotations

import hashlib
import multiprocessing as mp
import os
import signal
import time
from collections import deque
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Callable, Iterable, Iterator

from extractor.errors import ZhengceError
from extractor.readers import DEFAULT_LIMITS, Limits

ENGINES = ("local", "dask")


@dataclass(frozen=True)
class Task:
    """One file to convert: `path` as the worker opens it, `rel` as it is recorded (relative to the input folder)."""

    path: str
    rel: str


@dataclass(frozen=True)
class Result:
    """What converting one file gave: the notice JSON text, or the stage and one-line message of the failure."""

    rel: str
    ok: bool
    sha256: str | None = None
    notice_id: str | None = None
    json_text: str | None = None
    stage: str | None = None
    message: str | None = None
    seconds: float = 0.0


def one_line(s: str) -> str:
    """A message on one line.

    >>> one_line("通知.pdf: bad\\n  xref")
    '通知.pdf: bad xref'
    """
    return " ".join(s.split())


def failure(rel: str, stage: str, err: BaseException, seconds: float = 0.0) -> Result:
    """A failed Result: a ZhengceError says ``<rel>: <reason>``; anything else is an internal error.

    >>> failure("a/通知.txt", "extract", KeyError("x")).message
    "a/通知.txt: internal error: KeyError: 'x'"
    """
    if isinstance(err, ZhengceError):
        msg = f"{rel}: {err.reason}"
    else:
        msg = f"{rel}: internal error: {type(err).__name__}: {err}"
    return Result(rel=rel, ok=False, stage=stage, message=one_line(msg), seconds=seconds)


def convert_file(path: str, rel: str, limits: Limits = DEFAULT_LIMITS, include_text: bool = True,
                 on_stage: Callable[[str], None] | None = None) -> Result:
    """Read and extract one file; never raises for a problem with the file (it becomes a failed Result).

    The notice's `source.path` is `rel`, so the JSON does not depend on where the folder is mounted.
    """
    from extractor.jsonio import notice_to_json
    from extractor.pipeline import notice_from_raw
    from extractor.readers import read

    t0 = time.perf_counter()
    stage = "read"
    try:
        raw = read(path, limits)          # checks first: regular file, size limit
        sha = hash_file(path)
        stage = "extract"
        if on_stage:
            on_stage(stage)
        notice = notice_from_raw(raw, sha)
        notice = replace(notice, source=replace(notice.source, path=rel))
        text = notice_to_json(notice, include_text=include_text)
    except FileNotFoundError:
        return failure(rel, stage, ZhengceError(rel, "no such file (removed while the batch ran)"),
                       time.perf_counter() - t0)
    except OSError as e:
        return failure(rel, stage, ZhengceError(rel, f"cannot open ({e.strerror})"), time.perf_counter() - t0)
    except Exception as e:  # noqa: BLE001 — recorded against this file as an internal error; the batch goes on
        return failure(rel, stage, e, time.perf_counter() - t0)
    return Result(rel=rel, ok=True, sha256=sha, notice_id=notice.id, json_text=text,
                  seconds=time.perf_counter() - t0)


def hash_file(path: str | Path) -> str:
    """SHA-256 of a file, read in chunks."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


# ---------------------------------------------------------------- local pool

def _worker_main(conn: Connection, limits: Limits, include_text: bool) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        res = convert_file(task.path, task.rel, limits, include_text, on_stage=lambda s: conn.send(("stage", s)))
        conn.send(("done", res))


@dataclass
class _Worker:
    proc: mp.process.BaseProcess
    conn: Connection
    task: Task | None = None
    stage: str = "read"
    started: float = 0.0
    done: int = 0


def process_context() -> mp.context.BaseContext:
    """A fork server with the extractor preloaded (safe with threads in the parent; fast to start workers)."""
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["corpus.engines", "extractor.pipeline", "extractor.jsonio"])
        return ctx
    return mp.get_context("spawn")


def _start(ctx: mp.context.BaseContext, limits: Limits, include_text: bool) -> _Worker:
    parent, child = ctx.Pipe(duplex=True)
    proc = ctx.Process(target=_worker_main, args=(child, limits, include_text), daemon=True)
    proc.start()
    child.close()
    return _Worker(proc=proc, conn=parent)


def _kill(w: _Worker) -> None:
    w.proc.kill()
    w.proc.join()
    w.conn.close()


def _retire(w: _Worker) -> None:
    """Ask a worker to exit after its last file; it is reaped later (`_reap`) so the parent does not wait."""
    try:
        w.conn.send(None)
    except OSError:
        w.proc.kill()
    w.conn.close()


def _reap(retiring: list[_Worker], wait_s: float = 0.0) -> list[_Worker]:
    """Join the retired workers that have exited (killing those still alive after `wait_s`); the others."""
    left = []
    for w in retiring:
        w.proc.join(wait_s)
        if w.proc.is_alive() and wait_s:
            w.proc.kill()
            w.proc.join()
        if w.proc.is_alive():
            left.append(w)
    return left


def run_local(tasks: Iterable[Task], jobs: int | None = None, timeout: float | None = 120.0,
              max_tasks_per_child: int = 500, limits: Limits = DEFAULT_LIMITS,
              include_text: bool = True) -> Iterator[Result]:
    """Convert `tasks` on `jobs` worker processes; yield each Result as it completes (in completion order)."""
    jobs = max(1, jobs or os.cpu_count() or 1)
    ctx = process_context()
    pending = deque(tasks)
    workers: list[_Worker] = []
    retiring: list[_Worker] = []
    try:
        while pending or any(w.task for w in workers):
            retiring = _reap(retiring)
            while len(workers) < jobs and pending:
                workers.append(_start(ctx, limits, include_text))
            for w in workers:
                if w.task is None and pending:
                    w.task, w.stage, w.started = pending.popleft(), "read", time.monotonic()
                    w.conn.send(w.task)
            busy = [w for w in workers if w.task]
            wait_s = None
            if timeout:
                wait_s = max(0.0, min(w.started + timeout for w in busy) - time.monotonic())
            ready = set(wait([w.conn for w in busy], timeout=wait_s))
            for w in busy:
                res, retire = None, False
                if w.conn in ready:
                    try:
                        kind, payload = w.conn.recv()
                    except (EOFError, OSError):
                        w.proc.join(1)
                        code = w.proc.exitcode
                        res = failure(w.task.rel, w.stage, RuntimeError(f"worker process died (exit code {code})"),
                                      time.monotonic() - w.started)
                        retire = True
                    else:
                        if kind == "stage":
                            w.stage = payload
                            continue
                        res = payload
                        w.done += 1
                elif timeout and time.monotonic() - w.started >= timeout:
                    res = failure(w.task.rel, w.stage, ZhengceError(
                        w.task.rel, f"took longer than {timeout:g} s; stopped (raise --timeout)"), timeout)
                    retire = True
                if res is None:
                    continue
                w.task = None
                if retire:
                    _kill(w)
                    workers.remove(w)
                elif w.done >= max_tasks_per_child:
                    _retire(w)
                    workers.remove(w)
                    retiring.append(w)
                yield res
    finally:
        for w in workers:
            _kill(w)
        _reap(retiring, wait_s=5.0)


# ---------------------------------------------------------------- dask

def run_dask(tasks: Iterable[Task], scheduler: str, limits: Limits = DEFAULT_LIMITS, include_text: bool = True,
             window: int | None = None) -> Iterator[Result]:
    """Convert `tasks` on the Dask cluster at `scheduler` (e.g. tcp://10.0.0.5:8786); yield Results as they complete."""
    from distributed import Client, as_completed

    with Client(scheduler, timeout="30s") as client:
        if window is None:
            window = max(4, 2 * sum(client.nthreads().values()))
        todo = iter(tasks)
        by_key: dict[str, Task] = {}

        def submit(t: Task):
            fut = client.submit(convert_file, t.path, t.rel, limits, include_text, pure=False)
            by_key[fut.key] = t
            return fut

        ac = as_completed([submit(t) for _, t in zip(range(window), todo)])
        for fut in ac:
            task = by_key.pop(fut.key)
            if fut.status == "finished":
                res = fut.result()
            elif fut.status == "error":      # e.g. KilledWorker: the worker died on this file
                res = failure(task.rel, "extract", fut.exception())
            else:
                res = failure(task.rel, "extract", RuntimeError(f"dask task {fut.status}"))
            fut.release()
            nxt = next(todo, None)
            if nxt is not None:
                ac.add(submit(nxt))
            yield res


__all__ = ["ENGINES", "Result", "Task", "convert_file", "failure", "hash_file", "one_line", "process_context",
           "run_dask", "run_local"]
