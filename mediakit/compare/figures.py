"""Figures by claim and outlet, as the figures chart draws them."""

from __future__ import annotations

import pandas as pd

from .quotes import cut_text
from .tables import require

__all__ = ["BOUND_WORDS", "figure_panels"]


#: How each bound reads in a chart legend.
BOUND_WORDS = {
    "exact": "exact",
    "min": "at least / more than",
    "max": "at most / up to",
    "approx": "about",
    "range": "a range",
}


def figure_panels(
    comparison: pd.DataFrame, *, only_disagreements: bool = True, max_groups: int = 12
) -> pd.DataFrame:
    """The claims a figures chart draws: one panel per group, values scaled to the panel.

    ``comparison`` is :func:`mediakit.compare_figures`; the ``max_groups``
    groups with most outlets are kept (only those that disagree, unless
    ``only_disagreements=False``). Columns ``group_id, panel`` (what is
    counted, and ", in billions" / ", in millions" for big sums),
    ``outlet, claim, value, shown`` (value in the panel's scale),
    ``shown_end`` (the top of a range, else ``shown``), ``unit, bound_text,
    counted, why`` (what makes the group disagree, or agree) and ``evidence``
    (both cut to 200 characters). ``attrs``: ``order`` (panels, most outlets
    first) and ``note``.

    >>> c = pd.DataFrame({"group_id": [0, 0], "group": ["aid (USD)"] * 2, "disagree": [True] * 2,
    ...                   "outlet": ["X", "Y"], "claim": ["$56 billion", "$56.2 billion"],
    ...                   "value": [56e9, 56.2e9], "unit": ["USD"] * 2, "bound": ["exact"] * 2,
    ...                   "counted": ["aid"] * 2, "evidence": ["...", "..."]})
    >>> figure_panels(c)[["panel", "shown"]].values.tolist()
    [['aid (USD), in billions', 56.0], ['aid (USD), in billions', 56.2]]
    """
    need = ["group_id", "group", "disagree", "outlet", "claim", "value", "unit", "bound", "counted"]
    require(comparison, need, "The figure comparison", "mediakit.compare_figures()")
    data = comparison[comparison["disagree"]] if only_disagreements else comparison
    data = data[data["value"].notna()]
    size = data.groupby("group_id")["outlet"].nunique().sort_values(ascending=False, kind="stable")
    keep = size.index[:max_groups]
    data = data[data["group_id"].isin(keep)]
    # Big sums read better in billions or millions; the panel title says which.
    ends = data["range_end"] if "range_end" in data else pd.Series(float("nan"), index=data.index)
    ends = ends.where(ends.notna(), data["value"])
    top = ends.abs().groupby(data["group_id"]).transform("max")
    divisor = top.map(lambda m: 1e9 if m >= 1e9 else 1e6 if m >= 1e6 else 1.0)
    scale_word = divisor.map({1e9: ", in billions", 1e6: ", in millions", 1.0: ""})
    evidence = data["evidence"] if "evidence" in data else pd.Series("", index=data.index)
    why = data["why"] if "why" in data else pd.Series("", index=data.index)
    data = pd.DataFrame(
        {
            "group_id": data["group_id"],
            "panel": data["group"].astype("str") + scale_word,
            "outlet": data["outlet"].astype("str"),
            "claim": data["claim"].astype("str"),
            "value": data["value"],
            "shown": data["value"] / divisor,
            "shown_end": ends / divisor,
            "unit": data["unit"].astype("str"),
            "bound_text": data["bound"].map(BOUND_WORDS).fillna(data["bound"]).astype("str"),
            "counted": data["counted"].astype("str"),
            "why": cut_text(why, 200),
            "evidence": cut_text(evidence, 200),
            **{c: data[c] for c in ("doc_id", "start_char", "end_char") if c in data},
        }
    )
    # One row per figure: an outlet's second figure in a panel gets its own row, not a label on top.
    nth = data.groupby(["group_id", "outlet"]).cumcount()
    data["row"] = data["outlet"].where(
        nth == 0, data["outlet"] + " (" + (nth + 1).astype(str) + ")"
    )
    order = (
        list(dict.fromkeys(data.set_index("group_id").loc[list(keep), "panel"]))
        if len(data)
        else []
    )
    note = f"Showing {len(keep)} of {len(size)} groups." if len(size) > len(keep) else ""
    data.attrs = {"order": order, "note": note}
    return data
