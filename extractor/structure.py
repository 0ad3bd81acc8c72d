"""The section tree and the measures of a notice, found on its normalised text.

Covered: heading markers 一、 / (一) / 1. 1、 / (1) / ① / 第X章 / 第X条 / 第X部分, with levels
assigned by order of first appearance (documents skip levels), except that a kind that conventionally
stands above one already open goes above it (a page opening that starts at "6." before "(二)"); run-in headings
("(二)进一步健全技能人才引育体系。…" — the title is the words before the first 。); the annex
region (from a line that is just "附件" / "附件2"); tables written as ``a | b | c |`` lines or
with tabs between cells (tab- and space-laid tables, see `normalize`), whose rows become measures
when the header names a task column; annex lines "X负责…". A " | " row short of cells lost merged
cells (its cells are aligned to the right); a tab row is read as drawn, blank cells included (a
blank task cell takes the task of the rows above).

Also unnumbered bracketed headings run into their text ("【加大培训补贴】对…。"), run-in
headings closed by a colon ("(一)加强组织领导:各县区要…"), and page chunks of document-sharing
previews ("2、…。二、基本原则…"), which are not items.

A measure (GUIDELINE.md) is a numbered leaf item that carries work: headings under a
"principles / goals / background" top section (指导思想, 基本原则, 总体要求, 发展目标, 发展环境 …)
are sections, not measures; a "1." item with sub-points "(1)" is one measure; a top-level heading
whose body is one unnumbered paragraph is the measure, several paragraphs are one measure each;
paragraphs of a closing section (附则) are not measures; an article is one measure, unless it is only
a title over numbered items (then its items are) or only defines or classifies ("X是指…", "X分为A、B、C三个
类别"); a top-level item that is one whole sentence of work ("一、各技工院校要做好招生宣传,…。") is a measure,
and so is a last item cut off by the page end. An attachment list ("附件:1.…(下载)" then "2.…") opens the
annex and is neither headings nor measures; a downloadable file named in the body is skipped. Not covered here: who is responsible
(see `units`), and the metadata (see `meta`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .normalize import PAGE_CHUNK

_CN = "一二三四五六七八九十百零〇两"
MARKERS: tuple[tuple[str, re.Pattern], ...] = (
    ("part", re.compile(rf"^第[{_CN}\d]+部分")),
    ("chapter", re.compile(rf"^第[{_CN}\d]+章")),
    ("section", re.compile(rf"^第[{_CN}\d]+节")),
    ("article", re.compile(rf"^第[{_CN}\d]+条")),
    ("cn", re.compile(rf"^[{_CN}]+[、.](?=\S)")),
    ("pcn", re.compile(rf"^\([{_CN}]+\)")),
    ("num", re.compile(r"^\d{1,3}(?:[、]|\.(?!\d))(?=\S)")),
    ("pnum", re.compile(r"^\(\d{1,3}\)")),
    ("circ", re.compile(r"^[①-⑳]")),
    # an unnumbered bracketed heading run into its text: "【加大培训补贴】对取得高级工证书的,…。"
    ("bracket", re.compile(r"^(?=【[^】:]{2,40}】[^《\n]{0,200}?[。,;])")),
)
# top sections whose items state principles or goals, not work
_NON_WORK = re.compile(r"指导思想|基本原则|原则要求|总体要求|总体思路|工作原则|目标任务$|发展目标|工作目标|主要目标|总体目标"
                       r"|^目标|适用范围|编制依据|背景|现状|形势|发展环境|发展基础|工作基础|现实基础|基本情况|取得成效|主要成效")
_TABLE_HEADER_TASK = re.compile(r"任务|措施|事项|工作内容|项目")
_TABLE_HEADER_UNITS = re.compile(r"单位|部门|责任|牵头|配合|协办|主责")
_ANNEX_START = re.compile(r"^附件\d*[:：]?$|^附件\d+$|^附表\d*$")
_SENT_END = "。"
# an attachment list ("附件:1.招生计划表(下载)" then "2.培训计划表(下载)"): names of attached files, not work; it
# opens the annex region and its items are neither headings nor measures
_ANNEX_LIST = re.compile(r"^附\s*件\s*\d*\s*[:：]\s*\S")
# one item of such a list: a short numbered file name without a sentence ("2.自治区…计划表(下载)"), or a line naming a
# downloadable file anywhere
_ATTACHMENT_ITEM = re.compile(r"^\d{1,2}\s*[.、．]\s*[^。;；]{2,80}$")
_FILE_NAME = re.compile(r"[(（]下载[)）]\s*$|\.(?:docx?|xlsx?|pdf|wps|et|zip|rar|ofd)\s*$", re.I)



@dataclass
class Line:
    start: int       # offsets in the normalised text
    end: int
    text: str


@dataclass
class Heading:
    kind: str
    number: str
    title: str
    line: Line
    level: int = 0
    run_in: bool = False          # the heading's line goes on past its title
    children: list["Heading"] = field(default_factory=list)
    parent: "Heading | None" = None
    end: int = 0                  # end of the text it governs (normalised offsets)
    in_annex: bool = False


@dataclass
class TableRow:
    cells: dict[str, str]         # column role → cell text
    cell_spans: dict[str, tuple[int, int]]
    line: Line


@dataclass
class Skeleton:
    """What structure finds; the pipeline turns it into model objects."""

    headings: list[Heading]
    body_start: int
    annex_start: int | None
    table_rows: list[tuple[list[str], TableRow]]      # (header, row)
    annex_lines: list[Line]                             # annex lines without a marker
    paragraphs: list[Line]


# the conventional nesting of marker kinds, highest first (第X章/第X部分 > 第X节 > 第X条 > 一、 > (一) > 1. > (1) > ①);
# 第X条 and 一、 are not ranked against each other (a 办法 may group its articles under 一、, or its 一、 under 第X章)
_RANK = {"part": 0, "chapter": 0, "section": 1, "article": 2, "cn": 3, "pcn": 4, "num": 5, "pnum": 6, "circ": 7}
_UNRANKED = {frozenset(("article", "cn"))}


def _outranks(a: str, b: str) -> bool:
    """Does marker kind `a` conventionally stand above kind `b`?

    >>> _outranks("pcn", "num"), _outranks("num", "pcn"), _outranks("article", "cn")
    (True, False, False)
    """
    if a not in _RANK or b not in _RANK or frozenset((a, b)) in _UNRANKED:
        return False
    return _RANK[a] < _RANK[b]


def _outranked_at(order: list[str], kind: str) -> int:
    """Where a marker kind not yet open goes in the current nesting `order`: above the first open kind
    it conventionally outranks (an excerpt that starts mid-document shows "6." before "(二)"), else
    below all of them (first appearance decides; documents skip levels).

    >>> _outranked_at(["num"], "pcn"), _outranked_at(["cn", "num"], "pcn"), _outranked_at(["cn", "pcn"], "num")
    (0, 1, 2)
    """
    return next((i for i, k in enumerate(order) if _outranks(kind, k)), len(order))


def split_lines(text: str) -> list[Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        out.append(Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return out


def match_marker(s: str) -> tuple[str, str] | None:
    """The heading marker a line starts with.

    >>> match_marker("(二)进一步健全技能人才引育体系。积极健全…")
    ('pcn', '(二)')
    >>> match_marker("2025年底前完成") is None
    True
    """
    for kind, rx in MARKERS:
        m = rx.match(s)
        if m:
            return kind, m.group(0)
    return None


def heading_title(rest: str, kind: str = "") -> tuple[str, bool]:
    """Title of a heading from the text after its marker; True when it is run-in.

    Articles (第X条) and items with a bracketed title use that title; other articles take their
    first clause; other headings the words before the first 。.

    >>> heading_title("进一步健全技能人才引育体系。积极健全完善…")
    ('进一步健全技能人才引育体系', True)
    >>> heading_title("加强组织领导:各县区要建立工作机制。")
    ('加强组织领导', True)
    >>> heading_title("按照省市部署实施“秸秆变肉”暨肉牛振兴计划(责任单位:县农业农村局)。")
    ('按照省市部署实施“秸秆变肉”暨肉牛振兴计划', False)
    >>> heading_title("加强特色产业行业急需紧缺技能人才建设")
    ('加强特色产业行业急需紧缺技能人才建设', False)
    >>> heading_title("【强化文旅体项目用地保障】将文旅体产业发展所需用地纳入规划", "article")
    ('强化文旅体项目用地保障', True)
    >>> heading_title("市财政局会同市发展改革委(市粮食和物资储备局)负责安排贷款利息,及时拨付。", "article")
    ('市财政局会同市发展改革委(市粮食和物资储备局)负责安排贷款利息', True)
    """
    rest = rest.lstrip(" :?\ufffd")
    m = re.match(r"^【([^】]{1,60})】", rest)
    if m:
        return m.group(1), len(rest) > m.end()
    if kind == "article":
        t = first_clause(rest)
        return t, len(t) < len(rest.rstrip("。"))
    i = rest.find(_SENT_END)
    c = _RUN_IN_COLON.match(rest)
    if c and (i < 0 or c.end() <= i):
        return c.group(1), len(rest) > c.end()
    if 0 < i < len(rest) - 1:
        return _MARKER_TAIL.sub("", rest[:i]) or rest[:i], True
    if i == len(rest) - 1:
        return _MARKER_TAIL.sub("", rest[:i]) or rest[:i], False
    return rest, False


# a responsibility marker closing a heading's first sentence ("实施肉牛振兴计划(责任单位:县农业农村局)。"):
# not part of the title
_MARKER_TAIL = re.compile(r"\s*[(（〔\[][^()（）〔〕\[\]]*?(?:单位|部门)\s*[:：][^()（）〔〕\[\]]*[)）〕\]]$")


_OPEN, _CLOSE = "(（“《「【[", ")）”》」】]"
# a run-in heading closed by a colon: "加强组织领导:各县区要建立工作机制。"
_RUN_IN_COLON = re.compile(r"^([^,，;；:：、。()（）“”]{2,30})[:：]")


def first_clause(s: str) -> str:
    """The words up to the first clause break (, ; : 。) outside brackets and quotes.

    >>> first_clause("设立助保贷业务办公室(以下简称“区助保贷办公室”),设在区科工信局。")
    '设立助保贷业务办公室(以下简称“区助保贷办公室”)'
    """
    depth = 0
    for i, ch in enumerate(s):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and ch in ",，;；:：。":
            return s[:i]
    return s


def _is_table_line(s: str) -> bool:
    """A table row: cells joined by " | " with a trailing " |", or laid out with tabs (`normalize`
    keeps a tab between the cells of a tab- or space-laid table and nowhere else)."""
    return "\t" in s or (s.count(" | ") >= 1 and s.rstrip().endswith("|"))


def _cells(s: str) -> list[str]:
    if "\t" in s:
        return [p.strip() for p in s.split("\t")]
    parts = [p.strip() for p in s.rstrip().rstrip("|").split("|")]
    while parts and not parts[-1]:
        parts.pop()       # flattened merged cells leave empty cells at the end of the row
    return parts


def _header_roles(cells: list[str]) -> list[str] | None:
    """Column roles of a task-table header, or None when the row is not one (header cells are short labels)."""
    if any(len(c) > 16 for c in cells) or (cells and re.fullmatch(r"\d+", cells[0] or "")):
        return None
    roles = []
    for c in cells:
        if re.search(r"序号|编号", c):
            roles.append("no")
        elif re.search(r"牵头", c):
            roles.append("lead")
        elif re.search(r"配合|协办|参与|协同", c):
            roles.append("support")
        elif re.search(r"责任|主责|承办", c) and re.search(r"单位|部门|处室", c):
            roles.append("responsible")
        elif re.search(r"时限|时间|完成期限|进度", c):
            roles.append("deadline")
        elif re.search(r"工作要求|具体|工作措施|内容|要求|目标", c):
            roles.append("requirement")
        elif _TABLE_HEADER_TASK.search(c):
            roles.append("task")
        else:
            roles.append("other")
    if "task" not in roles and "requirement" not in roles:
        return None
    if not any(r in roles for r in ("lead", "support", "responsible")):
        return None
    if "task" not in roles:
        roles[roles.index("requirement")] = "task"
    return roles


def parse_skeleton(text: str) -> Skeleton:
    """Find headings, annex and tables in normalised text."""
    lines = split_lines(text)
    headings: list[Heading] = []
    table_rows: list[tuple[list[str], TableRow]] = []
    annex_lines: list[Line] = []
    paragraphs: list[Line] = []
    annex_start: int | None = None
    order: list[str] = []             # marker kinds in order of nesting (current stack)
    stack: list[Heading] = []
    header: list[str] | None = None
    carried: dict[str, str] = {}
    body_start: int | None = None
    in_list = False                   # inside an attachment list ("附件:1.…" then "2.…")

    for ln in lines:
        s = ln.text.strip(" ") if "\t" in ln.text else ln.text.strip()
        if not s.strip():
            continue
        if body_start is not None and (_ANNEX_LIST.match(s) or (in_list and _ATTACHMENT_ITEM.match(s))):
            in_list = True
            annex_start = ln.start if annex_start is None else annex_start
            order, stack, header, carried = [], [], None, {}
            continue
        in_list = False
        if body_start is not None and _FILE_NAME.search(s) and "。" not in s:
            continue                  # a downloadable file named in the body (page chrome): not a heading
        if _ANNEX_START.match(s) and body_start is not None:
            annex_start = ln.start if annex_start is None else annex_start
            order, stack, header, carried = [], [], None, {}
            continue
        if header and s.endswith("|") and not _is_table_line(s):
            continue          # a group row: one merged cell across the table ("(一)加强… |")
        if _is_table_line(s):
            cells = _cells(s)
            roles = _header_roles(cells)
            if roles:
                header, carried = roles, {}
                continue
            if header:
                row = _table_row(cells, header, carried, ln, drawn="\t" in s)
                if row:
                    table_rows.append((header, row))
                continue
            paragraphs.append(ln)
            continue
        header = None
        mk = match_marker(s)
        if mk and mk[0] == "num" and PAGE_CHUNK.match(s):
            mk = None
        if mk and len(s) > len(mk[1]):
            kind, number = mk
            title, run_in = heading_title(s[len(number):], kind)
            if not title:
                paragraphs.append(ln)
                continue
            if kind in order:
                depth = order.index(kind)
                order = order[: depth + 1]
                stack = stack[:depth]
            else:
                depth = _outranked_at(order, kind)
                order = order[:depth] + [kind]
                stack = stack[:depth]
            h = Heading(kind, number, title, ln, level=len(stack) + 1, run_in=run_in,
                        parent=stack[-1] if stack else None, in_annex=annex_start is not None)
            if h.parent:
                h.parent.children.append(h)
            headings.append(h)
            stack.append(h)
            if body_start is None:
                body_start = ln.start
            continue
        if annex_start is not None:
            annex_lines.append(ln)
        paragraphs.append(ln)

    _close_headings(headings, len(text), annex_start)
    return Skeleton(headings, body_start if body_start is not None else 0, annex_start, table_rows,
                    annex_lines, paragraphs)


_UNIT_ROLES = ("lead", "support", "responsible")


def _table_row(cells: list[str], header: list[str], carried: dict[str, str], ln: Line,
               drawn: bool = False) -> TableRow | None:
    """Map a row's cells onto header roles. Tab-laid rows (`drawn`) are read as drawn, blank cells
    included; " | " rows short of cells (merged cells flattened away) keep their first cell as 序号
    when it is a number and align the rest to the right."""
    n_h = len(header)
    if len(cells) >= n_h or drawn:
        mapping = list(zip(header, cells[:n_h]))
    else:
        if header[0] == "no" and re.fullmatch(r"\d{1,3}", cells[0] or ""):
            rest = cells[1:]
            mapping = [("no", cells[0])] + list(zip(header[n_h - len(rest):], rest))
        else:
            mapping = list(zip(header[n_h - len(cells):], cells))
    row = {r: c for r, c in mapping if r != "other"}
    if drawn and not row.get("task") and carried.get("task") and any(row.get(r) for r in _UNIT_ROLES):
        row["task"] = carried["task"]     # a blank merged task cell: the task of the rows above
    if not any(row.get(r) for r in ("task", "requirement")):
        return None
    # carry a merged task cell down into the rows it spans
    if row.get("task"):
        carried["task"] = row["task"]
    elif "task" in carried:
        row["task"] = carried["task"]
    # spans of the cells within the line
    spans: dict[str, tuple[int, int]] = {}
    pos = 0
    for role, c in mapping:
        i = ln.text.find(c, pos) if c else -1
        if i >= 0 and role != "other":
            spans[role] = (ln.start + i, ln.start + i + len(c))
            pos = i + len(c)
    return TableRow(row, spans, ln)


def _close_headings(headings: list[Heading], text_end: int, annex_start: int | None) -> None:
    """Set each heading's end: the start of the next heading at the same or a higher level."""
    for i, h in enumerate(headings):
        end = text_end if not (annex_start is not None and not h.in_annex) else annex_start
        for nxt in headings[i + 1:]:
            if nxt.in_annex != h.in_annex:
                break
            if nxt.level <= h.level:
                end = nxt.line.start
                break
        h.end = max(end, h.line.end)


