"""Notices → one responsibility graph (`networkx.MultiDiGraph`).

Four kinds of node, told apart by the node attribute ``kind``:

- ``notice``  — ``notice:<id>``: title, doc_number, date, region, path.
- ``measure`` — ``measure:<notice id>:<measure id>``: title, number, notice, section (tuple of
  headings), deadline (ISO or None), source (body/table/annex/annex_line), text.
- ``body``    — ``body:<place>:<canonical>``: one government body within one region. `place` is
  the most specific place of the notice's ``meta.region`` (county, else city, else province);
  a notice without a region keeps its bodies to itself (``body:notice <id>:…``) so that
  "市人社局" of two unknown cities never merge. Attributes: canonical, label (the shortest
  name as written), aliases (every name as written), level, function, region, scope (the
  place, or a short title of the notice for one without a region), notices.
- ``function`` — ``function:<key>`` (人社, 财政 …): shared by every body with that function in
  every region, so that 人社 in 鹰潭 and 人社 in 遵义 can be compared.

Edges (attribute ``kind``, also the edge key): notice → measure ``contains``; body → measure
``duty`` with `role` (lead/support/responsible; the key is the role, ``lead#2`` for a second
alias of the same body in one measure), `inherited`, `source`, `name` as written, `span` and
`evidence` (the text of the span); body → function ``function``.

The canonical name is `extractor.agencies.parse_agency(name, region)` when the notice has a
region (so 市人社局, 市人力资源社会保障局 and 鹰潭市人社局 are one node), else the unit's own
`Unit.canonical`. Not covered: deciding who is responsible (that is `extractor.units`), and
merging bodies across regions (they meet only at their function node).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

import networkx as nx

from extractor.agencies import AgencyInfo, parse_agency
from extractor.model import Notice, Region, Unit

KINDS = ("notice", "measure", "body", "function")
EDGE_KINDS = ("contains", "duty", "function")


def place_of(region: Region | None) -> str | None:
    """The most specific place a region names (county, else city, else province), or None.

    >>> place_of(Region(province="福建省", city="福鼎市"))
    '福鼎市'
    """
    if region is None:
        return None
    return region.county or region.city or region.province or None


def notice_node(notice_id: str) -> str:
    """The node id of a notice."""
    return f"notice:{notice_id}"


def measure_node(notice_id: str, measure_id: str) -> str:
    """The node id of a measure (measure ids are only unique within their notice)."""
    return f"measure:{notice_id}:{measure_id}"


def function_node(key: str) -> str:
    """The node id of a function shared across regions.

    >>> function_node("人社")
    'function:人社'
    """
    return f"function:{key}"


@lru_cache(maxsize=65536)
def _agency(name: str, region: Region | None) -> AgencyInfo | None:
    return parse_agency(name, region)


@dataclass(frozen=True)
class BodyRef:
    """Who a unit stands for: its node id and the attributes of that body."""

    node: str
    canonical: str
    function: str | None
    level: str | None
    region: str
    scope: str = ""


def body_ref(unit: Unit, region: Region | None, notice_id: str, notice_title: str | None = None) -> BodyRef:
    """The body a unit of a notice stands for, keyed by canonical name within the notice's region.

    >>> r = body_ref(Unit("市人力资源社会保障局", "lead", (0, 10)), Region(city="鹰潭市"), "n1")
    >>> r.node, r.function, r.level
    ('body:鹰潭市:鹰潭市人力资源和社会保障局', '人社', '市')
    """
    place = place_of(region)
    if place:
        info = _agency(unit.name, region)
        canonical = info.canonical if info else (unit.canonical or unit.name)
    else:
        info = None if unit.canonical and unit.function else _agency(unit.name, None)
        canonical = unit.canonical or (info.canonical if info else unit.name)
    function = unit.function or (info.function if info else None)
    level = unit.level or (info.level if info else None)
    key = place or f"notice {notice_id}"
    return BodyRef(f"body:{key}:{canonical}", canonical, function, level, place or "",
                   place or short_title(notice_title) or notice_id)


def short_title(title: str | None, size: int = 10) -> str:
    """A notice title cut down for labels: 关于/印发 and quotes dropped, at most `size` characters.

    >>> short_title("关于实施“技能鹰潭行动”的意见")
    '实施技能鹰潭行动的意见'
    """
    if not title:
        return ""
    t = re.sub(r"^关于(印发)?|[“”《》\"]", "", title)
    return t if len(t) <= size + 1 else t[:size] + "…"


@dataclass
class _Body:
    ref: BodyRef
    aliases: set[str] = field(default_factory=set)
    notices: dict[str, None] = field(default_factory=dict)   # ordered set


def build_graph(notices: Iterable[Notice]) -> nx.MultiDiGraph:
    """The responsibility graph of one or many notices (see the module docstring for its shape).

    A notice given twice (same id) is added once; the repeat is listed in ``G.graph["warnings"]``.

    >>> from extractor.model import Measure, Meta, Source
    >>> m = Measure("m1", "1.", "开展职业技能培训", "", (0, 10), ("三、主要任务",),
    ...             units=(Unit("市人社局", "lead", (20, 24)), Unit("市财政局", "support", (30, 34))))
    >>> n = Notice("n1", Source(None, "txt"), "", Meta(title="技能鹰潭行动", region=Region(city="鹰潭市")),
    ...            measures=(m,))
    >>> G = build_graph([n])
    >>> sorted(v for v, k in G.nodes(data="kind") if k == "body")
    ['body:鹰潭市:鹰潭市人力资源和社会保障局', 'body:鹰潭市:鹰潭市财政局']
    >>> [d["role"] for _, _, d in G.out_edges("body:鹰潭市:鹰潭市人力资源和社会保障局", data=True)
    ...  if d["kind"] == "duty"]
    ['lead']
    """
    nodes: list[tuple[str, dict]] = []
    edges: list[tuple[str, str, str, dict]] = []
    bodies: dict[str, _Body] = {}
    warnings: list[str] = []
    seen: set[str] = set()
    for n in notices:
        if n.id in seen:
            warnings.append(f"notice {n.id} ({n.source.path or n.meta.title}) given twice; added once")
            continue
        seen.add(n.id)
        _add_notice(n, nodes, edges, bodies)
    functions: dict[str, None] = {}
    for b in bodies.values():
        r = b.ref
        label = min(b.aliases, key=lambda s: (len(s), s))
        nodes.append((r.node, {"kind": "body", "canonical": r.canonical, "label": label,
                               "aliases": tuple(sorted(b.aliases)), "level": r.level, "function": r.function,
                               "region": r.region, "scope": r.scope, "notices": tuple(b.notices)}))
        if r.function:
            functions[r.function] = None
            edges.append((r.node, function_node(r.function), "function", {"kind": "function"}))
    nodes.extend((function_node(f), {"kind": "function", "label": f}) for f in functions)
    G = nx.MultiDiGraph()
    G.add_nodes_from(nodes)
    G.add_edges_from(edges)
    G.graph["warnings"] = warnings
    return G


def _add_notice(n: Notice, nodes: list, edges: list, bodies: dict[str, _Body]) -> None:
    region = n.meta.region
    place = place_of(region)
    nn = notice_node(n.id)
    nodes.append((nn, {"kind": "notice", "label": n.meta.title or n.source.path or n.id, "title": n.meta.title,
                       "doc_number": n.meta.doc_number, "date": n.meta.date, "region": place or "",
                       "path": n.source.path, "measures": len(n.measures)}))
    text = n.text or ""
    refs: dict[tuple, BodyRef] = {}        # names repeat within a notice: resolve each once
    for m in n.measures:
        mn = measure_node(n.id, m.id)
        nodes.append((mn, {"kind": "measure", "label": m.title or m.number or m.id, "title": m.title,
                           "number": m.number, "notice": n.id, "section": tuple(m.section), "deadline": m.deadline,
                           "source": m.source, "text": m.text}))
        edges.append((nn, mn, "contains", {"kind": "contains"}))
        keys: set[tuple[str, str]] = set()
        for u in m.units:
            ident = (u.name, u.canonical, u.function, u.level)
            ref = refs.get(ident)
            if ref is None:
                ref = refs[ident] = body_ref(u, region if place else None, n.id, n.meta.title)
            b = bodies.get(ref.node)
            if b is None:
                b = bodies[ref.node] = _Body(ref)
            b.aliases.add(u.name)
            b.notices[n.id] = None
            key, i = u.role, 1
            while (ref.node, key) in keys:          # the same body twice in one measure (two aliases)
                i += 1
                key = f"{u.role}#{i}"
            keys.add((ref.node, key))
            s, e = u.span
            edges.append((ref.node, mn, key, {
                "kind": "duty", "role": u.role, "inherited": bool(u.inherited), "source": u.source,
                "name": u.name, "span": (s, e), "evidence": text[s:e] if 0 <= s < e <= len(text) else ""}))


def nodes_of(G: nx.MultiDiGraph, kind: str) -> list[str]:
    """Node ids of one kind (notice, measure, body, function), in insertion order."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    return [v for v, k in G.nodes(data="kind") if k == kind]


