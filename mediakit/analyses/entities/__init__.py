"""Entity mentions with canonical names and corrected labels: counts a teacher can trust.

:func:`entities` (in :mod:`.table`) runs the stages, one module each:
:mod:`.collect`, :mod:`.merge`, :mod:`.surnames`, :mod:`.recover`,
:mod:`.labels`; :mod:`.forms` holds the text helpers they share and
:mod:`.aliases` reads the editable tables; :mod:`.counts` turns mentions into
the entity columns of :func:`mediakit.analyze`.
"""

from .counts import entity_counts
from .forms import form_key
from .table import COLUMNS, compute_entities, entities, entities_of

__all__ = ["COLUMNS", "compute_entities", "entities", "entities_of", "entity_counts", "form_key"]
