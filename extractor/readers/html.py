"""Notices saved from government web pages (.html/.htm/.shtml, or HTML saved as .txt).

Covered: decoding (BOM, the page's declared charset — GB2312/GBK read as GB18030 — else the .txt
heuristics); a cheap linear pass before parsing that removes scripts, styles, comments (an unclosed
one runs to the end of the page), HTML5 void tags libxml2 would nest the page in (<embed>, <source>
…), `data:` URIs and huge attribute values (a 50 MB inline blob costs one scan, not a parse); the metadata
table gov sites print above the body (索引号/发文机关/文号/成文日期 …) kept as "label value" lines;
the title (the page's `h1` or *title* element when the body does not repeat it); the body — the
largest text container among the usual CMS ids/classes (`zoom`, `UCAP-CONTENT`, `content`,
`article`, `TRS_Editor` …), else the whole `<body>` — with page chrome removed (nav/header/footer/
form/button/iframe elements, elements whose id/class says nav/menu/share/breadcrumb/footer/toolbar,
lines such as 扫一扫/分享到/打印本页/关闭窗口/【字体：大 中 小】). Data tables become rows
(rowspan carried down, colspan kept once per row); layout tables (one row, one column, or nested
tables) are read as blocks.

Not covered: JavaScript-rendered pages (the text must be in the HTML), frames, CSS-hidden text,
pagination across several pages of one notice, images of text.
"""
from __future__ import annotations

import re
import warnings
from pathlib import Path

from .base import Limits, RawDocument, TextBuilder
from .txt import decode_bytes

_STRIP = [
    (re.compile(r"""(["'(=\s])data:[^"')\s>]{64,}"""), r"\1data:"),
    (re.compile(r'''=\s*("[^"]{2048,}"|'[^']{2048,}')'''), '=""'),
]
# what is cut before parsing: raw-text elements up to their end tag, comments, and HTML5 void elements
# libxml2 does not know (it would nest the rest of the page inside an <embed>)
_CUT_START = re.compile(r"<(?:(script|style|noscript|template)|(embed|source|track|wbr|keygen|/embed)|(!--))"
                        r"(?(3)|(?=[\s>/]))", re.I)
_END_TAG = {t: re.compile(f"</{t}", re.I) for t in ("script", "style", "noscript", "template")}
_DROP_TAGS = ["script", "style", "noscript", "template", "iframe", "frame", "nav", "header", "footer", "form",
              "button", "select", "input", "textarea", "svg", "canvas", "object", "embed", "head", "map"]
_CHROME_ATTR = re.compile(r"nav|menu|share|breadcrumb|crumb|footer|toolbar|sidebar|fontsize|dqwz|weizhi|location|"
                          r"logo|banner", re.I)
_CHROME_NAMES = {"header", "head", "top", "topbar", "bottom", "foot", "print", "close"}
_CONTENT_ATTR = re.compile(r"^(zoom|ucap-content|content|article|trs_editor|pages_content|article[-_]?content|art_con|"
                           r"con_text|conTxt|zwnr|xxgk_content|detail|main[-_]?content|text_content|view)$", re.I)
_BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article", "blockquote",
          "pre", "dd", "dt", "dl", "center", "address", "figure", "figcaption", "main", "aside", "hr", "table",
          "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "body", "html"}
_META_LABELS = ("索引号", "发文机关", "文号", "发文字号", "成文日期", "发布日期", "主题分类", "发布机构", "组配分类",
                "有效性", "发文日期", "主题词", "标题", "生效日期", "废止日期", "信息名称", "公开方式")   # first 6: core
_CHROME_TOKENS = re.compile(
    r"扫一扫在手机(上)?打开当前页|扫一扫|分享到|微信|微博|QQ空间|QQ好友|腾讯|新浪|打印本页|打印|关闭窗口|关闭本页|关闭"
    r"|字体|字号|无障碍浏览|无障碍|返回顶部|收藏|繁體|繁体|简体|默认|[大中小]")
_BREADCRUMB = re.compile(r"^(当前位置|您当前的位置|您当前所在的位置|您现在的位置|您所在的位置|你的位置)[:：]")
_CHARSETS = {"gb2312": "gb18030", "gbk": "gb18030", "gb_2312-80": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030",
             "gb18030": "gb18030", "big5": "cp950", "big5-hkscs": "big5hkscs", "cp950": "cp950", "utf8": "utf-8"}


