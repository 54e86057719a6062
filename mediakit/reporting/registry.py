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
built-in sections live in :mod:`mediakit.reporting.sections`, which also
lists and picks the registered ones). A section that returns no blocks is left
out of the report.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .blocks import Block

if TYPE_CHECKING:
    from .context import ReportContext

__all__ = ["REGISTRY", "Section", "register_section", "unregister_section"]


_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


REGISTRY: dict[str, Section] = {}


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
    >>> "example-note" in REGISTRY
    True
    >>> unregister_section("example-note")
    """

    def add(
        build: Callable[[ReportContext], Sequence[Block]],
    ) -> Callable[[ReportContext], Sequence[Block]]:
        if id in REGISTRY and not replace:
            raise ValueError(
                f"A report section {id!r} is already registered; pass replace=True to swap it."
            )
        REGISTRY[id] = Section(id, title, order, build, intro)
        return build

    return add


def unregister_section(id: str) -> None:
    """Remove a section from every later report (no error if it is absent).

    >>> unregister_section("no-such-section")
    """
    REGISTRY.pop(id, None)
