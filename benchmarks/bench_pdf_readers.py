"""Time the two PDF engines on the fixture PDFs, in one run, on the same files.

    .venv/bin/python benchmarks/bench_pdf_readers.py [--repeat N] [PDF ...]

For each PDF: seconds to read every page's characters with pypdfium2 (the fast path), with
pdfplumber (`page.chars` — what the table path pays; `find_tables` is timed separately), the full
`read()` as shipped (pypdfium2 everywhere, pdfplumber only on pages that draw vector paths), and
the pdfplumber/pypdfium2 ratio. Also reports whether both engines give the same line texts (exactly,
and ignoring whitespace) on pages without tables. Best of N runs; no files are written.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extractor.readers import read  # noqa: E402
from extractor.readers.base import DEFAULT_LIMITS  # noqa: E402
from extractor.readers.pdf import extract_pages  # noqa: E402

FIXTURES = Path(__file__).resolve().parents[2] / "shared" / "fixtures"


def _best(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def _plumber_tables(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            page.find_tables()


def _agreement(path: Path) -> tuple[int, int, int]:
    """(pages without tables, pages with identical lines, identical ignoring whitespace)."""
    fast, _ = extract_pages(path, DEFAULT_LIMITS, "pdfium")
    slow, _ = extract_pages(path, DEFAULT_LIMITS, "pdfplumber")
    n = same = loose = 0
    for a, b in zip(fast, slow):
        if any(not hasattr(it, "text") for it in b.items):
            continue
        n += 1
        ta, tb = [it.text for it in a.items], [it.text for it in b.items]
        same += ta == tb
        loose += [re.sub(r"\s", "", t) for t in ta] == [re.sub(r"\s", "", t) for t in tb]
    return n, same, loose


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pdfs", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    pdfs = args.pdfs or sorted(FIXTURES.glob("*.pdf"))
    if not pdfs:
        print(f"no PDFs given and none in {FIXTURES}", file=sys.stderr)
        return 2
    print(f"{'file':48} {'pages':>5} {'pdfium s':>9} {'plumber s':>9} {'ratio':>6} {'tables s':>8} "
          f"{'read() s':>8}  same/loose/pages")
    tot = [0.0, 0.0, 0.0, 0.0]
    for path in pdfs:
        pages = len(extract_pages(path, DEFAULT_LIMITS, "pdfium")[0])
        t_fast = _best(lambda: extract_pages(path, DEFAULT_LIMITS, "pdfium"), args.repeat)
        t_slow = _best(lambda: extract_pages(path, DEFAULT_LIMITS, "pdfplumber"), args.repeat)
        t_tab = _best(lambda: _plumber_tables(path), args.repeat)
        t_read = _best(lambda: read(path), args.repeat)
        n, same, loose = _agreement(path)
        for i, v in enumerate((t_fast, t_slow, t_tab, t_read)):
            tot[i] += v
        print(f"{path.name:48} {pages:5d} {t_fast:9.3f} {t_slow:9.3f} {t_slow / t_fast:6.1f} {t_tab:8.3f} "
              f"{t_read:8.3f}  {same}/{loose}/{n}")
    print(f"{'TOTAL':48} {'':5} {tot[0]:9.3f} {tot[1]:9.3f} {tot[1] / tot[0]:6.1f} {tot[2]:8.3f} {tot[3]:8.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
