"""The comparison report: one self-contained HTML page, or an .xlsx workbook with one sheet per table.

The HTML page has no external resource (no CDN, no web font): CSS, a few lines of JS (sort a
table by a click on its header, filter its rows) and the charts as inline SVG drawn here — a
topic × notice coverage heatmap, bars of incentive amounts (log scale, grouped by topic) and of
the largest target per notice for indicators several notices share, and text-reuse pairs side by
side with their differences marked. Every table row keeps its evidence: the span into the
notice's text and the sentence (on hover, and in a column of the workbook).

Big corpora: the page shows at most `max_notices` notices in the heatmap and `max_rows` rows per
table (saying so); the workbook has everything.

Deliberately not covered: interactive charts and PDF output.
"""
from __future__ import annotations

import difflib
import html
import math
import re
from pathlib import Path
from typing import Any, Sequence

import pandas as pd

from .compare import Comparison, coverage_matrix

__all__ = ["FORMATS", "bars_svg", "heatmap_svg", "report_html", "write_report", "write_xlsx"]

FORMATS = (".html", ".htm", ".xlsx")
PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f",
           "#bab0ac")
_FONT = "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei','WenQuanYi Micro Hei',sans-serif"
_E = html.escape

_CSS = """
body{font-family:%s;margin:0;color:#222;background:#fafafa;font-size:14px}
header{background:#2f4b7c;color:#fff;padding:18px 28px}header h1{margin:0;font-size:22px}
header p{margin:4px 0 0;opacity:.85}
nav{background:#fff;border-bottom:1px solid #ddd;padding:8px 28px;position:sticky;top:0;z-index:2}
nav a{margin-right:16px;color:#2f4b7c;text-decoration:none}
main{padding:8px 28px 40px}section{background:#fff;border:1px solid #e3e3e3;border-radius:6px;margin:18px 0;
padding:14px 18px}h2{font-size:18px;margin:4px 0 10px;color:#2f4b7c}h3{font-size:15px;margin:14px 0 6px}
table.data{border-collapse:collapse;width:100%%;font-size:13px}table.data th,table.data td{border:1px solid #e0e0e0;
padding:4px 6px;text-align:left;vertical-align:top}table.data th{background:#f0f3f8;cursor:pointer;position:sticky;top:0}
table.data td.num{text-align:right;white-space:nowrap}table.data tr:nth-child(even) td{background:#fcfcfd}
.note{color:#666;font-size:12px}.filter{margin:4px 0 8px;padding:4px 8px;width:260px;border:1px solid #ccc;border-radius:4px}
.scroll{max-height:520px;overflow:auto}.chip{display:inline-block;width:10px;height:10px;border-radius:2px;margin:0 4px 0 10px}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:12px;margin:10px 0 18px}.pair div.side{border:1px solid #ddd;
border-radius:4px;padding:8px;background:#fcfcfc;line-height:1.7}.pair h4{margin:0 0 4px;font-size:13px;color:#555}
mark.del{background:#f8d7da}mark.ins{background:#d4edda}svg text{font-family:%s}
""" % (_FONT, _FONT)

_JS = """
document.querySelectorAll('table.data').forEach(function(t){
  t.querySelectorAll('th').forEach(function(th,i){th.addEventListener('click',function(){
    var b=t.tBodies[0];if(!b)return;var rows=Array.prototype.slice.call(b.rows);var asc=th.dataset.asc!=='1';
    rows.sort(function(x,y){var p=x.cells[i].dataset.v||x.cells[i].textContent,q=y.cells[i].dataset.v||y.cells[i].textContent;
      var a=parseFloat(p),c=parseFloat(q);var r=(!isNaN(a)&&!isNaN(c))?a-c:p.localeCompare(q,'zh');return asc?r:-r;});
    rows.forEach(function(r){b.appendChild(r);});th.dataset.asc=asc?'1':'0';});});
});
document.querySelectorAll('input.filter').forEach(function(inp){
  inp.addEventListener('input',function(){var t=document.getElementById(inp.dataset.table);if(!t||!t.tBodies[0])return;
    var q=inp.value.trim();Array.prototype.forEach.call(t.tBodies[0].rows,function(r){
      r.style.display=(!q||r.textContent.indexOf(q)>=0)?'':'none';});});
});
"""


