"""Section "Distinctive words": :func:`mediakit.keyness`, charted, listed and explained.

Options (``report(..., section_options={...})``): ``keyness_top`` (terms per
outlet in the chart, default 10), ``keyness_stopwords`` (``"keep"``,
``"drop"`` or a list; default ``"keep"``), ``keyness_entities`` (``"keep"``,
``"drop"``, ``"canonical"``; default ``"canonical"``), ``keyness_rows``
(terms per outlet in the exported table; default all).
"""

from __future__ import annotations

from ... import charts
from ...analyses.keyness import keyness_of
from ..blocks import Block, Bullets, Chart, Table, Text
from ..context import ReportContext
from ..derived import derived_table
from ..registry import register_section
from .common import MAX_LISTED_OUTLETS, few_articles_note, shown_rows

_Z_5_PERCENT = 1.96


_KEYNESS_COLUMNS = {
    "group": "Outlet",
    "term": "Term",
    "ngram": "Words in term",
    "count_group": "Uses here",
    "count_rest": "Uses elsewhere",
    "docs_group": "Articles here",
    "docs_rest": "Articles elsewhere",
    "rate_group": "Per 1,000 here",
    "rate_rest": "Per 1,000 elsewhere",
    "log_odds": "Log-odds",
    "z": "z",
}


# Page tables keep few columns: a wide table squeezes its text columns to one word per line.
_KEYNESS_SHOWN = [
    "group",
    "term",
    "z",
    "count_group",
    "count_rest",
    "docs_group",
    "rate_group",
    "rate_rest",
    "log_odds",
    "rank",
]


def _stopword_option(stopwords: object) -> object:
    """The stop-word setting as a key: "keep", "drop" or the words given."""
    if isinstance(stopwords, str):
        return stopwords
    return tuple(str(w) for w in stopwords)  # type: ignore[union-attr]


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

    >>> from mediakit.parsing.parsed import parse_corpus
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
    rows = ctx.option("keyness_rows", None)
    table = derived_table(
        ctx.parsed,
        "keyness",
        lambda: keyness_of(
            ctx.parsed, stopwords=stopwords, entities=entities, mentions=ctx.mentions, top=rows
        ),
        aliases=ctx.aliases,
        options=(_stopword_option(stopwords), str(entities), rows),
    )
    if table.empty:
        return [Text("These articles have no words to compare.")]

    blocks: list[Block] = _method(stopwords, entities)
    note = few_articles_note(
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
            charts.keyness_chart(
                table,
                top,
                outlets=ctx.chart_options["outlets"],
                max_groups=len(ctx.shown_outlets),  # as many panels as other charts name outlets
            ),
            data=shown,
            columns=_KEYNESS_COLUMNS,
            caption=f"Each outlet's {top} most distinctive terms; a longer bar is a higher z-score. "
            "Hover over a bar for the counts.",
        )
    )
    blocks.extend(_strong_terms(table, outlets))
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
            max_rows=shown_rows(ctx),
        )
    )
    return blocks


def _method(stopwords: object, entities: str) -> list[Block]:
    """How the score works, in plain words, and which words were counted."""
    return [
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


def _strong_terms(table, outlets: list[str]) -> list[Block]:
    """The terms that pass the 5 % level, listed per outlet (when few outlets have any)."""
    blocks: list[Block] = []
    strong = table[table["z"] >= _Z_5_PERCENT]
    present = set(strong["group"])  # once: a set per outlet is quadratic in outlets
    listed = [o for o in outlets if o in present]
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
    return blocks
