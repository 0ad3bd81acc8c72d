"""A normalised view of a notice's text that remembers where every character came from.

Steps, each keeping the offset map (`NormText.index[i]` is the original offset of normalised
character i; one extra entry maps the end):

1. character folding, one character for one: full-width ASCII forms → ASCII (（→(, ，→, ：→:,
   ２０２５→2025, ％→%), ideographic and no-break spaces → space;
2. traditional → simplified characters (OpenCC t2s, applied character by character so that the
   view stays aligned; only when the text looks traditional);
3. deletions: spaces inside Chinese text ("技能 人才" → "技能人才", "到 2025 年" → "到2025年"),
   leading/trailing spaces of lines, layout noise like "[bookmark: _GoBack]" or pinyin glosses
   ("關(guān)于"), and hard line wraps inside a sentence ("统筹优化政\\n\\n策,深化" → one line);
   tables laid out with tabs or runs of 2+ spaces under a task-table header ("序号  重点任务  牵头单位
   完成时限") keep one tab between two cells (and only there: every other tab is folded to a space);
   a space-laid row short of cells puts each cell under the header column that starts nearest;
4. line breaks restored where a text lost them: before the headings of run-on text ("…。第二条 …"),
   before the list that "通知如下:" / "提出以下意见:" opens, at the space that ends a heading run into
   its paragraph on one line ("一、X 各地要…"; the space becomes the line break, one for one), and
   before numbered items run into one line ("…战略 1.坚持…。(…参加) 2.发挥…") where the numbering
   goes on in sequence (never in 第1.5倍, 3.5万元, 2.0版, a colon-led list in a sentence, a table
   row or a page chunk of a document preview).

The table layout (step 3) lives in `normalize_tables`, the inline items (step 4) in `normalize_items`.

Not done here: anything that changes meaning (numerals stay as written; cn2an runs only on the
strings the fact extractors pick out, never over whole texts — 二十大 must stay 二十大).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .normalize_items import PAGE_CHUNK, break_inline_items, insert_breaks
from .normalize_tables import table_lines

_FOLD = {i: i - 0xFEE0 for i in range(0xFF01, 0xFF5F)}
_FOLD.update({0x3000: 0x20, 0xA0: 0x20, 0x09: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x200B: 0x20,
              0xFEFF: 0x20, 0x2006: 0x20, 0x2009: 0x20, 0x3013: 0x20})
# keep Chinese-specific corner brackets distinct; fold the look-alike bullets/angles used as parens
_FOLD.update({ord("〈"): ord("<"), ord("〉"): ord(">")})

# layout noise deleted from the view: Word bookmarks, and the pinyin glosses some mirror sites print
# after characters ("關(guān)于印發(fā)" — a tone mark is required, so "(a)" or "(PDF)" stay)
PINYIN_GLOSS = re.compile(r"(?<=[\u3400-\u9fff])\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zü]*\)")
_NOISE = re.compile(r"\[bookmark: [^\]]*\]|" + PINYIN_GLOSS.pattern)
_SENT_END = set("。;；!！?？:：")
_OPENERS = set(",，。、;；:：)）》”’」』】〕")
_HEADING_START = re.compile(r"^\s*(?:[一二三四五六七八九十百]+[、.．]|[(（][一二三四五六七八九十百]+[)）]|\d{1,3}[.、．](?!\d)"
                            r"|[(（]\d{1,3}[)）]|[①-⑳]|第[一二三四五六七八九十百零\d]+[章节条]|附件|——)")


def is_cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x2FFFF or 0xF900 <= o <= 0xFAFF


@lru_cache(maxsize=1)
def _t2s():
    import opencc  # lazy: importing the toolkit reads nothing

    return opencc.OpenCC("t2s")


_TRAD_HINTS = set("們個這為從來說對時於與學國際會過當還進體關機點義實經發現將動開場問員職術業務區縣責產費覽讓導衛稅習門見範應顯")


def looks_traditional(text: str) -> bool:
    """True when traditional-only characters make up a noticeable share of the CJK text.

    >>> looks_traditional("職業技能培訓實施方案")
    True
    >>> looks_traditional("职业技能培训实施方案")
    False
    """
    cjk = [c for c in text[:20000] if is_cjk(c)]
    if len(cjk) < 4:
        return False
    hits = sum(c in _TRAD_HINTS for c in cjk)
    return hits >= 2 and hits / len(cjk) > 0.02


def to_simplified_aligned(text: str) -> str:
    """t2s with the same length as the input (character by character where phrases would shift).

    >>> to_simplified_aligned("職業技能培訓")
    '职业技能培训'
    """
    conv = _t2s().convert(text)
    if len(conv) == len(text):
        return conv
    cc = _t2s()
    return "".join(c if len(c2 := cc.convert(c)) != 1 else c2 for c in text)


@dataclass(frozen=True)
class NormText:
    """The normalised text and its map back to the original."""

    text: str
    index: tuple[int, ...]     # len(text) + 1 entries
    original: str

    def orig_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the normalised text to the original text."""
        if end <= start:
            o = self.index[start]
            return o, o
        return self.index[start], self.index[end - 1] + 1

    def orig_text(self, start: int, end: int) -> str:
        s, e = self.orig_span(start, end)
        return self.original[s:e]


