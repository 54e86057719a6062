"""Options every command shares: the corpus, its column mapping and the parse engine."""

from __future__ import annotations

import argparse

import pandas as pd

from ..corpus import load_corpus

__all__ = ["MAPPING", "add_corpus_options", "add_debug_option", "load_from_args", "positive_int"]

MAPPING = ("doc_id", "text", "outlet", "title", "date")


def positive_int(value: str) -> int:
    """An argparse type: a whole number of at least 1.

    >>> positive_int("8")
    8
    """
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def add_debug_option(p: argparse.ArgumentParser, *, top: bool = False) -> None:
    """``--debug``: show the full traceback of an error (on the top parser and each command)."""
    p.add_argument(
        "--debug",
        action="store_true",
        # On a command, SUPPRESS keeps `mediakit --debug analyze` from being reset to False.
        default=False if top else argparse.SUPPRESS,
        help="on an error, show the full Python traceback (for bug reports)",
    )


def add_corpus_options(p: argparse.ArgumentParser) -> None:
    """Add SOURCE, the column mapping (``--text COLUMN``...) and the engine options to ``p``."""
    p.add_argument(
        "source", nargs="?", default=None, help="corpus to load (default: the bundled corpus)"
    )
    g = p.add_argument_group("column mapping (name the column of your file that holds each field)")
    for name in MAPPING:
        g.add_argument(
            f"--{name.replace('_', '-')}",
            dest=name,
            metavar="COLUMN",
            help=f"column holding {name}",
        )
    g.add_argument(
        "--story-column",
        dest="story_column",
        metavar="COLUMN",
        help="column holding each article's story (event id); default: a column named story",
    )
    g.add_argument("--metadata", metavar="CSV", help="metadata table for a folder of text files")
    e = p.add_argument_group("engine")
    e.add_argument(
        "--n-process",
        type=positive_int,
        default=None,
        metavar="N",
        help="worker processes for parsing (default: 1 for small corpora, all cores for large)",
    )
    e.add_argument(
        "--batch-size",
        type=positive_int,
        default=32,
        metavar="N",
        help="texts per nlp.pipe batch (default 32)",
    )
    e.add_argument(
        "--cache-dir",
        metavar="DIR",
        help="parse cache folder (default: per-user cache, or $MEDIAKIT_CACHE_DIR)",
    )
    e.add_argument("--no-cache", action="store_true", help="do not read or write the disk cache")
    e.add_argument(
        "--aliases",
        metavar="CSV",
        help="alias table (alias,canonical,label) overriding entity merging",
    )
    e.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no summary")
    e.add_argument(
        "--force",
        action="store_true",
        help="overwrite an existing output file even if mediakit did not write it "
        "(an input is never overwritten)",
    )
    add_debug_option(e)


def load_from_args(args: argparse.Namespace) -> pd.DataFrame:
    """The corpus the parsed arguments name (``load_corpus`` with their column mapping)."""
    mapping = {k: getattr(args, k) for k in MAPPING if getattr(args, k)}
    if getattr(args, "story_column", None):
        mapping["story"] = args.story_column
    return load_corpus(args.source, metadata=args.metadata, **mapping)
