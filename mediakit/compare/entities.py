"""Entities by outlet: who each outlet names, how often, and names only one outlet uses."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..errors import CorpusError
from ..vocab import NAME_LABELS, NUMERIC_LABELS
from .tables import STR, numeric_values, outlet_names, require, typed


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
    require(
        mentions,
        ("doc_id", "outlet", "label", "canonical"),
        "mentions",
        "mediakit.entities(corpus)",
    )
    labels = _labels(mentions, label)
    sel = mentions["label"].astype(STR).isin(labels)
    return pd.DataFrame(
        {
            "doc_id": mentions.loc[sel, "doc_id"].astype(STR),
            "outlet": outlet_names(mentions.loc[sel]),
            "canonical": mentions.loc[sel, "canonical"].astype(STR),
            "label": mentions.loc[sel, "label"].astype(STR),
        }
    ).dropna(subset=["canonical"])


def _outlet_words(metrics: pd.DataFrame | None, per_1k: bool) -> pd.Series | None:
    if metrics is None:
        if per_1k:
            raise CorpusError(
                "per_1k=True needs the metrics table for word counts: pass metrics=mediakit.analyze(corpus)."
            )
        return None
    require(metrics, ("doc_id", "outlet", "words"), "metrics", "mediakit.analyze(corpus)")
    return numeric_values(metrics, "words").groupby(outlet_names(metrics)).sum()


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
    outlets = sorted(set(words.index) if words is not None else set(outlet_names(mentions)))
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
    return typed(out, strings=("outlet", "canonical", "label"), ints=("mentions", "articles"))


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
    return typed(
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
    return typed(out, strings=("canonical", "label", "outlet"), ints=("mentions", "articles"))
