"""Chart of figures that disagree: each claim in its own panel, a dot per outlet."""

from __future__ import annotations

from collections.abc import Iterable

import altair as alt
import pandas as pd

from .. import compare
from .style import chart_title, outlet_colour

__all__ = ["figure_disagreements"]


def figure_disagreements(
    comparison: pd.DataFrame,
    *,
    only_disagreements: bool = True,
    max_groups: int = 12,
    outlets: Iterable[str] | None = None,
) -> alt.FacetChart:
    """Where outlets disagree on the numbers: each claim group in its own panel.

    Takes :func:`mediakit.compare_figures`; one panel per group (the
    ``max_groups`` groups with most outlets), a dot per outlet's figure, its
    shape the bound (exact, at least, at most, about, a range: a line from its
    first to its last number). Each panel has its own scale: the troop counts
    and the dollar sums are not comparable. The tooltip says why the group
    disagrees.

    >>> c = pd.DataFrame({"group_id": [0, 0], "group": ["troops (troops)"] * 2, "disagree": [True] * 2,
    ...                   "outlet": ["X", "Y"], "claim": ["up to 12,000", "over 10,000"],
    ...                   "value": [12000.0, 10000.0], "unit": ["troops"] * 2, "bound": ["max", "min"],
    ...                   "counted": ["troops"] * 2, "evidence": ["...", "..."]})
    >>> figure_disagreements(c).to_dict()["title"]["text"]
    'Where outlets disagree on the numbers'
    """
    data = compare.figure_panels(
        comparison, only_disagreements=only_disagreements, max_groups=max_groups
    )
    order, note = data.attrs["order"], data.attrs["note"]
    x = alt.X(
        "shown:Q",
        title="Value (in the panel's unit)",
        scale=alt.Scale(zero=False, nice=True, padding=30),
        axis=alt.Axis(format=",~r", tickCount=5),
    )
    y = alt.Y("row:N", title=None, axis=alt.Axis(labelLimit=180))
    points = (
        alt.Chart()
        .mark_point(filled=True, size=110, opacity=0.9)
        .encode(
            x=x,
            y=y,
            color=outlet_colour(data["outlet"], outlets, legend=True),
            shape=alt.Shape("bound_text:N", title="The outlet says"),
            tooltip=[
                alt.Tooltip("outlet:N", title="Outlet"),
                *([alt.Tooltip("doc_id:N", title="Article id")] if "doc_id" in data else []),
                alt.Tooltip("claim:N", title="Figure as written"),
                alt.Tooltip("value:Q", title="Value", format=",.6~g"),
                alt.Tooltip("unit:N", title="Unit"),
                alt.Tooltip("counted:N", title="Counts"),
                alt.Tooltip("why:N", title="Why"),
                alt.Tooltip("evidence:N", title="Sentence"),
            ],
        )
    )
    # A range is a line from its first to its last number.
    spans = (
        alt.Chart()
        .mark_rule(strokeWidth=3, opacity=0.5)
        .encode(
            x=x, x2="shown_end:Q", y=y, color=outlet_colour(data["outlet"], outlets, legend=True)
        )
    )
    # The figure as the outlet wrote it, next to its dot.
    labels = alt.Chart().mark_text(align="left", dx=9, fontSize=11).encode(x=x, y=y, text="claim:N")
    # A fixed panel height: a step height with independent faceted scales
    # makes Vega-Lite warn in the browser console.
    return (
        alt.layer(points, spans, labels, data=data)
        .properties(width=420, height=22 * _rows_per_panel(data))
        .facet(
            row=alt.Row(
                "panel:N",
                title=None,
                sort=order,
                header=alt.Header(labelAngle=0, labelAlign="left", labelFontWeight="bold"),
            ),
        )
        .resolve_scale(x="independent", y="independent")
        .properties(
            title=chart_title(
                "Where outlets disagree on the numbers",
                "Each panel is one claim reported by several outlets, with its own scale; "
                "shape = how the outlet hedges the number.",
                note,
            )
        )
    )


def _rows_per_panel(data: pd.DataFrame) -> int:
    # Every panel is as tall as the fullest one, not as tall as all outlets together.
    return max(1, int(data.groupby("panel")["row"].nunique().max())) if len(data) else 1
