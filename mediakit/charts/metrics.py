"""Charts of the metrics: one metric by outlet, the profile, the five formulas, sentence lengths."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import altair as alt
import numpy as np
import pandas as pd

from .. import compare
from ..analyses.metric_info import GRADE_FORMULAS, describe_metric, metric_short_title
from .style import (
    TITLE_CHARS,
    WIDTH,
    chart_title,
    direction_note,
    outlet_colour,
    outlet_shape,
    row_step,
    shorten,
)

__all__ = ["metric_by_outlet", "metric_profile", "readability_formulas", "sentence_lengths"]


# -- charts ----------------------------------------------------------------------------
def metric_by_outlet(
    metrics: pd.DataFrame,
    metric: str = "flesch_reading_ease",
    *,
    outlets: Iterable[str] | None = None,
    max_outlets: int | Sequence[str] | None = compare.MAX_OUTLETS,
    max_points: int = compare.MAX_POINTS,
) -> alt.LayerChart:
    """One metric by outlet: a dot per article and a tick at each outlet's mean.

    Outlets are sorted by mean. Above ``max_points`` articles (default
    :data:`mediakit.compare.MAX_POINTS`) the dots become box plots (quartiles,
    whiskers, median, mean).

    >>> m = pd.DataFrame({"doc_id": list("abc"), "outlet": ["X", "X", "Y"], "words": [100, 300, 50]})
    >>> metric_by_outlet(m, "words").to_dict()["title"]["text"]
    'Words by outlet'
    """
    capped, note = (
        compare.keep_largest_outlets(metrics, max_outlets, "articles")
        if "outlet" in metrics.columns
        else (metrics, "")
    )
    data = compare.metric_by_outlet(capped, metric, max_points=max_points)
    info = describe_metric(metric)
    order = data.summary["outlet"].tolist()
    colour = outlet_colour(order, outlets)
    y = alt.Y("outlet:N", sort=order, title="Outlet", axis=alt.Axis(labelLimit=220))
    fmt = ",.2f" if data.summary["max"].abs().max() < 100 else ",.0f"
    stats = data.summary.assign(metric=info.short)
    stat_tips = [
        alt.Tooltip("outlet:N", title="Outlet"),
        alt.Tooltip("articles:Q", title="Articles", format=","),
        alt.Tooltip("mean:Q", title="Mean", format=fmt),
        alt.Tooltip("median:Q", title="Median", format=fmt),
        alt.Tooltip("min:Q", title="Lowest", format=fmt),
        alt.Tooltip("max:Q", title="Highest", format=fmt),
    ]
    mean = (
        alt.Chart(stats)
        .mark_tick(thickness=3, size=18, color="black")
        .encode(x=alt.X("mean:Q", title=info.title), y=y, tooltip=stat_tips)
    )
    if data.aggregated:
        layers = [*_box_layers(stats, y, colour, stat_tips, info.title), mean]
        how = (
            f"{int(data.summary['articles'].sum()):,} articles, too many to draw one by one: boxes span the "
            "middle half of each outlet's articles, lines the rest (outliers left out), "
            "white tick = median, black tick = mean."
        )
    else:
        # Dots over the mean: with one article per outlet they coincide, and a
        # hover or click must reach the article, not the outlet's average.
        layers = [mean, _dots(data.points, metric, y, colour, fmt)]
        how = "Each dot is one article; the black tick is the outlet's mean."
    return alt.layer(*layers).properties(
        title=chart_title(f"{info.short} by outlet", how, direction_note(metric), note),
        width=WIDTH,
        height=row_step(len(order)),
    )


def _box_layers(stats: pd.DataFrame, y: alt.Y, colour: alt.Color, tips: list, x_title: str) -> list:
    base = alt.Chart(stats)
    whisker = base.mark_rule().encode(
        x=alt.X("lower:Q", title=x_title), x2="upper:Q", y=y, color=colour, tooltip=tips
    )
    box = base.mark_bar(size=14, opacity=0.6).encode(
        x="q1:Q", x2="q3:Q", y=y, color=colour, tooltip=tips
    )
    median = base.mark_tick(size=14, thickness=2, color="white").encode(
        x="median:Q", y=y, tooltip=tips
    )
    return [whisker, box, median]


def _dots(points: pd.DataFrame, metric: str, y: alt.Y, colour: alt.Color, fmt: str) -> alt.Chart:
    info = describe_metric(metric)
    # The metric's own column name in the spec: readable in the Vega editor and in tests.
    # Three decimals of jitter and shorter titles past 500 dots keep a big corpus's spec small.
    pts = points.rename(columns={"value": metric}).assign(
        title=shorten(points["title"], TITLE_CHARS if len(points) <= 500 else 45),
        jitter=np.round((np.arange(len(points)) * 0.618034) % 1.0 - 0.5, 3),
    )
    return (
        alt.Chart(pts)
        .mark_circle(size=45, opacity=0.65)
        .encode(
            x=alt.X(f"{metric}:Q", title=info.title, scale=alt.Scale(zero=False)),
            y=y,
            yOffset=alt.YOffset("jitter:Q", scale=alt.Scale(domain=[-1.2, 1.2]), title=None),
            color=colour,
            tooltip=[
                alt.Tooltip("outlet:N", title="Outlet"),
                alt.Tooltip("title:N", title="Article"),
                alt.Tooltip("doc_id:N", title="Article id"),
                alt.Tooltip(f"{metric}:Q", title=info.short, format=fmt),
            ],
        )
    )


def metric_profile(
    metrics: pd.DataFrame,
    columns: Sequence[str] | None = None,
    *,
    outlets: Iterable[str] | None = None,
    max_outlets: int | Sequence[str] | None = compare.MAX_OUTLETS,
) -> alt.LayerChart:
    """Several metrics side by side, each as outlet averages in corpus standard deviations.

    0 is the corpus average; +1 means one standard deviation above it. See
    :func:`mediakit.compare.standardized`.

    >>> m = pd.DataFrame({"doc_id": list("abcd"), "outlet": ["X", "X", "Y", "Y"], "words": [1, 3, 5, 7]})
    >>> metric_profile(m, ["words"]).to_dict()["title"]["text"]
    'How the outlets differ, metric by metric'
    """
    capped, note = (
        compare.keep_largest_outlets(metrics, max_outlets, "articles")
        if "outlet" in metrics.columns
        else (metrics, "")
    )
    # Folding the small outlets leaves every article in: 0 is still the corpus average.
    data = compare.standardized(capped, columns)
    order = list(dict.fromkeys(data["metric"]))
    labels = {
        c: metric_short_title(c) + (f" (higher = {d})" if (d := describe_metric(c).higher) else "")
        for c in order
    }
    data = data.assign(metric_title=data["metric"].map(labels))
    present = sorted(data["outlet"].unique())
    y = alt.Y(
        "metric_title:N", sort=[labels[c] for c in order], title=None, axis=alt.Axis(labelLimit=260)
    )
    enc: dict = {
        "x": alt.X(
            "z:Q", title="Outlet average in corpus standard deviations (0 = corpus average)"
        ),
        "y": y,
        "color": outlet_colour(present, outlets, legend=True),
        "tooltip": [
            alt.Tooltip("outlet:N", title="Outlet"),
            alt.Tooltip("metric_title:N", title="Metric"),
            alt.Tooltip("z:Q", title="z-score", format="+.2f"),
            alt.Tooltip("mean:Q", title="Outlet mean", format=",.2f"),
            alt.Tooltip("corpus_mean:Q", title="Corpus mean", format=",.2f"),
            alt.Tooltip("corpus_sd:Q", title="Corpus standard deviation", format=",.2f"),
            alt.Tooltip("articles:Q", title="Articles", format=","),
        ],
    }
    shape = outlet_shape(present, outlets, legend=True)
    if shape is not None:
        enc["shape"] = shape
    if len(present) <= 12:  # side by side within a row; more outlets would be slivers
        enc["yOffset"] = alt.YOffset("outlet:N", sort=present)
    zero = alt.Chart(pd.DataFrame({"z": [0.0]})).mark_rule(color="#888").encode(x="z:Q")
    dots = alt.Chart(data).mark_point(size=70, opacity=0.85, filled=True).encode(**enc)
    return alt.layer(zero, dots).properties(
        title=chart_title(
            "How the outlets differ, metric by metric",
            "Each dot: an outlet's average, in standard deviations of all articles, so metrics with "
            "different units line up. Right of 0 = above the corpus average.",
            note,
        ),
        width=WIDTH,
        # yOffset splits each row, so the height is set per metric row, not as a step.
        height=len(order) * (max(22, 8 * len(present)) if "yOffset" in enc else 22),
    )


def _formula_rows(
    metrics: pd.DataFrame,
    max_articles: int,
    max_outlets: int | Sequence[str] | None,
    labels: Mapping[str, str] | pd.Series | None = None,
):
    """The grades to draw, one row per article (few articles) or per outlet, and how to name them."""
    n = int(metrics[list(GRADE_FORMULAS)].notna().all(axis=1).sum())
    note = ""
    if n <= max_articles:
        data = compare.formula_grades(metrics)
        label = (
            data["outlet"]
            + " · "
            + shorten(data["title"].where(data["title"] != "", data["doc_id"]), 45)
        )
        shared = data.groupby(label)["doc_id"].transform("nunique") > 1  # two articles, one label
        row = label.where(~shared, label + " (" + data["doc_id"] + ")")
        if labels is not None:  # names for untitled articles too (date, first words)
            named = data["doc_id"].astype(str).map(dict(labels))
            row = shorten(named, 60).where(named.notna(), row)
        data = data.assign(
            row=row,
            title=shorten(data["title"]),
        )
        row_title, what = "Article", "an article"
        extra = [
            alt.Tooltip("title:N", title="Article"),
            alt.Tooltip("consensus_grade:Q", title="Consensus grade", format=".1f"),
        ]
    else:
        capped, note = compare.keep_largest_outlets(metrics, max_outlets, "articles")
        data = compare.formula_grades_by_outlet(capped).assign(row=lambda d: d["outlet"])
        row_title, what = "Outlet", "an outlet's average"
        extra = [alt.Tooltip("articles:Q", title="Articles", format=",")]
    return data, row_title, what, extra, note


def readability_formulas(
    metrics: pd.DataFrame,
    *,
    outlets: Iterable[str] | None = None,
    max_articles: int = 40,
    max_outlets: int | Sequence[str] | None = compare.MAX_OUTLETS,
    labels: Mapping[str, str] | pd.Series | None = None,
) -> alt.LayerChart:
    """The five grade-level formulas side by side, and where they disagree.

    ``labels`` (doc_id -> name, see :func:`mediakit.compare.article_labels`)
    names the article rows; without it they read "outlet · title" (or id).

    Up to ``max_articles`` articles: one row per article; more: one row per
    outlet (its average grade per formula). The line spans the lowest to the
    highest grade; a long line means the formulas disagree.

    >>> from mediakit.analyses.metric_info import GRADE_FORMULAS
    >>> m = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], **{f: [8.0 + i] for i, f in enumerate(GRADE_FORMULAS)}})
    >>> readability_formulas(m).to_dict()["title"]["text"]
    'Five readability formulas, five answers'
    """
    compare.formula_grades(metrics.iloc[:0])  # fails early, with the metric list, on a wrong table
    data, row_title, what, extra, note = _formula_rows(metrics, max_articles, max_outlets, labels)
    data = data.assign(formula_title=data["formula"].map(metric_short_title))
    rows = list(dict.fromkeys(data["row"]))
    y = alt.Y("row:N", sort=rows, title=None, axis=alt.Axis(labelLimit=300))
    colour = outlet_colour(sorted(data["outlet"].unique()), outlets)
    x_title = "Grade level (US school years)"
    tips = [
        alt.Tooltip("outlet:N", title="Outlet"),
        *extra,
        alt.Tooltip("formula_title:N", title="Formula"),
        alt.Tooltip("grade:Q", title="Grade", format=".1f"),
        alt.Tooltip("spread:Q", title="Highest minus lowest", format=".1f"),
    ]
    span = (
        alt.Chart(data)
        .mark_rule(strokeWidth=2, opacity=0.6)
        .encode(
            x=alt.X("min(grade):Q", title=x_title),
            x2="max(grade):Q",
            y=y,
            color=colour,
            tooltip=[
                alt.Tooltip("row:N", title=row_title),
                alt.Tooltip("max(spread):Q", title="Highest minus lowest", format=".1f"),
            ],
        )
    )
    dots = (
        alt.Chart(data)
        .mark_point(size=70, filled=True)
        .encode(
            x=alt.X("grade:Q", title=x_title, scale=alt.Scale(zero=False)),
            y=y,
            color=colour,
            shape=alt.Shape(
                "formula_title:N",
                title="Formula",
                sort=[metric_short_title(f) for f in GRADE_FORMULAS],
            ),
            tooltip=tips,
        )
    )
    return alt.layer(span, dots).properties(
        title=chart_title(
            "Five readability formulas, five answers",
            f"Each shape is one formula's grade for {what}; the line runs from the lowest to the highest. "
            "A long line means the formulas disagree: trust none of them alone.",
            note,
        ),
        width=WIDTH,
        height=row_step(len(rows)),
    )


def sentence_lengths(
    sentences: pd.DataFrame,
    *,
    outlets: Iterable[str] | None = None,
    bins: int | Sequence[float] = compare.SENTENCE_BINS,
    max_outlets: int | Sequence[str] | None = compare.MAX_OUTLETS,
) -> alt.LayerChart:
    """How long the sentences are: share of each outlet's sentences by length in words.

    >>> s = pd.DataFrame({"outlet": ["X", "X", "Y"], "words": [3, 12, 30]})
    >>> sentence_lengths(s).to_dict()["title"]["text"]
    'How long are the sentences?'
    """
    capped, note = (
        compare.keep_largest_outlets(sentences, max_outlets, "sentences")
        if "outlet" in sentences.columns
        else (sentences, "")
    )
    data = compare.sentence_length_distribution(capped, bins=bins)
    order = list(dict.fromkeys(data.sort_values("bin_start", kind="stable")["bin"]))
    present = sorted(data["outlet"].unique())
    enc = {
        "x": alt.X(
            "bin:O", sort=order, title="Sentence length (words)", axis=alt.Axis(labelAngle=0)
        ),
        "y": alt.Y("share:Q", title="Share of the outlet's sentences", axis=alt.Axis(format="%")),
        "color": outlet_colour(present, outlets, legend=True),
        "tooltip": [
            alt.Tooltip("outlet:N", title="Outlet"),
            alt.Tooltip("bin:O", title="Words"),
            alt.Tooltip("sentences:Q", title="Sentences", format=","),
            alt.Tooltip("share:Q", title="Share of the outlet's sentences", format=".1%"),
        ],
    }
    base = alt.Chart(data)
    shape = outlet_shape(present, outlets, legend=True)
    points = base.mark_point(filled=True, size=40)
    if shape is not None:
        points = points.encode(shape=shape)
    return (
        alt.layer(base.mark_line(strokeWidth=2), points)
        .encode(**enc)
        .properties(
            title=chart_title(
                "How long are the sentences?",
                "Share of each outlet's sentences in each length band; a curve further right means longer sentences.",
                note,
            ),
            width=WIDTH,
            height=260,
        )
    )
