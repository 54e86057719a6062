"""Compare outlets: the tidy tables behind every chart, widget and report.

Each function reads a table made by :func:`mediakit.analyze`,
:func:`mediakit.entities`, :func:`mediakit.sentences`, the other analyses or
:func:`mediakit.load_corpus` and returns a new, small, long-form table (one
row per outlet and thing compared). Inputs are never modified. Charts call
these functions for their data, and the report shows (and exports) the same
tables, so a chart, a widget and the static report always show the same
numbers. Nothing here loads spaCy.

One module per family: :mod:`.metrics`, :mod:`.entities`, :mod:`.quotes`,
:mod:`.figures`, :mod:`.keyness`, :mod:`.overlap`, :mod:`.kwic`, :mod:`.stories`; input checks
and shared helpers in :mod:`.tables`.
"""

from .article_labels import article_labels
from .entities import entity_matrix, exclusive_entities, top_entities
from .figures import BOUND_WORDS, figure_panels
from .keyness import keyness_top
from .kwic import kwic
from .metrics import (
    MAX_POINTS,
    SENTENCE_BINS,
    OutletValues,
    formula_grades,
    formula_grades_by_outlet,
    metric_by_outlet,
    outlet_summary,
    sentence_length_distribution,
    standardized,
)
from .overlap import article_similarity, outlet_similarity, unique_share_by_outlet
from .quotes import quote_methods, quote_statements, quotes_by_speaker
from .stories import story_choices
from .tables import (
    MAX_OUTLETS,
    OTHER_OUTLETS,
    keep_largest_outlets,
    largest_outlets,
    metric_columns,
    outlets_by_articles,
)

__all__ = [
    "BOUND_WORDS",
    "MAX_OUTLETS",
    "MAX_POINTS",
    "OTHER_OUTLETS",
    "SENTENCE_BINS",
    "OutletValues",
    "article_labels",
    "article_similarity",
    "entity_matrix",
    "exclusive_entities",
    "figure_panels",
    "formula_grades",
    "formula_grades_by_outlet",
    "keep_largest_outlets",
    "keyness_top",
    "kwic",
    "largest_outlets",
    "metric_by_outlet",
    "metric_columns",
    "outlet_similarity",
    "outlet_summary",
    "outlets_by_articles",
    "quote_methods",
    "quote_statements",
    "quotes_by_speaker",
    "story_choices",
    "sentence_length_distribution",
    "standardized",
    "top_entities",
    "unique_share_by_outlet",
]
