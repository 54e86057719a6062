"""``mediakit fetch``: download news pages and save their articles as a corpus file."""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

from ..errors import OptionError
from .options import add_debug_option

__all__ = ["add_fetch_parser", "cli_fetch", "pages_dir_for"]

_EPILOG = """\
Examples:
  mediakit fetch https://www.example.com/news/a https://www.example.org/b -o corpus.jsonl
  mediakit fetch links.txt -o corpus.jsonl       # a text file with one link a line
  mediakit report corpus.jsonl -o report.html    # then compare the outlets

The pages are kept beside the corpus (corpus_pages/ for corpus.jsonl): running
the command again reads them instead of downloading (--refresh downloads again).
Links that give no article are listed with the reason; the exit code is 0 when
at least one article was saved, 1 when none was.
"""


def add_fetch_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add the ``fetch`` subcommand."""
    f = sub.add_parser(
        "fetch",
        help="download news pages and save their articles as a corpus",
        description="Download news pages, extract each article (text, title, outlet, date,\n"
        "authors) and save them as a corpus file for the other commands.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=_EPILOG,
    )
    f.add_argument(
        "links", nargs="+", metavar="LINK", help="a link (https://...) or a text file of links"
    )
    add_debug_option(f)
    f.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="corpus to write (.jsonl, .jsonl.gz)"
    )
    f.add_argument(
        "--pages",
        metavar="DIR",
        help="where downloaded pages are kept (default: FILE's name + _pages, beside it)",
    )
    f.add_argument("--overwrite", action="store_true", help="replace FILE if it exists")
    f.add_argument("--refresh", action="store_true", help="download saved pages again")
    g = f.add_argument_group("politeness and patience")
    g.add_argument("--timeout", type=float, default=20.0, metavar="S", help="per page (20)")
    g.add_argument("--retries", type=int, default=2, metavar="N", help="per page (2)")
    g.add_argument(
        "--concurrency", type=int, default=4, metavar="N", help="pages at once, one per site (4)"
    )
    g.add_argument(
        "--delay", type=float, default=1.0, metavar="S", help="between requests to a site (1)"
    )
    f.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no summary")
    return f


def pages_dir_for(output: Path) -> Path:
    """The default folder for the pages of corpus file ``output``.

    >>> pages_dir_for(Path("out/corpus.jsonl.gz"))
    PosixPath('out/corpus_pages')
    """
    name = output.name
    for suffix in (".jsonl.gz", ".jsonl"):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    return output.with_name(f"{name}_pages")


def cli_fetch(args: argparse.Namespace) -> int:
    """Run ``mediakit fetch`` for parsed arguments; return the exit code."""
    from ..corpus.fetch import fetch_articles

    out = Path(args.output)
    if not out.name.lower().endswith((".jsonl", ".jsonl.gz")):
        raise OptionError(f"Cannot write {out}: use a .jsonl or .jsonl.gz file name.")
    if out.exists() and not args.overwrite:
        raise OptionError(
            f"{out} already exists and is not replaced. Choose another -o, or add --overwrite "
            "(pages already downloaded are read again, not downloaded)."
        )
    pages = Path(args.pages) if args.pages else pages_dir_for(out)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # the failures are printed below
        fetched = fetch_articles(
            args.links,
            pages_dir=pages,
            refresh=args.refresh,
            timeout=args.timeout,
            retries=args.retries,
            concurrency=args.concurrency,
            delay=args.delay,
            progress=not args.quiet,
        )
    for row in fetched.failures.itertuples():
        print(f"mediakit: {row.url}\n    {row.reason}: {row.detail}", file=sys.stderr)
    if fetched.corpus.empty:
        print(f"mediakit: no article could be fetched; {out} was not written.", file=sys.stderr)
        return 1
    fetched.save(out, overwrite=args.overwrite)
    if not args.quiet:
        n_outlets = fetched.corpus["outlet"].nunique()
        print(
            f"{len(fetched.corpus)} article(s) from {n_outlets} outlet(s) -> {out} "
            f"({len(fetched.failures)} link(s) gave none; pages kept in {pages})"
        )
        print(f"next: mediakit report {out} -o report.html")
    return 0
