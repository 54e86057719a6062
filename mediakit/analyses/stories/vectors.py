"""Each article as a TF-IDF vector over its content words and canonical names.

Words come from the shared parse (:class:`~mediakit.parsing.tokens.TokenStream`):
lowercased, stop words left out, every name spelled as its canonical entity
("Zelensky" and "Zelenskyy" are one term), tokens without a letter (numbers,
punctuation) left out. Weights are scikit-learn's sublinear TF-IDF, rows
scaled to unit length over every term, so a dot product is a cosine
similarity. Terms found in one article only are then dropped: they count in
each article's length (two articles that share one sentence and nothing else
stay dissimilar) but can never link two articles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfTransformer

from ...parsing.parsed import ParsedCorpus
from ...parsing.tokens import TokenStream

__all__ = ["ArticleVectors", "article_vectors"]

_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class ArticleVectors:
    """Row ``i`` of ``matrix`` is corpus row ``i``; column ``j`` is ``terms[j]``.

    ``is_entity[j]`` marks canonical entity names, ``df[j]`` counts the
    articles a term is in.
    """

    matrix: sp.csr_matrix
    terms: np.ndarray
    is_entity: np.ndarray
    df: np.ndarray


def article_vectors(pc: ParsedCorpus, mentions: pd.DataFrame) -> ArticleVectors:
    """TF-IDF vectors of every article (see the module notes); ``mentions``: its entity table.

    >>> from mediakit.parsing.parsed import parse_corpus
    >>> from mediakit.analyses.entities import entities_of
    >>> pc = parse_corpus(cache_dir=False)
    >>> vec = article_vectors(pc, entities_of(pc))
    >>> vec.matrix.shape[0], "Joe Biden" in set(vec.terms)
    (5, True)
    """
    stream = TokenStream(pc, stopwords="drop", entities="canonical", mentions=mentions)
    has_letter = np.zeros(0, dtype=bool)
    parts = []
    for part in stream:  # a few hundred articles at a time: memory stays flat
        if len(stream.vocab) > len(has_letter):
            new = islice(stream.vocab, len(has_letter), None)
            has_letter = np.concatenate(
                [has_letter, np.fromiter((bool(_LETTER.search(w)) for w in new), dtype=bool)]
            )
        term = part["term"]
        keep = has_letter[term]
        parts.append((part["doc"][keep], term[keep]))
    n_docs, n_terms = len(pc.corpus), len(stream.vocab)
    doc = np.concatenate([d for d, _ in parts]) if parts else np.zeros(0, np.int64)
    term = np.concatenate([t for _, t in parts]) if parts else np.zeros(0, np.int64)
    counts = sp.csr_matrix(
        (np.ones(len(doc), dtype=np.float64), (doc, term)), shape=(n_docs, n_terms)
    )
    counts.sum_duplicates()
    df = np.bincount(counts.indices, minlength=n_terms)
    cols = np.flatnonzero(df >= 2)
    vocab = stream.vocab_array()
    is_entity = np.zeros(n_terms, dtype=bool)
    is_entity[list(stream.entity_ids)] = True
    if counts.nnz:
        matrix = TfidfTransformer(sublinear_tf=True).fit_transform(counts).tocsr()[:, cols]
    else:
        matrix = sp.csr_matrix((n_docs, len(cols)), dtype=np.float64)
    return ArticleVectors(
        matrix=matrix.astype(np.float64),
        terms=vocab[cols] if len(vocab) else np.zeros(0, dtype=object),
        is_entity=is_entity[cols],
        df=df[cols],
    )
