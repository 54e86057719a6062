"""Docstring examples in mediakit/ run as tests too; keep them off the user's cache."""

import os
import tempfile

os.environ.setdefault("MEDIAKIT_CACHE_DIR", tempfile.mkdtemp(prefix="mediakit-doctest-"))
