"""zhengce.graphs — the responsibility graph, its analyses and exports. Imports `extractor`, never the reverse.

    from graphs import build_graph, workload, write_graph
    G = build_graph(notices)              # networkx.MultiDiGraph: notices, measures, bodies, functions
    workload(G)                           # DataFrame: lead / support / responsible per body
    write_graph(G, "out.html")            # .graphml .gexf .json .png .svg .html

Modules: `build` (the graph), `analysis` (DataFrames), `export` (GraphML, GEXF, JSON),
`draw` (PNG/SVG), `html` (offline interactive page), `load` (notice files and notice JSON).
Importing reads and writes nothing.
"""
from __future__ import annotations

from .analysis import by_function, centrality, co_responsibility, co_responsibility_graph, supporters, tasks, workload
from .build import body_ref, build_graph, duties, find_bodies, function_node, measure_node, nodes_of, notice_node
from .draw import draw_graph, find_cjk_font
from .export import FORMATS, flat_graph, to_node_link, write_gexf, write_graph, write_graphml, write_json
from .html import page_data, to_html, write_html
from .load import expand_notice_inputs, load_notice, load_notice_json, notice_from_dict

__all__ = [
    "FORMATS", "body_ref", "build_graph", "by_function", "centrality", "co_responsibility", "co_responsibility_graph",
    "draw_graph", "duties", "expand_notice_inputs", "find_bodies", "find_cjk_font", "flat_graph", "function_node",
    "load_notice", "load_notice_json", "measure_node", "nodes_of", "notice_from_dict", "notice_node", "page_data",
    "supporters", "tasks", "to_html", "to_node_link", "workload", "write_gexf", "write_graph", "write_graphml",
    "write_html", "write_json",
]
