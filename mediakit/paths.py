"""Where mediakit finds its bundled data and keeps its cache, and how it writes files."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import platformdirs

_PACKAGE = Path(__file__).resolve().parent


def data_dir() -> Path:
    """Folder with the bundled corpus, metadata and alias table.

    Installed wheels carry it inside the package (``mediakit/_data``); a
    source checkout uses the top-level ``data/`` folder.

    >>> (data_dir() / "metadata.csv").exists()
    True
    """
    for candidate in (_PACKAGE / "_data", _PACKAGE.parent / "data"):
        if (candidate / "metadata.csv").exists():
            return candidate
    raise FileNotFoundError("mediakit's bundled data folder is missing; reinstall mediakit")


def default_cache_dir() -> Path:
    """The per-user cache folder; ``MEDIAKIT_CACHE_DIR`` overrides it.

    >>> isinstance(default_cache_dir(), Path)
    True
    """
    env = os.environ.get("MEDIAKIT_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_cache_dir("mediakit"))


def write_atomically(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    An interrupted or failed write never leaves half a file under the real
    name, nor the temporary file. The folder must exist.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> write_atomically(folder / "a.txt", b"hi").read_bytes(), sorted(p.name for p in folder.iterdir())
    (b'hi', ['a.txt'])
    """
    path = Path(path)
    # pid and thread in the name: concurrent writers never share a temporary file.
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path
