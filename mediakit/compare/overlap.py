"""Shared and unique sentences by article pair and by outlet, as the heatmaps and bars draw them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from .tables import MAX_OUTLETS, OTHER_OUTLETS, keep_largest_outlets, require

__all__ = ["article_similarity", "outlet_similarity", "unique_share_by_outlet"]

_SIMILARITY = ("doc_id_a", "doc_id_b", "outlet_a", "outlet_b", "similarity", "shared_sentences")


def _mirror(table: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    # Both (a, b) and (b, a): the matrix reads the same across rows and columns.
    swapped = table.rename(
        columns={f"{a}_a": f"{a}_b", f"{a}_b": f"{a}_a", f"{b}_a": f"{b}_b", f"{b}_b": f"{b}_a"}
    )
    return pd.concat([table, swapped[table.columns]], ignore_index=True)


def article_similarity(
    similarity: pd.DataFrame, *, labels: Mapping[str, str] | pd.Series | None = None
) -> pd.DataFrame:
    """Every article pair in both directions, with ``article_a``/``article_b`` labels ("outlet · id").

    ``similarity`` is ``Overlap.similarity`` (:func:`mediakit.overlap`);
    ``labels`` (doc_id -> label, e.g. :func:`mediakit.compare.article_labels`
    of the corpus) names the articles by title instead of id.

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
    for side in ("a", "b"):
        by_id = data[f"outlet_{side}"] + " · " + data[f"doc_id_{side}"]
        if labels is not None:
            named = data[f"doc_id_{side}"].map(dict(labels))
            by_id = named.where(named.notna(), by_id).astype(str)
        data[f"article_{side}"] = by_id
    return data


def outlet_similarity(
    similarity: pd.DataFrame, max_outlets: int | Sequence[str] = MAX_OUTLETS
) -> pd.DataFrame:
    """Shared sentence pairs summed by pair of outlets (both directions), for the largest outlets.

    Columns ``outlet_a, outlet_b, shared_sentences, article_pairs,
    mean_similarity`` (mean share of sentences shared, over the article
    pairs that share any); the ``max_outlets`` outlets with most shared
    sentences (or the outlets named in ``max_outlets``) keep their names, the
    others are summed as "other outlets" (``attrs["note"]`` says how many).

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
    keep, note = _outlets_kept(pairs, max_outlets)
    for side in ("outlet_a", "outlet_b"):
        pairs[side] = pairs[side].where(pairs[side].isin(keep), OTHER_OUTLETS)
    swapped = pairs.rename(columns={"outlet_a": "outlet_b", "outlet_b": "outlet_a"})
    mirrored = pd.concat([pairs, swapped[pairs.columns]], ignore_index=True)
    data = mirrored.groupby(["outlet_a", "outlet_b"], as_index=False).agg(
        shared_sentences=("shared_sentences", "sum"),
        article_pairs=("similarity", "size"),
        mean_similarity=("similarity", "mean"),
    )
    shown = sorted(set(data["outlet_a"]) - {OTHER_OUTLETS})
    data = data.reset_index(drop=True)
    data.attrs = {
        "note": note,
        "outlets": shown + ([OTHER_OUTLETS] if OTHER_OUTLETS in set(data["outlet_a"]) else []),
    }
    return data


def _outlets_kept(pairs: pd.DataFrame, max_outlets: int | Sequence[str]) -> tuple[list[str], str]:
    """The outlets named in the outlet heatmap (most shared sentences first), and the note."""
    both = pd.concat(
        [
            pairs[["outlet_a", "shared_sentences"]].rename(columns={"outlet_a": "outlet"}),
            pairs[["outlet_b", "shared_sentences"]].rename(columns={"outlet_b": "outlet"}),
        ]
    )
    total = both.groupby("outlet")["shared_sentences"].sum()
    ranked = sorted(total.items(), key=lambda kv: (-kv[1], kv[0]))
    if isinstance(max_outlets, int):
        keep = [o for o, _ in ranked][: max(int(max_outlets), 1)]
    else:
        keep = [str(o) for o in max_outlets]
    rest = len(set(total.index) - set(keep))
    note = (
        f"The {len(keep)} outlets with most shared sentences; the other {rest:,} are summed "
        f'as "{OTHER_OUTLETS}".'
        if rest
        else ""
    )
    return keep, note


def unique_share_by_outlet(
    unique_share: pd.DataFrame, max_outlets: int | Sequence[str] | None = MAX_OUTLETS
) -> pd.DataFrame:
    """Per outlet: articles, sentences compared, sentences no other outlet has, and their share.

    Sums ``Overlap.unique_share``; outlets with most sentences first; the
    ``max_outlets`` outlets with most articles keep their names, the others
    are summed as "other outlets" (``attrs["note"]`` says how many).

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
    folded, note = keep_largest_outlets(unique_share, max_outlets, "articles")
    data = (
        folded.assign(outlet=folded["outlet"].astype(str))
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
    data = data.reset_index(drop=True)
    data.attrs = {"note": note}
    return data
