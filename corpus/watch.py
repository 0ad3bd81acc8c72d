"""Keep a corpus up to date with a folder: `zhengce batch --watch IN_DIR -o OUT`.

`watch` runs `corpus.batch.run_batch` every `interval` seconds until Ctrl-C. Each pass converts
only files that are new or changed (by size+mtime, then content hash), drops notices whose file
was removed, and rebuilds the tables only if something changed. A file modified less than
`settle` seconds ago is left for the next pass, so a file still being copied in is not converted
half-written. Polling (not inotify) works the same on local disks, NFS and SMB shares.

The cron alternative (one pass every 10 minutes; a pass that finds the previous one still running
exits with status 2 and changes nothing)::

    */10 * * * * zhengce batch /data/notices -o /data/corpus >> /var/log/zhengce-batch.log 2>&1
"""
from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any, Callable

from .batch import BatchReport, run_batch, summary


def watch(in_dir: str | Path, out: str | Path, interval: float = 10.0, settle: float | None = None,
          rounds: int | None = None, on_pass: Callable[[BatchReport], None] | None = None, **batch_args: Any) -> int:
    """Convert, then poll every `interval` s for new or changed files; the exit status of the last pass.

    Stops on Ctrl-C (KeyboardInterrupt) or after `rounds` passes. `on_pass` sees each pass's report
    (default: print a summary line when the pass changed something).
    """
    settle = min(interval, 5.0) if settle is None else settle
    status, n = 0, 0
    on_pass = on_pass or (lambda r: print(summary(r, Path(out)), file=sys.stderr, flush=True) if r.changed else None)
    try:
        while True:
            rep = run_batch(in_dir, out, settle=settle, **batch_args)
            status = rep.exit_status
            on_pass(rep)
            n += 1
            if rounds is not None and n >= rounds:
                return status
            time.sleep(interval)
    except KeyboardInterrupt:
        print("zhengce batch: watch stopped", file=sys.stderr)
        return status


__all__ = ["watch"]
