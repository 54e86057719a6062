"""Section "The corpus": outlets, articles, titles, dates, lengths and what cleaning removed."""

from __future__ import annotations

import pandas as pd

from ... import compare
from ..blocks import Block, Definitions, Table, Text
from ..context import ReportContext
from ..registry import register_section

#: Above this many articles, per-article notes are left to the CSV export.
MAX_NOTES = 50


def _blank(series: pd.Series) -> pd.Series:
    return series.isna() | (series.astype(str).str.strip() == "")


@register_section(
    "corpus",
    "The corpus",
    order=10,
    intro="What was analysed: which outlets, which articles, and what was removed before measuring.",
)
def corpus_section(ctx: ReportContext) -> list[Block]:
    """Outlets and articles, with titles, dates, word counts and cleaning notes.

    >>> from mediakit.parsing.parsed import parse_corpus
    >>> blocks = corpus_section(ReportContext(parse_corpus(cache_dir=False)))
    >>> [b.id for b in blocks if isinstance(b, Table)]
    ['outlets']
    """
    corpus, metrics = ctx.corpus, ctx.metrics
    n, n_outlets = len(corpus), len(ctx.outlets)
    words = int(pd.to_numeric(metrics["words"]).sum())
    blocks: list[Block] = [
        Text(
            f"{n:,} article{'s' if n != 1 else ''} from {n_outlets:,} outlet{'s' if n_outlets != 1 else ''}, "
            f"{words:,} words in all. Words and sentences are counted from the language model's parse, "
            'so abbreviations such as "U.S." or "p.m." do not end a sentence.'
        ),
        _outlets_table(metrics),
    ]
    # The table of every article comes last (section "articles"): long, and read on demand.
    blocks.extend(articles_table(ctx)[1])
    if "notes" in corpus and n <= MAX_NOTES and not _blank(corpus["notes"]).all():
        blocks.append(_metadata_notes(corpus))
    return blocks


def _outlets_table(metrics: pd.DataFrame) -> Table:
    per_outlet = compare.outlet_summary(metrics, ["words"]).drop(columns=["metric"])
    return Table(
        "outlets",
        "Articles per outlet",
        per_outlet,
        caption="Words per article: mean, median, shortest and longest.",
        columns={
            "mean": "Mean words",
            "median": "Median words",
            "min": "Fewest words",
            "max": "Most words",
        },
        digits=0,
    )


def _titles(ctx: ReportContext, untitled: pd.Series) -> pd.Series:
    """Titles, with "(untitled)" and the date and first words where there is none."""
    metrics = ctx.metrics
    named = ctx.article_labels.reindex(metrics["doc_id"].astype(str)).to_numpy()
    by_words = pd.Series(named, index=metrics.index).astype("string").str.split(" · ", n=1).str[1]
    return (
        metrics["title"]
        .astype("string")
        .fillna("")
        .mask(untitled.to_numpy(), "(untitled) " + by_words)
    )


def articles_table(ctx: ReportContext) -> tuple[Table, list[Block]]:
    """One row per article, and notes on what it lacks (dates, titles) or lost (cleaning).

    An untitled article is named by its date and first words, never by its id alone.
    """
    corpus, metrics = ctx.corpus, ctx.metrics
    n = len(corpus)
    untitled = _blank(metrics["title"])
    shown_title = _titles(ctx, untitled)
    articles = pd.DataFrame(
        {
            "doc_id": metrics["doc_id"],
            "outlet": metrics["outlet"],
            "title": shown_title,
            "date": corpus["date"].to_numpy() if "date" in corpus else pd.NaT,
            "words": metrics["words"],
            "sentences": metrics["sentences"],
            "cleaning": corpus["cleaning"].to_numpy() if "cleaning" in corpus else "",
        }
    )
    notes: list[Block] = []
    if articles["date"].isna().all():
        articles = articles.drop(columns=["date"])
        notes.append(Text("The corpus gives no publication dates.", style="note"))
    cleaned = ~_blank(articles["cleaning"])
    if cleaned.any():
        notes.append(
            Text(
                f"Cleaning removed non-article text from {int(cleaned.sum()):,} of {n:,} articles (the last column "
                'of the table "Every article", at the end, says what: headlines repeated on the first line, '
                "keyword or category lines, boilerplate). "
                "Every measure in this report is taken on the cleaned text."
            )
        )
    else:
        articles = articles.drop(columns=["cleaning"])
        notes.append(Text("Cleaning removed nothing from these articles."))
    if untitled.any():
        k = int(untitled.sum())
        notes.append(
            Text(
                f"{k:,} article{' has' if k == 1 else 's have'} no title in the corpus; "
                "the tables name them by date and first words.",
                style="note",
            )
        )
    table = Table(
        "articles",
        "Articles",
        articles,
        digits=0,
        max_rows=int(ctx.option("article_rows", ARTICLE_ROWS)),
        collapsed=True,
    )
    return table, notes


#: Rows of the article table shown on the page; the CSV download has them all.
ARTICLE_ROWS = 50


@register_section(
    "articles",
    "Every article",
    order=100,
    intro="The articles analysed, one row each: open the table, sort it, or download it as CSV.",
)
def articles_section(ctx: ReportContext) -> list[Block]:
    """The table of every article, last: long, and read on demand.

    >>> from mediakit.parsing.parsed import parse_corpus
    >>> [b.id for b in articles_section(ReportContext(parse_corpus(cache_dir=False)))]
    ['articles']
    """
    return [articles_table(ctx)[0]]


def _metadata_notes(corpus: pd.DataFrame) -> Definitions:
    # Metadata notes say where outlet labels and titles come from (e.g. neutral labels).
    keep = ~_blank(corpus["notes"])
    return Definitions(
        [
            (f"{o} ({d})", str(t))
            for o, d, t in zip(
                corpus["outlet"][keep], corpus["doc_id"][keep], corpus["notes"][keep], strict=True
            )
        ],
        title="Notes on the articles (from the metadata table)",
    )
