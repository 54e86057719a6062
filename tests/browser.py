"""Headless Chromium for browser tests: Debian's /usr/bin/chromium driven by playwright.

Locally a missing browser skips the test; with MEDIAKIT_REQUIRE_BROWSER=1 (set
by .ci/run) it fails, so CI never passes by skipping.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("MEDIAKIT_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(
    os.environ.get("MEDIAKIT_ARTIFACTS", Path(__file__).resolve().parents[1] / "test-artifacts")
)


def require_browser() -> str:
    """Path of the Chromium binary, or skip (fail under MEDIAKIT_REQUIRE_BROWSER=1)."""
    path = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    if not path:
        msg = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("MEDIAKIT_REQUIRE_BROWSER"):
            pytest.fail(msg + " but MEDIAKIT_REQUIRE_BROWSER is set")
        pytest.skip(msg)
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        if os.environ.get("MEDIAKIT_REQUIRE_BROWSER"):
            pytest.fail("playwright is not installed but MEDIAKIT_REQUIRE_BROWSER is set")
        pytest.skip("playwright not installed")
    return path


@contextmanager
def chromium() -> Iterator:
    """A playwright Browser on Debian's Chromium, closed afterwards."""
    from playwright.sync_api import sync_playwright

    path = require_browser()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, args=ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


def artifact(name: str) -> Path:
    """Where a test saves a screenshot or page for people to look at."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS / name
