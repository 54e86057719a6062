"""Read a CSV file so that no row is dropped or merged without an error.

pandas reads the values (and keeps its type inference for the user's extra
columns); the standard library's ``csv`` module first reads the same text
strictly, record by record, to find the delimiter (``csv.Sniffer`` on the
header line), the line every record starts on, duplicate column names,
records with more fields than the header and quotes that are not closed
properly (which would swallow the rows after them). The two readings must
agree on the number of rows, or the file is refused.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from collections.abc import Callable, Iterable

import pandas as pd

from ..errors import CorpusError

__all__ = ["csv_records", "read_csv_text", "sniff_delimiter"]

_DELIMITERS = ",;\t|"
_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "vertical bar"}

# pandas' default NA strings (the list in the read_csv docs). Standard columns are read
# without them, so an article whose text is "NA" or "null" stays text.
_CSV_NA_VALUES = [
    "", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND",
    "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null",
]  # fmt: skip


def sniff_delimiter(text: str) -> str:
    """The delimiter of a CSV text, guessed from its header line (comma if unsure).

    >>> sniff_delimiter("id;outlet;text\\n1;A;Hello, world\\n"), sniff_delimiter("text\\nHi\\n")
    (';', ',')
    """
    header = text.split("\n", 1)[0]
    try:
        return csv.Sniffer().sniff(header, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        return ","


_BARE_CR = re.compile("\r(?!\n)")


def _stray_cr_line(text: str, quote: str = '"') -> int | None:
    """The line of the first carriage return that ends a row outside quotes, in a text
    whose rows end with LF; None if there is none.

    A lone CR there (a title such as "\\rTalks" written without quotes) would
    split one row into two, and both readers would agree on the wrong count.

    >>> _stray_cr_line('id,t\\n1,"a\\rb"\\n2,x\\ry\\n'), _stray_cr_line("id,t\\r1,x\\r")
    (3, None)
    """
    if "\n" not in text or _BARE_CR.search(text) is None:
        return None  # no LF at all: CR is the file's own line ending
    inside = False
    line = 1
    for i, ch in enumerate(text):
        if ch == quote:
            inside = not inside  # a doubled quote toggles twice
        elif ch == "\n":
            line += 1
        elif ch == "\r" and not inside and text[i + 1 : i + 2] != "\n":
            return line
    return None


def _blank(record: list[str]) -> bool:
    # pandas skips empty and whitespace-only lines; so must the count.
    return not record or (len(record) == 1 and not record[0].strip())


def csv_records(text: str, delimiter: str, where: str) -> tuple[list[str], list[int]]:
    """The header and the first line of every data record, read strictly.

    >>> csv_records('id,text\\n1,"two\\nlines"\\n\\n2,b\\n', ",", "f.csv")
    (['id', 'text'], [2, 5])
    """
    name = _NAMES[delimiter]
    stray = _stray_cr_line(text)
    if stray is not None:
        raise CorpusError(
            f"{where}: malformed CSV: line {stray} holds a carriage return (CR) outside quotes, "
            "which would split that row in two (the file's lines end with LF). Put that field "
            "in double quotes, or remove the CR."
        )
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    header: list[str] | None = None
    starts: list[int] = []
    previous = 0
    limit = csv.field_size_limit(sys.maxsize)  # articles can be longer than the default
    try:
        for record in reader:
            start, previous = previous + 1, reader.line_num
            if _blank(record):
                continue
            if header is None:
                header = record
                _check_header(header, where, name)
            elif len(record) > len(header) and any(record[len(header) :]):
                raise CorpusError(
                    f"{where}: malformed CSV: line {start} has {len(record)} fields but the "
                    f"header has {len(header)} ({name}-separated). Put fields that contain "
                    f"a {name} in double quotes, or add the missing column names to the header."
                )
            else:
                starts.append(start)
    except csv.Error as err:
        raise CorpusError(
            f"{where}: malformed CSV: the record starting on line {previous + 1} has a quote "
            f"that is not closed properly ({err}; read as {name}-separated). A field in "
            "quotes must end with a quote followed by the delimiter or a line break, and a "
            'quote inside it must be doubled (""); otherwise the rows after it are swallowed.'
        ) from None
    finally:
        csv.field_size_limit(limit)
    return header or [], starts


def _check_header(header: list[str], where: str, name: str) -> None:
    seen: dict[str, int] = {}
    for column in header:
        seen[column] = seen.get(column, 0) + 1
    dupes = [c for c, n in seen.items() if n > 1]
    if dupes:
        raise CorpusError(
            f"{where}: the header (line 1, {name}-separated) names column(s) "
            f"{', '.join(repr(c) for c in dupes)} more than once. Rename them so each "
            "column name is unique."
        )


def read_csv_text(
    text: str, where: str, string_columns: Callable[[list[str]], Iterable[str]]
) -> tuple[pd.DataFrame, list[int]]:
    """The table in ``text`` and the line each row starts on.

    >>> table, lines = read_csv_text("id;text\\n007;Hello, world\\n", "f.csv", lambda h: h)
    >>> table.to_dict("records"), lines
    ([{'id': '007', 'text': 'Hello, world'}], [2])
    """
    delimiter = sniff_delimiter(text)
    header, lines = csv_records(text, delimiter, where)
    as_text = set(string_columns(header))
    try:
        table = pd.read_csv(
            io.StringIO(text),
            sep=delimiter,
            dtype={c: str for c in as_text},
            keep_default_na=False,
            na_values={c: _CSV_NA_VALUES for c in header if c not in as_text},
            # Without this pandas silently turns the first column into the index when
            # rows end with a stray delimiter.
            index_col=False,
        )
    except (pd.errors.ParserError, ValueError) as err:
        raise CorpusError(
            f"{where}: malformed CSV ({_NAMES[delimiter]}-separated): {err}. Check the quoting "
            "on that line (fields with delimiters, quotes or line breaks must be in double quotes)."
        ) from None
    if len(table) != len(lines):
        raise CorpusError(
            f"{where}: the file holds {len(lines):,} records but {len(table):,} rows were read "
            f"({_NAMES[delimiter]}-separated); rows would be lost or merged. Check the quoting "
            "and the line breaks in the file, or export it again."
        )
    return table, lines
