"""Charts: pure functions from mediakit tables to altair charts.

Every function gets its numbers from :mod:`mediakit.compare` (so the charts,
the widgets and the static report agree), returns a chart and displays
nothing. Every chart has a title, axis titles with units and tooltips, and
an outlet has the same colour in every chart: pass ``outlets=`` (all outlet
names of the corpus) when you chart a subset, and colours stay put.

Charts embed only aggregated or per-article numbers (never article text),
and at most a few thousand rows, so altair's 5,000-row limit is never hit:
big corpora are drawn as box statistics, and charts with one row or panel
per outlet show the ``max_outlets`` largest outlets (the subtitle says so).

One module per family: :mod:`.metrics`, :mod:`.entities`, :mod:`.quotes`,
:mod:`.figures`, :mod:`.keyness`, :mod:`.overlap`; the shared look
(palette, titles) is in :mod:`.style`.

>>> import mediakit
>>> from mediakit import charts
>>> metrics = mediakit.analyze(cache_dir=False)
>>> chart = charts.metric_by_outlet(metrics, "words_per_sentence")
>>> chart.save("words_per_sentence.html", inline=True)  # doctest: +SKIP
"""

from .entities import entity_heatmap, top_entities
from .figures import figure_disagreements
from .keyness import keyness_chart
from .metrics import metric_by_outlet, metric_profile, readability_formulas, sentence_lengths
from .overlap import similarity_heatmap, unique_share_chart
from .quotes import quote_alignment, quotes_by_speaker
from .style import PALETTE, outlet_palette

__all__ = [
    "PALETTE",
    "entity_heatmap",
    "figure_disagreements",
    "keyness_chart",
    "metric_by_outlet",
    "metric_profile",
    "outlet_palette",
    "quote_alignment",
    "quotes_by_speaker",
    "readability_formulas",
    "sentence_lengths",
    "similarity_heatmap",
    "top_entities",
    "unique_share_chart",
]
