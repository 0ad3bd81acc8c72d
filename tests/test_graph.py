"""The responsibility graph: building, body identity, analyses, loading notice JSON, the `graph` command."""
from __future__ import annotations

import doctest
import importlib
import json
from collections import defaultdict
from dataclasses import replace

import pytest

import zhengce.cli
from extractor.agencies import parse_agency
from extractor.jsonio import notice_to_dict, notice_to_json
from extractor.model import Measure, Meta, Notice, Region, Source, Unit
from graphs import (build_graph, by_function, centrality, co_responsibility, find_bodies, function_node, nodes_of,
                    notice_from_dict, supporters, tasks, workload)
from graphs.load import load_notice_json

from .conftest import SAMPLES, SEED_STEMS, load_gold, needs_shared

YINGTAN = "yingtan_2023_skills_action"
# gold measures without `text` are the body's numbered items (and annex lines); table rows carry `text`
NOT_TABLE = ("body", "annex", "annex_line")


def _notice(nid: str, city: str | None, items: list[tuple[str, list[tuple[str, str]]]], **kw) -> Notice:
    text, measures = "", []
    for i, (title, units) in enumerate(items):
        us = []
        for name, role in units:
            us.append(Unit(name, role, (len(text), len(text) + len(name))))
            text += name + "、"
        measures.append(Measure(f"m{i + 1}", f"{i + 1}.", title, title, (0, 0), ("三、主要任务",), tuple(us), **kw))
    return Notice(nid, Source(f"{nid}.txt", "txt"), text, Meta(title=f"{city or ''}技能行动", region=Region(city=city)),
                  measures=tuple(measures))


def _body_nodes(G):
    return nodes_of(G, "body")


# ---------------------------------------------------------------- body identity

def test_aliases_of_one_bureau_in_one_city_are_one_node():
    n = _notice("yt", "鹰潭市", [("开展培训", [("市人社局", "lead")]),
                                 ("落实补贴", [("市人力资源社会保障局", "lead"), ("市财政局", "support")]),
                                 ("建设基地", [("市人力资源和社会保障局", "support")])])
    G = build_graph([n])
    rs = [v for v in _body_nodes(G) if G.nodes[v]["function"] == "人社"]
    assert len(rs) == 1
    assert set(G.nodes[rs[0]]["aliases"]) == {"市人社局", "市人力资源社会保障局", "市人力资源和社会保障局"}
    assert G.nodes[rs[0]]["label"] == "市人社局"
    assert G.nodes[rs[0]]["level"] == "市"


def test_same_bureau_in_two_cities_is_two_nodes_joined_by_their_function():
    a = _notice("yt", "鹰潭市", [("开展培训", [("市人社局", "lead")])])
    b = _notice("zy", "遵义市", [("开展培训", [("市人力资源社会保障局", "lead")])])
    G = build_graph([a, b])
    rs = sorted(G.predecessors(function_node("人社")))
    assert rs == ["body:遵义市:遵义市人力资源和社会保障局", "body:鹰潭市:鹰潭市人力资源和社会保障局"]


def test_notices_without_region_keep_their_bodies_apart():
    G = build_graph([_notice("a", None, [("开展培训", [("市人社局", "lead")])]),
                     _notice("b", None, [("开展培训", [("市人社局", "lead")])])])
    assert len([v for v in _body_nodes(G) if G.nodes[v]["function"] == "人社"]) == 2


def test_duty_edges_carry_role_inheritance_and_evidence():
    n = _notice("yt", "鹰潭市", [("开展培训", [("市人社局", "lead"), ("市财政局", "support")])])
    n = Notice(n.id, n.source, n.text, n.meta, measures=(
        Measure("m1", "1.", "开展培训", "", (0, 0), (), n.measures[0].units + (
            Unit("市教育局", "responsible", (0, 4), source="inherited", inherited=True),)),))
    G = build_graph([n])
    edges = {G.nodes[b]["label"]: d for b, _, d in G.edges(data=True) if d["kind"] == "duty"}
    assert edges["市人社局"]["role"] == "lead" and edges["市人社局"]["evidence"] == "市人社局"
    assert edges["市财政局"]["role"] == "support" and edges["市财政局"]["span"] == (5, 9)
    assert edges["市教育局"]["inherited"] is True


