"""A static picture (PNG or SVG) of who works with whom: the co-responsibility network.

Bodies are circles sized by the measures they hold and coloured by function (人社, 财政 …);
lines join bodies that share measures, thicker for more. Only the `max_bodies` busiest
bodies are drawn, so the picture stays readable.

Chinese labels need a CJK font. `find_cjk_font` looks in matplotlib's font list, then asks
fontconfig (``fc-list :lang=zh``). Without one, the PNG labels bodies by their rank in the
workload table (1 = busiest; see ``zhengce graph --report``) and a warning says which package
to install (``fonts-noto-cjk``); an SVG keeps its labels as text (``svg.fonttype: none``), which
the viewer renders with its own fonts. Not covered: node placement beyond a seeded spring
layout, and drawing measures one by one (the HTML page lists them per body).
"""
from __future__ import annotations

import math
import shutil
import subprocess
import warnings
from functools import lru_cache
from pathlib import Path

import networkx as nx

from .analysis import co_responsibility_graph, workload

CJK_FAMILIES = (
    "Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans CJK TC", "Source Han Sans SC", "Source Han Sans CN",
    "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "SimHei", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB",
    "Heiti SC", "Sarasa Gothic SC", "Droid Sans Fallback", "Noto Serif CJK SC", "AR PL UMing CN", "SimSun",
)
PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f",
           "#17becf", "#8c1d40", "#0b6e4f", "#6a3d9a", "#b15928", "#1b1b9a")
OTHER = "#c7c7c7"


@lru_cache(maxsize=1)
def find_cjk_font() -> str | None:
    """The family name of a font that has Chinese glyphs, or None (looked up once, on first use)."""
    from matplotlib import font_manager

    names = {f.name for f in font_manager.fontManager.ttflist}
    for fam in CJK_FAMILIES:
        if fam in names:
            return fam
    fc = shutil.which("fc-list")
    if not fc:
        return None
    try:
        out = subprocess.run([fc, ":lang=zh", "file"], capture_output=True, text=True, timeout=20).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    for line in sorted(out.splitlines()):
        path = line.split(":")[0].strip()
        if not path.lower().endswith((".ttf", ".otf", ".ttc")):
            continue
        try:
            font_manager.fontManager.addfont(path)
            return font_manager.FontProperties(fname=path).get_name()
        except (OSError, RuntimeError, ValueError):
            continue
    return None


def function_colours(functions: list[str | None]) -> dict[str | None, str]:
    """A colour per function key, the most frequent first; rarer ones and None share grey.

    >>> function_colours(["人社", "财政", "人社", None])["人社"]
    '#4e79a7'
    """
    counts: dict[str, int] = {}
    for f in functions:
        if f:
            counts[f] = counts.get(f, 0) + 1
    ranked = sorted(counts, key=lambda f: (-counts[f], f))
    colours: dict[str | None, str] = {f: PALETTE[i] for i, f in enumerate(ranked[:len(PALETTE)])}
    colours.update({f: OTHER for f in ranked[len(PALETTE):]})
    colours[None] = OTHER
    return colours


def body_labels(P: nx.Graph) -> dict[str, str]:
    """Short labels for body nodes: the shortest name as written (the scope is shown once per block)."""
    return {v: P.nodes[v]["label"] for v in P}


