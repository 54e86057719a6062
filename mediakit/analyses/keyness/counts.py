"""``count_terms``: sparse (group, term) counts of uses and of articles, streamed.

Counts are ``(group, term)`` pairs on integer keys, counted a chunk of
articles at a time and summed, so time and memory grow with the tokens and
the pairs that occur, never with terms x groups.
"""

from __future__ import annotations

import numpy as np

from ...parsing.tokens import TokenStream

__all__ = ["count_terms"]

_SHIFT = np.int64(32)  # two ids (< 2**31 each) packed in one int64
_LOW = np.int64(2**32 - 1)


def _reduce(keys: list[np.ndarray], counts: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Sum counts of equal keys (chunks' partial counts -> corpus counts), sorted by key."""
    k = np.concatenate(keys) if keys else np.zeros(0, np.int64)
    c = np.concatenate(counts) if counts else np.zeros(0, np.int64)
    order = np.argsort(k, kind="stable")
    k, c = k[order], c[order]
    if not len(k):
        return k, c
    starts = np.flatnonzero(np.r_[True, k[1:] != k[:-1]])
    return k[starts], np.add.reduceat(c, starts)


def _runs(*keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sort by ``keys`` (last is primary): the order and the start of each run of equal keys."""
    order = np.lexsort(keys)
    if not len(order):
        return order, np.zeros(0, np.int64)
    change = np.zeros(len(order) - 1, dtype=bool)
    for k in keys:
        s = k[order]
        change |= s[1:] != s[:-1]
    return order, np.flatnonzero(np.r_[True, change])


def _unigram_chunk(doc, grp, term):
    """(group << 32 | term) keys with their uses and their articles, for one chunk."""
    k, c = np.unique((grp << _SHIFT) | term, return_counts=True)
    dk = np.unique((doc << _SHIFT) | term)  # one entry per (article, term)
    groups = _group_of(dk >> _SHIFT, doc, grp)
    gk, dc = np.unique((groups << _SHIFT) | (dk & _LOW), return_counts=True)
    return (k, c.astype(np.int64)), (gk, dc.astype(np.int64))


def _group_of(docs: np.ndarray, doc: np.ndarray, grp: np.ndarray) -> np.ndarray:
    """The group of each article in ``docs``, from the token columns ``doc`` and ``grp``."""
    lookup = np.zeros(int(doc.max()) + 1 if len(doc) else 1, dtype=np.int64)
    lookup[doc] = grp
    return lookup[docs]


def _bigram_chunk(doc, grp, term, segment):
    """(group, pair, uses) and (group, pair, articles) for one chunk's two-word phrases."""
    ok = segment[1:] == segment[:-1]  # neighbours in one phrase
    pair = (term[:-1][ok] << _SHIFT) | term[1:][ok]
    g, d = grp[:-1][ok], doc[:-1][ok]
    order, starts = _runs(pair, g)
    uses = (g[order][starts], pair[order][starts], np.diff(np.r_[starts, len(order)]))
    order, starts = _runs(pair, d)  # one entry per (article, pair)
    g2, p2 = g[order][starts], pair[order][starts]
    order, starts = _runs(p2, g2)
    docs = (g2[order][starts], p2[order][starts], np.diff(np.r_[starts, len(order)]))
    return uses, docs


def count_terms(stream: TokenStream, group_of_doc: np.ndarray, n_groups: int, ngrams: list[int]):
    """Sparse (group, n-gram) counts of uses and of articles, streamed over chunks.

    Returns ``tokens_per_group`` and, per n-gram order, ``(group, term, count,
    words, docs)``: COO triples, each term's word ids (one column per word) and
    the number of the group's articles that use the term.
    """
    tokens = np.zeros(n_groups, dtype=np.float64)
    uni: list[tuple] = []
    bi: list[tuple] = []
    for part in stream:
        doc = part["doc"].astype(np.int64)
        grp = group_of_doc[doc].astype(np.int64)
        tokens += np.bincount(grp, minlength=n_groups)
        if 1 in ngrams:
            uni.append(_unigram_chunk(doc, grp, part["term"]))
        if 2 in ngrams:
            bi.append(_bigram_chunk(doc, grp, part["term"], part["segment"]))
    out = {}
    if 1 in ngrams:
        k, c = _reduce([u[0][0] for u in uni], [u[0][1] for u in uni])
        dk, dc = _reduce([u[1][0] for u in uni], [u[1][1] for u in uni])
        words = np.arange(len(stream.vocab), dtype=np.int64)[:, None]
        out[1] = (k >> _SHIFT, k & _LOW, c, words, _aligned(k, dk, dc))
    if 2 in ngrams:
        out[2] = _bigram_totals(bi)
    return tokens, out


def _bigram_totals(bi: list[tuple]):
    def cat(i, j):
        return np.concatenate([b[i][j] for b in bi]) if bi else np.zeros(0, np.int64)

    uniq, inv = np.unique(np.concatenate([cat(0, 1), cat(1, 1)]), return_inverse=True)
    n_uses = len(cat(0, 1))
    inv = inv.astype(np.int64)
    k, c = _reduce([(cat(0, 0) << _SHIFT) | inv[:n_uses]], [cat(0, 2)])
    dk, dc = _reduce([(cat(1, 0) << _SHIFT) | inv[n_uses:]], [cat(1, 2)])
    words = np.stack([uniq >> _SHIFT, uniq & _LOW], axis=1)
    return (k >> _SHIFT, k & _LOW, c, words, _aligned(k, dk, dc))


def _aligned(keys: np.ndarray, doc_keys: np.ndarray, doc_counts: np.ndarray) -> np.ndarray:
    """Article counts in the order of ``keys`` (both sorted; every key has articles)."""
    pos = np.searchsorted(doc_keys, keys)
    return doc_counts[pos] if len(keys) else np.zeros(0, np.int64)
