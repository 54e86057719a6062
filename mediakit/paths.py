"""Where mediakit finds its bundled data and keeps its cache."""

from __future__ import annotations

import os
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
