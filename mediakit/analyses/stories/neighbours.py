"""Pairs of articles similar enough to be about one event, without comparing all pairs.

Two steps, both on scikit-learn / SciPy sparse matrices:

1. Candidates. Each article's ``k`` nearest articles by its strongest
   :data:`ANCHORS` linking terms: terms in at most ``max_df`` articles
   (names, places, rare words; "said" or "president" link everything and
   nothing), highest TF-IDF weight first. Each of them makes at most
   ``max_df`` candidates, so an article has at most ``ANCHORS * max_df``
   and the work grows with the corpus, not its square (a sparse product, a
   block of articles at a time). With dates, only
   articles dated within ``window_days`` of each other are candidates
   (undated ones with all).
2. Scores. The candidates' full cosine similarity (every term counted);
   pairs reaching ``threshold`` are kept.

The approximation is in step 1: a pair that shares no linking term, or that
neither article ranks among its ``k`` nearest, is not found directly. A
story with more than ``k`` articles still holds together through its
members' links (:mod:`.clusters` joins what is linked).
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

__all__ = ["ANCHORS", "DEFAULT_K", "DEFAULT_MAX_DF", "similar_articles"]

#: Candidates kept per article.
DEFAULT_K = 20

#: Terms in more articles than this do not propose candidates (they still count in the score).
DEFAULT_MAX_DF = 200

#: An article looks for candidates through this many of its strongest linking terms.
ANCHORS = 30

_BLOCK = 500  # articles per block of the candidate product
_PAIRS = 20_000  # candidate pairs scored at a time (their rows are copied)


def similar_articles(
    matrix: sp.csr_matrix,
    df: np.ndarray,
    days: np.ndarray | None,
    *,
    threshold: float,
    window_days: float | None,
    k: int = DEFAULT_K,
    max_df: int = DEFAULT_MAX_DF,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs ``a < b`` with cosine similarity >= ``threshold`` (see the module notes).

    ``matrix`` holds unit-length rows; ``df`` is each column's document
    frequency; ``days`` each row's date as a number of days (NaN: undated),
    or None to ignore dates.

    >>> m = sp.csr_matrix(np.array([[1.0, 0, 0], [0.8, 0.6, 0], [0, 0, 1.0]]))
    >>> a, b, s = similar_articles(m, np.array([2, 1, 1]), None, threshold=0.5, window_days=None)
    >>> a.tolist(), b.tolist(), s.round(2).tolist()
    ([0], [1], [0.8])
    """
    n = matrix.shape[0]
    empty = (np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float64))
    if n < 2:
        return empty
    link = matrix[:, np.flatnonzero(df <= max_df)].tocsr()
    link_t = link.T.tocsr()
    anchors = _strongest(link, ANCHORS)
    found = [
        _top_k(anchors[lo : lo + _BLOCK], link_t, lo, days, window_days, k)
        for lo in range(0, n, _BLOCK)
    ]
    keys = np.unique(np.concatenate([np.zeros(0, np.int64), *found]))
    if not len(keys):
        return empty
    a, b = keys // n, keys % n
    sim = _row_dots(matrix, a, b)
    ok = sim >= threshold - 1e-12
    return a[ok], b[ok], np.minimum(sim[ok], 1.0)


def _top_k(
    block: sp.csr_matrix,
    link_t: sp.csr_matrix,
    lo: int,
    days: np.ndarray | None,
    window_days: float | None,
    k: int,
) -> np.ndarray:
    """Keys ``a * n + b`` (a < b) of the ``k`` best candidates of rows ``lo, lo + 1, ...``."""
    n = np.int64(link_t.shape[1])
    prod = (block @ link_t).tocoo()
    i, j, score = prod.row.astype(np.int64) + lo, prod.col.astype(np.int64), prod.data
    ok = i != j
    if days is not None and window_days is not None:
        gap = np.abs(days[i] - days[j])
        ok &= ~(gap > window_days)  # NaN (an undated side) passes
    i, j, score = i[ok], j[ok], score[ok]
    order = np.argsort(_row_major_key(i, score), kind="stable")  # per row: best first
    i, j = i[order], j[order]
    start = np.searchsorted(i, i, side="left")
    best = (np.arange(len(i)) - start) < k
    i, j = i[best], j[best]
    return np.minimum(i, j) * n + np.maximum(i, j)


def _row_major_key(row: np.ndarray, score: np.ndarray) -> np.ndarray:
    """One float per entry that sorts by row, then by score, highest first.

    >>> _row_major_key(np.array([0, 0, 1]), np.array([0.2, 0.9, 0.5])).argsort().tolist()
    [1, 0, 2]
    """
    top = float(score.max()) if len(score) else 1.0
    return row + 0.5 * (1.0 - score / (top * (1 + 1e-9) if top > 0 else 1.0))


def _strongest(matrix: sp.csr_matrix, m: int) -> sp.csr_matrix:
    """Each row's ``m`` largest entries (ties: lower column first); the rest set to zero."""
    matrix = matrix.copy()
    matrix.sort_indices()
    coo = matrix.tocoo()
    order = np.argsort(_row_major_key(coo.row, coo.data), kind="stable")
    row = coo.row[order]
    rank = np.arange(len(row)) - np.searchsorted(row, row, side="left")
    keep = order[rank < m]
    return sp.csr_matrix((coo.data[keep], (coo.row[keep], coo.col[keep])), shape=matrix.shape)


def _row_dots(matrix: sp.csr_matrix, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Dot products of rows ``a[p]`` and ``b[p]``, a slice of pairs at a time."""
    out = np.empty(len(a), dtype=np.float64)
    for lo in range(0, len(a), _PAIRS):
        x = matrix[a[lo : lo + _PAIRS]]
        y = matrix[b[lo : lo + _PAIRS]]
        out[lo : lo + _PAIRS] = np.asarray(x.multiply(y).sum(axis=1)).ravel()
    return out
