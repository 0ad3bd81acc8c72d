"""`zhengce batch` and `zhengce query`: a folder of notices → a queryable corpus, and questions to it.

A thin shell over `corpus.batch.run_batch`, `corpus.watch.watch` and `corpus.query`. Exit status:
0 every file converted, 1 some file failed (listed in OUT/errors.csv), 2 usage error (no such
folder, output in use by another batch, bad SQL, no scheduler).

Run without the lead's registration (tests, development)::

    python -m zhengce.cmd_batch batch IN_DIR -o OUT
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def _jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def register(sub) -> None:
    """Add the `batch` and `query` subcommands to the `zhengce` parser's subparsers."""
    from .cli import _add_limit_flags

    p = sub.add_parser("batch", help="convert a folder of notices into a corpus (JSON, Parquet, CSV, DuckDB)",
                       description="Convert every readable file under IN_DIR (recursively) into OUT: "
                                   "notices/<id>.json, tables/*.parquet|csv, corpus.duckdb, errors.csv. "
                                   "Rerunning skips work already done; a killed run resumes.")
    p.add_argument("in_dir", help="folder of notice files (.txt .docx .pdf .html), searched recursively")
    p.add_argument("-o", "--output", required=True, help="corpus folder to write (created if missing)")
    p.add_argument("-j", "--jobs", type=int, default=_jobs(), help="worker processes (default: all cores)")
    p.add_argument("--timeout", type=float, default=120.0,
                   help="seconds one file may take before it is stopped and reported "
                        "(local engine; default 120; 0: no limit)")
    p.add_argument("--retry-failed", action="store_true", help="convert again only the files that failed before")
    p.add_argument("--no-text", action="store_true", help="leave the notice text out of the JSON")
    p.add_argument("--max-tasks-per-child", type=int, default=500,
                   help="files a worker converts before it is replaced, keeping memory flat (default 500)")
    p.add_argument("--watch", action="store_true", help="keep polling IN_DIR for new or changed files (Ctrl-C stops)")
    p.add_argument("--interval", type=float, default=10.0, help="seconds between polls with --watch (default 10)")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local process pool (default) or an existing Dask cluster")
    p.add_argument("--scheduler", help="Dask scheduler address for --engine dask, e.g. tcp://10.0.0.5:8786")
    p.add_argument("--progress", choices=("auto", "bar", "log"), default="auto",
                   help="a live bar, log lines, or a bar only on a terminal (default)")
    _add_limit_flags(p)
    p.set_defaults(func=cmd_batch)

    q = sub.add_parser("query", help="run SQL on a corpus made by `zhengce batch`",
                       description="Tables: notices, measures, responsibilities, amounts, targets, deadlines, "
                                   "files, errors. Without SQL, list the tables.")
    q.add_argument("corpus", help="corpus folder (or its corpus.duckdb)")
    q.add_argument("sql", nargs="?", help='e.g. "SELECT city, count(*) FROM notices GROUP BY city"')
    fmt = q.add_mutually_exclusive_group()
    fmt.add_argument("--csv", action="store_true", help="print CSV")
    fmt.add_argument("--json", action="store_true", help="print one JSON object per row")
    q.set_defaults(func=cmd_query)


def cmd_batch(a: argparse.Namespace) -> int:
    from corpus.batch import BatchError, print_errors, run_batch, summary
    from corpus.watch import watch

    from .cli import _limits

    if a.engine == "dask" and not a.scheduler:
        print("zhengce batch: --engine dask needs --scheduler ADDRESS (start one with `dask scheduler`)",
              file=sys.stderr)
        return 2
    if a.engine == "dask":
        try:
            import distributed  # noqa: F401
        except ImportError:
            print("zhengce batch: --engine dask needs dask.distributed: pip install 'zhengce[dask]'", file=sys.stderr)
            return 2
    kw = dict(jobs=max(1, a.jobs), engine=a.engine, scheduler=a.scheduler, timeout=a.timeout or None,
              retry_failed=a.retry_failed, limits=_limits(a), include_text=not a.no_text,
              max_tasks_per_child=max(1, a.max_tasks_per_child),
              progress={"auto": None, "bar": True, "log": False}[a.progress])
    try:
        if a.watch:
            return watch(a.in_dir, a.output, interval=a.interval, **kw)
        rep = run_batch(a.in_dir, a.output, **kw)
    except (BatchError, ValueError) as e:
        print(f"zhengce batch: {e}", file=sys.stderr)
        return 2
    except OSError as e:   # e.g. the Dask scheduler cannot be reached, the output folder cannot be written
        print(f"zhengce batch: {type(e).__name__}: {' '.join(str(e).split())}", file=sys.stderr)
        return 2
    print(summary(rep, Path(a.output)), file=sys.stderr)
    print_errors(rep)
    return rep.exit_status


def cmd_query(a: argparse.Namespace) -> int:
    from corpus.query import list_tables, print_table, run_query, write_csv, write_json

    import duckdb

    try:
        cols, rows = run_query(a.corpus, a.sql) if a.sql else list_tables(a.corpus)
    except FileNotFoundError as e:
        print(f"zhengce query: {e}", file=sys.stderr)
        return 2
    except duckdb.Error as e:
        print(f"zhengce query: {' '.join(str(e).split())}", file=sys.stderr)
        return 2
    if a.csv:
        write_csv(cols, rows, sys.stdout)
    elif a.json:
        write_json(cols, rows, sys.stdout)
    else:
        print_table(cols, rows)
    return 0


def main(argv: list[str] | None = None) -> int:
    """`zhengce` with these subcommands registered (for use before the CLI lists this module)."""
    from . import cli

    if "cmd_batch" not in cli.COMMAND_MODULES:
        cli.COMMAND_MODULES = tuple(cli.COMMAND_MODULES) + ("cmd_batch",)
    return cli.main(argv)


__all__ = ["cmd_batch", "cmd_query", "main", "register"]

if __name__ == "__main__":
    sys.exit(main())
