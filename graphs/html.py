"""A self-contained interactive HTML page of a responsibility graph (works offline: no CDN).

Positions are computed in Python (a seeded spring layout of the co-responsibility network,
`graphs.draw.layout`) and the page draws them as inline SVG with a little vanilla JavaScript:
click a body to list its tasks (role, measure, notice, section, deadline), type in the box to
find a body, drag to pan, scroll to zoom. The page template is the data file
``graphs/templates/graph.html``; the graph goes in as JSON in a ``<script type="application/json">``
block (``<`` escaped, so no text from a notice can close the script).

Not covered: re-running the layout in the browser, or editing the graph.
"""
from __future__ import annotations

import html as _html
import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

import networkx as nx

from .analysis import co_responsibility_graph
from .build import nodes_of
from .draw import OTHER, body_labels, function_colours, layout, scope_boxes, top_bodies

ROLE_ORDER = {"lead": 0, "responsible": 1, "support": 2}
MAJOR_PER_SCOPE = 12      # in a crowded page, only the busiest bodies of each city are labelled until zoomed in


@lru_cache(maxsize=1)
def load_template() -> str:
    """The page template (``graphs/templates/graph.html``), read once on first use."""
    return resources.files("graphs").joinpath("templates", "graph.html").read_text(encoding="utf-8")


def _tasks(G: nx.MultiDiGraph, body: str, keep: set[str] | None, limit: int) -> tuple[list[dict], int]:
    seen: dict[tuple[str, str], dict] = {}
    for _, m, d in G.out_edges(body, data=True):
        if d.get("kind") != "duty" or (m, d["role"]) in seen:
            continue
        a = G.nodes[m]
        if keep is not None and a.get("source") not in keep:
            continue
        seen[m, d["role"]] = {"notice": a["notice"], "number": a.get("number") or "", "title": a.get("title") or "",
                              "role": d["role"], "inherited": bool(d.get("inherited")),
                              "deadline": a.get("deadline") or "", "section": " / ".join(a.get("section") or ())}
    rows = sorted(seen.values(), key=lambda t: (ROLE_ORDER.get(t["role"], 9), t["deadline"] or "9999"))
    return rows[:limit], max(0, len(rows) - limit)


def page_data(G: nx.MultiDiGraph, *, title: str | None = None, max_bodies: int = 300, max_tasks: int = 400,
              sources: Iterable[str] | None = None) -> dict[str, Any]:
    """What the page shows, as plain JSON-ready data: bodies with positions and tasks, links, notices."""
    keep = set(sources) if sources is not None else None
    full = co_responsibility_graph(G, sources)
    P = top_bodies(full, max_bodies)
    pos = layout(P)
    labels = body_labels(P)
    colours = function_colours([P.nodes[v]["function"] for v in P])
    rank: dict[str, int] = {}
    per_scope: dict[str, int] = {}
    for v in sorted(P, key=lambda v: (-P.nodes[v]["measures"], v)):
        sc = P.nodes[v].get("scope") or ""
        rank[v] = per_scope[sc] = per_scope.get(sc, 0) + 1
    bodies = []
    for v in sorted(P, key=lambda v: (-P.nodes[v]["measures"], labels[v], v)):
        a = P.nodes[v]
        tasks, more = _tasks(G, v, keep, max_tasks)
        roles: dict[str, set] = {"lead": set(), "support": set(), "responsible": set()}
        for _, m, d in G.out_edges(v, data=True):
            if d.get("kind") == "duty" and (keep is None or G.nodes[m].get("source") in keep):
                roles.setdefault(d["role"], set()).add(m)
        count = {r: len(s) for r, s in roles.items()}
        bodies.append({"id": v, "label": labels[v], "canonical": a["canonical"], "aliases": list(a["aliases"]),
                       "region": a["region"], "function": a["function"], "level": a["level"],
                       "measures": a["measures"], **count, "colour": colours.get(a["function"], OTHER),
                       "pos": [round(pos[v][0], 4), round(pos[v][1], 4)], "minor": rank[v] > MAJOR_PER_SCOPE,
                       "tasks": tasks, "more": more})
    links = [{"source": a, "target": b, "weight": d["weight"]} for a, b, d in P.edges(data=True)]
    notices = {n.split(":", 1)[1]: G.nodes[n].get("label") or n for n in nodes_of(G, "notice")}
    boxes = scope_boxes(P, pos) if len({P.nodes[v].get("scope") for v in P}) > 1 else {}
    captions = [{"text": sc or "?", "pos": [round(x0, 4), round(y1, 4)]} for sc, (x0, _, _, y1) in boxes.items()]
    used = [f for f in colours if f and colours[f] != OTHER and any(b["function"] == f for b in bodies)]
    return {"title": title or _default_title(G), "bodies": bodies, "links": links, "notices": notices,
            "functions": [{"name": f, "colour": colours[f]} for f in used], "hidden": len(full) - len(P),
            "captions": captions}


def _default_title(G: nx.MultiDiGraph) -> str:
    ns = nodes_of(G, "notice")
    if len(ns) == 1:
        return f"责任图 · {G.nodes[ns[0]].get('label') or ''}"
    return f"责任图 · {len(ns)} notices"


def to_html(G: nx.MultiDiGraph, **kw: Any) -> str:
    """The page as one HTML string (everything inline)."""
    data = page_data(G, **kw)
    js = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    fill = {"TITLE": _html.escape(data["title"]), "DATA": js}
    return re.sub(r"\{\{(TITLE|DATA)\}\}", lambda m: fill[m.group(1)], load_template())


def write_html(G: nx.MultiDiGraph, path: str | Path, **kw: Any) -> Path:
    """Write the interactive page to `path`."""
    path = Path(path)
    path.write_text(to_html(G, **kw), encoding="utf-8")
    return path


__all__ = ["load_template", "page_data", "to_html", "write_html"]
