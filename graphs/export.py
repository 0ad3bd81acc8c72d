"""Writing a responsibility graph: GraphML, GEXF (both open in Gephi), node-link JSON.

GraphML and GEXF hold only typed scalars, so `flat_graph` converts on the way out: None is
left out (the attribute is absent on that node), tuples of names become one string joined by
" | " (aliases, notices), a section path is joined by " / ", a span (start, end) becomes two
integer attributes `span_start` / `span_end`, and graph-level lists are joined likewise.
Node-link JSON keeps the values as they are (tuples as lists, None as null).

The picture (PNG/SVG) is `graphs.draw`, the interactive page `graphs.html`; `write_graph`
picks one of them from the file's extension.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

FORMATS = (".graphml", ".gexf", ".json", ".png", ".svg", ".html")
_JOIN = {"section": " / "}


def _flat_attrs(d: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in d.items():
        if v is None:
            continue
        if k == "span" and isinstance(v, (tuple, list)) and len(v) == 2:
            out["span_start"], out["span_end"] = int(v[0]), int(v[1])
        elif isinstance(v, (tuple, list, set, frozenset)):
            out[k] = _JOIN.get(k, " | ").join(str(x) for x in v)
        elif isinstance(v, (bool, int, float, str)):
            out[k] = v
        else:
            out[k] = str(v)
    return out


def flat_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of `G` whose attributes GraphML and GEXF can hold (no None, no tuples).

    Edges get document-wide unique keys (``e0``, ``e1`` …; Gephi reads the GraphML edge id as
    unique) and keep their own key as the attribute `key`.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("measure:n1:m1", kind="measure", section=("三、主要任务", "(一)加强培训"), deadline=None)
    >>> flat_graph(G).nodes["measure:n1:m1"]
    {'kind': 'measure', 'section': '三、主要任务 / (一)加强培训'}
    """
    H = nx.MultiDiGraph()
    H.graph.update(_flat_attrs(G.graph))
    H.add_nodes_from((v, _flat_attrs(d)) for v, d in G.nodes(data=True))
    H.add_edges_from((u, v, f"e{i}", {**_flat_attrs(d), "key": str(k)})
                     for i, (u, v, k, d) in enumerate(G.edges(keys=True, data=True)))
    return H


def write_graphml(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """GraphML (typed attributes; reads back with `networkx.read_graphml(path, force_multigraph=True)`)."""
    path = Path(path)
    nx.write_graphml(flat_graph(G), path, encoding="utf-8")
    return path


def write_gexf(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """GEXF 1.2 for Gephi: each node's `label` attribute is the label Gephi shows."""
    path = Path(path)
    nx.write_gexf(flat_graph(G), path, encoding="utf-8")
    return path


def to_node_link(G: nx.MultiDiGraph) -> dict[str, Any]:
    """The graph as a node-link dict (``nodes``, ``edges``), values as they are."""
    return nx.node_link_data(G, edges="edges")


def write_json(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """Node-link JSON (UTF-8 characters as they are; `networkx.node_link_graph(d, edges="edges")` reads it)."""
    path = Path(path)
    path.write_text(json.dumps(to_node_link(G), ensure_ascii=False, indent=1, default=list) + "\n",
                    encoding="utf-8")
    return path


def write_graph(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write `G` in the format its extension names (one of FORMATS)."""
    path = Path(path)
    ext = path.suffix.lower()
    if ext == ".graphml":
        return write_graphml(G, path)
    if ext == ".gexf":
        return write_gexf(G, path)
    if ext == ".json":
        return write_json(G, path)
    if ext in (".png", ".svg"):
        from .draw import draw_graph
        return draw_graph(G, path)
    if ext == ".html":
        from .html import write_html
        return write_html(G, path)
    raise ValueError(f"{path}: unknown graph format {ext or '(none)'}; use one of {', '.join(FORMATS)}")


__all__ = ["FORMATS", "flat_graph", "to_node_link", "write_gexf", "write_graph", "write_graphml", "write_json"]
