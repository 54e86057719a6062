"""Pairs of articles similar enough to be about one event, without comparing all pairs.

Two steps, both on scikit-learn / SciPy sparse matrices:

1. Candidates. Each article's ``k`` nearest articles by the part of its
   vector made of linking terms: terms in at most ``max_df`` articles
   (names, places, rare words; "said" or "president" link everything and
   nothing). A term in at most ``max_df`` articles makes at most ``max_df``
   candidates per article, so the work grows with the corpus, not its square.
   With dates, an article is only compared with articles dated within
   ``window_days`` of it (undated ones with all): articles are taken in date
   order, a block at a time, against the block's date window.
2. Scores. The candidates' full cosine similarity (every term counted);
   pairs reaching ``threshold`` are kept.

The approximation is in step 1: a pair that shares no linking term, or that
neither article ranks among its ``k`` nearest, is not found directly. A
story with more than ``k`` articles still holds together through its
members' links (:mod:`.clusters` joins what is linked).
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import scipy.sparse as sp

__all__ = ["DEFAULT_K", "DEFAULT_MAX_DF", "similar_articles"]

#: Candidates kept per article.
DEFAULT_K = 20

#: Terms in more articles than this do not propose candidates (they still count in the score).
DEFAULT_MAX_DF = 200

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
    found = [
        _top_k(link, rows, cols, days, window_days, k)
        for rows, cols in _blocks(days, window_days, n)
    ]
    keys = np.unique(np.concatenate([np.zeros(0, np.int64), *found]))
    if not len(keys):
        return empty
    a, b = keys // n, keys % n
    sim = _row_dots(matrix, a, b)
    ok = sim >= threshold - 1e-12
    return a[ok], b[ok], np.minimum(sim[ok], 1.0)


def _blocks(
    days: np.ndarray | None, window_days: float | None, n: int
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """(rows, the columns they are compared with): date-ordered blocks and their windows."""
    everything = np.arange(n)
    if days is None or window_days is None or np.isnan(days).all():
        for lo in range(0, n, _BLOCK):
            yield everything[lo : lo + _BLOCK], everything
        return
    dated = np.flatnonzero(~np.isnan(days))
    undated = np.flatnonzero(np.isnan(days))
    dated = dated[np.argsort(days[dated], kind="stable")]
    d = days[dated]
    for lo in range(0, len(dated), _BLOCK):
        rows = dated[lo : lo + _BLOCK]
        first = np.searchsorted(d, d[lo] - window_days, side="left")
        last = np.searchsorted(d, d[min(lo + _BLOCK, len(d)) - 1] + window_days, side="right")
        yield rows, np.sort(np.concatenate([dated[first:last], undated]))
    for lo in range(0, len(undated), _BLOCK):
        yield undated[lo : lo + _BLOCK], everything


def _top_k(
    link: sp.csr_matrix,
    rows: np.ndarray,
    cols: np.ndarray,
    days: np.ndarray | None,
    window_days: float | None,
    k: int,
) -> np.ndarray:
    """Keys ``a * n + b`` (a < b) of each row's ``k`` best candidates among ``cols``."""
    n = np.int64(link.shape[0])
    prod = (link[rows] @ link[cols].T).tocoo()
    i, j, score = rows[prod.row].astype(np.int64), cols[prod.col].astype(np.int64), prod.data
    ok = i != j
    if days is not None and window_days is not None:
        gap = np.abs(days[i] - days[j])
        ok &= ~(gap > window_days)  # NaN (an undated side) passes
    i, j, score = i[ok], j[ok], score[ok]
    order = np.lexsort((j, -score, i))  # per row: best first, ties by column
    i, j = i[order], j[order]
    start = np.searchsorted(i, i, side="left")
    best = (np.arange(len(i)) - start) < k
    i, j = i[best], j[best]
    return np.minimum(i, j) * n + np.maximum(i, j)


def _row_dots(matrix: sp.csr_matrix, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Dot products of rows ``a[p]`` and ``b[p]``, a slice of pairs at a time."""
    out = np.empty(len(a), dtype=np.float64)
    for lo in range(0, len(a), _PAIRS):
        x = matrix[a[lo : lo + _PAIRS]]
        y = matrix[b[lo : lo + _PAIRS]]
        out[lo : lo + _PAIRS] = np.asarray(x.multiply(y).sum(axis=1)).ravel()
    return out
