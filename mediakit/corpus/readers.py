"""Read corpus files into raw tables; :func:`mediakit.load_corpus` standardises them.

Each reader returns the user's columns exactly as stored, plus where every row came
from (``path:line``) and the encoding that decoded it.
"""

from __future__ import annotations

import gzip
import json
import re
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..errors import CorpusError
from .article_check import page_notes
from .clean_texts import arrow_strings
from .csvfile import read_csv_text
from .decode import narrow_encoding, read_text
from .pages import HTML_SUFFIXES, page_table, read_page_file
from .values import scalar_strings

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


def read_table(
    path: Path,
    string_columns: Callable[[list[str]], Iterable[str]],
    text_column: Callable[[list[str]], str | None] | None = None,
) -> RawTable:
    """Read a CSV, JSONL or Parquet file.

    ``string_columns`` receives the CSV header and names the columns to keep as
    strings (ids with leading zeros, texts like "NA"); other formats store types.
    ``text_column`` receives a JSONL file's columns and names the one with the
    article texts, which is then read as strings (``str`` dtype), a chunk at a time.
    """
    suffix = table_suffix(path)
    if suffix in (".csv", ".csv.gz"):
        return _read_csv(path, string_columns, gzipped=suffix.endswith(".gz"))
    if suffix == ".parquet":
        return _read_parquet(path)
    return _read_jsonl(
        path, string_columns, gzipped=suffix.endswith(".gz"), text_column=text_column
    )


def _read_csv(path: Path, string_columns: Callable, *, gzipped: bool) -> RawTable:
    text, encoding = read_text(path, gzipped=gzipped)
    if not text.strip():
        raise CorpusError(f"{path}: the file is empty. Export the table again with a header row.")
    table, line_numbers = read_csv_text(text, str(path), string_columns)
    return RawTable(table, [f"{path}:{n}" for n in line_numbers], [encoding] * len(table))


def _read_jsonl(
    path: Path, string_columns: Callable, *, gzipped: bool, text_column: Callable | None
) -> RawTable:
    encoding, lines = _jsonl_lines(path, gzipped)
    # A first pass finds the columns, so the text column is known before any text is
    # kept; the second keeps each chunk of texts as Arrow strings (UTF-8, a quarter of
    # Python's four bytes a character when a text holds one emoji) as soon as it is read.
    header = list(dict.fromkeys(key for _, record in _records(path, lines()) for key in record))
    text = text_column(header) if text_column else None
    records, numbers, texts = [], [], _TextColumn(text, path)
    for number, record in _records(path, lines()):
        if text in record:
            texts.add(record[text], f"{path}:{number}")
            record[text] = None  # the column keeps its place among the others
        else:
            texts.add(None, f"{path}:{number}")
        records.append(record)
        numbers.append(number)
    table = pd.DataFrame.from_records(records) if records else pd.DataFrame()
    # Standard columns keep the values as stored: an id 7 in a column with a missing
    # value must not become "7.0".
    for column in string_columns(list(table.columns)):
        if column != text:
            table[column] = pd.Series([r.get(column) for r in records], dtype=object)
    if text in table.columns:
        table[text] = texts.values()
    return RawTable(table, [f"{path}:{n}" for n in numbers], [encoding] * len(records))


def _records(path: Path, lines: Iterable[str]) -> Iterator[tuple[int, dict]]:
    for number, line in enumerate(lines, start=1):
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
        yield number, record


def _jsonl_lines(path: Path, gzipped: bool) -> tuple[str, Callable[[], Iterator[str]]]:
    """The file's encoding, and a function that reads its lines again each time it is called.

    UTF-8 and cp1252 files are read a line at a time, never whole; other encodings
    (a byte-order mark, UTF-16 without one) are decoded whole, as is a file that
    cannot be streamed (unreadable, a broken gzip), so its error is the usual one.
    """

    def chunks() -> Iterator[bytes]:
        with _open(path, gzipped) as f:
            while chunk := f.read(_READ_BYTES):
                yield chunk

    try:
        encoding = narrow_encoding(chunks, str(path))
    except (OSError, EOFError, zlib.error):
        encoding = None
    if encoding is None:
        text, encoding = read_text(path, gzipped=gzipped)
        return encoding, lambda: _lines(text)

    def lines() -> Iterator[str]:
        with _open(path, gzipped) as f:
            for line in f:  # binary lines end at b"\n" only, as _lines splits
                yield (line[:-1] if line.endswith(b"\n") else line).decode(encoding)

    return encoding, lines


def _open(path: Path, gzipped: bool):
    return gzip.open(path, "rb") if gzipped else open(path, "rb")


_READ_BYTES = 1 << 24
_TEXT_CHUNK = 500  # texts converted to Arrow at a time


