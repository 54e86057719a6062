"""``entity_counts``: per-article mention counts by label, the entity columns of ``analyze``."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ...vocab import COUNTED_LABELS, PLACE_LABELS

__all__ = ["entity_counts"]


def entity_counts(
    mentions: pd.DataFrame, doc_ids: Iterable[str], words: Iterable[int]
) -> pd.DataFrame:
    """Per-article mention counts by label (raw and per 1,000 words) and distinct names.

    >>> from mediakit import entities
    >>> ents = entities(cache_dir=False)
    >>> counts = entity_counts(ents, ["d"], [0])
    >>> int(counts.loc[0, "person_mentions"])
    0
    """
    ids = list(doc_ids)
    w = pd.Series(list(words), index=ids, dtype="float64")
    frame = pd.DataFrame(index=pd.Index(ids, name="doc_id"))
    counted = mentions[mentions["doc_id"].isin(ids)]
    by = counted.groupby(["doc_id", "label"]).size().unstack(fill_value=0)
    labels = COUNTED_LABELS
    for lab in labels:
        col = by[lab] if lab in by.columns else pd.Series(dtype="int64")
        frame[f"{lab.lower()}_mentions"] = col.reindex(ids, fill_value=0).astype("int64").to_numpy()
    for lab in labels:
        per = frame[f"{lab.lower()}_mentions"] / w * 1000
        frame[f"{lab.lower()}_mentions_per_1k_words"] = per.where(w > 0)

    def distinct(labs: tuple[str, ...]) -> pd.Series:
        sel = counted[counted["label"].isin(labs)]
        return (
            sel.groupby("doc_id")["canonical"].nunique().reindex(ids, fill_value=0).astype("int64")
        )

    frame["distinct_people"] = distinct(("PERSON",)).to_numpy()
    frame["distinct_organisations"] = distinct(("ORG",)).to_numpy()
    frame["distinct_places"] = distinct(PLACE_LABELS).to_numpy()
    return frame.reset_index()
