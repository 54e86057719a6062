"""The stories a story picker lists: most outlets first, with size and outlets."""

from __future__ import annotations

import pandas as pd

from ..errors import CorpusError

__all__ = ["CHOICE_COLUMNS", "story_choices"]

#: Columns of :func:`story_choices`, in order.
CHOICE_COLUMNS = ["story", "label", "articles", "outlets", "comparable"]


def story_choices(summary: pd.DataFrame, *, comparable_only: bool = False) -> pd.DataFrame:
    """One row per story for a picker: ``story, label, articles, outlets, comparable``.

    ``summary`` is :func:`mediakit.stories_summary`. Sorted by outlets, then
    articles (most first), then first date and id; ``label`` is what the
    picker shows and searches ("Title · 12 articles, 3 outlets").
    ``comparable_only`` drops stories with one article or one outlet.

    >>> s = pd.DataFrame({"story": ["s1", "s2"], "story_title": ["Vote", "Fire"],
    ...                   "articles": [1, 4], "outlets": [1, 3], "comparable": [False, True]})
    >>> story_choices(s)[["story", "label"]].values.tolist()
    [['s2', 'Fire · 4 articles, 3 outlets'], ['s1', 'Vote · 1 article, 1 outlet']]
    """
    need = ["story", "story_title", "articles", "outlets", "comparable"]
    missing = [c for c in need if c not in summary.columns]
    if missing:
        raise CorpusError(
            f"story_choices needs the table from mediakit.stories_summary(); it lacks {missing}."
        )
    table = summary[summary["comparable"]] if comparable_only else summary
    sort = ["outlets", "articles", *(["first_date"] if "first_date" in table else []), "story"]
    table = table.sort_values(
        sort, ascending=[False, False, *([True] * (len(sort) - 2))], kind="stable"
    )
    label = [
        f"{t} · {a:,} article{'s' if a != 1 else ''}, {o:,} outlet{'s' if o != 1 else ''}"
        for t, a, o in zip(table["story_title"], table["articles"], table["outlets"], strict=True)
    ]
    out = pd.DataFrame(
        {
            "story": table["story"].astype("str").to_numpy(),
            "label": pd.array(label, dtype="str"),
            "articles": table["articles"].astype("int64").to_numpy(),
            "outlets": table["outlets"].astype("int64").to_numpy(),
            "comparable": table["comparable"].astype(bool).to_numpy(),
        },
        columns=CHOICE_COLUMNS,
    )
    out["story"] = out["story"].astype("str")
    return out
