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

Tokens come from the cached parse (never a second spaCy run): lowercased word
forms, typographic apostrophes straightened, the possessive "'s" left out.
Bigrams join neighbouring words of one sentence; punctuation, a line break or
a dropped word (stop word, entity) ends a phrase, but an in-word hyphen does
not ("long-range" gives "long", "range" and "long range").

Counts are sparse ``(group, term)`` pairs built with ``numpy.unique`` on
integer keys; the statistics are computed for all pairs at once, so the cost
grows with the number of tokens, not with terms x groups.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute  # noqa: F401  (pa.compute)
from spacy.lang.en.stop_words import STOP_WORDS

from .errors import CorpusError
from .parsed import ParsedCorpus, parse_corpus

#: Columns of :func:`keyness`, in order.
COLUMNS = [
    "group", "rank", "term", "ngram", "count_group", "count_rest",
    "rate_group", "rate_rest", "log_odds", "z",
]

#: Default prior strength: the prior adds this many pseudo-tokens, spread over
#: the vocabulary like the whole corpus. About one short article's worth, so it
#: tames chance differences in a five-article corpus and barely matters in a
#: large one (where each group has far more tokens than this).
DEFAULT_PRIOR = 500.0

# Name-like entity labels: dates and numbers are words like any other here.
_NAME_LABELS = frozenset(
    ("PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE")
)
_STOP = frozenset(w.replace("’", "'").lower() for w in STOP_WORDS)
_HAS_WORD_CHAR = re.compile(r"[^\W_]")
_HYPHENS = frozenset("-‐‑")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})


# -- tokens --------------------------------------------------------------------------
@dataclass
class WordTokens:
    """Word tokens of a parsed corpus, as flat numpy arrays in text order.

    ``doc`` is the corpus row, ``sentence`` the row in
    :func:`mediakit.sentences` (global, over the whole corpus), ``term`` the
    index into ``vocab`` and ``segment`` an id that two neighbouring tokens
    share when they may form a phrase (same sentence, nothing dropped or
    punctuation between them). ``is_entity[t]`` marks entity names in
    ``vocab`` (``entities="canonical"``), ``is_stop[t]`` stop words.
    """

    doc: np.ndarray
    sentence: np.ndarray
    start: np.ndarray
    end: np.ndarray
    term: np.ndarray
    segment: np.ndarray
    vocab: np.ndarray
    is_entity: np.ndarray
    is_stop: np.ndarray
    n_docs: int
    n_sentences: int


def _flat(column: pa.ChunkedArray) -> tuple[np.ndarray, np.ndarray]:
    """Values and per-row lengths of a list<int> column."""
    arr = column.combine_chunks()
    if isinstance(arr, pa.ChunkedArray):  # pyarrow < 16 returns a ChunkedArray for 0 chunks
        arr = pa.concat_arrays(arr.chunks) if arr.num_chunks else pa.array([], pa.list_(pa.int32()))
    lengths = arr.value_lengths().fill_null(0).to_numpy(zero_copy_only=False).astype(np.int64)
    values = arr.flatten().to_numpy(zero_copy_only=False).astype(np.int64)
    return values, lengths


def _stop_set(stopwords: str | Iterable[str]) -> frozenset[str]:
    if isinstance(stopwords, str):
        if stopwords == "keep":
            return frozenset()
        if stopwords == "drop":
            return _STOP
        raise CorpusError(f"stopwords must be 'keep', 'drop' or a list of words; got {stopwords!r}.")
    return frozenset(str(w).translate(_APOSTROPHES).lower() for w in stopwords)


