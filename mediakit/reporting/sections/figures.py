"""Section "Figures that disagree": :func:`mediakit.figures` and :func:`mediakit.compare_figures`."""

from __future__ import annotations

import pandas as pd

from ... import charts
from ...analyses.figures import compare_figures, figure_pairs
from ..blocks import Block, Chart, Definitions, Table, Text
from ..context import ReportContext
from ..registry import register_section
from .common import EVIDENCE, MAX_LISTED_GROUPS, WHERE, WHERE_SHOWN, shown_rows

_FIGURE_COLUMNS = {
    **WHERE,
    "group_id": "Group",
    "group": "What is counted",
    "disagree": "Outlets disagree",
    "claim": "Figure as written",
    "value": "Value",
    "unit": "Unit",
    "bound": "Bound",
    "counted": "Counts",
    "evidence": "Sentence",
    "qualifier": "Qualifier",
    "text": "Number as written",
    "story": "Story",
    "why": "Why",
    "outlet_a": "Outlet",
    "claim_a": "Says",
    "outlet_b": "Other outlet",
    "claim_b": "Says",
    "reason": "Why they cannot both be true",
    "doc_id_a": "Article id",
    "start_char_a": "From char.",
    "doc_id_b": "Other article id",
    "start_char_b": "From char.",
}


# -- figures --------------------------------------------------------------------------------
def _group_values(comparison: pd.DataFrame, *, why: bool = False) -> list[tuple[str, str]]:
    """(what is counted, every outlet's figure, and why they disagree) for the first groups."""
    groups = comparison.drop_duplicates("group_id")
    items = [
        (str(g), str(v).replace(" | ", " · ") + (f" — {w}" if why and w else ""))
        for g, v, w in zip(groups["group"], groups["values"], groups["why"], strict=True)
    ]
    if len(items) > MAX_LISTED_GROUPS:
        rest = len(items) - MAX_LISTED_GROUPS
        items = [*items[:MAX_LISTED_GROUPS], ("…", f"{rest:,} more in the table below")]
    return items


@register_section(
    "figures-disagree",
    "Figures that disagree",
    order=60,
    intro="The numbers the outlets report about the same thing, and where they differ.",
)
def figures_section(ctx: ReportContext) -> list[Block]:
    """Claims grouped across outlets; the disagreements charted and listed; every figure.

    >>> from mediakit.parsing.parsed import parse_corpus
    >>> blocks = figures_section(ReportContext(parse_corpus(cache_dir=False)))
    >>> [b.id for b in blocks if isinstance(b, Chart | Table)]
    ['figure-disagreements', 'figure-disagreement-pairs', 'figures-compared', 'figures']
    """
    figures = ctx.figures
    if figures.empty:
        return [
            Text("No figures (counts, sums of money, percentages) were found in these articles.")
        ]
    comparison = compare_figures(figures)
    blocks: list[Block] = [
        Text(
            "Every number an article states about something is read with its hedge and what it "
            'counts: "as many as 12,000 North Korean troops" is 12,000, at most, troops; "$6m" is '
            '6,000,000 US dollars; "one in three" is 33%. Figures of different outlets are grouped '
            "when they are about the same quantity: the same unit and currency, the same kind of "
            "thing counted (troops, aid, people killed), the same time, in the same story. A group "
            'disagrees when two outlets\' figures cannot both be true: "about 12,000" against '
            '"about 10,000", or "as many as 1.5 million" against "up to 1.6 million".'
        ),
        Text(
            'Compatible figures are not a disagreement: "over 10,000" and "up to 12,000" can both be '
            'true, and so can "more than $56.2 billion" and "over $56 billion". A disagreement '
            "shows that outlets relied on different sources or estimates; the sentence in each row "
            "lets you check which, and whether they really count the same thing.",
            style="note",
        ),
    ]
    if comparison.attrs.get("within") == "story":
        blocks.append(
            Text(
                "These articles cover several stories, so figures are compared only with figures "
                "of the same story.",
                style="note",
            )
        )
    blocks.extend(_compared(comparison, ctx))
    blocks.append(
        Table(
            "figures",
            "Every figure found",
            figures[["outlet", "qualifier", "text", "value", "unit", "counted", *WHERE_SHOWN]],
            caption='Including the ones no other outlet reports; vague amounts ("thousands of") '
            "have no value. " + EVIDENCE,
            columns=_FIGURE_COLUMNS,
            digits=0,
            max_rows=shown_rows(ctx),
        )
    )
    return blocks


def _compared(comparison: pd.DataFrame, ctx: ReportContext) -> list[Block]:
    """The groups where outlets disagree (listed and charted), those where they agree, every row."""
    if comparison.empty:
        return [Text("No figure is reported by more than one outlet, so none can be compared.")]
    blocks: list[Block] = []
    disagree = comparison[comparison["disagree"]]
    agree = comparison[~comparison["disagree"]]
    if disagree.empty:
        blocks.append(
            Text("Where outlets report the same quantity, their figures agree or can all be true.")
        )
    else:
        blocks.append(
            Definitions(_group_values(disagree, why=True), title="Where the figures differ")
        )
        blocks.append(
            Chart(
                "figure-disagreements",
                "Where outlets disagree on the numbers",
                charts.figure_disagreements(comparison, outlets=ctx.chart_options["outlets"]),
                data=disagree[["group", "outlet", "claim", "value", "unit", "bound", *WHERE_SHOWN]],
                columns=_FIGURE_COLUMNS,
                digits=0,
                caption="One panel per claim, each on its own scale; the shape says how the "
                "outlet hedges the number.",
            )
        )
        blocks.append(_pairs_table(comparison, ctx))
    if not agree.empty:
        blocks.append(Definitions(_group_values(agree, why=True), title="Where the figures agree"))
    blocks.append(
        Table(
            "figures-compared",
            "Every figure reported by more than one outlet, with its sentence",
            comparison[["outlet", "claim", "evidence", *WHERE_SHOWN, "group"]],
            caption=EVIDENCE,
            columns=_FIGURE_COLUMNS,
            max_rows=shown_rows(ctx),
        )
    )
    return blocks


def _pairs_table(comparison: pd.DataFrame, ctx: ReportContext) -> Table:
    """Every two figures of different outlets that cannot both be true, with the reason."""
    pairs = figure_pairs(comparison)
    pairs = pairs[~pairs["compatible"]]
    columns = ["group", "outlet_a", "claim_a", "outlet_b", "claim_b", "reason"]
    return Table(
        "figure-disagreement-pairs",
        "Why they disagree: every two figures that cannot both be true",
        pairs[[*columns, "doc_id_a", "start_char_a", "doc_id_b", "start_char_b"]],
        caption=EVIDENCE,
        columns=_FIGURE_COLUMNS,
        max_rows=shown_rows(ctx),
    )
