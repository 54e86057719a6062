"""``mediakit stories`` and ``mediakit report --story``."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from mediakit.cli import main
from tests.analyses.story_fixtures import BRIDGE, TRANSIT, corpus_of


@pytest.fixture(scope="module")
def export(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "export.csv"
    raw = corpus_of(BRIDGE, TRANSIT).rename(columns={"text": "body", "event": "event_id"})
    raw.to_csv(path, index=False)
    return path


def test_stories_writes_the_story_table(export, tmp_path, capsys):
    out = tmp_path / "stories.csv"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert main(["stories", str(export), "--no-cache", "-o", str(out)]) == 0
    table = pd.read_csv(out)
    assert table["story"].tolist() == ["s001", "s002"]
    assert table["articles"].tolist() == [3, 3]
    printed = capsys.readouterr().out
    assert "2 stories in 6 articles (2 covered by several outlets)" in printed


def test_stories_uses_a_story_column_and_lists_articles(export, tmp_path):
    out = tmp_path / "articles.csv"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        code = main(
            ["stories", str(export), "--story-column", "event_id", "--articles", "-q",
             "--no-cache", "-o", str(out)]
        )  # fmt: skip
    assert code == 0
    table = pd.read_csv(out)
    assert set(table["story"]) == {"event-0", "event-1"}
    assert list(table.columns)[:3] == ["doc_id", "outlet", "story"]


def test_report_for_an_unknown_story_lists_close_ids(export, tmp_path, capsys):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        code = main(
            ["report", str(export), "--story", "s0002", "--no-cache", "-q",
             "-o", str(tmp_path / "r.html")]
        )  # fmt: skip
    assert code == 2
    assert "Closest ids: s002" in capsys.readouterr().err


def test_report_for_one_story(export, tmp_path, capsys):
    out = tmp_path / "one.html"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        code = main(["report", str(export), "--story", "s002", "--no-cache", "-o", str(out)])
    assert code == 0 and out.exists()
    assert capsys.readouterr().out.startswith("story s002 of ")
