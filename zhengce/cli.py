"""The `zhengce` command: a thin shell over library calls, one per subcommand.

Every subcommand reports a bad input file as one line ``<file>: <reason>`` on stderr and
goes on with the other files; the exit status is 0 when everything succeeded, 1 when some
file failed, 2 for a usage error.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from importlib import import_module
from typing import Iterable

from extractor.errors import ZhengceError
from extractor.readers import EXTENSIONS, Limits

from . import __version__


# subcommands living in their own modules: each has register(subparsers) that adds its parser
# and sets `func` to a handler taking the parsed arguments and returning the exit status
COMMAND_MODULES: tuple[str, ...] = ("cmd_tasks", "cmd_graph", "cmd_compare", "cmd_batch")


def _limits(a: argparse.Namespace) -> Limits:
    return Limits(max_bytes=a.max_bytes, max_pages=a.max_pages, max_unzipped_bytes=a.max_unzipped_bytes,
                  max_zip_entries=a.max_zip_entries, max_chars=a.max_chars)


def _add_limit_flags(p: argparse.ArgumentParser) -> None:
    d = Limits()
    p.add_argument("--max-bytes", type=int, default=d.max_bytes, help=f"largest input file (default {d.max_bytes})")
    p.add_argument("--max-pages", type=int, default=d.max_pages, help=f"most PDF pages (default {d.max_pages})")
    p.add_argument("--max-unzipped-bytes", type=int, default=d.max_unzipped_bytes,
                   help=f"most decompressed bytes in a .docx (default {d.max_unzipped_bytes})")
    p.add_argument("--max-zip-entries", type=int, default=d.max_zip_entries,
                   help=f"most entries in a .docx archive (default {d.max_zip_entries})")
    p.add_argument("--max-chars", type=int, default=d.max_chars, help=f"most characters of text (default {d.max_chars})")


def expand_inputs(paths: Iterable[str]) -> list[Path]:
    """Files named, plus readable files inside folders named (recursively, sorted)."""
    out: list[Path] = []
    for s in paths:
        p = Path(s)
        if p.is_dir():
            out.extend(sorted(q for q in p.rglob("*") if q.is_file() and q.suffix.lower() in EXTENSIONS))
        else:
            out.append(p)
    return out


def _fail(path: object, err: BaseException) -> None:
    if isinstance(err, ZhengceError):
        msg = str(err)
    else:
        msg = f"{path}: internal error ({type(err).__name__}: {err}); please report it with the file"
    print(" ".join(msg.split()) if "\n" in msg else msg, file=sys.stderr)


def cmd_parse(a: argparse.Namespace) -> int:
    from extractor.jsonio import notice_to_json
    from extractor.pipeline import parse_file

    from .overview import print_overview

    files = expand_inputs(a.files)
    if not files:
        print("zhengce parse: no input files", file=sys.stderr)
        return 2
    out = Path(a.output) if a.output else None
    to_dir = out is not None and (len(files) > 1 or out.is_dir() or a.output.endswith(("/", "\\")))
    if to_dir:
        out.mkdir(parents=True, exist_ok=True)
    failed = 0
    notices = []
    for f in files:
        try:
            notice = parse_file(f, _limits(a))
        except Exception as e:  # noqa: BLE001 — reported as one line, the run goes on
            if a.debug:
                raise
            _fail(f, e)
            failed += 1
            continue
        js = notice_to_json(notice, include_text=not a.no_text)
        if out is None:
            if not a.pretty:
                sys.stdout.write(js)
        else:
            target = out / f"{f.stem}.json" if to_dir else out
            _atomic_write(target, js)
        notices.append((f, notice))
    if a.pretty and notices:
        print_overview(notices)
    return 1 if failed else 0


def _atomic_write(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="zhengce", description="Read Chinese government policy notices into structured data.")
    ap.add_argument("--version", action="version", version=f"zhengce {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)

    p = sub.add_parser("parse", help="extract one or more notices to JSON")
    p.add_argument("files", nargs="+", help="notice files (.txt .docx .pdf .html) or folders")
    p.add_argument("-o", "--output", help="output file, or folder (one <name>.json per notice)")
    p.add_argument("--pretty", action="store_true", help="print an overview table in the terminal")
    p.add_argument("--no-text", action="store_true", help="leave the notice text out of the JSON")
    p.add_argument("--debug", action="store_true", help="show tracebacks instead of one-line errors")
    _add_limit_flags(p)
    p.set_defaults(func=cmd_parse)
    for mod in COMMAND_MODULES:
        import_module(f"zhengce.{mod}").register(sub)
    return ap


def main(argv: list[str] | None = None) -> int:
    ap = build_parser()
    a = ap.parse_args(argv)
    try:
        return a.func(a)
    except KeyboardInterrupt:
        print("zhengce: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