# ---------------------------------------------------------------- SVG charts

def _colour(i: int) -> str:
    return PALETTE[i % len(PALETTE)]


def heatmap_svg(matrix: pd.DataFrame, cell: int = 34, label_w: int = 150) -> str:
    """Topic (rows) × notice (columns) counts as an SVG heatmap; each cell has a tooltip.

    >>> m = pd.DataFrame({"福鼎市": [2, 0], "威海市": [1, 3]}, index=["新型学徒制", "职业技能竞赛"])
    >>> svg = heatmap_svg(m)
    >>> svg.startswith("<svg") and "福鼎市 · 职业技能竞赛: 0" in svg
    True
    """
    if matrix.empty:
        return '<p class="note">没有可显示的主题。</p>'
    rows, cols = list(matrix.index), list(matrix.columns)
    head = 90
    w, h = label_w + cell * len(cols) + 10, head + cell * len(rows) + 10
    top = max(1, int(matrix.values.max()))
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" '
           f'aria-label="coverage heatmap">']
    for j, c in enumerate(cols):
        x = label_w + j * cell + cell / 2
        out.append(f'<text x="{x:.0f}" y="{head - 6}" font-size="12" transform="rotate(-50 {x:.0f} {head - 6})">'
                   f'{_E(str(c))}</text>')
    for i, r in enumerate(rows):
        y = head + i * cell
        out.append(f'<text x="{label_w - 6}" y="{y + cell / 2 + 4:.0f}" font-size="12" text-anchor="end">{_E(str(r))}</text>')
        for j, c in enumerate(cols):
            v = int(matrix.iloc[i, j])
            t = v / top
            fill = "#f4f4f4" if v == 0 else f"rgb({int(235 - 190 * t)},{int(243 - 150 * t)},{int(252 - 90 * t)})"
            x = label_w + j * cell
            out.append(f'<rect x="{x}" y="{y}" width="{cell - 2}" height="{cell - 2}" fill="{fill}" rx="3">'
                       f'<title>{_E(str(c))} · {_E(str(r))}: {v}</title></rect>')
            if v:
                col = "#fff" if t > 0.55 else "#333"
                out.append(f'<text x="{x + (cell - 2) / 2:.0f}" y="{y + cell / 2 + 3:.0f}" font-size="11" '
                           f'text-anchor="middle" fill="{col}">{v}</text>')
    out.append("</svg>")
    return "".join(out)


def bars_svg(items: Sequence[tuple[str, str, float, int, str]], *, log: bool = True, unit: str = "元",
             width: int = 900, label_w: int = 260) -> str:
    """Horizontal bars: items are (group, label, value, colour index, tooltip); groups get a heading row.

    >>> "5,000" in bars_svg([("新型学徒制", "福鼎市 中级工", 5000.0, 0, "")])
    True
    """
    items = [it for it in items if it[2] is not None and it[2] > 0 and math.isfinite(it[2])]
    if not items:
        return '<p class="note">没有可画的数值。</p>'
    vmax = max(v for _, _, v, _, _ in items)
    vmin = min(v for _, _, v, _, _ in items)
    lo = math.floor(math.log10(vmin)) if log else 0.0
    hi = math.log10(vmax) if log else vmax

    def length(v: float) -> float:
        span = (width - label_w - 120)
        if log:
            return span * max(0.02, (math.log10(v) - lo + 0.15) / max(hi - lo + 0.15, 1e-9))
        return span * v / vmax

    bar, gap = 18, 6
    groups: list[str] = []
    for g, *_ in items:
        if g not in groups:
            groups.append(g)
    height = 10 + len(items) * (bar + gap) + len(groups) * 26
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
           f'role="img" aria-label="bar chart">']
    y = 6
    for g in groups:
        out.append(f'<text x="4" y="{y + 16}" font-size="13" font-weight="bold" fill="#2f4b7c">{_E(g)}</text>')
        y += 26
        for gg, label, v, ci, tip in items:
            if gg != g:
                continue
            L = length(v)
            out.append(f'<text x="{label_w - 6}" y="{y + 13}" font-size="12" text-anchor="end">{_E(label)}</text>')
            out.append(f'<rect x="{label_w}" y="{y}" width="{L:.1f}" height="{bar}" fill="{_colour(ci)}" rx="2">'
                       f'<title>{_E(tip or label)}</title></rect>')
            out.append(f'<text x="{label_w + L + 6:.1f}" y="{y + 13}" font-size="12">{_fmt_num(v)}{_E(unit)}</text>')
            y += bar + gap
    out.append("</svg>")
    return "".join(out)


