"""On-disk cache of parse records: Parquet part files keyed by the text's hash.

A folder per (model, model version, mediakit version) holds ``part-*.parquet``
files, one row per article text. Files are written to a temporary name and
renamed, so an interrupted run never leaves half a file; every page carries a
checksum so a damaged file is detected on read, reported, set aside as
``*.corrupt`` and its articles parsed again.

This is the only module that touches cache files: tables derived from a
parse (canonical entities) are kept beside it through
:meth:`ParseStore.read_derived` / :meth:`ParseStore.write_derived`, the date
a corpus was parsed comes from :meth:`ParseStore.written_on`, and other
cached files (the chart JavaScript bundle) live under :func:`asset_path`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import uuid
import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from .._version import __version__
from ..errors import CorpusError
from ..paths import default_cache_dir
from .schema import SCHEMA, schema_problem

#: Records decoded at a time when a part file is read.
READ_BATCH = 1024

#: Compact the folder into one file when it holds more parts than this.
MAX_PARTS = 64

# How often a read starts over when another process compacts the parts under it.
_RETRIES = 5


def text_key(text: str) -> str:
    """Content hash of one article text: the cache key.

    >>> text_key("Hello.") == text_key("Hello.")
    True
    >>> len(text_key("Hello."))
    32
    """
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def cache_root(cache_dir: Path | str | None | bool = None) -> Path | None:
    """The cache folder for ``cache_dir`` (``None``/``True``: the per-user default; ``False``: none).

    >>> cache_root(False) is None, cache_root("/tmp/x") == Path("/tmp/x")
    (True, True)
    """
    if cache_dir is False:
        return None
    return Path(cache_dir).expanduser() if cache_dir not in (None, True) else default_cache_dir()


def asset_path(name: str, cache_dir: Path | str | None | bool = None) -> Path | None:
    """Where a cached asset file (not a parse record) lives; None without a disk cache.

    >>> asset_path("bundle.js", "/tmp/c")
    PosixPath('/tmp/c/assets/bundle.js')
    """
    root = cache_root(cache_dir)
    return None if root is None else root / "assets" / name


class CacheWarning(UserWarning):
    """A cache file was damaged and has been set aside; its articles are parsed again."""


class ParseStore:
    """Parse records by text key, in a folder (``directory``) or only in memory (``None``).

    >>> store = ParseStore(None)
    >>> store.keys()
    set()
    """

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory
        self._memory: list[pa.Table] = []
        self._pending: list[pa.RecordBatch] = []
        self._index: dict[str, int] | None = None  # key -> n_chars
        if directory is not None:
            _make_folder(directory)

    @classmethod
    def for_model(cls, model_id: str, cache_dir: Path | str | None | bool = None) -> ParseStore:
        """The store for one model; ``cache_dir=False`` keeps records in memory only.

        >>> ParseStore.for_model("en_x-1", cache_dir=False).directory is None
        True
        """
        root = cache_root(cache_dir)
        if root is None:
            return cls(None)
        return cls(root / model_id / f"mediakit-{__version__}" / "parse")

    # -- reading ---------------------------------------------------------------
    def _parts(self) -> list[Path]:
        if self.directory is None:
            return []
        return sorted(self.directory.glob("part-*.parquet"))

    def _quarantine(self, part: Path, reason: str) -> None:
        target = _free_name(part.with_suffix(".corrupt"))
        try:
            os.replace(part, target)
        except FileNotFoundError:  # another process set it aside (or compacted it) first
            return
        self._index = None
        warnings.warn(
            f"mediakit cache file {part} is damaged ({reason}); "
            f"moved it to {target.name} and will parse its articles again.",
            CacheWarning,
            stacklevel=4,
        )

    def _read_parts(self, columns: list[str], wanted: pa.Array | None = None) -> list[pa.Table]:
        """Every readable part with ``columns``; damaged parts are quarantined.

        A part that vanishes while it is read was compacted by another
        process into a new part: the listing is read again.
        """
        for _ in range(_RETRIES):
            try:
                tables = [self._read_part(p, columns, wanted) for p in self._parts()]
                return [t for t in tables if t is not None]
            except FileNotFoundError:
                continue
        return []

    def _read_part(
        self, part: Path, columns: list[str], wanted: pa.Array | None = None
    ) -> pa.Table | None:
        """One part's ``columns`` (only the records whose key is in ``wanted``, if given)."""
        try:
            with pq.ParquetFile(part, page_checksum_verification=True) as f:
                problem = schema_problem(f.schema_arrow, columns)
                if problem is None:
                    # Batch by batch: decoding a large part's token lists in one
                    # go takes about three times their size on top of them.
                    batches = list(f.iter_batches(batch_size=READ_BATCH, columns=columns))
                    schema = f.schema_arrow
                    table = (
                        pa.Table.from_batches(batches)
                        if batches
                        else schema.empty_table().select(columns)
                    )
        except FileNotFoundError:
            raise
        except (OSError, pa.ArrowException) as exc:
            self._quarantine(part, f"{type(exc).__name__}: {exc}")
            return None
        if problem is not None:
            self._quarantine(part, problem)
            return None
        return table if wanted is None else _only(table, wanted)

    def keys(self) -> set[str]:
        """Keys of every readable record (reads only the key column)."""
        return set(self._load_index())

    def _load_index(self) -> dict[str, int]:
        if self._index is not None:
            return self._index
        index: dict[str, int] = {}
        for t in [*self._memory, *self._read_parts(["key", "n_chars"])]:
            index.update(zip(t["key"].to_pylist(), t["n_chars"].to_pylist(), strict=True))
        self._index = index
        return index

    def missing_keys(self, keys: Sequence[str], lengths: Sequence[int]) -> list[str]:
        """Distinct ``keys`` (in order) with no valid record for a text of ``lengths[i]`` characters.

        >>> ParseStore(None).missing_keys(["k", "k", "j"], [1, 1, 2])
        ['k', 'j']
        """
        index = self._load_index()
        out = {k: None for k, n in zip(keys, lengths, strict=True) if index.get(k) != n}
        return list(out)

    def read(self, keys: Sequence[str], columns: Sequence[str]) -> pa.Table:
        """Rows for ``keys`` (in that order, one per distinct key) with ``columns``.

        Raises ``KeyError`` naming keys that are absent; a damaged file is
        quarantined with a :class:`CacheWarning` and its keys reported absent.
        """
        cols = ["key", *[c for c in columns if c != "key"]]
        wanted = pa.array(sorted(set(keys)), pa.string())
        pieces = [_only(t.select(cols), wanted) for t in self._memory]
        pieces += self._read_parts(cols, wanted)
        table = pa.concat_tables(pieces) if pieces else None
        del pieces  # the table holds the parts' columns now, and nothing else does
        found: dict[str, int] = {}
        if table is not None:
            for i, k in enumerate(table["key"].to_pylist()):
                found.setdefault(k, i)
        absent = [k for k in dict.fromkeys(keys) if k not in found]
        if absent:
            raise KeyError(absent)
        order = pa.array([found[k] for k in keys], pa.int64())
        if (
            len(order) == table.num_rows
            and pc.all(pc.equal(order, pa.array(range(len(order))))).as_py()
        ):
            return table
        # Reordered a column at a time, each read column let go once reordered:
        # at most one column is held twice.
        out = {}
        for name in cols:
            out[name] = table[name].take(order)
            table = table.drop_columns([name])
        return pa.table(out)

    def written_on(self, keys: Sequence[str]) -> dt.date | None:
        """The day (UTC) the newest part file holding any of ``keys`` was written; None in memory.

        >>> ParseStore(None).written_on(["k"]) is None
        True
        """
        if self.directory is None or not self.directory.is_dir():
            return None
        wanted = set(keys)
        newest = None
        for part in self._parts():
            try:
                held = set(pq.read_table(part, columns=["key"])["key"].to_pylist())
                mtime = part.stat().st_mtime
            except (OSError, pa.ArrowException):  # damaged or compacted away: reads handle it
                continue
            if held & wanted:
                newest = mtime if newest is None else max(newest, mtime)
        return None if newest is None else dt.datetime.fromtimestamp(newest, dt.UTC).date()

    # -- tables derived from the parse ------------------------------------------
    def _derived_path(self, kind: str, key: str) -> Path | None:
        if self.directory is None:
            return None
        return self.directory.parent / kind / f"{key}.parquet"

    def read_derived(self, kind: str, key: str) -> pd.DataFrame | None:
        """A table derived from this store's records (e.g. ``"entities"``), or None if absent.

        A damaged file is removed (the caller computes the table again).

        >>> ParseStore(None).read_derived("entities", "k") is None
        True
        """
        path = self._derived_path(kind, key)
        if path is None or not path.exists():
            return None
        try:
            return pq.read_table(path, page_checksum_verification=True).to_pandas()
        except FileNotFoundError:
            return None
        except (OSError, pa.ArrowException, ValueError, TypeError):
            path.unlink(missing_ok=True)
            return None

    def write_derived(self, kind: str, key: str, table: pd.DataFrame) -> None:
        """Keep a derived table beside the parse records (atomically); a no-op in memory."""
        path = self._derived_path(kind, key)
        if path is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.stem}.{uuid.uuid4().hex}.tmp")
        table.to_parquet(tmp, index=False)
        os.replace(tmp, path)

    # -- writing ---------------------------------------------------------------
    def add(self, batch: pa.RecordBatch) -> None:
        """Queue records; they reach disk at the next :meth:`flush`."""
        self._pending.append(batch)
        if self._index is not None:
            self._index.update(
                zip(
                    batch.column("key").to_pylist(),
                    batch.column("n_chars").to_pylist(),
                    strict=True,
                )
            )

    def pending_rows(self) -> int:
        return sum(b.num_rows for b in self._pending)

    def flush(self) -> None:
        """Write queued records as one part file (atomically), or keep them in memory."""
        if not self._pending:
            return
        table = pa.Table.from_batches(self._pending)
        self._pending = []
        if self.directory is None:
            self._memory.append(table)
            return
        self._write(table)
        if len(self._parts()) > MAX_PARTS:
            self.compact()

    def _write(self, table: pa.Table) -> Path:
        name = f"part-{uuid.uuid4().hex}.parquet"
        tmp = self.directory / f".{name}.tmp"
        pq.write_table(table, tmp, compression="zstd", write_page_checksum=True)
        final = self.directory / name
        os.replace(tmp, final)
        return final

    def compact(self) -> None:
        """Merge all part files into one (drops duplicate keys).

        One process at a time (a lock file in the folder); a process that
        finds the lock taken leaves the compaction to the other.
        """
        if self.directory is None:
            return
        from filelock import FileLock, Timeout

        try:
            with FileLock(self.directory / ".compact.lock", timeout=0):
                self._compact_locked()
        except Timeout:
            return

    def _compact_locked(self) -> None:
        # One part in memory at a time: the keys are read first to choose each
        # key's first record, then every part is filtered and streamed into
        # one new file (a whole large cache read at once would cost gigabytes).
        parts, keys = [], []
        for part in self._parts():
            try:
                table = self._read_part(part, ["key"])
            except FileNotFoundError:
                continue
            if table is not None:
                parts.append(part)
                keys.append(table["key"].to_pylist())
        if len(parts) < 2:
            return
        seen: set[str] = set()
        name = f"part-{uuid.uuid4().hex}.parquet"
        tmp = self.directory / f".{name}.tmp"
        with pq.ParquetWriter(tmp, SCHEMA, compression="zstd", write_page_checksum=True) as out:
            for part, part_keys in zip(parts, keys, strict=True):
                rows = [i for i, k in enumerate(part_keys) if not (k in seen or seen.add(k))]
                if not rows:
                    continue
                try:
                    table = self._read_part(part, list(SCHEMA.names))
                except FileNotFoundError:
                    table = None
                if table is None:  # gone or damaged since its keys were read: not merged
                    seen.difference_update(part_keys[i] for i in rows)
                    parts[parts.index(part)] = None
                    continue
                out.write_table(table.take(pa.array(rows, pa.int64())).cast(SCHEMA))
                del table
        os.replace(tmp, self.directory / name)
        for part in parts:
            if part is not None:
                part.unlink(missing_ok=True)


