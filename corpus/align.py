"""Cross-notice alignment: which measures of two notices address the same thing.

Two signals, combined: the rule topics of `corpus.topics` (two measures under the same topic
are about the same thing even when their headings differ) and the character n-gram TF-IDF
cosine of their texts (bigrams and trigrams of word characters; sublinear tf, smoothed idf,
rows l2-normalised). The TF-IDF is implemented here with numpy alone: n-grams are integer
codes built from code points, so fitting is a few vectorised sorts, not a Python loop over
characters.

Pairs of notices compared: all of them for a small corpus (up to ``all_pairs_max`` notices),
otherwise each notice with its ``neighbours`` most similar notices (document vectors hashed
into a dense space of ``2**12`` dimensions). Within a notice pair, measures are matched one to
one, best score first: ``score = 0.7 × cosine + 0.3 × topic overlap`` (Jaccard of their
non-fallback topics), kept when it reaches ``min_score`` and the cosine reaches ``min_cosine``.

Deliberately not covered: semantic embeddings (no model is downloaded), alignment inside a
notice, many-to-one matches (a measure split into two elsewhere pairs with the closer half).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

import numpy as np
import pandas as pd

from .topics import Taxonomy, load_taxonomy, measure_text, measure_topics

__all__ = ["ALIGN_COLUMNS", "TfidfMatrix", "align_measures", "char_ngrams", "cosine", "fit_tfidf",
           "notice_neighbours"]

ALIGN_COLUMNS = ["notice_a", "region_a", "measure_a", "title_a", "notice_b", "region_b", "measure_b", "title_b",
                 "topic", "cosine", "score", "basis", "span_a", "span_b"]


@dataclass(frozen=True, eq=False)
class TfidfMatrix:
    """Rows of l2-normalised TF-IDF weights in CSR form (`indptr`, `indices`, `data`)."""

    indptr: np.ndarray
    indices: np.ndarray
    data: np.ndarray
    n_features: int

    @property
    def n_rows(self) -> int:
        return len(self.indptr) - 1

    def block(self, r0: int, r1: int) -> tuple[np.ndarray, np.ndarray]:
        """Dense rows r0..r1 over their own sorted features: (features, matrix)."""
        lo, hi = self.indptr[r0], self.indptr[r1]
        cols = self.indices[lo:hi]
        feats, inv = np.unique(cols, return_inverse=True)
        m = np.zeros((r1 - r0, len(feats)), dtype=np.float32)
        rows = np.repeat(np.arange(r1 - r0), np.diff(self.indptr[r0:r1 + 1]))
        m[rows, inv] = self.data[lo:hi]
        return feats, m


def _codes(text: str) -> np.ndarray:
    c = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    word = (((c >= 0x4E00) & (c <= 0x9FFF)) | ((c >= 0x3400) & (c <= 0x4DBF)) | ((c >= 48) & (c <= 57))
            | ((c >= 65) & (c <= 90)) | ((c >= 97) & (c <= 122)) | ((c >= 0xFF10) & (c <= 0xFF5A)))
    return np.where(word, c, 0)


def char_ngrams(text: str, ngram: tuple[int, ...] = (2, 3)) -> np.ndarray:
    """Integer codes of the character n-grams of `text` (word characters only, none across punctuation).

    >>> len(char_ngrams("技能大师工作室")), len(char_ngrams("技能,大师"))
    (11, 2)
    """
    return _grams(_codes(text), ngram)[0]


def _grams(c: np.ndarray, ngram: tuple[int, ...]) -> tuple[np.ndarray, np.ndarray]:
    """(codes, start positions) of n-grams of code array `c` (0 = separator)."""
    out, pos = [], []
    for n in ngram:
        m = len(c) - n + 1
        if m <= 0:
            continue
        g = np.zeros(m, dtype=np.int64)
        ok = np.ones(m, dtype=bool)
        for j in range(n):
            part = c[j:j + m]
            ok &= part > 0
            g = (g << 21) | part
        out.append(g[ok])
        pos.append(np.flatnonzero(ok))
    if not out:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(out), np.concatenate(pos)


_BITS = 22
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)


def fit_tfidf(texts: Sequence[str], ngram: tuple[int, ...] = (2, 3), min_df: int = 2) -> TfidfMatrix:
    """TF-IDF of character n-grams for `texts`.

    N-grams are hashed into 2**22 features (no vocabulary to build; collisions are rare below a
    few million distinct n-grams and only blur similarity slightly). Rows are normalised over all
    their n-grams; those in fewer than `min_df` texts are then dropped from storage (they cannot
    make two rows similar), which leaves cosines unchanged.

    >>> X = fit_tfidf(["开展新型学徒制培训", "全面推行企业新型学徒制", "建设公共实训基地"])
    >>> round(float(cosine(X, 0, 1)), 2), float(cosine(X, 0, 2))
    (0.29, 0.0)
    """
    n = len(texts)
    if n == 0:
        return TfidfMatrix(np.zeros(1, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32), 0)
    joined = "\x00".join(texts)
    c = _codes(joined)
    grams, pos = _grams(c, ngram)
    row_of_char = np.repeat(np.arange(n, dtype=np.int64), [len(t) + 1 for t in texts])
    rows = row_of_char[pos]
    cols = ((grams.astype(np.uint64) * _GOLDEN) >> np.uint64(64 - _BITS)).astype(np.int64)
    key, tf = np.unique((rows << _BITS) | cols, return_counts=True)
    r, col = key >> _BITS, key & ((1 << _BITS) - 1)
    df = np.bincount(col, minlength=1 << _BITS)
    idf = np.log((1.0 + n) / (1.0 + df[col])) + 1.0
    w = (1.0 + np.log(tf)) * idf
    norm = np.sqrt(np.bincount(r, weights=w * w, minlength=n))
    w = w / np.where(norm[r] > 0, norm[r], 1.0)
    # rare n-grams cannot pair two rows: drop them after normalising, so cosines stay exact
    keep = df[col] >= min_df
    r, col, w = r[keep], col[keep], w[keep]
    indptr = np.r_[0, np.cumsum(np.bincount(r, minlength=n))].astype(np.int64)
    return TfidfMatrix(indptr, col.astype(np.int64), w.astype(np.float32), 1 << _BITS)


def cosine(X: TfidfMatrix, i: int, j: int) -> float:
    """Cosine of rows i and j."""
    a0, a1, b0, b1 = X.indptr[i], X.indptr[i + 1], X.indptr[j], X.indptr[j + 1]
    _, ia, ib = np.intersect1d(X.indices[a0:a1], X.indices[b0:b1], assume_unique=True, return_indices=True)
    return float(np.dot(X.data[a0:a1][ia], X.data[b0:b1][ib]))


def notice_neighbours(X: TfidfMatrix, groups: Sequence[tuple[int, int]], k: int, dim: int = 4096) -> list[tuple[int, int]]:
    """Pairs (g, h), g < h, where h is among the k groups most similar to g (or g among h's).

    A group's vector is the sum of its rows, hashed into `dim` dense dimensions and normalised.
    """
    n = len(groups)
    M = np.zeros((n, dim), dtype=np.float32)
    for g, (r0, r1) in enumerate(groups):
        lo, hi = X.indptr[r0], X.indptr[r1]
        np.add.at(M[g], X.indices[lo:hi] % dim, X.data[lo:hi])
    M /= np.maximum(np.linalg.norm(M, axis=1, keepdims=True), 1e-9)
    pairs: set[tuple[int, int]] = set()
    k = min(k, n - 1)
    for s in range(0, n, 512):
        S = M[s:s + 512] @ M.T
        for r in range(S.shape[0]):
            S[r, s + r] = -1.0
        top = np.argpartition(-S, k - 1, axis=1)[:, :k] if k > 0 else np.zeros((S.shape[0], 0), dtype=int)
        for r, row in enumerate(top):
            for h in row:
                g = s + r
                pairs.add((min(g, int(h)), max(g, int(h))))
    return sorted(pairs)


def align_measures(notices: Sequence[Any], *, regions: Sequence[str] | None = None, taxonomy: Taxonomy | None = None,
                   topics: dict[str, dict[str, tuple[str, ...]]] | None = None, min_score: float = 0.3,
                   min_cosine: float = 0.1, all_pairs_max: int = 30, neighbours: int = 5) -> pd.DataFrame:
    """One row per aligned pair of measures from two different notices (columns `ALIGN_COLUMNS`).

    `regions` labels the notices (default: their ids); `topics` may pass precomputed
    `measure_topics` by notice id. `basis` says what carried the pair: "topic+text", "text"
    or "topic".
    """
    tx = taxonomy or load_taxonomy()
    regions = list(regions) if regions is not None else [n.id for n in notices]
    topics = topics if topics is not None else {n.id: measure_topics(n, tx) for n in notices}
    texts: list[str] = []
    groups: list[tuple[int, int]] = []
    for n in notices:
        r0 = len(texts)
        texts.extend(measure_text(m.title, m.text) for m in n.measures)
        groups.append((r0, len(texts)))
    X = fit_tfidf(texts)
    if len(notices) <= all_pairs_max:
        pairs = [(g, h) for g in range(len(notices)) for h in range(g + 1, len(notices))]
    else:
        pairs = notice_neighbours(X, groups, neighbours)
    blocks: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    tmats: dict[int, np.ndarray] = {}
    topic_ids = {t: i for i, t in enumerate(tx.ids)}
    rows: list[tuple] = []
    last_g = -1
    for g, h in pairs:
        if g != last_g:          # pairs come sorted with g < h: notices before g are done with
            blocks = {x: v for x, v in blocks.items() if x >= g}
            tmats = {x: v for x, v in tmats.items() if x >= g}
            last_g = g
        (a0, a1), (b0, b1) = groups[g], groups[h]
        if a1 == a0 or b1 == b0:
            continue
        for x, (r0, r1) in ((g, groups[g]), (h, groups[h])):
            if x not in blocks:
                blocks[x] = X.block(r0, r1)
        fa, ma = blocks[g]
        fb, mb = blocks[h]
        _, ia, ib = np.intersect1d(fa, fb, assume_unique=True, return_indices=True)
        cos = ma[:, ia] @ mb[:, ib].T if len(ia) else np.zeros((a1 - a0, b1 - b0), dtype=np.float32)
        for x in (g, h):
            if x not in tmats:
                tmats[x] = _topic_matrix(notices[x], topics, tx, topic_ids)
        rows.extend(_match(notices[g], notices[h], regions[g], regions[h], cos, topics, tx, min_score, min_cosine,
                           tmats[g], tmats[h]))

    return pd.DataFrame(rows, columns=ALIGN_COLUMNS)


def _topic_matrix(notice: Any, topics: dict, tx: Taxonomy, ids: dict[str, int]) -> np.ndarray:
    """Measures × topics, 1 where a measure has the topic (the fallback topic left out)."""
    m = np.zeros((len(notice.measures), len(ids)), dtype=np.float32)
    for r, ms in enumerate(notice.measures):
        for t in topics[notice.id][ms.id]:
            if t != tx.fallback:
                m[r, ids[t]] = 1.0
    return m


def _match(na: Any, nb: Any, ra: str, rb: str, cos: np.ndarray, topics: dict, tx: Taxonomy, min_score: float,
           min_cosine: float, tma: np.ndarray, tmb: np.ndarray) -> list[tuple]:
    """One-to-one matching of two notices' measures, best score first (vectorised greedy)."""
    inter = tma @ tmb.T
    union = tma.sum(1)[:, None] + tmb.sum(1)[None, :] - inter
    jac = np.where(union > 0, inter / np.maximum(union, 1), 0.0)
    score = 0.7 * cos + 0.3 * jac
    score = np.where((cos >= min_cosine) & (score >= min_score), score, -1.0)
    out = []
    ta, tb = topics[na.id], topics[nb.id]
    for _ in range(min(score.shape)):
        flat = int(np.argmax(score))
        i, j = divmod(flat, score.shape[1])
        s = float(score[i, j])
        if s < 0:
            break
        score[i, :] = -1.0
        score[:, j] = -1.0
        ma, mb = na.measures[i], nb.measures[j]
        shared = [t for t in ta[ma.id] if t in tb[mb.id] and t != tx.fallback]
        c, jc = float(cos[i, j]), float(jac[i, j])
        basis = "topic+text" if jc > 0 and c >= 0.3 else "topic" if jc > 0 else "text"
        out.append((na.id, ra, ma.id, ma.title, nb.id, rb, mb.id, mb.title, tx.label(shared[0]) if shared else "",
                    round(c, 3), round(s, 3), basis, ma.span, mb.span))
    return out
