"""``compare`` and ``dashboard``: outlet picker, controls and live charts on one screen.

Each control sits next to what it changes: the search box has its results and
the article reader right under it, the metric dropdown sits above the metric
chart, the entity controls above the name charts.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Callable
from typing import Any

import altair as alt
import ipywidgets as w
import pandas as pd

from .. import charts
from ..analyses.metric_info import metric_short_title
from ..compare import kwic, largest_outlets, metric_columns
from ..errors import CorpusError
from ..vocab import ENTITY_TYPES
from .article_html import article_html
from .chart_reader import MarkReader, clickable
from .chart_view import chart_view
from .download_link import chart_table, download_link
from .kwic_html import KWIC_LIMIT, article_label, kwic_summary
from .outlet_picker import OutletPicker

DEFAULT_OUTLETS = 10  # preselected when a corpus has more outlets than this
_HIDDEN = {"display": "none"}
SELECTION_AXIS = (
    "Outlet average in standard deviations of the selected outlets' articles "
    "(0 = their average, not the corpus's)"
)


def _rows(table: pd.DataFrame | None, outlets: set[str]) -> pd.DataFrame | None:
    if table is None:
        return None
    return table[table["outlet"].astype("string").isin(outlets)]


def _relative_to_selection(chart: alt.LayerChart) -> alt.LayerChart:
    """The profile's axis and caption say the truth when it was computed over some outlets only."""
    title = chart.title
    if isinstance(title, alt.TitleParams) and isinstance(title.subtitle, list):
        title.subtitle = [
            str(line)
            .replace("of all articles", "of the selected outlets' articles")
            .replace("the corpus average", "their average")
            for line in title.subtitle
        ]
    for layer in chart.layer:
        x = getattr(layer, "encoding", alt.Undefined)
        x = getattr(x, "x", alt.Undefined) if x is not alt.Undefined else x
        if x is not alt.Undefined and getattr(x, "shorthand", None) == "z:Q":
            x.title = SELECTION_AXIS
    return chart


def grid_columns(panels: int) -> int:
    """Columns for a grid of ``panels`` small charts that leave no empty cell when they can.

    An empty cell of a vega-lite facet grid still draws its x axis, an axis under nothing.

    >>> [grid_columns(n) for n in (2, 5, 6, 8, 10, 12, 7)]
    [2, 5, 3, 4, 5, 4, 4]
    """
    if panels <= 5:
        return max(panels, 1)
    return next((c for c in (4, 3, 5) if panels % c == 0), 4)


def hit_label(row: Any) -> str:
    """One search hit as a line of the results list: outlet, title, words around the match."""
    title = article_label(row.title, row.outlet)
    return f"{row.outlet}: …{row.left} [{row.match}] {row.right}… ({title[:40]})"