def word_tokens_of(
    pc: ParsedCorpus,
    *,
    stopwords: str | Iterable[str] = "keep",
    entities: str = "keep",
    aliases: Any = None,
) -> WordTokens:
    """The word tokens every term count starts from (see the module docstring).

    ``stopwords="drop"`` removes spaCy's English stop words (or pass your own
    list); ``entities="drop"`` removes names found by
    :func:`mediakit.entities`, ``entities="canonical"`` turns each name into
    one token spelled as its canonical name ("Zelensky" and "Zelenskyy" both
    become "Volodymyr Zelenskyy"). A dropped word ends a phrase.

    >>> toks = word_tokens_of(parse_corpus(cache_dir=False))
    >>> str(toks.vocab[toks.term[0]])
    'president'
    """
    if entities not in ("keep", "drop", "canonical"):
        raise CorpusError(f"entities must be 'keep', 'drop' or 'canonical'; got {entities!r}.")
    stop = _stop_set(stopwords)
    cols = pc.columns("tok_start", "tok_end", "sent_start", "sent_end")
    starts, lengths = _flat(cols["tok_start"])
    ends, _ = _flat(cols["tok_end"])
    s_starts, s_lengths = _flat(cols["sent_start"])
    s_ends, _ = _flat(cols["sent_end"])
    texts = pc.texts
    n_docs = len(texts)
    doc = np.repeat(np.arange(n_docs, dtype=np.int64), lengths)
    # Global character positions (text i starts at base[i]) let one
    # searchsorted place every token in its sentence, line and entity.
    base = np.zeros(n_docs + 1, dtype=np.int64)
    base[1:] = np.cumsum([len(t) + 1 for t in texts])
    gstart = base[doc] + starts
    gend = base[doc] + ends
    s_doc = np.repeat(np.arange(n_docs, dtype=np.int64), s_lengths)
    gs_start = base[s_doc] + s_starts
    gs_end = base[s_doc] + s_ends
    sentence = np.searchsorted(gs_start, gstart, side="right") - 1
    sentence = np.where((sentence >= 0) & (gstart < gs_end[np.maximum(sentence, 0)]), sentence, -1)

    # Strings: cut by arrow straight from one UTF-8 buffer, then everything
    # else is done once per distinct form, not once per token.
    raw_codes, raw_uniques, line_no = _token_forms(texts, lengths, starts, ends)
    forms = [u.translate(_APOSTROPHES).lower() for u in raw_uniques]
    norm_codes, norm_vocab = pd.factorize(pd.Series(forms, dtype=object), sort=False)
    term = norm_codes[raw_codes].astype(np.int64)
    norm_vocab = np.asarray(norm_vocab, dtype=object)
    is_word_v = np.array([bool(_HAS_WORD_CHAR.search(f)) for f in norm_vocab], dtype=bool)
    is_poss_v = _in_set(norm_vocab, {"'s"})
    is_hyph_v = _in_set(norm_vocab, _HYPHENS)
    is_stop_v = _in_set(norm_vocab, stop)

    n = len(term)
    prev_same_doc = np.zeros(n, dtype=bool)
    prev_same_doc[1:] = doc[1:] == doc[:-1]
    # An in-word hyphen touches both neighbours ("long-range"); it joins, never breaks.
    touching = np.zeros(n, dtype=bool)
    if n > 2:
        touching[1:-1] = (
            (gstart[1:-1] == gend[:-2]) & (gend[1:-1] == gstart[2:])
            & (doc[1:-1] == doc[:-2]) & (doc[1:-1] == doc[2:])
        )
    silent = is_poss_v[term] | (is_hyph_v[term] & touching)  # removed, phrase goes on
    breaker = ~is_word_v[term] & ~silent                      # punctuation ends a phrase
    breaker |= is_stop_v[term] & is_word_v[term]
    breaker |= sentence < 0

    is_entity_v = np.zeros(len(norm_vocab), dtype=bool)
    vocab = norm_vocab
    if entities != "keep":
        in_ent, first, canon, name_end = _entity_spans(pc, base, gstart, aliases)
        if entities == "drop":
            breaker |= in_ent
        else:
            # The first token of a name carries the canonical name; the rest go silently.
            silent |= in_ent & ~first
            breaker &= ~first
            silent &= ~first
            c_codes, c_vocab = pd.factorize(pd.Series(canon[first], dtype=object), sort=False)
            term = term.copy()
            term[first] = len(norm_vocab) + c_codes
            vocab = np.concatenate([norm_vocab, np.asarray(c_vocab, dtype=object)])
            is_entity_v = np.concatenate([is_entity_v, np.ones(len(c_vocab), dtype=bool)])
            ends = ends.copy()
            ends[first] = name_end[first] - base[doc[first]]

    # A line break between neighbours ends a phrase (headings often stay in one "sentence").
    new_segment = np.ones(n, dtype=bool)
    if n > 1:
        new_segment[1:] = (
            ~prev_same_doc[1:] | (sentence[1:] != sentence[:-1]) | (line_no[1:] != line_no[:-1])
        )
    new_segment |= breaker
    segment = np.cumsum(new_segment)
    keep = ~breaker & ~silent
    return WordTokens(
        doc=doc[keep], sentence=sentence[keep], start=starts[keep], end=ends[keep],
        term=term[keep], segment=segment[keep], vocab=vocab, is_entity=is_entity_v,
        is_stop=_in_set(vocab, _STOP) & ~is_entity_v,
        n_docs=n_docs, n_sentences=len(gs_start),
    )


