"""The two editable tables behind entity merging: ``data/aliases.csv`` and ``data/places.txt``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from ...errors import CorpusError
from ...paths import data_dir
from .forms import form_key

__all__ = ["places", "read_alias_table"]


def read_alias_table(aliases: Any) -> dict[str, tuple[str, str]]:
    """alias key -> (canonical, label); the bundled table first, the user's on top."""
    tables = [pd.read_csv(data_dir() / "aliases.csv", dtype=str, keep_default_na=False)]
    if aliases is not None:
        if isinstance(aliases, pd.DataFrame):
            tables.append(aliases.astype(str))
        elif isinstance(aliases, dict):
            tables.append(
                pd.DataFrame({"alias": list(aliases), "canonical": list(aliases.values())})
            )
        else:
            path = Path(aliases)
            if not path.exists():
                raise CorpusError(
                    f"Alias table {path} does not exist; give a CSV with columns alias,canonical,label."
                )
            tables.append(pd.read_csv(path, dtype=str, keep_default_na=False))
    out: dict[str, tuple[str, str]] = {}
    for t in tables:
        if "alias" not in t.columns or "canonical" not in t.columns:
            raise CorpusError(
                f"An alias table needs columns alias,canonical[,label]; found {list(t.columns)}."
            )
        labels = t["label"] if "label" in t.columns else pd.Series([""] * len(t))
        for a, c, lab in zip(t["alias"], t["canonical"], labels, strict=True):
            if str(a).strip():
                out[form_key(str(a))] = (str(c).strip(), str(lab).strip().upper())
    return out


def places() -> frozenset[str]:
    lines = (data_dir() / "places.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(form_key(x) for x in lines if x.strip() and not x.startswith("#"))
