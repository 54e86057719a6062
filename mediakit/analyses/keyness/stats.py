"""``term_statistics``: log-odds and z for every (group, term) pair, as numpy columns."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["Comparison", "log_odds_z", "term_statistics"]


def log_odds_z(
    y_i: np.ndarray,
    y_j: np.ndarray,
    n_i: np.ndarray,
    n_j: np.ndarray,
    a_w: np.ndarray,
    alpha_0: float,
) -> tuple[np.ndarray, np.ndarray]:
    """Monroe et al.'s prior-smoothed log-odds ratio ``delta`` and its z-score, element-wise.

    >>> d, z = log_odds_z(np.array([3.0]), np.array([1.0]), np.array([10.0]), np.array([10.0]),
    ...                   np.array([2.0]), 10.0)
    >>> round(float(d[0]), 3), round(float(z[0]), 3)
    (0.636, 0.871)
    """
    y_i = np.asarray(y_i, dtype=np.float64)
    y_j = np.asarray(y_j, dtype=np.float64)
    delta = np.log((y_i + a_w) / (n_i + alpha_0 - y_i - a_w)) - np.log(
        (y_j + a_w) / (n_j + alpha_0 - y_j - a_w)
    )
    var = 1.0 / (y_i + a_w) + 1.0 / (y_j + a_w)
    return delta, delta / np.sqrt(var)


@dataclass(frozen=True)
class Comparison:
    """What is compared: the groups, pair mode, the prior and the cut-offs.

    ``min_docs`` holds each group's least number of articles a term must be in;
    ``excluded`` marks, per term of one n-gram order, terms never listed
    (numbers, furniture).
    """

    n_groups: int
    compared: np.ndarray
    is_pair: bool
    alpha_0: float
    min_count: int
    min_docs: np.ndarray


def _other_side(cg, ct, values, n_terms, compared):
    """In pair mode, the other group's value of the same term (0 where it has none)."""
    a, b = compared
    other = np.where(cg == a, b, a)
    key = cg * n_terms + ct
    okey = other * n_terms + ct
    pos = np.minimum(np.searchsorted(key, okey), max(len(key) - 1, 0))
    found = key[pos] == okey if len(key) else np.zeros(0, dtype=bool)
    return [np.where(found, v[pos] if len(key) else 0, 0).astype(np.float64) for v in values], other


def term_statistics(cg, ct, cc, words, docs, g, how: Comparison, excluded: np.ndarray):
    """Log-odds and z for every (group, n-gram) pair that occurs, as numpy columns.

    ``cg, ct, cc`` are sparse counts (group, term, count) sorted by group then
    term, ``docs`` the articles behind each count; ``words[t]`` are the word ids
    of term ``t``. Rows under ``how.min_count`` uses or ``how.min_docs``
    articles, and ``excluded`` terms, are left out after the statistics (the
    prior still sees the whole vocabulary).
    """
    n_terms = len(words)
    total_w = np.bincount(ct, weights=cc, minlength=n_terms)  # whole corpus: the prior
    total_d = np.bincount(ct, weights=docs, minlength=n_terms)
    n_total = max(total_w.sum(), 1.0)
    n_group = np.bincount(cg, weights=cc, minlength=how.n_groups)
    if how.is_pair:
        keep = np.isin(cg, how.compared)
        cg, ct, cc, docs = cg[keep], ct[keep], cc[keep], docs[keep]
        (y_j, d_j), other = _other_side(cg, ct, (cc, docs), n_terms, how.compared)
        n_j = n_group[other]
    else:
        y_j, d_j = total_w[ct] - cc, total_d[ct] - docs
        n_j = n_total - n_group[cg]
    sel = (cc >= how.min_count) & (docs >= how.min_docs[cg]) & ~excluded[ct]
    cg, ct, cc, docs, y_j, d_j, n_j = (x[sel] for x in (cg, ct, cc, docs, y_j, d_j, n_j))
    a_w = how.alpha_0 * total_w[ct] / n_total
    delta, z = log_odds_z(cc, y_j, n_group[cg], n_j, a_w, how.alpha_0)
    w = words[ct]
    return {
        "group": cg,
        "ngram": np.full(len(cg), g, dtype=np.int8),
        "w0": w[:, 0],
        "w1": w[:, -1],
        "count_group": cc,
        "count_rest": y_j.astype(np.int64),
        "docs_group": docs.astype(np.int64),
        "docs_rest": d_j.astype(np.int64),
        "log_odds": delta,
        "z": z,
    }
