"""The report's size budget (README: under 5 MB), on 5,000 synthetic articles and on the real 2,000.

The synthetic page is built from blocks directly (no parse): 5,000 articles
from 400 outlets, the four metric charts, a 100,000-row table, every
article's text offered to the reader. The real corpus needs ../shared; it parses into the default cache
(which the other allsides tests share) or ``MEDIAKIT_REPORT_CACHE`` when set.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from mediakit import charts, compare
from mediakit.reporting import Chart, Table
from mediakit.reporting.embedded import (
    CSV_BUDGET,
    REPORT_BUDGET,
    TEXT_BUDGET,
    article_payload,
    cited_articles,
)
from mediakit.reporting.html import render_report
from mediakit.reporting.provenance import Provenance
from mediakit.reporting.registry import Section
from mediakit.reporting.sections.length_readability import DEFAULT_METRICS, REPORT_POINTS
from tests.shared import ALLSIDES, require_shared

N = 5_000
WORDS = ["the", "minister", "said", "on", "monday", "that", "talks", "would", "resume", "vote"]


@pytest.fixture(scope="module")
def synthetic():
    rng = np.random.default_rng(15)
    doc_id = [f"d{i:05d}" for i in range(N)]
    outlet = [f"Outlet {i:03d}" for i in rng.integers(0, 400, N)]
    text = [" ".join(rng.choice(WORDS, 1_000)) + "." for _ in range(N)]  # about 6,000 characters
    corpus = pd.DataFrame(
        {
            "doc_id": doc_id,
            "outlet": outlet,
            "title": [f"Story {i}" for i in range(N)],
            "text": text,
        }
    )
    metrics = corpus[["doc_id", "outlet", "title"]].assign(
        words=rng.integers(200, 2_000, N),
        words_per_sentence=rng.normal(20, 4, N),
        flesch_reading_ease=rng.normal(50, 10, N),
        consensus_grade=rng.normal(11, 2, N),
    )
    sentences = pd.DataFrame(
        {
            "doc_id": np.repeat(doc_id, 20),
            "outlet": np.repeat(outlet, 20),
            "start_char": np.tile(np.arange(20) * 300, N),
            "end_char": np.tile(np.arange(20) * 300 + 120, N),
            "text": "The minister said talks would resume after the vote on Monday.",
        }
    )
    # The four metric charts as the report draws them: 5,000 dots each were 3.3 MB together.
    blocks = [
        Chart(
            f"metric-{metric}",
            metric,
            charts.metric_by_outlet(metrics, metric, max_points=REPORT_POINTS),
            compare.metric_by_outlet(metrics, metric).summary,
        )
        for metric in DEFAULT_METRICS
    ] + [
        Table("sentences", "Every sentence", sentences, max_rows=25),
        Table("articles", "Articles", metrics, max_rows=50, collapsed=True),
    ]
    built = [(Section("s", "S", 1, list), blocks)]
    labels = pd.Series(corpus["outlet"] + " · " + corpus["title"], index=corpus["doc_id"])
    tables = [b if isinstance(b, Table) else b.table() for b in blocks]
    articles = article_payload(corpus, labels, cited_articles(tables))
    prov = Provenance("0", "m", None, "not recorded", "0" * 32, N, 400)
    return render_report("Big", built, prov, False, articles=articles), corpus


def test_a_report_of_5000_articles_stays_within_its_budget(synthetic):
    page, corpus = synthetic
    size = len(page.encode("utf-8"))
    assert size <= REPORT_BUDGET, f"{size:,} bytes"
    held = json.loads(re.search(r'id="mediakit-articles">(.*?)</script>', page, re.S).group(1))
    assert 0 < sum(len(a["text"]) for a in held.values()) <= TEXT_BUDGET
    assert len(held) < len(corpus)  # the budget, not the corpus, decides
    csv = re.findall(r'id="csv-([^"]+)">(.*?)</script>', page, re.S)
    assert sum(len(text) for _, text in csv) <= CSV_BUDGET * 1.1  # JSON escaping adds a little
    ids = {i for i, _ in csv}
    assert "sentences" not in ids and "articles" in ids  # too big: the page says to export it
    assert "mediakit report --tables DIR" in page
    # The tables show 25 and 50 rows (and a header), not 100,000 and 5,000.
    rows = {
        t: re.search(rf'id="table-{t}".*?</table>', page, re.S).group(0).count("<tr")
        for t in ("sentences", "articles")
    }
    assert rows == {"sentences": 26, "articles": 51}


@pytest.mark.slow
def test_the_2000_article_report_stays_within_its_budget(tmp_path):
    cache = os.environ.get("MEDIAKIT_REPORT_CACHE")  # None: the default cache
    import mediakit

    corpus = mediakit.load_corpus(require_shared(ALLSIDES))
    out = mediakit.report(corpus, tmp_path / "r.html", analysed_on="2024-11-18", cache_dir=cache)
    page = Path(out).read_text(encoding="utf-8")
    assert len(page.encode("utf-8")) <= REPORT_BUDGET
    assert "as &#34;other outlets&#34;" in page and "--outlets-top" in page
    held = json.loads(re.search(r'id="mediakit-articles">(.*?)</script>', page, re.S).group(1))
    assert len(held) > 80  # 106 measured with benchmarks/bench_report_size.py (4.87 MB)


def test_past_report_points_articles_the_metric_charts_draw_boxes_not_dots(corpus):
    from mediakit.parsing.parsed import parse_corpus
    from mediakit.reporting.context import ReportContext
    from mediakit.reporting.sections.length_readability import length_readability_section

    def specs(options: dict) -> list[str]:
        ctx = ReportContext(parse_corpus(corpus, cache_dir=False), options=options)
        blocks = length_readability_section(ctx)
        return [
            json.dumps(b.chart.to_dict())
            for b in blocks
            if isinstance(b, Chart) and b.id.startswith("metric-")
        ]

    dots, boxes = specs({}), specs({"max_points": len(corpus) - 1})
    assert len(dots) == len(boxes) == len(DEFAULT_METRICS)
    assert all('"doc_id"' in s for s in dots) and not any('"doc_id"' in s for s in boxes)
    assert all("too many to draw one by one" in s for s in boxes)
