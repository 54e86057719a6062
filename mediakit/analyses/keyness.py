"""``keyness``: the words and two-word phrases that set one group of articles apart.

Method: the weighted log-odds ratio with an informative Dirichlet prior of
Monroe, Colaresi and Quinn (2008), "Fightin' Words" (Political Analysis 16:4,
eqs. 16-22). For a term *w*, a group *i* and what it is compared with *j*
(the rest of the corpus, or one other group)::

    a_w    = alpha_0 * y_w / n               prior: whole-corpus counts scaled to alpha_0
    delta  = log((y_iw + a_w) / (n_i + alpha_0 - y_iw - a_w))
           - log((y_jw + a_w) / (n_j + alpha_0 - y_jw - a_w))
    var    = 1 / (y_iw + a_w) + 1 / (y_jw + a_w)
    z      = delta / sqrt(var)

``y`` are counts and ``n`` token totals. The prior pulls rare terms towards
"no difference", so a word seen once is not the top word of a small outlet,
and ``z`` (not the raw log-odds) ranks terms: it is large only when a
difference is both big and backed by enough occurrences. Unigrams and
bigrams are two separate vocabularies (each with its own ``n``), both
reported in one table.

Tokens come from :mod:`mediakit.parsing.tokens`. Counts are sparse
``(group, term)`` pairs on integer keys, counted a chunk of articles at a
time and summed; the statistics are computed for all pairs at once with
numpy. Time and memory grow with the number of tokens and of (group, term)
pairs that occur, never with terms x groups.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute  # noqa: F401  (pa.compute)

from ..errors import CorpusError
from ..parsing.parsed import ParsedCorpus, parse_corpus
from ..parsing.tokens import STOP_WORDS, TokenStream
from .entities import entities_of

__all__ = ["COLUMNS", "DEFAULT_PRIOR", "STOP_WORDS", "keyness", "keyness_of", "log_odds_z"]


#: Columns of :func:`keyness`, in order.
COLUMNS = [
    "group",
    "rank",
    "term",
    "ngram",
    "count_group",
    "count_rest",
    "rate_group",
    "rate_rest",
    "log_odds",
    "z",
]


#: Default prior strength: the prior adds this many pseudo-tokens, spread over
#: the vocabulary like the whole corpus. About one short article's worth, so it
#: tames chance differences in a five-article corpus and barely matters in a
#: large one (where each group has far more tokens than this).
DEFAULT_PRIOR = 500.0


# -- counts and statistics -------------------------------------------------------------
_SHIFT = np.int64(32)  # two word ids (< 2**31 each) packed in one int64


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


def _count_terms(stream: TokenStream, group_of_doc: np.ndarray, n_groups: int, ngrams: list[int]):
    """Sparse (group, n-gram) counts, streamed over chunks of articles.

    Returns ``tokens_per_group`` and, per n-gram order, ``(group, term, count,
    words)``: COO triples plus each term's word ids (one column per word).
    """
    tokens = np.zeros(n_groups, dtype=np.float64)
    uni_k: list[np.ndarray] = []
    uni_c: list[np.ndarray] = []
    bi: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    for part in stream:
        grp = group_of_doc[part["doc"]].astype(np.int64)
        term = part["term"]
        tokens += np.bincount(grp, minlength=n_groups)
        if 1 in ngrams:
            k, c = np.unique((grp << _SHIFT) | term, return_counts=True)
            uni_k.append(k)
            uni_c.append(c.astype(np.int64))
        if 2 in ngrams:
            ok = part["segment"][1:] == part["segment"][:-1]  # neighbours in one phrase
            pair = (term[:-1][ok] << _SHIFT) | term[1:][ok]
            g = grp[:-1][ok]
            order = np.lexsort((pair, g))
            pair, g = pair[order], g[order]
            change = (pair[1:] != pair[:-1]) | (g[1:] != g[:-1])
            starts = np.flatnonzero(np.r_[True, change]) if len(g) else np.zeros(0, np.int64)
            bi.append((g[starts], pair[starts], np.diff(np.r_[starts, len(g)])))
    out = {}
    if 1 in ngrams:
        k, c = _reduce(uni_k, uni_c)
        n_vocab = len(stream.vocab)
        out[1] = (k >> _SHIFT, k & _LOW, c, np.arange(n_vocab, dtype=np.int64)[:, None])
    if 2 in ngrams:
        pairs = np.concatenate([p for _, p, _ in bi]) if bi else np.zeros(0, np.int64)
        uniq, inv = np.unique(pairs, return_inverse=True)  # bigram ids
        groups = np.concatenate([g for g, _, _ in bi]) if bi else np.zeros(0, np.int64)
        counts = np.concatenate([c for _, _, c in bi]) if bi else np.zeros(0, np.int64)
        k, c = _reduce([(groups << _SHIFT) | inv.astype(np.int64)], [counts])
        out[2] = (k >> _SHIFT, k & _LOW, c, np.stack([uniq >> _SHIFT, uniq & _LOW], axis=1))
    return tokens, out


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


def keyness(
    corpus: Any = None,
    by: str = "outlet",
    *,
    pair: tuple[str, str] | None = None,
    ngrams: Iterable[int] = (1, 2),
    stopwords: str | Iterable[str] = "keep",
    entities: str = "keep",
    prior: float = DEFAULT_PRIOR,
    min_count: int = 1,
    top: int | None = None,
    aliases: Any = None,
    **parse_options: Any,
) -> pd.DataFrame:
    """The words and two-word phrases that most distinguish each group of articles.

    Each group (by default each outlet; ``by`` names any corpus column) is
    compared with the rest of the corpus; with ``pair=("Outlet A", "Outlet
    B")`` the two are compared with each other. The statistic is the weighted
    log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and
    Quinn 2008; formula in :mod:`mediakit.analyses.keyness`): ``log_odds`` > 0 means
    the group uses the term more than the rest, ``z`` says how sure that is
    (|z| > 1.96 is the usual 5 % level, though with many terms some pass by
    chance).

    ``prior`` is alpha_0, the prior's total pseudo-count (default 500: about
    one short article; larger = more caution about rare terms, and it
    matters less the more text each group has).

    One row per (group, term) the group uses at least ``min_count`` times
    (default 1: a five-article corpus keeps its vocabulary; the prior, not a
    cut-off, keeps one-off words low): ``group, rank, term, ngram,
    count_group, count_rest, rate_group, rate_rest, log_odds, z``. Rates are
    uses per 1,000 counted tokens of that side (after any dropped words);
    ``rank`` 1 is the group's most distinctive term (highest z; ties
    alphabetical). Terms a group never uses are not listed for it (in pair
    mode they appear under the other group). ``top`` keeps each group's
    first ``top`` rows.

    ``stopwords``: ``"keep"`` (default: function words can be telling, e.g.
    Outlet E's "n't", "it", "these") or ``"drop"`` (spaCy's English list,
    :data:`STOP_WORDS`), or your own list of words to drop. ``entities``:
    ``"keep"`` names as words, ``"drop"`` them, or ``"canonical"``: one token
    per mention, spelled as its canonical name (see :func:`mediakit.entities`;
    ``aliases`` as there). Parse options (``cache_dir``, ``n_process``, ...)
    are those of :func:`mediakit.analyze`.

    >>> k = keyness(cache_dir=False)
    >>> k[k.group == "Outlet D"].head(3)[["term", "count_group", "count_rest"]].to_dict("records")[0]
    {'term': 'us', 'count_group': 7, 'count_rest': 0}
    """
    pc = parse_corpus(corpus, **parse_options)
    return keyness_of(
        pc,
        by,
        pair=pair,
        ngrams=ngrams,
        stopwords=stopwords,
        entities=entities,
        prior=prior,
        min_count=min_count,
        top=top,
        aliases=aliases,
    )


def keyness_of(
    pc: ParsedCorpus,
    by: str = "outlet",
    *,
    pair: tuple[str, str] | None = None,
    ngrams: Iterable[int] = (1, 2),
    stopwords: str | Iterable[str] = "keep",
    entities: str = "keep",
    prior: float = DEFAULT_PRIOR,
    min_count: int = 1,
    top: int | None = None,
    aliases: Any = None,
    mentions: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """:func:`keyness` for an already parsed corpus (``mentions``: its entity table, if made)."""
    ngrams = sorted({int(g) for g in ngrams})
    if not ngrams or any(g not in (1, 2) for g in ngrams):
        raise CorpusError(f"ngrams must be a subset of (1, 2); got {ngrams}.")
    if not prior > 0:
        raise CorpusError(f"prior (alpha_0) must be a positive number; got {prior!r}.")
    group_of_doc, names, compared = _groups(pc.corpus, by, pair)
    if entities not in ("keep", "drop", "canonical"):
        raise CorpusError(f"entities must be 'keep', 'drop' or 'canonical'; got {entities!r}.")
    if entities != "keep" and mentions is None:
        mentions = entities_of(pc, aliases=aliases)
    stream = TokenStream(pc, stopwords=stopwords, entities=entities, mentions=mentions)
    n_groups = len(names)
    tokens_per_group, counts = _count_terms(stream, group_of_doc, n_groups, ngrams)
    vocab = stream.vocab_array()
    rows = [
        _one_order(
            *counts.pop(g), g, n_groups, compared, pair is not None, float(prior), int(min_count)
        )
        for g in ngrams
    ]
    cols = {k: np.concatenate([r[k] for r in rows]) for k in rows[0]}
    del rows
    out = _ranked_table(cols, vocab, names, tokens_per_group, compared, pair is not None, top)
    out.attrs.update({"by": by, "pair": tuple(pair) if pair else None, "prior": float(prior)})
    return out


def _groups(corpus: pd.DataFrame, by: str, pair: tuple[str, str] | None):
    """Each article's group number, the group names, and the groups compared."""
    if by not in corpus.columns:
        raise CorpusError(
            f"by={by!r} is not a corpus column; choose one of {list(corpus.columns)}."
        )
    labels = corpus[by].astype("string").fillna("(missing)").to_numpy(dtype=object)
    group_of_doc, names = pd.factorize(labels, sort=True)
    names = [str(x) for x in names]
    if pair is not None:
        if len(pair) != 2 or pair[0] == pair[1]:
            raise CorpusError(f"pair must be two different {by} values; got {pair!r}.")
        missing = [p for p in pair if p not in names]
        if missing:
            raise CorpusError(f"{missing} not found in column {by!r}; it holds {names[:20]}.")
        compared = np.array([names.index(pair[0]), names.index(pair[1])])
    else:
        if len(names) < 2:
            raise CorpusError(
                f"keyness compares groups, but column {by!r} has only {names}; use by= or more articles."
            )
        compared = np.arange(len(names))

    return group_of_doc, names, compared


