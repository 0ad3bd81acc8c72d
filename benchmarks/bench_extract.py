"""Parse throughput on the sample notices, next to two references timed in the same run.

    python benchmarks/bench_extract.py [--repeat N]

References:
  1. reading the files and segmenting them with ``jieba.lcut`` (the floor any Chinese NLP pays);
  2. JioNLP's ``extract_money`` + ``extract_time`` over the same texts (only when the optional
     ``bench`` extra is installed: ``pip install -e '.[bench]'``; JioNLP is GPL-licensed through a
     dependency and is never a runtime dependency of zhengce).

Reports notices/s and chars/s for each and the ratios. Aim: the full extraction faster than JioNLP's
two extractors alone and within 2x of plain jieba segmentation.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _time(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    from extractor.pipeline import parse_file
    from zhengce import sample_paths

    paths = sample_paths()
    texts = [p.read_text(encoding="utf-8") for p in paths]
    chars = sum(len(t) for t in texts)

    import jieba

    jieba.setLogLevel(60)
    jieba.lcut("预热")        # build jieba's dictionary outside the timing

    def jieba_ref():
        for p in paths:
            jieba.lcut(p.read_text(encoding="utf-8"))

    def zhengce_full():
        for p in paths:
            parse_file(p)

    zhengce_full()            # warm caches (lexicons, compiled patterns)
    rows = [("zhengce parse (read + all extractors)", _time(zhengce_full, a.repeat)),
            ("reference: read + jieba.lcut", _time(jieba_ref, a.repeat))]
    try:
        os.environ.setdefault("JIONLP_NO_WELCOME", "1")
        import jionlp as jio

        extract_money, extract_time = jio.ner.extract_money, jio.ner.extract_time
        extract_money("预热100元")
        extract_time("2025年底前", time_base=time.time())

        def jio_ref():
            for t in texts:
                extract_money(t)
                extract_time(t, time_base=time.time())

        rows.append(("reference: JioNLP extract_money + extract_time", _time(jio_ref, a.repeat)))
    except ImportError:
        print("(JioNLP not installed: pip install -e '.[bench]' to time it)")
    n = len(paths)
    print(f"{n} notices, {chars} characters, best of {a.repeat}")
    base = rows[0][1]
    for name, sec in rows:
        print(f"{name:50s} {sec:8.3f} s  {n / sec:8.1f} notices/s  {chars / sec:10.0f} chars/s  ratio to zhengce {sec / base:5.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
