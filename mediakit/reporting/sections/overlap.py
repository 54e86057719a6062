"""Section "What only one outlet reports": :func:`mediakit.overlap`.

Option ``overlap_threshold``: the cosine similarity at which two sentences
count as one passage (default :data:`mediakit.analyses.overlap.DEFAULT_THRESHOLD`).
"""

from __future__ import annotations

import pandas as pd

from ... import charts
from ...analyses.overlap import DEFAULT_THRESHOLD, overlap_of
from ..blocks import Block, Chart, Definitions, Table, Text
from ..context import ReportContext
from ..registry import register_section
from .common import EVIDENCE, MAX_LISTED_OUTLETS, WHERE, few_articles_note, shown_rows

#: Unique sentences quoted per outlet as examples.
EXAMPLES_PER_OUTLET = 3


_OVERLAP_COLUMNS = {
    **WHERE,
    "doc_id_a": "Article",
    "outlet_a": "Outlet",
    "sentence_a": "No.",
    "text_a": "Sentence",
    "doc_id_b": "Other article",
    "outlet_b": "Other outlet",
    "sentence_b": "Its no.",
    "text_b": "Its sentence",
    "similarity": "Similarity",
    "shared_sentences": "Shared sentence pairs",
    "sentence": "No.",
    "text": "Sentence",
    "sentences": "Sentences compared",
    "unique_sentences": "Found in no other outlet",
    "unique_share": "Unique share",
}


# -- what only one outlet reports -----------------------------------------------------------
def _unique_examples(unique: pd.DataFrame, outlets: list[str]) -> Definitions:
    """Each outlet's first unique sentences, in article order, with where to find them."""
    items = []
    for outlet in outlets:
        rows = unique[unique["outlet"] == outlet].head(EXAMPLES_PER_OUTLET)
        if len(rows):
            items.append(
                (
                    outlet,
                    " · ".join(
                        f"“{t}” ({d}, characters {a:,}–{b:,})"
                        for t, d, a, b in rows[
                            ["text", "doc_id", "start_char", "end_char"]
                        ].itertuples(index=False)
                    ),
                )
            )
    return Definitions(
        items,
        title=f"Each outlet's first {EXAMPLES_PER_OUTLET} sentences that no other outlet has",
    )


def _shared_pairs(shared: pd.DataFrame, n: int) -> Definitions:
    """The first ``n`` shared sentence pairs, both wordings one under the other."""
    items = [
        (
            f"{oa} and {ob}, similarity {sim:.2f} (sentence {sa} of {da}, sentence {sb} of {db})",
            f"{oa}: {ta} · {ob}: {tb}",
        )
        for oa, da, sa, ta, ob, db, sb, tb, sim in shared[
            [
                "outlet_a",
                "doc_id_a",
                "sentence_a",
                "text_a",
                "outlet_b",
                "doc_id_b",
                "sentence_b",
                "text_b",
                "similarity",
            ]
        ]
        .head(n)
        .itertuples(index=False)
    ]
    title = "Sentences two outlets share"
    if len(shared) > n:
        title += f" (the first {n:,} of {len(shared):,} pairs; the CSV export has them all)"
    return Definitions(items, title=title)


@register_section(
    "only-one-outlet",
    "What only one outlet reports",
    order=70,
    intro="Which sentences outlets share (wire copy, reused passages) and which only one of them has.",
)
def only_one_outlet_section(ctx: ReportContext) -> list[Block]:
    """Article similarity, each outlet's unique share, shared passages and unique sentences.

    >>> from mediakit.parsing.parsed import parse_corpus
    >>> blocks = only_one_outlet_section(ReportContext(parse_corpus(cache_dir=False)))
    >>> [b.id for b in blocks if isinstance(b, Chart | Table)]
    ['similarity-heatmap', 'unique-share', 'shared-sentences', 'unique-sentences']
    """
    outlets = ctx.outlets
    if len(outlets) < 2:
        return [Text("Shared and unique sentences compare outlets; this corpus has one.")]
    threshold = float(ctx.option("overlap_threshold", DEFAULT_THRESHOLD))
    ov = overlap_of(ctx.parsed, threshold=threshold)
    blocks: list[Block] = [
        Text(
            "Every sentence is compared with every other outlet's sentences by the content words they "
            "share, rare words counting more (TF-IDF cosine similarity). Two sentences count as the "
            f"same passage at a similarity of {threshold:g} or more: a wire sentence that one outlet "
            "trimmed or reworded still matches, two sentences that are merely on the same topic do "
            "not. A sentence with no such match in any other outlet is unique: what only this outlet "
            "reports, or reports in its own words. Sentences under four words (most headings) are "
            "left out."
        )
    ]
    note = few_articles_note(
        ctx,
        "a high unique share may mean an outlet wrote its own story, or only that the others "
        "left out the same details in these articles.",
    )
    if note is not None:
        blocks.append(note)
    if not ov.similarity.empty:
        blocks.append(
            Chart(
                "similarity-heatmap",
                "Which articles share sentences",
                charts.similarity_heatmap(
                    ov.similarity, max_outlets=ctx.shown_outlets, labels=ctx.article_labels
                ),
                data=ov.similarity,
                columns=_OVERLAP_COLUMNS,
                caption="The share of two articles' sentences that have a near-duplicate in the "
                "other; darker cells share more.",
            )
        )
    blocks.append(
        Chart(
            "unique-share",
            "What only this outlet reports",
            charts.unique_share_chart(ov.unique_share, **ctx.chart_options),
            data=ov.unique_share,
            columns=_OVERLAP_COLUMNS,
            caption="The share of each outlet's sentences with no near-duplicate in another outlet.",
        )
    )
    rows = shown_rows(ctx)
    return blocks + _shared_blocks(ov.shared, rows) + _unique_blocks(ov.unique, outlets, rows)


def _shared_blocks(shared: pd.DataFrame, rows: int) -> list[Block]:
    """Sentence pairs two outlets share: both wordings, then the pairs as a table."""
    if shared.empty:
        return [Text("No sentence of one outlet has a near-duplicate in another outlet.")]
    columns = [
        "outlet_a",
        "doc_id_a",
        "sentence_a",
        "outlet_b",
        "doc_id_b",
        "sentence_b",
        "similarity",
    ]
    return [
        _shared_pairs(shared, rows),
        Table(
            "shared-sentences",
            "Shared sentence pairs, by article and sentence number",
            shared[columns],
            caption="The pairs above as a table: each article's id and the sentence's number in "
            "it (mediakit.sentences gives its character offsets). The CSV export holds both "
            "sentences' text too.",
            columns=_OVERLAP_COLUMNS,
            max_rows=rows,
        ),
    ]


def _unique_blocks(unique: pd.DataFrame, outlets: list[str], rows: int) -> list[Block]:
    """Sentences one outlet alone has: a few examples per outlet, then all of them."""
    if unique.empty:
        return [Text("Every sentence has a near-duplicate in another outlet.")]
    blocks: list[Block] = []
    if len(outlets) <= MAX_LISTED_OUTLETS:
        blocks.append(_unique_examples(unique, outlets))
    blocks.append(
        Table(
            "unique-sentences",
            "Sentences found in one outlet only",
            unique[["outlet", "text", "doc_id", "sentence", "start_char", "end_char"]],
            caption=EVIDENCE,
            columns=_OVERLAP_COLUMNS,
            max_rows=rows,
        )
    )
    return blocks
