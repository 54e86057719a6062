"""Names a person can read for articles: outlet and title, or outlet, date and first words."""

from __future__ import annotations

import pandas as pd

from .tables import STR, outlet_names, require

__all__ = ["article_labels"]


def _cut(text: pd.Series, n: int) -> pd.Series:
    text = text.astype(STR).fillna("").str.replace(r"\s+", " ", regex=True).str.strip()
    return text.where(text.str.len() <= n, text.str.slice(0, n - 1).str.rstrip() + "…")


def _first_words(text: pd.Series, words: int) -> pd.Series:
    parts = text.astype(STR).fillna("").str.split()
    return parts.map(
        lambda w: " ".join(w[:words]) + ("…" if len(w) > words else "") if w is not pd.NA else ""
    ).astype(STR)


def article_labels(corpus: pd.DataFrame, *, chars: int = 45, words: int = 6) -> pd.Series:
    """One label per article (indexed by ``doc_id``): "outlet · title", never a bare hash id.

    An untitled article is named by its date and first ``words`` words
    ("Outlet B · 2024-11-18 · “The talks resumed on…”"); the id is the last
    resort. Labels are unique: a label two articles share gets " (2)", " (3)".

    >>> c = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"], "title": ["Talks resume", ""],
    ...                   "date": ["2024-11-18", None], "text": ["...", "The talks resumed on Monday after a pause."]})
    >>> article_labels(c).tolist()
    ['X · Talks resume', 'Y · “The talks resumed on Monday after…”']
    """
    require(corpus, ("doc_id", "outlet"), "the article table", "mediakit.load_corpus()")
    blank = pd.Series("", index=corpus.index, dtype=STR)
    title = _cut(corpus["title"], chars) if "title" in corpus else blank
    if "date" in corpus:
        date = pd.to_datetime(corpus["date"], errors="coerce").dt.strftime("%Y-%m-%d").astype(STR)
        date = date.fillna("")
    else:
        date = blank
    opening = _first_words(corpus["text"], words) if "text" in corpus else blank
    opening = ("“" + opening + "”").where(opening != "", "")
    ids = corpus["doc_id"].astype(STR)
    untitled = (date + " · " + opening).str.strip(" ·").where(lambda s: s != "", ids)
    name = title.where(title != "", untitled)
    label = outlet_names(corpus) + " · " + name
    nth = label.groupby(label.to_numpy()).cumcount()
    label = label.where(nth == 0, label + " (" + (nth + 1).astype(str) + ")")
    return pd.Series(label.to_numpy(), index=pd.Index(ids.to_numpy(), name="doc_id"), name="label")
