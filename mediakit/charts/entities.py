"""Charts of the entities: who each outlet names (heatmap) and each outlet's most named."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import altair as alt
import pandas as pd

from .. import compare
from .style import chart_title, entity_words, outlet_colour, row_step

__all__ = ["entity_heatmap", "top_entities"]


def entity_heatmap(
    mentions: pd.DataFrame,
    metrics: pd.DataFrame | None = None,
    *,
    label: str | Sequence[str] | None = "PERSON",
    per_1k: bool = False,
    top: int = 20,
    outlets: Iterable[str] | None = None,
    max_outlets: int | Sequence[str] | None = compare.MAX_OUTLETS,
) -> alt.LayerChart:
    """Who names whom: the corpus's ``top`` entities (columns) by outlet (rows).

    Cells count mentions, or mentions per 1,000 words the outlet published
    (``per_1k=True``, needs ``metrics``). See :func:`mediakit.compare.entity_matrix`.

    >>> ents = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"], "label": ["PERSON"] * 2,
    ...                      "canonical": ["Ann", "Bo"]})
    >>> entity_heatmap(ents).to_dict()["title"]["text"]
    'Who is named: the 2 people mentioned most'
    """
    ments, source, note = _largest(mentions, metrics, max_outlets)
    data = compare.entity_matrix(ments, source, label=label, per_1k=per_1k, top=top)
    unit = "Mentions per 1,000 words" if per_1k else "Mentions"
    names = list(dict.fromkeys(data["canonical"]))
    present = sorted(data["outlet"].unique())
    fmt = ".1f" if per_1k else ",.0f"
    peak = float(data["value"].max()) if len(data) and data["value"].notna().any() else 0.0
    tips = _tips(metrics is not None)
    x = alt.X(
        "canonical:N",
        sort=names,
        title="Entity (most mentioned first)",
        axis=alt.Axis(labelAngle=-40, labelLimit=240),
    )
    y = alt.Y("outlet:N", sort=present, title="Outlet", axis=alt.Axis(labelLimit=240))
    cells = (
        alt.Chart(data)
        .mark_rect(stroke="white")
        .encode(
            x=x,
            y=y,
            color=alt.Color("value:Q", title=unit, scale=alt.Scale(scheme="blues", domainMin=0)),
            tooltip=tips,
        )
    )
    layers: list = [cells]
    if len(names) * len(present) <= 400:  # numbers only where a cell is big enough to read
        layers.append(
            alt.Chart(data)
            .mark_text(fontSize=10)
            .encode(
                x=x,
                y=y,
                text=alt.Text("value:Q", format=fmt),
                color=alt.condition(
                    alt.datum.value > peak / 2, alt.value("white"), alt.value("black")
                ),
                tooltip=tips,
            )
        )
    what = entity_words(label)
    return alt.layer(*layers).properties(
        title=chart_title(
            f"Who is named: the {len(names)} {what} mentioned most",
            f"{unit} of each entity by each outlet"
            + (" (all words the outlet published)." if per_1k else "."),
            note,
        ),
        width=alt.Step(26),
        height=row_step(len(present)),
    )


def top_entities(
    mentions: pd.DataFrame,
    metrics: pd.DataFrame | None = None,
    *,
    label: str | Sequence[str] | None = "PERSON",
    per_1k: bool = False,
    top: int = 10,
    outlets: Iterable[str] | None = None,
    max_outlets: int | Sequence[str] | None = compare.MAX_OUTLETS,
    columns: int = 3,
) -> alt.FacetChart:
    """Each outlet's ``top`` most mentioned entities, one panel per outlet.

    >>> ents = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"], "label": ["PERSON"] * 2,
    ...                      "canonical": ["Ann", "Bo"]})
    >>> top_entities(ents).to_dict()["title"]["text"]
    'Whom each outlet names most: people'
    """
    ments, note = (
        compare.keep_largest_outlets(mentions, max_outlets, "mentions")
        if "outlet" in mentions.columns
        else (mentions, "")
    )
    data = compare.top_entities(ments, metrics, label=label, per_1k=per_1k, top=top)
    unit = "Mentions per 1,000 words" if per_1k else "Mentions"
    present = sorted(data["outlet"].unique())
    tips = _tips(metrics is not None, alt.Tooltip("rank:Q", title="Rank"))
    bars = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("value:Q", title=unit),
            y=alt.Y(
                "canonical:N",
                sort=alt.EncodingSortField("rank", order="ascending"),
                title=None,
                axis=alt.Axis(labelLimit=150),
            ),
            color=outlet_colour(present, outlets),
            tooltip=tips,
        )
        .properties(width=170, height=alt.Step(15))
    )
    return (
        bars.facet(
            facet=alt.Facet(
                "outlet:N", title=None, sort=present, header=alt.Header(labelFontWeight="bold")
            ),
            columns=columns,
        )
        .resolve_scale(y="independent")
        .properties(
            title=chart_title(
                f"Whom each outlet names most: {entity_words(label)}",
                f"{unit}; each panel is one outlet, its most mentioned entity on top.",
                note,
            )
        )
    )


def _largest(
    mentions: pd.DataFrame,
    metrics: pd.DataFrame | None,
    max_outlets: int | Sequence[str] | None,
):
    """Mentions (and metrics) with the largest outlets named, by articles when metrics are given."""
    if metrics is not None and "outlet" in metrics.columns:
        source, note = compare.keep_largest_outlets(metrics, max_outlets, "articles")
        kept = sorted(set(source["outlet"].astype(str)) - {compare.OTHER_OUTLETS})
        ments = compare.keep_largest_outlets(mentions, kept, "mentions")[0] if note else mentions
    else:
        ments, note = (
            compare.keep_largest_outlets(mentions, max_outlets, "mentions")
            if "outlet" in mentions.columns
            else (mentions, "")
        )
        source = metrics
    return ments, source, note


def _tips(per_1k_known: bool, *first: alt.Tooltip) -> list[alt.Tooltip]:
    tips = [
        alt.Tooltip("outlet:N", title="Outlet"),
        *first,
        alt.Tooltip("canonical:N", title="Entity"),
        alt.Tooltip("label:N", title="Type"),
        alt.Tooltip("mentions:Q", title="Mentions", format=","),
        alt.Tooltip("articles:Q", title="Articles naming it", format=","),
    ]
    if per_1k_known:
        tips.append(alt.Tooltip("mentions_per_1k_words:Q", title="Per 1,000 words", format=".2f"))
    return tips
