"""A terminal overview of parsed notices (rich tables; plain text when not on a terminal)."""
from __future__ import annotations

from pathlib import Path

from extractor.model import Notice


def print_overview(notices: list[tuple[Path, Notice]]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    t = Table(title="zhengce — notices", show_lines=False)
    for col in ("file", "title", "文号", "date", "measures", "with units", "amounts", "targets", "deadlines"):
        t.add_column(col, overflow="fold")
    for path, n in notices:
        with_units = sum(1 for m in n.measures if m.units)
        t.add_row(path.name, (n.meta.title or "—")[:40], n.meta.doc_number or "—", n.meta.date or "—",
                  str(len(n.measures)), str(with_units), str(len(n.amounts)), str(len(n.targets)), str(len(n.deadlines)))
    console.print(t)
    for path, n in notices:
        if n.warnings:
            for w in n.warnings:
                console.print(f"[yellow]{path.name}: {w}[/yellow]")
