"""The values of a standard column (id, text, outlet, title) as strings, or a clear error.

A JSON object or list in such a column (``{"text": {"body": ...}}``) would
otherwise become its Python repr; bytes (a binary Parquet column) are decoded
like a file; a whole number stored as a float (an id column with a missing
value) is written without ``.0``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np

from ..errors import CorpusError
from .columns import is_missing
from .decode import decode_bytes

__all__ = ["scalar_strings"]


def _nested(value: object) -> str | None:
    if isinstance(value, dict):
        keys = ", ".join(repr(k) for k in list(value)[:5])
        return f"a JSON object (keys {keys})" if keys else "an empty JSON object"
    if isinstance(value, list | tuple | set | np.ndarray):
        return f"a list of {len(value)} value(s)"
    return None


def scalar_strings(values: Iterable, sources: Sequence[str], column: str) -> list[str]:
    """Each value as ``str``; missing values become ``""``.

    >>> scalar_strings(["a", None, 7.0, 2.5, b"caf\\xc3\\xa9"], ["r"] * 5, "text")
    ['a', '', '7', '2.5', 'café']
    """
    out: list[str] = []
    for value, where in zip(values, sources, strict=True):
        if isinstance(value, str):
            out.append(value)
            continue
        kind = _nested(value)
        if kind is not None:
            raise CorpusError(
                f"{where}: column {column!r} holds {kind}, not text. Flatten the data first "
                "(e.g. pandas.json_normalize, which names nested fields like 'text.body') and "
                f"map the field that holds the text, e.g. {column}='text.body'."
            )
        if isinstance(value, bytes | bytearray):
            out.append(decode_bytes(bytes(value), f"{where} (column {column!r})")[0])
        elif is_missing(value):
            out.append("")
        elif (
            isinstance(value, float | np.floating) and math.isfinite(value) and value == int(value)
        ):
            out.append(str(int(value)))
        else:
            out.append(str(value))
    return out
