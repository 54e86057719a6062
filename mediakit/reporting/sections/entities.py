"""Section "Who and what is named": top entities per outlet, the heatmap, names only one outlet uses."""

from __future__ import annotations

from ... import charts, compare
from ...vocab import LABEL_NAMES
from ..blocks import Block, Bullets, Chart, Table, Text
from ..context import ReportContext
from ..registry import register_section

#: Entity types given their own "top entities" chart (``section_options={"entity_labels": ...}``).
DEFAULT_LABELS = ("PERSON", "ORG", "GPE")
_TYPES_NOTE = (
    "Types are the language model's labels: PERSON people, ORG organisations, GPE countries, cities "
    "and states, LOC other places, FAC buildings and facilities, NORP nationalities and political or "
    "religious groups, PRODUCT products (e.g. weapons), EVENT, LAW, WORK_OF_ART and LANGUAGE."
)
_COUNTS = {
    "mentions": "Mentions",
    "articles": "Articles naming it",
    "mentions_per_1k_words": "Per 1,000 words",
    "value": "Value shown",
}


@register_section(
    "entities",
    "Who and what is named",
    order=30,
    intro="The people, organisations and places each outlet names, after merging spellings of one name "
    '("Zelensky"/"Zelenskyy", "Biden" for "Joe Biden").',
)
def entities_section(ctx: ReportContext) -> list[Block]:
    """Top entities by outlet (per type), the outlet x entity heatmap and exclusive names.

    Options: ``top`` (entities per outlet, default 10), ``heatmap_top`` (20),
    ``entity_labels`` (types with their own chart), ``per_1k`` (mentions per
    1,000 words instead of counts, default False).

    >>> from mediakit.parsing.parsed import parse_corpus
    >>> blocks = entities_section(ReportContext(parse_corpus(cache_dir=False)))
    >>> [b.id for b in blocks if isinstance(b, Chart)][:2]
    ['top-person', 'top-org']
    """
    mentions, metrics, outlets = ctx.mentions, ctx.metrics, ctx.outlets
    top, per_1k = int(ctx.option("top", 10)), bool(ctx.option("per_1k", False))
    present = set(mentions["label"].astype(str))
    labels = [lab for lab in ctx.option("entity_labels", DEFAULT_LABELS) if lab in present]
    if not labels:
        return [
            Text("The language model found no people, organisations or places in these articles.")
        ]

    blocks: list[Block] = [
        Text(
            "Counts are mentions: every time a name (or a surname standing for it) appears. A long article "
            "names more; "
            + (
                "the charts divide by the words each outlet published."
                if per_1k
                else "the tables also give mentions per 1,000 words for comparing outlets of different length."
            )
        )
    ]
    for lab in labels:
        blocks.append(
            Chart(
                f"top-{lab.lower()}",
                f"Most named {LABEL_NAMES.get(lab, lab)} by outlet",
                charts.top_entities(
                    mentions, metrics, label=lab, per_1k=per_1k, top=top, **ctx.chart_options
                ),
                data=compare.top_entities(mentions, metrics, label=lab, per_1k=per_1k, top=top),
                columns=_COUNTS,
            )
        )
    heat_top = int(ctx.option("heatmap_top", 20))
    blocks.append(
        Chart(
            "entity-heatmap",
            "Outlet x entity heatmap",
            charts.entity_heatmap(
                mentions, metrics, label=None, per_1k=per_1k, top=heat_top, **ctx.chart_options
            ),
            data=compare.entity_matrix(mentions, metrics, label=None, per_1k=per_1k, top=heat_top),
            columns=_COUNTS,
            caption="The names mentioned most across the corpus (people, organisations, places and other names), "
            "and how often each outlet mentions them. An empty cell: that outlet never names it.",
        )
    )

    if len(outlets) < 2:
        return blocks
    return blocks + _exclusive_blocks(compare.exclusive_entities(mentions, label=None), outlets)


def _exclusive_blocks(only, outlets: list[str]) -> list[Block]:
    """Names one outlet alone uses: the people in words, every name in a table."""
    blocks: list[Block] = []
    people = only[only["label"] == "PERSON"]
    if len(people):
        by_outlet = people.groupby("outlet", sort=False)["canonical"].agg(list)
        blocks.append(Text(f"{len(people):,} people are named by one outlet only:"))
        blocks.append(
            Bullets(
                [
                    f"{o}: {', '.join(names[:15])}"
                    + (f" and {len(names) - 15:,} more" if len(names) > 15 else "")
                    for o, names in sorted(
                        by_outlet.items(),
                        key=lambda kv: outlets.index(kv[0]) if kv[0] in outlets else 0,
                    )
                ]
            )
        )
    else:
        blocks.append(Text("Every person named is named by at least two outlets."))
    if only.empty:
        blocks.append(Text("Every name is used by at least two outlets."))
        return blocks
    blocks.append(Text(_TYPES_NOTE))
    blocks.append(
        Table(
            "exclusive-entities",
            "Names only one outlet uses",
            only,
            caption="Every name (any type) that appears in one outlet's articles and no other's, most mentioned first.",
            columns=_COUNTS,
        )
    )
    return blocks
