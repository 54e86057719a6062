"""Write every chart as PNG and SVG and every table as CSV (offline, with vl-convert)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from ..charts.safe_spec import safe_spec
from ..errors import OptionError
from ..paths import write_atomically
from .blocks import Chart, Table
from .embedded import csv_text
from .html import normalize_names

__all__ = ["export_charts", "export_tables"]


def _folder(directory: str | os.PathLike, what: str) -> Path:
    out = Path(directory)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise OptionError(
            f"{what}={str(out)!r}: that is a file (or inside one), not a folder. Name a folder."
        ) from None
    return out


def export_charts(
    charts: Iterable[Chart], directory: str | os.PathLike, *, scale: float = 2.0
) -> list[Path]:
    """Write ``<id>.png`` and ``<id>.svg`` for each chart; return the paths written.

    Rendering is offline: vl-convert is told to load no URL at all.

    >>> import altair as alt, pandas as pd, tempfile
    >>> df = pd.DataFrame({"outlet": ["A", "B"], "words": [500, 700]})
    >>> chart = Chart("words", "Words", alt.Chart(df).mark_bar().encode(x="words", y="outlet"), df)
    >>> [p.name for p in export_charts([chart], tempfile.mkdtemp())]
    ['words.png', 'words.svg']
    """
    import vl_convert as vlc

    out = _folder(directory, "charts_dir")
    written: list[Path] = []
    for chart in charts:
        spec = safe_spec(normalize_names(chart.spec()))
        png = vlc.vegalite_to_png(spec, scale=scale, allowed_base_urls=[])
        svg = vlc.vegalite_to_svg(spec, allowed_base_urls=[])
        for path, data in (
            (out / f"{chart.id}.png", png),
            (out / f"{chart.id}.svg", svg.encode("utf-8")),
        ):
            write_atomically(path, data)
            written.append(path)
    return written


def export_tables(
    tables: Iterable[Table], directory: str | os.PathLike, texts: dict[str, str] | None = None
) -> list[Path]:
    """Write ``<id>.csv`` (UTF-8, all rows, snake_case headers) for each table.

    ``texts``: CSV already made for the page, by table id (see
    :func:`~mediakit.reporting.embedded.csv_text`); the others are made here.

    Text cells that a spreadsheet would run as a formula (``=``, ``+``, ``-``,
    ``@``, tab, CR first) get a leading ``'`` (see :mod:`.spreadsheet`).

    >>> import pandas as pd, tempfile
    >>> t = Table("outlets", "Outlets", pd.DataFrame({"outlet": ["A"], "articles": [1]}))
    >>> [p.name for p in export_tables([t], tempfile.mkdtemp())]
    ['outlets.csv']
    """
    out = _folder(directory, "tables_dir")
    written: list[Path] = []
    for table in tables:
        path = out / f"{table.id}.csv"
        written.append(write_atomically(path, csv_text(table, texts).encode("utf-8")))
    return written
