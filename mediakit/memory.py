"""``release_freed_memory``: hand memory the process has freed back to the system.

Loading a large corpus makes and drops several copies of every text; the C
allocator (glibc) keeps the freed pages, so the process stays at its
high-water mark through the parse that follows. ``malloc_trim`` returns them.
On other systems (no glibc) this does nothing. Arrow keeps its own pool
(mimalloc or jemalloc), which is asked to hand its unused pages back too.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from functools import lru_cache

__all__ = ["release_freed_memory"]


@lru_cache(maxsize=1)
def _trim():
    if not sys.platform.startswith("linux"):
        return None
    name = ctypes.util.find_library("c") or "libc.so.6"
    try:
        return getattr(ctypes.CDLL(name), "malloc_trim", None)
    except OSError:
        return None


def release_freed_memory() -> bool:
    """Return freed heap memory to the system; True if the allocator could do so.

    >>> isinstance(release_freed_memory(), bool)
    True
    """
    arrow = sys.modules.get("pyarrow")
    if arrow is not None:  # never imported just for this
        arrow.default_memory_pool().release_unused()
    trim = _trim()
    return bool(trim(0)) if trim is not None else False
