"""The columns of a parse record, and their types (no spaCy needed to know them)."""

from __future__ import annotations

import pyarrow as pa

__all__ = ["COUNT_COLUMNS", "SCHEMA", "schema_problem"]


COUNT_COLUMNS = (
    "words",
    "sentences",
    "paragraphs",
    "syllables",
    "polysyllables",
    "complex_words",
    "difficult_words",
    "letters",
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


def schema_problem(schema: pa.Schema, columns: list[str] | None = None) -> str | None:
    """What is wrong with ``schema`` for ``columns`` (default: all), or None.

    >>> schema_problem(SCHEMA) is None
    True
    >>> schema_problem(pa.schema([("key", pa.string()), ("n_chars", pa.string())]), ["key", "n_chars"])
    'column n_chars is string, not int64'
    """
    for name in columns if columns is not None else SCHEMA.names:
        expected = SCHEMA.field(name).type
        index = schema.get_field_index(name)
        if index < 0:
            return f"column {name} is missing"
        found = schema.field(index).type
        if not found.equals(expected):
            return f"column {name} is {found}, not {expected}"
    return None
