"""What every section receives: the corpus, its parse, and the tables analyses made from it.

Tables are computed on first use and shared, so two sections asking for
``ctx.metrics`` share one computation, and a section nobody included costs
nothing. Everything comes from one :class:`~mediakit.parsing.parsed.ParsedCorpus`:
each article is parsed once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import pandas as pd

from ..analyses.entities import entities_of
from ..analyses.figures import figures_of
from ..analyses.metrics import metrics_of
from ..analyses.quotes import quotes_of
from ..compare import MAX_OUTLETS, OTHER_OUTLETS, article_labels, outlets_by_articles
from ..parsing.parsed import ParsedCorpus
from ..parsing.sentences import sentences_of
from .derived import derived_table
from .options import check_section_options
from .provenance import Provenance

__all__ = ["ReportContext"]


@dataclass
class ReportContext:
    """A parsed corpus plus the shared tables sections draw from.

    ``options`` holds section settings passed to :func:`mediakit.report`
    (e.g. ``top=15`` entities); read them with :meth:`option`.

    >>> from mediakit.parsing.parsed import parse_corpus
    >>> ctx = ReportContext(parse_corpus(cache_dir=False))
    >>> len(ctx.metrics), ctx.outlets[0]
    (5, 'Newslooks')
    """

    parsed: ParsedCorpus
    aliases: Any = None
    options: dict[str, Any] = field(default_factory=dict)
    provenance: Provenance | None = None

    @property
    def corpus(self) -> pd.DataFrame:
        """The corpus table (one row per article), as loaded."""
        return self.parsed.corpus

    @cached_property
    def metrics(self) -> pd.DataFrame:
        """:func:`mediakit.analyze` of the corpus: one row per article."""
        return metrics_of(self.parsed, aliases=self.aliases, mentions=self.mentions)

    @cached_property
    def mentions(self) -> pd.DataFrame:
        """:func:`mediakit.entities` of the corpus: one row per entity mention."""
        return entities_of(self.parsed, aliases=self.aliases)

    @cached_property
    def quotes(self) -> pd.DataFrame:
        """:func:`mediakit.quotes` of the corpus (kept in the parse cache for the next report)."""
        return self._kept("quotes", quotes_of)

    @cached_property
    def figures(self) -> pd.DataFrame:
        """:func:`mediakit.figures` of the corpus (kept in the parse cache for the next report)."""
        return self._kept("figures", figures_of)

    def _kept(self, kind: str, analysis) -> pd.DataFrame:
        compute = lambda: analysis(self.parsed, mentions=self.mentions)  # noqa: E731
        return derived_table(self.parsed, kind, compute, aliases=self.aliases)

    @cached_property
    def sentences(self) -> pd.DataFrame:
        """:func:`mediakit.sentences` of the corpus: one row per sentence."""
        return sentences_of(self.parsed)

    @cached_property
    def outlets(self) -> list[str]:
        """Outlets in order of first appearance: one order and palette for every chart."""
        return list(dict.fromkeys(self.corpus["outlet"].astype(str).tolist()))

    @cached_property
    def shown_outlets(self) -> list[str]:
        """The outlets charts name: the ``outlets_top`` (option, default 10) with most articles.

        Every chart shows these, the same in each; the others are summed as
        "other outlets" (the tables list every outlet).
        """
        top = int(self.option("outlets_top", MAX_OUTLETS))
        return outlets_by_articles(self.corpus)[:top]

    @property
    def folded_outlets(self) -> int:
        """How many outlets the charts sum as "other outlets" (0 when they name all)."""
        return len(self.outlets) - len(self.shown_outlets)

    @property
    def chart_options(self) -> dict[str, Any]:
        """``outlets=`` and ``max_outlets=`` for a chart: the shown outlets and their colours."""
        colours = self.shown_outlets + ([OTHER_OUTLETS] if self.folded_outlets else [])
        return {"outlets": colours, "max_outlets": self.shown_outlets}

    @cached_property
    def article_labels(self) -> pd.Series:
        """A readable name per article (doc_id -> "outlet · title"), see :func:`mediakit.compare.article_labels`."""
        return article_labels(self.corpus)

    def __post_init__(self) -> None:
        self.options = check_section_options(self.options)

    def option(self, name: str, default: Any = None) -> Any:
        """A section setting passed to :func:`mediakit.report`, or ``default``.

        >>> from mediakit.parsing.parsed import parse_corpus
        >>> ReportContext(parse_corpus(cache_dir=False), options={"top": 5}).option("top")
        5
        """
        return self.options.get(name, default)
