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
    columns = {c: _strings(corpus[c]) for c in ("doc_id", "outlet", "title", "text") if c in corpus}
    outlets = [o.strip() for o in columns["outlet"]]
    missing = [str(d) for d, o in zip(columns["doc_id"], outlets, strict=True) if not o]
    if missing:
        warnings.warn(
            f"{len(missing)} article(s) have no outlet and are counted as {UNKNOWN_OUTLET!r}: "
            f"{listing(missing)}. Fill in the outlet column to compare them.",
            UserWarning,
            stacklevel=4,
        )
    columns["outlet"] = [o or UNKNOWN_OUTLET for o in outlets]
    unchanged = all(
        corpus[c].tolist() == v and not corpus[c].isna().any() for c, v in columns.items()
    )
    if unchanged:
        return corpus
    return corpus.assign(**{c: pd.array(v, dtype="str") for c, v in columns.items()})
