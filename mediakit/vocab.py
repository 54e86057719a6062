"""Vocabularies every stage shares, defined once: entity labels and what they are called.

The labels are spaCy's (OntoNotes) entity types. Analyses, tables, charts,
widgets and the report all take their label sets and readable names from
here, so "a place" means the same thing everywhere.

>>> "PERSON" in NAME_LABELS, "MONEY" in NUMERIC_LABELS
(True, True)
"""

from __future__ import annotations

__all__ = [
    "AMOUNT_LABELS",
    "COUNTED_LABELS",
    "ENTITY_TYPES",
    "GEO_LABELS",
    "LABEL_NAMES",
    "NAME_LABELS",
    "NOT_AMOUNT_LABELS",
    "NUMERIC_LABELS",
    "PLACE_LABELS",
]

#: Labels of names: people, organisations, places, groups, things.
NAME_LABELS = (
    "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE",
)  # fmt: skip
#: Labels of dates, times and numbers: not names, never merged into entities.
NUMERIC_LABELS = ("DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL")
#: Places an article is about, as counted in ``distinct_places``.
PLACE_LABELS = ("GPE", "LOC", "FAC")
#: Places and nationalities that tell whose figure it is ("North Korean troops").
GEO_LABELS = ("GPE", "NORP", "LOC")
#: Numeric spans that may be amounts (figures).
AMOUNT_LABELS = ("CARDINAL", "MONEY", "PERCENT", "QUANTITY")
#: Numeric spans that are never amounts (dates, times, ordinals).
NOT_AMOUNT_LABELS = ("DATE", "TIME", "ORDINAL")
#: Labels with a mentions column in :func:`mediakit.analyze`, in column order.
COUNTED_LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", *NUMERIC_LABELS)

#: Each label in plain words, plural, for titles and captions.
LABEL_NAMES = {
    "PERSON": "people",
    "ORG": "organisations",
    "GPE": "countries, cities and states",
    "NORP": "nationalities and groups",
    "LOC": "locations",
    "FAC": "buildings and facilities",
    "PRODUCT": "products",
    "EVENT": "events",
}

#: Entity types a reader can pick (widgets): (shown name, label).
ENTITY_TYPES = (
    ("People", "PERSON"),
    ("Organisations", "ORG"),
    ("Countries, cities, states", "GPE"),
    ("Nationalities, groups", "NORP"),
    ("Locations", "LOC"),
    ("Buildings, facilities", "FAC"),
    ("Products", "PRODUCT"),
    ("Events", "EVENT"),
)