def top_of(h: Heading) -> Heading:
    while h.parent is not None:
        h = h.parent
    return h


def is_work_heading(h: Heading) -> bool:
    """Is this heading inside a section that carries work (not principles or goals)?"""
    node: Heading | None = h.parent
    while node is not None:
        if _NON_WORK.search(node.title):
            return False
        node = node.parent
    return True


# articles that state purpose, definitions, scope, entry into force or repeal: not work
_ARTICLE_SKIP = re.compile(r"^为了?[^。]{0,200}?(?:制定本|特制定|制定|设立(?=[^。]{0,40}(?:奖|基金|专项资金)))|^(?:根据|依据|依照)[^。]{0,120}?(?:制定本|特制定)"
                           r"|^本(?:办法|细则|规定|措施|条例|实施办法|实施细则|方案|意见)(?:所称|所指|中|适用|自|由|解释|所规定的[^。]{0,10}(?:包含|含))"
                           r"|^本[^,，。]{0,12}(?:所称|所指)|^[^。]{0,300}适用本(?:实施)?(?:办法|细则|规定|措施|条例)(?!第)|^[^。]{0,120}同时废止"
                           r"|^[^。]{0,300}(?:列入|纳入)(?:评奖|奖励|扶持|支持|资助)范围"
                           r"|^[^。]{0,40}(?:遵循|坚持|把握)(?:以下|如下|下列)(?:基本)?原则"
                           r"|^本(?:办法|细则|规定|措施|实施办法|实施细则)的?(?:扶持|支持|适用|资助|奖励|补贴)(?:范围|对象)")


