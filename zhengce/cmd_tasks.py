"""`zhengce tasks` and `zhengce check`: a notice's 任务分工表, and the check to run before filing it.

A thin shell over `extractor.tasks.notice_to_tasks`, `extractor.taskio.write_tasks` and
`extractor.taskcheck.check_notice`.

    zhengce tasks NOTICE -o 分工表.docx        # or .xlsx / .csv; without -o: CSV on stdout
    zhengce check NOTICE [NOTICE …] [--json]

Exit status: 0 done (warnings — tasks without a responsible body — are printed on stderr and do
not fail the run; findings of `check` are the report, not an error), 1 an input could not be read
(one line ``file: reason`` on stderr), 2 usage error (an output extension that is not
.docx/.xlsx/.csv).

Run without the lead's registration (tests, development)::

    python -m zhengce.cmd_tasks tasks NOTICE -o 分工表.docx
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub) -> None:
    """Add the `tasks` and `check` subcommands to the `zhengce` parser's subparsers."""
    from .cli import _add_limit_flags

    p = sub.add_parser("tasks", help="write the notice's task-division table (任务分工表) as .docx, .xlsx or .csv",
                       description="One row per task: 序号 | 重点任务 | 工作要求 | 牵头单位 | 配合单位 | 完成时限. "
                                   "Where the notice carries a task table, it is reproduced row for row.")
    p.add_argument("notice", help="notice file (.txt .docx .pdf .html)")
    p.add_argument("-o", "--output", help="table to write; the format follows the extension (.docx .xlsx .csv). "
                                          "Without it the table goes to stdout as CSV")
    p.add_argument("--per", choices=("measure", "sentence"), default="measure",
                   help="one row per measure (default) or per requirement sentence")
    p.add_argument("--names", choices=("as_written", "canonical"), default="as_written",
                   help="body names as written (default) or expanded to their full names")
    p.add_argument("--group", action="store_true", help="group rows under their headings (一、 / (一))")
    p.add_argument("--merge-body", action="store_true",
                   help="where the notice has a task table: rank its rows with the body's roles "
                        "and add the body tasks it lacks")
    p.add_argument("--title", help="title above the table (default: 《notice title》重点任务分工表)")
    p.add_argument("--label", default="附件", help="label above the title in the Word file (default 附件; '' for none)")
    p.add_argument("--debug", action="store_true", help="show tracebacks instead of one-line errors")
    _add_limit_flags(p)
    p.set_defaults(func=cmd_tasks)

    c = sub.add_parser("check", help="check a notice before filing: body vs task table, missing bodies, past "
                                     "deadlines, conflicting targets")
    c.add_argument("notices", nargs="+", help="notice files (.txt .docx .pdf .html)")
    c.add_argument("--json", action="store_true", help="print the findings as JSON")
    c.add_argument("--debug", action="store_true", help="show tracebacks instead of one-line errors")
    _add_limit_flags(c)
    c.set_defaults(func=cmd_check)


def _parse(path: str, a: argparse.Namespace):
    from extractor.pipeline import parse_file

    from .cli import _limits

    return parse_file(path, _limits(a))


def cmd_tasks(a: argparse.Namespace) -> int:
    from extractor.taskio import FORMATS, table_title, write_tasks
    from extractor.taskio.csv_writer import rows_to_csv
    from extractor.tasks import notice_to_tasks, rows_warnings

    from .cli import _fail

    if a.output and Path(a.output).suffix.lower() not in FORMATS:
        print(f"zhengce tasks: cannot write {a.output!r}: the output must end in {', '.join(FORMATS)}", file=sys.stderr)
        return 2
    try:
        notice = _parse(a.notice, a)
        rows = notice_to_tasks(notice, per=a.per, names=a.names, group=a.group, merge_body=a.merge_body)
    except Exception as e:  # noqa: BLE001 — reported as one line
        if a.debug:
            raise
        _fail(a.notice, e)
        return 1
    try:
        if a.output:
            write_tasks(rows, a.output, title=a.title or table_title(notice), label=a.label)
        else:
            sys.stdout.write(rows_to_csv(rows))
    except OSError as e:
        if a.debug:
            raise
        print(f"{a.output}: cannot write ({e.strerror or e})", file=sys.stderr)
        return 1
    for w in (*notice.warnings, *rows_warnings(rows)):
        print(f"{a.notice}: warning: {w}", file=sys.stderr)
    if a.output:
        n = sum(r.kind == "task" for r in rows)
        print(f"{a.notice}: {n} tasks written to {a.output}", file=sys.stderr)
    return 0


def cmd_check(a: argparse.Namespace) -> int:
    import json

    from extractor.taskcheck import check_notice, report_to_dict, report_to_text

    from .cli import _fail, expand_inputs

    failed = 0
    reports = []
    for f in expand_inputs(a.notices):
        try:
            notice = _parse(str(f), a)
            findings = check_notice(notice)
        except Exception as e:  # noqa: BLE001 — reported as one line, the run goes on
            if a.debug:
                raise
            _fail(f, e)
            failed += 1
            continue
        for w in notice.warnings:
            print(f"{f}: warning: {w}", file=sys.stderr)
        if a.json:
            reports.append(report_to_dict(findings, str(f)))
        else:
            sys.stdout.write(report_to_text(findings, str(f)))
    if a.json:
        out = reports[0] if len(reports) == 1 and len(a.notices) == 1 else reports
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=1) + "\n")
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    """Run `tasks` or `check` without the main `zhengce` parser (tests, development)."""
    ap = argparse.ArgumentParser(prog="zhengce")
    register(ap.add_subparsers(dest="command", required=True))
    a = ap.parse_args(argv)
    return a.func(a)


if __name__ == "__main__":
    sys.exit(main())