def test_every_measure_belongs_to_exactly_one_notice(seed_notices):
    G = build_graph(seed_notices.values())
    for m in nodes_of(G, "measure"):
        owners = [u for u, _, d in G.in_edges(m, data=True) if d["kind"] == "contains"]
        assert owners == [f"notice:{G.nodes[m]['notice']}"]
    assert len(nodes_of(G, "measure")) == sum(len(n.measures) for n in seed_notices.values())


def test_the_same_notices_give_the_same_graph(seed_notices, tmp_path):
    from graphs import write_graphml

    a, b = build_graph(seed_notices.values()), build_graph(seed_notices.values())
    assert list(a.nodes(data=True)) == list(b.nodes(data=True))
    assert list(a.edges(keys=True, data=True)) == list(b.edges(keys=True, data=True))
    pa, pb = write_graphml(a, tmp_path / "a.graphml"), write_graphml(b, tmp_path / "b.graphml")
    assert pa.read_bytes() == pb.read_bytes()


def test_a_notice_given_twice_is_added_once_with_a_warning():
    n = _notice("yt", "鹰潭市", [("开展培训", [("市人社局", "lead")])])
    G = build_graph([n, n])
    assert len(nodes_of(G, "notice")) == 1
    assert G.graph["warnings"] and "given twice" in G.graph["warnings"][0]


# ---------------------------------------------------------------- analyses on hand-made notices

@pytest.fixture()
def small_graph():
    return build_graph([_notice("yt", "鹰潭市", [
        ("开展培训", [("市人社局", "lead"), ("市财政局", "support"), ("市教育局", "support")]),
        ("落实补贴", [("市人社局", "lead"), ("市财政局", "support")]),
        ("建设基地", [("市教育局", "lead"), ("市财政局", "support"), ("市总工会", "support")]),
        ("开展竞赛", [("市总工会", "responsible")]),
    ])])


def test_workload_counts_roles_per_body(small_graph):
    w = workload(small_graph).set_index("name")
    assert w.loc["市人社局", ["lead", "support", "responsible", "measures"]].tolist() == [2, 0, 0, 2]
    assert w.loc["市财政局", ["lead", "support", "measures", "share"]].tolist() == [0, 3, 3, 0.75]
    assert w.loc["市总工会", ["support", "responsible"]].tolist() == [1, 1]
    assert list(w.index[:1]) == ["市财政局"]


def test_a_body_named_twice_in_one_measure_counts_once():
    both = [("市人社局", "lead"), ("市人力资源社会保障局", "lead")]
    G = build_graph([_notice("yt", "鹰潭市", [("开展培训", both)])])
    assert workload(G)["lead"].tolist() == [1]


def test_deadlines_due_per_year():
    n = _notice("yt", "鹰潭市", [("开展培训", [("市人社局", "lead")]), ("建设基地", [("市人社局", "lead")])])
    n = replace(n, measures=(replace(n.measures[0], deadline="2025-12-31"),
                             replace(n.measures[1], deadline="2024-06-30")))
    w = workload(build_graph([n]))
    assert w[["due_2024", "due_2025"]].values.tolist() == [[1, 1]]


def test_supporters_lead_nothing(small_graph):
    s = supporters(small_graph, min_support=2)
    assert s["name"].tolist() == ["市财政局"]


def test_co_responsibility_weights_and_always_paired(small_graph):
    c = co_responsibility(small_graph)
    assert c["weight"].tolist() == [2, 2, 1, 1, 1]
    pair = c[(c["name_a"] + c["name_b"]).isin(["市人社局市财政局", "市财政局市人社局"])].iloc[0]
    assert pair["weight"] == 2 and pair["jaccard"] == round(2 / 3, 4)


