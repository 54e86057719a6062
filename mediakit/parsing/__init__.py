"""The parse stage: one spaCy pass per article, cached, and the tables read straight from it.

:func:`~mediakit.parsing.parsed.parse_corpus` makes sure every article has a
parse record (parsing only what the cache lacks); :mod:`.sentences` and
:mod:`.tokens` read sentence and word tables from the records. Only
:mod:`.store` touches cache files. Nothing is imported here, so that
importing a light module of this package (:mod:`.counts`) does not load spaCy.
"""
