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

Why it is not quadratic, in two steps:

1. Prefix filtering (Bayardo, Ma & Srikant 2007, "Scaling up all pairs
   similarity search"), which loses nothing. Order the vocabulary from
   rarest to commonest; index each unit-length sentence vector only by its
   rarest words, up to where the rest has norm below ``threshold``. Two
   sentences with cosine >= threshold share a word in both prefixes (were
   their first shared word beyond a prefix, the cosine would be at most
   that suffix's norm), and, as that first shared word, the product of the
   two suffix norms from there on must reach the threshold: pairs failing
   it are dropped as they are made. Candidates are then scored exactly.
2. Blocking on rare words (``max_df``, default 100): only words found in at
   most that many sentences enter the index, so no posting list is longer
   than ``max_df`` and the work grows linearly with the corpus. Without
   it, candidates grow with the square of the corpus (0.75, 2.9 and 11
   million for 500, 1,000 and 2,000 US political news articles: "Trump" is
   in the prefix of many short sentences). The cost: a near-duplicate made only of common words ("did
   not respond to a request for comment") is found only when its words are
   identical, which a separate pass (hashing each sentence's word set) finds
   at any frequency: boilerplate and verbatim copy are never missed.
   ``max_df=None`` searches exactly.

Sentences with fewer than ``min_words`` words or ``min_shared`` content
words are left out: "He said so." matches anything with "said" in it.

IDF is computed over the sentences of the corpus being compared, so
"12,000" is rare in a corpus about many stories and common in one about a
single troop deployment: similarity depends on the corpus, as it should.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import islice
from typing import Any

import numpy as np
import pandas as pd

from ..errors import CorpusError
from ..parsing.parsed import ParsedCorpus, parse_corpus
from ..parsing.sentences import sentences_of
from ..parsing.tokens import STOP_WORDS, TokenStream
from .stories.labels import WITHIN, group_by_story, story_labels

#: Default cosine threshold for "the same sentence": catches a trimmed or
#: lightly reworded wire sentence, not two sentences that merely share a topic.
DEFAULT_THRESHOLD = 0.45

#: Default blocking cap: words in more sentences than this do not make candidate pairs.
DEFAULT_MAX_DF = 100

SIMILARITY_COLUMNS = [
    "doc_id_a",
    "doc_id_b",
    "outlet_a",
    "outlet_b",
    "story",
    "similarity",
    "shared_sentences",
]
SHARED_COLUMNS = [
    "doc_id_a",
    "outlet_a",
    "sentence_a",
    "start_char_a",
    "end_char_a",
    "text_a",
    "doc_id_b",
    "outlet_b",
    "sentence_b",
    "start_char_b",
    "end_char_b",
    "text_b",
    "similarity",
    "story",
]
UNIQUE_COLUMNS = ["doc_id", "outlet", "story", "sentence", "start_char", "end_char", "text"]
UNIQUE_SHARE_COLUMNS = [
    "doc_id",
    "outlet",
    "story",
    "sentences",
    "unique_sentences",
    "unique_share",
]

# Candidate pairs are made and scored in slices of about this many, so memory
# stays bounded on corpora with many near-identical sentences (boilerplate).
_BATCH = 500_000


@dataclass
class Overlap:
    """The result of :func:`overlap`: four tidy tables.

    - ``similarity``: one row per pair of articles (``doc_id_a`` before
      ``doc_id_b`` in corpus order): ``similarity`` is the share of the two
      articles' sentences that have a near-duplicate in the other (0-1),
      ``shared_sentences`` the number of sentence pairs. Small corpora list
      every pair, large ones only pairs that share something.
    - ``shared``: one row per pair of near-duplicate sentences of different
      outlets (``same_outlet=True`` adds pairs of one outlet's articles).
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
    min_shared: int = field(default=3)
    max_df: int | None = field(default=DEFAULT_MAX_DF)

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
    max_df: int | None = DEFAULT_MAX_DF,
    within: str | None = "auto",
    **parse_options: Any,
) -> Overlap:
    """Align sentences across articles: shared passages, article similarity, unique sentences.

    Two sentences of different outlets count as the same when the cosine
    similarity of their TF-IDF vectors is at least ``threshold`` and they
    share at least ``min_shared`` content words (see :mod:`mediakit.analyses.overlap`
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

    ``max_df`` (default 100) is the blocking step that keeps the cost linear
    in corpus size: only words found in at most that many sentences are used
    to find candidate pairs (every word still counts in the similarity). A
    near-duplicate made only of common words ("did not respond to a request
    for comment") is then missed unless it is identical; ``max_df=None``
    searches exactly, at a cost that grows with the square of the number of
    sentences on one topic.

    ``within="story"`` compares only articles of the same story (see
    :func:`mediakit.stories`): a sentence is unique when no other outlet's
    article *about the same story* has it, and articles of a story that one
    outlet alone covered are left out of uniqueness (``unique_share`` is
    NaN: there is no other outlet to compare with). ``"auto"`` (the default)
    does so when the corpus spans several stories; ``None`` compares across
    the whole corpus. Every table has a ``story`` column ("" when not grouped
    by story across several).

    ``all_pairs`` lists every article pair in ``similarity`` (default: only
    for corpora up to 100 articles; pairs of one story when grouped). Returns an :class:`Overlap` whose
    attributes ``similarity``, ``shared``, ``unique`` and ``unique_share``
    are DataFrames.

    >>> ov = overlap(cache_dir=False)
    >>> bool(ov.shared["text_a"].str.contains("Strikes are not made with words").any())
    True
    """
    return overlap_of(
        parse_corpus(corpus, **parse_options),
        threshold=threshold,
        shingle=shingle,
        min_words=min_words,
        min_shared=min_shared,
        same_outlet=same_outlet,
        all_pairs=all_pairs,
        max_df=max_df,
        within=within,
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
    max_df: int | None = DEFAULT_MAX_DF,
    within: str | None = "auto",
    mentions: pd.DataFrame | None = None,
) -> Overlap:
    """:func:`overlap` for an already parsed corpus (``mentions``: its entity table, if made)."""
    _check_options(threshold, shingle, min_shared)
    sents = sentences_of(pc)
    n_sents = len(sents)
    doc_ids = pc.corpus["doc_id"].astype(str).to_numpy(dtype=object)
    outlets = pc.corpus["outlet"].astype(str).to_numpy(dtype=object)
    sent_doc = pd.Index(doc_ids).get_indexer(sents["doc_id"].astype(str))
    sent_outlet = pd.factorize(outlets)[0][sent_doc]
    story = _stories(pc, within, mentions)
    by_story = group_by_story(within, story if within is not None else None)
    doc_story = pd.factorize(story.to_numpy())[0] if by_story else np.zeros(len(doc_ids), int)
    comparable = _several_outlets(doc_story, outlets) if by_story else np.ones(len(doc_ids), bool)
    sents = sents.assign(story=story.to_numpy()[sent_doc] if len(sents) else "")
    long_enough = sents["words"].to_numpy() >= min_words
    s_id, feat = sentence_features(pc, int(shingle), long_enough)
    eligible = long_enough & (np.bincount(s_id, minlength=n_sents) >= min_shared)
    keep = eligible[s_id]
    s_id, feat = s_id[keep], feat[keep]
    # Pairs within one article never count; within one outlet only if asked.
    group = sent_doc if same_outlet else sent_outlet
    a, b, sim = similar_pairs(
        s_id, feat, group, n_sents, float(threshold), int(min_shared), max_df, doc_story[sent_doc]
    )

    shared = _shared_table(sents, a, b, sim)
    cross = sent_outlet[a] != sent_outlet[b]
    has_twin = np.zeros(n_sents, dtype=bool)
    has_twin[a[cross]] = True
    has_twin[b[cross]] = True
    is_unique = eligible & ~has_twin & comparable[sent_doc]
    unique = sents.loc[is_unique, UNIQUE_COLUMNS].reset_index(drop=True)

    n_docs = len(doc_ids)
    n_eligible = np.bincount(sent_doc[eligible], minlength=n_docs)
    n_unique = np.bincount(sent_doc[is_unique], minlength=n_docs)
    unique_share = _unique_share_table(
        (doc_ids, outlets, story.to_numpy()), n_eligible, n_unique, comparable
    )

    if all_pairs is None:
        all_pairs = n_docs <= 100
    similarity = _similarity_table(
        sent_doc, a, b, n_eligible, (doc_ids, outlets, story.to_numpy()), doc_story, bool(all_pairs)
    )
    return Overlap(
        similarity,
        shared,
        unique,
        unique_share,
        float(threshold),
        int(shingle),
        int(min_words),
        int(min_shared),
        max_df,
    )


def _unique_share_table(
    docs: tuple[np.ndarray, np.ndarray, np.ndarray],
    n_eligible: np.ndarray,
    n_unique: np.ndarray,
    comparable: np.ndarray,
) -> pd.DataFrame:
    """Per article: sentences compared, how many are unique, the share (NaN: nothing to compare)."""
    doc_ids, outlets, story = docs
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(
            (n_eligible > 0) & comparable, n_unique / np.maximum(n_eligible, 1), np.nan
        )
    return pd.DataFrame(
        {
            "doc_id": pd.Series(doc_ids, dtype="str"),
            "outlet": pd.Series(outlets, dtype="str"),
            "story": pd.Series(story, dtype="str"),
            "sentences": n_eligible.astype(np.int64),
            "unique_sentences": n_unique.astype(np.int64),
            "unique_share": share.astype(np.float64),
        },
        columns=UNIQUE_SHARE_COLUMNS,
    )


def _check_options(threshold: float, shingle: int, min_shared: int) -> None:
    if not 0 < threshold <= 1:
        raise CorpusError(f"threshold is a cosine similarity in (0, 1]; got {threshold!r}.")
    if int(shingle) != shingle or shingle < 1:
        raise CorpusError(f"shingle is a number of words (1, 2, 3, ...); got {shingle!r}.")
    if int(min_shared) != min_shared or min_shared < 1:
        raise CorpusError(f"min_shared is a number of words (1, 2, 3, ...); got {min_shared!r}.")


def _stories(pc: ParsedCorpus, within: str | None, mentions: pd.DataFrame | None) -> pd.Series:
    """Each article's story ("" when comparing across the whole corpus)."""
    if within not in WITHIN:
        group_by_story(within, None)  # raises, saying what to pass
    if within is None:
        return pd.Series([""] * len(pc.corpus), dtype="str")
    return story_labels(pc, mentions=mentions).reset_index(drop=True)


def _several_outlets(doc_story: np.ndarray, outlets: np.ndarray) -> np.ndarray:
    """Per article: does its story have articles of more than one outlet?"""
    per_story = pd.Series(outlets).groupby(doc_story).nunique()
    return per_story.reindex(doc_story).to_numpy() > 1


# -- features ---------------------------------------------------------------------------
def sentence_features(
    pc: ParsedCorpus, shingle: int, eligible: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Distinct (sentence, feature) pairs of the eligible sentences, sorted by sentence.

    ``shingle=1``: content words (lowercased word forms minus stop words);
    ``shingle=n``: every run of ``n`` consecutive words of the sentence,
    stop words included, punctuation skipped.

    >>> from mediakit.parsing.sentences import sentences_of
    >>> pc = parse_corpus(cache_dir=False)
    >>> s, f = sentence_features(pc, 1, np.ones(len(sentences_of(pc)), dtype=bool))
    >>> bool((np.diff(s) >= 0).all())
    True
    """
    stream = TokenStream(pc, stopwords="keep", entities="keep")
    is_stop = np.zeros(0, dtype=bool)
    sents, feats = [], []
    for part in stream:  # a few hundred articles at a time: memory stays flat
        if len(stream.vocab) > len(is_stop):  # stop-word flags for the words new in this chunk
            new = islice(stream.vocab, len(is_stop), None)
            is_stop = np.concatenate(
                [is_stop, np.fromiter((w in STOP_WORDS for w in new), dtype=bool)]
            )
        sent, term = part["sentence"], part["term"]
        ok = sent >= 0
        ok[ok] = eligible[sent[ok]]
        if shingle == 1:
            ok &= ~is_stop[term]
            sents.append(sent[ok])
            feats.append(term[ok])
            continue
        # A run of n words -> one 64-bit hash of their ids (collisions: ~n^2 / 2**64).
        key = term.copy()
        valid = ok.copy()
        for k in range(1, shingle):
            nxt = np.zeros(len(term), dtype=np.int64)
            nxt[:-k] = term[k:]
            same = np.zeros(len(term), dtype=bool)
            same[:-k] = sent[k:] == sent[:-k]
            valid &= same
            with np.errstate(over="ignore"):
                key = key * np.int64(_MIX) + nxt + np.int64(k)
        sents.append(sent[valid])
        feats.append(key[valid])
    sent = np.concatenate(sents) if sents else np.zeros(0, np.int64)
    feat = np.concatenate(feats) if feats else np.zeros(0, np.int64)
    if not len(sent):
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    _, feat = np.unique(feat, return_inverse=True)  # dense feature ids
    n_feat = np.int64(feat.max() + 1)
    key = _unique(sent.astype(np.int64) * n_feat + feat.astype(np.int64))
    return key // n_feat, key % n_feat


_MIX = 0x9E3779B97F4A7C15 - 2**64  # odd 64-bit constant (golden ratio), as a signed int64


# -- all pairs above a threshold ----------------------------------------------------------
def _unique(x: np.ndarray) -> np.ndarray:
    # Sort-based: faster than np.unique's hash path on large int64 arrays.
    x = np.sort(x)
    return x[np.r_[True, x[1:] != x[:-1]]] if len(x) else x


def similar_pairs(
    sent: np.ndarray,
    feat: np.ndarray,
    sent_group: np.ndarray,
    n_sentences: int,
    threshold: float,
    min_shared: int = 1,
    max_df: int | None = None,
    sent_block: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sentence pairs ``a < b`` of different groups with TF-IDF cosine >= ``threshold``.

    ``sent``/``feat`` are distinct (sentence, feature) pairs (binary term
    frequency), sorted by sentence; ``sent_group[s]`` is the article (or
    outlet) of sentence ``s``: pairs within a group are never made. A pair
    must also share at least ``min_shared`` features. With ``max_df``, only
    features in at most that many sentences are indexed: pairs whose shared
    features are all commoner are found only if identical. With
    ``sent_block`` (e.g. each sentence's story), pairs are made only inside
    one block.

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
    idf = np.log((1.0 + len(_unique(sent))) / (1.0 + df)) + 1.0
    w = idf[feat]
    w = w / np.sqrt(np.bincount(sent, weights=w * w, minlength=n_sentences))[sent]

    p_sent, p_feat, p_suffix, p_remaining = _prefixes(
        sent, feat, w, df, n_sentences, threshold, min_shared, max_df
    )
    cand = _candidate_pairs(
        p_sent, p_feat, p_suffix, p_remaining, sent_group, threshold, min_shared, sent_block
    )
    del p_sent, p_feat, p_suffix, p_remaining
    same = _identical_pairs(sent, feat, sent_group, n_sentences, sent_block)
    cand = _unique(np.concatenate([cand, same]))
    if not len(cand):
        return empty
    return _verify(sent, feat, w, cand, n_sentences, threshold, min_shared)


def _prefixes(sent, feat, w, df, n_sentences, threshold, min_shared, max_df):
    """The index entries: each sentence's rarest features, sorted by feature.

    Returns sentence, feature, suffix (squared norm of the sentence's
    features from this one on, rarest first) and how many features remain
    from here on, for the entries a matching pair must share one of.
    """
    n_feat = len(df)
    rarity = np.empty(n_feat, dtype=np.int64)
    rarity[np.lexsort((np.arange(n_feat), df))] = np.arange(n_feat)
    order = np.lexsort((rarity[feat], sent))
    s_o, f_o = sent[order], feat[order]
    sq = w[order] ** 2
    csum = np.cumsum(sq)
    first = np.searchsorted(s_o, s_o, side="left")
    before = np.where(first > 0, csum[first - 1], 0.0)
    suffix = np.bincount(s_o, weights=sq, minlength=n_sentences)[s_o] - (csum - sq - before)
    position = np.arange(len(s_o)) - first
    remaining = np.bincount(s_o, minlength=n_sentences)[s_o] - position
    # Prefix filter: if the first shared feature lay where the suffix norm is
    # below the threshold, the cosine would be too (and likewise for counts).
    in_prefix = (suffix >= threshold * threshold - 1e-9) & (remaining >= min_shared)
    if max_df is not None:
        in_prefix &= df[f_o] <= max_df
    idx = np.flatnonzero(in_prefix)
    idx = idx[np.lexsort((s_o[idx], f_o[idx]))]
    return s_o[idx], f_o[idx], suffix[idx], remaining[idx]


def _verify(sent, feat, w, cand, n_sentences, threshold, min_shared):
    """Exact cosine of candidate pairs (keys ``a * n + b``); the pairs that pass, with it.

    Each pair looks the features of its shorter sentence up among the
    (sentence, feature) keys of the other, a slice of candidates at a time.
    """
    n_feat = np.int64(feat.max()) + 1
    keys = sent.astype(np.int64) * n_feat + feat  # sorted: by sentence, then feature
    ptr = np.searchsorted(sent, np.arange(n_sentences + 1))
    out_a, out_b, out_s = [], [], []
    step = max(1, _BATCH // 16)
    for lo in range(0, len(cand), step):
        c = cand[lo : lo + step]
        a, b = c // n_sentences, c % n_sentences
        la, lb = ptr[a + 1] - ptr[a], ptr[b + 1] - ptr[b]
        short, long_ = np.where(la <= lb, a, b), np.where(la <= lb, b, a)
        n_i = np.minimum(la, lb)
        rows = np.repeat(np.arange(len(c)), n_i)
        ent = ptr[short][rows] + (np.arange(n_i.sum()) - np.repeat(np.cumsum(n_i) - n_i, n_i))
        look = long_[rows] * n_feat + feat[ent]
        pos = np.minimum(np.searchsorted(keys, look), len(keys) - 1)
        hit = keys[pos] == look
        sims = np.bincount(rows[hit], weights=w[ent[hit]] * w[pos[hit]], minlength=len(c))
        shared = np.bincount(rows[hit], minlength=len(c))
        ok = (sims >= threshold - 1e-9) & (shared >= min_shared)
        out_a.append(a[ok])
        out_b.append(b[ok])
        out_s.append(np.minimum(sims[ok], 1.0))
    return np.concatenate(out_a), np.concatenate(out_b), np.concatenate(out_s)


def _identical_pairs(sent, feat, sent_group, n_sentences, sent_block=None) -> np.ndarray:
    """Keys of pairs with exactly the same features (boilerplate, verbatim copy).

    Found by hashing feature sets, so they are caught even when every word
    is too common for the index (``max_df``).
    """
    rng = np.random.default_rng(20081)
    code = rng.integers(1, 2**62, size=int(feat.max()) + 1, dtype=np.int64)
    # Sum of random codes per sentence (wrapping) identifies the set; equal
    # hashes are checked again by the exact cosine afterwards.
    h = np.zeros(n_sentences, dtype=np.int64)
    with np.errstate(over="ignore"):
        np.add.at(h, sent, code[feat])
    present = _unique(sent)
    h = h[present]
    order = np.argsort(h, kind="stable")
    hs, ss = h[order], present[order]
    starts = np.flatnonzero(np.r_[True, hs[1:] != hs[:-1]])
    ends = np.r_[starts[1:], len(hs)]
    return _pairs_in_runs(ss, starts, ends, sent_group, None, None, 0.0, 1, sent_block)


def _candidate_pairs(
    p_sent, p_feat, p_suffix, p_remaining, sent_group, threshold, min_shared, sent_block=None
) -> np.ndarray:
    """Distinct keys ``a * n + b`` (a < b, different groups) of entries sharing a feature.

    Entries are sorted by feature. A pair from feature f is kept only if it
    could still reach the threshold were f its first shared feature: the
    product of the two suffix norms from f on bounds the cosine (pairs
    dropped at a later feature are kept at their first one).
    """
    if not len(p_sent):
        return np.zeros(0, np.int64)
    starts = np.flatnonzero(np.r_[True, p_feat[1:] != p_feat[:-1]])
    ends = np.r_[starts[1:], len(p_feat)]
    return _pairs_in_runs(
        p_sent, starts, ends, sent_group, p_suffix, p_remaining, threshold, min_shared, sent_block
    )


def _pairs_in_runs(
    items, starts, ends, sent_group, suffix, remaining, threshold, min_shared, sent_block=None
) -> np.ndarray:
    """All pairs within each run ``items[starts[r]:ends[r]]``, in slices of about ``_BATCH``."""
    n = np.int64(len(sent_group))
    list_end = np.repeat(ends, ends - starts)
    pos = np.arange(len(items))
    after = list_end - pos - 1  # entry p pairs with the later entries of its run
    entry, after = pos[after > 0], after[after > 0]
    found: list[np.ndarray] = [np.zeros(0, np.int64)]
    cum = np.cumsum(after)
    lo = 0
    while lo < len(entry):
        hi = max(lo + 1, int(np.searchsorted(cum, (cum[lo - 1] if lo else 0) + _BATCH)))
        e, k = entry[lo:hi], after[lo:hi]
        i = np.repeat(e, k)
        j = i + 1 + (np.arange(k.sum()) - np.repeat(np.cumsum(k) - k, k))
        ok = sent_group[items[i]] != sent_group[items[j]]
        if sent_block is not None:
            ok &= sent_block[items[i]] == sent_block[items[j]]
        if suffix is not None:
            ok &= suffix[i] * suffix[j] >= threshold * threshold - 1e-9
            ok &= np.minimum(remaining[i], remaining[j]) >= min_shared
        si, sj = items[i[ok]], items[j[ok]]
        found.append(_unique(np.minimum(si, sj) * n + np.maximum(si, sj)))
        lo = hi
    return _unique(np.concatenate(found))


# -- tables ------------------------------------------------------------------------------
def _shared_table(
    sents: pd.DataFrame, a: np.ndarray, b: np.ndarray, sim: np.ndarray
) -> pd.DataFrame:
    order = np.lexsort((b, a))
    a, b, sim = a[order], b[order], sim[order]
    out = pd.DataFrame(
        {
            "doc_id_a": sents["doc_id"].to_numpy()[a],
            "outlet_a": sents["outlet"].to_numpy()[a],
            "sentence_a": sents["sentence"].to_numpy()[a].astype(np.int64),
            "start_char_a": sents["start_char"].to_numpy()[a].astype(np.int64),
            "end_char_a": sents["end_char"].to_numpy()[a].astype(np.int64),
            "text_a": sents["text"].to_numpy()[a],
            "doc_id_b": sents["doc_id"].to_numpy()[b],
            "outlet_b": sents["outlet"].to_numpy()[b],
            "sentence_b": sents["sentence"].to_numpy()[b].astype(np.int64),
            "start_char_b": sents["start_char"].to_numpy()[b].astype(np.int64),
            "end_char_b": sents["end_char"].to_numpy()[b].astype(np.int64),
            "text_b": sents["text"].to_numpy()[b],
            "similarity": sim.astype(np.float64),
            "story": _pair_story(sents["story"].to_numpy()[a], sents["story"].to_numpy()[b]),
        },
        columns=SHARED_COLUMNS,
    )
    for c in ("doc_id_a", "outlet_a", "text_a", "doc_id_b", "outlet_b", "text_b", "story"):
        out[c] = out[c].astype("str")
    return out


def _pair_story(story_a: np.ndarray, story_b: np.ndarray) -> np.ndarray:
    """The story of a pair: its articles' story when they share one, else ""."""
    return np.where(story_a == story_b, story_a, "").astype(object)


def _similarity_table(
    sent_doc: np.ndarray,
    a: np.ndarray,
    b: np.ndarray,
    n_eligible: np.ndarray,
    docs: tuple[np.ndarray, np.ndarray, np.ndarray],
    doc_story: np.ndarray,
    all_pairs: bool,
) -> pd.DataFrame:
    doc_ids, outlets, stories = docs
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
        same = doc_story[ii] == doc_story[jj]  # pairs of one story when grouped by story
        ii, jj = ii[same], jj[same]
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
    out = pd.DataFrame(
        {
            "doc_id_a": pd.Series(doc_ids[da], dtype="str"),
            "doc_id_b": pd.Series(doc_ids[db], dtype="str"),
            "outlet_a": pd.Series(outlets[da], dtype="str"),
            "outlet_b": pd.Series(outlets[db], dtype="str"),
            "story": pd.Series(_pair_story(stories[da], stories[db]), dtype="str"),
            "similarity": sim.astype(np.float64),
            "shared_sentences": np.asarray(shared_n, dtype=np.int64),
        },
        columns=SIMILARITY_COLUMNS,
    )
    return out
