"""``derived_table``: a report's per-article analysis table, kept beside the parse cache.

Quotes and figures are read article by article from the parse and the entity
table: seconds per thousand articles that a second report on the same corpus
need not spend again. The key covers the corpus (ids, outlets, text keys,
titles, dates, stories), the alias table, the mediakit version and every
file of the analyses, the parsing code and the bundled data, so a changed
rule or input is a new key and never a stale table.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from .._version import __version__
from ..analyses.entities.aliases import read_alias_table
from ..parsing.parsed import ParsedCorpus
from ..paths import data_dir

__all__ = ["derived_table"]

_PACKAGE = Path(__file__).resolve().parents[1]
# Columns of the corpus an analysis may read besides the parse (stories use titles and dates).
_KEYED = ("doc_id", "outlet", "title", "date", "story")


@lru_cache(maxsize=1)
def _rules_digest() -> bytes:
    h = hashlib.blake2b(digest_size=16)
    files = [
        *sorted((_PACKAGE / "analyses").rglob("*.py")),
        *sorted((_PACKAGE / "parsing").glob("*.py")),
        _PACKAGE / "vocab.py",
        *sorted(p for p in data_dir().rglob("*") if p.is_file()),
    ]
    for path in files:
        h.update(str(path.relative_to(path.anchor)).encode() + b"\0" + path.read_bytes())
    return h.digest()


def _key(pc: ParsedCorpus, kind: str, aliases: Any, options: Any) -> str:
    h = hashlib.blake2b(_rules_digest(), digest_size=16)
    alias_map = sorted(read_alias_table(aliases).items())
    h.update(repr((kind, __version__, pc.model_id, alias_map, options)).encode())
    corpus = pc.corpus
    columns = [[str(v) for v in corpus[c].tolist()] for c in _KEYED if c in corpus.columns]
    h.update(repr([c for c in _KEYED if c in corpus.columns]).encode())
    for row in zip(pc.keys, *columns, strict=True):
        h.update("\x00".join(row).encode() + b"\x01")
    return h.hexdigest()


def derived_table(
    pc: ParsedCorpus,
    kind: str,
    compute: Callable[[], pd.DataFrame],
    *,
    aliases: Any = None,
    options: Any = None,
) -> pd.DataFrame:
    """``compute()``, or the table it gave for this corpus before (kept in ``pc``'s cache).

    ``kind`` names the table ("quotes", "figures"); ``compute`` must depend
    only on ``pc``, ``aliases``, ``options`` (anything with a faithful
    ``repr``: the settings ``compute`` uses) and mediakit's own rules and
    data. Without a disk cache it simply computes.

    >>> from mediakit.parsing.parsed import parse_corpus
    >>> pc = parse_corpus(cache_dir=False)
    >>> len(derived_table(pc, "example", lambda: pd.DataFrame({"n": [1, 2]})))
    2
    """
    key = _key(pc, kind, aliases, options)
    table = pc.store.read_derived(kind, key)
    if table is None:
        table = compute()
        pc.store.write_derived(kind, key, table)
    return table
