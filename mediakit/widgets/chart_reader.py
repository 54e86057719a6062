"""``chart_reader``: a chart whose marks open what they stand for, in a reader right under it.

A dot that stands for an article opens the article; a bar, box or point that
stands for an outlet lists that outlet's articles; a heatmap cell lists its
pair of articles (or the articles of its pair of outlets). A pick in a list
opens the article. The dashboard's charts and the notebooks' use the same
reader.
"""

from __future__ import annotations

import html
import time
from collections.abc import Iterable
from typing import Any

import altair as alt
import ipywidgets as w
import pandas as pd

from ..compare import OTHER_OUTLETS
from ..errors import CorpusError
from .article_html import article_html
from .chart_view import chart_view

#: Click selections a chart may carry, each with the fields of the marks it listens to,
#: in the order a layer is matched against them.
CLICKS = {
    "article": ("doc_id",),
    "pair": ("doc_id_a", "doc_id_b"),
    "outlets": ("outlet_a", "outlet_b"),
    "outlet": ("outlet",),
}
#: Selections that stand for one article (or pair) and for a list of an outlet's articles.
_ITEMS = ("article", "pair")
_LISTS = ("outlet", "outlets")
#: Seconds within which two selection events come from one click.
_ONE_CLICK = 0.5
#: Articles a list offers; a longer list is cut, with a note.
LIST_LIMIT = 200
_WIDTH = "720px"


def _fields(spec: dict) -> set[str]:
    """The data fields a view's encoding uses (channels and tooltips)."""
    out: set[str] = set()
    for value in (spec.get("encoding") or {}).values():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict) and isinstance(item.get("field"), str):
                out.add(item["field"])
    return out


def _click_for(fields: set[str], taken: set[str]) -> str | None:
    return next((n for n, f in CLICKS.items() if n not in taken and set(f) <= fields), None)


