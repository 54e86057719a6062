"""The report's "Stories" section, the per-story sections and ``report(story=...)``."""

from __future__ import annotations

import re
import warnings

import pytest

import mediakit
from mediakit import CorpusError
from mediakit.parsing.parsed import parse_corpus
from mediakit.reporting.blocks import Chart, Table
from mediakit.reporting.context import ReportContext
from mediakit.reporting.sections import resolve_sections
from mediakit.reporting.sections.stories import stories_section, story_sections
from tests.analyses.story_fixtures import BRIDGE, FIRE, TRANSIT, corpus_of

_SECTION = re.compile(r'<section id="([^"]+)"')


@pytest.fixture(scope="module")
def three_stories():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return mediakit.load_corpus(corpus_of(BRIDGE, TRANSIT, FIRE).drop(columns=["event"]))


@pytest.fixture(scope="module")
def page(three_stories, tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "report.html"
    mediakit.report(three_stories, out, cache_dir=False, analysed_on="2024-01-01")
    return out


def test_one_story_corpus_says_so_and_gets_no_story_sections():
    ctx = ReportContext(parse_corpus(cache_dir=False))
    texts = [b.text for b in stories_section(ctx) if hasattr(b, "text")]
    assert any(t.startswith("All 5 articles are one story:") for t in texts)
    assert story_sections(ctx, resolve_sections()) == []


def test_several_stories_get_a_note_and_a_section_each(page):
    html = page.read_text(encoding="utf-8")
    ids = _SECTION.findall(html)
    assert ids[-3:] == ["story-s001", "story-s002", "story-s003"]
    assert ids.index("stories") < ids.index("distinctive-words")
    assert "comparisons were grouped by story automatically" in html
    assert "Story s002: " in html  # the section title names the story


def test_story_sections_prefix_their_block_ids(three_stories):
    ctx = ReportContext(parse_corpus(three_stories, cache_dir=False), options={"stories_top": 2})
    sections = story_sections(ctx, resolve_sections())
    assert [s.id for s in sections] == ["story-s001", "story-s002"]
    blocks = sections[0].build(ctx)
    ids = [b.id for b in blocks if isinstance(b, Chart | Table)]
    assert ids and all(i.startswith("s-s001-") for i in ids)
    assert "s-s001-quotes" in ids
    assert not story_sections(ctx, resolve_sections(["corpus", "stories"]))  # nothing to repeat


def test_the_report_is_byte_identical(three_stories, page, tmp_path):
    again = mediakit.report(
        three_stories, tmp_path / "again.html", cache_dir=False, analysed_on="2024-01-01"
    )
    assert again.read_bytes() == page.read_bytes()


def test_a_report_for_one_story(three_stories, tmp_path):
    out = mediakit.report(
        three_stories,
        tmp_path / "one.html",
        cache_dir=False,
        analysed_on="2024-01-01",
        story="s001",
    )
    html = out.read_text(encoding="utf-8")
    assert "3 articles from 3 outlets" in html
    assert not any(i.startswith("story-") for i in _SECTION.findall(html))
    with pytest.raises(CorpusError, match="No story 's01'.*Closest ids: s001"):
        mediakit.report(three_stories, tmp_path / "x.html", cache_dir=False, story="s01")
