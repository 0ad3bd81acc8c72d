"""The agency lexicon (validation, caching) and the name functions built on it."""
from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.agencies import (AgencyRow, find_agencies, is_body, is_vague, level_of, load_agencies, parse_agency,
                                read_rows, validate_rows)
from extractor.model import Region


def test_lexicon_file_is_valid():
    assert validate_rows(read_rows()) == []


def test_lexicon_covers_every_function_named_in_the_brief():
    functions = {r.key for r in load_agencies().rows if r.kind == "body"}
    for fn in ("人社", "发改", "财政", "教育", "工信", "科技", "商务", "农业农村", "国资", "总工会", "团委", "妇联", "残联",
               "民政", "住建", "交通", "应急", "市场监管", "卫健", "文旅", "税务", "退役军人", "医保", "组织部", "编办",
               "大数据", "自然资源", "公安", "司法", "工商联", "企联", "政府", "管委会"):
        assert fn in functions, fn


def test_validator_names_the_problem():
    problems = validate_rows([AgencyRow("bodyy", "人社", "人社局", "人力资源和社会保障局"),
                              AgencyRow("body", "", "人社局", ""), AgencyRow("level", "村", "村", "")])
    assert any("kind must be one of" in p for p in problems)
    assert any("needs a function key and a canonical" in p for p in problems)
    assert any("level must be one of" in p for p in problems)
    assert validate_rows([AgencyRow("suffix", "branch", "调查队")]) == []
    assert any("strong, weak or branch" in p for p in validate_rows([AgencyRow("suffix", "local", "调查队")]))
    assert any("level must be one of" in p for p in validate_rows([AgencyRow("group", "村", "村")]))


@pytest.mark.parametrize("row, problem", [
    (AgencyRow("compound", "head", "场"), "a compound is key head"),
    (AgencyRow("compound", "head", "主体"), "begins with a place character"),
    (AgencyRow("compound", "tail", "市场"), "a compound is key head"),
], ids=["one-character", "no-place-character", "wrong-key"])
def test_validator_names_a_bad_compound(row, problem):
    assert any(problem in p for p in validate_rows([row]))


def test_loader_is_cached():
    assert load_agencies() is load_agencies()


