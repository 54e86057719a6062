"""Shared and unique sentences by article pair and by outlet, as the heatmaps and bars draw them."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .tables import require

__all__ = ["article_similarity", "outlet_similarity", "unique_share_by_outlet"]

_SIMILARITY = ("doc_id_a", "doc_id_b", "outlet_a", "outlet_b", "similarity", "shared_sentences")


def _mirror(table: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    # Both (a, b) and (b, a): the matrix reads the same across rows and columns.
    swapped = table.rename(
        columns={f"{a}_a": f"{a}_b", f"{a}_b": f"{a}_a", f"{b}_a": f"{b}_b", f"{b}_b": f"{b}_a"}
    )
    return pd.concat([table, swapped[table.columns]], ignore_index=True)


def article_similarity(similarity: pd.DataFrame) -> pd.DataFrame:
    """Every article pair in both directions, with ``article_a``/``article_b`` labels ("outlet · id").

    ``similarity`` is ``Overlap.similarity`` (:func:`mediakit.overlap`).

    >>> sim = pd.DataFrame({"doc_id_a": ["a"], "doc_id_b": ["b"], "outlet_a": ["X"], "outlet_b": ["Y"],
    ...                     "similarity": [0.25], "shared_sentences": [3]})
    >>> article_similarity(sim)["article_a"].tolist()
    ['X · a', 'Y · b']
    """
    require(similarity, _SIMILARITY, "The similarity table", "mediakit.overlap(corpus).similarity")
    data = similarity[list(_SIMILARITY)].copy()
    for c in ("doc_id_a", "doc_id_b", "outlet_a", "outlet_b"):
        data[c] = data[c].astype(str)
    data = _mirror(data, "doc_id", "outlet")
    data["article_a"] = data["outlet_a"] + " · " + data["doc_id_a"]
    data["article_b"] = data["outlet_b"] + " · " + data["doc_id_b"]
    return data


def outlet_similarity(similarity: pd.DataFrame, max_outlets: int = 30) -> pd.DataFrame:
    """Shared sentence pairs summed by pair of outlets (both directions), for the largest outlets.

    Columns ``outlet_a, outlet_b, shared_sentences, article_pairs,
    mean_similarity`` (mean share of sentences shared, over the article
    pairs that share any); the ``max_outlets`` outlets with most shared
    sentences are kept (``attrs["note"]`` says how many were left out).

    >>> sim = pd.DataFrame({"doc_id_a": ["a"], "doc_id_b": ["b"], "outlet_a": ["X"], "outlet_b": ["Y"],
    ...                     "similarity": [0.25], "shared_sentences": [3]})
    >>> outlet_similarity(sim)[["outlet_a", "outlet_b", "shared_sentences"]].values.tolist()
    [['X', 'Y', 3], ['Y', 'X', 3]]
    """
    require(similarity, _SIMILARITY, "The similarity table", "mediakit.overlap(corpus).similarity")
    pairs = similarity[similarity["shared_sentences"] > 0][
        ["outlet_a", "outlet_b", "shared_sentences", "similarity"]
    ].copy()
    pairs["outlet_a"] = pairs["outlet_a"].astype(str)
    pairs["outlet_b"] = pairs["outlet_b"].astype(str)
    swapped = pairs.rename(columns={"outlet_a": "outlet_b", "outlet_b": "outlet_a"})
    mirrored = pd.concat([pairs, swapped[pairs.columns]], ignore_index=True)
    data = mirrored.groupby(["outlet_a", "outlet_b"], as_index=False).agg(
        shared_sentences=("shared_sentences", "sum"),
        article_pairs=("similarity", "size"),
        mean_similarity=("similarity", "mean"),
    )
    total = (
        data.groupby("outlet_a")["shared_sentences"]
        .sum()
        .sort_values(ascending=False, kind="stable")
    )
    keep = total.index[: max(int(max_outlets), 1)].tolist()
    note = (
        f"Showing the {len(keep)} of {len(total)} outlets with most shared sentences."
        if len(total) > len(keep)
        else ""
    )
    data = data[data["outlet_a"].isin(keep) & data["outlet_b"].isin(keep)].reset_index(drop=True)
    data.attrs = {"note": note, "outlets": sorted(keep)}
    return data


def unique_share_by_outlet(unique_share: pd.DataFrame, max_outlets: int = 40) -> pd.DataFrame:
    """Per outlet: articles, sentences compared, sentences no other outlet has, and their share.

    Sums ``Overlap.unique_share``; outlets with most sentences first, at
    most ``max_outlets`` (``attrs["note"]`` says how many were left out).

    >>> u = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"], "sentences": [10, 20],
    ...                   "unique_sentences": [5, 20], "unique_share": [0.5, 1.0]})
    >>> unique_share_by_outlet(u)[["outlet", "unique_share"]].values.tolist()
    [['Y', 1.0], ['X', 0.5]]
    """
    require(
        unique_share,
        ("outlet", "sentences", "unique_sentences"),
        "The unique_share table",
        "mediakit.overlap(corpus).unique_share",
    )
    data = (
        unique_share.assign(outlet=unique_share["outlet"].astype(str))
        .groupby("outlet", as_index=False)
        .agg(
            articles=("sentences", "size"),
            sentences=("sentences", "sum"),
            unique_sentences=("unique_sentences", "sum"),
        )
    )
    data["unique_share"] = np.where(
        data["sentences"] > 0, data["unique_sentences"] / data["sentences"].clip(lower=1), np.nan
    )
    data = data.sort_values(["sentences", "outlet"], ascending=[False, True], kind="stable")
    note = ""
    if len(data) > max_outlets:
        note = f"Showing the {max_outlets} of {len(data)} outlets with most sentences."
        data = data.head(int(max_outlets))
    data = data.reset_index(drop=True)
    data.attrs = {"note": note}
    return data
