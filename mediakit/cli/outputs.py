"""What the commands may write: never onto their input, never over a file of another kind.

``mediakit analyze export.csv -o export.csv`` would replace the corpus with
its metrics table; ``mediakit report mine.jsonl -o mine.jsonl`` with a web
page. Outputs are checked before anything is parsed: an output that is an
input is refused (``--force`` does not change that), and an existing file is
replaced only if it is an earlier output of the same kind (a mediakit
report, a metrics table) or with ``--force``.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from pathlib import Path

from ..errors import OptionError

__all__ = ["check_output", "check_output_folder", "input_paths", "is_report", "is_metrics_table"]

#: The first columns of every metrics table ``mediakit analyze`` writes.
METRICS_HEADER = ("doc_id", "outlet", "title", "characters", "words")


def input_paths(args: argparse.Namespace) -> list[Path]:
    """Every file the command reads: the source (or its metadata.csv), metadata, aliases."""
    found = []
    for name in ("source", "metadata", "aliases"):
        value = getattr(args, name, None)
        if value:
            found.append(Path(value))
    source = getattr(args, "source", None)
    if source and Path(source).is_dir():
        found.append(Path(source) / "metadata.csv")
    return [p for p in found if p.exists()]


def _same(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def is_report(path: Path) -> bool:
    """Whether ``path`` is a report mediakit wrote (its generator tag says so)."""
    try:
        with path.open("rb") as f:
            head = f.read(4096)
    except OSError:
        return False
    return b'<meta name="generator" content="mediakit' in head


def is_metrics_table(path: Path) -> bool:
    """Whether ``path`` is a metrics table ``mediakit analyze`` wrote (by its first columns)."""
    try:
        if path.suffix.lower() == ".parquet":
            import pyarrow.parquet as pq

            names = tuple(pq.read_schema(path).names[: len(METRICS_HEADER)])
        else:
            with path.open("r", encoding="utf-8", errors="replace") as f:
                names = tuple(f.readline().strip().split(",")[: len(METRICS_HEADER)])
    except Exception:  # unreadable: not ours
        return False
    return names == METRICS_HEADER


def check_output(
    path: Path, inputs: list[Path], *, kind: str, ours: Callable[[Path], bool], force: bool
) -> None:
    """Refuse an output that is a folder, an input, or (without ``force``) another kind of file."""
    if path.is_dir():
        raise OptionError(
            f"Cannot write the {kind} to {path}: it is a folder. Name a file, e.g. "
            f"-o {path / ('report.html' if kind == 'report' else 'metrics.csv')}."
        )
    for given in inputs:
        if _same(path, given):
            raise OptionError(
                f"Cannot write the {kind} to {path}: that is an input of this command and "
                "would be overwritten. Choose another output name."
            )
    if path.exists() and not force and not ours(path):
        raise OptionError(
            f"Cannot write the {kind} to {path}: the file exists and is not a {kind} mediakit "
            "wrote. Choose another name, or pass --force to overwrite it."
        )


def check_output_folder(folder: Path, inputs: list[Path], *, what: str) -> None:
    """Refuse a ``--charts``/``--tables`` folder that is a file or holds an input."""
    if folder.exists() and not folder.is_dir():
        raise OptionError(f"--{what} {folder}: that is a file, not a folder. Name a folder.")
    for given in inputs:
        if given.is_file() and _same(given.parent, folder):
            raise OptionError(
                f"--{what} {folder}: the folder holds an input of this command ({given.name}), "
                f"which an exported file could overwrite. Choose another folder for --{what}."
            )
