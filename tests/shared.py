"""Where the shared real corpora are, and how a test asks for them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

#: ``../shared`` beside the project checkout (not committed; see the README), or
#: ``MEDIAKIT_SHARED_DIR`` for a checkout that lives elsewhere.
SHARED = Path(
    os.environ.get("MEDIAKIT_SHARED_DIR") or Path(__file__).resolve().parents[2] / "shared"
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
