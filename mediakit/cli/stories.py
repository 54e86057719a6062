"""``mediakit stories``: the story table of a corpus, printed and written to a file."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from ..errors import CorpusError
from .options import add_corpus_options, load_from_args

__all__ = ["add_stories_parser", "cli_stories"]

_EPILOG = """\
Examples:
  mediakit stories articles.jsonl.gz -o stories.csv
  mediakit stories export.csv --text body --articles -o story_of_each_article.csv
  mediakit stories export.csv --story-column event_id

Each story's id is what `mediakit report --story ID` takes.
"""

_SHOWN = 20  # stories printed (the file has them all)


def add_stories_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add the ``stories`` subcommand.

    >>> parser = argparse.ArgumentParser(prog="mediakit")
    >>> _ = add_stories_parser(parser.add_subparsers(dest="command"))
    >>> args = parser.parse_args(["stories", "a.csv", "-o", "s.csv", "--no-dates"])
    >>> args.output, args.no_dates, args.articles
    ('s.csv', True, False)
    """
    p = sub.add_parser(
        "stories",
        help="group the articles into stories (events) and list them",
        description="Find which articles report the same event, and list the stories, most "
        "outlets first: title, articles, outlets, dates, top names.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=_EPILOG,
    )
    add_corpus_options(p)
    out = p.add_argument_group("output")
    out.add_argument(
        "-o", "--output", metavar="FILE", help="write the table (.csv or .parquet) to FILE"
    )
    out.add_argument(
        "--articles",
        action="store_true",
        help="one row per article (its story) instead of one row per story",
    )
    out.add_argument("--no-dates", action="store_true", help="group by content alone")
    return p


def cli_stories(args: argparse.Namespace) -> int:
    """Run ``mediakit stories`` for parsed arguments; return the exit code."""
    from ..analyses.stories import stories, stories_summary  # here: keep --help fast

    out = Path(args.output) if args.output else None
    if out is not None and out.suffix.lower() not in (".csv", ".parquet"):
        raise CorpusError(f"-o {out}: write a .csv or .parquet file.")
    t0 = time.perf_counter()
    corpus = load_from_args(args)
    options = {
        "window_days": None if args.no_dates else 7.0,
        "aliases": args.aliases,
        "n_process": args.n_process,
        "batch_size": args.batch_size,
        "cache_dir": False if args.no_cache else args.cache_dir,
        "progress": False if args.quiet else None,
    }
    summary = stories_summary(corpus, **options)
    table = stories(corpus, **options) if args.articles else summary
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        if out.suffix.lower() == ".csv":
            table.to_csv(out, index=False)
        else:
            table.to_parquet(out, index=False)
    if not args.quiet:
        shown = summary[["story", "articles", "outlets", "story_title"]].head(_SHOWN)
        print(shown.to_string(index=False, max_colwidth=70))
        print(
            f"{len(summary):,} stories in {len(corpus):,} articles "
            f"({int(summary['comparable'].sum()):,} covered by several outlets)"
            + (f" -> {out}" if out else "")
            + f" in {time.perf_counter() - t0:.1f} s"
        )
    return 0
