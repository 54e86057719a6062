"""``map_articles``: an analysis's per-article step, run here or on a Dask cluster.

An analysis that takes ``engine=`` splits in two. The corpus-wide work
(canonical entities, stories) runs where it is called; what it decided for
each article goes into a table of articles (:func:`article_frame`: one row per
article with its text, its parse record columns and those decisions), and a
*step* (articles in, result rows out) reads that table. ``engine="local"``
calls the step once on the whole table; ``engine="dask"`` scatters the
table's partitions to the workers of the active ``dask.distributed`` client,
calls the step on them with ``map_partitions`` of the Dask DataFrame they form,
and gathers the results in order.
Either way the same function makes every row, so the tables are identical.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import pyarrow as pa

from ..errors import OptionError
from ..parsing.cluster import active_client, partition_rows
from ..parsing.parsed import ParsedCorpus

__all__ = ["ENGINES", "article_frame", "map_articles", "resolve_engine"]

#: The values ``engine=`` takes.
ENGINES = ("local", "dask")

Step = Callable[[pd.DataFrame], pd.DataFrame]


def article_frame(
    pc: ParsedCorpus, record_columns: tuple[str, ...], *, text: bool = True, **extra: Any
) -> pd.DataFrame:
    """One row per article: ``doc_id``, ``outlet``, ``text``, the parse record columns, ``extra``.

    List columns (token offsets, sentence bounds) stay Arrow arrays: a row
    becomes Python lists only when a step reads it, so a large corpus is not
    converted all at once; ``text`` holds the corpus's own strings (no copy),
    and is left out with ``text=False``.

    >>> from mediakit.parsing.parsed import parse_corpus
    >>> frame = article_frame(parse_corpus(cache_dir=False), ("sent_start",), story=["s"] * 5)
    >>> list(frame.columns), type(frame["sent_start"].iloc[0]).__name__
    (['doc_id', 'outlet', 'text', 'sent_start', 'story'], 'list')
    """
    records = pc.columns(*record_columns).select(list(record_columns))
    frame = records.to_pandas(
        types_mapper=lambda t: pd.ArrowDtype(t) if pa.types.is_list(t) else None
    )
    frame.insert(0, "doc_id", pc.corpus["doc_id"].astype("str").to_numpy())
    frame.insert(1, "outlet", pc.corpus["outlet"].astype("str").to_numpy())
    if text:
        frame.insert(2, "text", pd.Series(pc.texts, dtype=object))
    for name, values in extra.items():
        frame[name] = pd.Series(list(values), dtype=object)
    return frame


def resolve_engine(engine: str | None, pc: ParsedCorpus) -> str:
    """``engine`` checked; ``None`` means the engine ``pc`` was parsed with.

    >>> from mediakit.parsing.parsed import parse_corpus
    >>> resolve_engine(None, parse_corpus(cache_dir=False))
    'local'
    """
    if engine is None:
        engine = pc.parse_options.get("engine", "local")
    if engine not in ENGINES:
        raise OptionError(f"engine must be 'local' or 'dask', not {engine!r}.")
    return engine


def map_articles(
    articles: pd.DataFrame,
    step: Step,
    *,
    engine: str = "local",
    partition_size: int | None = None,
) -> pd.DataFrame:
    """``step`` over the articles, locally or as ``map_partitions`` on the active Dask client.

    ``step`` takes some rows of ``articles`` and returns a table with a
    RangeIndex; it must be a module-level function (workers import it) and
    give the same rows for an article whatever other articles share its
    partition. The result is ``step(articles)``: the partitions' tables in
    article order, with a fresh RangeIndex. ``partition_size`` overrides the
    rows per partition (by default about four partitions per worker).

    >>> frame = pd.DataFrame({"doc_id": ["a", "b"], "text": ["Hi.", "Hello there."]})
    >>> def lengths(part):
    ...     return pd.DataFrame({"doc_id": part["doc_id"].tolist(), "n": part["text"].str.len().tolist()})
    >>> map_articles(frame, lengths)["n"].tolist()
    [3, 12]
    """
    if engine not in ENGINES:
        raise OptionError(f"engine must be 'local' or 'dask', not {engine!r}.")
    if engine == "local" or articles.empty:
        return step(articles)
    client = active_client()
    import dask
    import dask.dataframe as dd

    meta = step(articles.iloc[:0])
    size = partition_size or partition_rows(len(articles), client)
    chunks = [articles.iloc[i : i + size] for i in range(0, len(articles), size)]
    # Keep the columns as they are: converting object columns to Arrow strings
    # would turn the lists of entity spans into text.
    with dask.config.set({"dataframe.convert-string": False}):
        # Scattered, the articles go to the workers directly, not inside the task
        # graph through the scheduler (which warns about graphs over 10 MB).
        parts = dd.from_delayed(client.scatter(chunks), meta=articles.iloc[:0], verify_meta=False)
        rows = parts.map_partitions(step, meta=meta)
        out = client.compute(rows).result()
    return out.reset_index(drop=True)
