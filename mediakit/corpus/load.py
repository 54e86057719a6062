"""``load_corpus``: a folder, a table file or a DataFrame -> one row per article."""

from __future__ import annotations

import os
import warnings
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .. import paths
from ..errors import CorpusError, OptionError
from ..memory import release_freed_memory
from .clean_texts import CleanedTexts, clean_texts, remove_outlet_furniture, text_values
from .cleaning import describe_cleaning
from .columns import (
    CORPUS_COLUMNS,
    UNKNOWN_OUTLET,
    as_strings,
    check_mapping,
    check_missing_ids,
    check_unique_ids,
    clash_renames,
    date_values,
    listing,
    outlet_values,
    resolve_columns,
    story_values,
    string_columns,
)
from .furniture import (
    FURNITURE_MIN_ARTICLES,
    FURNITURE_SHARE,
    check_furniture_options,
)
from .language import detect_language
from .notes import text_notes
from .pages import HTML_SUFFIXES, add_page_metadata
from .readers import (
    TABLE_SUFFIXES,
    TEXT_SUFFIXES,
    RawTable,
    parquet_parts,
    promote_named_index,
    read_folder,
    read_parquet_dataset,
    read_table,
    table_suffix,
)
from .values import scalar_strings

__all__ = ["CORPUS_COLUMNS", "load_corpus"]


