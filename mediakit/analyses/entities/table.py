"""``entities``: one row per entity mention, its canonical name and corrected label.

The small NER model's raw output is cleaned in stages, all from evidence
inside the corpus (plus two editable tables in ``data/``), one module each:

1. :mod:`.collect`: spans are trimmed (possessive "’s", a leading "the",
   titles such as "President" before a person's name); spans inside
   headline-style lines are set aside, because the model reads Title Case
   as names;
2. :mod:`.merge`: surface forms are grouped: accents, dots in "U.S."-style
   initials and case do not matter; full person names that differ by a
   letter ("Zelensky" / "Zelenskyy") are merged; "Army Tactical Missile
   Systems (ATACMS)" links an acronym to its expansion; ``aliases.csv``
   overrides everything;
3. :mod:`.surnames`: the people a one-word name may be the surname of;
4. :mod:`.recover`: every other occurrence of a known name is recovered as a
   mention, also where the model missed it;
5. :mod:`.resolve`: a one-word name ("Biden", "Hillary", "Mr. Fairfax") is
   linked to the full name used in the same article (whatever the model's
   label), else in the same story, else the one that dominates the corpus;
   a month used as a date ("end of May") is no name; "the Clintons" are a
   family of their own;
6. :mod:`.labels`: labels are voted: model labels plus context evidence
   ("in Sumy", "Kursk region" -> place; "ATACMS missiles" -> product); a name
   is a person only with person evidence (a full name, a title, "X said");
   capitalised words used mostly in lower case ("Strikes") are dropped;
   ``places.txt`` names places that are never persons.

The result is memoised per corpus and alias table, and kept beside the parse
cache; the key covers every file of this package, so a changed rule never
serves stale counts.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from functools import lru_cache
from pathlib import Path
from sys import intern
from typing import Any

import numpy as np
import pandas as pd

from ..._version import __version__
from ...memory import release_freed_memory
from ...parsing.parsed import ParsedCorpus, parse_corpus
from ...paths import data_dir
from ..map_articles import resolve_engine
from .aliases import places, read_alias_table
from .collect import collect_mentions
from .labels import decide_labels, gather_evidence
from .merge import group_forms
from .recover import recover_mentions
from .resolve import resolve_mentions
from .surnames import find_surnames

__all__ = ["COLUMNS", "entities", "entities_of"]

COLUMNS = [
    "doc_id", "outlet", "text", "label", "start_char", "end_char", "sentence",
    "canonical", "source", "model_label",
]  # fmt: skip


def entities(
    corpus: Any = None, *, aliases: Any = None, engine: str = "local", **parse_options: Any
) -> pd.DataFrame:
    """One row per entity mention, with its canonical name and corrected label.

    Columns: ``doc_id, outlet, text, label, start_char, end_char, sentence,
    canonical, source, model_label``. ``text`` is the mention as written,
    ``start_char``/``end_char`` are offsets into the corpus's ``text``,
    ``sentence`` is the index of its sentence in :func:`mediakit.sentences`,
    ``source`` says whether the model found it (``model``) or mediakit
    recovered a missed occurrence of a known name (``recovered``),
    ``model_label`` is the model's own label ("" when recovered).

    ``aliases`` (a CSV path, a DataFrame with ``alias,canonical[,label]`` or a
    ``{alias: canonical}`` dict) overrides the automatic merging and labels; a
    label ``IGNORE`` drops a name. Parse options (``n_process``, ``cache_dir``,
    ...) are those of :func:`mediakit.analyze`.

    ``engine="dask"`` parses and reads each article's name spans (stage 1)
    on the active ``dask.distributed`` cluster; the stages that look across
    articles run here. The table is identical to a local run.

    >>> ents = entities(cache_dir=False)
    >>> biden = ents[(ents.canonical == "Joe Biden")]
    >>> sorted(biden.label.unique())
    ['PERSON']
    """
    return entities_of(parse_corpus(corpus, engine=engine, **parse_options), aliases=aliases)


_MEMO: dict[str, pd.DataFrame] = {}


@lru_cache(maxsize=1)
def _rules_digest() -> bytes:
    # Every file of this package plus the places list: a changed rule is a new key.
    h = hashlib.blake2b(digest_size=16)
    for path in sorted(Path(__file__).resolve().parent.glob("*.py")):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    h.update((data_dir() / "places.txt").read_bytes())
    return h.digest()


def _memo_key(pc: ParsedCorpus, alias_map: dict) -> str:
    h = hashlib.blake2b(_rules_digest(), digest_size=16)
    for part in (__version__, pc.model_id, repr(sorted(alias_map.items()))):
        h.update(part.encode())
    for d, o, k in zip(pc.corpus["doc_id"], pc.corpus["outlet"], pc.keys, strict=True):
        h.update(f"\x00{d}\x01{o}\x01{k}".encode())
    return h.hexdigest()


def entities_of(pc: ParsedCorpus, aliases: Any = None, engine: str | None = None) -> pd.DataFrame:
    """:func:`entities` for an already parsed corpus (memoised per corpus and alias table).

    ``engine`` (``"local"`` or ``"dask"``) defaults to the engine ``pc`` was parsed with.

    >>> from mediakit.parsing.parsed import parse_corpus
    >>> pc = parse_corpus(cache_dir=False)
    >>> entities_of(pc).equals(entities_of(pc))
    True
    """
    engine = resolve_engine(engine, pc)
    alias_map = read_alias_table(aliases)
    key = _memo_key(pc, alias_map)
    if key in _MEMO:
        return _MEMO[key].copy()
    table = pc.store.read_derived("entities", key)
    if table is None:
        table = compute_entities(pc, alias_map, engine=engine)
        pc.store.write_derived("entities", key, table)
    if len(_MEMO) > 8:
        _MEMO.clear()
    _MEMO[key] = table
    return table.copy()


def compute_entities(
    pc: ParsedCorpus, alias_map: dict[str, tuple[str, str]], engine: str = "local"
) -> pd.DataFrame:
    """Run the six stages (see the module notes) and build the mention table.

    ``engine="dask"``: stage 1 runs article by article on the active Dask client.
    """
    found = collect_mentions(pc, engine=engine)
    grouping = group_forms(found, alias_map)
    known_places = places()
    surnames = find_surnames(found, grouping, alias_map, known_places)
    names = found.names + recover_mentions(found)
    found.drop_tokens()
    stories = pc.corpus["story"].tolist() if "story" in pc.corpus.columns else None
    resolved = resolve_mentions(names, grouping, surnames, found, known_places, stories)
    names = [m for m, root in zip(names, resolved, strict=True) if root is not None]
    entity_of = [root for root in resolved if root is not None]
    del resolved
    evidence = gather_evidence(names, entity_of, found.texts)
    decided = decide_labels(evidence, grouping, surnames, found.lower_counts, known_places)
    table = _mention_table(pc, names, entity_of, decided, found.numeric, found.sent_starts)
    del names, entity_of, found, evidence
    release_freed_memory()  # millions of mention objects on a large corpus, now gone
    return table


def _mention_table(  # noqa: PLR0913
    pc: ParsedCorpus, names, entity_of, decided, numeric, sent_starts
) -> pd.DataFrame:
    """The mentions with a decided entity, then the numeric spans, by article and offset.

    Built a column at a time (a list of references per column, then NumPy
    integers and Arrow strings) rather than a tuple per mention.
    """
    found = [decided.get(root) for root in entity_of]  # (canonical, label), None: dropped
    kept = [m for m, d in zip(names, found, strict=True) if d is not None]
    how = [d for d in found if d is not None]
    del found
    cols = {
        "doc": [m.doc for m in kept] + [m.doc for m in numeric],
        "start": [m.start for m in kept] + [m.start for m in numeric],
        "end": [m.end for m in kept] + [m.end for m in numeric],
        "text": [m.surface for m in kept] + [m.surface for m in numeric],
        "label": [d[1] for d in how] + [m.model_label for m in numeric],
        "canonical": [d[0] for d in how] + [intern(" ".join(m.surface.split())) for m in numeric],
        "source": [m.source for m in kept] + ["model"] * len(numeric),
        "model_label": [m.model_label for m in kept] + [m.model_label for m in numeric],
    }
    del kept, how
    doc = np.array(cols.pop("doc"), dtype=np.int64)
    start = np.array(cols.pop("start"), dtype=np.int64)
    end = np.array(cols.pop("end"), dtype=np.int64)
    order = np.lexsort((end, start, doc))  # stable: ties keep names before numbers
    doc, start, end = doc[order], start[order], end[order]
    sentence = np.fromiter(
        (
            max(0, bisect_right(sent_starts[d], s) - 1)
            for d, s in zip(doc.tolist(), start.tolist(), strict=True)
        ),
        dtype=np.int64,
        count=len(doc),
    )
    ids = pc.corpus["doc_id"].astype("str").array
    outlets = pc.corpus["outlet"].astype("str").array
    data = {
        "doc_id": ids.take(doc),
        "outlet": outlets.take(doc),
        "start_char": pd.array(start, dtype="int64"),
        "end_char": pd.array(end, dtype="int64"),
        "sentence": pd.array(sentence, dtype="int64"),
    }
    order_list = order.tolist()
    for c in ("text", "label", "canonical", "source", "model_label"):
        values = cols.pop(c)  # put in order as references, then made Arrow strings once
        data[c] = pd.array([values[i] for i in order_list], dtype="str")
        del values
    return pd.DataFrame(data, columns=COLUMNS)
