"""``article_html``: one article's text as HTML, a passage highlighted, with its metadata."""

from __future__ import annotations

import html

import pandas as pd

from ..errors import CorpusError
from .kwic_html import article_label

_META = ("outlet", "date", "url", "doc_id")  # shown above the text, when the corpus has them


def _sentence_around(sentences: pd.DataFrame | None, doc_id: str, start: int) -> tuple | None:
    if sentences is None or sentences.empty:
        return None
    rows = sentences[(sentences["doc_id"] == doc_id) & (sentences["start_char"] <= start)]
    rows = rows[rows["end_char"] > start]
    if rows.empty:
        return None
    first = rows.iloc[0]
    return int(first["start_char"]), int(first["end_char"])


def _marked(text: str, spans: list[tuple[int, int, str]]) -> str:
    """``text`` escaped, with each (start, end, style) span wrapped in a <mark>; spans nest."""
    cuts: dict[int, list[str]] = {}
    for start, end, style in spans:
        cuts.setdefault(start, []).append(f"<mark style='{style}'>")
        cuts.setdefault(end, []).insert(0, "</mark>")
    out, last = [], 0
    for pos in sorted(cuts):
        out.append(html.escape(text[last:pos]))
        out.extend(cuts[pos])
        last = pos
    out.append(html.escape(text[last:]))
    return "".join(out)


def article_html(
    corpus: pd.DataFrame,
    doc_id: str,
    start_char: int | None = None,
    end_char: int | None = None,
    sentences: pd.DataFrame | None = None,
) -> str:
    """The article ``doc_id`` as HTML: title, outlet, date, link, and its text (escaped).

    The characters ``start_char:end_char`` of its ``text`` (a search hit, a
    quote, a figure) are marked; with the ``sentences`` table of
    :func:`mediakit.sentences`, their whole sentence is highlighted too and
    repeated above the text, so it is seen without scrolling.

    >>> corpus = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "title": ["T"],
    ...                        "text": ["Talks resumed. Officials in Kyiv said <no>."]})
    >>> page = article_html(corpus, "a", 28, 32)
    >>> "<mark style='background:#ffd54f'>Kyiv</mark>" in page and "&lt;no&gt;" in page
    True
    """
    rows = corpus[corpus["doc_id"].astype("string") == str(doc_id)]
    if rows.empty:
        raise CorpusError(f"No article with doc_id {doc_id!r} in this corpus.")
    row = rows.iloc[0]
    text = row["text"] if isinstance(row["text"], str) else ""
    spans: list[tuple[int, int, str]] = []
    quoted = ""
    if start_char is not None:
        end = end_char if end_char is not None else start_char
        around = _sentence_around(sentences, str(doc_id), start_char)
        if around:
            spans.append((around[0], around[1], "background:#fff3c4"))
            quoted = text[around[0] : around[1]]
        spans.append((start_char, max(end, start_char), "background:#ffd54f"))
        spans.sort(key=lambda s: (s[0], -s[1]))
    meta = " · ".join(
        html.escape(str(row[c]))
        for c in _META
        if c in row.index and not pd.isna(row[c]) and str(row[c]).strip()
    )
    title = html.escape(article_label(row.get("title"), row["outlet"]))
    head = f"<h4 style='margin:4px 0'>{title}</h4><div style='color:#555'>{meta}</div>"
    if quoted:
        head += f"<blockquote style='margin:6px 0'>{html.escape(quoted)}</blockquote>"
    body = (
        "<div style='white-space:pre-wrap;max-height:420px;overflow:auto;border:1px solid #ddd;"
        f"padding:6px;line-height:1.45;font-family:Georgia,serif'>{_marked(text, spans)}</div>"
    )
    return head + body
