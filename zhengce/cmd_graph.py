"""``zhengce graph`` — the responsibility graph of one notice or a corpus.

    zhengce graph FILES_OR_DIR... -o out.graphml [-o out.html ...]   # .graphml .gexf .json .png .svg .html
    zhengce graph FILES_OR_DIR... --report                           # the workload table
    zhengce graph FILES_OR_DIR... --body 市人社局                     # what one body owes

Inputs are notice files (parsed) or notice JSON written by ``zhengce parse``. A bad input is
reported as one line ``<file>: <reason>`` on stderr and the run goes on; the exit status is 0
when every input was read, 1 when some failed (or none was usable), 2 for a usage error.
"""
from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

from extractor.errors import ZhengceError


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``graph`` subcommand."""
    from .cli import _add_limit_flags          # graphs (networkx, pandas) is imported only when the command runs

    p = subparsers.add_parser("graph", help="build the responsibility graph of notices (who leads, who supports)")
    p.add_argument("files", nargs="+", help="notice files, notice JSON from `zhengce parse`, or folders")
    p.add_argument("-o", "--output", action="append", default=[],
                   help="write the graph here; the extension picks the format (.graphml .gexf .json .png .svg .html); "
                        "repeatable")
    p.add_argument("--report", action="store_true", help="print the workload table (lead / support / responsible)")
    p.add_argument("--body", action="append", default=[], help="print the tasks of bodies with this name; repeatable")
    p.add_argument("--top", type=int, default=40, help="rows of the workload table to print (default 40; 0 = all)")
    p.add_argument("--debug", action="store_true", help="show tracebacks instead of one-line errors")
    _add_limit_flags(p)
    p.set_defaults(func=cmd_graph)


def _print_table(df, top: int = 0) -> None:
    import pandas as pd

    if top and len(df) > top:
        df = df.head(top)
    df = df.astype(object).where(df.notna() & (df != ""), "—")
    with pd.option_context("display.unicode.east_asian_width", True, "display.max_columns", None,
                           "display.width", 200, "display.max_colwidth", 40):
        print(df.to_string())


def cmd_graph(a: argparse.Namespace) -> int:
    """Read the inputs, build the graph, write the outputs and print what was asked."""
    from graphs.analysis import supporters, tasks, workload
    from graphs.build import build_graph, find_bodies
    from graphs.export import FORMATS, write_graph
    from graphs.load import expand_notice_inputs, load_notice

    from .cli import _fail, _limits

    bad = [o for o in a.output if Path(o).suffix.lower() not in FORMATS]
    if bad:
        print(f"zhengce graph: {bad[0]}: unknown graph format; use one of {', '.join(FORMATS)}", file=sys.stderr)
        return 2
    if not (a.output or a.report or a.body):
        print("zhengce graph: nothing to do; give -o FILE, --report or --body NAME", file=sys.stderr)
        return 2
    files = expand_notice_inputs(a.files)
    if not files:
        print("zhengce graph: no input files", file=sys.stderr)
        return 2
    notices, failed = [], 0
    for f in files:
        try:
            notices.append(load_notice(f, _limits(a)))
        except Exception as e:  # noqa: BLE001 — reported as one line, the run goes on
            if a.debug:
                raise
            _fail(f, e)
            failed += 1
    if not notices:
        print("zhengce graph: no notice could be read", file=sys.stderr)
        return 1
    G = build_graph(notices)
    for w in G.graph.get("warnings", ()):
        print(f"zhengce graph: {w}", file=sys.stderr)
    for out in a.output:
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", RuntimeWarning)
                write_graph(G, out)
            for w in caught:
                if issubclass(w.category, RuntimeWarning):
                    print(f"{out}: warning: {w.message}", file=sys.stderr)
        except (OSError, ValueError, ZhengceError) as e:
            if a.debug:
                raise
            print(f"{out}: cannot write ({e.__class__.__name__}: {e})", file=sys.stderr)
            failed += 1
    if a.report:
        w = workload(G)
        print(f"{len(notices)} notice(s), {len(w)} bodies, "
              f"{sum(1 for _, k in G.nodes(data='kind') if k == 'measure')} measures")
        _print_table(w.drop(columns=["canonical"]).reset_index(drop=True), a.top)
        s = supporters(G)
        if len(s):
            print("\nlead nothing, support much:")
            _print_table(s[["name", "region", "support", "responsible"]].reset_index(drop=True))
    for name in a.body:
        found = find_bodies(G, name)
        if not found:
            print(f"zhengce graph: no body named {name}", file=sys.stderr)
            failed += 1
            continue
        for b in found:
            print(f"\n{G.nodes[b]['canonical']} ({G.nodes[b]['region'] or '?'}):")
            _print_table(tasks(G, b)[["number", "title", "role", "deadline", "notice_title"]])
    return 1 if failed else 0


__all__ = ["cmd_graph", "register"]
