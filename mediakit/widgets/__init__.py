"""Widgets: thin ipywidgets front ends over :mod:`mediakit.charts` and :mod:`mediakit.compare`.

No analysis happens here: a control changes, the matching chart function is
called again on the selected outlets, and the chart view is updated in place.

Charts are shown with altair's ``JupyterChart`` (an anywidget) loading vega
from the JavaScript bundle inside ``vl-convert-python``, never from a CDN, so
they render offline in JupyterLab, Jupyter Notebook and Voilà. (JupyterLab's
built-in vega renderer stops at Vega-Lite 5 and altair's default HTML output
loads vega from the internet: neither works offline with altair 6.) Without
the ``anywidget`` package the charts fall back to static SVG images.
"""

from __future__ import annotations

from ..vocab import ENTITY_TYPES
from .article_html import article_html
from .chart_reader import ChartReader, MarkReader, chart_reader, clickable
from .chart_view import SvgChart, chart_view
from .comparison import OutletComparison, compare, dashboard
from .corpus_notes import caveat, corpus_note, read_article
from .download_link import download_link
from .kwic_html import kwic_html, kwic_summary
from .notebook_setup import notebook_setup
from .outlet_picker import OutletPicker
from .row_reader import RowReader, row_reader

__all__ = [
    "ENTITY_TYPES",
    "OutletComparison",
    "OutletPicker",
    "RowReader",
    "SvgChart",
    "ChartReader",
    "MarkReader",
    "article_html",
    "chart_reader",
    "clickable",
    "caveat",
    "corpus_note",
    "read_article",
    "chart_view",
    "compare",
    "dashboard",
    "download_link",
    "kwic_html",
    "kwic_summary",
    "notebook_setup",
    "row_reader",
]
