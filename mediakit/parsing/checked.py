"""A corpus table passed as is (not through ``load_corpus``) made safe to analyse.

``analyze(df)`` and ``report(df)`` accept a table that already has
``doc_id``, ``outlet`` and ``text``. Such a table can hold missing or
non-string values (an outlet ``None`` sorts against strings with a
``TypeError`` deep inside a chart); they are made uniform here, on a copy,
with a warning for every change that alters what is compared.
"""

from __future__ import annotations

import warnings

import pandas as pd

from ..corpus.columns import UNKNOWN_OUTLET, is_missing, listing
from ..errors import CorpusError

__all__ = ["checked_table"]


def _strings(values: pd.Series) -> list[str]:
    return [v if isinstance(v, str) else "" if is_missing(v) else str(v) for v in values]


def checked_table(corpus: pd.DataFrame) -> pd.DataFrame:
    """``corpus`` with string ids, outlets, titles and texts; the input itself is not changed.

    >>> df = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["Wire", None], "text": ["One.", "Two."]})
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     checked_table(df)["outlet"].tolist()
    ['Wire', 'unknown']
    """
    ids = corpus["doc_id"]
    empty = [str(i) for i, v in zip(corpus.index, ids, strict=True) if is_missing(v) or v == ""]
    if empty:
        raise CorpusError(
            f"{len(empty)} row(s) of the corpus table have no doc_id (index {listing(empty)}). "
            "Fill them in, or load the table with mediakit.load_corpus(df), which numbers rows."
        )
    columns: dict[str, pd.Series] = {}
    changed = False
    for c in ("doc_id", "outlet", "title", "text"):
        if c in corpus:
            columns[c], was_changed = _checked_strings(corpus[c])
            changed = changed or was_changed
    outlets = columns["outlet"].str.strip()
    empty = outlets.eq("").to_numpy()
    if empty.any():
        missing = columns["doc_id"][empty].tolist()
        warnings.warn(
            f"{len(missing)} article(s) have no outlet and are counted as {UNKNOWN_OUTLET!r}: "
            f"{listing(missing)}. Fill in the outlet column to compare them.",
            UserWarning,
            stacklevel=4,
        )
        outlets = outlets.mask(empty, UNKNOWN_OUTLET)
    if not changed and outlets.equals(columns["outlet"]):
        return corpus
    return corpus.assign(**(columns | {"outlet": outlets}))


def _checked_strings(values: pd.Series) -> tuple[pd.Series, bool]:
    """``values`` as a ``str`` column, and whether any value had to change."""
    if values.dtype == "str" and not values.isna().any():
        # Already strings, none missing: kept as they are (a large corpus's
        # texts would otherwise be copied into Python strings twice here).
        return values, False
    strings = _strings(values)
    was_changed = bool(values.isna().any()) or values.tolist() != strings
    return pd.Series(pd.array(strings, dtype="str"), index=values.index), was_changed
