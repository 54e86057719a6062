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
from ..compare import OTHER_OUTLETS
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
    "outlet_shape",
    "outlet_shapes",
    "row_step",
    "shorten",
]

#: Okabe & Ito's colour-blind-safe categorical palette (black last: it is also the mean mark).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
#: Four more colours (from Paul Tol's palettes) for 9 to 12 outlets, apart from :data:`PALETTE`.
EXTRA_COLOURS = ("#882255", "#999933", "#332288", "#8C564B")
#: The colour of "other outlets": grey, never an outlet's colour.
OTHER_COLOUR = "#9A9A9A"
#: Point shapes that tell outlets apart when there are more than :data:`PALETTE` has colours.
SHAPES = ("circle", "square", "triangle-up", "diamond", "cross", "triangle-down")
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


def _names(outlets: Iterable[str]) -> list[str]:
    return sorted({str(o) for o in outlets if not pd.isna(o)} - {OTHER_OUTLETS})


def outlet_palette(outlets: Iterable[str]) -> dict[str, str]:
    """A colour per outlet: the same outlet list always gives the same colours.

    Sorted unique names take the colour-blind-safe :data:`PALETTE` in turn,
    then :data:`EXTRA_COLOURS` (up to 12 outlets; charts also vary the point
    shape past 8, see :func:`outlet_shapes`). With more outlets every outlet
    gets a colour hashed from its name (stable, no longer guaranteed
    distinguishable: charts show the :data:`mediakit.compare.MAX_OUTLETS`
    largest and sum the rest). "other outlets" is always grey.

    >>> outlet_palette(["Outlet B", "Newslooks", "Outlet B"])
    {'Newslooks': '#0072B2', 'Outlet B': '#E69F00'}
    """
    names = _names(outlets)
    colours = PALETTE + EXTRA_COLOURS
    if len(names) <= len(colours):
        found = dict(zip(names, colours, strict=False))
    else:
        found = {n: _hashed_colour(n) for n in names}
    if any(str(o) == OTHER_OUTLETS for o in outlets):
        found[OTHER_OUTLETS] = OTHER_COLOUR
    return found


def outlet_shapes(outlets: Iterable[str]) -> dict[str, str]:
    """A point shape per outlet; all circles up to 8 outlets, then :data:`SHAPES` in turn.

    With colour and shape together, 12 outlets (and "other outlets") stay
    distinguishable, also in print and for colour-blind readers.

    >>> sorted(set(outlet_shapes([f"Outlet {i:02}" for i in range(10)]).values()))
    ['circle', 'cross', 'diamond', 'square', 'triangle-down', 'triangle-up']
    """
    outlets = list(outlets)
    names = _names(outlets)
    many = len(names) > len(PALETTE)
    found = {n: SHAPES[i % len(SHAPES)] if many else "circle" for i, n in enumerate(names)}
    if any(str(o) == OTHER_OUTLETS for o in outlets):
        found[OTHER_OUTLETS] = "circle"
    return found


def _universe(present: Iterable[str], outlets: Iterable[str] | None) -> list[str]:
    """The names colours are given over: all of ``outlets`` while the palette can tell them apart.

    Past 12 outlets in all, the outlets shown take the palette among themselves:
    distinct colours in the chart matter more than colours that stay put.
    """
    shown = [str(o) for o in present]
    every = list(dict.fromkeys(shown + ([str(o) for o in outlets] if outlets is not None else [])))
    if len(_names(every)) > len(PALETTE + EXTRA_COLOURS) >= len(_names(shown)):
        return shown
    return every


def outlet_shape(
    present: Iterable[str],
    outlets: Iterable[str] | None,
    *,
    legend: bool = False,
    field: str = "outlet",
    title: str = "Outlet",
) -> alt.Shape | None:
    """The shape encoding of the outlets ``present``, or None when colour alone tells them apart.

    Give it the same ``present``, ``outlets`` and ``title`` as
    :func:`outlet_colour`: vega-lite then draws one legend of coloured shapes.
    """
    present = list(present)
    shapes = outlet_shapes(_universe(present, outlets))
    domain = sorted({str(o) for o in present})
    if set(shapes[o] for o in domain) <= {"circle"}:
        return None
    return alt.Shape(
        f"{field}:N",
        scale=alt.Scale(domain=domain, range=[shapes[o] for o in domain]),
        legend=_legend(title, len(domain)) if legend else None,
        title=title,
    )


def _legend(title: str, n: int) -> alt.Legend:
    # Two columns past 12 entries so a long legend stays beside its chart.
    return alt.Legend(title=title, symbolLimit=0, columns=2 if n > 12 else 1, labelLimit=180)


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
    present = list(present)
    palette = outlet_palette(_universe(present, outlets))
    domain = sorted({str(o) for o in present})
    return alt.Color(
        f"{field}:N",
        scale=alt.Scale(domain=domain, range=[palette[o] for o in domain]),
        legend=_legend(title, len(domain)) if legend else None,
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
