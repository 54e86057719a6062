"""Tables a report keeps beside the parse cache: read back unchanged, never served for other inputs."""

from __future__ import annotations

import pandas as pd

import mediakit
from mediakit.analyses.figures import figures_of
from mediakit.analyses.quotes import quotes_of
from mediakit.parsing.parsed import parse_corpus
from mediakit.reporting.context import ReportContext
from mediakit.reporting.derived import derived_table


def _kept(cache, kind: str) -> list:
    return sorted(cache.glob(f"*/*/{kind}/*.parquet"))


def test_second_report_reads_kept_tables_equal_to_computed_ones(tmp_path):
    cache = tmp_path / "cache"
    first = ReportContext(parse_corpus(cache_dir=cache, progress=False))
    quotes, figures = first.quotes, first.figures
    assert len(_kept(cache, "quotes")) == 1 and len(_kept(cache, "figures")) == 1

    again = ReportContext(parse_corpus(cache_dir=cache, progress=False))
    pd.testing.assert_frame_equal(again.quotes, quotes)
    pd.testing.assert_frame_equal(again.figures, figures)
    # and both equal what the analyses give when called directly
    pd.testing.assert_frame_equal(quotes, quotes_of(again.parsed, mentions=again.mentions))
    pd.testing.assert_frame_equal(figures, figures_of(again.parsed, mentions=again.mentions))
    assert len(_kept(cache, "quotes")) == 1  # read, not written again under a new key


def test_other_corpus_aliases_or_options_get_their_own_table(tmp_path):
    cache = tmp_path / "cache"
    pc = parse_corpus(cache_dir=cache, progress=False)
    calls = []

    def compute():
        calls.append(1)
        return pd.DataFrame({"n": [len(calls)]})

    assert derived_table(pc, "example", compute)["n"].tolist() == [1]
    assert derived_table(pc, "example", compute)["n"].tolist() == [1]  # kept
    assert derived_table(pc, "example", compute, options=("drop",))["n"].tolist() == [2]
    aliases = {"Guterres": "António Guterres"}
    assert derived_table(pc, "example", compute, aliases=aliases)["n"].tolist() == [3]
    corpus = mediakit.load_corpus()
    fewer = parse_corpus(corpus.iloc[:3].reset_index(drop=True), cache_dir=cache, progress=False)
    assert derived_table(fewer, "example", compute)["n"].tolist() == [4]
    retitled = corpus.assign(title=corpus["title"] + " (updated)")
    other = parse_corpus(retitled, cache_dir=cache, progress=False)
    assert derived_table(other, "example", compute)["n"].tolist() == [5]


def test_without_a_disk_cache_nothing_is_kept():
    pc = parse_corpus(cache_dir=False)
    calls = []
    for _ in range(2):
        derived_table(pc, "example", lambda: calls.append(1) or pd.DataFrame({"n": [1]}))
    assert len(calls) == 2
