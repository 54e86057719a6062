"""``clean_texts``: a corpus's texts prepared and cleaned a chunk at a time, kept as Arrow.

A Python ``str`` takes up to four bytes a character (two once a text holds a curly
quote), Arrow's UTF-8 about one; and holding every text as read, prepared and
cleaned at once would be three copies of the corpus. So each chunk of texts is
made into ``str``, cleaned, and stored as Arrow strings before the next is read.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc

from .cleaning import clean_article
from .furniture import cut_furniture, outlet_furniture
from .prepare import prepare_text
from .values import scalar_strings

__all__ = [
    "CleanedTexts",
    "arrow_strings",
    "clean_texts",
    "remove_outlet_furniture",
    "text_values",
]

CHUNK = 500  # texts turned into Python strings at a time


def arrow_strings(values: Sequence[str]) -> pa.Array:
    """``values`` as an Arrow ``large_string`` array in the C allocator's memory.

    Arrow's own pool (mimalloc) keeps the pages of the chunks that loading makes
    and drops (60 MB left held after 6,000 articles); ``malloc_trim``
    (:func:`mediakit.memory.release_freed_memory`) hands the C allocator's back.

    >>> arrow_strings(["a", "é"]).to_pylist()
    ['a', 'é']
    """
    return pa.array(values, type=pa.large_string(), memory_pool=pa.system_memory_pool())


@dataclass
class CleanedTexts:
    """What :func:`clean_texts` returns.

    Attributes
    ----------
    raw, text : pyarrow.ChunkedArray
        The texts as read, and cleaned (the same array when cleaning is off).
    headlines : list of str
        The headline detected on each text's first line, or ``""``.
    removed : list of tuples of (kind, text) pairs
        What was removed from each text, for the ``cleaning`` column.
    """

    raw: pa.ChunkedArray
    text: pa.ChunkedArray
    headlines: list[str]
    removed: list[tuple[tuple[str, str], ...]]


def clean_texts(
    values: Sequence, sources: Sequence[str], column: str | None, clean: bool
) -> CleanedTexts:
    """Prepare (markup and control characters out) and clean every text.

    ``values`` are a table's text column (made strings as
    :func:`~mediakit.corpus.values.scalar_strings` does, naming ``column`` in
    errors) or, with ``column=None``, texts read from files. Texts that look binary
    are refused either way.

    >>> out = clean_texts(["<p>Talks resumed.</p><p>They met.</p>", None], ["r1", "r2"], "text", True)
    >>> out.raw.to_pylist(), out.text.to_pylist()
    (['<p>Talks resumed.</p><p>They met.</p>', ''], ['Talks resumed.\\n\\nThey met.', ''])
    >>> out.removed
    [(('HTML markup', '4 tags'),), ()]
    """
    raw_parts, text_parts, headlines, removed = [], [], [], []
    stored = _stored_strings(values)  # already strings: used as they are, not copied
    for start, chunk in _chunks(values):
        where = [
            s if s != "DataFrame" else f"the DataFrame's row {i}"
            for i, s in enumerate(sources[start : start + len(chunk)], start=start)
        ]
        raw = chunk if column is None else scalar_strings(chunk, where, column)
        if stored is None:
            raw_parts.append(arrow_strings(raw))
        prepared = [prepare_text(t, w) for t, w in zip(raw, where, strict=True)]
        if not clean:
            continue  # binary-looking texts are refused either way; nothing is removed
        cleaned = [clean_article(t) for t, _ in prepared]
        text_parts.append(arrow_strings([c.text for c in cleaned]))
        headlines.extend(c.headline for c in cleaned)
        removed.extend((*r, *c.removed) for (_, r), c in zip(prepared, cleaned, strict=True))
    raw = stored if stored is not None else pa.chunked_array(raw_parts, type=pa.large_string())
    if not clean:
        return CleanedTexts(raw, raw, [""] * len(raw), [()] * len(raw))
    return CleanedTexts(
        raw, pa.chunked_array(text_parts, type=pa.large_string()), headlines, removed
    )


def remove_outlet_furniture(
    texts: CleanedTexts, outlets: Sequence[str], stories, share: float, min_articles: int
) -> None:
    """Take each outlet's repeated lines out of ``texts.text`` (in place), adding them
    to ``texts.removed``: :func:`~mediakit.corpus.furniture.outlet_furniture` finds them
    on a first pass, :func:`~mediakit.corpus.furniture.cut_furniture` cuts them a chunk
    of texts at a time.
    """
    found = outlet_furniture(
        _Strings(texts.text), outlets, stories=stories, share=share, min_articles=min_articles
    )
    # Each chunk is let go once cut, so the texts are not held twice.
    chunks, texts.text, start = texts.text.chunks, None, 0
    for k, chunk in enumerate(chunks):
        end = start + len(chunk)
        if any(outlets[i] in found for i in range(start, end)):
            values = chunk.to_pylist()
            for i in range(start, end):
                lines = found.get(outlets[i])
                cut = cut_furniture(values[i - start], lines) if lines else None
                if cut:
                    values[i - start], after = cut
                    texts.removed[i] = (*texts.removed[i], *after)
            chunks[k] = arrow_strings(values)
        start = end
    texts.text = pa.chunked_array(chunks, type=pa.large_string())


def text_values(texts: pa.ChunkedArray) -> Iterator[str]:
    """The strings of ``texts`` one at a time, a chunk of them in Python at once."""
    for chunk in texts.chunks:
        yield from chunk.to_pylist()


def _stored_strings(values: Sequence) -> pa.ChunkedArray | None:
    """The Arrow strings behind a pandas ``str`` column without missing values, or None."""
    stored = getattr(getattr(values, "array", None), "_pa_array", None)
    if not isinstance(stored, pa.ChunkedArray) or stored.null_count:
        return None
    if pa.types.is_string(stored.type) or pa.types.is_large_string(stored.type):
        # No copy when they are large strings already.
        return pc.cast(stored, pa.large_string(), memory_pool=pa.system_memory_pool())
    return None


def _chunks(values: Sequence) -> Iterator[tuple[int, list]]:
    take = getattr(values, "iloc", values)  # a Series is sliced by position
    for start in range(0, len(values), CHUNK):
        part = take[start : start + CHUNK]
        yield start, part.tolist() if hasattr(part, "tolist") else list(part)


class _Strings(Sequence):
    """Arrow strings indexed as Python ``str``, converted when asked for."""

    def __init__(self, values: pa.ChunkedArray) -> None:
        self.values = values

    def __len__(self) -> int:
        return len(self.values)

    def __getitem__(self, i):
        return self.values[i].as_py()
