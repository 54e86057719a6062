"""What every comparison table shares: input checks, outlet names, dtypes."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

import pandas as pd

from ..errors import CorpusError

STR = "string"


_NOT_METRICS = frozenset({"doc_id", "outlet", "title", "date", "text_hash"})


# -- checks ---------------------------------------------------------------------------
def require(table: pd.DataFrame, columns: Iterable[str], what: str, made_by: str) -> None:
    if not isinstance(table, pd.DataFrame):
        raise CorpusError(
            f"{what} must be a pandas DataFrame made by {made_by}; got {type(table).__name__}."
        )
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise CorpusError(
            f"{what} lacks column(s) {missing}; found {list(table.columns)[:12]}. "
            f"Pass the table returned by {made_by}."
        )


def outlet_names(table: pd.DataFrame) -> pd.Series:
    # Missing outlet names would vanish from groupby; show them as "unknown" like the loader.
    return table["outlet"].astype(STR).fillna("unknown")


def largest_outlets(table: pd.DataFrame, n: int | None) -> list[str]:
    """The ``n`` outlets with the most rows (articles, mentions or sentences), largest first.

    Ties are broken by name; ``None`` keeps every outlet. Charts use it to
    stay readable (and small) when a corpus has hundreds of outlets.

    >>> largest_outlets(pd.DataFrame({"outlet": ["X", "Y", "Y", "Z"]}), 2)
    ['Y', 'X']
    """
    require(table, ("outlet",), "the table", "mediakit")
    counts = outlet_names(table).value_counts()
    order = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    names = [str(k) for k, _ in order]
    return names if n is None else names[: max(int(n), 0)]


def typed(
    frame: pd.DataFrame, strings: Sequence[str] = (), ints: Sequence[str] = ()
) -> pd.DataFrame:
    # One place that pins dtypes, so the same column has the same dtype in every table.
    for c in strings:
        frame[c] = frame[c].astype(STR)
    for c in ints:
        frame[c] = frame[c].astype("int64")
    for c in frame.columns:
        if c not in strings and c not in ints and pd.api.types.is_numeric_dtype(frame[c]):
            frame[c] = frame[c].astype("float64")
    return frame


def metric_columns(metrics: pd.DataFrame) -> list[str]:
    """The numeric metric columns of a metrics table, in table order.

    >>> m = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "words": [10], "mattr": [0.7]})
    >>> metric_columns(m)
    ['words', 'mattr']
    """
    return [
        c
        for c in metrics.columns
        if c not in _NOT_METRICS
        and pd.api.types.is_numeric_dtype(metrics[c])
        and not pd.api.types.is_bool_dtype(metrics[c])
    ]


def check_metrics(metrics: pd.DataFrame, columns: Iterable[str] | str | None) -> list[str]:
    require(metrics, ("doc_id", "outlet"), "metrics", "mediakit.analyze(corpus)")
    valid = metric_columns(metrics)
    if columns is None:
        return valid
    wanted = [columns] if isinstance(columns, str) else list(columns)
    for c in wanted:
        if c not in valid:
            near = difflib.get_close_matches(str(c), valid, n=1)
            hint = f" Did you mean {near[0]!r}?" if near else ""
            raise CorpusError(
                f"{c!r} is not a metric column.{hint} Valid metrics: {', '.join(valid)}."
            )
    if not wanted:
        raise CorpusError(f"No metric columns given; choose from: {', '.join(valid)}.")
    return wanted


def numeric_values(metrics: pd.DataFrame, column: str) -> pd.Series:
    return pd.to_numeric(metrics[column], errors="coerce").astype("float64")


def keep_largest_outlets(
    table: pd.DataFrame, max_outlets: int | None, what: str
) -> tuple[pd.DataFrame, str]:
    """The rows of the ``max_outlets`` outlets with most rows, and a note saying what was left out.

    ``what`` names the rows in the note ("articles", "mentions"); the note is
    "" when nothing was left out. Charts use it so that a corpus of hundreds
    of outlets still draws a readable chart.

    >>> t = pd.DataFrame({"outlet": ["X", "Y", "Y", "Z"]})
    >>> kept, note = keep_largest_outlets(t, 1, "articles")
    >>> kept["outlet"].tolist(), note.startswith("Showing the 1 outlets")
    (['Y', 'Y'], True)
    """
    if max_outlets is None:
        return table, ""
    if "outlet" not in table.columns:
        raise CorpusError(f"the table lacks an 'outlet' column; found {list(table.columns)[:12]}.")
    keep = largest_outlets(table, None)
    if len(keep) <= max_outlets:
        return table, ""
    kept = keep[:max_outlets]
    note = f"Showing the {max_outlets} outlets with most {what} of {len(keep)}; pick outlets to see others."
    return table[table["outlet"].astype("string").isin(kept)], note
