"""Analyses of a responsibility graph, each a plain function returning a `pandas.DataFrame`.

- `workload` — per body: measures led, supported, held as responsible; share of the measures of
  the notices it appears in; measures held only by inheritance; deadlines due per year.
- `co_responsibility_graph` / `co_responsibility` — bodies linked by the measures they share
  (weight = shared measures, jaccard = shared / either).
- `centrality` — degree and betweenness on that co-responsibility projection.
- `supporters` — bodies that lead nothing but support much.
- `tasks` — what one body owes: its measures with role, notice, section and deadline.
- `by_function` — measures per function (人社, 财政 …) and region, for comparing cities.

Every function takes `sources` to keep only measures of some sources ("body", "table",
"annex", "annex_line"); None keeps all. Counts are of distinct measures, so a body named twice
in one measure (市人社局 and 市人力资源社会保障局) counts once per role.
Not covered: weighting by money or targets (join `Notice.amounts` on the measure id for that).
"""
from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from typing import Iterable

import networkx as nx
import pandas as pd

from extractor.model import ROLES

from .build import duties, nodes_of

WORKLOAD_COLUMNS = ("name", "canonical", "region", "function", "level", "lead", "support", "responsible",
                    "measures", "share", "inherited")


def _body_measures(G: nx.MultiDiGraph, sources: Iterable[str] | None) -> dict[str, dict[str, set[str]]]:
    """body → role → measures (plus "any" and "direct": not inherited)."""
    out: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for b, m, d in duties(G, sources):
        roles = out[b]
        roles[d["role"]].add(m)
        roles["any"].add(m)
        if not d.get("inherited"):
            roles["direct"].add(m)
    return out


def _measures_per_notice(G: nx.MultiDiGraph, sources: Iterable[str] | None) -> dict[str, int]:
    keep = set(sources) if sources is not None else None
    count: dict[str, int] = defaultdict(int)
    for m in nodes_of(G, "measure"):
        d = G.nodes[m]
        if keep is None or d.get("source") in keep:
            count[d["notice"]] += 1
    return count


def workload(G: nx.MultiDiGraph, sources: Iterable[str] | None = None) -> pd.DataFrame:
    """Per body: lead / support / responsible counts, measures, share, inherited-only, and ``due_<year>``.

    `share` is the body's measures over all measures of the notices it appears in; `inherited`
    counts measures the body holds only through "以下措施均需…" or "下同". Rows are sorted by
    measures, then lead, then name; the index is the body node id.

    >>> from graphs.build import build_graph
    >>> from extractor.model import Measure, Meta, Notice, Region, Source, Unit
    >>> ms = (Measure("m1", "1.", "开展培训", "", (0, 4), (), units=(Unit("市人社局", "lead", (0, 4)),
    ...       Unit("市财政局", "support", (5, 9)))), Measure("m2", "2.", "落实补贴", "", (10, 14), (),
    ...       units=(Unit("市财政局", "lead", (10, 14)),), deadline="2025-12-31"))
    >>> G = build_graph([Notice("n1", Source(None, "txt"), "", Meta(region=Region(city="鹰潭市")), measures=ms)])
    >>> workload(G)[["name", "lead", "support", "measures", "share", "due_2025"]].values.tolist()
    [['市财政局', 1, 1, 2, 1.0, 1], ['市人社局', 1, 0, 1, 0.5, 0]]
    """
    per_body = _body_measures(G, sources)
    per_notice = _measures_per_notice(G, sources)
    years = sorted({str(G.nodes[m]["deadline"])[:4] for ms in per_body.values() for m in ms["any"]
                    if G.nodes[m].get("deadline")})
    rows = []
    for b, roles in per_body.items():
        a = G.nodes[b]
        total = sum(per_notice.get(n, 0) for n in a["notices"])
        row = {"body": b, "name": a["label"], "canonical": a["canonical"], "region": a["region"],
               "function": a["function"], "level": a["level"]}
        row.update({r: len(roles.get(r, ())) for r in ROLES})
        row["measures"] = len(roles["any"])
        row["share"] = round(row["measures"] / total, 4) if total else 0.0
        row["inherited"] = len(roles["any"] - roles.get("direct", set()))
        due = defaultdict(int)
        for m in roles["any"]:
            dl = G.nodes[m].get("deadline")
            if dl:
                due[str(dl)[:4]] += 1
        row.update({f"due_{y}": due.get(y, 0) for y in years})
        rows.append(row)
    cols = ["body", *WORKLOAD_COLUMNS, *(f"due_{y}" for y in years)]
    df = pd.DataFrame(rows, columns=cols)
    df = df.sort_values(["measures", "lead", "name"], ascending=[False, False, True], kind="stable")
    return df.set_index("body")


def co_responsibility_graph(G: nx.MultiDiGraph, sources: Iterable[str] | None = None) -> nx.Graph:
    """Bodies linked when they share a measure; edge `weight` = shared measures, `jaccard` = shared / either.

    Every body with a duty is a node (with its graph attributes and `measures`), linked or not.
    """
    per_body = _body_measures(G, sources)
    by_measure: dict[str, set[str]] = defaultdict(set)
    for b, roles in per_body.items():
        for m in roles["any"]:
            by_measure[m].add(b)
    P = nx.Graph()
    for b, roles in per_body.items():
        P.add_node(b, **G.nodes[b], measures=len(roles["any"]))
    weight: dict[tuple[str, str], int] = defaultdict(int)
    for bs in by_measure.values():
        for a, b in combinations(sorted(bs), 2):
            weight[a, b] += 1
    for (a, b), w in weight.items():
        union = P.nodes[a]["measures"] + P.nodes[b]["measures"] - w
        P.add_edge(a, b, weight=w, jaccard=round(w / union, 4))
    return P