# an article that only defines a term or sorts it into classes ("龙华工匠是指…", "龙华工匠分为A、B、C三个类别。其中,
# A类工匠是指…"): no work, unless it goes on to give someone work ("合作银行是指…。合作银行主要负责…")
_DEFINITION = re.compile(r"^[^。,，;；:：]{2,30}?(?:是指|系指|分为[^。]{0,30}?(?:类|类别|等级|级别|档次|层次)(?:[。,，;；]|$))")
_ARTICLE_WORK = re.compile(r"负责|应当|必须|须|给予|予以|组织|开展|实施|落实|报送|申报|审核|发放|奖励|补贴|资助|鼓励|支持|管理|办理")


def _definition_only(body: str) -> bool:
    """Does an article's text only define or classify (GUIDELINE: a measure carries work)?

    >>> _definition_only("龙华工匠分为A、B、C三个类别。其中,A类工匠是指技能造诣卓越的技能人才。")
    True
    >>> _definition_only("合作银行是指在本区设有分行的银行业金融机构。合作银行主要负责对贷款项目进行调查。")
    False
    """
    return bool(_DEFINITION.match(body)) and not _ARTICLE_WORK.search(body)


# "翁玉耀党组书记、主任:主持委全面工作" — a division of leaders' portfolios (领导工作分工), not a measure
_LEADER_DUTY = re.compile(r"^[\u4e00-\u9fff]{2,4}(?:同志)?(?:党组|党委)?(?:成员)?[、,]?(?:副?书记|副?主任|副?厅长|副?局长|副?巡视员|总工程师"
                          r"|总经济师|总师|副?部长|副?市长|副?县长|副?区长|秘书长|副?组长|副?主席)[^:]{0,40}:")


