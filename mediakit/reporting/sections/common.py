"""What the sections on how outlets differ share: table sizes, evidence columns, caveats.

Tables keep the columns a reader needs, always with ``doc_id`` and the
character offsets; a wide table would squeeze its text to one word per line.
The analysis functions return every column. ``table_rows`` (option) is the
number of rows shown per table on the page (default 25); the CSV export has
them all.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..blocks import Text
from ..context import ReportContext

#: Rows of each table shown on the page (the CSV export has them all).
DEFAULT_ROWS = 25


#: Above this many outlets, per-outlet lists are left to the tables and the CSV export.
MAX_LISTED_OUTLETS = 12


#: Statements (aligned quotes) and figure groups listed in words.
MAX_LISTED_GROUPS = 10


WHERE = {
    "doc_id": "Article id",
    "start_char": "From char.",
    "end_char": "To char.",
}


EVIDENCE = (
    "Every row gives the article id and the character offsets (from, to) of the text in that "
    "article, so any line can be checked against the article itself."
)


WHERE_SHOWN = ["doc_id", "start_char", "end_char"]


def shown_rows(ctx: ReportContext) -> int:
    return int(ctx.option("table_rows", DEFAULT_ROWS))


def _articles(n: int) -> str:
    return "one article" if n == 1 else f"{n:,} articles"


def per_outlet_phrase(counts: Sequence[int]) -> str:
    """How many articles the outlets have, in words, true for every corpus.

    >>> per_outlet_phrase([1, 1, 1])
    'one article per outlet'
    >>> per_outlet_phrase([1, 1, 4, 9])
    'only one article for 2 of the 4 outlets'
    """
    counts = [int(c) for c in counts]
    fewest = min(counts)
    if fewest == max(counts):
        return f"{_articles(fewest)} per outlet"
    k = sum(c == fewest for c in counts)
    return f"only {_articles(fewest)} for {k:,} of the {len(counts):,} outlets"


def few_articles_note(ctx: ReportContext, what: str) -> Text | None:
    """A caveat when outlets have few articles each; None for larger corpora."""
    per_outlet = ctx.corpus["outlet"].astype(str).value_counts()
    if len(ctx.corpus) > 12 and int(per_outlet.min()) >= 3:
        return None
    return Text(f"With {per_outlet_phrase(per_outlet.tolist())}, {what}", style="note")
