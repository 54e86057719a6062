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

import functools
import html
from collections.abc import Callable
from typing import Any

import altair as alt
import ipywidgets as w
import pandas as pd

from . import charts
from .analyses.metric_info import metric_short_title
from .charts.safe_spec import safe_spec
from .compare import kwic, largest_outlets, metric_columns
from .errors import CorpusError
from .vocab import ENTITY_TYPES

__all__ = [
    "ENTITY_TYPES",
    "OutletComparison",
    "SvgChart",
    "chart_view",
    "compare",
    "dashboard",
    "kwic_html",
]

DEFAULT_OUTLETS = 10  # preselected when a corpus has more outlets than this
KWIC_LIMIT = 200
# vega-embed's menu would offer "Open in Vega Editor" (a website); keep only the image export.
_EMBED = {"actions": {"export": True, "source": False, "compiled": False, "editor": False}}


# -- chart views ---------------------------------------------------------------------------
@functools.cache
def _offline_chart_class() -> type | None:
    """A JupyterChart subclass that loads vega from vl-convert; None without anywidget."""
    try:
        import anywidget  # noqa: F401
    except ImportError:
        return None

    class OfflineChart(alt.JupyterChart):
        """JupyterChart with vega bundled in (set on this subclass, not on altair's class)."""

    OfflineChart.enable_offline()
    return OfflineChart


class SvgChart(w.HTML):
    """Fallback chart view: a static SVG made with vl-convert (no tooltips, but offline)."""

    def __init__(self, chart: alt.TopLevelMixin) -> None:
        super().__init__()
        self.chart = chart

    @property
    def chart(self) -> alt.TopLevelMixin:
        return self._chart

    @chart.setter
    def chart(self, chart: alt.TopLevelMixin) -> None:
        import vl_convert as vlc

        self._chart = chart
        self.value = vlc.vegalite_to_svg(safe_spec(chart.to_dict()))


def chart_view(chart: alt.TopLevelMixin) -> w.DOMWidget:
    """A widget showing ``chart`` offline; assign ``view.chart = new_chart`` to redraw it.

    >>> import pandas as pd
    >>> from mediakit import charts
    >>> m = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "words": [100]})
    >>> view = chart_view(charts.metric_by_outlet(m, "words"))
    >>> view.chart.to_dict()["title"]["text"]
    'Words by outlet'
    """
    cls = _offline_chart_class()
    if cls is None:
        return SvgChart(chart)
    return cls(chart, embed_options=_EMBED)


# -- the comparison widget -----------------------------------------------------------------
def _rows(table: pd.DataFrame | None, outlets: set[str]) -> pd.DataFrame | None:
    if table is None:
        return None
    return table[table["outlet"].astype("string").isin(outlets)]