def _ranked_table(
    cols, vocab, names, tokens_per_group, compared, is_pair: bool, top
) -> pd.DataFrame:
    """Rank each group's terms by z (ties alphabetical), keep ``top``, and make the table."""
    # Rank and cut as numbers; strings are made only for the rows kept.
    # Ties in z are broken alphabetically (rank of each word in sorted order).
    alpha = np.empty(len(vocab), dtype=np.int64)
    alpha[np.argsort(vocab.astype(str), kind="stable")] = np.arange(len(vocab))
    alpha_key = alpha[cols["w0"]] * np.int64(len(alpha)) + np.where(
        cols["ngram"] == 2, alpha[cols["w1"]], 0
    )
    order = np.lexsort((alpha_key, cols["ngram"], -cols["count_group"], -cols["z"], cols["group"]))
    del alpha_key
    grp = cols["group"][order]
    rank = np.arange(len(grp)) - np.searchsorted(grp, grp, side="left") + 1
    if top is not None:
        order, rank = order[rank <= int(top)], rank[rank <= int(top)]
    cols = {k: v[order] for k, v in cols.items()}
    # The other side's token total, for its rate per 1,000 tokens.
    if is_pair:
        other = np.where(cols["group"] == compared[0], compared[1], compared[0])
        tok_rest = tokens_per_group[other]
    else:
        tok_rest = tokens_per_group.sum() - tokens_per_group[cols["group"]]
    tok_group = tokens_per_group[cols["group"]]
    with np.errstate(divide="ignore", invalid="ignore"):
        rate_group = np.where(tok_group > 0, cols["count_group"] / tok_group * 1000, np.nan)
        rate_rest = np.where(tok_rest > 0, cols["count_rest"] / tok_rest * 1000, np.nan)
    out = pd.DataFrame(
        {
            "group": pd.Series(np.asarray(names, dtype=object)[cols["group"]], dtype="str"),
            "rank": rank.astype(np.int64),
            "term": pd.Series(
                _term_strings(vocab, cols["w0"], cols["w1"], cols["ngram"]), dtype="str"
            ),
            "ngram": cols["ngram"].astype(np.int64),
            "count_group": cols["count_group"].astype(np.int64),
            "count_rest": cols["count_rest"].astype(np.int64),
            "rate_group": rate_group,
            "rate_rest": rate_rest,
            "log_odds": cols["log_odds"],
            "z": cols["z"],
        },
        columns=COLUMNS,
    )
    return out


