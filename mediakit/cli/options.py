"""Options every command shares: the corpus, its column mapping and the parse engine."""

from __future__ import annotations

import argparse

import pandas as pd

from ..corpus import load_corpus

__all__ = ["MAPPING", "add_corpus_options", "load_from_args"]

MAPPING = ("doc_id", "text", "outlet", "title", "date")


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
        type=int,
        default=None,
        metavar="N",
        help="worker processes for parsing (default: 1 for small corpora, all cores for large)",
    )
    e.add_argument(
        "--batch-size",
        type=int,
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


def load_from_args(args: argparse.Namespace) -> pd.DataFrame:
    """The corpus the parsed arguments name (``load_corpus`` with their column mapping)."""
    mapping = {k: getattr(args, k) for k in MAPPING if getattr(args, k)}
    if getattr(args, "story_column", None):
        mapping["story"] = args.story_column
    return load_corpus(args.source, metadata=args.metadata, **mapping)
