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

Counts are sparse ``(group, term)`` pairs on integer keys, counted
``CHUNK_DOCS`` articles at a time and summed; the statistics are computed
for all pairs at once with numpy. Time and memory grow with the number of
tokens and of (group, term) pairs that occur, never with terms x groups.
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
from spacy.lang.en.stop_words import STOP_WORDS as _SPACY_STOP_WORDS

from .errors import CorpusError
from .parsed import ParsedCorpus, parse_corpus

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

# Name-like entity labels: dates and numbers are words like any other here.
_NAME_LABELS = frozenset(
    (
        "PERSON",
        "NORP",
        "FAC",
        "ORG",
        "GPE",
        "LOC",
        "PRODUCT",
        "EVENT",
        "WORK_OF_ART",
        "LAW",
        "LANGUAGE",
    )
)
#: spaCy's English stop words, apostrophes straightened: what ``stopwords="drop"`` drops.
STOP_WORDS = frozenset(w.replace("’", "'").lower() for w in _SPACY_STOP_WORDS)
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
            return STOP_WORDS
        raise CorpusError(
            f"stopwords must be 'keep', 'drop' or a list of words; got {stopwords!r}."
        )
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
    stream = TokenStream(pc, stopwords=stopwords, entities=entities, aliases=aliases)
    parts = list(stream)
    fields = ("doc", "sentence", "start", "end", "term", "segment")
    cat = {
        f: np.concatenate([p[f] for p in parts]) if parts else np.zeros(0, np.int64) for f in fields
    }
    vocab = stream.vocab_array()
    is_entity = np.zeros(len(vocab), dtype=bool)
    is_entity[list(stream.entity_ids)] = True
    return WordTokens(
        **cat,
        vocab=vocab,
        is_entity=is_entity,
        is_stop=_in_set(vocab, STOP_WORDS) & ~is_entity,
        n_docs=len(pc.corpus),
        n_sentences=stream.n_sentences,
    )


#: Articles tokenised at a time: memory stays flat however large the corpus.
CHUNK_DOCS = 250


