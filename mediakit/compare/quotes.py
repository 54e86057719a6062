"""Quotes by speaker and outlet, and aligned statements, as the quote charts draw them."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from .tables import require

__all__ = [
    "METHODS",
    "QUOTE_CHARS",
    "cut_text",
    "quote_methods",
    "quote_statements",
    "quotes_by_speaker",
]

#: Quotes are cut to this many characters in tooltips and examples.
QUOTE_CHARS = 140


def cut_text(text: pd.Series, n: int = QUOTE_CHARS) -> pd.Series:
    """Texts cut to ``n`` characters with an ellipsis.

    >>> cut_text(pd.Series(["abcdef"]), 4).tolist()
    ['abc…']
    """
    text = text.astype("str")
    return text.where(text.str.len() <= n, text.str.slice(0, n - 1) + "…")


def quotes_by_speaker(
    quotes: pd.DataFrame,
    *,
    top: int = 15,
    kinds: Iterable[str] = ("direct", "partial", "indirect"),
) -> pd.DataFrame:
    """Quotes per speaker and outlet, for the ``top`` speakers with most quotes of ``kinds``.

    Columns ``speaker, outlet, quotes, direct`` (of them in quotation
    marks), ``example`` (the first quote, cut), ``speaker_total``. Quotes
    without a known speaker are left out; ``attrs``: ``order`` (speakers,
    most quoted first) and ``unknown`` (how many quotes had no speaker).

    >>> q = pd.DataFrame({"doc_id": ["a", "b", "b"], "outlet": ["X", "Y", "Y"],
    ...                   "speaker": ["Ann Lee", "Ann Lee", ""], "kind": ["direct"] * 3,
    ...                   "quote": ["Yes.", "No.", "Maybe."]})
    >>> quotes_by_speaker(q)[["speaker", "outlet", "quotes"]].values.tolist()
    [['Ann Lee', 'X', 1], ['Ann Lee', 'Y', 1]]
    """
    require(quotes, ["outlet", "speaker", "kind", "quote"], "The quotes table", "mediakit.quotes()")
    sel = quotes[quotes["kind"].isin(list(kinds))]
    unknown = int((sel["speaker"].astype("str") == "").sum())
    sel = sel[sel["speaker"].astype("str") != ""]
    totals = sel.groupby("speaker").size().sort_values(ascending=False, kind="stable")
    order = totals.index[:top].tolist()
    sel = sel[sel["speaker"].isin(order)]
    data = (
        sel.groupby(["speaker", "outlet"], sort=False)
        .agg(
            quotes=("quote", "size"),
            direct=("kind", lambda k: int((k == "direct").sum())),
            example=("quote", "first"),
        )
        .reset_index()
    )
    data["example"] = cut_text(data["example"])
    data["speaker_total"] = data["speaker"].map(totals).astype("int64")
    data.attrs = {"order": order, "unknown": unknown}
    return data


def quote_statements(aligned: pd.DataFrame, *, max_groups: int = 20) -> pd.DataFrame:
    """One row per statement and outlet: the ``max_groups`` statements quoted by most outlets.

    ``aligned`` is :func:`mediakit.align_quotes`. Columns ``group_id,
    statement`` (speaker and the group's most central wording), ``outlet,
    similarity`` (the outlet's closest rendering, 0-100), ``renderings``
    (times quoted in that outlet), ``quote`` (its wording, cut). ``attrs``:
    ``order`` (statements, most outlets first) and ``note``.

    >>> a = pd.DataFrame({"group_id": [0, 0], "speaker": ["Ann Lee"] * 2, "outlet": ["X", "Y"],
    ...                   "quote": ["We want peace", "We want a fair peace"], "similarity": [100.0, 90.0]})
    >>> quote_statements(a)["statement"].tolist()
    ['Ann Lee: We want peace', 'Ann Lee: We want peace']
    """
    require(
        aligned,
        ["group_id", "speaker", "outlet", "quote", "similarity"],
        "The aligned quotes table",
        "mediakit.align_quotes()",
    )
    size = (
        aligned.groupby("group_id")["outlet"].nunique().sort_values(ascending=False, kind="stable")
    )
    keep = size.index[:max_groups]
    data = aligned[aligned["group_id"].isin(keep)].copy()
    # Row label: speaker and the group's most central wording (similarity 100).
    ref = (
        data.sort_values("similarity", ascending=False, kind="stable")
        .groupby("group_id")["quote"]
        .first()
    )
    label = data["speaker"].astype("str") + ": " + cut_text(data["group_id"].map(ref), 60)
    data = data.assign(statement=label, quote=cut_text(data["quote"]))
    data = (
        data.groupby(["group_id", "statement", "outlet"], sort=False)
        .agg(
            similarity=("similarity", "max"), renderings=("quote", "size"), quote=("quote", "first")
        )
        .reset_index()
    )
    order = list(dict.fromkeys(data.set_index("group_id").loc[list(keep), "statement"]))
    note = f"Showing {len(keep)} of {len(size)} statements." if len(size) > len(keep) else ""
    data.attrs = {"order": order, "note": note}
    return data


#: How a speaker was found, in plain words (``method`` of :func:`mediakit.quotes`).
METHODS = {
    "named": "named in the attribution next to the quote (“…,” Smith said)",
    "pronoun": "“he” or “she”, resolved to the person named most recently before it",
    "title": "a title such as “the governor”, resolved to the person named with it",
    "inherited": "taken from another quote: the same paragraph or sentence, or a quote that goes on",
    "after": "named after a quoted fragment, later in the sentence",
    "description": "an unnamed source (“officials”): no speaker",
    "document": "a text (“the letter”, “the ad”) with no author named: no speaker",
    "none": "no attribution found: no speaker",
}


def quote_methods(quotes: pd.DataFrame) -> pd.DataFrame:
    """How the speakers of ``quotes`` were found: one row per ``method``, most quotes first.

    Columns ``method, quotes, share`` (of all quotes, 0-1), ``with_speaker``
    (quotes with a named speaker), ``mean_confidence`` (of those) and
    ``meaning`` (the method in plain words).

    >>> q = pd.DataFrame({"speaker": ["Ann Lee", "Ann Lee", ""],
    ...                   "method": ["named", "pronoun", "none"], "confidence": [0.95, 0.6, 0.0]})
    >>> quote_methods(q)[["method", "quotes", "with_speaker"]].values.tolist()
    [['named', 1, 1], ['none', 1, 0], ['pronoun', 1, 1]]
    """
    require(quotes, ["speaker", "method", "confidence"], "The quotes table", "mediakit.quotes()")
    named = quotes["speaker"].astype("str") != ""
    data = (
        quotes.assign(_named=named, _conf=quotes["confidence"].where(named))
        .groupby("method", sort=True)
        .agg(
            quotes=("method", "size"),
            with_speaker=("_named", "sum"),
            mean_confidence=("_conf", "mean"),
        )
        .reset_index()
        .sort_values(["quotes", "method"], ascending=[False, True], kind="stable")
        .reset_index(drop=True)
    )
    data["share"] = data["quotes"] / max(len(quotes), 1)
    data["with_speaker"] = data["with_speaker"].astype("int64")
    data["meaning"] = data["method"].map(METHODS).fillna("")
    return data[["method", "quotes", "share", "with_speaker", "mean_confidence", "meaning"]]
