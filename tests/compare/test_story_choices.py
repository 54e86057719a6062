"""``story_choices``: what the dashboard's story picker lists."""

from __future__ import annotations

import pandas as pd
import pytest

from mediakit import CorpusError
from mediakit.compare import story_choices
from mediakit.compare.stories import CHOICE_COLUMNS


def test_most_outlets_first_then_most_articles():
    summary = pd.DataFrame(
        {
            "story": ["s001", "s002", "s003", "s004"],
            "story_title": ["Budget", "Storm", "Court ruling", "Parade"],
            "articles": [9, 4, 6, 1],
            "outlets": [2, 3, 3, 1],
            "first_date": pd.to_datetime(["2024-01-01", "2024-01-03", "2024-01-02", None]),
            "comparable": [True, True, True, False],
        }
    )
    before = summary.copy()
    out = story_choices(summary)
    assert list(out.columns) == CHOICE_COLUMNS
    assert out["story"].tolist() == ["s003", "s002", "s001", "s004"]
    assert out["label"].iloc[-1] == "Parade · 1 article, 1 outlet"
    assert story_choices(summary, comparable_only=True)["story"].tolist() == [
        "s003",
        "s002",
        "s001",
    ]
    pd.testing.assert_frame_equal(summary, before)


def test_needs_the_summary_table():
    with pytest.raises(CorpusError, match="stories_summary"):
        story_choices(pd.DataFrame({"story": ["s1"]}))
