"""Charts for how outlets differ: distinctive words, shared passages, unique sentences.

Pure functions from the tables of :func:`mediakit.keyness` and
:func:`mediakit.overlap` to altair charts; they display nothing. Outlet
colours come from :func:`mediakit.charts.outlet_palette`, so an outlet has
the same colour here as everywhere else. Every chart aggregates first and
embeds at most a few thousand rows of numbers and short terms: never
article text, and never more than altair's 5,000-row limit.

>>> import mediakit
>>> from mediakit.distinctive import keyness
>>> chart = keyness_chart(keyness(cache_dir=False))
>>> chart.save("keyness.html", inline=True)  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable

import altair as alt
import numpy as np
import pandas as pd

from .errors import CorpusError

__all__ = ["keyness_chart", "similarity_heatmap", "unique_share_chart"]

_WIDTH = 480


def _palette(names: Iterable[str], outlets: Iterable[str] | None) -> dict[str, str]:
    # Imported here: charts.py belongs to the shared chart layer and pulls in compare.
    from .charts import outlet_palette

    full = {str(n) for n in names} | ({str(o) for o in outlets} if outlets is not None else set())
    return outlet_palette(full)


def _colour(
    field: str, present: list[str], outlets: Iterable[str] | None, title: str, legend: bool
) -> alt.Color:
    palette = _palette(present, outlets)
    domain = sorted(set(present))
    return alt.Color(
        f"{field}:N",
        scale=alt.Scale(domain=domain, range=[palette[o] for o in domain]),
        legend=alt.Legend(title=title, symbolLimit=40) if legend else None,
        title=title,
    )


def _title(text: str, *subtitle: str) -> alt.TitleParams:
    return alt.TitleParams(text=text, subtitle=[s for s in subtitle if s], anchor="start")


def _require(table: pd.DataFrame, columns: Iterable[str], what: str) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise CorpusError(f"{what} lacks column(s) {missing}; found {list(table.columns)[:12]}.")


# -- distinctive words ----------------------------------------------------------------------
def keyness_chart(
    keyness_table: pd.DataFrame,
    top: int = 10,
    *,
    ngram: int | None = None,
    max_groups: int = 12,
    outlets: Iterable[str] | None = None,
    columns: int = 3,
) -> alt.FacetChart:
    """Each group's ``top`` most distinctive terms as bars of their z-score, one panel per group.

    ``keyness_table`` is the output of :func:`mediakit.keyness`; ``ngram``
    keeps only single words (1) or two-word phrases (2). Only terms a group
    uses more than the rest (z > 0) are drawn. With more than ``max_groups``
    groups, the groups with the most counted tokens are shown.

    >>> k = pd.DataFrame({"group": ["X", "X", "Y"], "rank": [1, 2, 1], "term": ["a", "b", "c"],
    ...                   "ngram": [1, 1, 2], "count_group": [5, 3, 4], "count_rest": [1, 0, 2],
    ...                   "rate_group": [5.0, 3.0, 4.0], "rate_rest": [1.0, 0.0, 2.0],
    ...                   "log_odds": [1.0, 0.8, 0.5], "z": [2.0, 1.5, 1.1]})
    >>> keyness_chart(k).to_dict()["title"]["text"]
    'Words that set each outlet apart'
    """
    _require(
        keyness_table,
        ("group", "term", "ngram", "z", "count_group", "count_rest"),
        "The keyness table",
    )
    data = keyness_table
    if ngram is not None:
        data = data[data["ngram"] == int(ngram)]
    data = data[data["z"] > 0]
    # Keep the largest groups: the most occurrences of the terms they use.
    size = (
        data.groupby("group", sort=True)["count_group"]
        .sum()
        .sort_values(ascending=False, kind="stable")
    )
    groups = size.index[: max(int(max_groups), 1)].tolist()
    note = (
        f"Showing {len(groups)} of {len(size)} groups (those with most words); filter the table to see others."
        if len(size) > len(groups)
        else ""
    )
    data = data[data["group"].isin(groups)]
    data = (
        data.sort_values(["group", "z"], ascending=[True, False], kind="stable")
        .groupby("group", sort=True)
        .head(int(top))
    )
    keep = [
        c
        for c in (
            "group",
            "term",
            "ngram",
            "count_group",
            "count_rest",
            "rate_group",
            "rate_rest",
            "log_odds",
            "z",
        )
        if c in data.columns
    ]
    data = data[keep].reset_index(drop=True)
    by = keyness_table.attrs.get("by", "outlet")
    pair = keyness_table.attrs.get("pair")
    who = "outlet" if by == "outlet" else by
    than = "than the other" if pair else "than the rest of the corpus"
    present = sorted(data["group"].astype(str).unique())
    tips = [
        alt.Tooltip("group:N", title=who.capitalize()),
        alt.Tooltip("term:N", title="Term"),
        alt.Tooltip("count_group:Q", title="Uses in this group", format=","),
        alt.Tooltip("count_rest:Q", title="Uses elsewhere", format=","),
    ]
    if "rate_group" in data.columns:
        tips += [
            alt.Tooltip("rate_group:Q", title="Per 1,000 tokens here", format=".2f"),
            alt.Tooltip("rate_rest:Q", title="Per 1,000 tokens elsewhere", format=".2f"),
        ]
    tips += [
        alt.Tooltip("log_odds:Q", title="Log-odds ratio", format=".2f"),
        alt.Tooltip("z:Q", title="z-score", format=".2f"),
    ]
    colour = (
        _colour("group", present, outlets, "Outlet", legend=False)
        if by == "outlet"
        else alt.value("#0072B2")
    )
    bars = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("z:Q", title="z-score"),
            y=alt.Y(
                "term:N",
                sort=alt.EncodingSortField("z", order="descending"),
                title=None,
                axis=alt.Axis(labelLimit=160),
            ),
            color=colour,
            tooltip=tips,
        )
        .properties(width=170, height=alt.Step(15))
    )
    return (
        bars.facet(
            facet=alt.Facet(
                "group:N", title=None, sort=present, header=alt.Header(labelFontWeight="bold")
            ),
            columns=int(columns),
        )
        .resolve_scale(y="independent")
        .properties(
            title=_title(
                f"Words that set each {who} apart"
                if not pair
                else f"Words that set {pair[0]} and {pair[1]} apart",
                f"Terms each {who} uses more often {than}, by weighted log-odds z-score "
                "(Monroe et al. 2008); longer bar = more distinctive; z above 2 is unlikely by chance.",
                note,
            )
        )
    )


# -- article similarity ---------------------------------------------------------------------
def similarity_heatmap(
    similarity: pd.DataFrame,
    *,
    max_articles: int = 40,
    max_outlets: int = 30,
) -> alt.Chart:
    """Which articles (or outlets) share sentences: a heatmap of ``Overlap.similarity``.

    Up to ``max_articles`` articles, one cell per pair of articles: the share
    of their sentences that have a near-duplicate in the other. Larger
    corpora are summed by outlet (the ``max_outlets`` outlets with most shared
    sentences): one cell per pair of outlets, coloured by the number of
    shared sentence pairs.

    >>> sim = pd.DataFrame({"doc_id_a": ["a"], "doc_id_b": ["b"], "outlet_a": ["X"], "outlet_b": ["Y"],
    ...                     "similarity": [0.25], "shared_sentences": [3]})
    >>> similarity_heatmap(sim).to_dict()["title"]["text"]
    'Which articles share sentences?'
    """
    _require(
        similarity,
        ("doc_id_a", "doc_id_b", "outlet_a", "outlet_b", "similarity", "shared_sentences"),
        "The similarity table",
    )
    docs = pd.unique(pd.concat([similarity["doc_id_a"], similarity["doc_id_b"]]).astype(str))
    if len(docs) <= max_articles:
        return _article_heatmap(similarity)
    return _outlet_heatmap(similarity, max_outlets)


def _mirror(table: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    # Both (a, b) and (b, a): the matrix reads the same across rows and columns.
    swapped = table.rename(
        columns={f"{a}_a": f"{a}_b", f"{a}_b": f"{a}_a", f"{b}_a": f"{b}_b", f"{b}_b": f"{b}_a"}
    )
    return pd.concat([table, swapped[table.columns]], ignore_index=True)


def _article_heatmap(similarity: pd.DataFrame) -> alt.Chart:
    data = similarity[
        ["doc_id_a", "doc_id_b", "outlet_a", "outlet_b", "similarity", "shared_sentences"]
    ].copy()
    for c in ("doc_id_a", "doc_id_b", "outlet_a", "outlet_b"):
        data[c] = data[c].astype(str)
    data = _mirror(data, "doc_id", "outlet")
    data["article_a"] = data["outlet_a"] + " · " + data["doc_id_a"]
    data["article_b"] = data["outlet_b"] + " · " + data["doc_id_b"]
    order = sorted(set(data["article_a"]))
    return (
        alt.Chart(data)
        .mark_rect()
        .encode(
            x=alt.X(
                "article_a:N",
                sort=order,
                title="Article (outlet · id)",
                axis=alt.Axis(labelLimit=200, labelAngle=-40),
            ),
            y=alt.Y(
                "article_b:N",
                sort=order,
                title="Article (outlet · id)",
                axis=alt.Axis(labelLimit=200),
            ),
            color=alt.Color(
                "similarity:Q",
                title="Sentences shared",
                scale=alt.Scale(scheme="blues", domain=[0, 1]),
                legend=alt.Legend(format="%"),
            ),
            tooltip=[
                alt.Tooltip("outlet_a:N", title="Outlet"),
                alt.Tooltip("doc_id_a:N", title="Article"),
                alt.Tooltip("outlet_b:N", title="Other outlet"),
                alt.Tooltip("doc_id_b:N", title="Other article"),
                alt.Tooltip(
                    "similarity:Q", title="Share of both articles' sentences shared", format=".0%"
                ),
                alt.Tooltip(
                    "shared_sentences:Q", title="Pairs of near-duplicate sentences", format=","
                ),
            ],
        )
        .properties(
            title=_title(
                "Which articles share sentences?",
                "Share of the two articles' sentences that have a near-duplicate in the other "
                "(wire copy, reused quotes); darker = more shared.",
            ),
            width=alt.Step(22) if len(order) > 12 else 320,
            height=alt.Step(22) if len(order) > 12 else 320,
        )
    )


def _outlet_heatmap(similarity: pd.DataFrame, max_outlets: int) -> alt.Chart:
    pairs = similarity[similarity["shared_sentences"] > 0][
        ["outlet_a", "outlet_b", "shared_sentences", "similarity"]
    ].copy()
    pairs["outlet_a"] = pairs["outlet_a"].astype(str)
    pairs["outlet_b"] = pairs["outlet_b"].astype(str)
    swapped = pairs.rename(columns={"outlet_a": "outlet_b", "outlet_b": "outlet_a"})
    mirrored = pd.concat([pairs, swapped[pairs.columns]], ignore_index=True)
    data = mirrored.groupby(["outlet_a", "outlet_b"], as_index=False).agg(
        shared_sentences=("shared_sentences", "sum"),
        article_pairs=("similarity", "size"),
        mean_similarity=("similarity", "mean"),
    )
    total = (
        data.groupby("outlet_a")["shared_sentences"]
        .sum()
        .sort_values(ascending=False, kind="stable")
    )
    keep = total.index[: max(int(max_outlets), 1)].tolist()
    note = (
        f"Showing the {len(keep)} of {len(total)} outlets with most shared sentences."
        if len(total) > len(keep)
        else ""
    )
    data = data[data["outlet_a"].isin(keep) & data["outlet_b"].isin(keep)].reset_index(drop=True)
    order = sorted(keep)
    return (
        alt.Chart(data)
        .mark_rect()
        .encode(
            x=alt.X(
                "outlet_a:N",
                sort=order,
                title="Outlet",
                axis=alt.Axis(labelLimit=160, labelAngle=-40),
            ),
            y=alt.Y("outlet_b:N", sort=order, title="Outlet", axis=alt.Axis(labelLimit=160)),
            color=alt.Color(
                "shared_sentences:Q",
                title="Shared sentence pairs",
                scale=alt.Scale(scheme="blues", type="symlog"),
            ),
            tooltip=[
                alt.Tooltip("outlet_a:N", title="Outlet"),
                alt.Tooltip("outlet_b:N", title="Other outlet"),
                alt.Tooltip(
                    "shared_sentences:Q", title="Pairs of near-duplicate sentences", format=","
                ),
                alt.Tooltip("article_pairs:Q", title="Article pairs sharing any", format=","),
                alt.Tooltip(
                    "mean_similarity:Q",
                    title="Mean share of sentences shared (those pairs)",
                    format=".1%",
                ),
            ],
        )
        .properties(
            title=_title(
                "Which outlets share sentences?",
                "Number of near-duplicate sentence pairs between two outlets' articles (wire copy, reused quotes).",
                note,
            ),
            width=alt.Step(16),
            height=alt.Step(16),
        )
    )


# -- unique sentences -------------------------------------------------------------------
def unique_share_chart(
    unique_share: pd.DataFrame,
    *,
    max_outlets: int = 40,
    outlets: Iterable[str] | None = None,
) -> alt.Chart:
    """What share of each outlet's sentences no other outlet has: one bar per outlet.

    Sums ``Overlap.unique_share`` by outlet (unique sentences / sentences
    compared); with more than ``max_outlets`` outlets, those with most
    sentences are shown.

    >>> u = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"], "sentences": [10, 20],
    ...                   "unique_sentences": [5, 20], "unique_share": [0.5, 1.0]})
    >>> unique_share_chart(u).to_dict()["title"]["text"]
    'What only this outlet reports'
    """
    _require(unique_share, ("outlet", "sentences", "unique_sentences"), "The unique_share table")
    data = (
        unique_share.assign(outlet=unique_share["outlet"].astype(str))
        .groupby("outlet", as_index=False)
        .agg(
            articles=("sentences", "size"),
            sentences=("sentences", "sum"),
            unique_sentences=("unique_sentences", "sum"),
        )
    )
    data["unique_share"] = np.where(
        data["sentences"] > 0, data["unique_sentences"] / data["sentences"].clip(lower=1), np.nan
    )
    data = data.sort_values(["sentences", "outlet"], ascending=[False, True], kind="stable")
    note = ""
    if len(data) > max_outlets:
        note = f"Showing the {max_outlets} of {len(data)} outlets with most sentences."
        data = data.head(int(max_outlets))
    data = data.reset_index(drop=True)
    present = sorted(data["outlet"].unique())
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X(
                "unique_share:Q",
                title="Share of the outlet's sentences found in no other outlet",
                axis=alt.Axis(format="%"),
                scale=alt.Scale(domain=[0, 1]),
            ),
            y=alt.Y(
                "outlet:N",
                sort=alt.EncodingSortField("unique_share", order="descending"),
                title=None,
                axis=alt.Axis(labelLimit=200),
            ),
            color=_colour("outlet", present, outlets, "Outlet", legend=False),
            tooltip=[
                alt.Tooltip("outlet:N", title="Outlet"),
                alt.Tooltip("articles:Q", title="Articles", format=","),
                alt.Tooltip("sentences:Q", title="Sentences compared", format=","),
                alt.Tooltip("unique_sentences:Q", title="Found in no other outlet", format=","),
                alt.Tooltip("unique_share:Q", title="Unique share", format=".0%"),
            ],
        )
        .properties(
            title=_title(
                "What only this outlet reports",
                "Share of each outlet's sentences with no near-duplicate in another outlet; "
                "low = much shared wording (wire copy), high = own reporting or own phrasing.",
                note,
            ),
            width=_WIDTH,
            height=alt.Step(22 if len(data) <= 30 else 16),
        )
    )