def _fmt_num(v: float) -> str:
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}"


# ---------------------------------------------------------------- tables

def _cell(v: Any, plain: bool = False) -> tuple[str, str]:
    """(display html, sort value); `plain` numbers (years, counts of ids) get no separators."""
    if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
        return "", ""
    if plain and isinstance(v, (int, float)):
        return str(int(v)), str(int(v))
    if isinstance(v, tuple):
        return _E(f"{v[0]}–{v[1]}"), str(v[0])
    if isinstance(v, bool):
        return ("是" if v else ""), ("1" if v else "0")
    if isinstance(v, (int, float)):
        return _fmt_num(float(v)), repr(float(v))
    return _E(str(v)), ""


def _table(df: pd.DataFrame, tid: str, columns: Sequence[str], headers: Sequence[str] | None = None,
           max_rows: int = 2000, tip: str | None = "evidence") -> str:
    if df is None or df.empty:
        return '<p class="note">（无）</p>'
    headers = headers or columns
    shown = df.head(max_rows)
    out = [f'<input class="filter" data-table="{tid}" placeholder="筛选…" aria-label="filter">',
           f'<div class="scroll"><table class="data" id="{tid}"><thead><tr>']
    out += [f"<th>{_E(h)}</th>" for h in headers]
    out.append("</tr></thead><tbody>")
    for _, row in shown.iterrows():
        title = f' title="{_E(str(row[tip]))}"' if tip and tip in row and isinstance(row[tip], str) else ""
        out.append(f"<tr{title}>")
        for c in columns:
            disp, key = _cell(row[c], plain=c == "year")
            num = isinstance(row[c], (int, float)) and not isinstance(row[c], bool)
            attrs = (' class="num"' if num else "") + (f' data-v="{_E(key)}"' if key else "")
            out.append(f"<td{attrs}>{disp}</td>")
        out.append("</tr>")
    out.append("</tbody></table></div>")
    if len(df) > max_rows:
        out.append(f'<p class="note">只显示前 {max_rows} 行，共 {len(df)} 行；完整数据见 .xlsx。</p>')
    return "".join(out)


# ---------------------------------------------------------------- sections

def _colours(cmp: Comparison) -> dict[str, int]:
    return {lbl: i for i, lbl in enumerate(cmp.notices["label"])} if not cmp.notices.empty else {}


def _legend(cmp: Comparison, labels: Sequence[str]) -> str:
    col = _colours(cmp)
    return "<p>" + "".join(f'<span class="chip" style="background:{_colour(col[x])}"></span>{_E(x)}'
                           for x in labels if x in col) + "</p>"


def _incentive_bars(cmp: Comparison, max_bars: int = 120) -> str:
    inc = cmp.incentives
    if inc.empty:
        return '<p class="note">（无金额）</p>'
    col = _colours(cmp)
    order = {t: i for i, t in enumerate(cmp.topic_order)}
    df = inc.assign(_o=inc["topic"].map(lambda t: order.get(t, 999))).sort_values(["_o", "label", "value"],
                                                                               ascending=[True, True, False])
    items = []
    for _, r in df.head(max_bars).iterrows():
        bits = [r["label"]] + [str(r[k]) for k in ("level", "per") if isinstance(r[k], str) and r[k]]
        if isinstance(r["incentive"], str) and r["incentive"]:
            bits.append(r["incentive"][-8:])
        tip = f'{r["label"]} {r["amount_text"]}: {r["evidence"]}'
        items.append((r["topic"], " ".join(bits), float(r["value"]), col.get(r["label"], 0), tip))
    return _legend(cmp, list(dict.fromkeys(df["label"]))) + bars_svg(items, log=True, unit="元")


