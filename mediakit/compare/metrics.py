"""Metrics by outlet: summaries, per-article values, z-scores, formula grades, sentence lengths."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import numpy as np
import pandas as pd

from ..analyses.metric_info import GRADE_FORMULAS, PROFILE_COLUMNS
from ..errors import CorpusError
from .tables import STR, check_metrics, metric_columns, numeric_values, outlet_names, require, typed

#: Above this many articles, :func:`metric_by_outlet` returns box statistics instead of points
#: (altair refuses to embed more than 5,000 rows, and a browser would crawl anyway).
MAX_POINTS = 5000


#: Sentence-length bin edges in words; the last bin is open ("60+").
SENTENCE_BINS = (0, 5, 10, 15, 20, 25, 30, 35, 40, 50, 60)


# -- metrics by outlet -----------------------------------------------------------------
def outlet_summary(metrics: pd.DataFrame, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """Per outlet and metric: articles with a value, mean, median, min and max.

    Columns ``outlet, metric, articles, mean, median, min, max``; one row per
    outlet and metric, outlets sorted by name, metrics in the order given
    (default: every numeric metric column). ``articles`` counts the outlet's
    articles that have a value (empty articles have NaN scores).

    >>> m = pd.DataFrame({"doc_id": list("abc"), "outlet": ["X", "X", "Y"], "words": [100, 300, 50]})
    >>> outlet_summary(m).to_dict("records")[0]
    {'outlet': 'X', 'metric': 'words', 'articles': 2, 'mean': 200.0, 'median': 200.0, 'min': 100.0, 'max': 300.0}
    """
    cols = check_metrics(metrics, columns)
    values = pd.DataFrame({c: numeric_values(metrics, c) for c in cols}, index=metrics.index)
    grouped = values.groupby(outlet_names(metrics), sort=True)
    stats = {
        "articles": grouped.count(),
        "mean": grouped.mean(),
        "median": grouped.median(),
        "min": grouped.min(),
        "max": grouped.max(),
    }
    out = pd.concat({k: v.stack(future_stack=True) for k, v in stats.items()}, axis=1)
    out.index.names = ["outlet", "metric"]
    out = out.reset_index()
    out["metric"] = pd.Categorical(out["metric"], categories=cols, ordered=True)
    out = out.sort_values(["outlet", "metric"], kind="stable").reset_index(drop=True)
    return typed(out, strings=("outlet", "metric"), ints=("articles",))


class OutletValues(NamedTuple):
    """One metric by outlet: ``points`` (one row per article) and ``summary`` (one row per outlet).

    ``points`` is empty when there are more than ``max_points`` articles;
    draw the box statistics of ``summary`` instead.
    """

    points: pd.DataFrame
    summary: pd.DataFrame
    metric: str

    @property
    def aggregated(self) -> bool:
        """True when the articles are too many to draw one by one."""
        return self.points.empty and int(self.summary["articles"].sum()) > 0


def metric_by_outlet(
    metrics: pd.DataFrame, metric: str, *, max_points: int = MAX_POINTS
) -> OutletValues:
    """One metric per article and per outlet, for a dot-per-article chart with outlet means.

    ``points``: ``doc_id, outlet, title, value`` (articles without a value
    are left out). ``summary``: ``outlet, articles, mean, median, q1, q3,
    lower, upper, min, max``, ordered by mean (highest first); ``q1``/``q3``
    are the quartiles and ``lower``/``upper`` the box-plot whiskers (the most
    extreme values within 1.5 IQR of the box). When more than ``max_points``
    articles have a value, ``points`` is empty so that a chart never embeds a
    huge table.

    >>> m = pd.DataFrame({"doc_id": list("abc"), "outlet": ["X", "X", "Y"],
    ...                   "title": ["t1", "t2", "t3"], "words": [100, 300, 50]})
    >>> r = metric_by_outlet(m, "words")
    >>> r.summary[["outlet", "articles", "mean"]].to_dict("records")
    [{'outlet': 'X', 'articles': 2, 'mean': 200.0}, {'outlet': 'Y', 'articles': 1, 'mean': 50.0}]
    >>> len(r.points), r.aggregated
    (3, False)
    """
    (metric,) = check_metrics(metrics, metric)
    titles = metrics["title"] if "title" in metrics.columns else pd.Series("", index=metrics.index)
    frame = pd.DataFrame(
        {
            "doc_id": metrics["doc_id"].astype(STR),
            "outlet": outlet_names(metrics),
            "title": titles.astype(STR).fillna(""),
            "value": numeric_values(metrics, metric),
        }
    )
    frame = frame[frame["value"].notna()].reset_index(drop=True)
    summary = _box_stats(frame)
    points = frame.iloc[:0] if len(frame) > max_points else frame
    return OutletValues(
        typed(points.copy(), strings=("doc_id", "outlet", "title")), summary, metric
    )


def _box_stats(frame: pd.DataFrame) -> pd.DataFrame:
    g = frame.groupby("outlet", sort=True)["value"]
    s = pd.DataFrame(
        {
            "articles": g.size(),
            "mean": g.mean(),
            "median": g.median(),
            "q1": g.quantile(0.25),
            "q3": g.quantile(0.75),
            "min": g.min(),
            "max": g.max(),
        }
    )
    iqr = s["q3"] - s["q1"]
    lo = (s["q1"] - 1.5 * iqr).reindex(frame["outlet"]).to_numpy()
    hi = (s["q3"] + 1.5 * iqr).reindex(frame["outlet"]).to_numpy()
    v = frame["value"].to_numpy()
    inside = frame.assign(_lo=np.where(v >= lo, v, np.nan), _hi=np.where(v <= hi, v, np.nan))
    s["lower"] = inside.groupby("outlet", sort=True)["_lo"].min()
    s["upper"] = inside.groupby("outlet", sort=True)["_hi"].max()
    s = s.reset_index()[
        ["outlet", "articles", "mean", "median", "q1", "q3", "lower", "upper", "min", "max"]
    ]
    s = s.sort_values(["mean", "outlet"], ascending=[False, True], kind="stable").reset_index(
        drop=True
    )
    return typed(s, strings=("outlet",), ints=("articles",))


def standardized(metrics: pd.DataFrame, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """Outlet averages of each metric in corpus standard deviations (z-scores).

    Every article's value becomes ``z = (value - corpus_mean) / corpus_sd``
    (sample standard deviation over all articles); ``z`` is the outlet's
    average. 0 is the corpus average, +1 one standard deviation above it, so
    metrics with different units can sit side by side. Columns ``outlet,
    metric, articles, z, mean, corpus_mean, corpus_sd`` (``mean``: the
    outlet's raw average). ``z`` is NaN when a metric does not vary.
    Default columns: :data:`mediakit.analyses.metric_info.PROFILE_COLUMNS` present in the table.

    >>> m = pd.DataFrame({"doc_id": list("abcd"), "outlet": ["X", "X", "Y", "Y"], "words": [1, 3, 5, 7]})
    >>> standardized(m, ["words"])[["outlet", "z", "mean"]].round(3).to_dict("records")
    [{'outlet': 'X', 'z': -0.775, 'mean': 2.0}, {'outlet': 'Y', 'z': 0.775, 'mean': 6.0}]
    """
    if columns is None:
        available = set(metric_columns(metrics)) if isinstance(metrics, pd.DataFrame) else set()
        columns = [c for c in PROFILE_COLUMNS if c in available] or None
    cols = check_metrics(metrics, columns)
    rows = []
    outlet = outlet_names(metrics)
    for c in cols:
        v = numeric_values(metrics, c)
        mu, sd = float(v.mean()), float(v.std())
        z = (v - mu) / sd if sd > 0 else v * np.nan  # a constant column has no spread to measure
        g = pd.DataFrame({"outlet": outlet, "v": v, "z": z}).groupby("outlet", sort=True)
        part = pd.DataFrame({"articles": g["v"].count(), "z": g["z"].mean(), "mean": g["v"].mean()})
        part = part.reset_index().assign(metric=c, corpus_mean=mu, corpus_sd=sd)
        rows.append(part)
    out = pd.concat(rows, ignore_index=True)[
        ["outlet", "metric", "articles", "z", "mean", "corpus_mean", "corpus_sd"]
    ]
    return typed(out, strings=("outlet", "metric"), ints=("articles",))


# -- readability formulas --------------------------------------------------------------
def formula_grades(metrics: pd.DataFrame) -> pd.DataFrame:
    """The five grade-level formulas per article, and how far they disagree.

    Columns ``doc_id, outlet, title, formula, grade, consensus_grade, spread``:
    one row per article and formula (``formula`` is the metric column name,
    see :data:`mediakit.analyses.metric_info.GRADE_FORMULAS`); ``spread`` is the
    article's highest minus lowest grade, ``consensus_grade`` their median.
    Articles without scores (empty texts) are left out.

    >>> m = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], **{f: [8.0 + i] for i, f in enumerate(GRADE_FORMULAS)}})
    >>> g = formula_grades(m)
    >>> len(g), float(g["spread"].iloc[0]), float(g["consensus_grade"].iloc[0])
    (5, 4.0, 10.0)
    """
    check_metrics(metrics, list(GRADE_FORMULAS))
    titles = metrics["title"] if "title" in metrics.columns else pd.Series("", index=metrics.index)
    grades = pd.DataFrame(
        {f: numeric_values(metrics, f) for f in GRADE_FORMULAS}, index=metrics.index
    )
    base = pd.DataFrame(
        {
            "doc_id": metrics["doc_id"].astype(STR),
            "outlet": outlet_names(metrics),
            "title": titles.astype(STR).fillna(""),
            "consensus_grade": grades.median(axis=1, skipna=False),
            "spread": grades.max(axis=1, skipna=False) - grades.min(axis=1, skipna=False),
        },
        index=metrics.index,
    )
    long = grades.assign(_row=np.arange(len(grades))).melt(
        id_vars="_row", var_name="formula", value_name="grade"
    )
    long = long.sort_values(["_row"], kind="stable")  # article by article, formulas in fixed order
    out = base.iloc[long["_row"].to_numpy()].reset_index(drop=True)
    out.insert(3, "formula", long["formula"].to_numpy())
    out.insert(4, "grade", long["grade"].to_numpy())
    out = out[out["spread"].notna()].reset_index(drop=True)
    return typed(out, strings=("doc_id", "outlet", "title", "formula"))


def formula_grades_by_outlet(metrics: pd.DataFrame) -> pd.DataFrame:
    """Outlet averages of the five grade-level formulas, and how far they disagree.

    Columns ``outlet, formula, articles, grade, spread``: ``grade`` is the
    outlet's mean for that formula, ``spread`` the highest minus lowest of
    the outlet's five means. For corpora too big to show article by article.

    >>> m = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], **{f: [8.0 + i] for i, f in enumerate(GRADE_FORMULAS)}})
    >>> formula_grades_by_outlet(m)[["formula", "grade", "spread"]].to_dict("records")[0]
    {'formula': 'flesch_kincaid_grade', 'grade': 8.0, 'spread': 4.0}
    """
    per_article = formula_grades(metrics)
    g = per_article.groupby(["outlet", "formula"], sort=False)["grade"]
    out = pd.DataFrame({"articles": g.size(), "grade": g.mean()}).reset_index()
    spread = out.groupby("outlet")["grade"].agg(lambda s: s.max() - s.min())
    out["spread"] = out["outlet"].map(spread)
    out["formula"] = pd.Categorical(out["formula"], categories=list(GRADE_FORMULAS), ordered=True)
    out = out.sort_values(["outlet", "formula"], kind="stable").reset_index(drop=True)
    return typed(out, strings=("outlet", "formula"), ints=("articles",))


# -- sentences ---------------------------------------------------------------------------
def sentence_length_distribution(
    sentences: pd.DataFrame, bins: int | Sequence[float] = SENTENCE_BINS
) -> pd.DataFrame:
    """Histogram of sentence length (words) per outlet: counts, never one row per sentence.

    ``bins`` are the left edges in words (the last bin is open, "60+"), or
    an int bin width. Columns ``outlet, bin, bin_start, bin_end, sentences,
    share``; ``bin`` reads "10-14", ``bin_end`` is exclusive (inf for the
    last), ``share`` is the fraction of the outlet's sentences (compare
    outlets of different size). Every outlet has every bin.

    >>> s = pd.DataFrame({"outlet": ["X", "X", "Y"], "words": [3, 12, 70]})
    >>> d = sentence_length_distribution(s, bins=[0, 10, 20])
    >>> d[d.sentences > 0][["outlet", "bin", "sentences", "share"]].values.tolist()
    [['X', '0-9', 1, 0.5], ['X', '10-19', 1, 0.5], ['Y', '20+', 1, 1.0]]
    """
    require(sentences, ("outlet", "words"), "sentences", "mediakit.sentences(corpus)")
    words = numeric_values(sentences, "words")
    if isinstance(bins, int | np.integer):
        if bins < 1:
            raise CorpusError(f"bin width must be at least 1 word; got {bins}.")
        top = max(int(words.max()) if words.notna().any() else 0, 1)
        edges = list(range(0, top + 1, int(bins)))
    else:
        edges = sorted({float(b) for b in bins})
        if not edges or edges[0] > 0:
            edges = [0.0, *edges]  # every sentence falls in some bin
    starts = np.asarray(edges, dtype="float64")
    ends = np.append(starts[1:], np.inf)
    idx = np.clip(
        np.searchsorted(starts, words.fillna(0).to_numpy(), side="right") - 1, 0, len(starts) - 1
    )
    outlet = outlet_names(sentences)
    counts = pd.crosstab(outlet.to_numpy(), idx).reindex(columns=range(len(starts)), fill_value=0)
    counts.index.name = "outlet"
    counts = counts.sort_index()
    long = counts.stack().rename("sentences").reset_index()
    long.columns = ["outlet", "_bin", "sentences"]
    b = long["_bin"].to_numpy()
    out = pd.DataFrame(
        {
            "outlet": long["outlet"],
            "bin": [_bin_label(starts[i], ends[i]) for i in b],
            "bin_start": starts[b],
            "bin_end": ends[b],
            "sentences": long["sentences"],
        }
    )
    total = out.groupby("outlet")["sentences"].transform("sum")
    out["share"] = (out["sentences"] / total).where(total > 0)
    return typed(out.reset_index(drop=True), strings=("outlet", "bin"), ints=("sentences",))


def _bin_label(start: float, end: float) -> str:
    if np.isinf(end):
        return f"{start:g}+"
    if float(start).is_integer() and float(end).is_integer():
        return f"{start:g}-{end - 1:g}"  # words are whole numbers: [10, 15) reads "10-14"
    return f"{start:g}-{end:g}"