def decode_html(data: bytes, path: object = None) -> tuple[str, str]:
    """Decode page bytes by BOM, then declared charset, then the plain-text heuristics.

    >>> decode_html('<meta charset="gb2312"><p>通知</p>'.encode("gb18030"))
    ('<meta charset="gb2312"><p>通知</p>', 'gb18030')
    """
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        m = re.search(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", data[:8192], re.I)
        if m:
            name = m.group(1).decode("ascii").lower()
            codec = _CHARSETS.get(name, name)
            try:
                return data.decode(codec), codec
            except (UnicodeDecodeError, LookupError):
                pass
    return decode_bytes(data, path)


def _cut(markup: str) -> str:
    """Drop scripts, styles, comments and unknown void tags in one linear pass (an unclosed one runs to
    the end, as in a browser); a regex with ``.*?`` would rescan the page once per unclosed opener."""
    out, pos = [], 0
    while True:
        m = _CUT_START.search(markup, pos)
        if not m:
            out.append(markup[pos:])
            break
        out.append(markup[pos:m.start()])
        out.append(" ")
        if m.group(1):                                    # raw text: up to its end tag
            close = _END_TAG[m.group(1).lower()].search(markup, m.end())
            end = markup.find(">", close.end()) if close else -1
        elif m.group(2):                                  # a void tag: up to its '>'
            end = markup.find(">", m.end())
        else:                                             # a comment
            end = markup.find("-->", m.end())
            end = end + 2 if end >= 0 else -1
        if end < 0:
            break
        pos = end + 1
    return "".join(out)


def prestrip(markup: str) -> str:
    """Remove what is never text before parsing.

    >>> prestrip('<p>通知</p><script>var x = 1;</script><img src="data:' + 'A' * 100 + '">')
    '<p>通知</p> <img src="data:">'
    >>> prestrip('<div><embed src="a.swf"><p>正文</p><!-- 注释 --><script>x' + '<script>x' * 3)
    '<div> <p>正文</p>  '
    """
    markup = _cut(markup)
    for pattern, repl in _STRIP:
        markup = pattern.sub(repl, markup)
    return markup


def _squash(s: str) -> str:
    return " ".join(s.split())


def _is_chrome_line(line: str) -> bool:
    """A line made only of page-chrome words (share/print/close/font size …) or a breadcrumb.

    >>> [_is_chrome_line(s) for s in ("【字体：大 中 小】 【打印本页】 【关闭窗口】", "分享到：", "一、总体要求")]
    [True, True, False]
    """
    s = "".join(line.split())
    if _BREADCRUMB.match(s):
        return True
    rest = _CHROME_TOKENS.sub("", s)
    return bool(s) and not re.search(r"[^\W_]", rest)


def _attrs(el) -> str:
    classes = el.get("class") or []
    return " ".join([el.get("id") or "", *(classes if isinstance(classes, list) else [classes])])


def _text_len(el) -> int:
    return len("".join(el.get_text("").split()))


def _main_container(soup):
    """The largest known content container (narrowed to a descendant holding most of its text)."""
    cands = [el for el in soup.find_all(True) if any(_CONTENT_ATTR.match(a) for a in _attrs(el).split())]
    if not cands:
        return soup.body or soup
    sized = sorted(((_text_len(el), i, el) for i, el in enumerate(cands)), reverse=True)
    best_len, _, best = sized[0]
    for n, _, el in sized[1:]:
        if n >= 0.7 * best_len and best in el.parents:
            best = el
    return best if best_len else (soup.body or soup)


def _is_chrome_element(el) -> bool:
    attrs = _attrs(el)
    return bool(_CHROME_ATTR.search(attrs)) or any(a.lower() in _CHROME_NAMES for a in attrs.split())


def _drop_chrome(root) -> None:
    """Remove small elements whose id/class names page chrome (never `root` itself).

    Walks the tree itself rather than testing `Tag.decomposed` on a `find_all` list: that property
    searches the element's whole subtree when the flag is unset, quadratic on deeply nested pages."""
    from bs4 import Tag

    stack = [c for c in reversed(root.contents) if isinstance(c, Tag)]
    while stack:
        el = stack.pop()
        if _is_chrome_element(el) and _text_len(el) < 400:
            el.decompose()
            continue
        stack.extend(c for c in reversed(el.contents) if isinstance(c, Tag))


def _is_data_table(tbl) -> bool:
    if tbl.find("table"):
        return False
    rows = tbl.find_all("tr")
    return len(rows) >= 2 and max(len(r.find_all(["td", "th"], recursive=False)) for r in rows) >= 2


def _walk(root, emit_par, emit_table) -> None:
    """Read `root` block by block: inline text gathered into paragraphs, data tables as tables."""
    from bs4 import NavigableString, Tag
    from bs4.element import PreformattedString

    buf: list[str] = []

    def flush() -> None:
        text = _squash("".join(buf))
        buf.clear()
        if text:
            emit_par(text)

    stack: list = [(root, False)]
    while stack:
        node, closing = stack.pop()
        if closing:
            flush()
        elif isinstance(node, NavigableString):
            if not isinstance(node, PreformattedString):
                buf.append(str(node))
        elif isinstance(node, Tag):
            if node.name == "br":
                flush()
            elif node.name == "table" and _is_data_table(node):
                flush()
                emit_table(table_rows(node))
            else:
                if node.name in _BLOCK:
                    flush()
                    stack.append((node, True))
                stack.extend((child, False) for child in reversed(node.contents))
    flush()


def _cell_text(cell) -> str:
    parts: list[str] = []
    _walk(cell, parts.append, lambda rows: parts.extend(" ".join(r) for r in rows))
    return " ".join(parts)


def _span(cell, attr: str, cap: int) -> int:
    m = re.match(r"\s*(\d+)", str(cell.get(attr) or "1"))
    return min(max(int(m.group(1)) if m else 1, 1), cap)


def table_rows(tbl) -> list[list[str]]:
    """Rows of a data table; a rowspan cell repeats in every row it spans, a colspan cell once."""
    carry: dict[int, tuple[int, str, int]] = {}          # column -> (cell id, text, rows left)
    out = []
    for tr in tbl.find_all("tr"):
        row: list[tuple[int, str]] = []
        col = 0
        cells = tr.find_all(["td", "th"], recursive=False)
        for cell in cells + [None]:
            while col in carry:
                cid, text, left = carry[col]
                row.append((cid, text))
                carry[col] = (cid, text, left - 1)
                if left <= 1:
                    del carry[col]
                col += 1
            if cell is None:
                break
            text, rs, cs = _cell_text(cell), _span(cell, "rowspan", 500), _span(cell, "colspan", 64)
            for k in range(cs):
                row.append((id(cell), text))
                if rs > 1:
                    carry[col + k] = (id(cell), text, rs - 1)
            col += cs
        texts = [t for i, (cid, t) in enumerate(row) if i == 0 or row[i - 1][0] != cid]
        if any(t.strip() for t in texts):
            out.append(texts)
    return out


def _is_label(cell: str) -> bool:
    return cell.endswith((":", "：")) or "".join(cell.split()) in _META_LABELS


def _meta_pairs(tbl) -> list[list[str]]:
    """Per row, the cells of a small table, or [] when the table is too big to be a metadata block."""
    rows = tbl.find_all("tr")
    if not 1 <= len(rows) <= 10 or tbl.find("table"):
        return []
    return [[_squash(c.get_text(" ")) for c in tr.find_all(["td", "th"])] for tr in rows]


def _is_meta_table(rows: list[list[str]]) -> bool:
    """At least two label/value pairs naming 索引号/发文机关/文号/成文日期 … (a header row of a list of
    documents, "文号 | 发布日期", holds labels but no pairs)."""
    pairs = [(a, b) for r in rows for a, b in zip(r, r[1:]) if _is_label(a) and b and not _is_label(b)]
    return len(pairs) >= 2 and any(lbl in "".join(a.split()) for a, _ in pairs for lbl in _META_LABELS[:6])


def _meta_lines(rows: list[list[str]]) -> list[str]:
    """The metadata table as "label value" lines (a label cell ends with a colon or is a known label)."""
    lines = []
    for cells in rows:
        i = 0
        while i < len(cells):
            label = cells[i]
            if _is_label(label) and i + 1 < len(cells) and not _is_label(cells[i + 1]):
                sep = "" if label.endswith((":", "：")) else " "
                lines.append(f"{label}{sep}{cells[i + 1]}".strip())
                i += 2
            else:
                if label:
                    lines.append(label)
                i += 1
    return lines


_NOT_TITLE = re.compile(r"header|top|logo|banner|nav|menu|foot|share|crumb", re.I)


def _title(soup, main) -> str | None:
    """The notice title printed outside the body container: an `h1`, else a *title* element."""
    def ok(el) -> bool:
        if el is main or main in el.parents or el in main.parents:
            return False
        return not any(_NOT_TITLE.search(_attrs(a)) for a in [el, *el.parents] if getattr(a, "attrs", None) is not None)

    for pick in (lambda el: el.name == "h1", lambda el: "title" in _attrs(el).lower()):
        for el in soup.find_all(["h1", "h2", "div", "p", "td", "span"]):
            if pick(el) and ok(el):
                text = _squash(el.get_text(""))
                if 6 <= len(text) <= 150 and re.search(r"[\u4e00-\u9fff]", text):
                    return text
    return None


def read_html(path: Path, limits: Limits) -> RawDocument:
    """Read a saved government web page (see the module docstring)."""
    from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning

    with open(path, "rb") as fh:
        data = fh.read(limits.max_bytes)
    markup, encoding = decode_html(data, path)
    with warnings.catch_warnings():      # an XHTML page is parsed as HTML on purpose (entities stay unresolved)
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(prestrip(markup), "lxml")
    for el in soup.find_all(_DROP_TAGS):
        el.decompose()
    tb = TextBuilder()
    for tbl in soup.find_all("table"):
        rows = [] if tbl.decomposed else _meta_pairs(tbl)
        if rows and _is_meta_table(rows):
            for line in _meta_lines(rows):
                tb.paragraph(line)
            tbl.decompose()
    main = _main_container(soup)
    title = _title(soup, main)
    _drop_chrome(main)
    lines: list = []
    _walk(main, lambda s: lines.append(s), lambda rows: lines.append(rows))
    head = "".join("".join(x.split()) for x in lines[:5] if isinstance(x, str))
    if title and "".join(title.split()) not in head:
        tb.paragraph(title)
    for item in lines:
        if isinstance(item, list):
            tb.table(item)
        elif not _is_chrome_line(item):
            tb.paragraph(item)
    return RawDocument(text=tb.text, format="html", path=str(path), encoding=encoding, blocks=tb.blocks)
