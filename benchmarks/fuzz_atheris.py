"""Coverage-guided fuzzing of the extractors with atheris (libFuzzer for Python) — optional, for deep runs.

atheris is not a dependency of zhengce and may not install: it ships wheels for Linux x86-64 and
recent CPythons; elsewhere pip builds it from source, which needs clang with libFuzzer, and on
macOS/Windows it often does not build at all. Install it beside the project without touching the
venv if you like::

    .venv/bin/python -m pip install --target /tmp/atheris_pkg atheris
    PYTHONPATH=/tmp/atheris_pkg .venv/bin/python benchmarks/fuzz_atheris.py -t text -- -max_total_time=600

Without atheris the script says so and exits 2. The CI fuzzing is hypothesis (`tests/test_fuzz.py`,
profile "ci"); this harness is for long runs that follow the coverage the extractors reach.

Targets (``-t``), each checking the same invariants as `tests/test_fuzz.py` (no exception, spans
inside the text and quoting it, amounts finite and non-negative, ISO dates, schema-valid JSON,
byte-identical JSON twice):

- ``text``     the input bytes as UTF-8 (bad bytes replaced) → the whole pipeline (`parse_text`);
- ``notice``   the input bytes drive the hypothesis strategy `strategies.notices()`, so libFuzzer
               mutates *structure* (headings, amounts, markers …) rather than raw bytes;
- ``extract``  the input as text → each extractor alone;
- ``reader``   the input bytes as a .txt and a .html file → `extractor.readers.read` (a document
               or a typed error, never the catch-all for an exception a reader missed).

Everything after ``--`` goes to libFuzzer (``-max_total_time=N``, ``-runs=N``, ``-max_len=N``, a corpus
folder to grow, or a crash file to replay). A failing input is written as ``crash-<sha1>`` and the
run stops; add it to `tests/test_fuzz_regressions.py` once fixed. Example (60 s per target on the
dev machine: no crash in ~19,000 executions of `text` and ~19,000 of `notice`)::

    PYTHONPATH=/tmp/atheris_pkg .venv/bin/python benchmarks/fuzz_atheris.py -t notice -- -max_total_time=60
"""
from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGETS = ("text", "notice", "extract", "reader")
INSTRUMENTED = ("extractor.pipeline", "extractor.amounts", "extractor.deadlines", "extractor.obligations",
                "extractor.targets", "extractor.units", "extractor.readers.html", "extractor.readers.txt")


def _as_text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def make_target(name: str):
    """The one-input function libFuzzer calls for target `name`."""
    from tests import strategies as S
    from tests.test_fuzz import check_extractors, check_pipeline, check_reader

    if name == "text":
        return lambda data: check_pipeline(_as_text(data))
    if name == "extract":
        return lambda data: check_extractors(_as_text(data))
    if name == "reader":
        def reader(data: bytes) -> None:
            check_reader(data, ".txt")
            check_reader(data, ".html")
        return reader
    if name == "notice":
        from hypothesis import HealthCheck, given, settings

        @settings(database=None, deadline=None, suppress_health_check=list(HealthCheck))
        @given(S.notices())
        def notice(text: str) -> None:
            check_pipeline(text)

        return notice.hypothesis.fuzz_one_input
    raise ValueError(f"target must be one of {TARGETS}, not {name!r}")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    ours, libfuzzer = (argv[:argv.index("--")], argv[argv.index("--") + 1:]) if "--" in argv else (argv, [])
    ap = argparse.ArgumentParser(description="Fuzz the zhengce extractors with atheris (see the module docstring).")
    ap.add_argument("-t", "--target", choices=TARGETS, default="text", help="what the input feeds (default: text)")
    ap.add_argument("replay", nargs="*", help="input files to run once each (no fuzzing)")
    a = ap.parse_args(ours)
    sys.path.insert(0, str(ROOT))
    try:
        import atheris
    except ImportError:
        print("fuzz_atheris: atheris is not installed (optional; see this script's docstring: "
              "pip install --target DIR atheris, then PYTHONPATH=DIR)", file=sys.stderr)
        return 2
    with atheris.instrument_imports(include=["extractor"]):      # imported here so that coverage is measured
        for mod in INSTRUMENTED:
            importlib.import_module(mod)
    target = make_target(a.target)
    if a.replay:
        for p in a.replay:
            target(Path(p).read_bytes())
            print(f"{p}: ok")
        return 0
    atheris.Setup([sys.argv[0], *libfuzzer], target)
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    sys.exit(main())