def _under_article(h: Heading) -> bool:
    """Is `h` an item of an article that is itself the measure (not of a titled article, see `_titled_article`)?"""
    p = h.parent
    while p is not None:
        if p.kind == "article":
            return not _titled_article(p)
        p = p.parent
    return False


def _titled_article(h: Heading) -> bool:
    """Is `h` an article that is only a title over numbered items ("第一条 做强雪梨产业" then "1.新建…给予1200元/亩…")?
    Its items carry the work, so they are the measures (GUIDELINE: a measure is a numbered item of the body);
    an article that states its provision on its own line ("第五条 申报应当提供以下材料:(一)…") stays one measure."""
    return (h.kind == "article" and not h.run_in and "。" not in h.line.text and len(h.title) <= 30
            and not _LIST_LABEL.search(h.title) and any(c.kind in ("num", "pcn") for c in h.children))


# an article titled as a list of conditions, materials or steps ("第三条 申报条件" then "(一)在本市注册…"): its
# items are not work of their own, the article stays the measure
_LIST_LABEL = re.compile(r"(?:条件|材料|范围|对象|情形|程序|流程|原则|要求|定义)$")


def _has_sub_points(h: Heading | None) -> bool:
    """Is `h` a "1." item whose numbered children are only sub-points "(1)" / "①"? GUIDELINE.md names
    the "1." item as the measure, so its sub-points are not measures of their own."""
    return bool(h is not None and h.kind == "num" and h.children
                and all(c.kind in ("pnum", "circ") for c in h.children))