def test_centrality_finance_is_the_broker(small_graph):
    c = centrality(small_graph).set_index("name")
    assert c.loc["市财政局", "degree"] == 3
    assert c["betweenness"].idxmax() in ("市财政局", "市教育局")
    assert c.loc["市人社局", "betweenness"] == 0.0


def test_tasks_list_what_a_bureau_owes(small_graph):
    (b,) = find_bodies(small_graph, "市人社局")
    t = tasks(small_graph, b)
    assert t["title"].tolist() == ["开展培训", "落实补贴"] and set(t["role"]) == {"lead"}
    with pytest.raises(ValueError, match="find_bodies"):
        tasks(small_graph, "市人社局")


def test_by_function_compares_cities():
    G = build_graph([_notice("yt", "鹰潭市", [("开展培训", [("市人社局", "lead")]), ("落实补贴", [("市人社局", "lead")])]),
                     _notice("zy", "遵义市", [("开展培训", [("市人力资源社会保障局", "lead")])])])
    f = by_function(G)
    assert f.loc["人社", "鹰潭市"] == 2 and f.loc["人社", "遵义市"] == 1


# ---------------------------------------------------------------- the seeds against the gold

def _gold_counts(stem: str, region) -> dict[str, dict[str, int]]:
    """canonical body → role → number of gold body measures (those without `text`)."""
    out: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for i, m in enumerate(load_gold(stem)["measures"]):
        if "text" in m:
            continue
        for u in m["units"]:
            info = parse_agency(u["name"], region)
            out[info.canonical if info else u["name"]][u["role"]].add(i)
    return {k: {r: len(v.get(r, ())) for r in ("lead", "support", "responsible")} for k, v in out.items()}


def _region(notice):
    r = notice.meta.region
    return r if (r.county or r.city or r.province) else None


@needs_shared
def test_yingtan_rensheju_workload_matches_gold(seed_notices):
    n = seed_notices[YINGTAN]
    G = build_graph([n])
    gold = _gold_counts(YINGTAN, _region(n))
    want = gold[parse_agency("市人社局", _region(n)).canonical]
    assert want == {"lead": 11, "support": 9, "responsible": 0}      # as counted from the gold file today
    (b,) = find_bodies(G, "市人社局")
    w = workload(G, sources=NOT_TABLE)
    assert w.loc[b, ["lead", "support", "responsible"]].to_dict() == want


@needs_shared
def test_yingtan_workload_matches_gold_for_every_body(seed_notices):
    n = seed_notices[YINGTAN]
    w = workload(build_graph([n]), sources=NOT_TABLE)
    got = {row.canonical: {"lead": row.lead, "support": row.support, "responsible": row.responsible}
           for row in w.itertuples()}
    assert got == _gold_counts(YINGTAN, _region(n))


@needs_shared
def test_rensheju_function_node_connects_all_five_seeds(seed_notices):
    G = build_graph(seed_notices.values())
    reached = set()
    for b in G.predecessors(function_node("人社")):
        for _, m, d in G.out_edges(b, data=True):
            if d["kind"] == "duty":
                reached.add(G.nodes[m]["notice"])
    assert reached == {n.id for n in seed_notices.values()}
    assert len(SEED_STEMS) == 5


def test_one_rensheju_bureau_node_per_seed(seed_notices):
    """Every 人社局/厅 a notice names, under whatever alias, is one node (部门 forms are another)."""
    G = build_graph(seed_notices.values())
    for stem, n in seed_notices.items():
        mine = {b for m in nodes_of(G, "measure") if G.nodes[m]["notice"] == n.id
                for b, _, d in G.in_edges(m, data=True) if d["kind"] == "duty"}
        bureaus = {b for b in mine
                   if G.nodes[b]["function"] == "人社" and G.nodes[b]["canonical"].endswith(("局", "厅"))}
        assert len(bureaus) == 1, (stem, bureaus)


