"""``entity_counts``: per-article mention counts by label, the entity columns of ``analyze``."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
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
    # Integer codes instead of filtered copies: on a large corpus the mention
    # table is hundreds of megabytes, and each subset of it would be copied.
    doc_index = pd.Index(pd.unique(pd.Series(ids, dtype=object)))
    doc = doc_index.get_indexer(mentions["doc_id"])  # -1: an article not asked for
    label_code, label_names = pd.factorize(mentions["label"])
    code_of = {name: i for i, name in enumerate(label_names)}

    def has_label(labs: tuple[str, ...]) -> np.ndarray:
        return np.isin(label_code, [code_of[lab] for lab in labs if lab in code_of])

    counted = doc >= 0
    n_docs = len(doc_index)

    row_of_id = doc_index.get_indexer(ids)

    def per_doc(values: np.ndarray) -> np.ndarray:
        return values[row_of_id]

    labels = COUNTED_LABELS
    for lab in labels:
        hits = np.bincount(doc[counted & has_label((lab,))], minlength=n_docs)
        frame[f"{lab.lower()}_mentions"] = per_doc(hits).astype("int64")
    for lab in labels:
        per = frame[f"{lab.lower()}_mentions"] / w * 1000
        frame[f"{lab.lower()}_mentions_per_1k_words"] = per.where(w > 0)

    canonical = pd.factorize(mentions["canonical"])[0].astype(np.int64)
    width = int(canonical.max(initial=0)) + 1

    def distinct(labs: tuple[str, ...]) -> np.ndarray:
        sel = counted & has_label(labs)
        pairs = np.unique(doc[sel].astype(np.int64) * width + canonical[sel])
        return per_doc(np.bincount(pairs // width, minlength=n_docs)).astype("int64")

    frame["distinct_people"] = distinct(("PERSON",))
    frame["distinct_organisations"] = distinct(("ORG",))
    frame["distinct_places"] = distinct(PLACE_LABELS)
    return frame.reset_index()
