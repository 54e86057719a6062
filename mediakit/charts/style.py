"""The look every chart shares: outlet colours, titles, sizes and short labels.

One definition for all chart modules, so an outlet has the same colour and
a chart title the same layout everywhere.
"""

from __future__ import annotations

import colorsys
import hashlib
from collections.abc import Iterable, Sequence

import altair as alt
import pandas as pd

from ..analyses.metric_info import describe_metric
from ..vocab import LABEL_NAMES

__all__ = [
    "PALETTE",
    "TITLE_CHARS",
    "WIDTH",
    "chart_title",
    "direction_note",
    "entity_words",
    "outlet_colour",
    "outlet_palette",
    "row_step",
    "shorten",
]

#: Okabe & Ito's colour-blind-safe categorical palette (black last: it is also the mean mark).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
#: Width of a one-panel chart, in pixels.
WIDTH = 480
#: Long headlines are cut to this many characters in tooltips and labels.
TITLE_CHARS = 70


def _hashed_colour(name: str) -> str:
    # Same name -> same colour in every corpus and session; lightness kept mid-range for contrast.
    h = hashlib.blake2b(name.encode("utf-8"), digest_size=4).digest()
    hue = int.from_bytes(h[:2], "big") / 65536
    light = 0.35 + 0.2 * h[2] / 255
    sat = 0.55 + 0.35 * h[3] / 255
    r, g, b = colorsys.hls_to_rgb(hue, light, sat)
    return f"#{round(r * 255):02x}{round(g * 255):02x}{round(b * 255):02x}"


def outlet_palette(outlets: Iterable[str]) -> dict[str, str]:
    """A colour per outlet: the same outlet list always gives the same colours.

    Sorted unique names take the colour-blind-safe :data:`PALETTE` in turn;
    with more outlets than colours, every outlet gets a colour hashed from
    its name (stable, but no longer guaranteed distinguishable).

    >>> outlet_palette(["Outlet B", "Newslooks", "Outlet B"])
    {'Newslooks': '#0072B2', 'Outlet B': '#E69F00'}
    """
    names = sorted({str(o) for o in outlets if not pd.isna(o)})
    if len(names) <= len(PALETTE):
        return dict(zip(names, PALETTE, strict=False))
    return {n: _hashed_colour(n) for n in names}


def outlet_colour(
    present: Iterable[str],
    outlets: Iterable[str] | None,
    *,
    legend: bool = False,
    field: str = "outlet",
    title: str = "Outlet",
) -> alt.Color:
    """The colour encoding of the outlets ``present`` in a chart.

    The scale's domain is only the outlets in the chart (a small spec, a
    short legend); the colours come from the full list ``outlets`` (all of
    the corpus), so they stay put when a chart shows a subset.
    """
    shown = {str(o) for o in present}
    palette = outlet_palette(shown | ({str(o) for o in outlets} if outlets is not None else set()))
    domain = sorted(shown)
    return alt.Color(
        f"{field}:N",
        scale=alt.Scale(domain=domain, range=[palette[o] for o in domain]),
        legend=alt.Legend(title=title, symbolLimit=40) if legend else None,
        title=title,
    )


def chart_title(text: str, *subtitle: str) -> alt.TitleParams:
    """A left-aligned title; empty subtitle lines are left out."""
    return alt.TitleParams(text=text, subtitle=[s for s in subtitle if s], anchor="start")


def shorten(text: pd.Series, n: int = TITLE_CHARS) -> pd.Series:
    """Texts cut to ``n`` characters with an ellipsis (for labels and tooltips)."""
    text = text.astype("string").fillna("")
    return text.where(text.str.len() <= n, text.str.slice(0, n - 1) + "…")


def direction_note(metric: str) -> str:
    """ "Higher = harder to read." (or easier), or "" for a metric with no direction."""
    higher = describe_metric(metric).higher
    return f"Higher = {higher} to read." if higher else ""


def row_step(n: int) -> alt.Step:
    """Height per row of a chart with ``n`` rows: smaller rows for long lists."""
    return alt.Step(26 if n <= 30 else 16)


def entity_words(label: str | Sequence[str] | None) -> str:
    """An entity label in plain words ("people"), for titles."""
    if isinstance(label, str):
        return LABEL_NAMES.get(label.upper(), f"{label.upper()} entities")
    return "names"
