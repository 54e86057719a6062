"""Shared fixtures: the bundled corpus analysed once per test session, with a private cache."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.shared import ALLSIDES, BASIL, SHARED, require_shared  # noqa: F401  (used by tests)


@pytest.fixture(scope="session")
def session_cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("mediakit-cache")


@pytest.fixture(scope="session", autouse=True)
def _private_cache(session_cache):
    # Tests never touch the user's real cache folder.
    old = os.environ.get("MEDIAKIT_CACHE_DIR")
    os.environ["MEDIAKIT_CACHE_DIR"] = str(session_cache)
    yield
    if old is None:
        os.environ.pop("MEDIAKIT_CACHE_DIR", None)
    else:
        os.environ["MEDIAKIT_CACHE_DIR"] = old


@pytest.fixture(scope="session")
def corpus():
    import mediakit

    return mediakit.load_corpus()


@pytest.fixture(scope="session")
def metrics(corpus):
    import mediakit

    return mediakit.analyze(corpus)


@pytest.fixture(scope="session")
def mentions(corpus):
    import mediakit

    return mediakit.entities(corpus)