def load_corpus(
    source: str | os.PathLike | pd.DataFrame | None = None,
    *,
    metadata: str | os.PathLike | pd.DataFrame | None = None,
    clean: bool = True,
    furniture_share: float = FURNITURE_SHARE,
    furniture_min_articles: int = FURNITURE_MIN_ARTICLES,
    **column_mapping: str,
) -> pd.DataFrame:
    """Load news articles into a table with one row per article.

    Parameters
    ----------
    source : path, DataFrame or None
        - ``None``: the five bundled example articles with their metadata.
        - A folder of ``.txt``/``.md`` files, one article each; ``doc_id`` is the file
          name without its extension. A ``metadata.csv`` in the folder (or
          ``metadata=``) adds outlet, title, date and other columns, matched on
          ``doc_id``.
        - Saved web pages (``.html``/``.htm``), one file or in such a folder: the
          article is extracted (:func:`mediakit.corpus.pages.read_page`) with its
          outlet, title, date, ``url`` and ``authors``; metadata values win.
        - A ``.csv``, ``.jsonl``, ``.ndjson`` (each optionally ``.gz``) or ``.parquet``
          file with one article per row, or a folder of ``.parquet`` files (a
          partitioned dataset, e.g. from ``dask.dataframe.to_parquet``; ``key=value``
          subfolders become columns), read in natural file order.
        - A pandas DataFrame with one article per row. It is never modified.
    metadata : path or DataFrame, optional
        Metadata for a folder of text files (CSV, JSONL or Parquet), one row per
        ``doc_id``.
    clean : bool, default True
        Remove non-prose boilerplate with :func:`mediakit.corpus.cleaning.clean_article`.
        This includes page furniture: generic widgets, galleries, photo credits and
        prompts (:func:`mediakit.corpus.page_furniture.remove_page_furniture`), and
        lines that one outlet repeats across its different stories
        (:func:`mediakit.corpus.furniture.remove_furniture`).
        With ``False``, ``text`` equals ``raw_text``.
    furniture_share, furniture_min_articles : float, int, default 0.2 and 3
        A line is an outlet's furniture when it is in at least this share of the
        outlet's articles and in at least this many of them (articles of one story
        count once; repetition across outlets never counts).
    **column_mapping : str
        Which input column holds each standard column, for example
        ``text="body", outlet="source", doc_id="id", title="headline",
        date="published"``. Unmapped columns are found by common names (``id``,
        ``body``, ``content``, ``publisher``, ``headline``, ``published``, ...).
        ``story="event_id"`` names a column that says which event each article
        reports (an id from your own database); only a column named ``story`` is
        taken without a mapping.

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_id, outlet, title, date, text, raw_text, source, encoding,
        cleaning, language``, then ``story`` if the input has one (never added
        otherwise), then every other input column unchanged, with a RangeIndex.

        - ``text`` is the cleaned article; character offsets elsewhere refer to it.
          ``raw_text`` is the text exactly as read and decoded.
        - ``title`` is the input title; where that is empty, the headline detected
          on the first line of the text. A detected headline is removed from ``text``
          either way.
        - ``date`` is naive ``datetime64`` (time-zone-aware values are converted to
          UTC); missing or unparseable values are ``NaT``, with a warning counting
          the unparseable ones.
        - ``source`` is the file (``path:line`` for CSV/JSONL rows, ``path:row`` for
          Parquet, ``"DataFrame"``) and ``encoding`` the encoding that decoded it
          (UTF-8, ``utf-8-sig``, ``utf-16``/``utf-32`` with a byte-order mark,
          ``utf-16-le``/``-be`` without one, else cp1252). Files that are not text
          (images, PDFs, zip or Word files, random bytes) are refused.
        - HTML markup in a text (``<p>``, ``<br>``, ``&amp;``) is parsed away in
          ``text`` (``raw_text`` keeps it), and stray control characters (NUL,
          U+FFFF) are removed; ``cleaning`` says so, and a warning names the
          articles. A text that is mostly control characters is refused.
        - ``language`` is the ISO 639-1 code detected (py3langid), or ``"und"``
          when a text is too short or mixed to tell. Articles in another language
          are kept, with a warning; :func:`mediakit.analyze` gives them no
          readability scores.
        - CSV files are read strictly: the delimiter (comma, semicolon, tab, ``|``)
          is sniffed; an unclosed quote, a row with too many fields, a duplicate
          column name or a carriage return outside quotes is an error naming the
          line, so no row is lost or merged.
        - Without a doc_id column, rows are numbered ``doc-00001``, ``doc-00002``, ...
        - Without an outlet, ``outlet`` is ``"unknown"`` (with a warning).
        - Empty or whitespace-only articles (including missing text values) are
          kept, so they count as zero later, and a warning names them.
        - Input columns whose names clash with the columns above are kept with an
          ``_input`` suffix (with a warning). Outlet and title are stripped of
          surrounding spaces; outlet names that differ only in case or spacing
          ("Wire", " WIRE") become one, with a warning listing the merges.

    Raises
    ------
    CorpusError
        For input that cannot be used as given (missing path, unsupported format,
        no text column, duplicate doc_ids, malformed rows, undecodable bytes); the
        message says what to change.

    Examples
    --------
    >>> corpus = load_corpus()
    >>> corpus[["doc_id", "outlet"]].head(2)
                     doc_id     outlet
    0  000_27355086a02f5fbc  Newslooks
    1  001_f7ae5d49ca0ce747   Outlet B
    >>> table = pd.DataFrame({"id": ["a1"], "body": ["Talks resumed."], "publisher": ["Wire"]})
    >>> load_corpus(table)[["doc_id", "outlet", "text"]]
      doc_id outlet            text
    0     a1   Wire  Talks resumed.
    """
    mapping = check_mapping(column_mapping)
    check_furniture_options(furniture_share, furniture_min_articles)
    clean = _Cleaning(bool(clean), furniture_share, furniture_min_articles)
    notes: list[str] = []
    if source is None:
        folder = paths.data_dir() / "corpus"
        meta = metadata if metadata is not None else paths.data_dir() / "metadata.csv"
        corpus = _from_folder(folder, meta, mapping, clean, notes)
    elif isinstance(source, pd.DataFrame):
        _no_metadata(metadata, "a DataFrame")
        raw = promote_named_index(source.copy(deep=False))
        n = len(raw)
        origin = "the DataFrame"
        corpus = _from_table(
            RawTable(raw, ["DataFrame"] * n, [""] * n), mapping, clean, notes, origin
        )
    elif isinstance(source, str | os.PathLike):
        corpus = _from_path(Path(source), metadata, mapping, clean, notes)
    else:
        raise OptionError(
            f"load_corpus() got a {type(source).__name__}; pass a folder or file path "
            "(str or pathlib.Path), a pandas DataFrame, or nothing for the bundled corpus."
        )
    for note in notes:
        warnings.warn(note, UserWarning, stacklevel=2)
    release_freed_memory()  # the copies made while reading and cleaning (see mediakit.memory)
    return corpus


@dataclass(frozen=True)
class _Cleaning:
    """Whether to clean, with the furniture thresholds; true when cleaning is on."""

    on: bool
    share: float
    min_articles: int

    def __bool__(self) -> bool:
        return self.on


def _no_metadata(metadata: object, what: str) -> None:
    if metadata is not None:
        raise OptionError(
            f"metadata= is for folders of text files; {what} already holds one row per "
            "article. Merge the metadata into it first (e.g. with DataFrame.merge on doc_id)."
        )


