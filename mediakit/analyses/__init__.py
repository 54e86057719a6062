"""The analyses: per-article tables made from the corpus and its parse.

One module (or package) per public function: :mod:`.metrics` (``analyze``),
:mod:`.entities`, :mod:`.quotes`, :mod:`.figures`, :mod:`.keyness`,
:mod:`.overlap`; :mod:`.readability` holds the formulas and
:mod:`.metric_info` what every metric column means; :mod:`.map_articles`
runs their per-article steps here or on a Dask cluster. Nothing is imported
here, so the light modules (``metric_info``) load without spaCy.
"""
