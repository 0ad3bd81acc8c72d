"""`zhengce check`: body vs task table, missing bodies, past deadlines, conflicting targets."""
from __future__ import annotations

import json
from difflib import SequenceMatcher

import pytest

from extractor.model import Measure, Meta, Notice, Source, Target, Unit
from extractor.taskcheck import KINDS, check_notice, report_to_text, target_findings

from .conftest import FIXTURES, SAMPLES, load_gold, needs_shared

YT = "yingtan_2023_skills_action"


def expected_disagreements() -> dict[str, tuple[set, set]]:
    """From the gold alone: per body task (the 20 numbered measures), the bodies the annex rows with
    that task title add / drop against the body measure's lead+support; titles paired by similarity."""
    gold = load_gold(YT)["measures"]
    body, annex = gold[:20], [m for m in gold if m.get("text")]

    def alike(a, b):
        return SequenceMatcher(None, a, b).ratio() >= 0.8

    out = {}
    for b in body:
        mine = {u["name"] for u in b["units"] if u["role"] in ("lead", "support")}
        rows = [a for a in annex if alike(a["title"], b["title"])]
        assert rows, b["title"]
        theirs = {u["name"] for a in rows for u in a["units"]}
        if mine != theirs:
            out[b["title"]] = (theirs - mine, mine - theirs)
    return out


def _table_differs(notice) -> dict[str, tuple[set, set]]:
    return {f.task: (set(f.added), set(f.dropped)) for f in check_notice(notice) if f.kind == "table_differs"}


@needs_shared
def test_expected_set_is_the_eight_tasks_of_the_guideline():
    exp = expected_disagreements()
    assert len(exp) == 8 and "推进企业培育基础能力建设" in exp and "市财政局" in exp["推进企业培育基础能力建设"][1]


@needs_shared
def test_yingtan_reports_exactly_the_tasks_where_annex_and_body_disagree(seed_notices):
    assert _table_differs(seed_notices[YT]) == expected_disagreements()


@needs_shared
@pytest.mark.parametrize("fixture", [f"{YT}.annex_table.docx", f"{YT}.annex_table.pdf"])
def test_same_report_from_a_real_word_table(fixture):
    from extractor.pipeline import parse_file

    assert _table_differs(parse_file(FIXTURES / fixture)) == expected_disagreements()


@needs_shared
def test_yingtan_past_deadlines_are_those_of_the_gold(seed_notices):
    gold = load_gold(YT)
    expected = sorted(d["date"] for d in gold["deadlines"] if d["date"] < gold["meta"]["date"])
    found = [f for f in check_notice(seed_notices[YT]) if f.kind == "past_deadline"]
    assert sorted(f.message.split("（")[-1].split("）")[0] for f in found) == expected
    assert all(gold["meta"]["date"] in f.message for f in found)


@needs_shared
@pytest.mark.parametrize("stem", ["fuding_2023_skills_plan", "weihai_2021_skills_measures"])
def test_measures_without_bodies_are_those_of_the_gold(seed_notices, stem):
    gold = {m["title"] for m in load_gold(stem)["measures"] if not m["units"]}
    found = {f.task for f in check_notice(seed_notices[stem]) if f.kind == "no_units"}
    assert gold <= found
    assert not {f.task for f in check_notice(seed_notices[stem]) if f.kind == "table_differs"}


def _u(name, role="responsible", source="marker"):
    return Unit(name, role, (0, len(name)), source=source)


def test_table_adding_and_dropping_bodies_on_a_hand_built_notice():
    body = Measure("m1", "1.", "推进职业培训机构扩容提质", "…", (0, 10), ("三、主要任务",),
                   (_u("市人社局", "lead"), _u("市财政局", "support"), _u("市民政局", "support")))
    row = Measure("m2", "23", "推进培训机构扩容提质", "…", (20, 30), ("附件",),
                  (_u("市人社局", source="table"), _u("市财政局", source="table"), _u("市教育局", source="table")),
                  source="table")
    n = Notice("t", Source(None, "txt"), "x" * 40, Meta(), measures=(body, row))
    [f] = [f for f in check_notice(n) if f.kind == "table_differs"]
    assert (f.task, f.added, f.dropped) == ("推进职业培训机构扩容提质", ("市教育局",), ("市民政局",))
    assert "分工表增列 市教育局" in f.message and "分工表未列 市民政局" in f.message


@pytest.mark.parametrize("second,conflict", [("到2025年培训规模突破12万人次。", True),
                                              ("到2025年培训规模突破10万人次。", False)],
                         ids=["different-values", "same-value"])
def test_one_indicator_two_targets(second, conflict):
    text = "到2025年培训规模突破10万人次。" + second
    a, b = text.index("10万"), text.rindex("万人次") - 2
    ts = (Target("10万人次", (a, a + 5), 100000, "人次", 2025, "培训规模"),
          Target(text[b:b + 5], (b, b + 5), float(text[b:b + 2]) * 10000, "人次", 2025, "培训规模"))
    n = Notice("t", Source(None, "txt"), text, Meta(), targets=ts)
    assert bool(target_findings(n)) is conflict


def test_clean_notice_says_so():
    n = Notice("t", Source(None, "txt"), "", Meta())
    assert check_notice(n) == [] and "未发现问题" in report_to_text([])


# ---------------------------------------------------------------- the command

@pytest.fixture
def cli(monkeypatch):
    import zhengce.cli

    monkeypatch.setattr(zhengce.cli, "COMMAND_MODULES", ("cmd_tasks",))
    return zhengce.cli.main


@needs_shared
def test_check_command_report_and_json(cli, capsys):
    seed = str(SAMPLES / f"{YT}.txt")
    assert cli(["check", seed]) == 0
    out = capsys.readouterr().out
    for title in expected_disagreements():
        assert title in out
    assert cli(["check", seed, "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["counts"]["table_differs"] == 8 and set(d["counts"]) == set(KINDS)


def test_check_command_bad_input_is_one_line(cli, capsys, tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    assert cli(["check", str(bad)]) == 1
    err = capsys.readouterr().err.strip()
    assert err == f"{bad}: empty file"
