"""``keyness``: the words and two-word phrases that set one group of articles apart.

The method and its formula are in :mod:`.table`; counting in :mod:`.counts`, the
statistic in :mod:`.stats`, which terms are listed in :mod:`.filters`.
"""

from __future__ import annotations

from ...parsing.tokens import STOP_WORDS
from .filters import FURNITURE_TERMS, MIN_DOCS
from .stats import log_odds_z
from .table import COLUMNS, DEFAULT_PRIOR, keyness, keyness_of

__all__ = [
    "COLUMNS",
    "DEFAULT_PRIOR",
    "FURNITURE_TERMS",
    "MIN_DOCS",
    "STOP_WORDS",
    "keyness",
    "keyness_of",
    "log_odds_z",
]
