"""Comparison tables on the five seeds, the report files, and the `zhengce compare` command."""
from __future__ import annotations

import re

import pandas as pd
import pytest

from corpus.compare import compare_notices, coverage_matrix, find_level, region_of
from corpus.report import report_html, write_report

from .conftest import SAMPLES, SEED_STEMS

STEM = {"fuding": "fuding_2023_skills_plan", "fujian": "fujian_2024_skills_upgrade",
        "weihai": "weihai_2021_skills_measures", "yingtan": "yingtan_2023_skills_action",
        "zunyi": "zunyi_2024_skills_action"}


@pytest.fixture(scope="module")
def notices(seed_notices):
    return [seed_notices[s] for s in SEED_STEMS]


@pytest.fixture(scope="module")
def cmp(notices):
    return compare_notices(notices)


def _rows(df: pd.DataFrame, region: str, **eq) -> pd.DataFrame:
    sel = df["region"] == region
    for k, v in eq.items():
        sel &= df[k] == v
    return df[sel]


# ---------------------------------------------------------------- regions

def test_every_seed_has_its_region(cmp):
    assert sorted(cmp.notices["region"]) == ["威海市", "福建省", "福鼎市", "遵义市", "鹰潭市"]
    assert cmp.notices["label"].is_unique


def test_region_from_issuer_when_meta_has_none(seed_notices):
    from dataclasses import replace

    from extractor.model import Region

    n = seed_notices[STEM["zunyi"]]
    n2 = replace(n, meta=replace(n.meta, region=Region()))
    assert region_of(n2) == ("遵义市", "issuer")


# ---------------------------------------------------------------- incentives (values as printed in the notices)

def test_fuding_apprenticeship_subsidies(cmp, seed_notices):
    rows = _rows(cmp.incentives, "福鼎市", topic="新型学徒制")
    got = {(r.value, r.level, r.per) for r in rows.itertuples()}
    assert {(5000.0, "中级工", "每人每年"), (6000.0, "高级工", "每人每年")} <= got
    text = seed_notices[STEM["fuding"]].text
    for r in rows.itertuples():
        assert "新型学徒制" in r.evidence and text[slice(*r.span)] == r.amount_text


def test_yingtan_employment_rewards_by_level(cmp):
    rows = _rows(cmp.incentives, "鹰潭市", incentive="一次性就业奖励")
    assert sorted((r.value, r.level, r.per) for r in rows.itertuples()) == [
        (1000.0, "高级工", "每人"), (2000.0, "技师", "每人"), (3000.0, "高级技师", "每人")]
    assert set(rows["topic"]) == {"就业/创业奖励"}
    # the start-up rewards of the same sentence group sit under the same topic
    assert set(_rows(cmp.incentives, "鹰潭市", incentive="一次性创业奖励")["topic"]) == {"就业/创业奖励"}


def test_weihai_master_studio_grant(cmp):
    rows = _rows(cmp.incentives, "威海市", topic="技能大师工作室")
    per_studio = rows[rows["value"] == 50000.0]
    assert len(per_studio) == 1 and per_studio.iloc[0]["per"] == "每工作室"
    assert "技能大师工作室" in per_studio.iloc[0]["evidence"]
    # its peers — the grant for a national studio, the award for the studio's head — share the topic
    assert {500000.0, 20000.0} <= set(rows["value"])


def test_levels_listed_apart_from_amounts(cmp):
    rows = _rows(cmp.incentives, "福鼎市", incentive="引才奖励").sort_values("value", ascending=False)
    assert list(zip(rows["value"], rows["level"])) == [(2000.0, "高级技师"), (1500.0, "技师"), (1000.0, "高级工")]
    assert set(rows["topic"]) == {"高技能人才引进"}


@pytest.mark.parametrize("text,needle,expected", [
    ("分别按高级技师(一级)3000元/人、技师(二级)2000元/人标准", "2000元", "技师"),
    ("输送具有高级工及以上职业资格的毕业生,按每人1000元的标准给予奖励", "1000元", "高级工及以上"),
    ("中级工每人每年补贴5000元,高级工每人每年6000元", "6000元", "高级工"),
    ("对获得省级一类职业技能竞赛项目前3名的选手,分别给予5000元奖励", "5000元", None),
], ids=["level-in-own-clause", "level-earlier-in-sentence", "second-of-two", "no-level"])
def test_find_level(text, needle, expected):
    spans = [(m.start(), m.end()) for m in re.finditer(r"\d+元", text)]
    i = text.index(needle)
    assert find_level(text, (i, i + len(needle)), spans) == expected


def test_every_fact_row_quotes_its_notice(cmp, seed_notices):
    by_id = {n.id: n for n in seed_notices.values()}
    for r in cmp.incentives.itertuples():
        assert by_id[r.notice].text[slice(*r.span)] == r.amount_text
    for r in cmp.targets.itertuples():
        assert by_id[r.notice].text[slice(*r.span)] == r.target_text
    for df in (cmp.incentives, cmp.targets, cmp.responsibility, cmp.coverage):
        assert df["region"].astype(bool).all()


