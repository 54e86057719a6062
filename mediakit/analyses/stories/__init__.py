"""Stories: which articles report the same event, so outlets are compared on like with like.

:func:`stories` (:mod:`.table`) gives every article its story, found from the
articles' words and names (:mod:`.vectors`, :mod:`.neighbours`,
:mod:`.clusters`) unless the corpus has its own ``story`` column;
:func:`stories_summary` (:mod:`.summary`) describes each story;
:func:`story_labels` (:mod:`.labels`) is what comparisons call to stay inside
one story.
"""

from .labels import WITHIN, group_by_story, story_labels, story_subset
from .summary import SUMMARY_COLUMNS, stories_summary, stories_summary_of
from .table import COLUMNS, DEFAULT_THRESHOLD, DEFAULT_WINDOW_DAYS, stories, stories_of

__all__ = [
    "COLUMNS",
    "DEFAULT_THRESHOLD",
    "DEFAULT_WINDOW_DAYS",
    "SUMMARY_COLUMNS",
    "WITHIN",
    "group_by_story",
    "stories",
    "stories_of",
    "stories_summary",
    "stories_summary_of",
    "story_labels",
    "story_subset",
]
