"""Where a report's numbers come from: corpus hash, model, mediakit version, analysis date.

The analysis date never comes from the clock (the same corpus must give the
same bytes). It is, first found wins:

1. the ``analysed_on=`` option (a date, datetime or ISO string);
2. ``corpus.attrs["analysed_on"]``, for a corpus table that carries it;
3. the parse cache: the day (UTC) the newest cache file holding this corpus's
   parse records was written, i.e. when its last article was parsed;
4. otherwise (no disk cache): ``None``, shown as "not recorded".
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ..errors import OptionError
from ..parsing.store import ParseStore, keys_for

__all__ = ["Provenance", "analysis_date", "corpus_hash"]


@dataclass(frozen=True)
class Provenance:
    """The facts printed in the report's footer."""

    mediakit_version: str
    model: str
    analysed_on: str | None
    analysed_on_source: str
    corpus_hash: str
    articles: int
    outlets: int


def corpus_hash(corpus: pd.DataFrame, keys: Sequence[str] | None = None) -> str:
    """Content hash of a corpus: its doc ids and article-text hashes, in order.

    ``keys`` are the text hashes when already known (``ParsedCorpus.keys``).
    Any change to a text, an id or the row order changes it.

    >>> df = pd.DataFrame({"doc_id": ["a", "b"], "text": ["One.", "Two."]})
    >>> corpus_hash(df) == corpus_hash(df.copy()), corpus_hash(df) == corpus_hash(df[::-1])
    (True, False)
    >>> len(corpus_hash(df))
    32
    """
    if keys is None:
        keys = keys_for(t if isinstance(t, str) else "" for t in corpus["text"].tolist())
    h = hashlib.blake2b(digest_size=16)
    for doc_id, key in zip(corpus["doc_id"].astype(str).tolist(), keys, strict=True):
        # Unit/record separators cannot occur in a hex hash and keep ids unambiguous.
        h.update(f"{doc_id}\x1f{key}\x1e".encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _as_day(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return pd.Timestamp(str(value)).date().isoformat()
    except (ValueError, TypeError) as exc:
        # An OptionError, so that the command line reports it as a usage error.
        raise OptionError(
            f"analysed_on={value!r} is not a date; give e.g. '2024-11-18' or a datetime.date."
        ) from exc


def analysis_date(
    analysed_on: Any = None,
    corpus: pd.DataFrame | None = None,
    store: ParseStore | None = None,
    keys: Sequence[str] = (),
) -> tuple[str | None, str]:
    """The analysis date (ISO ``YYYY-MM-DD`` or ``None``) and where it came from.

    >>> analysis_date("2024-11-18T09:30")
    ('2024-11-18', 'given when the report was built')
    >>> analysis_date(None)
    (None, 'not recorded')
    """
    if analysed_on is not None:
        return _as_day(analysed_on), "given when the report was built"
    if corpus is not None and corpus.attrs.get("analysed_on") is not None:
        return _as_day(corpus.attrs["analysed_on"]), "recorded in the corpus"
    day = store.written_on(keys) if store is not None else None
    if day is not None:
        return day.isoformat(), "when the parse cache was written"
    return None, "not recorded"