# ---------------------------------------------------------------- targets, responsibility, coverage

def test_training_targets_comparable_across_cities(cmp):
    t = cmp.targets
    train = t[(t["topic"] == "职业技能培训") & (t["unit_norm"] == "人次")]
    best = train.groupby("region")["value"].max()
    assert best["福建省"] == 160000 and best["遵义市"] == 120000 and best["鹰潭市"] == 100000
    assert (t[t["unit"] == "名"]["unit_norm"] == "人").all()


def test_population_scales_targets(notices):
    c = compare_notices(notices, align=False, reuse=False, population={"鹰潭市": 115.0})
    row = c.targets[(c.targets["region"] == "鹰潭市") & (c.targets["unit_norm"] != "%")].iloc[0]
    assert row["per_10k"] == pytest.approx(row["value"] / 115.0, rel=1e-3)
    assert c.targets[c.targets["region"] != "鹰潭市"]["per_10k"].isna().all()


def test_lead_function(cmp):
    r = cmp.responsibility
    assert r[(r["region"] == "威海市") & (r["topic"] == "职业技能竞赛")]["lead_function"].item() == "人社"
    assert r[(r["region"] == "鹰潭市") & (r["topic"] == "高技能人才引进")]["lead_function"].item() == "组织部"
    assert r[(r["region"] == "鹰潭市") & (r["topic"] == "校企合作")]["lead_function"].item() == "教育"


def test_coverage_matrix(cmp):
    m = coverage_matrix(cmp.coverage, topic_order=cmp.topic_order)
    assert m.loc["技能大师工作室", "威海市"] >= 1 and m.loc["技能大师工作室", "福建省"] >= 1
    assert m.loc["新型学徒制", "鹰潭市"] >= 1
    assert (m >= 0).all().all()


def test_alignment_pairs_measures_with_different_headings(cmp):
    a = cmp.alignment
    assert set(a.columns) >= {"notice_a", "measure_a", "notice_b", "measure_b", "score"}
    pairs = {(r.title_a, r.title_b) for r in a.itertuples()}
    assert ("加快产教融合型学徒制培训", "全面推行企业新型学徒制") in pairs
    assert (a["notice_a"] != a["notice_b"]).all()


def test_reuse_between_seeds(cmp):
    ru = cmp.reuse
    hit = ru[(ru["label_a"] == "福建省") & (ru["label_b"] == "遵义市")]
    assert len(hit) == 1 and hit.iloc[0]["likely_source"] == "福建省"
    assert "职业技能培训作为重要任务" in hit.iloc[0]["text_a"]


# ---------------------------------------------------------------- the report

def test_html_is_self_contained(cmp):
    page = report_html(cmp)
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", page)
    assert "@import" not in page and "url(http" not in page
    for name in ("福鼎市", "鹰潭市", "一次性就业奖励", "技能大师工作室"):
        assert name in page


def test_xlsx_has_one_sheet_per_table(cmp, tmp_path):
    from openpyxl import load_workbook

    p = write_report(cmp, tmp_path / "r.xlsx")
    wb = load_workbook(p, read_only=True)
    assert wb.sheetnames == list(cmp.tables())
    head = [c.value for c in next(wb["incentives"].iter_rows(max_row=1))]
    assert "span_start" in head and "span_end" in head and "evidence" in head


def test_unknown_report_format_names_the_choices(cmp, tmp_path):
    with pytest.raises(ValueError, match=r"\.html, \.htm, \.xlsx"):
        write_report(cmp, tmp_path / "r.pdf")


# ---------------------------------------------------------------- the command

@pytest.fixture()
def cli(monkeypatch):
    import zhengce.cli

    monkeypatch.setattr(zhengce.cli, "COMMAND_MODULES", ("cmd_compare",))
    return zhengce.cli.main


def test_compare_command_writes_html(cli, tmp_path, capsys):
    out = tmp_path / "report.html"
    assert cli(["compare", str(SAMPLES), "-o", str(out), "--no-align"]) == 0
    page = out.read_text(encoding="utf-8")
    assert "鹰潭市" in page and "<svg" in page
    assert "5 notices" in capsys.readouterr().err


def test_compare_command_goes_on_after_a_bad_file(cli, tmp_path, capsys):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    out = tmp_path / "r.xlsx"
    files = [str(SAMPLES / "weihai_2021_skills_measures.txt"), str(bad), str(SAMPLES / "fuding_2023_skills_plan.txt")]
    assert cli(["compare", *files, "-o", str(out), "--no-reuse"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len([x for x in err if "empty.txt" in x]) == 1
    assert out.exists()


def test_compare_command_rejects_unknown_output(cli, tmp_path, capsys):
    assert cli(["compare", str(SAMPLES), "-o", str(tmp_path / "r.pdf")]) == 2
    assert ".xlsx" in capsys.readouterr().err
