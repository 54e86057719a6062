"""The two editable tables behind entity merging: ``data/aliases.csv`` and ``data/places.txt``.

An alias table is read like a corpus file (any encoding the corpus reader
knows, delimiter sniffed, malformed rows reported by line) and every row is
checked: a name needs a canonical form (or the label ``IGNORE``, which drops
it), and a label must be one mediakit counts, so that a typo such as
``POLITICIAN`` does not silently stop a person being counted.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from ...corpus.columns import is_missing
from ...corpus.csvfile import read_csv_text
from ...corpus.decode import read_text
from ...errors import CorpusError, OptionError
from ...paths import data_dir
from ...vocab import NAME_LABELS
from .forms import form_key

__all__ = ["ALIAS_LABELS", "places", "read_alias_table"]

#: Labels an alias row may give: a name label, IGNORE (drop the name) or none (keep the model's).
ALIAS_LABELS = (*NAME_LABELS, "IGNORE", "")


def _read_csv(path: Path) -> tuple[pd.DataFrame, list[str]]:
    text, _ = read_text(path)
    if not text.strip():
        raise CorpusError(
            f"Alias table {path} is empty. It needs a header line alias,canonical,label and "
            "one row per name, e.g. 'Biden,Joe Biden,PERSON'."
        )
    table, lines = read_csv_text(text, str(path), lambda header: header)
    return table, [f"{path}:{n}" for n in lines]


def _as_table(aliases: Any) -> tuple[pd.DataFrame, list[str]]:
    if isinstance(aliases, pd.DataFrame):
        return aliases, [f"alias table row {i}" for i in range(len(aliases))]
    if isinstance(aliases, dict):
        table = pd.DataFrame({"alias": list(aliases), "canonical": list(aliases.values())})
        return table, [f"aliases[{a!r}]" for a in aliases]
    path = Path(aliases)
    if not path.is_file():
        raise OptionError(
            f"Alias table {path} does not exist; give a CSV with columns alias,canonical,label."
        )
    return _read_csv(path)


def _text(value: Any) -> str:
    return "" if is_missing(value) else str(value).strip()


def _rows(table: pd.DataFrame, where: list[str]) -> dict[str, tuple[str, str]]:
    if "alias" not in table.columns or "canonical" not in table.columns:
        raise CorpusError(
            f"An alias table needs columns alias,canonical[,label]; found {list(table.columns)}."
        )
    labels = table["label"] if "label" in table.columns else pd.Series([""] * len(table))
    out: dict[str, tuple[str, str]] = {}
    for a, c, lab, at in zip(table["alias"], table["canonical"], labels, where, strict=True):
        alias, canonical, label = _text(a), _text(c), _text(lab).upper()
        if not alias:
            continue
        if label not in ALIAS_LABELS:
            raise CorpusError(
                f"{at}: alias {alias!r} has the label {label!r}, which mediakit does not know. "
                f"Use one of {', '.join(x for x in ALIAS_LABELS if x)} (IGNORE drops the name), "
                "or leave it empty to keep the model's label."
            )
        if not canonical and label != "IGNORE":
            raise CorpusError(
                f"{at}: alias {alias!r} has no canonical name. Write the name to count it "
                "under, or give it the label IGNORE to drop it."
            )
        out[form_key(alias)] = (canonical, label)
    return out


def read_alias_table(aliases: Any) -> dict[str, tuple[str, str]]:
    """alias key -> (canonical, label); the bundled table first, the user's on top.

    ``aliases`` is a CSV path, a DataFrame or a dict ``{alias: canonical}``.

    >>> read_alias_table({"Kiev": "Kyiv"})["kiev"]
    ('Kyiv', '')
    """
    out = _rows(*_read_csv(data_dir() / "aliases.csv"))
    if aliases is not None:
        out.update(_rows(*_as_table(aliases)))
    return out


def places() -> frozenset[str]:
    lines = (data_dir() / "places.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(form_key(x) for x in lines if x.strip() and not x.startswith("#"))
