"""The parse engine: every text the cache lacks, parsed in batches, streamed into the store.

Locally in this process or in worker processes (each loading the model
once), or on a Dask cluster (:mod:`.cluster`). Records are flushed to the
store as they arrive, so an interrupted run keeps what it finished.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import time
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from itertools import chain, islice
from multiprocessing import get_context

import pyarrow as pa

from ..errors import OptionError
from .cluster import parse_on_cluster
from .pipeline import load_nlp
from .records import parse_batch
from .store import ParseStore

__all__ = [
    "FLUSH_ROWS",
    "WORKER_ARTICLES",
    "check_parse_options",
    "default_n_process",
    "parse_into",
]


#: Flush parse records to disk at least this often (rows), so an interrupted
#: run keeps what it finished.
FLUSH_ROWS = 256


def _warm_worker(model: str | None) -> None:
    # Ctrl-C reaches every process of the terminal's group: the parent alone
    # handles it (and stops the workers), so workers print no tracebacks.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    load_nlp(model)


def check_parse_options(n_process: object, batch_size: object, engine: object) -> None:
    """Refuse option values the parse cannot use, naming the option.

    >>> check_parse_options(None, 32, "local")
    >>> check_parse_options(None, 0, "local")
    Traceback (most recent call last):
    ...
    mediakit.errors.OptionError: batch_size must be a whole number of at least 1 (texts per nlp.pipe batch), not 0.
    """
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise OptionError(
            f"batch_size must be a whole number of at least 1 (texts per nlp.pipe batch), "
            f"not {batch_size!r}."
        )
    if n_process is not None and (
        isinstance(n_process, bool) or not isinstance(n_process, int) or n_process < 1
    ):
        raise OptionError(
            f"n_process must be None (decide by corpus size) or a whole number of at least 1, "
            f"not {n_process!r}."
        )
    if engine not in ("local", "dask"):
        raise OptionError(f"engine must be 'local' or 'dask', not {engine!r}.")


def default_n_process(n_chars: int) -> int:
    """Processes worth starting for ``n_chars`` of text: starting a worker costs
    about two seconds (importing spaCy, loading the model), so small jobs stay in
    this process.

    >>> default_n_process(10_000)
    1
    """
    if n_chars < 600_000:
        return 1
    return max(1, min(os.cpu_count() or 1, 8))


# fork where the platform has it safely (Linux): "spawn" re-imports the
# caller's __main__, which breaks every script without an
# `if __name__ == "__main__":` guard. macOS and Windows must spawn; there a
# script needs that guard (notebooks do not).
_START_METHOD = "fork" if sys.platform.startswith("linux") else "spawn"


#: A worker is replaced after about this many articles: its memory (spaCy's
#: string store, the heap) grows while it lives, and a fresh worker costs one
#: model load (~2 s, under 1% of the parse time of 4,000 articles).
WORKER_ARTICLES = 4000


def _chunks(items: Iterable[tuple[str, str]], size: int) -> Iterator[list[tuple[str, str]]]:
    # From an iterator: only the chunks in flight are ever held as Python strings.
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def parse_into(
    store: ParseStore,
    todo: Mapping[str, str],
    *,
    model: str | None = None,
    n_process: int | None = None,
    batch_size: int = 32,
    progress: bool | None = None,
    engine: str = "local",
) -> None:
    """Parse every ``{key: text}`` in ``todo`` and add the records to ``store``.

    Records are flushed to the store as they arrive, so Ctrl-C (or a kernel
    interrupt) keeps everything finished so far; the next run parses only the rest.
    ``engine="dask"`` parses on the active Dask cluster instead of local processes.
    """
    check_parse_options(n_process, batch_size, engine)
    if not todo:
        return
    from tqdm.auto import tqdm

    if n_process is None:
        n_process = default_n_process(sum(len(t) for t in todo.values()))
    if progress is None:
        progress = len(todo) >= 50
    items = todo.items()  # read as the parse goes: todo may fetch each text when asked
    bar = tqdm(total=len(todo), unit="article", desc="parsing", disable=not progress, smoothing=0.1)
    last_flush = time.monotonic()

    def take(batch: pa.RecordBatch) -> None:
        nonlocal last_flush
        store.add(batch)
        bar.update(batch.num_rows)
        if store.pending_rows() >= FLUSH_ROWS or time.monotonic() - last_flush > 30:
            store.flush()
            last_flush = time.monotonic()

    try:
        if engine == "dask":
            parse_on_cluster(list(items), take, model=model, batch_size=batch_size)
        elif n_process <= 1:
            for chunk in _chunks(items, batch_size):
                take(parse_batch(chunk, model, batch_size))
        else:
            _parse_parallel(items, take, model=model, n_process=n_process, batch_size=batch_size)
    finally:
        store.flush()
        bar.close()


def _parse_parallel(items, take, *, model, n_process, batch_size) -> None:
    # A fresh pool per segment recycles the workers (the pool's own
    # max_tasks_per_child refuses the fork start method).
    it = iter(items)
    while (first := next(it, None)) is not None:
        segment = chain([first], islice(it, WORKER_ARTICLES * n_process - 1))
        _parse_segment(segment, take, model=model, n_process=n_process, batch_size=batch_size)


def _parse_segment(items, take, *, model, n_process, batch_size) -> None:
    ctx = get_context(_START_METHOD)
    pool = ProcessPoolExecutor(
        n_process, mp_context=ctx, initializer=_warm_worker, initargs=(model,)
    )
    pending: set[Future] = set()
    chunks = _chunks(items, batch_size)
    # Forked workers share this process's pages until they write to them, and
    # a garbage collection writes to every object it visits: frozen objects
    # are never visited, so the workers do not copy this process's heap.
    frozen = _START_METHOD == "fork" and gc.isenabled()
    if frozen:
        gc.collect()
        gc.freeze()
    try:
        for chunk in chunks:
            pending.add(pool.submit(parse_batch, chunk, model, batch_size))
            if frozen:  # the workers are forked at the first submit
                gc.unfreeze()
                frozen = False
            if len(pending) >= 2 * n_process:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for fut in done:
                    take(fut.result())
        for fut in _as_done(pending):
            take(fut.result())
    except BaseException:
        _stop(pool)
        raise
    finally:
        if frozen:
            gc.unfreeze()
    pool.shutdown(wait=True)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop the workers now (Ctrl-C): a worker in the middle of a batch would finish it first."""
    # A private attribute (None once the pool is shut down), so read it first: best effort.
    procs = list((getattr(pool, "_processes", None) or {}).values())
    for proc in procs:
        proc.terminate()
    deadline = time.monotonic() + 1.0
    for proc in procs:
        proc.join(max(0.0, deadline - time.monotonic()))
        if proc.is_alive():
            proc.kill()
    # With its workers gone the pool's manager thread ends at once; waiting for it here
    # keeps it from writing to closed pipes while Python exits.
    pool.shutdown(wait=True, cancel_futures=True)


def _as_done(pending: set[Future]) -> Iterator[Future]:
    while pending:
        done, pending = wait(pending, return_when=FIRST_COMPLETED)
        yield from done
