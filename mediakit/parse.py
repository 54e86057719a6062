"""One spaCy pass per article, streamed and batched, turned into compact parse records.

A parse record is everything later analyses need from the model, as offsets
into the article text: tokens, sentences, entity spans, plus the readability
counts computed while the ``Doc`` is still in memory. Records go to the
:class:`~mediakit.cache.ParseStore`; ``Doc`` objects are never kept, so memory
stays flat however large the corpus.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from multiprocessing import get_context

import pyarrow as pa
from spacy.tokens import Doc

from .cache import ParseStore
from .nlp import load_nlp
from .readability import count_article

_DASHES = frozenset({"—", "–", "―"})

COUNT_COLUMNS = (
    "words", "sentences", "paragraphs", "syllables", "polysyllables",
    "complex_words", "difficult_words", "letters",
)

SCHEMA = pa.schema(
    [
        ("key", pa.string()),
        ("n_chars", pa.int64()),
        *[(c, pa.int32()) for c in COUNT_COLUMNS],
        ("mattr", pa.float64()),
        ("mtld", pa.float64()),
        ("sentence_words", pa.list_(pa.int32())),
        ("tok_start", pa.list_(pa.int32())),
        ("tok_end", pa.list_(pa.int32())),
        ("sent_start", pa.list_(pa.int32())),
        ("sent_end", pa.list_(pa.int32())),
        ("ent_start", pa.list_(pa.int32())),
        ("ent_end", pa.list_(pa.int32())),
        ("ent_label", pa.list_(pa.string())),
    ]
)

#: Flush parse records to disk at least this often (rows), so an interrupted
#: run keeps what it finished.
FLUSH_ROWS = 256


def doc_record(doc: Doc, key: str) -> dict:
    """Turn one parsed ``Doc`` into a parse record (a dict matching :data:`SCHEMA`).

    Words are whitespace-delimited chunks with a letter or digit ("U.S.-supplied",
    "Biden’s", "$56.2" are one word each, as readability formulas expect);
    dashes also separate words. Sentences without a word are dropped.

    >>> from mediakit.nlp import load_nlp
    >>> rec = doc_record(load_nlp()("Sen. Warren spoke at 3 p.m. on Jan. 5. She left."), "k")
    >>> rec["sentences"], rec["words"]
    (2, 11)
    """
    text = doc.text
    tok_start: list[int] = []
    tok_end: list[int] = []
    sent_start: list[int] = []
    sent_end: list[int] = []
    sentences: list[list[str]] = []
    for sent in doc.sents:
        words: list[str] = []
        group_start = -1
        group_end = -1
        first = last = -1
        for tok in sent:
            if tok.is_space:
                continue
            s = tok.idx
            e = s + len(tok.text)
            tok_start.append(s)
            tok_end.append(e)
            if first < 0:
                first = s
            last = e
            if tok.text in _DASHES:
                if group_start >= 0:
                    words.append(text[group_start:group_end])
                group_start = -1
                continue
            if group_start < 0:
                group_start = s
            group_end = e
            if tok.whitespace_ or tok.i + 1 >= len(doc) or doc[tok.i + 1].is_space:
                words.append(text[group_start:group_end])
                group_start = -1
        if group_start >= 0:
            words.append(text[group_start:group_end])
        words = [w for w in words if any(ch.isalnum() for ch in w)]
        if words:
            sentences.append(words)
            sent_start.append(first)
            sent_end.append(last)
    counts = count_article(sentences)
    ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    record = {
        "key": key,
        "n_chars": len(text),
        **{c: int(counts[c]) for c in COUNT_COLUMNS if c != "paragraphs"},
        "paragraphs": sum(1 for line in text.split("\n") if line.strip()),
        "mattr": float(counts["mattr"]),
        "mtld": float(counts["mtld"]),
        "sentence_words": list(counts["sentence_words"]),
        "tok_start": tok_start,
        "tok_end": tok_end,
        "sent_start": sent_start,
        "sent_end": sent_end,
        "ent_start": [s for s, _, _ in ents],
        "ent_end": [_rstrip_end(text, s, e) for s, e, _ in ents],
        "ent_label": [lab for _, _, lab in ents],
    }
    return record


def _rstrip_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def parse_batch(items: Sequence[tuple[str, str]], model: str | None = None, batch_size: int = 64) -> pa.RecordBatch:
    """Parse ``(key, text)`` pairs with one ``nlp.pipe`` call; return their records.

    >>> parse_batch([("k1", "Joe Biden spoke.")]).num_rows
    1
    """
    nlp = load_nlp(model)
    texts = [t for _, t in items]
    rows = [doc_record(doc, key) for (key, _), doc in zip(items, nlp.pipe(texts, batch_size=batch_size), strict=True)]
    batch = pa.RecordBatch.from_pylist(rows, schema=SCHEMA)
    _release_memory()
    return batch


def _release_memory() -> None:
    # A batch of long articles makes the NER allocate large temporary arrays;
    # glibc keeps the freed pages, so a worker's RSS would only ever grow.
    # malloc_trim hands them back (a no-op where glibc is absent).
    if _LIBC is not None:
        _LIBC.malloc_trim(0)


def _load_libc():
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6")
        libc.malloc_trim.argtypes = [ctypes.c_size_t]
        return libc
    except (OSError, AttributeError):
        return None


_LIBC = _load_libc()


def _warm_worker(model: str | None) -> None:
    load_nlp(model)


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


def _chunks(items: list[tuple[str, str]], size: int) -> Iterator[list[tuple[str, str]]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def parse_into(
    store: ParseStore,
    todo: dict[str, str],
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
    if engine not in ("local", "dask"):
        raise ValueError(f"engine must be 'local' or 'dask', not {engine!r}")
    if not todo:
        return
    from tqdm.auto import tqdm

    items = list(todo.items())
    if n_process is None:
        n_process = default_n_process(sum(len(t) for _, t in items))
    if progress is None:
        progress = len(items) >= 50
    bar = tqdm(total=len(items), unit="article", desc="parsing", disable=not progress, smoothing=0.1)
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
            from .dask_engine import parse_on_cluster

            parse_on_cluster(items, take, model=model, batch_size=batch_size)
        elif n_process <= 1:
            for chunk in _chunks(items, batch_size):
                take(parse_batch(chunk, model, batch_size))
        else:
            _parse_parallel(items, take, model=model, n_process=n_process, batch_size=batch_size)
    finally:
        store.flush()
        bar.close()


def _parse_parallel(items, take, *, model, n_process, batch_size) -> None:
    ctx = get_context(_START_METHOD)
    pool = ProcessPoolExecutor(n_process, mp_context=ctx, initializer=_warm_worker, initargs=(model,))
    pending: set[Future] = set()
    chunks = _chunks(items, batch_size)
    try:
        for chunk in chunks:
            pending.add(pool.submit(parse_batch, chunk, model, batch_size))
            if len(pending) >= 2 * n_process:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for fut in done:
                    take(fut.result())
        for fut in _as_done(pending):
            take(fut.result())
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        # A private attribute, None once the pool is shut down: best effort only.
        for proc in list((getattr(pool, "_processes", None) or {}).values()):
            proc.terminate()
        raise
    pool.shutdown(wait=True)


def _as_done(pending: set[Future]) -> Iterator[Future]:
    while pending:
        done, pending = wait(pending, return_when=FIRST_COMPLETED)
        yield from done
