"""The corpus joined to its parse records: what every analysis starts from.

``parse_corpus`` makes sure every article has a parse record in the cache
(parsing only the texts it has not seen), then hands analyses the columns they
ask for, row-aligned with the corpus. Nothing here parses a text twice.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa

from ..corpus import load_corpus
from ..errors import CorpusError
from .checked import checked_table
from .engine import check_parse_options, parse_into
from .pipeline import model_id as _model_id
from .pipeline import model_name
from .store import ParseStore, keys_for
from .text_column import TextColumn

REQUIRED = ("doc_id", "outlet", "text")


def as_corpus(corpus: Any = None) -> pd.DataFrame:
    """Accept a corpus table, or anything :func:`mediakit.load_corpus` accepts.

    >>> as_corpus().shape[0]
    5
    """
    if isinstance(corpus, pd.DataFrame) and "text" in corpus.columns and "doc_id" in corpus.columns:
        missing = [c for c in REQUIRED if c not in corpus.columns]
        if missing:
            raise CorpusError(
                f"The corpus table lacks column(s) {missing}; found {list(corpus.columns)}. "
                "Load it with mediakit.load_corpus(df, text=..., outlet=..., doc_id=...) to map columns."
            )
        dup = corpus["doc_id"][corpus["doc_id"].duplicated()].unique().tolist()
        if dup:
            raise CorpusError(f"Duplicate doc_id values {dup[:5]}; make doc ids unique.")
        return checked_table(corpus)
    # No analysis reads the text as it was before cleaning; on a large corpus
    # it is about half of the table.
    return load_corpus(corpus).drop(columns=["raw_text"])


@dataclass
class ParsedCorpus:
    """A corpus with a parse record for every row (``keys[i]`` is row i's text hash)."""

    corpus: pd.DataFrame
    keys: list[str]
    store: ParseStore
    model_id: str
    model: str
    parse_options: dict = field(default_factory=dict, repr=False)
    _tables: dict[str, pa.ChunkedArray] = field(default_factory=dict, repr=False)
    _texts: TextColumn | None = field(default=None, repr=False)

    def columns(self, *names: str, keep: bool = True) -> pa.Table:
        """Parse-record columns, one row per corpus row, in corpus order.

        Columns read are kept for the next call; ``keep=False`` hands over the
        columns not kept yet without keeping them (a step that reads every
        token once, on a corpus too large to hold them all the run long).
        If a cache file turns out damaged while reading, it has been set aside
        with a warning; its articles are parsed again and the read repeated.
        """
        # Kept one column at a time: analyses asking for overlapping columns
        # (tokens for keyness and for entities) share one copy.
        todo = [n for n in dict.fromkeys(("key", *names)) if n not in self._tables]
        if todo:
            try:
                table = self.store.read(self.keys, todo)
            except KeyError:
                self.ensure_parsed()
                try:
                    table = self.store.read(self.keys, todo)
                except KeyError as exc:
                    raise RuntimeError(
                        f"{len(exc.args[0])} article(s) have no parse record even after parsing "
                        f"(cache folder {self.store.directory}); another process may be "
                        "clearing it. Run again, or pass cache_dir=False."
                    ) from None
            fresh = {n: table[n] for n in todo}
            if keep:
                self._tables.update(fresh)
        else:
            fresh = {}
        wanted = dict.fromkeys(("key", *names))
        return pa.table({n: fresh[n] if n in fresh else self._tables[n] for n in wanted})

    def ensure_parsed(self) -> None:
        """Parse the articles the store lacks (all of them the first time)."""
        texts = self.texts
        missing = self.store.missing_keys(self.keys, texts.lengths())
        row = {k: i for i, k in enumerate(self.keys)}
        todo = _TextsByKey({k: row[k] for k in missing}, texts)
        parse_into(self.store, todo, model=self.model, **self.parse_options)

    @property
    def texts(self) -> TextColumn:
        """The corpus's texts ("" where missing), made Python strings a block at a time."""
        if self._texts is None or len(self._texts) != len(self.corpus):
            self._texts = TextColumn(self.corpus["text"])
        return self._texts


class _TextsByKey(Mapping):
    """``{key: text}`` for some corpus rows, each text read from the column when asked."""

    def __init__(self, rows: dict[str, int], texts: TextColumn) -> None:
        self._rows, self._texts = rows, texts

    def __getitem__(self, key: str) -> str:
        return self._texts[self._rows[key]]

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


def parse_corpus(
    corpus: Any = None,
    *,
    n_process: int | None = None,
    batch_size: int = 32,
    cache_dir: str | Path | bool | None = None,
    progress: bool | None = None,
    model: str | None = None,
    engine: str = "local",
) -> ParsedCorpus:
    """Parse every article that the cache does not hold yet; return the parsed corpus.

    ``cache_dir=False`` keeps records in memory only; ``None`` uses the per-user
    cache (``MEDIAKIT_CACHE_DIR`` overrides it).

    >>> pc = parse_corpus(cache_dir=False)
    >>> len(pc.keys)
    5
    """
    check_parse_options(n_process, batch_size, engine)
    corpus = as_corpus(corpus)
    name = model or model_name()
    mid = _model_id(name)
    texts = TextColumn(corpus["text"])
    pc = ParsedCorpus(
        corpus=corpus,
        keys=keys_for(texts),
        store=ParseStore.for_model(mid, cache_dir),
        model_id=mid,
        model=name,
        parse_options={
            "n_process": n_process,
            "batch_size": batch_size,
            "progress": progress,
            "engine": engine,
        },
        _texts=texts,
    )
    pc.ensure_parsed()
    return pc
