"""The built-in report sections; importing this package registers them.

========================  =====  ==========================================
id                        order  module
========================  =====  ==========================================
``corpus``                10     :mod:`.corpus_overview`
``length-readability``    20     :mod:`.length_readability`
``entities``              30     :mod:`.entity_coverage`
========================  =====  ==========================================

Later analyses (quotes, figures, distinctive words, overlaps) register their
own sections the same way, e.g. with ``order=40``.
"""

from .. import differ_sections  # noqa: F401  (distinctive words, quotes, figures, overlap)
from . import corpus_overview, entity_coverage, length_readability  # noqa: F401
