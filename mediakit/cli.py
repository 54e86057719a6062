"""The ``mediakit`` command line: the same functions as the Python API, wired to files."""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

from ._version import __version__
from .errors import CorpusError

_MAPPING = ("doc_id", "text", "outlet", "title", "date")

_DESCRIPTION = """\
Compare how news outlets cover the same story.

SOURCE is a folder of .txt/.md files (with an optional metadata.csv beside
them), a .csv, .jsonl, .jsonl.gz or .parquet file. Leave it out to use the
bundled example corpus (five articles on the November 2024 ATACMS decision).
Columns with other names are mapped once, e.g. --text body --outlet publisher.
"""


def _add_corpus_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("source", nargs="?", default=None, help="corpus to load (default: the bundled corpus)")
    g = p.add_argument_group("column mapping (name the column of your file that holds each field)")
    for name in _MAPPING:
        g.add_argument(f"--{name.replace('_', '-')}", dest=name, metavar="COLUMN", help=f"column holding {name}")
    g.add_argument("--metadata", metavar="CSV", help="metadata table for a folder of text files")
    e = p.add_argument_group("engine")
    e.add_argument("--n-process", type=int, default=None, metavar="N",
                   help="worker processes for parsing (default: 1 for small corpora, all cores for large)")
    e.add_argument("--batch-size", type=int, default=32, metavar="N", help="texts per nlp.pipe batch (default 32)")
    e.add_argument("--cache-dir", metavar="DIR", help="parse cache folder (default: per-user cache, or $MEDIAKIT_CACHE_DIR)")
    e.add_argument("--no-cache", action="store_true", help="do not read or write the disk cache")
    e.add_argument("--aliases", metavar="CSV", help="alias table (alias,canonical,label) overriding entity merging")
    e.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no summary")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for documentation and tests).

    >>> build_parser().prog
    'mediakit'
    """
    parser = argparse.ArgumentParser(
        prog="mediakit", description=_DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--version", action="version", version=f"mediakit {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    a = sub.add_parser(
        "analyze",
        help="measure every article and write the metrics table",
        description="Measure every article (length, readability, entities) and write one row per article.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="Examples:\n  mediakit analyze -o metrics.csv\n"
        "  mediakit analyze articles.jsonl.gz --doc-id id -o metrics.parquet\n"
        "  mediakit analyze export.csv --text body --outlet publisher -o out.csv",
    )
    _add_corpus_options(a)
    a.add_argument("-o", "--output", metavar="FILE",
                   help="write the table to FILE (.csv or .parquet); without it a summary is printed")
    from .reporting.cli import add_report_parser

    add_report_parser(sub)
    return parser


def _load(args: argparse.Namespace):
    from .loaders import load_corpus

    mapping = {k: getattr(args, k) for k in _MAPPING if getattr(args, k)}
    return load_corpus(args.source, metadata=args.metadata, **mapping)


def _analyze(args: argparse.Namespace) -> int:
    from .metrics import analyze

    out = Path(args.output) if args.output else None
    if out is not None and out.suffix.lower() not in (".csv", ".parquet"):
        raise CorpusError(f"Cannot write {out}: use a .csv or .parquet file name.")
    t0 = time.perf_counter()
    corpus = _load(args)
    metrics = analyze(
        corpus,
        n_process=args.n_process,
        batch_size=args.batch_size,
        cache_dir=False if args.no_cache else args.cache_dir,
        progress=False if args.quiet else None,
        aliases=args.aliases,
    )
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        if out.suffix.lower() == ".csv":
            metrics.to_csv(out, index=False)
        else:
            metrics.to_parquet(out, index=False)
    if not args.quiet:
        cols = ["outlet", "words", "sentences", "flesch_reading_ease", "consensus_grade", "person_mentions"]
        summary = metrics.groupby("outlet", sort=True)[cols[1:]].mean().round(1)
        print(summary.to_string())
        where = f" -> {out}" if out else ""
        print(f"\n{len(metrics)} articles from {metrics['outlet'].nunique()} outlets analysed in "
              f"{time.perf_counter() - t0:.1f} s{where}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``mediakit`` console script.

    >>> main(["analyze", "--quiet", "--no-cache"])
    0
    """
    args = build_parser().parse_args(argv)
    warnings.simplefilter("default")
    try:
        if args.command == "analyze":
            return _analyze(args)
        if args.command == "report":
            from .reporting.cli import cli_report

            return cli_report(args)
    except CorpusError as exc:
        print(f"mediakit: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("mediakit: interrupted; finished articles are cached and the next run resumes.", file=sys.stderr)
        return 130
    return 1


if __name__ == "__main__":
    sys.exit(main())
