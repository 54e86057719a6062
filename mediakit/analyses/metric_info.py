"""What each metric column means: a human title with its unit, and which way is harder.

Charts, widgets and the report take their axis titles and dropdown labels
from here, so a column is named the same way everywhere. Descriptions of the
readability scores come from :data:`mediakit.analyses.readability.FORMULAS`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .readability import FORMULAS

__all__ = [
    "GRADE_FORMULAS",
    "PROFILE_COLUMNS",
    "MetricInfo",
    "describe_metric",
    "metric_direction",
    "metric_short_title",
    "metric_title",
]

Direction = Literal["harder", "easier"]


@dataclass(frozen=True)
class MetricInfo:
    """How to show one metric column.

    ``title`` names the unit (for axes), ``short`` fits a dropdown or a row
    label, ``higher`` says whether a higher value means harder or easier text
    (``None`` when neither), ``description`` explains it in plain words.
    """

    column: str
    title: str
    short: str
    higher: Direction | None
    description: str


#: The five grade-level formulas whose median is ``consensus_grade``.
GRADE_FORMULAS = (
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
)

#: A readable default for the side-by-side profile: length, difficulty, variety, who is named.
PROFILE_COLUMNS = (
    "words",
    "words_per_sentence",
    "syllables_per_word",
    "flesch_reading_ease",
    "consensus_grade",
    "mattr",
    "person_mentions_per_1k_words",
    "org_mentions_per_1k_words",
    "gpe_mentions_per_1k_words",
    "distinct_people",
)

_H = "harder"
# column: (title with unit, short title, higher means, description if not in FORMULAS)
_TABLE: dict[str, tuple[str, str, Direction | None, str]] = {
    "characters": (
        "Length (characters)",
        "Characters",
        None,
        "Characters in the cleaned article text.",
    ),
    "words": (
        "Length (words)",
        "Words",
        None,
        "Words in the article, counted from the spaCy parse.",
    ),
    "sentences": (
        "Sentences (count)",
        "Sentences",
        None,
        "Sentences in the article, split by spaCy.",
    ),
    "paragraphs": (
        "Paragraphs (count)",
        "Paragraphs",
        None,
        "Non-empty lines of the text: paragraphs, subheadings and bullet points each count once.",
    ),
    "words_per_sentence": ("Words per sentence", "Words per sentence", _H, ""),
    "syllables_per_word": ("Syllables per word", "Syllables per word", _H, ""),
    "polysyllable_share": ("Share of words with 3+ syllables (0-1)", "Long words (share)", _H, ""),
    "mattr": (
        "Vocabulary variety, MATTR (0-1, higher = more varied)",
        "Vocabulary variety (MATTR)",
        None,
        "",
    ),
    "mtld": (
        "Vocabulary variety, MTLD (words, higher = more varied)",
        "Vocabulary variety (MTLD)",
        None,
        "",
    ),
    "flesch_reading_ease": (
        "Flesch reading ease (0-100, higher = easier)",
        "Flesch reading ease",
        "easier",
        "",
    ),
    "flesch_kincaid_grade": (
        "Flesch-Kincaid grade (US school grade)",
        "Flesch-Kincaid grade",
        _H,
        "",
    ),
    "gunning_fog": ("Gunning fog index (years of schooling)", "Gunning fog", _H, ""),
    "smog_index": ("SMOG grade (US school grade)", "SMOG grade", _H, ""),
    "coleman_liau_index": ("Coleman-Liau index (US school grade)", "Coleman-Liau", _H, ""),
    "automated_readability_index": ("Automated readability index (US school grade)", "ARI", _H, ""),
    "dale_chall": ("Dale-Chall score (higher = harder)", "Dale-Chall", _H, ""),
    "consensus_grade": (
        "Consensus grade (median of 5 formulas, US school grade)",
        "Consensus grade",
        _H,
        "",
    ),
    "distinct_people": (
        "Distinct people named (count)",
        "Distinct people",
        None,
        "Different people (canonical names) named in the article.",
    ),
    "distinct_organisations": (
        "Distinct organisations named (count)",
        "Distinct organisations",
        None,
        "Different organisations (canonical names) named in the article.",
    ),
    "distinct_places": (
        "Distinct places named (count)",
        "Distinct places",
        None,
        "Different countries, cities, regions and facilities named in the article.",
    ),
    "syllables": (
        "Syllables (count)",
        "Syllables",
        None,
        "Syllables in all words (CMUdict, else a guess).",
    ),
    "polysyllables": (
        "Words with 3+ syllables (count)",
        "Long words",
        None,
        "Words of three or more syllables.",
    ),
    "complex_words": (
        "Complex words (count)",
        "Complex words",
        None,
        "Words of 3+ syllables not on the Dale-Chall easy list (used by Gunning fog).",
    ),
    "difficult_words": (
        "Unfamiliar words (count)",
        "Unfamiliar words",
        None,
        "Words not on the Dale-Chall list of ~3,000 familiar words.",
    ),
    "letters": ("Letters and digits (count)", "Letters", None, "Letters and digits in all words."),
}

# Entity label (lower case, as in the column names) -> plain name.
_LABELS = {
    "person": "Person",
    "org": "Organisation",
    "gpe": "Country/city/state",
    "norp": "Nationality/group",
    "loc": "Location",
    "fac": "Building/facility",
    "product": "Product",
    "event": "Event",
    "date": "Date",
    "time": "Time",
    "percent": "Percentage",
    "money": "Money",
    "quantity": "Quantity",
    "ordinal": "Ordinal",
    "cardinal": "Number",
}
_PER_1K = re.compile(r"(?P<label>[a-z]+)_mentions_per_1k_words")
_COUNT = re.compile(r"(?P<label>[a-z]+)_mentions")


def _entity_info(column: str) -> MetricInfo | None:
    m = _PER_1K.fullmatch(column)
    if m and m["label"] in _LABELS:
        name = _LABELS[m["label"]]
        return MetricInfo(
            column,
            f"{name} mentions per 1,000 words",
            f"{name} mentions per 1k",
            None,
            f"{name} mentions per 1,000 words of the article: comparable across lengths.",
        )
    m = _COUNT.fullmatch(column)
    if m and m["label"] in _LABELS:
        name = _LABELS[m["label"]]
        return MetricInfo(
            column,
            f"{name} mentions (count)",
            f"{name} mentions",
            None,
            f"Mentions of entities labelled {m['label'].upper()} in the article; "
            "longer articles have more, compare the per-1,000-words column across outlets.",
        )
    return None


def describe_metric(column: str) -> MetricInfo:
    """Title, short title, direction and description of a metric column.

    Unknown columns get a title made from their name, so new columns still display.

    >>> info = describe_metric("flesch_reading_ease")
    >>> info.title, info.higher
    ('Flesch reading ease (0-100, higher = easier)', 'easier')
    >>> describe_metric("person_mentions_per_1k_words").title
    'Person mentions per 1,000 words'
    """
    if column in _TABLE:
        title, short, higher, text = _TABLE[column]
        return MetricInfo(column, title, short, higher, FORMULAS.get(column, text))
    info = _entity_info(column)
    if info is not None:
        return info
    plain = column.replace("_", " ").strip().capitalize() or column
    return MetricInfo(column, plain, plain, None, "")


def metric_title(column: str) -> str:
    """Axis title with unit for a metric column.

    >>> metric_title("words_per_sentence")
    'Words per sentence'
    """
    return describe_metric(column).title


def metric_short_title(column: str) -> str:
    """Short name for dropdowns and row labels.

    >>> metric_short_title("consensus_grade")
    'Consensus grade'
    """
    return describe_metric(column).short


def metric_direction(column: str) -> Direction | None:
    """``"harder"`` or ``"easier"`` when a higher value means harder/easier text, else ``None``.

    >>> metric_direction("gunning_fog"), metric_direction("flesch_reading_ease"), metric_direction("words")
    ('harder', 'easier', None)
    """
    return describe_metric(column).higher