class TokenStream:
    """Word tokens of a parsed corpus, ``CHUNK_DOCS`` articles at a time.

    Iterating yields dicts of numpy arrays (``doc, sentence, start, end,
    term, segment``) for consecutive slices of articles; ``term`` ids index
    one vocabulary shared by all chunks (``vocab_array()`` once done).
    """

    def __init__(
        self,
        pc: ParsedCorpus,
        *,
        stopwords: Any,
        entities: str,
        aliases: Any,
        chunk_docs: int = CHUNK_DOCS,
    ) -> None:
        if entities not in ("keep", "drop", "canonical"):
            raise CorpusError(f"entities must be 'keep', 'drop' or 'canonical'; got {entities!r}.")
        self.pc = pc
        self.stop = _stop_set(stopwords)
        self.entities = entities
        self.chunk_docs = max(1, int(chunk_docs))
        self.vocab: dict[str, int] = {}
        self.entity_ids: set[int] = set()
        texts = pc.texts
        # Global character positions (text i starts at base[i]) let one
        # searchsorted place every token in its sentence and entity.
        self.base = np.zeros(len(texts) + 1, dtype=np.int64)
        self.base[1:] = np.cumsum([len(t) + 1 for t in texts])
        cols = pc.columns("sent_start", "sent_end")
        s_starts, s_lengths = _flat(cols["sent_start"])
        s_ends, _ = _flat(cols["sent_end"])
        s_doc = np.repeat(np.arange(len(texts), dtype=np.int64), s_lengths)
        self.gs_start = self.base[s_doc] + s_starts
        self.gs_end = self.base[s_doc] + s_ends
        self.n_sentences = len(s_starts)
        self.mentions = _mentions(pc, self.base, aliases) if entities != "keep" else None

    def vocab_array(self) -> np.ndarray:
        return np.array(list(self.vocab), dtype=object) if self.vocab else np.zeros(0, dtype=object)

    def _ids(self, forms: Iterable[str]) -> np.ndarray:
        vocab = self.vocab
        return np.fromiter((vocab.setdefault(f, len(vocab)) for f in forms), dtype=np.int64)

    def __iter__(self):
        n_docs = len(self.pc.corpus)
        texts = self.pc.texts
        cols = self.pc.columns("tok_start", "tok_end")
        segment_base = 0
        for lo in range(0, n_docs, self.chunk_docs):
            hi = min(n_docs, lo + self.chunk_docs)
            part = self._chunk(
                texts[lo:hi],
                lo,
                cols["tok_start"].slice(lo, hi - lo),
                cols["tok_end"].slice(lo, hi - lo),
            )
            part["segment"] += segment_base
            segment_base = int(part["segment"].max()) + 1 if len(part["segment"]) else segment_base
            yield part

    def _chunk(self, texts: list[str], lo: int, tok_start, tok_end) -> dict[str, np.ndarray]:
        starts, lengths = _flat(tok_start)
        ends, _ = _flat(tok_end)
        doc = np.repeat(np.arange(lo, lo + len(texts), dtype=np.int64), lengths)
        gstart = self.base[doc] + starts
        gend = self.base[doc] + ends
        sentence = np.searchsorted(self.gs_start, gstart, side="right") - 1
        inside = (sentence >= 0) & (gstart < self.gs_end[np.maximum(sentence, 0)])
        sentence = np.where(inside, sentence, -1)

        # Strings: cut by arrow straight from one UTF-8 buffer; everything
        # else is done once per distinct form, not once per token.
        raw_codes, raw_uniques, line_no = _token_forms(texts, lengths, starts, ends)
        forms = [u.translate(_APOSTROPHES).lower() for u in raw_uniques]
        term = self._ids(forms)[raw_codes]
        is_word = np.array([bool(_HAS_WORD_CHAR.search(f)) for f in forms], dtype=bool)[raw_codes]
        is_poss = _in_set(forms, {"'s"})[raw_codes]
        is_hyph = _in_set(forms, _HYPHENS)[raw_codes]
        is_stop = _in_set(forms, self.stop)[raw_codes]

        n = len(term)
        same_doc = np.zeros(n, dtype=bool)
        same_doc[1:] = doc[1:] == doc[:-1]
        # An in-word hyphen touches both neighbours ("long-range"): it joins, never breaks.
        touching = np.zeros(n, dtype=bool)
        if n > 2:
            touching[1:-1] = (
                (gstart[1:-1] == gend[:-2])
                & (gend[1:-1] == gstart[2:])
                & same_doc[1:-1]
                & same_doc[2:]
            )
        silent = is_poss | (is_hyph & touching)  # left out, the phrase goes on
        breaker = (~is_word & ~silent) | (is_stop & is_word) | (sentence < 0)  # ends a phrase

        if self.mentions is not None:
            in_ent, first, canon, name_end = _entity_spans(self.mentions, gstart)
            if self.entities == "drop":
                breaker |= in_ent
            else:
                # The first token of a name carries the canonical name; the rest go silently.
                silent = (silent | in_ent) & ~first
                breaker &= ~first
                ids = self._ids(canon[first])
                self.entity_ids.update(ids.tolist())
                term[first] = ids
                ends = ends.copy()
                ends[first] = name_end[first] - self.base[doc[first]]

        # A line break between neighbours ends a phrase too (headings often
        # stay in one parser "sentence").
        new_segment = np.ones(n, dtype=bool)
        if n > 1:
            new_segment[1:] = (
                ~same_doc[1:] | (sentence[1:] != sentence[:-1]) | (line_no[1:] != line_no[:-1])
            )
        segment = np.cumsum(new_segment | breaker)
        keep = ~breaker & ~silent
        return {
            "doc": doc[keep],
            "sentence": sentence[keep],
            "start": starts[keep],
            "end": ends[keep],
            "term": term[keep],
            "segment": segment[keep],
        }


def _in_set(values: Iterable[str], words: frozenset[str] | set[str]) -> np.ndarray:
    return np.fromiter((v in words for v in values), dtype=bool)


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


def _mentions(
    pc: ParsedCorpus, base: np.ndarray, aliases: Any
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
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


def _entity_spans(mentions: tuple[np.ndarray, np.ndarray, np.ndarray], gstart: np.ndarray):
    """Per token: inside a name? its first token? the name's canonical form and global end."""
    g0, g1, canon = mentions
    n = len(gstart)
    if not len(g0):
        return (
            np.zeros(n, bool),
            np.zeros(n, bool),
            np.full(n, "", dtype=object),
            np.zeros(n, np.int64),
        )
    idx = np.searchsorted(g0, gstart, side="right") - 1
    safe = np.maximum(idx, 0)
    inside = (idx >= 0) & (gstart < g1[safe])
    first = inside.copy()
    first[1:] &= ~(inside[:-1] & (idx[1:] == idx[:-1]))
    return inside, first, canon[safe], g1[safe]


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
    Quinn 2008; formula in :mod:`mediakit.distinctive`): ``log_odds`` > 0 means
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
) -> pd.DataFrame:
    """:func:`keyness` for an already parsed corpus."""
    ngrams = sorted({int(g) for g in ngrams})
    if not ngrams or any(g not in (1, 2) for g in ngrams):
        raise CorpusError(f"ngrams must be a subset of (1, 2); got {ngrams}.")
    if not prior > 0:
        raise CorpusError(f"prior (alpha_0) must be a positive number; got {prior!r}.")
    corpus = pc.corpus
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

    stream = TokenStream(pc, stopwords=stopwords, entities=entities, aliases=aliases)
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
    if pair is not None:
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
    out.attrs.update({"by": by, "pair": tuple(pair) if pair else None, "prior": float(prior)})
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