_WORK_CUE = re.compile(r"要|应当?|鼓励|支持|加强|加大|推进|推动|做好|落实|开展|建立|健全|完善|实施|组织|督促|确保|严格|积极")


def _sentence_item(h: Heading) -> bool:
    """Is `h` a top-level item that is one whole sentence of work with nothing under it ("一、各技工院校要做好招生
    宣传,…,做到应招尽招。" then "二、…")? Such an item is the measure, though its title is not run-in."""
    return (h.kind == "cn" and not h.children and h.line.text.rstrip().endswith("。") and len(h.title) >= 15
            and not re.search(r"[:：]", h.line.text) and _WORK_CUE.search(h.title)
            and h.end <= h.line.end + 1 and not _NON_WORK.search(h.title) and not _CLOSING.search(h.title))


def _cut_last_item(h: Heading, headings: list[Heading]) -> bool:
    """Is `h` the last item of a list of run-in items, cut off by the page end ("(三)保障重要农产品供给。…" then
    "(四)合理保障农民种粮收" and nothing more)? It is still a measure, its title as printed."""
    if h is not headings[-1] or h.children or h.end > h.line.end + 1:
        return False
    prev = [g for g in headings[:-1] if g.kind == h.kind and g.parent is h.parent]
    return bool(prev) and prev[-1].run_in and not prev[-1].children