class OutletComparison(w.VBox):
    """Outlet picker, metric, entity type, raw/per-1k toggle and a search box over live charts.

    Attributes for scripts and tests: ``outlets``, ``metric``, ``label``,
    ``per_1k``, ``search`` (the controls), ``views`` (chart widgets by name),
    ``current_charts`` (the altair charts shown, by name), ``kwic_table``
    (the keyword-in-context rows shown) and ``message`` (what went wrong).
    """

    def __init__(
        self,
        metrics: pd.DataFrame,
        mentions: pd.DataFrame | None = None,
        sentences: pd.DataFrame | None = None,
        corpus: pd.DataFrame | None = None,
    ) -> None:
        columns = metric_columns(metrics)
        if not columns or "outlet" not in metrics.columns:
            raise CorpusError("compare() needs the metrics table from mediakit.analyze(corpus).")
        self._metrics, self._mentions, self._sentences, self._corpus = (
            metrics,
            mentions,
            sentences,
            corpus,
        )
        self._make_controls(columns)
        self.status = w.HTML()
        self.kwic_view = w.HTML(layout=w.Layout(max_height="320px", overflow="auto"))
        self.kwic_table: pd.DataFrame | None = None
        self.message: str = ""
        self.current_charts: dict[str, alt.TopLevelMixin] = {}
        self.views: dict[str, w.DOMWidget] = {}
        self._cache_key: tuple = ()
        self._cache: dict[str, pd.DataFrame | None] = {}
        self._draw_all()
        controls = w.HBox(
            [self.outlets, w.VBox([self.metric, self.label, self.per_1k, self.search])]
        )
        grid = w.Box(
            list(self.views.values()),
            layout=w.Layout(display="flex", flex_flow="row wrap", grid_gap="16px"),
        )
        super().__init__([controls, self.status, grid, self.kwic_view])
        self.outlets.observe(lambda _: self._draw_all(), "value")
        self.metric.observe(lambda _: self._draw("metric"), "value")
        self.label.observe(lambda _: self._draw("entities", "top_entities"), "value")
        self.per_1k.observe(lambda _: self._draw("entities", "top_entities"), "value")
        self.search.observe(lambda _: self._show_kwic(), "value")

    def _make_controls(self, columns: list[str]) -> None:
        """The outlet picker, metric and entity dropdowns, count toggle and search box."""
        counts = self._metrics["outlet"].astype("string").fillna("unknown").value_counts()
        self.all_outlets: list[str] = sorted(counts.index)
        default = largest_outlets(self._metrics, DEFAULT_OUTLETS)
        self.outlets = w.SelectMultiple(
            options=[(f"{o} ({counts[o]:,})", o) for o in self.all_outlets],
            value=tuple(o for o in self.all_outlets if o in set(default)),
            rows=min(10, max(4, len(self.all_outlets))),
            description="Outlets",
            layout=w.Layout(width="320px"),
        )
        first = "flesch_reading_ease" if "flesch_reading_ease" in columns else columns[0]
        self.metric = w.Dropdown(
            options=[(metric_short_title(c), c) for c in columns],
            value=first,
            description="Metric",
            layout=w.Layout(width="360px"),
        )
        self.label = w.Dropdown(
            options=ENTITY_TYPES,
            value="PERSON",
            description="Entities",
            disabled=self._mentions is None,
            layout=w.Layout(width="360px"),
        )
        self.per_1k = w.ToggleButtons(
            options=[("Mentions", False), ("Per 1,000 words", True)],
            value=False,
            description="Count",
            disabled=self._mentions is None,
        )
        self.search = w.Text(
            placeholder="a word or phrase, then Enter"
            if self._corpus is not None
            else "pass corpus= to search",
            description="Search",
            continuous_update=False,
            disabled=self._corpus is None,
            layout=w.Layout(width="360px"),
        )

    def _subset(self, name: str) -> pd.DataFrame | None:
        """The selected outlets' rows of one input table, cached until the selection changes."""
        key = tuple(self.outlets.value)
        if self._cache_key != key:
            self._cache_key, self._cache = key, {}
        if name not in self._cache:
            self._cache[name] = _rows(getattr(self, f"_{name}"), set(key))
        return self._cache[name]

    def _builders(self) -> dict[str, Callable[[], alt.TopLevelMixin]]:
        everyone = self.all_outlets  # colours follow the whole corpus, not the selection
        m = functools.partial(self._subset, "metrics")
        out: dict[str, Callable[[], alt.TopLevelMixin]] = {
            "metric": lambda: charts.metric_by_outlet(m(), self.metric.value, outlets=everyone),
            "profile": lambda: charts.metric_profile(m(), outlets=everyone),
            "formulas": lambda: charts.readability_formulas(m(), outlets=everyone),
        }
        if self._mentions is not None:

            def opts() -> dict:
                return {"label": self.label.value, "per_1k": self.per_1k.value, "outlets": everyone}

            out["entities"] = lambda: charts.entity_heatmap(self._subset("mentions"), m(), **opts())
            out["top_entities"] = lambda: charts.top_entities(
                self._subset("mentions"), m(), **opts()
            )
        if self._sentences is not None:
            out["sentences"] = lambda: charts.sentence_lengths(
                self._subset("sentences"), outlets=everyone
            )
        return out

    def _draw_all(self) -> None:
        self._draw(*self._builders())
        self._show_kwic()

    def _draw(self, *names: str) -> None:
        if not self.outlets.value:
            self._say("Pick at least one outlet (Ctrl/Cmd-click to pick several).")
            return
        builders = self._builders()
        self._say("")
        for name in names:
            try:
                chart = builders[name]()
            except CorpusError as err:  # shown to the student instead of lost in a log
                self._say(str(err))
                continue
            self.current_charts[name] = chart
            if name in self.views:
                self.views[name].chart = chart
            else:
                self.views[name] = chart_view(chart)

    def _say(self, text: str) -> None:
        self.message = text
        self.status.value = f"<p style='color:#b00020'>{html.escape(text)}</p>" if text else ""

    def _show_kwic(self) -> None:
        query = self.search.value.strip()
        if self._corpus is None or not query:
            self.kwic_table, self.kwic_view.value = None, ""
            return
        corpus = self._subset("corpus")
        try:
            table = kwic(corpus, query, limit=KWIC_LIMIT)
        except CorpusError as err:
            self._say(str(err))
            return
        self.kwic_table = table
        self.kwic_view.value = kwic_html(table, query, charts.outlet_palette(self.all_outlets))