def _only(table: pa.Table, wanted: pa.Array) -> pa.Table:
    """The records of ``table`` whose key is in ``wanted``: one part at a time, so
    a cache shared by several corpora is never held whole; a part whose every
    record is wanted (a cache of one corpus) is kept as it is, not copied."""
    keep = pc.is_in(table["key"], wanted)
    return table if pc.all(keep).as_py() else table.filter(keep)


def _free_name(target: Path) -> Path:
    """``target``, or ``name.1.corrupt``, ``name.2.corrupt``... if taken: never overwrite."""
    n = 0
    candidate = target
    while candidate.exists():
        n += 1
        candidate = target.with_name(f"{target.stem}.{n}{target.suffix}")
    return candidate


def _make_folder(directory: Path) -> None:
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        blocker = next((p for p in [directory, *directory.parents] if p.is_file()), directory)
        raise CorpusError(
            f"The cache folder {directory} cannot be made: {blocker} is a file. Pass a "
            "folder as cache_dir= (or --cache-dir), or cache_dir=False for no disk cache."
        ) from None
    except PermissionError:
        raise CorpusError(
            f"The cache folder {directory} cannot be made (permission denied). Pass a folder "
            "you may write to as cache_dir= (or --cache-dir), or cache_dir=False."
        ) from None


def keys_for(texts: Iterable[str]) -> list[str]:
    """Cache keys for many texts, in order.

    >>> keys_for(["a", "a"])[0] == keys_for(["a"])[0]
    True
    """
    return [text_key(t) for t in texts]
