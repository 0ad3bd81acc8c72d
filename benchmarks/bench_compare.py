"""How long comparing 1,000 notices takes: topic alignment + tables + text reuse.

The five seeds are parsed once, then replicated with perturbations to N notices (default 1000):
each replica gets its own region and id; half of the characters of its text that are not topic
keywords (half of them, at random), amounts or targets are replaced by characters drawn from the
seeds, and so is every character right next to those (same length, so every span stays valid): replicas share the
vocabulary and the facts that keep the tables meaningful, but no passage. Its amounts are
rescaled, and one replica in ten overwrites one to three passages with text copied from another
replica (planted reuse). Prints seconds per stage and the total; the target is under 60 s on one
core (BLAS is held to one thread).

    .venv/bin/python benchmarks/bench_compare.py [--n 1000] [--seed 1] [--report out.html]
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import time
from dataclasses import replace
from pathlib import Path

# one core, as promised: keep BLAS from spreading the matrix products over every CPU
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from corpus.compare import compare_notices  # noqa: E402
from corpus.topics import find_topic_hits  # noqa: E402
from extractor.model import Region  # noqa: E402
from extractor.pipeline import parse_file  # noqa: E402



def _protected(text: str, spans, rng: random.Random, keyword_share: float) -> bytearray:
    """1 inside facts and (a share of the) topic keywords, 2 on the characters just before and after them."""
    keep = bytearray(len(text))
    words = [h.span for h in find_topic_hits(text) if rng.random() < keyword_share]
    for a, b in list(spans) + words:
        keep[a:b] = b"\x01" * (b - a)
    for i in range(len(text)):
        if keep[i] == 0 and ((i > 0 and keep[i - 1] == 1) or (i + 1 < len(text) and keep[i + 1] == 1)):
            keep[i] = 2
    return keep


def mutate(text: str, rng: random.Random, rate: float, spans=(), alphabet=(), keyword_share: float = 1.0) -> str:
    """Replace `rate` of the CJK characters outside `spans` and the kept topic keywords, and always
    the characters next to them (same length): replicas share vocabulary and facts, not passages."""
    keep = _protected(text, spans, rng, keyword_share)
    chars = list(text)
    for i, ch in enumerate(chars):
        if keep[i] != 1 and "\u4e00" <= ch <= "\u9fff" and (keep[i] == 2 or rng.random() < rate):
            chars[i] = rng.choice(alphabet)
    return "".join(chars)


def replicate(seeds, n: int, rng: random.Random, rate: float = 0.5, copy_share: float = 0.1):
    # replacement characters come from the seeds themselves: simplified, with their frequencies
    alphabet = [ch for sd in seeds for ch in sd.text if "\u4e00" <= ch <= "\u9fff"]
    out = []
    for i in range(n):
        s = seeds[i % len(seeds)]
        spans = [a.span for a in s.amounts] + [t.span for t in s.targets]
        text = mutate(s.text, rng, rate, spans, alphabet, keyword_share=0.5)
        measures = tuple(replace(m, title=mutate(m.title, rng, rate, (), alphabet),
                                 text=mutate(m.text, rng, rate, (), alphabet))
                         for m in s.measures)
        amounts = tuple(replace(a, value=round(a.value * rng.choice((0.5, 0.8, 1, 1.2, 2)))) for a in s.amounts)
        meta = replace(s.meta, region=Region(province=s.meta.region.province and f"省{i:04d}",
                                             city=f"样本{i:04d}市"), issuer=())
        out.append(replace(s, id=f"r{i:04d}", text=text, measures=measures, amounts=amounts, meta=meta))
    planted = 0
    for i in range(n):
        if rng.random() >= copy_share:
            continue
        donor = out[rng.randrange(n)]
        if donor.id == out[i].id:
            continue
        text = out[i].text
        for _ in range(rng.randint(1, 3)):
            ln = rng.randint(80, 300)
            if len(donor.text) <= ln + 10 or len(text) <= ln + 10:
                continue
            a = rng.randrange(len(donor.text) - ln)
            b = rng.randrange(len(text) - ln)
            text = text[:b] + donor.text[a:a + ln] + text[b + ln:]
            planted += 1
        out[i] = replace(out[i], text=text)
    return out, planted


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--report", help="also write the report (.html/.xlsx) and time it")
    a = ap.parse_args(argv)
    rng = random.Random(a.seed)
    t0 = time.perf_counter()
    seeds = [parse_file(p) for p in sorted((ROOT / "zhengce" / "samples").glob("*.txt"))]
    t1 = time.perf_counter()
    notices, planted = replicate(seeds, a.n, rng)
    t2 = time.perf_counter()
    cmp = compare_notices(notices)
    t3 = time.perf_counter()
    print(f"parse 5 seeds          {t1 - t0:6.2f} s (not timed below)")
    print(f"replicate to {a.n:<5d}     {t2 - t1:6.2f} s (not timed below; {planted} planted passages)")
    print(f"notices {len(notices)}, measures {len(cmp.measures)}, amounts {len(cmp.incentives)}, "
          f"targets {len(cmp.targets)}, aligned pairs {len(cmp.alignment)}, shared passages {len(cmp.reuse)}")
    print(f"compare (alignment + tables + reuse): {t3 - t2:.2f} s")
    if a.report:
        from corpus.report import write_report

        write_report(cmp, a.report)
        print(f"report {a.report}: {time.perf_counter() - t3:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