def _block(P: nx.Graph, nodes: list[str], seed: int) -> tuple[dict[str, tuple[float, float]], float, float]:
    """Layout of one scope's bodies: components packed in rows, bodies linked to nobody in a grid below.

    Returns positions with the block's top-left corner at (0, 0), y pointing down, and its width and height.
    """
    sub = P.subgraph(nodes)
    comps = sorted((sorted(c) for c in nx.connected_components(sub)), key=lambda c: (-len(c), c[0]))
    groups = [c for c in comps if len(c) > 1]
    alone = [c[0] for c in comps if len(c) == 1]
    sizes = [1.2 * math.sqrt(len(c)) for c in groups]
    width = max([3.2, *sizes, math.sqrt(sum(x * x for x in sizes) + 0.7 * len(alone)) * 1.2])
    pos: dict[str, tuple[float, float]] = {}
    x = y = row_h = 0.0
    for c, size in zip(groups, sizes):
        if x > 0 and x + size > width:
            x, y, row_h = 0.0, y + row_h, 0.0
        local = nx.spring_layout(P.subgraph(c), weight=None, seed=seed, k=2.0 / math.sqrt(len(c)), iterations=100)
        r = 0.42 * size
        for v, (lx, ly) in local.items():
            pos[v] = (x + size / 2 + float(lx) * r, y + size / 2 - float(ly) * r)
        x += size
        row_h = max(row_h, size)
    y += row_h
    if alone:
        cols = max(1, int(width // 1.6))
        for i, v in enumerate(alone):
            pos[v] = ((i % cols) * 1.6 + 0.15, y + 0.3 + (i // cols) * 0.45)
        y += 0.3 + ((len(alone) - 1) // cols + 1) * 0.45
    return pos, width, y


def layout(P: nx.Graph, seed: int = 1) -> dict[str, tuple[float, float]]:
    """Seeded spring layout, one block per scope (city or notice), blocks packed in rows; scaled to [-1, 1].

    Each city's bodies stay together (they never share a measure with another city's) and
    each connected group is laid out on its own, so that unconnected bodies do not push it
    to the edge. See `scope_boxes` for the block captions.
    """
    if len(P) == 0:
        return {}
    by_scope: dict[str, list[str]] = {}
    for v in sorted(P, key=lambda v: (-P.nodes[v].get("measures", 0), v)):
        by_scope.setdefault(P.nodes[v].get("scope") or "", []).append(v)
    blocks = [(*_block(P, vs, seed), sc) for sc, vs in sorted(by_scope.items(), key=lambda kv: (-len(kv[1]), kv[0]))]
    total = sum(w * h for _, w, h, _ in blocks)
    row_width = max(max(w for _, w, _, _ in blocks), math.sqrt(total) * 1.25)
    placed: dict[str, tuple[float, float]] = {}
    x = y = row_h = 0.0
    gap = 0.6 if len(blocks) > 1 else 0.0
    for pos, w, h, _ in blocks:
        if x > 0 and x + w > row_width:
            x, y, row_h = 0.0, y + row_h + gap, 0.0
        for v, (bx, by) in pos.items():
            placed[v] = (x + bx, -(y + by + gap))
        x += w + gap
        row_h = max(row_h, h + gap)
    xs = [p[0] for p in placed.values()]
    ys = [p[1] for p in placed.values()]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    half = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9) / 2
    return {v: ((px - cx) / half, (py - cy) / half) for v, (px, py) in placed.items()}


def scope_boxes(P: nx.Graph, pos: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float, float, float]]:
    """Per scope (city, or notice without a region): the box (x0, y0, x1, y1) its bodies take in `pos`."""
    boxes: dict[str, tuple[float, float, float, float]] = {}
    for v, (x, y) in pos.items():
        sc = P.nodes[v].get("scope") or ""
        x0, y0, x1, y1 = boxes.get(sc, (x, y, x, y))
        boxes[sc] = (min(x0, x), min(y0, y), max(x1, x), max(y1, y))
    return boxes


def top_bodies(P: nx.Graph, max_bodies: int) -> nx.Graph:
    """The sub-graph of the `max_bodies` bodies holding most measures (ties by name)."""
    keep = sorted(P, key=lambda v: (-P.nodes[v]["measures"], P.nodes[v]["label"], v))[:max_bodies]
    return P.subgraph(keep).copy()


def draw_graph(G: nx.MultiDiGraph, path: str | Path, *, max_bodies: int = 60, title: str | None = None,
               sources=None) -> Path:
    """Draw the co-responsibility network of `G` to a PNG or SVG file (by extension)."""
    from matplotlib import rc_context
    from matplotlib.collections import LineCollection
    from matplotlib.figure import Figure

    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg"):
        raise ValueError(f"{path}: draw_graph writes .png or .svg, not .{fmt or '(none)'}")
    full = co_responsibility_graph(G, sources)
    P = top_bodies(full, max_bodies)
    font = find_cjk_font()
    labels = body_labels(P)
    if font is None:
        warnings.warn("no font with Chinese glyphs found (install fonts-noto-cjk or fonts-wqy-zenhei); "
                      + ("PNG bodies are labelled by their rank in the workload table" if fmt == "png"
                         else "SVG labels are left to the viewer's fonts"), RuntimeWarning, stacklevel=2)
        if fmt == "png":
            rank = {v: i + 1 for i, v in enumerate(workload(G, sources).index)}
            labels = {v: str(rank[v]) for v in P}
    rc = {"svg.fonttype": "none", "font.family": "sans-serif",
          "font.sans-serif": ([font] if font else []) + list(CJK_FAMILIES) + ["DejaVu Sans"]}
    pos = layout(P)
    colours = function_colours([P.nodes[v]["function"] for v in P])
    with rc_context(rc), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"(Glyph .* missing|findfont)")
        n = max(len(P), 1)
        side = min(16.0, 6.0 + n / 6)
        fig = Figure(figsize=(side, side * 0.8), dpi=110)
        ax = fig.add_axes((0.02, 0.02, 0.96, 0.92))
        ax.set_axis_off()
        if P.number_of_edges():
            wmax = max(d["weight"] for _, _, d in P.edges(data=True))
            segs = [(pos[a], pos[b]) for a, b in P.edges()]
            widths = [0.4 + 3.6 * d["weight"] / wmax for _, _, d in P.edges(data=True)]
            ax.add_collection(LineCollection(segs, linewidths=widths, colors="#888888", alpha=0.35, zorder=1))
        nodes = list(P)
        if nodes:
            mmax = max(P.nodes[v]["measures"] for v in nodes) or 1
            ax.scatter([pos[v][0] for v in nodes], [pos[v][1] for v in nodes],
                       s=[60 + 900 * math.sqrt(P.nodes[v]["measures"] / mmax) for v in nodes],
                       c=[colours.get(P.nodes[v]["function"], OTHER) for v in nodes],
                       edgecolors="white", linewidths=1.0, zorder=2)
            for v in nodes:
                ax.text(pos[v][0], pos[v][1], labels[v], fontsize=9, ha="center", va="center", zorder=3,
                        bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.6})
        boxes = scope_boxes(P, pos)
        if len(boxes) > 1 and (font or fmt == "svg"):
            for sc, (x0, _, _, y1) in boxes.items():
                ax.text(x0, y1 + 0.06, sc or "?", fontsize=11, fontweight="bold", ha="left", va="bottom",
                        color="#444444", zorder=4)
        ax.margins(0.08)
        shown = f"{len(P)} of {len(full)} bodies" if len(P) < len(full) else f"{len(P)} bodies"
        ax.set_title(title or f"co-responsibility — {shown}, {P.number_of_edges()} links", fontsize=12)
        used = [f for f in colours if f and colours[f] != OTHER and any(P.nodes[v]["function"] == f for v in P)]
        if used and (font or fmt == "svg"):
            from matplotlib.lines import Line2D
            handles = [Line2D([], [], marker="o", ls="", color=colours[f], label=f) for f in used[:12]]
            ax.legend(handles=handles, loc="lower right", fontsize=8, frameon=False, title="function")
        fig.savefig(path, format=fmt)
    return path


__all__ = ["CJK_FAMILIES", "body_labels", "draw_graph", "find_cjk_font", "function_colours", "layout",
           "scope_boxes", "top_bodies"]
