"""Batch conversion speed, scaling and memory: `python benchmarks/bench_batch.py [--n 10000] [--jobs 1,2]`.

Generates a corpus of `--n` distinct notices in a temp folder — the bundled seeds and their format
variants in ../shared/fixtures (.txt, GB18030 .txt, .docx, .pdf), each copy perturbed so its content
hash is new (a line appended to text files, a zip comment on .docx, a trailing comment on .pdf) —
then converts it once per worker count, each run in a fresh process into a fresh output folder.

Reported per run: wall time, conversion time and tables time; notices/s overall and per worker;
the speed-up over the fewest workers; peak RSS of the whole process tree (batch parent, fork
server, workers) and of its largest process, sampled every `--sample` seconds, with the tree's RSS
at each tenth of the run to show whether memory stays flat; and "other load", the cores that other
processes on the machine kept busy during the run (busy CPU from /proc/stat minus this run's own) —
with 2 cores, any other load makes the 2-worker figure understate the scaling. Checks that every
run wrote the same notice JSON, byte for byte (unless the extractor's code changed in between).

The default `--n 200` takes about a minute on 2 cores. Run on a quiet machine: other processes
competing for the cores make the scaling look worse than it is (the load average is printed).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "zhengce" / "samples"
FIXTURES = ROOT.parent / "shared" / "fixtures"


def sources() -> list[Path]:
    out = sorted(SAMPLES.glob("*.txt"))
    if FIXTURES.is_dir():
        out += sorted(p for p in FIXTURES.iterdir() if p.suffix in (".txt", ".docx", ".pdf"))
    return out


def perturb(src: Path, dst: Path, i: int) -> None:
    """A copy of `src` with distinct bytes (and, for UTF-8 text, a distinct last line)."""
    if src.suffix == ".txt" and "gb18030" not in src.name:
        dst.write_text(src.read_text(encoding="utf-8") + f"\n（基准测试副本 {i}）\n", encoding="utf-8")
    elif src.suffix == ".txt":
        dst.write_bytes(src.read_bytes() + f"\n（基准测试副本 {i}）\n".encode("gb18030"))
    elif src.suffix == ".docx":
        shutil.copyfile(src, dst)
        with zipfile.ZipFile(dst, "a") as z:
            z.comment = f"bench copy {i}".encode()
    else:
        dst.write_bytes(src.read_bytes() + f"\n%bench copy {i}\n".encode())


def make_corpus(folder: Path, n: int) -> dict[str, int]:
    srcs = sources()
    kinds: dict[str, int] = {}
    for i in range(n):
        src = srcs[i % len(srcs)]
        d = folder / f"batch{i // 500:03d}"
        d.mkdir(parents=True, exist_ok=True)
        perturb(src, d / f"{i:06d}-{src.name}", i)
        kind = "gb18030.txt" if "gb18030" in src.name else src.suffix[1:]
        kinds[kind] = kinds.get(kind, 0) + 1
    return kinds


# ---------------------------------------------------------------- memory of a process tree

def _children_map() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as fh:
                    ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            kids.setdefault(ppid, []).append(int(d))
    return kids


def tree_rss(pid: int, cpu: dict[int, float] | None = None) -> tuple[int, int, int]:
    """(total RSS in bytes, largest process RSS, number of processes) of `pid` and its descendants.

    `cpu`, if given, is updated with each process's CPU seconds so far (user + system).
    """
    kids = _children_map()
    todo, total, biggest, n = [pid], 0, 0, 0
    tick = os.sysconf("SC_CLK_TCK")
    while todo:
        p = todo.pop()
        todo.extend(kids.get(p, ()))
        try:
            with open(f"/proc/{p}/statm") as fh:
                rss = int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            if cpu is not None:
                with open(f"/proc/{p}/stat") as fh:
                    f = fh.read().rsplit(")", 1)[1].split()
                cpu[p] = (int(f[11]) + int(f[12])) / tick
        except (OSError, IndexError, ValueError):
            continue
        total, biggest, n = total + rss, max(biggest, rss), n + 1
    return total, biggest, n


def busy_seconds() -> float:
    """CPU seconds the whole machine has spent busy (all cores, from /proc/stat)."""
    with open("/proc/stat") as fh:
        f = [int(x) for x in fh.readline().split()[1:]]
    return (sum(f[:8]) - f[3] - f[4]) / os.sysconf("SC_CLK_TCK")


_RUN = """
import json, sys
from dataclasses import asdict
from corpus.batch import run_batch
r = run_batch(sys.argv[1], sys.argv[2], jobs=int(sys.argv[3]), max_tasks_per_child=int(sys.argv[4]), progress=False)
d = asdict(r); d.pop("errors"); print(json.dumps(d))
"""


def wait_quiet(limit: float, cores_free: float = 1.8, window: float = 5.0) -> float:
    """Wait (at most `limit` s) until the machine has had `cores_free` idle cores for `window` s; the seconds waited."""
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < limit:
        b0, t1 = busy_seconds(), time.perf_counter()
        time.sleep(window)
        if (os.cpu_count() or 1) - (busy_seconds() - b0) / (time.perf_counter() - t1) >= cores_free:
            break
    return time.perf_counter() - t0


def run_once(corpus: Path, out: Path, jobs: int, max_tasks: int, sample: float) -> dict:
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", _RUN, str(corpus), str(out), str(jobs), str(max_tasks)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    samples: list[tuple[float, int, int, int]] = []
    cpu: dict[int, float] = {}
    busy0 = busy_seconds()

    def sampler():
        while proc.poll() is None:
            samples.append((time.perf_counter() - t0, *tree_rss(proc.pid, cpu)))
            time.sleep(sample)

    th = threading.Thread(target=sampler, daemon=True)
    th.start()
    stdout, stderr = proc.communicate()
    th.join()
    wall = time.perf_counter() - t0
    busy = busy_seconds() - busy0
    if proc.returncode not in (0, 1):
        raise SystemExit(f"batch failed ({proc.returncode}):\n{stderr}")
    rep = json.loads(stdout.strip().splitlines()[-1])
    # cores kept busy by everything else on the machine during the run (ours is sampled, so this errs high)
    rep.update(jobs=jobs, wall_s=wall, samples=samples, own_cpu_s=sum(cpu.values()),
               other_cores=max(0.0, busy - sum(cpu.values())) / wall)
    return rep


def digest(out: Path) -> str:
    h = hashlib.sha256()
    for p in sorted((out / "notices").glob("*.json")):
        h.update(p.name.encode() + p.read_bytes())
    return h.hexdigest()


def mib(b: float) -> str:
    return f"{b / 2**20:.0f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=200, help="notices in the generated corpus (default 200)")
    ap.add_argument("--jobs", default="1,2", help="worker counts to compare (default 1,2)")
    ap.add_argument("--max-tasks-per-child", type=int, default=500)
    ap.add_argument("--sample", type=float, default=0.5, help="seconds between RSS samples")
    ap.add_argument("--dir", help="work folder (default: a temp folder, removed afterwards)")
    ap.add_argument("--json", help="also write the full results (with RSS samples) to this file")
    ap.add_argument("--wait-quiet", type=float, default=0, metavar="S",
                    help="before each run, wait up to S seconds for the other processes on the machine to go idle")
    a = ap.parse_args(argv)

    work = Path(a.dir) if a.dir else Path(tempfile.mkdtemp(prefix="zhengce-bench-"))
    try:
        corpus = work / "in"
        t = time.perf_counter()
        kinds = make_corpus(corpus, a.n)
        print(f"corpus: {a.n} notices ({', '.join(f'{v} {k}' for k, v in sorted(kinds.items()))}) "
              f"made in {time.perf_counter() - t:.1f} s; {os.cpu_count()} cores; load {os.getloadavg()[0]:.2f}")
        runs = []
        for j in [int(x) for x in a.jobs.split(",")]:   # in the order given; speed-ups are over the fewest workers
            out = work / f"out-j{j}"
            shutil.rmtree(out, ignore_errors=True)
            if a.wait_quiet:
                print(f"-j{j}: waited {wait_quiet(a.wait_quiet):.0f} s for a quiet machine", flush=True)
            r = run_once(corpus, out, j, a.max_tasks_per_child, a.sample)
            r["digest"] = digest(out)
            runs.append(r)
            shutil.rmtree(out, ignore_errors=True)
        base = min(runs, key=lambda r: r["jobs"])
        print(f"\n{'jobs':>4} {'wall s':>8} {'convert s':>9} {'tables s':>8} {'notices/s':>9} {'per worker':>10} "
              f"{'speed-up':>8} {'peak RSS MiB':>12} {'largest proc':>12} {'other load':>10}  failed")
        for r in runs:
            rate = r["converted"] / r["convert_s"] if r["convert_s"] else 0.0
            r["rate"] = rate
            speed = base["convert_s"] / r["convert_s"] if r["convert_s"] else 0.0
            peak = max((s[1] for s in r["samples"]), default=0)
            big = max((s[2] for s in r["samples"]), default=0)
            print(f"{r['jobs']:>4} {r['wall_s']:>8.1f} {r['convert_s']:>9.1f} {r['tables_s']:>8.1f} {rate:>9.1f} "
                  f"{rate / r['jobs']:>10.1f} {speed:>7.2f}x {mib(peak):>12} {mib(big):>12} {r['other_cores']:>10.2f}  "
                  f"{r['failed']}")
        for r in runs:
            ss = r["samples"]
            if ss:
                deciles = [ss[min(len(ss) - 1, int(len(ss) * k / 10))][1] for k in range(1, 11)]
                print(f"  -j{r['jobs']} tree RSS (MiB) at each tenth of the run: {' '.join(mib(x) for x in deciles)}")
        same = len({r["digest"] for r in runs}) == 1
        print(f"\nnotice JSON identical across runs: {'yes' if same else 'NO'}; load at end {os.getloadavg()[0]:.2f}")
        if a.json:
            Path(a.json).write_text(json.dumps({"n": a.n, "kinds": kinds, "runs": runs}, indent=1), encoding="utf-8")
        return 0 if same else 1
    finally:
        if not a.dir:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
