"""Text reuse: passages one notice shares with another, with both spans.

How it works, so that it scales to thousands of notices:

1. Each text is reduced to its word characters (汉字, letters, digits), folded the way
   `extractor.normalize` folds them (full-width letters and digits → ASCII, traditional →
   simplified with `to_simplified_aligned` when `looks_traditional`), so punctuation, spacing,
   hard wraps and layout changes do not break a match. Both folds keep one character for one, and
   everything else `normalize` does (deleting spaces, joining wraps, dropping layout noise) only
   removes characters this view drops anyway — so the view is built directly from the original
   text, vectorised, and every kept character keeps its offset in the notice's ``text``.
2. Every run of ``k`` (8) kept characters is hashed (vectorised polynomial hash). An inverted
   index of these shingles gives the candidate pairs: notices sharing at least ``min_shared``
   shingles. Shingles found in more than ``max_df`` notices are boilerplate (党的二十大精神 …) and
   do not make pairs on their own — raise ``max_df`` to follow a text copied by very many.
3. For a candidate pair, shared shingles are seeds; seeds on one diagonal make exact runs, and
   runs close in both texts (gaps up to ``max_gap`` characters, the same drift at most) are
   chained into one approximate match, so small edits (福建省 → 福鼎市, a changed number, a phrase
   added) do not split a passage; neighbouring chains up to 3 × ``max_gap`` apart are then joined
   when the joined passage still reaches ``min_similarity`` (two edits close together). A chain is reported when both sides are at least ``min_len``
   kept characters long and ``similarity`` (2 × matched / (len_a + len_b)) reaches
   ``min_similarity``.

No all-pairs comparison over characters is ever made. Deliberately not covered: paraphrase
(rewording without shared 8-grams) and translation; reordering inside a passage splits it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

import numpy as np

from extractor.normalize import looks_traditional, to_simplified_aligned

__all__ = ["Reuse", "ReuseView", "find_reuse", "find_reuse_pair", "reuse_view"]

_P = np.uint64(0x100000001B3)   # FNV prime: an odd multiplier for the polynomial hash


@dataclass(frozen=True)
class Reuse:
    """A passage of notice `a` found again in notice `b`.

    Spans are ``(start, end)`` offsets into each notice's original ``text``; `chars_a`/`chars_b`
    count kept (word) characters; `similarity` is 2 × matched / (chars_a + chars_b).
    """

    a: str
    b: str
    a_span: tuple[int, int]
    b_span: tuple[int, int]
    chars_a: int
    chars_b: int
    similarity: float
    a_text: str
    b_text: str


@dataclass(frozen=True, eq=False)
class ReuseView:
    """A text reduced to its word characters, with shingle hashes and the offset map."""

    id: str
    original: str
    chars: np.ndarray       # code points of the kept characters
    offsets: np.ndarray     # original offset of each kept character
    hashes: np.ndarray      # hash of the k-gram starting at each kept position
    k: int
    order: np.ndarray       # argsort of hashes (stable)
    sorted_hashes: np.ndarray
    unique_hashes: np.ndarray

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Original span of kept characters [i, j)."""
        return int(self.offsets[i]), int(self.offsets[j - 1]) + 1


def _word_mask(c: np.ndarray) -> np.ndarray:
    return (((c >= 0x4E00) & (c <= 0x9FFF)) | ((c >= 0x3400) & (c <= 0x4DBF)) | ((c >= 0xF900) & (c <= 0xFAFF))
            | (c >= 0x20000) | ((c >= 48) & (c <= 57)) | ((c >= 65) & (c <= 90)) | ((c >= 97) & (c <= 122)))


_NOISE = re.compile(r"\[bookmark: [^\]]*\]")


