"""Parse the seeds (and the dev notices) and score them with the shared scorer.

    python benchmarks/eval_gold.py [--dev] [--regions] [--keep DIR]

Prints the scorer's table for the seeds, with --dev for the 20 dev notices too, and with --regions
for each set in tests/data/regions (each annotates only some fields: see its README).
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from extractor.jsonio import notice_to_json  # noqa: E402
from extractor.pipeline import parse_file  # noqa: E402


def convert(src: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for f in sorted(src.glob("*.txt")):
        try:
            n = parse_file(f)
        except Exception as e:  # noqa: BLE001 — a dev harness: show and go on
            print(f"{f.name}: {type(e).__name__}: {e}", file=sys.stderr)
            continue
        (out / f"{f.stem}.json").write_text(notice_to_json(n, include_text=False), encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dev", action="store_true")
    ap.add_argument("--regions", action="store_true", help="also the sets in tests/data/regions")
    ap.add_argument("--keep", type=Path)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    base = a.keep or Path(tempfile.mkdtemp())
    sets = [("seeds", SHARED / "seeds", SHARED / "gold")]
    if a.dev:
        sets.append(("dev", SHARED / "dev" / "docs", SHARED / "dev" / "gold"))
    if a.regions:
        regions = ROOT / "tests" / "data" / "regions"
        sets += [(f"regions/{d.name}", d / "docs", d / "gold") for d in sorted(regions.iterdir()) if d.is_dir()]
    for name, src, gold in sets:
        convert(src, base / name)
        print(f"== {name}")
        cmd = [sys.executable, str(SHARED / "eval" / "score.py"), "--pred", str(base / name), "--gold", str(gold)]
        if a.json:
            cmd.append("--json")
        subprocess.run(cmd, check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
