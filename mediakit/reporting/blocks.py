"""What a report section is made of: text, lists, definitions, tables and charts.

Blocks hold plain data (strings, DataFrames, altair charts), never HTML: the
renderer escapes every string, so text taken from articles (titles, outlet
names, entity names) can go into a block as it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

import pandas as pd

__all__ = ["Block", "Bullets", "Chart", "Definitions", "Table", "Text"]

#: Rows of the table behind a chart shown on the page (its CSV download has them all).
CHART_ROWS = 50


@dataclass(frozen=True)
class Text:
    """A paragraph of plain text; ``style="note"`` sets it apart as a caveat.

    >>> Text("Five articles show differences; they do not prove them.", style="note").style
    'note'
    """

    text: str
    style: Literal["paragraph", "note"] = "paragraph"


@dataclass(frozen=True)
class Bullets:
    """A list of plain-text items.

    >>> len(Bullets(["one", "two"]).items)
    2
    """

    items: tuple[str, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "items", tuple(str(i) for i in self.items))


@dataclass(frozen=True)
class Definitions:
    """Terms with explanations, e.g. each metric and what it measures.

    >>> Definitions([("Words", "Words in the article.")], title="Metrics").items[0][0]
    'Words'
    """

    items: tuple[tuple[str, str], ...]
    title: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "items", tuple((str(t), str(d)) for t, d in self.items))


@dataclass(frozen=True)
class Table:
    """A table shown as a sortable HTML table and exported as ``<id>.csv``.

    ``columns`` renames columns for display only (the CSV keeps the
    snake_case names); ``digits`` is the number of decimals shown for floats;
    the page shows at most ``max_rows`` rows (the CSV export has them all);
    ``collapsed``: folded away until the reader opens it.

    >>> t = Table("outlets", "Articles per outlet", pd.DataFrame({"outlet": ["A"], "articles": [1]}))
    >>> t.id, list(t.data.columns)
    ('outlets', ['outlet', 'articles'])
    """

    id: str
    title: str
    data: pd.DataFrame
    caption: str = ""
    columns: dict[str, str] = field(default_factory=dict)
    digits: int = 2
    max_rows: int | None = 500
    collapsed: bool = False


@dataclass(frozen=True)
class Chart:
    """An altair chart, with the table behind it (shown under the chart, exported as CSV).

    ``data`` is the table the chart draws, as the :mod:`mediakit.compare` (or
    analysis) function that the chart itself calls returns it: the report
    never digs numbers back out of a chart. Charts are exported as
    ``<id>.png`` and ``<id>.svg``.

    >>> import altair as alt
    >>> df = pd.DataFrame({"outlet": ["A", "B"], "words": [500, 700]})
    >>> c = Chart("words", "Words per article", alt.Chart(df).mark_bar().encode(x="words", y="outlet"), df)
    >>> c.table().title
    'Words per article (data)'
    """

    id: str
    title: str
    chart: Any
    data: pd.DataFrame
    caption: str = ""
    columns: dict[str, str] = field(default_factory=dict)
    digits: int = 2

    def __post_init__(self) -> None:
        if not isinstance(self.data, pd.DataFrame):
            raise TypeError(
                f"Chart {self.id!r}: data must be the DataFrame the chart draws "
                f"(from mediakit.compare or an analysis), not {type(self.data).__name__}."
            )

    def spec(self) -> dict:
        """The chart's Vega-Lite specification (a fresh dict)."""
        return self.chart.to_dict() if hasattr(self.chart, "to_dict") else dict(self.chart)

    def table(self) -> Table:
        """The table behind the chart, with its display settings."""
        return Table(
            f"{self.id}-data",
            f"{self.title} (data)",
            self.data,
            columns=self.columns,
            digits=self.digits,
            max_rows=CHART_ROWS,
        )


Block = Text | Bullets | Definitions | Table | Chart