def co_responsibility(G: nx.MultiDiGraph, sources: Iterable[str] | None = None) -> pd.DataFrame:
    """Pairs of bodies that share measures, most shared first (columns a, b, name_a, name_b, weight, jaccard).

    A jaccard of 1.0 means the two bodies are always named together ("always paired").
    """
    P = co_responsibility_graph(G, sources)
    rows = [{"a": a, "b": b, "name_a": P.nodes[a]["label"], "name_b": P.nodes[b]["label"],
             "region": P.nodes[a]["region"] if P.nodes[a]["region"] == P.nodes[b]["region"] else "",
             "weight": d["weight"], "jaccard": d["jaccard"]} for a, b, d in P.edges(data=True)]
    df = pd.DataFrame(rows, columns=["a", "b", "name_a", "name_b", "region", "weight", "jaccard"])
    return df.sort_values(["weight", "jaccard", "name_a", "name_b"], ascending=[False, False, True, True],
                          kind="stable").reset_index(drop=True)


def centrality(G: nx.MultiDiGraph, sources: Iterable[str] | None = None, k: int | None = None) -> pd.DataFrame:
    """Degree (co-responsible bodies), weighted degree (shared measures) and betweenness per body.

    Betweenness is unweighted and normalised, on the co-responsibility projection; pass `k` to
    estimate it from k sampled sources on a large corpus (seeded, so results repeat).
    """
    P = co_responsibility_graph(G, sources)
    bt = nx.betweenness_centrality(P, k=min(k, len(P)) if k else None, seed=0 if k else None)
    dc = nx.degree_centrality(P) if len(P) > 1 else {v: 0.0 for v in P}
    rows = [{"body": v, "name": P.nodes[v]["label"], "region": P.nodes[v]["region"],
             "function": P.nodes[v]["function"], "degree": P.degree(v), "weighted_degree": P.degree(v, "weight"),
             "degree_centrality": round(dc[v], 4), "betweenness": round(bt[v], 4)} for v in P]
    df = pd.DataFrame(rows, columns=["body", "name", "region", "function", "degree", "weighted_degree",
                                     "degree_centrality", "betweenness"])
    return df.sort_values(["betweenness", "degree", "name"], ascending=[False, False, True],
                          kind="stable").set_index("body")


def supporters(G: nx.MultiDiGraph, min_support: int = 3, sources: Iterable[str] | None = None) -> pd.DataFrame:
    """Bodies that lead nothing but support at least `min_support` measures, most support first."""
    w = workload(G, sources)
    out = w[(w["lead"] == 0) & (w["support"] >= min_support)]
    return out.sort_values(["support", "name"], ascending=[False, True], kind="stable")


def tasks(G: nx.MultiDiGraph, body: str, sources: Iterable[str] | None = None) -> pd.DataFrame:
    """What one body owes: one row per (measure, role), in notice order, with deadline and section.

    `body` is a body node id (see `graphs.build.find_bodies` to look one up by name).
    """
    if body not in G or G.nodes[body].get("kind") != "body":
        raise ValueError(f"{body!r} is not a body node of this graph; look one up with find_bodies(G, name)")
    keep = set(sources) if sources is not None else None
    rows, seen = [], set()
    for _, m, d in G.out_edges(body, data=True):
        if d.get("kind") != "duty" or (m, d["role"]) in seen:
            continue
        a = G.nodes[m]
        if keep is not None and a.get("source") not in keep:
            continue
        seen.add((m, d["role"]))
        nt = G.nodes.get(f"notice:{a['notice']}", {})
        rows.append({"measure": m, "notice": a["notice"], "notice_title": nt.get("title"), "number": a["number"],
                     "title": a["title"], "role": d["role"], "inherited": d["inherited"], "deadline": a["deadline"],
                     "section": " / ".join(a["section"]), "source": a["source"]})
    return pd.DataFrame(rows, columns=["measure", "notice", "notice_title", "number", "title", "role", "inherited",
                                       "deadline", "section", "source"])


def by_function(G: nx.MultiDiGraph, sources: Iterable[str] | None = None) -> pd.DataFrame:
    """Measures held per function (rows) and region (columns); bodies without a function are left out."""
    per_body = _body_measures(G, sources)
    cells: dict[tuple[str, str], set[str]] = defaultdict(set)
    for b, roles in per_body.items():
        a = G.nodes[b]
        if a["function"]:
            cells[a["function"], a["region"] or "?"] |= roles["any"]
    if not cells:
        return pd.DataFrame()
    s = pd.Series({k: len(v) for k, v in cells.items()})
    df = s.unstack(fill_value=0)
    df.index.name, df.columns.name = "function", "region"
    return df.loc[df.sum(axis=1).sort_values(ascending=False, kind="stable").index]


__all__ = ["WORKLOAD_COLUMNS", "by_function", "centrality", "co_responsibility", "co_responsibility_graph",
           "supporters", "tasks", "workload"]
