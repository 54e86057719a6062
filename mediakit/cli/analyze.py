"""``mediakit analyze``: measure every article and write the metrics table."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from ..errors import OptionError
from .options import add_corpus_options, load_from_args
from .outputs import check_output, input_paths, is_metrics_table

__all__ = ["add_analyze_parser", "cli_analyze"]


def add_analyze_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add the ``analyze`` subcommand."""
    a = sub.add_parser(
        "analyze",
        help="measure every article and write the metrics table",
        description="Measure every article (length, readability, entities) and write one row per article.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="Examples:\n  mediakit analyze -o metrics.csv\n"
        "  mediakit analyze articles.jsonl.gz --doc-id id -o metrics.parquet\n"
        "  mediakit analyze export.csv --text body --outlet publisher -o out.csv",
    )
    add_corpus_options(a)
    a.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write the table to FILE (.csv or .parquet); without it a summary is printed",
    )
    return a


def cli_analyze(args: argparse.Namespace) -> int:
    """Run ``mediakit analyze`` for parsed arguments; return the exit code."""
    from ..analyses.metrics import analyze  # here: building the parser must not load spaCy
    from ..memory import release_freed_memory
    from ..reporting.spreadsheet import write_csv

    out = Path(args.output) if args.output else None
    if out is not None:
        if out.suffix.lower() not in (".csv", ".parquet"):
            raise OptionError(f"Cannot write {out}: use a .csv or .parquet file name.")
        check_output(
            out, input_paths(args), kind="metrics table", ours=is_metrics_table, force=args.force
        )
    t0 = time.perf_counter()
    # The metrics read only the cleaned text: the raw text (about half of a
    # large corpus's table) is let go before the parse.
    corpus = load_from_args(args).drop(columns=["raw_text"])
    release_freed_memory()
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
            write_csv(metrics, out)
        else:
            metrics.to_parquet(out, index=False)
    if not args.quiet:
        cols = [
            "outlet",
            "words",
            "sentences",
            "flesch_reading_ease",
            "consensus_grade",
            "person_mentions",
        ]
        summary = metrics.groupby("outlet", sort=True)[cols[1:]].mean().round(1)
        print(summary.to_string())
        where = f" -> {out}" if out else ""
        print(
            f"\n{len(metrics)} articles from {metrics['outlet'].nunique()} outlets analysed in "
            f"{time.perf_counter() - t0:.1f} s{where}"
        )
    return 0
