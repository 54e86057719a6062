"""Charts: pure functions from mediakit tables to altair charts.

Every function gets its numbers from :mod:`mediakit.compare` (so the charts,
the widgets and the static report agree), returns a chart and displays
nothing. Every chart has a title, axis titles with units and tooltips, and
an outlet has the same colour in every chart: pass ``outlets=`` (all outlet
names of the corpus) when you chart a subset, and colours stay put.

Charts embed only aggregated or per-article numbers (never article text),
and at most a few thousand rows, so altair's 5,000-row limit is never hit:
big corpora are drawn as box statistics, and charts with one row or panel
per outlet show the ``max_outlets`` largest outlets (the subtitle says so).

>>> import mediakit
>>> from mediakit import charts
>>> metrics = mediakit.analyze(cache_dir=False)
>>> chart = charts.metric_by_outlet(metrics, "words_per_sentence")
>>> chart.save("words_per_sentence.html", inline=True)  # doctest: +SKIP
"""

from __future__ import annotations

import colorsys
import hashlib
from collections.abc import Iterable, Sequence

import altair as alt
import numpy as np
import pandas as pd

from . import compare
from .errors import CorpusError
from .metric_info import GRADE_FORMULAS, describe_metric, metric_short_title

__all__ = [
    "PALETTE",
    "entity_heatmap",
    "metric_by_outlet",
    "metric_profile",
    "outlet_palette",
    "readability_formulas",
    "sentence_lengths",
    "top_entities",
]

#: Okabe & Ito's colour-blind-safe categorical palette (black last: it is also the mean mark).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
_WIDTH = 480
_TITLE_CHARS = 70  # long headlines are cut in tooltips and labels

_LABEL_NAMES = {
    "PERSON": "people",
    "ORG": "organisations",
    "GPE": "countries, cities and states",
    "NORP": "nationalities and groups",
    "LOC": "locations",
    "FAC": "buildings and facilities",
    "PRODUCT": "products",
    "EVENT": "events",
}


# -- colours ----------------------------------------------------------------------------
def _hashed_colour(name: str) -> str:
    # Same name -> same colour in every corpus and session; lightness kept mid-range for contrast.
    h = hashlib.blake2b(name.encode("utf-8"), digest_size=4).digest()
    hue = int.from_bytes(h[:2], "big") / 65536
    light = 0.35 + 0.2 * h[2] / 255
    sat = 0.55 + 0.35 * h[3] / 255
    r, g, b = colorsys.hls_to_rgb(hue, light, sat)
    return f"#{round(r * 255):02x}{round(g * 255):02x}{round(b * 255):02x}"


def outlet_palette(outlets: Iterable[str]) -> dict[str, str]:
    """A colour per outlet: the same outlet list always gives the same colours.

    Sorted unique names take the colour-blind-safe :data:`PALETTE` in turn;
    with more outlets than colours, every outlet gets a colour hashed from
    its name (stable, but no longer guaranteed distinguishable).

    >>> outlet_palette(["Outlet B", "Newslooks", "Outlet B"])
    {'Newslooks': '#0072B2', 'Outlet B': '#E69F00'}
    """
    names = sorted({str(o) for o in outlets if not pd.isna(o)})
    if len(names) <= len(PALETTE):
        return dict(zip(names, PALETTE, strict=False))
    return {n: _hashed_colour(n) for n in names}


def _colour(
    present: Sequence[str], outlets: Iterable[str] | None, *, legend: bool = False
) -> alt.Color:
    # Domain = outlets in the chart only (small spec, short legend); colours from the full list.
    full = set(present) | ({str(o) for o in outlets} if outlets is not None else set())
    palette = outlet_palette(full)
    domain = sorted(set(present))
    return alt.Color(
        "outlet:N",
        scale=alt.Scale(domain=domain, range=[palette[o] for o in domain]),
        legend=alt.Legend(title="Outlet", symbolLimit=40) if legend else None,
        title="Outlet",
    )


# -- helpers ---------------------------------------------------------------------------
def _title(text: str, *subtitle: str) -> alt.TitleParams:
    return alt.TitleParams(text=text, subtitle=[s for s in subtitle if s], anchor="start")


def _cap(table: pd.DataFrame, max_outlets: int | None, what: str) -> tuple[pd.DataFrame, str]:
    """Keep the largest ``max_outlets`` outlets; the note tells the reader what was left out."""
    if max_outlets is None:
        return table, ""
    if "outlet" not in table.columns:
        raise CorpusError(f"the table lacks an 'outlet' column; found {list(table.columns)[:12]}.")
    keep = compare.largest_outlets(table, None)
    if len(keep) <= max_outlets:
        return table, ""
    kept = keep[:max_outlets]
    note = f"Showing the {max_outlets} outlets with most {what} of {len(keep)}; pick outlets to see others."
    return table[table["outlet"].astype("string").isin(kept)], note


