"""``kwic_html``: keyword-in-context rows as an HTML table, with a count of lines and articles."""

from __future__ import annotations

import html

import pandas as pd

KWIC_LIMIT = 200  # lines shown by the dashboard's search


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def kwic_summary(table: pd.DataFrame, query: str, limit: int | None = KWIC_LIMIT) -> str:
    """One line that says what a search found: "12 lines in 5 articles (3 outlets)".

    >>> t = pd.DataFrame({"doc_id": ["a", "a", "b"], "outlet": ["X", "X", "Y"]})
    >>> kwic_summary(t, "Kyiv")
    '3 lines for "Kyiv" in 2 articles (2 outlets)'
    """
    if table.empty:
        return f'No line has "{query}" in the selected outlets.'
    text = (
        f'{_plural(len(table), "line")} for "{query}" in '
        f"{_plural(table['doc_id'].nunique(), 'article')} "
        f"({_plural(table['outlet'].nunique(), 'outlet')})"
    )
    if limit is not None and len(table) >= limit:
        text += f"; only the first {limit:,} lines are shown"
    return text


def article_label(title: object, outlet: object) -> str:
    """How an article is named to a person: its title, or "untitled article (outlet)"."""
    if isinstance(title, str) and title.strip():
        return title.strip()
    return f"untitled article ({outlet})"


def kwic_html(table: pd.DataFrame, query: str, palette: dict[str, str] | None = None) -> str:
    """An HTML table of :func:`mediakit.compare.kwic` rows: outlet, article, words around the match.

    The words before the match are right-aligned, so every match lines up in one column.

    >>> t = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "title": ["T"], "left": ["in"],
    ...                   "match": ["Kyiv"], "right": ["said"], "start_char": [3]})
    >>> "<b>Kyiv</b>" in kwic_html(t, "kyiv")
    True
    """
    esc = html.escape
    head = f"<p><b>{esc(kwic_summary(table, query))}</b></p>"
    if table.empty:
        return head
    palette = palette or {}
    rows = []
    for r in table.itertuples(index=False):
        dot = f"<span style='color:{palette.get(r.outlet, '#666')}'>&#9679;</span> "
        title = article_label(r.title, r.outlet)
        rows.append(
            f"<tr><td style='white-space:nowrap'>{dot}{esc(r.outlet)}</td>"
            f"<td title='{esc(title)}'>{esc(title[:50])}</td>"
            f"<td style='text-align:right;white-space:nowrap'>{esc(r.left)}</td>"
            f"<td><b>{esc(r.match)}</b></td><td style='white-space:nowrap'>{esc(r.right)}</td></tr>"
        )
    return (
        head + "<table style='border-collapse:collapse;font-size:90%'>"
        "<tr><th>Outlet</th><th>Article</th><th></th><th></th><th></th></tr>"
        + "".join(rows)
        + "</table>"
    )
