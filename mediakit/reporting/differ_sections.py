"""Report sections on how the outlets differ: distinctive words, quotes, figures, unique reporting.

===========================  =====  ==============================================
id                           order  analysis (the same functions a user calls)
===========================  =====  ==============================================
``distinctive-words``        40     :func:`mediakit.keyness`
``who-is-quoted``            50     :func:`mediakit.quotes`, :func:`mediakit.align_quotes`
``figures-disagree``         60     :func:`mediakit.figures`, :func:`mediakit.compare_figures`
``only-one-outlet``          70     :func:`mediakit.overlap`
===========================  =====  ==============================================

Each section runs its analysis on the report's one parse (``ctx.parsed``,
through the ``*_of`` form of the function), draws the chart from
:mod:`mediakit.charts` and shows the first rows of its tables; every row goes
to the CSV export (``--tables``). Article text goes into blocks as it is: the
renderer escapes it.

Options (``report(..., section_options={...})``): ``keyness_top`` (terms per
outlet in the chart, default 10), ``keyness_stopwords`` (``"keep"``,
``"drop"`` or a list; default ``"keep"``), ``keyness_entities`` (``"keep"``,
``"drop"``, ``"canonical"``; default ``"canonical"``), ``keyness_rows``
(terms per outlet in the exported table; default all), ``quotes_top``
(speakers in the chart, default 15), ``overlap_threshold`` (default
:data:`mediakit.reuse.DEFAULT_THRESHOLD`) and ``table_rows`` (rows shown per
table of these sections on the page, default 25).

Tables keep the columns a reader needs, always with ``doc_id`` and the
character offsets; a wide table would squeeze its text to one word per line.
The analysis functions return every column.
"""

from __future__ import annotations

import pandas as pd

from .. import charts
from ..distinctive import keyness_of
from ..numeric_claims import compare_figures, figures_of
from ..quoting import align_quotes, quotes_of
from ..reuse import DEFAULT_THRESHOLD, overlap_of
from .blocks import Block, Bullets, Chart, Definitions, Table, Text
from .context import ReportContext
from .sections import register_section

__all__ = [
    "distinctive_words_section",
    "figures_section",
    "only_one_outlet_section",
    "quotes_section",
]

#: Rows of each table shown on the page (the CSV export has them all).
DEFAULT_ROWS = 25
#: Above this many outlets, per-outlet lists are left to the tables and the CSV export.
MAX_LISTED_OUTLETS = 12
#: Statements (aligned quotes) and figure groups listed in words.
MAX_LISTED_GROUPS = 10
#: Unique sentences quoted per outlet as examples.
EXAMPLES_PER_OUTLET = 3
_Z_5_PERCENT = 1.96

