"""``TextColumn``: the corpus's texts as a sequence, made Python strings a block at a time.

A large corpus keeps its texts as Arrow strings (about one byte a character);
the same texts as Python strings take up to four, and a list of all of them
would be held beside the table for as long as an analysis runs. Steps that
read the texts one after the other (parsing, hashing, stage 1 of the entities)
need only the block they are in.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import overload

import pandas as pd

__all__ = ["BLOCK", "TextColumn"]

#: Texts converted at a time: about 3 MB of Python strings for news articles.
BLOCK = 512


class TextColumn(Sequence[str]):
    """Read-only ``texts[i]`` over a text column; missing values read as "".

    One block of :data:`BLOCK` texts is kept converted, so reading in order
    (or jumping around inside a block) converts each text once.

    >>> texts = TextColumn(pd.Series(["a", None, "c"], dtype="str"))
    >>> len(texts), texts[1], list(texts), texts[-1], texts[0:2]
    (3, '', ['a', '', 'c'], 'c', ['a', ''])
    """

    def __init__(self, column: pd.Series, block: int = BLOCK) -> None:
        self._column = column.reset_index(drop=True)
        self._block = max(1, int(block))
        self._cached: tuple[int, list[str]] = (-1, [])

    def __len__(self) -> int:
        return len(self._column)

    def _texts(self, lo: int, hi: int) -> list[str]:
        return [t if isinstance(t, str) else "" for t in self._column.iloc[lo:hi].tolist()]

    def _in_block(self, i: int) -> str:
        b = i // self._block
        if self._cached[0] != b:
            lo = b * self._block
            self._cached = (b, self._texts(lo, lo + self._block))
        return self._cached[1][i - b * self._block]

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> list[str]: ...
    def __getitem__(self, i):
        n = len(self)
        if isinstance(i, slice):
            lo, hi, step = i.indices(n)
            return self._texts(lo, hi) if step == 1 else [self[j] for j in range(lo, hi, step)]
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError(f"text {i} out of range for {n} texts")
        return self._in_block(i)

    def __iter__(self) -> Iterator[str]:
        for lo in range(0, len(self), self._block):
            yield from self._texts(lo, lo + self._block)

    def lengths(self) -> list[int]:
        """Characters in each text (counted by the column, no conversion); "" for missing.

        >>> TextColumn(pd.Series(["ab", None], dtype="str")).lengths()
        [2, 0]
        """
        if self._column.dtype == object:  # already Python strings: nothing to save
            return [len(t) if isinstance(t, str) else 0 for t in self._column]
        return [int(x) for x in self._column.str.len().fillna(0).tolist()]
