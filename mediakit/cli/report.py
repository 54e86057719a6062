"""``mediakit report``: the static report from the command line."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from .options import add_corpus_options, load_from_args
from .outputs import check_output, check_output_folder, input_paths, is_report

__all__ = ["add_report_parser", "cli_report"]

_EPILOG = """\
Examples:
  mediakit report -o report.html
  mediakit report articles.jsonl.gz --doc-id id -o report.html --charts charts --tables tables
  mediakit report export.csv --text body --outlet publisher --analysed-on 2024-11-18
  mediakit report articles.jsonl.gz --story s012 -o story-s012.html

The report is one HTML file that opens offline; the analysis date in its
footer is --analysed-on, else the day the parse cache was written.
`mediakit stories SOURCE` lists the story ids that --story takes.
"""


def add_report_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add the ``report`` subcommand (corpus, column-mapping and engine options included).

    >>> parser = argparse.ArgumentParser(prog="mediakit")
    >>> sub = parser.add_subparsers(dest="command")
    >>> _ = add_report_parser(sub)
    >>> args = parser.parse_args(["report", "--charts", "c", "-o", "r.html"])
    >>> args.output, args.charts, args.tables
    ('r.html', 'c', None)
    """
    p = subparsers.add_parser(
        "report",
        help="write a static HTML report (charts, tables, explanations) that opens offline",
        description="Compare the outlets of a corpus in one self-contained HTML file: the corpus, "
        "length and readability by outlet, and the entities each outlet names.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=_EPILOG,
    )
    add_corpus_options(p)
    out = p.add_argument_group("output")
    out.add_argument(
        "-o",
        "--output",
        default="report.html",
        metavar="FILE",
        help="the HTML file to write (default report.html)",
    )
    out.add_argument(
        "--charts", metavar="DIR", help="also write every chart as PNG and SVG into DIR"
    )
    out.add_argument("--tables", metavar="DIR", help="also write every table as CSV into DIR")
    out.add_argument(
        "--story",
        metavar="ID",
        help="report on one story only (an id from `mediakit stories`, or from --story-column)",
    )
    out.add_argument(
        "--stories-top",
        type=int,
        default=None,
        metavar="N",
        help="largest stories that get sections of their own (default 3)",
    )
    out.add_argument(
        "--outlets-top",
        type=int,
        default=None,
        metavar="N",
        help="outlets the charts name, those with most articles; the rest are summed as "
        '"other outlets" (default 10)',
    )
    # Not --title: that one maps the corpus's title column.
    out.add_argument("--report-title", metavar="TEXT", help="the report's heading")
    out.add_argument(
        "--analysed-on",
        metavar="YYYY-MM-DD",
        help="analysis date for the footer (default: when the parse cache was written)",
    )
    return p


def cli_report(args: argparse.Namespace) -> int:
    """Run ``mediakit report`` for parsed arguments; return the exit code.

    Errors the user can fix raise :class:`mediakit.CorpusError` (``main``
    prints them and exits with 2).
    """
    from ..reporting.build import report  # here: building the parser must not load spaCy

    inputs = input_paths(args)
    check_output(Path(args.output), inputs, kind="report", ours=is_report, force=args.force)
    for what in ("charts", "tables"):
        if getattr(args, what):
            check_output_folder(Path(getattr(args, what)), inputs, what=what)
    t0 = time.perf_counter()
    corpus = load_from_args(args)
    out = report(
        corpus,
        args.output,
        title=args.report_title,
        analysed_on=args.analysed_on,
        charts_dir=args.charts,
        tables_dir=args.tables,
        aliases=args.aliases,
        n_process=args.n_process,
        batch_size=args.batch_size,
        cache_dir=False if args.no_cache else args.cache_dir,
        progress=False if args.quiet else None,
        story=args.story,
        section_options={
            k: v
            for k, v in (("stories_top", args.stories_top), ("outlets_top", args.outlets_top))
            if v is not None
        },
    )
    if not args.quiet:
        extras = "".join(
            f", {what} in {d}"
            for what, d in (("charts", args.charts), ("tables", args.tables))
            if d
        )
        what = f"story {args.story} of " if args.story else ""
        print(
            f"{what}{len(corpus)} articles from {corpus['outlet'].nunique()} outlets -> {out} "
            f"({Path(out).stat().st_size:,} bytes{extras}) in {time.perf_counter() - t0:.1f} s"
        )
    return 0