# ---------------------------------------------------------------- notice JSON

def test_notice_json_round_trips_to_the_same_notice(seed_notices):
    for n in seed_notices.values():
        assert notice_from_dict(notice_to_dict(n)) == n


def test_graph_from_json_equals_graph_from_text(tmp_path, seed_notices):
    n = seed_notices[YINGTAN]
    p = tmp_path / "yt.json"
    p.write_text(notice_to_json(n, include_text=False), encoding="utf-8")
    a, b = build_graph([n]), build_graph([load_notice_json(p)])
    assert sorted(a.nodes) == sorted(b.nodes) and a.number_of_edges() == b.number_of_edges()
    assert workload(a).equals(workload(b))


# ---------------------------------------------------------------- the command

@pytest.fixture()
def graph_cli(monkeypatch):
    monkeypatch.setattr(zhengce.cli, "COMMAND_MODULES", ("cmd_graph",))
    return zhengce.cli.main


def test_cli_report_prints_the_workload_table(graph_cli, capsys, seed_notices):
    assert graph_cli(["graph", str(SAMPLES / f"{YINGTAN}.txt"), "--report"]) == 0
    out = capsys.readouterr().out
    w = workload(build_graph([seed_notices[YINGTAN]])).set_index("name")
    header = next(ln.split() for ln in out.splitlines() if ln.split()[:1] == ["name"])
    row = next(ln.split()[1:] for ln in out.splitlines() if ln.split()[1:2] == ["市人社局"])
    assert len(row) == len(header)                      # blanks are printed as — so columns stay aligned
    got = dict(zip(header, row))
    assert [int(got[k]) for k in ("lead", "support", "responsible")] == \
        w.loc["市人社局", ["lead", "support", "responsible"]].tolist()
    assert "lead nothing, support much" in out and "市财政局" in out


def test_cli_body_lists_tasks(graph_cli, capsys):
    weihai = SAMPLES / "weihai_2021_skills_measures.txt"
    assert graph_cli(["graph", str(weihai), "--body", "市人力资源社会保障局"]) == 0
    assert "威海市人力资源和社会保障局" in capsys.readouterr().out


def test_cli_reads_notice_json_and_goes_on_after_a_bad_file(graph_cli, tmp_path, capsys, seed_notices):
    good = tmp_path / "in" / "yt.json"
    good.parent.mkdir()
    good.write_text(notice_to_json(seed_notices[YINGTAN], include_text=False), encoding="utf-8")
    (tmp_path / "in" / "bad.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "in" / "other.json").write_text(json.dumps({"a": 1}), encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    out = tmp_path / "g.graphml"
    assert graph_cli(["graph", str(tmp_path / "in"), "-o", str(out)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 3 and "Traceback" not in "\n".join(err)
    assert any(ln.startswith(str(tmp_path / "in" / "bad.json") + ": not valid JSON") for ln in err)
    assert any("other.json: not a notice JSON" in ln for ln in err)
    assert any("empty.txt: empty file" in ln for ln in err)
    assert out.exists()


def test_cli_usage_errors(graph_cli, capsys):
    assert graph_cli(["graph", str(SAMPLES), "-o", "x.docx"]) == 2
    assert "unknown graph format" in capsys.readouterr().err
    assert graph_cli(["graph", str(SAMPLES)]) == 2


# ---------------------------------------------------------------- doctests (graphs/ is not in testpaths)

@pytest.mark.parametrize("mod", ["graphs.build", "graphs.analysis", "graphs.export", "graphs.draw", "graphs.load",
                                 "graphs.html"])
def test_doctests(mod):
    res = doctest.testmod(importlib.import_module(mod), optionflags=doctest.NORMALIZE_WHITESPACE)
    assert res.failed == 0