def kwic_html(table: pd.DataFrame, query: str, palette: dict[str, str] | None = None) -> str:
    """An HTML table of :func:`mediakit.compare.kwic` rows: outlet, article, words around the match.

    >>> t = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "title": ["T"], "left": ["in"],
    ...                   "match": ["Kyiv"], "right": ["said"], "start_char": [3]})
    >>> "<b>Kyiv</b>" in kwic_html(t, "kyiv")
    True
    """
    esc = html.escape
    if table.empty:
        return f"<p>No match for <b>{esc(query)}</b> in the selected outlets.</p>"
    palette = palette or {}
    head = (
        f"<p>{len(table):,} line{'s' if len(table) != 1 else ''} for <b>{esc(query)}</b>"
        + (f" (the first {KWIC_LIMIT})" if len(table) >= KWIC_LIMIT else "")
        + "</p>"
    )
    rows = []
    for r in table.itertuples(index=False):
        dot = f"<span style='color:{palette.get(r.outlet, '#666')}'>&#9679;</span> "
        title = r.title if r.title else r.doc_id
        rows.append(
            f"<tr><td style='white-space:nowrap'>{dot}{esc(r.outlet)}</td>"
            f"<td title='{esc(title)}'>{esc(title[:50])}</td>"
            f"<td style='text-align:right'>{esc(r.left)}</td><td><b>{esc(r.match)}</b></td>"
            f"<td>{esc(r.right)}</td></tr>"
        )
    return (
        head + "<table style='border-collapse:collapse;font-size:90%'>"
        "<tr><th>Outlet</th><th>Article</th><th></th><th></th><th></th></tr>"
        + "".join(rows)
        + "</table>"
    )


def compare(
    metrics: pd.DataFrame,
    mentions: pd.DataFrame | None = None,
    sentences: pd.DataFrame | None = None,
    corpus: pd.DataFrame | None = None,
) -> OutletComparison:
    """Interactive comparison of outlets: pick outlets, a metric, an entity type, search words.

    ``metrics`` from :func:`mediakit.analyze`; ``mentions``
    (:func:`mediakit.entities`), ``sentences`` (:func:`mediakit.sentences`)
    and ``corpus`` (:func:`mediakit.load_corpus`, for the search box) add
    their charts and controls. Every change redraws at once.

    >>> import mediakit
    >>> corpus = mediakit.load_corpus()
    >>> ui = compare(mediakit.analyze(corpus), mediakit.entities(corpus), corpus=corpus)
    >>> ui.metric.value = "words_per_sentence"
    >>> ui.current_charts["metric"].to_dict()["title"]["text"]
    'Words per sentence by outlet'
    """
    return OutletComparison(metrics, mentions, sentences, corpus)


def dashboard(corpus: Any = None, **analyze_options: Any) -> OutletComparison:
    """Analyse a corpus and lay out every chart and control on one screen (notebooks, Voilà).

    ``corpus`` is anything :func:`mediakit.load_corpus` accepts (``None``: the
    bundled articles); ``analyze_options`` are those of
    :func:`mediakit.analyze` (``cache_dir``, ``n_process``, ``aliases``, ...).
    The corpus is parsed once for metrics, entities and sentences.

    >>> ui = dashboard(cache_dir=False)
    >>> sorted(ui.current_charts)
    ['entities', 'formulas', 'metric', 'profile', 'sentences', 'top_entities']
    """
    from .analyses.entities import entities_of
    from .analyses.metrics import metrics_of
    from .parsing.parsed import parse_corpus
    from .parsing.sentences import sentences_of

    aliases = analyze_options.pop("aliases", None)
    pc = parse_corpus(corpus, **analyze_options)
    return compare(
        metrics_of(pc, aliases=aliases),
        entities_of(pc, aliases=aliases),
        sentences_of(pc),
        pc.corpus,
    )
