"""Chart of distinctive words: each outlet's most distinctive terms, one panel per outlet."""

from __future__ import annotations

from collections.abc import Iterable

import altair as alt
import pandas as pd

from .. import compare
from .style import chart_title, outlet_colour

__all__ = ["keyness_chart"]


def keyness_chart(
    keyness_table: pd.DataFrame,
    top: int = 10,
    *,
    ngram: int | None = None,
    max_groups: int = 12,
    outlets: Iterable[str] | None = None,
    columns: int = 3,
) -> alt.FacetChart:
    """Each group's ``top`` most distinctive terms as bars of their z-score, one panel per group.

    ``keyness_table`` is the output of :func:`mediakit.keyness`; what is drawn
    is :func:`mediakit.compare.keyness_top` (``ngram``: only single words (1)
    or two-word phrases (2); only terms a group uses more than the rest;
    with more than ``max_groups`` groups, the groups with the most counted
    tokens).

    >>> k = pd.DataFrame({"group": ["X", "X", "Y"], "rank": [1, 2, 1], "term": ["a", "b", "c"],
    ...                   "ngram": [1, 1, 2], "count_group": [5, 3, 4], "count_rest": [1, 0, 2],
    ...                   "rate_group": [5.0, 3.0, 4.0], "rate_rest": [1.0, 0.0, 2.0],
    ...                   "log_odds": [1.0, 0.8, 0.5], "z": [2.0, 1.5, 1.1]})
    >>> keyness_chart(k).to_dict()["title"]["text"]
    'Words that set each outlet apart'
    """
    data = compare.keyness_top(keyness_table, top, ngram=ngram, max_groups=max_groups)
    by, pair, note = data.attrs["by"], data.attrs["pair"], data.attrs["note"]
    who = "outlet" if by == "outlet" else by
    than = "than the other" if pair else "than the rest of the corpus"
    present = sorted(data["group"].astype(str).unique())
    tips = _tips(who, "rate_group" in data.columns, "docs_group" in data.columns)
    colour = (
        outlet_colour(present, outlets, field="group") if by == "outlet" else alt.value("#0072B2")
    )
    bars = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("z:Q", title="z-score"),
            y=alt.Y(
                "term:N",
                sort=alt.EncodingSortField("z", order="descending"),
                title=None,
                axis=alt.Axis(labelLimit=160),
            ),
            color=colour,
            tooltip=tips,
        )
        .properties(width=170, height=alt.Step(15))
    )
    title = (
        f"Words that set each {who} apart"
        if not pair
        else f"Words that set {pair[0]} and {pair[1]} apart"
    )
    return (
        bars.facet(
            facet=alt.Facet(
                "group:N", title=None, sort=present, header=alt.Header(labelFontWeight="bold")
            ),
            columns=int(columns),
        )
        .resolve_scale(y="independent")
        .properties(
            title=chart_title(
                title,
                f"Terms each {who} uses more often {than}, by weighted log-odds z-score "
                "(Monroe et al. 2008); longer bar = more distinctive; z above 2 is unlikely by chance.",
                note,
            )
        )
    )


def _tips(who: str, with_rates: bool, with_docs: bool = False) -> list[alt.Tooltip]:
    tips = [
        alt.Tooltip("group:N", title=who.capitalize()),
        alt.Tooltip("term:N", title="Term"),
        alt.Tooltip("count_group:Q", title="Uses in this group", format=","),
        alt.Tooltip("count_rest:Q", title="Uses elsewhere", format=","),
    ]
    if with_docs:
        tips += [
            alt.Tooltip("docs_group:Q", title="Articles using it here", format=","),
            alt.Tooltip("docs_rest:Q", title="Articles using it elsewhere", format=","),
        ]
    if with_rates:
        tips += [
            alt.Tooltip("rate_group:Q", title="Per 1,000 tokens here", format=".2f"),
            alt.Tooltip("rate_rest:Q", title="Per 1,000 tokens elsewhere", format=".2f"),
        ]
    tips += [
        alt.Tooltip("log_odds:Q", title="Log-odds ratio", format=".2f"),
        alt.Tooltip("z:Q", title="z-score", format=".2f"),
    ]
    return tips
