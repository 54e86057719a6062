"""Readable column headers for report tables, from mediakit's metric titles."""

from __future__ import annotations

from ..analyses.metric_info import describe_metric

__all__ = ["column_label"]

# Headers for corpus and aggregate columns that are not metrics.
_LABELS = {
    "doc_id": "Article id",
    "outlet": "Outlet",
    "title": "Title",
    "date": "Date",
    "cleaning": "Removed by cleaning",
    "articles": "Articles",
    "words": "Words",
    "canonical": "Entity",
    "label": "Type",
    "mentions": "Mentions",
}


def column_label(name: str) -> str:
    """A person-readable header for a snake_case column name.

    Metric columns take their short title from :mod:`mediakit.analyses.metric_info`, so
    a table header matches the chart axis and the widget dropdown.

    >>> column_label("doc_id"), column_label("consensus_grade"), column_label("n_things")
    ('Article id', 'Consensus grade', 'N things')
    """
    if name in _LABELS:
        return _LABELS[name]
    return describe_metric(name).short