def _in_set(values: np.ndarray, words: frozenset[str] | set[str]) -> np.ndarray:
    return np.fromiter((v in words for v in values), dtype=bool, count=len(values))


def _token_forms(
    texts: list[str], lengths: np.ndarray, starts: np.ndarray, ends: np.ndarray
) -> tuple[np.ndarray, list[str], np.ndarray]:
    """Distinct token strings, each token's code among them, and each token's line number.

    Parse offsets count characters; the texts are joined into one UTF-8
    buffer and the offsets turned into byte offsets, so that one arrow array
    (token i = piece 2i+1 of the buffer cut at every token start and end)
    holds every token without a Python string per token.
    """
    bounds = np.concatenate([[0], np.cumsum(lengths)])
    b_start = starts.copy()
    b_end = ends.copy()
    chunks: list[bytes] = []
    base = 0
    for d, text in enumerate(texts):
        data = text.encode("utf-8", "surrogatepass")
        lo, hi = bounds[d], bounds[d + 1]
        if len(data) != len(text):  # non-ASCII: map character offsets to byte offsets
            cp = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
            width = 1 + (cp >= 0x80).astype(np.int64) + (cp >= 0x800) + (cp >= 0x10000)
            cum = np.concatenate([[0], np.cumsum(width)])
            b_start[lo:hi] = cum[starts[lo:hi]]
            b_end[lo:hi] = cum[ends[lo:hi]]
        b_start[lo:hi] += base
        b_end[lo:hi] += base
        chunks.append(data)
        base += len(data)
    buf = b"".join(chunks)
    del chunks
    n = len(starts)
    offsets = np.empty(2 * n + 2, dtype=np.int64)
    offsets[0], offsets[-1] = 0, len(buf)
    offsets[1:-1:2] = b_start
    offsets[2:-1:2] = b_end
    pieces = pa.LargeStringArray.from_buffers(2 * n + 1, pa.py_buffer(offsets), pa.py_buffer(buf))
    pieces.validate(full=True)  # offsets out of order would fail here, not later
    tokens = pieces.take(pa.array(np.arange(1, 2 * n, 2, dtype=np.int64))).dictionary_encode()
    codes = tokens.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    lines = np.searchsorted(np.flatnonzero(np.frombuffer(buf, dtype=np.uint8) == 10), b_start)
    return codes, tokens.dictionary.to_pylist(), lines