class _TextColumn:
    """A text column gathered as Arrow strings, chunk by chunk, while a file is read.

    Values become strings as :func:`~mediakit.corpus.values.scalar_strings` makes them
    (missing ones ""); if one cannot (a JSON object), the column keeps the values as
    stored from then on, so loading raises the usual error.
    """

    def __init__(self, column: str | None, path: Path) -> None:
        self.column, self.path = column, path
        self.chunks: list = []
        self.pending: list = []
        self.where: list[str] = []
        self.as_stored: list | None = None  # set once a value is not a scalar

    def add(self, value: object, where: str) -> None:
        if self.column is None:
            return
        self.pending.append(value)
        self.where.append(where)
        if len(self.pending) >= _TEXT_CHUNK:
            self._flush()

    def _flush(self) -> None:

        if self.as_stored is None:
            try:
                strings = scalar_strings(self.pending, self.where, self.column)
            except CorpusError:
                self.as_stored = [s for chunk in self.chunks for s in chunk.to_pylist()]
                self.chunks = []
            else:
                self.chunks.append(arrow_strings(strings))
        if self.as_stored is not None:
            self.as_stored.extend(self.pending)
        self.pending, self.where = [], []

    def values(self):
        import pyarrow as pa

        self._flush()
        if self.as_stored is not None:
            return pd.Series(self.as_stored, dtype=object)
        return pd.array(pa.chunked_array(self.chunks, type=pa.large_string()), dtype="str")


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text`` one at a time: no list of them all beside the text itself."""
    start = 0
    while (end := text.find("\n", start)) >= 0:
        yield text[start:end]
        start = end + 1
    yield text[start:]


def _read_parquet(path: Path) -> RawTable:
    try:
        table = pd.read_parquet(path)
    except Exception as err:  # pyarrow raises several unrelated types for bad files
        raise CorpusError(
            f"{path}: could not be read as Parquet ({type(err).__name__}: {err}). "
            "Check that the file is complete, or export it again."
        ) from None
    table = promote_named_index(_no_dask_index(table))
    # Parquet has no lines; the row number (1-based) tells where a row came from.
    return RawTable(
        table, [f"{path}:{n}" for n in range(1, len(table) + 1)], ["utf-8"] * len(table)
    )


def parquet_parts(folder: Path) -> list[Path]:
    """The ``*.parquet`` files of a partitioned dataset in ``folder`` (as written by
    ``dask.dataframe.to_parquet``, also in ``key=value`` subfolders), in natural
    order ("part.2" before "part.10"); none when the folder holds text files or pages.

    Files and folders starting with ``.`` or ``_`` (``_metadata``, ``.crc``) are skipped.
    """
    articles = TEXT_SUFFIXES + HTML_SUFFIXES
    if any(p.is_file() and p.suffix.lower() in articles for p in folder.iterdir()):
        return []
    parts = [
        p
        for p in folder.rglob("*.parquet")
        if p.is_file() and not any(n.startswith((".", "_")) for n in p.relative_to(folder).parts)
    ]
    return sorted(parts, key=lambda p: _natural_key(p.relative_to(folder).as_posix()))


def _natural_key(name: str) -> tuple:
    return tuple(int(t) if t.isdigit() else t for t in re.split(r"(\d+)", name))


def read_parquet_dataset(folder: Path, parts: list[Path]) -> RawTable:
    """Read a partitioned Parquet dataset (``parts`` from :func:`parquet_parts`) as one table.

    ``key=value`` folder names (hive partitioning) become columns; each row's
    source is its file and row number.
    """
    import pyarrow.dataset as ds

    try:
        dataset = ds.dataset(
            [str(p) for p in parts],
            format="parquet",
            partitioning="hive",
            partition_base_dir=str(folder),
        )
        rows = [fragment.count_rows() for fragment in dataset.get_fragments()]
        table = dataset.to_table().to_pandas()
    except Exception as err:  # pyarrow raises several unrelated types for bad files
        raise CorpusError(
            f"{folder}: could not be read as a Parquet dataset ({type(err).__name__}: {err}). "
            "Check that every part is complete and that the parts share their columns."
        ) from None
    sources = [
        f"{p}:{n}" for p, count in zip(parts, rows, strict=True) for n in range(1, count + 1)
    ]
    return RawTable(promote_named_index(_no_dask_index(table)), sources, ["utf-8"] * len(table))


def _no_dask_index(table: pd.DataFrame) -> pd.DataFrame:
    # Dask stores an unnamed index under this name; it is a row number, not data.
    if "__null_dask_index__" in table.index.names:
        return table.reset_index(level="__null_dask_index__", drop=True)
    return table


def promote_named_index(table: pd.DataFrame) -> pd.DataFrame:
    """Turn a named index (e.g. ``doc_id`` after ``set_index``) back into columns.

    A level that is also a column (``set_index("id", drop=False)``) is dropped
    when it holds the same values.

    >>> df = pd.DataFrame({"id": ["a"], "text": ["T."]})
    >>> list(promote_named_index(df.set_index("id", drop=False)).columns)
    ['id', 'text']
    """
    names = list(table.index.names)
    for level, name in enumerate(names):
        if name is None or name not in table.columns:
            continue
        held = pd.Series(table.index.get_level_values(level), dtype=object)
        if not held.equals(pd.Series(table[name].to_numpy(), dtype=object)):
            raise CorpusError(
                f"The table has both an index level and a column named {name!r}, with "
                "different values. Drop one (df.reset_index(drop=True)) or rename it."
            )
        names[level] = None
    if any(name is not None for name in names):
        keep = [n for n in names if n is not None]
        return table.reset_index(level=keep).reset_index(drop=True)
    return table.reset_index(drop=True)
