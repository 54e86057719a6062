"""The corpus stage: files, tables or DataFrames in, one row per article out.

>>> from mediakit.corpus import load_corpus
>>> len(load_corpus())
5
"""

from .cleaning import CleanedArticle, clean_article, describe_cleaning
from .columns import CORPUS_COLUMNS
from .load import load_corpus

__all__ = ["CORPUS_COLUMNS", "CleanedArticle", "clean_article", "describe_cleaning", "load_corpus"]
