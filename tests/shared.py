"""Where the shared real corpora are, and how a test asks for them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

#: ``../shared`` beside the project checkout (not committed; see the README); a
#: checkout one folder further down (a git worktree) finds it one level up, and
#: ``MEDIAKIT_SHARED_DIR`` points anywhere else.
_PARENTS = Path(__file__).resolve().parents
SHARED = (
    Path(os.environ["MEDIAKIT_SHARED_DIR"])
    if os.environ.get("MEDIAKIT_SHARED_DIR")
    else next(
        (p / "shared" for p in _PARENTS[2:4] if (p / "shared" / "corpora").is_dir()),
        _PARENTS[2] / "shared",
    )
)
ALLSIDES = SHARED / "corpora" / "allsides-2000.jsonl.gz"
BASIL = SHARED / "corpora" / "basil-dev.jsonl.gz"


def require_shared(path: Path) -> Path:
    """Skip when ../shared is absent, except in CI where it must be there."""
    if not path.exists():
        if os.environ.get("MEDIAKIT_REQUIRE_SHARED"):
            pytest.fail(f"{path} is missing but MEDIAKIT_REQUIRE_SHARED is set")
        pytest.skip(f"{path} not present")
    return path
