"""Distinctive words by outlet: each group's top terms, as a chart draws them."""

from __future__ import annotations

import pandas as pd

from .tables import require

__all__ = ["keyness_top"]

_SHOWN = (
    "group",
    "term",
    "ngram",
    "count_group",
    "count_rest",
    "docs_group",
    "docs_rest",
    "rate_group",
    "rate_rest",
    "log_odds",
    "z",
)


def keyness_top(
    keyness_table: pd.DataFrame,
    top: int = 10,
    *,
    ngram: int | None = None,
    max_groups: int = 12,
) -> pd.DataFrame:
    """Each group's ``top`` most distinctive terms (z > 0), for the ``max_groups`` largest groups.

    ``keyness_table`` is :func:`mediakit.keyness`; ``ngram`` keeps only
    single words (1) or two-word phrases (2). Groups are ranked by the uses
    of the terms they use more than the rest. Columns ``group, term, ngram,
    count_group, count_rest, docs_group, docs_rest (when the table has them),
    rate_group, rate_rest, log_odds, z``, by group,
    highest z first. ``attrs``: ``by`` and ``pair`` as in the keyness table,
    ``note`` saying how many groups were left out ("" if none).

    >>> k = pd.DataFrame({"group": ["X", "X", "Y"], "rank": [1, 2, 1], "term": ["a", "b", "c"],
    ...                   "ngram": [1, 1, 2], "count_group": [5, 3, 4], "count_rest": [1, 0, 2],
    ...                   "log_odds": [1.0, 0.8, 0.5], "z": [2.0, -1.5, 1.1]})
    >>> keyness_top(k)[["group", "term"]].values.tolist()
    [['X', 'a'], ['Y', 'c']]
    """
    require(
        keyness_table,
        ("group", "term", "ngram", "z", "count_group", "count_rest"),
        "The keyness table",
        "mediakit.keyness(corpus)",
    )
    data = keyness_table
    if ngram is not None:
        data = data[data["ngram"] == int(ngram)]
    data = data[data["z"] > 0]
    # Keep the largest groups: the most occurrences of the terms they use.
    size = (
        data.groupby("group", sort=True)["count_group"]
        .sum()
        .sort_values(ascending=False, kind="stable")
    )
    groups = size.index[: max(int(max_groups), 1)].tolist()
    note = (
        f"Showing {len(groups)} of {len(size)} groups (those with most words); "
        "the table of distinctive words lists every group."
        if len(size) > len(groups)
        else ""
    )
    data = data[data["group"].isin(groups)]
    data = (
        data.sort_values(["group", "z"], ascending=[True, False], kind="stable")
        .groupby("group", sort=True)
        .head(int(top))
    )
    out = data[[c for c in _SHOWN if c in data.columns]].reset_index(drop=True)
    out.attrs = {
        "by": keyness_table.attrs.get("by", "outlet"),
        "pair": keyness_table.attrs.get("pair"),
        "note": note,
    }
    return out
