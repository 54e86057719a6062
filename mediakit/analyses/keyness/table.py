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

from ...errors import CorpusError
from ...parsing.parsed import ParsedCorpus, parse_corpus
from ...parsing.tokens import TokenStream
from ..entities import entities_of
from .counts import count_terms
from .filters import excluded_terms, min_docs_per_group
from .stats import Comparison, term_statistics

__all__ = ["COLUMNS", "DEFAULT_PRIOR", "keyness", "keyness_of"]


#: Columns of :func:`keyness`, in order.
COLUMNS = [
    "group",
    "rank",
    "term",
    "ngram",
    "count_group",
    "count_rest",
    "docs_group",
    "docs_rest",
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
    min_docs: int | str = "auto",
    numbers: str = "drop",
    furniture: str = "drop",
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
    (default 1) in at least ``min_docs`` of its articles: ``group, rank, term,
    ngram, count_group, count_rest, docs_group, docs_rest, rate_group,
    rate_rest, log_odds, z``. ``docs_group`` and ``docs_rest`` are the
    articles that use the term, in the group and on the other side. The
    default ``min_docs="auto"`` is 3 articles, or half the group's articles
    (at least 1) in groups of fewer than 6, so a term from a single long
    article is not "typical" of an outlet, yet a corpus with one article per
    outlet still gives results; an integer sets the same cut-off for every
    group. ``numbers="drop"`` (default) leaves out numbers ("2019", "45",
    "$5", "2.5bn"; two-word terms holding one), and ``furniture="drop"``
    (default) the words of page furniture left in the text
    (:data:`~mediakit.analyses.keyness.filters.FURNITURE_TERMS`: "newsletter",
    "click here", "hide caption", ...); ``"keep"`` lists them. Rates are
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
        min_docs=min_docs,
        numbers=numbers,
        furniture=furniture,
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
    min_docs: int | str = "auto",
    numbers: str = "drop",
    furniture: str = "drop",
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
    sizes = np.bincount(group_of_doc, minlength=len(names))
    how = Comparison(
        len(names), compared, pair is not None, float(prior), int(min_count),
        min_docs_per_group(min_docs, sizes),
    )  # fmt: skip
    tokens_per_group, counts = count_terms(stream, group_of_doc, len(names), ngrams)
    vocab = stream.vocab_array()
    rows = []
    for g in ngrams:
        cg, ct, cc, words, docs = counts.pop(g)
        mask = excluded_terms(words, vocab, numbers=numbers, furniture=furniture)
        rows.append(term_statistics(cg, ct, cc, words, docs, g, how, mask))
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
            "docs_group": cols["docs_group"].astype(np.int64),
            "docs_rest": cols["docs_rest"].astype(np.int64),
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