def _target_bars(cmp: Comparison, max_groups: int = 12) -> str:
    tg = cmp.targets
    if tg.empty:
        return '<p class="note">（无目标）</p>'
    col = _colours(cmp)
    # the largest target per notice for each (topic, unit) that at least two notices state
    best = tg.sort_values("value", ascending=False).groupby(["topic", "unit_norm", "label"], sort=False).head(1)
    shared = best.groupby(["topic", "unit_norm"])["label"].nunique()
    keys = [k for k, n in shared.sort_values(ascending=False).items() if n >= 2][:max_groups]
    if not keys:
        return '<p class="note">没有两个以上文件共有的指标。</p>'
    items = []
    for topic, unit in keys:
        sub = best[(best["topic"] == topic) & (best["unit_norm"] == unit)].sort_values("value", ascending=False)
        for _, r in sub.iterrows():
            year = f' ({int(r["year"])})' if not pd.isna(r["year"]) else ""
            tip = f'{r["label"]}: {r["indicator"]} {r["target_text"]}{year} — {r["evidence"]}'
            items.append((f"{topic}（{unit}）", f'{r["label"]}{year}', float(r["value"]), col.get(r["label"], 0), tip))
    return ('<p class="note">每个文件在该主题、该单位下的最大目标值（对数刻度）；悬停查看原文。</p>'
            + bars_svg(items, log=True, unit=""))


def _responsibility_matrix(cmp: Comparison) -> str:
    rs = cmp.responsibility
    if rs.empty:
        return '<p class="note">（无责任单位）</p>'
    m = rs.pivot_table(index="topic", columns="label", values="lead_function", aggfunc="first")
    m = m.reindex([t for t in cmp.topic_order if t in m.index])
    m = m.reindex(columns=[x for x in cmp.notices["label"] if x in m.columns])
    df = m.reset_index().rename(columns={"topic": "主题"})
    return _table(df.fillna(""), "resp-matrix", list(df.columns), tip=None)


def _mark(a: str, b: str) -> tuple[str, str]:
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    xa, xb = [], []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            xa.append(_E(a[i1:i2]))
            xb.append(_E(b[j1:j2]))
        else:
            if i2 > i1:
                xa.append(f'<mark class="del">{_E(a[i1:i2])}</mark>')
            if j2 > j1:
                xb.append(f'<mark class="ins">{_E(b[j1:j2])}</mark>')
    return "".join(xa), "".join(xb)


def _reuse_pairs(cmp: Comparison, max_pairs: int = 40) -> str:
    ru = cmp.reuse
    if ru is None or ru.empty:
        return '<p class="note">未发现共享段落。</p>'
    out = []
    for _, r in ru.sort_values("chars_a", ascending=False).head(max_pairs).iterrows():
        a = re.sub(r"\s+", "", r["text_a"])
        b = re.sub(r"\s+", "", r["text_b"])
        ha, hb = _mark(a, b)
        src = f'，可能的来源：{_E(r["likely_source"])}（{_E(r["source_reason"])}）' if r["likely_source"] else ""
        out.append(f'<h3>{_E(r["label_a"])} ↔ {_E(r["label_b"])}：{r["chars_a"]} 字，相似度 {r["similarity"]:.2f}{src}</h3>')
        out.append(f'<div class="pair"><div class="side"><h4>{_E(r["label_a"])} [{r["span_a"][0]}–{r["span_a"][1]})</h4>'
                   f'{ha}</div><div class="side"><h4>{_E(r["label_b"])} [{r["span_b"][0]}–{r["span_b"][1]})</h4>'
                   f'{hb}</div></div>')
    if len(ru) > max_pairs:
        out.append(f'<p class="note">只显示最长的 {max_pairs} 段，共 {len(ru)} 段。</p>')
    return "".join(out)


