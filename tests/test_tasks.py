"""The 任务分工表 rows: roles, deadlines, requirement text, and the 鹰潭 body checked task by task against the gold."""
from __future__ import annotations

import re

import pytest

from extractor.model import Deadline, Measure, Meta, Notice, Source, Target, Unit
from extractor.tasks import (STANDING, UNSPECIFIED, TaskRow, format_deadline, notice_to_tasks, rank_units,
                             rows_to_dataframe, rows_warnings, strip_markers, title_similarity)

from .conftest import FIXTURES, GOLD, SAMPLES, SEED_STEMS, load_gold, needs_shared

YT = "yingtan_2023_skills_action"


def yingtan_body_text() -> str:
    """The 鹰潭 notice with its annex cut off at the line "附 件"/"附件" that starts it."""
    text = (SAMPLES / f"{YT}.txt").read_text(encoding="utf-8")
    m = re.search(r"^\s*附\s*件\s*$", text, re.M)
    assert m, "the 鹰潭 seed has an annex line"
    return text[:m.start()]


@pytest.fixture(scope="module")
def yt_body():
    from extractor.pipeline import parse_text

    return parse_text(yingtan_body_text(), name=f"{YT}.body.txt")


@pytest.fixture(scope="module")
def yt_rows(yt_body):
    return notice_to_tasks(yt_body)


# ---------------------------------------------------------------- units → columns

def _u(name, role):
    return Unit(name, role, (0, len(name)))


@pytest.mark.parametrize("units,lead,support", [
    ([_u("市人社局", "lead"), _u("市财政局", "support")], ("市人社局",), ("市财政局",)),
    ([_u("市人社局", "responsible"), _u("市财政局", "responsible")], ("市人社局", "市财政局"), ()),
    ([_u("市教育局", "lead"), _u("市人社局", "responsible")], ("市教育局",), ("市人社局",)),
    ([_u("市财政局", "support")], (), ("市财政局",)),
    ([_u("市人社局", "lead"), _u("市人社局", "support")], ("市人社局",), ()),
    ([], (), ()),
], ids=["lead-and-support", "responsible-only-leads", "responsible-beside-lead-supports", "support-only",
        "same-body-twice", "none"])
def test_rank_units(units, lead, support):
    assert rank_units(units) == (lead, support)


def test_canonical_names():
    u = Unit("市人社局", "lead", (0, 4), canonical="鹰潭市人力资源和社会保障局")
    assert rank_units([u], names="canonical") == (("鹰潭市人力资源和社会保障局",), ())
    with pytest.raises(ValueError, match="as_written, canonical"):
        rank_units([u], names="full")


@pytest.mark.parametrize("iso,shown", [
    ("2025-12-31", "2025年底前"), ("2022-10-31", "2022年10月底前"), ("2024-02-29", "2024年2月底前"),
    ("2024-06-15", "2024年6月15日前"),
], ids=["year-end", "month-end", "leap-february", "day"])
def test_format_deadline(iso, shown):
    assert format_deadline(iso) == shown


@pytest.mark.parametrize("text,kept", [
    ("开展培训。(牵头单位:市人社局;配合单位:市财政局)", "开展培训。"),
    ("开展培训。〔牵头单位:市人社局,各区(市)人民政府、管委会;配合单位:市财政局〕", "开展培训。"),
    ("开展培训(责任单位:市人社局)。", "开展培训。"),
    ("开展培训。(市人社局会同有关部门负责)", "开展培训。"),
    ("全市职业院校达到14所(技工院校4所)。", "全市职业院校达到14所(技工院校4所)。"),
], ids=["paren-lead-support", "nested-brackets", "mid-sentence", "huitong-fuze", "plain-bracket-kept"])
def test_strip_markers(text, kept):
    assert strip_markers(text) == kept


def test_title_similarity_pairs_the_yingtan_titles():
    assert title_similarity("推进职业培训机构扩容提质", "推进培训机构扩容提质") >= 0.8
    assert title_similarity("推进职业培训机构扩容提质", "推进校企联合办学") < 0.5


# ---------------------------------------------------------------- hand-built notices

def _notice(text: str, measures, deadlines=(), targets=(), date="2023-02-13") -> Notice:
    return Notice("t", Source(None, "txt"), text, Meta(title="关于开展职业技能培训的通知", date=date),
                  measures=tuple(measures), deadlines=tuple(deadlines), targets=tuple(targets))