_WHERE = {
    "doc_id": "Article id",
    "start_char": "From char.",
    "end_char": "To char.",
}
_KEYNESS_COLUMNS = {
    "group": "Outlet",
    "term": "Term",
    "ngram": "Words in term",
    "count_group": "Uses here",
    "count_rest": "Uses elsewhere",
    "rate_group": "Per 1,000 here",
    "rate_rest": "Per 1,000 elsewhere",
    "log_odds": "Log-odds",
    "z": "z",
}
_QUOTE_COLUMNS = {
    **_WHERE,
    "speaker": "Speaker",
    "kind": "Kind",
    "quote": "Quote",
    "cue": "Cue word",
    "note": "Note",
    "similarity": "Similarity (0-100)",
    "group_id": "Statement",
    "quotes": "Quotes",
    "direct": "In quotation marks",
    "example": "For example",
    "speaker_total": "Quotes in all outlets",
}
_FIGURE_COLUMNS = {
    **_WHERE,
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
}
_OVERLAP_COLUMNS = {
    **_WHERE,
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
_EVIDENCE = (
    "Every row gives the article id and the character offsets (from, to) of the text in that "
    "article, so any line can be checked against the article itself."
)
# Page tables keep few columns: a wide table squeezes its text columns to one word per line.
_KEYNESS_SHOWN = [
    "group",
    "term",
    "z",
    "count_group",
    "count_rest",
    "rate_group",
    "rate_rest",
    "log_odds",
    "rank",
]
_WHERE_SHOWN = ["doc_id", "start_char", "end_char"]


def _rows(ctx: ReportContext) -> int:
    return int(ctx.option("table_rows", DEFAULT_ROWS))


def _few_articles_note(ctx: ReportContext, what: str) -> Text | None:
    """A caveat when outlets have few articles each; None for larger corpora."""
    per_outlet = ctx.corpus["outlet"].astype(str).value_counts()
    if len(ctx.corpus) > 12 and int(per_outlet.min()) >= 3:
        return None
    fewest = int(per_outlet.min())
    per = "one article" if fewest == 1 else f"as few as {fewest:,} articles"
    return Text(f"With {per} per outlet, {what}", style="note")


# -- distinctive words ----------------------------------------------------------------------
def _word_options(stopwords: object, entities: str) -> str:
    if stopwords == "keep":
        stop = (
            'Function words ("the", "it", "n\'t") are kept: how often an outlet uses them is '
            "part of its style."
        )
    elif stopwords == "drop":
        stop = 'Function words ("the", "it", "n\'t") are left out, so the list shows content words.'
    else:
        stop = "The words on the list you gave are left out."
    ents = {
        "canonical": 'A name counts as one term under its merged spelling ("US" and "U.S." are both '
        '"United States"), so a spelling habit is not mistaken for a different subject.',
        "drop": "Names of people, places and organisations are left out.",
        "keep": 'Names are counted word by word as written, so a spelling habit ("US" for "U.S.") '
        "can look distinctive.",
    }.get(str(entities), "")
    return f"{stop} {ents}".strip()


@register_section(
    "distinctive-words",
    "Distinctive words",
    order=40,
    intro="The words and two-word phrases each outlet uses more often than the other outlets.",
)
def distinctive_words_section(ctx: ReportContext) -> list[Block]:
    """Each outlet's most distinctive terms (weighted log-odds with an informative prior).

    >>> from mediakit.parsed import parse_corpus
    >>> blocks = distinctive_words_section(ReportContext(parse_corpus(cache_dir=False)))
    >>> [b.id for b in blocks if isinstance(b, Chart | Table)]
    ['keyness', 'keyness-terms']
    """
    outlets = ctx.outlets
    if len(outlets) < 2:
        return [Text("Distinctive words compare outlets with each other; this corpus has one.")]
    top = int(ctx.option("keyness_top", 10))
    stopwords = ctx.option("keyness_stopwords", "keep")
    entities = ctx.option("keyness_entities", "canonical")
    table = keyness_of(
        ctx.parsed,
        stopwords=stopwords,
        entities=entities,
        aliases=ctx.aliases,
        top=ctx.option("keyness_rows", None),
    )
    if table.empty:
        return [Text("These articles have no words to compare.")]

    blocks: list[Block] = [
        Text(
            "For every word, the outlet's use is compared with the use in all other outlets' articles. "
            "The score is the weighted log-odds ratio with an informative Dirichlet prior (Monroe, "
            "Colaresi and Quinn 2008). In plain words: before counting, every outlet is given a few "
            "imaginary uses of each word, in proportion to how common the word is in the whole corpus. "
            "A rare word used twice by one outlet and never by the others then looks only a little "
            "distinctive, while a common word used much more often by one outlet stands out."
        ),
        Text(
            "The z-score divides that difference by its uncertainty: 0 means no difference, about 2 "
            "or more is unlikely to be chance (1.96 is the usual 5 % level). With thousands of words "
            "compared, a few pass that level by chance alone, so read the top terms as leads to "
            "check in the text, not as findings. " + _word_options(stopwords, entities)
        ),
    ]
    note = _few_articles_note(
        ctx,
        "a distinctive word may come from one article's angle, author or length rather than from "
        "the outlet's vocabulary.",
    )
    if note is not None:
        blocks.append(note)
    shown = table.loc[(table["rank"] <= top) & (table["z"] > 0), _KEYNESS_SHOWN]
    blocks.append(
        Chart(
            "keyness",
            "Words that set each outlet apart",
            charts.keyness_chart(table, top, outlets=outlets),
            data=shown,
            columns=_KEYNESS_COLUMNS,
            caption=f"Each outlet's {top} most distinctive terms; a longer bar is a higher z-score. "
            "Hover over a bar for the counts.",
        )
    )
    strong = table[table["z"] >= _Z_5_PERCENT]
    listed = [o for o in outlets if o in set(strong["group"])]
    if strong.empty:
        blocks.append(
            Text(
                f"No term reaches z = {_Z_5_PERCENT}: in these articles no outlet's word use stands "
                "out clearly from the others'."
            )
        )
    elif len(listed) <= MAX_LISTED_OUTLETS:
        blocks.append(Text(f"Terms with z of {_Z_5_PERCENT} or more:"))
        blocks.append(
            Bullets(
                [
                    f"{o}: "
                    + ", ".join(
                        f"{t} (z {z:.1f}; {c:,} uses, {r:,} elsewhere)"
                        for t, z, c, r in strong[strong["group"] == o][
                            ["term", "z", "count_group", "count_rest"]
                        ].itertuples(index=False)
                    )
                    for o in listed
                ]
            )
        )
    ranked = table.sort_values(
        ["z", "group", "term"], ascending=[False, True, True], kind="stable"
    )[_KEYNESS_SHOWN]
    blocks.append(
        Table(
            "keyness-terms",
            "Every term, most distinctive first",
            ranked,
            caption="All outlets' terms with their counts, rates per 1,000 tokens, log-odds ratio and "
            "z-score, highest z first.",
            columns=_KEYNESS_COLUMNS,
            max_rows=_rows(ctx),
        )
    )
    return blocks


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

    >>> from mediakit.parsed import parse_corpus
    >>> blocks = quotes_section(ReportContext(parse_corpus(cache_dir=False)))
    >>> [b.id for b in blocks if isinstance(b, Chart | Table)]
    ['quotes-by-speaker', 'quote-alignment', 'quotes']
    """
    quotes = quotes_of(ctx.parsed, aliases=ctx.aliases)
    if quotes.empty:
        return [Text("No quotations or reported speech were found in these articles.")]
    outlets = ctx.outlets
    blocks: list[Block] = [
        Text(
            "A quote is found three ways: words in quotation marks with an attribution next to them "
            "(direct), a few quoted words woven into the writer's sentence (partial), and reported "
            'speech without quotation marks, such as "officials said that ..." (indirect). The speaker '
            'is the named person or organisation (spellings merged), or the phrase as written ("senior '
            'U.S. officials") when no name is given. A speaker behind "he" or "she" is the person '
            "named just before; the Note column says when a speaker was guessed like that."
        )
    ]
    if (quotes["speaker"] != "").any():
        chart = charts.quotes_by_speaker(
            quotes, top=int(ctx.option("quotes_top", 15)), outlets=outlets
        )
        blocks.append(
            Chart(
                "quotes-by-speaker",
                "Who gets quoted, and by whom",
                chart,
                columns=_QUOTE_COLUMNS,
                caption="Quotes per speaker, one colour per outlet. A speaker quoted by one outlet "
                "only is a choice that outlet made.",
            )
        )
    aligned = align_quotes(quotes)
    if aligned.empty:
        blocks.append(Text("No statement is quoted by more than one outlet."))
    else:
        blocks.append(
            Text(
                "Outlets often quote the same statement in different words: a translation, a "
                "paraphrase or a shortened version. Quotes of one speaker are matched when they share "
                "enough content words; similarity (0-100) compares each wording with the group's most "
                "central one. When the words differ, at most one of them can be what was said."
            )
        )
        blocks.append(_statements(aligned))
        blocks.append(
            Chart(
                "quote-alignment",
                "One statement, several renderings",
                charts.quote_alignment(aligned, outlets=outlets),
                data=aligned[
                    ["group_id", "speaker", "outlet", "quote", "similarity", *_WHERE_SHOWN]
                ],
                columns=_QUOTE_COLUMNS,
                digits=0,
                caption="Each row is one statement; a dot means that outlet quotes it, a smaller dot "
                "rewords it more.",
            )
        )
    blocks.append(
        Table(
            "quotes",
            "Every quote",
            quotes[["outlet", "speaker", "kind", "quote", *_WHERE_SHOWN, "note"]],
            caption=_EVIDENCE,
            columns=_QUOTE_COLUMNS,
            max_rows=_rows(ctx),
        )
    )
    return blocks


# -- figures --------------------------------------------------------------------------------
def _group_values(comparison: pd.DataFrame) -> list[tuple[str, str]]:
    """(what is counted, every outlet's figure) for the first groups of a comparison."""
    groups = comparison.drop_duplicates("group_id")
    items = [
        (str(g), str(v).replace(" | ", " · "))
        for g, v in zip(groups["group"], groups["values"], strict=True)
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

    >>> from mediakit.parsed import parse_corpus
    >>> blocks = figures_section(ReportContext(parse_corpus(cache_dir=False)))
    >>> [b.id for b in blocks if isinstance(b, Chart | Table)]
    ['figure-disagreements', 'figures-compared', 'figures']
    """
    figures = figures_of(ctx.parsed, aliases=ctx.aliases)
    if figures.empty:
        return [
            Text("No figures (counts, sums of money, percentages) were found in these articles.")
        ]
    comparison = compare_figures(figures)
    blocks: list[Block] = [
        Text(
            "Every number an article states about something is read with its hedge and what it "
            'counts: "as many as 12,000 North Korean troops" is 12,000, at most, troops. Figures of '
            "different outlets are grouped when they count the same kind of thing (troops, aid in "
            "dollars, people killed) in sentences about the same matter. A group disagrees when the "
            'values differ or the hedges do ("more than" against "up to").'
        ),
        Text(
            'A disagreement is not always a contradiction: "over 10,000" and "up to 12,000" can both '
            "be true. It shows that outlets relied on different sources or rounded differently; the "
            "sentence in each row lets you check which.",
            style="note",
        ),
    ]
    if comparison.empty:
        blocks.append(
            Text("No figure is reported by more than one outlet, so none can be compared.")
        )
    else:
        disagree = comparison[comparison["disagree"]]
        agree = comparison[~comparison["disagree"]]
        if disagree.empty:
            blocks.append(Text("Where outlets report the same thing, they give the same figure."))
        else:
            blocks.append(Definitions(_group_values(disagree), title="Where the figures differ"))
            chart = charts.figure_disagreements(comparison, outlets=ctx.outlets)
            blocks.append(
                Chart(
                    "figure-disagreements",
                    "Where outlets disagree on the numbers",
                    chart,
                    data=disagree[
                        ["group", "outlet", "claim", "value", "unit", "bound", *_WHERE_SHOWN]
                    ],
                    columns=_FIGURE_COLUMNS,
                    digits=0,
                    caption="One panel per claim, each on its own scale; the shape says how the "
                    "outlet hedges the number.",
                )
            )
        if not agree.empty:
            blocks.append(Definitions(_group_values(agree), title="Where the figures agree"))
        blocks.append(
            Table(
                "figures-compared",
                "Every figure reported by more than one outlet, with its sentence",
                comparison[["outlet", "claim", "evidence", *_WHERE_SHOWN, "group"]],
                caption=_EVIDENCE,
                columns=_FIGURE_COLUMNS,
                max_rows=_rows(ctx),
            )
        )
    blocks.append(
        Table(
            "figures",
            "Every figure found",
            figures[["outlet", "qualifier", "text", "value", "counted", *_WHERE_SHOWN]],
            caption='Including the ones no other outlet reports; vague amounts ("thousands of") '
            "have no value. " + _EVIDENCE,
            columns=_FIGURE_COLUMNS,
            digits=0,
            max_rows=_rows(ctx),
        )
    )
    return blocks


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

    >>> from mediakit.parsed import parse_corpus
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
    note = _few_articles_note(
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
                charts.similarity_heatmap(ov.similarity),
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
            charts.unique_share_chart(ov.unique_share, outlets=outlets),
            data=ov.unique_share,
            columns=_OVERLAP_COLUMNS,
            caption="The share of each outlet's sentences with no near-duplicate in another outlet.",
        )
    )
    rows = _rows(ctx)
    if ov.shared.empty:
        blocks.append(Text("No sentence of one outlet has a near-duplicate in another outlet."))
    else:
        blocks.append(_shared_pairs(ov.shared, rows))
        blocks.append(
            Table(
                "shared-sentences",
                "Shared sentence pairs, by article and sentence number",
                ov.shared[
                    [
                        "outlet_a",
                        "doc_id_a",
                        "sentence_a",
                        "outlet_b",
                        "doc_id_b",
                        "sentence_b",
                        "similarity",
                    ]
                ],
                caption="The pairs above as a table: each article's id and the sentence's number in "
                "it (mediakit.sentences gives its character offsets). The CSV export holds both "
                "sentences' text too.",
                columns=_OVERLAP_COLUMNS,
                max_rows=rows,
            )
        )
    if ov.unique.empty:
        blocks.append(Text("Every sentence has a near-duplicate in another outlet."))
        return blocks
    if len(outlets) <= MAX_LISTED_OUTLETS:
        blocks.append(_unique_examples(ov.unique, outlets))
    blocks.append(
        Table(
            "unique-sentences",
            "Sentences found in one outlet only",
            ov.unique[["outlet", "text", "doc_id", "sentence", "start_char", "end_char"]],
            caption=_EVIDENCE,
            columns=_OVERLAP_COLUMNS,
            max_rows=rows,
        )
    )
    return blocks