def _short(text: pd.Series, n: int = _TITLE_CHARS) -> pd.Series:
    text = text.astype("string").fillna("")
    return text.where(text.str.len() <= n, text.str.slice(0, n - 1) + "…")


def _direction_note(metric: str) -> str:
    higher = describe_metric(metric).higher
    return f"Higher = {higher} to read." if higher else ""


def _step(n: int) -> alt.Step:
    return alt.Step(26 if n <= 30 else 16)


# -- charts ----------------------------------------------------------------------------
def metric_by_outlet(
    metrics: pd.DataFrame,
    metric: str = "flesch_reading_ease",
    *,
    outlets: Iterable[str] | None = None,
    max_outlets: int | None = 60,
) -> alt.LayerChart:
    """One metric by outlet: a dot per article and a tick at each outlet's mean.

    Outlets are sorted by mean. Above :data:`mediakit.compare.MAX_POINTS`
    articles the dots become box plots (quartiles, whiskers, median, mean).

    >>> m = pd.DataFrame({"doc_id": list("abc"), "outlet": ["X", "X", "Y"], "words": [100, 300, 50]})
    >>> metric_by_outlet(m, "words").to_dict()["title"]["text"]
    'Words by outlet'
    """
    capped, note = (
        _cap(metrics, max_outlets, "articles") if "outlet" in metrics.columns else (metrics, "")
    )
    data = compare.metric_by_outlet(capped, metric)
    info = describe_metric(metric)
    order = data.summary["outlet"].tolist()
    colour = _colour(order, outlets)
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
        base = alt.Chart(stats)
        whisker = base.mark_rule().encode(
            x=alt.X("lower:Q", title=info.title), x2="upper:Q", y=y, color=colour, tooltip=stat_tips
        )
        box = base.mark_bar(size=14, opacity=0.6).encode(
            x="q1:Q", x2="q3:Q", y=y, color=colour, tooltip=stat_tips
        )
        median = base.mark_tick(size=14, thickness=2, color="white").encode(
            x="median:Q", y=y, tooltip=stat_tips
        )
        layers = [whisker, box, median, mean]
        how = (
            f"{int(data.summary['articles'].sum()):,} articles, too many to draw one by one: boxes span the "
            "middle half of each outlet's articles, lines the rest (outliers left out), "
            "white tick = median, black tick = mean."
        )
    else:
        # The metric's own column name in the spec: readable in the Vega editor and in tests.
        pts = data.points.rename(columns={"value": metric}).assign(
            title=_short(data.points["title"]),
            jitter=(np.arange(len(data.points)) * 0.618034) % 1.0 - 0.5,
        )
        dots = (
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
        layers = [dots, mean]
        how = "Each dot is one article; the black tick is the outlet's mean."
    return alt.layer(*layers).properties(
        title=_title(f"{info.short} by outlet", how, _direction_note(metric), note),
        width=_WIDTH,
        height=_step(len(order)),
    )


def metric_profile(
    metrics: pd.DataFrame,
    columns: Sequence[str] | None = None,
    *,
    outlets: Iterable[str] | None = None,
    max_outlets: int | None = 30,
) -> alt.LayerChart:
    """Several metrics side by side, each as outlet averages in corpus standard deviations.

    0 is the corpus average; +1 means one standard deviation above it. See
    :func:`mediakit.compare.standardized`.

    >>> m = pd.DataFrame({"doc_id": list("abcd"), "outlet": ["X", "X", "Y", "Y"], "words": [1, 3, 5, 7]})
    >>> metric_profile(m, ["words"]).to_dict()["title"]["text"]
    'How the outlets differ, metric by metric'
    """
    capped, note = (
        _cap(metrics, max_outlets, "articles") if "outlet" in metrics.columns else (metrics, "")
    )
    data = compare.standardized(metrics, columns)
    data = data[data["outlet"].isin(set(compare.largest_outlets(capped, None)))] if note else data
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
        "color": _colour(present, outlets, legend=True),
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
    if len(present) <= 12:  # side by side within a row; more outlets would be slivers
        enc["yOffset"] = alt.YOffset("outlet:N", sort=present)
    zero = alt.Chart(pd.DataFrame({"z": [0.0]})).mark_rule(color="#888").encode(x="z:Q")
    dots = alt.Chart(data).mark_circle(size=70, opacity=0.85).encode(**enc)
    return alt.layer(zero, dots).properties(
        title=_title(
            "How the outlets differ, metric by metric",
            "Each dot: an outlet's average, in standard deviations of all articles, so metrics with "
            "different units line up. Right of 0 = above the corpus average.",
            note,
        ),
        width=_WIDTH,
        # yOffset splits each row, so the height is set per metric row, not as a step.
        height=len(order) * (max(22, 8 * len(present)) if "yOffset" in enc else 22),
    )


def readability_formulas(
    metrics: pd.DataFrame,
    *,
    outlets: Iterable[str] | None = None,
    max_articles: int = 40,
    max_outlets: int | None = 60,
) -> alt.LayerChart:
    """The five grade-level formulas side by side, and where they disagree.

    Up to ``max_articles`` articles: one row per article; more: one row per
    outlet (its average grade per formula). The line spans the lowest to the
    highest grade; a long line means the formulas disagree.

    >>> from mediakit.metric_info import GRADE_FORMULAS
    >>> m = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], **{f: [8.0 + i] for i, f in enumerate(GRADE_FORMULAS)}})
    >>> readability_formulas(m).to_dict()["title"]["text"]
    'Five readability formulas, five answers'
    """
    compare.formula_grades(metrics.iloc[:0])  # fails early, with the metric list, on a wrong table
    n = int(metrics[list(GRADE_FORMULAS)].notna().all(axis=1).sum())
    note = ""
    if n <= max_articles:
        data = compare.formula_grades(metrics)
        label = (
            data["outlet"]
            + " · "
            + _short(data["title"].where(data["title"] != "", data["doc_id"]), 45)
        )
        shared = data.groupby(label)["doc_id"].transform("nunique") > 1  # two articles, one label
        data = data.assign(
            row=label.where(~shared, label + " (" + data["doc_id"] + ")"),
            title=_short(data["title"]),
        )
        row_title, what = "Article", "an article"
        extra = [
            alt.Tooltip("title:N", title="Article"),
            alt.Tooltip("consensus_grade:Q", title="Consensus grade", format=".1f"),
        ]
    else:
        capped, note = _cap(metrics, max_outlets, "articles")
        data = compare.formula_grades_by_outlet(capped).assign(row=lambda d: d["outlet"])
        row_title, what = "Outlet", "an outlet's average"
        extra = [alt.Tooltip("articles:Q", title="Articles", format=",")]
    data = data.assign(formula_title=data["formula"].map(metric_short_title))
    rows = list(dict.fromkeys(data["row"]))
    y = alt.Y("row:N", sort=rows, title=None, axis=alt.Axis(labelLimit=300))
    colour = _colour(sorted(data["outlet"].unique()), outlets)
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
        title=_title(
            "Five readability formulas, five answers",
            f"Each shape is one formula's grade for {what}; the line runs from the lowest to the highest. "
            "A long line means the formulas disagree: trust none of them alone.",
            note,
        ),
        width=_WIDTH,
        height=_step(len(rows)),
    )