def _measure(text: str, mid: str, title: str, number: str, units=(), deadline=None, section=("一、主要任务",)):
    start = TEXT.index(text)
    return Measure(mid, number, title, text[len(number):], (start, start + len(text)), section, tuple(units),
                   deadline=deadline)


TEXT = ("一、主要任务\n"
        "1.开展职业技能培训。聚焦重点产业开展培训。到2025年培训1万人次。(牵头单位:市人社局;配合单位:市财政局)\n"
        "2.落实培训补贴。按规定落实补贴政策。\n")


def _two_measures():
    m1_text = TEXT.split("\n")[1]
    m2_text = TEXT.split("\n")[2]
    dl_at = TEXT.index("到2025年")
    d = Deadline("到2025年", (dl_at, dl_at + 6), "2025-12-31", measure="m1")
    t_at = TEXT.index("培训1万人次")
    t = Target("1万人次", (t_at + 2, t_at + 6), 10000, "人次", 2025, measure="m1")
    m1 = _measure(m1_text, "m1", "开展职业技能培训", "1.", [_u("市人社局", "lead"), _u("市财政局", "support")],
                  deadline="2025-12-31")
    m2 = _measure(m2_text, "m2", "落实培训补贴", "2.")
    return m1, m2, d, t


def test_deadline_falls_back_on_the_notice_horizon_then_standing():
    m1, m2, d, t = _two_measures()
    rows = notice_to_tasks(_notice(TEXT, [m1, m2], [d], [t]))
    assert [(r.deadline, r.deadline_basis) for r in rows] == [("2025年底前", "measure"), ("2025年底前", "notice")]
    rows = notice_to_tasks(_notice(TEXT, [m2]))
    assert (rows[0].deadline, rows[0].deadline_basis, rows[0].deadline_date) == (STANDING, "standing", None)


def test_requirement_keeps_facts_and_drops_the_marker():
    m1, m2, d, t = _two_measures()
    row = notice_to_tasks(_notice(TEXT, [m1, m2], [d], [t]))[0]
    assert "到2025年培训1万人次" in row.requirement
    assert "牵头单位" not in row.requirement and "市人社局" not in row.requirement
    assert row.cells() == ("1", "开展职业技能培训", row.requirement, "市人社局", "市财政局", "2025年底前")


def test_one_row_per_sentence():
    m1, m2, d, t = _two_measures()
    rows = notice_to_tasks(_notice(TEXT, [m1, m2], [d], [t]), per="sentence")
    assert [(r.no, r.task, r.requirement) for r in rows] == [
        ("1", "开展职业技能培训", "聚焦重点产业开展培训。"), ("2", "开展职业技能培训", "到2025年培训1万人次。"),
        ("3", "落实培训补贴", "按规定落实补贴政策。")]
    assert rows[1].deadline_basis == "sentence"


def test_group_rows_name_the_headings():
    m1, m2, d, t = _two_measures()
    rows = notice_to_tasks(_notice(TEXT, [m1, m2], [d], [t]), group=True)
    assert [(r.kind, r.task) for r in rows] == [("group", "一、主要任务"), ("task", "开展职业技能培训"),
                                                ("task", "落实培训补贴")]
    assert rows[0].cells() == ("", "一、主要任务", "", "", "", "")


def test_bad_option_names_the_choices():
    with pytest.raises(ValueError, match="measure, sentence"):
        notice_to_tasks(_notice(TEXT, []), per="paragraph")


def test_no_markers_at_all_gives_a_table_with_flagged_cells():
    from extractor.pipeline import parse_text

    n = parse_text("关于做好技能培训工作的通知\n一、主要任务\n1.开展职业技能培训。聚焦重点产业开展培训。\n"
                   "2.落实培训补贴。按规定落实补贴政策。\n")
    rows = notice_to_tasks(n)
    assert [r.task for r in rows] == ["开展职业技能培训", "落实培训补贴"]
    assert all(r.lead_text == UNSPECIFIED and r.support_text == "" and "no_units" in r.flags for r in rows)
    warn = rows_warnings(rows)
    assert len(warn) == 1 and "2 of 2 tasks" in warn[0] and UNSPECIFIED in warn[0]


# ---------------------------------------------------------------- 鹰潭 against the gold

YT_GOLD_BODY = load_gold(YT)["measures"][:20] if GOLD.is_dir() else []


@needs_shared
def test_yingtan_body_has_twenty_numbered_tasks_first(yt_rows):
    assert [r.task for r in yt_rows[:20]] == [g["title"] for g in YT_GOLD_BODY]
    assert all(not r.chapter or r.chapter[0] == "三、主要任务" for r in yt_rows[:20])


