"""mediakit: compare how news outlets cover the same story.

The package follows the flow of the data, one subpackage per stage:
:mod:`.corpus` (load and clean), :mod:`.parsing` (one cached spaCy parse),
:mod:`.analyses` (per-article tables), :mod:`.compare` (tables by outlet),
:mod:`.charts`, :mod:`.widgets`, :mod:`.reporting` and :mod:`.cli` (views).

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
    "load_corpus": "corpus.load",
    "fetch_articles": "corpus.fetch",
    "Fetched": "corpus.fetch",
    "clean_article": "corpus.cleaning",
    "analyze": "analyses.metrics",
    "sentences": "parsing.sentences",
    "entities": "analyses.entities.table",
    "parse_corpus": "parsing.parsed",
    "CorpusError": "errors",
    "OptionError": "errors",
    "report": "reporting.build",
    "notebook_setup": "widgets.notebook_setup",
    "quotes": "analyses.quotes.table",
    "align_quotes": "analyses.quotes.align",
    "figures": "analyses.figures.table",
    "compare_figures": "analyses.figures.comparison",
    "figure_pairs": "analyses.figures.pairs",
    "keyness": "analyses.keyness",
    "overlap": "analyses.overlap",
    "Overlap": "analyses.overlap",
    "stories": "analyses.stories.table",
    "stories_summary": "analyses.stories.summary",
    "story_labels": "analyses.stories.labels",
}
# Submodules reachable as attributes (``mediakit.charts``); the older flat
# names (``mediakit.readability``) point at their new homes.
_SUBMODULES = {
    "analyses": "analyses",
    "charts": "charts",
    "cli": "cli",
    "compare": "compare",
    "corpus": "corpus",
    "parsing": "parsing",
    "paths": "paths",
    "reporting": "reporting",
    "vocab": "vocab",
    "widgets": "widgets",
    "metric_info": "analyses.metric_info",
    "readability": "analyses.readability",
    "cache": "parsing.store",
    "nlp": "parsing.pipeline",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
        globals()[name] = value
        return value
    if name in _SUBMODULES:
        return import_module(f".{_SUBMODULES[name]}", __name__)
    raise AttributeError(f"module 'mediakit' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*__all__, *_SUBMODULES])