def reuse_view(text: str, doc_id: str = "", k: int = 8) -> ReuseView:
    """The word-character view of `text` used for matching.

    >>> v = reuse_view("一、加强组织领导，统筹\\n优化政策", k=4)
    >>> "".join(map(chr, v.chars)), v.span(2, 4)
    ('一加强组织领导统筹优化政策', (3, 5))
    >>> "".join(map(chr, reuse_view("職業技能培訓２０２５", k=4).chars))
    '职业技能培训2025'
    """
    folded = to_simplified_aligned(text) if looks_traditional(text[:1500]) else text
    codes = np.frombuffer(folded.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    full = (codes >= 0xFF01) & (codes <= 0xFF5E)
    codes = np.where(full, codes - 0xFEE0, codes)
    mask = _word_mask(codes)
    for m in _NOISE.finditer(text):          # layout noise left by converters
        mask[m.start():m.end()] = False
    keep = np.flatnonzero(mask)
    chars = codes[keep]
    m = len(chars) - k + 1
    if m > 0:
        c = chars.astype(np.uint64)
        h = np.zeros(m, dtype=np.uint64)
        for j in range(k):
            h = h * _P + c[j:j + m]
    else:
        h = np.zeros(0, dtype=np.uint64)
    order = np.argsort(h, kind="stable")
    sh = h[order]
    uniq = sh[np.r_[True, sh[1:] != sh[:-1]]] if len(sh) else sh
    return ReuseView(doc_id, text, chars, keep.astype(np.int64), h, k, order, sh, uniq)


def _doc(x: Any, i: int) -> tuple[str, str]:
    if isinstance(x, tuple):
        return str(x[0]), x[1]
    return str(getattr(x, "id", i)), x.text


def find_reuse(docs: Iterable[Any] | Mapping[str, str], *, k: int = 8, min_len: int = 40, max_gap: int = 12,
               min_similarity: float = 0.8, min_shared: int | None = None, max_df: int | None = None,
               views: Mapping[str, ReuseView] | None = None) -> list[Reuse]:
    """Passages shared between any two of `docs` (notices, ``(id, text)`` pairs, or a dict id → text).

    `max_df` defaults to max(20, 5% of the documents), `min_shared` to half the shingles of a
    `min_len` passage. `views` may pass precomputed
    `reuse_view`s by id.

    >>> a = "一、目标。" + "各级政府要把人力资源开发利用特别是职业技能培训作为重要任务,切实履行抓职业技能培训职责,结合实际抓好贯彻落实。" + "二、其他。"
    >>> b = "三、保障。" + "各级政府要把人力资源开发特别是职业技能培训作为重要任务,切实履行抓职业技能培训职责,形成党委领导的工作机制。"
    >>> [(r.a, r.b, r.chars_a, r.similarity) for r in find_reuse({"福建": a, "遵义": b}, min_len=30)]
    [('福建', '遵义', 42, 0.976)]
    """
    items = list(docs.items()) if isinstance(docs, Mapping) else [_doc(x, i) for i, x in enumerate(docs)]
    vs = [views[i] if views is not None and i in views else reuse_view(t, i, k) for i, t in items]
    if len(vs) < 2:
        return []
    if max_df is None:
        max_df = max(20, int(0.05 * len(vs)))
    if min_shared is None:
        min_shared = max(2, (min_len - k + 1) // 2)
    uniq = [v.unique_hashes for v in vs]
    out: list[Reuse] = []
    for i, j in _candidate_pairs(uniq, max_df, min_shared):
        out.extend(_pair(vs[i], vs[j], uniq[i], uniq[j], min_len, max_gap, min_similarity))
    return out


def find_reuse_pair(a: str, b: str, *, a_id: str = "a", b_id: str = "b", **kw: Any) -> list[Reuse]:
    """Passages of text `a` found again in text `b` (the two-text form of `find_reuse`)."""
    return find_reuse([(a_id, a), (b_id, b)], **kw)


def _candidate_pairs(uniq: list[np.ndarray], max_df: int, min_shared: int) -> list[tuple[int, int]]:
    """Pairs of documents sharing at least `min_shared` shingles of document frequency 2..max_df."""
    n = len(uniq)
    sizes = np.array([len(u) for u in uniq], dtype=np.int64)
    if sizes.sum() == 0:
        return []
    h = np.concatenate(uniq)
    d = np.repeat(np.arange(n, dtype=np.int64), sizes)
    order = np.argsort(h, kind="stable")
    h, d = h[order], d[order]
    starts = np.flatnonzero(np.r_[True, h[1:] != h[:-1]])
    counts = np.diff(np.r_[starts, len(h)])
    codes = []
    for g in np.unique(counts):
        if g < 2 or g > max_df:
            continue
        s = starts[counts == g]
        members = d[s[:, None] + np.arange(g)]            # n_groups × g, sorted by doc within a group
        iu, ju = np.triu_indices(int(g), 1)
        codes.append((members[:, iu] * n + members[:, ju]).ravel())
    if not codes:
        return []
    pair, cnt = np.unique(np.concatenate(codes), return_counts=True)
    pair = pair[cnt >= min_shared]
    return [(int(p // n), int(p % n)) for p in pair]


def _seeds(va: ReuseView, vb: ReuseView, ua: np.ndarray, ub: np.ndarray, max_rep: int = 4):
    """Positions (pa, pb) of every shared shingle (repeated shingles: up to max_rep each side)."""
    common = np.intersect1d(ua, ub, assume_unique=True)
    oa, ob = va.order, vb.order
    ha, hb = va.sorted_hashes, vb.sorted_hashes
    la, ra = np.searchsorted(ha, common, "left"), np.searchsorted(ha, common, "right")
    lb, rb = np.searchsorted(hb, common, "left"), np.searchsorted(hb, common, "right")
    ca, cb = ra - la, rb - lb
    ok = (ca <= max_rep) & (cb <= max_rep)
    la, lb, ca, cb = la[ok], lb[ok], ca[ok], cb[ok]
    tot = ca * cb
    grp = np.repeat(np.arange(len(tot)), tot)
    within = np.arange(int(tot.sum())) - np.repeat(np.cumsum(tot) - tot, tot)
    pa = oa[la[grp] + within // cb[grp]]
    pb = ob[lb[grp] + within % cb[grp]]
    return pa, pb


def _runs(pa: np.ndarray, pb: np.ndarray, k: int) -> list[tuple[int, int, int, int]]:
    """Exact runs (a0, a1, b0, b1) from seeds: consecutive seeds on one diagonal."""
    if len(pa) == 0:
        return []
    diag = pb - pa
    o = np.lexsort((pa, diag))
    pa, diag = pa[o], diag[o]
    brk = np.flatnonzero(np.r_[True, (diag[1:] != diag[:-1]) | (pa[1:] - pa[:-1] > 1)])
    ends = np.r_[brk[1:], len(pa)] - 1
    a0, a1, dg = pa[brk], pa[ends] + k, diag[brk]
    order = np.lexsort((a0 + dg, a0))
    return [(int(a0[i]), int(a1[i]), int(a0[i] + dg[i]), int(a1[i] + dg[i])) for i in order]


class _Group:
    """Runs chained into one approximate match, with its extent and matched characters."""

    __slots__ = ("a0", "a1", "b0", "b1", "cov_a", "cov_b", "runs")

    def __init__(self, r: tuple[int, int, int, int]):
        self.a0, self.a1, self.b0, self.b1 = r
        self.cov_a = self.cov_b = r[1] - r[0]
        self.runs = [r]

    @property
    def matched(self) -> int:
        return min(self.cov_a, self.cov_b)

    def similarity_with(self, o: "_Group") -> float:
        """Similarity of the passage this group and `o` (which follows it) make together."""
        la = max(self.a1, o.a1) - min(self.a0, o.a0)
        lb = max(self.b1, o.b1) - min(self.b0, o.b0)
        m = min(self.cov_a + o.cov_a - max(0, self.a1 - o.a0), self.cov_b + o.cov_b - max(0, self.b1 - o.b0))
        return 2.0 * m / max(1, la + lb)

    def absorb(self, o: "_Group") -> None:
        self.cov_a += o.cov_a - max(0, min(self.a1, o.a1) - o.a0)
        self.cov_b += o.cov_b - max(0, min(self.b1, o.b1) - o.b0)
        self.a0, self.b0 = min(self.a0, o.a0), min(self.b0, o.b0)
        self.a1, self.b1 = max(self.a1, o.a1), max(self.b1, o.b1)
        self.runs.extend(o.runs)


def _link(items: list[_Group], reach: int, k: int, min_similarity: float | None) -> list[_Group]:
    """Chain groups ordered by their start in a. A group joins the open group it continues with the
    smallest gap (both gaps in -k..reach, their difference at most reach; with `min_similarity`,
    only if the joined passage stays that similar). Groups ending more than `reach` before the
    current start can no longer grow and leave the open list, so the pass stays near linear."""
    items = sorted(items, key=lambda g: (g.a0, g.b0))
    done: list[_Group] = []
    open_: list[_Group] = []
    for g in items:
        still = []
        for o in open_:
            (still if o.a1 >= g.a0 - reach else done).append(o)
        open_ = still
        best, best_cost = None, None
        for o in open_:
            ga, gb = g.a0 - o.a1, g.b0 - o.b1
            if g.a1 <= o.a1 + k and g.b1 <= o.b1 + k and g.a0 >= o.a0 and g.b0 >= o.b0 \
                    and abs((g.b0 - g.a0) - (o.b1 - o.a1)) <= reach:
                best, best_cost = o, -1          # inside an open group already (a repeat seed)
                break
            if -k < ga <= reach and -k < gb <= reach and abs(ga - gb) <= reach:
                if min_similarity is not None and o.similarity_with(g) < min_similarity:
                    continue
                cost = max(ga, 0) + max(gb, 0)
                if best_cost is None or cost < best_cost:
                    best, best_cost = o, cost
        if best is None:
            open_.append(g)
        else:
            best.absorb(g)
    return done + open_


def _pair(va: ReuseView, vb: ReuseView, ua: np.ndarray, ub: np.ndarray, min_len: int, max_gap: int,
          min_similarity: float) -> list[Reuse]:
    k = va.k
    pa, pb = _seeds(va, vb, ua, ub)
    # a passage of min_len characters has seeds close together; scattered shared shingles
    # (common phrases around the same keywords) cannot make one, so they are dropped up front
    if len(pa):
        sa = np.sort(pa)
        dense = (np.searchsorted(sa, pa + min_len, "right") - np.searchsorted(sa, pa - min_len, "left")) \
            >= max(2, min_len // (2 * k))
        pa, pb = pa[dense], pb[dense]
    runs = [_Group(r) for r in _runs(pa, pb, k)]
    # exact runs → chains across small edits → chains joined across two edits close together
    groups = _link(_link(runs, max_gap, k, None), 3 * max_gap, k, min_similarity)
    found: list[tuple[int, int, int, int, float]] = []
    ca, cb = va.chars, vb.chars
    for g in groups:
        if min(g.a1 - g.a0, g.b1 - g.b0) < min_len - 2 * k:
            continue
        a0, a1, b0, b1 = g.a0, g.a1, g.b0, g.b1
        # exact characters at the edges that no whole shingle covered
        while a0 > 0 and b0 > 0 and ca[a0 - 1] == cb[b0 - 1]:
            a0, b0 = a0 - 1, b0 - 1
        while a1 < len(ca) and b1 < len(cb) and ca[a1] == cb[b1]:
            a1, b1 = a1 + 1, b1 + 1
        if min(a1 - a0, b1 - b0) < min_len:
            continue
        matched = g.matched + (g.a0 - a0) + (a1 - g.a1)
        sim = 2.0 * matched / ((a1 - a0) + (b1 - b0))
        if sim >= min_similarity:
            found.append((a0, a1, b0, b1, min(1.0, sim)))
    found.sort(key=lambda f: -(f[1] - f[0]))
    kept: list[tuple[int, int, int, int, float]] = []
    for f in found:   # a repeated passage can chain twice: keep the longer of two overlapping matches
        if any(_overlap(f[0], f[1], g[0], g[1]) > 0.5 and _overlap(f[2], f[3], g[2], g[3]) > 0.5 for g in kept):
            continue
        kept.append(f)
    out = []
    for a0, a1, b0, b1, sim in sorted(kept):
        sa, sb = va.span(a0, a1), vb.span(b0, b1)
        out.append(Reuse(va.id, vb.id, sa, sb, a1 - a0, b1 - b0, round(sim, 3),
                         va.original[sa[0]:sa[1]], vb.original[sb[0]:sb[1]]))
    return out


def _overlap(a0: int, a1: int, b0: int, b1: int) -> float:
    inter = min(a1, b1) - max(a0, b0)
    return inter / max(1, min(a1 - a0, b1 - b0)) if inter > 0 else 0.0
