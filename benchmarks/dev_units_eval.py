#!/usr/bin/env python3
"""Units pair F1 and role accuracy of `extractor.units` on the seeds and the dev notices.

    .venv/bin/python benchmarks/dev_units_eval.py [--set seeds|dev|all] [--show DOC] [--json]

The structure parser is written elsewhere, so this harness cuts measures roughly itself: each
gold measure is located by its title (or, for annex rows, by its requirement text) in the
normalised notice and runs to the next located measure or numbered heading; numbered items
that match no gold measure are cut too, so that units found there count as false hits.
Annex table rows give their unit cells to `units_from_cells`, annex lines "X负责…" go to
`parse_annex_duty_line`, everything else to `extract_units`; inheritance is applied in
reading order as `assign_units` does. Scoring is the shared scorer's `score_doc`.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractor.agencies import fold, is_body  # noqa: E402
from extractor.normalize import normalize  # noqa: E402
from extractor.units import (extract_units, find_inheritance, parse_annex_duty_line, split_units,  # noqa: E402
                             unit_key, units_from_cells)

SHARED = Path("/work/shared")
SETS = {"seeds": (SHARED / "seeds", SHARED / "gold"), "dev": (SHARED / "dev" / "docs", SHARED / "dev" / "gold")}
HEADING = re.compile(r"(?m)^(?:\d{1,3}[.、](?!\d)|\([一二三四五六七八九十]+\)|\(\d{1,3}\)|[一二三四五六七八九十]+、|第[一二三四五六七八九十百零\d]+条)")
ARTICLE = re.compile(r"第[一二三四五六七八九十百零]+条")
ARTICLE_HEADING = re.compile(r"(?m)^(?:第[一二三四五六七八九十百零\d]+[条章])")


def load_scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def key(s: str) -> str:
    return re.sub(r"\s+", "", fold(s or ""))


def locate(text: str, g: dict, used: set[int]) -> int | None:
    """Start of the gold measure in the normalised text (row text for annex rows, else title)."""
    probe = key(g.get("text") or "")[:24] or key(g["title"])[:30]
    if not probe:
        return None
    hits = [m.start() for m in re.finditer(re.escape(probe), text)]
    hits = [h for h in hits if h not in used] or hits
    if not hits:
        return None
    if g.get("text"):   # an annex row: prefer an occurrence in a table row
        def line_of(h: int) -> str:
            end = text.find("\n", h)
            return text[text.rfind("\n", 0, h) + 1: len(text) if end < 0 else end]
        rows = [h for h in hits if "|" in line_of(h)]
        return (rows or hits)[0]
    # prefer a heading occurrence (after a number at line start)
    for h in hits:
        line_start = text.rfind("\n", 0, h) + 1
        if HEADING.match(text, line_start) and h - line_start < 12:
            return h
    return hits[0]


STOP = re.compile(r"(?m)^(?:附件|抄送|[\u4e00-\u9fff]{2,30}(?:办公室|人民政府|局|厅)$|\d{4}年\d{1,2}月\d{1,2}日)")


def segment_end(text: str, start: int, starts: list[int]) -> int:
    nxt = [text.rfind("\n", 0, s) + 1 if text.rfind("\n", 0, s) + 1 > start else s for s in starts if s > start]
    stop = STOP.search(text, start + 1)
    if stop:
        nxt.append(stop.start())
    heading = ARTICLE_HEADING if ARTICLE.search(text) else HEADING   # 办法: sub-items stay in their article
    m = heading.search(text, text.find("\n", start) + 1 if text.find("\n", start) >= 0 else len(text))
    cands = nxt + ([m.start()] if m else []) + [len(text)]
    a = ARTICLE.search(text, start + 4)
    if a:
        cands.append(a.start())
    return min(cands)


def units_for(text: str, start: int, end: int, g: dict | None) -> tuple[list, str]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end]
    if "|" in line:                                   # annex table row: the last cell of bodies
        cells = [c.strip() for c in line.split("|")]
        for c in reversed(cells):
            if c and split_units(c) and all(is_body(n) for n, _ in split_units(c)):
                return units_from_cells(responsible_cell=c), "table"
        return [], "table"
    seg = text[start:end]
    js = re.search(r'"owner":"([^"]*)","co":"([^"]*)"', seg)
    if js:
        return units_from_cells(js.group(1), js.group(2)), "table"
    js = re.search(r'departments:"([^"]*)"', seg)
    if js:
        return extract_units(js.group(1)), "js"
    prefix = text[line_start:start]
    if prefix and re.search(r"(?:负责|要)$", prefix):   # annex line "X负责<title>"
        parsed = parse_annex_duty_line(line)
        if parsed:
            return parsed[0], "annex"
    body_start = line_start if HEADING.match(text, line_start) and start - line_start < 12 else start
    return extract_units(text[body_start:end]), "body"


def run_doc(doc: Path, gold: dict) -> tuple[dict, list]:
    text = normalize(doc.read_text(encoding="utf-8", errors="replace")).text
    text = fold(text)
    gms = gold.get("measures") or []
    used: set[int] = set()
    located = []
    for gi, g in enumerate(gms):
        s = locate(text, g, used)
        if s is not None:
            used.add(s)
        located.append(s)
    starts = sorted(s for s in located if s is not None)
    segs = []   # (start, end, title, gold index or None, textfield)
    for gi, s in enumerate(located):
        if s is not None:
            segs.append((s, segment_end(text, s, starts), gms[gi]["title"], gi, gms[gi].get("text")))
    covered = [(a, b) for a, b, *_ in segs]
    for m in (ARTICLE_HEADING if ARTICLE.search(text) else HEADING).finditer(text):
        a = m.start()
        line_end = text.find("\n", a)
        line_end = len(text) if line_end < 0 else line_end
        if "。" not in text[a:line_end] or any(x - 12 <= a < y for x, y in covered):
            continue
        b = segment_end(text, a, starts)
        segs.append((a, b, f"(extra) {text[m.end():m.end() + 20]}", None, None))
    segs.sort()
    carried, measures, detail = [], [], []
    for a, b, title, gi, tfield in segs:
        units, how = units_for(text, a, b, gms[gi] if gi is not None else None)
        if how == "body":
            line_start = text.rfind("\n", 0, a) + 1
            seg_text = text[line_start if a - line_start < 12 else a:b]
            carried += [u for i in find_inheritance(seg_text) for u in i.units]
            have = {unit_key(u.name).removeprefix("各") for u in units}
            for u in carried:
                k = unit_key(u.name).removeprefix("各")
                if k not in have:
                    have.add(k)
                    units.append(u)
        m = {"title": title, "units": [{"name": u.name, "role": u.role} for u in units]}
        if tfield:
            m["text"] = tfield
        measures.append(m)
        detail.append((title, gi, units, how))
    missing = [gms[gi]["title"] for gi, s in enumerate(located) if s is None]
    return {"measures": measures}, detail + [(f"(not located) {t}", None, [], "-") for t in missing]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default="all", choices=("seeds", "dev", "all"))
    ap.add_argument("--show", default=None, help="print per-measure differences for documents whose name contains this")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    score = load_scorer()
    report = {}
    for name in (("seeds", "dev") if a.set == "all" else (a.set,)):
        docs, golds = SETS[name]
        tot = {"tp": 0, "pred": 0, "gold": 0}
        accs = []
        rows = {}
        for gpath in sorted(golds.glob("*.json")):
            gold = json.loads(gpath.read_text(encoding="utf-8"))
            doc = docs / gold.get("doc", gpath.stem + ".txt")
            if not doc.exists():
                doc = docs / (gpath.stem + ".txt")
            pred, detail = run_doc(doc, gold)
            r = score.score_doc(pred, gold)
            u = r["units"]
            for k in tot:
                tot[k] += u[k]
            if r["units.role_acc"] is not None:
                accs.append((r["units.role_acc"], len(set())))
            rows[gpath.stem] = {"p": u["p"], "r": u["r"], "f1": u["f1"], "tp": u["tp"], "pred": u["pred"],
                                "gold": u["gold"], "role_acc": r["units.role_acc"]}
            if a.show and a.show in gpath.stem:
                gms = gold.get("measures") or []
                for title, gi, units, how in detail:
                    got = {(unit_key(x.name), x.role) for x in units}
                    want = {(unit_key(x["name"]), x["role"]) for x in gms[gi]["units"]} if gi is not None else set()
                    if got != want:
                        print(f"[{how}] {title[:40]}")
                        print("   missing:", sorted(want - got))
                        print("   extra:  ", sorted(got - want))
        p = tot["tp"] / tot["pred"] if tot["pred"] else 1.0
        rr = tot["tp"] / tot["gold"] if tot["gold"] else 1.0
        f = 2 * p * rr / (p + rr) if p + rr else 0.0
        role = [v["role_acc"] for v in rows.values() if v["role_acc"] is not None]
        report[name] = {"docs": rows, "micro": {"p": p, "r": rr, "f1": f, **tot},
                        "role_acc_macro": sum(role) / len(role) if role else None}
    if a.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return 0
    for name, rep in report.items():
        print(f"== {name}")
        print(f"{'document':58s} {'P':>6s} {'R':>6s} {'F1':>6s} {'role':>6s}  tp/pred/gold")
        for d, v in rep["docs"].items():
            ra = "-" if v["role_acc"] is None else f"{v['role_acc']:.3f}"
            print(f"{d[:58]:58s} {v['p']:6.3f} {v['r']:6.3f} {v['f1']:6.3f} {ra:>6s}  "
                  f"{v['tp']}/{v['pred']}/{v['gold']}")
        m = rep["micro"]
        ra = rep["role_acc_macro"]
        print(f"{'ALL (micro)':58s} {m['p']:6.3f} {m['r']:6.3f} {m['f1']:6.3f} "
              f"{'-' if ra is None else format(ra, '6.3f'):>6s}  {m['tp']}/{m['pred']}/{m['gold']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
