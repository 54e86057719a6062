"""``sentences``: one row per sentence of the parse, with its offsets and words."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .parsed import ParsedCorpus, parse_corpus

__all__ = ["sentences", "sentences_of"]


def sentences(corpus: Any = None, **parse_options: Any) -> pd.DataFrame:
    """One row per sentence: ``doc_id, outlet, sentence, start_char, end_char, words, text``.

    >>> s = sentences(cache_dir=False)
    >>> list(s.columns[:3])
    ['doc_id', 'outlet', 'sentence']
    """
    return sentences_of(parse_corpus(corpus, **parse_options))


def sentences_of(pc: ParsedCorpus) -> pd.DataFrame:
    """:func:`sentences` for an already parsed corpus."""
    cols = pc.columns("sent_start", "sent_end", "sentence_words")
    starts = cols["sent_start"].to_pylist()
    ends = cols["sent_end"].to_pylist()
    words = cols["sentence_words"].to_pylist()
    texts = pc.texts
    n = [len(s) for s in starts]
    doc_idx = np.repeat(np.arange(len(n)), n)
    flat_s = [x for s in starts for x in s]
    flat_e = [x for e in ends for x in e]
    out = pd.DataFrame(
        {
            "doc_id": pc.corpus["doc_id"].to_numpy()[doc_idx],
            "outlet": pc.corpus["outlet"].to_numpy()[doc_idx],
            "sentence": np.concatenate([np.arange(k) for k in n]) if n else np.array([], dtype=int),
            "start_char": np.asarray(flat_s, dtype="int64"),
            "end_char": np.asarray(flat_e, dtype="int64"),
            "words": np.asarray([x for w in words for x in w], dtype="int64"),
            "text": [texts[d][s:e] for d, s, e in zip(doc_idx, flat_s, flat_e, strict=True)],
        }
    )
    for c in ("doc_id", "outlet", "text"):
        out[c] = out[c].astype("str")
    return out
