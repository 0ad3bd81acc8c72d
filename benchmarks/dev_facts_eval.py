"""Score the amount, target and deadline extractors alone against the seed and dev gold.

    python benchmarks/dev_facts_eval.py [--set seeds|dev|all] [--by-line] [--show FIELD] [--doc STEM]

Each document is normalised (`extractor.normalize`) and the three extractors run over the whole
normalised text (or, with --by-line, line by line as the pipeline calls them); their facts become
``{"amounts": [...], "targets": [...], "deadlines": [...]}`` and the shared scorer's `score_doc`
compares them with the gold. Prints per-document F1, micro and macro F1 per fact type, the
bound/per/year accuracies, and with --show the unmatched gold and predicted items of a field.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from extractor.amounts import extract_amounts  # noqa: E402
from extractor.deadlines import extract_deadlines  # noqa: E402
from extractor.normalize import normalize  # noqa: E402
from extractor.targets import extract_targets  # noqa: E402

FIELDS = ("amounts", "targets", "deadlines")
SETS = {
    "seeds": (SHARED / "seeds", SHARED / "gold"),
    "dev": (SHARED / "dev" / "docs", SHARED / "dev" / "gold"),
}


def load_scorer():
    spec = importlib.util.spec_from_file_location("zhengce_score", SHARED / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def predict(text: str, by_line: bool = False) -> dict:
    """The three fact lists of one document (raw text) as the scorer reads them."""
    return predict_normalized(normalize(text).text, by_line)


def predict_normalized(norm: str, by_line: bool = False) -> dict:
    """The three fact lists of one normalised text; with `by_line` the extractors see one line at a time."""
    chunks = norm.split("\n") if by_line else [norm]
    out: dict[str, list] = {k: [] for k in FIELDS}
    for chunk in chunks:
        if not chunk.strip():
            continue
        out["amounts"] += [{"text": a.text, "value": a.value, "bound": a.bound, "per": list(a.per)}
                           for a in extract_amounts(chunk)]
        out["targets"] += [{"text": t.text, "value": t.value, "unit": t.unit, "year": t.year}
                           for t in extract_targets(chunk)]
        out["deadlines"] += [{"text": d.text, "date": d.date, "kind": d.kind} for d in extract_deadlines(chunk)]
    return out


def _key(field: str, item: dict, score) -> object:
    if field == "amounts":
        return score.num(item.get("value"))
    if field == "targets":
        u = score.norm(item.get("unit"))
        return (score.num(item.get("value")), score.UNIT_EQUIV.get(u, u))
    return score.norm(item.get("date"))


def show_diff(field: str, pred: dict, gold: dict, score) -> None:
    gp = Counter(_key(field, x, score) for x in gold.get(field) or [])
    pp = Counter(_key(field, x, score) for x in pred.get(field) or [])
    for k, n in (gp - pp).items():
        texts = [x.get("text") for x in gold[field] if _key(field, x, score) == k]
        print(f"    MISS {n}× {k}  {texts[:2]}")
    for k, n in (pp - gp).items():
        texts = [x.get("text") for x in pred[field] if _key(field, x, score) == k]
        print(f"    EXTRA {n}× {k}  {texts[:2]}")
    if field in ("amounts", "targets"):
        _show_attr_diff(field, pred, gold, score)


def _show_attr_diff(field: str, pred: dict, gold: dict, score) -> None:
    by = {}
    for p in pred[field]:
        by.setdefault(_key(field, p, score), []).append(p)
    attrs = ("bound", "per") if field == "amounts" else ("year",)
    for g in gold[field]:
        c = by.get(_key(field, g, score))
        if not c:
            continue
        p = c.pop(0)
        for a in attrs:
            gv, pv = g.get(a), p.get(a)
            if a == "per":
                gv, pv = sorted(gv or []), sorted(pv or [])
            if gv != pv:
                print(f"    {a.upper()} {g.get('text')!r}: gold {gv} pred {pv}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=("seeds", "dev", "all"), default="all")
    ap.add_argument("--by-line", action="store_true", help="run the extractors line by line, as the pipeline does")
    ap.add_argument("--show", choices=FIELDS, action="append", default=[], help="print unmatched items of FIELD")
    ap.add_argument("--doc", help="only documents whose stem contains this")
    ap.add_argument("--json", action="store_true", help="print the predictions as JSON")
    a = ap.parse_args(argv)
    if not SHARED.is_dir():
        print(f"{SHARED} not found: the gold and the seeds sit beside the repository", file=sys.stderr)
        return 2
    score = load_scorer()
    predict_normalized("到2025年,培养1万人,给予5万元")          # warm up: lexicons, regexes, cn2an
    names = ("seeds", "dev") if a.set == "all" else (a.set,)
    for name in names:
        docs, gold_dir = SETS[name]
        totals = {f: Counter() for f in FIELDS}
        macro: dict[str, list[float]] = {f: [] for f in FIELDS}
        accs: dict[str, list[float]] = {}
        elapsed = 0.0
        print(f"== {name}")
        print(f"{'document':46s} " + " ".join(f"{f:>10s}" for f in FIELDS) + "   ms (3 extractors)")
        for gpath in sorted(gold_dir.glob("*.json")):
            if a.doc and a.doc not in gpath.stem:
                continue
            gold = json.loads(gpath.read_text(encoding="utf-8"))
            norm = normalize((docs / f"{gpath.stem}.txt").read_text(encoding="utf-8")).text
            t0 = time.perf_counter()
            pred = predict_normalized(norm, a.by_line)       # timed: the extractors only, not normalize()
            ms = (time.perf_counter() - t0) * 1000
            elapsed += ms
            r = score.score_doc(pred, gold)
            print(f"{gpath.stem[:46]:46s} " + " ".join(f"{r[f]['f1']:10.3f}" for f in FIELDS) + f" {ms:6.1f}")
            for f in FIELDS:
                for k in ("tp", "pred", "gold"):
                    totals[f][k] += r[f][k]
                if r[f]["pred"] or r[f]["gold"]:
                    macro[f].append(r[f]["f1"])
            for k in ("amounts.bound_acc", "amounts.per_acc", "targets.year_acc"):
                if r.get(k) is not None:
                    accs.setdefault(k, []).append(r[k])
            for f in a.show:
                show_diff(f, pred, gold, score)
            if a.json:
                print(json.dumps(pred, ensure_ascii=False, indent=1))
        print(f"{'ALL (micro F1)':46s} " + " ".join(
            f"{score.prf(totals[f]['tp'], totals[f]['pred'], totals[f]['gold'])['f1']:10.3f}" for f in FIELDS))
        print(f"{'ALL (macro F1 over documents)':46s} " + " ".join(
            f"{(sum(macro[f]) / len(macro[f]) if macro[f] else 1.0):10.3f}" for f in FIELDS))
        for f in FIELDS:
            s = score.prf(totals[f]["tp"], totals[f]["pred"], totals[f]["gold"])
            print(f"  {f:10s} P={s['p']:.3f} R={s['r']:.3f} F1={s['f1']:.3f} "
                  f"(tp={s['tp']} pred={s['pred']} gold={s['gold']})")
        for k, vs in accs.items():
            print(f"  {k:18s} {sum(vs) / len(vs):.3f} (mean over {len(vs)} docs)")
        print(f"  extraction time {elapsed:.1f} ms in total")
    return 0


if __name__ == "__main__":
    sys.exit(main())
