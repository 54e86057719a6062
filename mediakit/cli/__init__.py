"""The ``mediakit`` command line: the same functions as the Python API, wired to files.

One module per command (:mod:`.analyze`, :mod:`.report`, :mod:`.stories`); :mod:`.options`
holds the corpus, mapping and engine options they share.
"""

from __future__ import annotations

import argparse
import sys
import warnings

from .._version import __version__
from ..errors import CorpusError
from .analyze import add_analyze_parser, cli_analyze
from .fetch import add_fetch_parser, cli_fetch
from .report import add_report_parser, cli_report
from .stories import add_stories_parser, cli_stories

__all__ = ["build_parser", "main"]

_DESCRIPTION = """\
Compare how news outlets cover the same story.

SOURCE is a folder of .txt/.md files or saved .html pages (with an optional
metadata.csv beside them), a .csv, .jsonl, .jsonl.gz or .parquet file (links
become one with `mediakit fetch LINK... -o corpus.jsonl`). Leave it out to use the
bundled example corpus (five articles on the November 2024 ATACMS decision).
Columns with other names are mapped once, e.g. --text body --outlet publisher.
"""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for documentation and tests).

    >>> build_parser().prog
    'mediakit'
    """
    parser = argparse.ArgumentParser(
        prog="mediakit",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"mediakit {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    add_analyze_parser(sub)
    add_report_parser(sub)
    add_stories_parser(sub)
    add_fetch_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``mediakit`` console script.

    >>> main(["analyze", "--quiet", "--no-cache"])
    0
    """
    args = build_parser().parse_args(argv)
    warnings.simplefilter("default")
    try:
        if args.command == "analyze":
            return cli_analyze(args)
        if args.command == "report":
            return cli_report(args)
        if args.command == "stories":
            return cli_stories(args)
        if args.command == "fetch":
            return cli_fetch(args)
    except CorpusError as exc:
        print(f"mediakit: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(
            "mediakit: interrupted; finished articles are cached and the next run resumes.",
            file=sys.stderr,
        )
        return 130
    return 1
