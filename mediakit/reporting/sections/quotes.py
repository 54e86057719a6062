"""Section "Who is quoted": :func:`mediakit.quotes` and :func:`mediakit.align_quotes`.

Option ``quotes_top``: speakers in the chart (default 15).
"""

from __future__ import annotations

import pandas as pd

from ... import charts, compare
from ...analyses.quotes import align_quotes
from ..blocks import Block, Chart, Definitions, Table, Text
from ..context import ReportContext
from ..registry import register_section
from .common import EVIDENCE, MAX_LISTED_GROUPS, WHERE, WHERE_SHOWN, shown_rows

_QUOTE_COLUMNS = {
    **WHERE,
    "speaker": "Speaker",
    "kind": "Kind",
    "quote": "Quote",
    "cue": "Cue word",
    "note": "Note",
    "method": "How the speaker was found",
    "confidence": "Confidence (0-1)",
    "evidence": "Evidence (the sentence)",
    "share": "Share of quotes",
    "with_speaker": "With a speaker",
    "mean_confidence": "Mean confidence (0-1)",
    "meaning": "What it means",
    "similarity": "Similarity (0-100)",
    "group_id": "Statement",
    "quotes": "Quotes",
    "direct": "In quotation marks",
    "example": "For example",
    "speaker_total": "Quotes in all outlets",
}


# -- quotes ---------------------------------------------------------------------------------
def _statements(aligned: pd.DataFrame) -> Definitions:
    """Each aligned statement: every outlet's wording side by side."""
    items = []
    groups = list(dict.fromkeys(aligned["group_id"].tolist()))
    for gid in groups[:MAX_LISTED_GROUPS]:
        rows = aligned[aligned["group_id"] == gid]
        seen: dict[tuple[str, str], int] = {}
        for outlet, quote in zip(rows["outlet"], rows["quote"], strict=True):
            seen[(outlet, quote)] = seen.get((outlet, quote), 0) + 1
        wordings = [
            f"{outlet}: “{quote}”" + (f" ({n} times)" if n > 1 else "")
            for (outlet, quote), n in seen.items()
        ]
        n_outlets = rows["outlet"].nunique()
        items.append((f"{rows['speaker'].iloc[0]} ({n_outlets} outlets)", " · ".join(wordings)))
    title = "The same statement in each outlet's words"
    if len(groups) > MAX_LISTED_GROUPS:
        title += f" (the first {MAX_LISTED_GROUPS} of {len(groups):,})"
    return Definitions(items, title=title)


@register_section(
    "who-is-quoted",
    "Who is quoted",
    order=50,
    intro="Whose words each outlet reports, and how outlets render the same statement.",
)
def quotes_section(ctx: ReportContext) -> list[Block]:
    """Quotes by speaker and outlet, the same statement across outlets, and every quote.

    >>> from mediakit.parsing.parsed import parse_corpus
    >>> blocks = quotes_section(ReportContext(parse_corpus(cache_dir=False)))
    >>> [b.id for b in blocks if isinstance(b, Chart | Table)]
    ['quote-methods', 'quotes-by-speaker', 'quote-alignment', 'quotes']
    """
    quotes = ctx.quotes
    if quotes.empty:
        return [Text("No quotations or reported speech were found in these articles.")]
    blocks: list[Block] = [
        Text(
            "A quote is found three ways: words in quotation marks with an attribution next to them "
            "(direct), a few quoted words woven into the writer's sentence (partial), and reported "
            'speech without quotation marks, such as "officials said that ..." (indirect). The speaker '
            "is a named person or organisation (spellings merged, as in the entity tables), or no one "
            'when the article names no one ("senior U.S. officials", "the letter"). Often the name is '
            'not next to the quote: "he said", "the governor said", or a quote that goes on in the next '
            "paragraph. The table below says how often each way of finding the speaker was used, and "
            "every quote carries its method, a confidence (how often that method is right on news "
            "articles whose speakers were checked by hand) and the evidence sentence to check it "
            "against."
        ),
        _methods(quotes),
    ]
    if (quotes["speaker"] != "").any():
        top = int(ctx.option("quotes_top", 15))
        blocks.append(
            Chart(
                "quotes-by-speaker",
                "Who gets quoted, and by whom",
                charts.quotes_by_speaker(quotes, top=top, **ctx.chart_options),
                data=compare.quotes_by_speaker(quotes, top=top),
                columns=_QUOTE_COLUMNS,
                caption="Quotes per speaker, one colour per outlet. A speaker quoted by one outlet "
                "only is a choice that outlet made.",
            )
        )
    blocks.extend(_alignment(align_quotes(quotes), ctx))
    blocks.append(
        Table(
            "quotes",
            "Every quote",
            quotes[
                [
                    "outlet",
                    "speaker",
                    "kind",
                    "quote",
                    "method",
                    "confidence",
                    "evidence",
                    *WHERE_SHOWN,
                    "note",
                ]
            ],
            caption=EVIDENCE,
            columns=_QUOTE_COLUMNS,
            max_rows=shown_rows(ctx),
        )
    )
    return blocks


def _methods(quotes: pd.DataFrame) -> Table:
    """How the speakers were found: one row per method."""
    return Table(
        "quote-methods",
        "How the speakers were found",
        compare.quote_methods(quotes),
        caption="Check a few quotes of each method against their evidence before trusting a "
        "count: a resolved “he” or title is a well-founded guess, not a certainty.",
        columns=_QUOTE_COLUMNS,
    )


def _alignment(aligned: pd.DataFrame, ctx: ReportContext) -> list[Block]:
    """One statement in each outlet's words: listed and charted."""
    if aligned.empty:
        return [Text("No statement is quoted by more than one outlet.")]
    return [
        Text(
            "Outlets often quote the same statement in different words: a translation, a "
            "paraphrase or a shortened version. Quotes of one speaker are matched when they share "
            "enough content words; similarity (0-100) compares each wording with the group's most "
            "central one. When the words differ, at most one of them can be what was said."
        ),
        _statements(aligned),
        Chart(
            "quote-alignment",
            "One statement, several renderings",
            charts.quote_alignment(aligned, **ctx.chart_options),
            data=aligned[["group_id", "speaker", "outlet", "quote", "similarity", *WHERE_SHOWN]],
            columns=_QUOTE_COLUMNS,
            digits=0,
            caption="Each row is one statement; a dot means that outlet quotes it, a smaller dot "
            "rewords it more.",
        ),
    ]
