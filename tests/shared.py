"""Where the shared real corpora are, and how a test asks for them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def _shared() -> Path:
    """``../shared`` beside the project checkout, or beside a folder above it (a git worktree)."""
    here = Path(__file__).resolve()
    for folder in here.parents[1:]:
        if (folder / "shared" / "corpora").is_dir():
            return folder / "shared"
    return here.parents[2] / "shared"


#: ``../shared`` beside the project checkout (not committed; see the README).
SHARED = _shared()
ALLSIDES = SHARED / "corpora" / "allsides-2000.jsonl.gz"
BASIL = SHARED / "corpora" / "basil-dev.jsonl.gz"


def require_shared(path: Path) -> Path:
    """Skip when ../shared is absent, except in CI where it must be there."""
    if not path.exists():
        if os.environ.get("MEDIAKIT_REQUIRE_SHARED"):
            pytest.fail(f"{path} is missing but MEDIAKIT_REQUIRE_SHARED is set")
        pytest.skip(f"{path} not present")
    return path
