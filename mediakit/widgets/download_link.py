"""``download_link``: a link that saves a table as CSV or a chart as PNG, with no server."""

from __future__ import annotations

import base64
import html
import re

import altair as alt
import pandas as pd

from ..charts.safe_spec import safe_spec
from ..errors import OptionError

_STYLE = (
    "display:inline-block;padding:2px 8px;margin-right:6px;border:1px solid #888;"
    "border-radius:4px;text-decoration:none;color:#222;font-size:85%"
)


def _safe_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("_") or "download"


def _frames(chart: object) -> list[pd.DataFrame]:
    found = []
    data = getattr(chart, "data", None)
    if isinstance(data, pd.DataFrame):
        found.append(data)
    for part in [*(getattr(chart, "layer", None) or []), getattr(chart, "spec", None)]:
        if part is not None and part is not alt.Undefined:
            found += _frames(part)
    return found


def chart_table(chart: alt.TopLevelMixin) -> pd.DataFrame:
    """The rows a chart draws (its largest data table), as a table.

    Read from the chart object, not from its JSON spec: that would cost as much
    as drawing the chart again.

    >>> c = alt.Chart(pd.DataFrame({"outlet": ["X"], "words": [3]})).mark_bar()
    >>> chart_table(c).to_dict("records")
    [{'outlet': 'X', 'words': 3}]
    """
    frames = _frames(chart)
    return max(frames, key=len) if frames else pd.DataFrame()


def download_link(item: pd.DataFrame | alt.TopLevelMixin, filename: str, label: str = "") -> str:
    """An HTML link that downloads ``item``: a DataFrame as CSV, an altair chart as PNG.

    The file is inside the link (a ``data:`` URL), so it works offline, in
    JupyterLab, Voilà and a saved HTML page.

    >>> download_link(pd.DataFrame({"a": [1]}), "table.csv").startswith("<a download='table.csv'")
    True
    """
    if isinstance(item, pd.DataFrame):
        data, mime, ext = item.to_csv(index=False).encode("utf-8"), "text/csv", ".csv"
        label = label or "Download CSV"
    elif isinstance(item, alt.TopLevelMixin):
        import vl_convert as vlc

        data, mime, ext = (
            vlc.vegalite_to_png(safe_spec(item.to_dict()), scale=1),
            "image/png",
            ".png",
        )
        label = label or "Download PNG"
    else:
        raise OptionError(
            f"download_link needs a pandas DataFrame or an altair chart; got {type(item).__name__}."
        )
    name = _safe_name(filename if filename.endswith(ext) else filename + ext)
    href = f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
    return f"<a download='{name}' href='{href}' style='{_STYLE}'>{html.escape(label)}</a>"
