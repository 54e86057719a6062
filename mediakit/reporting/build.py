"""``report``: parse the corpus once, build every section, write one HTML file (and exports)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from .._version import __version__
from ..analyses.stories import story_labels, story_subset
from ..errors import OptionError
from ..parsing.parsed import parse_corpus
from ..paths import write_atomically
from .blocks import Block, Chart, Table
from .context import ReportContext
from .embedded import TEXT_BUDGET, article_payload, cited_articles
from .exports import export_charts, export_tables
from .html import render_report
from .options import check_section_options
from .provenance import Provenance, analysis_date, corpus_hash
from .registry import Section
from .sections import resolve_sections
from .sections.stories import story_sections

__all__ = ["build_sections", "report"]

DEFAULT_TITLE = "How the outlets compare"
_BLOCK_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def build_sections(
    ctx: ReportContext, sections: Sequence[Section]
) -> list[tuple[Section, list[Block]]]:
    """Run each section's function; drop empty sections; check block ids are unique.

    Block ids become HTML ids and export file names, so they must be unique
    lowercase slugs across the whole report.
    """
    built: list[tuple[Section, list[Block]]] = []
    seen: dict[str, str] = {}
    for section in sections:
        blocks = list(section.build(ctx) or [])
        for block in blocks:
            if isinstance(block, Chart | Table):
                ids = [block.id, block.table().id] if isinstance(block, Chart) else [block.id]
                for bid in ids:
                    if not _BLOCK_ID.match(bid):
                        raise ValueError(
                            f"Section {section.id!r}: block id {bid!r} must be a lowercase slug (a-z, 0-9, '-', '_')."
                        )
                    if bid in seen:
                        raise ValueError(
                            f"Sections {seen[bid]!r} and {section.id!r} both use the block id {bid!r}; ids must be unique."
                        )
                    seen[bid] = section.id
        if blocks:
            built.append((section, blocks))
    return built


def check_report_path(path: str | os.PathLike) -> Path:
    """The report's path, refused at once if it cannot be a file.

    >>> check_report_path("out/report.html")
    PosixPath('out/report.html')
    """
    out = Path(path)
    if out.is_dir():
        raise OptionError(
            f"report path {out} is a folder; name the HTML file, e.g. {out / 'report.html'}."
        )
    blocker = next((p for p in out.parents if p.exists() and not p.is_dir()), None)
    if blocker is not None:
        raise OptionError(
            f"report path {out} cannot be written: {blocker} is a file, not a folder."
        )
    return out


def outlets_note(ctx: ReportContext) -> str:
    """What the charts show of many outlets, and how to change it ("" when they name all).

    >>> from mediakit.parsing.parsed import parse_corpus
    >>> outlets_note(ReportContext(parse_corpus(cache_dir=False), options={"outlets_top": 2}))[:60]
    'The charts name the 2 outlets with most articles and sum the'
    """
    rest = ctx.folded_outlets
    if not rest:
        return ""
    n = len(ctx.shown_outlets)
    return (
        f"The charts name the {n:,} outlet{'s' if n != 1 else ''} with most articles and sum the "
        f'other {rest:,} as "other outlets"; the tables list every outlet. To name more or fewer, '
        f"make the report again with mediakit report --outlets-top {max(2 * n, 20)} (or "
        f'report(..., section_options={{"outlets_top": {max(2 * n, 20)}}})).'
    )


def _reader_articles(ctx: ReportContext, built: list[tuple[Section, list[Block]]]) -> dict:
    """Texts for the article reader: the articles the tables cite, findings first, within budget."""
    tables = [
        t
        for _, bs in built
        for b in bs
        for t in ([b] if isinstance(b, Table) else [b.table()] if isinstance(b, Chart) else [])
    ]
    budget = int(ctx.option("reader_chars", TEXT_BUDGET))
    return article_payload(ctx.corpus, ctx.article_labels, cited_articles(tables), budget)


def report(
    corpus: Any = None,
    path: str | os.PathLike = "report.html",
    *,
    title: str | None = None,
    analysed_on: Any = None,
    sections: Iterable[str | Section] | None = None,
    section_options: Mapping[str, Any] | None = None,
    charts_dir: str | os.PathLike | None = None,
    tables_dir: str | os.PathLike | None = None,
    aliases: Any = None,
    n_process: int | None = None,
    batch_size: int = 32,
    cache_dir: str | os.PathLike | bool | None = None,
    progress: bool | None = None,
    model: str | None = None,
    story: str | None = None,
) -> Path:
    """Write a static HTML report comparing the outlets of ``corpus``; return its path.

    One file, everything inlined (charts, their JavaScript, styles); it makes
    no network request when opened and prints to PDF from a browser. It shows
    the corpus, length and readability by outlet with plain-language
    explanations, and the entities each outlet names; under every chart is the
    table behind it.

    - ``corpus``: a table from :func:`mediakit.load_corpus` or anything it
      accepts (``None``: the bundled corpus). Text, titles, outlet names and
      metadata are treated as untrusted and always shown as text.
    - ``sections``: section ids (or :class:`~mediakit.reporting.Section`
      objects) to include; default every registered section (see
      :func:`~mediakit.reporting.register_section` to add one).
    - ``section_options``: settings read by sections, e.g. ``{"top": 15}``
      entities per outlet, ``{"entity_labels": ("PERSON", "ORG")}``.
    - ``charts_dir``: also write every chart as ``<id>.png`` and ``<id>.svg``;
      ``tables_dir``: every table (those behind charts too) as ``<id>.csv``.
    - ``analysed_on``: the date printed as the analysis date. Without it the
      date comes from ``corpus.attrs["analysed_on"]``, else from the parse
      cache (the day the newest cache file holding this corpus was written),
      never from the clock; with ``cache_dir=False`` it reads "not recorded".
    - ``story``: a story id of :func:`mediakit.stories` (or of the corpus's
      own ``story`` column): the report covers that story's articles only.
      Otherwise, for a corpus of several stories, the "Stories" section lists
      them and the largest (``section_options={"stories_top": 3}``) get the
      sections on how outlets differ of their own.
    - Charts name the ``section_options={"outlets_top": 10}`` outlets with
      most articles and sum the others as "other outlets"; the reader
      embeds the texts of the articles the report cites, up to
      ``section_options={"reader_chars": 1_500_000}`` characters.
    - ``aliases``, ``n_process``, ``batch_size``, ``cache_dir``, ``progress``,
      ``model``: as for :func:`mediakit.analyze`.

    The same corpus and options give a byte-identical file.

    >>> import tempfile, pathlib
    >>> out = report(path=pathlib.Path(tempfile.mkdtemp()) / "report.html", analysed_on="2024-11-18")
    >>> out.read_text(encoding="utf-8").count('class="vega-chart"') >= 3
    True
    """
    out = check_report_path(path)
    for folder, name in ((charts_dir, "charts_dir"), (tables_dir, "tables_dir")):
        if folder is not None and Path(folder).exists() and not Path(folder).is_dir():
            raise OptionError(f"{name}={str(folder)!r} is a file, not a folder. Name a folder.")
    options = check_section_options(section_options)
    analysis_date(analysed_on)  # a bad date fails now, not after the parse
    pc = parse_corpus(
        corpus,
        n_process=n_process,
        batch_size=batch_size,
        cache_dir=False if cache_dir is False else cache_dir,
        progress=progress,
        model=model,
    )
    if story is not None:  # stories are found on the whole corpus, then one is kept
        pc = story_subset(pc, story_labels(pc, aliases=aliases), str(story))
    day, source = analysis_date(analysed_on, pc.corpus, pc.store, pc.keys)
    prov = Provenance(
        mediakit_version=__version__,
        model=pc.model_id,
        analysed_on=day,
        analysed_on_source=source,
        corpus_hash=corpus_hash(pc.corpus, pc.keys),
        articles=len(pc.corpus),
        outlets=int(pc.corpus["outlet"].nunique()),
    )
    ctx = ReportContext(pc, aliases=aliases, options=options, provenance=prov)
    chosen = resolve_sections(sections)
    built = build_sections(ctx, chosen + story_sections(ctx, chosen))
    csv_texts: dict[str, str] = {}  # each table's CSV, made once for the page and the export
    page = render_report(
        title or DEFAULT_TITLE,
        built,
        prov,
        cache_dir,
        articles=_reader_articles(ctx, built),
        note=outlets_note(ctx),
        csv_texts=csv_texts,
    )
    # Bytes, not text mode: no newline translation, the same file on every OS.
    out.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(out, page.encode("utf-8"))

    blocks = [b for _, bs in built for b in bs]
    charts = [b for b in blocks if isinstance(b, Chart)]
    # Tables first: the numbers are exported even if a chart cannot be rendered.
    if tables_dir is not None:
        tables = [
            t
            for b in blocks
            for t in ([b] if isinstance(b, Table) else [b.table()] if isinstance(b, Chart) else [])
        ]
        export_tables(tables, tables_dir, csv_texts)
    if charts_dir is not None:
        export_charts(charts, charts_dir)
    return out
