"""Section "Stories": which articles report the same event, and each large story on its own.

The section shows :func:`mediakit.stories_summary`. When the corpus spans
several stories, :func:`story_sections` adds one section per story for the
largest stories that more than one outlet covered (option ``stories_top``,
default :data:`DEFAULT_TOP`): the sections on how outlets differ, run
unchanged on that story's articles, with block ids prefixed by the story.
Option ``stories_rows``: stories listed in the table (default 50; the CSV has all).
"""

from __future__ import annotations

import re
from dataclasses import replace

import pandas as pd

from ...analyses.stories import stories_summary_of, story_labels, story_subset
from ..blocks import Block, Chart, Table, Text
from ..context import ReportContext
from ..registry import Section, register_section

__all__ = ["DEFAULT_TOP", "DIFFER_SECTIONS", "stories_section", "story_sections"]

#: Stories that get sections of their own.
DEFAULT_TOP = 3

#: The sections run again on each story's articles, in this order.
DIFFER_SECTIONS = ("distinctive-words", "who-is-quoted", "figures-disagree", "only-one-outlet")

_ORDER = 90  # per-story sections come after every whole-corpus section

_COLUMNS = {
    "story": "Story",
    "story_title": "Title (most central article)",
    "articles": "Articles",
    "outlets": "Outlets",
    "first_date": "First",
    "last_date": "Last",
    "outlet_names": "Outlets (most articles first)",
    "top_entities": "Names most used",
    "note": "Note",
}


def _summary(ctx: ReportContext) -> pd.DataFrame:
    return stories_summary_of(ctx.parsed, aliases=ctx.aliases, mentions=ctx.mentions)


def _given(ctx: ReportContext) -> bool:
    return "story" in ctx.corpus.columns


@register_section(
    "stories",
    "Stories",
    order=35,
    intro="Which articles report the same event: outlets are compared on the same story.",
)
def stories_section(ctx: ReportContext) -> list[Block]:
    """The story table, and what grouping by story means for the comparisons.

    >>> from mediakit.parsing.parsed import parse_corpus
    >>> blocks = stories_section(ReportContext(parse_corpus(cache_dir=False)))
    >>> [b.id for b in blocks if isinstance(b, Table)]
    ['stories']
    """
    summary = _summary(ctx)
    n = len(summary)
    how = (
        "Stories come from the corpus's own story column."
        if _given(ctx)
        else "Stories were found from the words and names the articles share: articles that "
        "name the same people and places and use the same rare words, and (when the corpus has "
        "dates) appeared within a week of each other, form one story. Each story is titled after "
        "its most central article. Check the table: a story can merge two related events or "
        "split one."
    )
    blocks: list[Block] = [Text(how)]
    if n == 1:
        row = summary.iloc[0]
        blocks.append(
            Text(f"All {int(row['articles']):,} articles are one story: {row['story_title']}.")
        )
    else:
        blocks.append(_grouping_note(summary))
    blocks.append(
        Table(
            "stories",
            "Stories, most outlets first",
            summary[list(_COLUMNS)],
            caption="A story with one article or one outlet has nothing to compare across outlets; "
            "the Note column says so.",
            columns=_COLUMNS,
            max_rows=int(ctx.option("stories_rows", 50)),
        )
    )
    return blocks


def _grouping_note(summary: pd.DataFrame) -> Text:
    comparable = int(summary["comparable"].sum())
    left_out = len(summary) - comparable
    return Text(
        f"This corpus spans {len(summary):,} stories, so comparisons were grouped by story "
        "automatically: quotes are matched, and sentences counted as shared or unique, only "
        f"between articles of the same story. {comparable:,} stories were covered by more than "
        f"one outlet; {left_out:,} (one article, or one outlet only) are left out of those "
        "comparisons. The largest stories get sections of their own at the end of the report.",
        style="note",
    )


def story_sections(ctx: ReportContext, chosen: list[Section]) -> list[Section]:
    """One section per large story (see the module notes), or none for a one-story corpus.

    >>> from mediakit.parsing.parsed import parse_corpus
    >>> story_sections(ReportContext(parse_corpus(cache_dir=False)), [])
    []
    """
    ids = {s.id for s in chosen}
    differ = [s for s in chosen if s.id in DIFFER_SECTIONS]
    summary = _summary(ctx)
    if "stories" not in ids or not differ or len(summary) < 2:
        return []
    top = summary[summary["comparable"]].head(int(ctx.option("stories_top", DEFAULT_TOP)))
    labels = story_labels(ctx.parsed, mentions=ctx.mentions, aliases=ctx.aliases)
    out, used = [], set()
    for i, row in enumerate(top.itertuples(index=False)):
        slug = _slug(str(row.story), used)
        out.append(
            Section(
                f"story-{slug}",
                f"Story {row.story}: {row.story_title}",
                _ORDER + i,
                _story_builder(labels, str(row.story), slug, differ),
                intro=f"{row.articles:,} articles from {row.outlets:,} outlets "
                f"({row.outlet_names}); every comparison below uses only these articles.",
            )
        )
    return out


def _story_builder(labels: pd.Series, story: str, slug: str, differ: list[Section]):
    def build(ctx: ReportContext) -> list[Block]:
        sub = ReportContext(
            story_subset(ctx.parsed, labels, story),
            aliases=ctx.aliases,
            options=ctx.options,
            provenance=ctx.provenance,
        )
        blocks: list[Block] = []
        for section in differ:
            blocks.extend(_prefixed(b, slug, section.title) for b in section.build(sub) or [])
        return blocks

    return build


def _prefixed(block: Block, slug: str, section_title: str) -> Block:
    """The same block with an id that names the story (ids stay unique) and its section's title."""
    if isinstance(block, Table | Chart):
        return replace(block, id=f"s-{slug}-{block.id}", title=f"{section_title}: {block.title}")
    return block


def _slug(story: str, used: set[str]) -> str:
    """A lowercase id for HTML and file names, unique within one report.

    >>> used = set(); _slug("Event 12/A", used), _slug("event-12-a", used)
    ('event-12-a', 'event-12-a-2')
    """
    base = re.sub(r"[^a-z0-9]+", "-", story.lower()).strip("-") or "story"
    slug, k = base, 1
    while slug in used:
        k += 1
        slug = f"{base}-{k}"
    used.add(slug)
    return slug