def _entity_words(label: str | Sequence[str] | None) -> str:
    if isinstance(label, str):
        return _LABEL_NAMES.get(label.upper(), f"{label.upper()} entities")
    return "names"


def entity_heatmap(
    mentions: pd.DataFrame,
    metrics: pd.DataFrame | None = None,
    *,
    label: str | Sequence[str] | None = "PERSON",
    per_1k: bool = False,
    top: int = 20,
    outlets: Iterable[str] | None = None,
    max_outlets: int | None = 50,
) -> alt.LayerChart:
    """Who names whom: the corpus's ``top`` entities (columns) by outlet (rows).

    Cells count mentions, or mentions per 1,000 words the outlet published
    (``per_1k=True``, needs ``metrics``). See :func:`mediakit.compare.entity_matrix`.

    >>> ents = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"], "label": ["PERSON"] * 2,
    ...                      "canonical": ["Ann", "Bo"]})
    >>> entity_heatmap(ents).to_dict()["title"]["text"]
    'Who is named: the 2 people mentioned most'
    """
    if metrics is not None and "outlet" in metrics.columns:
        source, note = _cap(metrics, max_outlets, "articles")
        ments = mentions[mentions["outlet"].isin(set(source["outlet"]))] if note else mentions
    else:
        ments, note = (
            _cap(mentions, max_outlets, "mentions")
            if "outlet" in mentions.columns
            else (mentions, "")
        )
        source = metrics
    data = compare.entity_matrix(ments, source, label=label, per_1k=per_1k, top=top)
    unit = "Mentions per 1,000 words" if per_1k else "Mentions"
    names = list(dict.fromkeys(data["canonical"]))
    present = sorted(data["outlet"].unique())
    fmt = ".1f" if per_1k else ",.0f"
    peak = float(data["value"].max()) if len(data) and data["value"].notna().any() else 0.0
    tips = [
        alt.Tooltip("outlet:N", title="Outlet"),
        alt.Tooltip("canonical:N", title="Entity"),
        alt.Tooltip("label:N", title="Type"),
        alt.Tooltip("mentions:Q", title="Mentions", format=","),
        alt.Tooltip("articles:Q", title="Articles naming it", format=","),
    ]
    if metrics is not None:
        tips.append(alt.Tooltip("mentions_per_1k_words:Q", title="Per 1,000 words", format=".2f"))
    x = alt.X(
        "canonical:N",
        sort=names,
        title="Entity (most mentioned first)",
        axis=alt.Axis(labelAngle=-40, labelLimit=160),
    )
    y = alt.Y("outlet:N", sort=present, title="Outlet", axis=alt.Axis(labelLimit=200))
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
    what = _entity_words(label)
    return alt.layer(*layers).properties(
        title=_title(
            f"Who is named: the {len(names)} {what} mentioned most",
            f"{unit} of each entity by each outlet"
            + (" (all words the outlet published)." if per_1k else "."),
            note,
        ),
        width=alt.Step(26),
        height=_step(len(present)),
    )


