"""`zhengce query OUT "SQL"`: ask the corpus database (`OUT/corpus.duckdb`) a question.

The database is opened read-only, so queries can run while a batch is converting (a batch replaces
the database file whole when it rebuilds the tables; an open query keeps reading the old one).
Results print as a table, or as CSV / JSON lines for other programs.

Example — every subsidy over 5000元 per person, by city::

    SELECT n.city, count(*) AS n, max(a.value) AS top
    FROM amounts a JOIN notices n USING (notice_id)
    WHERE a.value > 5000 AND list_contains(string_split(a.per, ','), '人')
    GROUP BY n.city ORDER BY n DESC
"""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from .store import DB_NAME


def db_path(out: str | Path) -> Path:
    """The database of corpus folder `out` (or `out` itself if it is the database file)."""
    p = Path(out)
    return p if p.is_file() else p / DB_NAME


def run_query(out: str | Path, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Run `sql` on the corpus at `out`; (column names, rows). Raises FileNotFoundError without a database."""
    import duckdb

    db = db_path(out)
    if not db.is_file():
        raise FileNotFoundError(f"{db}: no corpus database here (run `zhengce batch IN_DIR -o {out}` first)")
    con = duckdb.connect(str(db), read_only=True)
    try:
        cur = con.execute(sql)
        cols = [d[0] for d in cur.description or ()]
        return cols, cur.fetchall()
    finally:
        con.close()


def list_tables(out: str | Path) -> tuple[list[str], list[tuple[Any, ...]]]:
    """The corpus tables with their row counts."""
    return run_query(out, "SELECT table_name, estimated_size AS rows, column_count AS columns "
                          "FROM duckdb_tables() ORDER BY table_name")


def write_csv(cols: list[str], rows: list[tuple], file: TextIO) -> None:
    w = csv.writer(file, lineterminator="\n")
    w.writerow(cols)
    w.writerows(rows)


def write_json(cols: list[str], rows: list[tuple], file: TextIO) -> None:
    """One JSON object per line."""
    for r in rows:
        file.write(json.dumps(dict(zip(cols, r)), ensure_ascii=False, default=str) + "\n")


def print_table(cols: list[str], rows: list[tuple], file: TextIO | None = None) -> None:
    from rich.console import Console
    from rich.table import Table

    file = file or sys.stdout
    console = Console(file=file, width=None if file.isatty() else 200)
    t = Table(*cols, show_lines=False)
    for r in rows:
        t.add_row(*("" if v is None else str(v) for v in r))
    console.print(t)
    console.print(f"{len(rows)} row{'s' if len(rows) != 1 else ''}", style="dim")


__all__ = ["db_path", "list_tables", "print_table", "run_query", "write_csv", "write_json"]