def _keep_space(prev: str, nxt: str) -> bool:
    """Spaces survive only between two ASCII letters/digits, or next to a table separator."""
    if not prev or not nxt:
        return False
    if prev == "|" or nxt == "|":
        return True
    return prev.isascii() and nxt.isascii() and (prev.isalnum() or prev in ".%") and nxt.isalnum()


def _is_heading_line(line: str) -> bool:
    return bool(_HEADING_START.match(line))


def normalize(original: str, simplify: bool | None = None) -> NormText:
    """Normalise `original`, keeping the offset map.

    >>> n = normalize("加强组织领导，统筹优化政\\n\\n策，深化 技能 人才")
    >>> n.text
    '加强组织领导,统筹优化政策,深化技能人才'
    >>> n.orig_text(12, 13)
    '策'
    """
    folded = original.translate(_FOLD)
    if simplify is None:
        simplify = looks_traditional(folded)
    if simplify:
        folded = to_simplified_aligned(folded)
    # mark noise for deletion
    drop = bytearray(len(folded))
    for m in _NOISE.finditer(folded):
        drop[m.start():m.end()] = b"\x01" * (m.end() - m.start())

    # split into lines (keeping offsets), strip and squeeze spaces
    lines: list[list[int]] = []   # each line: list of kept original indices
    cur: list[int] = []
    for i, ch in enumerate(folded):
        if ch == "\n":
            lines.append(cur)
            cur = []
            continue
        if drop[i] or ch == "\r":
            continue
        cur.append(i)
    lines.append(cur)

    spaced: set[int] = set()          # characters that stood after a space run (a layout gap)

    def clean(idx: list[int]) -> list[int]:
        out: list[int] = []
        n = len(idx)
        k = 0
        while k < n:
            ch = folded[idx[k]]
            if ch == " ":
                j = k
                while j < n and folded[idx[j]] == " ":
                    j += 1
                if j < n:
                    spaced.add(idx[j])
                prev = folded[out[-1]] if out else ""
                nxt = folded[idx[j]] if j < n else ""
                if idx[k] in breaks or _keep_space(prev, nxt):
                    out.append(idx[k])
                k = j
                continue
            out.append(idx[k])
            k += 1
        return out

    breaks: set[int] = set()         # spaces that end a heading run into its paragraph ("一、X 各地要…")
    tables = table_lines(original, folded, lines)
    for li, idx in enumerate(lines):
        at = _heading_space(folded, idx) if li not in tables else None
        if at is not None:
            breaks.add(at)
    cleaned = [clean(l) for l in lines]
    shown = [["\n" if i in breaks else folded[i] for i in l] for l in cleaned]
    for li, cells in tables.items():          # tab- or space-laid table rows: one tab between two cells
        cleaned[li], shown[li] = [], []
        for k, (cell, sep) in enumerate(cells):
            if k:
                cleaned[li].append(sep)
                shown[li].append("\t")
            c = clean(cell)
            cleaned[li] += c
            shown[li] += [folded[i] for i in c]
        if len(cells) == 1 and cleaned[li]:      # a group row: one cell across the table
            cleaned[li].append(cleaned[li][-1])
            shown[li].append("\t")
    newlines = [i for i, ch in enumerate(folded) if ch == "\n"]   # line li ends at newlines[li]
    # join hard wraps: drop the newline(s) between a line that stops mid-sentence and its continuation
    out_idx: list[int] = []
    out_chars: list[str] = []
    blank_run: list[int] = []   # newline offsets of blank lines since the last text line
    prev_text = ""
    prev_li = -1
    for li, idx in enumerate(cleaned):
        if not idx:
            if prev_li >= 0:
                blank_run.append(newlines[li - 1])
            continue
        text = "".join(shown[li])
        if out_chars and (li in tables or prev_li in tables or not _is_wrap(prev_text, text)):
            # one newline for the line break, a second one where blank lines stood between
            out_idx.append(newlines[prev_li])
            out_chars.append("\n")
            if blank_run:
                out_idx.append(blank_run[-1] if blank_run[-1] != newlines[prev_li] else newlines[li - 1])
                out_chars.append("\n")
        out_idx += idx
        out_chars += shown[li]
        blank_run = []
        prev_text = text
        prev_li = li
    _break_run_on(out_chars, out_idx)
    break_inline_items(out_chars, out_idx, spaced)
    index = tuple(out_idx) + (len(original),)
    return NormText("".join(out_chars), index, original)