def top_entities(
    mentions: pd.DataFrame,
    metrics: pd.DataFrame | None = None,
    *,
    label: str | Sequence[str] | None = "PERSON",
    per_1k: bool = False,
    top: int = 10,
    outlets: Iterable[str] | None = None,
    max_outlets: int | None = 12,
    columns: int = 3,
) -> alt.FacetChart:
    """Each outlet's ``top`` most mentioned entities, one panel per outlet.

    >>> ents = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"], "label": ["PERSON"] * 2,
    ...                      "canonical": ["Ann", "Bo"]})
    >>> top_entities(ents).to_dict()["title"]["text"]
    'Whom each outlet names most: people'
    """
    ments, note = (
        _cap(mentions, max_outlets, "mentions") if "outlet" in mentions.columns else (mentions, "")
    )
    data = compare.top_entities(ments, metrics, label=label, per_1k=per_1k, top=top)
    unit = "Mentions per 1,000 words" if per_1k else "Mentions"
    present = sorted(data["outlet"].unique())
    tips = [
        alt.Tooltip("outlet:N", title="Outlet"),
        alt.Tooltip("rank:Q", title="Rank"),
        alt.Tooltip("canonical:N", title="Entity"),
        alt.Tooltip("label:N", title="Type"),
        alt.Tooltip("mentions:Q", title="Mentions", format=","),
        alt.Tooltip("articles:Q", title="Articles naming it", format=","),
    ]
    if metrics is not None:
        tips.append(alt.Tooltip("mentions_per_1k_words:Q", title="Per 1,000 words", format=".2f"))
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
            color=_colour(present, outlets),
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
            title=_title(
                f"Whom each outlet names most: {_entity_words(label)}",
                f"{unit}; each panel is one outlet, its most mentioned entity on top.",
                note,
            )
        )
    )


def sentence_lengths(
    sentences: pd.DataFrame,
    *,
    outlets: Iterable[str] | None = None,
    bins: int | Sequence[float] = compare.SENTENCE_BINS,
    max_outlets: int | None = 12,
) -> alt.LayerChart:
    """How long the sentences are: share of each outlet's sentences by length in words.

    >>> s = pd.DataFrame({"outlet": ["X", "X", "Y"], "words": [3, 12, 30]})
    >>> sentence_lengths(s).to_dict()["title"]["text"]
    'How long are the sentences?'
    """
    capped, note = (
        _cap(sentences, max_outlets, "sentences")
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
        "color": _colour(present, outlets, legend=True),
        "tooltip": [
            alt.Tooltip("outlet:N", title="Outlet"),
            alt.Tooltip("bin:O", title="Words"),
            alt.Tooltip("sentences:Q", title="Sentences", format=","),
            alt.Tooltip("share:Q", title="Share of the outlet's sentences", format=".1%"),
        ],
    }
    base = alt.Chart(data)
    return (
        alt.layer(base.mark_line(strokeWidth=2), base.mark_point(filled=True, size=40))
        .encode(**enc)
        .properties(
            title=_title(
                "How long are the sentences?",
                "Share of each outlet's sentences in each length band; a curve further right means longer sentences.",
                note,
            ),
            width=_WIDTH,
            height=260,
        )
    )


# Charts of the later analyses live in their own modules; one namespace for users.
from .charts_claims import figure_disagreements, quote_alignment, quotes_by_speaker  # noqa: E402,F401
from .charts_differ import keyness_chart, similarity_heatmap, unique_share_chart  # noqa: E402,F401
