"""`zhengce compare FILES_OR_DIR... -o report.html|report.xlsx` — compare notices across regions.

A thin shell over `corpus.compare.compare_notices` and `corpus.report.write_report`: parse
every input (a file that cannot be read gives one line on stderr and the run goes on), build
the tables, write the report chosen by the output suffix.
"""
from __future__ import annotations

import argparse
import sys

from .cli import _add_limit_flags, _fail, _limits, expand_inputs

__all__ = ["cmd_compare", "register"]


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `compare` subcommand."""
    p = subparsers.add_parser("compare", help="compare notices: topics, incentives, targets, lead bodies, text reuse",
                              description="Compare notices across regions and write a report (.html or .xlsx).")
    p.add_argument("files", nargs="+", help="notice files (.txt .docx .pdf .html) or folders")
    p.add_argument("-o", "--output", required=True, help="report file: .html (self-contained page) or .xlsx (one sheet per table)")
    p.add_argument("--title", default="政策比较报告", help="title of the HTML report")
    p.add_argument("--no-align", action="store_true", help="skip the measure alignment table")
    p.add_argument("--no-reuse", action="store_true", help="skip text-reuse detection")
    p.add_argument("--min-reuse", type=int, default=40, metavar="N",
                   help="shortest shared passage reported, in characters (default 40)")
    p.add_argument("--debug", action="store_true", help="show tracebacks instead of one-line errors")
    _add_limit_flags(p)
    p.set_defaults(func=cmd_compare)


def cmd_compare(a: argparse.Namespace) -> int:
    from corpus.compare import compare_notices
    from corpus.report import FORMATS, write_report
    from extractor.pipeline import parse_file

    if not a.output.lower().endswith(FORMATS):
        print(f"zhengce compare: cannot write {a.output}: the report must end in {', '.join(FORMATS)}", file=sys.stderr)
        return 2
    files = expand_inputs(a.files)
    if not files:
        print("zhengce compare: no input files", file=sys.stderr)
        return 2
    notices, failed = [], 0
    for f in files:
        try:
            notices.append(parse_file(f, _limits(a)))
        except Exception as e:  # noqa: BLE001 — reported as one line, the run goes on
            if a.debug:
                raise
            _fail(f, e)
            failed += 1
    if not notices:
        print("zhengce compare: no notice could be read", file=sys.stderr)
        return 1
    cmp = compare_notices(notices, align=not a.no_align, reuse=not a.no_reuse,
                          reuse_options={"min_len": a.min_reuse})
    kw = {"title": a.title} if a.output.lower().endswith((".html", ".htm")) else {}
    try:
        path = write_report(cmp, a.output, **kw)
    except OSError as e:
        print(f"zhengce compare: cannot write {a.output}: {e.strerror or e}", file=sys.stderr)
        return 1
    print(f"{path}: {len(notices)} notices, {len(cmp.incentives)} amounts, {len(cmp.targets)} targets, "
          f"{len(cmp.reuse)} shared passages", file=sys.stderr)
    return 1 if failed else 0
