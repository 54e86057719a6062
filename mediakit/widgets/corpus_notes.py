"""``corpus_note``, ``caveat`` and ``read_article``: notebook text computed from the corpus loaded.

The workbook's explanations must stay true for any ``SOURCE``: what depends on
the corpus (how many articles, outlets, articles per outlet) is written here
from the table, not typed into a notebook.
"""

from __future__ import annotations

import html

import pandas as pd

from ..errors import CorpusError
from .article_html import article_html

FEW = 10  # articles per outlet below which a difference between outlets is an anecdote


class Note:
    """Notebook output: HTML that MathJax leaves alone (a "$" stays a dollar sign)."""

    def __init__(self, body: str) -> None:
        self.body = body

    def _repr_html_(self) -> str:
        return f"<div class='tex2jax_ignore mathjax_ignore'>{self.body}</div>"

    def __str__(self) -> str:
        return self.body


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _per_outlet(corpus: pd.DataFrame) -> pd.Series:
    if not isinstance(corpus, pd.DataFrame) or "outlet" not in corpus.columns:
        raise CorpusError("Pass the corpus table from mediakit.load_corpus(SOURCE, **COLUMNS).")
    return corpus["outlet"].astype("string").fillna("unknown").value_counts()


def corpus_note(corpus: pd.DataFrame) -> Note:
    """One sentence about the corpus loaded: articles, outlets, articles per outlet, dates.

    >>> c = pd.DataFrame({"doc_id": list("abc"), "outlet": ["X", "X", "Y"],
    ...                   "date": pd.to_datetime(["2024-01-02", None, "2024-03-04"])})
    >>> str(corpus_note(c))
    '<b>3 articles from 2 outlets</b> (1 to 2 articles per outlet, median 1.5), dated 2024-01-02 to 2024-03-04 (1 without a date).'
    """
    counts = _per_outlet(corpus)
    text = f"<b>{_plural(len(corpus), 'article')} from {_plural(len(counts), 'outlet')}</b> " + (
        f"({_plural(int(counts.iloc[0]), 'article')} each)"
        if counts.min() == counts.max()
        else f"({counts.min():,} to {_plural(int(counts.max()), 'article')} per outlet, "
        f"median {counts.median():g})"
    )
    dates = pd.to_datetime(corpus["date"], errors="coerce") if "date" in corpus else None
    if dates is None or dates.isna().all():
        text += ", none of them dated."
    else:
        text += f", dated {dates.min():%Y-%m-%d} to {dates.max():%Y-%m-%d}"
        missing = int(dates.isna().sum())
        text += f" ({missing:,} without a date)." if missing else "."
    return Note(text)


def caveat(corpus: pd.DataFrame, example: str = "writes longer sentences") -> Note:
    """The warning that few articles show differences but do not prove them, when it applies.

    It names the numbers of the corpus loaded; with at least :data:`FEW`
    articles for most outlets it says what to check instead.

    >>> c = pd.DataFrame({"doc_id": list("ab"), "outlet": ["X", "Y"]})
    >>> str(caveat(c)).startswith("<blockquote><b>2 articles show differences")
    True
    """
    counts = _per_outlet(corpus)
    median = float(counts.median())
    if median < FEW:
        few = int((counts < FEW).sum())
        return Note(
            f"<blockquote><b>{_plural(len(corpus), 'article')} show differences; they do not "
            f"prove them.</b> {few:,} of the {_plural(len(counts), 'outlet')} here have fewer "
            f"than {FEW} articles (median {median:g}). A difference between a few articles may "
            "come from the writer, the day, the length limit or the wire copy they started "
            f'from, not from the outlet. To say "outlet X {html.escape(example)}" you need many '
            "articles per outlet, about the same stories, and differences that stay when you "
            "look at them article by article.</blockquote>"
        )
    return Note(
        f"<blockquote>Most outlets here have {FEW} or more articles (median {median:g}), enough "
        "to compare averages. Still compare outlets <b>within one story</b> "
        "(<code>mediakit.stories</code>): an outlet that covered other events than the rest "
        "differs for that reason alone.</blockquote>"
    )


def read_article(
    corpus: pd.DataFrame,
    doc_id: str,
    start_char: int | None = None,
    end_char: int | None = None,
    sentences: pd.DataFrame | None = None,
) -> Note:
    """Show one article in a notebook, the passage ``start_char:end_char`` marked.

    Any row of a mediakit table gives ``doc_id`` and the offsets (quotes,
    figures, search hits, sentences); see :func:`article_html`.

    >>> c = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "title": ["T"], "text": ["Hi $5."]})
    >>> "Hi $5." in read_article(c, "a")._repr_html_()
    True
    """
    return Note(article_html(corpus, doc_id, start_char, end_char, sentences))