def report_html(cmp: Comparison, *, title: str = "政策比较报告", max_rows: int = 2000, max_notices: int = 40) -> str:
    """The whole report as one HTML string (no external resources)."""
    labels = list(cmp.notices["label"]) if not cmp.notices.empty else []
    cov = coverage_matrix(cmp.coverage, topic_order=cmp.topic_order, label_order=labels[:max_notices])
    more = (f'<p class="note">热图只显示前 {max_notices} 个文件，共 {len(labels)} 个。</p>'
            if len(labels) > max_notices else "")
    sections = [
        ("notices", "文件", _table(cmp.notices, "t-notices",
                                   ["label", "region", "title", "date", "doc_number", "n_measures", "n_amounts",
                                    "n_targets"],
                                   ["地区", "地区(原始)", "标题", "日期", "文号", "措施数", "金额数", "目标数"], max_rows, None)),
        ("coverage", "主题覆盖", '<p class="note">每格为该文件中涉及该主题的措施数。</p>' + '<div style="overflow-x:auto">' + heatmap_svg(cov) + "</div>" + more),
        ("incentives", "激励金额", _incentive_bars(cmp) + "<h3>明细</h3>" + _table(
            cmp.incentives, "t-incentives",
            ["label", "topic", "value", "bound", "per", "level", "recipient", "incentive", "amount_text",
             "measure_title", "span", "topic_source"],
            ["地区", "主题", "金额(元)", "界限", "单位", "技能等级", "对象", "激励名称", "原文", "措施", "位置", "主题来源"],
            max_rows)),
        ("targets", "目标", _target_bars(cmp) + "<h3>明细</h3>" + _table(
            cmp.targets, "t-targets",
            ["label", "topic", "indicator", "value", "unit", "unit_norm", "year", "annual", "per_10k", "target_text",
             "span"],
            ["地区", "主题", "指标", "数值", "单位", "可比单位", "年份", "每年", "每万人", "原文", "位置"], max_rows)),
        ("responsibility", "牵头职能", _responsibility_matrix(cmp) + "<h3>明细</h3>" + _table(
            cmp.responsibility, "t-resp",
            ["label", "topic", "lead_function", "lead_bodies", "share", "functions", "n_measures", "measures"],
            ["地区", "主题", "牵头职能", "牵头单位", "占比", "全部职能(权重)", "措施数", "措施"], max_rows, None)),
        ("alignment", "措施对齐", _table(
            cmp.alignment, "t-align",
            ["region_a", "title_a", "region_b", "title_b", "topic", "cosine", "score", "basis"],
            ["地区A", "措施A", "地区B", "措施B", "共同主题", "文本相似度", "综合分", "依据"], max_rows, None)),
        ("reuse", "文本复用", _reuse_pairs(cmp)),
    ]
    nav = "".join(f'<a href="#{sid}">{_E(name)}</a>' for sid, name, _ in sections)
    body = "".join(f'<section id="{sid}"><h2>{_E(name)}</h2>{content}</section>' for sid, name, content in sections)
    sub = f'{len(labels)} 个文件：' + "、".join(_E(x) for x in labels[:12]) + ("…" if len(labels) > 12 else "")
    return (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{_E(title)}</title>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">'
            f"<style>{_CSS}</style></head><body><header><h1>{_E(title)}</h1><p>{sub}</p></header>"
            f"<nav>{nav}</nav><main>{body}</main><script>{_JS}</script></body></html>")


# ---------------------------------------------------------------- files

def _plain(df: pd.DataFrame) -> pd.DataFrame:
    """Spans → span_start/span_end columns; other tuples → text, for the workbook."""
    out = df.copy()
    for c in list(out.columns):
        if out[c].map(lambda v: isinstance(v, tuple)).any():
            if c.startswith("span"):
                suffix = c[4:]
                out.insert(out.columns.get_loc(c), f"span_start{suffix}",
                           out[c].map(lambda v: v[0] if isinstance(v, tuple) else None))
                out.insert(out.columns.get_loc(c), f"span_end{suffix}",
                           out[c].map(lambda v: v[1] if isinstance(v, tuple) else None))
                out = out.drop(columns=[c])
            else:
                out[c] = out[c].map(lambda v: "、".join(map(str, v)) if isinstance(v, tuple) else v)
    return out


def write_xlsx(cmp: Comparison, path: str | Path) -> Path:
    """One sheet per table (notices, coverage, incentives, targets, responsibility, alignment, reuse, measures)."""
    path = Path(path)
    with pd.ExcelWriter(path, engine="openpyxl") as xw:
        for name, df in cmp.tables().items():
            _plain(df if df is not None else pd.DataFrame()).to_excel(xw, sheet_name=name[:31], index=False)
    return path


def write_report(cmp: Comparison, path: str | Path, **kw: Any) -> Path:
    """Write the report as .html/.htm or .xlsx, chosen by the suffix of `path`."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"cannot write a report as {suffix or 'a file without suffix'!r}; choose one of {', '.join(FORMATS)}")
    if suffix == ".xlsx":
        return write_xlsx(cmp, path)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(report_html(cmp, **kw), encoding="utf-8")
    tmp.replace(path)
    return path
