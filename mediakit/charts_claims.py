"""Charts for quotes and numeric claims: pure functions from mediakit tables to altair charts.

Each function takes a table made by :func:`mediakit.quotes`,
:func:`mediakit.align_quotes` or :func:`mediakit.compare_figures`,
aggregates it (so altair's 5,000-row limit is never reached), and returns a
chart with a title, axis titles and tooltips; nothing is displayed. Outlets
keep the colours of every other mediakit chart (``charts.outlet_palette``);
pass ``outlets=`` (all outlet names of the corpus) when charting a subset.

>>> from mediakit import charts_claims
>>> from mediakit.quoting import quotes  # also mediakit.quotes
>>> chart = charts_claims.quotes_by_speaker(quotes(cache_dir=False))
>>> chart.save("quotes.html", inline=True)  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable

import altair as alt
import pandas as pd

from .errors import CorpusError

__all__ = ["figure_disagreements", "quote_alignment", "quotes_by_speaker"]

_QUOTE_CHARS = 140  # quotes are cut in tooltips


def _palette(names: Iterable[str]) -> dict[str, str]:
    # Imported here: charts.py re-exports this module's charts at its end.
    from .charts import outlet_palette

    return outlet_palette(names)


def _colour(
    present: Iterable[str], outlets: Iterable[str] | None, legend: bool = True
) -> alt.Color:
    present = sorted({str(o) for o in present})
    palette = _palette(set(present) | ({str(o) for o in outlets} if outlets is not None else set()))
    return alt.Color(
        "outlet:N",
        title="Outlet",
        scale=alt.Scale(domain=present, range=[palette[o] for o in present]),
        legend=alt.Legend(title="Outlet", symbolLimit=40) if legend else None,
    )


def _title(text: str, *subtitle: str) -> alt.TitleParams:
    return alt.TitleParams(text=text, subtitle=[s for s in subtitle if s], anchor="start")


def _cut(text: pd.Series, n: int = _QUOTE_CHARS) -> pd.Series:
    text = text.astype("str")
    return text.where(text.str.len() <= n, text.str.slice(0, n - 1) + "…")


def _require(table: pd.DataFrame, columns: Iterable[str], made_by: str) -> None:
    if not isinstance(table, pd.DataFrame):
        raise CorpusError(f"Expected the DataFrame made by {made_by}; got {type(table).__name__}.")
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise CorpusError(f"The table lacks column(s) {missing}; make it with {made_by}.")


def quotes_by_speaker(
    quotes: pd.DataFrame,
    *,
    top: int = 15,
    kinds: Iterable[str] = ("direct", "partial", "indirect"),
    outlets: Iterable[str] | None = None,
) -> alt.Chart:
    """Who gets quoted, and by which outlets: quotes per speaker, stacked by outlet.

    Shows the ``top`` speakers with most quotes of the given ``kinds``;
    quotes without a known speaker are left out (the subtitle counts them).

    >>> q = pd.DataFrame({"doc_id": ["a", "b", "b"], "outlet": ["X", "Y", "Y"],
    ...                   "speaker": ["Ann Lee", "Ann Lee", ""], "kind": ["direct"] * 3,
    ...                   "quote": ["Yes.", "No.", "Maybe."]})
    >>> quotes_by_speaker(q).to_dict()["title"]["text"]
    'Who gets quoted, and by whom'
    """
    _require(quotes, ["outlet", "speaker", "kind", "quote"], "mediakit.quotes()")
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
    data["example"] = _cut(data["example"])
    data["speaker_total"] = data["speaker"].map(totals).astype("int64")
    note = f"Quotes with no identified speaker ({unknown:,}) are not shown." if unknown else ""
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("quotes:Q", title="Quotes (count)", stack="zero"),
            y=alt.Y("speaker:N", sort=order, title=None, axis=alt.Axis(labelLimit=220)),
            color=_colour(data["outlet"], outlets),
            # Ordinal, not nominal: same stack order, no Vega-Lite warning.
            order=alt.Order("outlet:O"),
            tooltip=[
                alt.Tooltip("speaker:N", title="Speaker"),
                alt.Tooltip("outlet:N", title="Outlet"),
                alt.Tooltip("quotes:Q", title="Quotes in this outlet", format=","),
                alt.Tooltip("direct:Q", title="Of them in quotation marks", format=","),
                alt.Tooltip("speaker_total:Q", title="Quotes in all outlets", format=","),
                alt.Tooltip("example:N", title="For example"),
            ],
        )
        .properties(
            title=_title(
                "Who gets quoted, and by whom",
                f"Quotes per speaker ({', '.join(kinds)}), top {len(order)}; each colour is one outlet.",
                note,
            ),
            width=480,
            height=alt.Step(22),
        )
    )


def quote_alignment(
    aligned: pd.DataFrame,
    *,
    max_groups: int = 20,
    outlets: Iterable[str] | None = None,
) -> alt.Chart:
    """How each outlet rendered the same statement: one row per statement, a dot per outlet.

    Rows are the groups of :func:`mediakit.align_quotes` (the ``max_groups``
    quoted by most outlets); a dot's size is the rendering's similarity to
    the group's most central wording, and its tooltip shows the words.

    >>> a = pd.DataFrame({"group_id": [0, 0], "speaker": ["Ann Lee"] * 2, "outlet": ["X", "Y"],
    ...                   "quote": ["We want peace", "We want a fair peace"], "similarity": [100.0, 90.0]})
    >>> quote_alignment(a).to_dict()["title"]["text"]
    'One statement, several renderings'
    """
    _require(
        aligned, ["group_id", "speaker", "outlet", "quote", "similarity"], "mediakit.align_quotes()"
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
    label = data["speaker"].astype("str") + ": " + _cut(data["group_id"].map(ref), 60)
    data = data.assign(statement=label, quote=_cut(data["quote"]))
    data = (
        data.groupby(["group_id", "statement", "outlet"], sort=False)
        .agg(
            similarity=("similarity", "max"), renderings=("quote", "size"), quote=("quote", "first")
        )
        .reset_index()
    )
    order = list(dict.fromkeys(data.set_index("group_id").loc[list(keep), "statement"]))
    note = f"Showing {len(keep)} of {len(size)} statements." if len(size) > len(keep) else ""
    return (
        alt.Chart(data)
        .mark_circle(opacity=0.85)
        .encode(
            x=alt.X("outlet:N", title="Outlet", axis=alt.Axis(labelAngle=-30, labelLimit=160)),
            y=alt.Y("statement:N", sort=order, title=None, axis=alt.Axis(labelLimit=420)),
            size=alt.Size(
                "similarity:Q",
                title=["Similarity to the", "central wording (0-100)"],
                scale=alt.Scale(domain=[0, 100], range=[20, 400]),
            ),
            color=_colour(data["outlet"], outlets, legend=False),
            tooltip=[
                alt.Tooltip("statement:N", title="Statement"),
                alt.Tooltip("outlet:N", title="Outlet"),
                alt.Tooltip("quote:N", title="This outlet's wording"),
                alt.Tooltip("similarity:Q", title="Similarity (0-100)", format=".0f"),
                alt.Tooltip("renderings:Q", title="Times quoted in this outlet"),
            ],
        )
        .properties(
            title=_title(
                "One statement, several renderings",
                "Each row is one statement by one speaker; a dot means the outlet quotes it, "
                "smaller dots reword it more. Hover for the wording.",
                note,
            ),
            width=alt.Step(80),
            height=alt.Step(24),
        )
    )


def figure_disagreements(
    comparison: pd.DataFrame,
    *,
    only_disagreements: bool = True,
    max_groups: int = 12,
    outlets: Iterable[str] | None = None,
) -> alt.FacetChart:
    """Where outlets disagree on the numbers: each claim group in its own panel.

    Takes :func:`mediakit.compare_figures`; one panel per group (the
    ``max_groups`` groups with most outlets), a dot per outlet's figure, its
    shape the bound (exact, at least, at most, about). Each panel has its own
    scale: the troop counts and the dollar sums are not comparable.

    >>> c = pd.DataFrame({"group_id": [0, 0], "group": ["troops (troops)"] * 2, "disagree": [True] * 2,
    ...                   "outlet": ["X", "Y"], "claim": ["up to 12,000", "over 10,000"],
    ...                   "value": [12000.0, 10000.0], "unit": ["troops"] * 2, "bound": ["max", "min"],
    ...                   "counted": ["troops"] * 2, "evidence": ["...", "..."]})
    >>> figure_disagreements(c).to_dict()["title"]["text"]
    'Where outlets disagree on the numbers'
    """
    need = ["group_id", "group", "disagree", "outlet", "claim", "value", "unit", "bound", "counted"]
    _require(comparison, need, "mediakit.compare_figures()")
    data = comparison[comparison["disagree"]] if only_disagreements else comparison
    data = data[data["value"].notna()]
    size = data.groupby("group_id")["outlet"].nunique().sort_values(ascending=False, kind="stable")
    keep = size.index[:max_groups]
    data = data[data["group_id"].isin(keep)]
    bounds = {
        "exact": "exact",
        "min": "at least / more than",
        "max": "at most / up to",
        "approx": "about",
    }
    # Big sums read better in billions or millions; the panel title says which.
    top = data.groupby("group_id")["value"].transform(lambda v: v.abs().max())
    divisor = top.map(lambda m: 1e9 if m >= 1e9 else 1e6 if m >= 1e6 else 1.0)
    scale_word = divisor.map({1e9: ", in billions", 1e6: ", in millions", 1.0: ""})
    evidence = data["evidence"] if "evidence" in data else pd.Series("", index=data.index)
    data = pd.DataFrame(
        {
            "group_id": data["group_id"],
            "panel": data["group"].astype("str") + scale_word,
            "outlet": data["outlet"].astype("str"),
            "claim": data["claim"].astype("str"),
            "value": data["value"],
            "shown": data["value"] / divisor,
            "unit": data["unit"].astype("str"),
            "bound_text": data["bound"].map(bounds).fillna(data["bound"]).astype("str"),
            "counted": data["counted"].astype("str"),
            "evidence": _cut(evidence, 200),
        }
    )
    order = (
        list(dict.fromkeys(data.set_index("group_id").loc[list(keep), "panel"]))
        if len(data)
        else []
    )
    note = f"Showing {len(keep)} of {len(size)} groups." if len(size) > len(keep) else ""
    x = alt.X(
        "shown:Q",
        title="Value (in the panel's unit)",
        scale=alt.Scale(zero=False, nice=True, padding=30),
        axis=alt.Axis(format=",~r", tickCount=5),
    )
    y = alt.Y("outlet:N", title=None, axis=alt.Axis(labelLimit=180))
    points = (
        alt.Chart()
        .mark_point(filled=True, size=110, opacity=0.9)
        .encode(
            x=x,
            y=y,
            color=_colour(data["outlet"], outlets),
            shape=alt.Shape("bound_text:N", title="The outlet says"),
            tooltip=[
                alt.Tooltip("outlet:N", title="Outlet"),
                alt.Tooltip("claim:N", title="Figure as written"),
                alt.Tooltip("value:Q", title="Value", format=",.6~g"),
                alt.Tooltip("unit:N", title="Unit"),
                alt.Tooltip("counted:N", title="Counts"),
                alt.Tooltip("evidence:N", title="Sentence"),
            ],
        )
    )
    # The figure as the outlet wrote it, next to its dot.
    labels = alt.Chart().mark_text(align="left", dx=9, fontSize=11).encode(x=x, y=y, text="claim:N")
    # A fixed panel height: a step height with independent faceted scales
    # makes Vega-Lite warn in the browser console.
    return (
        alt.layer(points, labels, data=data)
        .properties(width=420, height=22 * max(1, int(data["outlet"].nunique())))
        .facet(
            row=alt.Row(
                "panel:N",
                title=None,
                sort=order,
                header=alt.Header(labelAngle=0, labelAlign="left", labelFontWeight="bold"),
            ),
        )
        .resolve_scale(x="independent", y="independent")
        .properties(
            title=_title(
                "Where outlets disagree on the numbers",
                "Each panel is one claim reported by several outlets, with its own scale; "
                "shape = how the outlet hedges the number.",
                note,
            )
        )
    )