def _from_path(path: Path, metadata, mapping, clean: bool, notes: list[str]) -> pd.DataFrame:
    if not path.exists():
        raise OptionError(
            f"{path} does not exist (looked from {Path.cwd()}). Check the spelling, or "
            "pass an absolute path; load_corpus() with no argument loads the bundled corpus."
        )
    if path.is_dir():
        parts = parquet_parts(path)
        if parts:  # a partitioned Parquet dataset, one article per row
            _no_metadata(metadata, f"the Parquet dataset {path.name}")
            raw = read_parquet_dataset(path, parts)
            return _from_table(raw, mapping, clean, notes, str(path))
        if metadata is None and (path / "metadata.csv").is_file():
            metadata = path / "metadata.csv"
        return _from_folder(path, metadata, mapping, clean, notes)
    if path.suffix.lower() in HTML_SUFFIXES:  # one saved page: a folder of one
        return _from_folder(path, metadata, mapping, clean, notes)
    if table_suffix(path) is None:
        hint = (
            f" For text files, pass the folder that holds them ({path.parent})."
            if path.suffix.lower() in TEXT_SUFFIXES
            else ""
        )
        raise OptionError(
            f"{path}: unsupported file type. Supported: a folder of {' / '.join(TEXT_SUFFIXES)} "
            f"files or saved web pages, a {' / '.join(HTML_SUFFIXES)} page, or a "
            f"{', '.join(TABLE_SUFFIXES)} file.{hint}"
        )
    _no_metadata(metadata, f"{path.name}")
    raw = read_table(
        path,
        lambda header: string_columns(header, mapping),
        lambda header: _text_column(header, mapping),
    )
    return _from_table(raw, mapping, clean, notes, str(path))


def _text_column(header: list, mapping: dict[str, str]) -> str | None:
    try:
        return resolve_columns(header, mapping).get("text")
    except OptionError:  # raised again, where it always is, once the table is read
        return None


def _from_folder(folder: Path, metadata, mapping, clean: bool, notes: list[str]) -> pd.DataFrame:
    if "text" in mapping:
        raise OptionError(
            f"text={mapping['text']!r} cannot be used with a folder: each article's text "
            f"is its file in {folder}. Drop text= (or pass a table file instead)."
        )
    files = read_folder(folder)
    notes.extend(files.notes)
    file_ids = files.table["doc_id"]
    check_unique_ids(file_ids, files.sources, str(folder), None)
    if metadata is None:
        table, columns = add_page_metadata(
            files.table[["doc_id"]], {"doc_id": "doc_id"}, files.table
        )
        return _assemble(files, table, columns, clean, notes, str(folder))
    meta, where = _read_metadata(metadata, mapping)
    columns = resolve_columns(meta.columns, mapping, skip=("text",))
    id_column = columns.get("doc_id")
    if id_column is None:
        raise CorpusError(
            f"{where} has no doc_id column to match files on (columns: "
            f"{listing(meta.columns)}). Name it, e.g. load_corpus(folder, doc_id='<column>'), "
            "with values equal to the file names without extension."
        )
    meta_ids = pd.Series(as_strings(meta[id_column]))
    check_unique_ids(meta_ids, [where] * len(meta), where, id_column)
    orphans = sorted(set(meta_ids) - set(file_ids))
    if orphans:
        notes.append(
            f"{len(orphans)} metadata row(s) in {where} have no matching file in {folder} "
            f"and were ignored: {listing(orphans)}. Check the doc_id spelling or add the files."
        )
    unmatched = sorted(set(file_ids) - set(meta_ids))
    if unmatched:
        notes.append(
            f"{len(unmatched)} file(s) in {folder} have no row in {where}: {listing(unmatched)}. "
            "Add rows for them to give them an outlet, title and date."
        )
    meta = meta.assign(**{id_column: meta_ids.to_numpy()})
    table = pd.DataFrame({id_column: file_ids}).merge(meta, on=id_column, how="left")
    table, columns = add_page_metadata(table, columns, files.table)
    return _assemble(files, table, columns, clean, notes, str(folder))


def _read_metadata(metadata, mapping) -> tuple[pd.DataFrame, str]:
    if isinstance(metadata, pd.DataFrame):
        return promote_named_index(metadata.copy(deep=False)), "the metadata DataFrame"
    path = Path(metadata)
    if not path.is_file() or table_suffix(path) is None:
        raise OptionError(
            f"metadata={str(path)!r} is not an existing {', '.join(TABLE_SUFFIXES)} file. "
            "Pass the path of the metadata table or a DataFrame."
        )
    raw = read_table(path, lambda header: string_columns(header, mapping, skip=("text",)))
    return raw.table, str(path)


def _from_table(raw: RawTable, mapping, clean: bool, notes: list[str], origin: str) -> pd.DataFrame:
    table = raw.table
    if table.columns.has_duplicates:
        raise CorpusError(
            f"{origin} has duplicate column names: {listing(table.columns[table.columns.duplicated()])}. "
            "Rename them so each column name is unique."
        )
    if len(table) == 0:
        raise CorpusError(f"{origin} has no rows. Check that it is the right file and not empty.")
    columns = resolve_columns(table.columns, mapping)
    text_column = columns.get("text")
    if text_column is None:
        raise CorpusError(
            f"{origin} has no text column (columns found: {listing(table.columns)}). "
            f"Name the column that holds the article text, e.g. "
            f"load_corpus({_repr_origin(origin)}, text='<column>')."
        )
    return _assemble(raw, table, columns, clean, notes, origin)