def measure_headings(headings: list[Heading]) -> list[Heading]:
    """The headings that are measures.

    Leaves in work sections; a top-level leaf only when run-in; an article (第X条) is one measure
    with whatever items it lists, unless it states purpose, definitions, scope or entry into force,
    or is only a title over numbered items ("第一条 做强雪梨产业" then "1.…"): then the items are the measures.
    """
    out = []
    for h in headings:
        if not is_work_heading(h) or h.kind in ("part", "chapter", "section") or _under_article(h):
            continue
        if h.kind == "article":
            body = h.line.text[len(h.number):].lstrip(" :?\ufffd")
            if not _titled_article(h) and not _ARTICLE_SKIP.search(body) and not _definition_only(body):
                out.append(h)
            continue
        if _has_sub_points(h.parent):
            continue                      # "(1)…" under "1.…": sub-points of one measure
        if (h.children and not _has_sub_points(h)) or _LEADER_DUTY.match(h.line.text[len(h.number):]):
            continue
        if h.parent is None and not h.run_in and not _sentence_item(h) and not _cut_last_item(h, headings):
            continue
        if _NON_WORK.search(h.title) and h.parent is None:
            continue
        out.append(h)
    return out


# closing sections ("六、附则"): their paragraphs say when the text applies and what it repeals
_CLOSING = re.compile(r"^(?:附则|附\s*则|其他事项|其他|实施时间|施行日期)$")


