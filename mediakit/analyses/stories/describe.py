"""What describes a story: its centre, title, top terms and names, and its summary row."""

from __future__ import annotations

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.preprocessing import normalize

from ...parsing.parsed import ParsedCorpus
from .vectors import ArticleVectors

__all__ = [
    "SUMMARY_COLUMNS",
    "TOP_TERMS",
    "centre_similarity",
    "group_weights",
    "story_titles",
    "summarise",
    "top_terms",
]

#: Columns of :func:`mediakit.stories_summary`, in order.
SUMMARY_COLUMNS = [
    "story",
    "story_title",
    "articles",
    "outlets",
    "first_date",
    "last_date",
    "span_days",
    "outlet_names",
    "top_terms",
    "top_entities",
    "comparable",
    "note",
]

#: How many terms and names describe a story in the summary.
TOP_TERMS = 6


def group_weights(matrix: sp.csr_matrix, codes: np.ndarray, n_groups: int) -> sp.csr_matrix:
    """Row ``g``: the summed TF-IDF vectors of the articles of group ``g``.

    >>> m = sp.csr_matrix(np.array([[1.0, 0], [0, 1.0], [1.0, 0]]))
    >>> group_weights(m, np.array([0, 0, 1]), 2).toarray().tolist()
    [[1.0, 1.0], [1.0, 0.0]]
    """
    n = matrix.shape[0]
    member = sp.csr_matrix((np.ones(n), (codes, np.arange(n))), shape=(n_groups, n))
    return (member @ matrix).tocsr()


def centre_similarity(
    matrix: sp.csr_matrix, codes: np.ndarray, weights: sp.csr_matrix
) -> np.ndarray:
    """Each row's cosine similarity to its group's centre (NaN: an article without terms).

    >>> m = sp.csr_matrix(np.array([[1.0, 0], [0, 1.0], [1.0, 0]]))
    >>> codes = np.array([0, 0, 1])
    >>> centre_similarity(m, codes, group_weights(m, codes, 2)).round(3).tolist()
    [0.707, 0.707, 1.0]
    """
    empty = np.diff(matrix.indptr) == 0
    if not matrix.shape[1]:  # no term in two articles
        return np.full(matrix.shape[0], np.nan)
    centres = normalize(weights)
    sim = np.asarray(matrix.multiply(centres[codes]).sum(axis=1)).ravel()
    return np.where(empty, np.nan, np.minimum(sim, 1.0))


def story_titles(
    codes: np.ndarray,
    sim: np.ndarray,
    titles: np.ndarray | None,
    vec: ArticleVectors,
    weights: sp.csr_matrix,
    texts: list[str],
) -> np.ndarray:
    """The title of the article nearest each story's centre; else its top terms, else its opening."""
    n = len(codes)
    has_title = (
        np.array([bool(t.strip()) for t in titles]) if titles is not None else np.zeros(n, bool)
    )
    score = np.where(np.isnan(sim), -1.0, sim)
    # Best first: a title, then nearest the centre, then corpus order.
    order = np.lexsort((np.arange(n), -score, ~has_title, codes))
    first = order[np.r_[True, codes[order][1:] != codes[order][:-1]]] if n else order
    out = np.empty(weights.shape[0], dtype=object)
    for row in first:
        g = codes[row]
        if has_title[row]:
            out[g] = " ".join(str(titles[row]).split())
        else:
            out[g] = ", ".join(top_terms(vec, weights, g, 3)) or _opening(texts[row])
    return out


def _opening(text: str, words: int = 8) -> str:
    """The first words of an article, for a story with no title and no shared terms."""
    head = text.split()
    return " ".join(head[:words]) + (" …" if len(head) > words else "") if head else "(empty)"


