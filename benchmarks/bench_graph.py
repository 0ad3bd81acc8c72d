"""How fast is `build_graph` on a corpus? Parse the five seeds once, replicate them 200× with
distinct ids (1,000 notices), and time building the graph.

    python benchmarks/bench_graph.py [--copies 200] [--repeat 3] [--analyses]

Prints the best of `repeat` runs in seconds and notices per second; with --analyses also times
the workload table and centrality on the result. Not a test: nothing is asserted.
"""
from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractor.pipeline import parse_file  # noqa: E402
from graphs import build_graph, centrality, workload  # noqa: E402


def corpus(copies: int) -> list:
    seeds = [parse_file(p) for p in sorted((ROOT / "zhengce" / "samples").glob("*.txt"))]
    return [replace(n, id=f"{n.id}-{i:04d}") for i in range(copies) for n in seeds]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--analyses", action="store_true")
    a = ap.parse_args()
    notices = corpus(a.copies)
    best, G = float("inf"), None
    for _ in range(a.repeat):
        t0 = time.perf_counter()
        G = build_graph(notices)
        best = min(best, time.perf_counter() - t0)
    print(f"build_graph: {len(notices)} notices, {G.number_of_nodes()} nodes, {G.number_of_edges()} edges: "
          f"{best:.2f} s ({len(notices) / best:.0f} notices/s, best of {a.repeat})")
    if a.analyses:
        for name, fn in (("workload", lambda: workload(G)), ("centrality (k=100)", lambda: centrality(G, k=100))):
            t0 = time.perf_counter()
            fn()
            print(f"{name}: {time.perf_counter() - t0:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