def _name_first_line(removed, title: str):
    """Call a removed first line a headline only when it matches the title.

    With a title column, a short unpunctuated first line that differs from the
    title is a caption, standfirst or byline ("CLOSE", "USA TODAY"), not the
    headline; it is still not prose, so it stays removed.
    """
    if not title:
        return removed
    from rapidfuzz import fuzz

    return tuple(
        ("first line (not prose)", text)
        if kind == "headline" and fuzz.ratio(text.casefold(), title.casefold()) < 85
        else (kind, text)
        for kind, text in removed
    )


def _assemble(
    raw: RawTable, table, columns, clean: bool, notes: list[str], origin: str
) -> pd.DataFrame:
    """Build the corpus; text comes from ``columns["text"]`` or else the files read."""
    n = len(table)
    values = {
        key: _checked_texts(table[col], raw.sources, col)
        if key == "text"
        else scalar_strings(table[col], raw.sources, col)
        for key, col in columns.items()
        if col and key in ("doc_id", "outlet", "title", "text")
    }
    outlet = outlet_values(table, columns.get("outlet"), notes)
    story = story_values(table, columns.get("story"))
    if "text" in values:
        texts = clean_texts(values.pop("text"), raw.sources, columns["text"], clean)
    else:
        texts = clean_texts(raw.table["text"], raw.sources, None, clean)
    if clean:
        _remove_furniture(texts, outlet, story.get("story"), clean)
    if columns.get("doc_id"):
        doc_id = values["doc_id"]
        check_missing_ids(doc_id, raw.sources, columns["doc_id"])
    else:
        width = max(5, len(str(n)))
        doc_id = [f"doc-{i:0{width}d}" for i in range(1, n + 1)]
    check_unique_ids(pd.Series(doc_id), raw.sources, origin, columns.get("doc_id"))
    title = [t.strip() for t in values["title"]] if "title" in values else [""] * n
    cleaning = [""] * n
    if clean:
        title = [t or h for t, h in zip(title, texts.headlines, strict=True)]
        cleaning = [
            describe_cleaning(_name_first_line(removed, t))
            for removed, t in zip(texts.removed, title, strict=True)
        ]
    language = [detect_language(t) for t in text_values(texts.text)]
    out = {
        "doc_id": doc_id,
        "outlet": outlet,
        "title": title,
        "date": date_values(table, columns.get("date"), notes),
        "text": texts.text,
        "raw_text": texts.raw,
        "source": raw.sources,
        "encoding": raw.encodings,
        "cleaning": cleaning,
        "language": language,
    }
    del texts
    corpus = pd.DataFrame(
        {k: v if k == "date" else pd.array(v, dtype="str") for k, v in out.items()} | story,
        index=pd.RangeIndex(n),
    )
    used = {c for c in columns.values() if c}
    extras = table[[c for c in table.columns if c not in used]].reset_index(drop=True)
    extras = extras.rename(columns=clash_renames(extras.columns, notes))
    _warn_empty(corpus, notes)
    notes.extend(text_notes(corpus, clean))
    return pd.concat([corpus, extras], axis=1)


def _checked_texts(values: pd.Series, sources: list[str], column: str) -> pd.Series:
    """``values``, once each is known to make a string (the usual error otherwise).

    The strings themselves are made a chunk at a time while cleaning.
    """
    if values.dtype == object:
        scalar_strings(values, sources, column)
    return values


def _remove_furniture(texts: CleanedTexts, outlet, story, options: _Cleaning) -> None:
    """Take each outlet's repeated lines out of the texts.

    Articles without a known outlet are left alone: lines they share may come
    from different outlets (a wire story), which is no evidence of furniture.
    """
    known = [o if o and o != UNKNOWN_OUTLET else f"\0{i}" for i, o in enumerate(outlet)]
    stories = None if story is None else list(story)
    remove_outlet_furniture(texts, known, stories, options.share, options.min_articles)


def _warn_empty(corpus: pd.DataFrame, notes: list[str]) -> None:
    # As pandas' str.strip() would, a chunk at a time: no stripped copy of every text.
    texts = corpus["text"].array._pa_array
    blank = [pc.equal(pc.utf8_trim_whitespace(chunk), "") for chunk in texts.chunks]
    empty = corpus.loc[pa.chunked_array(blank, type=pa.bool_()).to_numpy(), "doc_id"]
    if len(empty):
        notes.append(
            f"{len(empty)} article(s) have no text and are kept (they count as zero): "
            f"{listing(empty)}. Drop them with corpus[corpus.text != ''] if you do not want them."
        )


def _repr_origin(origin: str) -> str:
    return "df" if origin.startswith("the ") else repr(origin)