class ChartDownloads(w.HBox):
    """A CSV link to a chart's data, and a button that makes its PNG (a second or so, on demand)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.csv, self.png = w.HTML(), w.HTML()
        self.png_button = w.Button(description="Make a PNG", layout=w.Layout(width="auto"))
        self.png_button.on_click(lambda _: self._make_png())
        self._chart: alt.TopLevelMixin | None = None
        super().__init__([self.csv, self.png_button, self.png])

    @property
    def chart(self) -> alt.TopLevelMixin | None:
        return self._chart

    @chart.setter
    def chart(self, chart: alt.TopLevelMixin) -> None:
        self._chart = chart
        self.csv.value = download_link(
            chart_table(chart), f"{self.name}.csv", "Download the chart's data (CSV)"
        )
        self.png.value = ""  # a PNG of the previous chart would be wrong now

    def _make_png(self) -> None:
        if self._chart is not None:
            self.png.value = download_link(self._chart, f"{self.name}.png", "Save the PNG")


class OutletComparison(w.VBox):
    """Outlet picker, metric, entity type, raw/per-1k toggle and a search box over live charts.

    Attributes for scripts and tests: ``outlets`` (an :class:`OutletPicker`),
    ``metric``, ``label``, ``per_1k``, ``search`` (the controls), ``views``
    (chart widgets by name), ``current_charts`` (the altair charts shown, by
    name), ``downloads`` (CSV/PNG links by chart name), ``chart_readers``
    (by chart name: what the mark last clicked opened, see :class:`MarkReader`), ``kwic_table`` (the
    keyword-in-context rows found), ``hits`` (the list of those lines: pick
    one to read it), ``reader`` (the article shown) and ``message`` (what went
    wrong).
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
        self._make_search_panel()
        self.status = w.HTML()
        self.entity_status = w.HTML()
        self.message: str = ""
        self.current_charts: dict[str, alt.TopLevelMixin] = {}
        self.views: dict[str, w.DOMWidget] = {}
        self.downloads: dict[str, ChartDownloads] = {}
        self.chart_readers: dict[str, w.Widget] = {}
        self._cache_key: tuple = ()
        self._cache: dict[str, pd.DataFrame | None] = {}
        self._draw_all()
        super().__init__(self._layout())
        self.outlets.observe(lambda _: self._draw_all(), "value")
        self.metric.observe(lambda _: self._draw("metric"), "value")
        self.label.observe(lambda _: self._draw("entities", "top_entities"), "value")
        self.per_1k.observe(lambda _: self._draw("entities", "top_entities"), "value")
        self.search.observe(lambda _: self._show_kwic(), "value")
        self.hits.observe(lambda _: self._read_hit(), "value")

    def _make_controls(self, columns: list[str]) -> None:
        """The outlet picker, metric and entity dropdowns and the count toggle."""
        counts = self._metrics["outlet"].astype("string").fillna("unknown").value_counts()
        self.all_outlets: list[str] = sorted(counts.index)
        default = largest_outlets(self._metrics, DEFAULT_OUTLETS)
        self.outlets = OutletPicker({o: int(counts[o]) for o in self.all_outlets}, default)
        first = "flesch_reading_ease" if "flesch_reading_ease" in columns else columns[0]
        self.metric = w.Dropdown(
            options=[(metric_short_title(c), c) for c in columns],
            value=first,
            description="Metric",
            layout=w.Layout(width="360px"),
        )
        # Without the mentions table these would do nothing: not shown rather than greyed out.
        hide = _HIDDEN if self._mentions is None else {}
        self.label = w.Dropdown(
            options=ENTITY_TYPES,
            value="PERSON",
            description="Entities",
            disabled=self._mentions is None,
            layout=w.Layout(width="360px", **hide),
        )
        self.per_1k = w.ToggleButtons(
            options=[("Mentions", False), ("Per 1,000 words", True)],
            value=False,
            description="Count",
            disabled=self._mentions is None,
            layout=w.Layout(**hide),
        )

    def _make_search_panel(self) -> None:
        """Search box, its results right under it, and the article reader under those."""
        self.search = w.Text(
            placeholder="a word or phrase, then Enter",
            description="Search",
            continuous_update=False,
            disabled=self._corpus is None,
            layout=w.Layout(width="420px"),
        )
        self.kwic_view = w.HTML()
        self.kwic_table: pd.DataFrame | None = None
        self.hits = w.Select(options=[], rows=8, layout=w.Layout(width="640px", **_HIDDEN))
        self.kwic_download = w.HTML()
        self.reader = w.HTML(layout=w.Layout(width="640px"))
        hint = w.HTML(
            "<span style='font-size:90%;color:#555'>Click a line to read its article, "
            "the sentence highlighted.</span>"
        )
        self.search_panel = w.VBox(
            [self.search, self.kwic_view, hint, self.hits, self.kwic_download, self.reader],
            layout=w.Layout(**(_HIDDEN if self._corpus is None else {})),
        )

    def _layout(self) -> list[w.Widget]:
        def block(*names: str, controls: list | None = None) -> list[w.Widget]:
            out: list[w.Widget] = list(controls or [])
            for name in names:
                if name in self.views:
                    out += [self.downloads[name], self.views[name], self.chart_readers[name]]
            return out

        top = w.HBox([self.outlets, self.search_panel], layout=w.Layout(grid_gap="24px"))
        return [
            top,
            self.status,
            *block("metric", controls=[self.metric]),
            *block("profile", "formulas"),
            *block(
                "entities",
                "top_entities",
                controls=[w.HBox([self.label, self.per_1k]), self.entity_status]
                if self._mentions is not None
                else [],
            ),
            *block("sentences"),
        ]

    def _subset(self, name: str) -> pd.DataFrame | None:
        """The selected outlets' rows of one input table, cached until the selection changes."""
        key = tuple(self.outlets.value)
        if self._cache_key != key:
            self._cache_key, self._cache = key, {}
        if name not in self._cache:
            self._cache[name] = _rows(getattr(self, f"_{name}"), set(key))
        return self._cache[name]

    def _profile(self) -> alt.TopLevelMixin:
        chart = charts.metric_profile(self._subset("metrics"), outlets=self.all_outlets)
        if set(self.outlets.value) != set(self.all_outlets):
            chart = _relative_to_selection(chart)
        return chart

    def _builders(self) -> dict[str, Callable[[], alt.TopLevelMixin]]:
        everyone = self.all_outlets  # colours follow the whole corpus, not the selection
        m = functools.partial(self._subset, "metrics")
        out: dict[str, Callable[[], alt.TopLevelMixin]] = {
            "metric": lambda: charts.metric_by_outlet(m(), self.metric.value, outlets=everyone),
            "profile": self._profile,
            "formulas": lambda: charts.readability_formulas(m(), outlets=everyone),
        }
        if self._mentions is not None:

            def opts() -> dict:
                return {"label": self.label.value, "per_1k": self.per_1k.value, "outlets": everyone}

            out["entities"] = lambda: charts.entity_heatmap(self._subset("mentions"), m(), **opts())
            out["top_entities"] = lambda: charts.top_entities(
                self._subset("mentions"),
                m(),
                columns=grid_columns(
                    min(len(self.outlets.value), 12)
                ),  # the chart shows 12 at most
                **opts(),
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
            self._say("Pick at least one outlet (tick it in the list, or press Top N).")
            return
        builders = self._builders()
        self._say("")
        for name in names:
            try:
                chart = builders[name]()
            except CorpusError as err:  # shown to the student instead of lost in a log
                self._say(str(err))
                continue
            if self._corpus is not None:
                chart = clickable(chart)
            self.current_charts[name] = chart
            if name in self.views:
                self.views[name].chart = chart
            else:
                self.views[name] = chart_view(chart)
                self.downloads[name] = ChartDownloads(name)
                self.chart_readers[name] = (
                    w.HTML() if self._corpus is None else MarkReader(self._corpus, self._sentences)
                )
            self.downloads[name].chart = chart
            self._listen_for_clicks(name)
        if {"entities", "top_entities"} & set(names):
            self._note_empty_entities()

    def _note_empty_entities(self) -> None:
        """Say so, next to the Entities control, when the charts have no name to show."""
        chart = self.current_charts.get("entities")
        empty = chart is not None and chart_table(chart).empty
        self.entity_status.value = (
            f"<span style='color:#b00020'>The selected outlets' articles name no "
            f"{html.escape(str(self.label.label).lower())}: pick another Entities type.</span>"
            if empty
            else ""
        )

    def _listen_for_clicks(self, name: str) -> None:
        """A click on a mark opens its article (or lists its outlet's) right under its chart."""
        reader = self.chart_readers[name]
        if isinstance(reader, MarkReader):
            reader.listen(self.views[name])

    def _say(self, text: str) -> None:
        self.message = text
        self.status.value = f"<p style='color:#b00020'>{html.escape(text)}</p>" if text else ""

    def _show_kwic(self) -> None:
        query = self.search.value.strip()
        if self._corpus is None or not query:
            self.kwic_table, self.kwic_view.value = None, ""
            self.hits.options, self.hits.layout.display = [], "none"
            self.kwic_download.value, self.reader.value = "", ""
            return
        try:
            table = kwic(self._subset("corpus"), query, limit=KWIC_LIMIT)
        except CorpusError as err:
            self.kwic_view.value = f"<p style='color:#b00020'>{html.escape(str(err))}</p>"
            return
        self.kwic_table = table
        self.kwic_view.value = f"<p><b>{html.escape(kwic_summary(table, query))}</b></p>"
        self.hits.options = [(hit_label(r), i) for i, r in enumerate(table.itertuples())]
        self.hits.layout.display = None if len(table) else "none"
        self.kwic_download.value = (
            download_link(table, "search.csv", "Download these lines (CSV)") if len(table) else ""
        )
        self.hits.value = 0 if len(table) else None
        self._read_hit()

    def _read_hit(self) -> None:
        table, i = self.kwic_table, self.hits.value
        if table is None or i is None or i >= len(table):
            self.reader.value = ""
            return
        row = table.iloc[i]
        start = int(row["start_char"])
        self.reader.value = article_html(
            self._corpus, row["doc_id"], start, start + len(row["match"]), self._sentences
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
    from ..analyses.entities import entities_of
    from ..analyses.metrics import metrics_of
    from ..parsing.parsed import parse_corpus
    from ..parsing.sentences import sentences_of

    aliases = analyze_options.pop("aliases", None)
    pc = parse_corpus(corpus, **analyze_options)
    return compare(
        metrics_of(pc, aliases=aliases),
        entities_of(pc, aliases=aliases),
        sentences_of(pc),
        pc.corpus,
    )
