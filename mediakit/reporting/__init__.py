"""Static reports: one self-contained HTML file built from a list of sections.

Build one from Python (``mediakit report -o report.html`` on the command line)::

    import mediakit
    path = mediakit.report(path="report.html", analysed_on="2024-11-18")

The report is a list of *sections*. Each section is an id, a title, an order
and a function ``(ctx) -> blocks``; the template only loops over them. The
built-in sections (``corpus``, ``length-readability``, ``entities``, ...) live
in :mod:`mediakit.reporting.sections`, one module each.

Adding a section (e.g. for quotes) takes one function, no template change::

    from mediakit.reporting import Chart, Table, Text, register_section

    @register_section("quotes", "Who is quoted", order=40,
                      intro="Direct quotes by speaker and outlet.")
    def quotes_section(ctx):
        table = quotes_by_outlet(ctx.corpus)             # an analysis function
        return [
            Text("A quote counts once per article."),
            Chart("quotes-by-outlet", "Quotes by outlet", quote_chart(table), data=table),
            Table("quotes", "All quotes", table),
        ]

- ``ctx`` is a :class:`ReportContext`: ``ctx.corpus``, ``ctx.metrics``,
  ``ctx.mentions``, ``ctx.sentences``, ``ctx.quotes``, ``ctx.figures``
  (computed once, shared; quotes and figures also kept beside the parse
  cache for the next report, see :mod:`.derived`), ``ctx.parsed``
  (the parse, for new analyses), ``ctx.outlets`` (pass as ``outlets=`` to
  charts so colours match) and ``ctx.option(name, default)`` for settings
  given as ``report(..., section_options={...})``.
- Blocks are plain data (:class:`Text`, :class:`Bullets`, :class:`Definitions`,
  :class:`Table`, :class:`Chart`); every string is escaped when rendered, so
  article text can go in as it is. Chart and table ids must be unique slugs:
  they name the exported files (``<id>.png``, ``<id>.svg``, ``<id>.csv``).
- ``order`` places the section (built-ins: 10, 20, 30). A section returning
  no blocks is left out. Import the module that registers it before building
  the report (e.g. in ``mediakit/reporting/sections/__init__.py`` for sections
  that ship with mediakit).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

# Public name -> submodule; imported on first use so that building the CLI
# parser does not import spaCy or altair.
_EXPORTS = {
    "report": "build",
    "build_sections": "build",
    "export_notebooks": "notebooks",
    "export_charts": "exports",
    "export_tables": "exports",
    "ReportContext": "context",
    "Section": "registry",
    "register_section": "registry",
    "unregister_section": "registry",
    "registered_sections": "sections",
    "resolve_sections": "sections",
    "Text": "blocks",
    "Bullets": "blocks",
    "Definitions": "blocks",
    "Table": "blocks",
    "Chart": "blocks",
    "corpus_hash": "provenance",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'mediakit.reporting' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*__all__, *(k for k in globals() if not k.startswith("_"))])