def duties(G: nx.MultiDiGraph, sources: Iterable[str] | None = None) -> Iterable[tuple[str, str, dict]]:
    """Every body → measure edge as (body, measure, data), optionally only for measures of the given sources."""
    keep = set(sources) if sources is not None else None
    nodes = G.nodes
    for b, m, d in G.edges(data=True):
        if d.get("kind") == "duty" and (keep is None or nodes[m].get("source") in keep):
            yield b, m, d


def find_bodies(G: nx.MultiDiGraph, name: str) -> list[str]:
    """Body nodes whose canonical name or a name as written equals `name`; if none, those containing it.

    >>> from extractor.model import Measure, Meta, Source
    >>> m = Measure("m1", "1.", "开展培训", "", (0, 4), (), units=(Unit("市人社局", "lead", (0, 4)),))
    >>> G = build_graph([Notice("n1", Source(None, "txt"), "", Meta(region=Region(city="鹰潭市")), measures=(m,))])
    >>> find_bodies(G, "市人社局")
    ['body:鹰潭市:鹰潭市人力资源和社会保障局']
    """
    bodies = nodes_of(G, "body")
    exact = [v for v in bodies if name == G.nodes[v]["canonical"] or name in G.nodes[v]["aliases"]]
    if exact:
        return exact
    return [v for v in bodies if name in G.nodes[v]["canonical"] or any(name in a for a in G.nodes[v]["aliases"])]


__all__ = ["BodyRef", "EDGE_KINDS", "KINDS", "body_ref", "build_graph", "duties", "find_bodies", "function_node",
           "measure_node", "nodes_of", "notice_node", "place_of"]
