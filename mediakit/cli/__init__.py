"""The ``mediakit`` command line: the same functions as the Python API, wired to files.

One module per command (:mod:`.analyze`, :mod:`.report`, :mod:`.stories`, :mod:`.fetch`); :mod:`.options`
holds the corpus, mapping and engine options they share.
"""

from __future__ import annotations

import argparse
import sys
import warnings

from .._version import __version__
from ..errors import CorpusError, OptionError
from .analyze import add_analyze_parser, cli_analyze
from .fetch import add_fetch_parser, cli_fetch
from .options import add_debug_option
from .report import add_report_parser, cli_report
from .stories import add_stories_parser, cli_stories

__all__ = ["build_parser", "error_line", "main"]

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
    add_debug_option(parser, top=True)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    add_analyze_parser(sub)
    add_report_parser(sub)
    add_stories_parser(sub)
    add_fetch_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``mediakit`` console script.

    Every error mediakit knows is one line on stderr (``mediakit: error: ...``)
    and an exit status: 2 for a usage error (an option or path), 1 for data
    that cannot be used, 130 for Ctrl-C. ``--debug`` shows the traceback.

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
    except KeyboardInterrupt:
        print(
            "mediakit: interrupted; finished articles are cached and the next run resumes.",
            file=sys.stderr,
        )
        return 130
    except Exception as exc:  # every error becomes one line unless --debug asks for more
        if getattr(args, "debug", False):
            raise
        print(f"mediakit: error: {error_line(exc)}", file=sys.stderr)
        return 2 if isinstance(exc, OptionError) else 1
    return 1


def error_line(exc: BaseException) -> str:
    """The one line the command prints for an error.

    >>> error_line(FileNotFoundError(2, "No such file or directory", "out/x.csv"))
    'out/x.csv: No such file or directory'
    >>> error_line(ZeroDivisionError("division by zero"))
    'internal error (ZeroDivisionError: division by zero); run again with --debug to see where, and report it'
    """
    if isinstance(exc, CorpusError):
        return " ".join(str(exc).split("\n"))
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{exc.strerror or exc}"
    if isinstance(exc, MemoryError):
        return "out of memory; try fewer articles at a time or --n-process 1"
    return (
        f"internal error ({type(exc).__name__}: {exc}); run again with --debug to see where, "
        "and report it"
    )
