"""mediakit: compare how news outlets cover the same story.

>>> import mediakit
>>> corpus = mediakit.load_corpus()            # the bundled five articles
>>> metrics = mediakit.analyze(corpus)         # one row per article
>>> mentions = mediakit.entities(corpus)       # one row per entity mention
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from ._version import __version__

# Public name -> module that defines it; imported on first use so that
# `import mediakit` stays fast (spaCy loads only when a parse is needed).
_EXPORTS = {
    "load_corpus": "loaders",
    "clean_article": "cleaning",
    "analyze": "metrics",
    "sentences": "metrics",
    "entities": "named_entities",
    "parse_corpus": "parsed",
    "CorpusError": "errors",
    "report": "reporting",
    "quotes": "quoting",
    "align_quotes": "quoting",
    "figures": "numeric_claims",
    "compare_figures": "numeric_claims",
    "keyness": "distinctive",
    "overlap": "reuse",
    "Overlap": "reuse",
}
_SUBMODULES = {"charts", "widgets", "compare", "metric_info", "readability", "cache", "nlp", "reporting"}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
        globals()[name] = value
        return value
    if name in _SUBMODULES:
        return import_module(f".{name}", __name__)
    raise AttributeError(f"module 'mediakit' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*__all__, *_SUBMODULES])
