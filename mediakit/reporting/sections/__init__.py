"""The built-in report sections; importing this package registers them.

========================  =====  ==========================================
id                        order  module
========================  =====  ==========================================
``corpus``                10     :mod:`.corpus`
``length-readability``    20     :mod:`.length_readability`
``entities``              30     :mod:`.entities`
``stories``               35     :mod:`.stories` (and one section per large story, 90+)
``distinctive-words``     40     :mod:`.keyness`
``who-is-quoted``         50     :mod:`.quotes`
``figures-disagree``      60     :mod:`.figures`
``only-one-outlet``       70     :mod:`.overlap`
``articles``              100    :mod:`.corpus` (every article, last)
========================  =====  ==========================================

A new section registers itself the same way (:func:`~mediakit.reporting.registry.register_section`).
"""

from __future__ import annotations

from collections.abc import Iterable

from ..registry import REGISTRY, Section
from . import (  # noqa: F401
    corpus,
    entities,
    figures,
    keyness,
    length_readability,
    overlap,
    quotes,
    stories,
)

__all__ = ["registered_sections", "resolve_sections"]


def registered_sections() -> list[Section]:
    """The registered sections in report order (``order``, then ``id``).

    >>> [s.id for s in registered_sections()][:3]
    ['corpus', 'length-readability', 'entities']
    """
    return sorted(REGISTRY.values(), key=lambda s: (s.order, s.id))


def resolve_sections(sections: Iterable[str | Section] | None = None) -> list[Section]:
    """Sections for one report: all registered ones, or the given ids / :class:`Section` objects.

    >>> [s.id for s in resolve_sections(["entities", "corpus"])]
    ['corpus', 'entities']
    """
    known = {s.id: s for s in registered_sections()}
    if sections is None:
        return list(known.values())
    chosen: list[Section] = []
    for s in sections:
        if isinstance(s, Section):
            chosen.append(s)
        elif s in known:
            chosen.append(known[s])
        else:
            raise ValueError(f"Unknown report section {s!r}; choose from {sorted(known)}.")
    return sorted(chosen, key=lambda s: (s.order, s.id))