@needs_shared
@pytest.mark.parametrize("i", range(len(YT_GOLD_BODY)) or [0],
                         ids=[f"{i + 1:02d}-{g['title']}" for i, g in enumerate(YT_GOLD_BODY)] or ["no-gold"])
def test_yingtan_body_task_units_match_gold(yt_rows, i):
    g = YT_GOLD_BODY[i]
    row = next(r for r in yt_rows if r.task == g["title"])
    assert row.lead == tuple(u["name"] for u in g["units"] if u["role"] == "lead")
    assert row.support == tuple(u["name"] for u in g["units"] if u["role"] == "support")


@needs_shared
def test_requirements_quote_targets_amounts_and_deadlines_verbatim(yt_body, yt_rows):
    by_id = {r.measure: r for r in yt_rows}
    n = 0
    for f in (*yt_body.targets, *yt_body.amounts, *yt_body.deadlines):
        if f.measure in by_id:
            assert re.sub(r"\s", "", f.text) in by_id[f.measure].requirement, (f.text, by_id[f.measure].task)
            n += 1
    assert n >= 40


@needs_shared
def test_dataframe_filters_tasks_led_by_one_body(yt_rows):
    df = rows_to_dataframe(yt_rows)
    led = df[df["lead"].map(lambda xs: "市人社局" in xs)]["task"].tolist()
    expected = [g["title"] for g in YT_GOLD_BODY if any(u["name"] == "市人社局" and u["role"] == "lead"
                                                        for u in g["units"])]
    assert led[:len(expected)] == expected and len(led) == len(expected)


# ---------------------------------------------------------------- a task table the notice carries

def _annex_gold():
    return [m for m in load_gold(YT)["measures"] if m.get("text")]


@needs_shared
def test_yingtan_annex_table_reproduced_row_for_row(seed_notices):
    rows = notice_to_tasks(seed_notices[YT])
    gold = _annex_gold()
    assert [r.no for r in rows] == [str(i) for i in range(1, len(gold) + 1)]
    assert [r.task for r in rows] == [g["title"] for g in gold]
    assert [r.requirement for r in rows] == [g["text"] for g in gold]
    # its one 责任部门 column names bodies without ranking them: they lead
    assert [r.lead for r in rows] == [tuple(u["name"] for u in g["units"]) for g in gold]
    assert all(r.source == "table" and not r.support for r in rows)


@needs_shared
def test_merge_body_ranks_table_rows_with_the_body_roles(seed_notices):
    rows = notice_to_tasks(seed_notices[YT], merge_body=True)
    body = load_gold(YT)["measures"][:20]
    merged = [r for r in rows if r.source == "merged"]
    annex = _annex_gold()
    assert [r.requirement for r in merged] == [g["text"] for g in annex]
    for r, g in zip(merged, annex):
        b = max(body, key=lambda m: title_similarity(m["title"], g["title"]))
        role = {u["name"]: u["role"] for u in b["units"]}
        names = [u["name"] for u in g["units"]]
        has_lead = any(role.get(n) == "lead" for n in names)
        lead = tuple(n for n in names if role.get(n) == "lead" or (n not in role and not has_lead))
        assert (r.task, r.lead, r.support) == (b["title"], lead, tuple(n for n in names if n not in lead))
    # body tasks the table leaves out are added from the body
    assert {r.task for r in rows if r.source == "body"} >= {"加强组织领导", "压实主体责任"}


# ---------------------------------------------------------------- every seed and format

@needs_shared
@pytest.mark.parametrize("stem", SEED_STEMS)
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_every_seed_and_format_gives_rows(stem, fmt):
    from extractor.pipeline import parse_file

    txt_rows = notice_to_tasks(parse_file(SAMPLES / f"{stem}.txt"))
    rows = notice_to_tasks(parse_file(FIXTURES / f"{stem}.{fmt}"))
    assert rows and all(isinstance(r, TaskRow) for r in rows)
    assert all(r.lead_text and r.deadline for r in rows)
    assert [(r.task, r.lead, r.support) for r in rows] == [(r.task, r.lead, r.support) for r in txt_rows]


@needs_shared
def test_yingtan_pdf_rows():
    from extractor.pipeline import parse_file

    rows = notice_to_tasks(parse_file(FIXTURES / f"{YT}.pdf"))
    assert [r.task for r in rows] == [g["title"] for g in _annex_gold()]