def _paragraph_tops(sk: Skeleton) -> dict[int, tuple[Heading, list[Line]]]:
    """Top-level work headings without numbered items or run-in text, with the paragraphs they govern."""
    tops = [h for h in sk.headings if h.parent is None and not h.children and not h.run_in
            and h.kind in ("cn", "part", "chapter") and is_work_heading(h) and not _NON_WORK.search(h.title)
            and not _CLOSING.search(h.title)]
    out: dict[int, tuple[Heading, list[Line]]] = {id(h): (h, []) for h in tops}
    for ln in sk.paragraphs:
        for h in tops:
            if (h.line.end < ln.start < h.end and not _is_table_line(ln.text) and len(ln.text.strip()) >= 8
                    and not _ARTICLE_SKIP.search(ln.text.strip())):
                out[id(h)][1].append(ln)
                break
    return out


def single_paragraph_tops(sk: Skeleton) -> list[Heading]:
    """Top-level headings ("一、加大培训补贴力度") whose whole body is one paragraph: the heading is the measure."""
    return [h for h, lines in _paragraph_tops(sk).values() if len(lines) == 1 and h.kind == "cn"]


def paragraph_measures(sk: Skeleton) -> list[tuple[Heading, Line]]:
    """Unnumbered paragraphs that are measures: those directly under a top-level work heading
    that has no numbered items of its own and governs several paragraphs (each paragraph then
    carries one piece of work)."""
    single = {id(h) for h in single_paragraph_tops(sk)}
    return [(h, ln) for h, lines in _paragraph_tops(sk).values() if id(h) not in single for ln in lines]


def section_label(h: Heading) -> str:
    return f"{h.number}{h.title}"


def section_path(h: Heading | None) -> tuple[str, ...]:
    path = []
    while h is not None:
        path.append(section_label(h))
        h = h.parent
    return tuple(reversed(path))


__all__ = ["Heading", "Line", "Skeleton", "TableRow", "first_clause", "heading_title", "is_work_heading", "match_marker",
           "measure_headings", "paragraph_measures", "parse_skeleton", "single_paragraph_tops", "section_label", "section_path", "split_lines"]