_HEADING_SPACE = re.compile(r"(?:^\s*|(?:如下|以下)[:：]\s*)(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])"
                            r"[\u4e00-\u9fff“”]{6,40}?(\s+)(?=[^,，。;；:：、\s]{8})[\u4e00-\u9fff]")


def _heading_space(folded: str, idx: list[int]) -> int | None:
    """The first index of the space run that separates a heading from its paragraph on one line
    ("一、把做好贫困地区劳动力培训促进就业工作摆上重要位置 各地劳动保障部门要高度重视…"), or None.
    Only when the heading has no punctuation and the paragraph's first clause is long (a space
    inside a PDF heading, "(一)加强技能人才队伍 建设。", stays a deletion)."""
    if not idx:
        return None
    line = "".join(folded[i] for i in idx)
    m = _HEADING_SPACE.search(line)
    if not m or not re.search(r"[。,，;；]", line[m.end(1):]):
        return None
    return idx[m.start(1)]


_RUN_ON_MARK = re.compile(r"(?<=[。;:；：])\s*(?=第[一二三四五六七八九十百零]+[章条]|[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)"
                          r"|(?<=[\u4e00-\u9fff])\s*(?=第[一二三四五六七八九十百零]+[章条](?![的规所之中款项第和、或至及]))")
_RUN_ON_MIN = 400
_INTRO = r"(?:如下|以下)(?:几点)?(?:实施|具体|政策|工作)?(?:意见|措施)?[:：]\s*"      # "通知如下:", "提出以下意见:"
_LIST_INTRO = re.compile(_INTRO + r"(?=[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])")


def _break_run_on(chars: list[str], idx: list[int]) -> None:
    """Insert line breaks before headings in text that lost its line breaks ("…。第二条 …").

    Only lines longer than _RUN_ON_MIN characters that hold several such headings are touched;
    an inserted break maps to the original offset of the character after it.
    """
    text = "".join(chars)
    inserts: list[int] = []
    pos = 0
    for line in text.split("\n"):
        hits = [m.start() for m in _RUN_ON_MARK.finditer(line) if m.start() > 0]
        intro = _LIST_INTRO.search(line)
        if len(line) >= _RUN_ON_MIN and len(hits) >= 3:
            inserts.extend(pos + h for h in hits)
        elif intro:                       # "…通知如下: 一、…。二、…": the list starts a new line
            inserts.extend(pos + h for h in hits if h >= intro.end())
        pos += len(line) + 1
    insert_breaks(chars, idx, inserts)


_MARKER_END = re.compile(r"[。;；][(（][^()（）]{2,120}[)）]$")


def _is_wrap(prev: str, nxt: str) -> bool:
    """Does `nxt` continue the sentence `prev` broke off?"""
    if not prev or not nxt:
        return False
    last = prev[-1]
    if last in _SENT_END or last == "|" or nxt.startswith("|"):
        return False
    if _is_heading_line(nxt):
        return False
    if _MARKER_END.search(prev):
        return False          # "…列支。(自治区人社厅、财政厅,排首位为牵头单位,下同)": a finished paragraph
    if nxt[0] in _OPENERS:
        return True
    if not (is_cjk(last) or last.isalnum() or last in "”’)）"):
        return False
    heading_only = _is_heading_line(prev) and "。" not in prev and len(prev) <= 40
    if heading_only or _TITLE_END.search(prev):
        return False
    # a long line that stops mid-sentence (page or layout wrap)
    if len(prev) >= 40:
        return True
    # the continuation's first clause is a word fragment ("策,深化…")
    m = re.match(r"^([^,，。;；:：、]{1,2})[,，。;；:：、]", nxt)
    return bool(m and len(prev) >= 8)


_TITLE_END = re.compile(r"(?:通知|方案|意见|办法|措施|规划|决定|细则|计划|要点|清单|批复|公告|通告|规定|条例|纲要|报告|\d{4}年\d{1,2}月\d{1,2}日)$")


__all__ = ["PAGE_CHUNK", "PINYIN_GLOSS", "NormText", "is_cjk", "looks_traditional", "normalize", "to_simplified_aligned"]