def _term_strings(vocab: np.ndarray, w0: np.ndarray, w1: np.ndarray, ngram: np.ndarray) -> pa.Array:
    """Terms as one arrow string array: vocab[w0], or "vocab[w0] vocab[w1]" for bigrams."""
    words = pa.array(vocab.tolist(), type=pa.string())
    first = pa.compute.take(words, pa.array(w0))
    second = pa.compute.take(words, pa.array(w1))
    joined = pa.compute.binary_join_element_wise(first, second, " ")
    return pa.compute.if_else(pa.array(ngram == 2), joined, first)


def _one_order(cg, ct, cc, words, g, n_groups, compared, is_pair, alpha_0, min_count):
    """Log-odds and z for every (group, n-gram) pair that occurs, as numpy columns.

    ``cg, ct, cc`` are sparse counts (group, term, count) sorted by group
    then term; ``words[t]`` are the word ids of term ``t``.
    """
    n_terms = len(words)
    total_w = np.bincount(ct, weights=cc, minlength=n_terms)  # whole corpus: the prior
    n_total = max(total_w.sum(), 1.0)
    n_group = np.bincount(cg, weights=cc, minlength=n_groups)
    if is_pair:
        a, b = compared
        keep = np.isin(cg, compared)
        cg, ct, cc = cg[keep], ct[keep], cc[keep]
        # The other side's count of the same term: look its key up.
        other = np.where(cg == a, b, a)
        key = cg * n_terms + ct
        okey = other * n_terms + ct
        pos = np.minimum(np.searchsorted(key, okey), max(len(key) - 1, 0))
        found = key[pos] == okey if len(key) else np.zeros(0, dtype=bool)
        y_j = np.where(found, cc[pos] if len(key) else 0, 0).astype(np.float64)
        n_j = n_group[other]
    else:
        y_j = total_w[ct] - cc
        n_j = n_total - n_group[cg]
    sel = cc >= min_count
    cg, ct, cc, y_j, n_j = cg[sel], ct[sel], cc[sel], y_j[sel], n_j[sel]
    a_w = alpha_0 * total_w[ct] / n_total
    delta, z = log_odds_z(cc, y_j, n_group[cg], n_j, a_w, alpha_0)
    w = words[ct]
    return {
        "group": cg,
        "ngram": np.full(len(cg), g, dtype=np.int8),
        "w0": w[:, 0],
        "w1": w[:, -1],
        "count_group": cc,
        "count_rest": y_j.astype(np.int64),
        "log_odds": delta,
        "z": z,
    }
