"""``overlap``: which sentences outlets share (wire copy, reused passages) and which only one has.

Method: each sentence is a TF-IDF vector over its content words (or over
word n-grams, ``shingle=n``), and two sentences of different articles are
"shared" when their cosine similarity reaches ``threshold``.

Why this and not MinHash or exact shingles: news outlets rarely copy a wire
sentence letter for letter; they trim it, swap "estimate" for "suggest", or
wrap a quote in their own attribution ("Strikes are not made with words," he
remarked in his nightly address). Word 3-gram shingles (the unit MinHash and
rare-shingle indexes work on) share only a few pieces between such versions
(Jaccard ~0.1-0.3), while the rare content words they keep ("12,000",
"intelligence", "nightly") dominate a TF-IDF vector. Cosine is also exact
where MinHash only estimates, and needs no tuning of bands and rows.

Why it is not quadratic: all-pairs similarity search with prefix filtering
(Bayardo, Ma & Srikant 2007, "Scaling up all pairs similarity search"). Order
the vocabulary from rarest to commonest; for each unit-length sentence vector
keep only its rarest words up to the point where the remaining words have norm
below ``threshold``. Two sentences with cosine >= threshold must share a word
in both of those prefixes (if their first shared word lay beyond a prefix, the
cosine would be at most that suffix's norm < threshold), so candidates come
from an inverted index over prefix words only. The common words ("said",
"Trump") are left out of the index, the posting lists stay short, and the
candidate pairs are then scored exactly. No pair above the threshold is
missed.

IDF is computed over the sentences of the corpus being compared, so
"12,000" is rare in a corpus about many stories and common in one about a
single troop deployment: similarity depends on the corpus, as it should.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .distinctive import word_tokens_of
from .errors import CorpusError
from .metrics import sentences_of
from .parsed import ParsedCorpus, parse_corpus

#: Default cosine threshold for "the same sentence": catches a trimmed or
#: lightly reworded wire sentence, not two sentences that merely share a topic.
DEFAULT_THRESHOLD = 0.45

SIMILARITY_COLUMNS = ["doc_id_a", "doc_id_b", "outlet_a", "outlet_b", "similarity", "shared_sentences"]
SHARED_COLUMNS = [
    "doc_id_a", "outlet_a", "sentence_a", "text_a",
    "doc_id_b", "outlet_b", "sentence_b", "text_b", "similarity",
]
UNIQUE_COLUMNS = ["doc_id", "outlet", "sentence", "start_char", "end_char", "text"]
UNIQUE_SHARE_COLUMNS = ["doc_id", "outlet", "sentences", "unique_sentences", "unique_share"]

# Candidate pairs are made and scored in slices of about this many, so memory
# stays bounded on corpora with many near-identical sentences (boilerplate).
_BATCH = 2_000_000


@dataclass
class Overlap:
    """The result of :func:`overlap`: four tidy tables.

    - ``similarity``: one row per pair of articles (``doc_id_a`` before
      ``doc_id_b`` in corpus order): ``similarity`` is the share of the two
      articles' sentences that have a near-duplicate in the other (0-1),
      ``shared_sentences`` the number of sentence pairs. Small corpora list
      every pair, large ones only pairs that share something.
    - ``shared``: one row per pair of near-duplicate sentences in different
      articles (same-outlet pairs included: republished copy is reuse too).
    - ``unique``: the sentences no other outlet has: what only this outlet reports.
    - ``unique_share``: per article, how many of its sentences are unique.

    >>> ov = Overlap(pd.DataFrame(), pd.DataFrame(), pd.DataFrame(), pd.DataFrame(), 0.5, 1)
    >>> ov.threshold
    0.5
    """

    similarity: pd.DataFrame
    shared: pd.DataFrame
    unique: pd.DataFrame
    unique_share: pd.DataFrame
    threshold: float
    shingle: int
    min_words: int = field(default=4)

    def __repr__(self) -> str:
        return (
            f"Overlap(threshold={self.threshold}, shingle={self.shingle}, min_words={self.min_words}: "
            f"{len(self.similarity)} article pairs, {len(self.shared)} shared sentence pairs, "
            f"{len(self.unique)} unique sentences in {len(self.unique_share)} articles)"
        )


def overlap(
    corpus: Any = None,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    shingle: int = 1,
    min_words: int = 4,
    min_shared: int = 3,
    same_outlet: bool = False,
    all_pairs: bool | None = None,
    **parse_options: Any,
) -> Overlap:
    """Align sentences across articles: shared passages, article similarity, unique sentences.

    Two sentences of different outlets count as the same when the cosine
    similarity of their TF-IDF vectors is at least ``threshold`` and they
    share at least ``min_shared`` content words (see :mod:`mediakit.reuse`
    for the method). ``shingle=1`` compares content words (stop words left
    out), so reworded copies match; ``shingle=3`` compares overlapping
    three-word sequences, so only copied wording matches (use a lower
    threshold, about 0.3, with it).

    Sentences with fewer than ``min_words`` words or fewer than
    ``min_shared`` content words ("Why now?", "He said so.") are too short to
    judge and are left out of every table. A sentence is unique when no
    article of another outlet has a near-duplicate. ``same_outlet=True`` also
    lists pairs between articles of one outlet in ``shared`` and
    ``similarity`` (mostly boilerplate such as "Click here for reprint
    permission"); uniqueness never counts them.

    ``all_pairs`` lists every article pair in ``similarity`` (default: only
    for corpora up to 100 articles). Returns an :class:`Overlap` whose
    attributes ``similarity``, ``shared``, ``unique`` and ``unique_share``
    are DataFrames.

    >>> ov = overlap(cache_dir=False)
    >>> ov.shared["text_a"].str.contains("Strikes are not made with words").any()
    True
    """
    return overlap_of(
        parse_corpus(corpus, **parse_options), threshold=threshold, shingle=shingle,
        min_words=min_words, min_shared=min_shared, same_outlet=same_outlet, all_pairs=all_pairs,
    )


def overlap_of(
    pc: ParsedCorpus,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    shingle: int = 1,
    min_words: int = 4,
    min_shared: int = 3,
    same_outlet: bool = False,
    all_pairs: bool | None = None,
) -> Overlap:
    """:func:`overlap` for an already parsed corpus."""
    if not 0 < threshold <= 1:
        raise CorpusError(f"threshold is a cosine similarity in (0, 1]; got {threshold!r}.")
    if int(shingle) != shingle or shingle < 1:
        raise CorpusError(f"shingle is a number of words (1, 2, 3, ...); got {shingle!r}.")
    if int(min_shared) != min_shared or min_shared < 1:
        raise CorpusError(f"min_shared is a number of words (1, 2, 3, ...); got {min_shared!r}.")
    sents = sentences_of(pc)
    n_sents = len(sents)
    doc_ids = pc.corpus["doc_id"].astype(str).to_numpy(dtype=object)
    outlets = pc.corpus["outlet"].astype(str).to_numpy(dtype=object)
    sent_doc = pd.Index(doc_ids).get_indexer(sents["doc_id"].astype(str))
    sent_outlet = pd.factorize(outlets)[0][sent_doc]
    long_enough = sents["words"].to_numpy() >= min_words
    s_id, feat = sentence_features(pc, int(shingle), long_enough)
    eligible = long_enough & (np.bincount(s_id, minlength=n_sents) >= min_shared)
    keep = eligible[s_id]
    s_id, feat = s_id[keep], feat[keep]
    # Pairs within one article never count; within one outlet only if asked.
    group = sent_doc if same_outlet else sent_outlet
    a, b, sim = similar_pairs(s_id, feat, group, n_sents, float(threshold), int(min_shared))

    shared = _shared_table(sents, a, b, sim)
    cross = sent_outlet[a] != sent_outlet[b]
    has_twin = np.zeros(n_sents, dtype=bool)
    has_twin[a[cross]] = True
    has_twin[b[cross]] = True
    is_unique = eligible & ~has_twin
    unique = sents.loc[is_unique, UNIQUE_COLUMNS].reset_index(drop=True)

    n_docs = len(doc_ids)
    n_eligible = np.bincount(sent_doc[eligible], minlength=n_docs)
    n_unique = np.bincount(sent_doc[is_unique], minlength=n_docs)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(n_eligible > 0, n_unique / np.maximum(n_eligible, 1), np.nan)
    unique_share = pd.DataFrame({
        "doc_id": pd.Series(doc_ids, dtype="str"),
        "outlet": pd.Series(outlets, dtype="str"),
        "sentences": n_eligible.astype(np.int64),
        "unique_sentences": n_unique.astype(np.int64),
        "unique_share": share.astype(np.float64),
    }, columns=UNIQUE_SHARE_COLUMNS)

    if all_pairs is None:
        all_pairs = n_docs <= 100
    similarity = _similarity_table(sent_doc, a, b, n_eligible, doc_ids, outlets, bool(all_pairs))
    return Overlap(similarity, shared, unique, unique_share, float(threshold), int(shingle), int(min_words))


# -- features ---------------------------------------------------------------------------
def sentence_features(pc: ParsedCorpus, shingle: int, eligible: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct (sentence, feature) pairs of the eligible sentences, sorted by sentence.

    ``shingle=1``: content words (lowercased word forms minus stop words);
    ``shingle=n``: every run of ``n`` consecutive words of the sentence,
    stop words included, punctuation skipped.

    >>> from mediakit.metrics import sentences_of
    >>> pc = parse_corpus(cache_dir=False)
    >>> s, f = sentence_features(pc, 1, np.ones(len(sentences_of(pc)), dtype=bool))
    >>> bool((np.diff(s) >= 0).all())
    True
    """
    toks = word_tokens_of(pc)
    sent = toks.sentence
    ok = (sent >= 0)
    ok[ok] &= eligible[sent[ok]]
    if shingle == 1:
        ok &= ~toks.is_stop[toks.term]
        sent, feat = sent[ok], toks.term[ok]
    else:
        # Ids of n-grams built one word at a time: (id of first n-1 words, next word) -> id.
        ids = toks.term.astype(np.int64)
        v = np.int64(len(toks.vocab))
        valid = ok.copy()
        for k in range(1, shingle):
            nxt = np.full(len(ids), -1, dtype=np.int64)
            nxt[:-k] = toks.term[k:]
            same = np.zeros(len(ids), dtype=bool)
            same[:-k] = sent[k:] == sent[:-k]
            valid &= same
            key = np.where(valid, ids * v + nxt, -1)
            _, ids = np.unique(key, return_inverse=True)
            ids = ids.astype(np.int64)
        sent, feat = sent[valid], ids[valid]
    if not len(sent):
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    n_feat = np.int64(feat.max() + 1)
    key = np.unique(sent.astype(np.int64) * n_feat + feat)
    return key // n_feat, key % n_feat


# -- all pairs above a threshold ----------------------------------------------------------
def similar_pairs(
    sent: np.ndarray,
    feat: np.ndarray,
    sent_group: np.ndarray,
    n_sentences: int,
    threshold: float,
    min_shared: int = 1,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sentence pairs ``a < b`` of different groups with TF-IDF cosine >= ``threshold``.

    ``sent``/``feat`` are distinct (sentence, feature) pairs (binary term
    frequency), sorted by sentence; ``sent_group[s]`` is the article (or
    outlet) of sentence ``s``: pairs within a group are never made. A pair
    must also share at least ``min_shared`` features.

    >>> s = np.array([0, 0, 1, 1, 2]); f = np.array([0, 1, 0, 1, 2])
    >>> a, b, sim = similar_pairs(s, f, np.array([0, 1, 2]), 3, 0.9)
    >>> a.tolist(), b.tolist(), sim.round(3).tolist()
    ([0], [1], [1.0])
    """
    empty = (np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float64))
    if not len(sent):
        return empty
    n_feat = int(feat.max()) + 1
    df = np.bincount(feat, minlength=n_feat)
    n_docs_s = len(np.unique(sent))
    idf = np.log((1.0 + n_docs_s) / (1.0 + df)) + 1.0
    w = idf[feat]
    norm = np.sqrt(np.bincount(sent, weights=w * w, minlength=n_sentences))
    w = w / norm[sent]

    # Prefix filter: rarest features first; an entry is indexed while the
    # norm of it and everything after it in its sentence reaches the threshold.
    rarity = np.empty(n_feat, dtype=np.int64)
    rarity[np.lexsort((np.arange(n_feat), df))] = np.arange(n_feat)
    order = np.lexsort((rarity[feat], sent))
    s_o, f_o, w_o = sent[order], feat[order], w[order]
    sq = w_o * w_o
    # Suffix sums within each sentence: total of the sentence minus what came before.
    csum = np.cumsum(sq)
    first = np.searchsorted(s_o, s_o, side="left")
    before = np.where(first > 0, csum[first - 1], 0.0)
    sent_total = np.bincount(s_o, weights=sq, minlength=n_sentences)[s_o]
    suffix = sent_total - (csum - sq - before)
    in_prefix = suffix >= threshold * threshold - 1e-9
    # Sharing min_shared features means sharing one of the first len - min_shared + 1.
    position = np.arange(len(s_o)) - first
    length = np.bincount(s_o, minlength=n_sentences)[s_o]
    in_prefix &= position <= length - min_shared

    p_sent, p_feat = s_o[in_prefix], f_o[in_prefix]
    by_feat = np.lexsort((p_sent, p_feat))
    p_sent, p_feat = p_sent[by_feat], p_feat[by_feat]
    cand = _candidate_pairs(p_sent, p_feat, sent_group)
    if not len(cand):
        return empty
    a = cand // n_sentences
    b = cand % n_sentences

    # Exact cosine of each candidate pair: look up the words of one sentence in the other.
    keys = sent.astype(np.int64) * n_feat + feat  # sorted: sent, then feat
    ptr = np.searchsorted(sent, np.arange(n_sentences + 1))
    sims = np.empty(len(a), dtype=np.float64)
    shared = np.empty(len(a), dtype=np.int64)
    length = ptr[a + 1] - ptr[a]
    start = 0
    while start < len(a):
        # Slices with about _BATCH word lookups each.
        stop = start + max(1, int(np.searchsorted(np.cumsum(length[start:]), _BATCH)))
        sa, sb = a[start:stop], b[start:stop]
        n_i = length[start:stop]
        rows = np.repeat(np.arange(len(sa)), n_i)
        offs = np.arange(n_i.sum()) - np.repeat(np.cumsum(n_i) - n_i, n_i)
        ent = ptr[sa][rows] + offs
        look = sb[rows] * np.int64(n_feat) + feat[ent]
        pos = np.minimum(np.searchsorted(keys, look), len(keys) - 1)
        hit = keys[pos] == look
        sims[start:stop] = np.bincount(rows[hit], weights=w[ent[hit]] * w[pos[hit]], minlength=len(sa))
        shared[start:stop] = np.bincount(rows[hit], minlength=len(sa))
        start = stop
    keep = (sims >= threshold - 1e-9) & (shared >= min_shared)
    return a[keep], b[keep], np.minimum(sims[keep], 1.0)


def _candidate_pairs(p_sent: np.ndarray, p_feat: np.ndarray, sent_group: np.ndarray) -> np.ndarray:
    """Distinct keys ``a * n + b`` (a < b, different groups) of entries sharing a feature.

    Entries are sorted by feature; every posting list yields all its pairs,
    generated in slices of about ``_BATCH`` pairs.
    """
    n = np.int64(len(sent_group))
    if not len(p_sent):
        return np.zeros(0, np.int64)
    starts = np.flatnonzero(np.r_[True, p_feat[1:] != p_feat[:-1]])
    ends = np.r_[starts[1:], len(p_feat)]
    list_end = np.repeat(ends, ends - starts)
    # Entry at position p pairs with the later entries of its posting list.
    pos = np.arange(len(p_feat))
    after = list_end - pos - 1
    entry, after = pos[after > 0], after[after > 0]
    found: list[np.ndarray] = []
    cum = np.cumsum(after)
    lo = 0
    while lo < len(entry):
        hi = max(lo + 1, int(np.searchsorted(cum, (cum[lo - 1] if lo else 0) + _BATCH)))
        e, k = entry[lo:hi], after[lo:hi]
        i = np.repeat(e, k)
        j = i + 1 + (np.arange(k.sum()) - np.repeat(np.cumsum(k) - k, k))
        si, sj = p_sent[i], p_sent[j]
        ok = sent_group[si] != sent_group[sj]
        lo_s, hi_s = np.minimum(si[ok], sj[ok]), np.maximum(si[ok], sj[ok])
        found.append(np.unique(lo_s * n + hi_s))
        lo = hi
    return np.unique(np.concatenate(found)) if found else np.zeros(0, np.int64)


# -- tables ------------------------------------------------------------------------------
def _shared_table(sents: pd.DataFrame, a: np.ndarray, b: np.ndarray, sim: np.ndarray) -> pd.DataFrame:
    order = np.lexsort((b, a))
    a, b, sim = a[order], b[order], sim[order]
    out = pd.DataFrame({
        "doc_id_a": sents["doc_id"].to_numpy()[a],
        "outlet_a": sents["outlet"].to_numpy()[a],
        "sentence_a": sents["sentence"].to_numpy()[a].astype(np.int64),
        "text_a": sents["text"].to_numpy()[a],
        "doc_id_b": sents["doc_id"].to_numpy()[b],
        "outlet_b": sents["outlet"].to_numpy()[b],
        "sentence_b": sents["sentence"].to_numpy()[b].astype(np.int64),
        "text_b": sents["text"].to_numpy()[b],
        "similarity": sim.astype(np.float64),
    }, columns=SHARED_COLUMNS)
    for c in ("doc_id_a", "outlet_a", "text_a", "doc_id_b", "outlet_b", "text_b"):
        out[c] = out[c].astype("str")
    return out


def _similarity_table(
    sent_doc: np.ndarray, a: np.ndarray, b: np.ndarray, n_eligible: np.ndarray,
    doc_ids: np.ndarray, outlets: np.ndarray, all_pairs: bool,
) -> pd.DataFrame:
    n_docs = np.int64(len(doc_ids))
    da, db = sent_doc[a].astype(np.int64), sent_doc[b].astype(np.int64)
    swap = da > db  # a < b as sentences already puts articles in corpus order; stay safe
    da, db = np.where(swap, db, da), np.where(swap, da, db)
    sa, sb = np.where(swap, b, a), np.where(swap, a, b)
    pair = da * n_docs + db
    keys, n_pairs = np.unique(pair, return_counts=True)
    # Sentences of each side with a counterpart in the other article, each counted once.
    n_s = np.int64(len(sent_doc))
    matched_a = np.unique(pair * n_s + sa) // n_s
    matched_b = np.unique(pair * n_s + sb) // n_s
    m_a = np.searchsorted(keys, matched_a)
    m_b = np.searchsorted(keys, matched_b)
    counts = np.bincount(m_a, minlength=len(keys)) + np.bincount(m_b, minlength=len(keys))
    if all_pairs:
        ii, jj = np.triu_indices(int(n_docs), k=1)
        full = ii.astype(np.int64) * n_docs + jj
        pos = np.searchsorted(keys, full)
        pos_c = np.minimum(pos, max(len(keys) - 1, 0))
        hit = (keys[pos_c] == full) if len(keys) else np.zeros(len(full), dtype=bool)
        matched = np.where(hit, counts[pos_c] if len(keys) else 0, 0)
        shared_n = np.where(hit, n_pairs[pos_c] if len(keys) else 0, 0)
        keys = full
    else:
        matched, shared_n = counts, n_pairs
    da, db = keys // n_docs, keys % n_docs
    denom = n_eligible[da] + n_eligible[db]
    with np.errstate(divide="ignore", invalid="ignore"):
        sim = np.where(denom > 0, matched / np.maximum(denom, 1), 0.0)
    out = pd.DataFrame({
        "doc_id_a": pd.Series(doc_ids[da], dtype="str"),
        "doc_id_b": pd.Series(doc_ids[db], dtype="str"),
        "outlet_a": pd.Series(outlets[da], dtype="str"),
        "outlet_b": pd.Series(outlets[db], dtype="str"),
        "similarity": sim.astype(np.float64),
        "shared_sentences": np.asarray(shared_n, dtype=np.int64),
    }, columns=SIMILARITY_COLUMNS)
    return out
