"""A terminal overview of parsed notices (rich tables; plain text when not on a terminal)."""
from __future__ import annotations

from pathlib import Path

from extractor.model import Notice


def print_overview(notices: list[tuple[Path, Notice]]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console() if Console().is_terminal else Console(width=160)   # piped: no 80-column wrapping
    t = Table(title="zhengce — notices", show_lines=False)
    t.add_column("file", no_wrap=True, overflow="ellipsis", max_width=28)
    t.add_column("title", no_wrap=True, overflow="ellipsis", max_width=32)
    t.add_column("文号", no_wrap=True)
    t.add_column("date", no_wrap=True)
    for col in ("measures", "with units", "amounts", "targets", "deadlines"):
        t.add_column(col, justify="right", no_wrap=True)
    for path, n in notices:
        with_units = sum(1 for m in n.measures if m.units)
        t.add_row(path.name, n.meta.title or "—", n.meta.doc_number or "—", n.meta.date or "—",
                  str(len(n.measures)), str(with_units), str(len(n.amounts)), str(len(n.targets)), str(len(n.deadlines)))
    console.print(t)
    for path, n in notices:
        if n.warnings:
            for w in n.warnings:
                console.print(f"[yellow]{path.name}: {w}[/yellow]")
