"""Word tokens of a parsed corpus as flat numpy arrays: what term counts start from.

Tokens come from the cached parse (never a second spaCy run): lowercased word
forms, typographic apostrophes straightened, the possessive "'s" left out.
Neighbouring words of one sentence may form a phrase; punctuation, a line
break or a dropped word (stop word, entity) ends it, but an in-word hyphen
does not ("long-range" gives "long", "range" and "long range"). Articles are
tokenised :data:`CHUNK_DOCS` at a time, so memory stays flat.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
from spacy.lang.en.stop_words import STOP_WORDS as _SPACY_STOP_WORDS

from ..errors import CorpusError
from ..vocab import NAME_LABELS
from .parsed import ParsedCorpus

__all__ = ["CHUNK_DOCS", "STOP_WORDS", "TokenStream", "WordTokens", "flat_lists", "word_tokens_of"]


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


def flat_lists(column: pa.ChunkedArray) -> tuple[np.ndarray, np.ndarray]:
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
    mentions: pd.DataFrame | None = None,
) -> WordTokens:
    """The word tokens every term count starts from (see the module docstring).

    ``stopwords="drop"`` removes spaCy's English stop words (or pass your own
    list); ``entities="drop"`` removes names found by
    :func:`mediakit.entities` (pass that table as ``mentions``),
    ``entities="canonical"`` turns each name into one token spelled as its
    canonical name ("Zelensky" and "Zelenskyy" both become "Volodymyr
    Zelenskyy"). A dropped word ends a phrase.

    >>> from mediakit.parsing.parsed import parse_corpus
    >>> toks = word_tokens_of(parse_corpus(cache_dir=False))
    >>> str(toks.vocab[toks.term[0]])
    'president'
    """
    stream = TokenStream(pc, stopwords=stopwords, entities=entities, mentions=mentions)
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
    ``entities="drop"`` or ``"canonical"`` needs ``mentions``, the table of
    :func:`mediakit.entities` for the same corpus.
    """

    def __init__(
        self,
        pc: ParsedCorpus,
        *,
        stopwords: Any,
        entities: str,
        mentions: pd.DataFrame | None = None,
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
        s_starts, s_lengths = flat_lists(cols["sent_start"])
        s_ends, _ = flat_lists(cols["sent_end"])
        s_doc = np.repeat(np.arange(len(texts), dtype=np.int64), s_lengths)
        self.gs_start = self.base[s_doc] + s_starts
        self.gs_end = self.base[s_doc] + s_ends
        self.n_sentences = len(s_starts)
        self.mentions = name_spans(pc, self.base, mentions) if entities != "keep" else None

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
        starts, lengths = flat_lists(tok_start)
        ends, _ = flat_lists(tok_end)
        doc = np.repeat(np.arange(lo, lo + len(texts), dtype=np.int64), lengths)
        gstart = self.base[doc] + starts
        gend = self.base[doc] + ends
        sentence = np.searchsorted(self.gs_start, gstart, side="right") - 1
        # A corpus without a single sentence (no article has a word) has no ends to look up.
        sentence_end = self.gs_end[np.maximum(sentence, 0)] if len(self.gs_end) else gstart
        inside = (sentence >= 0) & (gstart < sentence_end)
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


def name_spans(
    pc: ParsedCorpus, base: np.ndarray, mentions: pd.DataFrame | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Global start, end and canonical name of every name mention, non-overlapping, sorted."""
    if mentions is None:
        raise CorpusError(
            "Tokens with entities='drop' or 'canonical' need the entity table: "
            "pass mentions=mediakit.entities(corpus)."
        )
    ents = mentions[mentions["label"].isin(list(NAME_LABELS))]
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
