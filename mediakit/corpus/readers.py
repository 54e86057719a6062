"""Read corpus files into raw tables; :func:`mediakit.load_corpus` standardises them.

Each reader returns the user's columns exactly as stored, plus where every row came
from (``path:line``) and the encoding that decoded it.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..errors import CorpusError
from .article_check import page_notes
from .decode import read_text
from .pages import HTML_SUFFIXES, page_table, read_page_file

TEXT_SUFFIXES = (".txt", ".md")
TABLE_SUFFIXES = (
    ".csv",
    ".csv.gz",
    ".jsonl",
    ".jsonl.gz",
    ".ndjson",
    ".ndjson.gz",
    ".parquet",
)

# pandas' default NA strings (the list in the read_csv docs). Standard columns are read
# without them, so an article whose text is "NA" or "null" stays text.
_CSV_NA_VALUES = [
    "", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND",
    "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null",
]  # fmt: skip


@dataclass
class RawTable:
    """A table as read, with one ``source`` and ``encoding`` per row."""

    table: pd.DataFrame
    sources: list[str]
    encodings: list[str]
    notes: list[str] = field(default_factory=list)  # what the reader noticed, for the user


def table_suffix(path: Path) -> str | None:
    """The supported table suffix ``path`` ends with, or None."""
    name = path.name.lower()
    # Longest first, so "x.jsonl.gz" is not taken for a ".gz" of something else.
    for suffix in sorted(TABLE_SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix):
            return suffix
    return None


def read_folder(folder: Path) -> RawTable:
    """One row per ``.txt``/``.md`` file or saved ``.html``/``.htm`` page: ``doc_id``
    (file stem) and ``text``; with pages, also what they say (``outlet``, ``title``,
    ``date``, ``url``, ``authors``). ``folder`` may also be one saved page."""
    suffixes = TEXT_SUFFIXES + HTML_SUFFIXES
    files = [folder] if folder.is_file() else sorted(
        (p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in suffixes),
        key=lambda p: (p.stem, p.name),
    )  # fmt: skip
    if not files:
        found = sorted(p.name for p in folder.iterdir())
        shown = ", ".join(found[:10]) + (", …" if len(found) > 10 else "") or "nothing"
        raise CorpusError(
            f"{folder}: no .txt, .md or .html files found (found: {shown}). Put one article "
            "per .txt or .md file (or saved web page) in this folder, or pass a CSV, JSONL "
            "or Parquet file instead."
        )
    pages = {p: read_page_file(p) for p in files if p.suffix.lower() in HTML_SUFFIXES}
    decoded = [(pages[p].text, pages[p].encoding) if p in pages else read_text(p) for p in files]
    table = pd.DataFrame({"doc_id": [p.stem for p in files], "text": [text for text, _ in decoded]})
    if pages:
        table = pd.concat([table, page_table([pages.get(p) for p in files])], axis=1)
    return RawTable(table, [str(p) for p in files], [enc for _, enc in decoded], page_notes(pages))


def read_table(path: Path, string_columns: Callable[[list[str]], Iterable[str]]) -> RawTable:
    """Read a CSV, JSONL or Parquet file.

    ``string_columns`` receives the CSV header and names the columns to keep as
    strings (ids with leading zeros, texts like "NA"); other formats store types.
    """
    suffix = table_suffix(path)
    if suffix in (".csv", ".csv.gz"):
        return _read_csv(path, string_columns, gzipped=suffix.endswith(".gz"))
    if suffix == ".parquet":
        return _read_parquet(path)
    return _read_jsonl(path, gzipped=suffix.endswith(".gz"))


def _read_csv(path: Path, string_columns: Callable, *, gzipped: bool) -> RawTable:
    text, encoding = read_text(path, gzipped=gzipped)
    if not text.strip():
        raise CorpusError(f"{path}: the file is empty. Export the table again with a header row.")
    try:
        header = pd.read_csv(io.StringIO(text), nrows=0).columns.tolist()
        line_numbers = _csv_record_lines(text, len(header), path)
        as_text = set(string_columns(header))
        table = pd.read_csv(
            io.StringIO(text),
            dtype={c: str for c in as_text},
            keep_default_na=False,
            na_values={c: _CSV_NA_VALUES for c in header if c not in as_text},
            # Without this pandas silently turns the first column into the index when
            # rows end with a stray comma.
            index_col=False,
        )
    except (pd.errors.ParserError, ValueError) as err:
        if isinstance(err, CorpusError):
            raise
        raise CorpusError(
            f"{path}: malformed CSV: {err}. Check the quoting on that line "
            "(fields with commas, quotes or line breaks must be in double quotes)."
        ) from None
    if len(line_numbers) != len(table):
        # Blank or odd lines the csv module counts differently: fall back to the
        # physical line assuming one line per row (header on line 1).
        line_numbers = list(range(2, len(table) + 2))
    return RawTable(table, [f"{path}:{n}" for n in line_numbers], [encoding] * len(table))


def _csv_record_lines(text: str, n_header: int, path: Path) -> list[int]:
    """First line of every data record; raise if a record has more fields than the header."""
    reader = csv.reader(io.StringIO(text, newline=""))
    starts: list[int] = []
    previous = 0
    limit = csv.field_size_limit(sys.maxsize)  # articles can be longer than the default
    try:
        for record in reader:
            start, previous = previous + 1, reader.line_num
            if not record or (len(record) == 1 and not record[0].strip()):
                continue  # pandas skips blank lines too
            if starts and len(record) > n_header and any(record[n_header:]):
                raise CorpusError(
                    f"{path}: malformed CSV: line {start} has {len(record)} fields but "
                    f"the header has {n_header}. Put fields that contain commas in "
                    "double quotes, or add the missing column names to the header."
                )
            starts.append(start)
    except csv.Error:
        return []  # pandas reports the problem with its own message
    finally:
        csv.field_size_limit(limit)
    return starts[1:]


def _read_jsonl(path: Path, *, gzipped: bool) -> RawTable:
    text, encoding = read_text(path, gzipped=gzipped)
    records, lines = [], []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise CorpusError(
                f"{path}: line {number} is not valid JSON ({err.msg} at column {err.colno}). "
                "Each line must hold one complete JSON object; fix or delete that line."
            ) from None
        if not isinstance(record, dict):
            raise CorpusError(
                f"{path}: line {number} is a JSON {type(record).__name__}, not an object. "
                'Each line must be one object such as {"id": "a1", "text": "..."}.'
            )
        records.append(record)
        lines.append(number)
    return RawTable(
        pd.DataFrame.from_records(records) if records else pd.DataFrame(),
        [f"{path}:{n}" for n in lines],
        [encoding] * len(records),
    )


def _read_parquet(path: Path) -> RawTable:
    try:
        table = pd.read_parquet(path)
    except Exception as err:  # pyarrow raises several unrelated types for bad files
        raise CorpusError(
            f"{path}: could not be read as Parquet ({type(err).__name__}: {err}). "
            "Check that the file is complete, or export it again."
        ) from None
    table = promote_named_index(table)
    # Parquet has no lines; the row number (1-based) tells where a row came from.
    return RawTable(
        table, [f"{path}:{n}" for n in range(1, len(table) + 1)], ["utf-8"] * len(table)
    )


def promote_named_index(table: pd.DataFrame) -> pd.DataFrame:
    """Turn a named index (e.g. ``doc_id`` after ``set_index``) back into columns."""
    if any(name is not None for name in table.index.names):
        return table.reset_index()
    return table.reset_index(drop=True)