def clickable(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """``chart`` with click selections on the marks that stand for articles, outlets or pairs.

    A single view gets one selection; in a layered chart each layer that draws
    data gets the first kind not taken (:data:`CLICKS`), declared on the top
    level where ``JupyterChart`` looks for it and naming its layer. Other
    charts (facets, concatenations) come back as they are.

    >>> m = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "words": [100]})
    >>> spec = clickable(alt.Chart(m).mark_bar().encode(y="outlet:N", x="words:Q")).to_dict()
    >>> spec["params"][0]["name"], spec["params"][0]["select"]["fields"]
    ('outlet', ['outlet'])
    """
    spec = chart.to_dict(validate=False)  # only to read the fields; drawing validates
    if "layer" not in spec:
        if not isinstance(chart, alt.Chart) or "encoding" not in spec:
            return chart
        name = _click_for(_fields(spec), set())
        if name is None:
            return chart
        click = alt.selection_point(name=name, fields=list(CLICKS[name]), on="click")
        return chart.add_params(click)
    layers = list(chart.layer)
    params, taken = [], set()
    for i, (layer, layer_spec) in enumerate(zip(layers, spec["layer"], strict=True)):
        name = _click_for(_fields(layer_spec), taken)
        if name is None or "layer" in layer_spec:
            continue
        taken.add(name)
        layers[i] = layer.properties(name=f"{name}_marks")
        select = alt.PointSelectionConfig(type="point", fields=list(CLICKS[name]), on="click")
        params.append(
            alt.TopLevelSelectionParameter(name=name, select=select, views=[f"{name}_marks"])
        )
    if not params:
        return chart
    out = chart.copy(deep=False)
    out.layer = layers
    out.params = params
    return out


def _picked(selection: Any) -> dict | None:
    value = getattr(selection, "value", None) or []
    return value[0] if value and isinstance(value[0], dict) else None


class MarkReader(w.VBox):
    """What a click on a chart's mark opens: an article (``value``, its HTML) or a list to pick from.

    ``listing`` is the list of articles (hidden when an article was clicked),
    ``note`` says what the list holds.
    """

    def __init__(self, corpus: pd.DataFrame, sentences: pd.DataFrame | None = None) -> None:
        if not isinstance(corpus, pd.DataFrame) or not {"doc_id", "text"} <= set(corpus.columns):
            raise CorpusError("Pass the corpus table from mediakit.load_corpus(SOURCE, **COLUMNS).")
        self._corpus, self._sentences = corpus, sentences
        self._opened_by: str | None = None  # the selection whose click the reader shows
        self._opened_at = 0.0
        self.note = w.HTML()
        self.listing = w.Select(options=[], value=None, layout=w.Layout(width=_WIDTH))
        self.listing.layout.display = "none"
        self.page = w.HTML(layout=w.Layout(width=_WIDTH))
        self.listing.observe(lambda _: self._read_picked(), "value")
        super().__init__([self.note, self.listing, self.page])

    @property
    def value(self) -> str:
        """The HTML of the article shown ("" when none)."""
        return self.page.value

    def clear(self) -> None:
        """Show nothing (a new chart: the old click no longer applies)."""
        self._opened_by = None
        self.note.value, self.page.value = "", ""
        self.listing.options = []
        self.listing.layout.display = "none"

    def show_article(self, doc_id: str, start: int | None = None, end: int | None = None) -> None:
        """The article ``doc_id`` with the passage ``start:end`` marked (its sentence too)."""
        self.listing.layout.display = "none"
        self.note.value = ""
        self._show(doc_id, start, end)

    def show_list(self, note: str, docs: Iterable[str]) -> None:
        """A list of articles to pick from, with ``note`` (plain text) above it."""
        docs = [str(d) for d in docs]
        rows = self._corpus[self._corpus["doc_id"].astype(str).isin(docs)]
        order = {d: i for i, d in enumerate(docs)}
        rows = rows.iloc[rows["doc_id"].astype(str).map(order).argsort()]
        if len(rows) > LIST_LIMIT:
            note += f" The first {LIST_LIMIT:,} of {len(rows):,} are listed."
            rows = rows.head(LIST_LIMIT)
        self.note.value = f"<p style='margin:.3em 0'>{html.escape(note)}</p>"
        self.page.value = ""
        options = [(self._label(r), str(r.doc_id)) for r in rows.itertuples(index=False)]
        self.listing.options = options
        self.listing.value = None
        self.listing.rows = min(8, max(len(options), 1))
        self.listing.layout.display = "" if options else "none"

    def _label(self, row: Any) -> str:
        title = str(getattr(row, "title", "") or "").strip() or f"article {row.doc_id}"
        date = getattr(row, "date", None)
        day = "" if date is None or pd.isna(date) else str(pd.Timestamp(date).date())
        return " · ".join(p for p in (title[:90], str(row.outlet), day) if p)

    def _read_picked(self) -> None:
        if self.listing.value is not None:
            self._show(self.listing.value, None, None)

    def _show(self, doc_id: str, start: int | None, end: int | None) -> None:
        try:
            page = article_html(self._corpus, doc_id, start, end, self._sentences)
        except CorpusError as err:  # a chart of another corpus: say so where the text would be
            page = f"<p style='color:#b00020'>{html.escape(str(err))}</p>"
        # MathJax would read "$5 ... $6" in an article as a formula.
        self.page.value = f"<div class='tex2jax_ignore mathjax_ignore'>{page}</div>"

    def _outlet_docs(self, outlets: Iterable[str]) -> list[str]:
        mask = self._corpus["outlet"].astype(str).isin([str(o) for o in outlets])
        return self._corpus.loc[mask, "doc_id"].astype(str).tolist()

    def open_mark(self, click: str, picked: dict | None) -> None:
        """Show what the mark ``picked`` (its data fields) of the selection ``click`` stands for.

        ``picked=None`` (the selection emptied) clears the reader only if that
        selection opened what it shows: a click on an outlet's box also empties
        the dots' selection, and must not wipe the list the box just opened.
        """
        if picked is None:
            if self._opened_by in (click, None):
                self.clear()
            return
        # One click on a dot drawn over its outlet's mark can fill both selections, in
        # either order: the article (the mark on top) wins.
        now = time.monotonic()
        if click in _LISTS and self._opened_by in _ITEMS and now - self._opened_at < _ONE_CLICK:
            return
        self._opened_by, self._opened_at = click, now
        if click == "article":
            self.show_article(str(picked["doc_id"]), picked.get("start_char"))
        elif click == "pair":
            pair = [str(picked["doc_id_a"]), str(picked["doc_id_b"])]
            self.show_list("Two articles that share sentences: pick one to read it.", pair)
        else:
            named = (
                [picked["outlet"]]
                if click == "outlet"
                else [picked["outlet_a"], picked["outlet_b"]]
            )
            named = list(dict.fromkeys(str(o) for o in named))
            if OTHER_OUTLETS in named:
                self.clear()
                self.note.value = (
                    "<p>“other outlets” sums the outlets this chart does not name: pick them "
                    "in the outlet list, or draw the chart with more outlets.</p>"
                )
                return
            docs = self._outlet_docs(named)
            self.show_list(
                f"{len(docs):,} article{'s' if len(docs) != 1 else ''} of "
                f"{' and '.join(named)}: pick one to read it.",
                docs,
            )

    def listen(self, view: w.DOMWidget) -> None:
        """Open what a click on ``view``'s marks picks (a ``JupyterChart`` from :func:`clickable`)."""
        self.clear()
        selections = getattr(view, "selections", None)
        if selections is None:
            return
        for click in CLICKS:
            if click in selections.trait_names():
                selections.observe(
                    lambda change, c=click: self.open_mark(c, _picked(change["new"])), [click]
                )


class ChartReader(w.VBox):
    """A chart (``view``) and, under it, the :class:`MarkReader` its clicks open (``reader``)."""

    def __init__(
        self,
        chart: alt.TopLevelMixin,
        corpus: pd.DataFrame,
        sentences: pd.DataFrame | None = None,
    ) -> None:
        self.reader = MarkReader(corpus, sentences)
        self.chart = clickable(chart)
        self.view = chart_view(self.chart)
        self.reader.listen(self.view)
        hint = w.HTML(
            "<span style='font-size:90%;color:#555'>Click a mark to read what it stands for: "
            "a dot opens its article, a bar or an outlet's mark lists that outlet's articles.</span>"
        )
        super().__init__([self.view, hint, self.reader])


def chart_reader(
    chart: alt.TopLevelMixin, corpus: pd.DataFrame, sentences: pd.DataFrame | None = None
) -> ChartReader:
    """Show ``chart`` so that a click on a mark opens its article (or lists its outlet's) under it.

    >>> import mediakit
    >>> corpus = mediakit.load_corpus()
    >>> metrics = mediakit.analyze(corpus)
    >>> ui = chart_reader(mediakit.charts.metric_by_outlet(metrics, "words"), corpus)
    >>> ui.reader.open_mark("outlet", {"outlet": corpus["outlet"].iloc[0]})  # what a click on a bar does
    >>> len(ui.reader.listing.options)
    1
    """
    return ChartReader(chart, corpus, sentences)
