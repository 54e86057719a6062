"""``row_reader``: the rows of a per-article table (quotes, figures, search lines), one click to read.

A notebook shows a DataFrame as static HTML; this puts its rows in a list
under it, and a click on a line opens the article with that row's passage
marked, in the same reader as the dashboard's search.
"""

from __future__ import annotations

import html

import ipywidgets as w
import pandas as pd

from ..errors import CorpusError
from .article_html import article_html

#: Rows offered in the list; a longer table is cut, with a note saying how to narrow it.
ROW_LIMIT = 200
#: Columns whose text names a row in the list, first found first.
_TEXT = ("quote", "claim", "text", "evidence")
_LABEL_CHARS = 110


def row_label(row: pd.Series) -> str:
    """A row as one line of the list: outlet, then the words that say what the row is.

    >>> row_label(pd.Series({"outlet": "X", "left": "said", "match": "peace", "right": "talks"}))
    'X: …said [peace] talks…'
    >>> row_label(pd.Series({"outlet": "X", "quote": "We will not back down."}))
    'X: We will not back down.'
    """
    if {"left", "match", "right"} <= set(row.index):
        words = f"…{row['left']} [{row['match']}] {row['right']}…"
    else:
        words = next((str(row[c]) for c in _TEXT if c in row.index and pd.notna(row[c])), "")
    if len(words) > _LABEL_CHARS:
        words = words[: _LABEL_CHARS - 1] + "…"
    return f"{row.get('outlet', '')}: {words}"


def _span(row: pd.Series) -> tuple[int | None, int | None]:
    """The passage of the row in its article's text (start, end), None where unknown."""

    def number(column: str) -> int | None:
        value = row.get(column)
        return None if value is None or pd.isna(value) else int(value)

    start, end = number("start_char"), number("end_char")
    if start is not None and end is None and isinstance(row.get("match"), str):
        end = start + len(row["match"])  # search lines give the start and the matched words
    return start, end


class RowReader(w.VBox):
    """The rows of ``table`` as a list; picking one shows its article under the list.

    ``rows`` (the list), ``reader`` (the article shown), ``note`` (how many
    rows are listed) and ``table`` (the rows listed, in list order).
    """

    def __init__(
        self,
        table: pd.DataFrame,
        corpus: pd.DataFrame,
        sentences: pd.DataFrame | None = None,
        limit: int = ROW_LIMIT,
    ) -> None:
        if not isinstance(table, pd.DataFrame) or "doc_id" not in table.columns:
            raise CorpusError(
                "row_reader needs a table with a doc_id column (quotes, figures, kwic, sentences)."
            )
        if not isinstance(corpus, pd.DataFrame) or not {"doc_id", "text"} <= set(corpus.columns):
            raise CorpusError("Pass the corpus table from mediakit.load_corpus(SOURCE, **COLUMNS).")
        self._corpus, self._sentences = corpus, sentences
        self.table = table.head(limit)
        n, shown = len(table), len(self.table)
        self.note = w.HTML(
            "<span style='font-size:90%;color:#555'>"
            + (
                f"Click a line to read its article, the passage highlighted ({shown:,} rows)."
                if shown == n
                else f"Click a line to read its article. The first {shown:,} of {n:,} rows are "
                "listed: narrow the table first (e.g. <code>.query(\"outlet == 'X'\")</code>)."
            )
            + "</span>"
        )
        labels = [row_label(r) for _, r in self.table.iterrows()]
        self.rows = w.Select(
            options=[(label, i) for i, label in enumerate(labels)],
            value=None,
            rows=min(8, max(shown, 1)),
            layout=w.Layout(width="720px"),
        )
        self.reader = w.HTML(layout=w.Layout(width="720px"))
        self.rows.observe(lambda _: self._read(), "value")
        super().__init__([self.note, self.rows, self.reader])

    def _read(self) -> None:
        i = self.rows.value
        if i is None:
            self.reader.value = ""
            return
        row = self.table.iloc[i]
        start, end = _span(row)
        try:
            page = article_html(self._corpus, str(row["doc_id"]), start, end, self._sentences)
        except CorpusError as err:  # a table from another corpus: say so where the text would be
            page = f"<p style='color:#b00020'>{html.escape(str(err))}</p>"
        # MathJax would read "$5 ... $6" in an article as formula.
        self.reader.value = f"<div class='tex2jax_ignore mathjax_ignore'>{page}</div>"


def row_reader(
    table: pd.DataFrame,
    corpus: pd.DataFrame,
    sentences: pd.DataFrame | None = None,
    limit: int = ROW_LIMIT,
) -> RowReader:
    """A list of ``table``'s rows (quotes, figures, search lines): click one to read its article.

    Each row's ``doc_id`` and ``start_char``/``end_char`` (or, for
    :func:`mediakit.compare.kwic` lines, ``start_char`` and ``match``) mark its
    passage; with the ``sentences`` table its whole sentence is highlighted too.

    >>> import mediakit
    >>> corpus = mediakit.load_corpus()
    >>> lines = mediakit.compare.kwic(corpus, "missiles")
    >>> ui = row_reader(lines, corpus)
    >>> ui.rows.value = 0  # what a click on the first line does
    >>> "<mark" in ui.reader.value
    True
    """
    return RowReader(table, corpus, sentences, limit)
