"""``chart_view``: a widget that shows an altair chart offline and redraws it in place."""

from __future__ import annotations

import functools

import altair as alt
import ipywidgets as w

from ..charts.safe_spec import safe_spec

# vega-embed's menu would offer "Open in Vega Editor" (a website); keep only the image export.
EMBED = {"actions": {"export": True, "source": False, "compiled": False, "editor": False}}


@functools.cache
def offline_chart_class() -> type | None:
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
    cls = offline_chart_class()
    if cls is None:
        return SvgChart(chart)
    return cls(chart, embed_options=EMBED)
