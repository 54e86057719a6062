"""What every comparison table shares: input checks, outlet names, dtypes."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

import pandas as pd

from ..errors import CorpusError, OptionError

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


#: How many outlets a chart shows by default; the rest are summed as :data:`OTHER_OUTLETS`.
MAX_OUTLETS = 10
#: The name under which the outlets a chart does not show one by one are summed.
OTHER_OUTLETS = "other outlets"


def outlets_by_articles(table: pd.DataFrame) -> list[str]:
    """Outlets with most articles first (distinct ``doc_id``; rows when there is none).

    Ties are broken by name; :data:`OTHER_OUTLETS` is never ranked.

    >>> outlets_by_articles(pd.DataFrame({"doc_id": ["a", "a", "b", "c"], "outlet": ["X", "X", "Y", "Y"]}))
    ['Y', 'X']
    """
    require(table, ("outlet",), "the table", "mediakit")
    names = outlet_names(table)
    if "doc_id" in table.columns:
        counts = table["doc_id"].astype(STR).groupby(names.to_numpy()).nunique()
    else:
        counts = names.value_counts()
    order = sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))
    return [str(k) for k, _ in order if str(k) != OTHER_OUTLETS]


def keep_largest_outlets(
    table: pd.DataFrame,
    max_outlets: int | Sequence[str] | None,
    what: str,
    *,
    fold: bool = True,
) -> tuple[pd.DataFrame, str]:
    """The table with only the largest outlets named; the others summed as "other outlets".

    One rule for every chart: ``max_outlets`` outlets with most articles
    (distinct ``doc_id``; rows, named ``what``, in a table without one) keep
    their name, the rest become :data:`OTHER_OUTLETS` (``fold=False``: are
    dropped). ``max_outlets`` may also be the outlet names to keep, so that
    several charts show the same outlets. The note says what was summed;
    it is "" when every outlet is shown.

    >>> t = pd.DataFrame({"outlet": ["X", "Y", "Y", "Z"]})
    >>> kept, note = keep_largest_outlets(t, 1, "articles")
    >>> kept["outlet"].tolist()
    ['other outlets', 'Y', 'Y', 'other outlets']
    >>> note
    'The 1 outlet with most articles of 3; the other 2 are summed as "other outlets".'
    """
    if max_outlets is None:
        return table, ""
    if "outlet" not in table.columns:
        raise CorpusError(f"the table lacks an 'outlet' column; found {list(table.columns)[:12]}.")
    ranked = outlets_by_articles(table)
    if isinstance(max_outlets, str) or not isinstance(max_outlets, int | Sequence):
        raise OptionError(
            f"max_outlets must be a whole number or a list of outlet names, not {max_outlets!r}."
        )
    if isinstance(max_outlets, int):
        kept = ranked[: max(int(max_outlets), 1)]
    else:
        kept = [str(o) for o in max_outlets if str(o) != OTHER_OUTLETS]
    names = outlet_names(table)
    shown = names.isin(kept)
    if bool(shown.all()):
        return table, ""
    rest = len([o for o in ranked if o not in set(kept)])
    unit = "articles" if "doc_id" in table.columns else what
    s = "" if len(kept) == 1 else "s"
    note = (
        f"The {len(kept)} outlet{s} with most {unit} of {len(kept) + rest:,}; "
        f'the other {rest:,} {"is" if rest == 1 else "are"} summed as "{OTHER_OUTLETS}".'
    )
    if not fold:
        return table[shown.to_numpy()], note.split(";")[0] + "."
    out = table.copy()
    out["outlet"] = names.where(shown, OTHER_OUTLETS).astype(STR)
    return out, note
