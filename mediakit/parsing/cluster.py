"""Parsing on a Dask cluster: the same per-article work, spread over its workers.

``mediakit.analyze(corpus, engine="dask")`` sends the texts that the cache
lacks to whatever ``dask.distributed.Client`` is active, as a Dask DataFrame
whose partitions are parsed with ``map_partitions`` (each worker process loads
the model once and keeps it). Parse records stream back as partitions finish,
go into the same cache, so results are identical to a local run. The analyses
after the parse spread their per-article steps the same way
(:func:`mediakit.analyses.map_articles.map_articles`); :func:`active_client` and
:func:`partition_rows` are what both share.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import pyarrow as pa

from ..errors import CorpusError
from .records import SCHEMA, parse_batch


def active_client() -> Any:
    """The active ``dask.distributed`` client, or a :class:`CorpusError` saying how to start one."""
    try:
        from dask.distributed import get_client
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise CorpusError("engine='dask' needs dask: pip install 'mediakit[dask]'") from exc
    try:
        return get_client()
    except ValueError as exc:
        raise CorpusError(
            "engine='dask' needs an active dask.distributed Client: "
            "`from dask.distributed import Client; client = Client('scheduler-address:8786')` "
            "(or Client() for a local cluster) before calling analyze, quotes or figures."
        ) from exc


def partition_rows(n_rows: int, client: Any) -> int:
    """Rows per partition: about four partitions per worker, at most 256 rows each.

    >>> partition_rows(1000, None)
    250
    """
    workers = client.scheduler_info().get("workers", {}) if client is not None else {}
    return max(1, min(256, -(-n_rows // (4 * max(1, len(workers))))))


def _parse_partition(part: pd.DataFrame, model: str | None, batch_size: int) -> pd.DataFrame:
    batch = parse_batch(list(zip(part["key"], part["text"], strict=True)), model, batch_size)
    return batch.to_pandas()


def parse_on_cluster(
    items: list[tuple[str, str]],
    take: Callable[[pa.RecordBatch], None],
    *,
    model: str | None,
    batch_size: int,
    partition_size: int | None = None,
) -> None:
    """Parse ``(key, text)`` pairs on the active Dask client, handing each finished
    partition's records to ``take``.

    Nothing to parse needs no cluster:

    >>> parse_on_cluster([], print, model=None, batch_size=32)
    """
    if not items:
        return
    client = active_client()
    import dask.dataframe as dd
    from dask.distributed import as_completed

    frame = pd.DataFrame(items, columns=["key", "text"])
    size = partition_size or partition_rows(len(frame), client)
    ddf = dd.from_pandas(frame, chunksize=size, sort=False)
    meta = SCHEMA.empty_table().to_pandas()
    parsed = ddf.map_partitions(_parse_partition, model, batch_size, meta=meta)
    futures = client.compute(parsed.to_delayed())
    try:
        for future in as_completed(futures):
            records = future.result()
            take(pa.RecordBatch.from_pandas(records, schema=SCHEMA, preserve_index=False))
    except BaseException:
        client.cancel(futures)
        raise
