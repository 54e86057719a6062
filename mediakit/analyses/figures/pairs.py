"""``figure_pairs``: every two outlets' claims about one quantity, and whether both can be true.

Also the table :func:`compare_figures` returns, whose ``disagree`` and ``why``
summarise these pairs group by group.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable

import pandas as pd

from ...errors import CorpusError
from .agreement import Claim, compatible

__all__ = ["COMPARE_COLUMNS", "PAIR_COLUMNS", "comparison_table", "figure_pairs"]

COMPARE_COLUMNS = [
    "group_id",
    "story",
    "group",
    "disagree",
    "doc_id",
    "outlet",
    "claim",
    "value",
    "range_end",
    "unit",
    "per",
    "qualifier",
    "bound",
    "counted",
    "when",
    "text",
    "start_char",
    "end_char",
    "evidence",
    "outlets",
    "min_value",
    "max_value",
    "values",
    "why",
]

PAIR_COLUMNS = [
    "group_id",
    "story",
    "group",
    "outlet_a",
    "claim_a",
    "doc_id_a",
    "start_char_a",
    "end_char_a",
    "outlet_b",
    "claim_b",
    "doc_id_b",
    "start_char_b",
    "end_char_b",
    "compatible",
    "reason",
]

_PAIR_NEED = ["group_id", "outlet", "doc_id", "claim", "value", "bound", "qualifier", "text"]


def figure_pairs(comparison: pd.DataFrame) -> pd.DataFrame:
    """One row per pair of claims by different outlets in a group of :func:`compare_figures`.

    ``compatible`` says whether both can be true, ``reason`` why ("the values
    differ: $716 billion vs $700 billion (2% apart)", "compatible: 10,000 is
    within up to 12,000", "compatible: different upper bounds can both be
    true: as many as 1.5 million vs up to 1.6 million"); the incompatible pairs are the disagreements. Each
    side has its outlet, claim, ``doc_id`` and character offsets.

    >>> from mediakit import compare_figures, figures
    >>> pairs = figure_pairs(compare_figures(figures(cache_dir=False)))
    >>> bool((~pairs.compatible).any()), list(pairs.columns) == PAIR_COLUMNS
    (True, True)
    """
    missing = [c for c in _PAIR_NEED if c not in comparison.columns]
    if missing:
        raise CorpusError(
            f"figure_pairs needs the table from mediakit.compare_figures(); it lacks {missing}."
        )
    rows = []
    for gid, sub in comparison.groupby("group_id", sort=True):
        claims = _claims(sub)
        story = str(sub["story"].iloc[0]) if "story" in sub else ""
        label = str(sub["group"].iloc[0]) if "group" in sub else ""
        sides = _sides(sub)
        for i, j, ok, reason in _pairs(sub["outlet"].astype("str").tolist(), claims):
            rows.append((gid, story, label, *sides[i], *sides[j], ok, reason))
    out = pd.DataFrame(rows, columns=PAIR_COLUMNS)
    types = {"group_id": "int64", "start_char_a": "int64", "end_char_a": "int64"}
    types |= {"start_char_b": "int64", "end_char_b": "int64", "compatible": "bool"}
    return out.astype(types)


def _sides(sub: pd.DataFrame) -> list[tuple]:
    """Each claim's side of a pair: outlet, claim, doc_id, start_char, end_char (-1: unknown)."""
    # Column by column: a row of a wide table taken as a Series costs far more.
    missing = pd.Series(-1, index=sub.index)
    cols = (sub["outlet"], sub["claim"], sub["doc_id"])
    spans = (sub.get("start_char", missing), sub.get("end_char", missing))
    return [
        (str(o), str(c), str(d), int(s), int(e))
        for o, c, d, s, e in zip(*cols, *spans, strict=True)
    ]


def _claims(sub: pd.DataFrame) -> list[Claim]:
    ends = sub["range_end"] if "range_end" in sub else pd.Series(math.nan, index=sub.index)
    cols = (sub["value"], ends, sub["bound"], sub["qualifier"], sub["text"], sub["claim"])
    return [
        Claim(float(v), float(r), str(b), str(q), str(t), str(c))
        for v, r, b, q, t, c in zip(*cols, strict=True)
    ]


def _pairs(outlets: list[str], claims: list[Claim]) -> list[tuple[int, int, bool, str]]:
    """(i, j, compatible, reason) for the claims of different outlets, in order."""
    out = []
    for i in range(len(claims)):
        for j in range(i + 1, len(claims)):
            if outlets[i] != outlets[j]:
                out.append((i, j, *compatible(claims[i], claims[j])))
    return out


# -- the table compare_figures returns -----------------------------------------------------
def comparison_table(
    table: pd.DataFrame,
    group_of: dict[int, tuple],
    min_outlets: int,
    label: Callable[[pd.DataFrame], str],
) -> pd.DataFrame:
    """One row per claim of every group that reaches ``min_outlets`` outlets, disagreeing groups first."""
    groups: dict[tuple, list[int]] = defaultdict(list)
    for i in sorted(group_of):
        groups[group_of[i]].append(i)
    outlets = table["outlet"].astype("str").tolist()
    kept = [g for g in groups.values() if len({outlets[i] for i in g}) >= min_outlets]
    # The summaries read a few columns only: taking rows of those is cheap, of the whole table not.
    narrow = table[[c for c in _SUMMARY_NEED if c in table.columns]]
    summaries = sorted((_summary(narrow, members, label) for members in kept), key=lambda s: s[0])
    if not summaries:
        return _typed(pd.DataFrame(columns=COMPARE_COLUMNS)[COMPARE_COLUMNS])
    # Every group's rows in one take, then the group's values repeated over its rows.
    sizes = [len(members) for _, members, *_ in summaries]
    out = table.iloc[[i for _, members, *_ in summaries for i in members]].reset_index(drop=True)
    repeat = lambda values: [v for v, n in zip(values, sizes, strict=True) for _ in range(n)]  # noqa: E731
    out["group_id"] = repeat(range(len(summaries)))
    out["group"] = repeat(key[2] for key, *_ in summaries)
    out["disagree"] = repeat(disagree for _, _, disagree, _, _ in summaries)
    out["values"] = repeat(side for *_, side, _ in summaries)
    out["why"] = repeat(why for *_, why in summaries)
    by_group = out.groupby("group_id", sort=False)
    out["outlets"] = by_group["outlet"].transform("nunique")
    out["min_value"] = by_group["value"].transform("min")
    ends = out["range_end"].where(out["range_end"].notna(), out["value"])
    out["max_value"] = ends.groupby(out["group_id"], sort=False).transform("max")
    return _typed(out[COMPARE_COLUMNS])


#: The columns :func:`_summary` (and a group label) reads.
_SUMMARY_NEED = (
    "outlet",
    "value",
    "range_end",
    "bound",
    "qualifier",
    "text",
    "claim",
    "counted",
    "unit",
    "per",
)


def _summary(table: pd.DataFrame, members: list[int], label: Callable) -> tuple:
    """A group's sort key, members, whether it disagrees, values side by side, and why."""
    sub = table.iloc[members]
    outlets = sub["outlet"].astype("str").tolist()
    claims = _claims(sub)
    pairs = _pairs(outlets, claims)
    bad = [(i, j, reason) for i, j, ok, reason in pairs if not ok]
    disagree = bool(bad)
    if bad:
        seen = list(dict.fromkeys(f"{outlets[i]} vs {outlets[j]}: {r}" for i, j, r in bad))
        why = "; ".join(seen[:3]) + (f"; and {len(seen) - 3} more" if len(seen) > 3 else "")
    else:
        # The most telling reason: claims that differ but can both be true, then rounding.
        reasons = list(dict.fromkeys(r for *_, r in pairs))
        rank = {r: (r.startswith("compatible"), "rounded" in r, "bound" in r) for r in reasons}
        why = max(reasons, key=lambda r: rank[r]) if reasons else "the same value"
    order = sorted(range(len(members)), key=lambda k: (outlets[k], members[k]))
    side = " | ".join(f"{outlets[k]}: {sub['claim'].iloc[k]}" for k in order)
    name = label(sub)
    return ((not disagree, -len(set(outlets)), name), members, disagree, side, why)


def _typed(out: pd.DataFrame) -> pd.DataFrame:
    ints = ("group_id", "start_char", "end_char", "outlets")
    floats = ("value", "range_end", "min_value", "max_value")
    for c in COMPARE_COLUMNS:
        if c in ints:
            out[c] = out[c].astype("int64")
        elif c in floats:
            out[c] = out[c].astype("float64")
        elif c == "disagree":
            out[c] = out[c].astype("bool")
        else:
            out[c] = out[c].astype("str")
    return out.sort_values(["group_id", "outlet", "start_char"], kind="stable").reset_index(
        drop=True
    )
