"""Compare outlets: the tidy tables behind every chart, widget and report.

Each function reads a table made by :func:`mediakit.analyze`,
:func:`mediakit.entities`, :func:`mediakit.sentences` or
:func:`mediakit.load_corpus` and returns a new, small, long-form table
(one row per outlet and thing compared). Inputs are never modified. Charts
call these functions for their data, so a chart, a widget and the static
report always show the same numbers.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

import numpy as np
import pandas as pd

from .errors import CorpusError
from .metric_info import GRADE_FORMULAS, PROFILE_COLUMNS
from .named_entities import NAME_LABELS, NUMERIC_LABELS

__all__ = [
    "MAX_POINTS",
    "SENTENCE_BINS",
    "OutletValues",
    "entity_matrix",
    "exclusive_entities",
    "formula_grades",
    "formula_grades_by_outlet",
    "kwic",
    "largest_outlets",
    "metric_by_outlet",
    "metric_columns",
    "outlet_summary",
    "sentence_length_distribution",
    "standardized",
    "top_entities",
]

#: Above this many articles, :func:`metric_by_outlet` returns box statistics instead of points
#: (altair refuses to embed more than 5,000 rows, and a browser would crawl anyway).
MAX_POINTS = 5000
#: Sentence-length bin edges in words; the last bin is open ("60+").
SENTENCE_BINS = (0, 5, 10, 15, 20, 25, 30, 35, 40, 50, 60)

_NOT_METRICS = frozenset({"doc_id", "outlet", "title", "date", "text_hash"})
_STR = "string"


# -- checks ---------------------------------------------------------------------------
def _require(table: pd.DataFrame, columns: Iterable[str], what: str, made_by: str) -> None:
    if not isinstance(table, pd.DataFrame):
        raise CorpusError(
            f"{what} must be a pandas DataFrame made by {made_by}; got {type(table).__name__}."
        )
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise CorpusError(
            f"{what} lacks column(s) {missing}; found {list(table.columns)[:12]}. "
            f"Pass the table returned by {made_by}."
        )


def metric_columns(metrics: pd.DataFrame) -> list[str]:
    """The numeric metric columns of a metrics table, in table order.

    >>> m = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "words": [10], "mattr": [0.7]})
    >>> metric_columns(m)
    ['words', 'mattr']
    """
    return [
        c
        for c in metrics.columns
        if c not in _NOT_METRICS
        and pd.api.types.is_numeric_dtype(metrics[c])
        and not pd.api.types.is_bool_dtype(metrics[c])
    ]


def _check_metrics(metrics: pd.DataFrame, columns: Iterable[str] | str | None) -> list[str]:
    _require(metrics, ("doc_id", "outlet"), "metrics", "mediakit.analyze(corpus)")
    valid = metric_columns(metrics)
    if columns is None:
        return valid
    wanted = [columns] if isinstance(columns, str) else list(columns)
    for c in wanted:
        if c not in valid:
            near = difflib.get_close_matches(str(c), valid, n=1)
            hint = f" Did you mean {near[0]!r}?" if near else ""
            raise CorpusError(
                f"{c!r} is not a metric column.{hint} Valid metrics: {', '.join(valid)}."
            )
    if not wanted:
        raise CorpusError(f"No metric columns given; choose from: {', '.join(valid)}.")
    return wanted


def _values(metrics: pd.DataFrame, column: str) -> pd.Series:
    return pd.to_numeric(metrics[column], errors="coerce").astype("float64")


def _outlets(table: pd.DataFrame) -> pd.Series:
    # Missing outlet names would vanish from groupby; show them as "unknown" like the loader.
    return table["outlet"].astype(_STR).fillna("unknown")


def largest_outlets(table: pd.DataFrame, n: int | None) -> list[str]:
    """The ``n`` outlets with the most rows (articles, mentions or sentences), largest first.

    Ties are broken by name; ``None`` keeps every outlet. Charts use it to
    stay readable (and small) when a corpus has hundreds of outlets.

    >>> largest_outlets(pd.DataFrame({"outlet": ["X", "Y", "Y", "Z"]}), 2)
    ['Y', 'X']
    """
    _require(table, ("outlet",), "the table", "mediakit")
    counts = _outlets(table).value_counts()
    order = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    names = [str(k) for k, _ in order]
    return names if n is None else names[: max(int(n), 0)]


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
    cols = _check_metrics(metrics, columns)
    values = pd.DataFrame({c: _values(metrics, c) for c in cols}, index=metrics.index)
    grouped = values.groupby(_outlets(metrics), sort=True)
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
    return _typed(out, strings=("outlet", "metric"), ints=("articles",))


def _typed(
    frame: pd.DataFrame, strings: Sequence[str] = (), ints: Sequence[str] = ()
) -> pd.DataFrame:
    # One place that pins dtypes, so the same column has the same dtype in every table.
    for c in strings:
        frame[c] = frame[c].astype(_STR)
    for c in ints:
        frame[c] = frame[c].astype("int64")
    for c in frame.columns:
        if c not in strings and c not in ints and pd.api.types.is_numeric_dtype(frame[c]):
            frame[c] = frame[c].astype("float64")
    return frame


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
    (metric,) = _check_metrics(metrics, metric)
    titles = metrics["title"] if "title" in metrics.columns else pd.Series("", index=metrics.index)
    frame = pd.DataFrame(
        {
            "doc_id": metrics["doc_id"].astype(_STR),
            "outlet": _outlets(metrics),
            "title": titles.astype(_STR).fillna(""),
            "value": _values(metrics, metric),
        }
    )
    frame = frame[frame["value"].notna()].reset_index(drop=True)
    summary = _box_stats(frame)
    points = frame.iloc[:0] if len(frame) > max_points else frame
    return OutletValues(
        _typed(points.copy(), strings=("doc_id", "outlet", "title")), summary, metric
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
    return _typed(s, strings=("outlet",), ints=("articles",))


def standardized(metrics: pd.DataFrame, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """Outlet averages of each metric in corpus standard deviations (z-scores).

    Every article's value becomes ``z = (value - corpus_mean) / corpus_sd``
    (sample standard deviation over all articles); ``z`` is the outlet's
    average. 0 is the corpus average, +1 one standard deviation above it, so
    metrics with different units can sit side by side. Columns ``outlet,
    metric, articles, z, mean, corpus_mean, corpus_sd`` (``mean``: the
    outlet's raw average). ``z`` is NaN when a metric does not vary.
    Default columns: :data:`mediakit.metric_info.PROFILE_COLUMNS` present in the table.

    >>> m = pd.DataFrame({"doc_id": list("abcd"), "outlet": ["X", "X", "Y", "Y"], "words": [1, 3, 5, 7]})
    >>> standardized(m, ["words"])[["outlet", "z", "mean"]].round(3).to_dict("records")
    [{'outlet': 'X', 'z': -0.775, 'mean': 2.0}, {'outlet': 'Y', 'z': 0.775, 'mean': 6.0}]
    """
    if columns is None:
        available = set(metric_columns(metrics)) if isinstance(metrics, pd.DataFrame) else set()
        columns = [c for c in PROFILE_COLUMNS if c in available] or None
    cols = _check_metrics(metrics, columns)
    rows = []
    outlet = _outlets(metrics)
    for c in cols:
        v = _values(metrics, c)
        mu, sd = float(v.mean()), float(v.std())
        z = (v - mu) / sd if sd > 0 else v * np.nan  # a constant column has no spread to measure
        g = pd.DataFrame({"outlet": outlet, "v": v, "z": z}).groupby("outlet", sort=True)
        part = pd.DataFrame({"articles": g["v"].count(), "z": g["z"].mean(), "mean": g["v"].mean()})
        part = part.reset_index().assign(metric=c, corpus_mean=mu, corpus_sd=sd)
        rows.append(part)
    out = pd.concat(rows, ignore_index=True)[
        ["outlet", "metric", "articles", "z", "mean", "corpus_mean", "corpus_sd"]
    ]
    return _typed(out, strings=("outlet", "metric"), ints=("articles",))


# -- readability formulas --------------------------------------------------------------
def formula_grades(metrics: pd.DataFrame) -> pd.DataFrame:
    """The five grade-level formulas per article, and how far they disagree.

    Columns ``doc_id, outlet, title, formula, grade, consensus_grade, spread``:
    one row per article and formula (``formula`` is the metric column name,
    see :data:`mediakit.metric_info.GRADE_FORMULAS`); ``spread`` is the
    article's highest minus lowest grade, ``consensus_grade`` their median.
    Articles without scores (empty texts) are left out.

    >>> m = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], **{f: [8.0 + i] for i, f in enumerate(GRADE_FORMULAS)}})
    >>> g = formula_grades(m)
    >>> len(g), float(g["spread"].iloc[0]), float(g["consensus_grade"].iloc[0])
    (5, 4.0, 10.0)
    """
    _check_metrics(metrics, list(GRADE_FORMULAS))
    titles = metrics["title"] if "title" in metrics.columns else pd.Series("", index=metrics.index)
    grades = pd.DataFrame({f: _values(metrics, f) for f in GRADE_FORMULAS}, index=metrics.index)
    base = pd.DataFrame(
        {
            "doc_id": metrics["doc_id"].astype(_STR),
            "outlet": _outlets(metrics),
            "title": titles.astype(_STR).fillna(""),
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
    return _typed(out, strings=("doc_id", "outlet", "title", "formula"))


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
    return _typed(out, strings=("outlet", "formula"), ints=("articles",))


# -- entities ---------------------------------------------------------------------------
def _labels(mentions: pd.DataFrame, label: str | Sequence[str] | None) -> list[str]:
    if label is None:
        return list(
            NAME_LABELS
        )  # names, not dates and numbers: "thousands" is no entity to compare
    wanted = [label] if isinstance(label, str) else list(label)
    known = {*NAME_LABELS, *NUMERIC_LABELS, *mentions["label"].dropna().astype(str).unique()}
    out = []
    for lab in wanted:
        up = str(lab).upper()
        if up not in known:
            raise CorpusError(
                f"Unknown entity label {lab!r}; use one of {', '.join(sorted(known))} (or None for all names)."
            )
        out.append(up)
    return out


def _mention_table(mentions: pd.DataFrame, label: str | Sequence[str] | None) -> pd.DataFrame:
    _require(
        mentions,
        ("doc_id", "outlet", "label", "canonical"),
        "mentions",
        "mediakit.entities(corpus)",
    )
    labels = _labels(mentions, label)
    sel = mentions["label"].astype(_STR).isin(labels)
    return pd.DataFrame(
        {
            "doc_id": mentions.loc[sel, "doc_id"].astype(_STR),
            "outlet": _outlets(mentions.loc[sel]),
            "canonical": mentions.loc[sel, "canonical"].astype(_STR),
            "label": mentions.loc[sel, "label"].astype(_STR),
        }
    ).dropna(subset=["canonical"])


def _outlet_words(metrics: pd.DataFrame | None, per_1k: bool) -> pd.Series | None:
    if metrics is None:
        if per_1k:
            raise CorpusError(
                "per_1k=True needs the metrics table for word counts: pass metrics=mediakit.analyze(corpus)."
            )
        return None
    _require(metrics, ("doc_id", "outlet", "words"), "metrics", "mediakit.analyze(corpus)")
    return _values(metrics, "words").groupby(_outlets(metrics)).sum()


def entity_matrix(
    mentions: pd.DataFrame,
    metrics: pd.DataFrame | None = None,
    label: str | Sequence[str] | None = None,
    per_1k: bool = False,
    top: int = 20,
) -> pd.DataFrame:
    """Outlet x entity mention counts for the ``top`` entities named most in the corpus.

    Long form, every outlet x entity pair (zeros included, so a heatmap has
    no holes): ``outlet, canonical, label, mentions, articles,
    mentions_per_1k_words, value``. ``articles`` counts the outlet's articles
    naming the entity; ``mentions_per_1k_words`` divides by all words the
    outlet published (NaN without ``metrics``); ``value`` is the number to
    plot: mentions, or per 1,000 words when ``per_1k``. Entities are ranked
    by total mentions (ties by name) and rows come in that order, then by
    outlet. Outlets come from ``metrics`` when given (outlets that name none
    of them still get a row), else from ``mentions``. ``label`` is one
    entity label ("PERSON"), several, or ``None`` for every kind of name.

    >>> ents = pd.DataFrame({"doc_id": ["a", "a", "b"], "outlet": ["X", "X", "Y"],
    ...                      "label": ["PERSON"] * 3, "canonical": ["Ann", "Ann", "Bo"]})
    >>> entity_matrix(ents)[["outlet", "canonical", "mentions"]].values.tolist()
    [['X', 'Ann', 2], ['Y', 'Ann', 0], ['X', 'Bo', 0], ['Y', 'Bo', 1]]
    """
    if top < 1:
        raise CorpusError(f"top must be at least 1; got {top}.")
    table = _mention_table(mentions, label)
    words = _outlet_words(metrics, per_1k)
    outlets = sorted(set(words.index) if words is not None else set(_outlets(mentions)))
    totals = table.groupby(["canonical", "label"]).size().rename("total").reset_index()
    totals = totals.sort_values(
        ["total", "canonical"], ascending=[False, True], kind="stable"
    ).head(top)
    counts = table.groupby(["outlet", "canonical", "label"]).agg(
        mentions=("doc_id", "size"), articles=("doc_id", "nunique")
    )
    grid = pd.MultiIndex.from_tuples(
        [
            (o, c, lab)
            for c, lab in zip(totals["canonical"], totals["label"], strict=True)
            for o in outlets
        ],
        names=["outlet", "canonical", "label"],
    )
    out = counts.reindex(grid, fill_value=0).reset_index()
    out = out[["outlet", "canonical", "label", "mentions", "articles"]]
    out = _rates(out, words, per_1k)
    return _typed(out, strings=("outlet", "canonical", "label"), ints=("mentions", "articles"))


def _rates(out: pd.DataFrame, words: pd.Series | None, per_1k: bool) -> pd.DataFrame:
    if words is None:
        out["mentions_per_1k_words"] = np.nan
    else:
        w = out["outlet"].map(words).astype("float64")
        out["mentions_per_1k_words"] = (out["mentions"] / w * 1000).where(w > 0)
    out["value"] = out["mentions_per_1k_words"] if per_1k else out["mentions"].astype("float64")
    return out


def top_entities(
    mentions: pd.DataFrame,
    metrics: pd.DataFrame | None = None,
    label: str | Sequence[str] | None = None,
    per_1k: bool = False,
    top: int = 10,
) -> pd.DataFrame:
    """Each outlet's ``top`` most mentioned entities.

    Columns ``outlet, rank, canonical, label, mentions, articles,
    mentions_per_1k_words, value`` (as in :func:`entity_matrix`); rank 1 is
    the outlet's most mentioned entity, ties broken by name. Per 1,000
    words the ranking within an outlet is the same; ``value`` changes.

    >>> ents = pd.DataFrame({"doc_id": ["a", "a", "b"], "outlet": ["X", "X", "Y"],
    ...                      "label": ["PERSON"] * 3, "canonical": ["Ann", "Ann", "Bo"]})
    >>> top_entities(ents)[["outlet", "rank", "canonical", "mentions"]].values.tolist()
    [['X', 1, 'Ann', 2], ['Y', 1, 'Bo', 1]]
    """
    if top < 1:
        raise CorpusError(f"top must be at least 1; got {top}.")
    table = _mention_table(mentions, label)
    words = _outlet_words(metrics, per_1k)
    out = (
        table.groupby(["outlet", "canonical", "label"])
        .agg(mentions=("doc_id", "size"), articles=("doc_id", "nunique"))
        .reset_index()
        .sort_values(
            ["outlet", "mentions", "canonical"], ascending=[True, False, True], kind="stable"
        )
    )
    out["rank"] = out.groupby("outlet").cumcount() + 1
    out = out[out["rank"] <= top].reset_index(drop=True)
    out = out[["outlet", "rank", "canonical", "label", "mentions", "articles"]]
    out = _rates(out, words, per_1k)
    return _typed(
        out, strings=("outlet", "canonical", "label"), ints=("rank", "mentions", "articles")
    )


def exclusive_entities(
    mentions: pd.DataFrame, label: str | Sequence[str] | None = None
) -> pd.DataFrame:
    """Entities that only one outlet names.

    Columns ``canonical, label, outlet, mentions, articles``, most mentioned
    first (ties by outlet, then name). With a single outlet in the table
    every entity is exclusive.

    >>> ents = pd.DataFrame({"doc_id": ["a", "a", "b"], "outlet": ["X", "X", "Y"],
    ...                      "label": ["PERSON"] * 3, "canonical": ["Ann", "Ann", "Ann"]})
    >>> len(exclusive_entities(ents))
    0
    """
    table = _mention_table(mentions, label)
    per = (
        table.groupby(["canonical", "label", "outlet"])
        .agg(mentions=("doc_id", "size"), articles=("doc_id", "nunique"))
        .reset_index()
    )
    n_outlets = per.groupby(["canonical", "label"])["outlet"].transform("size")
    out = per[n_outlets == 1].sort_values(
        ["mentions", "outlet", "canonical"], ascending=[False, True, True], kind="stable"
    )
    out = out[["canonical", "label", "outlet", "mentions", "articles"]].reset_index(drop=True)
    return _typed(out, strings=("canonical", "label", "outlet"), ints=("mentions", "articles"))


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
    _require(sentences, ("outlet", "words"), "sentences", "mediakit.sentences(corpus)")
    words = _values(sentences, "words")
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
    outlet = _outlets(sentences)
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
    return _typed(out.reset_index(drop=True), strings=("outlet", "bin"), ints=("sentences",))


def _bin_label(start: float, end: float) -> str:
    if np.isinf(end):
        return f"{start:g}+"
    if float(start).is_integer() and float(end).is_integer():
        return f"{start:g}-{end - 1:g}"  # words are whole numbers: [10, 15) reads "10-14"
    return f"{start:g}-{end:g}"


# -- keyword in context -------------------------------------------------------------------
_WS = re.compile(r"\s+")


def _pattern(query: str, case: bool) -> re.Pattern[str]:
    # Literal text; any run of spaces in the query matches any whitespace (line breaks);
    # lookarounds instead of \b so that "U.S." or "$5" still need a word boundary outside.
    body = r"\s+".join(re.escape(part) for part in query.split())
    return re.compile(rf"(?<!\w){body}(?!\w)", 0 if case else re.IGNORECASE)


def _words_before(text: str, end: int, n: int) -> str:
    start = max(0, end - 40 * n - 40)
    parts = text[start:end].split()
    if start > 0 and parts and not text[start - 1].isspace():
        parts = parts[1:]  # the slice cut a word in half
    return " ".join(parts[-n:]) if n else ""


def _words_after(text: str, start: int, n: int) -> str:
    end = start + 40 * n + 40
    parts = text[start:end].split()
    if end < len(text) and parts and not text[end].isspace():
        parts = parts[:-1]
    return " ".join(parts[:n]) if n else ""


def kwic(
    corpus: pd.DataFrame,
    query: str,
    window: int = 8,
    limit: int | None = 200,
    case: bool = False,
) -> pd.DataFrame:
    """Keyword in context: each occurrence of ``query`` with ``window`` words either side.

    ``query`` is literal text (not a regular expression), one or more words,
    matched at word boundaries ("Kyiv" does not match "Kyivan"), ignoring
    case unless ``case=True``. Columns ``doc_id, outlet, title, left, match,
    right, start_char`` (offset into the corpus ``text``), in corpus order;
    at most ``limit`` rows (``None``: all).

    >>> corpus = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "title": ["T"],
    ...                        "text": ["Officials in Kyiv said the Kyivan army held."]})
    >>> kwic(corpus, "kyiv", window=2)[["left", "match", "right"]].values.tolist()
    [['Officials in', 'Kyiv', 'said the']]
    """
    if not isinstance(query, str) or not query.strip():
        raise CorpusError(f"kwic needs a word or phrase to search for; got {query!r}.")
    if window < 0:
        raise CorpusError(f"window is a number of words (0 or more); got {window}.")
    if limit is not None and limit < 1:
        raise CorpusError(f"limit must be at least 1 (or None for every match); got {limit}.")
    _require(corpus, ("doc_id", "outlet", "text"), "corpus", "mediakit.load_corpus(...)")
    pattern = _pattern(query.strip(), case)
    titles = corpus["title"] if "title" in corpus.columns else pd.Series("", index=corpus.index)
    rows: list[tuple] = []
    for doc_id, outlet, title, text in zip(
        corpus["doc_id"], _outlets(corpus), titles, corpus["text"], strict=True
    ):
        if not isinstance(text, str):
            continue
        for m in pattern.finditer(text):
            rows.append(
                (
                    doc_id,
                    outlet,
                    "" if pd.isna(title) else title,
                    _words_before(text, m.start(), window),
                    _WS.sub(" ", m.group()),
                    _words_after(text, m.end(), window),
                    m.start(),
                )
            )
            if limit is not None and len(rows) >= limit:
                break
        if limit is not None and len(rows) >= limit:
            break
    out = pd.DataFrame(
        rows, columns=["doc_id", "outlet", "title", "left", "match", "right", "start_char"]
    )
    return _typed(
        out, strings=("doc_id", "outlet", "title", "left", "match", "right"), ints=("start_char",)
    )
