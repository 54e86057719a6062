"""CSV files that are safe to open in a spreadsheet (no formula injection).

Excel, LibreOffice and Google Sheets run a cell that starts with ``=``,
``+``, ``-`` or ``@`` (and, after a tab or carriage return, the same) as a
formula: an article title such as ``=HYPERLINK(...)`` in an exported table
would become a live link or worse. As OWASP recommends, every text cell that
starts with one of these characters (or with tab or CR) is written with a
single quote in front, which spreadsheets read as "this is text". Numbers
are written as numbers (``-3.5`` stays ``-3.5``). Reading such a CSV back
with pandas gives the quoted text; strip one leading ``'`` to undo it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from ..paths import write_atomically

__all__ = ["FORMULA_LEADS", "spreadsheet_safe", "write_csv"]

#: First characters that make a spreadsheet read a cell as a formula.
FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")


def _escape(value: object) -> object:
    if not isinstance(value, str):
        return value
    if value.startswith(FORMULA_LEADS):
        value = "'" + value
    # Files end lines with "\n", so the CSV writer quotes cells holding "\n" but not a
    # bare "\r", which a reader would take for the end of the row.
    return value.replace("\r\n", "\n").replace("\r", "\n") if "\r" in value else value


def _needs_escape(values: pd.Series) -> bool:
    """Does any text cell start a formula or hold a CR? (True when it cannot tell.)"""
    if values.dtype != object and not pd.api.types.is_string_dtype(values.dtype):
        return True
    try:
        text = values.str
    except AttributeError:  # no strings at all (e.g. lists)
        return True
    lead = text.startswith(FORMULA_LEADS, na=False)
    return bool(lead.any() or text.contains("\r", regex=False, na=False).any())


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells cannot start a spreadsheet formula.

    Carriage returns inside cells become ``\n`` line breaks (the CSV files end
    their lines with ``\n``; a bare CR would split a row for many readers).

    >>> df = pd.DataFrame({"title": ["=1+1", "-minus", "plain"], "z": [-1.5, 2.0, 3.0]})
    >>> spreadsheet_safe(df).to_dict("list")
    {'title': ["'=1+1", "'-minus", 'plain'], 'z': [-1.5, 2.0, 3.0]}
    """
    out = frame.copy()
    for column in out.columns:
        values = out[column]
        if pd.api.types.is_numeric_dtype(values) or pd.api.types.is_datetime64_any_dtype(values):
            continue
        if pd.api.types.is_bool_dtype(values):
            continue
        if not _needs_escape(values):
            continue  # most columns: no per-cell Python work
        escaped = values.map(_escape)
        keep_dtype = pd.api.types.is_string_dtype(values.dtype) and values.dtype != object
        out[column] = escaped.astype(values.dtype) if keep_dtype else escaped
    return out


def write_csv(frame: pd.DataFrame, path: str | os.PathLike) -> Path:
    """Write ``frame`` as UTF-8 CSV, atomically, with :func:`spreadsheet_safe` cells.

    >>> import tempfile
    >>> out = write_csv(pd.DataFrame({"t": ["@SUM(A1)"]}), Path(tempfile.mkdtemp()) / "t.csv")
    >>> out.read_text(encoding="utf-8")
    "t\\n'@SUM(A1)\\n"
    """
    path = Path(path)
    data = spreadsheet_safe(frame).to_csv(index=False, lineterminator="\n").encode("utf-8")
    return write_atomically(path, data)
