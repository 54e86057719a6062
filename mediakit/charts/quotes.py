"""Charts of quotes: who gets quoted by whom, and one statement in each outlet's words."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import altair as alt
import pandas as pd

from .. import compare
from .style import chart_title, outlet_colour

__all__ = ["quote_alignment", "quotes_by_speaker"]


def quotes_by_speaker(
    quotes: pd.DataFrame,
    *,
    top: int = 15,
    kinds: Iterable[str] = ("direct", "partial", "indirect"),
    outlets: Iterable[str] | None = None,
    max_outlets: int | Sequence[str] | None = compare.MAX_OUTLETS,
) -> alt.Chart:
    """Who gets quoted, and by which outlets: quotes per speaker, stacked by outlet.

    Shows the ``top`` speakers with most quotes of the given ``kinds``;
    quotes without a known speaker are left out (the subtitle counts them).
    The ``max_outlets`` outlets with most articles have a colour each, the
    others are summed as "other outlets".

    >>> q = pd.DataFrame({"doc_id": ["a", "b", "b"], "outlet": ["X", "Y", "Y"],
    ...                   "speaker": ["Ann Lee", "Ann Lee", ""], "kind": ["direct"] * 3,
    ...                   "quote": ["Yes.", "No.", "Maybe."]})
    >>> quotes_by_speaker(q).to_dict()["title"]["text"]
    'Who gets quoted, and by whom'
    """
    folded, fold_note = (
        compare.keep_largest_outlets(quotes, max_outlets, "quotes")
        if "outlet" in quotes.columns
        else (quotes, "")
    )
    data = compare.quotes_by_speaker(folded, top=top, kinds=kinds)
    order, unknown = data.attrs["order"], data.attrs["unknown"]
    note = f"Quotes with no identified speaker ({unknown:,}) are not shown." if unknown else ""
    note = " ".join(n for n in (note, fold_note) if n)
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("quotes:Q", title="Quotes (count)", stack="zero"),
            y=alt.Y("speaker:N", sort=order, title=None, axis=alt.Axis(labelLimit=220)),
            color=outlet_colour(data["outlet"], outlets, legend=True),
            # Ordinal, not nominal: same stack order, no Vega-Lite warning.
            order=alt.Order("outlet:O"),
            tooltip=[
                alt.Tooltip("speaker:N", title="Speaker"),
                alt.Tooltip("outlet:N", title="Outlet"),
                alt.Tooltip("quotes:Q", title="Quotes in this outlet", format=","),
                alt.Tooltip("direct:Q", title="Of them in quotation marks", format=","),
                alt.Tooltip("speaker_total:Q", title="Quotes in all outlets", format=","),
                alt.Tooltip("example:N", title="For example"),
            ],
        )
        .properties(
            title=chart_title(
                "Who gets quoted, and by whom",
                f"Quotes per speaker ({', '.join(kinds)}), top {len(order)}; each colour is one outlet.",
                note,
            ),
            width=480,
            height=alt.Step(22),
        )
    )


def quote_alignment(
    aligned: pd.DataFrame,
    *,
    max_groups: int = 20,
    outlets: Iterable[str] | None = None,
    max_outlets: int | Sequence[str] | None = compare.MAX_OUTLETS,
) -> alt.Chart:
    """How each outlet rendered the same statement: one row per statement, a dot per outlet.

    The ``max_outlets`` outlets with most articles have a column each; the
    others share the column "other outlets" (its closest rendering).

    Rows are the groups of :func:`mediakit.align_quotes` (the ``max_groups``
    quoted by most outlets); a dot's size is the rendering's similarity to
    the group's most central wording, and its tooltip shows the words.

    >>> a = pd.DataFrame({"group_id": [0, 0], "speaker": ["Ann Lee"] * 2, "outlet": ["X", "Y"],
    ...                   "quote": ["We want peace", "We want a fair peace"], "similarity": [100.0, 90.0]})
    >>> quote_alignment(a).to_dict()["title"]["text"]
    'One statement, several renderings'
    """
    folded, fold_note = (
        compare.keep_largest_outlets(aligned, max_outlets, "quotes")
        if "outlet" in aligned.columns
        else (aligned, "")
    )
    data = compare.quote_statements(folded, max_groups=max_groups)
    order = data.attrs["order"]
    note = " ".join(n for n in (data.attrs["note"], fold_note) if n)
    return (
        alt.Chart(data)
        .mark_circle(opacity=0.85)
        .encode(
            x=alt.X("outlet:N", title="Outlet", axis=alt.Axis(labelAngle=-30, labelLimit=160)),
            y=alt.Y("statement:N", sort=order, title=None, axis=alt.Axis(labelLimit=420)),
            size=alt.Size(
                "similarity:Q",
                title=["Similarity to the", "central wording (0-100)"],
                scale=alt.Scale(domain=[0, 100], range=[20, 400]),
            ),
            color=outlet_colour(data["outlet"], outlets),
            tooltip=[
                alt.Tooltip("statement:N", title="Statement"),
                alt.Tooltip("outlet:N", title="Outlet"),
                alt.Tooltip("quote:N", title="This outlet's wording"),
                alt.Tooltip("similarity:Q", title="Similarity (0-100)", format=".0f"),
                alt.Tooltip("renderings:Q", title="Times quoted in this outlet"),
            ],
        )
        .properties(
            title=chart_title(
                "One statement, several renderings",
                "Each row is one statement by one speaker; a dot means the outlet quotes it, "
                "smaller dots reword it more. Hover for the wording.",
                note,
            ),
            width=alt.Step(80),
            height=alt.Step(24),
        )
    )