def _mentions(pc: ParsedCorpus, base: np.ndarray, aliases: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Global start, end and canonical name of every name mention, non-overlapping, sorted."""
    from .named_entities import entities_of

    ents = entities_of(pc, aliases=aliases)
    ents = ents[ents["label"].isin(list(_NAME_LABELS))]
    row = pd.Index(pc.corpus["doc_id"].astype(str)).get_indexer(ents["doc_id"].astype(str))
    g0 = base[row] + ents["start_char"].to_numpy(dtype=np.int64)
    g1 = base[row] + ents["end_char"].to_numpy(dtype=np.int64)
    canon = ents["canonical"].astype(str).to_numpy(dtype=object)
    order = np.lexsort((g1, g0))
    g0, g1, canon = g0[order], g1[order], canon[order]
    if len(g0):
        # Overlapping mentions: the earlier one wins.
        prev_end = np.concatenate([[-1], np.maximum.accumulate(g1)[:-1]])
        ok = g0 >= prev_end
        g0, g1, canon = g0[ok], g1[ok], canon[ok]
    return g0, g1, canon


def _entity_spans(pc: ParsedCorpus, base: np.ndarray, gstart: np.ndarray, aliases: Any):
    """Per token: inside a name? its first token? the name's canonical form and global end."""
    g0, g1, canon = _mentions(pc, base, aliases)
    n = len(gstart)
    if not len(g0):
        return np.zeros(n, dtype=bool), np.zeros(n, dtype=bool), np.full(n, "", dtype=object), np.zeros(n, np.int64)
    idx = np.searchsorted(g0, gstart, side="right") - 1
    safe = np.maximum(idx, 0)
    inside = (idx >= 0) & (gstart < g1[safe])
    first = inside.copy()
    first[1:] &= ~(inside[:-1] & (idx[1:] == idx[:-1]))
    return inside, first, canon[safe], g1[safe]


# -- counts and statistics -------------------------------------------------------------
def _ngram_ids(toks: WordTokens, ngram: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per occurrence: doc and term id; plus, per id, its word ids (one column per word)."""
    if ngram == 1:
        ids = np.arange(len(toks.vocab), dtype=np.int64)
        return toks.doc, toks.term, ids[:, None]
    ok = toks.segment[1:] == toks.segment[:-1]
    v = np.int64(len(toks.vocab))
    key = toks.term[:-1][ok] * v + toks.term[1:][ok]
    uniq, inv = np.unique(key, return_inverse=True)
    words = np.stack([uniq // v, uniq % v], axis=1)
    return toks.doc[:-1][ok], inv.astype(np.int64), words


def _sparse_counts(group: np.ndarray, term: np.ndarray, n_terms: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(group, term, count) triples for the pairs that occur: a COO count matrix."""
    key = group.astype(np.int64) * np.int64(n_terms) + term
    uniq, counts = np.unique(key, return_counts=True)
    return uniq // n_terms, uniq % n_terms, counts.astype(np.int64)


def log_odds_z(
    y_i: np.ndarray, y_j: np.ndarray, n_i: np.ndarray, n_j: np.ndarray, a_w: np.ndarray, alpha_0: float
) -> tuple[np.ndarray, np.ndarray]:
    """Monroe et al.'s prior-smoothed log-odds ratio ``delta`` and its z-score, element-wise.

    >>> d, z = log_odds_z(np.array([3.0]), np.array([1.0]), np.array([10.0]), np.array([10.0]),
    ...                   np.array([2.0]), 10.0)
    >>> round(float(d[0]), 3), round(float(z[0]), 3)
    (0.847, 0.899)
    """
    y_i = np.asarray(y_i, dtype=np.float64)
    y_j = np.asarray(y_j, dtype=np.float64)
    delta = np.log((y_i + a_w) / (n_i + alpha_0 - y_i - a_w)) - np.log((y_j + a_w) / (n_j + alpha_0 - y_j - a_w))
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
    Quinn 2008; formula in :mod:`mediakit.distinctive`): ``log_odds`` > 0 means
    the group uses the term more than the rest, ``z`` says how sure that is
    (|z| > 1.96 is the usual 5 % level, though with many terms some pass by
    chance). ``prior`` is alpha_0, the prior's total pseudo-count (larger =
    more caution about rare terms).

    One row per (group, term) the group uses at least ``min_count`` times:
    ``group, rank, term, ngram, count_group, count_rest, rate_group, rate_rest
    (per 1,000 tokens of that side), log_odds, z``; ``rank`` 1 is the most
    distinctive term (highest z) of its group. Terms a group never uses are
    not listed for it (in pair mode they appear under the other group).
    ``top`` keeps each group's first ``top`` rows.

    ``stopwords``: ``"keep"`` (default: function words can be telling, e.g.
    "amid" vs "amidst") or ``"drop"`` (spaCy's English list, or pass a list).
    ``entities``: ``"keep"`` names as words, ``"drop"`` them, or
    ``"canonical"``: one token per mention, spelled as its canonical name
    (see :func:`mediakit.entities`; ``aliases`` as there).

    >>> k = keyness(cache_dir=False)
    >>> k.loc[k.group == "Outlet D", "term"].head(20).isin(["amidst", "defences"]).any()
    True
    """
    pc = parse_corpus(corpus, **parse_options)
    return keyness_of(
        pc, by, pair=pair, ngrams=ngrams, stopwords=stopwords, entities=entities, prior=prior,
        min_count=min_count, top=top, aliases=aliases,
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
) -> pd.DataFrame:
    """:func:`keyness` for an already parsed corpus."""
    ngrams = sorted({int(g) for g in ngrams})
    if not ngrams or any(g not in (1, 2) for g in ngrams):
        raise CorpusError(f"ngrams must be a subset of (1, 2); got {ngrams}.")
    if not prior > 0:
        raise CorpusError(f"prior (alpha_0) must be a positive number; got {prior!r}.")
    corpus = pc.corpus
    if by not in corpus.columns:
        raise CorpusError(f"by={by!r} is not a corpus column; choose one of {list(corpus.columns)}.")
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
            raise CorpusError(f"keyness compares groups, but column {by!r} has only {names}; use by= or more articles.")
        compared = np.arange(len(names))

    toks = word_tokens_of(pc, stopwords=stopwords, entities=entities, aliases=aliases)
    n_groups = len(names)
    tokens_per_group = np.bincount(group_of_doc[toks.doc], minlength=n_groups).astype(np.float64)
    # Ties in z are broken alphabetically: the rank of each word in sorted order.
    alpha = np.empty(len(toks.vocab), dtype=np.int64)
    alpha[np.argsort(toks.vocab.astype(str), kind="stable")] = np.arange(len(toks.vocab))
    parts = [
        _one_order(toks, g, group_of_doc, n_groups, compared, pair is not None,
                   tokens_per_group, float(prior), int(min_count), alpha)
        for g in ngrams
    ]
    cols = {k: np.concatenate([p[k] for p in parts]) for k in parts[0]}
    # Everything is sorted and cut as numbers; strings are made for the rows kept.
    order = np.lexsort((cols["alpha_key"], cols["ngram"], -cols["count_group"], -cols["z"], cols["group"]))
    cols = {k: v[order] for k, v in cols.items()}
    grp = cols["group"]
    rank = np.arange(len(grp)) - np.searchsorted(grp, grp, side="left") + 1
    keep = rank <= int(top) if top is not None else np.ones(len(grp), dtype=bool)
    cols = {k: v[keep] for k, v in cols.items()}
    vocab = pa.array(toks.vocab.tolist(), type=pa.string())
    terms = []
    for g in ngrams:
        sel = cols["ngram"] == g
        w = cols["words"][sel]
        t = pa.compute.take(vocab, pa.array(w[:, 0]))
        if g == 2:
            t = pa.compute.binary_join_element_wise(t, pa.compute.take(vocab, pa.array(w[:, 1])), " ")
        terms.append((np.flatnonzero(sel), t))
    term = pa.chunked_array([t for _, t in terms], type=pa.string()).combine_chunks()
    term = term.take(pa.array(np.argsort(np.concatenate([i for i, _ in terms]), kind="stable")))
    out = pd.DataFrame({
        "group": pd.Series(np.asarray(names, dtype=object)[cols["group"]], dtype="str"),
        "rank": rank[keep].astype(np.int64),
        "term": pd.Series(term, dtype="str"),
        "ngram": cols["ngram"].astype(np.int64),
        "count_group": cols["count_group"].astype(np.int64),
        "count_rest": cols["count_rest"].astype(np.int64),
        "rate_group": cols["rate_group"],
        "rate_rest": cols["rate_rest"],
        "log_odds": cols["log_odds"],
        "z": cols["z"],
    }, columns=COLUMNS)
    out.attrs.update({"by": by, "pair": tuple(pair) if pair else None, "prior": float(prior)})
    return out


def _one_order(toks, g, group_of_doc, n_groups, compared, is_pair, tokens_per_group, alpha_0, min_count, alpha):
    """Statistics for every (group, n-gram) pair that occurs, as numpy columns."""
    doc, ids, words = _ngram_ids(toks, g)
    n_terms = len(words)
    grp = group_of_doc[doc]
    cg, ct, cc = _sparse_counts(grp, ids, n_terms)
    total_w = np.bincount(ids, minlength=n_terms).astype(np.float64)  # whole corpus: the prior
    n_total = max(total_w.sum(), 1.0)
    n_group = np.bincount(grp, minlength=n_groups).astype(np.float64)
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
        tok_rest = tokens_per_group[other]
    else:
        y_j = total_w[ct] - cc
        n_j = n_total - n_group[cg]
        tok_rest = tokens_per_group.sum() - tokens_per_group[cg]
    y_i = cc.astype(np.float64)
    a_w = alpha_0 * total_w[ct] / n_total
    delta, z = log_odds_z(y_i, y_j, n_group[cg], n_j, a_w, alpha_0)
    tok_group = tokens_per_group[cg]
    with np.errstate(divide="ignore", invalid="ignore"):
        rate_g = np.where(tok_group > 0, y_i / tok_group * 1000, np.nan)
        rate_r = np.where(tok_rest > 0, y_j / tok_rest * 1000, np.nan)
    sel = cc >= min_count
    w = words[ct[sel]]
    alpha_key = alpha[w[:, 0]] * np.int64(len(alpha)) + (alpha[w[:, 1]] if g == 2 else 0)
    return {
        "group": cg[sel], "ngram": np.full(int(sel.sum()), g, dtype=np.int64),
        "words": np.column_stack([w[:, 0], w[:, 1] if g == 2 else w[:, 0]]),
        "alpha_key": alpha_key, "count_group": cc[sel], "count_rest": y_j[sel],
        "rate_group": rate_g[sel], "rate_rest": rate_r[sel], "log_odds": delta[sel], "z": z[sel],
    }