def top_terms(
    vec: ArticleVectors, weights: sp.csr_matrix, group: int, n: int, entities: bool | None = None
) -> list[str]:
    """The ``n`` terms with the most weight in row ``group`` of ``weights`` (see :func:`group_weights`).

    ``entities=True`` lists canonical names only, ``False`` everything else.

    >>> m = sp.csr_matrix(np.array([[0.6, 0.8], [0.0, 1.0]]))
    >>> terms = np.array(["vote", "Ann Lee"], dtype=object)
    >>> vec = ArticleVectors(m, terms, np.array([False, True]), np.array([2, 2]))
    >>> w = group_weights(m, np.array([0, 0]), 1)
    >>> top_terms(vec, w, 0, 1), top_terms(vec, w, 0, 1, entities=False)
    (['Ann Lee'], ['vote'])
    """
    lo, hi = weights.indptr[group], weights.indptr[group + 1]
    idx, weight = weights.indices[lo:hi], weights.data[lo:hi]
    keep = weight > 0
    if entities is not None:
        keep &= vec.is_entity[idx] == entities
    idx, weight = idx[keep], weight[keep]
    best = np.lexsort((vec.terms[idx].astype(str), -weight))[:n]
    return [str(t) for t in vec.terms[idx[best]]]


def summarise(pc: ParsedCorpus, vec: ArticleVectors, articles: pd.DataFrame) -> pd.DataFrame:
    """One row per story (columns :data:`SUMMARY_COLUMNS`), most outlets first.

    ``articles`` is the per-article table of :func:`mediakit.stories` for the
    same corpus.
    """
    codes, uniques = pd.factorize(articles["story"].to_numpy(), sort=False)
    weights = group_weights(vec.matrix, codes, len(uniques))
    if "date" in pc.corpus.columns:
        dates = pd.to_datetime(pc.corpus["date"], errors="coerce").reset_index(drop=True)
    else:
        dates = pd.Series(pd.NaT, index=range(len(codes)), dtype="datetime64[us]")
    by = pd.DataFrame({"code": codes, "outlet": articles["outlet"].to_numpy(), "date": dates})
    groups = by.groupby("code", sort=True)
    first, last = groups["date"].min(), groups["date"].max()
    names = groups["outlet"].agg(_outlet_names)
    n_articles = np.bincount(codes, minlength=len(uniques))
    n_outlets = groups["outlet"].nunique().to_numpy()
    title = articles.groupby(codes, sort=True)["story_title"].first().to_numpy()
    out = pd.DataFrame(
        {
            "story": pd.Series(uniques, dtype="str"),
            "story_title": pd.Series(title, dtype="str"),
            "articles": n_articles.astype(np.int64),
            "outlets": n_outlets.astype(np.int64),
            "first_date": first.to_numpy().astype("datetime64[us]"),
            "last_date": last.to_numpy().astype("datetime64[us]"),
            "span_days": ((last - first) / pd.Timedelta(days=1)).to_numpy(dtype=np.float64),
            "outlet_names": pd.Series(names.to_numpy(), dtype="str"),
            "top_terms": [
                ", ".join(top_terms(vec, weights, g, TOP_TERMS, False)) for g in range(len(uniques))
            ],
            "top_entities": [
                ", ".join(top_terms(vec, weights, g, TOP_TERMS, True)) for g in range(len(uniques))
            ],
            "comparable": n_outlets >= 2,
            "note": [_note(a, o) for a, o in zip(n_articles, n_outlets, strict=True)],
        },
        columns=SUMMARY_COLUMNS,
    )
    for c in ("top_terms", "top_entities", "note"):
        out[c] = out[c].astype("str")
    out = out.sort_values(
        ["outlets", "articles", "first_date", "story"],
        ascending=[False, False, True, True],
        na_position="last",
        kind="stable",
    )
    return out.reset_index(drop=True)


def _outlet_names(outlets: pd.Series) -> str:
    """Outlets of a story, most articles first (then by name)."""
    counts = outlets.value_counts()
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return ", ".join(name for name, _ in ranked)


def _note(articles: int, outlets: int) -> str:
    """Why a story is left out of comparisons between outlets, or ""."""
    if articles == 1:
        return "one article: nothing to compare it with"
    if outlets == 1:
        return "one outlet only: not compared across outlets"
    return ""
