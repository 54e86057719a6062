"""Standard columns: which input column holds what, and the values made uniform.

Names are found by common aliases unless mapped (``text="body"``); ids,
outlets, titles and dates are turned into the corpus's own types, and every
problem becomes a :class:`~mediakit.errors.CorpusError` or a note that says
what to change.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable, Sequence

import pandas as pd

from ..errors import CorpusError, OptionError
from .outlet_spellings import merge_outlet_spellings

#: The columns every corpus starts with, in this order; input columns follow.
CORPUS_COLUMNS = (
    "doc_id", "outlet", "title", "date", "text", "raw_text", "source", "encoding", "cleaning",
    "language",
)  # fmt: skip


# Input column names recognised without a mapping, best first. "source" is not an
# outlet alias: that name is taken by the column saying where each row came from.
ALIASES = {
    "doc_id": ("doc_id", "id", "article_id"),
    "text": ("text", "body", "content", "article", "full_text"),
    "outlet": ("outlet", "source_name", "publisher", "site", "publication"),
    "title": ("title", "headline"),
    "date": ("date", "published", "publish_date", "pub_date", "datetime"),
    # Only a column named "story" is taken without a mapping: "topic", "event" or
    # "category" hold other things in many exports (AllSides' "topic" is a beat).
    "story": ("story",),
}

#: Standard columns that exist only when the input has them (never created empty).
OPTIONAL_COLUMNS = ("story",)


UNKNOWN_OUTLET = "unknown"


SHOW = 5  # how many ids an error or warning lists


def check_mapping(column_mapping: dict) -> dict[str, str]:
    unknown = sorted(set(column_mapping) - set(ALIASES))
    if unknown:
        raise OptionError(
            f"load_corpus() got unknown keyword(s) {', '.join(unknown)}. Column mappings "
            f"are {', '.join(ALIASES)}, e.g. load_corpus(path, text='body', outlet='publisher')."
        )
    for key, value in column_mapping.items():
        if not isinstance(value, str):
            raise OptionError(
                f"{key}= must name a column (a string), got {value!r}; "
                f"e.g. load_corpus(path, {key}='<column>')."
            )
    return dict(column_mapping)


def resolve_columns(found: Sequence, mapping: dict[str, str], skip: Iterable[str] = ()) -> dict:
    """Map each standard column to the input column that holds it (or None)."""
    names = [c for c in found if isinstance(c, str)]
    mapped = {mapping[k] for k in mapping if k not in skip}
    free = [c for c in names if c not in mapped]  # a mapped column is not detected again
    resolved: dict[str, str | None] = {}
    for key, aliases in ALIASES.items():
        if key in skip:
            continue
        if key in mapping:
            if mapping[key] not in names:
                close = difflib.get_close_matches(mapping[key], names, n=1)
                hint = f" Did you mean {key}={close[0]!r}?" if close else ""
                raise OptionError(
                    f"{key}={mapping[key]!r} names a column that does not exist "
                    f"(columns found: {listing(names)}).{hint} Pass one of these, "
                    f"e.g. load_corpus(path, {key}='<column>')."
                )
            resolved[key] = mapping[key]
            continue
        lowered = {c.lower(): c for c in reversed(free)}
        exact = [a for a in aliases if a in free]
        loose = [lowered[a] for a in aliases if a in lowered]
        resolved[key] = (exact or loose or [None])[0]
    return resolved


def string_columns(header: list, mapping: dict[str, str], skip: Iterable[str] = ()) -> list:
    resolved = resolve_columns(header, mapping, skip=skip)
    return [resolved[k] for k in ("doc_id", "text", "outlet", "title", "story") if resolved.get(k)]


def as_strings(values: Iterable) -> list[str]:
    """Values as str; missing values (None, NaN, NA) become ""."""
    return [v if isinstance(v, str) else "" if is_missing(v) else str(v) for v in values]


def is_missing(value: object) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # lists and arrays are values, not missing
        return False


def check_missing_ids(doc_id: list[str], sources: list[str], column: str) -> None:
    missing = [s for i, s in zip(doc_id, sources, strict=True) if not i.strip()]
    if missing:
        raise CorpusError(
            f"{len(missing)} row(s) have an empty doc_id in column {column!r} "
            f"(e.g. {listing(missing)}). Fill them in, or map another column with "
            "doc_id='<column>'."
        )


def check_unique_ids(ids: pd.Series, sources: list[str], where: str, column: str | None) -> None:
    dupes = ids[ids.duplicated(keep=False)]
    if dupes.empty:
        return
    first = list(dict.fromkeys(dupes))[:SHOW]
    shown = "; ".join(
        f"{i!r} ({', '.join(sources[p] for p in dupes.index[dupes == i][:3])})" for i in first
    )
    fix = (
        f"Make the values in column {column!r} unique, or map another column with "
        "doc_id='<column>'."
        if column
        else "Rename the files so each name (without extension) is unique."
    )
    raise CorpusError(
        f"{dupes.nunique()} doc_id(s) appear more than once in "
        f"{where}: {shown}{' …' if dupes.nunique() > SHOW else ''}. {fix}"
    )


def outlet_values(table: pd.DataFrame, column: str | None, notes: list[str]) -> list[str]:
    n = len(table)
    if column is None:
        notes.append(
            f"No outlet column found (columns: {listing(table.columns)}); every article gets "
            f"outlet {UNKNOWN_OUTLET!r}. Map one with outlet='<column>'."
        )
        return [UNKNOWN_OUTLET] * n
    outlets = merge_outlet_spellings(as_strings(table[column]), notes)
    missing = sum(not o for o in outlets)
    if missing:
        notes.append(
            f"{missing} of {n} article(s) have no outlet in column {column!r} and get "
            f"outlet {UNKNOWN_OUTLET!r}. Fill them in to compare those articles by outlet."
        )
    return [o or UNKNOWN_OUTLET for o in outlets]


def date_values(table: pd.DataFrame, column: str | None, notes: list[str]) -> pd.Series:
    n = len(table)
    if column is None:
        return pd.Series(pd.NaT, index=range(n), dtype="datetime64[us]")
    values = table[column].reset_index(drop=True)
    if pd.api.types.is_datetime64_any_dtype(values):
        parsed = pd.to_datetime(values, utc=True)
    else:
        # Strings (and numbers such as years) are parsed as text, dates as dates.
        given = pd.Series(
            [v if isinstance(v, dt.date) else None if is_missing(v) or str(v).strip() == ""
             else str(v) for v in values],
            dtype=object,
        )  # fmt: skip
        parsed = pd.to_datetime(given, errors="coerce", utc=True)
        failed = parsed.isna() & given.notna()
        if failed.any():
            # Inference takes the first value's format; retry the rest one by one.
            retry = pd.to_datetime(given[failed], errors="coerce", utc=True, format="mixed")
            parsed = parsed.where(~failed, retry)
            failed = parsed.isna() & given.notna()
        if failed.any():
            examples = ", ".join(repr(v) for v in given[failed].unique()[:3])
            notes.append(
                f"{int(failed.sum())} of {n} date(s) in column {column!r} could not be parsed "
                f"and are NaT (e.g. {examples}). Use ISO dates such as 2024-11-18, or map "
                "another column with date='<column>'."
            )
    return parsed.dt.tz_convert(None).astype("datetime64[us]")


def clash_renames(columns: pd.Index, notes: list[str]) -> dict:
    renames = {}
    own = (*CORPUS_COLUMNS, *OPTIONAL_COLUMNS)
    taken = set(own) | set(columns)
    for column in columns:
        if column in own:
            new = f"{column}_input"
            while new in taken:
                new += "_input"
            taken.add(new)
            renames[column] = new
    if renames:
        listed = ", ".join(f"{a!r} -> {b!r}" for a, b in renames.items())
        notes.append(
            f"Input column(s) renamed because mediakit uses these names itself: {listed}. "
            "To use one of them as a standard column, map it, e.g. outlet='source'."
        )
    return renames


def story_values(
    table: pd.DataFrame, column: str | None
) -> dict[str, pd.api.extensions.ExtensionArray]:
    """The ``story`` column (ids as strings, as given) when the input has one, else nothing.

    >>> story_values(pd.DataFrame({"event_id": [7, None]}), "event_id")["story"].tolist()
    ['7', '']
    >>> story_values(pd.DataFrame({"x": [1]}), None)
    {}
    """
    if column is None:
        return {}
    # A missing value turns an integer column into floats: 7.0 is still event 7.
    values = [
        int(v) if isinstance(v, float) and v.is_integer() else v for v in table[column].tolist()
    ]
    return {"story": pd.array([s.strip() for s in as_strings(values)], dtype="str")}


def listing(values: Iterable) -> str:
    values = list(values)
    shown = ", ".join(str(v) for v in values[:SHOW])
    return shown + (f", … ({len(values)} in all)" if len(values) > SHOW else "")
