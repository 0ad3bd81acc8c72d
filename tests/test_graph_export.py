"""Graph exports: GraphML / GEXF / node-link JSON read back whole; PNG, SVG and the offline HTML page."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
import warnings

import networkx as nx
import pytest

from graphs import build_graph, flat_graph, nodes_of, page_data, to_html, write_graph
from graphs.draw import find_cjk_font



@pytest.fixture(scope="module")
def seed_graph(seed_notices):
    return build_graph(seed_notices.values())


def _kinds(G):
    out: dict[str, int] = {}
    for _, k in G.nodes(data="kind"):
        out[k] = out.get(k, 0) + 1
    return out


def test_graphml_reads_back_with_the_same_nodes_and_edges(tmp_path, seed_graph):
    p = write_graph(seed_graph, tmp_path / "g.graphml")
    H = nx.read_graphml(p, force_multigraph=True)
    assert H.number_of_nodes() == seed_graph.number_of_nodes()
    assert H.number_of_edges() == seed_graph.number_of_edges()
    assert _kinds(H) == _kinds(seed_graph)
    duty = next(d for _, _, d in H.edges(data=True) if d["kind"] == "duty")
    assert isinstance(duty["inherited"], bool) and isinstance(duty["span_start"], int)
    m = next(v for v in nodes_of(seed_graph, "measure") if seed_graph.nodes[v]["section"])
    assert H.nodes[m]["section"] == " / ".join(seed_graph.nodes[m]["section"])


def test_gexf_reads_back(tmp_path, seed_graph):
    p = write_graph(seed_graph, tmp_path / "g.gexf")
    H = nx.read_gexf(p)
    assert H.number_of_nodes() == seed_graph.number_of_nodes()
    assert H.number_of_edges() == seed_graph.number_of_edges()
    assert "市人社局" in {d.get("label") for _, d in H.nodes(data=True)}


def test_node_link_json_round_trips(tmp_path, seed_graph):
    p = write_graph(seed_graph, tmp_path / "g.json")
    H = nx.node_link_graph(json.loads(p.read_text(encoding="utf-8")), edges="edges")
    assert sorted(H.nodes) == sorted(seed_graph.nodes)
    assert H.number_of_edges() == seed_graph.number_of_edges()


def test_flat_graph_holds_only_scalars(seed_graph):
    F = flat_graph(seed_graph)
    values = [v for _, d in F.nodes(data=True) for v in d.values()]
    values += [v for _, _, d in F.edges(data=True) for v in d.values()]
    assert all(isinstance(v, (str, int, float, bool)) for v in values)


def test_unknown_format_says_which_are_known(tmp_path, seed_graph):
    with pytest.raises(ValueError, match=r"\.graphml"):
        write_graph(seed_graph, tmp_path / "g.docx")


def test_png_and_svg_are_written(tmp_path, seed_graph):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)          # no CJK font on a bare CI machine
        png = write_graph(seed_graph, tmp_path / "g.png")
        svg = write_graph(seed_graph, tmp_path / "g.svg")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    text = svg.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text
    assert "市人社局" in text                                   # labels stay text in the SVG, font or not


def test_png_without_a_cjk_font_warns_and_numbers_the_bodies(tmp_path, seed_graph, monkeypatch):
    import graphs.draw as draw

    monkeypatch.setattr(draw, "find_cjk_font", lambda: None)
    with pytest.warns(RuntimeWarning, match="fonts-noto-cjk"):
        draw.draw_graph(seed_graph, tmp_path / "g.png")
    assert (tmp_path / "g.png").stat().st_size > 1000


def test_html_is_self_contained_and_carries_the_tasks(seed_notices):
    G = build_graph([seed_notices["yingtan_2023_skills_action"]])
    page = to_html(G)
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=", page)      # nothing fetched
    assert "http://" not in page.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in page
    blob = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', page, re.S).group(1)
    data = json.loads(blob)
    body = next(b for b in data["bodies"] if b["label"] == "市人社局")
    assert body["lead"] > 0 and len(body["tasks"]) == body["lead"] + body["support"] + body["responsible"]
    assert all(-1.0 <= c <= 1.0 for b in data["bodies"] for c in b["pos"])
    assert data == page_data(G)


def test_html_escapes_text_that_would_close_the_script():
    from extractor.model import Measure, Meta, Notice, Region, Source, Unit

    m = Measure("m1", "1.", "</script><b>开展培训", "", (0, 4), (), units=(Unit("市人社局", "lead", (0, 4)),))
    n = Notice("n1", Source(None, "txt"), "市人社局", Meta(title="技能</title>", region=Region(city="鹰潭市")),
               measures=(m,))
    page = to_html(build_graph([n]))
    assert page.count("</script>") == 2 and "技能&lt;/title&gt;" in page


CHROMIUM = next((shutil.which(c) for c in ("chromium", "chromium-browser", "google-chrome") if shutil.which(c)), None)


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium on this machine")
def test_html_opens_in_headless_chromium_without_console_errors(tmp_path, seed_graph):
    page = write_graph(seed_graph, tmp_path / "g.html")
    shot = tmp_path / "g.png"
    with tempfile.TemporaryDirectory() as profile:
        r = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync",
                            f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
                            f"--screenshot={shot}", "--window-size=1200,900", page.as_uri()],
                           capture_output=True, text=True, timeout=90)
    log = r.stdout + r.stderr
    assert "Uncaught" not in log and "ERROR:CONSOLE" not in log, log[-2000:]
    assert shot.exists() and shot.stat().st_size > 10_000


def test_cjk_font_lookup_returns_a_name_or_none():
    font = find_cjk_font()
    assert font is None or isinstance(font, str)
