"""Charts of shared and unique sentences: article (or outlet) similarity, unique share by outlet."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import altair as alt
import pandas as pd

from .. import compare
from .style import WIDTH, chart_title, outlet_colour

__all__ = ["similarity_heatmap", "unique_share_chart"]


# -- article similarity ---------------------------------------------------------------------
def similarity_heatmap(
    similarity: pd.DataFrame,
    *,
    max_articles: int = 40,
    max_outlets: int | Sequence[str] = compare.MAX_OUTLETS,
    labels: Mapping[str, str] | pd.Series | None = None,
) -> alt.Chart:
    """Which articles (or outlets) share sentences: a heatmap of ``Overlap.similarity``.

    Up to ``max_articles`` articles, one cell per pair of articles: the share
    of their sentences that have a near-duplicate in the other. Larger
    corpora are summed by outlet (the ``max_outlets`` outlets with most shared
    sentences): one cell per pair of outlets, coloured by the number of
    shared sentence pairs. ``labels`` (doc_id -> label, see
    :func:`mediakit.compare.article_labels`) names the articles.

    >>> sim = pd.DataFrame({"doc_id_a": ["a"], "doc_id_b": ["b"], "outlet_a": ["X"], "outlet_b": ["Y"],
    ...                     "similarity": [0.25], "shared_sentences": [3]})
    >>> similarity_heatmap(sim).to_dict()["title"]["text"]
    'Which articles share sentences?'
    """
    docs = pd.unique(pd.concat([similarity["doc_id_a"], similarity["doc_id_b"]]).astype(str))
    if len(docs) <= max_articles:
        return _article_heatmap(compare.article_similarity(similarity, labels=labels))
    return _outlet_heatmap(compare.outlet_similarity(similarity, max_outlets))


def _article_heatmap(data: pd.DataFrame) -> alt.Chart:
    order = sorted(set(data["article_a"]))
    return (
        alt.Chart(data)
        .mark_rect()
        .encode(
            x=alt.X(
                "article_a:N",
                sort=order,
                title="Article",
                axis=alt.Axis(labelLimit=260, labelAngle=-40),
            ),
            y=alt.Y(
                "article_b:N",
                sort=order,
                title="Article",
                axis=alt.Axis(labelLimit=260),
            ),
            color=alt.Color(
                "similarity:Q",
                title="Sentences shared",
                scale=alt.Scale(scheme="blues", domain=[0, 1]),
                legend=alt.Legend(format="%"),
            ),
            tooltip=[
                alt.Tooltip("outlet_a:N", title="Outlet"),
                alt.Tooltip("doc_id_a:N", title="Article"),
                alt.Tooltip("outlet_b:N", title="Other outlet"),
                alt.Tooltip("doc_id_b:N", title="Other article"),
                alt.Tooltip(
                    "similarity:Q", title="Share of both articles' sentences shared", format=".0%"
                ),
                alt.Tooltip(
                    "shared_sentences:Q", title="Pairs of near-duplicate sentences", format=","
                ),
            ],
        )
        .properties(
            title=chart_title(
                "Which articles share sentences?",
                "Share of the two articles' sentences that have a near-duplicate in the other "
                "(wire copy, reused quotes); darker = more shared.",
            ),
            width=alt.Step(22) if len(order) > 12 else 320,
            height=alt.Step(22) if len(order) > 12 else 320,
        )
    )


def _outlet_heatmap(data: pd.DataFrame) -> alt.Chart:
    note = data.attrs["note"]
    order = data.attrs["outlets"]
    return (
        alt.Chart(data)
        .mark_rect()
        .encode(
            x=alt.X(
                "outlet_a:N",
                sort=order,
                title="Outlet",
                axis=alt.Axis(labelLimit=240, labelAngle=-40),
            ),
            y=alt.Y("outlet_b:N", sort=order, title="Outlet", axis=alt.Axis(labelLimit=240)),
            color=alt.Color(
                "shared_sentences:Q",
                title="Shared sentence pairs",
                scale=alt.Scale(scheme="blues", type="symlog"),
            ),
            tooltip=[
                alt.Tooltip("outlet_a:N", title="Outlet"),
                alt.Tooltip("outlet_b:N", title="Other outlet"),
                alt.Tooltip(
                    "shared_sentences:Q", title="Pairs of near-duplicate sentences", format=","
                ),
                alt.Tooltip("article_pairs:Q", title="Article pairs sharing any", format=","),
                alt.Tooltip(
                    "mean_similarity:Q",
                    title="Mean share of sentences shared (those pairs)",
                    format=".1%",
                ),
            ],
        )
        .properties(
            title=chart_title(
                "Which outlets share sentences?",
                "Number of near-duplicate sentence pairs between two outlets' articles (wire copy, reused quotes).",
                note,
            ),
            width=alt.Step(16),
            height=alt.Step(16),
        )
    )


# -- unique sentences -------------------------------------------------------------------
def unique_share_chart(
    unique_share: pd.DataFrame,
    *,
    max_outlets: int | Sequence[str] | None = compare.MAX_OUTLETS,
    outlets: Iterable[str] | None = None,
) -> alt.Chart:
    """What share of each outlet's sentences no other outlet has: one bar per outlet.

    Sums ``Overlap.unique_share`` by outlet (unique sentences / sentences
    compared); the ``max_outlets`` outlets with most articles are named, the
    others summed as "other outlets".

    >>> u = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"], "sentences": [10, 20],
    ...                   "unique_sentences": [5, 20], "unique_share": [0.5, 1.0]})
    >>> unique_share_chart(u).to_dict()["title"]["text"]
    'What only this outlet reports'
    """
    data = compare.unique_share_by_outlet(unique_share, max_outlets)
    note = data.attrs["note"]
    present = sorted(data["outlet"].unique())
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X(
                "unique_share:Q",
                title="Share of the outlet's sentences found in no other outlet",
                axis=alt.Axis(format="%"),
                scale=alt.Scale(domain=[0, 1]),
            ),
            y=alt.Y(
                "outlet:N",
                sort=alt.EncodingSortField("unique_share", order="descending"),
                title=None,
                axis=alt.Axis(labelLimit=200),
            ),
            color=outlet_colour(present, outlets),
            tooltip=[
                alt.Tooltip("outlet:N", title="Outlet"),
                alt.Tooltip("articles:Q", title="Articles", format=","),
                alt.Tooltip("sentences:Q", title="Sentences compared", format=","),
                alt.Tooltip("unique_sentences:Q", title="Found in no other outlet", format=","),
                alt.Tooltip("unique_share:Q", title="Unique share", format=".0%"),
            ],
        )
        .properties(
            title=chart_title(
                "What only this outlet reports",
                "Share of each outlet's sentences with no near-duplicate in another outlet; "
                "low = much shared wording (wire copy), high = own reporting or own phrasing.",
                note,
            ),
            width=WIDTH,
            height=alt.Step(22 if len(data) <= 30 else 16),
        )
    )
