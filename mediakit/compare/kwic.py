"""``kwic``: every occurrence of a word or phrase, with the words around it."""

from __future__ import annotations

import re

import pandas as pd

from ..errors import CorpusError
from .tables import outlet_names, require, typed

# -- keyword in context -------------------------------------------------------------------
_WS = re.compile(r"\s+")


def _pattern(query: str, case: bool) -> re.Pattern[str]:
    # Literal text; any run of spaces in the query matches any whitespace (line breaks);
    # lookarounds instead of \b so that "U.S." or "$5" still need a word boundary outside.
    body = r"\s+".join(re.escape(part) for part in query.split())
    return re.compile(rf"(?<!\w){body}(?!\w)", 0 if case else re.IGNORECASE)


def _words_before(text: str, end: int, n: int) -> str:
    start = max(0, end - 40 * n - 40)
    parts = text[start:end].split()
    if start > 0 and parts and not text[start - 1].isspace():
        parts = parts[1:]  # the slice cut a word in half
    return " ".join(parts[-n:]) if n else ""


def _words_after(text: str, start: int, n: int) -> str:
    end = start + 40 * n + 40
    parts = text[start:end].split()
    if end < len(text) and parts and not text[end].isspace():
        parts = parts[:-1]
    return " ".join(parts[:n]) if n else ""


def kwic(
    corpus: pd.DataFrame,
    query: str,
    window: int = 8,
    limit: int | None = 200,
    case: bool = False,
) -> pd.DataFrame:
    """Keyword in context: each occurrence of ``query`` with ``window`` words either side.

    ``query`` is literal text (not a regular expression), one or more words,
    matched at word boundaries ("Kyiv" does not match "Kyivan"), ignoring
    case unless ``case=True``. Columns ``doc_id, outlet, title, left, match,
    right, start_char`` (offset into the corpus ``text``), in corpus order;
    at most ``limit`` rows (``None``: all).

    >>> corpus = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "title": ["T"],
    ...                        "text": ["Officials in Kyiv said the Kyivan army held."]})
    >>> kwic(corpus, "kyiv", window=2)[["left", "match", "right"]].values.tolist()
    [['Officials in', 'Kyiv', 'said the']]
    """
    if not isinstance(query, str) or not query.strip():
        raise CorpusError(f"kwic needs a word or phrase to search for; got {query!r}.")
    if window < 0:
        raise CorpusError(f"window is a number of words (0 or more); got {window}.")
    if limit is not None and limit < 1:
        raise CorpusError(f"limit must be at least 1 (or None for every match); got {limit}.")
    require(corpus, ("doc_id", "outlet", "text"), "corpus", "mediakit.load_corpus(...)")
    pattern = _pattern(query.strip(), case)
    titles = corpus["title"] if "title" in corpus.columns else pd.Series("", index=corpus.index)
    rows: list[tuple] = []
    for doc_id, outlet, title, text in zip(
        corpus["doc_id"], outlet_names(corpus), titles, corpus["text"], strict=True
    ):
        if not isinstance(text, str):
            continue
        for m in pattern.finditer(text):
            rows.append(
                (
                    doc_id,
                    outlet,
                    "" if pd.isna(title) else title,
                    _words_before(text, m.start(), window),
                    _WS.sub(" ", m.group()),
                    _words_after(text, m.end(), window),
                    m.start(),
                )
            )
            if limit is not None and len(rows) >= limit:
                break
        if limit is not None and len(rows) >= limit:
            break
    out = pd.DataFrame(
        rows, columns=["doc_id", "outlet", "title", "left", "match", "right", "start_char"]
    )
    return typed(
        out, strings=("doc_id", "outlet", "title", "left", "match", "right"), ints=("start_char",)
    )
