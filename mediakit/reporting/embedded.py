"""What the report carries for the browser: tables as CSV, and the texts of the articles it cites.

Both are embedded as JSON in ``<script type="application/json">`` elements
(see :func:`mediakit.reporting.html.script_json`), so the downloads and the
article reader work offline and the page stays within its size budget:
article texts are embedded up to :data:`TEXT_BUDGET` characters (the
articles the findings cite first), tables as CSV up to :data:`CSV_BUDGET`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from .blocks import Table
from .spreadsheet import spreadsheet_safe

__all__ = [
    "CSV_BUDGET",
    "REPORT_BUDGET",
    "TEXT_BUDGET",
    "article_payload",
    "cited_articles",
    "csv_payloads",
    "csv_text",
    "row_targets",
]

#: The size goal of a report (stated in the README, checked by a test on 2,000 articles).
REPORT_BUDGET = 5_000_000
#: Characters of article text the reader may embed.
TEXT_BUDGET = 1_500_000
#: Characters of CSV the downloads may embed, all tables together.
CSV_BUDGET = 1_500_000
#: Tables whose articles are not "cited by a finding": they list every article anyway.
LISTS = frozenset({"articles", "outlets"})

_DOC = ("doc_id", "doc_id_a")
_START = ("start_char", "start_char_a")
_END = ("end_char", "end_char_a")


def table_csv(data: pd.DataFrame) -> str:
    """A table as CSV text (snake_case headers, spreadsheet-safe cells), as the export writes it.

    >>> table_csv(pd.DataFrame({"t": ["=1+1"], "n": [2]}))
    "t,n\\n'=1+1,2\\n"
    """
    return spreadsheet_safe(data).to_csv(index=False, lineterminator="\n")


def csv_text(table: Table, texts: dict[str, str] | None = None) -> str:
    """:func:`table_csv` of ``table``, made once per report: ``texts`` keeps it by table id.

    The page and the CSV export write the same text; table ids are unique
    within a report, so one ``texts`` serves both.

    >>> texts = {}
    >>> csv_text(Table("t", "T", pd.DataFrame({"n": [1]})), texts), list(texts)
    ('n\\n1\\n', ['t'])
    """
    if texts is None:
        return table_csv(table.data)
    if table.id not in texts:
        texts[table.id] = table_csv(table.data)
    return texts[table.id]


def csv_payloads(
    tables: Iterable[Table], budget: int = CSV_BUDGET, texts: dict[str, str] | None = None
) -> dict[str, str]:
    """CSV text of each table while the total fits ``budget`` characters; article lists first.

    ``texts``: CSV already made for this report, by table id (see :func:`csv_text`).

    >>> t = Table("t", "T", pd.DataFrame({"n": range(100)}))
    >>> list(csv_payloads([t])), list(csv_payloads([t], budget=50))
    (['t'], [])
    """
    out: dict[str, str] = {}
    used = 0
    for table in sorted(tables, key=lambda t: t.id not in LISTS):
        # Every row takes a character per column (commas, end of line) at least:
        # a table that cannot fit is not written out to find that out.
        if used + len(table.data) * table.data.shape[1] > budget:
            continue
        text = csv_text(table, texts)
        if used + len(text) > budget:
            continue  # a smaller table further on may still fit
        out[table.id] = text
        used += len(text)
    return out


def _first(columns: Sequence[str], names: Sequence[str]) -> str | None:
    return next((c for c in names if c in columns), None)


def row_targets(data: pd.DataFrame) -> list[tuple[str, str, str]]:
    """Per row: the article it cites and the span (doc_id, start, end; "" when unknown).

    >>> row_targets(pd.DataFrame({"doc_id": ["a"], "start_char": [3], "end_char": [9]}))
    [('a', '3', '9')]
    """
    cols = [str(c) for c in data.columns]
    doc, start, end = _first(cols, _DOC), _first(cols, _START), _first(cols, _END)
    if doc is None:
        return [("", "", "")] * len(data)

    def text(column: str | None) -> list[str]:
        if column is None:
            return [""] * len(data)
        return [
            "" if pd.isna(v) else str(int(v)) if isinstance(v, float) else str(v)
            for v in data[column]
        ]

    return list(zip(text(doc), text(start), text(end), strict=True))


def cited_articles(tables: Iterable[Table]) -> list[str]:
    """doc_ids the tables cite, those of findings first, then the article lists; no repeats."""
    tables = list(tables)
    found: dict[str, None] = {}
    for lists in (False, True):
        for table in tables:
            if (table.id in LISTS) != lists:
                continue
            for column in ("doc_id", "doc_id_a", "doc_id_b"):
                if column in table.data.columns:
                    found.update(dict.fromkeys(table.data[column].dropna().astype(str)))
    return list(found)


def article_payload(
    corpus: pd.DataFrame,
    labels: pd.Series,
    cited: Sequence[str],
    budget: int = TEXT_BUDGET,
) -> dict[str, dict[str, str]]:
    """The reader's articles: text and metadata of the ``cited`` ones, while they fit ``budget``.

    >>> c = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"], "title": ["T", ""], "text": ["Hi.", "Yo."]})
    >>> sorted(article_payload(c, pd.Series({"a": "X · T", "b": "Y · Yo."}), ["b"]))
    ['b']
    """
    rows = corpus.assign(_id=corpus["doc_id"].astype(str)).drop_duplicates("_id").set_index("_id")
    out: dict[str, dict[str, str]] = {}
    used = 0
    for doc in cited:
        if doc not in rows.index:
            continue
        row = rows.loc[doc]
        text = row["text"] if isinstance(row["text"], str) else ""
        if used + len(text) > budget:
            continue
        used += len(text)
        date = pd.to_datetime(row.get("date"), errors="coerce") if "date" in rows else None
        out[doc] = {
            "outlet": str(row["outlet"]),
            "label": str(labels.get(doc, doc)),
            "title": str(row["title"]) if "title" in rows and isinstance(row["title"], str) else "",
            "date": "" if date is None or pd.isna(date) else date.date().isoformat(),
            "url": str(row["url"]) if "url" in rows and isinstance(row.get("url"), str) else "",
            "text": text,
        }
    return out
