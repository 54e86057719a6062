"""The report is a list of sections that analyses register; nothing else is hard-coded.

A section is an id, a title, an order (where it goes; lower first) and a
function that takes the :class:`~mediakit.reporting.context.ReportContext` and
returns blocks (:mod:`mediakit.reporting.blocks`). The HTML template only
loops over sections and blocks, so a new analysis adds a section without
touching the template::

    from mediakit.reporting import Text, Table, register_section

    @register_section("quotes", "Who is quoted", order=40)
    def quotes_section(ctx):
        table = my_quote_table(ctx.corpus)      # an analysis function, not view code
        return [Text("Direct quotes by speaker and outlet."), Table("quotes", "Quotes", table)]

Import the module that holds it before calling :func:`mediakit.report` (the
built-in sections live in :mod:`mediakit.reporting.builtin`). A section that
returns no blocks is left out of the report.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .blocks import Block

if TYPE_CHECKING:
    from .context import ReportContext

__all__ = [
    "Section",
    "register_section",
    "registered_sections",
    "resolve_sections",
    "unregister_section",
]

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_REGISTRY: dict[str, Section] = {}


@dataclass(frozen=True)
class Section:
    """One part of the report: ``build(context)`` returns its blocks.

    >>> s = Section("hello", "Hello", 99, lambda ctx: [])
    >>> s.id, s.order
    ('hello', 99)
    """

    id: str
    title: str
    order: int
    build: Callable[[ReportContext], Sequence[Block]]
    intro: str = ""

    def __post_init__(self) -> None:
        if not _ID.match(self.id):
            raise ValueError(
                f"Section id {self.id!r} must be lowercase letters, digits and '-' (it becomes an HTML id and file name prefix)."
            )


def register_section(
    id: str, title: str, order: int, *, intro: str = "", replace: bool = False
) -> Callable[
    [Callable[[ReportContext], Sequence[Block]]], Callable[[ReportContext], Sequence[Block]]
]:
    """Decorator: add a function ``(context) -> blocks`` to every report as a section.

    ``order`` places it (the built-in sections use 10, 20, 30); ``intro`` is a
    sentence shown under the title. Registering an id twice is an error unless
    ``replace=True`` (to swap a built-in section for your own).

    >>> from mediakit.reporting.blocks import Text
    >>> @register_section("example-note", "A note", order=90)
    ... def note(ctx):
    ...     return [Text("Written by a plugin.")]
    >>> "example-note" in [s.id for s in registered_sections()]
    True
    >>> unregister_section("example-note")
    """

    def add(
        build: Callable[[ReportContext], Sequence[Block]],
    ) -> Callable[[ReportContext], Sequence[Block]]:
        if id in _REGISTRY and not replace:
            raise ValueError(
                f"A report section {id!r} is already registered; pass replace=True to swap it."
            )
        _REGISTRY[id] = Section(id, title, order, build, intro)
        return build

    return add


def unregister_section(id: str) -> None:
    """Remove a section from every later report (no error if it is absent).

    >>> unregister_section("no-such-section")
    """
    _REGISTRY.pop(id, None)


def registered_sections() -> list[Section]:
    """The registered sections in report order (``order``, then ``id``).

    >>> [s.id for s in registered_sections()][:3]
    ['corpus', 'length-readability', 'entities']
    """
    from . import builtin  # noqa: F401  (registers the built-in sections on first use)

    return sorted(_REGISTRY.values(), key=lambda s: (s.order, s.id))


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