def test_import_reads_no_files():
    code = ("import builtins, pathlib; opened = []\n"
            "orig = pathlib.Path.read_text\n"
            "pathlib.Path.read_text = lambda self, *a, **k: opened.append(str(self)) or orig(self, *a, **k)\n"
            "import extractor.agencies, extractor.units, extractor.obligations\n"
            "print(len(opened))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0"


@pytest.mark.parametrize("name, region, canonical, function, level", [
    ("市人社局", None, "市人力资源和社会保障局", "人社", "市"),
    ("市人力资源社会保障局", None, "市人力资源和社会保障局", "人社", "市"),
    ("市人社局", "鹰潭市", "鹰潭市人力资源和社会保障局", "人社", "市"),
    ("市人力资源社会保障局", Region(province="江西省", city="鹰潭市"), "鹰潭市人力资源和社会保障局", "人社", "市"),
    ("省人社厅", "福建省", "福建省人力资源和社会保障厅", "人社", "省"),
    ("市发改委", None, "市发展和改革委员会", "发改", "市"),
    ("市发展改革委", None, "市发展和改革委员会", "发改", "市"),
    ("市教体局", None, "市教育和体育局", "教育", "市"),
    ("市工业和科学技术局", None, "市工业和科学技术局", "工信", "市"),
    ("市农粮局", "江西省鹰潭市", "江西省鹰潭市农业农村粮食局", "农业农村", "市"),
    ("市国资委", None, "市国有资产监督管理委员会", "国资", "市"),
    ("团市委", "鹰潭市", "共青团鹰潭市委", "团委", "市"),
    ("市委组织部", "鹰潭市", "鹰潭市委组织部", "组织部", "市"),
    ("市文广新旅局", None, "市文化广电和旅游局", "文旅", "市"),
    ("各区(市)人民政府", None, "各区(市)人民政府", "政府", "区"),
    ("各县<市、区>人民政府", None, "各县<市、区>人民政府", "政府", "县"),
    ("各设区市人民政府", None, "各设区市人民政府", "政府", "市"),
    ("平潭综合实验区管委会", None, "平潭综合实验区管理委员会", "管委会", "区"),
    ("工信", None, "工业和信息化部门", "工信", None),
    ("市茶产业发展中心", None, "市茶产业发展中心", None, "市"),
], ids=lambda v: v if isinstance(v, str) else None)
def test_parse_agency(name, region, canonical, function, level):
    info = parse_agency(name, region)
    assert (info.canonical, info.function, info.level) == (canonical, function, level)


def test_same_body_same_canonical_within_a_notice():
    assert parse_agency("市人社局", "鹰潭市") == parse_agency("市人力资源和社会保障局", "鹰潭市")


@pytest.mark.parametrize("name", ["有关部门", "各有关单位", "相关部门", "有关单位", "各区市各有关部门", "各地各部门", "各地"])
def test_vague_words(name):
    assert is_vague(name) and parse_agency(name) is None


@pytest.mark.parametrize("name, expected", [
    ("市茶产业发展中心", True), ("各区(市)", True), ("各乡镇(街道、龙安)", True), ("行业协会", True),
    ("各县区", True), ("各市县区", True), ("各区县(市)", True), ("各县(市)区", True), ("各旗县区", True),
    ("各", False), ("企业", False), ("用人单位", False), ("干部", False), ("有关部门", False),
])
def test_is_body(name, expected):
    assert is_body(name) is expected


@pytest.mark.parametrize("prefix, level", [("省", "省"), ("市委", "市"), ("各设区市", "市"), ("各县(市、区)", "县"),
                                           ("贵溪市", "市"), ("余江区", "区"), ("", None)])
def test_level_of(prefix, level):
    assert level_of(prefix) == level


@pytest.mark.parametrize("text, names", [
    ("市人社局要将规划中的重要目标任务分解落实到各行业主管部门和乡镇人民政府。",
     ["市人社局", "各行业主管部门", "乡镇人民政府"]),
    ("建立组织部门牵头抓总、人力资源社会保障部门组织实施、有关部门各司其责", ["组织部门", "人力资源社会保障部门"]),
    ("重庆市各级粮食行政管理部门负责本行政区域内政策性粮食购销违法违规行为举报奖励工作。", ["重庆市各级粮食行政管理部门"]),
    ("由市发展改革委(市粮食和物资储备局)会同市财政局、农发行安顺分行制定市级储备粮分解计划",
     ["市发展改革委", "市粮食和物资储备局", "市财政局", "农发行安顺分行"]),
    ("第十条区发展改革局负责审核申请进入名单的企业", ["区发展改革局"]),
    ("推进校企联合办学", []),
    ("纳入本地本部门人才工作总体规划", []),
    ("国务院办公厅关于进一步加大稳就业政策支持力度的通知", ["国务院办公厅"]),
    ("国家统计局济宁调查队负责劳动力调查数据的采集。", ["国家统计局济宁调查队"]),
    ("国家税务总局潍坊市税务局要落实税收优惠政策。", ["国家税务总局潍坊市税务局"]),
    ("市侨联、市委党校、市档案馆要积极参与。", ["市侨联", "市委党校", "市档案馆"]),
    ("各县区要成立领导小组,各市县区、各区县(市)要配合。", ["各县区", "各市县区", "各区县(市)"]),
    ("各市场主体要落实主体责任,各市、县人民政府要加强监管。", ["各市", "县人民政府"]),
    ("各县域商业体系要完善,区域协调发展要加快。", []),
], ids=lambda v: v[:16] if isinstance(v, str) else None)
def test_find_agencies(text, names):
    assert [n for n, _ in find_agencies(text)] == names


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("市省区县各人社局委厅办部门政府管委会总工会团妇联和与及、,;。:()<>等有关负责牵头要"
                                             "财政教育工信发改科技乡镇街道第一条由会同配合 \n（）〔〕")), max_size=60))
def test_find_agencies_never_raises_and_spans_quote(text):
    for name, (a, b) in find_agencies(text):
        assert text[a:b] == name
